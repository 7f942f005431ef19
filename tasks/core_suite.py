"""Build the shipped ``core`` suite: every family instantiated several times, each task validated by
execution.

A task's ``Goal.allow`` is read off its oracle's run on the scratch world (the side effects a correct solution
has: seats taken, balances moved, a DM conversation opened), so the judge's exact-world rule holds the agent
to the same writes.

Run ``python scripts/build_core_suite.py`` to regenerate ``suites/core.jsonl``; the same seed gives the same
bytes (a test checks it).
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from toolgym_env.judge.footprint import footprint_of
from toolgym_env.tasks import core_families_trips  # noqa: F401  (registers its families)
from toolgym_env.tasks.core_families import FAMILIES
from toolgym_env.tasks.plan import Plan, PlanError
from toolgym_env.tasks.schema import Goal, Task, WorldRecipe
from toolgym_env.tasks.stats import oracle_stats
from toolgym_env.tasks.validate import score_agents
from toolgym_env.universe import Universe
from toolgym_env.world.diff import diff_world
from toolgym_env.world.seeding import stable_seed

SUITE_PATH = Path(__file__).parent / "suites" / "core.jsonl"


def draft_task(name: str, index: int, seed: int = 0, universe: Universe | None = None) -> Task:
    """Instantiate family ``name`` once; raises ``PlanError`` (or a lookup error) if the draft fails."""
    universe = universe or Universe.core()
    rng = random.Random(stable_seed("core-suite", seed, name, index))
    plan = Plan(universe, seed=0)
    draft = FAMILIES[name](plan, rng, index)
    apps = sorted({c.name.split("__", 1)[0] for c in plan.calls})
    goal = Goal(changes=draft.changes, answer_facts=draft.facts)
    # Plan starts its episode on the freshly built world (core tasks have no set-up calls), so the diff and
    # the change log count from the first oracle call
    goal.allow = footprint_of(diff_world(plan.world), plan.world.touched(), goal)
    task = Task(
        id=f"core-{name.replace('_', '-')}-{index:02d}",
        split="test" if index % 3 == 2 else "train",
        instruction=draft.instruction,
        apps=apps,
        world=WorldRecipe(seed=0),
        family=name,
        goal=goal,
        oracle=plan.calls,
        oracle_answer=draft.answer,
    )
    return task.model_copy(update={"stats": oracle_stats(task)})


def build_core_suite(per_family: int = 3, seed: int = 0) -> tuple[list[Task], Counter]:
    """Draft ``per_family`` tasks of every family and keep those that validate; returns (tasks,
    rejections)."""
    universe = Universe.core()
    kept: list[Task] = []
    rejected: Counter = Counter()
    seen: set[str] = set()
    for name in sorted(FAMILIES):
        for index in range(per_family):
            try:
                task = draft_task(name, index, seed, universe)
            except (PlanError, LookupError, ValueError, StopIteration) as exc:
                rejected[f"draft failed: {type(exc).__name__}"] += 1
                continue
            if task.instruction in seen:
                rejected["duplicate instruction"] += 1
                continue
            if task.stats.calls < 3 or task.stats.apps < 2:
                rejected["too short (<3 calls or <2 apps)"] += 1
                continue
            scores = score_agents(task)
            if scores["oracle"] != 1.0:
                rejected["oracle below 1.0"] += 1
                continue
            if scores["null"] != 0.0 or scores["claim-success"] != 0.0:
                rejected["passes without acting"] += 1
                continue
            seen.add(task.instruction)
            kept.append(task)
    return kept, rejected
