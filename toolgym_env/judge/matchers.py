"""Value matchers used by goal expectations (``{"$contains": "Paris"}``, ``{"$approx": 12.5}``, ...)."""

from __future__ import annotations

import re
from typing import Any

from toolgym_env.errors import TaskFileError
from toolgym_env.judge.values import has_tokens, number_of, numbers_in, same_number


def normalize_text(text: str) -> str:
    """Lower-case, drop thousands separators and currency signs, collapse whitespace."""
    text = text.lower().replace("$", " ").replace("€", " ").replace("£", " ")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def contains_fact(answer: str, fact: str) -> bool:
    """Whether ``answer`` states ``fact``: a number by value (``1234.50`` matches ``1,234.5``, ``five``
    matches ``5``), anything else as a whole-word run, ignoring case, accents, ``_`` and ``-``. A blank fact
    is never stated.

    Example:
        >>> contains_fact("Nonetheless, 1,234.5 USD", "1234.50"), contains_fact("nonetheless", "none")
        (True, False)
    """
    if not fact or not fact.strip():
        return False
    target = number_of(fact)
    if target is not None and re.fullmatch(r"[\s$€£]*-?[\d,]+(?:\.\d+)?\s*", fact):
        return any(same_number(n, target) for n in numbers_in(answer))
    return has_tokens(answer, fact)


def match_value(actual: Any, expected: Any) -> bool:
    """Whether a column value satisfies a matcher (a plain value means equality)."""
    if isinstance(expected, dict) and expected and all(k.startswith("$") for k in expected):
        for op, arg in expected.items():
            if op == "$tol":
                continue
            if not _match_op(op, arg, actual, expected):
                return False
        return True
    if isinstance(expected, float) or isinstance(actual, float):
        try:
            return abs(float(actual) - float(expected)) < 0.005
        except (TypeError, ValueError):
            return False
    return actual == expected


def _match_op(op: str, arg: Any, actual: Any, spec: dict[str, Any]) -> bool:
    if op == "$any":
        return actual is not None
    if op == "$contains":
        return isinstance(actual, str) and str(arg) in actual
    if op == "$icontains":
        return isinstance(actual, str) and normalize_text(str(arg)) in normalize_text(actual)
    if op == "$approx":
        try:
            return abs(float(actual) - float(arg)) <= float(spec.get("$tol", 0.01))
        except (TypeError, ValueError):
            return False
    if op == "$mentions":
        return isinstance(actual, str) and contains_fact(actual, str(arg))
    if op == "$in":
        return actual in arg
    if op == "$all":
        return all(match_value(actual, item) for item in arg)
    if op == "$has":
        return isinstance(actual, list) and any(match_value(item, arg) for item in actual)
    if op == "$gte":
        return actual is not None and actual >= arg
    if op == "$lte":
        return actual is not None and actual <= arg
    raise TaskFileError(f"unknown matcher {op!r}")


def match_row(row: dict[str, Any] | None, where: dict[str, Any]) -> bool:
    """Whether every column named in ``where`` satisfies its matcher."""
    if row is None:
        return False
    return all(col in row and match_value(row[col], exp) for col, exp in where.items())
