"""Retrieval quality: how well an index finds each task step's tool from the sentence that asks for it.

Tasks store one instruction, not one sub-instruction per step, so ``(query, gold tool)`` pairs are derived:

1. **Segments.** ``task.stats.segments`` lists the task's workflow segments in oracle order (``pick``,
   ``find_update``, ``fanout``, ``create``, ``delete``, ``branch``, ``notify``; see
   ``tasks/engine/segments.py``). Each segment works in one app and writes exactly one clause of the
   instruction (``tasks/engine/compose.py::write_instruction`` joins them in order, each ending with ``.``).
2. **Calls to segments.** The oracle calls (account tools ``get_current_user``/``refresh_session`` skipped)
   are split into consecutive runs, one per segment, such that every run stays in one app and its sequence of
   operations (``ToolSpec.op``: search, list, get, update, delete, create) matches the segment's shape, e.g.
   ``find_update`` = search, get?, update and ``fanout`` = list+, then update+ or (get, delete)+
   (:data:`SEGMENT_SHAPES`; ``notify`` is Contacts search + Mail send). The split is found by backtracking;
   where two splits are possible (page 2 of a listing could belong to either of two listing segments of the
   same app) both give the same distinct tools per clause, which is what the pairs use.
3. **Clauses.** Each segment's clause is located in the instruction in order: it starts at
   ``in <App Title>, `` (``In`` when it opens the request; titles from the catalog records'
   ``_meta["toolgym/app_title"]``, i.e. ``AppSpec.title``) or, for ``notify``, at ``email <person> (you'll
   find them in my contacts)``; it ends at the first ``.`` outside “curly quotes” that is followed by a space
   or the end of the text (connectors, noise sentences and constraint phrases are therefore left out).
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

DEPTH = 100  # ranks read per query for MRR
NOTIFY_TOOLS = frozenset({"contacts__search_contacts", "mail__send_email"})
_OP_LETTER = {
    "search": "s",
    "list": "l",
    "get": "g",
    "update": "u",
    "delete": "d",
    "create": "c",
    "action": "a",
}
#: The shape of each segment's calls, as a regex over one letter per call (see ``_OP_LETTER``; n = notify).
SEGMENT_SHAPES = {
    "find_update": "sg?u",
    "branch": "sg?u",
    "delete": "sgd",
    "pick": "l+g?[ud]?",
    "fanout": "l+(?:u+|(?:gd)+)",
    "create": "(?:sg?|l)*c",
    "notify": "n+",
}


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
    return "n" if name in NOTIFY_TOOLS else _OP_LETTER.get(ops(name), "a")


def split_calls(calls: Sequence[tuple[str, str]], segments: Sequence[str]) -> list[tuple[int, int]]:
    """Split ``calls`` (``(app, op letter)`` per call) into one ``(start, stop)`` run per segment kind.

    Example:
        >>> split_calls([("a", "l"), ("a", "u"), ("a", "u"), ("b", "s"), ("b", "g"), ("b", "u")],
        ...             ["fanout", "find_update"])
        [(0, 3), (3, 6)]
    """
    shapes = [re.compile(SEGMENT_SHAPES[k]) for k in segments]
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


def clause_end(text: str, start: int) -> int:
    """Index of the ``.`` that ends the sentence starting at ``start`` (outside “quotes”, before a
    space/end)."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == "." and depth == 0 and (i + 1 == len(text) or text[i + 1].isspace()):
            return i
    return len(text)


def find_clauses(instruction: str, starts: Sequence[str]) -> list[str]:
    """The clause texts, in order; ``starts`` holds each clause's app title, or ``""`` for a notify clause."""
    out, pos = [], 0
    for title in starts:
        pattern = (
            r"\b[Ee]mail (?=[^.]*\(you'll find them in my contacts\))"
            if not title
            else r"\b[Ii]n " + re.escape(title) + ", "
        )
        m = re.compile(pattern).search(instruction, pos)
        if m is None:
            raise AlignmentError(f"no clause for {title or 'notify'!r} after character {pos}")
        end = clause_end(instruction, m.start())
        out.append(instruction[m.start() : end].strip())
        pos = end
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
        ("" if name in NOTIFY_TOOLS else name.split("__", 1)[0], _letter(name, ops)) for _, name in steps
    ]
    runs = split_calls(calls, task.stats.segments)
    starts = [
        "" if kind == "notify" else titles(calls[a][0]) for kind, (a, _) in zip(task.stats.segments, runs)
    ]
    clauses = find_clauses(task.instruction, starts)
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
