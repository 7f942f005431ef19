"""How the heuristic agent carries out each kind of step (find-update, pick, fan-out, create, delete, branch,
notify), as generators that yield tool calls through the agent and read the results it sends back.

Each flow takes the step as the request grammar reads it (:mod:`toolgym_env.tasks.grammar`: a
:class:`~toolgym_env.tasks.grammar.FindUpdate`, :class:`~toolgym_env.tasks.grammar.Pick`, ...). Every flow
looks records up by the names the request quotes, uses the ids it finds in later calls, and records
the facts the answer must state (``agent.fact``). A flow that cannot go on raises :class:`StepFailed`; the
agent then moves to the next step.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from toolgym_env.agents.heuristic_answer import display, items_of, pick_named, show
from toolgym_env.agents.heuristic_tools import (
    coerce,
    default_value,
    field_key,
    has_more,
    id_param,
    label_words,
    main_schema,
    page_args,
    props_of,
    singular,
    with_fields,
)
from toolgym_env.tasks.grammar import (
    Branch,
    Clause,
    Create,
    Delete,
    DeleteEach,
    DeleteIt,
    EqualTo,
    Fanout,
    FindUpdate,
    ForFirst,
    ForRecord,
    Notify,
    Pick,
)

Flow = Generator[dict[str, Any], dict[str, Any], Any]
PAGE_SIZE = 50
MAX_PAGES = 8


class StepFailed(Exception):
    """A step cannot be completed (no fitting tool, no such record, a call kept failing)."""


def singular_label(plural: str) -> str:
    """``"sla policies"`` → ``"sla policy"`` (only the last word changes)."""
    words = plural.split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else plural


def record_label(s: Clause) -> str:
    """The (singular) type of the records a step works on: ``"deal"`` for "go through the deals ..."."""
    plural = getattr(s, "plural", "")
    return singular_label(plural) if plural else getattr(s, "label", "")


def _need(record: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if record is None:
        raise StepFailed(f"no tool to {what}")
    return record


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            return float(str(value))
        except (TypeError, ValueError):
            return None
    return float(value)


def list_all(agent: Any, tool: dict[str, Any], filters: dict[str, Any], limit: int = PAGE_SIZE) -> Flow:
    """Every record of a filtered listing (``filters``: field label → value), page after page."""
    schema = tool.get("inputSchema", {})
    fprops = props_of(schema, "filter")
    keyed = {}
    for label, value in filters.items():
        key = field_key(label, fprops)
        if key is None:
            raise StepFailed(f"{tool['name']} cannot filter by {label}")
        keyed[key] = value
    base, items, cursor = with_fields(schema, "filter", keyed), [], None
    for page in range(1, MAX_PAGES + 1):
        data = yield from agent.call(tool["name"], {**base, **page_args(schema, page, limit, cursor)})
        got = items_of(data)
        items += got
        if not isinstance(data, dict) or not got or not has_more(data, len(items)):
            break
        cursor = data.get("next_cursor")
        if "cursor" in props_of(schema) and "page" not in props_of(schema) and cursor is None:
            break
    return items


def find(agent: Any, app: str, label: str, name: str) -> Flow:
    """Look a record up by its name (search, else list), then open it; the record as last read."""
    key = (app.lower(), tuple(label_words(label)), name)
    if key in agent.found:
        return agent.found[key]
    search = yield from agent.tool(app, label, "search")
    row = None
    if search is not None:
        props = props_of(search.get("inputSchema", {}))
        qp = (
            "query"
            if "query" in props
            else next(
                (
                    p
                    for p in search["inputSchema"].get("required", [])
                    if main_schema(props[p]).get("type") == "string"
                ),
                "query",
            )
        )
        args = {qp: name, **({"limit": 10} if "limit" in props else {})}
        row = pick_named(items_of((yield from agent.call(search["name"], args))), name, strict=True)
    if row is None:
        lister = yield from agent.tool(app, label, "list")
        if lister is not None:
            row = pick_named((yield from list_all(agent, lister, {})), name, strict=True)
    if row is None:
        raise StepFailed(f"no {label} called {name!r}")
    row = yield from open_record(agent, app, label, row)
    agent.found[key] = row
    return row


def open_record(agent: Any, app: str, label: str, row: dict[str, Any]) -> Flow:
    """Read one record by its id (when the app has a get tool); the record, merged with what was known."""
    get = yield from agent.tool(app, label, "get")
    if get is not None and row.get("id") is not None:
        data = yield from agent.call(get["name"], {id_param(get["inputSchema"], label) or "id": row["id"]})
        if isinstance(data, dict) and "id" in data:
            row = {**row, **{k: v for k, v in data.items() if not (isinstance(v, str) and "\ufffd" in v)}}
    agent.remember(label, row)
    return row


def update(agent: Any, app: str, label: str, row: dict[str, Any], changes: list[tuple[str, Any]]) -> Flow:
    """Change fields (given by label) of a record."""
    tool = _need((yield from agent.tool(app, label, "update")), f"update {label}")
    schema = tool["inputSchema"]
    props = props_of(schema, "changes")
    fields = {}
    for flabel, value in changes:
        key = field_key(flabel, props)
        if key is None:
            raise StepFailed(f"{tool['name']} has no field {flabel}")
        fields[key] = value
    args = {id_param(schema, label) or "id": row["id"], **with_fields(schema, "changes", fields)}
    data = yield from agent.call(tool["name"], args)
    agent.note(f"Updated the {label} {display(row)}.")
    return data


def delete(agent: Any, app: str, label: str, row: dict[str, Any]) -> Flow:
    """Delete a record (already opened)."""
    tool = _need((yield from agent.tool(app, label, "delete")), f"delete {label}")
    yield from agent.call(tool["name"], {id_param(tool["inputSchema"], label) or "id": row["id"]})
    agent.note(f"Deleted the {label} {display(row)}.")


def find_update(agent: Any, s: FindUpdate) -> Flow:
    """Find a record by name, change one field, report another."""
    row = yield from find(agent, s.app, s.label, s.name)
    if s.tell:
        agent.fact(f"{s.label} {s.tell}", show(row.get(field_key(s.tell, row) or "")))
    yield from update(agent, s.app, s.label, row, [(s.change.field, s.change.value)])


def pick(agent: Any, s: Pick) -> Flow:
    """List the records matching a filter, choose the highest/lowest by a number (under a cap), then act on
    it."""
    label = singular_label(s.plural)
    lister = _need(
        (yield from agent.tool(s.app, label, "list", hint=f"optionally filtered by {s.filter.field}")), "list"
    )
    items = yield from list_all(agent, lister, {s.filter.field: s.filter.value})
    if not items:
        raise StepFailed(f"no {s.plural}")
    metric, pool = capped_pool(s, items)
    criteria = s.criteria
    cap = field_key(criteria.cap, items[0]) if criteria.cap else None
    if not pool:
        raise StepFailed("nothing to compare")
    sign = 1 if criteria.best == "highest" else -1
    chosen = max(pool, key=lambda it: sign * _num(it[metric]))
    yield from agent.tool(s.app, label, "search")  # its description names the field records are called by
    agent.fact(f"chosen {label}", agent.name_of(s.app, label, chosen))
    agent.fact(criteria.metric, show(chosen[metric]))
    if cap:
        agent.fact(criteria.cap, show(chosen[cap]))
    row = yield from open_record(agent, s.app, label, chosen)
    agent.picked.setdefault(tuple(label_words(label)), []).append(row)
    if isinstance(s.then, DeleteIt):
        yield from delete(agent, s.app, label, row)
    elif s.then is not None:
        yield from update(agent, s.app, label, row, [(s.then.field, s.then.value)])


def fanout(agent: Any, s: Fanout) -> Flow:
    """Change (or open and delete) every record matching a filter; report how many there were."""
    label = singular_label(s.plural)
    lister = _need(
        (yield from agent.tool(s.app, label, "list", hint=f"optionally filtered by {s.filter.field}")), "list"
    )
    items = yield from list_all(agent, lister, {s.filter.field: s.filter.value})
    agent.fact(f"{s.plural} handled", str(len(items)))
    failed = 0
    for item in items:  # one record failing does not stop the others
        try:
            if not isinstance(s.action, DeleteEach):
                yield from update(agent, s.app, label, item, [(s.action.field, s.action.value)])
            else:
                row = yield from open_record(agent, s.app, label, item)
                yield from delete(agent, s.app, label, row)
        except StepFailed:
            failed += 1
    if failed:
        agent.note(f"{failed} of the {s.plural} could not be handled.")


def create(agent: Any, s: Create) -> Flow:
    """Create a record from the values the request gives or points to (records found by name, earlier
    values)."""
    tool = _need((yield from agent.tool(s.app, s.label, "create")), f"create {s.label}")
    schema = tool["inputSchema"]
    props = props_of(schema)
    fields: dict[str, Any] = {}
    refs: list[tuple[str, Any]] = []
    text = ""
    for item in s.items:
        if isinstance(item, ForFirst):
            lister = _need((yield from agent.tool(s.app, item.label, "list")), f"list {item.label}")
            data = yield from agent.call(lister["name"], page_args(lister["inputSchema"], 1, 5))
            row = pick_named(items_of(data), item.name)
            if row is None:
                raise StepFailed(f"no {item.label} listed")
            refs.append((item.label, row["id"]))
        elif isinstance(item, ForRecord):
            refs.append((item.label, (yield from find(agent, s.app, item.label, item.name))["id"]))
        elif isinstance(item, EqualTo):
            row = agent.recall(item.source.label, item.source.name)
            if row is None or field_key(item.source_field, row) is None:
                raise StepFailed(f"unknown {item.source_field} of {item.source.label}")
            fields[item.field] = row[field_key(item.source_field, row)]
        else:  # a value given as it is (quoted, or a number)
            fields[item.field] = item.value
            text = text or item.value
    args: dict[str, Any] = {}
    for flabel, value in fields.items():
        key = field_key(flabel, props)
        if key is None:
            raise StepFailed(f"{tool['name']} has no field {flabel}")
        args[key] = coerce(value, props[key])
    for rlabel, rid in refs:
        key = field_key("_".join(label_words(rlabel)) + "_id", props) or next(
            (p for p in schema.get("required", []) if p.endswith("_id") and p not in args), None
        )
        if key is None:
            raise StepFailed(f"nowhere to put the {rlabel}")
        args[key] = rid
    for p in schema.get("required", []):
        if p not in args and p in props:
            args[p] = default_value(props[p], text or s.label)
    data = yield from agent.call(tool["name"], args)
    if isinstance(data, dict):
        agent.created[tuple(label_words(s.label))] = data
        agent.remember(s.label, data)
    agent.note(f"Created the {s.label} {text}.".replace(" .", "."))


def delete_step(agent: Any, s: Delete) -> Flow:
    """Find a record by name, open it, delete it."""
    row = yield from find(agent, s.app, s.label, s.name)
    yield from delete(agent, s.app, s.label, row)


def branch(agent: Any, s: Branch) -> Flow:
    """Open a record and set a field one way or the other depending on a condition it shows."""
    row = yield from find(agent, s.app, s.label, s.name)
    yield from update(agent, s.app, s.label, row, [(s.field, s.yes if condition_holds(s, row) else s.no)])


def condition_holds(s: Branch, row: dict[str, Any]) -> bool:
    """Whether ``row`` shows what the branch's condition asks (its field stated as the request states it)."""
    actual = row.get(field_key(s.condition, row) or "")
    return show(actual) == s.expected or str(actual) == s.expected


def notify(agent: Any, s: Notify) -> Flow:
    """Find a person in Contacts by last name and email them what was found."""
    search = _need((yield from agent.tool("Contacts", "contact", "search")), "search contacts")
    data = yield from agent.call(search["name"], {"query": s.person.split()[-1]})
    person = pick_named(items_of(data), s.person, strict=True)
    if person is None or not person.get("email"):
        raise StepFailed(f"{s.person} is not in Contacts")
    send = _need((yield from agent.action_tool("Mail", ("send", "email"), "send an email")), "send email")
    facts = "; ".join(f"{k}: {v}" for k, v in agent.facts) or "all done"
    body = f"Hi {s.person.split()[0]}, quick update: {facts}."
    props = props_of(send["inputSchema"])
    yield from agent.call(
        send["name"], {"to": coerce(person["email"], props.get("to", {})), "subject": "Update", "body": body}
    )
    agent.note(f"Emailed {s.person}.")


FLOWS = {
    "find_update": find_update,
    "pick": pick,
    "fanout": fanout,
    "create": create,
    "delete": delete_step,
    "branch": branch,
    "notify": notify,
}


def capped_pool(s: Pick, rows: list[dict[str, Any]]) -> tuple[str | None, list[dict[str, Any]]]:
    """The key of the step's metric in ``rows`` and the rows it ranks: those with a value, within the step's
    cap if it has one (the cap is stated rounded, so it is read as the largest value that reads the same)."""
    criteria = s.criteria
    metric = field_key(criteria.metric, rows[0])
    cap = field_key(criteria.cap, rows[0]) if criteria.cap else None
    limit = criteria.limit_value
    if cap is not None:
        same = [
            _num(r.get(cap))
            for r in rows
            if _num(r.get(cap)) is not None and show(r[cap]) in (criteria.limit, show(limit))
        ]
        limit = max(same, default=limit)
    pool = [
        r
        for r in rows
        if metric
        and _num(r.get(metric)) is not None
        and (cap is None or (_num(r.get(cap)) is not None and _num(r.get(cap)) <= limit + 1e-9))
    ]
    return metric, pool
