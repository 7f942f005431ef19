"""Domain actions as the scenario generator uses them: which records an action takes, how a request names
its arguments, and whether it goes through on the world as it is (its real preconditions, found by trying).

An :class:`Act` is one domain action of one app with its :class:`~toolgym_env.tasks.scenarios.intent.Intent`.
:func:`instantiate` chooses real arguments for it (target records, picked values, choices) and renders the
phrasing; :func:`outcome` runs it on the plan's world and rolls it back, to tell a call that would succeed
from one its preconditions refuse.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from toolgym_env.apps.spec import AppSpec, ToolSpec
from toolgym_env.tasks.engine.toolbox import Res, resources
from toolgym_env.tasks.plan import Plan, PlanError
from toolgym_env.tasks.scenarios.intent import Composing, Intent, slot_of
from toolgym_env.tasks.scenarios.intents import intents

#: A person's name: two or three capitalised words (rendered without "the <kind>").
_PERSON = re.compile(r"^[A-Z][a-z'’-]+( [A-Z][a-z'’-]+){1,2}$")


@dataclass(frozen=True)
class Act:
    """One domain action of one app, with how a person asks for it."""

    app: AppSpec
    name: str  # canonical action name
    tool: ToolSpec
    intent: Intent

    @property
    def qualified(self) -> str:
        """The catalog name of the tool (``app__tool``)."""
        return self.tool.qualified_name

    @property
    def read_only(self) -> bool:
        """Whether the action only reads."""
        return self.tool.read_only

    @property
    def params(self) -> dict[str, dict[str, Any]]:
        """The input schema's properties."""
        return self.tool.input_schema.get("properties", {})

    @property
    def required(self) -> list[str]:
        """Required parameters."""
        return list(self.tool.input_schema.get("required", []))

    def id_params(self) -> dict[str, Res]:
        """Parameters that take ids of records of this app (slot filled with real records), by resource."""
        by_name = {r.decl.name: r for r in resources(self.app)}
        out: dict[str, Res] = {}
        slots = set(self.intent.slots())
        for param in self.params:
            if param in self.intent.pick or param in self.intent.args or param in self.intent.choices:
                continue
            if slot_of(param) not in slots or slot_of(param) == param:
                continue
            res = resource_for(param, by_name)
            if res is not None:
                out[param] = res
        return out

    def target(self) -> tuple[str, Res] | None:
        """The first id parameter taking one record: the record the action is about."""
        return next(((p, r) for p, r in self.id_params().items() if not p.endswith("_ids")), None)


def resource_for(param: str, by_name: dict[str, Res]) -> Res | None:
    """The resource an id parameter points to: ``ticket_id`` → ``ticket``, ``source_ticket_ids`` → ``ticket``.

    Example:
        >>> resource_for("source_ticket_ids", {"ticket": "T"})
        'T'
    """
    base = param.removesuffix("_ids").removesuffix("_id")
    words = base.split("_")
    for i in range(len(words)):
        name = "_".join(words[i:])
        if name in by_name:
            return by_name[name]
    return None


@cache
def acts_of(app: AppSpec) -> tuple[Act, ...]:
    """The domain actions of an app that have an intent, in declaration order (a core app's by tool name)."""
    from toolgym_env.apps.domains import blueprint, product_index

    entry = product_index().get(app.name)
    if entry is None:
        table = intents(app.name)
        return tuple(
            Act(app, t.name, t, table[t.name])
            for t in app.tools.values()
            if t.op == "action" and t.name in table
        )
    bp = blueprint(entry[0])
    table = intents(entry[0])
    by_fn = {t.fn: t for t in app.tools.values() if t.op == "action"}
    out = []
    for a in bp.actions:
        canonical = a.kwargs["name"] or a.fn.__name__
        tool = by_fn.get(a.fn)
        if tool is not None and canonical in table:
            out.append(Act(app, canonical, tool, table[canonical]))
    return tuple(out)


@dataclass
class Instance:
    """An action with chosen arguments: what to call, how the request says it, and the records it takes."""

    act: Act
    args: dict[str, Any]
    text: str  # the phrasing with its slots filled
    records: dict[str, list[dict[str, Any]]]  # id parameter -> the records chosen for it
    cited: dict[str, tuple[Res, dict[str, Any]]] = field(default_factory=dict)  # ids inside composed values

    def target_row(self) -> dict[str, Any] | None:
        """The record the action is about (its first single-id parameter)."""
        target = self.act.target()
        return self.records[target[0]][0] if target else None


#: Fields that name a record when its resource declares no searchable name (a folder's name, a discount's
#: code).
NAME_LIKE = (
    "name",
    "title",
    "label",
    "code",
    "sku",
    "barcode",
    "username",
    "alias",
    "common_name",
    "room_number",
    "subject",
    "test_name",
    "option_title",
    "tracking_number",
    "client_order_id",
    "file_name",
    "reference",
)


def label_field(res: Res) -> str | None:
    """The field a person names records of ``res`` by: the searchable name, else a name-like text field."""
    if res.name_field:
        return res.name_field
    props = res.props
    return next(
        (f for f in NAME_LIKE if f in props and props[f].type == "string" and not props[f].enum), None
    )


def nameless(res: Res) -> bool:
    """Whether records of ``res`` have no name at all (a refund, a viewing, a loan): a request then picks one
    out by a field only it has (:func:`~toolgym_env.tasks.scenarios.scene.identify`)."""
    return label_field(res) is None


def name_of(res: Res, row: dict[str, Any]) -> str | None:
    """The name a person calls a record by (``None`` when the record has no usable name)."""
    field = label_field(res)
    value = row.get(field) if field else None
    return value.strip() if isinstance(value, str) and 2 <= len(value.strip()) <= 80 else None


def unique_name(plan: Plan, res: Res, row: dict[str, Any]) -> str | None:
    """The record's name when no other record of its kind shares it (a request naming “Summary” when three
    sheets are called that would leave the agent guessing), else ``None``."""
    name = name_of(res, row)
    if name is None:
        return None
    same = sum(1 for r in plan.read(res.table) if (name_of(res, r) or "").casefold() == name.casefold())
    return name if same == 1 else None


#: Name fields that name the record itself (a person); any other ``*_name`` names whom a record is for.
_OWN_NAMES = ("full_name", "display_name", "first_name", "last_name", "user_name", "legal_name")


def mention(res: Res, rows: Sequence[dict[str, Any]]) -> str:
    """How a request names records: ``the ticket “Printer jam”``, ``Ana Diaz`` (a person), or a list of them.

    Example:
        >>> class R:
        ...     label, plural, name_field = "ticket", "tickets", "subject"
        >>> mention(R(), [{"id": "t1", "subject": "Printer jam"}])
        'the ticket “Printer jam”'
        >>> mention(R(), [{"id": "t1", "subject": "A b"}, {"id": "t2", "subject": "C d"}])
        'the tickets “A b” and “C d”'
        >>> R.label, R.name_field = "reservation", "guest_name"
        >>> mention(R(), [{"id": "r1", "guest_name": "Ana Diaz"}])
        'the reservation for Ana Diaz'
    """
    names = [name_of(res, r) or r["id"] for r in rows]
    if len(rows) == 1 and _PERSON.match(names[0]):
        field = label_field(res) or ""
        if field.endswith("_name") and field not in _OWN_NAMES:  # a reservation under a guest's name
            return f"the {res.label.replace('_', ' ')} for {names[0]}"
        if field in (*_OWN_NAMES, "name"):  # a payee or a merchant that looks like a name stays quoted
            return names[0]
    quoted = [f"“{n}”" for n in names]
    if len(quoted) == 1:
        return f"the {res.label.replace('_', ' ')} {quoted[0]}"
    joined = ", ".join(quoted[:-1]) + f" and {quoted[-1]}"
    return f"the {res.plural.replace('_', ' ')} {joined}"


def say(value: Any) -> str:
    """A value as a request states it: quoted text, plain numbers, lists joined with "and", objects as
    their values.

    Example:
        >>> say("hello"), say(3), say(True), say(["a", "b"]), say({"priority": "high"})
        ('“hello”', '3', 'yes', '“a” and “b”', '“high”')
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list):
        parts = [say(v) for v in value]
        return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)
    if isinstance(value, dict):
        return say(list(value.values())) if value else "nothing"
    return f"“{value}”"


def _enum_of(schema: dict[str, Any]) -> list[Any]:
    for alt in [schema, *schema.get("anyOf", [])]:
        if alt.get("enum"):
            return [v for v in alt["enum"] if v is not None]
    return []


def _named_rows(plan: Plan, res: Res, avoid: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """Rows a request can name without ambiguity (a unique name), not used by another step."""
    rows = plan.read(res.table)
    counts: dict[str, int] = {}
    for r in rows:
        n = (name_of(res, r) or "").casefold()
        counts[n] = counts.get(n, 0) + 1
    return [
        r
        for r in rows
        if (n := name_of(res, r)) and counts[n.casefold()] == 1 and (res.table, r["id"]) not in avoid
    ]


def instantiate(
    act: Act,
    plan: Plan,
    rng: random.Random,
    split: str,
    target: dict[str, Any] | None = None,
    avoid: set[tuple[str, str]] = frozenset(),
) -> Instance | None:
    """Arguments and request text for ``act`` on the plan's world (``target``: the record the action is about;
    otherwise one is drawn); ``None`` when the world lacks what the action needs."""
    intent = act.intent
    args: dict[str, Any] = dict(intent.args)
    records: dict[str, list[dict[str, Any]]] = {}
    fills: dict[str, str] = {}
    used = set(avoid)
    main = act.target()
    pools: dict[str, list[dict[str, Any]]] = {}
    for param, res in act.id_params().items():
        if main is not None and param == main[0] and target is not None:
            rows = [target]
        else:
            pool = _named_rows(plan, res, used)
            if not pool:
                return None
            if param.endswith("_ids"):
                pools[param] = pool
                k = min(len(pool), rng.choice((2, 2, 3)))
                rows = rng.sample(pool, k)
            else:
                rows = [rng.choice(pool)]
        # a given target the request picks out itself (a record with no name, by a field only it has)
        described = (
            target is not None
            and main is not None
            and param == main[0]
            and unique_name(plan, res, target) is None
        )
        if not described and not all(name_of(res, r) for r in rows):
            return None
        used.update((res.table, r["id"]) for r in rows)
        records[param] = rows
        args[param] = [r["id"] for r in rows] if param.endswith("_ids") else rows[0]["id"]
        fills[slot_of(param)] = mention(res, rows)
    by_name = {r.decl.name: r for r in resources(act.app)}
    for param, source in intent.pick.items():
        res_name, field = source.split(".")
        res = by_name.get(res_name)
        if res is None:
            return None
        rows = [r for r in plan.read(res.table) if r.get(field) not in (None, "")]
        if not rows:
            return None
        row = rng.choice(rows)
        args[param] = row[field]
        if slot_of(param) in intent.slots():
            fills[slot_of(param)] = (
                name_of(res, row) and mention(res, [row]) if field == "id" else say(row[field])
            )
    for param, values in intent.choices.items():
        args[param] = rng.choice(values)
    cited: dict[str, tuple[Res, dict[str, Any]]] = {}
    for param, build in intent.compose.items():
        seen = Composing(
            rows=lambda name: plan.read(by_name[name].table) if name in by_name else [],
            name=lambda name, row: name_of(by_name[name], row) if name in by_name else None,
            cite=lambda name, row: cited.__setitem__(row["id"], (by_name[name], row)),
            records=records,
            args=args,
            rng=rng,
        )
        made = build(seen)
        if made is None:
            return None
        args[param], fills[slot_of(param)] = made
    for slot in intent.slots():
        if slot in fills:
            continue
        param = next((p for p in act.params if slot_of(p) == slot), slot)
        if param not in args:
            options = _enum_of(act.params.get(param, {}))
            if not options:
                return None
            args[param] = rng.choice(options)
        fills[slot] = say(args[param])
    for param, pool in pools.items():
        rows = _workable(act, plan, args, param, pool, records[param], rng)
        if not rows:
            return None
        records[param] = rows
        args[param] = [r["id"] for r in rows]
        fills[slot_of(param)] = mention(act.id_params()[param], rows)
    phrasings = intent.phrasings(split) or intent.ask
    text = rng.choice(phrasings)
    for slot, value in fills.items():
        text = text.replace("{" + slot + "}", value)
    return Instance(act, args, text, records, cited)


class _Undo(Exception):
    """Raised to roll a trial call back."""


#: Records tried one by one for a parameter that takes several ids.
TRIED_IDS = 8


def _workable(
    act: Act,
    plan: Plan,
    args: dict[str, Any],
    param: str,
    pool: list[dict[str, Any]],
    chosen: list[dict[str, Any]],
    rng: random.Random,
) -> list[dict[str, Any]]:
    """``chosen`` when the action goes through on them; else as many records of ``pool`` on which it does,
    each tried alone in ``param`` (a bulk refund of two charges fails whole when one was refunded already)."""
    if _goes_through(plan, act, args):
        return chosen
    rows = rng.sample(pool, min(len(pool), TRIED_IDS))
    fit = [r for r in rows if _goes_through(plan, act, {**args, param: [r["id"]]})]
    return fit[: len(chosen)]


def _goes_through(plan: Plan, act: Act, args: dict[str, Any]) -> bool:
    return outcome(plan, Instance(act, args, "", {}))[0]


def outcome(plan: Plan, inst: Instance) -> tuple[bool, str]:
    """Whether calling ``inst`` on the plan's world now succeeds, and its result or error text; the world, the
    clock and the recorded solution are left as they were."""
    try:
        with plan.attempt():
            result = plan.call(inst.act.qualified, **inst.args)
            raise _Undo(json.dumps(result, sort_keys=True, default=str))
    except _Undo as done:
        return True, str(done)
    except PlanError as exc:
        return False, str(exc)
