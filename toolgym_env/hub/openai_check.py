"""What OpenAI's chat API refuses in a function tool, checked offline.

The API answers 400 for a tool whose name is outside ``[A-Za-z0-9_-]{1,64}``, whose description is over 1,024
characters, whose ``parameters`` is not an object schema, whose schema has an array without ``items`` (or with
the tuple form ``items: [...]``), a ``$ref`` that does not resolve inside the schema, or a keyword value of
the wrong JSON type. :func:`openai_tool_problems` lists each such problem, so a test can hold every tool the
chat adapter builds to it without a network.
"""

from __future__ import annotations

import re
from typing import Any

from toolgym_env.hub.schema_refs import ref_target

NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_DESCRIPTION = 1024
_SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "$defs", "definitions", "patternProperties")
_NOWHERE = object()  # what ref_target gives for a reference that names nothing (None is a node it may find)


def _resolves(root: dict[str, Any], ref: str) -> bool:
    return ref_target(root, ref, _NOWHERE) is not _NOWHERE


def schema_problems(schema: Any, root: dict[str, Any] | None = None, at: str = "parameters") -> list[str]:
    """Problems OpenAI reports for a (sub-)schema at ``at``.

    Example:
        >>> schema_problems({"type": "object", "properties": {"tags": {"type": "array"}}})
        ['parameters.properties.tags: array schema missing items']
    """
    if isinstance(schema, bool):
        return []
    if not isinstance(schema, dict):
        return [f"{at}: a schema must be an object or a boolean"]
    root = schema if root is None else root
    out = []
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "array" in kinds:
        if "items" not in schema and "prefixItems" not in schema:
            out.append(f"{at}: array schema missing items")
        elif isinstance(schema.get("items"), list):
            out.append(f"{at}.items: a list is not a schema (tuple-form items)")
    if "$ref" in schema and not (isinstance(schema["$ref"], str) and _resolves(root, schema["$ref"])):
        out.append(f"{at}.$ref: does not resolve inside the schema")
    if "required" in schema and not (
        isinstance(schema["required"], list) and all(isinstance(r, str) for r in schema["required"])
    ):
        out.append(f"{at}.required: must be a list of strings")
    if "enum" in schema and not (isinstance(schema["enum"], list) and schema["enum"]):
        out.append(f"{at}.enum: must be a non-empty list")
    for key in _SCHEMA_MAPS:
        if key in schema:
            if not isinstance(schema[key], dict):
                out.append(f"{at}.{key}: must be an object")
                continue
            for name, sub in schema[key].items():
                out += schema_problems(sub, root, f"{at}.{key}.{name}")
    for key in _SCHEMA_LISTS:
        if key in schema:
            if not isinstance(schema[key], list):
                out.append(f"{at}.{key}: must be a list")
                continue
            for i, sub in enumerate(schema[key]):
                out += schema_problems(sub, root, f"{at}.{key}[{i}]")
    for key in ("items", "additionalProperties", "not", "contains"):
        if isinstance(schema.get(key), dict):
            out += schema_problems(schema[key], root, f"{at}.{key}")
    return out


def openai_tool_problems(tool: Any) -> list[str]:
    """Every reason the chat API would refuse ``tool`` (``{"type": "function", "function": {...}}``); ``[]``
    if none.

    Example:
        >>> openai_tool_problems({"type": "function", "function": {"name": "files.read",
        ...     "parameters": {"type": "object", "properties": {}}}})
        ["function.name: 'files.read' must match ^[A-Za-z0-9_-]{1,64}$"]
    """
    if (
        not isinstance(tool, dict)
        or tool.get("type") != "function"
        or not isinstance(tool.get("function"), dict)
    ):
        return ["a tool must be {'type': 'function', 'function': {...}}"]
    fn = tool["function"]
    out = []
    name = fn.get("name")
    if not isinstance(name, str) or not NAME.match(name):
        out.append(f"function.name: {name!r} must match {NAME.pattern}")
    desc = fn.get("description")
    if desc is not None and (not isinstance(desc, str) or len(desc) > MAX_DESCRIPTION):
        out.append(f"function.description: must be a string of at most {MAX_DESCRIPTION} characters")
    params = fn.get("parameters")
    if params is not None:
        if not isinstance(params, dict) or params.get("type") != "object":
            out.append("function.parameters: must be a schema of type 'object'")
        else:
            out += schema_problems(params)
    return out
