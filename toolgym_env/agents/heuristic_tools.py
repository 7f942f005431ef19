"""Choosing tools from ``search_tools`` results and writing their arguments from the input schema alone.

A tool is recognised by its app (the app title in its name or description) and by its name read as words:
a verb (``get``/``fetch``, ``create``/``add``/``new``, ...) followed by the record type (``add-sla-policy``
creates an "sla policy"). Arguments follow what the schema shows: nested ``filter``/``changes`` objects or
flat fields, ``page``/``offset``/``cursor`` pagination, value types and enums.

Example:
    >>> name_words("closr_list_contacts"), op_of("fetchSlaPolicy", "sla policy")
    (['closr', 'list', 'contacts'], 'get')
    >>> coerce("5", {"type": "integer"}), coerce("no", {"type": ["boolean", "null"]})
    (5, False)
"""

from __future__ import annotations

import re
from typing import Any

from toolgym_env.agents.heuristic_answer import matches

VERBS: dict[str, tuple[str, ...]] = {
    "search": ("search", "find", "query", "lookup"),
    "list": ("list", "browse"),
    "get": ("get", "fetch", "retrieve", "read", "show", "view"),
    "create": ("create", "add", "new", "make", "insert"),
    "update": ("update", "edit", "modify", "patch"),
    "delete": ("delete", "remove", "destroy"),
}
_VERB_OP = {v: op for op, verbs in VERBS.items() for v in verbs}
#: A tool scoring at least this fits exactly (no stray words, no bulk input): no need to search further.
GOOD_FIT = 10
#: The words search_tools is asked with, per operation.
OP_QUERY = {
    "search": "search by name",
    "list": "list filtered",
    "get": "get one by id",
    "create": "create a new",
    "update": "update fields of an existing",
    "delete": "permanently delete by id",
}


def squash(text: str) -> str:
    """``"Fork & Slot"`` → ``"forkandslot"``: lower-case letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("&", "and"))


def singular(word: str) -> str:
    """A light plural strip (``policies`` → ``policy``, ``boxes`` → ``box``, ``deals`` → ``deal``)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def name_words(local: str) -> list[str]:
    """A tool name split into lower-case words (snake, kebab, camel and Pascal case)."""
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", local)]


def label_words(label: str) -> list[str]:
    """A record type as singular words (``"sla policies"`` → ``["sla", "policy"]``)."""
    return [singular(w) for w in re.findall(r"[a-z0-9]+", label.lower())]


def op_of(local: str, label: str, loose: bool = False) -> str | None:
    """The CRUD operation a tool name performs on records of type ``label`` (``None`` if it is not one).

    ``loose``: also accept a record type named differently after its first word ("watch entry" for
    "watch history"), as a last resort when no tool names the type exactly."""
    words = name_words(local)
    want = label_words(label)
    for i, w in enumerate(words):
        if w in _VERB_OP:
            obj = [singular(x) for x in words[i + 1 :]]
            near = (
                obj
                and obj[0] == want[0]
                and (obj == want[: len(obj)] or want == obj[: len(want)] or len(obj) == len(want) > 1)
            )
            if obj == want or loose and near:
                return _VERB_OP[w]
            return None
    return None


def score(record: dict[str, Any], title: str, label: str, op: str) -> int:
    """How well a search result fits "the ``op`` tool for ``label`` records in app ``title``" (0: not at all).

    Exact names beat near ones: a verb then the record type alone (``get_deal``; plural for search/list),
    no words before the verb except the app's own prefix, a ``query`` parameter for search, no bulk input."""
    name = record.get("name", "")
    if "__" not in name or not in_app(record, title):
        return 0
    if op_of(name.split("__", 1)[1], label) != op:
        return 1 if op_of(name.split("__", 1)[1], label, loose=True) == op else 0
    words = name_words(name.split("__", 1)[1])
    i = next(k for k, w in enumerate(words) if w in _VERB_OP)
    obj, want = words[i + 1 :], label_words(label)
    points = 10
    if op in ("search", "list"):
        points += 3 if obj != want else 0
    else:
        points += 3 if obj == want else 0
    if any(w not in squash(app_of(name)) for w in words[:i]):
        points -= 5
    if squash(app_of(name)) == squash(title):
        points += 1
    props = props_of(record.get("inputSchema", {}))
    if op == "search" and "query" in props:
        points += 3
    if any(
        main_schema(p).get("type") == "array"
        and main_schema(main_schema(p).get("items", {})).get("type") == "object"
        for p in props.values()
    ):
        points -= 3
    return max(points, 2)


def rank(
    records: list[dict[str, Any]], title: str, label: str, op: str, avoid: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """The results that can serve as the ``op`` tool, best first (names in ``avoid`` left out)."""
    scored = [(score(r, title, label, op), k, r) for k, r in enumerate(records) if r.get("name") not in avoid]
    return [r for s, _, r in sorted(scored, key=lambda x: (-x[0], x[1])) if s > 0]


def app_of(tool: str) -> str:
    """``"mail__send_email"`` → ``"mail"``."""
    return tool.split("__", 1)[0] if "__" in tool else ""


def in_app(record: dict[str, Any], title: str) -> bool:
    """Whether a search result belongs to the app called ``title`` (its name's prefix spells the title, or its
    description names the app, written as the title is)."""
    app, key = squash(app_of(record.get("name", ""))), squash(title)
    if not key or not app:
        return False
    if app == key or min(len(app), len(key)) >= 4 and (app.startswith(key) or key.startswith(app)):
        return True
    return re.search(rf"\b{re.escape(title)}\b", str(record.get("description", ""))) is not None


def tool_title_words(record: dict[str, Any]) -> list[str]:
    """A tool's name as words without the app's prefix (what a user calls "Delete branch")."""
    words = name_words(record["name"].split("__", 1)[-1])
    i = next((k for k, w in enumerate(words) if w in _VERB_OP or k == len(words) - 1), 0)
    return words[i:] if len(words) > 1 else words


# --- schemas ------------------------------------------------------------------------------------------------
def main_schema(prop: dict[str, Any]) -> dict[str, Any]:
    """The non-null branch of a property schema (``anyOf`` / type lists with ``null``)."""
    options = prop.get("anyOf") or [prop]
    main = next((o for o in options if o.get("type") != "null"), options[0]) or {}
    t = main.get("type")
    if isinstance(t, list):
        main = {**main, "type": next((x for x in t if x != "null"), "string")}
    return main


def props_of(schema: dict[str, Any], nest: str = "") -> dict[str, dict[str, Any]]:
    """The properties of a schema, or of its nested object ``nest`` (``filter``, ``changes``) when it has
    one."""
    props = (schema or {}).get("properties", {}) or {}
    if nest and isinstance(props.get(nest), dict):
        inner = main_schema(props[nest]).get("properties")
        if isinstance(inner, dict):
            return inner
    return props


def nested(schema: dict[str, Any], nest: str) -> bool:
    """Whether the tool takes its fields inside an object parameter ``nest``."""
    inner = props_of(schema, nest)
    return inner is not props_of(schema) and bool(inner)


def field_key(label: str, props: dict[str, Any]) -> str | None:
    """The property a field label names (``"close date"`` → ``close_date``), or ``None``."""
    key = "_".join(label.lower().split())
    if key in props:
        return key
    squashed = squash(label)
    return next((p for p in props if squash(p) == squashed), None)


def coerce(value: Any, prop: dict[str, Any]) -> Any:
    """``value`` (usually text from the request) as the type the property schema asks for."""
    main = main_schema(prop or {})
    enum = [e for e in main.get("enum", []) if e is not None]
    if enum:
        return next(
            (e for e in enum if str(e) == str(value)),
            next((e for e in enum if str(e).lower() == str(value).lower()), value),
        )
    t = main.get("type")
    try:
        if t == "integer" and not isinstance(value, bool):
            return round(float(str(value).replace(",", "")))
        if t == "number" and not isinstance(value, bool):
            return float(str(value).replace(",", ""))
    except ValueError:
        return value
    if t == "boolean" and isinstance(value, str):
        return value.lower() in ("yes", "true", "1")
    if t == "array" and not isinstance(value, list):
        return [value]
    return value


def id_param(schema: dict[str, Any], label: str = "") -> str | None:
    """The parameter that takes a record id (``deal_id``), preferring the one named after ``label``."""
    props = props_of(schema)
    ids = [p for p in (schema or {}).get("required", []) if p.endswith("_id") or p == "id"] or [
        p for p in props if p.endswith("_id") or p == "id"
    ]
    want = "_".join(label_words(label)) + "_id"
    return next((p for p in ids if p == want), ids[0] if ids else None)


def with_fields(schema: dict[str, Any], nest: str, fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` placed as the tool expects (inside ``nest`` or flat), each coerced to its property's
    type."""
    props = props_of(schema, nest)
    typed = {k: coerce(v, props.get(k, {})) for k, v in fields.items()}
    if not typed:
        return {}
    return {nest: typed} if nested(schema, nest) else typed


def fit_pattern(pattern: str, text: str) -> str:
    """A value matching a schema ``pattern``: ``text`` itself or a slug of it when one fits, else a sample."""
    try:
        compiled = re.compile(pattern)
    except re.error:
        return text
    words = re.findall(r"[A-Za-z0-9]+", text)
    for candidate in (
        text,
        "_".join(words).lower(),
        "-".join(words).lower(),
        "".join(words).lower()[:30],
        "_".join(words).lower()[:30],
        "-".join(words).lower()[:30],
    ):
        if compiled.search(candidate):
            return candidate
    import numpy as np

    from toolgym_env.envs.regex_sample import sample_regex

    return sample_regex(pattern, np.random.default_rng(0)) or text


def default_value(prop: dict[str, Any], text: str) -> Any:
    """A value for a required property the request says nothing about: its default, its first enum value, a
    text fitting its pattern, the smallest number allowed, or ``text``."""
    main = main_schema(prop)
    if main.get("pattern") and main.get("type", "string") == "string":
        return fit_pattern(main["pattern"], text)
    enum = [e for e in main.get("enum", []) if e is not None]
    if enum or "default" in main:
        return main.get("default", enum[0] if enum else None)
    t = main.get("type")
    lo = main.get("minimum")
    return {
        "integer": int(lo) if lo is not None else 1,
        "number": float(lo) if lo is not None else 1.0,
        "boolean": False,
        "array": [],
        "object": {},
    }.get(t, text[: main.get("maxLength") or 200])


def page_args(schema: dict[str, Any], page: int, limit: int, cursor: Any = None) -> dict[str, Any]:
    """The limit and page/offset/cursor arguments for page ``page`` (1-based) of a listing."""
    props = props_of(schema)
    out: dict[str, Any] = {}
    if "limit" in props:
        top = main_schema(props["limit"]).get("maximum")
        out["limit"] = int(min(limit, top)) if isinstance(top, (int, float)) else limit
    size = out.get("limit", 20)
    if page > 1:
        if "page" in props:
            out["page"] = page
        elif "offset" in props:
            out["offset"] = (page - 1) * size
        elif "cursor" in props and cursor is not None:
            out["cursor"] = cursor
    return out


def has_more(result: dict[str, Any], fetched: int) -> bool:
    """Whether a listing result says more pages follow (``has_more``, ``next_cursor`` or ``total``)."""
    if "has_more" in result:
        return bool(result["has_more"])
    if "next_cursor" in result:
        return result["next_cursor"] not in (None, "")
    total = result.get("total")
    return isinstance(total, int) and fetched < total


def recall_row(
    seen: list[tuple[tuple[str, ...], dict[str, Any]]], label: str, name: str | None
) -> dict[str, Any] | None:
    """The latest of the ``(label words, record)`` pairs ``seen`` whose record is a ``label`` called ``name``
    (any name when ``None``); failing that, the latest record of any type with that name."""
    want = tuple(label_words(label))
    for rows in ([r for k, r in reversed(seen) if k == want], [r for _, r in reversed(seen)]):
        for row in rows:
            if name is None or matches(row, name) >= 2:
                return row
    return None
