"""Task records: what an episode asks for, the world it starts from, what counts as done, and an oracle.

Task files are JSONL, one :class:`Task` per line, validated with ``extra="forbid"`` so a stray or
misspelled field fails loudly with its name.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from toolgym_env.tasks.constraints import Constraint
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
    ``{"$mentions": x}`` (the text states ``x``, numbers compared by value).
    """

    table: str
    op: Literal["insert", "update", "delete"]
    id: str | None = None
    where: dict[str, Any] = Field(default_factory=dict)
    count: int = Field(1, ge=1)


class Goal(_Strict):
    """What done means: expected world changes and facts the final answer must state."""

    changes: list[RowExpectation] = Field(default_factory=list)
    answer_facts: list[str] = Field(default_factory=list)


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
