"""TaskLines: a suite kept as its lines gives the same tasks as parsing them all, one at a time."""

import json
import pickle

import pytest

from toolgym_env.errors import TaskFileError
from toolgym_env.tasks import TaskLines, dump_tasks, load_suite, suite_tasks
from toolgym_env.tasks import lines as lines_module


@pytest.fixture(scope="module")
def core_lines():
    return TaskLines.parse(dump_tasks(load_suite("core")), "core")


def test_lines_give_the_tasks_that_parsing_every_line_gives(core_tasks, core_lines):
    assert len(core_lines) == len(core_tasks)
    assert core_lines.ids == tuple(t.id for t in core_tasks)
    assert core_lines.splits == tuple(t.split for t in core_tasks)
    assert list(core_lines) == core_tasks and core_lines == core_tasks and core_tasks == core_lines
    assert core_lines[-1] == core_tasks[-1] and core_lines[3] is core_lines[3]
    assert [t.id for t in core_lines[2:7:2]] == [t.id for t in core_tasks[2:7:2]]
    with pytest.raises(IndexError):
        core_lines[len(core_tasks)]


def test_shipped_suite_lines_match_load_suite():
    lines = suite_tasks("core")
    assert isinstance(lines, TaskLines) and suite_tasks("core") is lines
    assert lines == load_suite("core")
    with pytest.raises(TaskFileError, match="unknown suite 'nope'"):
        suite_tasks("nope")


def test_lookup_by_id_filtering_and_concatenation(core_tasks, core_lines):
    target = core_tasks[5]
    assert core_lines.position(target.id) == 5 and core_lines.position("no-such-task") is None
    assert core_lines.position(["unhashable"]) is None
    assert target in core_lines and target.model_copy(update={"id": "other"}) not in core_lines
    assert target.model_copy(update={"instruction": "Something else."}) not in core_lines
    train = core_lines.select("train")
    assert isinstance(train, TaskLines) and list(train) == [t for t in core_tasks if t.split == "train"]
    assert core_lines.select(None) is core_lines and len(core_lines.select("dev")) == 0
    assert [t.id for t in core_lines if len(t.apps) >= 3] == [t.id for t in core_tasks if len(t.apps) >= 3]
    assert core_lines + core_tasks[:1] == [*core_tasks, core_tasks[0]]
    assert core_tasks[:1] + core_lines == [core_tasks[0], *core_tasks]


def test_parsed_tasks_kept_are_bounded(core_lines, monkeypatch):
    monkeypatch.setattr(lines_module, "CACHED_TASKS", 4)
    fresh = TaskLines.parse(dump_tasks(list(core_lines)))
    first = fresh[0]
    for i in range(1, 4):
        fresh[i]
    assert fresh[0] is first  # still kept: the 4 most recent
    for i in range(4, 9):
        fresh[i]
    assert len(fresh._cache) == 4 and fresh[0] is not first and fresh[0] == first


def test_pickled_lines_drop_parsed_tasks(core_lines):
    core_lines[0]
    copy = pickle.loads(pickle.dumps(core_lines))
    assert not copy._cache and copy == core_lines and copy.position(core_lines.ids[1]) == 1


def test_bad_lines_raise_naming_line_and_field(core_tasks):
    good = json.loads(dump_tasks(core_tasks[:1]))
    second = {**good, "id": "second", "goal": {"changes": [{"table": "t", "op": "upsert"}]}}
    text = "\n" + json.dumps(good) + "\n\n" + json.dumps(second) + "\n"
    tasks = TaskLines.parse(text, "file.jsonl")
    assert tasks[0] == core_tasks[0]
    with pytest.raises(TaskFileError, match=r"file\.jsonl:4: field 'goal\.changes\.0\.op'"):
        tasks[1]
    no_id = {k: v for k, v in good.items() if k != "id"}
    with pytest.raises(TaskFileError, match=r"x:2: field 'id'"):
        TaskLines.parse(json.dumps(good) + "\n" + json.dumps(no_id), "x")
    with pytest.raises(TaskFileError, match=r"x:2: field 'id': duplicate task id"):
        TaskLines.parse(json.dumps(good) + "\n" + json.dumps(good), "x")
    with pytest.raises(TaskFileError, match="x:1: .*(not valid JSON|Invalid JSON)"):
        TaskLines.parse("{nope", "x")
