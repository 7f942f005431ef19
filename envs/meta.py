"""The env's meta tools: ``search_tools`` (select, then execute), ``wait`` (let virtual time pass) and
``final_answer`` (end the episode)."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from pydantic import Field

from toolgym_env.apps.schema import input_schema, model_from_fields

SEARCH_TOOLS = "search_tools"
FINAL_ANSWER = "final_answer"
WAIT = "wait"
#: Longest single wait on the virtual clock (seconds).
MAX_WAIT_S = 3600

SearchArgs = model_from_fields(
    "search_tools_args",
    {
        "query": (
            Annotated[str, Field(min_length=1, max_length=500)],
            Field(description="What you want to do, in plain words (e.g. 'find unpaid invoices')."),
        ),
        "top_k": (
            Annotated[int, Field(ge=1, le=20)],
            Field(5, description="How many tools to return (1-20)."),
        ),
    },
)

AnswerArgs = model_from_fields(
    "final_answer_args",
    {
        "answer": (
            Annotated[str, Field(max_length=20_000)],
            Field(description="Your final answer to the user: what you did and what you found."),
        ),
    },
)

WaitArgs = model_from_fields(
    "wait_args",
    {
        "seconds": (
            Annotated[float, Field(gt=0, le=MAX_WAIT_S)],
            Field(description="How long to wait, in seconds (at most 3600)."),
        ),
    },
)

META_DESCRIPTIONS = {
    SEARCH_TOOLS: "Find tools by what you want to do. Returns a card per tool (name, one-line description, "
    "parameter signature); call the tools found by name.",
    FINAL_ANSWER: "Finish: your final answer to the user. Ends the episode.",
    WAIT: "Wait before the next call (e.g. when a rate limit says to retry after some seconds).",
}

META_SCHEMAS: dict[str, dict[str, Any]] = {
    SEARCH_TOOLS: input_schema(SearchArgs),
    FINAL_ANSWER: input_schema(AnswerArgs),
    WAIT: input_schema(WaitArgs),
}


def meta_records() -> list[dict[str, Any]]:
    """The meta tools as MCP ``Tool`` records."""
    return [
        {
            "name": n,
            "description": META_DESCRIPTIONS[n],
            "inputSchema": META_SCHEMAS[n],
            "annotations": {"readOnlyHint": True},
        }
        for n in META_SCHEMAS
    ]


# --- search results: compact tool cards ---------------------------------------------------------------------
#: Longest one-line description on a card.
CARD_DESCRIPTION_CHARS = 160
#: Most enum values a signature spells out (more are shown as ``…``).
SIGNATURE_ENUM_VALUES = 6


def one_line(description: str, limit: int = CARD_DESCRIPTION_CHARS) -> str:
    """The first sentence of a description, on one line, at most ``limit`` characters.

    >>> one_line("Send an email from the owner's address. The message is delivered at once.")
    "Send an email from the owner's address."
    """
    text = " ".join(str(description or "").split())
    end = next(
        (i + 1 for i, ch in enumerate(text) if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " ")),
        len(text),
    )
    text = text[:end]
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _type_of(schema: dict[str, Any]) -> str:
    """A short type for a property schema: ``string``, ``integer``, ``string[]``, ``'a'|'b'``, ``object``."""
    if not isinstance(schema, dict):
        return "any"
    for key in ("anyOf", "oneOf"):
        options = [s for s in schema.get(key, ()) if isinstance(s, dict) and s.get("type") != "null"]
        if options:
            return "|".join(dict.fromkeys(_type_of(s) for s in options))
    enum = [v for v in schema.get("enum", ()) if v is not None]
    if enum:
        shown = [json.dumps(v, ensure_ascii=False) for v in enum[:SIGNATURE_ENUM_VALUES]]
        return "|".join(shown) + ("|…" if len(enum) > SIGNATURE_ENUM_VALUES else "")
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "array":
        return f"{_type_of(schema.get('items') or {})}[]"
    return str(kind)


def signature(schema: dict[str, Any]) -> str:
    """A tool's parameters on one line: ``name: type`` for required ones, ``name?: type`` for the others.

    >>> signature({"type": "object", "required": ["to"], "properties": {"to": {"type": "array", "items":
    ...     {"type": "string"}}, "cc": {"type": ["string", "null"]}, "mode": {"enum": ["a", "b", None]}}})
    '(to: string[], cc?: string, mode?: "a"|"b")'
    """
    props = schema.get("properties") if isinstance(schema, dict) else None
    required = set(schema.get("required", ())) if isinstance(schema, dict) else set()
    parts = [
        f"{name}{'' if name in required else '?'}: {_type_of(spec)}" for name, spec in (props or {}).items()
    ]
    return "(" + ", ".join(parts) + ")"


def tool_card(name: str, description: str, schema: dict[str, Any]) -> dict[str, str]:
    """The compact card ``search_tools`` returns for one tool: name, one-line description, parameter
    signature."""
    return {"name": name, "description": one_line(description), "signature": signature(schema)}


def search_result(query: str, hits: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """The ``search_tools`` result: the query and one card per ``(name, description, schema)`` hit, best
    first. The full schemas are not in it: a client loads the tools it names (:func:`card_names`), as an MCP
    client's tool listing would give them."""
    return {"query": query, "tools": [tool_card(n, d, s) for n, d, s in hits]}


_CARD_NAME = re.compile(r'\{"name":\s*"([^"\\]{1,200})"')


def card_names(result_text: str) -> list[str]:
    """The tool names of a ``search_tools`` result, best first; a result cut short (a text cap, a truncating
    perturbation) still gives every name it shows.

    >>> card_names('{"query": "q", "tools": [{"name": "a__b", "description": "x"}, {"name": "c__d", "desc')
    ['a__b', 'c__d']
    """
    try:
        data = json.loads(result_text)
        return [t["name"] for t in data["tools"] if isinstance(t, dict) and isinstance(t.get("name"), str)]
    except (ValueError, KeyError, TypeError, RecursionError):
        return list(dict.fromkeys(_CARD_NAME.findall(result_text)))


def expand_cards(env: Any, result_text: str) -> list[dict[str, Any]]:
    """The full MCP records (name, description, inputSchema as shown now) of the tools a ``search_tools``
    result names, for clients that load what they found (``env`` is a ToolGym env, wrapped or not); names the
    env does not know are left out."""
    return [record for name in card_names(result_text) if (record := loaded_record(env, name)) is not None]


def loaded_record(env: Any, name: str) -> dict[str, Any] | None:
    """The MCP record of tool ``name`` as the env shows it now (a schema change applied): name, full
    description, input schema; ``None`` for a meta tool or a name the env does not know."""
    base = env.unwrapped
    if name in META_SCHEMAS:
        return None
    schema = base.tool_schema(name)
    if schema is None:
        return None
    record = base.catalog.summary(name)
    if record is None and name in getattr(base, "_external_tools", {}):
        record = base._external_tools[name].mcp_record()
    return {"name": name, "description": (record or {}).get("description", ""), "inputSchema": schema}
