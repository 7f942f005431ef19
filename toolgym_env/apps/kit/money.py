"""Amounts of money as floats rounded to cents."""

from __future__ import annotations


def money(x: float) -> float:
    """``x`` rounded to cents, a half cent up despite binary floats (``money(0.125) == 0.13``)."""
    return round(x + 1e-9, 2)
