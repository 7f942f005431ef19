"""The world: app state in SQLite, a virtual clock, deterministic seeding and episode diffs."""

from toolgym_env.world.clock import EPOCH, VirtualClock, format_time, parse_time
from toolgym_env.world.database import World
from toolgym_env.world.diff import RowChange, WorldDiff, diff_world
from toolgym_env.world.seeding import Cast, Person, SeedContext, make_cast, stable_hex, stable_seed
from toolgym_env.world.tables import Column, TableSpec

__all__ = [
    "EPOCH",
    "Cast",
    "Column",
    "Person",
    "RowChange",
    "SeedContext",
    "TableSpec",
    "VirtualClock",
    "World",
    "WorldDiff",
    "diff_world",
    "format_time",
    "make_cast",
    "parse_time",
    "stable_hex",
    "stable_seed",
]
