"""Grading a final answer fact by fact, as typed values, with distractors.

The rules (the README's "How the judge grades" repeats them):

- **Clauses.** The answer is cut into clauses: the key/value pairs of a JSON object, otherwise lines,
  sentences, ``;``, ``,`` and ``and`` (never inside a number or a date); a clause that names no fact's key
  goes on with the clause before it in the same sentence ("refund: 165.98, 127.99" states both as the refund).
  Words after a negation (``not``, ``never``, ``instead of``, ``rather than``, ``except``, ``other than``,
  ``unlike``, ``as opposed to``) are *denied*: they neither state a fact nor assert a distractor ("I chose A,
  not B" states A only).
- **Stated as the fact.** A number, money amount, date, time, enum, yes/no or a value shorter than four
  characters counts only in a clause *about* the fact: one that names as many words of the fact's key as the
  answer's fullest mention of it, and no more words of another fact's key ("contacts handled: 5", "I handled
  five contacts"; "Updated the contact Client visit 1" is not about "contacts handled" when another clause
  names both words). Names, ids and longer text count
  anywhere in the answer. An empty key (older task files) needs no anchoring.
- **Typed values.** Numbers are compared as quantities (``five``, ``63 million``, ``63M``, ``1,234.50``,
  ``$12``), dates as calendar days (ISO, ``03/04/2026``, ``4 March 2026``), times as clock times (``9:00``,
  ``09:00``, ``9 am``), enums and text as whole-word runs ignoring case, ``_`` and ``-`` (``in progress`` is
  ``in_progress``; ``none`` is not in "nonetheless").
- **Precision.** A fact fails when the answer asserts one of its distractors where it would count for the
  fact (in a clause about it, or anywhere for names), so enumerating every candidate never passes.
  Tolerance: a distractor stated only after a negation is fine.

Example:
    >>> from toolgym_env.tasks.schema import Fact
    >>> count = Fact(key="contacts handled", value="5", type="integer", distractors=["3", "4", "6", "7"])
    >>> grade_facts([count], "I handled five contacts.")[0].passed
    True
    >>> grade_facts([count], "Done. 0 1 2 3 4 5 6 7 8 9")[0].passed
    False
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from toolgym_env.judge.values import (
    dates_in,
    fold,
    has_tokens,
    number_of,
    numbers_in,
    same_number,
    times_in,
    tokens,
)
from toolgym_env.tasks.schema import Fact

NUMERIC = frozenset({"integer", "decimal", "money"})
#: Types stated only in a clause about the fact.
ANCHORED = NUMERIC | {"date", "time", "datetime", "enum", "boolean"}
STOP = frozenset(
    "the a an of to in on for and or is are was were its it their chosen new my your this that "
    "with by at from as be which what how many much".split()
)
_NEGATION = re.compile(
    r"\b(?:not|never|instead of|rather than|except|excluding|other than|unlike|"
    r"as opposed to|isn't|wasn't|aren't|weren't|didn't|don't|doesn't|no longer)\b|n't\b"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A list marker at the start of a line ("1.", "2)", "-", "*", "•"): not a value.
_MARKER = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-*\u2022])[ \t]+", re.M)
_SPLIT = re.compile(r"\n+|;|(?<=[.!?])\s+|,(?!\d{3}\b)(?!\s*\d{4}\b)|\band\b")


@dataclass(frozen=True)
class FactResult:
    """How one fact fared: ``passed``, and ``reason`` when it did not (never quoting the expected value)."""

    fact: Fact
    passed: bool
    reason: str = ""


def stem(word: str) -> str:
    """A crude stem so ``contacts``/``contact`` and ``handled``/``handle`` meet."""
    for suffix, repl in (("ies", "y"), ("ed", ""), ("es", ""), ("s", ""), ("ing", "")):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)] + repl
    return word


def key_words(key: str) -> frozenset[str]:
    """The stemmed content words of a fact's key."""
    return frozenset(stem(w) for w in tokens(key) if w not in STOP)


def _json_clauses(answer: str) -> list[str] | None:
    text = answer.strip()
    fenced = re.fullmatch(r"```(?:json)?\s*(.*?)\s*```", text, re.S)
    try:
        data = json.loads(fenced.group(1) if fenced else text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    out = []
    for k, v in data.items():
        if isinstance(v, list):
            v = ", ".join(str(x) for x in v)
        elif isinstance(v, dict):
            v = json.dumps(v, ensure_ascii=False)
        out.append(f"{str(k).replace('_', ' ')}: {v}")
    return out


def _cut(part: str) -> tuple[str, str]:
    m = _NEGATION.search(fold(part))
    return (part[: m.start()], part[m.start() :]) if m else (part, "")


def clauses(answer: str) -> tuple[list[tuple[str, str, bool]], str]:
    """``(asserted, denied, continues)`` of each clause of ``answer`` (``continues``: the clause follows a
    ``,`` or ``and`` in the same sentence), and the whole answer with denied text left out (see the module
    docstring)."""
    parts = _json_clauses(answer)
    if parts is not None:
        cut = [(*_cut(p), False) for p in parts]
        return cut, " \n ".join(pos for pos, _, _ in cut)
    pieces = re.split(f"({_SPLIT.pattern})", _MARKER.sub("", answer))
    cut, whole, joined = [], [], False
    for i, piece in enumerate(pieces):
        if i % 2:
            whole.append(piece)
            joined = piece.strip() in (",", "and")
        elif piece and piece.strip():
            pos, neg = _cut(piece)
            cut.append((pos, neg, joined))
            whole.append(pos + " " * bool(neg))
    return cut, "".join(whole)


def states(fact_type: str, text: str, value: str) -> bool:
    """Whether ``text`` states ``value`` read as a value of ``fact_type``."""
    if fact_type in NUMERIC:
        target = number_of(value)
        if target is None:
            return has_tokens(text, value)
        return any(same_number(n, target, fact_type == "money") for n in numbers_in(text))
    if fact_type == "date":
        want = dates_in(value) or [value]
        return want[0] in dates_in(text)
    if fact_type == "time":
        want = times_in(value) or [value]
        return want[0] in times_in(text)
    if fact_type == "datetime":
        d, t = dates_in(value), times_in(value)
        return bool(d) and d[0] in dates_in(text) and (not t or t[0] in times_in(text))
    if fact_type == "boolean":
        yes = fold(value) in ("yes", "true")
        words = set(tokens(text))
        return bool(words & ({"yes", "true"} if yes else {"no", "false"}))
    if "@" not in value:  # "katherine.bryan@…" names no one called Bryan
        text = _EMAIL.sub(" ", text)
    return has_tokens(text, value)


def _values(fact: Fact) -> list[str]:
    return fact.items if fact.type == "list" and fact.items else [fact.value]


def _anchored(fact: Fact) -> bool:
    if not fact.key:
        return False
    if fact.type in ANCHORED:
        return True
    return any(len(re.sub(r"\W", "", v)) < 4 for v in _values(fact))


def _item_type(fact: Fact) -> str:
    return "text" if fact.type == "list" else fact.type


def grade_facts(facts: Sequence[Fact], answer: str | None) -> list[FactResult]:
    """One :class:`FactResult` per fact of ``answer`` (``None`` = no final answer)."""
    if answer is None or not answer.strip():
        return [FactResult(f, False, "no final answer") for f in facts]
    parts, whole = clauses(answer)
    keys = [key_words(f.key) for f in facts]
    rows: list[list[int]] = []
    for pos, _, continues in parts:
        row = [len(kw & {stem(w) for w in tokens(pos)}) for kw in keys]
        if not any(row) and continues and rows:  # "refund: 165.98, 127.99": goes on with the clause before
            row = rows[-1]
        rows.append(row)
    fullest = [max((row[i] for row in rows), default=0) for i in range(len(facts))]
    results = []
    for i, fact in enumerate(facts):
        if _anchored(fact):  # clauses naming the fact as fully as any clause does, and no other fact more
            about = [
                pos
                for (pos, _, _), row in zip(parts, rows)
                if row[i] and row[i] == fullest[i] and row[i] == max(row)
            ]
        else:
            about = [whole]
        kind = _item_type(fact)
        missing = [
            v
            for v in _values(fact)
            if not any(states(kind, text, w) for text in about for w in (v, *fact.aliases))
        ]
        wrong = [
            d
            for d in fact.distractors
            if any(states(kind, text, d) for text in about)
            and not any(states(kind, d, v) for v in _values(fact))
        ]
        if missing:
            where = "in a clause about it" if _anchored(fact) else "in the answer"
            reason = f"{fact.key or 'fact'}: not stated {where}"
        elif wrong:
            reason = f"{fact.key or 'fact'}: the answer also asserts {len(wrong)} other candidate value(s)"
        elif fact.type == "list" and fact.ordered and not _in_order(fact.items, whole):
            reason = f"{fact.key or 'fact'}: items not in the asked order"
        else:
            results.append(FactResult(fact, True))
            continue
        results.append(FactResult(fact, False, reason))
    return results


def _in_order(items: Sequence[str], text: str) -> bool:
    positions = []
    folded = " ".join(tokens(text))
    for item in items:
        pos = folded.find(" ".join(tokens(item)))
        if pos < 0:
            return False
        positions.append(pos)
    return positions == sorted(positions)
