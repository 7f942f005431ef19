"""Checking a task's goal: expected world changes present, answer facts stated."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toolgym_env.judge.matchers import contains_fact, match_row
from toolgym_env.tasks.schema import Goal, RowExpectation
from toolgym_env.world.diff import WorldDiff


@dataclass(frozen=True)
class Check:
    """One part of a verdict: what was checked, whether it held, and why not."""

    kind: str
    target: str
    passed: bool
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"kind": self.kind, "target": self.target, "passed": self.passed, "detail": self.detail}


@dataclass(frozen=True)
class Verdict:
    """The judge's decision for one episode.

    ``success`` requires every check to pass; ``reward`` is 1.0 on success and 0.0 otherwise;
    ``progress`` is the fraction of checks passed (for analysis, not the reward).
    """

    success: bool
    checks: tuple[Check, ...] = field(default_factory=tuple)

    @property
    def reward(self) -> float:
        """1.0 when the goal is fully reached, else 0.0."""
        return 1.0 if self.success else 0.0

    @property
    def progress(self) -> float:
        """Fraction of checks passed."""
        return sum(c.passed for c in self.checks) / len(self.checks) if self.checks else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (goes into ``info["judge"]``)."""
        return {"success": self.success, "reward": self.reward, "progress": round(self.progress, 4),
                "checks": [c.to_dict() for c in self.checks]}


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


def check_goal(goal: Goal, diff: WorldDiff, answer: str | None) -> Verdict:
    """Judge an episode's end state against the goal."""
    checks = [check_change(exp, diff) for exp in goal.changes]
    text = answer or ""
    for fact in goal.answer_facts:
        ok = contains_fact(text, fact)
        checks.append(Check("fact", fact, ok, "" if ok else "not stated in the final answer"))
    if not checks:
        return Verdict(False, (Check("goal", "(empty)", False, "the task has no goal"),))
    return Verdict(all(c.passed for c in checks), tuple(checks))
