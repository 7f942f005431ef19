"""Checking a task's goal: expected world changes present, answer facts stated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolgym_env.judge.matchers import contains_fact, match_row
from toolgym_env.tasks.schema import Goal, RowExpectation
from toolgym_env.world.diff import WorldDiff


@dataclass(frozen=True)
class Check:
    """One part of a verdict: what was checked (``kind``: change, fact or constraint), whether it held,
    why not, and whether it is hard (gates success) or soft (scales the reward)."""

    kind: str
    target: str
    passed: bool
    detail: str = ""
    hard: bool = True

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"kind": self.kind, "target": self.target, "passed": self.passed, "detail": self.detail,
                "hard": self.hard}


def check_change(exp: RowExpectation, diff: WorldDiff) -> Check:
    """Whether the world diff contains the expected change."""
    target = f"{exp.op} {exp.table}" + (f" {exp.id}" if exp.id else "")
    candidates = [c for c in diff.by_table(exp.table, exp.op) if exp.id is None or c.id == exp.id]
    rows = [c.before if exp.op == "delete" else c.after for c in candidates]
    hits = sum(match_row(r, exp.where) for r in rows)
    if hits >= exp.count:
        return Check("change", target, True)
    if not candidates:
        detail = f"no {exp.op} in {exp.table}"
    else:
        detail = f"{len(candidates)} {exp.op}(s) in {exp.table}, {hits} matching {sorted(exp.where)}; need {exp.count}"
    return Check("change", target, False, detail)


def goal_checks(goal: Goal, diff: WorldDiff, answer: str | None) -> list[Check]:
    """One check per expected change and per answer fact (an empty goal is one failed check)."""
    checks = [check_change(exp, diff) for exp in goal.changes]
    for fact in goal.answer_facts:
        ok = contains_fact(answer or "", fact)
        checks.append(Check("fact", fact, ok, "" if ok else "not stated in the final answer"))
    return checks or [Check("goal", "(empty)", False, "the task has no goal")]
