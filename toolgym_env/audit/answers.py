"""Honest final answers composed from a task's typed facts, in other words and formats than the oracle's.

Each fact becomes one report line ``(label, text)``: the label is the fact's key (for older untyped facts, the
matching key of a JSON ``output_format`` constraint, else ``result N``), the text is the value as a renderer
writes it. The lines are written in the task's ``output_format`` (json, bullets, numbered) when it has one,
and anything a ``tradeoff`` or ``response_content`` constraint needs stated is added when the facts left it
out.

Example:
    >>> number_words("63000000.00", "money"), number_words("5", "integer"), number_words("1250", "integer")
    ('63 million', 'five', 'one thousand two hundred fifty')
    >>> date_words("2026-03-04", "date"), date_words("09:00", "time"), date_words("14:30", "time")
    ('4 March 2026', '9 am', '2:30 pm')
    >>> enum_words("in_progress", "enum")
    'In Progress'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from toolgym_env.judge.matchers import contains_fact
from toolgym_env.tasks.engine.compose import answer_keys, write_answer
from toolgym_env.tasks.schema import Fact, Task
from toolgym_env.world.seeding import MONTHS

Render = Callable[[str, str], str]
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def as_is(value: str, kind: str) -> str:
    """The value as the task states it."""
    return value


def _words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        return _ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + _words(n % 100))
    return _words(n // 1000) + " thousand" + ("" if n % 1000 == 0 else " " + _words(n % 1000))


def number_words(value: str, kind: str) -> str:
    """Integers below a million as words ("five"); whole millions as "63 million"; other values as they
    are."""
    if kind not in ("integer", "decimal", "money"):
        return value
    try:
        number = float(value.replace(",", "").lstrip("$"))
    except ValueError:
        return value
    if number != int(number) or number < 0:
        return value
    n = int(number)
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000} million"
    if kind == "integer" and n < 1_000_000:
        return _words(n)
    return value


def date_words(value: str, kind: str) -> str:
    """Dates as "4 March 2026", times as "9 am" / "2:30 pm", date-times as both."""
    date = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    clock = re.search(r"(?:^|T|\s)(\d{2}):(\d{2})", value)
    parts = []
    if kind in ("date", "datetime") and date:
        y, m, d = (int(x) for x in date.groups())
        parts.append(f"{d} {MONTHS[m - 1]} {y}")
    if kind in ("time", "datetime") and clock:
        h, mi = (int(x) for x in clock.groups())
        half = "am" if h < 12 else "pm"
        h12 = h % 12 or 12
        parts.append(f"{h12} {half}" if mi == 0 else f"{h12}:{mi:02d} {half}")
    return " at ".join(parts) if parts else value


def enum_words(value: str, kind: str) -> str:
    """Enum values with spaces and capitals ("in_progress" → "In Progress")."""
    if kind != "enum":
        return value
    return " ".join(w.capitalize() for w in re.split(r"[_\s]+", value) if w)


def output_format(task: Task) -> Any:
    """The task's ``output_format`` constraint, or ``None``."""
    return next((c for c in task.constraints if c.type == "output_format"), None)


def labels(task: Task) -> list[str]:
    """What each fact is called in the answer (see the module docstring)."""
    facts = task.goal.answer_facts
    fmt = output_format(task)
    json_keys = list(fmt.keys) if fmt is not None and fmt.format == "json" else []
    out = []
    for i, fact in enumerate(facts):
        if fact.key:
            out.append(fact.key)
        elif len(json_keys) == len(facts):
            out.append(json_keys[i].replace("_", " "))
        else:
            out.append(f"result {i + 1}")
    return out


def fact_text(fact: Fact, render: Render) -> str:
    """A fact's value (a list fact's items joined) as ``render`` writes it."""
    if fact.type == "list" and fact.items:
        return ", ".join(render(item, "text") for item in fact.items)
    return render(fact.value, fact.type)


def required(task: Task) -> list[str]:
    """What the constraints ask the answer to state besides the facts (trade-off choice and evidence,
    content)."""
    out: list[str] = []
    for c in task.constraints:
        if c.type == "tradeoff":
            out += [c.chosen, *c.evidence]
        elif c.type == "response_content":
            out += list(c.must_include)
    return out


def report_lines(task: Task, render: Render = as_is) -> list[tuple[str, str]]:
    """One ``(label, text)`` line per fact, plus a line for each required item the facts leave out."""
    lines = [
        (label, fact_text(f, render)) for label, f in zip(labels(task), task.goal.answer_facts, strict=True)
    ]
    stated = " ; ".join(v for _, v in lines) + " ; " + " ; ".join(f.value for f in task.goal.answer_facts)
    for item in required(task):
        if not contains_fact(stated, item):
            lines.append(("also", item))
            stated += " ; " + item
    return lines


def compose(task: Task, render: Render = as_is, extra: list[tuple[str, str]] | None = None) -> str:
    """The facts written the oracle's way (``write_answer``), in the task's output format, plus ``extra``
    lines."""
    fmt = output_format(task)
    return write_answer(report_lines(task, render) + list(extra or []), fmt.format if fmt else None)


def reworded(task: Task, extra: list[tuple[str, str]] | None = None) -> str:
    """The same facts in another template ("Here is what I found — contacts handled: 5; …"), still in the
    task's output format: JSON keys in reverse order and indented, ``*`` bullets, ``1)`` numbering."""
    lines = report_lines(task) + list(extra or [])
    fmt = output_format(task)
    kind = fmt.format if fmt else None
    if kind == "json":
        data = dict(zip(answer_keys(lines), (v for _, v in lines)))
        return json.dumps(dict(reversed(list(data.items()))), indent=2, ensure_ascii=False)
    if kind == "bullets":
        return "Here is what I found:\n" + "\n".join(f"* {k} — {v}" for k, v in lines)
    if kind == "numbered":
        return "Here is what I found:\n" + "\n".join(f"{i}) {k} — {v}" for i, (k, v) in enumerate(lines, 1))
    return "Here is what I found — " + "; ".join(f"{k}: {v}" for k, v in lines) + ". All done."
