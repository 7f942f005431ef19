"""Throughput of ``gym.make_vec(..., vectorization_mode="async")`` with 1, 2 and 4 worker processes."""

from __future__ import annotations

import time
from typing import Any

from toolgym_env.bench.steps import ERROR, LIST_READ, READ, SEARCH_READ, WRITE

#: What each sub-env does, over and over: the mix of an episode (a search, reads by id and by query, a write,
#: an error) rather than one cheap call, so the figure says what a rollout worker gets.
CYCLE = (
    {"name": "search_tools", "arguments": {"query": "find a contact's phone number", "top_k": 5}},
    READ,
    SEARCH_READ,
    READ,
    LIST_READ,
    WRITE,
    READ,
    ERROR,
)


def vec_throughput(workers: int, seconds: float = 4.0, max_steps: int = 40) -> float:
    """Env steps per second (all sub-envs together) of an async vector env with ``workers`` sub-env
    processes."""
    import gymnasium as gym

    import toolgym_env  # noqa: F401

    envs = gym.make_vec(
        "ToolGym-v0",
        num_envs=workers,
        vectorization_mode="async",
        vector_kwargs={"shared_memory": False},
        max_steps=max_steps,
    )
    try:
        envs.reset(seed=0)
        for i in range(3 * len(CYCLE)):  # warm-up: each worker builds its search index and statements
            envs.step((CYCLE[i % len(CYCLE)],) * workers)
        steps, i = 0, 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            envs.step((CYCLE[i % len(CYCLE)],) * workers)
            steps += workers
            i += 1
        return steps / (time.perf_counter() - t0)
    finally:
        envs.close()


def vector_figures(seconds: float = 4.0) -> dict[str, Any]:
    """``vec_steps_per_s_{1,2,4}w`` and the speed-ups of 2 and 4 workers over 1."""
    rates = {w: vec_throughput(w, seconds) for w in (1, 2, 4)}
    return {
        "vec_steps_per_s_1w": round(rates[1], 1),
        "vec_steps_per_s_2w": round(rates[2], 1),
        "vec_steps_per_s_4w": round(rates[4], 1),
        "vec_speedup_2w": round(rates[2] / rates[1], 2),
        "vec_speedup_4w": round(rates[4] / rates[1], 2),
    }
