"""Episode record → chat fine-tuning example: ``{"messages": [...], "tools": [...]}``, as the agent saw it.

The conversation is built the way :class:`~toolgym_env.wrappers.chat.ChatAdapter` builds it at inference (the
same system prompt, :func:`~toolgym_env.wrappers.chat_messages.read_reply` for each call, the same
``call_<step>`` ids and result caps), so a model trained on it sees what it will see through the adapter:

- ``system`` (the shipped prompt), ``user`` (the request);
- per step, an ``assistant`` message with one ``tool_calls`` entry (arguments as a JSON string) and the
  ``tool`` message answering it (``tool_call_id``, content = the result text, errors included, so recoveries
  are learnt);
- a user interruption (``step["message"]``) as a ``user`` message right after the step it came with;
- the final answer as the last ``assistant`` message's content (the adapter reads a text reply as
  ``final_answer``). Malformed actions (no tool name) are left out: there is no reply to learn from them.

What the model said is kept: an LLM agent's record holds its turns (``model_turns``), and the text of the turn
that made a step becomes that step's assistant ``content`` (with ``with_reasoning``, its reasoning content as
``reasoning_content``); the planner's plans, when there are any, are the first assistant message's text.

**Tools** are OpenAI function tools: the meta tools, then only the tools the episode loaded — an LLM agent's
``loaded_tools`` when the record has them, else those its ``search_tools`` results named (most recent search
first, capped at the adapter's tool budget) — and any other catalog tool the agent called. Each shows the
schema the agent saw *at the end of the episode*: a schema change injected mid-episode (a ``schema_change``
perturbation event) is re-applied to the catalog's schema, so the later, successful calls match it and the
earlier refused call is explained by its error message.

``format="trl"`` (TRL's ``SFTTrainer``, conversational dataset with ``messages`` and ``tools`` columns)
differs in what chat templates and Arrow expect: tool-call ``arguments`` are JSON objects (templates render
them with ``tojson``; a string would be encoded twice), an assistant message with a tool call has
``content: ""`` (not ``null``), ``tool`` messages also carry the function ``name``, and ``tools`` is one JSON
string per row (``SFTTrainer`` decodes a string ``tools`` column; as nested structs, Arrow would merge the
thousands of different parameter schemas into one struct padded with nulls). ``format="openai"`` adds
``"parallel_tool_calls": false`` (the env runs one call per turn), a key of OpenAI's fine-tuning lines.
"""

from __future__ import annotations

import json
from typing import Any

from toolgym_env.envs.meta import FINAL_ANSWER, META_SCHEMAS, SEARCH_TOOLS, card_names, meta_records
from toolgym_env.envs.tool_env import MAX_INSTRUCTION_CHARS, MAX_OBS_RESULT_CHARS
from toolgym_env.errors import InvalidArgumentError
from toolgym_env.judge.episode import normalize_arguments
from toolgym_env.universe import Universe
from toolgym_env.wrappers.chat import default_system_prompt
from toolgym_env.wrappers.chat_messages import ToolShelf, function_tool, meta_tool, read_reply
from toolgym_env.wrappers.perturb.schema_change import SchemaChange, changed_schema

#: The output formats of :func:`sft_example`.
TRAINING_FORMATS: tuple[str, ...] = ("openai", "trl")
#: Most tools found by ``search_tools`` kept in an example's tool list (the adapter's default ``max_tools``).
MAX_FOUND_TOOLS = 16


def _said(record: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """The last model turn of each env step (the one whose reply became the step's action)."""
    return {int(t["step"]): t for t in record.get("model_turns") or () if isinstance(t.get("step"), int)}


def episode_messages(
    record: dict[str, Any], system_prompt: str | None = None, with_reasoning: bool = False
) -> list[dict[str, Any]]:
    """The episode as OpenAI chat messages (see the module docstring). ``system_prompt``: ``None`` = the
    shipped prompt, ``""`` = no system message."""
    prompt = default_system_prompt() if system_prompt is None else system_prompt
    messages: list[dict[str, Any]] = [{"role": "system", "content": prompt}] if prompt else []
    messages.append({"role": "user", "content": record["task"]["instruction"][:MAX_INSTRUCTION_CHARS]})
    said = _said(record)
    trajectory = record["trajectory"]
    for index, step in enumerate(trajectory, start=1):
        name = step.get("name") or ""
        turn_said = said.get(int(step.get("step", index)), {})
        if name == FINAL_ANSWER and not step.get("is_error") and index == len(trajectory):
            answer = record.get("final_answer")
            if answer is None:
                answer = str(normalize_arguments(step.get("arguments")).get("answer", ""))
            messages.append({"role": "assistant", "content": answer})
        elif name:
            action = {"name": name, "arguments": step.get("arguments")}
            turn = read_reply(action, int(step.get("step", index)))
            assistant = dict(turn.assistant)
            if turn_said.get("content"):
                assistant["content"] = turn_said["content"]
            if with_reasoning and turn_said.get("reasoning"):
                assistant["reasoning_content"] = turn_said["reasoning"]
            messages.append(assistant)
            messages.append(
                {
                    "role": "tool",
                    "tool_call_id": turn.call_id,
                    "content": str(step.get("result", ""))[:MAX_OBS_RESULT_CHARS],
                }
            )
        if step.get("message"):
            messages.append({"role": "user", "content": step["message"]})
    return messages


def _schema_changes(trajectory: list[dict[str, Any]]) -> dict[str, SchemaChange]:
    """The schema change injected into each tool during the episode (at most one per tool)."""
    changes: dict[str, SchemaChange] = {}
    for step in trajectory:
        for event in step.get("perturbations", ()):
            if event.get("kind") == "schema_change" and event.get("tool") and event["tool"] not in changes:
                changes[event["tool"]] = SchemaChange(
                    event["tool"],
                    event.get("change", "add"),
                    event.get("old_param", ""),
                    event.get("new_param", ""),
                    event.get("value", ""),
                )
    return changes


def episode_tools(
    record: dict[str, Any], universe: Universe | None = None, max_found: int = MAX_FOUND_TOOLS
) -> list[dict[str, Any]]:
    """The episode's tool list as OpenAI function tools (see the module docstring)."""
    catalog = (universe or Universe.full()).catalog
    trajectory = record["trajectory"]
    shelf = ToolShelf(max_found)  # replayed as the adapter keeps it: loaded on search, most recent first
    called: list[str] = []
    for step in trajectory:
        name = step.get("name") or ""
        if name == SEARCH_TOOLS and not step.get("is_error"):
            shelf.load(
                [
                    n
                    for n in card_names(str(step.get("result", "")))
                    if n not in META_SCHEMAS and catalog.record(n) is not None
                ]
            )
        elif name and name not in META_SCHEMAS and catalog.record(name) is not None:
            called.append(name)
            if not step.get("is_error"):
                shelf.use(name)
    found = list(shelf.names)
    if record.get("loaded_tools") is not None:  # what an LLM agent loaded, in the order it loaded them
        found = [n for n in record["loaded_tools"] if catalog.record(n) is not None]
    changes = _schema_changes(trajectory)
    tools = [meta_tool(r) for r in meta_records()]  # the meta tools as the adapter shows them
    for name in dict.fromkeys(found + called):
        entry = catalog.record(name)
        schema = entry["inputSchema"]
        if name in changes:
            schema = changed_schema(schema, changes[name])
        tools.append(function_tool(name, entry["description"], schema))
    return json.loads(json.dumps(tools))  # fresh copies: catalog records are shared


def _as_object(arguments: str) -> Any:
    """Tool-call arguments as a JSON object for chat templates (kept as text when they are not one)."""
    try:
        value = json.loads(arguments)
    except ValueError:
        return arguments
    return value if isinstance(value, dict) else arguments


def to_trl(messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> dict[str, Any]:
    """An OpenAI-format example in TRL's form (see the module docstring for the differences)."""
    out: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    for message in messages:
        message = dict(message)
        if message.get("tool_calls"):
            message["content"] = message.get("content") or ""
            calls = []
            for call in message["tool_calls"]:
                names[call["id"]] = call["function"]["name"]
                calls.append(
                    {
                        **call,
                        "function": {
                            "name": call["function"]["name"],
                            "arguments": _as_object(call["function"]["arguments"]),
                        },
                    }
                )
            message["tool_calls"] = calls
        elif message["role"] == "tool":
            message["name"] = names.get(message["tool_call_id"], "")
        out.append(message)
    return {"messages": out, "tools": json.dumps(tools, ensure_ascii=False)}


def example_chars(example: dict[str, Any]) -> int:
    """The length of an example as one JSON line (what a length cap measures)."""
    return len(json.dumps(example, ensure_ascii=False))


def sft_example(
    record: dict[str, Any],
    format: str = "openai",
    system_prompt: str | None = None,
    universe: Universe | None = None,
    with_reasoning: bool = False,
) -> dict[str, Any]:
    """One fine-tuning example (a JSONL line) from an episode record, in ``format`` (``"openai"``/``"trl"``).

    Example:
        >>> example = sft_example(record)                       # doctest: +SKIP
        >>> [m["role"] for m in example["messages"]][:4]        # doctest: +SKIP
        ['system', 'user', 'assistant', 'tool']
    """
    if format not in TRAINING_FORMATS:
        raise InvalidArgumentError(f"unknown format {format!r}; choose from {list(TRAINING_FORMATS)}")
    messages = episode_messages(record, system_prompt, with_reasoning)
    tools = episode_tools(record, universe)
    plans = record.get("plans") or []
    if (
        plans
        and len(messages) > 2
        and messages[2].get("role") == "assistant"
        and not messages[2].get("content")
    ):
        first = plans[0]
        messages[2] = {
            **messages[2],
            "content": "Plan:\n"
            + "\n".join(f"{n}. {g}" for n, g in enumerate(first.get("subgoals") or [], 1)),
        }
    if format == "trl":
        return to_trl(messages, tools)
    return {"messages": messages, "tools": tools, "parallel_tool_calls": False}
