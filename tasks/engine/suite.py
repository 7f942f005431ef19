"""Generating a whole suite, in parallel over task slots (each slot is seeded on its own, so the result does
not depend on the number of workers), and writing it with a record of how it was made."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from toolgym_env.tasks.schema import Task

_GEN: Any = None
#: What a suite is generated from: ``scenarios`` (stories over the domain actions, the shipped train and test)
#: or ``checklist`` (the engine's composed CRUD segments, the earlier suites' kind).
KINDS = ("scenarios", "checklist")


def make_generator(kind: str, split: str, seed: int, paraphrase: Any = None) -> Any:
    """The generator of ``kind`` for one split and seed."""
    if kind == "scenarios":
        from toolgym_env.tasks.scenarios.generate import ScenarioGenerator

        return ScenarioGenerator(split, seed, paraphrase=paraphrase)
    if kind == "checklist":
        from toolgym_env.tasks.engine.generate import Generator

        return Generator(split, seed, paraphrase=paraphrase)
    raise ValueError(f"unknown generator kind {kind!r}; choose from {', '.join(KINDS)}")


def _init(kind: str, split: str, seed: int) -> None:
    global _GEN
    _GEN = make_generator(kind, split, seed)


def _chunk(slots: list[int]) -> tuple[list[tuple[int, str | None]], Counter]:
    before = Counter(_GEN.stats.rejected)
    out = []
    for slot in slots:
        task = _GEN.task(slot)
        out.append((slot, task.model_dump_json() if task else None))
    return out, Counter(_GEN.stats.rejected) - before


def generate_suite(
    split: str,
    seed: int,
    n: int,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    paraphrase: Any = None,
    kind: str = "scenarios",
) -> tuple[list[Task], Counter]:
    """``n`` validated tasks of ``kind`` (slots ``0..n-1``; a slot with no valid draft is skipped) and the
    rejection counts."""
    slots = list(range(n))
    chunks = [slots[i : i + 25] for i in range(0, n, 25)]
    results: dict[int, str | None] = {}
    rejected: Counter = Counter()
    if workers <= 1 or paraphrase is not None:
        global _GEN
        _GEN = make_generator(kind, split, seed, paraphrase)
        parts = map(_chunk, chunks)
    else:
        pool = ProcessPoolExecutor(workers, initializer=_init, initargs=(kind, split, seed))
        parts = pool.map(_chunk, chunks)
    for part, rej in parts:
        results.update(part)
        rejected.update(rej)
        if progress:
            progress(len(part))
    if workers > 1 and paraphrase is None:
        pool.shutdown()
    tasks = [Task.model_validate_json(results[s]) for s in slots if results[s] is not None]
    missing = sum(1 for s in slots if results[s] is None)
    if missing:
        rejected["slot left empty (no valid draft)"] += missing
    return tasks, rejected


def write_suite(path: str | Path, tasks: list[Task], meta: dict[str, Any]) -> Path:
    """Write ``tasks`` as JSONL and ``meta`` (seed, n, rejections...) beside it as ``<name>.meta.json``."""
    from toolgym_env.tasks import dump_tasks

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_tasks(tasks), encoding="utf-8")
    meta_path = path.with_name(path.name.removesuffix(".jsonl") + ".meta.json")
    meta_path.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
