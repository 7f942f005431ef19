"""``toolgym bench``: the performance record. Each figure is a median (with p95) over many timed runs.

Modules: :mod:`~toolgym_env.bench.steps` (gym-level steps, resets, judge), :mod:`~toolgym_env.bench.search`
(BM25 and MiniLM retrieval, index builds), :mod:`~toolgym_env.bench.vector` (async vector throughput),
:mod:`~toolgym_env.bench.memory` (peak RSS of an env process), :mod:`~toolgym_env.bench.startup` (the first
``gym.make`` + ``reset`` of a new process), :mod:`~toolgym_env.bench.universe` (catalog and app worlds),
:mod:`~toolgym_env.bench.peers` (tau-bench and tau2-bench in the same run) and
:mod:`~toolgym_env.bench.profile` (where the time and memory of a missed target go).
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from typing import Any

#: The targets of the performance issue: key → (bound, "max" or "min").
TARGETS: dict[str, tuple[float, str]] = {
    "step_read_us_median": (20, "max"),
    "step_write_us_median": (35, "max"),
    "step_mcp_us_median": (1000, "max"),
    "reset_ms_median": (1, "max"),
    "reset_ms_p95": (2, "max"),
    "judge_ms_median": (5, "max"),
    "search_ms_median": (10, "max"),
    "search_top5_overlap_fp32": (0.98, "min"),
    "index_search_ms_median": (1, "max"),
    "index_warm_load_s": (1, "max"),
    "vec_speedup_2w": (1.6, "min"),
    "peak_rss_mb_no_embed": (150, "max"),
    "first_make_reset_s": (1.5, "max"),
}


def missed(result: dict[str, Any]) -> list[str]:
    """The keys of :data:`TARGETS` whose figure in ``result`` misses its bound (unmeasured figures are left
    out).

    Example:
        >>> missed({"step_read_us_median": 25.0, "vec_speedup_2w": 1.7, "reset_ms_median": None})
        ['step_read_us_median']
    """
    out = []
    for key, (bound, kind) in TARGETS.items():
        value = result.get(key)
        if value is not None and not (value <= bound if kind == "max" else value >= bound):
            out.append(key)
    return out


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import os

    return {
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run_bench(
    n: int = 3000,
    embed: bool | None = None,
    vector_seconds: float = 4.0,
    peers: bool = False,
    profiles: bool = True,
    log: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Every figure, as one dict. ``embed=None`` measures the MiniLM figures when the ``embed`` extra is
    installed (their keys are ``None`` otherwise). ``peers`` times tau-bench and tau2-bench beside ours
    (skipped, with a line, when not installed). ``profiles`` adds, for each missed target, the profile that
    says where its time or memory goes (``profiles``); ``targets_missed`` lists them. ``log`` receives the
    name of each part as it starts."""
    from toolgym_env.bench import memory, search, startup, steps, universe, vector
    from toolgym_env.retrieval.embedding import embed_available

    if embed is None:
        embed = embed_available()
    out: dict[str, Any] = {**machine(), "n": n}
    parts: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("universe", universe.universe_bench),
        ("steps", lambda: steps.step_figures(n)),
        ("mcp", lambda: steps.mcp_figures(n)),
        ("reset", lambda: steps.reset_figures(n)),
        ("judge", steps.judge_figures),
        ("search (BM25)", lambda: search.lexical_figures(n)),
        ("random actions", lambda: steps.random_throughput(max(300, n // 10))),
        ("vector", lambda: vector.vector_figures(vector_seconds)),
        ("memory", lambda: memory.memory_figures(embed)),
        ("startup", startup.startup_figures),
    ]
    if embed:
        parts.append(("search (MiniLM)", search.embedding_figures))
    else:
        out.update(
            {
                k: None
                for k in (
                    "search_ms_median",
                    "search_ms_p95",
                    "index_search_ms_median",
                    "index_search_ms_p95",
                    "index_cold_build_s",
                    "index_warm_load_s",
                )
            }
        )
    for name, part in parts:
        log(name)
        out.update(part())
    if peers:
        from toolgym_env.bench.peers import peer_figures

        log("peers")
        out.update(peer_figures(out, n, log=lambda line: log(f"peers: {line}")))
    out["targets_missed"] = missed(out)
    if profiles and out["targets_missed"]:
        from toolgym_env.bench.profile import missed_profiles

        out["profiles"] = missed_profiles(out, TARGETS, log)
    return out
