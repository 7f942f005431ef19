"""The hot path's shortcuts give exactly what the plain code gave: stored JSON values, tool-result text,
statement caches and savepoints."""

from __future__ import annotations

import json
import math

import pytest

from toolgym_env.errors import WorldError
from toolgym_env.hub.dispatch import encode_arguments
from toolgym_env.hub.result import ToolResult, compact_json
from toolgym_env.world import Column, TableSpec, World
from toolgym_env.world.tables import json_encoder, load_value

TEXTS = [
    "[]",
    '{"a":[1,2.5,null,true]}',
    " []",
    "[] ",
    '"x"',
    "1e400",
    "[1,]",
    "",
    "\ufeff[]",
    "[1] [2]",
    '"\\u00e9\\n"',
    "-0",
    "[NaN, Infinity]",
]


@pytest.mark.parametrize("text", TEXTS)
def test_load_value_is_json_loads(text):
    try:
        expected = json.loads(text)
    except ValueError as exc:
        with pytest.raises(type(exc)) as raised:
            load_value(text)
        assert str(raised.value) == str(exc)
    else:
        got = load_value(text)
        assert json.dumps(got) == json.dumps(expected)  # NaN-safe equality, types included


def test_load_value_takes_bytes_like_json_loads():
    assert load_value(b'[1, "a"]') == [1, "a"]


VALUES = [
    {"a": [1, 2.5, None, True, (1, 2)], "é": 'x\n\u2028\x7f"\\', 3: "int key", None: 1, 2.5: "f"},
    {"f": [1e16, 1e-7, -0.0, math.inf, math.nan]},
    "text",
    [1, [2, [3]]],
    5,
    {},
]


@pytest.mark.parametrize("value", VALUES)
def test_compact_json_is_json_dumps(value):
    assert compact_json(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


SETTINGS = [
    {},
    {"ensure_ascii": False, "allow_nan": False},
    {"separators": (",", ":")},
    {"ensure_ascii": False, "separators": (",", ":")},
]


@pytest.mark.parametrize("settings", SETTINGS)
def test_json_encoder_is_json_dumps(settings):
    circular: dict = {}
    circular["self"] = circular
    encode = json_encoder(**settings)
    for value in [*VALUES, {"a": object()}, {(1, 2): 1}, circular, {"x": math.nan}]:
        try:
            expected = json.dumps(value, **settings)
        except (TypeError, ValueError) as exc:
            with pytest.raises(type(exc)) as raised:
                encode(value)
            assert str(raised.value) == str(exc)
        else:
            assert encode(value) == expected


def test_compact_json_raises_what_json_dumps_raises():
    circular: dict = {}
    circular["self"] = circular
    for bad in ({"a": object()}, {(1, 2): 1}, circular):
        with pytest.raises((TypeError, ValueError)) as ours:
            compact_json(bad)
        with pytest.raises((TypeError, ValueError)) as theirs:
            json.dumps(bad, ensure_ascii=False, separators=(",", ":"))
        assert (type(ours.value), str(ours.value)) == (type(theirs.value), str(theirs.value))
    assert compact_json({"after": "errors"}) == '{"after":"errors"}'  # no stale circular-reference marks


def test_tool_result_text_unchanged():
    data = {"id": "ct_1", "groups": ["family"], "note": "café", "n": 0.1}
    assert ToolResult.ok(data).text == json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("arguments", [{"q": "é", "n": [1, 2.5]}, {"x": math.nan}, {"x": object()}, {}])
def test_encode_arguments_as_before(arguments):
    try:
        expected = (json.dumps(arguments, ensure_ascii=False, allow_nan=False), None)
    except (TypeError, ValueError) as exc:
        expected = (None, f"Arguments are not JSON-serializable: {str(exc)[:200]}")
    assert encode_arguments(arguments) == expected


def _world() -> World:
    columns = (Column("id"), Column("title"), Column("tags", "json"), Column("done", "bool"))
    spec = TableSpec("notes", columns, "nt")
    return World([spec])


def test_json_and_bool_columns_round_trip():
    world = _world()
    row = world.insert("notes", {"title": "a", "tags": ["x", {"y": 1}], "done": 1})
    assert row == {"id": row["id"], "title": "a", "tags": ["x", {"y": 1}], "done": True}
    stored = world.conn.execute("SELECT tags FROM notes").fetchone()[0]
    assert stored == json.dumps(["x", {"y": 1}], separators=(",", ":"))
    world.update("notes", row["id"], {"tags": []})
    assert world.get("notes", row["id"])["tags"] == []


def test_rows_read_twice_are_independent_copies():
    world = _world()
    row = world.insert("notes", {"title": "a", "tags": ["x"]})
    first = world.get("notes", row["id"])
    first["tags"].append("mutated")
    assert world.get("notes", row["id"])["tags"] == ["x"]


def test_statement_caches_follow_column_lists():
    world = _world()
    a = world.insert("notes", {"title": "a"})
    b = world.insert("notes", {"title": "b", "done": True})
    world.update("notes", a["id"], {"title": "a2"})
    world.update("notes", a["id"], {"done": False, "title": "a3"})
    assert world.get("notes", a["id"]) == {"id": a["id"], "title": "a3", "tags": None, "done": False}
    assert world.get("notes", b["id"])["done"] is True
    with pytest.raises(WorldError):
        world.update("notes", "nt_missing", {"title": "x"})


def test_failed_atomic_block_rolls_back_and_logs_nothing():
    world = _world()
    row = world.insert("notes", {"title": "a"})
    world.begin_episode()
    with pytest.raises(RuntimeError):
        with world.atomic():
            world.update("notes", row["id"], {"title": "changed"})
            with world.atomic():
                world.insert("notes", {"title": "inner"})
            raise RuntimeError("tool failed")
    assert world.get("notes", row["id"])["title"] == "a"
    assert world.count("notes") == 1 and world.changed_keys() == []
    with world.atomic():  # depth is back to 0: savepoints still nest and release
        world.update("notes", row["id"], {"title": "b"})
    assert world._savepoint_depth == 0
    assert [k[:2] for k in world.changed_keys()] == [("notes", row["id"])]


def test_deep_nesting_of_atomic_blocks():
    world = _world()

    def nest(depth: int) -> None:
        with world.atomic():
            world.insert("notes", {"title": str(depth)})
            if depth < 12:
                nest(depth + 1)

    nest(0)
    assert world.count("notes") == 13 and world._savepoint_depth == 0


def test_a_row_written_again_is_logged_once_with_its_first_image():
    world = _world()
    row = world.insert("notes", {"title": "a"})
    world.begin_episode()
    for title in ("b", "c"):
        world.update("notes", row["id"], {"title": title})
    ((table, pk, image),) = world.changed_keys()
    assert (table, pk) == ("notes", row["id"]) and json.loads(image)["title"] == "a"
    world.delete("notes", row["id"])
    assert [k[2] for k in world.changed_keys()] == [image]


def test_a_rolled_back_first_write_is_logged_again_by_the_next():
    world = _world()
    row = world.insert("notes", {"title": "a"})
    world.begin_episode()
    with pytest.raises(RuntimeError):
        with world.atomic():
            world.update("notes", row["id"], {"title": "b"})
            raise RuntimeError("tool failed")
    assert world.changed_keys() == []
    world.update("notes", row["id"], {"title": "c"})
    assert [json.loads(k[2])["title"] for k in world.changed_keys()] == ["a"]


def test_missing_rows_are_not_taken_as_logged():
    world = _world()
    world.begin_episode()
    assert world.delete("notes", "nt_x") is False
    with pytest.raises(WorldError):
        world.update("notes", "nt_x", {"title": "x"})
    world.insert("notes", {"id": "nt_x", "title": "new"})
    assert world.changed_keys() == [("notes", "nt_x", None)]
    assert world.exists("notes", "nt_x") and not world.exists("notes", "nt_y")
    with pytest.raises(WorldError):
        world.exists("nope", "nt_x")


def test_a_restored_world_logs_its_rows_again():
    world = _world()
    row = world.insert("notes", {"title": "a"})
    world.begin_episode()
    pristine = world.snapshot()
    world.update("notes", row["id"], {"title": "b"})
    world.restore(pristine)
    world.update("notes", row["id"], {"title": "c"})
    assert [json.loads(k[2])["title"] for k in world.changed_keys()] == ["a"]


def _logging_statements(world: World) -> list[str]:
    """Collects the change-log statements the world runs from now on."""
    seen: list[str] = []
    world.conn.set_trace_callback(lambda sql: seen.append(sql) if "INTO _before" in sql else None)
    return seen


def test_a_row_logged_in_a_committed_write_is_not_logged_again():
    world = _world()
    row = world.insert("notes", {"title": "a"})
    world.begin_episode()
    seen = _logging_statements(world)
    for title in ("b", "c"):
        with world.atomic():
            world.update("notes", row["id"], {"title": title})
    world.update("notes", row["id"], {"title": "d"})
    assert len(seen) == 1
    world.begin_episode()  # a new episode logs it again
    world.update("notes", row["id"], {"title": "e"})
    assert len(seen) == 2 and [k[:2] for k in world.changed_keys()] == [("notes", row["id"])]


def test_writes_inside_a_transaction_of_someone_else_are_logged_every_time():
    world = _world()
    row = world.insert("notes", {"title": "a"})
    world.begin_episode()
    for title in ("b", "c"):  # the tool prober's trial: a raw savepoint, rolled back after the call
        world.conn.execute("SAVEPOINT trial")
        with world.atomic():
            world.update("notes", row["id"], {"title": title})
        assert [json.loads(k[2])["title"] for k in world.changed_keys()] == ["a"]
        world.conn.execute("ROLLBACK TO trial")
        world.conn.execute("RELEASE trial")
        assert world.changed_keys() == []


def _plain_decode(spec: TableSpec, values: tuple) -> dict:
    """The row decoder as a loop (what the generated one must equal)."""
    out = {}
    for col, value in zip(spec.columns, values):
        if value is not None and col.kind == "json":
            value = json.loads(value)
        elif value is not None and col.kind == "bool":
            value = bool(value)
        out[col.name] = value
    return out


@pytest.mark.parametrize(
    "values",
    [
        ("nt_1", "t", '{"a": [1]}', 1, 2.5, 7),
        ("nt_2", None, None, None, None, None),
        ("nt_3", "", "[]", 0, -0.0, 0),
    ],
)
def test_generated_row_decoder_is_the_plain_one(values):
    columns = (
        Column("id"),
        Column("title"),
        Column("tags", "json"),
        Column("done", "bool"),
        Column("score", "float"),
        Column("n", "int"),
    )
    spec = TableSpec("odd 'table'", columns, "nt")
    decoded = spec.decoder()(values)
    assert decoded == _plain_decode(spec, values) and list(decoded) == [c.name for c in columns]
