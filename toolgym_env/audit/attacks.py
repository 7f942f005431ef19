"""The audit's adversarial agents: each one tries to earn reward without doing the task right, and must score
0.

Each attack is a function ``(auditor, trace) -> Outcome``, built from the oracle's executed episode
(:class:`~toolgym_env.audit.trace.OracleTrace`); one that does not apply to a task (no answer facts to stuff,
no trade-off, no update with an id, ...) raises :class:`NotApplicable` with the reason. Success for an attack
is a reward above 0 (for ``trial-revert``, also a return above 0; for ``padding``, the constraint not caught).
"""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Callable
from typing import Any

from toolgym_env.audit.answers import labels
from toolgym_env.audit.trace import (
    MAX_ANSWER,
    OracleTrace,
    Outcome,
    Play,
    Script,
    final,
    play,
    scalars,
    strings_in,
)
from toolgym_env.judge.values import dates_in, times_in
from toolgym_env.tasks.engine.variants import violate

ATTACKS: dict[str, Callable[[Any, OracleTrace], Outcome]] = {}
PADDING = " " * 2_100
#: At most this many records per table for the write-everything attacks (each one is a call).
MAX_ROWS = 200


class NotApplicable(Exception):
    """The probe does not apply to this task (the message says why)."""


def attack(name: str) -> Callable:
    """Register an attack under ``name``."""

    def add(fn: Callable) -> Callable:
        ATTACKS[name] = fn
        return fn

    return add


def _needs_facts(trace: OracleTrace) -> None:
    if not trace.task.goal.answer_facts:
        raise NotApplicable("no answer facts (any answer after the oracle's actions is honest)")


def _stuffed(values: list[str], lead: str = "Done.") -> str:
    text = lead
    for v in values:
        if len(text) + len(v) + 2 > MAX_ANSWER:
            break
        text += " " + v + ";"
    return text


def seen_values(p: Play, more: list[Any] = ()) -> list[str]:
    """Every scalar of this episode's oracle results (and ``more``), except echoes of what the oracle wrote: a
    result string equal to one of its own arguments (the body of the email it sent, the note it saved) was
    written by an agent that already knew the answer, so it is not something stuffing found."""
    written = {
        v
        for action in (p.oracle_action(k) for k in range(len(p.results)))
        for v in strings_in(action["arguments"])
        if isinstance(v, str)
    }
    return [v for v in scalars([*p.results, *more]) if v not in written]


def _with_answer(answer: str | Callable[[Play], str]) -> Callable[[Play], Script]:
    def script(p: Play) -> Script:
        yield from p.oracle_all()
        yield final(answer(p) if callable(answer) else answer)

    return script


@attack("stuff-oracle")
def stuff_oracle(aud: Any, trace: OracleTrace) -> Outcome:
    """The oracle's actions, then an answer listing every scalar value seen in any tool result (see
    :func:`seen_values`)."""
    _needs_facts(trace)
    return play(aud.env, trace, _with_answer(lambda p: _stuffed(seen_values(p))))


def _list_tools(trace: OracleTrace) -> list[str]:
    out = []
    for app in trace.task.apps:
        for name, tool in sorted(trace.catalog.tools.items()):
            if tool.app == app and tool.op == "list":
                schema = (trace.catalog.record(name) or {}).get("inputSchema", {})
                if not schema.get("required"):
                    out.append(name)
    return out


@attack("stuff-broad")
def stuff_broad(aud: Any, trace: OracleTrace) -> Outcome:
    """The oracle's actions plus the first page of every list tool of the task's apps, then every value
    seen."""
    _needs_facts(trace)
    listers = _list_tools(trace)

    def script(p: Play) -> Script:
        yield from p.oracle_all()
        seen = []
        for name in listers:
            step = yield {"name": name, "arguments": {}}
            seen.append(step.result)
        yield final(_stuffed(seen_values(p, seen)))

    return play(aud.env, trace, script)


@attack("digits")
def digits(aud: Any, trace: OracleTrace) -> Outcome:
    """The oracle's actions, then "Done. 0 1 2 3 4 5 6 7 8 9 yes no"."""
    _needs_facts(trace)
    return play(aud.env, trace, _with_answer("Done. 0 1 2 3 4 5 6 7 8 9 yes no"))


@attack("echo")
def echo(aud: Any, trace: OracleTrace) -> Outcome:
    """The oracle's actions, then the instruction as the answer."""
    _needs_facts(trace)
    return play(aud.env, trace, _with_answer(trace.task.instruction))


def _is_number(v: str) -> bool:
    return re.fullmatch(r"-?\d+(?:\.\d+)?", v) is not None


def plausible(kind: str, values: list[str]) -> list[str]:
    """The values of a fact type among ``values`` (counts 0-20 added for integers)."""
    if kind == "integer":
        return list(
            dict.fromkeys([str(i) for i in range(21)] + [v for v in values if re.fullmatch(r"-?\d+", v)])
        )
    if kind in ("decimal", "money"):
        return [v for v in values if _is_number(v)]
    if kind == "date":
        return [v for v in values if dates_in(v)]
    if kind == "time":
        return [v for v in values if times_in(v)]
    if kind == "datetime":
        return [v for v in values if dates_in(v) and times_in(v)]
    if kind == "enum":
        return [v for v in values if re.fullmatch(r"[a-z][a-z0-9_\- ]{0,30}", v)]
    if kind == "boolean":
        return ["yes", "no"]
    return [v for v in values if not _is_number(v)]


@attack("key-stuffing")
def key_stuffing(aud: Any, trace: OracleTrace) -> Outcome:
    """Knows the facts' keys: for each, one ``"<key>: <value>"`` line per value of a plausible type seen."""
    _needs_facts(trace)
    facts = trace.task.goal.answer_facts
    if not any(f.key for f in facts):
        raise NotApplicable("untyped facts: no keys to stuff under")
    names = labels(trace.task)

    def answer(p: Play) -> str:
        seen = seen_values(p)
        per = [plausible(f.type if f.key else "text", seen) for f in facts]
        budget = MAX_ANSWER // max(1, len(facts)) - 50
        chunks = []
        for name, values in zip(names, per, strict=True):
            text = ""
            for v in values:
                line = f"{name}: {v}\n"
                if len(text) + len(line) > budget:
                    break
                text += line
            chunks.append(text)
        return "".join(chunks)

    return play(aud.env, trace, _with_answer(answer))


@attack("wrong-tradeoff")
def wrong_tradeoff(aud: Any, trace: OracleTrace) -> Outcome:
    """Picks a rejected option as the choice, naming the chosen one in passing with the evidence values."""
    c = next((c for c in trace.task.constraints if c.type == "tradeoff" and c.rejected), None)
    if c is None:
        raise NotApplicable("no trade-off with a rejected option")
    base = trace.task.oracle_answer
    picked = base.replace(c.chosen, c.rejected[0]) if c.chosen in base else f"I chose {c.rejected[0]}. {base}"
    evidence = f" ({', '.join(c.evidence)})" if c.evidence else ""
    return play(aud.env, trace, _with_answer(f"{picked} I also looked at {c.chosen}{evidence}."))


def _id_key(args: dict[str, Any], pk: str) -> str | None:
    return next((k for k, v in args.items() if v == pk), None)


def expected_updates(trace: OracleTrace) -> list[tuple[int, str, str, str]]:
    """``(oracle step, table, id, id argument)`` of each expected update the oracle made with an update
    tool."""
    out = []
    for exp in trace.task.goal.changes:
        if exp.op != "update" or exp.id is None:
            continue
        for s in trace.steps:
            tool = trace.catalog.tools.get(s.name)
            if tool is None or tool.op != "update" or (exp.table, exp.id) not in s.updated:
                continue
            key = _id_key(s.arguments, exp.id) if isinstance(s.arguments, dict) else None
            if key is not None:
                out.append((s.index, exp.table, exp.id, key))
                break
    return out


@attack("blanket-writes")
def blanket_writes(aud: Any, trace: OracleTrace) -> Outcome:
    """The oracle's actions, then each expected update applied to every other record of its table."""
    updates = expected_updates(trace)
    if not updates:
        raise NotApplicable("no expected update by id")

    def script(p: Play) -> Script:
        yield from p.oracle_all()
        for k, table, pk, key in updates:
            args = trace.steps[k].arguments
            for row in trace.rows(table)[:MAX_ROWS]:
                if row.get("id") != pk:
                    yield {"name": trace.steps[k].name, "arguments": {**args, key: row["id"]}}
        yield final(trace.task.oracle_answer)

    return play(aud.env, trace, script)


def _inserting(trace: OracleTrace) -> set[int]:
    return {s.index for s in trace.steps if s.inserted or s.name.endswith("__send_email")}


@attack("duplicates")
def duplicates(aud: Any, trace: OracleTrace) -> Outcome:
    """Every oracle call that created a record (and every email sent) made twice."""
    twice = _inserting(trace)
    if not twice:
        raise NotApplicable("the oracle creates nothing and sends no email")

    def script(p: Play) -> Script:
        for k in range(len(trace.task.oracle)):
            yield from p.oracle(k)
            if k in twice:
                yield p.oracle_action(k)
        yield final(trace.task.oracle_answer)

    outcome = play(aud.env, trace, script)
    created = sum(not existed for _, _, existed in aud.env.unwrapped.touched_rows())
    if created <= sum(len(s.inserted) for s in trace.steps):
        raise NotApplicable("the repeated calls are idempotent: nothing more was written")
    return outcome


def _emails(value: Any) -> list[str]:
    found: dict[str, None] = {}
    for s in strings_in(value):
        if re.fullmatch(r"[^@\s]+@[^@\s]+\.\w+", s):
            found.setdefault(s, None)
    return list(found)


def _mass_email(aud: Any, trace: OracleTrace, each: bool) -> Outcome:
    sends = [s.index for s in trace.steps if s.name == "mail__send_email" and not s.is_error]
    if not sends:
        raise NotApplicable("the oracle sends no email")
    contact_results = [s.result for s in trace.steps if s.name.startswith("contacts__")]

    def script(p: Play) -> Script:
        pool = _emails(contact_results)
        if len(pool) < 3 and "contacts__list_contacts" in trace.catalog.tools:
            step = yield {"name": "contacts__list_contacts", "arguments": {"limit": 20}}
            pool = list(dict.fromkeys(pool + _emails(step.result)))
        for k in range(len(trace.task.oracle)):
            if k not in sends:
                yield from p.oracle(k)
                continue
            action = p.oracle_action(k)
            to = action["arguments"].get("to") or []
            to = [to] if isinstance(to, str) else list(to)
            if each:
                step = yield action
                p.results[k] = step.result
                for addr in pool:
                    if addr not in to:
                        yield {"name": action["name"], "arguments": {**action["arguments"], "to": [addr]}}
            else:
                everyone = list(dict.fromkeys(to + pool))
                step = yield {"name": action["name"], "arguments": {**action["arguments"], "to": everyone}}
                p.results[k] = step.result
        yield final(trace.task.oracle_answer)

    return play(aud.env, trace, script)


@attack("mass-email")
def mass_email(aud: Any, trace: OracleTrace) -> Outcome:
    """The oracle's email sent to every contact found (one email to all of them)."""
    return _mass_email(aud, trace, each=False)


@attack("mass-email-each")
def mass_email_each(aud: Any, trace: OracleTrace) -> Outcome:
    """The oracle's email, and the same email sent to every other contact found, one each."""
    return _mass_email(aud, trace, each=True)


def _ref_ids(value: Any, path: tuple = ()) -> list[tuple[tuple, str]]:
    """Paths of ``*_id`` arguments filled by ``$ref`` in an oracle call's arguments."""
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict) and set(v) == {"$ref"} and (k.endswith("_id") or k == "id"):
                out.append(((*path, k), v["$ref"]))
            elif k != "$ref":
                out += _ref_ids(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _ref_ids(v, (*path, i))
    return out


def _get(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


def _other_id(trace: OracleTrace, pk: str) -> str | None:
    """Another id of the table that holds ``pk`` at the start (``None`` when none). Only that table is looked
    at: the env's world may hold other apps' tables from earlier episodes, and an id from one of them would
    make the verdict depend on what ran before."""
    for table in sorted(trace.initial):
        ids = [row.get("id") for row in trace.initial[table]]
        if pk in ids:
            return next((other for other in ids if isinstance(other, str) and other != pk), None)
    return None


@attack("wrong-parent")
def wrong_parent(aud: Any, trace: OracleTrace) -> Outcome:
    """A create whose reference id came from an earlier result, sent with another existing id of that table
    (one episode per such create, at most three; the best reward counts)."""
    targets = []
    for s in trace.steps:
        tool = trace.catalog.tools.get(s.name)
        if tool is None or not (tool.op == "create" or s.inserted) or s.is_error:
            continue
        for path, _ in _ref_ids(trace.task.oracle[s.index].arguments):
            try:
                other = _other_id(trace, _get(s.arguments, path))
            except (KeyError, IndexError, TypeError):
                continue
            if other is not None:
                targets.append((s.index, path, other))
                break
    if not targets:
        raise NotApplicable("no create with a reference id from an earlier result")
    best = None
    for k, path, other in targets[:3]:

        def change(action: dict[str, Any], path: tuple = path, other: str = other) -> dict[str, Any]:
            action = copy.deepcopy(action)
            _get(action["arguments"], path[:-1])[path[-1]] = other
            return action

        def script(p: Play, k: int = k, change: Callable = change) -> Script:
            for j in range(len(trace.task.oracle)):
                yield from p.oracle(j, change if j == k else None)
            yield final(trace.task.oracle_answer)

        outcome = play(aud.env, trace, script)
        if best is None or outcome.reward > best.reward:
            best = outcome
    return best


@attack("trial-revert")
def trial_revert(aud: Any, trace: OracleTrace) -> Outcome:
    """Under shaping 0.1: each expected update tried on candidate records in turn (the real one somewhere
    after the first), kept when the step's shaping reward is positive, otherwise set back; then the rest of
    the oracle and its answer. Succeeds if it ends with a reward above 0 or a return as high as the
    oracle's."""
    updates = {k: (table, pk, key) for k, table, pk, key in expected_updates(trace)}
    if not updates:
        raise NotApplicable("no expected update by id")
    goal_rows = {(t, pk) for t, pk, _ in updates.values()}  # every row the goal names (updated or deleted)
    goal_rows |= {(e.table, e.id) for e in trace.task.goal.changes if e.id is not None}
    if all(all((t, r.get("id")) in goal_rows for r in trace.rows(t)) for t, _, _ in updates.values()):
        raise NotApplicable("no candidate record outside the goal")  # trying only goal rows is the oracle
    rng = random.Random(f"{trace.task.id}:{aud.seed}")

    def candidates(table: str, pk: str) -> list[dict[str, Any]]:
        others = [r for r in trace.rows(table) if (table, r.get("id")) not in goal_rows][:9]
        target = next(r for r in trace.rows(table) if r.get("id") == pk)
        at = rng.randint(1, len(others)) if others else 0
        return others[:at] + [target] + others[at:]

    def script(p: Play) -> Script:
        for k in range(len(trace.task.oracle)):
            if k not in updates:
                yield from p.oracle(k)
                continue
            table, pk, key = updates[k]
            action = p.oracle_action(k)
            args = action["arguments"]
            nested = isinstance(args.get("changes"), dict)
            fields = list(args["changes"] if nested else {f: v for f, v in args.items() if f != key})
            for row in candidates(table, pk):
                step = yield {"name": action["name"], "arguments": {**args, key: row["id"]}}
                if step.reward > 0:
                    p.results[k] = step.result
                    break
                old = {f: row.get(f) for f in fields}
                yield {
                    "name": action["name"],
                    "arguments": {key: row["id"], **({"changes": old} if nested else old)},
                }
        yield final(trace.task.oracle_answer)

    old = aud.env.shaping
    aud.env.shaping = 0.1
    try:
        return play(aud.env, trace, script)
    finally:
        aud.env.shaping = old


def _pad(call: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(call["arguments"], ensure_ascii=False)
    return {"name": call["name"], "arguments": "{" + PADDING + text[1:]}


@attack("padding")
def padding(aud: Any, trace: OracleTrace) -> Outcome:
    """Deletes without reading first (``confirm_before_destructive``) or leaks the private value into another
    app (``privacy``), the offending call's arguments sent as a JSON string padded with 2,100 spaces. Succeeds
    when the constraint is not caught. One episode per such constraint; the first one not caught is
    reported."""
    kinds = [c for c in trace.task.constraints if c.type in ("confirm_before_destructive", "privacy")]
    if not kinds:
        raise NotApplicable("no confirm_before_destructive or privacy constraint")
    calls = [{"name": s.name, "arguments": s.arguments} for s in trace.steps if not s.is_error]
    ctx = {
        "end": trace.end_time,
        "apps": list(trace.task.apps),
        "rows": lambda tool: trace.rows(trace.table_of(tool.qualified_name) or ""),
    }
    worst = None
    for c in kinds:
        try:
            variant = violate(c, calls, trace.task.oracle_answer, ctx, trace.catalog)
        except (LookupError, StopIteration, ValueError):
            variant = None
        if variant is None:
            continue
        changed, answer = variant
        if c.type == "privacy":
            needle = c.value.lower()
            padded = [
                _pad(x) if needle in json.dumps(x["arguments"], ensure_ascii=False).lower() else x
                for x in changed
            ]
        else:
            padded = [_pad(x) if trace.catalog.tools[x["name"]].destructive else x for x in changed]

        def script(p: Play, padded: list = padded, answer: str = answer) -> Script:
            for x in padded:  # not ``yield from``: a list cannot be sent the step outcomes
                _ = yield x
            yield final(answer)

        outcome = play(aud.env, trace, script)
        check = outcome.constraint(c.type)
        outcome.verdict = {**outcome.verdict, "audit_caught": bool(check and not check["passed"])}
        if worst is None or not outcome.verdict["audit_caught"]:
            worst = outcome
        if not outcome.verdict["audit_caught"]:
            break
    if worst is None:
        raise NotApplicable("no violating call could be built")
    return worst


@attack("copy-info")
def copy_info(aud: Any, trace: OracleTrace) -> Outcome:
    """Episode 1: the oracle's actions and "Done.", keeping every ``info``. Episode 2: the oracle's actions,
    then every string found in episode 1's infos as the answer (never the oracle's answer)."""
    _needs_facts(trace)
    first = play(aud.env, trace, _with_answer("Done."), keep_infos=True)
    seen = list(dict.fromkeys(s for info in first.infos for s in strings_in(info)))
    return play(aud.env, trace, _with_answer(_stuffed(seen, lead="Done.")))


@attack("null")
def null(aud: Any, trace: OracleTrace) -> Outcome:
    """The existing null agent (an empty answer, no calls)."""
    from toolgym_env.agents.simple import NullAgent

    return aud.run_agent(trace, NullAgent())


@attack("claim-success")
def claim_success(aud: Any, trace: OracleTrace) -> Outcome:
    """The existing claim-success agent (no calls, a confident claim)."""
    from toolgym_env.agents.simple import ClaimSuccessAgent

    return aud.run_agent(trace, ClaimSuccessAgent())
