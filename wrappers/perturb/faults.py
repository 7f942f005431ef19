"""The faults themselves: what a blocked call returns, and how a successful response is damaged.

Blocked calls never reach the tool, so the world is untouched. Damaged responses come from a call that ran
normally: the world holds its effect, only what the agent reads is wrong (part of a list, a garbled field, a
cut text, an old copy). Each message starts with an HTTP-like code so a client can tell faults apart.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import numpy as np

from toolgym_env.hub.result import ToolResult

#: Marks the end of a truncated response.
TRUNCATED_MARK = "…[response truncated]"
#: The character a corrupted field is garbled with (U+FFFD, as a bad decode shows it).
GARBLE = "\ufffd"


def timeout_error(tool: str, seconds: float) -> ToolResult:
    """504: the call took too long and was dropped."""
    return ToolResult.error(
        f"Error 504 (timeout): {tool} did not respond within {seconds:g} s; the request was "
        "not processed. Retrying may succeed."
    )


def rate_limit_error(app: str, retry_after: float) -> ToolResult:
    """429 with the seconds to wait."""
    return ToolResult.error(
        f"Error 429 (rate limited): too many requests to {app}; retry after "
        f"{int(np.ceil(retry_after))} s (use the wait tool, or do other work first)."
    )


def unavailable_error(app: str) -> ToolResult:
    """503: the app's server is down for now."""
    return ToolResult.error(f"Error 503 (unavailable): {app} is temporarily unavailable; try again shortly.")


def session_error(app: str, refresh_tool: str) -> ToolResult:
    """401: the app's session expired; ``refresh_tool`` renews it."""
    return ToolResult.error(
        f"Error 401 (session expired): your {app} session has expired; call {refresh_tool} "
        "to re-authenticate, then retry."
    )


def _largest_list(data: dict[str, Any]) -> str | None:
    best, size = None, 1
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and len(value) > size:
            best, size = key, len(value)
    return best


def can_partial(result: ToolResult) -> bool:
    """A successful result with a list of at least two items at its top level."""
    return (
        not result.is_error
        and isinstance(result.structured, dict)
        and _largest_list(result.structured) is not None
    )


def partial_failure(
    result: ToolResult, rng: np.random.Generator, keep: tuple[float, float]
) -> tuple[ToolResult, dict[str, Any]]:
    """Keep the first part of the largest list and report an error for the rest."""
    data = copy.deepcopy(result.structured)
    key = _largest_list(data)
    items = data[key]
    kept = min(len(items) - 1, max(1, int(len(items) * rng.uniform(*keep))))
    data[key] = items[:kept]
    data["partial_failure"] = {
        "field": key,
        "returned": kept,
        "failed": len(items) - kept,
        "error": "Error 503 (unavailable): a backend shard failed for the remaining items; "
        "retry the call to fetch them.",
    }
    return ToolResult.ok(data), {"field": key, "returned": kept, "failed": len(items) - kept}


def _string_paths(value: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [p for k in sorted(value) for p in _string_paths(value[k], path + (k,))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _string_paths(v, path + (i,))]
    return [path] if isinstance(value, str) and len(value) >= 3 else []


def can_corrupt(result: ToolResult) -> bool:
    """A successful result with a text field (ids included) to garble."""
    return (
        not result.is_error and isinstance(result.structured, dict) and bool(_string_paths(result.structured))
    )


def corrupt(result: ToolResult, rng: np.random.Generator) -> tuple[ToolResult, dict[str, Any]]:
    """Garble one text field of the response, ids included (the world keeps the true value)."""
    data = copy.deepcopy(result.structured)
    paths = _string_paths(data)
    path = paths[int(rng.integers(len(paths)))]
    node = data
    for part in path[:-1]:
        node = node[part]
    value = node[path[-1]]
    mask = rng.random(len(value)) < 0.6
    mask[int(rng.integers(len(value)))] = True
    node[path[-1]] = "".join(GARBLE if m else ch for ch, m in zip(value, mask))
    return ToolResult.ok(data), {"field": ".".join(map(str, path))}


def can_truncate(result: ToolResult) -> bool:
    """A successful result long enough to cut."""
    return not result.is_error and len(result.text) >= 40


def truncate(
    result: ToolResult, rng: np.random.Generator, keep: tuple[float, float]
) -> tuple[ToolResult, dict[str, Any]]:
    """Cut the response text (the structured content is lost with it)."""
    n = max(1, int(len(result.text) * rng.uniform(*keep)))
    return ToolResult(result.text[:n] + TRUNCATED_MARK, None, False), {
        "kept_chars": n,
        "total_chars": len(result.text),
    }


def mark_stale(result: ToolResult, as_of: str) -> ToolResult:
    """A response served from a cache of the world as it was at ``as_of``."""
    if result.is_error:
        return ToolResult.error(f"{result.text} (served from a cache as of {as_of})")
    data = dict(result.structured or {})
    data["_cache"] = {"stale": True, "as_of": as_of}
    return ToolResult.ok(data)


def compact(schema: dict[str, Any]) -> str:
    """A schema as one line of JSON (for error messages)."""
    return json.dumps(schema, separators=(",", ":"), sort_keys=True)
