"""Workflow segments: each executes a few calls on one resource of one app through the plan and declares what
it asked for (an instruction clause), what must change, and what the answer must state.

Patterns: ``find_update`` (search-then-act), ``pick`` (aggregate-then-decide: highest/lowest, optionally a
trade-off under a cap), ``fanout`` (act on every record matching a filter), ``create`` (a new record built
from values found earlier, resolving its references first), ``delete`` (look, then delete), ``branch``
(if-then: the action depends on what the record shows) and ``notify`` (email a contact the results).
A segment raises :class:`Skip` when the resource or its rows do not fit; the caller undoes its calls.

Every clause is written through its declaration in :mod:`toolgym_env.tasks.grammar`, the same one readers of
requests use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from toolgym_env.tasks.constraints import Entity, SpendRule
from toolgym_env.tasks.engine.toolbox import Res, fill_value, resources
from toolgym_env.tasks.engine.work import Sensitive, Skip, Work
from toolgym_env.tasks.grammar import (
    Amount,
    Branch,
    Change,
    Create,
    Criteria,
    Delete,
    DeleteEach,
    DeleteIt,
    EnumChange,
    EqualTo,
    Fanout,
    Filter,
    FindUpdate,
    Flagged,
    ForFirst,
    ForRecord,
    Item,
    Notify,
    OfNew,
    OfPicked,
    OfRecord,
    Pick,
    Quoted,
    SetEach,
    TextChange,
    Whose,
    show,
)
from toolgym_env.tasks.schema import RowExpectation
from toolgym_env.world.seeding import make_cast

Segment = Callable[[Work, Res], None]
SEGMENTS: dict[str, Segment] = {}


def segment(name: str) -> Callable[[Segment], Segment]:
    """Register a segment."""

    def add(fn: Segment) -> Segment:
        SEGMENTS[name] = fn
        return fn

    return add


def field_label(name: str) -> str:
    """``"close_date"`` → ``"close date"``."""
    return name.replace("_", " ")


def value_type(res: Res, name: str, value: Any) -> str:
    """The fact type of a field's value: enum, boolean, money, integer, decimal, date, time or text."""
    prop = res.props.get(name)
    if isinstance(value, bool) or (prop is not None and prop.type == "boolean"):
        return "boolean"
    if prop is not None and len(prop.enum) >= 2:
        return "enum"
    if isinstance(value, (int, float)):
        if name in res.money():
            return "money"
        return "integer" if isinstance(value, int) else "decimal"
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return "date"
    if "T" in text and text[:4].isdigit() and text.count(":") >= 1:
        return "datetime"
    return "text"


def enum_distractors(res: Res, name: str, value: Any) -> list[str]:
    """What an enum or yes/no field's value could be confused with: its other options, and the options of the
    record's other enum fields (an answer listing a record's every value names some of them)."""
    prop = res.props[name]
    if prop.type == "boolean" or isinstance(value, bool):
        return [show(not bool(value))]
    own = [show(v) for v in prop.enum if v != value]
    others = [show(v) for f in res.enum_fields(editable=False) if f != name for v in res.props[f].enum]
    return own + [v for v in others if v != show(value) and v not in own]


def _offer_extras(work: Work, res: Res, row: dict[str, Any], picked: bool = False) -> None:
    """Offer other fields of a record the agent opened as things the answer could be asked to include
    (``picked``: the request calls it "the deal you picked", since it must not reveal which one it is)."""
    fields = [
        f
        for f, v in row.items()
        if f != "id"
        and not f.endswith(("_id", "_at"))
        and f != res.name_field
        and isinstance(v, (str, int, float))
        and not isinstance(v, bool)
        and 3 <= len(str(v)) <= 60
    ]
    for f in work.rng.sample(fields, min(2, len(fields))):
        label = row.get(res.name_field) if res.name_field else row["id"]
        detail = (
            OfPicked(field_label(f), res.label) if picked else OfRecord(field_label(f), res.label, str(label))
        )
        work.extra(detail.text(), show(row[f]))


def where(res: Res, f: str, v: Any) -> Filter:
    """The filter ``f == v`` as a request states it (``whose status is “open”``, ``with archived set to
    no``)."""
    if res.props[f].type == "boolean":
        return Flagged(field_label(f), bool(v))
    return Whose(field_label(f), show(v))


def _need(res: Res, *ops: str) -> None:
    missing = [op for op in ops if op not in res.tools]
    if missing or not res.name_field and "search" in ops:
        raise Skip(f"{res.table} lacks {missing or 'a name field'}")


def _named_rows(work: Work, res: Res) -> list[dict[str, Any]]:
    """Rows a request can name unambiguously: a name of 4-80 characters that no other row of the table shares
    (case-insensitively), not used by an earlier segment."""
    every = work.plan.read(res.table)
    counts = Counter(str(r.get(res.name_field) or "").strip().casefold() for r in every)
    rows = [
        r
        for r in every
        if isinstance(r.get(res.name_field), str)
        and 4 <= len(r[res.name_field]) <= 80
        and counts[r[res.name_field].strip().casefold()] == 1
        and (res.table, r["id"]) not in work.used
    ]
    if not rows:
        raise Skip(f"no named rows in {res.table}")
    return rows


def find(work: Work, res: Res, row: dict[str, Any]) -> tuple[int, str]:
    """Search for ``row`` by its name and open it; returns (step, path) where the full record is."""
    plan = work.plan
    plan.call(res.tool("search"), **res.search_args(row[res.name_field], 10))
    idx = next((i for i, it in enumerate(plan.results[-1]["items"]) if it["id"] == row["id"]), None)
    if idx is None:
        raise Skip("the record is not on the first page of its search")
    if "get" in res.tools:
        plan.call(res.tool("get"), **{res.id_arg: plan.ref(f"items.{idx}.id")})
        return len(plan.results) - 1, ""
    return len(plan.results) - 1, f"items.{idx}"


def _id_ref(work: Work, step: int, path: str) -> Any:
    return work.plan.ref(f"{path}.id" if path else "id", step)


def _new_enum(work: Work, res: Res, row: dict[str, Any], avoid: tuple[str, ...] = ()) -> tuple[str, Any]:
    options = [
        (f, v)
        for f in res.enum_fields()
        if f not in avoid and f != res.name_field
        for v in res.props[f].enum
        if v != row.get(f)
    ]
    if not options:
        raise Skip(f"{res.table} has no editable enum field to change")
    return work.rng.choice(options)


def _change(work: Work, res: Res, row: dict[str, Any], step: int, path: str) -> Change:
    """Update one field of a found record: an enum to a new value, or a text field to a value found earlier;
    the change as the request asks for it."""
    upstream = next(
        (e for e in reversed(work.exports) if e.kind == "name" and e.value != row.get(res.name_field)), None
    )
    texts = [f for f in res.text_fields() if f != res.name_field]
    if upstream is not None and texts and work.rng.random() < 0.4:
        fname = work.rng.choice(texts)
        value = f"Linked to {upstream.value}"[: res.props[fname].max_length or 200]
        change: Change = TextChange(field_label(fname), value, upstream.source)
    else:
        fname, value = _new_enum(work, res, row)
        change = EnumChange(field_label(fname), str(value))
    work.plan.call(res.tool("update"), **res.update_args(_id_ref(work, step, path), {fname: value}))
    work.changes.append(RowExpectation(table=res.table, op="update", id=row["id"], where={fname: value}))
    work.used.add((res.table, row["id"]))
    return change


@segment("find_update")
def find_update(work: Work, res: Res) -> None:
    """Search a record by name, open it and change one field."""
    _need(res, "search", "update")
    row = work.rng.choice(_named_rows(work, res))
    step, path = find(work, res, row)
    work.export_row(res, row, step, path)
    change = _change(work, res, row, step, path)
    tell = None
    old_fields = [f for f in res.enum_fields(editable=False) if f in row and f not in work.changes[-1].where]
    if old_fields and work.rng.random() < 0.5:
        f = work.rng.choice(old_fields)
        tell = field_label(f)
        work.fact(
            f"{res.label} {field_label(f)}",
            show(row[f]),
            value_type(res, f, row[f]),
            enum_distractors(res, f, row[f]),
        )
    work.clauses.append(FindUpdate(res.app.title, res.label, str(row[res.name_field]), change, tell).text())
    _offer_extras(work, res, row)


def _pages(
    work: Work, res: Res, filters: dict[str, Any], limit: int
) -> list[tuple[int, int, dict[str, Any]]]:
    """List every page of a filtered listing; returns (step, index, item) for every item."""
    plan, out, page, cursor = work.plan, [], 1, None
    while True:
        result = plan.call(res.tool("list"), **res.list_args(filters, limit, page, cursor))
        step = len(plan.results) - 1
        out += [(step, i, item) for i, item in enumerate(result["items"])]
        more = (
            result.get("has_more")
            if "has_more" in result
            else (
                result.get("next_cursor") is not None
                if "next_cursor" in result
                else len(out) < result["total"]
            )
        )
        if not more or not result["items"] or page >= 4:
            if more:
                raise Skip("too many pages")
            return out
        page += 1
        cursor = plan.ref("next_cursor") if "next_cursor" in result else None


def _tradeoff(items: list, numeric: list[str], best: Any, rng: Any) -> tuple | None:
    """A (metric, cap field, cap, tempting record, eligible records) where the best record by the metric is
    over the cap, so the cap changes the choice."""
    pairs = [(m, c) for m in numeric for c in numeric if m != c]
    rng.shuffle(pairs)
    for metric, cap_field in pairs:
        if any(
            not isinstance(it.get(metric), (int, float))
            or not isinstance(it.get(cap_field), (int, float))
            or isinstance(it.get(metric), bool)
            for _, _, it in items
        ):
            continue
        top = best(items, key=lambda x: x[2][metric])
        caps = sorted({it[cap_field] for _, _, it in items if it[cap_field] < top[2][cap_field]})
        if not caps:
            continue
        cap = rng.choice(caps)
        pool = [x for x in items if x[2][cap_field] <= cap]
        return metric, cap_field, cap, top, pool
    return None


def _filter_choice(work: Work, res: Res, lo: int, hi: int) -> tuple[str, Any, list[dict[str, Any]]]:
    rows = work.plan.read(res.table)
    options = []
    for f in res.filter_enums():
        values = res.props[f].enum or (True, False)
        for v in values:
            matching = [r for r in rows if r.get(f) == v]
            if lo <= len(matching) <= hi:
                options.append((f, v, matching))
    if not options:
        raise Skip(f"no filter of {res.table} selects {lo}-{hi} records")
    return work.rng.choice(options)


@segment("pick")
def pick(work: Work, res: Res) -> None:
    """List the records matching a filter (every page), pick the highest/lowest by a number, then act on
    it."""
    _need(res, "list")
    numeric = [f for f in res.numeric() if f in res.props]
    if not numeric:
        raise Skip(f"{res.table} has nothing to compare")
    f, v, _ = _filter_choice(work, res, 3, 30)
    limit = work.rng.choice((5, 10, 20))
    items = _pages(work, res, {f: v}, limit)
    rng = work.rng
    best = max if rng.random() < 0.6 else min
    word = "highest" if best is max else "lowest"
    found = _tradeoff(items, numeric, best, rng) if len(numeric) >= 2 and rng.random() < 0.6 else None
    tradeoff = found is not None
    if found:
        metric, cap_field, cap, top, pool = found
    else:
        metric = rng.choice(numeric)
        pool = items
    if any(not isinstance(it.get(metric), (int, float)) for _, _, it in items):
        raise Skip("missing values")
    criteria = (
        Criteria(word, field_label(metric), field_label(cap_field), show(cap))
        if tradeoff
        else Criteria(word, field_label(metric))
    )
    chosen = best(pool, key=lambda x: x[2][metric])
    if sum(1 for x in pool if x[2][metric] == chosen[2][metric]) > 1:
        raise Skip("tie")
    step, idx, row = chosen
    if (res.table, row["id"]) in work.used:
        raise Skip("the chosen record was already used")
    name = row.get(res.name_field) if res.name_field else None
    display = name or row["id"]
    others = [x for x in items if x[2]["id"] != row["id"]]
    rivals = [(x[2].get(res.name_field) if res.name_field else None) or x[2]["id"] for x in others]
    work.fact(
        f"chosen {res.label}",
        display,
        "name" if name else "id",  # its id identifies it as well
        rivals + ([x[2]["id"] for x in others] if name else []),
        [row["id"]] if name else [],
    )
    work.fact(
        field_label(metric),
        show(row[metric]),
        value_type(res, metric, row[metric]),
        [show(x[2][metric]) for x in others],
    )
    if tradeoff:
        work.fact(
            field_label(cap_field),
            show(row[cap_field]),
            value_type(res, cap_field, row[cap_field]),
            [show(x[2][cap_field]) for x in others],
        )
        rejected = top[2].get(res.name_field) if res.name_field else top[2]["id"]
        work.tradeoffs.append(
            {
                "criteria": f"the {criteria.text()}",
                "chosen": str(display),
                "aliases": [row["id"]] if name else [],
                "evidence": [show(row[metric]), show(row[cap_field])],
                "rejected": [str(rejected)],
            }
        )
    path = f"items.{idx}"
    if "get" in res.tools:
        work.plan.call(res.tool("get"), **{res.id_arg: work.plan.ref(f"{path}.id", step)})
        step, path = len(work.plan.results) - 1, ""
    work.export_row(res, row, step, path)
    _offer_extras(work, res, row, picked=True)
    work.used.add((res.table, row["id"]))
    then: Change | DeleteIt | None = None
    if "update" in res.tools and rng.random() < 0.7:
        then = _change(work, res, row, step, path)
    elif "delete" in res.tools and "get" in res.tools and rng.random() < 0.5:
        work.plan.call(res.tool("delete"), **{res.id_arg: _id_ref(work, step, path)})
        work.changes.append(RowExpectation(table=res.table, op="delete", id=row["id"]))
        then = DeleteIt()
    work.clauses.append(Pick(res.app.title, res.plural, where(res, f, v), criteria, then).text())


@segment("fanout")
def fanout(work: Work, res: Res) -> None:
    """Act on every record matching a filter: change a field of each, or delete each after opening it."""
    _need(res, "list")
    f, v, matching = _filter_choice(work, res, 2, 5)
    if any((res.table, r["id"]) in work.used for r in matching):
        raise Skip("records already used")
    delete = "delete" in res.tools and "get" in res.tools and work.rng.random() < 0.35
    if not delete:
        _need(res, "update")
        options = [
            (g, w)
            for g in res.enum_fields()
            for w in res.props[g].enum
            if all(r.get(g) != w for r in matching)
        ]
        if not options:
            raise Skip("no common new value")
        g, w = work.rng.choice(options)
    items = _pages(work, res, {f: v}, 20)
    plan = work.plan
    for step, idx, row in items:
        ref = plan.ref(f"items.{idx}.id", step)
        if delete:
            plan.call(res.tool("get"), **{res.id_arg: ref})
            plan.call(res.tool("delete"), **{res.id_arg: plan.ref("id")})
            work.changes.append(RowExpectation(table=res.table, op="delete", id=row["id"]))
        else:
            plan.call(res.tool("update"), **res.update_args(ref, {g: w}))
            work.changes.append(RowExpectation(table=res.table, op="update", id=row["id"], where={g: w}))
        work.used.add((res.table, row["id"]))
        label = row.get(res.name_field) if res.name_field else None
        work.entities.append(Entity(id=row["id"], label=str(label or row["id"])))
    action = DeleteEach() if delete else SetEach(field_label(g), str(w))
    work.clauses.append(Fanout(res.app.title, res.plural, where(res, f, v), action).text())
    work.fact(f"{res.plural} handled", len(items), "integer")


def _ref_value(work: Work, res: Res, fname: str, target: str) -> tuple[Any, Item]:
    """Find an existing record for a reference field (search by name, or the first listed one); its id and how
    the request names it."""
    app_res = {r.decl.name: r for r in resources(res.app)}
    tres = app_res.get(target.split(".")[-1])
    if tres is None:
        raise Skip(f"cannot resolve {fname}")
    if "search" in tres.tools and tres.name_field:
        row = work.rng.choice(_named_rows(work, tres)[:40])
        step, path = find(work, tres, row)
        return _id_ref(work, step, path), ForRecord(tres.label, str(row[tres.name_field]))
    if "list" not in tres.tools:
        raise Skip(f"cannot look up {target}")
    result = work.plan.call(tres.tool("list"), **tres.list_args({}, 5))
    if not result["items"]:
        raise Skip("empty")
    row = result["items"][0]
    label = row.get(tres.name_field) if tres.name_field else row["id"]
    return work.plan.ref("items.0.id"), ForFirst(tres.label, str(label))


@segment("create")
def create(work: Work, res: Res) -> None:
    """Create a record whose text names something found earlier and whose amount comes from it."""
    _need(res, "create")
    tool = res.tools["create"]
    schema = tool.input_schema
    required = list(schema.get("required", []))
    texts = [f for f in res.text_fields() if f in schema["properties"]] or [
        f
        for f in required
        if res.props.get(f)
        and res.props[f].type == "string"
        and not res.props[f].enum
        and not res.props[f].pattern
        and f not in res.decl.refs
        and "email" not in f
    ]
    if not texts:
        raise Skip("nothing to write")
    upstream = work.latest("name")
    amount = work.latest("amount")
    rng = work.rng
    text_field = res.name_field if res.name_field in texts else rng.choice(texts)
    cast = make_cast(work.plan.world.seed)
    core = upstream.value if upstream is not None else rng.choice(cast.people).last_name + " account"
    verb = rng.choice(("Follow up on", "Review", "Prepare", "Check", "Plan"))
    text = f"{verb} {core}"[: res.props[text_field].max_length or 200]
    args: dict[str, Any] = {text_field: text}
    where: dict[str, Any] = {text_field: {"$icontains": text}}
    described: list[Item] = [Quoted(field_label(text_field), text)]
    money = [f for f in res.money() if f in schema["properties"] and f in res.editable]
    if money:
        mf = money[0]
        prop = res.props[mf]
        fits = (
            amount is not None
            and (prop.maximum is None or amount.value <= prop.maximum)
            and (prop.minimum is None or amount.value >= prop.minimum)
        )
        if fits:
            args[mf] = amount.ref
            where[mf] = {"$approx": float(amount.value), "$tol": 0.01}
            described.append(
                EqualTo(field_label(mf), field_label(amount.ref.path.split(".")[-1]), amount.source)
            )
        else:
            value = fill_value(prop, rng, work.today)
            if prop.type == "number":
                value = round(rng.uniform(25, 900), 2)
            args[mf] = value
            where[mf] = value
            described.append(Amount(field_label(mf), show(value)))
        work.spend.append(SpendRule(table=res.table, column=mf))
    for fname in required:
        if fname in args:
            continue
        if fname in res.decl.refs:
            args[fname], phrase = _ref_value(work, res, fname, res.decl.refs[fname])
            described.append(phrase)
            continue
        prop = res.props.get(fname)
        if prop is None:
            raise Skip(f"unknown field {fname}")
        try:
            value = fill_value(prop, rng, work.today, hint=text)
        except ValueError as exc:
            raise Skip(str(exc)) from None
        if "email" in fname:
            email = work.latest("email")
            value = email.value if email is not None else rng.choice(cast.people).email
        args[fname] = value
        if prop.enum or prop.type in ("integer", "number") or "date" in fname or "email" in fname:
            where[fname] = value
            described.append(Quoted(field_label(fname), show(value)))
    result = work.plan.call(res.tool("create"), **args)
    for fname in res.decl.refs:
        if fname in args and result.get(fname) is not None:
            where[fname] = result[fname]  # the parent record the request named, not any record of that table
    work.changes.append(RowExpectation(table=res.table, op="insert", where=where))
    work.clauses.append(Create(res.app.title, res.label, tuple(described)).text())
    work.extra(OfNew("id", res.label).text(), result.get("id"))
    for f in res.money():
        if isinstance(result.get(f), (int, float)) and f in args and f not in {s.column for s in work.spend}:
            work.spend.append(SpendRule(table=res.table, column=f))


@segment("delete")
def delete(work: Work, res: Res) -> None:
    """Find a record by name, open it, delete it."""
    _need(res, "search", "get", "delete")
    row = work.rng.choice(_named_rows(work, res))
    step, path = find(work, res, row)
    work.plan.call(res.tool("delete"), **{res.id_arg: _id_ref(work, step, path)})
    work.changes.append(RowExpectation(table=res.table, op="delete", id=row["id"]))
    work.used.add((res.table, row["id"]))
    work.export_row(res, row, step, path)
    work.clauses.append(Delete(res.app.title, res.label, str(row[res.name_field])).text())


@segment("branch")
def branch(work: Work, res: Res) -> None:
    """If-then: open a record and change it one way or another depending on what it shows."""
    _need(res, "search", "update")
    row = work.rng.choice(_named_rows(work, res))
    conds = [f for f in res.enum_fields(editable=False) if f in row]
    if not conds:
        raise Skip("no condition field")
    rng = work.rng
    cond = rng.choice(conds)
    holds = rng.random() < 0.5
    value = row[cond] if holds else rng.choice([v for v in res.props[cond].enum if v != row[cond]])
    g, w_true = _new_enum(work, res, row, avoid=(cond,)) if holds else (None, None)
    if not holds:
        g, w_false = _new_enum(work, res, row, avoid=(cond,))
        w_true = rng.choice([v for v in res.props[g].enum if v != w_false])
    else:
        w_false = rng.choice([v for v in res.props[g].enum if v != w_true])
    new = w_true if holds else w_false
    step, path = find(work, res, row)
    work.plan.call(res.tool("update"), **res.update_args(_id_ref(work, step, path), {g: new}))
    work.changes.append(RowExpectation(table=res.table, op="update", id=row["id"], where={g: new}))
    work.used.add((res.table, row["id"]))
    work.export_row(res, row, step, path)
    work.clauses.append(
        Branch(
            res.app.title,
            res.label,
            str(row[res.name_field]),
            field_label(cond),
            show(value),
            field_label(g),
            str(w_true),
            str(w_false),
        ).text()
    )
    _offer_extras(work, res, row)


def notify(work: Work) -> None:
    """Look a person up in Contacts and email them what the task found (core apps; data flows into the
    body)."""
    plan, rng = work.plan, work.rng
    person = rng.choice(make_cast(plan.world.seed).people)
    plan.call("contacts__search_contacts", query=person.last_name)
    items = plan.results[-1]["items"]
    idx = next((i for i, c in enumerate(items) if c["email"] == person.email), None)
    if idx is None:
        raise Skip("contact not found by last name")
    contact = items[idx]
    facts = [v for _, v in work.report][:3]
    if not facts:
        raise Skip("nothing to report")
    body = (
        "Hi "
        + person.first_name
        + ", quick update: "
        + "; ".join(f"{k}: {v}" for k, v in work.report[:3])
        + "."
    )
    plan.call("mail__send_email", to=[plan.ref(f"items.{idx}.email")], subject="Update", body=body)
    work.changes.append(
        RowExpectation(
            table="mail__messages",
            op="insert",
            where={"folder": "sent", "to": [person.email], "body": {"$mentions": facts[0]}},
        )
    )
    if contact.get("phone"):
        work.sensitive.append(Sensitive(contact["phone"], "phone number", "contacts", person.name))
    work.clauses.append(Notify(person.name, work.report[0][0]).text())
    work.segments.append("notify")
