"""Honest variants of the oracle: other ways of doing the task right, each of which must score what the oracle
scores (1.0 on a valid task).

A variant that would by design break a stated constraint of the task does not apply to it
(:class:`~toolgym_env.audit.attacks.NotApplicable`). What is decided per constraint type, before the episode
runs, from the calls the variant adds:

- ``tool_count``: more calls than ``max`` → n/a;
- ``no_redundancy``: the variant repeats a call (``re-reads``) → n/a; ``extra-reads`` picks a call the oracle
  does not make;
- ``tool_type_priority``: the added calls bring the preferred kinds below ``min_ratio`` → n/a;
- ``deadline``: the added calls' virtual latency (``search_tools`` 0.5 s) ends the episode after ``by`` → n/a;
- ``sequence_order``, ``app_restriction``, ``forbidden``: ``extra-reads`` picks a tool they do not name and an
  app they allow (n/a when there is none); repeats and searches never change them;
- answer variants keep the task's ``output_format`` and add what ``tradeoff``/``response_content`` ask for;
- every other type is unaffected by these variants (they add reads or reword the answer, nothing else).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from toolgym_env import DEFAULT_MAX_STEPS
from toolgym_env.audit import answers
from toolgym_env.audit.attacks import NotApplicable
from toolgym_env.audit.trace import OracleTrace, Outcome, Play, Script, final, play
from toolgym_env.world.clock import parse_time

HONEST: dict[str, Callable[[Any, OracleTrace], Outcome]] = {}
SEARCH_LATENCY_S = 0.5


def honest(name: str) -> Callable:
    """Register an honest variant under ``name``."""

    def add(fn: Callable) -> Callable:
        HONEST[name] = fn
        return fn

    return add


def breaks(trace: OracleTrace, names: list[str], searches: int = 0, repeats: bool = False) -> str | None:
    """The constraint type a run making calls ``names`` (plus ``searches`` tool searches) would break by
    design, or ``None`` (see the module docstring)."""
    catalog = trace.catalog
    added = len(names) - len(trace.steps)
    extra_s = SEARCH_LATENCY_S * searches
    oracle_names = [s.name for s in trace.steps]
    for n in names:
        if n in oracle_names:
            oracle_names.remove(n)
        else:
            extra_s += catalog.tools[n].latency_s
    for c in trace.task.constraints:
        if c.type == "tool_count" and len(names) > c.max:
            return c.type
        if c.type == "no_redundancy" and repeats:
            return c.type
        if c.type == "tool_type_priority" and added:
            kinds = [catalog.tools[n].op for n in names if n in catalog.tools]
            among = [k for k in kinds if k in c.among]
            if among and sum(k in c.prefer for k in among) / len(among) < c.min_ratio - 1e-9:
                return c.type
        if (
            c.type == "deadline"
            and extra_s
            and parse_time(trace.end_time) + timedelta(seconds=extra_s) > parse_time(c.by)
        ):
            return c.type
    return None


def _check(trace: OracleTrace, names: list[str], searches: int = 0, repeats: bool = False) -> None:
    broken = breaks(trace, names, searches, repeats)
    if broken:
        raise NotApplicable(f"would break {broken} by design")


def _play_answer(aud: Any, trace: OracleTrace, answer: str) -> Outcome:
    def script(p: Play) -> Script:
        yield from p.oracle_all()
        yield final(answer)

    return play(aud.env, trace, script)


@honest("oracle")
def oracle(aud: Any, trace: OracleTrace) -> Outcome:
    """The oracle itself, as the trace ran it."""
    return Outcome(trace.reward, trace.reward, trace.verdict, len(trace.steps) + 1)


def _extra_read(trace: OracleTrace) -> dict[str, Any] | None:
    catalog = trace.catalog
    named, allowed, banned_apps = set(), None, set()
    prefer = None
    for c in trace.task.constraints:
        if c.type == "sequence_order":
            named |= {c.first, c.then}
        elif c.type == "forbidden":
            named |= set(c.tools)
            banned_apps |= set(c.apps)
        elif c.type == "app_restriction":
            allowed = set(c.allowed)
        elif c.type == "tool_type_priority":
            prefer = set(c.prefer)
    made = {(s.name, json.dumps(s.arguments, sort_keys=True, default=str)) for s in trace.steps}
    options = []
    for app in trace.task.apps:
        if app in banned_apps or (allowed is not None and app not in allowed):
            continue
        for name, tool in sorted(catalog.tools.items()):
            if tool.app != app or not tool.read_only or name in named or tool.op not in ("list", "search"):
                continue
            schema = (catalog.record(name) or {}).get("inputSchema", {})
            required = schema.get("required", [])
            if required and required != ["query"]:
                continue
            args = {"query": "a"} if required else {"limit": 3}
            if (name, json.dumps(args, sort_keys=True)) in made:
                continue
            rank = 0 if prefer and tool.op in prefer else 1
            options.append((rank, name, args))
    if not options:
        return None
    _, name, args = min(options)
    return {"name": name, "arguments": args}


@honest("extra-reads")
def extra_reads(aud: Any, trace: OracleTrace) -> Outcome:
    """One extra read-only call of the task's apps (a list or search tool the oracle does not call so)
    first."""
    extra = _extra_read(trace)
    if extra is None:
        raise NotApplicable("no read the constraints leave free")
    _check(trace, [extra["name"]] + [s.name for s in trace.steps])

    def script(p: Play) -> Script:
        yield extra
        yield from p.oracle_all()
        yield final(trace.task.oracle_answer)

    return play(aud.env, trace, script)


@honest("re-reads")
def re_reads(aud: Any, trace: OracleTrace) -> Outcome:
    """Every read-only oracle call made twice in a row."""
    reads = {s.index for s in trace.steps if trace.catalog.tools[s.name].read_only}
    if not reads:
        raise NotApplicable("the oracle makes no read")
    names = [n for s in trace.steps for n in ([s.name] * (2 if s.index in reads else 1))]
    _check(trace, names, repeats=True)

    def script(p: Play) -> Script:
        for k in range(len(trace.task.oracle)):
            yield from p.oracle(k)
            if k in reads:
                yield p.oracle_action(k)
        yield final(trace.task.oracle_answer)

    return play(aud.env, trace, script)


def _query(trace: OracleTrace, name: str) -> str:
    tool = trace.catalog.tools[name]
    text = getattr(tool, "title", "") or name.split("__", 1)[-1].replace("_", " ")
    return f"{text} {tool.app}"[:200]


@honest("search-first")
def search_first(aud: Any, trace: OracleTrace) -> Outcome:
    """``search_tools`` for each tool before calling it, as many as the default step limit leaves room for."""
    n = len(trace.task.oracle)
    room = max(0, DEFAULT_MAX_STEPS - n - 1)
    searches = min(room, n)
    if not searches:
        raise NotApplicable("no room within the step limit")
    _check(trace, [s.name for s in trace.steps], searches=searches)

    def script(p: Play) -> Script:
        for k in range(n):
            if k < searches:
                yield {
                    "name": "search_tools",
                    "arguments": {"query": _query(trace, trace.task.oracle[k].name)},
                }
            yield from p.oracle(k)
        yield final(trace.task.oracle_answer)

    return play(aud.env, trace, script)


def _reverse(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reverse(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reverse(v) for v in value]
    return value


@honest("reordered-args")
def reordered_args(aud: Any, trace: OracleTrace) -> Outcome:
    """Every call's argument keys in reverse order, sent as a JSON string."""

    def script(p: Play) -> Script:
        yield from p.oracle_all(
            lambda k, a: {"name": a["name"], "arguments": json.dumps(_reverse(a["arguments"]))}
        )
        yield final(trace.task.oracle_answer)

    return play(aud.env, trace, script)


def _facts(trace: OracleTrace) -> None:
    if not trace.task.goal.answer_facts:
        raise NotApplicable("no answer facts")


def _rendered(trace: OracleTrace, render: answers.Render) -> None:
    _facts(trace)
    if all(
        answers.fact_text(f, render) == answers.fact_text(f, answers.as_is)
        for f in trace.task.goal.answer_facts
    ):
        raise NotApplicable("no fact this rendering changes")


@honest("number-words")
def number_words(aud: Any, trace: OracleTrace) -> Outcome:
    """Integer facts as words ("five"), whole millions as "63 million"."""
    _rendered(trace, answers.number_words)
    return _play_answer(aud, trace, answers.compose(trace.task, answers.number_words))


@honest("date-time-formats")
def date_time_formats(aud: Any, trace: OracleTrace) -> Outcome:
    """Dates as "4 March 2026", times as "9 am"."""
    _rendered(trace, answers.date_words)
    return _play_answer(aud, trace, answers.compose(trace.task, answers.date_words))


@honest("enum-spaces")
def enum_spaces(aud: Any, trace: OracleTrace) -> Outcome:
    """Enum facts with spaces and capitals ("In Progress")."""
    _rendered(trace, answers.enum_words)
    return _play_answer(aud, trace, answers.compose(trace.task, answers.enum_words))


@honest("reworded")
def reworded(aud: Any, trace: OracleTrace) -> Outcome:
    """The facts in another sentence template (same output format)."""
    _facts(trace)
    return _play_answer(aud, trace, answers.reworded(trace.task))


def _details(trace: OracleTrace) -> list[tuple[str, str]]:
    changed = sorted({pk for s in trace.steps for _, pk in s.updated})
    quoted = []
    for open_, close in (("\u201c", "\u201d"), ('"', '"')):
        parts = trace.task.instruction.split(open_)
        quoted += [p.split(close, 1)[0] for p in parts[1:] if close in p]
    out = []
    if changed:
        out.append(("records changed", " ".join(changed)))
    if quoted:
        out.append(("as requested", " / ".join(dict.fromkeys(q for q in quoted if len(q) < 80))))
    return out


@honest("extra-details")
def extra_details(aud: Any, trace: OracleTrace) -> Outcome:
    """The facts plus true extra details: the ids of the records it changed and the values quoted in the
    request."""
    _facts(trace)
    extra = _details(trace)
    if not extra:
        raise NotApplicable("nothing extra to say")
    return _play_answer(aud, trace, answers.compose(trace.task, extra=extra))
