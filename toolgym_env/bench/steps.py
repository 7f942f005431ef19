"""Gym-level step, reset and judge figures through the default ``gym.make`` stack."""

from __future__ import annotations

import time
from typing import Any

from toolgym_env.bench.timing import quietest, summary, time_steps

#: The most common read of the shipped suites' reference solutions (42% of their reads): a record by id.
READ = {"name": "contacts__get_contact", "arguments": {"contact_id": "ct_p001"}}
#: A search read: five LIKE patterns over a 40-row table, sorted and counted (two SQL statements).
SEARCH_READ = {"name": "contacts__search_contacts", "arguments": {"query": "an", "limit": 5}}
LIST_READ = {"name": "contacts__list_contacts", "arguments": {"limit": 5}}
WRITE = {"name": "contacts__update_contact", "arguments": {"contact_id": "ct_p001", "notes": "called back"}}
ERROR = {
    "name": "contacts__get_contact",
    "arguments": {"contact_id": 42},
}  # a schema error (id must be a string)


def step_figures(n: int) -> dict[str, Any]:
    """Median and p95 µs of a step per kind of action, direct route; plus through an idle StateController
    (each the quietest of five blocks of ``n // 5`` steps)."""
    import gymnasium as gym

    import toolgym_env  # noqa: F401
    from toolgym_env.wrappers import StateController

    out: dict[str, Any] = {}
    env = gym.make("ToolGym-v0", max_steps=10**7)
    env.reset(seed=0)
    for key, action in (
        ("read", READ),
        ("search_read", SEARCH_READ),
        ("list_read", LIST_READ),
        ("write", WRITE),
        ("error", ERROR),
    ):
        time_steps(env, action, 300)  # warm-up
        out.update(summary(f"step_{key}_us", quietest(lambda m, a=action: time_steps(env, a, m), n)))
    env.close()
    controlled = StateController(gym.make("ToolGym-v0", max_steps=10**7), profile="none", seed=0)
    controlled.reset(seed=0)
    time_steps(controlled, READ, 300)
    samples = quietest(lambda m: time_steps(controlled, READ, m), n)
    out["step_read_controlled_us_median"] = summary("x", samples)["x_median"]
    controlled.close()
    return out


def mcp_figures(n: int) -> dict[str, Any]:
    """Median and p95 µs of a read step through a real in-memory MCP session (``ToolGym-MCP-v0``)."""
    import gymnasium as gym

    env = gym.make("ToolGym-MCP-v0", max_steps=10**7)
    env.reset(seed=0)
    time_steps(env, READ, 100)
    m = max(300, n // 5)
    out = summary("step_mcp_us", quietest(lambda k: time_steps(env, READ, k), m))
    out.update(summary("step_mcp_search_read_us", quietest(lambda k: time_steps(env, SEARCH_READ, k), m)))
    env.close()
    return out


def reset_figures(n: int, tasks_cycled: int = 50) -> dict[str, Any]:
    """Milliseconds per ``reset()`` cycling over test tasks of 3–5 apps (each reset restores another task's
    world; every task visited once untimed first, as a training run would have)."""
    import gymnasium as gym

    env = gym.make("ToolGym-v0")
    tasks = [t for t in env.unwrapped.tasks if 3 <= len(t.apps) <= 5][:tasks_cycled]
    for task in tasks:
        env.reset(options={"task": task})
    cursor = iter(range(10**9))

    def cycle(m: int) -> list[float]:
        out = []
        for _ in range(m):
            t0 = time.perf_counter_ns()
            env.reset(options={"task": tasks[next(cursor) % len(tasks)]})
            out.append((time.perf_counter_ns() - t0) / 1e6)
        return out

    samples = quietest(cycle, 5 * max(300, n // 5))
    same = []
    for _ in range(200):
        t0 = time.perf_counter_ns()
        env.reset(options={"task": tasks[0]})
        same.append((time.perf_counter_ns() - t0) / 1e6)
    env.close()
    out = summary("reset_ms", samples, 3)
    out["reset_same_task_ms_median"] = summary("x", same, 3)["x_median"]
    out["reset_tasks_cycled"] = len(tasks)
    return out


def judge_figures(k: int = 30) -> dict[str, Any]:
    """Milliseconds to judge an episode at its end (goal, diff, every constraint), after the oracle solved
    it."""
    import gymnasium as gym

    from toolgym_env.agents import OracleAgent
    from toolgym_env.wrappers.judge_reward import JudgeReward

    env = gym.make("ToolGym-v0")
    judged = env
    while not isinstance(judged, JudgeReward):
        judged = judged.env
    times = []
    for i in range(k):
        agent = OracleAgent()
        obs, info = env.reset(options={"task_index": i * 7})
        agent.reset(env, obs, info)
        for _ in range(len(env.unwrapped.task.oracle)):
            obs, *_, info = env.step(agent.act(obs, info))
        env.unwrapped.final_answer = env.unwrapped.task.oracle_answer
        for _ in range(5):
            t0 = time.perf_counter_ns()
            judged.judge()
            times.append((time.perf_counter_ns() - t0) / 1e6)
    env.close()
    return summary("judge_ms", times, 3)


def random_throughput(n: int) -> dict[str, Any]:
    """Schema-valid random actions over the whole catalog per second (direct route); every new app is built
    and loaded on first use, so this is the worst case for a policy that knows nothing."""
    import gymnasium as gym

    env = gym.make("ToolGym-v0", max_steps=10**7)
    env.action_space.seed(0)
    actions = [env.action_space.sample() for _ in range(n)]
    env.reset(seed=1)
    t0 = time.perf_counter()
    for a in actions:
        _, _, term, trunc, _ = env.step(a)
        if term or trunc:
            env.reset()
    rate = n / (time.perf_counter() - t0)
    env.close()
    return {"random_steps_per_s_direct": round(rate, 1)}
