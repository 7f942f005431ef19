"""The agent interface and the loop that runs one episode."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import gymnasium as gym


class Agent(Protocol):
    """Anything that turns observations into actions. ``reset`` receives the env (agents such as the oracle
    read the task from it; honest agents use only the observation)."""

    name: str

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Prepare for a new episode."""

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """The next action."""


@dataclass
class EpisodeResult:
    """What one episode came to."""

    agent: str
    task_id: str
    reward: float
    success: bool
    steps: int
    errors: int
    terminated: bool
    judge: dict[str, Any] = field(default_factory=dict)


def run_episode(
    env: gym.Env, agent: Agent, *, seed: int | None = None, options: dict[str, Any] | None = None
) -> EpisodeResult:
    """Run ``agent`` for one episode of ``env`` (reset included) and report the outcome."""
    obs, info = env.reset(seed=seed, options=options)
    agent.reset(env, obs, info)
    task_id = info.get("task_id", "")
    total, steps, errors = 0.0, 0, 0
    while True:
        obs, reward, terminated, truncated, info = env.step(agent.act(obs, info))
        total += float(reward)
        steps += 1
        errors += int(bool(info.get("is_error")))
        if terminated or truncated:
            judge = info.get("judge", {})
            return EpisodeResult(
                agent.name,
                task_id,
                total,
                bool(judge.get("success", False)),
                steps,
                errors,
                terminated,
                judge,
            )
