"""Parsing agent actions into ``(name, arguments)``: every malformed action becomes a message, never an error."""

from __future__ import annotations

import json
from typing import Any

from toolgym_env.hub.dispatch import MAX_ARGUMENT_CHARS

_KEYS = {"name", "arguments"}


def parse_action(action: Any) -> tuple[str | None, Any, str | None]:
    """``(name, arguments, None)`` for a well-formed call, ``(name or None, None, problem)`` otherwise.

    Accepted forms: ``{"name": str, "arguments": dict | JSON string}`` (arguments optional), or the same
    object as a JSON string. Arguments are validated later, against the tool's schema.
    """
    if isinstance(action, (str, bytes)):
        if len(action) > 2 * MAX_ARGUMENT_CHARS:
            return None, None, f"Action too large: {len(action)} characters."
        try:
            action = json.loads(action)
        except (ValueError, RecursionError, UnicodeDecodeError) as exc:
            return None, None, f"Action is not valid JSON: {str(exc)[:200]}. " \
                               'Send {"name": "<tool>", "arguments": {...}}.'
    if not isinstance(action, dict):
        return None, None, f"Action must be an object with 'name' and 'arguments', got {type(action).__name__}."
    extra = [str(k)[:50] for k in action if k not in _KEYS]
    name = action.get("name")
    if extra:
        return (name if isinstance(name, str) else None), None, \
            f"Unexpected action field(s): {', '.join(extra)}. An action has only 'name' and 'arguments'."
    if not isinstance(name, str) or not name:
        return None, None, "Action needs a 'name': the tool to call (a non-empty string)."
    if len(name) > 200:
        return None, None, f"Tool name too long ({len(name)} characters)."
    return name, action.get("arguments"), None
