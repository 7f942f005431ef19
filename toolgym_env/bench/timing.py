"""Timing helpers of the benchmark: samples in, median and p95 out."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def pct(samples: list[float], q: float) -> float:
    """The ``q`` quantile of ``samples`` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summary(prefix: str, samples: list[float], digits: int = 1) -> dict[str, float]:
    """``{prefix_median: .., prefix_p95: ..}`` of ``samples``."""
    return {
        f"{prefix}_median": round(statistics.median(samples), digits),
        f"{prefix}_p95": round(pct(samples, 0.95), digits),
    }


def quietest(measure: Callable[[int], list[float]], n: int, blocks: int = 5) -> list[float]:
    """The samples of the quietest of ``blocks`` runs of ``measure(n // blocks)``, the one with the lowest
    median: on a shared VM whose speed drifts for seconds at a time, the figure of a quiet stretch (as
    ``timeit`` takes the best of its repeats).

    Example:
        >>> runs = iter([[3.0, 4.0], [1.0, 2.0], [5.0, 5.0]])
        >>> quietest(lambda m: next(runs), 6, blocks=3)
        [1.0, 2.0]
    """
    runs = [measure(max(1, n // blocks)) for _ in range(blocks)]
    return min(runs, key=statistics.median)


def time_calls(fn: Callable[[], Any], n: int, scale: float = 1e-3) -> list[float]:
    """``n`` timings of ``fn()`` (nanoseconds × ``scale``: µs by default)."""
    out = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - t0) * scale)
    return out


def time_steps(env: Any, action: Any, n: int) -> list[float]:
    """Microseconds per ``env.step(action)``, resetting (untimed) whenever the episode ends."""
    out = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        _, _, term, trunc, _ = env.step(action)
        out.append((time.perf_counter_ns() - t0) / 1000)
        if term or trunc:
            env.reset()
    return out
