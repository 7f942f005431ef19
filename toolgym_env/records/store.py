"""The results file: JSONL, one episode record a line, appended atomically and safe to resume.

Each record is written with one ``write`` of a complete line, then flushed and fsynced, under an exclusive
file lock (``fcntl.flock`` where available), so concurrent writers never interleave and a crash leaves at
most a torn last line. Reading skips that torn line and truncates the file back to its last complete line,
so the next append starts clean.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from toolgym_env.records.record import is_record

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock (one writer per file)
    fcntl = None  # type: ignore[assignment]


@contextmanager
def _locked(fd: int) -> Iterator[None]:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)


class ResultStore:
    """An append-only JSONL file of episode records.

    Example:
        >>> store = ResultStore(tmp_path / "results.jsonl")   # doctest: +SKIP
        >>> store.append(record); [r["task_id"] for r in store.read()]   # doctest: +SKIP
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def append(self, record: dict[str, Any]) -> None:
        """Write ``record`` as one line (one ``write``, flush, fsync), repairing a torn tail first."""
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            with _locked(fd):
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    self._repair(fd)
                written = os.write(fd, line)
                while written < len(line):  # a regular file takes it all at once; be safe anyway
                    written += os.write(fd, line[written:])
                os.fsync(fd)
        finally:
            os.close(fd)

    def read(self, repair: bool = True) -> list[dict[str, Any]]:
        """Every complete record in the file (none when it does not exist). A torn or invalid last line is
        skipped and, with ``repair``, cut off the file; an invalid line elsewhere is skipped with a
        warning."""
        if not self.path.exists():
            return []
        fd = os.open(self.path, os.O_RDWR if repair else os.O_RDONLY)
        try:
            with _locked(fd):
                records, good_end, size = self._scan(fd)
                if repair and good_end < size:
                    os.ftruncate(fd, good_end)
                    os.fsync(fd)
        finally:
            os.close(fd)
        return records

    def _repair(self, fd: int) -> None:
        _, good_end, size = self._scan(fd)
        if good_end < size:
            os.ftruncate(fd, good_end)

    def _scan(self, fd: int) -> tuple[list[dict[str, Any]], int, int]:
        """Parse the file: its records, the byte offset just past its last valid line, and its size."""
        size = os.fstat(fd).st_size
        data = os.pread(fd, size, 0)
        records: list[dict[str, Any]] = []
        offset = good_end = last_good = 0
        bad: list[int] = []
        for number, raw in enumerate(data.split(b"\n"), start=1):
            start, end = offset, offset + len(raw) + 1
            offset = end
            complete = end <= size  # the piece after the last newline has none
            if not raw.strip():
                if complete and good_end == start:  # a blank line right after good ones is harmless
                    good_end = end
                continue
            try:
                obj = json.loads(raw) if complete else None
            except ValueError:
                obj = None
            if is_record(obj):
                records.append(obj)
                good_end, last_good = end, number
            else:
                bad.append(number)
        middle = [n for n in bad if n < last_good]
        if middle:
            warnings.warn(f"{self.path}: skipped invalid line(s) {middle}", stacklevel=3)
        return records, good_end, size
