"""Monitoring, budgeting, ticketing, news reader, language learning, analytics: effects and preconditions."""


# --- monitoring -------------------------------------------------------------------------------------------


def test_resolving_incident_resolves_its_alerts(open_app):
    app = open_app("vigilix")
    alerts = app.rows("alert", "state != 'resolved' AND incident_id = ''")[:2]
    res = app.call(
        "declare_incident", title="Checkout down", alert_ids=[a["id"] for a in alerts], severity="sev2"
    )
    assert not res.is_error, res.text
    inc = res.structured
    assert all(a["incident_id"] == inc["id"] for a in app.rows("alert", "incident_id = ?", (inc["id"],)))
    assert not app.call(
        "update_incident_status", incident_id=inc["id"], status="resolved", note="fixed"
    ).is_error
    assert {a["state"] for a in app.rows("alert", "incident_id = ?", (inc["id"],))} == {"resolved"}


def test_acknowledging_a_resolved_alert_is_refused(open_app):
    app = open_app("pulsegrid")
    alert = app.rows("alert", "state = 'resolved'")[0]
    res = app.call("acknowledgeAlert", alert_id=alert["id"])
    assert res.is_error and "only triggered alerts" in res.text


# --- budgeting --------------------------------------------------------------------------------------------


def test_goal_contribution_books_a_transaction(open_app):
    app = open_app("budgetbee")
    goal = app.rows("goal", "status = 'active' AND target_amount - saved_amount > 100")[0]
    before = len(app.rows("transaction"))
    res = app.call("contribute_to_goal", goal_id=goal["id"], amount=100)
    assert not res.is_error, res.text
    assert app.rows("goal", "id = ?", (goal["id"],))[0]["saved_amount"] == round(
        goal["saved_amount"] + 100, 2
    )
    assert len(app.rows("transaction")) == before + 1


def test_split_must_add_up(open_app):
    app = open_app("budgetbee")
    txn = app.rows("transaction", "kind = 'expense' AND amount > 20")[0]
    cat = app.rows("category", "name = 'Groceries'")[0]
    res = app.call(
        "split_transaction",
        transaction_id=txn["id"],
        parts=[{"category_id": cat["id"], "amount": 1}, {"category_id": cat["id"], "amount": 2}],
    )
    assert res.is_error and "add up to 3.00" in res.text


# --- ticketing --------------------------------------------------------------------------------------------


def test_order_decrements_stock_and_issues_tickets(open_app):
    app = open_app("admitly")
    event = app.rows("event", "status = 'on_sale'")[0]
    tier = app.rows("ticket_tier", "event_id = ? AND sales_end = ''", (event["id"],))[0]
    res = app.call(
        "place_order",
        ticket_tier_id=tier["id"],
        buyer_email="ana@example.com",
        holders=[{"name": "Ana", "email": "ana@example.com"}, {"name": "Ben", "email": "ben@example.com"}],
    )
    assert not res.is_error, res.text
    assert app.rows("ticket_tier", "id = ?", (tier["id"],))[0]["sold"] == tier["sold"] + 2
    assert len(app.rows("attendee", "order_id = ?", (res.structured["order"]["id"],))) == 2


def test_refund_refused_after_check_in(open_app):
    app = open_app("admitly")
    att = app.rows("attendee", "checked_in = 1")[0]
    order = app.rows("order", "id = ?", (att["order_id"],))[0]
    if order["status"] == "paid":
        res = app.call("refund_order", order_id=order["id"])
        assert res.is_error and "already checked in" in res.text
    again = app.call("check_in_attendee", attendee_id=att["id"])
    assert again.is_error and "already checked in" in again.text


# --- news reader ------------------------------------------------------------------------------------------


def test_mark_feed_read_marks_every_article(open_app):
    app = open_app("feedquill")
    feed_id = app.rows("article", "read = 0")[0]["feed_id"]
    res = app.call("mark_feed_read", feed_id=feed_id)
    assert not res.is_error and res.structured["marked"] > 0
    assert not app.rows("article", "feed_id = ? AND read = 0", (feed_id,))


def test_article_cannot_be_saved_twice(open_app):
    app = open_app("feedquill")
    saved = app.rows("saved_article")[0]
    res = app.call("save_article", article_id=saved["article_id"])
    assert res.is_error and "already saved" in res.text


# --- language learning ------------------------------------------------------------------------------------


def test_completing_a_lesson_unlocks_the_next(open_app):
    app = open_app("lingofox")
    course = app.rows("course", "status = 'active'")[0]
    les = app.rows("lesson", "course_id = ? AND status = 'available'", (course["id"],))[0]
    res = app.call("complete_lesson", lesson_id=les["id"], score=90)
    assert not res.is_error, res.text
    nxt = app.rows("lesson", "course_id = ? AND position = ?", (course["id"], les["position"] + 1))[0]
    assert nxt["status"] == "available"


def test_locked_lesson_cannot_be_completed(open_app):
    app = open_app("lingofox")
    course = app.rows("course", "status = 'active'")[0]
    les = app.rows("lesson", "course_id = ? AND status = 'locked'", (course["id"],))[0]
    res = app.call("complete_lesson", lesson_id=les["id"], score=90)
    assert res.is_error and "is locked" in res.text


# --- analytics --------------------------------------------------------------------------------------------


def test_widget_added_to_dashboard(open_app):
    app = open_app("metricaly")
    dash = app.rows("dashboard")[0]
    used = {w["metric_id"] for w in dash["widgets"]}
    metric = next(m for m in app.rows("metric") if m["id"] not in used)
    res = app.call("add_dashboard_widget", dashboard_id=dash["id"], metric_id=metric["id"], chart="bar")
    assert not res.is_error, res.text
    widgets = app.rows("dashboard", "id = ?", (dash["id"],))[0]["widgets"]
    assert widgets[-1]["metric_id"] == metric["id"] and len(widgets) == len(dash["widgets"]) + 1


def test_paused_report_cannot_be_sent(open_app):
    app = open_app("metricaly")
    report = app.rows("report", "status = 'paused'")[0]
    res = app.call("send_report_now", report_id=report["id"])
    assert res.is_error and "is paused" in res.text
