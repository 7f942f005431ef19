"""A suite's tasks kept as their JSONL lines: a :class:`Task` is parsed when an episode asks for it.

A parsed task holds ~33 KB of pydantic objects (oracle, goal, constraints, stats); a test suite of 742 tasks
is ~25 MB of them, while its lines are 3.8 MB of bytes and an episode reads one task. :class:`TaskLines` keeps
the lines, reads each line's ``id`` and ``split`` at load time (duplicates are refused there), and validates a
line into a :class:`Task` on access, keeping the few most recently used.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import suppress
from typing import Any, overload

from pydantic import BaseModel, ConfigDict, ValidationError

from toolgym_env.errors import TaskFileError
from toolgym_env.tasks.schema import Task

#: Parsed tasks a :class:`TaskLines` keeps, most recently used (a group of rollouts of one task parses once).
CACHED_TASKS = 16


class _Head(BaseModel):
    """What a task line tells at load time; the rest of it is validated when the task is asked for."""

    model_config = ConfigDict(extra="ignore")

    id: str
    split: str = "test"


def line_problems(exc: ValidationError, source: str, number: int) -> list[str]:
    """One ``source:line: field 'where': problem`` per error of a task line's validation."""
    problems = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(p) for p in error["loc"]) or "(record)"
        problems.append(f"{source}:{number}: field '{where}': {error['msg']}")
    return problems


class TaskLines(Sequence[Task]):
    """A read-only sequence of tasks kept as their JSONL lines; ``tasks[i]`` validates line ``i`` into a
    :class:`Task` (the last :data:`CACHED_TASKS` are kept). Iterating parses each task in turn; ``ids`` and
    ``splits`` are known without parsing. A line that is no valid task raises :class:`TaskFileError` naming
    its line and field when it is asked for.

    Example:
        >>> tasks = TaskLines.parse(b'{"id": "t1", "instruction": "Hi.", "apps": ["mail"], "goal": {}, '
        ...                         b'"oracle": []}\\n', "demo")
        >>> len(tasks), tasks.ids, tasks[0].apps, tasks.position("t1")
        (1, ('t1',), ['mail'], 0)
    """

    def __init__(
        self,
        lines: Sequence[bytes],
        ids: Sequence[str],
        splits: Sequence[str],
        numbers: Sequence[int],
        source: str = "<tasks>",
    ) -> None:
        if not len(lines) == len(ids) == len(splits) == len(numbers):
            raise ValueError("lines, ids, splits and numbers must have one entry per task")
        self._lines = tuple(lines)
        self.ids: tuple[str, ...] = tuple(ids)
        self.splits: tuple[str, ...] = tuple(splits)
        self._numbers = tuple(numbers)
        self.source = source
        self._positions: dict[str, int] | None = None
        self._cache: OrderedDict[int, Task] = OrderedDict()

    @classmethod
    def parse(cls, data: bytes | str, source: str = "<tasks>") -> TaskLines:
        """The tasks of JSONL ``data`` (blank lines skipped). Only each line's ``id`` and ``split`` are read
        now: a line without them, or a duplicate id, raises :class:`TaskFileError` (naming the line and the
        field); the rest of a line is validated when its task is asked for."""
        raw = data.encode() if isinstance(data, str) else data
        lines: list[bytes] = []
        ids: list[str] = []
        splits: list[str] = []
        numbers: list[int] = []
        seen: set[str] = set()
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                head = _Head.model_validate_json(line)
            except ValidationError:
                _validate(line, source, number)  # the full record's errors, which name the field
                raise TaskFileError(f"{source}:{number}: field 'id': not a task id") from None
            if head.id in seen:
                raise TaskFileError(f"{source}:{number}: field 'id': duplicate task id {head.id!r}")
            seen.add(head.id)
            lines.append(line)
            ids.append(head.id)
            splits.append(head.split)
            numbers.append(number)
        return cls(lines, ids, splits, numbers, source)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Task: ...

    @overload
    def __getitem__(self, index: slice) -> TaskLines: ...

    def __getitem__(self, index: int | slice) -> Task | TaskLines:
        if isinstance(index, slice):
            return self._subset(range(len(self))[index])
        i = range(len(self))[index]  # IndexError and TypeError as a list raises them
        # each OrderedDict call is atomic: envs of one process in threads share a suite's TaskLines
        task = self._cache.get(i)
        if task is not None:
            with suppress(KeyError):  # dropped by another thread meanwhile
                self._cache.move_to_end(i)  # most recently used last
            return task
        task = self._cache[i] = _validate(self._lines[i], self.source, self._numbers[i])
        with suppress(KeyError):
            while len(self._cache) > CACHED_TASKS:
                self._cache.popitem(last=False)
        return task

    def __iter__(self) -> Iterator[Task]:
        for i in range(len(self)):
            yield self[i]

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, Task):
            return False
        i = self.position(value.id)
        return i is not None and self[i] == value

    def position(self, task_id: Any) -> int | None:
        """The index of the task whose id is ``task_id`` (``None``: no such task); reads no line."""
        if self._positions is None:
            self._positions = {task_id: i for i, task_id in enumerate(self.ids)}
        try:
            return self._positions.get(task_id)
        except TypeError:  # an unhashable id is no task's
            return None

    def select(self, split: str | None) -> TaskLines:
        """The tasks of ``split`` (all of them for ``None``), without parsing any."""
        if split is None:
            return self
        return self._subset([i for i, s in enumerate(self.splits) if s == split])

    def _subset(self, indices: Sequence[int]) -> TaskLines:
        return TaskLines(
            [self._lines[i] for i in indices],
            [self.ids[i] for i in indices],
            [self.splits[i] for i in indices],
            [self._numbers[i] for i in indices],
            self.source,
        )

    def __add__(self, other: Any) -> list[Task]:
        if not isinstance(other, (list, tuple, TaskLines)):
            return NotImplemented
        return [*self, *other]

    def __radd__(self, other: Any) -> list[Task]:
        if not isinstance(other, (list, tuple)):
            return NotImplemented
        return [*other, *self]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TaskLines):
            return self._lines == other._lines or (
                len(self) == len(other) and all(a == b for a, b in zip(self, other))
            )
        if isinstance(other, (list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # its tasks are unhashable, as a list of them is

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the parsed tasks (parsed again on demand)."""
        return {**self.__dict__, "_cache": OrderedDict(), "_positions": None}

    def __repr__(self) -> str:
        return f"TaskLines({len(self)} tasks of {self.source})"


def _validate(line: bytes, source: str, number: int) -> Task:
    """Task line ``number`` of ``source`` as a :class:`Task`; :class:`TaskFileError` names its first
    problem."""
    try:
        return Task.model_validate_json(line)
    except ValidationError as exc:
        raise TaskFileError(line_problems(exc, source, number)[0]) from None


__all__ = ["CACHED_TASKS", "TaskLines", "line_problems"]
