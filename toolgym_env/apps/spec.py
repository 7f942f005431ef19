"""Declare an app once — resources, domain actions, seed data — and derive its tools and tables.

An app is an :class:`AppSpec`. ``app.resource(Model, ...)`` declares a resource from a pydantic model:
its table follows from the model's fields and its search/list/get/create/update/delete tools are derived
(schemas from the type hints, descriptions from the field descriptions). ``@app.action(...)`` turns a typed
Python function into a domain tool with real effects. ``@app.seeder`` fills the tables from a seed.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, TypedDict, Unpack

from pydantic import BaseModel, Field, create_model
from pydantic.fields import FieldInfo

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.naming import Naming
from toolgym_env.apps.schema import (
    Deferred,
    cached_input_schema,
    cached_output_schema,
    model_from_fields,
    parse_docstring,
    signature_model,
)
from toolgym_env.errors import AppSpecError, ToolError
from toolgym_env.world.seeding import SeedContext
from toolgym_env.world.tables import Column, TableSpec

_TITLE_SPLIT = re.compile(r"[_\-]+|(?<=[a-z0-9])(?=[A-Z])")
Pagination = Literal["page", "cursor", "offset"]
Op = Literal["search", "list", "get", "create", "update", "delete"]
ALL_OPS: tuple[Op, ...] = ("search", "list", "get", "create", "update", "delete")
SYSTEM_FIELDS = ("id", "created_at", "updated_at")


class Effects(TypedDict, total=False):
    """What an action declares about its effects (keywords of :meth:`AppSpec.action` and ``Blueprint.action``,
    each ``False`` unless given): ``read_only`` (changes nothing, so also idempotent), ``destructive``
    (removes or overwrites data), ``idempotent`` (a repeat changes nothing more)."""

    read_only: bool
    destructive: bool
    idempotent: bool


def check_effects(owner: str, effects: dict[str, Any]) -> None:
    """Refuse a keyword that is not one of :class:`Effects` (a misspelt hint would otherwise be dropped)."""
    unknown = effects.keys() - Effects.__optional_keys__
    if unknown:
        raise AppSpecError(f"{owner}: unknown action keywords {sorted(unknown)}")


@dataclass
class ToolSpec:
    """One executable tool: its MCP record fields, its argument model and the function that runs it.

    ``args`` is the argument model, or a :class:`Deferred` one (built on first use: :attr:`args_model`);
    ``output`` is the result's schema dict, a type, or a :class:`Deferred` type.
    """

    app: str
    name: str
    description: str
    args: type[BaseModel] | Deferred
    fn: Callable[..., dict[str, Any]]
    output: Any
    read_only: bool
    destructive: bool = False
    idempotent: bool = False
    title: str = ""
    latency_s: float = 1.0
    op: str = "action"
    resource: str = ""

    def __post_init__(self) -> None:
        if not self.title:
            self.title = _TITLE_SPLIT.sub(" ", self.name).strip().capitalize()

    @property
    def args_model(self) -> type[BaseModel]:
        """The strict pydantic model of the arguments (built on first use when deferred)."""
        args = self.args
        return args.get() if isinstance(args, Deferred) else args

    @property
    def input_schema(self) -> dict[str, Any]:
        """JSON Schema of the arguments (computed on first use, shared by tools with the same model)."""
        return cached_input_schema(self.args_model)

    @property
    def output_schema(self) -> dict[str, Any]:
        """JSON Schema of the structured result (``output`` is a schema dict or a type, converted lazily)."""
        output = self.output
        if isinstance(output, Deferred):
            output = output.get()
        return output if isinstance(output, dict) else cached_output_schema(output)

    @property
    def qualified_name(self) -> str:
        """The catalog-wide name, ``{app}__{tool}`` (valid for both MCP and OpenAI function names)."""
        return f"{self.app}__{self.name}"

    @property
    def annotations(self) -> dict[str, Any]:
        """MCP tool annotations (truthful: derived from what the tool does)."""
        return {
            "title": self.title,
            "readOnlyHint": self.read_only,
            "destructiveHint": self.destructive,
            "idempotentHint": self.idempotent,
            "openWorldHint": False,
        }

    def mcp_record(self, qualified: bool = True) -> dict[str, Any]:
        """The tool as an MCP ``Tool`` record (wire field names)."""
        return {
            "name": self.qualified_name if qualified else self.name,
            "title": self.title,
            "description": self.description,
            "inputSchema": self.input_schema,
            "outputSchema": self.output_schema,
            "annotations": self.annotations,
        }


#: Default values ``FieldInfo.get_default`` returns as they are (no copy).
_ATOMIC = (type(None), bool, int, float, str, bytes)


@dataclass
class ResourceDecl:
    """A resource of an app: a pydantic model stored in one table."""

    app: str
    model: type[BaseModel]
    name: str
    plural: str
    id_prefix: str
    searchable: tuple[str, ...]
    filterable: tuple[str, ...]
    refs: dict[str, str]
    readonly: tuple[str, ...]
    order_by: str = ""

    @property
    def table(self) -> str:
        """The world table holding this resource."""
        return f"{self.app}__{self.plural}"

    @property
    def label(self) -> str:
        """Human-readable singular name."""
        return self.name.replace("_", " ")

    def table_spec(self) -> TableSpec:
        """The world table declaration of this resource."""
        cols = [Column(n, column_kind(f.annotation)) for n, f in self.model.model_fields.items()]
        return TableSpec(self.table, tuple(cols), self.id_prefix)

    def defaults(self) -> dict[str, Any]:
        """Default values of optional fields (fresh copies for mutable defaults), as ``FieldInfo.get_default(
        call_default_factory=True)`` gives them: every seeded row asks, so what that call would work out again
        each time (is there a factory, does it take data) is worked out once (:meth:`_default_plan`)."""
        out = {}
        for name, kind, source in self._default_plan:
            if kind == "value":
                out[name] = source
            elif kind == "factory":
                out[name] = source()
            else:
                out[name] = source.get_default(call_default_factory=True)
        return out

    @cached_property
    def _default_plan(self) -> tuple[tuple[str, str, Any], ...]:
        """``(field, kind, source)`` per optional field: an immutable default (``value``, used as is), a
        factory that takes no data (``factory``, called), or the field (``field``: its ``get_default``, which
        copies)."""
        plan = []
        for name, info in self.model.model_fields.items():
            if info.is_required():
                continue
            factory = info.default_factory
            if factory is None and type(info.default) in _ATOMIC:
                plan.append((name, "value", info.default))
            elif factory is not None and not info.default_factory_takes_validated_data:
                plan.append((name, "factory", factory))
            else:
                plan.append((name, "field", info))
        return tuple(plan)

    def editable_fields(self) -> dict[str, FieldInfo]:
        """Fields a caller may set on create/update."""
        skip = set(SYSTEM_FIELDS) | set(self.readonly)
        return {n: f for n, f in self.model.model_fields.items() if n not in skip}


def column_kind(annotation: Any) -> str:
    """How a field of this type is stored: str/int/float/bool, or json for anything structured."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return column_kind(args[0]) if len(args) == 1 else "json"
    if origin is typing.Annotated:
        return column_kind(typing.get_args(annotation)[0])
    if origin is Literal:
        return "str"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "float"
    if annotation is str:
        return "str"
    return "json"


class Page(BaseModel):
    """Shape shared by every search/list result (specialised per resource)."""

    total: int = Field(description="Number of matching records across all pages.")
    page: int = Field(description="The page returned (1-based).")
    has_more: bool = Field(description="Whether a later page has more records.")


class AppSpec:
    """One simulated app, declared once.

    Example:
        >>> from pydantic import BaseModel, Field
        >>> app = AppSpec("memo", title="Memo", description="Tiny notes app.", domain="notes")
        >>> class Memo(BaseModel):
        ...     id: str = Field(description="Memo id.")
        ...     text: str = Field(description="Memo text.")
        >>> _ = app.resource(Memo, name="memo", id_prefix="mm", searchable=("text",))
        >>> sorted(app.tools)
        ['create_memo', 'delete_memo', 'get_memo', 'list_memos', 'search_memos', 'update_memo']
    """

    def __init__(
        self,
        name: str,
        *,
        title: str,
        description: str,
        domain: str,
        brand: str = "",
        naming: Naming | None = None,
        pagination: Pagination = "page",
        nested: bool = False,
    ) -> None:
        self.name = name
        self.title = title
        self.description = description
        self.domain = domain
        self.brand = brand
        self.naming = naming
        self.pagination: Pagination = pagination
        self.nested = nested
        self.resources: dict[str, ResourceDecl] = {}
        self.tools: dict[str, ToolSpec] = {}
        self._seeders: list[Callable[[ToolContext, SeedContext], None]] = []

    # --- declaration ------------------------------------------------------------------------------------
    def resource(
        self,
        model: type[BaseModel],
        *,
        name: str,
        plural: str | None = None,
        id_prefix: str,
        searchable: tuple[str, ...] = (),
        filterable: tuple[str, ...] = (),
        refs: dict[str, str] | None = None,
        readonly: tuple[str, ...] = (),
        ops: tuple[Op, ...] = ALL_OPS,
        tool_names: dict[str, str] | None = None,
        order_by: str = "",
    ) -> ResourceDecl:
        """Declare a resource and derive its CRUD tools (``ops`` picks which ones).

        Args:
            model: pydantic model of one record; its first field must be ``id: str``.
            name: singular resource name (``"message"``); ``plural`` defaults to ``name + "s"``.
            id_prefix: prefix of generated ids (``"msg"``).
            searchable: text fields matched by the derived ``search_*`` tool.
            filterable: fields offered as exact-match filters by the derived ``list_*`` tool.
            refs: ``{field: "resource" or "app.resource"}``; create/update check the target exists.
            readonly: fields set by the app, never by callers (besides id/created_at/updated_at).
            ops: which derived tools to create.
            tool_names: override derived tool names, ``{"search": "find_messages"}``.
            order_by: SQL ordering of search/list results (``"sent_at DESC"``); insertion order otherwise.
        """
        if next(iter(model.model_fields), None) != "id":
            raise AppSpecError(f"{self.name}.{name}: the first field must be 'id'")
        decl = ResourceDecl(
            app=self.name,
            model=model,
            name=name,
            plural=plural or name + "s",
            id_prefix=id_prefix,
            searchable=searchable,
            filterable=filterable,
            refs=dict(refs or {}),
            readonly=readonly,
            order_by=order_by,
        )
        for fname in (*searchable, *filterable, *decl.refs):
            if fname not in model.model_fields:
                raise AppSpecError(f"{self.name}.{name}: unknown field {fname!r}")
        self.resources[name] = decl
        from toolgym_env.apps.crud import derive_crud_tools  # local: crud builds on this module

        for tool in derive_crud_tools(self, decl, ops, tool_names or {}):
            self._add(tool)
        return decl

    def action(
        self,
        *,
        name: str | None = None,
        title: str = "",
        latency_s: float | None = None,
        description: str | None = None,
        **effects: Unpack[Effects],
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Turn ``fn(ctx, **typed_params) -> ResultModel`` into a tool of this app.

        The description is the docstring's first part (or ``description``), parameter descriptions its
        ``Args:`` section, the input schema the signature's type hints and the output schema the return
        annotation; ``effects`` are the keywords of :class:`Effects`.
        """
        check_effects(self.name, dict(effects))

        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            tool_name = name or fn.__name__
            text = description or parse_docstring(fn.__doc__)[0]
            if not text:
                raise AppSpecError(f"{self.name}.{tool_name}: an action needs a docstring")
            ret = typing.get_type_hints(fn).get("return")
            if ret is None:
                raise AppSpecError(f"{self.name}.{tool_name}: an action needs a return annotation")
            read_only = effects.get("read_only", False)
            self._add(
                ToolSpec(
                    app=self.name,
                    name=tool_name,
                    description=text,
                    args=signature_model(fn),
                    fn=fn,
                    output=ret,
                    read_only=read_only,
                    destructive=effects.get("destructive", False),
                    idempotent=effects.get("idempotent", False) or read_only,
                    title=title,
                    latency_s=latency_s if latency_s is not None else (1.0 if read_only else 2.0),
                )
            )
            return fn

        return register

    def seeder(
        self, fn: Callable[[ToolContext, SeedContext], None]
    ) -> Callable[[ToolContext, SeedContext], None]:
        """Register a function that fills this app's tables for a world seed."""
        self._seeders.append(fn)
        return fn

    def _add(self, tool: ToolSpec) -> None:
        if self.naming is not None:
            derived = tool.title == _TITLE_SPLIT.sub(" ", tool.name).strip().capitalize()
            tool.name = self.naming.apply(tool.name)
            if derived:  # keep an explicit title; re-derive one that came from the old name
                tool.title = _TITLE_SPLIT.sub(" ", tool.name).strip().capitalize()
        if tool.name in self.tools:
            raise AppSpecError(f"{self.name}: tool {tool.name!r} declared twice")
        self.tools[tool.name] = tool

    # --- use ------------------------------------------------------------------------------------------
    def table_specs(self) -> list[TableSpec]:
        """The world tables of this app."""
        return [r.table_spec() for r in self.resources.values()]

    def seed(self, ctx: ToolContext, seed_ctx: SeedContext) -> None:
        """Fill this app's tables (runs every registered seeder in order)."""
        for fn in self._seeders:
            fn(ctx, seed_ctx)


def paged_model(decl: ResourceDecl) -> type[BaseModel]:
    """The result model of a resource's search/list tools."""
    return create_model(
        f"{decl.app}_{decl.plural}_page",
        __base__=Page,
        items=(list[decl.model], Field(description=f"The {decl.plural.replace('_', ' ')} on this page.")),
    )


def check_refs(ctx: ToolContext, decl: ResourceDecl, values: dict[str, Any]) -> None:
    """Raise a clear ``ToolError`` when a reference field names a record that does not exist."""
    for fname, target in decl.refs.items():
        value = values.get(fname)
        if value is None:
            continue
        for ref in value if isinstance(value, list) else [value]:
            if ctx.get(target, ref) is None:
                label = target.split(".")[-1].replace("_", " ")
                raise ToolError(f"{fname}: no {label} with id '{ref}'.")


__all__ = [
    "ALL_OPS",
    "AppSpec",
    "Deferred",
    "Page",
    "ResourceDecl",
    "ToolSpec",
    "check_refs",
    "column_kind",
    "model_from_fields",
    "paged_model",
]
