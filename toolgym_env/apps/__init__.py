"""The simulated apps. Each module declares one :class:`AppSpec` named ``app``; this registry loads them lazily."""

from __future__ import annotations

import importlib

from toolgym_env.apps.spec import AppSpec, ToolSpec
from toolgym_env.errors import UnknownAppError

#: The core apps of the foundation release, by module name under ``toolgym_env.apps``.
CORE_APPS: tuple[str, ...] = (
    "contacts", "mail", "calendar", "files", "notes", "tasks", "chat", "bank", "shop", "travel", "weather", "maps",
)

_MODULES = {name: f"toolgym_env.apps.{name}_app" if name in {"calendar", "tasks"} else f"toolgym_env.apps.{name}"
            for name in CORE_APPS}


def load_app(name: str) -> AppSpec:
    """The app called ``name`` (imported on first use)."""
    module = _MODULES.get(name)
    if module is None:
        raise UnknownAppError(f"Unknown app '{name}'. Known apps: {', '.join(CORE_APPS)}.")
    return importlib.import_module(module).app


def load_apps(names: tuple[str, ...] | list[str] = CORE_APPS) -> list[AppSpec]:
    """Several apps, in the order given."""
    return [load_app(n) for n in names]


__all__ = ["CORE_APPS", "AppSpec", "ToolSpec", "load_app", "load_apps"]
