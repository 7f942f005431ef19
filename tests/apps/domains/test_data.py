"""Data-centric domains: database admin, wiki, office docs, surveys, help desk and security operations."""

from toolgym_env.world.seeding import make_cast


# --- database_admin ---------------------------------------------------------------------------------------
def test_database_grants_merge_privileges(open_app):
    app = open_app("quarrybase")
    user = app.rows("db_user", "role = 'developer' AND locked = 0")[0]
    db = app.rows("database")[0]
    res = app.call(
        "grant_privileges", db_user_id=user["id"], database_id=db["id"], privileges=["select", "insert"]
    )
    assert not res.is_error
    row = app.rows("db_user", "id = ?", (user["id"],))[0]
    grant = next(g for g in row["grants"] if g["database_id"] == db["id"])
    assert {"select", "insert"} <= set(grant["privileges"])


def test_database_backup_quota_is_enforced(open_app):
    app = open_app("quarrybase")
    tiny = app.rows("database", "backup_quota_mb = 500")[0]
    res = app.call("create_backup", database_id=tiny["id"], kind="full")
    assert res.is_error and "quota exceeded" in res.text.lower()


# --- wiki -------------------------------------------------------------------------------------------------
def test_wiki_edit_records_a_revision(open_app):
    app = open_app("lorekeep")
    page = next(p for p in app.rows("page", "status = 'published'") if not p["restrictions"])
    res = app.call("edit_page", page_id=page["id"], body="New body text", summary="Rewrite")
    assert not res.is_error
    assert app.rows("page", "id = ?", (page["id"],))[0]["version"] == page["version"] + 1
    revs = app.rows("revision", "page_id = ? AND version = ?", (page["id"], page["version"] + 1))
    assert revs and revs[0]["body"] == "New body text"


def test_wiki_restore_saves_the_old_content_as_a_new_version(open_app):
    app = open_app("lorekeep")
    page = next(p for p in app.rows("page", "status = 'published'") if not p["restrictions"])
    first = app.call("edit_page", page_id=page["id"], body="Draft one", title="Renamed")
    assert not first.is_error, first.text
    old = app.rows("revision", "page_id = ? AND version = ?", (page["id"], page["version"] + 1))[0]
    assert not app.call("edit_page", page_id=page["id"], body="Draft two").is_error
    res = app.call("restore_revision", revision_id=old["id"])
    assert not res.is_error, res.text
    now = app.rows("page", "id = ?", (page["id"],))[0]
    assert (now["title"], now["body"], now["version"]) == ("Renamed", "Draft one", page["version"] + 3)
    rev = app.rows("revision", "page_id = ? AND version = ?", (page["id"], now["version"]))[0]
    assert rev["summary"] == f"Restored version {old['version']}"
    assert (rev["title"], rev["body"], rev["created_at"]) == ("Renamed", "Draft one", now["updated_at"])
    again = app.call("restore_revision", revision_id=rev["id"])
    assert again.is_error and "already the current version" in again.text


def test_wiki_archived_page_cannot_be_edited(open_app):
    app = open_app("lorekeep")
    page = app.rows("page", "status = 'archived'")[0]
    res = app.call("edit_page", page_id=page["id"], body="x")
    assert res.is_error and "archived" in res.text


# --- office_docs ------------------------------------------------------------------------------------------
def test_office_write_cells_then_summarize(open_app):
    app = open_app("quillsheet")
    me = make_cast(0).user.email
    mine = {
        d["id"]
        for d in app.rows("document", "status = 'active' AND kind = 'spreadsheet' AND owner_email = ?", (me,))
    }
    sheet = next(s for s in app.rows("sheet") if s["document_id"] in mine)
    res = app.call("write_cells", sheet_id=sheet["id"], start_cell="Z500", values=[[10], [32.5]])
    assert not res.is_error, res.text
    assert app.rows("sheet", "id = ?", (sheet["id"],))[0]["cells"]["Z501"] == 32.5
    summary = app.call("summarize_range", sheet_id=sheet["id"], range="Z500:Z501").structured
    assert summary["sum"] == 42.5 and summary["numeric_cells"] == 2


def test_office_spreadsheet_rejects_text_edits(open_app):
    app = open_app("quillsheet")
    res = None
    for doc in app.rows("document", "status = 'active' AND kind = 'spreadsheet'"):
        res = app.call("edit_document_text", document_id=doc["id"], text="hello")
        if "spreadsheet" in res.text:
            break
    assert res is not None and res.is_error and "is a spreadsheet" in res.text


# --- surveys ----------------------------------------------------------------------------------------------
def test_survey_response_is_validated_and_stored(open_app):
    app = open_app("pollinatrix")
    form = next(
        f
        for f in app.rows("form", "status = 'open' AND anonymous = 0")
        if not f["max_responses"] and (not f["closes_on"] or f["closes_on"] >= "2026-03-02")
    )
    qs = app.rows("question", "form_id = ?", (form["id"],))
    answers = []
    for q in qs:
        value = {
            "rating": 4,
            "number": 3,
            "single_choice": q["options"][0] if q["options"] else "",
            "multi_choice": q["options"][:1],
        }.get(q["kind"], "Sounds good")
        answers.append({"question_id": q["id"], "value": value})
    before = len(app.rows("response", "form_id = ?", (form["id"],)))
    res = app.call(
        "submit_response", form_id=form["id"], answers=answers, respondent_email="new.person@example.com"
    )
    assert not res.is_error, res.text
    assert len(app.rows("response", "form_id = ?", (form["id"],))) == before + 1
    assert res.structured["status"] == "complete"


def test_survey_closed_form_refuses_responses(open_app):
    app = open_app("pollinatrix")
    form = app.rows("form", "status = 'closed'")[0]
    q = app.rows("question", "form_id = ?", (form["id"],))[0]
    res = app.call(
        "submit_response",
        form_id=form["id"],
        answers=[{"question_id": q["id"], "value": "x"}],
        respondent_email="a@example.com",
    )
    assert res.is_error and "does not accept responses" in res.text


# --- helpdesk ---------------------------------------------------------------------------------------------
def test_helpdesk_macro_applies_status_tags_and_usage(open_app):
    app = open_app("supportember")
    macro = next(m for m in app.rows("macro", "active = 1") if m["actions"].get("set_status") == "solved")
    ticket = app.rows("ticket", "status = 'open'")[0]
    res = app.call("apply_macro", ticket_id=ticket["id"], macro_id=macro["id"])
    assert not res.is_error, res.text
    row = app.rows("ticket", "id = ?", (ticket["id"],))[0]
    assert row["status"] == "solved" and row["solved_at"]
    assert app.rows("macro", "id = ?", (macro["id"],))[0]["usage_count"] == macro["usage_count"] + 1


def test_helpdesk_agent_capacity_is_enforced(open_app):
    app = open_app("supportember")
    agent = app.rows("agent", "max_open_tickets = 3")[0]
    app.world.update(
        app.app.resources["agent"].table, agent["id"], {"max_open_tickets": 1, "status": "online"}
    )
    tickets = app.rows("ticket", "status IN ('new','open') AND assignee_id != ?", (agent["id"],))
    results = [app.call("assign_ticket", ticket_id=t["id"], agent_id=agent["id"]) for t in tickets[:3]]
    assert any(r.is_error and "at capacity" in r.text for r in results)


# --- security_ops -----------------------------------------------------------------------------------------
def test_security_rotate_secret_bumps_version(open_app):
    app = open_app("bastionly")
    sec = app.rows("secret", "status = 'active'")[0]
    res = app.call("rotate_secret", secret_id=sec["id"])
    assert not res.is_error
    row = app.rows("secret", "id = ?", (sec["id"],))[0]
    assert row["version"] == sec["version"] + 1 and row["fingerprint"] != sec["fingerprint"]


def test_security_critical_risk_cannot_be_accepted(open_app):
    app = open_app("bastionly")
    vuln = app.rows("vulnerability", "severity = 'critical' AND status = 'open'")[0]
    res = app.call("triage_vulnerability", vulnerability_id=vuln["id"], status="accepted_risk")
    assert res.is_error and "cannot be accepted" in res.text
    assert app.rows("vulnerability", "id = ?", (vuln["id"],))[0]["status"] == "open"
