"""Notes app: real effects on the world, precondition errors, output schemas and deterministic seeding."""

from __future__ import annotations

from tests.apps.app_calls import app_calls, assert_resources_alike, check_every_tool, seeded_twice
from toolgym_env.world import diff_world

APP = "notes"
NOTES = "notes__notes"


ok, err = app_calls(APP)


def a_note(world, pinned=False):
    return world.select(NOTES, "pinned = ?", (int(pinned),))[0]


def test_create_note_checks_the_notebook(route, world):
    note = ok(
        route,
        "create_note",
        notebook_id="nb_ideas",
        title="Bike shed",
        body="Paint it *green*.",
        tags=["diy"],
    )
    diff = diff_world(world)
    assert diff.summary() == {NOTES: {"insert": 1, "update": 0, "delete": 0}}
    assert diff.changes[0].after == note and note["created_at"] == "2026-03-02T09:00:00Z"
    assert "no notebook with id 'nb_nope'" in err(route, "create_note", notebook_id="nb_nope", title="x")


def test_append_to_note(route, world):
    note = a_note(world)
    out = ok(route, "append_to_note", note_id=note["id"], text="- one more thing")
    expected = note["body"] + ("" if note["body"].endswith("\n") else "\n") + "- one more thing"
    assert out["body"] == expected and out["updated_at"] == "2026-03-02T09:00:00Z"
    change = diff_world(world).changes[0]
    assert change.op == "update" and set(change.changed_columns) == {"body", "updated_at"}
    assert "nothing to append" in err(route, "append_to_note", note_id=note["id"], text="  ")
    assert "No note" in err(route, "append_to_note", note_id="note_missing", text="x")


def test_tag_and_untag(route, world):
    note = a_note(world)
    out = ok(route, "tag_note", note_id=note["id"], tags=["#Urgent", "urgent", "Q3 Plans"])
    assert out["tags"] == [*note["tags"], "urgent", "q3-plans"]
    again = ok(route, "tag_note", note_id=note["id"], tags=["urgent"])
    assert again == out
    assert "not a valid tag" in err(route, "tag_note", note_id=note["id"], tags=["!!"])
    removed = ok(route, "untag_note", note_id=note["id"], tag="URGENT")
    assert "urgent" not in removed["tags"] and "q3-plans" in removed["tags"]
    assert "is not tagged 'urgent'" in err(route, "untag_note", note_id=note["id"], tag="urgent")


def test_find_notes_by_tag(route, world):
    found = ok(route, "find_notes_by_tag", tag="#Recipe")
    expected = [n["id"] for n in world.select(NOTES) if "recipe" in n["tags"]]
    assert expected and sorted(n["id"] for n in found["notes"]) == sorted(expected)
    assert found["total"] == len(expected) and found["tag"] == "recipe"
    scoped = ok(route, "find_notes_by_tag", tag="recipe", notebook_id="nb_work")
    assert scoped["notes"] == []
    assert len(diff_world(world)) == 0


def test_pin_note(route, world):
    note = a_note(world)
    assert ok(route, "pin_note", note_id=note["id"])["pinned"] is True
    assert ok(route, "pin_note", note_id=note["id"])["pinned"] is True  # idempotent
    listed = ok(route, "list_notes", notebook_id=note["notebook_id"], limit=50)["items"]
    assert listed[0]["pinned"] is True
    assert ok(route, "pin_note", note_id=note["id"], pinned=False)["pinned"] is False
    assert diff_world(world).changes[0].changed_columns == ("updated_at",)  # pinned, then unpinned again


def test_move_note_to_notebook(route, world):
    note = a_note(world)
    target = "nb_ideas" if note["notebook_id"] != "nb_ideas" else "nb_work"
    out = ok(route, "move_note_to_notebook", note_id=note["id"], notebook_id=target)
    assert out["notebook_id"] == target
    change = diff_world(world).changes[0]
    assert change.before["notebook_id"] == note["notebook_id"] and change.after["notebook_id"] == target
    assert "already in notebook" in err(
        route, "move_note_to_notebook", note_id=note["id"], notebook_id=target
    )
    assert "No notebook" in err(route, "move_note_to_notebook", note_id=note["id"], notebook_id="nb_missing")


def test_every_tool_returns_its_output_schema(universe, world, route):
    note = a_note(world)
    calls = [
        ("list_notebooks", {}),
        ("create_notebook", {"name": "Garden"}),
        ("search_notes", {"query": "notes"}),
        ("list_notes", {"pinned": True}),
        ("get_note", {"note_id": note["id"]}),
        ("find_notes_by_tag", {"tag": "work"}),
        ("create_note", {"notebook_id": "nb_personal", "title": "Call plumber"}),
        ("update_note", {"note_id": note["id"], "title": "New title"}),
        ("append_to_note", {"note_id": note["id"], "text": "more"}),
        ("tag_note", {"note_id": note["id"], "tags": ["later"]}),
        ("untag_note", {"note_id": note["id"], "tag": "later"}),
        ("pin_note", {"note_id": note["id"]}),
        (
            "move_note_to_notebook",
            {
                "note_id": note["id"],
                "notebook_id": "nb_reading" if note["notebook_id"] != "nb_reading" else "nb_work",
            },
        ),
        ("delete_note", {"note_id": note["id"]}),
    ]
    check_every_tool(ok, route, world, universe.apps[APP].tools, calls)
    assert world.get(NOTES, note["id"]) is None


def test_seeding_is_deterministic_and_consistent():
    a, b = seeded_twice(["contacts", APP])
    assert_resources_alike(a, b, APP)
    notes = a.select(NOTES)
    assert 20 <= len(notes) <= 200
    for n in notes:
        assert a.get("notes__notebooks", n["notebook_id"]) is not None
        assert n["created_at"] <= n["updated_at"] <= "2026-03-02T09:00:00Z"
        assert all(t == t.lower() for t in n["tags"])
