"""Task files: schema errors name the field, the core suite regenerates byte-identically, stats hold."""

import json

import pytest

from toolgym_env.errors import TaskFileError
from toolgym_env.tasks import dump_tasks, load_tasks, parse_tasks
from toolgym_env.tasks.core_suite import SUITE_PATH, build_core_suite


def test_core_suite_meets_the_issue_bar(core_tasks):
    assert len(core_tasks) >= 30
    for t in core_tasks:
        assert t.stats.calls >= 3 and t.stats.apps >= 2 and len(t.apps) >= 2, t.id
    assert {t.split for t in core_tasks} == {"train", "test"}
    assert max(t.stats.depth for t in core_tasks) >= 2


@pytest.mark.slow
def test_core_suite_regenerates_byte_identically():
    tasks, rejected = build_core_suite()
    assert dump_tasks(tasks) == SUITE_PATH.read_text(encoding="utf-8")


def test_bad_task_lines_raise_typed_errors_naming_the_field(tmp_path, core_tasks):
    good = json.loads(dump_tasks(core_tasks[:1]))
    cases = {
        "stray": ({**good, "colour": "red"}, "field 'colour'"),
        "missing": ({k: v for k, v in good.items() if k != "instruction"}, "field 'instruction'"),
        "bad op": ({**good, "goal": {"changes": [{"table": "t", "op": "upsert"}]}}, "field 'goal.changes.0.op'"),
    }
    for name, (record, expected) in cases.items():
        path = tmp_path / f"{name.replace(' ', '_')}.jsonl"
        path.write_text(json.dumps(good) + "\n" + json.dumps(record) + "\n")
        with pytest.raises(TaskFileError, match=expected) as info:
            load_tasks(path)
        assert ":2:" in str(info.value)
    dup = tmp_path / "dup.jsonl"
    dup.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n")
    with pytest.raises(TaskFileError, match="duplicate task id"):
        load_tasks(dup)
    with pytest.raises(TaskFileError, match="not valid JSON|Invalid JSON"):
        parse_tasks(["{nope"])
