"""The pieces checklist clauses are built from: changes, filters, the choice criteria, what to do with every
record, the values of a new record, and the names of the extra details an answer may be asked for.

Example:
    >>> Whose(field="stage", value="open").text(), Flagged(field="archived", value=False).text()
    ('whose stage is “open”', 'with archived set to no')
    >>> Criteria(best="highest", metric="amount", cap="fee", limit="20.00").text()
    'highest amount with a fee of at most 20.00'
    >>> EqualTo.read("amount equal to the total of the order “A-1”").source
    RecordRef(label='order', name='A-1')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from toolgym_env.tasks.grammar.phrase import Phrase


@dataclass(frozen=True)
class RecordRef(Phrase):
    """A record found earlier, by its type and (when it has one) its name: ``the deal “Acme renewal”``."""

    template: ClassVar[str] = "the {label}[ {name:q}]"
    label: str
    name: str | None = None


@dataclass(frozen=True)
class EnumChange(Phrase):
    """Change a field of the record in hand to a new value."""

    template: ClassVar[str] = "change its {field} to {value:q}"
    field: str
    value: str


@dataclass(frozen=True)
class TextChange(Phrase):
    """Set a text field of the record in hand to a value that names a record found earlier."""

    template: ClassVar[str] = "set its {field} to {value:q} (naming {source})"
    field: str
    value: str
    source: RecordRef


@dataclass(frozen=True)
class DeleteIt(Phrase):
    """Delete the record in hand."""

    template: ClassVar[str] = "delete it"


Change = EnumChange | TextChange


@dataclass(frozen=True)
class Whose(Phrase):
    """Records whose field has a value."""

    template: ClassVar[str] = "whose {field} is {value:q}"
    field: str
    value: str


@dataclass(frozen=True)
class Flagged(Phrase):
    """Records with a yes/no field set one way."""

    template: ClassVar[str] = "with {field} set to {value}"
    field: str
    value: bool


Filter = Whose | Flagged


@dataclass(frozen=True)
class Criteria(Phrase):
    """Which record wins: the highest or lowest by a number, optionally among those within a cap on another
    number (``limit`` as the request states it). A trade-off constraint names it with ``the`` in front."""

    template: ClassVar[str] = "{best} {metric}[ with a {cap} of at most {limit:num}]"
    best: Literal["highest", "lowest"]
    metric: str
    cap: str | None = None
    limit: str | None = None

    @property
    def limit_value(self) -> float | None:
        """The cap as a number."""
        return None if self.limit is None else float(self.limit.replace(",", ""))


@dataclass(frozen=True)
class SetEach(Phrase):
    """Set one field of every record taken to a value."""

    template: ClassVar[str] = "set the {field} of each to {value:q}"
    field: str
    value: str


@dataclass(frozen=True)
class DeleteEach(Phrase):
    """Delete every record taken."""

    template: ClassVar[str] = "delete every one of them"


@dataclass(frozen=True)
class ForFirst(Phrase):
    """A new record's reference: the first record of a type a listing shows (named, or by its id)."""

    template: ClassVar[str] = "for the first {label} listed ({name:q})"
    label: str
    name: str


@dataclass(frozen=True)
class ForRecord(Phrase):
    """A new record's reference: a record of a type found by its name."""

    template: ClassVar[str] = "for the {label} {name:q}"
    label: str
    name: str


@dataclass(frozen=True)
class EqualTo(Phrase):
    """A new record's field, equal to a field of a record found earlier."""

    template: ClassVar[str] = "{field} equal to the {source_field} of {source}"
    field: str
    source_field: str
    source: RecordRef


@dataclass(frozen=True)
class Quoted(Phrase):
    """A new record's field with a value given in quotes."""

    template: ClassVar[str] = "{field} {value:q}"
    field: str
    value: str


@dataclass(frozen=True)
class Amount(Phrase):
    """A new record's field with a number given as it is (an amount)."""

    template: ClassVar[str] = "{field} {value:num}"
    field: str
    value: str


#: What a new record is described by, in the order a reader tries them (a reference before a quoted value).
Item = ForFirst | ForRecord | EqualTo | Quoted | Amount


@dataclass(frozen=True)
class OfNew(Phrase):
    """An extra detail of the record the request creates: ``id of the new invoice``."""

    template: ClassVar[str] = "{field} of the new {label}"
    field: str
    label: str


@dataclass(frozen=True)
class OfPicked(Phrase):
    """An extra detail of the record the request picks (not named, since the pick is the agent's to make)."""

    template: ClassVar[str] = "{field} of the {label} you picked"
    field: str
    label: str


@dataclass(frozen=True)
class OfRecord(Phrase):
    """An extra detail of a record the request names."""

    template: ClassVar[str] = "{field} of the {label} {name:q}"
    field: str
    label: str
    name: str


#: The name of an extra detail an answer may be asked to include (``work.extra``'s key).
Detail = OfNew | OfPicked | OfRecord
