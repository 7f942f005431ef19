"""Task files: schema errors name the field, the core suite regenerates byte-identically, stats hold."""

import json

import pytest

from toolgym_env.errors import TaskFileError
from toolgym_env.judge.facts import grade_facts, key_words, stem
from toolgym_env.judge.values import tokens
from toolgym_env.tasks import dump_tasks, load_tasks, parse_tasks
from toolgym_env.tasks.core_suite import SUITE_PATH, build_core_suite
from toolgym_env.tasks.engine.checking import Validator


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


def test_every_core_task_validates_by_execution(core_tasks):
    validator = Validator()
    for task in core_tasks:
        report = validator.check(task)
        assert report["problem"] is None, report
        assert (report["oracle"], report["null"], report["claim-success"]) == (1.0, 0.0, 0.0), task.id


def _say(fact):
    """The fact's value as a person might write it: ``$2,682``, ``9 am``, a list joined with "and"."""
    v = fact.value
    if fact.type == "money":
        x = float(v)
        return f"${x:,.2f}" if x != int(x) else f"${int(x):,}"
    if fact.type == "time":
        h, m = map(int, v.split(":"))
        return f"{h % 12 or 12}{f':{m:02d}' if m else ''} {'am' if h < 12 else 'pm'}"
    if fact.type == "list":
        return ", ".join(fact.items[:-1]) + " and " + fact.items[-1] if len(fact.items) > 1 else fact.items[0]
    return v


def test_core_facts_are_asked_for_by_key_typed_and_have_distractors(core_tasks):
    assert sum(bool(t.goal.answer_facts) for t in core_tasks) >= 25
    for t in core_tasks:
        asked = {stem(w) for w in tokens(t.instruction)}
        for f in t.goal.answer_facts:
            assert f.key and key_words(f.key) <= asked, (t.id, f.key)
            assert f.type != "text" and f.distractors, (t.id, f.key)
            values = {v.casefold() for v in f.items or [f.value]}
            assert not values & {d.casefold() for d in f.distractors}, (t.id, f.key)


def test_core_facts_pass_honest_rewordings(core_tasks):
    for t in core_tasks:
        facts = t.goal.answer_facts
        for answer in (
            t.oracle_answer,
            " ".join(f"The {f.key} is {_say(f)}." for f in facts),
            " ".join(f"{_say(f)} is the {f.key}." for f in facts),
            json.dumps({f.key: f.items or f.value for f in facts}),
        ):
            failed = [r.reason for r in grade_facts(facts, answer) if not r.passed]
            assert not failed, (t.id, answer, failed)


def test_core_facts_fail_answers_stuffed_with_every_candidate(core_tasks):
    for t in core_tasks:
        facts = t.goal.answer_facts
        for answer in (
            " ".join(
                f"The {f.key} is {' or '.join([*(f.items or [f.value]), *f.distractors])}." for f in facts
            ),
            json.dumps({f.key: [*(f.items or [f.value]), *f.distractors] for f in facts}),
        ):
            passed = [r.fact.key for r in grade_facts(facts, answer) if r.passed]
            assert not passed, (t.id, answer, passed)


def test_core_facts_fail_a_comma_list_of_every_candidate(core_tasks):
    for t in core_tasks:
        facts = [f for f in t.goal.answer_facts if f.type != "list"]
        answer = "\n".join(f"{f.key}: {', '.join([f.value, *f.distractors])}" for f in facts)
        assert not any(r.passed for r in grade_facts(facts, answer)), t.id


def test_bad_task_lines_raise_typed_errors_naming_the_field(tmp_path, core_tasks):
    good = json.loads(dump_tasks(core_tasks[:1]))
    cases = {
        "stray": ({**good, "colour": "red"}, "field 'colour'"),
        "missing": ({k: v for k, v in good.items() if k != "instruction"}, "field 'instruction'"),
        "bad op": (
            {**good, "goal": {"changes": [{"table": "t", "op": "upsert"}]}},
            "field 'goal.changes.0.op'",
        ),
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
