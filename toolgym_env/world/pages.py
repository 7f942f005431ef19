"""Snapshots kept as the pages that differ from a base snapshot.

A task's world is the seed's base world (~1.8 MB) plus the tables of a few more apps: its snapshot differs
from the base in ~10 pages (the schema, the id sequences, the table registry) plus the new apps' pages,
~100 KB in all. Keeping that difference instead of the whole database lets a process cache the worlds of
hundreds of tasks in the memory a dozen full snapshots took, so a reset to another task's world is a
restore rather than a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass

_HEADER = b"SQLite format 3\x00"


def page_size(data: bytes) -> int:
    """The page size of a serialized SQLite database (0 when ``data`` is not one).

    Example:
        >>> import sqlite3
        >>> db = sqlite3.connect(":memory:")
        >>> _ = db.execute("CREATE TABLE t (x)")
        >>> page_size(db.serialize()), page_size(b"not a database")
        (4096, 0)
    """
    if len(data) < 100 or data[:16] != _HEADER:
        return 0
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def _changed_runs(base: bytes, data: bytes, page: int) -> list[tuple[int, int]]:
    """``(start, end)`` byte ranges of the runs of consecutive pages where ``data`` differs from ``base``
    (over their common length)."""
    common = min(len(base), len(data))
    runs: list[tuple[int, int]] = []
    start = -1
    block = page * 64  # equal blocks are skipped whole: most of a task's world is the base untouched
    for first in range(0, common, block):
        last = min(first + block, common)
        if base[first:last] == data[first:last]:
            if start >= 0:
                runs.append((start, first))
                start = -1
            continue
        for off in range(first, last, page):
            if base[off : off + page] == data[off : off + page]:
                if start >= 0:
                    runs.append((start, off))
                    start = -1
            elif start < 0:
                start = off
    if start >= 0:
        runs.append((start, common))
    return runs


@dataclass(frozen=True, slots=True)
class PageDelta:
    """A snapshot as ``base`` with some byte runs replaced, cut or extended to ``size`` bytes.

    Example:
        >>> import sqlite3
        >>> conn = sqlite3.connect(":memory:")
        >>> _ = conn.execute("CREATE TABLE t (x)")
        >>> base = conn.serialize()
        >>> _ = conn.execute("INSERT INTO t VALUES (1)")
        >>> delta = PageDelta.of(base, conn.serialize())
        >>> delta.materialize() == conn.serialize(), delta.nbytes < len(base)
        (True, True)
    """

    base: bytes
    size: int
    runs: tuple[tuple[int, bytes], ...]

    @classmethod
    def of(cls, base: bytes, data: bytes) -> PageDelta:
        """The delta that turns ``base`` into ``data`` (whole pages; all of ``data`` when the two are not
        databases of the same page size)."""
        page = page_size(data)
        if not page or page != page_size(base):
            return cls(base, len(data), ((0, bytes(data)),))
        runs = [(start, bytes(data[start:end])) for start, end in _changed_runs(base, data, page)]
        if len(data) > len(base):
            runs.append((len(base), bytes(data[len(base) :])))
        return cls(base, len(data), tuple(runs))

    @property
    def nbytes(self) -> int:
        """Bytes held besides the (shared) base."""
        return sum(len(chunk) for _, chunk in self.runs)

    def materialize(self) -> bytes:
        """The snapshot itself (one copy of ``size`` bytes)."""
        view = memoryview(self.base)
        parts: list[bytes | memoryview] = []
        pos = 0
        for start, chunk in self.runs:
            if start > pos:
                parts.append(view[pos:start])
            parts.append(chunk)
            pos = start + len(chunk)
        if pos < self.size:
            parts.append(view[pos : self.size])
        return b"".join(parts)
