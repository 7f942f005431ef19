"""Judging a saved trajectory offline: rebuild the task's world, replay the successful calls at their recorded
virtual times, and judge the result with the same code the live env uses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from toolgym_env.errors import InvalidArgumentError
from toolgym_env.judge.episode import META_TOOLS, Episode, normalize_arguments
from toolgym_env.judge.verdict import Verdict, judge_episode
from toolgym_env.tasks.constraints import CONSTRAINT_LIST
from toolgym_env.tasks.schema import Task
from toolgym_env.universe import Universe
from toolgym_env.world.clock import parse_time
from toolgym_env.world.diff import diff_world


def replay_episode(
    task: Task, trajectory: Sequence[dict[str, Any]], answer: str | None, universe: Universe | None = None
) -> Episode:
    """The :class:`Episode` a saved trajectory produced, rebuilt by replaying its successful tool calls.

    Failed calls never change the world (each call is atomic), so only successful ones are replayed, each
    with the clock at the time the previous step ended, exactly as in the live episode.
    """
    universe = universe or Universe.full()
    world = universe.build_world(task.world.seed, task.apps)
    try:
        world.clock.reset(task.world.start)
        route = universe.route(world)
        for call in task.world.setup:
            route.call(call.name, call.arguments)
        world.begin_episode()
        previous = task.world.start
        for step in trajectory:
            name = step.get("name") or ""
            if (
                name
                and name not in META_TOOLS
                and not step.get("is_error")
                and name in universe.catalog.tools
            ):
                _set_clock(world, task.world.start, previous)
                result = route.call(
                    name, normalize_arguments(step.get("executed_arguments", step.get("arguments")))
                )
                if result.is_error:
                    raise InvalidArgumentError(
                        f"replay of step {step.get('step')} ({name}) failed: {result.text[:200]}"
                    )
            previous = step.get("time") or previous
        _set_clock(world, task.world.start, previous)
        return Episode(
            tuple(trajectory), diff_world(world), answer, task.world.start, world.clock.iso(), world.touched()
        )
    finally:
        world.close()


def _set_clock(world: Any, start: str, at: str) -> None:
    world.clock.reset(start)
    world.clock.advance((parse_time(at) - parse_time(start)).total_seconds())


def judge_saved(
    record: dict[str, Any], task: Task | None = None, universe: Universe | None = None
) -> Verdict:
    """The verdict of a saved episode record (``{"task": ..., "trajectory": [...], "final_answer": ...,
    "constraints": [...], "constraint_since": [...]}``, as written by the recorder); ``task`` overrides the
    record's task."""
    task = task or Task.model_validate(record["task"])
    constraints = (
        CONSTRAINT_LIST.validate_python(record["constraints"])
        if "constraints" in record
        else task.constraints
    )
    universe = universe or Universe.full()
    episode = replay_episode(task, record["trajectory"], record.get("final_answer"), universe)
    return judge_episode(
        task.goal, constraints, episode, universe.catalog, since=record.get("constraint_since")
    )
