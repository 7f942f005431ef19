"""Reading what came back from a tool call (shared by the heuristic agent and the retrying oracle): a usable
result, a degraded one worth asking again, or an error and what to do about it (retry, wait, refresh the
session, adapt the arguments to a changed schema, give up).

Any error text is handled; the well-known transient ones get a specific remedy:

    >>> limited = "Error 429 (rate limited): too many calls; retry after 7 s."
    >>> read_outcome({"is_error": 1, "result": limited}).seconds
    7.0
    >>> expired = "Error 401 (session expired): call crm__refresh_session."
    >>> read_outcome({"is_error": 1, "result": expired}).tool
    'crm__refresh_session'
    >>> read_outcome({"is_error": 0, "result": '{"items": []}'}).kind
    'ok'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

#: Most remedies (waits, refreshes, retries) the heuristic agent spends on one call before it counts as
#: failed.
MAX_RETRIES = 4

_RETRY_AFTER = re.compile(r"retry(?:ing)? after (\d+(?:\.\d+)?)\s*(?:s\b|sec|second)", re.IGNORECASE)
_REFRESH_TOOL = re.compile(r"call (?:the tool )?[`'\"]?([\w.-]+__[\w.-]+)")
_RENAMED = re.compile(
    r"""['"`]([^'"`]+)['"`] (?:was|has been|is now) renamed (?:to|as) ['"`]([^'"`]+)['"`]""", re.IGNORECASE
)
_REQUIRED = re.compile(
    r"""(?:new )?required (?:parameter|argument|field) ['"`]([^'"`]+)['"`]"""
    r"""(?:[^'"`]*?\(?value ['"`]([^'"`]*)['"`])?""",
    re.IGNORECASE,
)


@dataclass
class Outcome:
    """What a call's observation means for the agent.

    ``kind``: ``ok`` (``data`` holds the parsed result), ``degraded`` (worth one more identical call; ``data``
    is what could be read), ``retry`` (call again as is), ``wait`` (``seconds``, then call again), ``refresh``
    (call ``tool``, then call again), ``adapt`` (apply ``renames``/``additions`` to the arguments, call again)
    or ``fail`` (an ordinary error such as a validation error or a missing record; ``text`` says which).
    """

    kind: str
    data: Any = None
    text: str = ""
    seconds: float = 0.0
    tool: str = ""
    renames: dict[str, str] = field(default_factory=dict)
    additions: dict[str, Any] = field(default_factory=dict)


def parse_json(text: str) -> Any:
    """``text`` as JSON, or ``None``."""
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None


def read_error(text: str) -> Outcome:
    """The remedy for an error message."""
    low = text.lower()
    if re.search(r"\b(?:error|status|http) 429\b|\brate[- ]limited\b|too many requests", low):
        m = _RETRY_AFTER.search(text)
        return Outcome("wait", text=text, seconds=float(m.group(1)) if m else 1.0)
    if re.search(r"\b(?:error|status|http) 401\b|session (?:has )?expired|\bunauthori[sz]ed\b", low):
        m = _REFRESH_TOOL.search(text)
        return Outcome("refresh", text=text, tool=m.group(1).rstrip(".") if m else "")
    renames = {a: b for a, b in _RENAMED.findall(text)}
    additions = {p: v for p, v in _REQUIRED.findall(text) if v}
    if renames or additions:
        return Outcome("adapt", text=text, renames=renames, additions=additions)
    if re.search(
        r"\b(?:error|status|http) 50\d\b|\(timeout\)|\btimed out\b|\(unavailable\)|"
        r"service unavailable|temporarily unavailable|not processed|"
        r"try again later",
        low,
    ):
        return Outcome("retry", text=text)
    return Outcome("fail", text=text)


def read_outcome(obs: dict[str, Any]) -> Outcome:
    """What the observation of a call means (see :class:`Outcome`)."""
    text = str(obs.get("result", "") or "")
    if obs.get("is_error"):
        return read_error(text)
    data = parse_json(text)
    garbled = "\ufffd" in text or "\\ufffd" in text.lower()
    if data is None:
        degraded = text.rstrip().endswith("[response truncated]") or garbled
        return Outcome("degraded" if degraded else "ok", data=None, text=text)
    if garbled:
        return Outcome("degraded", data=data, text=text)
    if isinstance(data, dict) and (
        "partial_failure" in data or isinstance(data.get("_cache"), dict) and data["_cache"].get("stale")
    ):
        return Outcome("degraded", data=data, text=text)
    return Outcome("ok", data=data, text=text)


def adapt_arguments(
    args: dict[str, Any], renames: dict[str, str], additions: dict[str, Any]
) -> dict[str, Any]:
    """``args`` with renamed parameters and added ones (a schema change concerns top-level parameters)."""
    if not isinstance(args, dict):
        return args
    out = {renames.get(k, k): v for k, v in args.items()}
    for k, v in additions.items():
        out.setdefault(k, v)
    return out
