"""Throughput of ``gym.make_vec(..., vectorization_mode="async")`` with 1, 2 and 4 worker processes."""

from __future__ import annotations

import os
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


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` so far (Linux ``/proc``; ``None`` elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def vec_throughput(
    workers: int, seconds: float = 4.0, max_steps: int = 40, cpu: dict[str, float] | None = None
) -> float:
    """Env steps per second (all sub-envs together) of an async vector env with ``workers`` sub-env
    processes; with ``cpu``, also the CPU seconds the parent and the workers spent in the timed loop, and its
    wall seconds and steps (where ``/proc`` tells)."""
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
        pids = [p.pid for p in getattr(envs, "processes", ())]
        before = [cpu_seconds(pid) for pid in pids]
        steps, i = 0, 0
        t0, parent0 = time.perf_counter(), time.process_time()
        while time.perf_counter() - t0 < seconds:
            envs.step((CYCLE[i % len(CYCLE)],) * workers)
            steps += workers
            i += 1
        wall = time.perf_counter() - t0
        after = [cpu_seconds(pid) for pid in pids]
        if cpu is not None and pids and None not in before + after:
            cpu.update(
                parent=time.process_time() - parent0,
                workers=sum(a - b for a, b in zip(after, before, strict=True)),
                wall=wall,
                steps=steps,
            )
        return steps / wall
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
