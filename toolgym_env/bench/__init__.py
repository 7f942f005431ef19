"""``toolgym bench``: the performance record. Each figure is a median (with p95) over many timed runs.

Modules: :mod:`~toolgym_env.bench.steps` (gym-level steps, resets, judge), :mod:`~toolgym_env.bench.search`
(BM25 and MiniLM retrieval, index builds), :mod:`~toolgym_env.bench.vector` (async vector throughput),
:mod:`~toolgym_env.bench.memory` (peak RSS of an env process), :mod:`~toolgym_env.bench.universe` (catalog and
app worlds).
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from typing import Any

#: The targets of the performance issue: key → (bound, "max" or "min").
TARGETS: dict[str, tuple[float, str]] = {
    "step_read_us_median": (40, "max"), "step_mcp_us_median": (1000, "max"), "reset_ms_median": (2, "max"),
    "reset_ms_p95": (5, "max"), "judge_ms_median": (5, "max"), "search_ms_median": (10, "max"),
    "index_search_ms_median": (1, "max"), "index_warm_load_s": (1, "max"), "vec_speedup_2w": (1.6, "min"),
    "peak_rss_mb_no_embed": (150, "max"),
}


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import os

    return {"machine": f"{platform.machine()} {platform.processor() or ''}".strip(), "cpus": os.cpu_count(),
            "python": platform.python_version(), "platform": platform.platform()}


def run_bench(n: int = 3000, embed: bool | None = None, vector_seconds: float = 4.0,
              log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Every figure, as one dict. ``embed=None`` measures the MiniLM figures when the ``embed`` extra is installed
    (their keys are ``None`` otherwise). ``log`` receives the name of each part as it starts."""
    from toolgym_env.bench import memory, search, steps, universe, vector
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
    ]
    if embed:
        parts.append(("search (MiniLM)", search.embedding_figures))
    else:
        out.update({k: None for k in ("search_ms_median", "search_ms_p95", "index_search_ms_median",
                                      "index_search_ms_p95", "index_cold_build_s", "index_warm_load_s")})
    for name, part in parts:
        log(name)
        out.update(part())
    return out
