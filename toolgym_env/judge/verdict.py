"""The judge's verdict: goal, hard and soft constraints (and an optional rubric score) combined into a reward.

Reward formula, for an episode with goal checks ``G``, hard constraints ``H`` and soft constraints ``S``::

    success = all(G) and all(H)
    soft    = (passed soft constraints) / |S|            (1.0 when there are none)
    reward  = success * (1 - SOFT_WEIGHT * (1 - soft)) * (1 - w + w * rubric)

``SOFT_WEIGHT`` is 0.5: failing every soft constraint halves the reward of a successful episode.
``rubric`` is the optional LLM rubric score in [0, 1] and ``w`` its weight (0 unless a rubric judge is
configured). Nothing the agent says about its own success enters the formula: goal checks read the world
diff, answer facts must be stated values found in the world, constraints read the trajectory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.judge.check import Check
from toolgym_env.judge.constraints import check_constraint
from toolgym_env.judge.episode import Episode
from toolgym_env.judge.goal import goal_checks
from toolgym_env.tasks.schema import Goal

SOFT_WEIGHT = 0.5


@dataclass(frozen=True)
class Verdict:
    """The judge's decision for one episode (see the module docstring for the formula)."""

    goal: tuple[Check, ...]
    constraints: tuple[Check, ...] = field(default_factory=tuple)
    rubric: dict[str, Any] | None = None
    rubric_weight: float = 0.0

    @property
    def goal_met(self) -> bool:
        """Every expected change made and every answer fact stated."""
        return all(c.passed for c in self.goal)

    @property
    def hard_ok(self) -> bool:
        """Every hard constraint satisfied."""
        return all(c.passed for c in self.constraints if c.hard)

    @property
    def success(self) -> bool:
        """Goal reached and every hard constraint satisfied."""
        return self.goal_met and self.hard_ok

    @property
    def soft_score(self) -> float:
        """Fraction of soft constraints satisfied (1.0 when there are none)."""
        soft = [c for c in self.constraints if not c.hard]
        return sum(c.passed for c in soft) / len(soft) if soft else 1.0

    @property
    def rubric_factor(self) -> float:
        """``1 - w + w * rubric`` (1.0 without a rubric score)."""
        score = (self.rubric or {}).get("score")
        return (
            1.0
            if score is None or not self.rubric_weight
            else 1.0 - self.rubric_weight + self.rubric_weight * score
        )

    @property
    def reward(self) -> float:
        """The episode reward in [0, 1]."""
        if not self.success:
            return 0.0
        return round((1.0 - SOFT_WEIGHT * (1.0 - self.soft_score)) * self.rubric_factor, 6)

    @property
    def progress(self) -> float:
        """Fraction of the expected changes and answer facts already met, 0 once anything outside the task was
        written (the potential of dense shaping: it starts at 0, and a wrong write costs all progress, so
        trying writes and reverting them earns nothing)."""
        if any(c.kind == "collateral" and not c.passed for c in self.goal):
            return 0.0
        parts = [c for c in self.goal if c.kind != "collateral"]
        return sum(c.passed for c in parts) / len(parts) if parts else 0.0

    @property
    def checks(self) -> tuple[Check, ...]:
        """Goal checks then constraint checks."""
        return self.goal + self.constraints

    def to_dict(self, reveal: bool = False) -> dict[str, Any]:
        """A JSON-ready form (goes into ``info["judge"]``). Checks say what passed and why not without quoting
        expected values or ids; ``reveal`` adds them (for researchers' records, never for the agent)."""
        out = {
            "success": self.success,
            "reward": self.reward,
            "goal_met": self.goal_met,
            "hard_ok": self.hard_ok,
            "soft_score": round(self.soft_score, 4),
            "progress": round(self.progress, 4),
            "checks": [c.to_dict(reveal) for c in self.goal],
            "constraints": [c.to_dict(reveal) for c in self.constraints],
        }
        if self.rubric is not None:
            out["rubric"] = dict(self.rubric, weight=self.rubric_weight)
        return out


#: Constraint types judged only on the calls made after the step that put them in force. Added mid-episode
#: (an interruption), they cannot blame calls made before the user asked; every other type is about the
#: episode as a whole (totals, the final answer, the finish time, the world diff).
SCOPED_TYPES = frozenset({"forbidden", "app_restriction", "privacy"})


def judge_episode(
    goal: Goal,
    constraints: Sequence[Any],
    episode: Episode,
    catalog: Any = None,
    rubric: dict[str, Any] | None = None,
    rubric_weight: float = 0.0,
    since: Sequence[int] | None = None,
) -> Verdict:
    """Judge an episode against a goal and constraints (``catalog`` gives tool kinds). ``since[i]`` is the
    step after which constraint ``i`` is in force (0 = from the start; see :data:`SCOPED_TYPES`)."""
    since = list(since) if since is not None else [0] * len(constraints)
    checks = tuple(
        check_constraint(c, episode.after(s) if s and c.type in SCOPED_TYPES else episode, catalog)
        for c, s in zip(constraints, since, strict=True)
    )
    return Verdict(
        tuple(goal_checks(goal, episode.diff, episode.answer, episode.touched)), checks, rubric, rubric_weight
    )
