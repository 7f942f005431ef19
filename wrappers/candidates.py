"""Candidate tool calls, the actions of :class:`~toolgym_env.wrappers.numeric.NumericAdapter`: what a
candidate is, the kinds of moves and row choices (the adapter's one-hot features), and what a source of
candidates provides.

The default source, the heuristic agent's reading of the request
(:class:`toolgym_env.agents.candidates.CandidateBuilder`), is named by string (:data:`DEFAULT_SOURCE`) and
imported when an adapter is built, as Gymnasium imports a registered entry point: this layer imports no agent.
Any class with the :class:`CandidateSource` interface can replace it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

#: Every kind of move, in the order of the one-hot features.
MOVES = (
    "final",
    "search",
    "list",
    "pick",
    "find",
    "open",
    "update",
    "delete",
    "create",
    "contact",
    "send",
    "wait",
    "refresh",
)
#: Row choices offered for a comparison step ("pick the one with highest X").
CHOICES = ("highest", "lowest", "first")
#: The candidate source of :class:`~toolgym_env.wrappers.numeric.NumericAdapter` unless it is given another.
DEFAULT_SOURCE = "toolgym_env.agents.candidates:CandidateBuilder"


@dataclass
class Candidate:
    """One concrete call the policy may choose: ``call`` (the env action), ``text`` (what it does, in words:
    the featurized description), ``move`` (one of :data:`MOVES`), ``step`` (the request step it serves, -1 for
    none), ``choice`` (for a pick: one of :data:`CHOICES`) and ``row`` (the record it acts on).

    Example:
        >>> c = Candidate({"name": "final_answer", "arguments": {"answer": "Done."}}, "finish", "final")
        >>> c.key, c.move_key
        ('final_answer{"answer": "Done."}', 'final:final_answer{"answer": "Done."}')
    """

    call: dict[str, Any]
    text: str
    move: str
    step: int = -1
    choice: str = ""
    row: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def key(self) -> str:
        """The call as a canonical string (equal calls, equal keys)."""
        return self.call["name"] + json.dumps(self.call["arguments"], sort_keys=True, default=str)

    @property
    def move_key(self) -> str:
        """The move and its call (a pick that re-reads a listing is not the listing again)."""
        return f"{self.move}:{self.key}"


class CandidateSource(Protocol):
    """What the adapter reads from its candidate source: built as ``source(max_candidates, top_k)``, it keeps
    the episode's memory and offers candidates; the attributes below feed the adapter's features."""

    steps: list[Any]  #: the request's steps
    done: set[int]  #: indices of the steps done
    tried: Counter[str]  #: how often each ``move_key`` was sent
    failed: set[str]  #: the ``move_key`` s whose last call failed
    ok_calls: int
    failed_calls: int
    facts: dict[int, list[tuple[str, str]]]  #: facts found, per step
    load: Any  #: ``name -> full tool record`` (search results are cards), set by the adapter

    def reset(self, instruction: str) -> None:
        """Read a new request and forget the previous episode."""

    def next_query(self) -> str | None:
        """The next ``search_tools`` query worth making at reset (``None``: none)."""

    def search(self, query: str) -> Candidate:
        """The ``search_tools`` candidate for ``query``."""

    def observe(self, cand: Candidate | None, obs: dict[str, Any]) -> None:
        """Take in the observation that answered ``cand`` (``None``: an invalid choice, or the reset)."""

    def candidates(self) -> list[Candidate]:
        """Up to ``max_candidates`` candidates, ``final_answer`` first."""
