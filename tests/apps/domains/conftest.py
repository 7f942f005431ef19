"""Fixtures for domain tests: one generated product in its own world, called by its local tool names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from toolgym_env.apps.domains import build_product
from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.hub.result import ToolResult
from toolgym_env.universe import Universe
from toolgym_env.world.database import World


class OpenApp:
    """A product's world plus ``call(local_tool_name, **arguments) -> ToolResult``."""

    def __init__(self, name: str, seed: int = 0) -> None:
        self.app = build_product(name)
        universe = Universe([self.app])
        self.world: World = universe.build_world(seed)
        self.route = DirectRoute(universe.catalog, self.world)

    def call(self, tool: str, **arguments) -> ToolResult:
        """Call a tool of this product by its local name (``"createIssue"``)."""
        return self.route.call(f"{self.app.name}__{tool}", arguments)

    def rows(self, resource: str, where: str = "", params: tuple = ()) -> list[dict]:
        """Rows of one of the product's resources."""
        return self.world.select(self.app.resources[resource].table, where, params)


@pytest.fixture
def open_app() -> Callable[..., OpenApp]:
    """``open_app("trackwise")`` → an :class:`OpenApp` on a fresh world (seed 0)."""
    opened: list[OpenApp] = []

    def make(name: str, seed: int = 0) -> OpenApp:
        app = OpenApp(name, seed)
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.world.close()
