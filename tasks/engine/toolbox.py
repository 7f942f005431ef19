"""What the engine knows about an app's resources: their tools by operation, their fields by role, and how to
write arguments in the app's own conventions (pagination style, nested filter/changes objects)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from typing import Any

from toolgym_env.apps.spec import AppSpec, ResourceDecl, ToolSpec

MONEY = re.compile(r"amount|price|total|cost|fee|budget|balance|salary|revenue|value|spend|rate")
SENSITIVE = re.compile(
    r"phone|address|iban|account_number|salary|ssn|tax_id|birth|dob|passport|license|card|"
    r"routing|national_id|home"
)
TEXTY = re.compile(
    r"name|title|subject|summary|description|notes?|body|text|comment|reason|message|content|memo|"
    r"headline|caption|bio|label"
)
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


@dataclass(frozen=True)
class Prop:
    """One field of a resource, read from its JSON Schema."""

    name: str
    type: str
    enum: tuple[Any, ...] = ()
    pattern: str = ""
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None


def _prop(name: str, schema: dict[str, Any]) -> Prop:
    options = schema.get("anyOf") or [schema]
    main = next((o for o in options if o.get("type") != "null"), options[0])
    enum = tuple(main.get("enum", ())) or ((main["const"],) if "const" in main else ())
    return Prop(
        name,
        main.get("type", "object"),
        enum,
        main.get("pattern", ""),
        main.get("maxLength"),
        main.get("minimum"),
        main.get("maximum"),
    )


@dataclass
class Res:
    """A resource of an app as the engine uses it."""

    app: AppSpec
    decl: ResourceDecl
    tools: dict[str, ToolSpec] = field(default_factory=dict)

    @property
    def table(self) -> str:
        """The world table."""
        return self.decl.table

    @property
    def label(self) -> str:
        """Singular label (``"deal"``)."""
        return self.decl.label

    @property
    def plural(self) -> str:
        """Plural label (``"deals"``)."""
        return self.decl.plural.replace("_", " ")

    @property
    def id_arg(self) -> str:
        """The id parameter of get/update/delete (``"deal_id"``)."""
        return f"{self.decl.name}_id"

    def tool(self, op: str) -> str:
        """Qualified name of the tool for ``op``."""
        return self.tools[op].qualified_name

    @cached_property
    def props(self) -> dict[str, Prop]:
        """Every field of the resource."""
        schema = self.decl.model.model_json_schema()
        return {n: _prop(n, p) for n, p in schema.get("properties", {}).items()}

    @cached_property
    def editable(self) -> tuple[str, ...]:
        """Fields a caller may set, in declaration order (never a set: string hashing varies by process)."""
        return tuple(self.decl.editable_fields())

    @cached_property
    def name_field(self) -> str | None:
        """The field that names a record (first searchable text field)."""
        return next(
            (f for f in self.decl.searchable if self.props[f].type == "string" and not self.props[f].enum),
            None,
        )

    def enum_fields(self, editable: bool = True) -> list[str]:
        """Fields with a fixed set of values (editable ones unless ``editable=False``)."""
        return [n for n, p in self.props.items() if len(p.enum) >= 2 and (not editable or n in self.editable)]

    def filter_enums(self) -> list[str]:
        """Filterable fields with a fixed set of values (or booleans)."""
        return [
            f for f in self.decl.filterable if len(self.props[f].enum) >= 2 or self.props[f].type == "boolean"
        ]

    def numeric(self) -> list[str]:
        """Integer and number fields."""
        return [n for n, p in self.props.items() if p.type in ("integer", "number")]

    def money(self) -> list[str]:
        """Numeric fields holding money."""
        return [n for n in self.numeric() if MONEY.search(n) and "pct" not in n and "percent" not in n]

    def text_fields(self) -> list[str]:
        """Editable free-text fields (no enum, no pattern, room for a sentence)."""
        return [
            n
            for n in self.editable
            if (p := self.props[n]).type == "string"
            and not p.enum
            and not p.pattern
            and (p.max_length is None or p.max_length >= 60)
            and TEXTY.search(n)
            and not n.endswith("_id")
        ]

    # --- arguments in the app's conventions -------------------------------------------------------------
    def search_args(self, query: str, limit: int = 10) -> dict[str, Any]:
        """Arguments of the search tool."""
        return {"query": query, "limit": limit}

    def list_args(
        self,
        filters: dict[str, Any],
        limit: int,
        page: int = 1,
        cursor: Any = None,
    ) -> dict[str, Any]:
        """Arguments of the list tool for one page (``cursor``: a Ref or value for cursor-style apps)."""
        args: dict[str, Any] = {}
        if filters:
            args.update({"filter": dict(filters)} if self.app.nested else dict(filters))
        args["limit"] = limit
        style = self.app.pagination
        if style == "page" and page > 1:
            args["page"] = page
        elif style == "offset" and page > 1:
            args["offset"] = (page - 1) * limit
        elif style == "cursor" and cursor is not None:
            args["cursor"] = cursor
        return args

    def update_args(self, row_id: Any, changes: dict[str, Any]) -> dict[str, Any]:
        """Arguments of the update tool."""
        return {self.id_arg: row_id, **({"changes": changes} if self.app.nested else changes)}


def resources(app: AppSpec) -> list[Res]:
    """The resources of ``app`` with their derived tools."""
    out = {name: Res(app, decl) for name, decl in app.resources.items()}
    for tool in app.tools.values():
        if tool.resource in out and tool.op != "action":
            out[tool.resource].tools[tool.op] = tool
    return list(out.values())


def fill_value(prop: Prop, rng: random.Random, today: Any, hint: str = "") -> Any:
    """A plausible value for a field (``hint``: text to use for free-text fields)."""
    if prop.enum:
        return rng.choice(prop.enum)
    if prop.type == "string":
        if (
            prop.pattern == DATE_PATTERN
            or prop.name.endswith("_date")
            or prop.name in ("date", "due", "deadline")
        ):
            return (today + timedelta(days=rng.randint(3, 30))).strftime("%Y-%m-%d")
        if prop.pattern:
            import numpy as np

            from toolgym_env.envs.regex_sample import sample_regex

            return sample_regex(prop.pattern, np.random.default_rng(rng.getrandbits(32)))
        text = hint or prop.name.replace("_", " ").capitalize()
        return text[: prop.max_length] if prop.max_length else text
    if prop.type == "integer":
        lo = int(prop.minimum) if prop.minimum is not None else 1
        hi = int(prop.maximum) if prop.maximum is not None else lo + 10
        return max(lo, min(hi, rng.randint(max(lo, 1), max(lo, 1) + 4)))
    if prop.type == "number":
        lo = float(prop.minimum) if prop.minimum is not None else 0.0
        hi = float(prop.maximum) if prop.maximum is not None else 1000.0
        return round(min(hi, max(lo, rng.uniform(20, 400))), 2)
    if prop.type == "boolean":
        return False
    raise ValueError(f"no value for {prop.type} field {prop.name}")
