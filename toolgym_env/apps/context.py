"""What a tool function receives: the world, the clock, the app it belongs to, and a few helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import Person, make_cast

if TYPE_CHECKING:
    from toolgym_env.apps.spec import AppSpec
    from toolgym_env.world.database import World


class ToolContext:
    """Access to the world from inside a tool.

    ``table("message")`` resolves a resource of this app to its table; ``table("bank.account")`` reaches
    another app's resource (for cross-app effects such as a shop charging a bank account).
    """

    __slots__ = ("world", "app", "_tables")

    def __init__(self, world: World, app: AppSpec) -> None:
        self.world = world
        self.app = app
        self._tables: dict[str, str] = {}  # resource -> table, for this app's resources (looked up per call)

    def decl(self, resource: str):
        """The declaration of a resource (``"name"`` in this app, ``"app.name"`` in another app)."""
        if "." in resource:
            from toolgym_env.apps import load_app

            app, name = resource.split(".", 1)
            return load_app(app).resources[name]
        return self.app.resources[resource]

    def table(self, resource: str) -> str:
        """The table name of a resource (``"name"`` in this app, ``"app.name"`` in another app)."""
        table = self._tables.get(resource)
        if table is None:
            table = self.decl(resource).table
            if "." not in resource:
                self._tables[resource] = table
        return table

    def now(self) -> str:
        """The current virtual time (ISO-8601, UTC)."""
        return self.world.clock.iso()

    def today(self) -> str:
        """The current virtual date (``YYYY-MM-DD``)."""
        return self.world.clock.today()

    @property
    def user(self) -> Person:
        """The world's owner, on whose behalf the agent acts."""
        return make_cast(self.world.seed).user

    def get(self, resource: str, row_id: str) -> dict[str, Any] | None:
        """A row by id, or ``None``."""
        return self.world.get(self.table(resource), row_id)

    def require(self, resource: str, row_id: str) -> dict[str, Any]:
        """A row by id; a clear ``ToolError`` when it does not exist."""
        row = self.world.get(self.table(resource), row_id)
        if row is None:
            raise _missing(resource, row_id)
        return row

    def ensure_exists(self, resource: str, row_id: str) -> None:
        """:meth:`require` without reading the row: the same ``ToolError`` when it does not exist."""
        if not self.world.exists(self.table(resource), row_id):
            raise _missing(resource, row_id)

    def select(self, resource: str, where: str = "", params: tuple = (), **kw: Any) -> list[dict[str, Any]]:
        """Rows of a resource matching a SQL ``where`` clause."""
        return self.world.select(self.table(resource), where, params, **kw)

    def insert(self, resource: str, row: dict[str, Any]) -> dict[str, Any]:
        """Insert a row into a resource's table (missing optional fields get their defaults) and return it."""
        decl = self.decl(resource)
        return self.world.insert(decl.table, {**decl.defaults(), **row})

    def update(self, resource: str, row_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Update a row and return it."""
        return self.world.update(self.table(resource), row_id, changes)

    def delete(self, resource: str, row_id: str) -> bool:
        """Delete a row; returns whether it existed."""
        return self.world.delete(self.table(resource), row_id)


def _missing(resource: str, row_id: str) -> ToolError:
    """The error of a call naming a row that does not exist."""
    label = resource.split(".")[-1].replace("_", " ")
    return ToolError(f"No {label} with id '{row_id}'.")
