"""Executing a task with reference agents: the oracle must score 1.0, doing nothing and bluffing must score 0."""

from __future__ import annotations

from typing import Any

from toolgym_env.tasks.schema import Task, TaskStats


def ref_steps(value: Any) -> set[int]:
    """Oracle steps referenced by ``$ref`` anywhere inside ``value``."""
    if isinstance(value, dict):
        if set(value) == {"$ref"}:
            return {int(str(value["$ref"]).split(".")[0])}
        return set().union(*(ref_steps(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(ref_steps(v) for v in value)) if value else set()
    return set()


def oracle_stats(task: Task) -> TaskStats:
    """Calls, distinct tools, apps touched and the longest ``$ref`` chain of the oracle solution."""
    depth: list[int] = []
    for call in task.oracle:
        parents = ref_steps(call.arguments)
        depth.append(1 + max((depth[p] for p in parents), default=0))
    names = [c.name for c in task.oracle]
    apps = {n.split("__", 1)[0] for n in names if "__" in n}
    return TaskStats(calls=len(names), distinct_tools=len(set(names)), apps=len(apps), depth=max(depth, default=0))


def score_agents(task: Task, agents: tuple[str, ...] = ("oracle", "null", "claim-success")) -> dict[str, float]:
    """The judge reward of each reference agent on ``task`` (one episode each, in a fresh env)."""
    from toolgym_env.agents import AGENTS, run_episode
    from toolgym_env.envs import make_toolgym

    env = make_toolgym(tasks=[task], max_steps=max(40, len(task.oracle) + 5))
    try:
        return {name: run_episode(env, AGENTS[name](), seed=0).reward for name in agents}
    finally:
        env.close()
