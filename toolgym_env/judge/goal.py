"""Checking a task's goal: expected world changes present, answer facts stated, nothing else written."""

from __future__ import annotations

import json

from toolgym_env.judge.check import Check
from toolgym_env.judge.facts import grade_facts
from toolgym_env.judge.footprint import Touched, footprint_check
from toolgym_env.judge.matchers import match_row
from toolgym_env.tasks.schema import Goal, RowExpectation
from toolgym_env.world.diff import WorldDiff

__all__ = ["Check", "check_change", "goal_checks"]


def check_change(exp: RowExpectation, diff: WorldDiff, index: int = 0) -> Check:
    """Whether the world diff contains the expected change (``index`` numbers it in the target)."""
    target = f"change {index + 1}: {exp.op} in {exp.table.split('__', 1)[-1]}"
    secret = json.dumps({"id": exp.id, "where": exp.where, "count": exp.count}, default=str, sort_keys=True)
    candidates = [c for c in diff.by_table(exp.table, exp.op) if exp.id is None or c.id == exp.id]
    rows = [c.before if exp.op == "delete" else c.after for c in candidates]
    hits = sum(match_row(r, exp.where) for r in rows)
    if hits >= exp.count:
        return Check("change", target, True, secret=secret)
    if not candidates:
        detail = f"no such {exp.op} was made"
    else:
        detail = (
            f"{len(candidates)} {exp.op}(s) of the right kind, {hits} with the asked values; need {exp.count}"
        )
    return Check("change", target, False, detail, secret=secret)


def goal_checks(
    goal: Goal, diff: WorldDiff, answer: str | None, touched: Touched | None = None
) -> list[Check]:
    """One check per expected change and per answer fact, and the footprint check (an empty goal is one failed
    check). ``touched`` is the change log's ``(table, id, existed_before)`` rows; without it, the diff's."""
    if not goal.changes and not goal.answer_facts:
        return [Check("goal", "(empty)", False, "the task has no goal")]
    checks = [check_change(exp, diff, i) for i, exp in enumerate(goal.changes)]
    for i, result in enumerate(grade_facts(goal.answer_facts, answer)):
        fact = result.fact
        checks.append(
            Check(
                "fact",
                f"fact {i + 1}: {fact.key or fact.type}",
                result.passed,
                result.reason,
                secret=fact.value if fact.type != "list" else "; ".join(fact.items),
            )
        )
    if touched is None:
        touched = [(c.table, c.id, c.op != "insert") for c in diff.changes]
    checks.append(footprint_check(goal, diff, touched))
    return checks
