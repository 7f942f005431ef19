"""One part of a verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Check:
    """One part of a verdict: what was checked (``kind``: change, fact, collateral or constraint), whether it
    held, why not, and whether it is hard (gates success) or soft (scales the reward).

    ``target`` and ``detail`` never quote expected values or ids, so they are safe to show an agent;
    ``secret`` holds what they leave out (the expected id, value or matcher), shown only when asked for.
    """

    kind: str
    target: str
    passed: bool
    detail: str = ""
    hard: bool = True
    secret: str = ""

    def to_dict(self, reveal: bool = False) -> dict[str, Any]:
        """A JSON-ready form; ``reveal`` adds the expected values (``expected``)."""
        out = {
            "kind": self.kind,
            "target": self.target,
            "passed": self.passed,
            "detail": self.detail,
            "hard": self.hard,
        }
        if reveal and self.secret:
            out["expected"] = self.secret
        return out
