"""Resets through the snapshot cache: a world rebuilt in place, one restored from a kept snapshot and one
built in a scratch world are the same world; writes never leak into a snapshot or into another env's world."""

from __future__ import annotations

import sqlite3

import pytest

from toolgym_env import universe as universe_module
from toolgym_env.universe import (
    Universe,
    base_snapshot_key,
    base_snapshot_path,
    read_snapshot,
    write_snapshot,
)
from toolgym_env.world import World
from toolgym_env.world.pages import PageDelta, page_size


def _state(world: World) -> tuple:
    """Everything a reset decides: rows and id sequences of every table, loaded apps, an empty change log."""
    return (world.dump_tables(sorted(world.tables)), sorted(world.apps), world.changed_keys())


@pytest.fixture(scope="module")
def universe() -> Universe:
    full = Universe.full()
    return Universe(names=full.app_names, loader=full.app, base=full.base)  # its own caches


@pytest.fixture(scope="module")
def extra(universe) -> list[str]:
    return [n for n in universe.app_names if n not in universe.base][:6]


def _first_row(world: World, app: str) -> tuple[str, str]:
    table = next(t for t in sorted(world.tables) if t.startswith(f"{app}__") and world.count(t))
    return table, world.select(table, limit=1)[0]["id"]


def test_in_place_miss_kept_snapshot_and_scratch_build_agree(universe, extra):
    apps = extra[:2]
    world = universe.build_world(0)
    states = []
    for _ in range(3):  # miss (not kept), miss (kept), hit
        universe.restore_into(world, 0, apps)
        states.append(_state(world))
    assert (0, tuple(sorted(apps))) in universe._app_snapshots
    scratch = World()
    scratch.restore(universe.snapshot_for(0, apps))
    assert states[0] == states[1] == states[2] == _state(scratch)
    scratch.close()
    world.close()


def test_a_reset_after_writes_restores_exactly(universe, extra):
    apps = extra[2:3]
    world = universe.build_world(0)
    universe.restore_into(world, 0, apps)
    pristine = _state(world)
    for _ in range(3):  # each reset takes another path through the cache
        table, row_id = _first_row(world, apps[0])
        world.update(table, row_id, {"id": row_id})
        world.delete(table, row_id)
        world.insert(table, {"id": "new_row"})
        assert _state(world) != pristine
        universe.restore_into(world, 0, apps)
        assert _state(world) == pristine
    world.close()


def test_two_worlds_do_not_share_state(universe, extra):
    apps = extra[3:4]
    first, second = universe.build_world(0), universe.build_world(0)
    for _ in range(2):
        universe.restore_into(first, 0, apps)
        universe.restore_into(second, 0, apps)
    pristine = _state(second)
    table, row_id = _first_row(first, apps[0])
    first.delete(table, row_id)
    assert _state(second) == pristine
    universe.restore_into(second, 0, apps)  # a hit: the kept snapshot was not changed through ``first``
    assert _state(second) == pristine
    first.close()
    second.close()


def test_more_app_sets_than_fit_keep_nothing_and_reset_alike(universe, extra, monkeypatch):
    monkeypatch.setattr(universe_module, "SNAPSHOT_CACHE_BYTES", 1)  # room for one snapshot
    universe._app_snapshots.clear()
    universe._missed.clear()
    sets = [[a] for a in extra]
    world = universe.build_world(0)
    seen: dict[str, tuple] = {}
    for _ in range(2):
        for apps in sets:
            universe.restore_into(world, 0, apps)
            state = _state(world)
            assert seen.setdefault(apps[0], state) == state
    assert universe._app_snapshots == {}
    universe.restore_into(world, 0, sets[-1])  # the same set twice in a row is kept
    assert list(universe._app_snapshots) == [(0, (sets[-1][0],))]
    world.close()


def test_kept_snapshots_are_page_deltas_that_restore_exactly(universe, extra):
    apps = extra[4:6]
    full = universe.snapshot_for(0, apps)  # built and kept
    kept = universe._app_snapshots[(0, tuple(sorted(apps)))]
    assert isinstance(kept, PageDelta) and kept.base is universe._seeded_snapshot(0)
    assert kept.nbytes < len(full) // 4
    assert kept.materialize() == full
    again = universe.snapshot_for(0, apps)
    assert again == full and universe.snapshot_for(0, apps) is again  # the last one restored is reused


def _database(rows: int, blob: int = 0) -> bytes:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("r" * 50,) for _ in range(rows)])
    if blob:
        conn.execute("INSERT INTO t VALUES (?)", ("b" * blob,))
    data = conn.serialize()
    conn.close()
    return data


@pytest.mark.parametrize(
    ("base", "data"),
    [
        (_database(200), _database(200, 30_000)),  # grown
        (_database(200, 30_000), _database(200)),  # shrunk
        (_database(10), _database(10)),  # equal
        (_database(10), b"not a database"),
        (b"", _database(3)),
    ],
)
def test_page_delta_round_trips(base, data):
    delta = PageDelta.of(base, data)
    assert delta.materialize() == data and delta.size == len(data)
    if base == data:
        assert delta.runs == ()


def test_page_delta_keeps_only_changed_pages():
    base = _database(400)
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.deserialize(base)
    conn.execute("UPDATE t SET x = 'changed' WHERE rowid = 5")
    data = conn.serialize()
    delta = PageDelta.of(base, data)
    assert page_size(data) == 4096 and 0 < delta.nbytes <= 2 * 4096 < len(data)
    assert all(start % 4096 == 0 for start, _ in delta.runs)
    assert delta.materialize() == data


def test_base_snapshots_are_read_back_from_disk_as_seeded(universe, tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(tmp_path))
    seeded = universe._seeded_snapshot(0)
    key = base_snapshot_key(universe.base)
    first = Universe(names=universe.app_names, loader=universe.app, base=universe.base)
    first._disk_key = key
    assert first._seeded_snapshot(0) == seeded  # seeded, then written
    path = base_snapshot_path(key, 0)
    assert read_snapshot(path) == seeded
    second = Universe(names=universe.app_names, loader=universe.app, base=universe.base)
    second._disk_key = key
    monkeypatch.setattr(second, "_seed_base", lambda seed: pytest.fail("seeded instead of read"))
    assert second._seeded_snapshot(0) == seeded


@pytest.mark.parametrize("damage", [lambda b: b[:-1], lambda b: b[:100] + b"x" + b[101:], lambda b: b"junk"])
def test_a_damaged_snapshot_file_is_seeded_again(universe, tmp_path, monkeypatch, damage):
    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(tmp_path))
    path = base_snapshot_path("k", 0)
    write_snapshot(path, universe._seeded_snapshot(0))
    path.write_bytes(damage(path.read_bytes()))
    assert read_snapshot(path) is None
    fresh = Universe(names=universe.app_names, loader=universe.app, base=universe.base)
    fresh._disk_key = "k"
    assert fresh._seeded_snapshot(0) == universe._seeded_snapshot(0)
    assert read_snapshot(path) == universe._seeded_snapshot(0)  # rewritten
