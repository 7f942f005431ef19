"""Small jobs on one record of the anchor's app, for records a name search cannot find: records with no name
(picked out by a field only they have) or in a table with no search tool (found by listing). Each job is one
clause of the request: change a field, remove the record, or look a field up and report it.

Example:
    >>> KINDS
    ('update', 'delete', 'get')
"""

from __future__ import annotations

from typing import Any

from toolgym_env.tasks.engine.segments import enum_distractors, show, value_type
from toolgym_env.tasks.engine.toolbox import Res
from toolgym_env.tasks.engine.work import Skip
from toolgym_env.tasks.scenarios.acts import label_field, mention, name_of
from toolgym_env.tasks.scenarios.scene import (
    Scene,
    fact_name,
    field_words,
    identify,
    locate,
    seen_values,
    spoken,
)
from toolgym_env.tasks.schema import RowExpectation

#: The jobs, by the derived tool each one needs besides ``list``.
KINDS = ("update", "delete", "get")
#: Longest value a looked-up field may have (a figure or a short name, not a paragraph).
_SHORT = 40


def needs_listing(res: Res) -> bool:
    """Whether a name search cannot find this resource's records (no search tool or no name field), so a job
    on one goes through :func:`upkeep`."""
    return "list" in res.tools and ("search" not in res.tools or not res.name_field)


def upkeep(scene: Scene, res: Res, kind: str) -> str:
    """Do one ``kind`` of job on a record of ``res`` that no earlier step used; returns the request's clause
    (lower-case, no full stop). Raises :class:`Skip` when the table has no record or tool for it."""
    if kind not in res.tools or "list" not in res.tools:
        raise Skip(f"{res.table} has no {kind} tool")
    work = scene.work
    rows = [r for r in scene.plan.read(res.table) if (res.table, r["id"]) not in work.used]
    scene.rng.shuffle(rows)
    for row in rows[:6]:
        if name_of(res, row):
            named, by = mention(res, [row]), None
        else:
            found = identify(scene, res, row)
            if found is None:
                continue
            named, by = found[0], (found[1], found[2])
        change = _change_for(scene, res, row, by) if kind == "update" else None
        if kind == "update" and change is None:
            continue
        if kind == "get" and _figure(res, row, by) is None:
            continue
        ref = locate(scene, res, row, by)
        work.used.add((res.table, row["id"]))
        if kind == "delete":
            scene.plan.call(res.tool("delete"), **{res.id_arg: ref})
            work.changes.append(RowExpectation(table=res.table, op="delete", id=row["id"]))
            return scene.text.choice(("remove {x}", "delete {x}", "get rid of {x}", "clear out {x}")).format(
                x=named
            )
        if kind == "update":
            fname, value = change
            scene.plan.call(res.tool("update"), **res.update_args(ref, {fname: value}))
            work.changes.append(
                RowExpectation(table=res.table, op="update", id=row["id"], where={fname: value})
            )
            return scene.text.choice(
                (
                    "set the {f} of {x} to {v}",
                    "change {x} so its {f} is {v}",
                    "make the {f} of {x} {v}",
                    "switch {x} to a {f} of {v}",
                )
            ).format(f=field_words(fname), x=named, v=spoken(value))
        fname = _figure(res, row, by)
        scene.plan.call(res.tool("get"), **{res.id_arg: ref})
        value = row[fname]
        distractors = [*enum_distractors(res, fname, value), *seen_values(scene.plan, fname, value)[:8]]
        key = fact_name(res, fname)
        work.fact(key, show(value), value_type(res, fname, value), distractors)
        scene.asks.append(key)
        return scene.text.choice(
            (
                "look up {x} and tell me its {f}",
                "check the {f} of {x}",
                "find out what {f} {x} has",
                "pull up {x} and note its {f}",
            )
        ).format(f=field_words(fname), x=named)
    raise Skip(f"no record of {res.table} to {kind}")


def _change_for(
    scene: Scene, res: Res, row: dict[str, Any], by: tuple[str, Any] | None
) -> tuple[str, Any] | None:
    """An editable enum field of ``row`` and a new value for it (not the field the request names it by)."""
    options = [
        (f, v)
        for f in res.enum_fields()
        if f != res.name_field and (by is None or f != by[0])
        for v in res.props[f].enum
        if v != row.get(f)
    ]
    return scene.rng.choice(options) if options else None


def _figure(res: Res, row: dict[str, Any], by: tuple[str, Any] | None) -> str | None:
    """The first short, plain field of ``row`` worth asking about (not its id, name, or the naming field)."""
    for fname, value in row.items():
        if (
            fname == "id"
            or fname.endswith(("_id", "_ids", "_at"))
            or fname in (res.name_field, label_field(res))
        ):
            continue
        if (
            (by is not None and fname == by[0])
            or value in (None, "")
            or isinstance(value, (dict, list, bool))
        ):
            continue
        if len(str(value)) <= _SHORT:
            return fname
    return None
