"""Parsing agent actions into ``(name, arguments)``: every malformed action becomes a message, never an
error."""

from __future__ import annotations

import json
from typing import Any

from toolgym_env.hub.dispatch import MAX_ARGUMENT_CHARS, encode_object

_KEYS = {"name", "arguments"}
#: Deepest nesting of arguments accepted (objects and arrays inside one another); deeper input is refused.
MAX_DEPTH = 32


def value_depth(value: Any) -> int:
    """How deeply dicts and lists nest in ``value`` (iterative, so any depth is measured safely)."""
    if isinstance(value, dict):  # the common case first: a flat object of arguments
        for v in value.values():
            if isinstance(v, (dict, list)):
                break
        else:
            return 1
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                return depth
            stack.extend((v, depth + 1) for v in (node.values() if isinstance(node, dict) else node))
    return deepest


def _arguments(arguments: Any) -> tuple[Any, str | None, str | None]:
    """``(arguments, encoded, problem)``: arguments as the tool will run them (a JSON-string object decoded,
    so what is recorded and judged is exactly what ran), their JSON text when it was made here (an object
    given as a dict: the route validates that text rather than encoding the dict again), or the problem with
    too large, too deep or unserializable input. Other malformed arguments pass through unchanged; the tool's
    schema validation reports them."""
    if isinstance(arguments, str):
        if len(arguments) > MAX_ARGUMENT_CHARS:
            size = len(arguments)
            return None, None, f"Arguments too large: {size} characters (limit {MAX_ARGUMENT_CHARS})."
        try:
            decoded = json.loads(arguments) if arguments.strip() else {}
        except RecursionError:
            return None, None, f"Arguments nested too deeply (limit {MAX_DEPTH} levels)."
        except ValueError:
            return arguments, None, None
        if value_depth(decoded) > MAX_DEPTH:
            return None, None, f"Arguments nested too deeply (limit {MAX_DEPTH} levels)."
        return (decoded if isinstance(decoded, dict) else arguments), None, None
    if arguments is None:
        return None, None, None
    if not isinstance(arguments, (dict, list)):
        return (
            None,
            None,
            f"Arguments must be an object (dict or JSON string), got {type(arguments).__name__}.",
        )
    if value_depth(arguments) > MAX_DEPTH:
        return None, None, f"Arguments nested too deeply (limit {MAX_DEPTH} levels)."
    try:
        text = encode_object(arguments)
    except (TypeError, ValueError) as exc:
        return None, None, f"Arguments are not JSON-serializable: {str(exc)[:200]}"
    if len(text) > MAX_ARGUMENT_CHARS:
        return None, None, f"Arguments too large: {len(text)} characters (limit {MAX_ARGUMENT_CHARS})."
    return arguments, (text if isinstance(arguments, dict) else None), None


def parse_action(action: Any) -> tuple[str | None, Any, str | None]:
    """``(name, arguments, None)`` for a well-formed call, ``(name or None, None, problem)`` otherwise.

    Accepted forms: ``{"name": str, "arguments": dict | JSON string}`` (arguments optional), or the same
    object as a JSON string. Arguments given as a JSON string are decoded here; arguments over the size limit
    or nested deeper than :data:`MAX_DEPTH` are refused before anything runs. Arguments are validated later,
    against the tool's schema.
    """
    name, arguments, _, problem = parse_call(action)
    return name, arguments, problem


def parse_call(action: Any) -> tuple[str | None, Any, str | None, str | None]:
    """:func:`parse_action` plus the arguments' JSON text when parsing made it (``(name, arguments, encoded,
    problem)``; ``encoded`` is ``None`` unless the arguments came as a dict): the env hands it to the direct
    route, which then validates without encoding them a second time."""
    if isinstance(action, (str, bytes)):
        if len(action) > 2 * MAX_ARGUMENT_CHARS:
            return None, None, None, f"Action too large: {len(action)} characters."
        try:
            action = json.loads(action)
        except (ValueError, RecursionError, UnicodeDecodeError) as exc:
            return (
                None,
                None,
                None,
                f"Action is not valid JSON: {str(exc)[:200]}. "
                'Send {"name": "<tool>", "arguments": {...}}.',
            )
    if not isinstance(action, dict):
        return (
            None,
            None,
            None,
            f"Action must be an object with 'name' and 'arguments', got {type(action).__name__}.",
        )
    name = action.get("name")
    if not action.keys() <= _KEYS:
        extra = [str(k)[:50] for k in action if k not in _KEYS]
        return (
            (name if isinstance(name, str) else None),
            None,
            None,
            f"Unexpected action field(s): {', '.join(extra)}. An action has only 'name' and 'arguments'.",
        )
    if not isinstance(name, str) or not name:
        return None, None, None, "Action needs a 'name': the tool to call (a non-empty string)."
    if len(name) > 200:
        return None, None, None, f"Tool name too long ({len(name)} characters)."
    arguments, encoded, problem = _arguments(action.get("arguments"))
    return name, arguments, encoded, problem
