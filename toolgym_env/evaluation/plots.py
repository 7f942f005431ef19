"""PNG plots of an evaluation (matplotlib, imported lazily, drawn off-screen with the Agg canvas):

- ``success.png``: success rate per agent/profile with its 95% bootstrap CI;
- ``pass_hat_k.png``: pass^k over k (the consistency curve), with CI bands;
- ``constraints.png``: satisfaction rate per constraint type, one bar per agent/profile.

matplotlib is optional (the ``eval`` extra); without it :func:`write_plots` raises :class:`ImportError` with
the install command.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from toolgym_env.evaluation.summary import curve_at, label

INSTALL_HINT = "plots need matplotlib: pip install 'toolgym-env[eval]' (or pip install matplotlib)"


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    FigureCanvasAgg(fig)  # off-screen, no pyplot state, no display needed
    return fig


def plot_success(summaries: Sequence[dict[str, Any]], path: Path) -> Path:
    """Bar chart of success rates with 95% CI error bars."""
    fig = _figure(max(4.0, 1.1 * len(summaries) + 2), 3.6)
    ax = fig.add_subplot()
    values = [s["success"] or 0.0 for s in summaries]
    bounds = [[v if math.isnan(b) else b for b in s["success_ci"]] for v, s in zip(values, summaries)]
    lows = [max(0.0, v - lo) for v, (lo, _) in zip(values, bounds)]
    highs = [max(0.0, hi - v) for v, (_, hi) in zip(values, bounds)]
    xs = range(len(summaries))
    ax.bar(xs, values, yerr=[lows, highs], capsize=4, color="#4c72b0")
    ax.set_xticks(list(xs), [label(s) for s in summaries], rotation=20, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("success rate (95% CI)")
    ax.set_title("Success per agent")
    fig.savefig(path)
    return path


def plot_pass_hat_k(summaries: Sequence[dict[str, Any]], path: Path) -> Path:
    """pass^k against k for every agent/profile, with the bootstrap CI as a band."""
    fig = _figure(5.5, 3.6)
    ax = fig.add_subplot()
    top = 1
    for s in summaries:
        ks = sorted(int(k) for k in s["pass^k"])
        if not ks:
            continue
        points = [curve_at(s["pass^k"], k) for k in ks]
        top = max(top, ks[-1])
        line = ax.plot(ks, [p["value"] for p in points], marker="o", label=label(s))[0]
        ax.fill_between(
            ks, [p["ci"][0] for p in points], [p["ci"][1] for p in points], alpha=0.15, color=line.get_color()
        )
    ax.set_xticks(range(1, top + 1))
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("k")
    ax.set_ylabel("pass^k (all k attempts succeed)")
    ax.set_title("Consistency: pass^k over k")
    ax.legend(fontsize="small")
    fig.savefig(path)
    return path


def plot_constraints(summaries: Sequence[dict[str, Any]], path: Path) -> Path:
    """Grouped horizontal bars: satisfaction rate per constraint type and agent/profile."""
    types = sorted({t for s in summaries for t in s["constraints"]})
    fig = _figure(7.0, max(3.0, 0.32 * len(types) * max(1, len(summaries)) ** 0.5 + 1.5))
    ax = fig.add_subplot()
    height = 0.8 / max(1, len(summaries))
    for i, s in enumerate(summaries):
        rates = [s["constraints"].get(t, {}).get("rate", 0.0) for t in types]
        ax.barh([y + i * height for y in range(len(types))], rates, height=height, label=label(s))
    ax.set_yticks([y + 0.4 - height / 2 for y in range(len(types))], types)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.05)
    ax.set_xlabel("satisfied")
    ax.set_title("Constraint satisfaction per type")
    if summaries:
        ax.legend(fontsize="small", loc="lower right")
    fig.savefig(path)
    return path


def write_plots(summaries: Sequence[dict[str, Any]], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write the three PNGs into ``out_dir``; return their paths (``ImportError`` without matplotlib)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return [
        plot_success(summaries, out / "success.png"),
        plot_pass_hat_k(summaries, out / "pass_hat_k.png"),
        plot_constraints(summaries, out / "constraints.png"),
    ]
