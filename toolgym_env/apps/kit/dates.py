"""Dates in tool arguments and rows: ``YYYY-MM-DD`` days and ``...Z`` UTC timestamps, as strings.

Worlds store days as ISO strings and instants as ISO-8601 UTC with a ``Z``; these helpers read them, check
them (a bad value is a :class:`ToolError` naming the argument, so the agent sees what to fix) and step them.

Example:
    >>> plus_days("2026-02-27", 3)
    '2026-03-02'
    >>> valid_day(None, "2026-03-02")
    '2026-03-02'
    >>> format_stamp(parse_stamp("2026-03-02T09:00:00Z"))
    '2026-03-02T09:00:00Z'
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from toolgym_env.errors import ToolError

#: ``strftime`` format of a world timestamp (UTC, whole seconds).
STAMP = "%Y-%m-%dT%H:%M:%SZ"


def parse_day(value: str, field: str, *, stamp: bool = False, hint: bool = True) -> date:
    """``value`` as a date; with ``stamp``, the day an ISO timestamp starts with.

    Raises:
        ToolError: ``value`` is not a valid date; the message names ``field`` (and, with ``hint``, the
            ``YYYY-MM-DD`` format).
    """
    try:
        return date.fromisoformat(value[:10] if stamp else value)
    except ValueError:
        raise ToolError(f"{field}: '{value}' is not a valid date{' (YYYY-MM-DD)' if hint else ''}.") from None


def valid_day(value: str | None, default: str, field: str = "date") -> str:
    """``value`` unchanged once checked to be a valid date, or ``default`` when it is empty."""
    if not value:
        return default
    parse_day(value, field)
    return value


def plus_days(day: str, n: int) -> str:
    """The ``YYYY-MM-DD`` day ``n`` days after ``day`` (before it when ``n`` is negative)."""
    return (date.fromisoformat(day) + timedelta(days=n)).isoformat()


def parse_stamp(ts: str) -> datetime:
    """A world timestamp (``...Z``) as an aware UTC datetime."""
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def format_stamp(dt: datetime) -> str:
    """``dt`` written as a world timestamp (``YYYY-MM-DDTHH:MM:SSZ``)."""
    return dt.strftime(STAMP)
