"""OpenAI chat shapes for :class:`~toolgym_env.wrappers.chat.ChatAdapter`: reading an agent's reply (a tool call,
an assistant message, an SDK object) as one env action, the tool-call action space, and the JSON text space."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from toolgym_env.envs.meta import FINAL_ANSWER
from toolgym_env.envs.spaces import AnyText, ToolCallSpace
from toolgym_env.hub.dispatch import MAX_ARGUMENT_CHARS

#: Caps on agent-written text kept in the conversation (longer input is refused by the env anyway); they keep
#: the conversation's size bounded.
MAX_ID_CHARS = 100
MAX_NAME_CHARS = 200
MAX_AGENT_TEXT_CHARS = 2 * MAX_ARGUMENT_CHARS

NO_CALL = "Your reply had no tool call and no text: call a tool, or reply with your final answer."
NO_NAME = "Your tool call has no function name: call a tool by its name."
NOT_FUNCTION = "Only function tool calls are supported: call a tool by its name with JSON arguments."

_TOOL_ENTRY = re.compile(r'\{"name":"([^"\\]{1,200})","description":')


@dataclass(frozen=True)
class Turn:
    """One agent reply, read: the env action it maps to and the assistant message that records it.

    ``call_id`` is the id of the recorded tool call (``None``: the reply had none, so the env's answer comes back
    as a ``user`` message). ``note`` is added to the tool message (calls that were not run); ``problem`` is what
    the adapter found wrong with the reply (it replaces the env's error text in the ``user`` message).
    """

    env_action: Any
    assistant: dict[str, Any] | None
    call_id: str | None = None
    note: str = ""
    problem: str | None = None


def _get(obj: Any, key: str) -> Any:
    """``obj[key]`` for a dict, ``obj.key`` for anything else; ``None`` when missing (never raises)."""
    if isinstance(obj, dict):
        return obj.get(key)
    try:
        return getattr(obj, key, None)
    except Exception:  # noqa: BLE001 - a broken property is a malformed reply, not a crash
        return None


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit]


def _arguments_text(arguments: Any) -> str:
    """Arguments as the JSON string an OpenAI tool call carries."""
    if arguments is None:
        return "{}"
    if isinstance(arguments, str):
        return _cap(arguments, MAX_AGENT_TEXT_CHARS)
    try:
        return _cap(json.dumps(arguments, ensure_ascii=False), MAX_AGENT_TEXT_CHARS)
    except (TypeError, ValueError, RecursionError):
        return f"<unserializable {type(arguments).__name__}>"


def _text(value: Any) -> str | None:
    return _cap(value, MAX_AGENT_TEXT_CHARS) if isinstance(value, str) and value.strip() else None


def _invalid(env_action: Any, content: str | None, problem: str | None) -> Turn:
    """A reply with no usable tool call: its text (if any) is kept, the problem comes back as a user message."""
    assistant = {"role": "assistant", "content": content} if content else None
    return Turn(env_action, assistant, problem=problem)


def _from_call(call: Any, step: int, content: str | None, others: list[Any]) -> Turn:
    """A reply whose first tool call is ``call``; ``others`` are the calls after it (not run)."""
    function = _get(call, "function")
    if function is None:
        return _invalid({}, content, NOT_FUNCTION)
    name = _get(function, "name")
    if not isinstance(name, str) or not name:
        return _invalid({}, content, NO_NAME)
    arguments = _get(function, "arguments")
    call_id = _get(call, "id")
    call_id = _cap(call_id, MAX_ID_CHARS) if isinstance(call_id, str) and call_id else f"call_{step}"
    record = {"id": call_id, "type": "function",
              "function": {"name": _cap(name, MAX_NAME_CHARS), "arguments": _arguments_text(arguments)}}
    note = ""
    if others:
        names = [n for n in (_get(_get(c, "function"), "name") for c in others[:5]) if isinstance(n, str)]
        listed = f" (not run: {', '.join(_cap(n, 60) for n in names)})" if names else ""
        note = (f"\n\nNote: your reply had {len(others) + 1} tool calls; only the first one ran{listed}. "
                "Make one tool call per turn.")
    return Turn({"name": name, "arguments": arguments}, {"role": "assistant", "content": content,
                                                          "tool_calls": [record]}, call_id, note)


def read_reply(action: Any, step: int) -> Turn:
    """Read an agent's reply as one env action; never raises.

    Accepted: an OpenAI tool call (dict or SDK object with ``.function.name/.arguments``); an assistant message
    (dict or SDK ``ChatCompletionMessage``) whose first tool call is run, or whose text content (with no tool
    call) is the final answer; the env's own ``{"name", "arguments"}`` action (or either as a JSON string).
    Anything else maps to a malformed env action, which the env answers with an error observation.
    ``step`` (the env step this reply becomes) names tool calls that come without an id: ``call_<step>``.
    """
    if isinstance(action, (str, bytes)):
        try:
            parsed = json.loads(action)
        except (ValueError, RecursionError, UnicodeDecodeError):
            return _invalid(action, None, None)  # the env explains why it is not an action
        return read_reply(parsed, step) if isinstance(parsed, dict) else _invalid(action, None, None)
    if _get(action, "function") is not None:
        return _from_call(action, step, None, [])
    if isinstance(action, dict) and "name" in action and not {"role", "tool_calls", "content"} & set(action):
        name = action.get("name")
        if not isinstance(name, str) or not name:
            return _invalid(action, None, None)
        # The env's own action shape: recorded as a tool call, passed on unchanged (extra keys are its to refuse).
        call = {"function": {"name": name, "arguments": action.get("arguments")}}
        return Turn(action, _from_call(call, step, None, []).assistant, f"call_{step}")
    content = _text(_get(action, "content"))
    calls = _get(action, "tool_calls")
    if isinstance(calls, (list, tuple)) and calls:
        return _from_call(calls[0], step, content, list(calls[1:]))
    if content is not None:
        return Turn({"name": FINAL_ANSWER, "arguments": {"answer": content}},
                    {"role": "assistant", "content": content})
    return _invalid({}, None, NO_CALL if _is_message(action) else
                    f"Unrecognized reply ({type(action).__name__}): send an OpenAI tool call or assistant message.")


def _is_message(action: Any) -> bool:
    return isinstance(action, dict) or any(_get(action, k) is not None for k in ("role", "tool_calls", "content"))


def found_tools(result_text: str) -> list[tuple[str, str]]:
    """``(name, description)`` of the tools in a ``search_tools`` result, in rank order. A result cut short (too
    long, or truncated by a perturbation) still gives the names it shows, without descriptions."""
    try:
        data = json.loads(result_text)
        return [(t["name"], str(t.get("description", ""))) for t in data["tools"] if isinstance(t.get("name"), str)]
    except (ValueError, KeyError, TypeError, AttributeError):
        return [(name, "") for name in _TOOL_ENTRY.findall(result_text)]


class JsonText(AnyText):
    """JSON text of up to ``max_length`` characters. ``sample()`` draws short printable strings (up to 256
    characters), since drawing megabytes of random text would take seconds.

    Example:
        >>> JsonText(1 << 24, seed=0).contains('[{"role": "user", "content": "Hi"}]')
        True
    """

    def sample(self, mask: Any = None, probability: Any = None) -> str:
        """A short random string, unless ``mask``/``probability`` ask otherwise (as for ``Text``)."""
        if mask is None and probability is None:
            mask = (int(self.np_random.integers(self.min_length, min(self.max_length, 256) + 1)), None)
        return super().sample(mask=mask, probability=probability)


class ChatToolCallSpace(ToolCallSpace):
    """Actions are OpenAI tool calls: ``{"id", "type": "function", "function": {"name", "arguments"}}`` with the
    arguments as a JSON string. ``sample()`` returns a random call valid under the tool's schema.

    Example:
        >>> space = ChatToolCallSpace({"ping": {"type": "object", "properties": {}}}, seed=0)
        >>> space.sample()["function"]
        {'name': 'ping', 'arguments': '{}'}
    """

    def sample(self, mask: Any = None, probability: Any = None) -> dict[str, Any]:
        """A random schema-valid tool call with a random ``call_…`` id."""
        call = super().sample(mask, probability)
        return {"id": f"call_{int(self.np_random.integers(1 << 32)):08x}", "type": "function",
                "function": {"name": call["name"], "arguments": json.dumps(call["arguments"])}}

    def contains(self, x: Any) -> bool:
        """A function tool call with a known name and a JSON-object arguments string."""
        if not (isinstance(x, dict) and x.get("type") == "function" and isinstance(x.get("id"), str)
                and isinstance(x.get("function"), dict)):
            return False
        function = x["function"]
        try:
            arguments = json.loads(function.get("arguments"))
        except (TypeError, ValueError, RecursionError):
            return False
        return function.get("name") in self.schemas and isinstance(arguments, dict)

    def __repr__(self) -> str:
        return f"ChatToolCallSpace({len(self.names)} tools)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChatToolCallSpace) and other.names == self.names
