"""An oracle that recovers from injected failures: the reference for what good recovery achieves.

:class:`OracleAgent` never retries: a failed call is gone and the calls that needed its result fail after it.
:class:`RetryingOracleAgent` follows the same reference solution but reads each failure and reacts as a
careful client would — wait out a rate limit, re-authenticate after a 401, retry a timeout or a 503, adapt to
a changed schema, re-read a truncated, corrupted, partial or stale response — and shapes its final answer to
the constraints in force (so it follows an interruption that asks for another format).
"""

from __future__ import annotations

import re
from typing import Any

import gymnasium as gym

from toolgym_env.agents.oracle import OracleAgent
from toolgym_env.agents.recovery import adapt_arguments, parse_json, read_outcome
from toolgym_env.refs import resolve_refs

MAX_RETRIES = 8
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def format_answer(answer: str, constraints: list[Any]) -> str:
    """``answer`` reshaped to the bullets or numbered form an active ``output_format`` constraint asks for."""
    wanted = next((c for c in constraints if c.type == "output_format" and c.format != "json"), None)
    if wanted is None:
        return answer
    lines = [re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])\s+", "", line).strip() for line in answer.splitlines()]
    items = [line for line in lines if line]
    if len(items) <= 1:
        items = [part.strip() for part in _SENTENCE.split(answer.strip()) if part.strip()]
    while len(items) < wanted.min_items:
        items.append("Done as requested.")
    if wanted.format == "bullets":
        return "\n".join(f"- {item}" for item in items)
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


class RetryingOracleAgent(OracleAgent):
    """The reference solution, with recovery from every kind of injected failure (at most
    :data:`MAX_RETRIES` per call).

    Example:
        >>> import gymnasium as gym, toolgym_env
        >>> from toolgym_env.agents import RetryingOracleAgent, run_episode
        >>> from toolgym_env.wrappers import StateController
        >>> env = StateController(gym.make("ToolGym-v0"), profile="random_20", seed=0)
        >>> run_episode(env, RetryingOracleAgent(), seed=0).success
        True
    """

    name = "oracle-retry"

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Read the task and remember the env (for the constraints in force at the end)."""
        super().reset(env, obs, info)
        self.env = env.unwrapped
        self.pending: dict[str, Any] | None = None  # the call being attempted
        self.retries = 0
        self.resend = False  # the last action was a wait or a refresh: send the pending call again next
        self.changes: dict[str, dict[str, Any]] = {}  # tool -> {"rename": {old: new}, "add": {param: value}}

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """Retry or recover if the last call failed; otherwise the next reference call, then the answer."""
        if self.pending is not None:
            if self.resend:
                self.resend = False
                return self._send()
            recovery = self._recover(obs) if self.retries < MAX_RETRIES else None
            if recovery is not None:
                return recovery
            self.results.append(_parsed(obs))
            self.pending = None
        if self.cursor < len(self.task.oracle):
            call = self.task.oracle[self.cursor]
            self.cursor += 1
            self.pending = {
                "name": call.name,
                "arguments": resolve_refs(call.arguments, self.results, strict=False),
            }
            self.retries = 0
            return self._send()
        self.cursor += 1
        return {
            "name": "final_answer",
            "arguments": {"answer": format_answer(self.task.oracle_answer, self.env.constraints)},
        }

    def _send(self) -> dict[str, Any]:
        name = self.pending["name"]
        change = self.changes.get(name, {})
        args = adapt_arguments(
            dict(self.pending["arguments"]), change.get("rename", {}), change.get("add", {})
        )
        return {"name": name, "arguments": args}

    def _recover(self, obs: dict[str, Any]) -> dict[str, Any] | None:
        """The action that recovers from the last response, or ``None`` when it is usable (or hopeless)."""
        out = read_outcome(obs)
        if out.kind in ("ok", "fail"):
            return None  # usable, or an ordinary error: the call itself is wrong, retrying will not help
        self.retries += 1
        if out.kind == "wait":
            self.resend = True
            return {"name": "wait", "arguments": {"seconds": out.seconds}}
        if out.kind == "refresh" and out.tool:
            self.resend = True
            return {"name": out.tool, "arguments": {}}
        if out.kind == "adapt":
            change = self.changes.setdefault(self.pending["name"], {})
            change.setdefault("rename", {}).update(out.renames)
            change.setdefault("add", {}).update(out.additions)
        return self._send()  # retry, degraded, adapted


def _parsed(obs: dict[str, Any]) -> Any:
    return None if obs["is_error"] else parse_json(obs["result"])
