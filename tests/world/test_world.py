"""The world: SQLite tables, snapshots, the change log and its diff, the virtual clock, seeding."""

import pytest

from toolgym_env.errors import WorldError
from toolgym_env.universe import Universe
from toolgym_env.world import Column, TableSpec, VirtualClock, World, diff_world, make_cast

NOTES = TableSpec(
    "notes",
    (Column("id"), Column("title"), Column("tags", "json"), Column("done", "bool"), Column("score", "float")),
    "nt",
)


def test_insert_get_update_delete_roundtrip_types():
    w = World([NOTES])
    row = w.insert("notes", {"title": "a", "tags": ["x", "y"], "done": True, "score": 1.5})
    assert row == {"id": row["id"], "title": "a", "tags": ["x", "y"], "done": True, "score": 1.5}
    assert w.update("notes", row["id"], {"done": False})["done"] is False
    assert w.delete("notes", row["id"]) and w.get("notes", row["id"]) is None
    with pytest.raises(WorldError):
        w.update("notes", "nope", {"title": "b"})


def test_ids_are_unique_and_deterministic():
    a, b = World([NOTES]), World([NOTES])
    ids_a = [a.insert("notes", {"title": str(i)})["id"] for i in range(50)]
    ids_b = [b.insert("notes", {"title": str(i)})["id"] for i in range(50)]
    assert ids_a == ids_b and len(set(ids_a)) == 50


def test_diff_reports_insert_update_delete_and_ignores_reverted_changes():
    w = World([NOTES])
    keep = w.insert("notes", {"title": "keep"})
    gone = w.insert("notes", {"title": "gone"})
    same = w.insert("notes", {"title": "same"})
    w.begin_episode()
    assert len(diff_world(w)) == 0
    w.update("notes", keep["id"], {"title": "kept"})
    w.delete("notes", gone["id"])
    new = w.insert("notes", {"title": "new"})
    w.update("notes", same["id"], {"title": "changed"})
    w.update("notes", same["id"], {"title": "same"})  # back to the original: not a change
    temp = w.insert("notes", {"title": "temp"})
    w.delete("notes", temp["id"])  # inserted then deleted: not a change
    diff = diff_world(w)
    assert diff.summary() == {"notes": {"insert": 1, "update": 1, "delete": 1}}
    (upd,) = diff.by_table("notes", "update")
    assert (
        upd.before["title"] == "keep" and upd.after["title"] == "kept" and upd.changed_columns == ("title",)
    )
    assert diff.by_table("notes", "insert")[0].id == new["id"]
    assert diff.by_table("notes", "delete")[0].before["title"] == "gone"


def test_snapshot_restore_is_exact_and_fast_path_keeps_triggers():
    w = World([NOTES])
    w.insert("notes", {"title": "a"})
    w.begin_episode()
    snap = w.snapshot()
    w.insert("notes", {"title": "b"})
    w.restore(snap)
    assert [r["title"] for r in w.select("notes")] == ["a"]
    assert len(diff_world(w)) == 0
    w.insert("notes", {"title": "c"})  # triggers survived the restore
    assert diff_world(w).summary() == {"notes": {"insert": 1, "update": 0, "delete": 0}}


def test_atomic_rolls_back_every_write_on_error():
    w = World([NOTES])
    w.begin_episode()
    with pytest.raises(RuntimeError):
        with w.atomic():
            w.insert("notes", {"title": "half"})
            raise RuntimeError("boom")
    assert w.count("notes") == 0 and len(diff_world(w)) == 0


def test_virtual_clock_moves_only_forward_when_told():
    clock = VirtualClock("2026-03-02T09:00:00Z")
    clock.advance(3600)
    assert clock.iso() == "2026-03-02T10:00:00Z" and clock.today() == "2026-03-02"
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_seeded_worlds_are_identical_and_seeds_differ():
    u1, u2 = Universe.core(), Universe(list(Universe.core().apps.values()))
    w1, w2 = u1.build_world(0), u2.build_world(0)
    for table in w1.tables:
        assert w1.select(table) == w2.select(table), table
    assert make_cast(0).user != make_cast(1).user
    w3 = u2.build_world(1)
    assert w1.select("contacts__contacts") != w3.select("contacts__contacts")


def test_fork_is_independent():
    w = World([NOTES])
    w.insert("notes", {"title": "a"})
    other = w.fork()
    other.insert("notes", {"title": "b"})
    assert w.count("notes") == 1 and other.count("notes") == 2


def test_seed_code_never_calls_wall_clock_faker_providers():
    """Faker's date/time providers draw dates up to *now*: seed data using them would change with the day."""
    import inspect
    import re
    from pathlib import Path

    from faker.providers import BaseProvider
    from faker.providers.date_time import Provider

    import toolgym_env.apps as apps_pkg

    inherited = {n for n, _ in inspect.getmembers(BaseProvider, inspect.isfunction)}
    banned = {
        n
        for n, _ in inspect.getmembers(Provider, inspect.isfunction)
        if not n.startswith("_") and n not in inherited
    }
    assert "month_name" in banned and "day_of_week" in banned
    used = set()
    for path in Path(apps_pkg.__file__).parent.rglob("*.py"):
        used |= {(path.name, m) for m in re.findall(r"fake\.([a-z_0-9]+)\(", path.read_text()) if m in banned}
    assert not used, sorted(used)


def test_restore_never_reuses_statements_of_another_snapshot():
    """Two snapshots whose tables were created in another order share SQLite's schema cookie; a statement
    prepared on one must not read the other's pages (it silently returned no row before the fix)."""
    from toolgym_env.world.tables import Column, TableSpec

    def spec(name: str) -> TableSpec:
        return TableSpec(name, (Column("id", "str"), Column("v", "str")), name[:2])

    snaps = []
    for order in (("alpha", "beta"), ("beta", "alpha")):
        w = World([spec(n) for n in order])
        for n in order:
            for i in range(200):
                w.insert(n, {"id": f"{n}{i}", "v": n * 40})
        snaps.append(w.snapshot())
    world = World()
    for snap in snaps + snaps:
        world.restore(snap)
        assert world.get("beta", "beta5") == {"id": "beta5", "v": "beta" * 40}


def test_restoring_the_same_snapshot_after_a_new_table_reads_the_snapshot():
    from toolgym_env.world.tables import Column, TableSpec

    spec = lambda name: TableSpec(name, (Column("id", "str"), Column("v", "str")), name[:2])  # noqa: E731
    w = World([spec("alpha")])
    for i in range(300):
        w.insert("alpha", {"id": f"a{i}", "v": "x" * 50})
    snap = w.snapshot()
    for _ in range(3):
        w.restore(snap)
        assert w.get("alpha", "a250")["v"] == "x" * 50
        w.add_tables([spec("gamma")], app="late")  # a lazily loaded app creates tables mid-episode
        for i in range(300):
            w.insert("gamma", {"id": f"g{i}", "v": "y" * 50})
        assert w.get("gamma", "g250")["v"] == "y" * 50
    w.restore(snap)
    assert "gamma" not in w.tables and w.count("alpha") == 300
