"""A universe: a set of apps, their catalog, and worlds built from a seed.

The *base* apps are seeded together into one snapshot per seed, restored at every reset. Every other app
is instantiated lazily: the first call to one of its tools loads its tables into the world, seeded from
``(seed, app)`` alone, so an episode pays only for the apps it touches and the result does not depend on
the order in which apps were loaded.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import platform
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from toolgym_env.apps import CORE_APPS, all_app_names, load_app, load_apps, source_hash
from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.spec import AppSpec
from toolgym_env.cache import cache_dir, tree_hash
from toolgym_env.hub.catalog import Catalog
from toolgym_env.world.clock import EPOCH, VirtualClock
from toolgym_env.world.database import World
from toolgym_env.world.pages import PageDelta
from toolgym_env.world.seeding import SeedContext
from toolgym_env.world.tables import TableSpec

#: Bytes of (seed, app set) snapshots kept per universe, least recently used dropped first. Each is kept as
#: its difference from the seed's base snapshot (:class:`~toolgym_env.world.pages.PageDelta`, ~100 KB for a
#: task of a few apps), so ~150 fit. A hit restores in ~0.5 ms; a miss rebuilds the world in place from
#: cached rows (~0.4 ms, plus ~0.7 ms per app beyond the core ones). ``$TOOLGYM_SNAPSHOT_CACHE_MB`` changes
#: it (memory for speed when a run cycles over many app sets).
SNAPSHOT_CACHE_BYTES = int(float(os.environ.get("TOOLGYM_SNAPSHOT_CACHE_MB", "16")) * 2**20)
#: The size a kept snapshot is assumed to have until one is kept (bounds the misses remembered).
_TYPICAL_DELTA_BYTES = 100 * 2**10


def seed_apps(world: World, apps: Iterable[AppSpec], seed: int) -> None:
    """Create and seed the tables of ``apps`` in ``world`` (in the order given)."""
    for app in apps:
        world.add_tables(app.table_specs(), app=app.name)
    for app in apps:
        with world.atomic():
            app.seed(ToolContext(world, app), SeedContext(seed, app.name, now=EPOCH))


class Universe:
    """Apps + catalog + seeded worlds.

    ``Universe(apps)`` seeds every app into the base snapshot. ``Universe.full()`` holds every app of the
    package, with only the core apps in the base and the rest loaded on first use.

    Example:
        >>> u = Universe.core()
        >>> world = u.build_world(seed=0)
        >>> world.count("contacts__contacts") > 0
        True
    """

    def __init__(
        self,
        apps: Sequence[AppSpec] = (),
        *,
        names: Sequence[str] | None = None,
        loader: Callable[[str], AppSpec] | None = None,
        base: Sequence[str] | None = None,
    ) -> None:
        given = {a.name: a for a in apps}
        self._loader = loader or (lambda name: given[name] if name in given else load_app(name))
        self.app_names: tuple[str, ...] = tuple(names) if names is not None else tuple(given)
        self.base: tuple[str, ...] = tuple(base) if base is not None else self.app_names
        self.catalog = Catalog(names=self.app_names, loader=self.app)
        self._snapshots: dict[int, bytes] = {}
        self._app_snapshots: dict[tuple[int, tuple[str, ...]], PageDelta] = {}
        self._materialized: tuple[PageDelta, bytes] | None = None  # the last kept snapshot restored
        self._missed: dict[tuple[int, tuple[str, ...]], None] = {}  # app sets missed once, oldest first
        #: Each loaded ``(seed, app)``'s table specs and id sequences, and its rows as one ``marshal`` blob
        #: (~4x smaller than the row tuples; ~0.1 ms to read back when a reset loads the app again).
        self._app_rows: dict[tuple[int, str], tuple[list[tuple[TableSpec, int]], bytes]] = {}
        #: The key of the base snapshots on disk (:func:`base_snapshot_key`); ``None``: seeded per process.
        self._disk_key: str | None = None

    @classmethod
    def core(cls) -> Universe:
        """The universe of the core apps (shared, built once per process)."""
        return _core_universe()

    @classmethod
    def full(cls) -> Universe:
        """Every app of the package: the core apps in the base, the generated ones loaded lazily."""
        return _full_universe()

    @property
    def apps(self):
        """``{name: AppSpec}`` (a lazy mapping: an app is built the first time it is looked up)."""
        return self.catalog.apps

    def app(self, name: str) -> AppSpec:
        """The app called ``name``."""
        return self._loader(name)

    def _seeded_snapshot(self, seed: int) -> bytes:
        """The base apps seeded from ``seed``: kept per process and, for the package's own universes, on disk
        (seeding the core apps takes ~0.4 s, reading the file ~2 ms)."""
        snap = self._snapshots.get(seed)
        if snap is None:
            path = base_snapshot_path(self._disk_key, seed) if self._disk_key else None
            snap = read_snapshot(path) if path else None
            if snap is None:
                snap = self._seed_base(seed)
                if path:
                    write_snapshot(path, snap)
            self._snapshots[seed] = snap
        return snap

    def _seed_base(self, seed: int) -> bytes:
        world = World(clock=VirtualClock(EPOCH), seed=seed)
        world.logging = False  # seeding is not a change (and a log emptied afterwards leaves free pages)
        seed_apps(world, [self.app(n) for n in self.base], seed)
        world.logging = True
        world.begin_episode()
        snap = world.snapshot()
        world.close()
        return snap

    def snapshot_for(self, seed: int, apps: Iterable[str] = ()) -> bytes:
        """A snapshot of the base apps plus ``apps`` (cached per seed and app set): what a task's reset
        restores, so the apps a task needs are not loaded table by table in every episode."""
        extra = self._extra(apps)
        if not extra:
            return self._seeded_snapshot(seed)
        kept = self._cached_snapshot(seed, extra)
        if kept is not None:
            return self._materialize(kept)
        world = World(clock=VirtualClock(EPOCH), seed=seed)
        self._build_into(world, seed, extra)
        snap = world.snapshot()
        world.close()
        self._keep_snapshot(seed, extra, snap)
        return snap

    def restore_into(self, world: World, seed: int, apps: Iterable[str] = ()) -> None:
        """Make ``world`` the seeded world of the base apps plus ``apps``, as :meth:`snapshot_for` would.

        A cached snapshot is restored; otherwise the apps' cached rows are loaded into ``world`` itself (no
        scratch world, no second restore), and the result is cached if :meth:`_admit` says it will be used.
        """
        extra = self._extra(apps)
        world.seed = seed
        if not extra:
            world.restore(self._seeded_snapshot(seed))
            return
        kept = self._cached_snapshot(seed, extra)
        if kept is not None:
            world.restore(self._materialize(kept))
            return
        self._build_into(world, seed, extra)
        if self._admit(seed, extra):
            self._keep_snapshot(seed, extra, world.snapshot())

    def _admit(self, seed: int, extra: tuple[str, ...]) -> bool:
        """Whether a missed ``(seed, apps)`` snapshot is worth keeping: only when it was missed before, within
        as many misses as the cache holds snapshots. A run cycling over more app sets than fit would evict
        each before its next use, so it neither serializes and compares them (~0.2 ms per reset) nor holds
        their bytes (the whole cache); a task repeated soon after (a group of rollouts) hits from its third
        reset on."""
        key = (seed, extra)
        if self._missed.pop(key, False) is None:  # stored values are None: popped, so missed before
            return True
        self._missed[key] = None
        kept = self._app_snapshots
        typical = sum(k.nbytes for k in kept.values()) // len(kept) if kept else _TYPICAL_DELTA_BYTES
        room = max(1, SNAPSHOT_CACHE_BYTES // max(1, typical))
        while len(self._missed) > room:
            self._missed.pop(next(iter(self._missed)), None)
        return False

    def _build_into(self, world: World, seed: int, extra: tuple[str, ...]) -> None:
        """Restore the base snapshot into ``world`` and load the ``extra`` apps (a fresh episode)."""
        world.restore(self._seeded_snapshot(seed))
        for name in extra:
            self.ensure_app(world, name)
        world.begin_episode()

    def _extra(self, apps: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted({a for a in apps if a not in self.base and a in self.catalog.apps}))

    def _cached_snapshot(self, seed: int, extra: tuple[str, ...]) -> PageDelta | None:
        kept = self._app_snapshots.pop((seed, extra), None)
        if kept is not None:
            self._app_snapshots[(seed, extra)] = kept  # most recently used last
        return kept

    def _materialize(self, kept: PageDelta) -> bytes:
        """The bytes of a kept snapshot; the same object again when it was the last one restored, so a world
        resetting to the same task reuses its connection (see :meth:`World.restore`)."""
        last = self._materialized
        if last is None or last[0] is not kept:
            last = self._materialized = (kept, kept.materialize())
        return last[1]

    def _keep_snapshot(self, seed: int, extra: tuple[str, ...], snap: bytes) -> None:
        """Keep ``snap`` as its difference from the seed's base snapshot; the least recently used go when the
        kept bytes pass :data:`SNAPSHOT_CACHE_BYTES`."""
        kept = self._app_snapshots
        kept.pop((seed, extra), None)
        kept[(seed, extra)] = PageDelta.of(self._seeded_snapshot(seed), snap)
        total = sum(k.nbytes for k in kept.values())
        while total > SNAPSHOT_CACHE_BYTES and len(kept) > 1:
            total -= kept.pop(next(iter(kept))).nbytes

    def build_world(self, seed: int = 0, apps: Iterable[str] = ()) -> World:
        """A fresh world for ``seed`` with the base apps and ``apps`` (others load on first use)."""
        world = World(clock=VirtualClock(EPOCH), seed=seed)
        world.restore(self._seeded_snapshot(seed))
        for name in apps:
            self.ensure_app(world, name)
        return world

    def app_tables(self, seed: int, name: str) -> list[tuple[TableSpec, list[tuple], int]]:
        """The seeded tables of one app for ``seed``, as :meth:`World.load_tables` takes them (built in a
        scratch world once, then kept compact)."""
        key = (seed, name)
        kept = self._app_rows.get(key)
        if kept is None:
            app = self.app(name)
            scratch = World(clock=VirtualClock(EPOCH), seed=seed)
            seed_apps(scratch, [app], seed)
            tables = scratch.dump_tables(t.name for t in app.table_specs())
            scratch.close()
            heads = [(spec, seq) for spec, _, seq in tables]
            self._app_rows[key] = (heads, marshal.dumps([rows for _, rows, _ in tables]))
            return tables
        heads, blob = kept
        return [(spec, rows, seq) for (spec, seq), rows in zip(heads, marshal.loads(blob))]

    def route(self, world: World):
        """A :class:`DirectRoute` over ``world`` that loads apps on first use."""
        from toolgym_env.hub.dispatch import DirectRoute

        return DirectRoute(self.catalog, world, self.ensure_app)

    def ensure_app(self, world: World, name: str) -> None:
        """Load app ``name`` into ``world`` unless it is there already (no-op for base apps)."""
        if name in world.apps or name not in self.catalog.apps:
            return
        world.load_tables(name, self.app_tables(world.seed, name))


@lru_cache(maxsize=1)
def _core_universe() -> Universe:
    universe = Universe(load_apps(CORE_APPS))
    universe._disk_key = base_snapshot_key(CORE_APPS)
    return universe


@lru_cache(maxsize=1)
def _full_universe() -> Universe:
    universe = Universe(names=all_app_names(), loader=load_app, base=CORE_APPS)
    universe.catalog.cache_key = "full"
    universe._disk_key = base_snapshot_key(CORE_APPS)
    return universe


def base_snapshot_key(base: Sequence[str]) -> str:
    """What a seeded base snapshot depends on: the apps' and the world's code, the pydantic, Faker, SQLite and
    Python versions, and the base apps (hashed; the name of its files on disk)."""
    import faker

    from toolgym_env import world

    parts = (
        source_hash(),
        tree_hash(Path(world.__file__).parent),
        faker.VERSION,
        sqlite3.sqlite_version,
        platform.python_version(),
        ",".join(base),
    )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def base_snapshot_path(key: str, seed: int) -> Path:
    """The file of the base snapshot of ``key`` and ``seed`` in the package's cache folder."""
    return cache_dir() / f"world-{key}-{seed}.sqlite"


def read_snapshot(path: Path) -> bytes | None:
    """The snapshot written by :func:`write_snapshot` at ``path``; ``None`` when missing or damaged."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    data, digest = blob[:-32], blob[-32:]
    if (
        len(blob) <= 32
        or not data.startswith(b"SQLite format 3\x00")
        or hashlib.sha256(data).digest() != digest
    ):
        return None
    return data


def write_snapshot(path: Path, data: bytes) -> None:
    """Write ``data`` and its SHA-256 at ``path``, atomically; a read-only cache folder is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".world-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data + hashlib.sha256(data).digest())
        os.replace(tmp, path)
    except OSError:
        pass
