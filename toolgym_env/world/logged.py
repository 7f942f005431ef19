"""Which rows the change log already holds, known without asking SQLite.

The world logs a row's image before its first change of the episode (``_before``); a row written again is
not logged again. Knowing that in Python saves a statement per repeated write, but only facts that cannot
be undone count: a row logged outside any transaction, or in a transaction the world itself began and
committed. Rows logged inside a transaction someone else began (a raw ``SAVEPOINT`` on ``world.conn``, as
the tool prober does) are never remembered, since that transaction may roll back.
"""

from __future__ import annotations


class LoggedRows:
    """``(table, id)`` pairs known to be in the change log: ``in`` asks; the world reports its writes and
    transactions.

    Example:
        >>> rows = LoggedRows()
        >>> rows.begin(in_transaction=False)  # the world's own outermost savepoint
        >>> rows.note(("notes", "nt_1"), depth=1, in_transaction=True)
        >>> ("notes", "nt_1") in rows
        True
        >>> rows.end(committed=False)  # rolled back: forgotten
        >>> ("notes", "nt_1") in rows
        False
    """

    __slots__ = ("durable", "pending", "own")

    def __init__(self) -> None:
        self.durable: set[tuple[str, str]] = set()  # committed
        self.pending: set[tuple[str, str]] = set()  # logged in the world's own open transaction
        self.own = False  # whether the world's outermost savepoint began the open transaction

    def __contains__(self, key: object) -> bool:
        return key in self.durable or key in self.pending

    def note(self, key: tuple[str, str], depth: int, in_transaction: bool) -> None:
        """``key`` was just logged (or found logged) at savepoint ``depth`` of the world's own savepoints."""
        if depth == 0:
            if not in_transaction:  # autocommit: the statement is committed already
                self.durable.add(key)
        elif self.own:
            self.pending.add(key)

    def begin(self, in_transaction: bool) -> None:
        """The world enters its outermost savepoint; ``in_transaction``: whether a transaction was open."""
        self.own = not in_transaction
        self.pending.clear()

    def rolled_back(self) -> None:
        """One of the world's savepoints rolled back: what its open transaction logged may be gone."""
        self.pending.clear()

    def end(self, committed: bool) -> None:
        """The world's outermost savepoint is released (``committed``) or rolled back."""
        if committed and self.own:
            self.durable |= self.pending
        self.pending.clear()
        self.own = False

    def clear(self) -> None:
        """Forget everything (a new episode, a restored snapshot)."""
        self.durable.clear()
        self.pending.clear()
        self.own = False
