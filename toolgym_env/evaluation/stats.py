"""Statistics of episode records: success, pass@k and pass^k with bootstrap CIs, constraint satisfaction per
type, the call-level robustness metrics, and mean costs.

- **pass@k** (Chen et al. 2021, unbiased): for a task with ``n`` attempts of which ``c`` succeeded,
  ``1 - C(n-c, k) / C(n, k)`` — the chance that at least one of ``k`` attempts drawn from the ``n`` succeeds.
- **pass^k** (tau-bench): ``C(c, k) / C(n, k)`` — the chance that all ``k`` drawn attempts succeed
  (consistency; it falls with ``k`` unless the agent always or never succeeds).

Both are computed per task, then averaged over tasks; the 95% CI is a percentile bootstrap over tasks (seeded
numpy resampling, so it is deterministic).

Episodes whose model endpoint could not be reached (``infra_error``) are not the agent's: they are left out of
every rate and counted beside them (``infra_errors``); a record superseded by a later one of the same episode
(a rerun after such an error) is not counted at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from math import comb
from typing import Any

import numpy as np

from toolgym_env.errors import InvalidArgumentError
from toolgym_env.evaluation.analysis import failure_taxonomy, mean_cost, slices
from toolgym_env.evaluation.bootstrap import RESAMPLES, bootstrap_ci
from toolgym_env.metrics import robustness_summary
from toolgym_env.records.record import is_infra_error, latest, run_label

__all__ = [
    "RESAMPLES",
    "aggregate",
    "bootstrap_ci",
    "constraint_satisfaction",
    "group_key",
    "headline",
    "pass_at_k",
    "pass_curves",
    "pass_hat_k",
    "per_task",
    "summarize",
]


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k of one task: ``n`` attempts, ``c`` successes."""
    if not 0 < k <= n or not 0 <= c <= n:
        raise InvalidArgumentError(f"need 0 < k <= n and 0 <= c <= n, got n={n}, c={c}, k={k}")
    return 1.0 - comb(n - c, k) / comb(n, k)


def pass_hat_k(n: int, c: int, k: int) -> float:
    """pass^k of one task: the chance that ``k`` of its ``n`` attempts, drawn without replacement, all
    succeed."""
    if not 0 < k <= n or not 0 <= c <= n:
        raise InvalidArgumentError(f"need 0 < k <= n and 0 <= c <= n, got n={n}, c={c}, k={k}")
    return comb(c, k) / comb(n, k)


def per_task(records: Iterable[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """``{task_id: (attempts, successes)}``."""
    out: dict[str, tuple[int, int]] = {}
    for r in records:
        n, c = out.get(r["task_id"], (0, 0))
        out[r["task_id"]] = (n + 1, c + bool(r["success"]))
    return out


def _estimate(values: Sequence[float], resamples: int, seed: int) -> dict[str, Any]:
    return {
        "value": round(float(np.mean(values)), 4) if len(values) else None,
        "ci": list(bootstrap_ci(values, resamples, seed)),
    }


def pass_curves(
    records: Iterable[dict[str, Any]], resamples: int = RESAMPLES, seed: int = 0
) -> dict[str, dict[int, dict[str, Any]]]:
    """``{"pass@k": {k: {"value", "ci"}}, "pass^k": {...}}`` for ``k = 1 .. K``, K the fewest attempts of a
    task."""
    tasks = list(per_task(records).values())
    top = min((n for n, _ in tasks), default=0)
    curves: dict[str, dict[int, dict[str, Any]]] = {"pass@k": {}, "pass^k": {}}
    for k in range(1, top + 1):
        curves["pass@k"][k] = _estimate([pass_at_k(n, c, k) for n, c in tasks], resamples, seed)
        curves["pass^k"][k] = _estimate([pass_hat_k(n, c, k) for n, c in tasks], resamples, seed)
    return curves


def constraint_satisfaction(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per constraint type: checks, passed, rate and whether it is hard (from ``judge["constraints"]``):
    ``True`` or ``False`` when every check of the type agrees, ``"mixed"`` when tasks set it both ways (the
    record order never matters)."""
    out: dict[str, dict[str, Any]] = {}
    hard: dict[str, set[bool]] = {}
    for r in records:
        for check in r.get("judge", {}).get("constraints", ()):
            row = out.setdefault(check["target"], {"checks": 0, "passed": 0})
            row["checks"] += 1
            row["passed"] += bool(check["passed"])
            hard.setdefault(check["target"], set()).add(bool(check.get("hard")))
    for target, row in out.items():
        row["hard"] = hard[target].pop() if len(hard[target]) == 1 else "mixed"
        row["rate"] = round(row["passed"] / row["checks"], 4)
    return dict(sorted(out.items()))


def _mean(values: Sequence[float]) -> float | None:
    return round(float(np.mean(values)), 4) if len(values) else None


def aggregate(
    records: Sequence[dict[str, Any]],
    resamples: int = RESAMPLES,
    seed: int = 0,
    prices: dict[str, tuple[float, float]] | None = None,
) -> dict[str, Any]:
    """Every statistic of one group of records (one run of one agent under one profile on one suite); episodes
    with an infrastructure error are counted in ``infra_errors`` and left out of everything else."""
    everything = list(records)
    records = [r for r in everything if not is_infra_error(r)]
    tasks = per_task(records)
    rates = [c / n for n, c in tasks.values()]
    robust = robustness_summary(records)
    tokens = [r["usage"].get("prompt_tokens", 0) + r["usage"].get("completion_tokens", 0) for r in records]
    return {
        "episodes": len(records),
        "tasks": len(tasks),
        "success": _mean(rates),
        "success_ci": list(bootstrap_ci(rates, resamples, seed)),
        "mean_reward": _mean([r["reward"] for r in records]),
        **pass_curves(records, resamples, seed),
        "constraints": constraint_satisfaction(records),
        "tool_call_success": robust["tool_call_success"],
        "recovery": robust["recovery"],
        "flexibility": robust["flexibility"],
        "success_under": robust["success_under"],
        "mean_steps": _mean([r["steps"] for r in records]),
        "mean_calls": _mean([r["calls"] for r in records]),
        "mean_turns": _mean([r["turns"] for r in records]),
        "mean_tool_errors": _mean([r["tool_errors"] for r in records]),
        "mean_prompt_tokens": _mean([r["usage"].get("prompt_tokens", 0) for r in records]),
        "mean_completion_tokens": _mean([r["usage"].get("completion_tokens", 0) for r in records]),
        "mean_tokens": _mean(tokens),
        "mean_model_latency_s": _mean([r["usage"].get("latency_s", 0) for r in records]),
        "mean_latency_s": _mean([r["latency_s"] for r in records]),
        "crashed": sum(r.get("error") is not None for r in records),
        "infra_errors": len(everything) - len(records),
        "infra_error_share": round((len(everything) - len(records)) / len(everything), 4)
        if everything
        else 0.0,
        "mean_model_turns": _mean([r["usage"].get("turns", r["turns"]) for r in records]),
        "failures": failure_taxonomy(everything),
        "slices": slices(records),
        "mean_cost_usd": mean_cost(records, prices) if prices else None,
    }


def group_key(record: dict[str, Any]) -> tuple[str, str | None, str, str | None]:
    """The group a record belongs to: ``(agent, profile, suite, run)`` (run: the run's name, ``None`` in
    records older than provenance)."""
    return (record["agent"], record["profile"], record["suite"], run_label(record))


def summarize(
    records: Iterable[dict[str, Any]],
    resamples: int = RESAMPLES,
    seed: int = 0,
    prices: dict[str, tuple[float, float]] | None = None,
) -> list[dict[str, Any]]:
    """One :func:`aggregate` per ``(agent, profile, suite, run)`` in the records (the latest record of each
    episode), in order of first appearance."""
    groups: dict[tuple[str, str | None, str, str | None], list[dict[str, Any]]] = {}
    for r in latest(list(records)):
        groups.setdefault(group_key(r), []).append(r)
    return [
        {"agent": a, "profile": p, "suite": s, "run": run, **aggregate(rs, resamples, seed, prices)}
        for (a, p, s, run), rs in groups.items()
    ]


def headline(summary: dict[str, Any]) -> dict[str, Any]:
    """The figures worth one line: success with its CI, reward, pass^k and pass@k at the largest k, costs."""
    top = max(summary["pass^k"], default=None)
    return {
        key: summary[key]
        for key in (
            "agent",
            "profile",
            "suite",
            "episodes",
            "tasks",
            "success",
            "success_ci",
            "mean_reward",
            "tool_call_success",
            "recovery",
            "mean_calls",
            "mean_turns",
            "mean_tokens",
            "mean_latency_s",
            "crashed",
            "infra_errors",
            "run",
        )
        if key in summary
    } | (
        {
            "k": top,
            "pass^k": summary["pass^k"][top]["value"],
            "pass^k_ci": summary["pass^k"][top]["ci"],
            "pass@k": summary["pass@k"][top]["value"],
            "pass@k_ci": summary["pass@k"][top]["ci"],
        }
        if top
        else {}
    )
