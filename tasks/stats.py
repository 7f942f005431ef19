"""Summary figures of a task suite: sizes, difficulty, apps, constraint types, goal categories, scenario
families, surface variety of the requests and (optionally) catalog coverage."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from toolgym_env.tasks.constraints import CONSTRAINT_TYPES
from toolgym_env.tasks.coverage import coverage
from toolgym_env.tasks.language import language_stats
from toolgym_env.tasks.schema import Task, TaskStats


def ref_steps(value: Any) -> set[int]:
    """Oracle steps referenced by ``$ref`` anywhere inside ``value``."""
    if isinstance(value, dict):
        if set(value) == {"$ref"}:
            return {int(str(value["$ref"]).split(".")[0])}
        return set().union(*(ref_steps(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(ref_steps(v) for v in value)) if value else set()
    return set()


def oracle_stats(task: Task) -> TaskStats:
    """Calls, distinct tools, apps touched and the longest ``$ref`` chain of the oracle solution."""
    depth: list[int] = []
    for call in task.oracle:
        parents = ref_steps(call.arguments)
        depth.append(1 + max((depth[p] for p in parents), default=0))
    names = [c.name for c in task.oracle]
    apps = {n.split("__", 1)[0] for n in names if "__" in n}
    return TaskStats(
        calls=len(names), distinct_tools=len(set(names)), apps=len(apps), depth=max(depth, default=0)
    )


def suite_stats(tasks: list[Task], with_coverage: bool = False) -> dict[str, Any]:
    """Counts and means over ``tasks`` (the oracle's calls, distinct tools, apps, depth), how often each
    constraint type, segment pattern, goal category, if-then family and tier occurs, the requests' surface
    variety, and with ``with_coverage`` the catalog tools and domain actions the oracles use."""
    stats = [t.stats or oracle_stats(t) for t in tasks]

    def mean(xs: list[float]) -> float:
        return round(statistics.fmean(xs), 3) if xs else 0.0

    calls = [s.calls for s in stats]
    types = Counter(c.type for t in tasks for c in t.constraints)
    return {
        "tasks": len(tasks),
        "splits": dict(sorted(Counter(t.split for t in tasks).items())),
        "mean_calls": mean(calls),
        "median_calls": statistics.median(calls) if calls else 0,
        "max_calls": max(calls, default=0),
        "tasks_15plus_calls": sum(c >= 15 for c in calls),
        "mean_distinct_tools": mean([s.distinct_tools for s in stats]),
        "mean_apps": mean([s.apps for s in stats]),
        "mean_depth": mean([s.depth for s in stats]),
        "mean_constraints": mean([len(t.constraints) for t in tasks]),
        "distinct_apps": len({a for t in tasks for a in t.apps}),
        "constraint_types": {k: types.get(k, 0) for k in CONSTRAINT_TYPES},
        "hard_constraints": sum(c.hard for t in tasks for c in t.constraints),
        "soft_constraints": sum(not c.hard for t in tasks for c in t.constraints),
        "segments": dict(sorted(Counter(s for st in stats for s in st.segments).items())),
        "mean_instruction_chars": mean([len(t.instruction) for t in tasks]),
        "categories": dict(sorted(Counter(t.category for t in tasks if t.category).items())),
        "if_then": dict(sorted(Counter(t.if_then for t in tasks if t.if_then).items())),
        "tiers": dict(sorted(Counter(t.tier for t in tasks if t.tier).items())),
        "families": len({t.family for t in tasks if t.family}),
        "language": language_stats([t.instruction for t in tasks]),
        **({"coverage": coverage(tasks)} if with_coverage else {}),
    }
