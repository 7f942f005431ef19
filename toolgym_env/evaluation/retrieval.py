"""Retrieval quality over a task suite: how well an index finds each task step's tool from the clause that
asks for it.

It lives with evaluation, above the tasks it reads: the pairs come from the request grammar
(:mod:`toolgym_env.tasks.grammar`) the task engine writes requests with, and the index under test from
:mod:`toolgym_env.retrieval`. Tasks store one instruction, not one sub-instruction per step, so
``(query, gold tool)`` pairs are derived:

1. **Segments.** ``task.stats.segments`` lists the task's workflow segments in oracle order (``pick``,
   ``find_update``, ``fanout``, ``create``, ``delete``, ``branch``, ``notify``); each is one clause kind of
   the grammar and writes exactly one clause of the instruction.
2. **Calls to segments.** The oracle calls (account tools ``get_current_user``/``refresh_session`` skipped)
   are split into consecutive runs, one per segment, such that every run stays in one app and its sequence of
   operations (``ToolSpec.op``: search, list, get, update, delete, create) matches the shape the clause
   declares (:attr:`~toolgym_env.tasks.grammar.Clause.calls`, e.g. ``find_update`` = search, get?, update and
   ``fanout`` = list+, then update+ or (get, delete)+; ``notify`` is Contacts search + Mail send, one
   pseudo-app). The split is found by backtracking; where two splits are possible (page 2 of a listing could
   belong to either of two listing segments of the same app) both give the same distinct tools per clause,
   which is what the pairs use.
3. **Clauses.** The grammar reads the instruction's clauses in order
   (:func:`~toolgym_env.tasks.grammar.clauses_in`: each from where it starts, ``In <App Title>, ``,
   ``then in <App Title>, `` or ``email <person> (you'll find them in my contacts)``, to its sentence's end,
   so connectors, noise sentences and constraint phrases are left out); each segment takes the next clause of
   its kind whose app title is the run's app (titles from the catalog records'
   ``_meta["toolgym/app_title"]``, i.e. ``AppSpec.title``).
4. **Pairs.** One pair per (clause, distinct tool called in its run): the query is the clause text
   (``in ClosrHQ, take all contacts whose lifecycle stage is “churned”, set the lifecycle stage of each to
   “lead”, and tell me how many there were``), the gold tool is the tool. A clause asking for three tools
   gives three pairs, so recall@1 cannot reach 1.0 (:attr:`Report.r1_ceiling`).

A task whose calls or clauses cannot be aligned is counted in ``skipped`` (none in the shipped checklist
suites, whose clauses follow the engine's segments; scenario requests have no such clauses).
Metrics per index: recall@1, recall@5, MRR (reciprocal rank of the gold tool within the top
:data:`DEPTH`, 0 beyond) and query latency (median and p95 ms per clause query, query cache cleared first).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from toolgym_env.apps.account import is_account_tool
from toolgym_env.tasks.grammar import BY_KIND, OP_LETTERS, Notify, clauses_in

DEPTH = 100  # ranks read per query for MRR


@dataclass(frozen=True)
class Pair:
    """One retrieval query: a clause of a task's instruction and one tool its oracle run calls."""

    task_id: str
    clause: int
    query: str
    tool: str
    steps: tuple[int, ...]


@dataclass
class Report:
    """Quality and speed of one index over a set of pairs."""

    kind: str
    recall_at_1: float
    recall_at_5: float
    mrr: float
    pairs: int
    queries: int
    r1_ceiling: float
    median_ms: float
    p95_ms: float
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready values (rates rounded to 4 decimals, times to 0.01 ms)."""
        out = asdict(self)
        for k in ("recall_at_1", "recall_at_5", "mrr", "r1_ceiling"):
            out[k] = round(out[k], 4)
        for k in ("median_ms", "p95_ms"):
            out[k] = round(out[k], 2)
        return out


class AlignmentError(ValueError):
    """A task's oracle calls or instruction do not fit its segments."""


def _letter(name: str, ops: Callable[[str], str]) -> str:
    return "n" if name in Notify.tools else OP_LETTERS.get(ops(name), "a")


def split_calls(calls: Sequence[tuple[str, str]], segments: Sequence[str]) -> list[tuple[int, int]]:
    """Split ``calls`` (``(app, op letter)`` per call) into one ``(start, stop)`` run per segment kind, each
    run in one app and of the shape its clause declares.

    Example:
        >>> split_calls([("a", "l"), ("a", "u"), ("a", "u"), ("b", "s"), ("b", "g"), ("b", "u")],
        ...             ["fanout", "find_update"])
        [(0, 3), (3, 6)]
    """
    shapes = [re.compile(BY_KIND[k].calls) for k in segments]
    letters = "".join(c[1] for c in calls)

    def go(pos: int, i: int) -> list[tuple[int, int]] | None:
        if i == len(shapes):
            return [] if pos == len(calls) else None
        if pos == len(calls):
            return None
        end = pos
        while end < len(calls) and calls[end][0] == calls[pos][0]:
            end += 1
        for stop in range(end, pos, -1):  # longest run first
            if shapes[i].fullmatch(letters[pos:stop]):
                rest = go(stop, i + 1)
                if rest is not None:
                    return [(pos, stop), *rest]
        return None

    out = go(0, 0)
    if out is None:
        raise AlignmentError(f"calls {letters!r} do not fit segments {list(segments)}")
    return out


def find_clauses(instruction: str, wanted: Sequence[tuple[str, str]]) -> list[str]:
    """The texts of the clauses ``wanted`` asks for, in order: ``(kind, app title)`` each (the title is
    ignored for a notify clause); each is the next clause of the instruction of that kind and app.

    Example:
        >>> text = ("Hi! In Acme, delete the deal “A”. Thanks. Then email Ana Diaz (you'll find them in "
        ...         "my contacts) what you found, including the count.")
        >>> find_clauses(text, [("delete", "Acme"), ("notify", "")])[0]
        'In Acme, delete the deal “A”'
    """
    read = clauses_in(instruction)
    out, pos = [], 0
    for kind, title in wanted:
        at = next(
            (
                i
                for i in range(pos, len(read))
                if read[i][0].kind == kind and (kind == Notify.kind or read[i][0].app == title)
            ),
            None,
        )
        if at is None:
            raise AlignmentError(f"no {kind} clause for {title or 'a contact'!r} after clause {pos}")
        out.append(read[at][1])
        pos = at + 1
    return out


def task_pairs(task: Any, ops: Callable[[str], str], titles: Callable[[str], str]) -> list[Pair]:
    """The ``(clause, gold tool)`` pairs of one task (see the module docstring).

    ``ops(name)`` gives a tool's operation (``"search"``, ``"list"``, ...), ``titles(app)`` an app's title.
    Raises :class:`AlignmentError` when the task cannot be aligned.
    """
    if task.stats is None or not task.stats.segments:
        raise AlignmentError(f"{task.id}: no segments recorded")
    steps = [(i, c.name) for i, c in enumerate(task.oracle) if not is_account_tool(c.name)]
    # the notify segment spans Contacts and Mail: one pseudo-app, so its run is not split at the app change
    calls = [
        ("" if name in Notify.tools else name.split("__", 1)[0], _letter(name, ops)) for _, name in steps
    ]
    runs = split_calls(calls, task.stats.segments)
    wanted = [
        (kind, "" if kind == Notify.kind else titles(calls[a][0]))
        for kind, (a, _) in zip(task.stats.segments, runs)
    ]
    clauses = find_clauses(task.instruction, wanted)
    pairs = []
    for n, ((a, b), query) in enumerate(zip(runs, clauses)):
        by_tool: dict[str, list[int]] = {}
        for step, name in steps[a:b]:
            by_tool.setdefault(name, []).append(step)
        pairs += [Pair(task.id, n, query, tool, tuple(s)) for tool, s in by_tool.items()]
    return pairs


def suite_pairs(tasks: Iterable[Any], universe: Any = None) -> tuple[list[Pair], list[str]]:
    """Pairs of every task, and the ids of the tasks that could not be aligned."""
    from toolgym_env.universe import Universe

    universe = universe or Universe.full()
    catalog = universe.catalog

    def op(name: str) -> str:
        return catalog.tools[name].op

    def title(app: str) -> str:
        return catalog.apps[app].title

    pairs: list[Pair] = []
    skipped: list[str] = []
    for task in tasks:
        try:
            pairs += task_pairs(task, op, title)
        except (AlignmentError, KeyError):
            skipped.append(task.id)
    return pairs, skipped


def by_query(pairs: Sequence[Pair]) -> dict[str, set[str]]:
    """The gold tools of each distinct query."""
    out: dict[str, set[str]] = {}
    for p in pairs:
        out.setdefault(p.query, set()).add(p.tool)
    return out


def score_rankings(pairs: Sequence[Pair], rankings: dict[str, Sequence[str]]) -> tuple[float, float, float]:
    """``(recall@1, recall@5, MRR)`` of ``pairs`` given the ranked tool names of each query."""
    r1 = r5 = rr = 0.0
    for p in pairs:
        ranked = list(rankings[p.query])
        rank = ranked.index(p.tool) + 1 if p.tool in ranked else 0
        r1 += rank == 1
        r5 += 0 < rank <= 5
        rr += 1.0 / rank if rank else 0.0
    n = max(len(pairs), 1)
    return r1 / n, r5 / n, rr / n


def evaluate(index: Any, pairs: Sequence[Pair], kind: str = "", depth: int = DEPTH) -> Report:
    """Run every distinct query of ``pairs`` through ``index.search`` once and score the rankings."""
    from toolgym_env.retrieval import embedding

    embedding.clear_query_cache()
    queries = by_query(pairs)
    rankings: dict[str, list[str]] = {}
    times: list[float] = []
    for query in queries:
        t0 = time.perf_counter()
        ranked = index.search(query, depth)
        times.append((time.perf_counter() - t0) * 1000)
        rankings[query] = [name for name, _ in ranked]
    r1, r5, mrr = score_rankings(pairs, rankings)
    app_hits = sum(
        bool(rankings[q]) and rankings[q][0].split("__", 1)[0] in {t.split("__", 1)[0] for t in gold}
        for q, gold in queries.items()
    )
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else 0.0
    return Report(
        kind or type(index).__name__,
        r1,
        r5,
        mrr,
        len(pairs),
        len(queries),
        len(queries) / max(len(pairs), 1),
        statistics.median(times) if times else 0.0,
        p95,
        {"app_at_1": round(app_hits / max(len(queries), 1), 4)},
    )


def format_table(reports: Sequence[Report]) -> str:
    """A Markdown table of reports (app@1: the first result is in the clause's app)."""
    head = (
        "| kind | recall@1 | recall@5 | MRR | app@1 | pairs | queries | median ms | p95 ms |\n"
        "|---|---|---|---|---|---|---|---|---|"
    )
    rows = [
        f"| {r.kind} | {r.recall_at_1:.3f} | {r.recall_at_5:.3f} | {r.mrr:.3f} | "
        f"{r.extra.get('app_at_1', float('nan')):.3f} | {r.pairs} | {r.queries} | {r.median_ms:.2f} | "
        f"{r.p95_ms:.2f} |"
        for r in reports
    ]
    return "\n".join([head, *rows])
