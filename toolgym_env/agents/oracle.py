"""The oracle agent: replays the task's reference solution, feeding earlier results into later calls."""

from __future__ import annotations

import json
from typing import Any

import gymnasium as gym

from toolgym_env.refs import RefError, resolve_refs
from toolgym_env.tasks.schema import Task

__all__ = ["OracleAgent", "RefError", "resolve_refs"]


class OracleAgent:
    """Follows ``task.oracle`` call by call, then answers with ``task.oracle_answer``. It never retries: a
    failed call's result is missing and the calls that needed it are sent with ``None`` in its place.

    Example:
        >>> import gymnasium as gym, toolgym_env
        >>> from toolgym_env.agents import OracleAgent, run_episode
        >>> env = gym.make("ToolGym-v0")
        >>> run_episode(env, OracleAgent(), seed=0).reward
        1.0
    """

    name = "oracle"

    def __init__(self) -> None:
        self.task: Task | None = None
        self.results: list[Any] = []
        self.cursor = 0

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Read the task's reference solution from the env."""
        self.task = env.unwrapped.task
        self.results = []
        self.cursor = 0

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """The next reference call (its ``$ref`` arguments filled from earlier results), then the answer."""
        assert self.task is not None, "reset() first"
        if self.cursor > 0:
            try:
                self.results.append(json.loads(obs["result"]) if not obs["is_error"] else None)
            except ValueError:
                self.results.append(None)
        if self.cursor < len(self.task.oracle):
            call = self.task.oracle[self.cursor]
            self.cursor += 1
            return {"name": call.name, "arguments": resolve_refs(call.arguments, self.results, strict=False)}
        self.cursor += 1
        return {"name": "final_answer", "arguments": {"answer": self.task.oracle_answer}}
