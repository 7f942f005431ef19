"""A scenario being written: the executed plan and its declarations (an engine :class:`Work`), the sentences
of the request, and the steps every family shares — finding a record the way the request names it, performing
a domain action and deriving what must change, re-reading what was written, emailing someone the outcome."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.judge.footprint import IGNORED_COLUMNS
from toolgym_env.tasks.engine.compose import attempt
from toolgym_env.tasks.engine.segments import _pages, enum_distractors, find, show, value_type
from toolgym_env.tasks.engine.toolbox import Res, resources
from toolgym_env.tasks.engine.work import Skip, Work
from toolgym_env.tasks.plan import PlanError, Ref
from toolgym_env.tasks.scenarios.acts import Instance, mention, name_of, unique_name
from toolgym_env.tasks.scenarios.prose import SplitRandom
from toolgym_env.tasks.schema import RowExpectation
from toolgym_env.world.diff import diff_world
from toolgym_env.world.seeding import MONTHS, Person, make_cast

#: Columns whose value depends on when the agent acts, never expected.
_TIMELIKE = re.compile(r"(_at|_on|date|time|due|until|expires|deadline|started|ended|last_\w+)$")

#: Field kinds a goal category refers to records by.
KINDS = {
    "temporal": re.compile(r"(date|_at|_on|due|deadline|start|end|week|month|year)"),
    "financial": re.compile(r"(price|amount|total|cost|fee|balance|budget|salary|revenue|spend|paid|value)"),
    "resource": re.compile(
        r"(count|capacity|seats|stock|quantity|size|slots|limit|max_|minutes|hours|days|gb|cpu|"
        r"memory|storage|copies|units|members|players)"
    ),
    "quality": re.compile(r"(score|rating|stars|priority|severity|grade|level|quality|progress|rank)"),
    "geographic": re.compile(r"(city|country|region|location|address|zone|venue|neighbou?rhood|site|area)"),
}


@dataclass
class Scene:
    """A scenario under construction."""

    work: Work
    split: str
    text: SplitRandom
    category: str
    sentences: list[str] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)  # what the answer must report, as the request words it
    apps: list[str] = field(default_factory=list)
    person: Person | None = None

    @property
    def rng(self) -> Any:
        """The draw for structure and values (never for words)."""
        return self.work.rng

    @property
    def plan(self) -> Any:
        """The executed plan."""
        return self.work.plan

    def say(self, sentence: str) -> None:
        """Add a sentence to the request."""
        self.sentences.append(sentence)


def field_kind(res: Res, fname: str) -> str | None:
    """The goal category a field belongs to (``None`` for none)."""
    for kind, pattern in KINDS.items():
        if pattern.search(fname):
            prop = res.props.get(fname)
            if kind in ("financial", "resource") and (prop is None or prop.type not in ("integer", "number")):
                continue
            if kind == "financial" and fname not in res.money():
                continue
            return kind
    return None


def attribute_ref(
    scene: Scene,
    res: Res,
    row: dict[str, Any],
    kind: str | None = None,
) -> tuple[str, str, Any] | None:
    """An implicit reference to ``row`` by a field of the scene's category whose value no other record shares:
    ``(phrase, field, value)``, e.g. ``("the invoice for 1,250.00", "total", 1250.0)``; ``None`` when none
    fits."""
    rows = scene.plan.read(res.table)
    options = []
    for fname, value in row.items():
        if fname == "id" or fname == res.name_field or fname.endswith("_id") or value in (None, "", [], {}):
            continue
        if isinstance(value, (list, dict, bool)) or field_kind(res, fname) != (kind or scene.category):
            continue
        if sum(1 for r in rows if r.get(fname) == value) == 1 and len(str(value)) <= 40:
            options.append((fname, value))
    if not options:
        return None
    fname, value = scene.rng.choice(sorted(options, key=lambda o: o[0]))
    return f"the {res.label.replace('_', ' ')} {describe(fname, value)}", fname, value


#: Fields that pick out a record with no name, best first: the person it is for, then a date, then a number.
_IDENTIFYING = re.compile(r"_name$|_email$|^email$|_(?:on|at|date)$|^date$|amount|total|price|score|size")


def identify(scene: Scene, res: Res, row: dict[str, Any]) -> tuple[str, str, Any] | None:
    """How a request picks out a record that has no name: by a field whose value no other record shares
    (``("the offer whose buyer name is Mark Johnson", "buyer_name", "Mark Johnson")``); ``None`` when none
    does.
    """
    rows = scene.plan.read(res.table)
    for fname, value in sorted(row.items(), key=lambda kv: _rank(kv[0])):
        if fname == "id" or fname.endswith("_id") or not _IDENTIFYING.search(fname) or _rank(fname) > 5:
            continue
        if isinstance(value, (list, dict, bool)) or value in (None, "") or len(str(value)) > 40:
            continue
        if sum(1 for r in rows if r.get(fname) == value) == 1:
            return f"the {res.label.replace('_', ' ')} {describe(fname, value)}", fname, value
    return _within_parent(scene, res, row, rows)


def _parent(res: Res, fk: str) -> Res | None:
    """The resource a reference field of ``res`` points to, when the listing of ``res`` filters by it."""
    if fk not in res.decl.filterable or fk not in res.decl.refs:
        return None
    return next((r for r in resources(res.app) if r.decl.name == res.decl.refs[fk]), None)


def _within_parent(
    scene: Scene, res: Res, row: dict[str, Any], rows: list[dict[str, Any]]
) -> tuple[str, str, Any] | None:
    """A record named by a name it shares, with the uniquely named record it belongs to: ``the sheet “Q2” in
    the document “Budget 2026”`` (the agent finds the document, then lists its sheets)."""
    name = name_of(res, row)
    if name is None:
        return None
    for fk in res.decl.refs:
        parent = _parent(res, fk)
        above = scene.plan.read(parent.table, "id = ?", (row[fk],)) if parent and row.get(fk) else []
        if not above or unique_name(scene.plan, parent, above[0]) is None or "search" not in parent.tools:
            continue
        kin = [
            r for r in rows if r.get(fk) == row[fk] and (name_of(res, r) or "").casefold() == name.casefold()
        ]
        if len(kin) == 1:
            return f"the {res.label.replace('_', ' ')} “{name}” in {mention(parent, above)}", fk, row[fk]
    return None


def _rank(fname: str) -> int:
    """Order of preference among identifying fields (lower first; 9: not identifying)."""
    for rank, pattern in enumerate(
        (
            r"_name$",
            r"_email$|^email$",
            r"_(?:on|date)$|^date$",
            r"_at$",
            r"amount|total|price",
            r"score|size",
        )
    ):
        if re.search(pattern, fname):
            return rank
    return 9


def when(value: str) -> str:
    """An ISO date or time as a person writes it.

    Example:
        >>> when("2026-02-15T00:00:00Z"), when("2026-02-15T14:05:00Z"), when("2026-03-01")
        ('15 February 2026', '15 February 2026 at 14:05 UTC', '1 March 2026')
    """
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?", value)
    if not m:
        return value
    day = f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    if m.group(4) is None or (m.group(4), m.group(5)) == ("00", "00"):
        return day
    return f"{day} at {m.group(4)}:{m.group(5)} UTC"


def describe(fname: str, value: Any) -> str:
    """How a request picks a record out by one of its fields: ``created on 15 February 2026``,
    ``whose total is 1250.00``.

    Example:
        >>> describe("created_at", "2026-02-15T00:00:00Z"), describe("city", "Lyon")
        ('created on 15 February 2026', 'whose city is Lyon')
    """
    words = field_words(fname)
    if isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\d", value):
        if fname.endswith(("_at", "_on")):
            verb = words.rsplit(" ", 1)[0] if " " in words else words
            last = verb.split()[-1]
            if last.endswith("ed") or last in ("spent", "due", "paid", "sent", "made", "held", "done"):
                return f"{verb} on {when(value)}"
            if last.endswith("s") and fname.endswith("_on"):  # expires_on, starts_on
                return f"that {verb} on {when(value)}"
            return f"whose {verb} date is {when(value)}"
        return f"whose {words} is {when(value)}"
    return f"whose {words} is {spoken(value)}"


def spoken(value: Any) -> str:
    """A value as a sentence says it: an enum code's underscores become spaces (``in_progress`` → ``in
    progress``); anything else as :func:`show` writes it.

    Example:
        >>> spoken("in_progress"), spoken(12.5)
        ('in progress', '12.50')
    """
    text = show(value)
    return text.replace("_", " ") if re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)+", text) else text


def field_words(fname: str) -> str:
    """A field's name as words: ``fines_cents`` → ``fines in cents``, ``due_on`` → ``due on``.

    Example:
        >>> field_words("fines_cents"), field_words("pay_date")
        ('fines in cents', 'pay date')
    """
    words = fname.replace("_", " ")
    spelled = {"pct": "percent", "min": "minutes", "sec": "seconds"}
    for unit in ("cents", "minutes", "seconds", "ms", "mb", "gb", "pct", "usd", "min", "sec"):
        if words.endswith(" " + unit):
            return f"{words[: -len(unit) - 1]} in {spelled.get(unit, unit)}"
    return words


#: What a person calls the moment a verb-named date field records (``expires_on`` → ``expiry date``).
_DATE_NOUNS = {
    "expires": "expiry",
    "renews": "renewal",
    "closes": "closing",
    "starts": "start",
    "ends": "end",
    "created": "creation",
    "updated": "update",
}


def date_label(fname: str) -> str:
    """What a person calls a ``*_on`` date or ``*_at`` time field.

    >>> date_label("closes_on"), date_label("prescribed_on"), date_label("expires_at"), date_label("due_on")
    ('closing date', 'prescribed date', 'expiry time', 'due date')
    """
    head, _, tail = fname.rpartition("_")
    words = field_words(head).split()
    last = words[-1]
    if last in _DATE_NOUNS:
        last = _DATE_NOUNS[last]
    elif last.endswith("es"):
        last = last[:-2] + "ing"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1] + "ing"
    return " ".join([*words[:-1], last, "date" if tail == "on" else "time"])


def _field_name(fname: str) -> str:
    """A field as the noun a question asks for: a date or time field by :func:`date_label`."""
    return date_label(fname) if fname.endswith(("_on", "_at")) and len(fname) > 3 else field_words(fname)


def fact_name(res: Res, fname: str) -> str:
    """What a request calls a field of a record: the record's kind, then the field, said once
    (``ride type``, not ``ride ride type``).

    Example:
        >>> from types import SimpleNamespace as N
        >>> fact_name(N(label="ride"), "ride_type"), fact_name(N(label="library_item"), "item_type")
        ('ride type', 'library item type')
    """
    label, words = res.label.replace("_", " "), _field_name(fname)
    head, _, rest = words.partition(" ")
    return f"{label} {rest}" if rest and head == label.split()[-1] else f"{label} {words}"


def locate(scene: Scene, res: Res, row: dict[str, Any], by: tuple[str, Any] | None = None) -> Ref:
    """The lookup calls that find ``row`` the way the request names it (by name: search then open; by an
    attribute: list, filtered when the app allows); returns a reference to its id in the results."""
    work = scene.work
    if by is None and "search" in res.tools and res.name_field and name_of(res, row):
        step, path = find(work, res, row)
        return work.plan.ref(f"{path}.id" if path else "id", step)
    if "list" not in res.tools:
        raise Skip(f"{res.table} cannot be listed")
    filters = {by[0]: by[1]} if by and by[0] in res.decl.filterable else {}
    parent = _parent(res, by[0]) if by else None
    if parent is not None:  # named within the record it belongs to: find that one first
        above = work.plan.read(parent.table, "id = ?", (by[1],))
        filters = {by[0]: locate(scene, parent, above[0])} if above else filters
    for limit in (20, 5):  # records as large as a sheet's cells are listed five to a page
        try:
            with attempt(work):
                items = _pages(work, res, filters, limit)
                hit = next(((s, i) for s, i, it in items if it["id"] == row["id"]), None)
                if hit is None:
                    raise Skip("record not listed")
                return work.plan.ref(f"items.{hit[1]}.id", hit[0])
        except PlanError:
            continue
    raise Skip(f"{res.plural} are too large to list")


_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _stable(fname: str, value: Any) -> bool:
    """Whether an expectation may name this value: not a timestamp or anything holding one (its value depends
    on when the agent acts; a plain date does not change within an episode). A list or an object is named
    whole when everything in it is (a dashboard's widgets, a sheet's cells, a user's grants with their
    privileges), down to three levels, and no record in it has an id of its own (one the agent's run would
    number anew)."""
    if value in (None, "", [], {}):
        return False
    return _nameable(fname, value, 3)


def _nameable(fname: str, value: Any, depth: int) -> bool:
    if fname == "id" or fname in IGNORED_COLUMNS:
        return False
    if isinstance(value, (dict, list)):
        if depth == 0 or _ISO.search(json.dumps(value, default=str)):
            return False
        items = value.items() if isinstance(value, dict) else ((fname, v) for v in value)
        return all(v in (None, "") or _nameable(k, v, depth - 1) for k, v in items)
    if _TIMELIKE.search(fname):
        return isinstance(value, str) and _DATE.fullmatch(value) is not None
    return not _ISO.search(json.dumps(value, default=str))


def perform(scene: Scene, inst: Instance, refs: dict[str, Any]) -> dict[str, Any]:
    """Call the action (id arguments as references to the lookups) and declare what must change: the target
    record's changed fields, its deletion, or the records the action created. Raises :class:`Skip` when the
    action changes nothing an expectation can name."""
    plan, work = scene.plan, scene.work
    args = {**inst.args, **refs}
    target = inst.act.target()
    before = {
        p: [plan.read(res.table, "id = ?", (r["id"],))[0] for r in inst.records[p]]
        for p, res in inst.act.id_params().items()
        if p in inst.records
    }
    seen = set(plan.world.touched())
    result = plan.call(inst.act.qualified, **args)
    if inst.act.read_only:
        return result
    expected = 0
    for param, res in inst.act.id_params().items():
        if target is not None and param != target[0] and not param.endswith("_ids"):
            continue
        for old in before.get(param, []):
            now = plan.read(res.table, "id = ?", (old["id"],))
            if not now:
                work.changes.append(RowExpectation(table=res.table, op="delete", id=old["id"]))
                expected += 1
                continue
            changed = {f: v for f, v in now[0].items() if v != old.get(f) and _stable(f, v)}
            if changed:
                work.changes.append(RowExpectation(table=res.table, op="update", id=old["id"], where=changed))
                expected += 1
            work.used.add((res.table, old["id"]))
    # a record the action removed and re-created elsewhere (a position transferred, a file moved): the new row
    # is part of what it did, or any other parent would do
    moved = any(c.op == "delete" for c in work.changes[len(work.changes) - expected :])
    if not expected:  # a bulk action or one on the user's own records: what it did to rows it was not given
        expected += _side_effects(work, seen)
    for table, pk, existed in plan.world.touched():
        if existed or (table, pk, existed) in seen:
            continue
        row = plan.world.get(table, pk)
        if row is None:
            continue
        where = {
            f: v
            for f, v in row.items()
            if _stable(f, v)
            and not isinstance(v, list)
            and (isinstance(v, (int, float, bool)) or len(str(v)) <= 200)
        }
        keep = dict(sorted(where.items(), key=lambda kv: not kv[0].endswith("_id"))[:5])  # its parents first
        if keep and (expected < 1 or moved):
            work.changes.append(RowExpectation(table=table, op="insert", where=keep))
            expected += 1
    if not expected:
        raise Skip("the action changed nothing an expectation can name")
    return result


#: Most rows a bulk action's expectations name (the rest are left to the footprint).
SIDE_ROWS = 10


def _side_effects(work: Work, seen: set[tuple[str, str, bool]]) -> int:
    """Declare what the last call did to rows that existed before it and were not touched earlier (a bulk
    action's updates and deletions); returns how many expectations it added."""
    before = {(t, pk) for t, pk, _ in seen}
    added = 0
    for change in diff_world(work.plan.world).changes:
        if change.before is None or (change.table, change.id) in before or added >= SIDE_ROWS:
            continue
        if change.after is None:
            work.changes.append(RowExpectation(table=change.table, op="delete", id=change.id))
        else:
            changed = {f: v for f, v in change.after.items() if v != change.before.get(f) and _stable(f, v)}
            if not changed:
                continue
            work.changes.append(RowExpectation(table=change.table, op="update", id=change.id, where=changed))
        work.used.add((change.table, change.id))
        added += 1
    return added


def verify(scene: Scene, res: Res, row: dict[str, Any], ref: Ref, it: str) -> str | None:
    """Re-read a record after writing it and ask for a field that changed (its old value is the distractor):
    the step ``stale_data`` perturbs. Returns the sentence, or ``None`` when nothing reportable changed."""
    if "get" not in res.tools:
        return None
    now = scene.plan.read(res.table, "id = ?", (row["id"],))
    if not now:
        return None
    changed = [
        f
        for f, v in now[0].items()
        if v != row.get(f)
        and _stable(f, v)
        and f != res.name_field
        and not f.endswith(("_id", "_ids"))
        and isinstance(v, (str, int, float))
        and not isinstance(v, bool)
        and len(str(v)) <= 40
        and row.get(f) not in (None, "")
    ]
    if not changed:
        return None
    fname = scene.rng.choice(sorted(changed))
    key = _field_name(fname)
    value = now[0][fname]
    kind = value_type(res, fname, value)
    distractors = [show(row[fname])]
    if kind == "enum":
        distractors += [d for d in enum_distractors(res, fname, value) if d not in distractors]
    scene.plan.call(res.tool("get"), **{res.id_arg: ref})
    scene.work.fact(fact_name(res, fname), show(value), kind, distractors)
    return key


def report(scene: Scene, inst: Instance, result: dict[str, Any]) -> list[str]:
    """Facts the intent's ``report`` names, read from the action's result; returns what the request calls
    them."""
    asked = []
    for path, key in inst.act.intent.report.items():
        value = value_at(result, path)
        if value is None or isinstance(value, (dict, list)) or str(value).strip() == "":
            continue
        distractors = (
            _alternatives(result, path, value)
            or seen_values(scene.plan, path.rsplit(".", 1)[-1], value)
            or _other_emails(scene.plan, value)
        )
        kind = _kind_of(value)
        try:
            scene.work.fact(key, show(value), kind, distractors)
        except Skip:
            continue
        asked.append(key)
    return asked


def seen_values(plan: Any, fname: str, value: Any) -> list[str]:
    """Other values of field ``fname`` in the results the plan's calls returned so far (what an answer could
    confuse the figure with, and what an answer stuffed with everything read would contain), sorted."""
    out: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == fname and v not in (None, "", value) and not isinstance(v, (dict, list)):
                    out.add(show(v))
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for result in plan.results:
        walk(result)
    return sorted(out)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _other_emails(plan: Any, value: Any) -> list[str]:
    """For an email address: the other addresses the plan's results held (the rest of an on-call rotation)."""
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        return []
    found = {m for result in plan.results for m in _EMAIL.findall(json.dumps(result, default=str))}
    return sorted(found - {value})


def value_at(result: Any, path: str) -> Any:
    """The value at a dotted path of a result (list indices as numbers), or ``None`` when there is none.

    >>> value_at({"rooms": [{"rate": 90}]}, "rooms.0.rate"), value_at({"rooms": []}, "rooms.0.rate")
    (90, None)
    """
    value = result
    for part in path.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return None
    return value


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "decimal"
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return "date"
    return "text" if len(text.split()) > 3 else "name"


def _alternatives(result: Any, path: str, value: Any) -> list[str]:
    """What a reported value could be confused with: the same field of the other list items, or nearby
    numbers."""
    parts = path.split(".")
    out: list[str] = []
    for i, part in enumerate(parts):
        if part.isdigit():
            head, tail = parts[:i], parts[i + 1 :]
            node: Any = result
            for p in head:
                node = node.get(p) if isinstance(node, dict) else None
            for item in node or []:
                v: Any = item
                v = value_at(v, ".".join(tail)) if tail else v  # a row of a grid too (values.0.0)
                if v is not None and v != value and not isinstance(v, (dict, list)):
                    out.append(show(v))
            break
    if isinstance(value, bool):
        out.append(show(not value))
    elif isinstance(value, float):
        out += [show(round(value * f, 2)) for f in (0.5, 0.9, 1.1, 2.0)]
    elif isinstance(value, int):
        out += [str(value + d) for d in (-2, -1, 1, 2) if value + d >= 0]
    return [o for o in dict.fromkeys(out) if o != show(value)]


def email_person(scene: Scene, person: Person, about: str) -> str:
    """Look ``person`` up in Contacts and email them what the task found; returns how the request names
    them."""
    plan = scene.plan
    plan.call("contacts__search_contacts", query=person.last_name)
    items = plan.results[-1]["items"]
    idx = next((i for i, c in enumerate(items) if c["email"] == person.email), None)
    if idx is None:
        raise Skip("contact not found by last name")
    facts = [v for _, v in scene.work.report][:2]
    if not facts:
        raise Skip("nothing to tell")
    body = (
        f"Hi {person.first_name}, about {about}: "
        + "; ".join(f"{k}: {v}" for k, v in scene.work.report[:2])
        + "."
    )
    plan.call(
        "mail__send_email",
        to=[plan.ref(f"items.{idx}.email")],
        subject=about[:80].capitalize() or "Update",
        body=body,
    )
    scene.work.changes.append(
        RowExpectation(
            table="mail__messages",
            op="insert",
            where={"folder": "sent", "to": [person.email], "body": {"$mentions": facts[0]}},
        )
    )
    for app in ("contacts", "mail"):
        if app not in scene.apps:
            scene.apps.append(app)
    return person.name


def cast_person(scene: Scene, avoid: tuple[str, ...] = ()) -> Person:
    """Someone the user knows, drawn from the world's cast."""
    people = [p for p in make_cast(scene.plan.world.seed).people if p.email not in avoid]
    return scene.rng.choice(people)


def people_rows(scene: Scene, res: Res) -> list[tuple[str, dict[str, Any], Person]]:
    """``(email field, row, person)`` for rows of ``res`` that belong to a person of the cast (an email field
    holding their address), keeping only people with exactly one such row."""
    cast = {p.email: p for p in make_cast(scene.plan.world.seed).people}
    fields = [f for f, p in res.props.items() if "email" in f and p.type == "string"]
    out: dict[str, list[tuple[str, dict[str, Any], Person]]] = {}
    for row in scene.plan.read(res.table):
        for f in fields:
            v = row.get(f)
            if isinstance(v, str) and v in cast:
                out.setdefault(v, []).append((f, row, cast[v]))
    return [rows[0] for rows in out.values() if len(rows) == 1]


def dumps(value: Any) -> str:
    """Compact JSON (for debugging a draft)."""
    return json.dumps(value, default=str)[:300]


__all__ = [
    "Scene",
    "attribute_ref",
    "cast_person",
    "email_person",
    "field_kind",
    "locate",
    "mention",
    "fact_name",
    "people_rows",
    "perform",
    "report",
    "seen_values",
    "value_at",
    "verify",
]
