"""The Markdown summary of an evaluation: one row per (agent, profile, suite), then pass^k over k, constraint
satisfaction per type, and success under each perturbation kind that fired."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _ci(value: float | None, ci: Sequence[float] | None) -> str:
    if value is None:
        return "–"
    if not ci or any(math.isnan(x) for x in ci):
        return _pct(value)
    return f"{value:.1%} [{ci[0]:.1%}, {ci[1]:.1%}]"


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def label(summary: dict[str, Any]) -> str:
    """``run`` (or ``agent``) or ``… / profile`` (with the suite when it is not ``test``)."""
    text = (summary.get("run") or summary["agent"]) + (
        f" / {summary['profile']}" if summary.get("profile") is not None else ""
    )
    return text + (f" ({summary['suite']})" if summary.get("suite", "test") != "test" else "")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right_from: int = 1) -> list[str]:
    align = ["---" if i < right_from else "---:" for i in range(len(header))]
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def curve_at(curve: dict[Any, dict[str, Any]], k: int) -> dict[str, Any]:
    """The ``{"value", "ci"}`` point of a pass@k/pass^k curve at ``k`` (empty when absent)."""
    return curve.get(k) or curve.get(str(k)) or {}  # int keys in memory, str keys after a JSON round trip


def _top(curve: dict[Any, dict[str, Any]]) -> tuple[int | None, dict[str, Any]]:
    if not curve:
        return None, {}
    k = max(curve, key=int)
    return int(k), curve[k]


def main_table(summaries: Sequence[dict[str, Any]]) -> list[str]:
    """The headline table, one row per group."""
    header = [
        "run",
        "agent",
        "profile",
        "suite",
        "tasks",
        "episodes",
        "success (95% CI)",
        "mean reward",
        "k",
        "pass^k (95% CI)",
        "pass@k (95% CI)",
        "call success",
        "recovery",
        "flexibility",
        "calls",
        "turns",
        "tokens",
        "latency (s)",
        "crashed",
        "infra errors",
    ]
    rows = []
    for s in summaries:
        k, hat = _top(s["pass^k"])
        _, at = _top(s["pass@k"])
        rows.append(
            [
                str(s.get("run") or "–"),
                s["agent"],
                s["profile"] or "–",
                s["suite"],
                str(s["tasks"]),
                str(s["episodes"]),
                _ci(s["success"], s["success_ci"]),
                _num(s["mean_reward"], 3),
                str(k or "–"),
                _ci(hat.get("value"), hat.get("ci")),
                _ci(at.get("value"), at.get("ci")),
                _pct(s["tool_call_success"]),
                _pct(s["recovery"]),
                _pct(s["flexibility"]),
                _num(s["mean_calls"]),
                _num(s["mean_turns"]),
                _num(s["mean_tokens"], 0),
                _num(s["mean_latency_s"], 2),
                str(s["crashed"]),
                str(s.get("infra_errors", 0)),
            ]
        )
    return _table(header, rows, right_from=4)


def pass_hat_table(summaries: Sequence[dict[str, Any]]) -> list[str]:
    """pass^k for every k, one row per group (empty when every group has one attempt per task)."""
    top = max((int(k) for s in summaries for k in s["pass^k"]), default=0)
    if top < 2:
        return []
    rows = [
        [label(s)] + [_pct(curve_at(s["pass^k"], k).get("value")) for k in range(1, top + 1)]
        for s in summaries
    ]
    return _table(["agent", *(f"pass^{k}" for k in range(1, top + 1))], rows)


def constraint_table(summaries: Sequence[dict[str, Any]]) -> list[str]:
    """Satisfaction rate (and checks) per constraint type, one column per group."""
    types = sorted({t for s in summaries for t in s["constraints"]})
    if not types:
        return []
    kinds = {t: {s["constraints"][t]["hard"] for s in summaries if t in s["constraints"]} for t in types}
    hard = {t: k.pop() if len(k) == 1 else "mixed" for t, k in kinds.items()}
    rows = [
        [t, {True: "hard", False: "soft"}.get(hard[t], "mixed")]
        + [
            f"{_pct(s['constraints'][t]['rate'])} ({s['constraints'][t]['checks']})"
            if t in s["constraints"]
            else "–"
            for s in summaries
        ]
        for t in types
    ]
    return _table(["constraint type", "kind", *(label(s) for s in summaries)], rows, right_from=2)


def perturbation_table(summaries: Sequence[dict[str, Any]]) -> list[str]:
    """Success in the episodes where each perturbation kind fired (only groups run under a profile)."""
    kinds = sorted({k for s in summaries for k in s.get("success_under", {})})
    if not kinds:
        return []
    shown = [s for s in summaries if s.get("success_under")]
    rows = [
        [kind]
        + [
            f"{_pct(s['success_under'][kind]['success'])} ({s['success_under'][kind]['episodes']})"
            if kind in s["success_under"]
            else "–"
            for s in shown
        ]
        for kind in kinds
    ]
    return _table(["perturbation fired", *(label(s) for s in shown)], rows)


def failure_table(summaries: Sequence[dict[str, Any]]) -> list[str]:
    """Failed episodes per failure kind (:mod:`toolgym_env.evaluation.analysis`), one column per group."""
    kinds = sorted({k for s in summaries for k in s.get("failures", {})})
    if not kinds:
        return []
    rows = [[kind] + [str(s.get("failures", {}).get(kind, 0)) for s in summaries] for kind in kinds]
    return _table(["failure kind", *(label(s) for s in summaries)], rows)


def slice_tables(summaries: Sequence[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """Success per slice (family, difficulty, number of apps, perturbation kind), one table per slice with
    more than one value, one column per group."""
    out = []
    for key in ("family", "difficulty", "apps", "perturbation"):
        values = sorted({v for s in summaries for v in s.get("slices", {}).get(key, {})})
        if len(values) < 2:
            continue
        rows = [
            [value]
            + [
                f"{_pct(c['success'])} ({c['episodes']})"
                if (c := s.get("slices", {}).get(key, {}).get(value))
                else "–"
                for s in summaries
            ]
            for value in values
        ]
        out.append(
            (f"Success per {key} (rate, episodes)", _table([key, *(label(s) for s in summaries)], rows))
        )
    return out


def markdown_summary(summaries: Sequence[dict[str, Any]], title: str = "Evaluation") -> str:
    """The whole summary as Markdown (``summaries`` from :func:`toolgym_env.evaluation.stats.summarize`)."""
    parts = [f"## {title}", "", *main_table(summaries), ""]
    costs = [s for s in summaries if s.get("mean_cost_usd") is not None]
    if costs:
        parts += [
            "Cost per episode: " + ", ".join(f"{label(s)} ${s['mean_cost_usd']:.4f}" for s in costs),
            "",
        ]
    for heading, table in (
        ("pass^k over k (all k attempts succeed)", pass_hat_table(summaries)),
        ("Failure kinds (episodes)", failure_table(summaries)),
        *slice_tables(summaries),
        ("Constraint satisfaction per type (rate, checks)", constraint_table(summaries)),
        ("Success when a perturbation kind fired (rate, episodes)", perturbation_table(summaries)),
    ):
        if table:
            parts += [f"### {heading}", "", *table, ""]
    return "\n".join(parts)


def write_summary(
    path: str | os.PathLike[str], summaries: Sequence[dict[str, Any]], title: str = "Evaluation"
) -> Path:
    """Write :func:`markdown_summary` to ``path``; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown_summary(summaries, title), encoding="utf-8")
    return path
