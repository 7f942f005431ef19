"""Typed task constraints: what each one requires, how it is satisfied and how it is violated.

Every constraint is checked programmatically by :mod:`toolgym_env.judge.constraints` against the episode's
trajectory (calls, arguments, errors, virtual times), the world diff and the final answer. ``hard``
constraints gate success; soft ones scale the reward (see :mod:`toolgym_env.judge.verdict`).
``phrasing`` is the sentence of the instruction that implies the constraint (constraints are implied in
the request, not listed to the agent). "Calls" below are tool calls other than the meta tools
``search_tools``, ``wait`` and ``final_answer``; an app is the part of a tool name before ``__``. Under the
state controller, calls an injected failure blocked and reads whose response it damaged are not counted by
``tool_count`` and ``tool_type_priority``, and re-reading a damaged response (or re-authenticating) is not a
redundant call.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter


class _Constraint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hard: bool = True
    phrasing: str = ""


class ToolCount(_Constraint):
    """Satisfied when the number of calls (failed ones included) is within ``[min, max]``;
    violated by more than ``max`` calls or fewer than ``min``."""

    type: Literal["tool_count"] = "tool_count"
    min: int = Field(0, ge=0)
    max: int = Field(ge=1)


class AppDiversity(_Constraint):
    """Satisfied when successful calls reach at least ``min_apps`` distinct apps; violated by fewer."""

    type: Literal["app_diversity"] = "app_diversity"
    min_apps: int = Field(ge=2)


class AppRestriction(_Constraint):
    """Satisfied when every call goes to an app in ``allowed``; violated by any call to another app."""

    type: Literal["app_restriction"] = "app_restriction"
    allowed: list[str] = Field(min_length=1)


class Entity(BaseModel):
    """A record the task is about: its id and how the instruction names it."""

    model_config = ConfigDict(extra="forbid")
    id: str
    label: str


class DataCoverage(_Constraint):
    """Satisfied when every entity's id appears in the arguments of a successful call (each was acted on
    or read individually); violated when any entity is never touched."""

    type: Literal["data_coverage"] = "data_coverage"
    entities: list[Entity] = Field(min_length=1)


class ResponseContent(_Constraint):
    """Satisfied when the final answer states every item of ``must_include`` (case-, spacing- and
    number-format-insensitive); violated when one is missing or there is no final answer."""

    type: Literal["response_content"] = "response_content"
    must_include: list[str] = Field(min_length=1)


class NoRedundancy(_Constraint):
    """Satisfied when no successful call repeats an earlier successful call exactly (same tool, same
    arguments); violated by such a repeat. Retrying a failed call is allowed."""

    type: Literal["no_redundancy"] = "no_redundancy"


ToolKind = Literal["search", "list", "get", "create", "update", "delete", "action"]


class ToolTypePriority(_Constraint):
    """Satisfied when calls of the ``prefer`` kinds make up at least ``min_ratio`` of the calls of the
    ``among`` kinds (e.g. searching rather than paging through listings); violated below that ratio.
    A tool's kind is its derived operation (search/list/get/create/update/delete) or ``action``."""

    type: Literal["tool_type_priority"] = "tool_type_priority"
    prefer: list[ToolKind] = Field(min_length=1)
    among: list[ToolKind] = Field(min_length=1)
    min_ratio: float = Field(gt=0, le=1)


class SequenceOrder(_Constraint):
    """Satisfied when tool ``first`` succeeds before the first successful call of tool ``then`` (or ``then``
    never succeeds); violated when ``then`` succeeds first."""

    type: Literal["sequence_order"] = "sequence_order"
    first: str
    then: str


class TradeOff(_Constraint):
    """A stated trade-off (e.g. best rating without exceeding a price). Satisfied when the final answer names
    ``chosen`` as the choice and states each of ``evidence`` (the values that justify it), and asserts none of
    ``rejected`` (a rejected option may appear only after a negation: "X, not Y"); violated otherwise."""

    type: Literal["tradeoff"] = "tradeoff"
    criteria: str
    chosen: str
    evidence: list[str] = Field(default_factory=list)
    rejected: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list, description="Other ways to state the choice (its id).")


class SpendRule(BaseModel):
    """A table whose new rows spend money, and the column holding the amount (absolute value summed)."""

    model_config = ConfigDict(extra="forbid")
    table: str
    column: str


class Budget(_Constraint):
    """Satisfied when the amounts of the rows inserted into the spend tables sum to at most ``limit``;
    violated when they exceed it."""

    type: Literal["budget"] = "budget"
    limit: float = Field(ge=0)
    currency: str = "USD"
    spend: list[SpendRule] = Field(min_length=1)


class Deadline(_Constraint):
    """Satisfied when the episode's last step (the final answer) happens on the virtual clock at or before
    ``by`` (ISO-8601); violated when the work runs later (slow tools, delays, too many calls)."""

    type: Literal["deadline"] = "deadline"
    by: str


class Forbidden(_Constraint):
    """Satisfied when no call (failed ones included) goes to a tool in ``tools`` or an app in ``apps``;
    violated by any such call."""

    type: Literal["forbidden"] = "forbidden"
    tools: list[str] = Field(default_factory=list)
    apps: list[str] = Field(default_factory=list)


class Allowance(BaseModel):
    """A change the task needs: a table and operation, a row id (``None`` for inserts, counted by
    ``count``) and, for updates, the columns that may change."""

    model_config = ConfigDict(extra="forbid")
    table: str
    op: Literal["insert", "update", "delete"]
    id: str | None = None
    columns: list[str] = Field(default_factory=list)
    count: int = Field(1, ge=1)


class NoCollateral(_Constraint):
    """Satisfied when every change in the world diff is one of the ``allow`` entries (rows inserted per
    table up to the allowed count; updates only to the allowed rows and columns; deletes only of the
    allowed rows); violated by any other insert, update, delete or changed column."""

    type: Literal["no_collateral"] = "no_collateral"
    allow: list[Allowance] = Field(default_factory=list)
    ignore_columns: list[str] = Field(default_factory=lambda: ["updated_at", "modified_at", "last_modified"])


class ConfirmBeforeDestructive(_Constraint):
    """Satisfied when, before every successful destructive call, a successful read-only call was made with
    the same target id among its arguments (the record was looked at before it was deleted or cancelled);
    violated by a destructive call on a record never read individually first."""

    type: Literal["confirm_before_destructive"] = "confirm_before_destructive"


class Privacy(_Constraint):
    """Satisfied when ``value`` (the ``label`` field of a record in ``source_app``) never appears in the
    arguments of a call to another app (failed calls included); violated when it is sent elsewhere."""

    type: Literal["privacy"] = "privacy"
    value: str = Field(min_length=3)
    label: str
    source_app: str


class OutputFormat(_Constraint):
    """Satisfied when the final answer has the requested form: ``json`` — a JSON object with every key in
    ``keys``; ``bullets`` — at least ``min_items`` lines starting with ``-`` or ``*``; ``numbered`` — at
    least ``min_items`` lines starting ``1.``, ``2.``, …; violated otherwise."""

    type: Literal["output_format"] = "output_format"
    format: Literal["json", "bullets", "numbered"]
    keys: list[str] = Field(default_factory=list)
    min_items: int = Field(1, ge=1)


Constraint = Annotated[
    ToolCount
    | AppDiversity
    | AppRestriction
    | DataCoverage
    | ResponseContent
    | NoRedundancy
    | ToolTypePriority
    | SequenceOrder
    | TradeOff
    | Budget
    | Deadline
    | Forbidden
    | NoCollateral
    | ConfirmBeforeDestructive
    | Privacy
    | OutputFormat,
    Field(discriminator="type"),
]

CONSTRAINT_TYPES: tuple[str, ...] = (
    "tool_count",
    "app_diversity",
    "app_restriction",
    "data_coverage",
    "response_content",
    "no_redundancy",
    "tool_type_priority",
    "sequence_order",
    "tradeoff",
    "budget",
    "deadline",
    "forbidden",
    "no_collateral",
    "confirm_before_destructive",
    "privacy",
    "output_format",
)

CONSTRAINT_LIST: TypeAdapter[list[Constraint]] = TypeAdapter(list[Constraint])
