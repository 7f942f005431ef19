"""Constraint-level perturbations: the user interrupts mid-episode to add a constraint, modify one, tighten
the deadline or cut the budget. Each change is kept feasible for the task's reference solution (measured by
running it once on a scratch copy of the task's world), so an interruption tests adaptation, not luck.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np

from toolgym_env.judge.constraints import budget_spent
from toolgym_env.refs import RefError, resolve_refs
from toolgym_env.tasks import constraints as C
from toolgym_env.world.clock import VirtualClock, format_time, parse_time
from toolgym_env.world.database import World
from toolgym_env.world.diff import diff_world

SUBKINDS = ("add_constraint", "modify_constraint", "tighten_deadline", "cut_budget")


@dataclass(frozen=True)
class OracleRun:
    """What the reference solution needs: its calls, its virtual duration and its world diff."""

    calls: int
    elapsed_s: float
    diff: Any


def run_oracle(env: Any) -> OracleRun:
    """Run the task's oracle on a scratch world restored from the task's start snapshot."""
    task = env.task
    world = World(clock=VirtualClock(task.world.start), seed=task.world.seed)
    try:
        world.restore(env._task_snapshot(task))
        world.clock.reset(task.world.start)
        route = env.universe.route(world)
        results: list[Any] = []
        for call in task.oracle:
            try:
                result = route.call(call.name, resolve_refs(call.arguments, results))
            except RefError:
                results.append(None)
                continue
            results.append(None if result.is_error else result.structured)
            tool = env.catalog.tools.get(call.name)
            world.clock.advance(tool.latency_s if tool else 0.0)
        return OracleRun(len(task.oracle), world.clock.elapsed, diff_world(world))
    finally:
        world.close()


def _minute_up(moment) -> str:
    return format_time(moment.replace(second=0, microsecond=0) + timedelta(minutes=1))


def _tighten_deadline(env: Any, oracle: OracleRun, rng: np.random.Generator):
    now = env.world.clock.now()
    oracle_end = parse_time(env.task.world.start) + timedelta(seconds=oracle.elapsed_s)
    floor = max(now, oracle_end) + timedelta(seconds=60 + oracle.elapsed_s)
    current = [c for c in env.constraints if c.type == "deadline"]
    if current:
        old = current[0]
        by = max(floor, parse_time(old.by) - (parse_time(old.by) - floor) / 2)
        if parse_time(old.by) <= floor:
            return None
        new = old.model_copy(update={"by": _minute_up(by)})
        constraints = [new if c is old else c for c in env.constraints]
        message = f"Change of plans: I now need all of this finished by {new.by} (it was {old.by})."
        return message, constraints, {"before": old.by, "after": new.by}
    new = C.Deadline(
        by=_minute_up(floor + timedelta(seconds=120)),
        hard=True,
        phrasing="I need this finished by the new time.",
    )
    message = f"One more thing: I need all of this finished by {new.by}."
    return message, env.constraints + [new], {"after": new.by}


def _cut_budget(env: Any, oracle: OracleRun, rng: np.random.Generator):
    budgets = [c for c in env.constraints if c.type == "budget"]
    if not budgets:
        return None
    old = budgets[0]
    needed = budget_spent(old, oracle.diff)
    if old.limit - needed < 0.02:
        return None
    limit = math.ceil((needed + (old.limit - needed) * float(rng.uniform(0.2, 0.6))) * 100) / 100
    new = old.model_copy(update={"limit": limit})
    constraints = [new if c is old else c for c in env.constraints]
    message = (
        f"Budget update: please keep the total spending to {limit:.2f} {old.currency} or less "
        f"(not {old.limit:.2f})."
    )
    return message, constraints, {"before": old.limit, "after": limit}


def _modify(env: Any, oracle: OracleRun, rng: np.random.Generator):
    for old in env.constraints:
        if old.type == "tool_count" and old.max > oracle.calls + 1:
            cap = oracle.calls + (old.max - oracle.calls + 1) // 2
            new = old.model_copy(update={"max": cap})
            message = f"Please be economical: use at most {cap} tool calls in total for all of this."
            return (
                message,
                [new if c is old else c for c in env.constraints],
                {"type": "tool_count", "before": old.max, "after": cap},
            )
        if old.type == "output_format" and old.format in ("bullets", "numbered"):
            fmt = "numbered" if old.format == "bullets" else "bullets"
            new = old.model_copy(update={"format": fmt, "min_items": 1})
            words = "a numbered list" if fmt == "numbered" else "a bulleted list"
            message = f"Small change: write your final answer as {words} instead."
            return (
                message,
                [new if c is old else c for c in env.constraints],
                {"type": "output_format", "before": old.format, "after": fmt},
            )
    return None


def _add(env: Any, oracle: OracleRun, rng: np.random.Generator):
    types = {c.type for c in env.constraints}
    options = []
    if "output_format" not in types:
        options.append("output_format")
    if "tool_count" not in types:
        options.append("tool_count")
    if not options:
        return None
    kind = options[int(rng.integers(len(options)))]
    if kind == "output_format":
        new = C.OutputFormat(format="bullets", min_items=1, hard=True, phrasing="Answer as a bulleted list.")
        message = "Also: please give me the final answer as a bulleted list, one point per line."
        return message, env.constraints + [new], {"type": "output_format", "after": "bullets"}
    cap = oracle.calls + max(3, oracle.calls // 2)
    new = C.ToolCount(max=cap, hard=False, phrasing=f"At most {cap} tool calls.")
    message = f"Please don't overdo it: keep it to at most {cap} tool calls in total."
    return message, env.constraints + [new], {"type": "tool_count", "after": cap}


BUILDERS = {
    "add_constraint": _add,
    "modify_constraint": _modify,
    "tighten_deadline": _tighten_deadline,
    "cut_budget": _cut_budget,
}


def make_interrupt(env: Any, oracle: OracleRun, rng: np.random.Generator):
    """``(message, new constraints, event parameters)`` for one interruption, or ``None`` when nothing
    applies. The sub-kind is drawn among those that apply to the task's constraints."""
    order = list(SUBKINDS)
    rng.shuffle(order)
    for sub in order:
        made = BUILDERS[sub](env, oracle, rng)
        if made is not None:
            message, constraints, event = made
            return message, constraints, {"subkind": sub, **event}
    return None
