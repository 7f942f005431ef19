"""Choosing the episodes worth training on: by the judge's verdict, without duplicates, spread over tasks and
covering as many tools, apps and perturbation kinds as a budget allows.

:func:`select_episodes` applies, in order: drop crashed and unjudged episodes, then those that failed
(``only_success``) or scored below ``min_reward`` (the judge's reward, not shaping); ``dedup`` keeps the best
episode per (task, identical sequence of calls, arguments and user interruptions); ``max_per_task`` and
``limit`` cap the count per task and in all. Under a cap the best episodes are kept (higher reward, then fewer
steps), or with ``diversity`` those a greedy set cover picks: each next episode adds the most features not
yet covered (``tool:…``, ``app:…``, ``perturbation:…``, see :func:`features`), ties broken by the same
quality order. Kept episodes stay in input order; every dropped one is counted under its reason.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from toolgym_env.judge.episode import META_TOOLS, app_of, normalize_arguments
from toolgym_env.metrics.calls import kinds_fired

#: Why an episode is left out, in the order the filters run.
DROP_REASONS: tuple[str, ...] = (
    "crashed",
    "unjudged",
    "failed",
    "below_min_reward",
    "duplicate",
    "over_task_cap",
    "over_limit",
)


class SelectionRules(TypedDict, total=False):
    """The keywords of :func:`select_episodes` (see the module docstring), for callers that pass them on."""

    min_reward: float
    only_success: bool
    dedup: bool
    max_per_task: int
    diversity: bool
    limit: int


@dataclass
class Selection:
    """The episodes kept (input order) and the count of those dropped, by reason."""

    kept: list[dict[str, Any]]
    dropped: Counter[str] = field(default_factory=Counter)


def verdict_reward(record: dict[str, Any]) -> float:
    """The judge's reward of an episode (the record's ``reward`` when the verdict has none)."""
    judge = record.get("judge") or {}
    return float(judge.get("reward", record.get("reward", 0.0)) or 0.0)


def call_signature(record: dict[str, Any]) -> tuple[Any, ...]:
    """The task and the episode's calls (names and arguments, canonical JSON, final answer included), with the
    user interruptions between them: the same calls after another interruption make another conversation."""
    calls = tuple(
        (
            step["name"],
            json.dumps(normalize_arguments(step.get("arguments")), sort_keys=True),
            step.get("message") or "",
        )
        for step in record.get("trajectory", ())
        if step.get("name")
    )
    return (record.get("task_id"), calls)


def features(record: dict[str, Any]) -> frozenset[str]:
    """What an episode covers: the tools it called successfully, their apps, the perturbation kinds it met."""
    tools = {
        step["name"]
        for step in record.get("trajectory", ())
        if step.get("name") and step["name"] not in META_TOOLS and not step.get("is_error")
    }
    kinds = kinds_fired(record.get("trajectory", ()))
    return frozenset(
        {f"tool:{t}" for t in tools}
        | {f"app:{app_of(t)}" for t in tools}
        | {f"perturbation:{k}" for k in kinds}
    )


Item = tuple[int, dict[str, Any]]  # (position in the input, record)


def _quality(record: dict[str, Any], index: int) -> tuple[float, int, int]:
    """Sort key, best first: higher judge reward, then fewer steps, then earlier in the input."""
    return (-verdict_reward(record), int(record.get("steps") or len(record.get("trajectory", ()))), index)


def _best(items: Sequence[Item], n: int, diversity: bool) -> list[Item]:
    """``n`` of ``items``: the best ones, or a greedy set cover with ``diversity``."""
    if n >= len(items):
        return list(items)
    if not diversity:
        return sorted(items, key=lambda item: _quality(item[1], item[0]))[:n]
    feats = {i: features(r) for i, r in items}
    covered: set[str] = set()
    heap = [(-len(feats[i]), _quality(r, i), i, r) for i, r in items]
    heapq.heapify(heap)
    chosen: list[Item] = []
    while heap and len(chosen) < n:  # lazy greedy: a gain only shrinks as more is covered
        _, quality, i, record = heapq.heappop(heap)
        gain = len(feats[i] - covered)
        if heap and (-gain, quality) > heap[0][:2]:
            heapq.heappush(heap, (-gain, quality, i, record))
            continue
        chosen.append((i, record))
        covered |= feats[i]
    return chosen


def select_episodes(
    records: Iterable[dict[str, Any]],
    *,
    min_reward: float = 1.0,
    only_success: bool = False,
    dedup: bool = False,
    max_per_task: int = 0,
    diversity: bool = False,
    limit: int = 0,
) -> Selection:
    """The episodes to train on, and the count of the others by reason (see the module docstring).
    ``max_per_task``/``limit`` of 0 mean no cap."""
    dropped: Counter[str] = Counter()
    items: list[Item] = []
    for index, record in enumerate(records):
        if record.get("error"):
            dropped["crashed"] += 1
        elif not record.get("judge"):
            dropped["unjudged"] += 1
        elif only_success and not record["judge"].get("success", record.get("success")):
            dropped["failed"] += 1
        elif verdict_reward(record) < min_reward:
            dropped["below_min_reward"] += 1
        else:
            items.append((index, record))
    if dedup:
        best: dict[tuple[Any, ...], Item] = {}
        for index, record in items:
            key = call_signature(record)
            if key not in best or _quality(record, index) < _quality(best[key][1], best[key][0]):
                best[key] = (index, record)
        dropped["duplicate"] += len(items) - len(best)
        items = sorted(best.values(), key=lambda item: item[0])
    if max_per_task > 0:
        by_task: dict[Any, list[Item]] = {}
        for item in items:
            by_task.setdefault(item[1].get("task_id"), []).append(item)
        capped = [kept for group in by_task.values() for kept in _best(group, max_per_task, diversity)]
        dropped["over_task_cap"] += len(items) - len(capped)
        items = sorted(capped, key=lambda item: item[0])
    if limit > 0 and len(items) > limit:
        dropped["over_limit"] += len(items) - limit
        items = sorted(_best(items, limit, diversity), key=lambda item: item[0])
    return Selection([record for _, record in items], +dropped)  # +: no zero counts
