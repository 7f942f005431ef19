"""Baseline agents that need no model: random calls, doing nothing, and claiming success without acting."""

from __future__ import annotations

from typing import Any

import gymnasium as gym


class RandomAgent:
    """Samples schema-valid random calls from the action space (answers never, so episodes truncate)."""

    name = "random"

    def __init__(self) -> None:
        self.space = None

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Use the env's action space (seeded by the env's reset seed for reproducibility)."""
        self.space = env.action_space
        seed = int(env.unwrapped.np_random.integers(2**31))
        self.space.seed(seed)

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """A random valid call."""
        return self.space.sample()


class NullAgent:
    """Gives up at once: an empty final answer, no tool calls."""

    name = "null"

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Nothing to prepare."""

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """Answer with nothing."""
        return {"name": "final_answer", "arguments": {"answer": ""}}


class ClaimSuccessAgent:
    """Claims the task is done, without calling a tool — the judge must not believe it."""

    name = "claim-success"

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Remember the request, to echo it back."""
        self.instruction = obs["instruction"]

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """A confident, empty claim of success."""
        return {
            "name": "final_answer",
            "arguments": {
                "answer": f"Done! I completed everything you asked: {self.instruction} All steps succeeded."
            },
        }
