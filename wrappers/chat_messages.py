"""OpenAI chat shapes for :class:`~toolgym_env.wrappers.chat.ChatAdapter`: reading an agent's reply (a tool
call, an assistant message, an SDK object) as one env action, the tool-call action space, and the JSON text
space."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from toolgym_env.envs.meta import FINAL_ANSWER, SEARCH_TOOLS
from toolgym_env.envs.spaces import AnyText, ToolCallSpace
from toolgym_env.hub.dispatch import MAX_ARGUMENT_CHARS
from toolgym_env.hub.openai_check import MAX_DESCRIPTION

#: Caps on agent-written text kept in the conversation (longer input is refused by the env anyway); they keep
#: the conversation's size bounded.
MAX_ID_CHARS = 100
MAX_NAME_CHARS = 200
MAX_AGENT_TEXT_CHARS = 2 * MAX_ARGUMENT_CHARS

NO_CALL = "Your reply had no tool call and no text: call a tool, or reply with your final answer."
NO_NAME = "Your tool call has no function name: call a tool by its name."
NOT_FUNCTION = "Only function tool calls are supported: call a tool by its name with JSON arguments."

_TOOL_ENTRY = re.compile(r'\{"name":\s*"([^"\\]{1,200})"')


@dataclass(frozen=True)
class Turn:
    """One agent reply, read: the env action it maps to and the assistant message that records it.

    ``call_id`` is the id of the recorded tool call (``None``: the reply had none, so the env's answer comes
    back as a ``user`` message). ``note`` is added to the tool message (calls that were not run); ``problem``
    is what the adapter found wrong with the reply (it replaces the env's error text in the ``user`` message).
    """

    env_action: Any
    assistant: dict[str, Any] | None
    call_id: str | None = None
    note: str = ""
    problem: str | None = None


def _get(obj: Any, key: str) -> Any:
    """``obj[key]`` for a dict, ``obj.key`` for anything else; ``None`` when missing or when a property fails
    the way a malformed value makes it fail (a broken reply object is a malformed reply, not a crash).

    >>> class Reply:
    ...     @property
    ...     def content(self):
    ...         raise ValueError("not decoded")
    >>> _get(Reply(), "content"), _get({"content": "hi"}, "content"), _get(3, "content")
    (None, 'hi', None)
    """
    if isinstance(obj, dict):
        return obj.get(key)
    try:
        return getattr(obj, key, None)
    except (LookupError, TypeError, ValueError):
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
    """A reply with no usable tool call: its text (if any) is kept, the problem comes back as a user
    message."""
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
    record = {
        "id": call_id,
        "type": "function",
        "function": {"name": _cap(name, MAX_NAME_CHARS), "arguments": _arguments_text(arguments)},
    }
    note = ""
    if others:
        names = [n for n in (_get(_get(c, "function"), "name") for c in others[:5]) if isinstance(n, str)]
        listed = f" (not run: {', '.join(_cap(n, 60) for n in names)})" if names else ""
        note = (
            f"\n\nNote: your reply had {len(others) + 1} tool calls; only the first one ran{listed}. "
            "Make one tool call per turn."
        )
    return Turn(
        {"name": name, "arguments": arguments},
        {"role": "assistant", "content": content, "tool_calls": [record]},
        call_id,
        note,
    )


def read_reply(action: Any, step: int) -> Turn:
    """Read an agent's reply as one env action; never raises.

    Accepted: an OpenAI tool call (dict or SDK object with ``.function.name/.arguments``); an assistant
    message (dict or SDK ``ChatCompletionMessage``) whose first tool call is run, or whose text content (with
    no tool call) is the final answer; the env's own ``{"name", "arguments"}`` action (or either as a JSON
    string). Anything else maps to a malformed env action, which the env answers with an error observation.
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
        # The env's own action shape: recorded as a tool call, passed on unchanged (extra keys are its to
        # refuse).
        call = {"function": {"name": name, "arguments": action.get("arguments")}}
        return Turn(action, _from_call(call, step, None, []).assistant, f"call_{step}")
    content = _text(_get(action, "content"))
    calls = _get(action, "tool_calls")
    if isinstance(calls, (list, tuple)) and calls:
        return _from_call(calls[0], step, content, list(calls[1:]))
    if content is not None:
        return Turn(
            {"name": FINAL_ANSWER, "arguments": {"answer": content}},
            {"role": "assistant", "content": content},
        )
    return _invalid(
        {},
        None,
        NO_CALL
        if _is_message(action)
        else f"Unrecognized reply ({type(action).__name__}): send an OpenAI tool call or assistant message.",
    )


def _is_message(action: Any) -> bool:
    return isinstance(action, dict) or any(
        _get(action, k) is not None for k in ("role", "tool_calls", "content")
    )


def found_tools(result_text: str) -> list[tuple[str, str]]:
    """``(name, description)`` of the tools in a ``search_tools`` result, in rank order. A result cut short
    (too long, or truncated by a perturbation) still gives the names it shows, without descriptions."""
    try:
        data = json.loads(result_text)
        return [
            (t["name"], str(t.get("description", "")))
            for t in data["tools"]
            if isinstance(t.get("name"), str)
        ]
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
    """Actions are OpenAI tool calls: ``{"id", "type": "function", "function": {"name", "arguments"}}`` with
    the arguments as a JSON string. ``sample()`` returns a random call valid under the tool's schema.

    Example:
        >>> space = ChatToolCallSpace({"ping": {"type": "object", "properties": {}}}, seed=0)
        >>> space.sample()["function"]
        {'name': 'ping', 'arguments': '{}'}
    """

    def sample(self, mask: Any = None, probability: Any = None) -> dict[str, Any]:
        """A random schema-valid tool call with a random ``call_…`` id."""
        call = super().sample(mask, probability)
        return {
            "id": f"call_{int(self.np_random.integers(1 << 32)):08x}",
            "type": "function",
            "function": {"name": call["name"], "arguments": json.dumps(call["arguments"])},
        }

    def contains(self, x: Any) -> bool:
        """A function tool call with a known name and a JSON-object arguments string."""
        if not (
            isinstance(x, dict)
            and x.get("type") == "function"
            and isinstance(x.get("id"), str)
            and isinstance(x.get("function"), dict)
        ):
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


# --- the tools a conversation has loaded --------------------------------------------------------------------
#: Tool calls after which a tool a search loaded, and that was never called, is unloaded (default: never; the
#: agents take it as ``idle_calls``).
IDLE_CALLS: int | None = None
#: OpenAI's alphabet for function names.
OPENAI_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
#: Schema keys left out of the model's view: validation details the env checks anyway (an error says what is
#: wrong), not what the model needs to write a call.
_NOISE = ("additionalProperties", "minLength", "maxLength", "title", "$schema")


def openai_name(name: str) -> str:
    """``name`` in OpenAI's function-name alphabet (``^[a-zA-Z0-9_-]{1,64}$``): unchanged when it fits, else
    other characters as ``_`` plus a hash of the original (so two names never map to one), cut to 64.

    >>> openai_name("mail__send_email"), openai_name("fs.read file")
    ('mail__send_email', 'fs_read_file_b9cd8730')
    """
    if OPENAI_NAME.match(name):
        return name
    safe = re.sub(r"[^a-zA-Z0-9_-]", "_", name)[:55] or "tool"
    return f"{safe}_{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def model_schema(schema: Any, required: bool = True) -> Any:
    """A tool's input schema as sent to a model: arrays always get one ``items`` schema (OpenAI refuses an
    array without them, and tuple-form ``items`` becomes an ``anyOf`` of the positions), and validation noise
    (lengths, ``additionalProperties``, ``default: null``, ``null`` in the type or enum of an optional field)
    is left out. The env still validates every call against the full schema.

    >>> model_schema({"type": "object", "required": ["to"], "additionalProperties": False, "properties": {
    ...     "to": {"type": "array"}, "cc": {"type": ["string", "null"], "default": None, "maxLength": 9}}})
    {'type': 'object', 'required': ['to'], 'properties': {'to': {'type': 'array', 'items': {}}, \
'cc': {'type': 'string'}}}
    """
    if isinstance(schema, list):
        return [model_schema(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _NOISE or (key == "default" and value is None):
            continue
        if key == "properties" and isinstance(value, dict):
            needed = set(schema.get("required", ()))
            out[key] = {name: model_schema(spec, name in needed) for name, spec in value.items()}
        elif key == "type" and isinstance(value, list) and not required and "null" in value:
            kept = [t for t in value if t != "null"]
            out[key] = kept[0] if len(kept) == 1 else kept
        elif key == "enum" and isinstance(value, list) and not required:
            out[key] = [v for v in value if v is not None]
        elif key in ("anyOf", "oneOf") and isinstance(value, list) and not required:
            kept = [model_schema(s) for s in value if not (isinstance(s, dict) and s.get("type") == "null")]
            if len(kept) == 1 and isinstance(kept[0], dict):
                out.update(kept[0])
            else:
                out[key] = kept
        elif key == "items" and isinstance(value, list):  # tuple form (draft 4-2019): OpenAI takes one schema
            kinds = [model_schema(s) for s in value]
            unique = [s for i, s in enumerate(kinds) if s not in kinds[:i]]
            out[key] = unique[0] if len(unique) == 1 else {"anyOf": unique} if unique else {}
        elif isinstance(value, (dict, list)):
            out[key] = model_schema(value)
        else:
            out[key] = value
    kind = out.get("type")
    if (kind == "array" or (isinstance(kind, list) and "array" in kind)) and "items" not in out:
        out["items"] = {}
    return out


#: Words a parameter description may use and still say nothing its name, its tool's name and its bounds do
#: not.
_FILLER = frozenset(
    "the a an of to this that its is only whose equal value number record return maximum starting at".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def _stems(text: str) -> set[str]:
    """The lower-case words of ``text`` (``_`` splits words), a plural ``s`` cut off."""
    return {
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _WORD.findall(text.lower().replace("_", " "))
    }


def quiet_schema(schema: Any, known: frozenset[str] | set[str] = frozenset()) -> Any:
    """``schema`` without the parameter descriptions that only restate what the model sees anyway: the
    parameter's name, the words in ``known`` (its tool's name) and its ``minimum``/``maximum``. "The id of the
    question." on ``question_id`` goes; "Cursor from a previous page's next_cursor" stays.

    >>> quiet_schema({"type": "object", "properties": {
    ...     "question_id": {"type": "string", "description": "The id of the question."},
    ...     "limit": {"type": "integer", "minimum": 1, "maximum": 50,
    ...               "description": "Maximum number of records to return (1-50)."},
    ...     "cursor": {"type": "string", "description": "From a previous page's next_cursor."}}})
    {'type': 'object', 'properties': {'question_id': {'type': 'string'}, 'limit': {'type': 'integer', \
'minimum': 1, 'maximum': 50}, 'cursor': {'type': 'string', \
'description': "From a previous page's next_cursor."}}}
    """
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    if isinstance(schema.get("properties"), dict):
        properties = {}
        for name, spec in schema["properties"].items():
            spec = quiet_schema(spec, known)
            if isinstance(spec, dict) and isinstance(spec.get("description"), str):
                bounds = {str(spec[k]) for k in ("minimum", "maximum") if k in spec}
                if not _stems(spec["description"]) - _FILLER - set(known) - _stems(name) - bounds:
                    spec = {k: v for k, v in spec.items() if k != "description"}
            properties[name] = spec
        out["properties"] = properties
    if isinstance(schema.get("items"), dict):
        out["items"] = quiet_schema(schema["items"], known)
    return out


def function_tool(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """One OpenAI function tool (``{"type": "function", "function": {...}}``) in the model's view: the name in
    OpenAI's alphabet, the description cut to the API's limit (ending "…"), the schema as :func:`model_schema`
    less the parameter descriptions that only restate names and bounds (:func:`quiet_schema`).

    >>> len(function_tool("t", "x" * 5000, {"type": "object"})["function"]["description"]) == MAX_DESCRIPTION
    True
    """
    if len(description) > MAX_DESCRIPTION:
        description = description[: MAX_DESCRIPTION - 1] + "…"
    return {
        "type": "function",
        "function": {
            "name": openai_name(name),
            "description": description,
            "parameters": quiet_schema(model_schema(schema), _stems(name)),
        },
    }


#: The meta tools as a model sees them: short descriptions (the same arguments; the env checks the bounds).
META_VIEW: dict[str, tuple[str, dict[str, str]]] = {
    "search_tools": (
        "Find tools and load them into your tool list.",
        {"query": "What you want to do.", "top_k": "1-20, default 5."},
    ),
    "final_answer": ("Answer the user (what you did and found) and end the task.", {"answer": ""}),
    "wait": ("Let time pass, e.g. when a rate limit says so.", {"seconds": "At most 3600."}),
}


def meta_tool(record: dict[str, Any]) -> dict[str, Any]:
    """A meta tool's MCP record as an OpenAI function tool in the model's view (:data:`META_VIEW`: shorter
    descriptions, no bounds or defaults; the env validates every call against the full schema)."""
    if record["name"] not in META_VIEW:
        return function_tool(record["name"], record["description"], record["inputSchema"])
    description, fields = META_VIEW[record["name"]]
    schema = model_schema(record["inputSchema"])
    properties = {}
    for name, spec in schema.get("properties", {}).items():
        spec = {k: v for k, v in spec.items() if k in ("type", "items", "enum")}
        properties[name] = {**spec, "description": fields[name]} if fields.get(name) else spec
    schema = {"type": "object", "required": schema.get("required", []), "properties": properties}
    return {
        "type": "function",
        "function": {"name": record["name"], "description": description, "parameters": schema},
    }


class ToolShelf:
    """The tools loaded into a conversation: those a ``search_tools`` result named (every one of them,
    whatever the text cap), each loaded once with its full description and schema, most recently found or used
    first, at most ``budget`` at a time (the least recent is unloaded first). Names are mapped to OpenAI's
    alphabet and back, so a reply naming the mapped name runs the real tool.

    ``idle_calls`` unloads a tool that was found but never called once that many tool calls went by without it
    (``None``: never): a search loads all its hits, and those the model passed over would otherwise ride along
    in every request until the budget pushes them out. A tool that was called stays until the budget unloads
    it; an unloaded tool comes back with the next search that finds it. :meth:`tick` counts the calls.

    Example:
        >>> shelf = ToolShelf(budget=2)
        >>> shelf.load(["a__x", "b.y", "c__z"])
        ['a__x', 'b.y']
        >>> shelf.use("b.y"); shelf.names, shelf.real_name(openai_name("b.y"))
        (['b.y', 'a__x'], 'b.y')
        >>> shelf = ToolShelf(budget=4, idle_calls=2)
        >>> shelf.load(["a__x", "b__y", "c__z"]); shelf.use("b__y"); shelf.tick(); shelf.tick(); shelf.names
        ['a__x', 'b__y', 'c__z']
        ['b__y']
    """

    def __init__(self, budget: int = 16, idle_calls: int | None = None) -> None:
        self.budget = budget
        self.idle_calls = idle_calls
        self.names: list[str] = []
        self.loaded: list[str] = []  # every tool loaded this episode, in order (for records and SFT export)
        self._real: dict[str, str] = {}
        self._idle: dict[str, int] = {}  # loaded, never called: tool calls since it was found
        self._views: dict[
            str, tuple[Any, str, dict[str, Any]]
        ] = {}  # name -> (schema, description, model view)

    def load(self, names: list[str]) -> list[str]:
        """Load ``names`` (best first) ahead of the tools already loaded; returns the tools now loaded."""
        fresh = list(dict.fromkeys(n for n in names if isinstance(n, str) and n))[: max(self.budget, 0)]
        for name in fresh:
            self._real[openai_name(name)] = name
            if name not in self.loaded:
                self.loaded.append(name)
            if name in self._idle or name not in self.names:
                self._idle[name] = 0
        self.names = list(dict.fromkeys(fresh + self.names))[: max(self.budget, 0)]
        return list(self.names)

    def use(self, name: str) -> None:
        """A loaded tool was just called: it becomes the most recent (the last to be unloaded)."""
        if name in self.names:
            self.names.remove(name)
            self.names.insert(0, name)
            self._idle.pop(name, None)

    def tick(self) -> None:
        """A tool call went by: tools found and never called age by one; those ``idle_calls`` old are
        unloaded."""
        if self.idle_calls is None:
            return
        for name in [n for n in self.names if n in self._idle]:
            self._idle[name] += 1
            if self._idle[name] >= self.idle_calls:
                self.names.remove(name)
                del self._idle[name]

    def real_name(self, name: str) -> str:
        """The tool a (possibly mapped) name stands for."""
        return self._real.get(name, name)

    def entries(self, env: Any, extra: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """OpenAI function tools: the meta tools, ``extra`` (agent-side tools, OpenAI function shape), then
        the loaded tools, each with the description and schema the env shows now (a schema change replaces
        it). The returned dicts are shared between calls: copy one before changing it."""
        from toolgym_env.envs.meta import loaded_record, meta_records

        tools = [meta_tool(r) for r in meta_records()]
        tools += [function_tool(e["name"], e["description"], e["parameters"]) for e in extra or []]
        for name in self.names:
            record = loaded_record(env, name)
            if record is None:
                continue
            view = self._views.get(name)  # built once per schema object (a schema change brings a new one)
            if view is None or view[0] is not record["inputSchema"] or view[1] != record["description"]:
                view = (
                    record["inputSchema"],
                    record["description"],
                    function_tool(name, record["description"], record["inputSchema"]),
                )
                self._views[name] = view
            tools.append(view[2])
        return tools


# --- history compaction: old tool results elided ------------------------------------------------------------
#: How many of the latest tool results a conversation shows in full by default (older ones are elided).
KEEP_RESULTS = 2
#: Keys whose string values an elided result keeps: identifiers, names, emails and statuses a later call or
#: the answer may need.
_KEPT_KEY = re.compile(
    r"^(?:id|name|title|email|status|next_cursor|cursor)$|_(?:id|ids|name|email)$"
    r"|[a-z](?:Id|Ids|Name)$"
)
#: Longest string an elided result keeps, and the head kept of a result that is not a JSON object.
_KEPT_CHARS = 60
ELIDED_HEAD_CHARS = 160
#: The key of the note an elided JSON result carries.
ELIDED_KEY = "_elided"
_DROP = object()


def _skeleton(value: Any, key: str = "", depth: int = 0) -> Any:
    """What an elided result keeps of ``value``: the record it is (``depth=1``), or the records in a page of
    them (``depth=0``: its top-level lists and objects, ``items`` …), each with its numbers and the strings
    under identifier-like keys (``id``, ``*_id``, ``name``, ``*_name``, ``title``, ``email``, ``status``,
    ``next_cursor``); nested lists and objects inside a record go, but for lists of ids. List positions are
    kept (an item with nothing kept stays ``{}``), so "the third item's id" still reads."""
    if isinstance(value, dict):
        if depth >= 2:
            return _DROP
        out = {k: kept for k, v in value.items() if (kept := _skeleton(v, str(k), depth + 1)) is not _DROP}
        return out if out else _DROP
    if isinstance(value, list):
        if depth >= 2 and not (value and all(isinstance(v, str) for v in value) and _KEPT_KEY.search(key)):
            return _DROP
        items = [_skeleton(v, key, depth) for v in value]
        if all(item is _DROP for item in items):
            return _DROP
        return [{} if item is _DROP else item for item in items]
    if isinstance(value, bool) or value is None:
        return _DROP
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str) and value and _KEPT_KEY.search(key):
        return value if len(value) <= _KEPT_CHARS else value[: _KEPT_CHARS - 1] + "…"
    return _DROP


def elide_result(text: str) -> str:
    """A tool result as an older turn of a conversation shows it: a JSON object keeps its identifiers, names
    and numbers (:func:`_skeleton`) and says how much was left out under ``"_elided"``; any other text keeps
    its first :data:`ELIDED_HEAD_CHARS` characters. A result that would not get shorter is returned unchanged.

    >>> notes = "x" * 300
    >>> print(elide_result('{"items": [{"id": "t_1", "notes": "' + notes + '", "amount": 5.0}], "total": 1}'))
    {"items":[{"id":"t_1","amount":5.0}],"total":1,"_elided":"319 chars cut; call again for all"}
    """
    if not isinstance(text, str):
        return text
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = _DROP
    if isinstance(data, dict):
        kept = _skeleton(
            data, depth=1 if isinstance(data.get("id"), (str, int)) else 0
        )  # a record, or a page
        body = json.dumps({} if kept is _DROP else kept, ensure_ascii=False, separators=(",", ":"))
        note = f"{len(text) - len(body):,} chars cut; call again for all"
        out = body[:-1] + ("," if body != "{}" else "") + f'"{ELIDED_KEY}":{json.dumps(note)}}}'
        return out if len(out) < len(text) else text
    if len(text) <= ELIDED_HEAD_CHARS + 60:
        return text
    return (
        text[:ELIDED_HEAD_CHARS] + f" [… {len(text) - ELIDED_HEAD_CHARS:,} chars elided; call the tool "
        "again to see it]"
    )


def compact_history(messages: list[dict[str, Any]], keep: int | None) -> list[dict[str, Any]]:
    """``messages`` as sent to a model, with the tool results older than the latest ``keep`` compacted: an old
    result is elided (:func:`elide_result`: the ids, names and numbers in it stay) and the assistant message
    that made the call keeps its tool call but not its text, and an old ``search_tools``
    exchange (the assistant message making the call, when that is its only call, and its result) is left out
    — what it loaded is in the tool list now, or was unloaded since, so its text would only mislead.
    ``keep=None`` sends the history unchanged. The list given is not changed (the full history stays with the
    caller).

    >>> body = '{"id": "x", "body": "' + "b" * 200 + '"}'
    >>> history = [{"role": "tool", "tool_call_id": f"c{i}", "content": body} for i in range(3)]
    >>> [len(m["content"]) for m in compact_history(history, keep=1)]
    [56, 56, 223]
    >>> search = {"role": "assistant", "tool_calls": [{"id": "s", "type": "function", "function": {
    ...     "name": "search_tools", "arguments": '{"query": "mail"}'}}]}
    >>> loaded = "Loaded into your tool list: mail__send_email"
    >>> found = {"role": "tool", "tool_call_id": "s", "content": loaded}
    >>> [m["role"] for m in compact_history([search, found, *history], keep=1)]
    ['tool', 'tool', 'tool']
    >>> compact_history(history, keep=None) == history
    True
    """
    if keep is None:
        return list(messages)
    searches = {
        call.get("id")
        for m in messages
        if m.get("role") == "assistant"
        for call in m.get("tool_calls") or ()
        if isinstance(call, dict) and (call.get("function") or {}).get("name") == SEARCH_TOOLS
    }
    results = [i for i, m in enumerate(messages) if m.get("role") == "tool"]
    old = results[:-keep] if keep > 0 else results
    out: list[Any] = list(messages)
    for i in old:
        message = out[i]
        if message.get("tool_call_id") in searches:
            out[i] = None
            before = messages[i - 1] if i > 0 else {}
            calls = before.get("tool_calls") or []
            if len(calls) == 1 and calls[0].get("id") == message.get("tool_call_id"):
                out[i - 1] = None
        elif isinstance(message.get("content"), str):
            out[i] = {**message, "content": elide_result(message["content"])}
            before = out[i - 1] if i > 0 else None
            if (
                isinstance(before, dict)
                and before.get("role") == "assistant"
                and before.get("tool_calls")
                and before.get("content")
            ):
                out[i - 1] = {k: v for k, v in before.items() if k != "content"}
    return [m for m in out if m is not None]
