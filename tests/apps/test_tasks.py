"""Tasks app: real effects on the world, precondition errors, output schemas and deterministic seeding."""

from __future__ import annotations

from tests.apps.app_calls import app_calls, assert_resources_alike, check_every_tool, seeded_twice
from toolgym_env.apps import load_apps
from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.universe import Universe
from toolgym_env.world import diff_world
from toolgym_env.world.seeding import make_cast

APP = "tasks"
CAST = make_cast(0)
ME = CAST.user.email
TASKS = "tasks__tasks"
NOW = "2026-03-02T09:00:00Z"


ok, err = app_calls(APP)


def open_task(world):
    return world.select(TASKS, "status = 'todo'")[0]


def test_create_task(route, world):
    contact = CAST.people[3].email
    task = ok(
        route,
        "create_task",
        project_id="prj_website",
        title="Write launch post",
        priority="high",
        due_date="2026-03-10",
        assignee=contact.upper(),
        labels=["Content", "content", " blog "],
    )
    assert task["assignee"] == contact and task["labels"] == ["content", "blog"] and task["status"] == "todo"
    assert task["completed_at"] is None and task["created_at"] == NOW
    diff = diff_world(world)
    assert diff.summary() == {TASKS: {"insert": 1, "update": 0, "delete": 0}}
    assert diff.changes[0].after == task
    assert "archived" in err(route, "create_task", project_id="prj_conf", title="Too late")
    assert "No project" in err(route, "create_task", project_id="prj_missing", title="x")
    assert "YYYY-MM-DD" in err(
        route, "create_task", project_id="prj_website", title="x", due_date="next friday"
    )
    assert "not a known person" in err(
        route, "create_task", project_id="prj_website", title="x", assignee="stranger@nowhere.org"
    )
    assert len(diff_world(world)) == 1


def test_complete_task(route, world):
    task = open_task(world)
    out = ok(route, "complete_task", task_id=task["id"])
    assert out["status"] == "done" and out["completed_at"] == NOW
    change = diff_world(world).changes[0]
    assert change.before["status"] == "todo" and change.after["status"] == "done"
    assert "already done" in err(route, "complete_task", task_id=task["id"])
    assert "No task" in err(route, "complete_task", task_id="task_missing")


def test_set_task_status(route, world):
    task = open_task(world)
    assert ok(route, "set_task_status", task_id=task["id"], status="in_progress")["status"] == "in_progress"
    assert "already in_progress" in err(route, "set_task_status", task_id=task["id"], status="in_progress")
    assert ok(route, "set_task_status", task_id=task["id"], status="done")["completed_at"] == NOW
    reopened = ok(route, "set_task_status", task_id=task["id"], status="todo")
    assert reopened["status"] == "todo" and reopened["completed_at"] is None
    assert "Input should be" in err(route, "set_task_status", task_id=task["id"], status="blocked")


def test_assign_task_only_to_known_people(route, world):
    task = open_task(world)
    contact = CAST.people[10].email
    out = ok(route, "assign_task", task_id=task["id"], assignee=contact)
    assert out["assignee"] == contact
    assert diff_world(world).changes[0].after["assignee"] == contact
    assert ok(route, "assign_task", task_id=task["id"], assignee=ME)["assignee"] == ME
    text = err(route, "assign_task", task_id=task["id"], assignee="ghost@example.com")
    assert "not a known person" in text
    # a contact added during the episode becomes assignable
    route.call("contacts__create_contact", {"first_name": "Nia", "last_name": "Long", "email": "nia@long.io"})
    assert ok(route, "assign_task", task_id=task["id"], assignee="nia@long.io")["assignee"] == "nia@long.io"


def test_list_overdue_tasks(route, world):
    out = ok(route, "list_overdue_tasks")
    expected = world.select(TASKS, "status != 'done' AND due_date < '2026-03-02'")
    assert out["today"] == "2026-03-02" and out["total"] == len(expected) > 0
    assert sorted(t["id"] for t in out["tasks"]) == sorted(t["id"] for t in expected)
    assert [t["due_date"] for t in out["tasks"]] == sorted(t["due_date"] for t in out["tasks"])
    first = out["tasks"][0]
    ok(route, "complete_task", task_id=first["id"])
    after = ok(route, "list_overdue_tasks")
    assert after["total"] == out["total"] - 1
    mine = ok(route, "list_overdue_tasks", assignee=ME)
    assert all(t["assignee"] == ME for t in mine["tasks"])


def test_add_comment(route, world):
    task = open_task(world)
    c = ok(route, "add_comment", task_id=task["id"], text="  Looks good  ")
    assert c == {**c, "task_id": task["id"], "author": ME, "text": "Looks good", "created_at": NOW}
    assert diff_world(world).summary() == {"tasks__comments": {"insert": 1, "update": 0, "delete": 0}}
    listed = ok(route, "list_comments", task_id=task["id"])["items"]
    assert listed[-1]["id"] == c["id"]
    assert "cannot be empty" in err(route, "add_comment", task_id=task["id"], text=" ")
    assert "No task" in err(route, "add_comment", task_id="task_missing", text="hi")


def test_update_task_cannot_touch_status_or_assignee(universe, route, world):
    props = universe.catalog.tools["tasks__update_task"].input_schema["properties"]
    assert not {"status", "assignee", "completed_at"} & set(props)
    task = open_task(world)
    assert ok(route, "update_task", task_id=task["id"], priority="urgent")["priority"] == "urgent"
    assert "String should match pattern" in err(route, "update_task", task_id=task["id"], due_date="soon")
    assert "no project with id" in err(route, "update_task", task_id=task["id"], project_id="prj_missing")


def test_every_tool_returns_its_output_schema(universe, world, route):
    task = open_task(world)
    calls = [
        ("list_projects", {}),
        ("create_project", {"name": "Garden"}),
        ("search_tasks", {"query": "review"}),
        ("list_tasks", {"status": "todo"}),
        ("get_task", {"task_id": task["id"]}),
        ("list_overdue_tasks", {}),
        ("list_comments", {}),
        ("create_task", {"project_id": "prj_home", "title": "Buy paint", "due_date": "2026-03-05"}),
        ("update_task", {"task_id": task["id"], "title": "Renamed"}),
        ("assign_task", {"task_id": task["id"], "assignee": CAST.people[0].email}),
        ("set_task_status", {"task_id": task["id"], "status": "in_progress"}),
        ("complete_task", {"task_id": task["id"]}),
        ("add_comment", {"task_id": task["id"], "text": "Done!"}),
        ("delete_task", {"task_id": task["id"]}),
    ]
    check_every_tool(ok, route, world, universe.apps[APP].tools, calls)


def test_works_without_the_contacts_app():
    u = Universe(load_apps([APP]))
    route = DirectRoute(u.catalog, u.build_world(0))
    res = route.call("tasks__assign_task", {"task_id": "task_0001", "assignee": CAST.people[5].email})
    assert not res.is_error, res.text
    assert route.call("tasks__assign_task", {"task_id": "task_0001", "assignee": "x@y.com"}).is_error


def test_seeding_is_deterministic_and_consistent():
    a, b = seeded_twice(["contacts", APP])
    assert_resources_alike(a, b, APP)
    emails = {c["email"] for c in a.select("contacts__contacts")} | {ME}
    tasks = a.select(TASKS)
    assert 20 <= len(tasks) <= 200
    for t in tasks:
        assert a.get("tasks__projects", t["project_id"]) is not None
        assert t["assignee"] is None or t["assignee"] in emails
        assert (t["status"] == "done") == (t["completed_at"] is not None)
    for c in a.select("tasks__comments"):
        assert a.get(TASKS, c["task_id"]) is not None and c["author"] in emails
