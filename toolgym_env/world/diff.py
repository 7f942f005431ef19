"""The diff of a world against its state at the start of the episode: rows inserted, updated, deleted."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from toolgym_env.world.database import World

Op = Literal["insert", "update", "delete"]


@dataclass(frozen=True)
class RowChange:
    """One row that differs: ``before``/``after`` are decoded rows (``None`` when absent)."""

    table: str
    id: str
    op: Op
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def changed_columns(self) -> tuple[str, ...]:
        """Columns whose value differs (all columns for inserts and deletes)."""
        if self.before is None:
            return tuple(self.after or ())
        if self.after is None:
            return tuple(self.before)
        return tuple(k for k in self.after if self.after[k] != self.before.get(k))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"table": self.table, "id": self.id, "op": self.op, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class WorldDiff:
    """Every row changed in an episode, in a stable order (table, id)."""

    changes: tuple[RowChange, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.changes)

    def by_table(self, table: str, op: Op | None = None) -> list[RowChange]:
        """Changes to one table, optionally of one kind."""
        return [c for c in self.changes if c.table == table and (op is None or c.op == op)]

    def summary(self) -> dict[str, dict[str, int]]:
        """``{table: {"insert": n, "update": n, "delete": n}}`` for tables with changes."""
        out: dict[str, dict[str, int]] = {}
        for c in self.changes:
            out.setdefault(c.table, {"insert": 0, "update": 0, "delete": 0})[c.op] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"summary": self.summary(), "changes": [c.to_dict() for c in self.changes]}


def _decode_image(world: World, table: str, image: str) -> dict[str, Any]:
    raw = json.loads(image)
    spec = world.spec(table)
    return world._decoders[table](tuple(raw.get(c) for c in spec.column_names))


def diff_world(world: World) -> WorldDiff:
    """The changes made to ``world`` since its last ``begin_episode()``.

    A row updated and then set back to its old values, or inserted and then deleted, is not a change.
    """
    changes: list[RowChange] = []
    for table, pk, image in world.changed_keys():
        before = None if image is None else _decode_image(world, table, image)
        after = world.get(table, pk)
        if before is None and after is None:
            continue
        if before is None:
            changes.append(RowChange(table, pk, "insert", None, after))
        elif after is None:
            changes.append(RowChange(table, pk, "delete", before, None))
        elif before != after:
            changes.append(RowChange(table, pk, "update", before, after))
    return WorldDiff(tuple(changes))
