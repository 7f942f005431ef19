"""Project tracking: workflow rules, sprint capacity and archiving preconditions."""


def test_transition_follows_the_workflow(open_app):
    app = open_app("trackwise")
    issue = app.rows("issue", "status = 'todo'")[0]
    bad = app.call("transition_issue", issue_id=issue["id"], status="done")
    assert bad.is_error and "allowed: in_progress" in bad.text
    ok = app.call("transition_issue", issue_id=issue["id"], status="in_progress")
    assert not ok.is_error
    assert app.rows("issue", "id = ?", (issue["id"],))[0]["status"] == "in_progress"


def test_sprint_capacity_is_enforced(open_app):
    app = open_app("trackwise")
    sprint = app.rows("sprint", "state = 'planned'")[0]
    app.world.update(app.app.resources["sprint"].table, sprint["id"], {"capacity": 1})
    issue = app.rows("issue", "project_id = ? AND estimate > 1 AND sprint_id = ''", (sprint["project_id"],))[
        0
    ]
    res = app.call("add_issue_to_sprint", issue_id=issue["id"], sprint_id=sprint["id"])
    assert res.is_error and "over capacity" in res.text


def test_archiving_needs_no_open_issues(open_app):
    app = open_app("sprintly")
    busy = app.rows("project", "state = 'active'")[0]
    assert "open issues" in app.call("archiveProject", project_id=busy["id"]).text
    idle = app.rows("project", "state = 'paused'")[0]
    assert app.call("archiveProject", project_id=idle["id"]).structured["state"] == "archived"
