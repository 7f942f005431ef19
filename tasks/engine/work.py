"""The state of a task being written: the executed plan plus everything the segments declared along the
way."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.tasks.constraints import Entity, SpendRule
from toolgym_env.tasks.engine.toolbox import SENSITIVE, Res
from toolgym_env.tasks.grammar import RecordRef
from toolgym_env.tasks.plan import Plan, Ref
from toolgym_env.tasks.schema import Fact, RowExpectation
from toolgym_env.world.clock import parse_time


class Skip(Exception):
    """A segment does not apply to the chosen resource or rows (the engine tries something else)."""


@dataclass(frozen=True)
class Export:
    """A value an earlier segment produced that later ones may use (data flowing between calls and apps)."""

    kind: str  # name | amount | email | text
    value: Any
    source: RecordRef  # the record it comes from, as a request names it
    ref: Ref | None = None


@dataclass
class Sensitive:
    """A private value the agent reads (a candidate for a privacy constraint)."""

    value: str
    label: str
    app: str
    owner: str


@dataclass
class Work:
    """Accumulates a task: clauses of the instruction, expected changes, facts for the answer, and what the
    constraint generator needs (entities, spending, trade-offs, private values)."""

    plan: Plan
    rng: random.Random
    clauses: list[str] = field(default_factory=list)
    changes: list[RowExpectation] = field(default_factory=list)
    report: list[tuple[str, str]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)
    exports: list[Export] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    spend: list[SpendRule] = field(default_factory=list)
    tradeoffs: list[dict[str, Any]] = field(default_factory=list)
    sensitive: list[Sensitive] = field(default_factory=list)
    segments: list[str] = field(default_factory=list)
    used: set[tuple[str, str]] = field(default_factory=set)

    @property
    def today(self):
        """The virtual date the task starts on."""
        return parse_time(self.plan.world.clock.iso())

    def fact(
        self, key: str, value: Any, type: str = "text", distractors: Any = (), aliases: Any = ()
    ) -> None:
        """A fact the final answer must state, as what the request calls it (``key``), its type and the
        values it could be confused with (``distractors``; equal values and blanks are dropped). A key already
        used by an earlier fact, or a blank value, skips the segment (two facts must not share a name)."""
        text = str(value)
        if not text.strip():
            raise Skip("blank fact")
        if any(k == key for k, _ in self.report):
            raise Skip(f"two facts named {key!r}")
        seen = {text.casefold()}
        clean = []
        for d in distractors:
            d = str(d)
            if d.strip() and d.casefold() not in seen:
                seen.add(d.casefold())
                clean.append(d)
        if type == "integer" and text.lstrip("-").isdigit():
            n = int(text)
            clean += [str(m) for m in (n - 2, n - 1, n + 1, n + 2) if m >= 0 and str(m) not in clean]
        if not clean:
            raise Skip(f"nothing to confuse the {key} with")
        self.report.append((key, text))
        self.facts.append(
            Fact(
                key=key,
                value=text,
                type=type,
                distractors=clean,
                aliases=[str(a) for a in aliases if str(a).casefold() not in seen],
            )
        )

    def extra(self, key: str, value: Any) -> None:
        """A value the answer could be asked to include (a response-content candidate)."""
        if value not in (None, "") and all(v != str(value) for _, v in self.report):
            self.extras.append((key, str(value)))

    def export_row(self, res: Res, row: dict[str, Any], step: int, path: str = "") -> None:
        """Offer a record's name, amounts, emails and private fields to later segments."""
        prefix = f"{path}." if path else ""
        about = RecordRef(res.label, str(row.get(res.name_field, row["id"])) if res.name_field else None)
        if res.name_field and row.get(res.name_field):
            self.exports.append(
                Export(
                    "name",
                    row[res.name_field],
                    about,
                    Ref(step, prefix + res.name_field, row[res.name_field]),
                )
            )
        for f in res.money():
            if isinstance(row.get(f), (int, float)) and row[f] > 0:
                self.exports.append(Export("amount", row[f], about, Ref(step, prefix + f, row[f])))
        for f, v in row.items():
            if isinstance(v, str) and "email" in f and "@" in v:
                self.exports.append(Export("email", v, about, Ref(step, prefix + f, v)))
            elif isinstance(v, str) and len(v) >= 5 and _sensitive(f):
                self.sensitive.append(Sensitive(v, f.replace("_", " "), res.app.name, about.text()))

    def latest(self, kind: str) -> Export | None:
        """The most recent export of a kind."""
        return next((e for e in reversed(self.exports) if e.kind == kind), None)


def _sensitive(name: str) -> bool:
    return bool(SENSITIVE.search(name)) and not name.endswith("_id")
