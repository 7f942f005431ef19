"""The simulated apps: the framework they are written in (this folder: ``spec``, ``crud``, ``context``,
``schema``, ``naming``, ``account``; shared helpers in ``kit/``), the hand-written core apps (``core/``, one
module each, an :class:`AppSpec` named ``app``) and the generated products of every domain blueprint
(``domains/``). Apps are built on first use."""

from __future__ import annotations

import importlib
from pathlib import Path

from toolgym_env.apps.spec import AppSpec, ToolSpec
from toolgym_env.cache import tree_hash
from toolgym_env.errors import UnknownAppError

#: The core apps of the foundation release, by module name under ``toolgym_env.apps.core``.
CORE_APPS: tuple[str, ...] = (
    "contacts",
    "mail",
    "calendar",
    "files",
    "notes",
    "tasks",
    "chat",
    "bank",
    "shop",
    "travel",
    "weather",
    "maps",
)

_MODULES = {name: f"toolgym_env.apps.core.{name}" for name in CORE_APPS}


def all_app_names() -> tuple[str, ...]:
    """Every app: the core apps, then the generated products in domain order."""
    from toolgym_env.apps.domains import product_index

    return CORE_APPS + tuple(product_index())


def load_app(name: str) -> AppSpec:
    """The app called ``name`` (imported or built on first use)."""
    module = _MODULES.get(name)
    if module is not None:
        from toolgym_env.apps.account import add_account_tools

        app = importlib.import_module(module).app
        add_account_tools(app)
        return app
    from toolgym_env.apps.domains import build_product, product_index

    if name in product_index():
        return build_product(name)
    raise UnknownAppError(f"Unknown app '{name}'. Use `toolgym catalog stats` to list the apps.")


def source_hash() -> str:
    """A hash of every Python file of ``toolgym_env.apps`` and of the pydantic version: the key of the cache
    files derived from the apps (the product index, catalog records)."""
    import pydantic

    return tree_hash(Path(__file__).parent, pydantic.VERSION)


def load_apps(names: tuple[str, ...] | list[str] = CORE_APPS) -> list[AppSpec]:
    """Several apps, in the order given."""
    return [load_app(n) for n in names]


__all__ = ["CORE_APPS", "AppSpec", "ToolSpec", "all_app_names", "load_app", "load_apps", "source_hash"]
