"""A model-free baseline that really tries: it reads the request, finds tools with ``search_tools``, chains
their results (ids found by name feed later calls), recovers from transient failures and answers with the
values it found.

It sees only what any client sees: the observations (``instruction``, ``result``, ``is_error``, ``tool``,
``time``, ``message``) and the tool records ``search_tools`` returns; never the task, its goal or its oracle.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator
from typing import Any

import gymnasium as gym

from toolgym_env.agents.heuristic_answer import compose_answer, display, show
from toolgym_env.agents.heuristic_flows import FLOWS, StepFailed
from toolgym_env.agents.heuristic_parse import parse_request
from toolgym_env.agents.heuristic_tools import (
    GOOD_FIT,
    OP_QUERY,
    VERBS,
    app_of,
    field_key,
    in_app,
    label_words,
    name_words,
    rank,
    recall_row,
    score,
    squash,
    tool_title_words,
)
from toolgym_env.agents.recovery import MAX_RETRIES, adapt_arguments, read_outcome
from toolgym_env.envs.meta import loaded_record
from toolgym_env.tasks.grammar import OfNew, OfPicked

Flow = Generator[dict[str, Any], dict[str, Any], Any]


READ_VERBS = frozenset(VERBS["search"] + VERBS["list"] + VERBS["get"])
#: Identical calls made again after a damaged response (truncated, partial, garbled, stale), per call.
MAX_REREADS = 2
#: Argument fixes after schema changes, per call.
MAX_ADAPTS = 2


class CallFailed(StepFailed):
    """A tool call kept failing (or failed with an ordinary error such as a validation error)."""


class HeuristicAgent:
    """Parses the request into steps and carries them out with the tools ``search_tools`` finds.

    Deterministic: the same observations always give the same actions.

    Example:
        >>> import gymnasium as gym, toolgym_env
        >>> from toolgym_env.agents import run_episode
        >>> from toolgym_env.agents.heuristic import HeuristicAgent
        >>> r = run_episode(gym.make("ToolGym-v0"), HeuristicAgent(), options={"task_index": 2})
        >>> r.steps <= 40
        True
    """

    name = "heuristic"

    def __init__(self, max_retries: int = MAX_RETRIES) -> None:
        self.max_retries = max_retries
        self.reset(None, {"instruction": ""}, {})

    # --- the Agent protocol -----------------------------------------------------------------------------
    def reset(self, env: gym.Env | None, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Read the request; nothing is taken from ``env`` but the schemas of the tools a search found (what
        an MCP client's tool listing gives)."""
        self.env = env
        self.max_steps = int(info.get("max_steps", 40) or 40)
        request = parse_request(str(obs.get("instruction", "") or ""))
        self.steps, self.prefs = request.steps, request.prefs
        self.facts: list[tuple[str, str]] = []
        self.notes: list[str] = []
        self.rows: list[tuple[tuple[str, ...], dict[str, Any]]] = []
        self.found: dict[tuple, dict[str, Any]] = {}
        self.picked: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        self.created: dict[tuple[str, ...], dict[str, Any]] = {}
        self.tools: dict[str, dict[str, Any]] = {}
        self.chosen: dict[tuple[str, str, str], dict[str, Any] | None] = {}
        self.queries: list[str] = []
        self.renames: dict[str, dict[str, str]] = {}
        self.additions: dict[str, dict[str, Any]] = {}
        self.can_wait = True
        self.cache: dict[str, Any] = {}
        self.actions: list[dict[str, Any]] = []
        self._flow = self._run()
        self._started = self._done = False

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """The next call; the final answer once the steps are done or the step budget is nearly spent."""
        try:
            message = str(obs.get("message", "") or "")
            if message:
                heard = parse_request(message)
                self.steps += heard.steps
                self.prefs.merge(heard.prefs)
            if self._done or int(obs.get("step", 0) or 0) >= self.max_steps - 1:
                return self._finish()
            action = self._flow.send(obs) if self._started else next(self._flow)
            self._started = True
        except (
            StopIteration,
            StepFailed,
        ):  # the plan is over, or a step cannot go on: answer with what was found
            return self._finish()
        self.actions.append(action)
        return action

    # --- what flows use -----------------------------------------------------------------------------------
    def call(self, name: str, arguments: dict[str, Any]) -> Flow:
        """Call a tool and return its parsed result, recovering from transient failures (bounded retries);
        raises :class:`CallFailed` when the call cannot succeed."""
        key = name + json.dumps(arguments, sort_keys=True, default=str)
        if key in self.cache:
            return self.cache[key]
        reads = name == "search_tools" or any(
            w in READ_VERBS for w in name_words(name.split("__", 1)[-1])[:3]
        )
        if not reads:
            self.cache.clear()
        tries, adapts, again = 0, 0, MAX_REREADS
        while True:
            args = adapt_arguments(arguments, self.renames.get(name, {}), self.additions.get(name, {}))
            out = read_outcome((yield {"name": name, "arguments": args}))
            if out.kind == "ok":
                if reads:
                    self.cache[key] = out.data
                return out.data
            if out.kind == "degraded":
                if again:
                    again -= 1
                    continue
                if out.data is not None:
                    return out.data
                raise CallFailed(out.text[:200])
            if out.kind == "adapt":
                adapts += 1
                if adapts > MAX_ADAPTS:
                    raise CallFailed(out.text[:200])
                self.renames.setdefault(name, {}).update(out.renames)
                self.additions.setdefault(name, {}).update(out.additions)
                continue
            tries += 1
            if out.kind == "fail" or tries > self.max_retries:
                raise CallFailed(out.text[:200])
            if out.kind == "wait" and self.can_wait:
                waited = yield {"name": "wait", "arguments": {"seconds": min(max(out.seconds, 0.1), 3600)}}
                self.can_wait = not waited.get("is_error")
            elif out.kind == "refresh":
                tool = out.tool or (yield from self._refresh_tool(name))
                if tool:
                    yield {"name": tool, "arguments": {}}

    def search(self, query: str, top_k: int = 10) -> Flow:
        """``search_tools``; every tool it returns is remembered (name, description, input schema)."""
        self.queries.append(query)
        try:
            data = yield from self.call("search_tools", {"query": query[:500], "top_k": top_k})
        except CallFailed:
            return []
        found = [
            t for t in (data or {}).get("tools", []) if isinstance(t, dict) and isinstance(t.get("name"), str)
        ]
        if self.env is not None:  # search results are cards: load the tools they name with their full schemas
            found = [r for t in found if (r := loaded_record(self.env, t["name"])) is not None]
        for t in found:
            self.tools.setdefault(t["name"], t)
        return found

    def tool(self, app: str, label: str, op: str, hint: str = "") -> Flow:
        """The tool that performs ``op`` on ``label`` records of ``app``, or ``None``. Searched for once: a
        broad query about the record type first, then a query about the operation unless an exact fit was
        found."""
        key = (squash(app), " ".join(label_words(label)), op)
        if key in self.chosen:
            return self.chosen[key]
        best = None
        for query in (
            f"{app} {label}: search list get create update delete",
            f"{OP_QUERY[op]} {app} {label} {hint}",
        ):
            best = next(iter(rank(self._allowed(), app, label, op)), None)
            if best is not None and score(best, app, label, op) >= GOOD_FIT:
                break
            if query not in self.queries:
                yield from self.search(query, 20)
        best = next(iter(rank(self._allowed(), app, label, op)), None)
        self.chosen[key] = best
        return best

    def action_tool(self, app: str, words: tuple[str, ...], query: str) -> Flow:
        """A tool of ``app`` whose name has all of ``words`` (e.g. Mail's send-email tool), or ``None``."""

        def best() -> dict[str, Any] | None:
            return next(
                (
                    t
                    for t in self._allowed()
                    if in_app(t, app) and all(w in name_words(t["name"].split("__", 1)[-1]) for w in words)
                ),
                None,
            )

        if best() is None:
            yield from self.search(f"{app} {query}", 10)
        return best()

    def fact(self, label: str, value: str) -> None:
        """A value the answer must state."""
        self.facts.append((label, value))

    def note(self, text: str) -> None:
        """Something done, for the summary."""
        self.notes.append(text)

    def remember(self, label: str, row: dict[str, Any]) -> None:
        """A record read (or created), for later steps that point back to it."""
        self.rows.append((tuple(label_words(label)), row))

    def recall(self, label: str, name: str | None) -> dict[str, Any] | None:
        """The latest record of type ``label`` called ``name`` (any name when ``None``)."""
        return recall_row(self.rows, label, name)

    def name_of(self, app: str, label: str, row: dict[str, Any]) -> str:
        """What a record is called: the first field its app's search tool searches (from the tool's
        description), else a name-like field together with the id."""
        search = self.chosen.get((squash(app), " ".join(label_words(label)), "search"))
        if search is not None and score(search, app, label, "search") < GOOD_FIT:
            search = None  # a loosely matching search tool may search other records
        m = re.search(r"whose (.+?) contains?\b", str((search or {}).get("description", "")))
        key = field_key(m.group(1).split(",")[0].strip(), row) if m else None
        if key and isinstance(row.get(key), str) and row[key]:
            return row[key]
        name, rid = display(row), str(row.get("id", ""))
        return name if name == rid or not rid else f"{name} ({rid})"

    # --- internals ------------------------------------------------------------------------------------------
    def _allowed(self) -> list[dict[str, Any]]:
        """The tools seen so far, minus those of apps or with titles the user ruled out."""
        banned = [" ".join(re.findall(r"[a-z0-9]+", t.lower())) for t in self.prefs.forbidden_tools]
        return [
            t
            for t in self.tools.values()
            if not any(in_app(t, a) for a in self.prefs.forbidden_apps)
            and " ".join(tool_title_words(t)) not in banned
        ]

    def _refresh_tool(self, name: str) -> Flow:
        """The app's session-refresh tool (searched for when not seen yet), or ``None``."""
        app = app_of(name)

        def known() -> str | None:
            return next(
                (
                    t["name"]
                    for t in self.tools.values()
                    if app_of(t["name"]) == app and "refresh" in name_words(t["name"].split("__", 1)[-1])
                ),
                None,
            )

        if known() is None:
            yield from self.search(f"{app} refresh session re-authenticate", 5)
        return known()

    def _run(self) -> Flow:
        i = 0
        while i < len(self.steps):
            step = self.steps[i]
            i += 1
            try:
                yield from FLOWS[step.kind](self, step)
            except (StepFailed, LookupError, ValueError, TypeError, AttributeError):
                continue

    def _extras(self) -> list[tuple[str, str]]:
        out = []
        for detail in self.prefs.asks:
            key = tuple(label_words(detail.label))
            rows = (
                [self.created.get(key)]
                if isinstance(detail, OfNew)
                else self.picked.get(key, [])
                if isinstance(detail, OfPicked)
                else [self.recall(detail.label, detail.name)]
            )
            flabel = detail.field
            values = [show(r[field_key(flabel, r)]) for r in rows if r is not None and field_key(flabel, r)]
            if values:
                out.append((f"{flabel} of the {detail.label}", " / ".join(dict.fromkeys(values))))
        return out

    def _finish(self) -> dict[str, Any]:
        self._done = True
        answer = compose_answer(self.facts, self._extras(), self.prefs, self.notes)
        action = {"name": "final_answer", "arguments": {"answer": answer}}
        self.actions.append(action)
        return action
