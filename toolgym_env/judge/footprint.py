"""The exact-world rule: a successful episode writes only what the task asked for (and the side effects its
oracle's actions have), whether or not the task carries a ``no_collateral`` constraint.

The goal's footprint is every row its expectations name (by id), the rows and columns in ``Goal.allow`` (side
effects a correct solution makes), and per table the number of rows a correct solution inserts. The episode
fails the footprint check when, at any time during the episode:

- a record outside the footprint was written (updated or deleted), even if it was later set back — the change
  log remembers every row touched, so trying writes and reverting them is never free;
- more rows were inserted into a table than the footprint allows, counting rows that were deleted again (a
  message sent, a payment made, a record created cannot be taken back by deleting it);
- a footprint row ends with a changed column the task does not name (``IGNORED_COLUMNS`` aside: timestamps the
  apps set themselves), or is deleted where it should only change.

An agent that corrects its own value in the very field it was asked to change still passes: only the end state
of a footprint row's asked columns is compared, by the expectations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from toolgym_env.judge.check import Check
from toolgym_env.tasks.constraints import Allowance
from toolgym_env.tasks.schema import Goal
from toolgym_env.world.diff import WorldDiff

#: Columns apps set on their own when a row changes; a change to them never counts.
IGNORED_COLUMNS = frozenset({"updated_at", "modified_at", "last_modified", "last_modified_at"})

Touched = Sequence[tuple[str, str, bool]]


def _short(table: str) -> str:
    return table.split("__", 1)[-1]


def footprint_check(goal: Goal, diff: WorldDiff, touched: Touched) -> Check:
    """The ``collateral`` goal check (see the module docstring). ``touched`` is ``(table, id,
    existed_before)`` for every row written during the episode. The detail names tables and counts, never ids
    or values."""
    rows: dict[tuple[str, str], set[str] | None] = {}  # None: any column, delete allowed
    inserts: Counter = Counter()
    named = [(e.table, e.op, e.id, list(e.where), e.count) for e in goal.changes]
    for table, op, pk, columns, count in named + [
        (a.table, a.op, a.id, a.columns, a.count) for a in goal.allow
    ]:
        if op == "insert":
            inserts[table] += count
        elif pk is not None:
            cols = rows.setdefault((table, pk), set())
            if op == "delete":
                rows[(table, pk)] = None
            elif cols is not None:
                cols.update(columns)
    problems: Counter = Counter()
    created: Counter = Counter()
    for table, pk, existed in touched:
        if not existed:
            created[table] += 1
        elif (table, pk) not in rows:
            problems[f"wrote to a {_short(table)} record outside the task"] += 1
    for table, n in created.items():
        if n > inserts[table]:
            problems[f"created more {_short(table)} records than asked"] += n - inserts[table]
    for change in diff.changes:
        allowed = rows.get((change.table, change.id), set())
        if change.op == "insert" or (change.table, change.id) not in rows or allowed is None:
            continue
        if change.op == "delete":
            problems[f"deleted a {_short(change.table)} record it should only change"] += 1
        elif set(change.changed_columns) - allowed - IGNORED_COLUMNS:
            problems[f"changed fields of a {_short(change.table)} record the task did not ask for"] += 1
    if not problems:
        return Check("collateral", "no unexpected writes", True)
    detail = "; ".join(f"{what} (x{n})" for what, n in sorted(problems.items()))
    return Check("collateral", "no unexpected writes", False, detail)


def footprint_of(diff: WorldDiff, touched: Touched, goal: Goal) -> list[Allowance]:
    """The ``Goal.allow`` entries a correct run needs beyond ``goal``'s expectations, read off that run's diff
    and change log (used when tasks are written: the oracle's side effects become allowed)."""
    named = {(e.table, e.id) for e in goal.changes if e.id is not None}
    out: list[Allowance] = []
    changed = {(c.table, c.id): c for c in diff.changes}
    created: Counter = Counter()
    for table, pk, existed in touched:
        if not existed:
            created[table] += 1
            continue
        change = changed.get((table, pk))
        if change is not None and change.op == "delete":
            if (table, pk) not in named or all(e.op != "delete" for e in goal.changes if e.id == pk):
                out.append(Allowance(table=table, op="delete", id=pk))
            continue
        cols = sorted(set(change.changed_columns) - IGNORED_COLUMNS) if change is not None else []
        expected = {c for e in goal.changes if e.id == pk and e.table == table for c in e.where}
        if (table, pk) not in named or set(cols) - expected:
            out.append(Allowance(table=table, op="update", id=pk, columns=cols))
    asked = Counter()
    for e in goal.changes:
        if e.op == "insert":
            asked[e.table] += e.count
    for table, n in sorted(created.items()):
        if n > asked[table]:
            out.append(Allowance(table=table, op="insert", count=n - asked[table]))
    return out
