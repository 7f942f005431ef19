"""The ReAct agent: Thought / Action / Action Input as plain text, no tools parameter."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import gymnasium as gym

from toolgym_env.agents.llm_base import LLMAgent, clip, load_prompt
from toolgym_env.envs.meta import FINAL_ANSWER, SEARCH_TOOLS
from toolgym_env.llm import LLMReplyError, parse_json_object
from toolgym_env.wrappers.chat_messages import elide_result

_ACTION = re.compile(r"^[ \t*#>]*Action[ \t]*(?:\d+[ \t]*)?:[ \t]*(.*)$", re.IGNORECASE | re.MULTILINE)
_INPUT = re.compile(r"^[ \t*#>]*Action[ \t]*Input[ \t]*(?:\d+[ \t]*)?:[ \t]*", re.IGNORECASE | re.MULTILINE)
_FINAL = re.compile(r"^[ \t*#>]*Final[ \t]*Answer[ \t]*:[ \t]*", re.IGNORECASE | re.MULTILINE)
_THOUGHT = re.compile(r"^[ \t*#>]*Thought[ \t]*:[ \t]*(.*)$", re.IGNORECASE | re.MULTILINE)
_OBSERVATION = re.compile(r"^[ \t*#>]*Observation[ \t]*:", re.IGNORECASE | re.MULTILINE)
_NAME = re.compile(r"[A-Za-z0-9_.\-]+")
FORMAT_REMINDER = (
    "Your reply could not be read: {problem}. Reply with 'Thought: ...', then 'Action: <tool name>' "
    "and 'Action Input: <JSON object>' — or 'Final Answer: ...' when you are done."
)


@dataclass
class ReActStep:
    """A parsed ReAct reply: a tool call (``action``, ``arguments``) or a final ``answer``."""

    thought: str = ""
    action: str | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    answer: str | None = None


class ReActParseError(ValueError):
    """A ReAct reply that names no action or final answer, or whose Action Input is not a JSON object."""


def _json_after(text: str) -> dict[str, Any]:
    """The first JSON object in ``text`` (a fenced block, or raw braces followed by anything)."""
    text = text.strip()
    if not text:
        return {}
    start = text.find("{")
    if start < 0:
        raise ReActParseError(f"Action Input is not a JSON object: {text[:80]!r}")
    try:
        value, _ = json.JSONDecoder().raw_decode(text[start:])
    except ValueError as exc:
        raise ReActParseError(f"Action Input is not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise ReActParseError("Action Input is not a JSON object")
    return value


def _from_json(data: dict[str, Any]) -> ReActStep | None:
    """A reply written as a JSON object: ``{"action", "action_input"}``, ``{"thought", "action": {"tool",
    "arguments"}}`` or ``{"answer"}`` / ``{"final_answer"}``."""
    thought = str(data.get("thought", ""))
    for key in ("final_answer", "answer"):
        if isinstance(data.get(key), str):
            return ReActStep(thought, answer=data[key])
    action = data.get("action")
    if isinstance(action, dict):
        name = action.get("tool") or action.get("name")
        arguments = action.get("arguments", action.get("input", {}))
    else:
        name, arguments = action, data.get("action_input", data.get("arguments", {}))
    if not isinstance(name, str) or not name:
        return None
    if isinstance(arguments, str):
        arguments = _json_after(arguments)
    if not isinstance(arguments, dict):
        raise ReActParseError("action arguments are not a JSON object")
    return ReActStep(thought, name.strip(), arguments)


def parse_react(text: str) -> ReActStep:
    """Parse a ReAct reply: the first ``Action``/``Action Input`` pair or ``Final Answer`` (whichever comes
    first), ignoring anything after a self-written ``Observation:``; a reply that is one JSON object is read
    too. An action named ``final_answer`` is the answer.

    Raises:
        ReActParseError: No action or final answer could be read, or the Action Input is not a JSON object.
    """
    cut = _OBSERVATION.search(text)
    if cut is not None and cut.start() > 0:
        text = text[: cut.start()]
    thought_match = _THOUGHT.search(text)
    thought = thought_match.group(1).strip() if thought_match else ""
    action_match = _ACTION.search(text)
    final = _FINAL.search(text)
    if final is not None and (action_match is None or final.start() < action_match.start()):
        return ReActStep(thought, answer=text[final.end() :].strip())
    if action_match is None:
        try:
            step = _from_json(parse_json_object(text))
        except LLMReplyError:
            step = None
        if step is None:
            raise ReActParseError("no 'Action:' or 'Final Answer:' line")
        return _final(step)
    line = action_match.group(1).strip("`'\"* \t")
    name_match = _NAME.match(line)
    if name_match is None:
        raise ReActParseError(f"no tool name after 'Action:' ({line[:60]!r})")
    rest = line[name_match.end() :].strip()
    given = _INPUT.search(text, action_match.end())
    if given is not None:
        arguments = _json_after(text[given.end() :])
    elif rest.startswith("("):  # Action: tool({"a": 1})
        arguments = _json_after(rest[1:])
    else:
        arguments = {}
    return _final(ReActStep(thought, name_match.group(0), arguments))


def _final(step: ReActStep) -> ReActStep:
    """An action named ``final_answer`` turned into the answer."""
    if step.action == FINAL_ANSWER and step.answer is None:
        return ReActStep(step.thought, answer=str(step.arguments.get("answer", "")))
    return step


class ReActAgent(LLMAgent):
    """An LLM agent in the ReAct text format: the model writes ``Thought``, ``Action`` and ``Action Input``
    (or ``Final Answer``); the tool result comes back as ``Observation: ...`` in a user message. The tools are
    described in the system prompt (the meta tools, then those ``search_tools`` returned, with current
    schemas); no ``tools`` parameter is sent, so any chat model works.

    An unreadable reply is recorded in ``errors`` and shown to the model with the format once more; a second
    one in a row ends the episode with an answer that says it failed. See
    :class:`~toolgym_env.agents.llm_base.LLMAgent` for the arguments.
    """

    name = "react"

    def __init__(self, *args: Any, system_prompt: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.system_prompt = load_prompt("react") if system_prompt is None else system_prompt
        self.prompts = {"system": self.system_prompt}
        self.messages: list[dict[str, Any]] = []
        self.pending: str | None = None  # the tool sent last, awaiting its observation
        self.observed: dict[int, str] = {}  # message index -> the tool result its Observation shows
        self.searched: set[int] = set()  # indexes of messages that are only a search's Observation

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Start the conversation with the request."""
        super().reset(env, obs, info)
        self.messages = [{"role": "user", "content": obs["instruction"]}]
        self.pending = None
        self.observed, self.searched = {}, set()

    def _observe(self, obs: dict[str, Any]) -> None:
        parts = []
        if self.pending is not None:
            if self.pending == SEARCH_TOOLS and not obs["is_error"]:
                parts.append(f"Observation: {self.remember_search(obs['result'])}")
                if not obs.get("message"):
                    self.searched.add(len(self.messages))
            else:
                self.observed[len(self.messages)] = clip(obs["result"])
                parts.append(f"Observation: {self.observed[len(self.messages)]}")
                self.called(self.pending, bool(obs["is_error"]))
            self.pending = None
        if obs.get("message"):
            parts.append(f"Message from the user: {obs['message']}")
        if parts:
            self.messages.append({"role": "user", "content": "\n\n".join(parts)})

    def view(self) -> list[dict[str, Any]]:
        """The conversation as sent to the model, compacted as
        :func:`~toolgym_env.wrappers.chat_messages.compact_history` does: the Observations older than the
        ``keep_results`` latest show their result elided, and an older search (its Action and Observation) is
        left out (what it loaded is in the tool list). :attr:`messages` keeps everything."""
        view: list[Any] = list(self.messages)
        if self.keep_results is None:
            return view
        indexes = sorted({*self.observed, *self.searched})
        for i in indexes[: -self.keep_results] if self.keep_results > 0 else indexes:
            if i in self.searched:
                view[i] = None
                if i > 0 and self.messages[i - 1]["role"] == "assistant":
                    view[i - 1] = None
                continue
            full, result = self.messages[i]["content"], self.observed[i]
            view[i] = {
                **self.messages[i],
                "content": f"Observation: {elide_result(result)}"
                + full[len("Observation: ") + len(result) :],
            }
        return [m for m in view if m is not None]

    def system(self) -> str:
        """The system prompt with the tool list filled in."""
        lines = [
            f"- {t['function']['name']}: {t['function']['description']}\n  parameters: "
            f"{json.dumps(t['function']['parameters'], separators=(',', ':'))}"
            for t in self.tool_entries()
        ]
        return self.system_prompt.replace("{tools}", "\n".join(lines))

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """Feed back the last observation, then ask the model for the next Thought/Action."""
        self.step_no += 1
        self._observe(obs)
        for _ in range(2):
            messages = [{"role": "system", "content": self.system()}, *self.view()]
            message = self.complete(messages, stop=["\nObservation:"])
            if message is None:
                return self.failed()
            text = getattr(message, "content", None) or ""
            try:
                step = parse_react(text)
            except ReActParseError as exc:
                self.errors.append(f"unreadable ReAct reply ({exc}): {text[:120]!r}")
                self.messages += [
                    {"role": "assistant", "content": text or "(empty)"},
                    {"role": "user", "content": FORMAT_REMINDER.format(problem=exc)},
                ]
                continue
            cut = _OBSERVATION.search(text)
            self.messages.append(
                {"role": "assistant", "content": text[: cut.start()].rstrip() if cut else text}
            )
            if step.answer is not None:
                return {"name": FINAL_ANSWER, "arguments": {"answer": step.answer}}
            self.pending = self.shelf.real_name(step.action)
            return {"name": self.pending, "arguments": step.arguments}
        return self.give_up(f"the model's replies were unreadable ({self.errors[-1]})")
