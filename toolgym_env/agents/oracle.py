"""The oracle agent: replays the task's reference solution, feeding earlier results into later calls."""

from __future__ import annotations

import json
from typing import Any

import gymnasium as gym

from toolgym_env.tasks.schema import Task


class RefError(LookupError):
    """A ``$ref`` path does not exist in the result it points to."""


def resolve_refs(value: Any, results: list[Any], strict: bool = True) -> Any:
    """Replace every ``{"$ref": "i.path.to.value"}`` in ``value`` by that value of ``results[i]``.

    A path that does not exist raises :class:`RefError`, or gives ``None`` when ``strict`` is false (an agent
    whose earlier call failed still sends its next call, which then fails on its own)."""
    if isinstance(value, dict):
        if set(value) == {"$ref"}:
            step, *path = str(value["$ref"]).split(".")
            node = results[int(step)] if int(step) < len(results) else None
            for part in path:
                try:
                    node = node[int(part)] if isinstance(node, list) else node[part]
                except (KeyError, IndexError, ValueError, TypeError):
                    if not strict:
                        return None
                    raise RefError(f"$ref {value['$ref']!r}: no {part!r}") from None
            return node
        return {k: resolve_refs(v, results, strict) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_refs(v, results, strict) for v in value]
    return value


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
