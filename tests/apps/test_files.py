"""Files app: real effects on the world, permission errors, output schemas and deterministic seeding."""

from __future__ import annotations

from tests.apps.app_calls import app_calls, assert_resources_alike, check_every_tool, seeded_twice
from toolgym_env.world import diff_world
from toolgym_env.world.seeding import make_cast

APP = "files"
ME = make_cast(0).user.email
FILES = "files__files"


ok, err = app_calls(APP)


def my_text_file(world):
    return world.select(FILES, "owner = ? AND mime_type LIKE 'text/%'", (ME,))[0]


def shared_file(world, permission):
    rows = [
        f
        for f in world.select(FILES, "owner != ?", (ME,))
        if {"email": ME, "permission": permission} in f["shared_with"]
    ]
    assert rows, permission
    return rows[0]


def test_upload_and_read_back(route, world):
    f = ok(route, "upload_file", name="plan.md", content="# Plan\n- ship it\n", folder_id="fld_work")
    assert (
        f["owner"] == ME
        and f["mime_type"] == "text/markdown"
        and f["size_bytes"] == len("# Plan\n- ship it\n")
    )
    diff = diff_world(world)
    assert diff.summary() == {FILES: {"insert": 1, "update": 0, "delete": 0}}
    assert diff.changes[0].after == f
    read = ok(route, "read_file_content", file_id=f["id"])
    assert read["content"] == "# Plan\n- ship it\n"
    assert "already exists" in err(route, "upload_file", name="PLAN.md", content="x", folder_id="fld_work")
    assert "No folder" in err(route, "upload_file", name="a.txt", content="x", folder_id="fld_missing")


def test_read_is_read_only_and_binary_is_refused(route, world):
    f = my_text_file(world)
    assert ok(route, "read_file_content", file_id=f["id"])["content"] == f["content"]
    ok(route, "read_file_content", file_id=shared_file(world, "view")["id"])
    image = world.select(FILES, "mime_type LIKE 'image/%'")[0]
    assert "binary file" in err(route, "read_file_content", file_id=image["id"])
    assert len(diff_world(world)) == 0


def test_view_only_files_cannot_be_edited(route, world):
    f = shared_file(world, "view")
    for tool, args in [
        ("write_file_content", {"content": "hacked"}),
        ("rename_file", {"new_name": "mine.txt"}),
        ("move_file", {"folder_id": "fld_work"}),
        ("share_file", {"email": "x@example.com"}),
        ("unshare_file", {"email": ME}),
    ]:
        text = err(route, tool, file_id=f["id"], **args)
        assert "Missing permission" in text and "view access" in text, tool
    assert "only the owner" in err(route, "delete_file", file_id=f["id"])
    assert len(diff_world(world)) == 0
    # a view-only file can still be copied; the copy is the owner's and fully editable
    copy = ok(route, "copy_file", file_id=f["id"], folder_id="fld_work")
    assert copy["owner"] == ME and copy["shared_with"] == [] and copy["content"] == f["content"]
    assert copy["name"] == f"Copy of {f['name']}"
    ok(route, "write_file_content", file_id=copy["id"], content="mine now")


def test_edit_access_allows_editing_but_not_deleting(route, world):
    f = shared_file(world, "edit")
    out = ok(route, "write_file_content", file_id=f["id"], content="\nappended", mode="append")
    assert out["content"] == f["content"] + "\nappended" and out["size_bytes"] == len(out["content"].encode())
    assert "only the owner" in err(route, "delete_file", file_id=f["id"])


def test_move_rename_and_delete(route, world):
    f = my_text_file(world)
    moved = ok(route, "move_file", file_id=f["id"], folder_id="fld_archive")
    assert moved["folder_id"] == "fld_archive"
    assert "already in that folder" in err(route, "move_file", file_id=f["id"], folder_id="fld_archive")
    top = ok(route, "move_file", file_id=f["id"])
    assert top["folder_id"] is None
    renamed = ok(route, "rename_file", file_id=f["id"], new_name="renamed.md")
    assert renamed["name"] == "renamed.md"
    change = diff_world(world).changes[0]
    assert change.before["name"] == f["name"] and change.after["name"] == "renamed.md"
    sibling = world.select(FILES, "folder_id IS NULL AND id != ?", (f["id"],))[0]
    assert "already exists" in err(route, "rename_file", file_id=f["id"], new_name=sibling["name"])
    assert "not a valid file name" in err(route, "rename_file", file_id=f["id"], new_name="a/b")
    assert ok(route, "delete_file", file_id=f["id"]) == {"deleted": True, "id": f["id"]}
    assert world.get(FILES, f["id"]) is None
    assert diff_world(world).by_table(FILES, "delete")


def test_share_and_unshare(route, world):
    f = ok(route, "upload_file", name="brief.txt", content="hello")
    shared = ok(route, "share_file", file_id=f["id"], email="Bob@Example.com", permission="view")
    assert shared["shared_with"] == [{"email": "bob@example.com", "permission": "view"}]
    upgraded = ok(route, "share_file", file_id=f["id"], email="bob@example.com", permission="edit")
    assert upgraded["shared_with"] == [{"email": "bob@example.com", "permission": "edit"}]
    assert "not a valid email" in err(route, "share_file", file_id=f["id"], email="bob")
    assert "owns" in err(route, "share_file", file_id=f["id"], email=ME)
    assert "Input should be" in err(
        route, "share_file", file_id=f["id"], email="c@example.com", permission="admin"
    )
    out = ok(route, "unshare_file", file_id=f["id"], email="bob@example.com")
    assert out["shared_with"] == []
    assert "is not shared with" in err(route, "unshare_file", file_id=f["id"], email="bob@example.com")


def test_folders(route, world):
    folder = ok(route, "create_folder", name="Contracts", parent_id="fld_work")
    assert folder["parent_id"] == "fld_work"
    assert "no folder with id" in err(route, "create_folder", name="X", parent_id="fld_missing")
    inside = ok(route, "list_folders", parent_id="fld_work")
    assert folder["id"] in [x["id"] for x in inside["items"]]


def test_every_tool_returns_its_output_schema(universe, world, route):
    mine, view = my_text_file(world), shared_file(world, "view")
    calls = [
        ("list_folders", {}),
        ("create_folder", {"name": "Scratch"}),
        ("search_files", {"query": "report"}),
        ("list_files", {"folder_id": "fld_finance"}),
        ("get_file", {"file_id": mine["id"]}),
        ("read_file_content", {"file_id": view["id"]}),
        ("upload_file", {"name": "new.txt", "content": "hi"}),
        ("write_file_content", {"file_id": mine["id"], "content": "rewritten"}),
        ("rename_file", {"file_id": mine["id"], "new_name": "renamed-file.txt"}),
        ("move_file", {"file_id": mine["id"], "folder_id": "fld_archive"}),
        ("copy_file", {"file_id": view["id"]}),
        ("share_file", {"file_id": mine["id"], "email": "pal@example.com", "permission": "edit"}),
        ("unshare_file", {"file_id": mine["id"], "email": "pal@example.com"}),
        ("delete_file", {"file_id": mine["id"]}),
    ]
    check_every_tool(ok, route, world, universe.apps[APP].tools, calls)


def test_seeding_is_deterministic_and_consistent():
    a, b = seeded_twice(["contacts", APP])
    assert_resources_alike(a, b, APP)
    files = a.select(FILES)
    assert 20 <= len(files) <= 200
    names = set()
    for f in files:
        assert f["folder_id"] is None or a.get("files__folders", f["folder_id"]) is not None
        assert f["owner"] == ME or any(s["email"] == ME for s in f["shared_with"])
        assert (f["folder_id"], f["name"].lower()) not in names
        names.add((f["folder_id"], f["name"].lower()))
        if f["mime_type"].startswith("text/"):
            assert f["size_bytes"] == len(f["content"].encode())
    assert sum(1 for f in files if {"email": ME, "permission": "view"} in f["shared_with"]) >= 3
