"""Task suites shipped with the package (``suites/*.jsonl``) and the task record schema.

:func:`load_suite` gives a suite's tasks as a list of :class:`Task` (every line validated at once);
:func:`suite_tasks` gives them as :class:`~toolgym_env.tasks.lines.TaskLines`, which parses a task when it is
asked for (what an env holds: a few MB of lines instead of ~25 MB of parsed tasks).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import ValidationError

from toolgym_env.errors import TaskFileError
from toolgym_env.tasks.lines import TaskLines, line_problems
from toolgym_env.tasks.schema import Fact, Goal, RowExpectation, Task, TaskStats, ToolCall, WorldRecipe


def list_suites() -> list[str]:
    """Names of the suites shipped with the package."""
    folder = resources.files("toolgym_env.tasks") / "suites"
    return sorted(p.name[:-6] for p in folder.iterdir() if p.name.endswith(".jsonl"))


def scan_tasks(lines: list[str], source: str = "<tasks>") -> tuple[list[Task], list[str]]:
    """Every valid task of JSONL ``lines`` and one ``source:line: field: problem`` per bad line (a duplicate
    id included), so a file's every problem can be listed at once."""
    tasks: list[Task] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            task = Task.model_validate_json(line)
        except ValidationError as exc:
            problems.extend(line_problems(exc, source, number))
            continue
        if task.id in seen:
            problems.append(f"{source}:{number}: field 'id': duplicate task id {task.id!r}")
            continue
        seen.add(task.id)
        tasks.append(task)
    return tasks, problems


def parse_tasks(lines: list[str], source: str = "<tasks>") -> list[Task]:
    """Parse JSONL task lines; a bad line raises :class:`TaskFileError` naming the line and the field."""
    tasks, problems = scan_tasks(lines, source)
    if problems:
        raise TaskFileError(problems[0])
    return tasks


def load_tasks(path: str | Path) -> list[Task]:
    """Tasks from a JSONL file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaskFileError(f"cannot read task file {p}: {exc}") from None
    return parse_tasks(text.splitlines(), str(p))


def _suite_file(name: str) -> Traversable:
    ref = resources.files("toolgym_env.tasks") / "suites" / f"{name}.jsonl"
    if not ref.is_file():
        raise TaskFileError(f"unknown suite {name!r}; shipped suites: {', '.join(list_suites()) or 'none'}")
    return ref


@lru_cache(maxsize=8)
def _load_suite(name: str) -> tuple[Task, ...]:
    return tuple(parse_tasks(_suite_file(name).read_text(encoding="utf-8").splitlines(), f"suite {name}"))


@lru_cache(maxsize=8)
def _suite_lines(name: str) -> TaskLines:
    return TaskLines.parse(_suite_file(name).read_bytes(), f"suite {name}")


def load_suite(name: str = "core") -> list[Task]:
    """The tasks of a shipped suite, or of the JSONL task file at ``name`` (a path that is no suite name), so
    every place that takes a suite takes a file written by ``toolgym tasks generate`` too."""
    if name not in list_suites() and Path(name).is_file():
        return load_tasks(name)
    return list(_load_suite(name))


def suite_tasks(name: str = "test") -> Sequence[Task]:
    """The tasks of a shipped suite as :class:`TaskLines` (a task is validated when it is asked for; the
    sequence is shared by the calls of a process), or those of the JSONL task file at ``name``, as
    :func:`load_suite` reads them (every line validated at once)."""
    if name not in list_suites() and Path(name).is_file():
        return load_tasks(name)
    return _suite_lines(name)


def dump_tasks(tasks: list[Task]) -> str:
    """Tasks as JSONL text (stable: same tasks, same bytes)."""
    return "".join(
        json.dumps(t.model_dump(mode="json", exclude_none=True), sort_keys=True, ensure_ascii=False) + "\n"
        for t in tasks
    )


__all__ = [
    "Fact",
    "Goal",
    "RowExpectation",
    "Task",
    "TaskLines",
    "TaskStats",
    "ToolCall",
    "WorldRecipe",
    "dump_tasks",
    "list_suites",
    "load_suite",
    "load_tasks",
    "parse_tasks",
    "scan_tasks",
    "suite_tasks",
]
