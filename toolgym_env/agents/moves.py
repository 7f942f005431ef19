"""The moves a discrete-action agent may choose from, per workflow step of the request: each move is one
concrete tool call whose arguments come from the schema, the values the request quotes and the records seen so
far.

Reuses the heuristic agent's reading of requests and tools (:mod:`toolgym_env.agents.heuristic_parse`, which
reads steps with :mod:`toolgym_env.tasks.grammar`, and :mod:`~toolgym_env.agents.heuristic_tools`); unlike
that agent it never decides which move comes next or which record wins a comparison — it offers the
alternatives (the highest, the lowest and the first listed record), and the policy chooses.

Example:
    >>> from toolgym_env.agents.candidates import CandidateBuilder
    >>> b = CandidateBuilder()
    >>> b.reset("In Acme CRM, delete the deal “Old lead”.")
    >>> [c.move for c in b.candidates()]        # no tool found yet: only the final answer
    ['final']
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from toolgym_env.agents.heuristic_answer import show
from toolgym_env.agents.heuristic_flows import _num, capped_pool, condition_holds, singular_label
from toolgym_env.agents.heuristic_tools import (
    coerce,
    default_value,
    field_key,
    id_param,
    label_words,
    main_schema,
    name_words,
    page_args,
    props_of,
    score,
    with_fields,
)
from toolgym_env.tasks import grammar as g
from toolgym_env.wrappers.candidates import CHOICES, Candidate

if TYPE_CHECKING:
    from toolgym_env.agents.candidates import CandidateBuilder

PAGE_SIZE = 50
MAX_PAGES = 8
#: The operations each kind of request step needs tools for.
NEEDS = {
    "pick": lambda s: (
        ["list", "get", "search"]
        + (["delete" if isinstance(s.then, g.DeleteIt) else "update"] if s.then is not None else [])
    ),
    "fanout": lambda s: ["list", "delete" if isinstance(s.action, g.DeleteEach) else "update"],
    "find_update": lambda s: ["search", "get", "update"],
    "delete": lambda s: ["search", "get", "delete"],
    "branch": lambda s: ["search", "get", "update"],
    "create": lambda s: ["create"],
}


def is_send(t: dict[str, Any]) -> bool:
    """Whether a tool is Mail's send-email tool."""
    return t["name"].split("__", 1)[0] == "mail" and {"send", "email"} <= set(
        name_words(t["name"].split("__", 1)[-1])
    )


def step_moves(b: CandidateBuilder, i: int, s: g.Clause) -> Iterator[Candidate]:
    """The moves that advance step ``i`` now (none once it is done, except repeats the policy may still
    pick)."""
    yield from _MOVES[s.kind](b, i, s)


def _list_move(
    b: CandidateBuilder, i: int, app: str, label: str, plural: str, filt: tuple | None
) -> Iterator:
    lister = b.tool(app, label, "list")
    state = b.pages.get(i, {"page": 0, "more": True, "cursor": None})
    if lister is None or not state["more"] or state["page"] >= MAX_PAGES:
        return
    schema = lister.get("inputSchema", {})
    args, where = {}, ""
    if filt is not None:
        key = field_key(filt[0], props_of(schema, "filter"))
        if key is not None:
            args, where = (
                with_fields(schema, "filter", {key: filt[1]}),
                f" whose {filt[0]} is {show(filt[1])}",
            )
    page = state["page"] + 1
    args.update(page_args(schema, page, PAGE_SIZE, state["cursor"]))
    more = f" (page {page})" if page > 1 else ""
    yield b.make(lister["name"], args, f"list the {plural} in {app}{where}{more}", "list", i)


def _commit_call(
    b: CandidateBuilder, i: int, app: str, label: str, row: dict[str, Any]
) -> tuple[str, dict] | None:
    """The call that opens ``row`` (its get tool), or a harmless read when the app has none: a search by its
    name, else the listing it came from again."""
    get = b.tool(app, label, "get")
    if (
        get is not None
        and row.get("id") is not None
        and (score(get, app, label, "get") > 1 or id_param(get["inputSchema"], label) is not None)
    ):
        return get["name"], {id_param(get["inputSchema"], label) or "id": row["id"]}
    search = b.tool(app, label, "search")
    if search is not None and score(search, app, label, "search") > 1:
        return search["name"], {_query_param(search): b.name_of(app, label, row)[:200]}
    return b.listed.get(i)


def _query_param(search: dict[str, Any]) -> str:
    props = props_of(search.get("inputSchema", {}))
    if "query" in props:
        return "query"
    return next(
        (
            p
            for p in search["inputSchema"].get("required", [])
            if main_schema(props[p]).get("type") == "string"
        ),
        "query",
    )


def _change_move(
    b: CandidateBuilder, i: int, app: str, label: str, row: dict[str, Any], change: tuple[str, Any]
) -> Iterator:
    tool = b.tool(app, label, "update")
    if tool is None or row.get("id") is None:
        return
    schema = tool["inputSchema"]
    key = field_key(change[0], props_of(schema, "changes"))
    if key is None:
        return
    args = {id_param(schema, label) or "id": row["id"], **with_fields(schema, "changes", {key: change[1]})}
    yield b.make(
        tool["name"],
        args,
        f"set the {change[0]} of the {label} {b.name_of(app, label, row)} to {show(change[1])}",
        "update",
        i,
        row=row,
    )


def _delete_move(b: CandidateBuilder, i: int, app: str, label: str, row: dict[str, Any]) -> Iterator:
    tool = b.tool(app, label, "delete")
    if tool is not None and row.get("id") is not None:
        yield b.make(
            tool["name"],
            {id_param(tool["inputSchema"], label) or "id": row["id"]},
            f"delete the {label} {b.name_of(app, label, row)}",
            "delete",
            i,
            row=row,
        )


def _ranked(s: g.Pick, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The highest and lowest rows by the step's metric (within its cap), and the first one listed."""
    out = {"first": rows[0]}
    metric, pool = capped_pool(s, rows)
    if pool:
        out["highest"] = max(pool, key=lambda r: _num(r[metric]))
        out["lowest"] = min(pool, key=lambda r: _num(r[metric]))
    return out


def pick(b: CandidateBuilder, i: int, s: g.Pick) -> Iterator:
    """List the filtered records, pick one of them (highest / lowest / first), then change or delete it."""
    label = singular_label(s.plural)
    yield from _list_move(b, i, s.app, label, s.plural, (s.filter.field, s.filter.value))
    rows = b.rows.get(i, [])
    if rows and i not in b.chosen:
        ranked = _ranked(s, rows)
        for choice in CHOICES:
            row = ranked.get(choice)
            call = _commit_call(b, i, s.app, label, row) if row is not None else None
            if call is not None:
                what = (
                    f"first {label} listed"
                    if choice == "first"
                    else f"{label} with {choice} {s.criteria.metric}"
                )
                yield b.make(
                    *call, f"pick the {what}: {b.name_of(s.app, label, row)}", "pick", i, choice, row
                )
    row, then = b.chosen.get(i), s.then
    if row is not None and then is not None and i not in b.done:
        yield from (
            _delete_move(b, i, s.app, label, row)
            if isinstance(then, g.DeleteIt)
            else _change_move(b, i, s.app, label, row, (then.field, then.value))
        )


def fanout(b: CandidateBuilder, i: int, s: g.Fanout) -> Iterator:
    """List the filtered records, then change (or delete) them one by one."""
    label = singular_label(s.plural)
    yield from _list_move(b, i, s.app, label, s.plural, (s.filter.field, s.filter.value))
    handled = b.handled.get(i, set())
    todo = [r for r in b.rows.get(i, []) if r.get("id") not in handled]
    if todo and not b.pages.get(i, {}).get("more", True):
        yield from (
            _delete_move(b, i, s.app, label, todo[0])
            if isinstance(s.action, g.DeleteEach)
            else _change_move(b, i, s.app, label, todo[0], (s.action.field, s.action.value))
        )


def find_then(b: CandidateBuilder, i: int, s: g.FindUpdate | g.Delete | g.Branch) -> Iterator:
    """Search a record by its quoted name, open it, then change / delete / branch on it."""
    if i not in b.found:
        search = b.tool(s.app, s.label, "search")
        if search is not None:
            args = {
                _query_param(search): s.name,
                **({"limit": 10} if "limit" in props_of(search["inputSchema"]) else {}),
            }
            yield b.make(search["name"], args, f"search the {s.label}s in {s.app} for {s.name}", "find", i)
        else:
            yield from _list_move(b, i, s.app, s.label, s.label + "s", None)
        return
    row = b.found[i]
    if i not in b.chosen:
        call = _commit_call(b, i, s.app, s.label, row)
        if call is not None:
            yield b.make(*call, f"open the {s.label} {s.name}", "open", i, row=row)
    if i in b.done:
        return
    row = b.chosen.get(i, row)
    if isinstance(s, g.Delete):
        yield from _delete_move(b, i, s.app, s.label, row)
    elif isinstance(s, g.Branch):
        yield from _change_move(
            b, i, s.app, s.label, row, (s.field, s.yes if condition_holds(s, row) else s.no)
        )
    else:
        yield from _change_move(b, i, s.app, s.label, row, (s.change.field, s.change.value))


def create(b: CandidateBuilder, i: int, s: g.Create) -> Iterator:
    """Create a record from the quoted values and the values of records seen (best effort)."""
    tool = b.tool(s.app, s.label, "create")
    if tool is None or i in b.done:
        return
    schema, props, args, text = tool["inputSchema"], props_of(tool["inputSchema"]), {}, ""
    for item in s.items:
        if isinstance(item, (g.ForFirst, g.ForRecord)):
            row = b.recall(item.label, item.name)
            key = field_key("_".join(label_words(item.label)) + "_id", props)
            if row is not None and key is not None:
                args[key] = row.get("id")
        elif isinstance(item, g.EqualTo):
            row, key = b.recall(item.source.label, item.source.name), field_key(item.field, props)
            if row is not None and key is not None and field_key(item.source_field, row) is not None:
                args[key] = row[field_key(item.source_field, row)]
        else:  # a value given as it is (quoted, or a number)
            key = field_key(item.field, props)
            if key is not None:
                args[key] = coerce(item.value, props[key])
                text = text or item.value
    for p in schema.get("required", []):
        if p not in args and p in props:
            args[p] = default_value(props[p], text or s.label)
    yield b.make(tool["name"], args, f"create the {s.label} {text}".strip(), "create", i)


def notify(b: CandidateBuilder, i: int, s: g.Notify) -> Iterator:
    """Find the person in Contacts by last name, then email them the facts found so far."""
    person = b.found.get(i)
    if person is None:
        search = b.tool("Contacts", "contact", "search")
        if search is not None:
            yield b.make(
                search["name"],
                {"query": s.person.split()[-1]},
                f"look up {s.person} in Contacts",
                "contact",
                i,
            )
        return
    send = next((t for t in b.allowed() if is_send(t)), None)
    if send is None or not person.get("email"):
        return
    facts = "; ".join(f"{k}: {v}" for k, v in b.all_facts()) or "all done"
    to = coerce(person["email"], props_of(send["inputSchema"]).get("to", {}))
    yield b.make(
        send["name"],
        {"to": to, "subject": "Update", "body": f"Hi {s.person.split()[0]}, quick update: {facts}."},
        f"email {s.person} what was found: {facts}",
        "send",
        i,
    )


_MOVES = {
    "pick": pick,
    "fanout": fanout,
    "find_update": find_then,
    "delete": find_then,
    "branch": find_then,
    "create": create,
    "notify": notify,
}
