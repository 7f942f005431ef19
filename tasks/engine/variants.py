"""Violating variants of an oracle solution, one per constraint: the judge must catch each one.

A variant is a list of concrete calls (the oracle's calls as executed, with ``$ref`` values resolved, so calls
can be moved, dropped or repeated) plus a final answer. ``None`` means no variant could be built (a
rejection). ``ctx`` gives the task's apps, the virtual time the oracle ended and ``rows(tool)``: the rows of a
tool's resource table after the oracle ran.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from toolgym_env.judge.constraints import parse_json_answer
from toolgym_env.judge.episode import id_values, leaf_values
from toolgym_env.tasks.engine.toolbox import resources
from toolgym_env.world.clock import parse_time

Calls = list[dict[str, Any]]


def _reads(calls: Calls, catalog: Any) -> list[int]:
    return [i for i, c in enumerate(calls) if catalog.tools[c["name"]].read_only]


def _other_app_call(apps: list[str], catalog: Any) -> dict[str, Any]:
    for app in ("weather", "maps", "files", "notes", "calendar"):
        if app not in apps:
            name = next(
                t.qualified_name
                for t in catalog.apps[app].tools.values()
                if t.op == "action" and t.read_only and not t.input_schema.get("required")
            )
            return {"name": name, "arguments": {}}
    raise LookupError("no other app")


def violate(c: Any, calls: Calls, answer: str, ctx: dict[str, Any], catalog: Any) -> tuple[Calls, str] | None:
    """A variant of ``(calls, answer)`` that breaks constraint ``c`` (``ctx``: report lines, apps, end
    time)."""
    kind = c.type
    reads = _reads(calls, catalog)
    if kind == "tool_count":
        extra = c.max - len(calls) + 1
        return (calls + [calls[reads[0]]] * extra, answer) if reads else None
    if kind == "app_diversity":
        counts: dict[str, int] = {}
        for call in calls:
            app = call["name"].split("__", 1)[0]
            counts[app] = counts.get(app, 0) + 1
        drop = min(sorted(counts), key=lambda a: counts[a])
        return [x for x in calls if not x["name"].startswith(drop + "__")], answer
    if kind == "app_restriction":
        return calls + [_other_app_call(c.allowed, catalog)], answer
    if kind == "data_coverage":
        target = c.entities[0].id
        return [x for x in calls if target not in json.dumps(x["arguments"])], answer
    if kind == "response_content":
        for item in c.must_include:
            answer = answer.replace(item, "")
        return calls, answer
    if kind == "no_redundancy":
        i = reads[0] if reads else 0
        return calls[: i + 1] + [calls[i]] + calls[i + 1 :], answer
    if kind == "tool_type_priority":
        kinds = [catalog.tools[x["name"]].op for x in calls]
        preferred = sum(k in c.prefer for k in kinds if k in c.among)
        total = sum(k in c.among for k in kinds)
        needed = math.floor(preferred / c.min_ratio - total) + 1
        lister = next((x for x in calls if catalog.tools[x["name"]].op == "list"), None)
        if lister is None:
            app = calls[0]["name"].split("__", 1)[0]
            tool = next((t for t in catalog.apps[app].tools.values() if t.op == "list"), None)
            if tool is None:
                return None
            lister = {"name": tool.qualified_name, "arguments": {"limit": 5}}
        return calls + [lister] * max(needed, 1), answer
    if kind == "sequence_order":
        i = next(k for k, x in enumerate(calls) if x["name"] == c.first)
        j = next(k for k, x in enumerate(calls) if x["name"] == c.then)
        moved = calls[:i] + [calls[j]] + calls[i:j] + calls[j + 1 :]
        return moved, answer
    if kind == "tradeoff":
        if not c.rejected:
            return None
        return calls, answer.replace(c.chosen, c.rejected[0])
    if kind == "budget":
        tables = {r.table.split("__", 1)[0] for r in c.spend}
        spender = next(
            (
                x
                for x in calls
                if catalog.tools[x["name"]].op == "create" and x["name"].split("__", 1)[0] in tables
            ),
            None,
        )
        return (calls + [spender], answer) if spender else None
    if kind == "deadline":
        if not reads:
            return None
        late = (parse_time(c.by) - parse_time(ctx["end"])).total_seconds()
        return calls + [calls[reads[0]]] * (
            int(late / catalog.tools[calls[reads[0]]["name"]].latency_s) + 2
        ), answer
    if kind == "forbidden":
        if c.apps:
            tool = next(
                t
                for t in catalog.apps[c.apps[0]].tools.values()
                if t.op == "action" and t.read_only and not t.input_schema.get("required")
            )
            return calls + [{"name": tool.qualified_name, "arguments": {}}], answer
        return calls + [{"name": c.tools[0], "arguments": {}}], answer
    if kind == "no_collateral":
        creator = next((x for x in calls if catalog.tools[x["name"]].op == "create"), None)
        if creator is not None:
            return calls + [creator], answer
        return _extra_update_same_table(calls, answer, ctx, catalog) or _extra_update(
            calls, answer, ctx, catalog
        )
    if kind == "confirm_before_destructive":
        j = next(k for k, x in enumerate(calls) if catalog.tools[x["name"]].destructive)
        targets = set(id_values(calls[j]["arguments"]))
        return [
            x
            for k, x in enumerate(calls)
            if k >= j
            or not catalog.tools[x["name"]].read_only
            or not targets & set(v for v in json_leaves(x["arguments"]))
        ], answer
    if kind == "privacy":
        return _leak(c, calls, answer, ctx, catalog)
    if kind == "output_format":
        return calls, as_prose(answer)
    raise ValueError(f"no variant for {kind}")


def as_prose(answer: str) -> str:
    """The same answer as one plain sentence (no JSON, no list markers)."""
    data = parse_json_answer(answer)
    if isinstance(data, dict):
        parts = [f"{k.replace('_', ' ')}: {v}" for k, v in data.items()]
    else:
        parts = [
            re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])\s+", "", line) for line in answer.splitlines() if line.strip()
        ]
    return "Done. " + "; ".join(parts) + "."


def json_leaves(value: Any) -> list[str]:
    """String leaves of an argument object."""
    return [v for v in leaf_values(value) if isinstance(v, str)]


def _extra_update(calls: Calls, answer: str, ctx: dict[str, Any], catalog: Any) -> tuple[Calls, str] | None:
    """An extra update to a record the task never needed (another row of a table it updated, or of any
    resource of its apps with a field to change)."""
    touched_ids = {v for x in calls for v in id_values(x["arguments"])}
    for app in ctx["apps"]:
        for res in resources(catalog.apps[app]):
            if "update" not in res.tools:
                continue
            for row in ctx["rows"](res.tools["update"]):
                if row["id"] in touched_ids:
                    continue
                for f in res.enum_fields():
                    other = next((v for v in res.props[f].enum if v != row.get(f)), None)
                    if other is not None:
                        return calls + [
                            {"name": res.tool("update"), "arguments": res.update_args(row["id"], {f: other})}
                        ], answer
    return None


def _extra_update_same_table(
    calls: Calls, answer: str, ctx: dict[str, Any], catalog: Any
) -> tuple[Calls, str] | None:
    """An extra update to a different row of a table the task updated."""
    for x in calls:
        tool = catalog.tools[x["name"]]
        if tool.op != "update":
            continue
        world_rows = ctx["rows"](tool)
        touched = set(id_values(x["arguments"]))
        for row in world_rows:
            if row["id"] in touched:
                continue
            args = json.loads(json.dumps(x["arguments"]))
            id_key = next(k for k in args if k.endswith("_id"))
            args[id_key] = row["id"]
            changes = args.get("changes", args)
            field = next((k for k in changes if k != id_key), None)
            if field is None or row.get(field) == changes[field]:
                continue
            return calls + [{"name": x["name"], "arguments": args}], answer
    return None


def _leak(c: Any, calls: Calls, answer: str, ctx: dict[str, Any], catalog: Any) -> tuple[Calls, str] | None:
    """Append the private value to a text argument of a call to another app (or search another app for it)."""
    for k, x in enumerate(calls):
        if x["name"].split("__", 1)[0] == c.source_app or catalog.tools[x["name"]].read_only:
            continue
        args = json.loads(json.dumps(x["arguments"]))
        for key in (
            "body",
            "text",
            "description",
            "notes",
            "subject",
            "title",
            "summary",
            "message",
            "content",
        ):
            target = args.get("changes", args)
            if isinstance(target.get(key), str):
                target[key] += f" ({c.value})"
                return calls[:k] + [{"name": x["name"], "arguments": args}] + calls[k + 1 :], answer
    for app in ctx["apps"]:
        if app == c.source_app:
            continue
        tool = next((t for t in catalog.apps[app].tools.values() if t.op == "search"), None)
        if tool is not None:
            return calls + [{"name": tool.qualified_name, "arguments": {"query": c.value}}], answer
    return None
