"""Executing a task with reference agents: the oracle must score 1.0, doing nothing and bluffing must score
0."""

from __future__ import annotations

from toolgym_env.tasks.schema import Task


def score_agents(
    task: Task, agents: tuple[str, ...] = ("oracle", "null", "claim-success")
) -> dict[str, float]:
    """The judge reward of each reference agent on ``task`` (one episode each, in a fresh env)."""
    from toolgym_env.agents import AGENTS, run_episode
    from toolgym_env.envs import make_toolgym

    env = make_toolgym(tasks=[task], max_steps=max(40, len(task.oracle) + 5))
    try:
        return {name: run_episode(env, AGENTS[name](), seed=0).reward for name in agents}
    finally:
        env.close()
