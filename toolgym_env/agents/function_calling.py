"""The function-calling agent: native OpenAI tool calls, one per step."""

from __future__ import annotations

from typing import Any

import gymnasium as gym

from toolgym_env.agents.llm_base import LLMAgent, ToolTranscript, load_prompt, parse_arguments
from toolgym_env.envs.meta import FINAL_ANSWER

NO_CALL = "Your reply had no tool call and no text: call a tool, or reply with your final answer."


def read_tool_reply(message: Any, transcript: ToolTranscript) -> tuple[dict[str, Any] | None, str | None]:
    """Read an assistant message as one env action, recording it in ``transcript``.

    Returns ``(action, None)``: the first tool call (pending its result), or the text as the final answer; or
    ``(None, problem)`` when the reply is unusable (the problem is answered in the transcript, so the model
    sees it on a retry).
    """
    content = getattr(message, "content", None)
    content = content if isinstance(content, str) and content.strip() else None
    calls = list(getattr(message, "tool_calls", None) or [])
    if not calls:
        if content is None:
            transcript.messages.append({"role": "user", "content": NO_CALL})
            return None, "model reply had no tool call and no text"
        transcript.messages.append({"role": "assistant", "content": content})
        return {"name": FINAL_ANSWER, "arguments": {"answer": content}}, None
    function = getattr(calls[0], "function", None)
    name = getattr(function, "name", None)
    raw = getattr(function, "arguments", None)
    if not isinstance(name, str) or not name:
        transcript.messages.append({"role": "user", "content": "Your tool call has no function name."})
        return None, "model tool call had no function name"
    note = ""
    if len(calls) > 1:
        note = (
            f"\n\nNote: your reply had {len(calls)} tool calls; only the first one ran. "
            "Make one tool call per turn."
        )
    try:
        arguments = parse_arguments(raw)
    except (ValueError, TypeError) as exc:
        call_id = transcript.call(
            name, raw if isinstance(raw, str) else "", content, getattr(calls[0], "id", None), pending=False
        )
        transcript.reply(
            call_id,
            f"Error: the arguments of {name} are not a JSON object ({exc}). "
            "Send the call again with valid JSON arguments.",
        )
        return None, f"malformed tool-call arguments for {name}: {str(raw)[:120]!r}"
    real = transcript.agent.shelf.real_name(name)
    transcript.call(name, arguments, content, getattr(calls[0], "id", None), note, real=real)
    return {"name": real, "arguments": arguments}, None


class FunctionCallingAgent(LLMAgent):
    """An LLM agent using native function calling: the conversation and the tools (the meta tools plus every
    tool ``search_tools`` returned, with its current schema) go to the model; its first tool call is the next
    action, a plain-text reply is the final answer.

    A malformed reply (no call, arguments that are not a JSON object) is shown to the model and asked once
    more; past that the agent answers that it failed. A failed request is retried with backoff; an endpoint
    that stays down ends the episode as an infrastructure error (``agent.infra_error``). See
    :class:`~toolgym_env.agents.llm_base.LLMAgent` for the arguments.

    Example:
        >>> import gymnasium as gym, toolgym_env
        >>> from toolgym_env.agents import run_episode
        >>> agent = FunctionCallingAgent(model="gpt-4o-mini")  # doctest: +SKIP
        >>> run_episode(gym.make("ToolGym-v0"), agent, seed=0).reward, agent.usage  # doctest: +SKIP
    """

    name = "function-calling"

    def __init__(self, *args: Any, system_prompt: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.system_prompt = load_prompt("function_calling") if system_prompt is None else system_prompt
        self.prompts = {"system": self.system_prompt}
        self.transcript: ToolTranscript | None = None

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Start the conversation: the request (and any message from the user)."""
        super().reset(env, obs, info)
        self.transcript = ToolTranscript(self, obs)

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """Record the last result, then ask the model for the next call."""
        assert self.transcript is not None, "reset() first"
        self.step_no += 1
        self.transcript.observe(obs)
        for _ in range(2):
            messages = [{"role": "system", "content": self.system_prompt}, *self.transcript.view()]
            message = self.complete(
                messages, [t for t in self.tool_entries() if t["function"]["name"] != FINAL_ANSWER]
            )
            if message is None:
                return self.failed()
            action, problem = read_tool_reply(message, self.transcript)
            if action is not None:
                return action
            self.errors.append(problem or "unusable model reply")
        return self.give_up(f"the model's replies were unusable ({self.errors[-1]})")
