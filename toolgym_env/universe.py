"""A universe: a set of apps, their catalog, and worlds built from a seed (snapshotted once, then restored)."""

from __future__ import annotations

from functools import lru_cache

from toolgym_env.apps import CORE_APPS, load_apps
from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.spec import AppSpec
from toolgym_env.hub.catalog import Catalog
from toolgym_env.world.clock import EPOCH, VirtualClock
from toolgym_env.world.database import World
from toolgym_env.world.seeding import SeedContext


class Universe:
    """Apps + catalog + a cache of seeded world snapshots.

    Example:
        >>> u = Universe.core()
        >>> world = u.build_world(seed=0)
        >>> world.count("contacts__contacts") > 0
        True
    """

    def __init__(self, apps: list[AppSpec]) -> None:
        self.apps = {a.name: a for a in apps}
        self.catalog = Catalog(apps)
        self._snapshots: dict[int, bytes] = {}

    @classmethod
    def core(cls) -> Universe:
        """The universe of the core apps (shared, built once per process)."""
        return _core_universe()

    def tables(self):
        """Every world table of every app."""
        return [t for app in self.apps.values() for t in app.table_specs()]

    def _seeded_snapshot(self, seed: int) -> bytes:
        snap = self._snapshots.get(seed)
        if snap is None:
            world = World(self.tables(), VirtualClock(EPOCH), seed=seed)
            for app in self.apps.values():
                with world.atomic():
                    app.seed(ToolContext(world, app), SeedContext(seed, app.name, now=EPOCH))
            world.begin_episode()
            snap = self._snapshots[seed] = world.snapshot()
            world.close()
        return snap

    def build_world(self, seed: int = 0) -> World:
        """A fresh world for ``seed``: seeded once per process, restored from the snapshot afterwards."""
        world = World(clock=VirtualClock(EPOCH), seed=seed)
        for table in self.tables():
            world._register(table)
        world.restore(self._seeded_snapshot(seed))
        return world


@lru_cache(maxsize=1)
def _core_universe() -> Universe:
    return Universe(load_apps(CORE_APPS))
