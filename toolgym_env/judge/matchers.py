"""Value matchers used by goal expectations (``{"$contains": "Paris"}``, ``{"$approx": 12.5}``, ...)."""

from __future__ import annotations

import re
from typing import Any


def normalize_text(text: str) -> str:
    """Lower-case, drop thousands separators and currency signs, collapse whitespace."""
    text = text.lower().replace("$", " ").replace("€", " ").replace("£", " ")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def contains_fact(answer: str, fact: str) -> bool:
    """Whether ``answer`` states ``fact`` (case-, spacing- and number-format-insensitive substring).

    A numeric fact such as ``"1234.50"`` also matches ``1,234.5``.
    """
    norm_answer = normalize_text(answer)
    norm_fact = normalize_text(fact)
    if norm_fact in norm_answer:
        return True
    try:
        target = float(norm_fact)
    except ValueError:
        return False
    for token in re.findall(r"-?\d+(?:\.\d+)?", norm_answer):
        if abs(float(token) - target) < 0.005:
            return True
    return False


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
    if op == "$has":
        return isinstance(actual, list) and any(match_value(item, arg) for item in actual)
    if op == "$gte":
        return actual is not None and actual >= arg
    if op == "$lte":
        return actual is not None and actual <= arg
    raise ValueError(f"unknown matcher {op!r}")


def match_row(row: dict[str, Any] | None, where: dict[str, Any]) -> bool:
    """Whether every column named in ``where`` satisfies its matcher."""
    if row is None:
        return False
    return all(col in row and match_value(row[col], exp) for col, exp in where.items())
