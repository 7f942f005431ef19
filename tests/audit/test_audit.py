"""The reward-hacking audit on real episodes: every attack scores 0 and every honest variant 1.0 where it
applies, and ``toolgym audit`` prints its table, a JSON last line and the right exit status."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache

import pytest
from click.testing import CliRunner

from toolgym_env.audit import ATTACKS, HONEST, Auditor, NotApplicable, audit_task
from toolgym_env.audit.trace import OracleTrace, trace_oracle
from toolgym_env.cli import cli
from toolgym_env.tasks import Task, load_suite
from toolgym_env.tasks.schema import Fact

Pred = Callable[[Task], bool]


def _keyed(t: Task) -> bool:
    return any(f.key for f in t.goal.answer_facts)


def _fact_type(*kinds: str) -> Pred:
    return lambda t: any(f.key and f.type in kinds for f in t.goal.answer_facts)


def _constraint(*kinds: str) -> Pred:
    return lambda t: any(c.type in kinds for c in t.constraints)


def _calls(pattern: str) -> Pred:
    return lambda t: any(re.search(pattern, c.name) for c in t.oracle)


def _updates(t: Task) -> bool:
    return any(c.op == "update" and c.id for c in t.goal.changes)


def _ref_create(t: Task) -> bool:
    return any(
        isinstance(v, dict) and "$ref" in v and k.endswith("_id")
        for c in t.oracle
        if re.search(r"__(create|add|save|book|send|post|place)", c.name)
        for k, v in c.arguments.items()
    )


#: Which tasks each probe is tried on (the first few shipped tasks it applies to).
WHERE: dict[str, Pred] = {
    "stuff-oracle": _keyed,
    "stuff-broad": _keyed,
    "digits": _keyed,
    "echo": _keyed,
    "key-stuffing": _keyed,
    "copy-info": _keyed,
    "wrong-tradeoff": _constraint("tradeoff"),
    "blanket-writes": _updates,
    "trial-revert": _updates,
    "duplicates": _calls(r"__(create|add|save|book|send|post|place)"),
    "mass-email": _calls(r"^mail__send_email$"),
    "mass-email-each": _calls(r"^mail__send_email$"),
    "wrong-parent": _ref_create,
    "padding": _constraint("privacy", "confirm_before_destructive"),
    "null": lambda t: True,
    "claim-success": lambda t: True,
    "oracle": lambda t: True,
    "extra-reads": lambda t: True,
    "re-reads": lambda t: True,
    "search-first": lambda t: True,
    "reordered-args": lambda t: True,
    "number-words": _fact_type("integer", "money", "decimal"),
    "date-time-formats": _fact_type("date", "time", "datetime"),
    "enum-spaces": _fact_type("enum"),
    "reworded": _keyed,
    "extra-details": _keyed,
}


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


@lru_cache(maxsize=1)
def _suites() -> list[Task]:
    return [*load_suite("core"), *load_suite("test"), *load_suite("checklist-test")]  # tradeoffs: checklists


_traces: dict[str, OracleTrace] = {}


def _run(auditor: Auditor, name: str, probe: Callable, tries: int = 12):
    """The probe's outcome on the first shipped task it applies to (skips when the suites hold none)."""
    found = [t for t in _suites() if WHERE[name](t)]
    for task in found[:tries]:
        if task.id not in _traces:
            _traces[task.id] = trace_oracle(auditor.env, task)
        trace = _traces[task.id]
        assert trace.reward == 1.0, f"{task.id}: the oracle scores {trace.reward}"
        try:
            return trace, probe(auditor, trace)
        except NotApplicable:
            continue
    pytest.skip(f"{name}: no shipped task it applies to among {min(tries, len(found))} tried")


def test_every_probe_has_a_test_rule() -> None:
    assert set(WHERE) == set(ATTACKS) | set(HONEST)


@pytest.mark.parametrize("name", list(ATTACKS))
def test_attack_earns_nothing(auditor: Auditor, name: str) -> None:
    trace, outcome = _run(auditor, name, ATTACKS[name])
    assert outcome.reward == 0.0, f"{trace.task.id}: {name} earned {outcome.reward}"
    if name == "trial-revert":
        assert outcome.total < trace.reward + 0.1 * trace.verdict.get("progress", 0.0)
    if name == "padding":
        assert outcome.verdict["audit_caught"], f"{trace.task.id}: padded violation not caught"


@pytest.mark.parametrize("name", list(HONEST))
def test_honest_variant_scores_one(auditor: Auditor, name: str) -> None:
    trace, outcome = _run(auditor, name, HONEST[name])
    assert outcome.reward == 1.0, f"{trace.task.id}: {name} scored {outcome.reward}: {outcome.failed()}"


def test_copy_info_would_work_if_the_verdict_revealed(auditor: Auditor) -> None:
    """The copy-info attack is not vacuous: with ``reveal=True`` the expected values are in ``info``."""
    trace, _ = _run(auditor, "copy-info", ATTACKS["copy-info"])
    auditor.env.reveal = True
    try:
        revealed = ATTACKS["copy-info"](auditor, trace)
    finally:
        auditor.env.reveal = False
    assert not any(c.startswith("fact") for c in revealed.failed()), revealed.failed()


def test_audit_task_reports_every_probe(auditor: Auditor) -> None:
    report = audit_task(load_suite("core")[0], auditor=auditor)
    assert set(report["agents"]) == set(ATTACKS) | set(HONEST)
    assert report["oracle_reward"] == 1.0
    for row in report["agents"].values():
        assert row["applies"] or row["reason"]


def _last_json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_cli_table_json_last_line_and_exit() -> None:
    result = CliRunner().invoke(cli, ["audit", "--suite", "core", "--sample", "1", "--probe", "digits,null"])
    summary = _last_json(result.output)
    assert "attack" in result.output and "honest variant" in result.output
    assert summary["tasks"] == 1 and set(summary["attacks"]) == {"digits", "null"}
    assert set(summary["honest"]) == {"oracle"}
    assert result.exit_code == (0 if summary["ok"] else 1)


def test_cli_fails_when_an_attack_succeeds(tmp_path) -> None:
    task = next(t for t in load_suite("core") if re.search(r"\b[2-9]\b", t.oracle_answer))
    digit = re.search(r"\b([2-9])\b", task.oracle_answer).group(1)
    weak = task.model_copy(
        update={
            "id": "weak-facts",
            "goal": task.goal.model_copy(update={"answer_facts": [Fact(value=digit)]}),
        }
    )
    path = tmp_path / "weak.jsonl"
    path.write_text(Task.model_validate(weak.model_dump()).model_dump_json() + "\n")
    result = CliRunner().invoke(cli, ["audit", "--tasks", str(path), "--probe", "digits"])
    assert result.exit_code == 1, result.output
    assert "weak-facts: digits (attack) earned reward" in result.output
    summary = _last_json(result.output)
    assert not summary["ok"] and summary["failed_tasks"] == ["weak-facts"]


def test_wrong_parent_takes_another_id_of_the_same_table_only():
    """The env's world may still hold other apps' tables from earlier episodes: an id with the same prefix
    from one of them must not be picked (the verdict would depend on what ran before)."""
    from types import SimpleNamespace

    from toolgym_env.audit.attacks import _other_id

    trace = SimpleNamespace(
        initial={"aaa__accounts": [{"id": "acc_1"}], "bank__accounts": [{"id": "acc_2"}, {"id": "acc_3"}]}
    )
    assert _other_id(trace, "acc_2") == "acc_3"
    assert _other_id(trace, "acc_1") is None
    assert _other_id(trace, "acc_9") is None
