"""Parsing agent actions into ``(name, arguments)``: every malformed action becomes a message, never an
error."""

from __future__ import annotations

import json
from typing import Any

from toolgym_env.hub.dispatch import MAX_ARGUMENT_CHARS

_KEYS = {"name", "arguments"}
#: Deepest nesting of arguments accepted (objects and arrays inside one another); deeper input is refused.
MAX_DEPTH = 32


def value_depth(value: Any) -> int:
    """How deeply dicts and lists nest in ``value`` (iterative, so any depth is measured safely)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                return depth
            stack.extend((v, depth + 1) for v in (node.values() if isinstance(node, dict) else node))
    return deepest


def _arguments(arguments: Any) -> tuple[Any, str | None]:
    """Arguments as the tool will run them: a JSON-string object decoded (so what is recorded and judged is
    exactly what ran); too large, too deep or unserializable input refused. Other malformed arguments pass
    through unchanged; the tool's schema validation reports them."""
    if isinstance(arguments, str):
        if len(arguments) > MAX_ARGUMENT_CHARS:
            return None, f"Arguments too large: {len(arguments)} characters (limit {MAX_ARGUMENT_CHARS})."
        try:
            decoded = json.loads(arguments) if arguments.strip() else {}
        except RecursionError:
            return None, f"Arguments nested too deeply (limit {MAX_DEPTH} levels)."
        except ValueError:
            return arguments, None
        if value_depth(decoded) > MAX_DEPTH:
            return None, f"Arguments nested too deeply (limit {MAX_DEPTH} levels)."
        return (decoded if isinstance(decoded, dict) else arguments), None
    if arguments is not None and not isinstance(arguments, (dict, list)):
        return None, f"Arguments must be an object (dict or JSON string), got {type(arguments).__name__}."
    if arguments is not None:
        if value_depth(arguments) > MAX_DEPTH:
            return None, f"Arguments nested too deeply (limit {MAX_DEPTH} levels)."
        try:
            size = len(json.dumps(arguments, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError) as exc:
            return None, f"Arguments are not JSON-serializable: {str(exc)[:200]}"
        if size > MAX_ARGUMENT_CHARS:
            return None, f"Arguments too large: {size} characters (limit {MAX_ARGUMENT_CHARS})."
    return arguments, None


def parse_action(action: Any) -> tuple[str | None, Any, str | None]:
    """``(name, arguments, None)`` for a well-formed call, ``(name or None, None, problem)`` otherwise.

    Accepted forms: ``{"name": str, "arguments": dict | JSON string}`` (arguments optional), or the same
    object as a JSON string. Arguments given as a JSON string are decoded here; arguments over the size limit
    or nested deeper than :data:`MAX_DEPTH` are refused before anything runs. Arguments are validated later,
    against the tool's schema.
    """
    if isinstance(action, (str, bytes)):
        if len(action) > 2 * MAX_ARGUMENT_CHARS:
            return None, None, f"Action too large: {len(action)} characters."
        try:
            action = json.loads(action)
        except (ValueError, RecursionError, UnicodeDecodeError) as exc:
            return (
                None,
                None,
                f"Action is not valid JSON: {str(exc)[:200]}. "
                'Send {"name": "<tool>", "arguments": {...}}.',
            )
    if not isinstance(action, dict):
        return (
            None,
            None,
            f"Action must be an object with 'name' and 'arguments', got {type(action).__name__}.",
        )
    extra = [str(k)[:50] for k in action if k not in _KEYS]
    name = action.get("name")
    if extra:
        return (
            (name if isinstance(name, str) else None),
            None,
            f"Unexpected action field(s): {', '.join(extra)}. An action has only 'name' and 'arguments'.",
        )
    if not isinstance(name, str) or not name:
        return None, None, "Action needs a 'name': the tool to call (a non-empty string)."
    if len(name) > 200:
        return None, None, f"Tool name too long ({len(name)} characters)."
    arguments, problem = _arguments(action.get("arguments"))
    return name, arguments, problem
