"""Task records: what an episode asks for, the world it starts from, what counts as done, and an oracle.

Task files are JSONL, one :class:`Task` per line, validated with ``extra="forbid"`` so a stray or
misspelled field fails loudly with its name.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from toolgym_env.tasks.constraints import Allowance, Constraint
from toolgym_env.world.clock import EPOCH, format_time


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ToolCall(_Strict):
    """One call: a tool name and its arguments.

    In oracle solutions an argument value may be ``{"$ref": "2.items.0.id"}``: the value at that path in
    the structured result of oracle step 2 (outputs feeding later inputs).
    """

    name: str = Field(min_length=1)
    arguments: dict[str, Any] = Field(default_factory=dict)


class WorldRecipe(_Strict):
    """How to build the task's initial world: a seed, a start instant, and set-up calls applied first."""

    seed: int = 0
    start: str = format_time(EPOCH)
    setup: list[ToolCall] = Field(default_factory=list)


class RowExpectation(_Strict):
    """A change the world must show at the end of the episode.

    ``where`` maps columns to matchers, checked on the row after the change (before it, for deletes).
    A matcher is a plain value (equal), or one of ``{"$contains": s}``, ``{"$icontains": s}``,
    ``{"$approx": x, "$tol": t}``, ``{"$in": [...]}``, ``{"$has": item}`` (list contains), ``{"$any": true}``,
    ``{"$all": [matcher, ...]}`` (every matcher holds),
    ``{"$mentions": x}`` (the text states ``x``, numbers compared by value).
    """

    table: str
    op: Literal["insert", "update", "delete"]
    id: str | None = None
    where: dict[str, Any] = Field(default_factory=dict)
    count: int = Field(1, ge=1)


FactType = Literal[
    "integer", "decimal", "money", "date", "time", "datetime", "enum", "boolean", "name", "text", "id", "list"
]


class Fact(_Strict):
    """A value the final answer must state, graded as a typed value (see :mod:`toolgym_env.judge.facts`).

    ``key`` is what the request calls it ("chosen deal", "contacts handled"); the answer states a number,
    date, time, enum or short value *as* that fact, in a clause that names the key. ``distractors`` are the
    values an agent could confuse it with (the other candidates of a pick, the same field of the other listed
    records, the other options of an enum, neighbouring counts): an answer that also asserts one of them fails
    the fact. ``items`` holds the members of a ``list`` fact (``ordered``: their order matters); ``aliases``
    other ways to state the same value (a chosen record's id for its name).
    """

    key: str = ""
    value: str = Field(min_length=1)
    type: FactType = "text"
    distractors: list[str] = Field(default_factory=list)
    items: list[str] = Field(default_factory=list)
    ordered: bool = False
    aliases: list[str] = Field(default_factory=list)

    @field_validator("value")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a fact cannot be blank")
        return value


class Goal(_Strict):
    """What done means: expected world changes, facts the final answer must state, and the footprint.

    ``allow`` lists the writes a correct solution makes that no expectation names (side effects of domain
    actions: a seat taken, a balance moved, a cart emptied), as the oracle made them. The judge is exact: any
    other write fails the goal, even if undone later (see
    :func:`toolgym_env.judge.footprint.footprint_check`). A fact given as a plain string is read as an untyped
    ``text`` fact (older task files; a blank one is dropped).
    """

    changes: list[RowExpectation] = Field(default_factory=list)
    answer_facts: list[Fact] = Field(default_factory=list)
    allow: list[Allowance] = Field(default_factory=list)

    @field_validator("answer_facts", mode="before")
    @classmethod
    def _plain_facts(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [
                {"value": v} if isinstance(v, str) else v
                for v in value
                if not (isinstance(v, str) and not v.strip())
            ]
        return value


class TaskStats(_Strict):
    """Difficulty figures of the oracle solution."""

    calls: int
    distinct_tools: int
    apps: int
    depth: int = Field(description="Longest chain of calls feeding one another through $ref.")
    segments: list[str] = Field(default_factory=list, description="The workflow patterns the task chains.")


class Task(_Strict):
    """One task: the request, its world, its goal and an executed oracle solution."""

    id: str
    split: Literal["train", "test", "dev"] = "test"
    instruction: str = Field(min_length=1)
    apps: list[str] = Field(min_length=1)
    world: WorldRecipe = Field(default_factory=WorldRecipe)
    goal: Goal
    constraints: list[Constraint] = Field(default_factory=list)
    oracle: list[ToolCall]
    oracle_answer: str = ""
    stats: TaskStats | None = None
    family: str = ""
    category: str = Field(
        "",
        description="Goal category of a scenario (temporal, financial, resource, quality, "
        "scope, geographic, preference).",
    )
    if_then: str = Field(
        "",
        description="If-then family of a scenario (conditional_pivot, fallback, "
        "outcome_branching), empty for none.",
    )
    tier: str = Field("", description="Difficulty tier: easy, medium or hard (by the oracle's length).")
