"""Beyond one table: why episodes failed (a taxonomy read from the verdict and the trajectory), success per
slice of the suite (family, difficulty, number of apps, perturbation kind), cost from a price table, and a
paired comparison of two runs on the same tasks.

Failure kinds, first match wins: ``infra_error`` (the endpoint could not be reached), ``crashed`` (the agent
raised), ``step_limit`` (no final answer before the step limit), ``constraint:<type>`` (a hard constraint
broke), ``unexpected_change`` (a change the request did not ask for), ``missing_change`` (an asked change was
not made), ``wrong_answer`` (a fact missing from the answer, or a distractor stated), then the calls that went
wrong when nothing more specific is known: ``unknown_tool``, ``invalid_arguments``; ``other`` otherwise.

    >>> failure_kind({"success": False, "infra_error": "HTTP 500"})
    'infra_error'
    >>> failure_kind({"success": False, "judge": {"checks": [{"kind": "change", "passed": False}]}})
    'missing_change'
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from toolgym_env.evaluation.bootstrap import bootstrap_ci
from toolgym_env.metrics.calls import kinds_fired
from toolgym_env.records.record import is_infra_error, latest, run_label

#: Failure kinds in the order they are tested (``constraint:<type>`` stands for every constraint type).
FAILURE_KINDS: tuple[str, ...] = (
    "infra_error",
    "crashed",
    "step_limit",
    "constraint",
    "unexpected_change",
    "missing_change",
    "wrong_answer",
    "unknown_tool",
    "invalid_arguments",
    "other",
)
#: The slices :func:`slices` cuts a run into.
SLICE_KEYS: tuple[str, ...] = ("family", "difficulty", "apps", "perturbation")


def failure_kind(record: dict[str, Any]) -> str | None:
    """Why an episode failed (see the module docstring); ``None`` when it succeeded."""
    if is_infra_error(record):
        return "infra_error"
    if record.get("success"):
        return None
    if record.get("error"):
        return "crashed"
    if record.get("final_answer") is None and (record.get("trajectory") or record.get("steps")):
        return "step_limit"
    judge = record.get("judge") or {}
    broken = [c for c in judge.get("constraints") or () if c.get("hard") and not c.get("passed")]
    if broken:
        return f"constraint:{broken[0].get('target') or broken[0].get('type') or 'unknown'}"
    failed = [c.get("kind") for c in judge.get("checks") or () if not c.get("passed")]
    for kind, name in (
        ("collateral", "unexpected_change"),
        ("change", "missing_change"),
        ("fact", "wrong_answer"),
    ):
        if kind in failed:
            return name
    results = [str(s.get("result", "")) for s in record.get("trajectory") or () if s.get("is_error")]
    if any(r.startswith("Unknown tool") for r in results):
        return "unknown_tool"
    if any(r.startswith("Invalid arguments") for r in results):
        return "invalid_arguments"
    return "other"


def failure_taxonomy(records: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Failed episodes counted by :func:`failure_kind`, most frequent first."""
    counts = Counter(kind for r in records if (kind := failure_kind(r)) is not None)
    return dict(counts.most_common())


def slice_values(record: dict[str, Any]) -> dict[str, str]:
    """The slices an episode belongs to, read from whatever tags its task has: ``family`` (scenario or task
    family), ``difficulty`` (``tier``, else ``difficulty``), ``apps`` (how many), ``perturbation`` (each kind
    that fired, joined; ``none``). A missing tag gives ``?``."""
    task = record.get("task") or {}
    family = task.get("family") or task.get("scenario") or task.get("category") or "?"
    tier = task.get("tier") or task.get("difficulty") or "?"
    apps = task.get("apps")
    fired = sorted(kinds_fired(record.get("trajectory") or ()))
    return {
        "family": str(family),
        "difficulty": str(tier),
        "apps": str(len(apps)) if apps else "?",
        "perturbation": "+".join(fired) or "none",
    }


def slices(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Success per slice: ``{key: {value: {"episodes", "success"}}}`` for each of :data:`SLICE_KEYS`
    (infrastructure errors left out)."""
    out: dict[str, dict[str, dict[str, Any]]] = {key: {} for key in SLICE_KEYS}
    for record in records:
        if is_infra_error(record):
            continue
        for key, value in slice_values(record).items():
            cell = out[key].setdefault(value, {"episodes": 0, "successes": 0})
            cell["episodes"] += 1
            cell["successes"] += bool(record.get("success"))
    for cells in out.values():
        for cell in cells.values():
            cell["success"] = round(cell["successes"] / cell["episodes"], 4)
    return {key: dict(sorted(cells.items())) for key, cells in out.items()}


def parse_prices(pairs: Sequence[str]) -> dict[str, tuple[float, float]]:
    """``MODEL=IN,OUT`` pairs (US dollars per million prompt and completion tokens) as a price table.

    >>> parse_prices(["gpt-4o=2.5,10"])
    {'gpt-4o': (2.5, 10.0)}
    """
    table = {}
    for pair in pairs:
        model, sep, prices = pair.partition("=")
        parts = prices.split(",")
        if not sep or not model or len(parts) != 2:
            raise ValueError(f"expected MODEL=IN,OUT (dollars per million tokens), got {pair!r}")
        table[model.strip()] = (float(parts[0]), float(parts[1]))
    return table


def episode_cost(record: dict[str, Any], prices: dict[str, tuple[float, float]]) -> float | None:
    """The episode's cost in dollars under ``prices`` (by the record's model; ``*`` matches any), ``None``
    when the table has no price for it."""
    model = (record.get("provenance") or {}).get("model") or record.get("agent")
    price = prices.get(str(model)) or prices.get("*")
    if price is None:
        return None
    usage = record.get("usage") or {}
    return (usage.get("prompt_tokens", 0) * price[0] + usage.get("completion_tokens", 0) * price[1]) / 1e6


def mean_cost(records: Iterable[dict[str, Any]], prices: dict[str, tuple[float, float]]) -> float | None:
    """Mean cost per episode in dollars (``None`` when no episode has a price)."""
    costs = [c for r in records if (c := episode_cost(r, prices)) is not None]
    return round(float(np.mean(costs)), 6) if costs else None


def _task_rates(records: Iterable[dict[str, Any]]) -> dict[str, float]:
    per: dict[str, list[float]] = {}
    for r in records:
        if not is_infra_error(r):
            per.setdefault(r["task_id"], []).append(float(bool(r["success"])))
    return {task: sum(v) / len(v) for task, v in per.items()}


def sign_flip_p(deltas: Sequence[float], resamples: int = 20000, seed: int = 0) -> float:
    """Two-sided p-value of a paired sign-flip permutation test that the mean of ``deltas`` is 0 (exact over
    every sign pattern up to 16 pairs, else ``resamples`` random patterns, seeded).

    >>> sign_flip_p([1, 1, 1, 1, 1, 1]), sign_flip_p([1, -1, 1, -1])
    (0.03125, 1.0)
    """
    values = np.asarray(deltas, dtype=float)
    if values.size == 0 or not values.any():
        return 1.0
    observed = abs(values.mean())
    if values.size <= 16:
        signs = np.array(np.meshgrid(*[[-1.0, 1.0]] * values.size)).reshape(values.size, -1).T
    else:
        signs = np.random.default_rng(seed).choice([-1.0, 1.0], size=(resamples, values.size))
    means = np.abs((signs * values).mean(axis=1))
    return round(float(np.mean(means >= observed - 1e-12)), 6)


def compare_runs(a: Sequence[dict[str, Any]], b: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Paired comparison of two runs on the tasks both ran: each task's success rate in B minus in A, their
    mean with a 95% bootstrap CI, the sign-flip test's p-value, the tasks won and lost, and each run's failure
    taxonomy (infrastructure errors left out of the pairing)."""
    a, b = latest(list(a)), latest(list(b))
    rate_a, rate_b = _task_rates(a), _task_rates(b)
    shared = sorted(set(rate_a) & set(rate_b))
    deltas = [rate_b[t] - rate_a[t] for t in shared]
    ci = bootstrap_ci(deltas)
    return {
        "tasks": len(shared),
        "only_a": len(set(rate_a) - set(rate_b)),
        "only_b": len(set(rate_b) - set(rate_a)),
        "success_a": round(float(np.mean([rate_a[t] for t in shared])), 4) if shared else None,
        "success_b": round(float(np.mean([rate_b[t] for t in shared])), 4) if shared else None,
        "delta": round(float(np.mean(deltas)), 4) if deltas else None,
        "delta_ci": [None if math.isnan(x) else x for x in ci],
        "p_value": sign_flip_p(deltas),
        "b_better": [t for t, d in zip(shared, deltas) if d > 0],
        "a_better": [t for t, d in zip(shared, deltas) if d < 0],
        "failures_a": failure_taxonomy(a),
        "failures_b": failure_taxonomy(b),
        "infra_errors": [sum(map(is_infra_error, a)), sum(map(is_infra_error, b))],
        "runs": [
            sorted({str(run_label(r) or r["agent"]) for r in a}),
            sorted({str(run_label(r) or r["agent"]) for r in b}),
        ],
    }


def compare_markdown(result: dict[str, Any], names: tuple[str, str]) -> str:
    """The comparison as Markdown: the paired figures, then the failure kinds of each run side by side."""

    def pct(x: float | None) -> str:
        return "–" if x is None else f"{x:+.1%}" if x else "0.0%"

    ci = result["delta_ci"]
    rate_a = "–" if result["success_a"] is None else f"{result['success_a']:.1%}"
    rate_b = "–" if result["success_b"] is None else f"{result['success_b']:.1%}"
    lines = [
        f"## Paired comparison: {names[1]} vs {names[0]}",
        "",
        "| tasks paired | success A | success B | B − A (95% CI) | p (sign-flip) | B better | A better |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        (
            f"| {result['tasks']} | {rate_a} | {rate_b} | {pct(result['delta'])} "
            f"[{pct(ci[0])}, {pct(ci[1])}] | {result['p_value']:.3g} | {len(result['b_better'])} "
            f"| {len(result['a_better'])} |"
        ),
        "",
    ]
    kinds = sorted(set(result["failures_a"]) | set(result["failures_b"]))
    if kinds:
        lines += ["### Failure kinds (episodes)", "", "| kind | A | B |", "| --- | ---: | ---: |"]
        lines += [
            f"| {k} | {result['failures_a'].get(k, 0)} | {result['failures_b'].get(k, 0)} |" for k in kinds
        ]
    return "\n".join(lines) + "\n"
