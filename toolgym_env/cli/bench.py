"""``toolgym bench``: the performance record (medians and p95 over many timed runs)."""

from __future__ import annotations

import json
import platform
import resource
import statistics
import time
from typing import Any

import click


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _time_steps(env: Any, action: dict[str, Any], n: int) -> list[float]:
    """Microseconds per ``env.step(action)``, resetting whenever the episode ends."""
    out = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        _, _, term, trunc, _ = env.step(action)
        out.append((time.perf_counter_ns() - t0) / 1000)
        if term or trunc:
            env.reset()
    return out


def run_bench(n: int = 3000) -> dict[str, Any]:
    """Measure step, reset and random-action throughput through the default ``gym.make`` stack."""
    import gymnasium as gym

    import toolgym_env  # noqa: F401

    from toolgym_env.cli.bench_universe import universe_bench

    out: dict[str, Any] = {"machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
                           "python": platform.python_version(), "n": n}
    out.update(universe_bench())
    env = gym.make("ToolGym-v0", max_steps=10**6)
    env.reset(seed=0)
    read = {"name": "contacts__search_contacts", "arguments": {"query": "an", "limit": 5}}
    write = {"name": "contacts__update_contact", "arguments": {"contact_id": "ct_p001", "notes": "called back"}}
    error = {"name": "contacts__get_contact", "arguments": {"contact_id": 42}}
    for key, action in (("read", read), ("write", write), ("error", error)):
        _time_steps(env, action, 200)  # warm-up
        samples = _time_steps(env, action, n)
        out[f"step_{key}_us_median"] = round(statistics.median(samples), 1)
        out[f"step_{key}_us_p95"] = round(_pct(samples, 0.95), 1)
    search = {"name": "search_tools", "arguments": {"query": "update a customer's billing address", "top_k": 5}}
    _time_steps(env, search, 20)
    samples = _time_steps(env, search, max(200, n // 10))
    out["search_ms_median"] = round(statistics.median(samples) / 1000, 3)  # BM25 over the whole catalog
    out["search_ms_p95"] = round(_pct(samples, 0.95) / 1000, 3)
    k = min(20, len(env.unwrapped.tasks))  # tasks cycled through; the first visit of each builds its snapshot
    resets = []
    for i in range(k + max(200, n // 10)):
        t0 = time.perf_counter_ns()
        env.reset(options={"task_index": i % k})
        resets.append((time.perf_counter_ns() - t0) / 1e6)
    resets = resets[k:]
    out["reset_ms_median"] = round(statistics.median(resets), 3)
    out["reset_ms_p95"] = round(_pct(resets, 0.95), 3)
    judge = _judge_times(env, k)
    out["judge_ms_median"] = round(statistics.median(judge), 3)
    out["judge_ms_p95"] = round(_pct(judge, 0.95), 3)
    out["random_steps_per_s_direct"] = round(_random_throughput(env, n), 1)
    env.close()

    from toolgym_env.wrappers import StateController

    controlled = StateController(gym.make("ToolGym-v0", max_steps=10**6), profile="none", seed=0)
    controlled.reset(seed=0)
    _time_steps(controlled, read, 200)
    samples = _time_steps(controlled, read, n)
    out["step_read_controlled_us_median"] = round(statistics.median(samples), 1)  # through an idle StateController
    controlled.close()

    mcp_env = gym.make("ToolGym-MCP-v0", max_steps=10**6)
    mcp_env.reset(seed=0)
    _time_steps(mcp_env, read, 100)
    samples = _time_steps(mcp_env, read, max(300, n // 5))
    out["step_mcp_us_median"] = round(statistics.median(samples), 1)
    out["step_mcp_us_p95"] = round(_pct(samples, 0.95), 1)
    out["random_steps_per_s_mcp"] = round(_random_throughput(mcp_env, max(300, n // 5)), 1)
    mcp_env.close()
    out["peak_rss_mb_bench_process"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["peak_rss_mb_no_embed"] = _env_process_rss()
    return out


def _judge_times(env: Any, k: int) -> list[float]:
    """Milliseconds to judge an episode (goal, constraints) at its end, after the oracle solved each of k tasks."""
    from toolgym_env.agents import OracleAgent
    from toolgym_env.wrappers.judge_reward import JudgeReward

    judged = env
    while not isinstance(judged, JudgeReward):
        judged = judged.env
    times = []
    for i in range(k):
        agent = OracleAgent()
        obs, info = env.reset(options={"task_index": i})
        agent.reset(env, obs, info)
        for _ in range(len(env.unwrapped.task.oracle)):
            obs, *_, info = env.step(agent.act(obs, info))
        env.unwrapped.final_answer = env.unwrapped.task.oracle_answer
        for _ in range(5):
            t0 = time.perf_counter_ns()
            judged.judge()
            times.append((time.perf_counter_ns() - t0) / 1e6)
    return times


def _env_process_rss() -> float:
    """Peak RSS (MB) of a fresh process that makes the default env and runs 200 random steps.

    Read from ``VmHWM`` (Linux keeps ``ru_maxrss`` across ``exec``, so a child would report its parent's peak).
    """
    import subprocess
    import sys

    code = ("import resource, gymnasium as gym, toolgym_env\n"
            "env = gym.make('ToolGym-v0'); env.reset(seed=0); env.action_space.seed(0)\n"
            "for _ in range(200):\n"
            "    *_, term, trunc, _ = env.step(env.action_space.sample())\n"
            "    if term or trunc: env.reset()\n"
            "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
            "print(int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return round(float(out.stdout.strip().splitlines()[-1]), 1)


def _random_throughput(env: Any, n: int) -> float:
    env.action_space.seed(0)
    actions = [env.action_space.sample() for _ in range(n)]
    env.reset(seed=1)
    t0 = time.perf_counter()
    for a in actions:
        _, _, term, trunc, _ = env.step(a)
        if term or trunc:
            env.reset()
    return n / (time.perf_counter() - t0)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on the last line.")
@click.option("-n", default=3000, show_default=True, help="Timed steps per measurement.")
def bench(as_json: bool, n: int) -> None:
    """Time the catalog and app worlds, env steps (read, write, error; direct and MCP routes), resets, memory."""
    result = run_bench(n)
    if not as_json:
        for k, v in result.items():
            click.echo(f"{k:28s} {v}")
    click.echo(json.dumps(result))
