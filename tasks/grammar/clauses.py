"""The clauses of a checklist request, one per workflow step the task engine composes, each declared once:
its template (what it writes and reads), its ``kind`` (the engine's segment) and the shape of the calls that
carry it out (``calls``: a regex over one letter per call, :data:`OP_LETTERS`).

:func:`read_clause` finds the clause a sentence asks for (openers and connectors before it are left out) and
:func:`clauses_in` every clause of a request, with the text each one spans.

Example:
    >>> c = Delete(app="ClosrHQ", label="deal", name="Old lead")
    >>> c.text()
    'in ClosrHQ, delete the deal “Old lead”'
    >>> read_clause("First, " + c.text())
    Delete(app='ClosrHQ', label='deal', name='Old lead')
    >>> [(k.kind, text) for k, text in clauses_in("Hi! " + c.text()[0].upper() + c.text()[1:] + ". Thanks.")]
    [('delete', 'In ClosrHQ, delete the deal “Old lead”')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from toolgym_env.tasks.grammar.parts import Change, Criteria, DeleteEach, DeleteIt, Filter, Item, SetEach
from toolgym_env.tasks.grammar.phrase import Phrase, decode, split_sentences

#: One letter per tool operation, the alphabet of :attr:`Clause.calls` (``n``: a call of a notify clause).
OP_LETTERS = {
    "search": "s",
    "list": "l",
    "get": "g",
    "update": "u",
    "delete": "d",
    "create": "c",
    "action": "a",
}


class Clause(Phrase):
    """One workflow step of a request (see the module docstring)."""

    kind: ClassVar[str]
    calls: ClassVar[str]


@dataclass(frozen=True)
class FindUpdate(Clause):
    """Find a record by name and change one field, optionally reporting another."""

    template: ClassVar[str] = "in {app:app}, find the {label} {name:q} and {change}[, and tell me its {tell}]"
    kind: ClassVar[str] = "find_update"
    calls: ClassVar[str] = "sg?u"
    app: str
    label: str
    name: str
    change: Change
    tell: str | None = None


@dataclass(frozen=True)
class Pick(Clause):
    """Go through the records matching a filter, pick the best by a number, optionally change or delete it."""

    template: ClassVar[str] = (
        "in {app:app}, go through the {plural} {filter} and pick the one with {criteria}[ and {then}]"
    )
    kind: ClassVar[str] = "pick"
    calls: ClassVar[str] = "l+g?[ud]?"
    app: str
    plural: str
    filter: Filter
    criteria: Criteria
    then: Change | DeleteIt | None = None


@dataclass(frozen=True)
class Fanout(Clause):
    """Act on every record matching a filter and report how many there were."""

    template: ClassVar[str] = (
        "in {app:app}, take all {plural} {filter}, {action}, and tell me how many there were"
    )
    kind: ClassVar[str] = "fanout"
    calls: ClassVar[str] = "l+(?:u+|(?:gd)+)"
    app: str
    plural: str
    filter: Filter
    action: SetEach | DeleteEach


@dataclass(frozen=True)
class Create(Clause):
    """Create a record described by values, references and values of records found earlier."""

    template: ClassVar[str] = "in {app:app}, create a {label} with {items}"
    kind: ClassVar[str] = "create"
    calls: ClassVar[str] = "(?:sg?|l)*c"
    app: str
    label: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Delete(Clause):
    """Find a record by name, open it and delete it."""

    template: ClassVar[str] = "in {app:app}, delete the {label} {name:q}"
    kind: ClassVar[str] = "delete"
    calls: ClassVar[str] = "sgd"
    app: str
    label: str
    name: str


@dataclass(frozen=True)
class Branch(Clause):
    """Open a record and set a field one way or the other depending on what another field shows."""

    template: ClassVar[str] = (
        "in {app:app}, open the {label} {name:q}: if its {condition} is {expected:q}, set its {field} to "
        "{yes:q}, otherwise set it to {no:q}"
    )
    kind: ClassVar[str] = "branch"
    calls: ClassVar[str] = "sg?u"
    app: str
    label: str
    name: str
    condition: str
    expected: str
    field: str
    yes: str
    no: str


@dataclass(frozen=True)
class Notify(Clause):
    """Look a person up in Contacts and email them what was found (the first fact by its name)."""

    template: ClassVar[str] = (
        "email {person:person} (you'll find them in my contacts) what you found, including the {key}"
    )
    kind: ClassVar[str] = "notify"
    calls: ClassVar[str] = "n+"
    #: The tools the step calls: a contact search and the send-email tool.
    tools: ClassVar[frozenset[str]] = frozenset({"contacts__search_contacts", "mail__send_email"})
    person: str
    key: str


#: Every clause kind, in the order a reader tries them at the same place in a sentence.
CLAUSES: tuple[type[Clause], ...] = (Notify, FindUpdate, Pick, Fanout, Create, Delete, Branch)
BY_KIND: dict[str, type[Clause]] = {c.kind: c for c in CLAUSES}
# a clause starts a sentence, or follows a space or punctuation (an opener, a connector)
_START = r"(?:^|(?<=[\s,:!?.]))"


@cache
def _searchers() -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Any]], ...]:
    out = []
    for cls in CLAUSES:
        source, build = cls.pattern(capital=True)
        out.append((re.compile(f"{_START}(?:{source})$"), build))
    return tuple(out)


def locate(sentence: str) -> tuple[int, Clause] | None:
    """Where the clause ``sentence`` ends with starts, and the clause (the leftmost that reads to the end of
    the sentence; at the same place, the first kind of :data:`CLAUSES`), or ``None``."""
    best: tuple[int, Clause] | None = None
    for regex, build in _searchers():
        m = regex.search(sentence)
        if m is None or (best is not None and m.start() >= best[0]):
            continue
        clause = decode(build, m)
        if clause is not None:
            best = (m.start(), clause)
    return best


def read_clause(sentence: str) -> Clause | None:
    """The clause a sentence asks for, or ``None`` (see :func:`locate`)."""
    found = locate(sentence)
    return None if found is None else found[1]


def clauses_in(text: str) -> list[tuple[Clause, str]]:
    """Every clause of a request in order, each with its text (from where it starts to its sentence's end)."""
    out = []
    for sentence in split_sentences(text):
        found = locate(sentence)
        if found is not None:
            out.append((found[1], sentence[found[0] :]))
    return out
