"""Candidate tool calls for a discrete action space: up to K concrete calls per step, built from the tools
that ``search_tools`` returned, the values the request quotes and the records seen in the episode, plus the
final answer (composed from the facts found, as :mod:`toolgym_env.agents.heuristic_answer` writes it).

:class:`CandidateBuilder` keeps the episode's memory (tools, listed/found/picked records, facts) and turns it
into :class:`~toolgym_env.wrappers.candidates.Candidate` calls; :mod:`toolgym_env.agents.moves` holds what
each kind of request step offers. It is the default candidate source of
:class:`~toolgym_env.wrappers.numeric.NumericAdapter`.
Everything is deterministic: the same observations give the same candidates in the same order.

Example:
    >>> b = CandidateBuilder(max_candidates=4)
    >>> b.reset("In Acme CRM, go through the deals whose stage is “open” and pick the one with highest "
    ...         "amount.")
    >>> b.next_query()
    'Acme CRM deal: search list get create update delete'
    >>> b.candidates()[0].call["name"]
    'final_answer'
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from toolgym_env.agents.heuristic_answer import compose_answer, display, items_of, pick_named, show
from toolgym_env.agents.heuristic_flows import has_more, record_label
from toolgym_env.agents.heuristic_parse import Prefs, parse_request
from toolgym_env.agents.heuristic_tools import (
    GOOD_FIT,
    OP_QUERY,
    field_key,
    in_app,
    label_words,
    rank,
    recall_row,
    score,
    tool_title_words,
)
from toolgym_env.agents.moves import NEEDS, is_send, step_moves
from toolgym_env.agents.recovery import adapt_arguments, read_outcome
from toolgym_env.errors import InvalidArgumentError
from toolgym_env.tasks.grammar import Clause, Fanout, FindUpdate, Notify, OfRecord, Pick
from toolgym_env.wrappers.candidates import MOVES, Candidate

__all__ = ["MOVES", "Candidate", "CandidateBuilder"]

MAX_STEPS_PARSED = 6


class CandidateBuilder:
    """The episode's memory and the candidate calls it offers (see the module docstring).

    Args:
        max_candidates: K, the most candidates offered (the final answer is always the first).
        top_k: ``top_k`` of the searches made at reset.
    """

    def __init__(self, max_candidates: int = 8, top_k: int = 20) -> None:
        if max_candidates < 2:
            raise InvalidArgumentError(f"max_candidates must be >= 2, got {max_candidates}")
        self.max_candidates = max_candidates
        self.top_k = top_k
        #: Loads a tool a search named (its full record), e.g. ``lambda n: loaded_record(env, n)``; ``None``:
        #: the search results are used as they are.
        self.load: Any = None
        self.reset("")

    # --- episode state --------------------------------------------------------------------------------------
    def reset(self, instruction: str) -> None:
        """Read a new request and forget the previous episode."""
        request = parse_request(instruction or "")
        self.steps: list[Clause] = request.steps[:MAX_STEPS_PARSED]
        self.prefs: Prefs = request.prefs
        self.tools: dict[str, dict[str, Any]] = {}
        self.queries: list[str] = []
        self._best: dict[tuple[str, str, str], dict[str, Any] | None] = {}
        self._allowed: list[dict[str, Any]] | None = None
        self.rows: dict[int, list[dict[str, Any]]] = {}
        self.pages: dict[int, dict[str, Any]] = {}
        self.listed: dict[int, tuple[str, dict[str, Any]]] = {}
        self.found: dict[int, dict[str, Any]] = {}
        self.chosen: dict[int, dict[str, Any]] = {}
        self.handled: dict[int, set[Any]] = {}
        self.done: set[int] = set()
        self.facts: dict[int, list[tuple[str, str]]] = {}
        self.notes: list[str] = []
        self.seen: list[tuple[tuple[str, ...], dict[str, Any]]] = []
        self.renames: dict[str, dict[str, str]] = {}
        self.additions: dict[str, dict[str, Any]] = {}
        self.tried: Counter[str] = Counter()
        self.failed: set[str] = set()
        self.ok_calls = self.failed_calls = 0
        self.outcome = read_outcome({"is_error": 0, "result": ""})

    def next_query(self) -> str | None:
        """The next ``search_tools`` query worth making (``None``: none): for each request step and each
        operation it needs, a broad query about the record type, then one about the operation unless an exact
        fit is known (the heuristic agent's way of finding tools)."""
        for s in self.steps:
            if isinstance(s, Notify):
                wants = [
                    (
                        "Contacts",
                        "contact",
                        "search",
                        "Contacts contact: search list get create update delete",
                    )
                ]
                if not any(is_send(t) for t in self.allowed()):
                    wants.append(("Mail", "", "", "Mail send an email"))
            else:
                label = record_label(s)
                hint = f" optionally filtered by {s.filter.field}" if isinstance(s, (Pick, Fanout)) else ""
                wants = [
                    (s.app, label, op, f"{s.app} {label}: search list get create update delete")
                    for op in NEEDS[s.kind](s)
                ]
                wants += [
                    (s.app, label, op, f"{OP_QUERY[op]} {s.app} {label}{hint if op == 'list' else ''}")
                    for op in NEEDS[s.kind](s)
                ]
            for app, label, op, query in wants:
                best = self.tool(app, label, op) if op else None
                if query not in self.queries and (best is None or score(best, app, label, op) < GOOD_FIT):
                    return query
        return None

    def search(self, query: str) -> Candidate:
        """The ``search_tools`` call for ``query`` (remembered as made)."""
        self.queries.append(query)
        return Candidate(
            {"name": "search_tools", "arguments": {"query": query[:500], "top_k": self.top_k}},
            f"search tools: {query}",
            "search",
        )

    def observe(self, cand: Candidate | None, obs: dict[str, Any]) -> None:
        """Take in the observation that answered ``cand`` (``None``: an invalid choice, or the reset)."""
        message = str(obs.get("message", "") or "")
        if message:
            heard = parse_request(message)
            self.steps = (self.steps + heard.steps)[:MAX_STEPS_PARSED]
            self.prefs.merge(heard.prefs)
            self._best.clear()
            self._allowed = None
        self.outcome = out = read_outcome(obs)
        if cand is None:
            return
        self.tried[cand.move_key] += 1
        usable = out.kind in ("ok", "degraded") and out.data is not None
        self.ok_calls += usable
        self.failed_calls += not usable
        (self.failed.discard if usable else self.failed.add)(cand.move_key)
        if out.kind == "adapt":
            self.renames.setdefault(cand.call["name"], {}).update(out.renames)
            self.additions.setdefault(cand.call["name"], {}).update(out.additions)
        if usable:
            self._absorb(cand, out.data)

    def _absorb(self, c: Candidate, data: Any) -> None:
        i = c.step
        s = self.steps[i] if 0 <= i < len(self.steps) else None
        if c.move == "search":
            for t in (data or {}).get("tools", []) if isinstance(data, dict) else []:
                if isinstance(t, dict) and isinstance(t.get("name"), str):
                    t = self.load(t["name"]) or t if self.load is not None else t  # cards -> full records
                    self.tools.setdefault(t["name"], t)
            self._best.clear()
            self._allowed = None
        elif c.move in ("list", "find") and s is not None:
            page = self.pages.get(i, {"page": 0})["page"] + 1 if c.move == "list" else 1
            rows = (self.rows.get(i, []) if page > 1 else []) + items_of(data)
            self.rows[i] = rows
            if page == 1:
                self.listed[i] = (c.call["name"], c.call["arguments"])
            more = (
                c.move == "list"
                and isinstance(data, dict)
                and bool(items_of(data))
                and has_more(data, len(rows))
            )
            self.pages[i] = {"page": page, "more": more, "cursor": data.get("next_cursor") if more else None}
            if isinstance(s, Fanout) and not more:
                self.facts[i] = [(f"{s.plural} handled", str(len(rows)))]
            name = getattr(s, "name", "")
            if name and (row := pick_named(rows, name, strict=True)) is not None:
                self.found[i] = row
        elif c.move in ("pick", "open") and s is not None and c.row is not None:
            row = c.row
            if isinstance(data, dict) and data.get("id") == row.get("id"):
                row = {**row, **{k: v for k, v in data.items() if not (isinstance(v, str) and "\ufffd" in v)}}
            self.chosen[i] = row
            label = record_label(s)
            self.seen.append((tuple(label_words(label)), row))
            if c.move == "pick" and isinstance(s, Pick):
                self.facts[i] = self._pick_facts(s, label, row)
                if s.then is None:
                    self.done.add(i)
            elif isinstance(s, FindUpdate) and s.tell:
                self.facts[i] = [(f"{s.label} {s.tell}", show(row.get(field_key(s.tell, row) or "")))]
        elif c.move in ("update", "delete") and s is not None and c.row is not None:
            self.handled.setdefault(i, set()).add(c.row.get("id"))
            label = record_label(s)
            self.notes.append(
                f"{'Updated' if c.move == 'update' else 'Deleted'} the {label} {display(c.row)}."
            )
            todo = [r for r in self.rows.get(i, []) if r.get("id") not in self.handled[i]]
            if not isinstance(s, Fanout) or not todo:
                self.done.add(i)
        elif c.move == "create" and s is not None:
            if isinstance(data, dict):
                self.chosen[i] = data
                self.seen.append((tuple(label_words(s.label)), data))
            self.notes.append(f"Created the {s.label}.")
            self.done.add(i)
        elif c.move == "contact" and isinstance(s, Notify):
            person = pick_named(items_of(data), s.person, strict=True)
            if person is not None:
                self.found[i] = person
        elif c.move == "send" and isinstance(s, Notify):
            self.notes.append(f"Emailed {s.person}.")
            self.done.add(i)

    def _pick_facts(self, s: Pick, label: str, row: dict[str, Any]) -> list[tuple[str, str]]:
        facts = [(f"chosen {label}", self.name_of(s.app, label, row))]
        for said in (s.criteria.metric, s.criteria.cap):
            key = field_key(said, row) if said else None
            if key is not None:
                facts.append((said, show(row[key])))
        return facts

    # --- what moves use -------------------------------------------------------------------------------------
    def allowed(self) -> list[dict[str, Any]]:
        """The tools found so far, minus those of apps or with titles the user ruled out."""
        if self._allowed is None:
            banned = [" ".join(re.findall(r"[a-z0-9]+", t.lower())) for t in self.prefs.forbidden_tools]
            self._allowed = [
                t
                for t in self.tools.values()
                if not any(in_app(t, a) for a in self.prefs.forbidden_apps)
                and " ".join(tool_title_words(t)) not in banned
            ]
        return self._allowed

    def tool(self, app: str, label: str, op: str) -> dict[str, Any] | None:
        """The best tool found so far that performs ``op`` on ``label`` records of ``app``."""
        key = (app, label, op)
        if key not in self._best:
            self._best[key] = next(iter(rank(self.allowed(), app, label, op)), None)
        return self._best[key]

    def make(
        self,
        name: str,
        arguments: dict[str, Any],
        text: str,
        move: str,
        step: int = -1,
        choice: str = "",
        row: dict[str, Any] | None = None,
    ) -> Candidate:
        """A candidate, its arguments adapted to any schema change reported for the tool."""
        args = adapt_arguments(arguments, self.renames.get(name, {}), self.additions.get(name, {}))
        return Candidate({"name": name, "arguments": args}, text, move, step, choice, row)

    def name_of(self, app: str, label: str, row: dict[str, Any]) -> str:
        """What a record is called: the field its app's search tool searches, else a name-like field with the
        id."""
        search = self.tool(app, label, "search")
        if search is not None and score(search, app, label, "search") >= GOOD_FIT:
            m = re.search(r"whose (.+?) contains?\b", str(search.get("description", "")))
            key = field_key(m.group(1).split(",")[0].strip(), row) if m else None
            if key and isinstance(row.get(key), str) and row[key]:
                return row[key]
        name, rid = display(row), str(row.get("id", ""))
        return name if name == rid or not rid else f"{name} ({rid})"

    def recall(self, label: str, name: str | None) -> dict[str, Any] | None:
        """The latest record seen of type ``label`` called ``name`` (any name when ``None``)."""
        return recall_row(self.seen, label, name)

    def all_facts(self) -> list[tuple[str, str]]:
        """The facts found so far, in step order."""
        return [f for i in sorted(self.facts) for f in self.facts[i]]

    def answer(self) -> str:
        """The final answer from what was found (format as the user asked)."""
        extras = []
        for detail in self.prefs.asks:
            want = tuple(label_words(detail.label))
            rows = (
                [self.recall(detail.label, detail.name)]
                if isinstance(detail, OfRecord)
                else [r for k, r in self.seen if k == want][-1:]
            )
            flabel = detail.field
            values = [show(r[field_key(flabel, r)]) for r in rows if r is not None and field_key(flabel, r)]
            if values:
                extras.append((f"{flabel} of the {detail.label}", " / ".join(dict.fromkeys(values))))
        return compose_answer(self.all_facts(), extras, self.prefs, self.notes)

    # --- the candidates -------------------------------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        """Up to K candidates: the final answer first, then a wait / session refresh when the last call asked
        for one, then each request step's moves in order (unfinished steps first when there are too many)."""
        out = [
            Candidate(
                {"name": "final_answer", "arguments": {"answer": self.answer()}},
                "give the final answer and finish",
                "final",
            )
        ]
        if self.outcome.kind == "wait":
            out.append(
                Candidate(
                    {"name": "wait", "arguments": {"seconds": min(max(self.outcome.seconds, 0.1), 3600)}},
                    f"wait {self.outcome.seconds:g} seconds (rate limit)",
                    "wait",
                )
            )
        elif self.outcome.kind == "refresh" and self.outcome.tool:
            out.append(
                Candidate({"name": self.outcome.tool, "arguments": {}}, "refresh the app session", "refresh")
            )
        moves = []
        for i, s in enumerate(self.steps):
            try:
                moves += list(step_moves(self, i, s))
            except (LookupError, ValueError, TypeError, AttributeError):  # an odd schema or record: no move
                continue
        moves.sort(key=lambda c: c.step in self.done)  # stable: keeps the step order otherwise
        keys = {out[0].key}
        for c in moves:
            if c.key not in keys or c.move == "pick":
                keys.add(c.key)
                out.append(c)
        return out[: self.max_candidates]
