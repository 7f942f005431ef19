"""Choosing a task's constraints from what its executed oracle did, so the oracle satisfies each one and an
agent that cuts corners does not."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from toolgym_env.apps.domains import product_index
from toolgym_env.judge.episode import id_values, leaf_values
from toolgym_env.tasks import constraints as C
from toolgym_env.tasks.engine.compose import Composed, answer_keys, domain_apps
from toolgym_env.world.clock import format_time, parse_time
from toolgym_env.world.diff import diff_world

# How often each applicable type is drawn (rarely applicable types weigh more) and whether it is hard.
WEIGHTS = {
    "tool_count": 1.0,
    "app_diversity": 1.0,
    "app_restriction": 1.0,
    "data_coverage": 2.5,
    "response_content": 1.2,
    "no_redundancy": 1.0,
    "tool_type_priority": 1.5,
    "sequence_order": 1.2,
    "tradeoff": 4.0,
    "budget": 3.0,
    "deadline": 1.0,
    "forbidden": 1.0,
    "no_collateral": 0.0,
    "confirm_before_destructive": 4.0,
    "privacy": 2.0,
    "output_format": 1.2,
}
SOFT = {
    "tool_count",
    "no_redundancy",
    "tool_type_priority",
    "app_diversity",
    "output_format",
    "response_content",
}

Builder = Callable[[Composed, random.Random, Any], "C.Constraint | None"]
BUILDERS: dict[str, Builder] = {}


def builder(kind: str) -> Callable[[Builder], Builder]:
    """Register how a constraint type is built from a composed task (``None`` when it does not apply)."""

    def add(fn: Builder) -> Builder:
        BUILDERS[kind] = fn
        return fn

    return add


def _ops(comp: Composed, catalog: Any) -> list[tuple[str, Any]]:
    return [(c.name, catalog.tools[c.name]) for c in comp.plan.calls]


@builder("tool_count")
def _tool_count(comp: Composed, rng: random.Random, catalog: Any) -> C.ToolCount:
    n = len(comp.plan.calls)
    return C.ToolCount(max=n + max(4, n // 2))


@builder("app_diversity")
def _app_diversity(comp: Composed, rng: random.Random, catalog: Any) -> C.AppDiversity | None:
    return C.AppDiversity(min_apps=len(comp.apps)) if len(comp.apps) >= 2 else None


@builder("app_restriction")
def _app_restriction(comp: Composed, rng: random.Random, catalog: Any) -> C.AppRestriction:
    return C.AppRestriction(allowed=list(comp.apps))


@builder("data_coverage")
def _data_coverage(comp: Composed, rng: random.Random, catalog: Any) -> C.DataCoverage | None:
    return C.DataCoverage(entities=list(comp.work.entities)) if len(comp.work.entities) >= 2 else None


@builder("response_content")
def _response_content(comp: Composed, rng: random.Random, catalog: Any) -> C.ResponseContent | None:
    extras = comp.work.extras
    if not extras:
        return None
    picked = rng.sample(extras, min(len(extras), rng.choice((1, 2))))
    return C.ResponseContent(must_include=[v for _, v in picked])


@builder("no_redundancy")
def _no_redundancy(comp: Composed, rng: random.Random, catalog: Any) -> C.NoRedundancy | None:
    seen = [c.name + json.dumps(a, sort_keys=True) for c, a in zip(comp.plan.calls, comp.plan.resolved)]
    return C.NoRedundancy() if len(seen) == len(set(seen)) else None


@builder("tool_type_priority")
def _tool_type_priority(comp: Composed, rng: random.Random, catalog: Any) -> C.ToolTypePriority | None:
    kinds = [t.op for _, t in _ops(comp, catalog)]
    searches, lists = kinds.count("search"), kinds.count("list")
    if not searches:
        return None
    ratio = math.floor(10 * searches / (searches + lists)) / 10
    return C.ToolTypePriority(prefer=["search"], among=["search", "list"], min_ratio=max(ratio, 0.1))


@builder("sequence_order")
def _sequence_order(comp: Composed, rng: random.Random, catalog: Any) -> C.SequenceOrder | None:
    ops = _ops(comp, catalog)
    pairs = []
    for j, (then, tj) in enumerate(ops):
        if tj.read_only or any(n == then for n, _ in ops[:j]):
            continue
        for i in range(j - 1, -1, -1):  # the reads right before the write, with no write in between
            first, ti = ops[i]
            if not ti.read_only:
                break
            if all(n != first for n, _ in ops[:i]):
                pairs.append((first, then))
    if not pairs:
        return None
    first, then = rng.choice(pairs)
    return C.SequenceOrder(first=first, then=then)


@builder("tradeoff")
def _tradeoff(comp: Composed, rng: random.Random, catalog: Any) -> C.TradeOff | None:
    return C.TradeOff(**comp.work.tradeoffs[0]) if comp.work.tradeoffs else None


@builder("budget")
def _budget(comp: Composed, rng: random.Random, catalog: Any) -> C.Budget | None:
    rules = {(r.table, r.column): r for r in comp.work.spend}
    if not rules:
        return None
    diff = diff_world(comp.plan.world)
    spent = sum(
        abs(float((ch.after or {}).get(col) or 0))
        for (table, col) in rules
        for ch in diff.by_table(table, "insert")
    )
    if spent <= 0:
        return None
    limit = math.ceil(spent * rng.uniform(1.05, 1.6))
    if limit >= 2 * spent:
        return None
    return C.Budget(limit=float(limit), spend=list(rules.values()))


@builder("deadline")
def _deadline(comp: Composed, rng: random.Random, catalog: Any) -> C.Deadline:
    clock = comp.plan.world.clock
    end = parse_time(clock.iso())
    slack = timedelta(seconds=120 + 2 * clock.elapsed)
    by = end + slack
    by = by.replace(second=0) + timedelta(minutes=1)
    return C.Deadline(by=format_time(by))


@builder("forbidden")
def _forbidden(comp: Composed, rng: random.Random, catalog: Any) -> C.Forbidden | None:
    index = product_index()
    siblings = [
        a for app in comp.apps if app in index for a in domain_apps()[index[app][0]] if a not in comp.apps
    ]
    used = {c.name for c in comp.plan.calls}
    tools = [
        t.qualified_name
        for app in comp.apps
        if app in index
        for t in catalog.apps[app].tools.values()
        if t.destructive and t.qualified_name not in used
    ]
    if not siblings and not tools:
        return None
    if siblings and (not tools or rng.random() < 0.6):
        return C.Forbidden(apps=[rng.choice(sorted(siblings))])
    return C.Forbidden(tools=[rng.choice(sorted(tools))])


@builder("no_collateral")
def _no_collateral(comp: Composed, rng: random.Random, catalog: Any) -> C.NoCollateral | None:
    """Never drawn: every goal is exact now (``toolgym_env.judge.footprint``), so the constraint would add
    nothing. The type stays for older task files, where it is still checked."""
    return None


@builder("confirm_before_destructive")
def _confirm(comp: Composed, rng: random.Random, catalog: Any) -> C.ConfirmBeforeDestructive | None:
    """Drawn when the oracle has a destructive call and reads every record it destroys first (a bulk action
    that names no record cannot be confirmed, and a constraint the oracle breaks is no constraint)."""
    read: set[str] = set()
    destructive = 0
    for (_, tool), args in zip(_ops(comp, catalog), comp.plan.resolved):
        if tool.destructive:
            ids = list(id_values(args))
            if not ids or any(v not in read for v in ids):
                return None
            destructive += 1
        if tool.read_only:
            read.update(v for v in leaf_values(args) if isinstance(v, str))
    return C.ConfirmBeforeDestructive() if destructive else None


@builder("privacy")
def _privacy(comp: Composed, rng: random.Random, catalog: Any) -> C.Privacy | None:
    options = []
    for s in comp.work.sensitive:
        needle = s.value.lower()
        leaked = any(
            c.name.split("__", 1)[0] != s.app
            and any(isinstance(v, str) and needle in v.lower() for v in leaf_values(a))
            for c, a in zip(comp.plan.calls, comp.plan.resolved)
        )
        if not leaked and len(s.value) >= 5:
            options.append(s)
    if not options:
        return None
    s = rng.choice(options)
    return C.Privacy(value=s.value, label=f"{s.owner}'s {s.label}", source_app=s.app)


@builder("output_format")
def _output_format(comp: Composed, rng: random.Random, catalog: Any) -> C.OutputFormat:
    fmt = rng.choice(("json", "bullets", "numbered"))
    keys = answer_keys(comp.work.report)
    if fmt == "json":
        return C.OutputFormat(format="json", keys=keys)
    return C.OutputFormat(format=fmt, min_items=len(comp.work.report))


def choose_constraints(
    comp: Composed, rng: random.Random, catalog: Any, prefer: tuple[str, ...] = ()
) -> list[Any]:
    """2-5 constraints drawn (weighted, without repeats) from the types that apply to this task; the
    ``prefer`` kinds that apply come first (a scenario's goal category implies them)."""
    built = {}
    for kind in C.CONSTRAINT_TYPES:
        c = BUILDERS[kind](comp, rng, catalog)
        if c is not None:
            built[kind] = c
    k = min(len(built), rng.choice((2, 3, 3, 4, 4, 5)))
    chosen: list[str] = [kind for kind in prefer if kind in built][:k]
    pool = {kind: c for kind, c in built.items() if kind not in chosen}
    while len(chosen) < k:
        kinds = sorted(pool)
        kind = rng.choices(kinds, [WEIGHTS[x] for x in kinds])[0]
        chosen.append(kind)
        del pool[kind]
    return [
        built[kind].model_copy(update={"hard": kind not in SOFT})
        for kind in C.CONSTRAINT_TYPES
        if kind in chosen
    ]
