"""The robustness table: agents × perturbation kinds, each kind injected alone (plus ToolGym's and the mixed
profiles), with success, success when the kind fired, tool-call success, recovery and flexibility."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from toolgym_env.metrics import kinds_fired, robustness_summary
from toolgym_env.wrappers.perturb.config import KINDS

#: Rows of the table: every kind alone, then ToolGym's published settings and two mixed profiles.
ROBUSTNESS_PROFILES: tuple[str, ...] = ("none",) + KINDS + ("first_non_search", "random_20", "moderate", "heavy")


def spread(n_tasks: int, sample: int) -> list[int]:
    """``sample`` task indices spread evenly over ``n_tasks`` (all of them when ``sample`` is 0 or too big)."""
    if not sample or sample >= n_tasks:
        return list(range(n_tasks))
    return [i * n_tasks // sample for i in range(sample)]


def run_profile(profile: str, agent_name: str, suite: str = "test", sample: int = 20, seed: int = 0,
                max_steps: int = 60) -> list[dict[str, Any]]:
    """Episode records (``task_id``, ``success``, ``reward``, ``trajectory``) of one agent under one profile."""
    import gymnasium as gym

    import toolgym_env  # noqa: F401  (registers the ids)
    from toolgym_env.agents import AGENTS, run_episode
    from toolgym_env.wrappers import StateController

    env = StateController(gym.make("ToolGym-v0", suite=suite, max_steps=max_steps), profile=profile, seed=seed)
    agent = AGENTS[agent_name]()
    records = []
    try:
        for i in spread(len(env.unwrapped.tasks), sample):
            result = run_episode(env, agent, seed=seed + i, options={"task_index": i})
            records.append({"task_id": result.task_id, "success": result.success, "reward": result.reward,
                            "trajectory": list(env.unwrapped.trajectory)})
    finally:
        env.close()
    return records


def robustness_rows(agents: Sequence[str] = ("oracle", "oracle-retry", "heuristic"),
                    profiles: Sequence[str] = ROBUSTNESS_PROFILES, suite: str = "test", sample: int = 20,
                    seed: int = 0, max_steps: int = 60) -> list[dict[str, Any]]:
    """One row per (profile, agent): success overall and when the kind fired, and the call-level metrics."""
    rows = []
    for profile in profiles:
        for agent in agents:
            records = run_profile(profile, agent, suite, sample, seed, max_steps)
            summary = robustness_summary(records)
            under = summary["success_under"].get(profile)
            hit = [r for r in records if kinds_fired(r["trajectory"])] if profile not in KINDS else []
            rows.append({"profile": profile, "agent": agent, "episodes": summary["episodes"],
                         "success": summary["success"],
                         "fired_in": under["episodes"] if under else len(hit),
                         "success_when_fired": under["success"] if under else (
                             round(sum(r["success"] for r in hit) / len(hit), 4) if hit else None),
                         "tool_call_success": summary["tool_call_success"], "recovery": summary["recovery"],
                         "flexibility": summary["flexibility"], "failed_calls": summary["failed"]})
    return rows
