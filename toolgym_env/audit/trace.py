"""What the audit knows of a task after running its oracle once, and the scripted episodes built from it.

The oracle runs once per task (:func:`trace_oracle`); every probe of the audit is then a *script*: a generator
that yields actions and is sent each step's outcome (:class:`Step`), so it can replay the oracle's calls
(``$ref`` arguments resolved against the results of *its own* episode, so created ids stay right), add,
change or repeat calls, and react to the step reward (trial-and-revert). :func:`play` runs a script for one
episode and returns an :class:`Outcome`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.agents.oracle import resolve_refs
from toolgym_env.errors import WorldError
from toolgym_env.judge.episode import leaf_values
from toolgym_env.tasks.schema import Task

#: The final answer's length limit is 20,000 characters; stuffed answers stay under it, so they are judged.
MAX_ANSWER = 19_500


@dataclass(frozen=True)
class Step:
    """What a script is sent after each of its actions."""

    obs: dict[str, Any]
    reward: float
    info: dict[str, Any]

    @property
    def result(self) -> Any:
        """The step's result as JSON (``None`` for an error or a non-JSON result)."""
        return parse_result(self.obs)


Script = Generator[dict[str, Any], Step, None]


def parse_result(obs: dict[str, Any]) -> Any:
    """An observation's result as JSON, ``None`` when it is an error or not JSON."""
    if obs.get("is_error"):
        return None
    try:
        return json.loads(obs["result"])
    except (ValueError, TypeError):
        return None


def final(answer: str) -> dict[str, Any]:
    """The final-answer action."""
    return {"name": "final_answer", "arguments": {"answer": answer[:MAX_ANSWER]}}


@dataclass
class OracleStep:
    """One oracle call as it ran: concrete arguments, its result, and the rows it wrote."""

    index: int
    name: str
    arguments: Any
    result: Any
    is_error: bool
    time: str
    inserted: list[str] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class OracleTrace:
    """The oracle's episode on a task: its steps, verdict and the tables of the task's apps before it ran."""

    task: Task
    steps: list[OracleStep]
    verdict: dict[str, Any]
    end_time: str
    initial: dict[str, list[dict[str, Any]]]
    catalog: Any

    @property
    def reward(self) -> float:
        """The oracle's reward."""
        return float(self.verdict.get("reward", 0.0))

    def results(self) -> list[Any]:
        """Every oracle result (``None`` for failed calls)."""
        return [s.result for s in self.steps]

    def rows(self, table: str) -> list[dict[str, Any]]:
        """The rows of ``table`` before the oracle ran (``[]`` for a table outside the task's apps)."""
        return self.initial.get(table, [])

    def table_of(self, tool_name: str) -> str | None:
        """The world table of a tool's resource."""
        tool = self.catalog.tools.get(tool_name)
        if tool is None or not tool.resource:
            return None
        res = self.catalog.apps[tool.app].resources.get(tool.resource)
        return res.table if res is not None else None


def scalars(values: list[Any]) -> list[str]:
    """Every distinct scalar inside ``values``, as text, in order of appearance."""
    seen: dict[str, None] = {}
    for value in values:
        for leaf in leaf_values(value):
            if leaf is None or leaf == "":
                continue
            seen.setdefault(str(leaf).lower() if isinstance(leaf, bool) else str(leaf), None)
    return list(seen)


def strings_in(value: Any) -> Iterator[str]:
    """Every string in a nested structure, keys included."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings_in(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings_in(v)
    elif isinstance(value, str):
        yield value


def _tables(env: Any, task: Task) -> dict[str, list[dict[str, Any]]]:
    base = env.unwrapped
    out = {}
    for app in task.apps:
        spec = base.catalog.apps.get(app)
        for res in spec.resources.values() if spec is not None else ():
            with contextlib.suppress(WorldError):  # a table this world does not hold is not offered
                out[res.table] = base.world.select(res.table)
    return out


def trace_oracle(env: Any, task: Task) -> OracleTrace:
    """Run the task's oracle once in ``env`` (a judged env) and keep what the probes are built from."""
    base = env.unwrapped
    env.reset(options={"task": task})
    initial = _tables(env, task)
    results: list[Any] = []
    steps: list[OracleStep] = []
    before = set(base.world.changed_keys())
    info: dict[str, Any] = {}
    for k, call in enumerate(task.oracle):
        args = resolve_refs(call.arguments, results, strict=False)
        obs, _, terminated, truncated, info = env.step({"name": call.name, "arguments": args})
        results.append(parse_result(obs))
        after = set(base.world.changed_keys())
        new = after - before
        before = after
        record = base.trajectory[-1]
        steps.append(
            OracleStep(
                k,
                call.name,
                json.loads(json.dumps(args, default=str)),
                results[-1],
                bool(obs["is_error"]),
                record["time"],
                inserted=sorted(t for t, _, image in new if image is None),
                updated=sorted((t, pk) for t, pk, image in new if image is not None),
            )
        )
        if terminated or truncated:
            break
    else:
        _, _, _, _, info = env.step(final(task.oracle_answer))
    end = base.trajectory[-1]["time"] if base.trajectory else task.world.start
    return OracleTrace(task, steps, info.get("judge", {}), end, initial, base.catalog)


class Play:
    """One scripted episode in progress: the results of the oracle calls it replayed so far."""

    def __init__(self, trace: OracleTrace) -> None:
        self.trace = trace
        self.results: list[Any] = [None] * len(trace.task.oracle)

    def oracle_action(self, k: int) -> dict[str, Any]:
        """Oracle call ``k`` with its ``$ref`` arguments resolved against this episode's results."""
        call = self.trace.task.oracle[k]
        return {"name": call.name, "arguments": resolve_refs(call.arguments, self.results, strict=False)}

    def oracle(self, k: int, transform: Callable[[dict[str, Any]], Any] | None = None) -> Script:
        """Yield oracle call ``k`` (optionally transformed) and keep its result for later ``$ref`` s."""
        action = self.oracle_action(k)
        step = yield transform(action) if transform else action
        self.results[k] = step.result
        return step

    def oracle_all(self, transform: Callable[[int, dict[str, Any]], Any] | None = None) -> Script:
        """Yield every oracle call in order."""
        for k in range(len(self.trace.task.oracle)):
            yield from self.oracle(k, (lambda a, k=k: transform(k, a)) if transform else None)


@dataclass
class Outcome:
    """One probe's episode (or episodes): its final reward, its total return and the verdict."""

    reward: float
    total: float
    verdict: dict[str, Any]
    steps: int
    infos: list[dict[str, Any]] = field(default_factory=list, repr=False)

    def failed(self) -> list[str]:
        """``target: detail`` of every failed check."""
        checks = self.verdict.get("checks", []) + self.verdict.get("constraints", [])
        return [f"{c['target']}: {c.get('detail', '')}".rstrip(": ") for c in checks if not c.get("passed")]

    def constraint(self, kind: str) -> dict[str, Any] | None:
        """The verdict's check of a constraint type (``None`` when the task has none)."""
        return next((c for c in self.verdict.get("constraints", []) if c.get("target") == kind), None)


def play(env: Any, trace: OracleTrace, script: Callable[[Play], Script], keep_infos: bool = False) -> Outcome:
    """Run ``script`` for one episode of ``trace.task`` in ``env``; a script that stops without answering gets
    an empty final answer."""
    _, info = env.reset(options={"task": trace.task})
    infos = [info] if keep_infos else []
    gen = script(Play(trace))
    total, steps = 0.0, 0
    try:
        action = next(gen)
    except StopIteration:
        action = final("")
    while True:
        obs, reward, terminated, truncated, info = env.step(action)
        total += float(reward)
        steps += 1
        if keep_infos:
            infos.append(info)
        if terminated or truncated:
            gen.close()
            judge = info.get("judge", {})
            return Outcome(float(judge.get("reward", 0.0)), round(total, 6), judge, steps, infos)
        try:
            action = gen.send(Step(obs, float(reward), info))
        except StopIteration:
            action = final("")
