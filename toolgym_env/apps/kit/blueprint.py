"""Blueprints: a domain declared once (resources, actions, seed data) and instantiated as several products.

Real MCP users see several products per domain (Linear, Jira and Asana are all issue trackers) with
different conventions. A :class:`Blueprint` holds what a domain's products share; each :class:`Product`
says how one product differs: its name and brand, how it spells tool names, how it paginates, and which
tools it leaves out. ``Blueprint.build(product)`` returns an ordinary :class:`AppSpec`.

Action docstrings are templates: ``{app}`` becomes the product's brand, so no two products describe a tool
with the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Unpack

from pydantic import BaseModel

from toolgym_env.apps.account import add_account_tools
from toolgym_env.apps.naming import Naming, Style
from toolgym_env.apps.schema import parse_docstring
from toolgym_env.apps.spec import ALL_OPS, AppSpec, Effects, Pagination, check_effects
from toolgym_env.errors import AppSpecError


@dataclass(frozen=True)
class Product:
    """One product of a domain: an app with its own name, brand and conventions.

    Args:
        name: app name (the catalog namespace), lower-case letters, digits and underscores.
        title: brand shown in descriptions (``"Linear"``).
        description: one line saying what the product is.
        style: tool-name convention (``snake``, ``camel``, ``kebab``, ``pascal``).
        prefix: prefix of every tool name (``"linear"`` gives ``linear_create_issue``).
        verbs: renamed leading verbs (``{"get": "fetch"}``).
        pagination: ``page`` (limit/page), ``cursor`` (limit/cursor) or ``offset`` (limit/offset).
        drop: canonical tool names this product does not offer (``"delete_label"``).
        nested: request objects instead of flat parameters where APIs commonly use them (list filters as
            one ``filter`` object, updates as one ``changes`` object). By default the 2nd and 4th product of
            a domain use them.
    """

    name: str
    title: str
    description: str
    style: Style = "snake"
    prefix: str = ""
    verbs: dict[str, str] = field(default_factory=dict)
    pagination: Pagination = "page"
    drop: tuple[str, ...] = ()
    nested: bool = False

    def __hash__(self) -> int:
        return hash(self.name)


@dataclass
class _Resource:
    model: type[BaseModel]
    kwargs: dict[str, Any]


@dataclass
class _Action:
    fn: Callable[..., Any]
    kwargs: dict[str, Any]
    template: str


class Blueprint:
    """The shared part of a domain's products.

    Example:
        >>> from pydantic import BaseModel, Field
        >>> bp = Blueprint("notes")
        >>> class Page(BaseModel):
        ...     id: str = Field(description="Page id.")
        ...     title: str = Field(description="Page title.")
        >>> _ = bp.resource(Page, name="page", id_prefix="pg", searchable=("title",), ops=("search", "get"))
        >>> @bp.action(read_only=True)
        ... def count_pages(ctx) -> dict:
        ...     '''Count the pages in the {app} workspace.'''
        ...     return {"count": ctx.world.count(ctx.table("page"))}
        >>> p = bp.product("inkwell", "Inkwell", "A notebook app.", style="camel")
        >>> sorted(bp.build(p).tools)  # every product also gets the account tools
        ['countPages', 'getCurrentUser', 'getPage', 'refreshSession', 'searchPages']
    """

    def __init__(self, domain: str) -> None:
        self.domain = domain
        self.resources: list[_Resource] = []
        self.actions: list[_Action] = []
        self.seeders: list[Callable[..., None]] = []
        self.products: list[Product] = []

    def resource(self, model: type[BaseModel], **kwargs: Any) -> type[BaseModel]:
        """Declare a resource (same keywords as :meth:`AppSpec.resource`); returns the model."""
        self.resources.append(_Resource(model, kwargs))
        return model

    def action(
        self, *, name: str | None = None, **effects: Unpack[Effects]
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Declare a domain action (``effects`` as :class:`Effects`); its docstring's description must
        mention ``{app}``."""
        check_effects(self.domain, dict(effects))

        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            template, _ = parse_docstring(fn.__doc__)
            if "{app}" not in template:
                raise AppSpecError(f"{self.domain}.{fn.__name__}: the description must mention {{app}}")
            self.actions.append(_Action(fn, {**effects, "name": name}, template))
            return fn

        return register

    def seeder(self, fn: Callable[..., None]) -> Callable[..., None]:
        """Register seed data shared by the products (each product gets its own sub-seed)."""
        self.seeders.append(fn)
        return fn

    def product(self, name: str, title: str, description: str, **kwargs: Any) -> Product:
        """Declare a product of this domain (keywords as :class:`Product`)."""
        kwargs.setdefault("nested", len(self.products) % 5 in (1, 3))
        product = Product(name, title, description, **kwargs)
        self.products.append(product)
        return product

    def canonical_tools(self) -> list[str]:
        """Every tool a product of this domain can offer, by canonical snake_case name."""
        names: list[str] = []
        for res in self.resources:
            kw = res.kwargs
            plural = kw.get("plural") or kw["name"] + "s"
            for op in kw.get("ops", ALL_OPS):
                if op == "search" and not kw.get("searchable"):
                    continue
                default = f"{op}_{plural}" if op in ("search", "list") else f"{op}_{kw['name']}"
                names.append(kw.get("tool_names", {}).get(op, default))
        names += [a.kwargs["name"] or a.fn.__name__ for a in self.actions]
        return names

    def build(self, product: Product) -> AppSpec:
        """The app of one product."""
        unknown = set(product.drop) - set(self.canonical_tools())
        if unknown:
            raise AppSpecError(f"{product.name}: drop names unknown tools {sorted(unknown)}")
        app = AppSpec(
            product.name,
            title=product.title,
            description=product.description,
            domain=self.domain,
            brand=product.title,
            pagination=product.pagination,
            nested=product.nested,
            naming=Naming(product.style, product.prefix, dict(product.verbs)),
        )
        for res in self.resources:
            kw = dict(res.kwargs)
            plural = kw.get("plural") or kw["name"] + "s"
            names = kw.get("tool_names", {})
            kept = []
            for op in kw.pop("ops", ALL_OPS):
                default = f"{op}_{plural}" if op in ("search", "list") else f"{op}_{kw['name']}"
                if names.get(op, default) not in product.drop:
                    kept.append(op)
            app.resource(res.model, ops=tuple(kept), **kw)
        for act in self.actions:
            canonical = act.kwargs["name"] or act.fn.__name__
            if canonical in product.drop:
                continue
            app.action(
                **{**act.kwargs, "name": canonical}, description=act.template.replace("{app}", product.title)
            )(act.fn)
        for fn in self.seeders:
            app.seeder(fn)
        add_account_tools(app)
        return app
