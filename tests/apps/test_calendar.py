"""Calendar app: real effects on the world, precondition errors, output schemas and deterministic seeding."""

from __future__ import annotations

from tests.apps.app_calls import app_calls, assert_resources_alike, check_every_tool, seeded_twice
from toolgym_env.world import diff_world
from toolgym_env.world.seeding import make_cast

APP = "calendar"
ME = make_cast(0).user.email
EVENTS = "calendar__events"
FREE_DAY = "2026-04-21"  # a Tuesday after the seeded range: nothing is booked


ok, err = app_calls(APP)


def busy_event(world, organizer_is_me=True):
    op = "=" if organizer_is_me else "!="
    rows = world.select(
        EVENTS,
        f"organizer {op} ? AND status = 'confirmed' AND my_response != 'declined' "
        f"AND start > '2026-03-02T09:00:00Z'",
        (ME,),
        order_by="start",
    )
    assert rows
    return rows[0]


def test_create_event_inserts_a_row(route, world):
    ev = ok(
        route,
        "create_event",
        calendar_id="cal_work",
        title="Roadmap review",
        start=f"{FREE_DAY}T10:00:00Z",
        end=f"{FREE_DAY}T11:00:00Z",
        attendees=["Ann@Example.com"],
        location="Room 1",
    )
    diff = diff_world(world)
    assert diff.summary() == {EVENTS: {"insert": 1, "update": 0, "delete": 0}}
    row = diff.changes[0].after
    assert row == ev
    assert row["organizer"] == ME and row["attendees"] == ["ann@example.com"]
    assert row["status"] == "confirmed" and row["my_response"] == "accepted"


def test_create_event_refuses_a_closed_slot(route, world):
    ev = busy_event(world)
    text = err(
        route, "create_event", calendar_id=ev["calendar_id"], title="Clash", start=ev["start"], end=ev["end"]
    )
    assert "Closed slot" in text and ev["title"] in text
    assert len(diff_world(world)) == 0
    ok(
        route,
        "create_event",
        calendar_id=ev["calendar_id"],
        title="Clash",
        start=ev["start"],
        end=ev["end"],
        allow_overlap=True,
    )
    other = "cal_personal" if ev["calendar_id"] == "cal_work" else "cal_work"
    if not world.select(
        EVENTS, 'calendar_id = ? AND start < ? AND "end" > ?', (other, ev["end"], ev["start"])
    ):
        ok(route, "create_event", calendar_id=other, title="Other calendar", start=ev["start"], end=ev["end"])


def test_create_event_validates_times_and_calendar(route, world):
    assert "must be after start" in err(
        route,
        "create_event",
        calendar_id="cal_work",
        title="x",
        start=f"{FREE_DAY}T11:00:00Z",
        end=f"{FREE_DAY}T10:00:00Z",
    )
    assert "not an ISO-8601 time" in err(
        route,
        "create_event",
        calendar_id="cal_work",
        title="x",
        start="tomorrow at 3",
        end=f"{FREE_DAY}T10:00:00Z",
    )
    assert "No calendar" in err(
        route,
        "create_event",
        calendar_id="cal_nope",
        title="x",
        start=f"{FREE_DAY}T10:00:00Z",
        end=f"{FREE_DAY}T11:00:00Z",
    )
    assert "not a valid email" in err(
        route,
        "create_event",
        calendar_id="cal_work",
        title="x",
        start=f"{FREE_DAY}T10:00:00Z",
        end=f"{FREE_DAY}T11:00:00Z",
        attendees=["not-an-email"],
    )
    assert len(diff_world(world)) == 0


def test_find_free_slots_between_events(route):
    empty = ok(route, "find_free_slots", date=FREE_DAY, duration_minutes=30, calendar_id="cal_work")
    assert empty["slots"] == [
        {"start": f"{FREE_DAY}T09:00:00Z", "end": f"{FREE_DAY}T18:00:00Z", "minutes": 540}
    ]
    ok(
        route,
        "create_event",
        calendar_id="cal_work",
        title="A",
        start=f"{FREE_DAY}T10:00:00Z",
        end=f"{FREE_DAY}T11:00:00Z",
    )
    ok(
        route,
        "create_event",
        calendar_id="cal_work",
        title="B",
        start=f"{FREE_DAY}T13:00:00Z",
        end=f"{FREE_DAY}T14:30:00Z",
    )
    slots = ok(route, "find_free_slots", date=FREE_DAY, duration_minutes=90, calendar_id="cal_work")["slots"]
    assert [(s["start"][11:16], s["end"][11:16], s["minutes"]) for s in slots] == [
        ("11:00", "13:00", 120),
        ("14:30", "18:00", 210),
    ]
    short = ok(route, "find_free_slots", date=FREE_DAY, duration_minutes=60, calendar_id="cal_work")["slots"]
    assert short[0]["start"] == f"{FREE_DAY}T09:00:00Z" and len(short) == 3
    personal = ok(route, "find_free_slots", date=FREE_DAY, duration_minutes=60, calendar_id="cal_personal")
    assert len(personal["slots"]) == 1
    assert "duration_minutes" in err(route, "find_free_slots", date=FREE_DAY, duration_minutes=0)
    assert "YYYY-MM-DD" in err(route, "find_free_slots", date="21/04/2026", duration_minutes=30)


def test_free_slots_never_overlap_busy_events(route, world):
    for day in ("2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"):
        slots = ok(route, "find_free_slots", date=day, duration_minutes=15)["slots"]
        busy = world.select(
            EVENTS, "status = 'confirmed' AND my_response != 'declined' AND substr(start, 1, 10) = ?", (day,)
        )
        for s in slots:
            assert s["start"] >= f"{day}T09:00:00Z" and s["end"] <= f"{day}T18:00:00Z"
            assert not [e for e in busy if e["start"] < s["end"] and e["end"] > s["start"]]


def test_invite_attendees(route, world):
    ev = busy_event(world)
    res = ok(
        route, "invite_attendees", event_id=ev["id"], emails=["new.person@example.com", *ev["attendees"][:1]]
    )
    assert res["added"] == ["new.person@example.com"]
    assert res["already_invited"] == ev["attendees"][:1]
    change = diff_world(world).by_table(EVENTS, "update")[0]
    assert change.after["attendees"] == [*ev["attendees"], "new.person@example.com"]
    foreign = busy_event(world, organizer_is_me=False)
    assert "Only the organizer" in err(route, "invite_attendees", event_id=foreign["id"], emails=["a@b.com"])


def test_respond_to_invite_frees_the_slot(route, world):
    ev = busy_event(world, organizer_is_me=False)
    assert ev["attendees"] and ME in ev["attendees"]
    err(route, "create_event", calendar_id=ev["calendar_id"], title="x", start=ev["start"], end=ev["end"])
    out = ok(route, "respond_to_invite", event_id=ev["id"], response="declined")
    assert out["my_response"] == "declined"
    ok(route, "create_event", calendar_id=ev["calendar_id"], title="x", start=ev["start"], end=ev["end"])
    mine = busy_event(world)
    assert "only invited attendees" in err(
        route, "respond_to_invite", event_id=mine["id"], response="accepted"
    )
    assert "Input should be" in err(route, "respond_to_invite", event_id=ev["id"], response="maybe")


def test_cancel_event(route, world):
    ev = busy_event(world)
    out = ok(route, "cancel_event", event_id=ev["id"])
    assert out["status"] == "cancelled"
    change = diff_world(world).changes[0]
    assert (
        change.op == "update"
        and change.before["status"] == "confirmed"
        and change.after["status"] == "cancelled"
    )
    assert "is cancelled" in err(route, "cancel_event", event_id=ev["id"])
    ok(
        route,
        "create_event",
        calendar_id=ev["calendar_id"],
        title="Takes the slot",
        start=ev["start"],
        end=ev["end"],
    )
    foreign = busy_event(world, organizer_is_me=False)
    assert "Only the organizer" in err(route, "cancel_event", event_id=foreign["id"])
    assert "No event" in err(route, "cancel_event", event_id="ev_missing")


def test_reschedule_event(route, world):
    a = ok(
        route,
        "create_event",
        calendar_id="cal_work",
        title="A",
        start=f"{FREE_DAY}T10:00:00Z",
        end=f"{FREE_DAY}T11:00:00Z",
    )
    b = ok(
        route,
        "create_event",
        calendar_id="cal_work",
        title="B",
        start=f"{FREE_DAY}T12:00:00Z",
        end=f"{FREE_DAY}T13:00:00Z",
    )
    assert "Closed slot" in err(
        route,
        "reschedule_event",
        event_id=b["id"],
        start=f"{FREE_DAY}T10:30:00Z",
        end=f"{FREE_DAY}T11:30:00Z",
    )
    moved = ok(
        route,
        "reschedule_event",
        event_id=b["id"],
        start=f"{FREE_DAY}T11:00:00Z",
        end=f"{FREE_DAY}T12:00:00Z",
    )
    assert (moved["start"], moved["end"]) == (f"{FREE_DAY}T11:00:00Z", f"{FREE_DAY}T12:00:00Z")
    # moving an event onto its own old slot is not a clash with itself
    ok(
        route,
        "reschedule_event",
        event_id=a["id"],
        start=f"{FREE_DAY}T09:30:00Z",
        end=f"{FREE_DAY}T10:30:00Z",
    )


def test_list_events_in_a_range(route, world):
    out = ok(route, "list_events", start_date="2026-03-02", end_date="2026-03-08")
    assert out["total"] == len(out["events"]) > 0
    for e in out["events"]:
        assert e["status"] == "confirmed"
        assert e["start"] < "2026-03-09T00:00:00Z" and e["end"] > "2026-03-02T00:00:00Z"
    assert [e["start"] for e in out["events"]] == sorted(e["start"] for e in out["events"])
    allx = ok(route, "list_events", start_date="2026-02-10", end_date="2026-03-30", include_cancelled=True)
    assert any(e["status"] == "cancelled" for e in allx["events"])
    work = ok(route, "list_events", start_date="2026-03-02", end_date="2026-03-08", calendar_id="cal_work")
    assert {e["calendar_id"] for e in work["events"]} <= {"cal_work"}
    assert "must not be before" in err(route, "list_events", start_date="2026-03-08", end_date="2026-03-02")
    assert len(diff_world(world)) == 0


def test_update_event_only_edits_descriptive_fields(route, world, universe):
    ev = busy_event(world)
    props = universe.catalog.tools["calendar__update_event"].input_schema["properties"]
    assert set(props) == {"event_id", "title", "location", "description"}
    out = ok(route, "update_event", event_id=ev["id"], location="Room 7")
    assert out["location"] == "Room 7" and out["start"] == ev["start"]


def test_every_tool_returns_its_output_schema(universe, world, route):
    mine, foreign = busy_event(world), busy_event(world, organizer_is_me=False)
    calls = [
        ("list_calendars", {}),
        ("get_calendar", {"calendar_id": "cal_work"}),
        ("search_events", {"query": "sync"}),
        ("get_event", {"event_id": mine["id"]}),
        ("list_events", {"start_date": "2026-03-02", "end_date": "2026-03-06"}),
        ("find_free_slots", {"date": "2026-03-03", "duration_minutes": 30}),
        (
            "create_event",
            {
                "calendar_id": "cal_personal",
                "title": "Run",
                "start": f"{FREE_DAY}T07:00:00Z",
                "end": f"{FREE_DAY}T08:00:00Z",
            },
        ),
        ("update_event", {"event_id": mine["id"], "title": "Renamed"}),
        ("invite_attendees", {"event_id": mine["id"], "emails": ["x@example.com"]}),
        ("respond_to_invite", {"event_id": foreign["id"], "response": "tentative"}),
        (
            "reschedule_event",
            {"event_id": mine["id"], "start": f"{FREE_DAY}T15:00:00Z", "end": f"{FREE_DAY}T16:00:00Z"},
        ),
        ("cancel_event", {"event_id": mine["id"]}),
        ("delete_event", {"event_id": mine["id"]}),
    ]
    check_every_tool(ok, route, world, universe.apps[APP].tools, calls)


def test_seeding_is_deterministic_and_consistent():
    a, b = seeded_twice(["contacts", APP])
    assert_resources_alike(a, b, APP)
    events = a.select(EVENTS)
    assert 20 <= len(events) <= 200
    for e in events:
        assert a.get("calendar__calendars", e["calendar_id"]) is not None
        assert e["end"] > e["start"]
        assert e["organizer"] == ME or ME in e["attendees"]
    for e in events:  # seeded busy events never clash within a calendar
        if e["status"] == "confirmed":
            clash = [
                o
                for o in events
                if o["id"] != e["id"]
                and o["calendar_id"] == e["calendar_id"]
                and o["status"] == "confirmed"
                and o["start"] < e["end"]
                and o["end"] > e["start"]
            ]
            assert not clash, (e, clash)
