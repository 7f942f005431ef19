"""The search/list/get/create/update/delete tools every resource gets from its declaration."""

from __future__ import annotations

import base64
from typing import Annotated, Any

from pydantic import BaseModel, Field, create_model
from pydantic.fields import FieldInfo

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.schema import Deferred, model_from_fields
from toolgym_env.apps.spec import ResourceDecl, ToolSpec, check_refs, paged_model
from toolgym_env.errors import ToolError, WorldError

Limit = Annotated[int, Field(ge=1, le=50, description="Maximum number of records to return (1-50).")]
PageNo = Annotated[int, Field(ge=1, le=1000, description="Page number, starting at 1.")]


def _copy_field(
    info: FieldInfo, *, required: bool | None = None, optional: bool = False, description: str | None = None
) -> tuple[Any, FieldInfo]:
    annotation = info.annotation
    meta = list(info.metadata)
    if optional:
        annotation = annotation | None
        default: Any = None
    elif required or info.is_required():
        default = ...
    else:
        default = info.get_default(call_default_factory=True)
    if meta:
        annotation = Annotated[(annotation, *meta)]
    return annotation, Field(default=default, description=description or info.description)


_MODELS: dict[tuple, Deferred] = {}


def _cached(key: tuple, build: Any) -> Deferred:
    """An argument/result model, built on first use (:class:`~toolgym_env.apps.spec.Deferred`) and shared by
    every product declaring the same resource the same way."""
    model = _MODELS.get(key)
    if model is None:
        model = _MODELS[key] = Deferred(build)
    return model


def encode_cursor(offset: int) -> str:
    """An opaque pagination cursor for a record offset."""
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The record offset of a cursor returned by an earlier call; ``ToolError`` for anything else."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not text.startswith("o:"):
            raise ValueError(text)
        return max(0, int(text[2:]))
    except (ValueError, UnicodeDecodeError):
        raise ToolError(f"cursor: '{cursor[:60]}' is not a cursor returned by a previous call.") from None


def paging_fields(style: str, default_limit: int) -> dict[str, tuple[Any, FieldInfo]]:
    """The pagination parameters of a search/list tool in one of the three conventions."""
    fields: dict[str, tuple[Any, FieldInfo]] = {"limit": (Limit, Field(default=default_limit))}
    if style == "cursor":
        fields["cursor"] = (
            str | None,
            Field(
                default=None,
                max_length=200,
                description="Cursor from a previous page's next_cursor; omit for the first page.",
            ),
        )
    elif style == "offset":
        fields["offset"] = (int, Field(default=0, ge=0, le=100000, description="Number of records to skip."))
    else:
        fields["page"] = (PageNo, Field(default=1))
    return fields


def paged_result_model(decl: ResourceDecl, style: str) -> type[BaseModel]:
    """The result model of a search/list tool: items plus the convention's paging fields."""
    if style == "page":
        return paged_model(decl)
    extra: dict[str, Any] = {
        "total": (int, Field(description="Number of matching records across all pages."))
    }
    if style == "cursor":
        extra["next_cursor"] = (
            str | None,
            Field(description="Pass as cursor to get the next page; null on the last page."),
        )
    else:
        extra["offset"] = (int, Field(description="Offset of the first record returned."))
    return create_model(
        f"{decl.app}_{decl.plural}_{style}_page",
        items=(list[decl.model], Field(description=f"The {decl.plural.replace('_', ' ')} returned.")),
        **extra,
    )


def like_escape(text: str) -> str:
    r"""``text`` with LIKE's wildcards (``%``, ``_``) and the escape character taken literally (``ESCAPE
    '\'``).

    Example:
        >>> print(like_escape("50%_off"))
        50\%\_off
    """
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _paginate(
    ctx: ToolContext,
    decl: ResourceDecl,
    where: str,
    params: list[Any],
    limit: int,
    paging: dict[str, Any],
    style: str,
) -> dict[str, Any]:
    if style == "cursor":
        cursor = paging.get("cursor")
        offset = decode_cursor(cursor) if cursor else 0
    elif style == "offset":
        offset = paging.get("offset", 0)
    else:
        offset = (paging.get("page", 1) - 1) * limit
    total = ctx.world.count(decl.table, where, params)
    order = f"{decl.order_by}, rowid" if decl.order_by else ""
    items = ctx.world.select(decl.table, where, params, order_by=order, limit=limit, offset=offset)
    more = offset + limit < total
    if style == "cursor":
        return {
            "items": items,
            "total": total,
            "next_cursor": encode_cursor(offset + limit) if more else None,
        }
    if style == "offset":
        return {"items": items, "total": total, "offset": offset}
    return {"items": items, "total": total, "page": paging.get("page", 1), "has_more": more}


_PAGING_KEYS = ("page", "cursor", "offset")


def derive_crud_tools(
    app: Any, decl: ResourceDecl, ops: tuple[str, ...], names: dict[str, str]
) -> list[ToolSpec]:
    """Build the CRUD tools of one resource (in the app's pagination convention, described with its brand)."""
    tools: list[ToolSpec] = []
    brand = f"{app.brand} " if getattr(app, "brand", "") else ""
    style = getattr(app, "pagination", "page")
    plural_label = decl.plural.replace("_", " ")
    label = decl.label
    model = decl.model
    fields = model.model_fields
    id_arg = f"{decl.name}_id"
    nested = bool(getattr(app, "nested", False))
    key = (model, decl.name, decl.plural, decl.searchable, decl.filterable, decl.readonly, style, nested)
    page_schema = _cached(("page", *key), lambda: paged_result_model(decl, style))
    record_schema = model

    def spec(
        op: str,
        default_name: str,
        description: str,
        args: Deferred,
        fn: Any,
        out: Any,
        read_only: bool,
        destructive: bool = False,
        idempotent: bool = False,
    ) -> ToolSpec:
        return ToolSpec(
            app=decl.app,
            name=names.get(op, default_name),
            description=description,
            args=args,
            fn=fn,
            output=out,
            read_only=read_only,
            destructive=destructive,
            idempotent=idempotent or read_only,
            latency_s=1.0 if read_only else 2.0,
            op=op,
            resource=decl.name,
        )

    if "search" in ops and decl.searchable:
        searched = ", ".join(f.replace("_", " ") for f in decl.searchable)
        args = _cached(
            ("search", *key),
            lambda: model_from_fields(
                f"{decl.app}_search_{decl.plural}_args",
                {
                    "query": (
                        str,
                        Field(
                            min_length=1, max_length=500, description=f"Words to look for in the {searched}."
                        ),
                    ),
                    **paging_fields(style, 10),
                },
            ),
        )
        columns = decl.searchable

        def search(ctx: ToolContext, query: str, limit: int = 10, **paging: Any) -> dict[str, Any]:
            words = query.split()
            if not words:
                raise ToolError("query: give at least one word to search for.")
            clause = " AND ".join(
                "(" + " OR ".join(f"\"{c}\" LIKE ? ESCAPE '\\'" for c in columns) + ")" for _ in words
            )
            params = [f"%{like_escape(w)}%" for w in words for _ in columns]
            return _paginate(ctx, decl, clause, params, limit, paging, style)

        tools.append(
            spec(
                "search",
                f"search_{decl.plural}",
                f"Search {brand}{plural_label} whose {searched} contain all the given words. "
                f"Returns a page of matching {plural_label} with the total count.",
                args,
                search,
                page_schema,
                read_only=True,
            )
        )

    if "list" in ops:

        def list_args() -> type[BaseModel]:
            filter_fields = {
                f: _copy_field(
                    fields[f],
                    optional=True,
                    description=f"Only {plural_label} whose {f.replace('_', ' ')} equals this value.",
                )
                for f in decl.filterable
            }
            if nested and filter_fields:
                filter_model = model_from_fields(f"{decl.app}_{decl.plural}_filter", filter_fields)
                filter_fields = {
                    "filter": (
                        filter_model | None,
                        Field(
                            default=None,
                            description=f"Conditions the {plural_label} must all meet; omit to list all.",
                        ),
                    )
                }
            return model_from_fields(
                f"{decl.app}_list_{decl.plural}_args", {**filter_fields, **paging_fields(style, 20)}
            )

        args = _cached(("list", *key), list_args)
        filter_kinds = {f: decl.table_spec().columns[list(fields).index(f)].kind for f in decl.filterable}

        def list_(ctx: ToolContext, limit: int = 20, **kw: Any) -> dict[str, Any]:
            clauses, params = [], []
            paging = {k: kw.pop(k) for k in _PAGING_KEYS if k in kw}
            if "filter" in kw and "filter" not in filter_kinds:
                kw = kw.pop("filter") or {}
            for fname, value in kw.items():
                if value is None:
                    continue
                clauses.append(f'"{fname}" = ?')
                params.append(int(value) if filter_kinds[fname] == "bool" else value)
            return _paginate(ctx, decl, " AND ".join(clauses), params, limit, paging, style)

        by = (
            f", optionally filtered by {', '.join(f.replace('_', ' ') for f in decl.filterable)}"
            if decl.filterable
            else ""
        )
        tools.append(
            spec(
                "list",
                f"list_{decl.plural}",
                f"List {brand}{plural_label}{by}. Returns one page of {plural_label} and the total count.",
                args,
                list_,
                page_schema,
                read_only=True,
            )
        )

    id_field = (str, Field(min_length=1, max_length=200, description=f"The id of the {label}."))

    if "get" in ops:
        args = _cached(
            ("get", *key), lambda: model_from_fields(f"{decl.app}_get_{decl.name}_args", {id_arg: id_field})
        )

        def get(ctx: ToolContext, **kw: Any) -> dict[str, Any]:
            return ctx.require(decl.name, kw[id_arg])

        tools.append(
            spec(
                "get",
                f"get_{decl.name}",
                f"Get one {brand}{label} by its id, with all of its fields.",
                args,
                get,
                record_schema,
                read_only=True,
            )
        )

    editable = decl.editable_fields()

    if "create" in ops:
        args = _cached(
            ("create", *key),
            lambda: model_from_fields(
                f"{decl.app}_create_{decl.name}_args", {n: _copy_field(f) for n, f in editable.items()}
            ),
        )

        def create(ctx: ToolContext, **values: Any) -> dict[str, Any]:
            check_refs(ctx, decl, values)
            row = dict(values)
            now = ctx.now()
            for stamp in ("created_at", "updated_at"):
                if stamp in fields:
                    row[stamp] = now
            for fname in decl.readonly:
                info = fields[fname]
                if not info.is_required():
                    row.setdefault(fname, info.get_default(call_default_factory=True))
            return ctx.insert(decl.name, row)

        tools.append(
            spec(
                "create",
                f"create_{decl.name}",
                f"Create a new {brand}{label}. Returns the created {label} with its id.",
                args,
                create,
                record_schema,
                read_only=False,
            )
        )

    if "update" in ops:

        def update_args() -> type[BaseModel]:
            optional = {n: _copy_field(f, optional=True) for n, f in editable.items()}
            if not nested:
                return model_from_fields(
                    f"{decl.app}_update_{decl.name}_args", {id_arg: id_field, **optional}
                )
            changes_model = model_from_fields(f"{decl.app}_{decl.name}_changes", optional)
            return model_from_fields(
                f"{decl.app}_update_{decl.name}_args",
                {
                    id_arg: id_field,
                    "changes": (
                        changes_model,
                        Field(description=f"The fields of the {label} to change; others keep their value."),
                    ),
                },
            )

        args = _cached(("update", *key), update_args)

        def update(ctx: ToolContext, **values: Any) -> dict[str, Any]:
            row_id = values.pop(id_arg)
            if nested:
                values = values.pop("changes") or {}
            changes = {k: v for k, v in values.items() if v is not None}
            try:  # the write itself finds a missing row; only a failed call asks whether the row exists
                if not changes:
                    raise ToolError(f"Nothing to update: give at least one field of the {label} to change.")
                check_refs(ctx, decl, changes)
                if "updated_at" in fields:
                    changes["updated_at"] = ctx.now()
                return ctx.update(decl.name, row_id, changes)
            except (ToolError, WorldError):
                ctx.ensure_exists(decl.name, row_id)  # a missing row is the error to report first
                raise

        tools.append(
            spec(
                "update",
                f"update_{decl.name}",
                f"Update fields of an existing {brand}{label}; fields left out keep their value. "
                f"Returns the updated {label}.",
                args,
                update,
                record_schema,
                read_only=False,
                idempotent=True,
            )
        )

    if "delete" in ops:
        args = _cached(
            ("delete", *key),
            lambda: model_from_fields(f"{decl.app}_delete_{decl.name}_args", {id_arg: id_field}),
        )
        deleted_model = _cached(
            ("deleted", *key),
            lambda: create_model(
                f"{decl.app}_{decl.name}_deleted",
                deleted=(bool, Field(description="Always true when the call succeeds.")),
                id=(str, Field(description=f"The id of the deleted {label}.")),
            ),
        )

        def delete(ctx: ToolContext, **kw: Any) -> dict[str, Any]:
            row_id = kw[id_arg]
            if not ctx.delete(decl.name, row_id):
                ctx.ensure_exists(decl.name, row_id)  # raises: no such row
            return {"deleted": True, "id": row_id}

        tools.append(
            spec(
                "delete",
                f"delete_{decl.name}",
                (
                    f"Permanently delete {'an' if (brand or label)[0].lower() in 'aeiou' else 'a'} "
                    f"{brand}{label} by id. This cannot be undone."
                ),
                args,
                delete,
                deleted_model,
                read_only=False,
                destructive=True,
                idempotent=False,
            )
        )
    return tools
