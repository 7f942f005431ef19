"""Records as the heuristic agent reads them (which item a name refers to, how a record is called, how a value
is stated) and the final answer it writes from what it found, in the format the user asked for.

Example:
    >>> show(63000000.0), show(True), display({"id": "d1", "title": "Q3 plan"})
    ('63000000.00', 'yes', 'Q3 plan')
    >>> compose_answer([("chosen deal", "Acme")], [], Prefs(json_keys=["chosen_deal"]), [])
    '{"chosen_deal": "Acme"}'
"""

from __future__ import annotations

import json
import re
from typing import Any

from toolgym_env.agents.heuristic_parse import Prefs
from toolgym_env.tasks.grammar import show as stated

NAME_KEYS = (
    "name",
    "title",
    "subject",
    "display_name",
    "full_name",
    "username",
    "handle",
    "label",
    "headline",
    "summary",
    "code",
    "number",
    "symbol",
    "domain",
    "hostname",
    "email",
)


def show(value: Any) -> str:
    """A value as an answer states it, the way requests state values (:func:`toolgym_env.tasks.grammar.show`:
    booleans as yes/no, floats with two decimals); a missing value is ``""``."""
    return "" if value is None else stated(value)


def display(row: dict[str, Any]) -> str:
    """What a record is called: its name-like field (``name``, ``title``, ...), else a first/last name, else
    its id."""
    for key in NAME_KEYS:
        if isinstance(row.get(key), str) and row[key]:
            return row[key]
    if isinstance(row.get("first_name"), str):
        return f"{row['first_name']} {row.get('last_name') or ''}".strip()
    return str(row.get("id", ""))


def items_of(result: Any) -> list[dict[str, Any]]:
    """The records of a listing or search result (its ``items``, or the first list of objects in it)."""
    if isinstance(result, list):
        return [r for r in result if isinstance(r, dict)]
    if not isinstance(result, dict):
        return []
    if isinstance(result.get("items"), list):
        return [r for r in result["items"] if isinstance(r, dict)]
    for value in result.values():
        if isinstance(value, list) and value and all(isinstance(r, dict) for r in value):
            return value
    return []


def matches(row: dict[str, Any], name: str) -> int:
    """How well ``row`` is the record called ``name``: 3 exact, 2 ignoring case, 1 contained, 0 not at all."""
    best = 0
    texts = [v for v in row.values() if isinstance(v, str)]
    if isinstance(row.get("first_name"), str):
        texts.append(f"{row['first_name']} {row.get('last_name') or ''}".strip())
    for v in texts:
        if v == name:
            return 3
        if v.lower() == name.lower():
            best = max(best, 2)
        elif name.lower() in v.lower():
            best = max(best, 1)
    return best


def pick_named(items: list[dict[str, Any]], name: str, strict: bool = False) -> dict[str, Any] | None:
    """The item best called ``name`` (the first one on ties); the first item when none is (unless
    ``strict``)."""
    scored = [(matches(r, name), -i, r) for i, r in enumerate(items)]
    best = max(scored, key=lambda x: (x[0], x[1]), default=None)
    if best is None or best[0] == 0 and strict:
        return None
    return best[2]


def slug(label: str) -> str:
    """A JSON key for an answer line (``"chosen deal"`` → ``"chosen_deal"``)."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "value"


def _lines(
    facts: list[tuple[str, str]], extras: list[tuple[str, str]], mentions: list[str]
) -> list[tuple[str, str]]:
    lines = list(facts) + [e for e in extras if e not in facts]
    return lines + [("also", m) for m in mentions if all(m != v for _, v in lines)]


def compose_answer(
    facts: list[tuple[str, str]], extras: list[tuple[str, str]], prefs: Prefs, notes: list[str]
) -> str:
    """The final answer: every fact found (plus asked-for extras and mentions) as JSON with the requested
    keys, as a bulleted/numbered list of at least the requested length, or as prose, followed by what was
    done."""
    lines = _lines(facts, extras, prefs.mentions)
    if prefs.json_keys is not None:
        out: dict[str, str] = {}
        free = [line for line in lines if slug(line[0]) not in prefs.json_keys]
        for key in prefs.json_keys:
            value = next((v for k, v in lines if slug(k) == key), None)
            if value is None and free:
                value = free.pop(0)[1]
            out[key] = value if value is not None else ""
        for k, v in free:
            key = slug(k)
            while key in out:
                key += "_"
            out[key] = v
        if notes:
            out.setdefault("summary", " ".join(notes))
        return json.dumps(out, ensure_ascii=False)
    body = [f"{k}: {v}" for k, v in lines]
    if prefs.list_format:
        body += notes[: max(0, prefs.min_items - len(body))]
        while len(body) < prefs.min_items:
            body.append("Nothing else to report.")
        mark = (lambda i: f"{i}.") if prefs.list_format == "numbered" else (lambda i: "-")
        return "\n".join(f"{mark(i)} {line}" for i, line in enumerate(body, start=1))
    text = "Done. " + "; ".join(f"The {k} is {v}" for k, v in lines) + "." if lines else "Done."
    return text + (" " + " ".join(notes) if notes else "")
