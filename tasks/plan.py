"""Writing a task by executing it: a :class:`Plan` runs each oracle call on a scratch world as it is added.

Task families build their oracle with ``plan.call(...)``, read the real results to decide what comes next
(the cheapest flight, the first free slot) and pass earlier outputs on with ``plan.ref(step, path)``, which
is recorded as ``{"$ref": "step.path"}`` — so the shipped oracle feeds outputs into inputs at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from toolgym_env.hub.result import TRUNCATION_MARKER
from toolgym_env.tasks.schema import ToolCall
from toolgym_env.universe import Universe
from toolgym_env.world.clock import EPOCH


class PlanError(RuntimeError):
    """An oracle call failed while the task was being written (the draft is rejected)."""


@dataclass(frozen=True)
class Ref:
    """A value taken from an earlier call's result."""

    step: int
    path: str
    value: Any


def _get(node: Any, path: str) -> Any:
    for part in path.split(".") if path else []:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _record(value: Any) -> Any:
    if isinstance(value, Ref):
        return {"$ref": f"{value.step}.{value.path}" if value.path else str(value.step)}
    if isinstance(value, dict):
        return {k: _record(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_record(v) for v in value]
    return value


def _resolve(value: Any) -> Any:
    if isinstance(value, Ref):
        return value.value
    if isinstance(value, dict):
        return {k: _resolve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    return value


class Plan:
    """An oracle solution under construction, executed call by call on its own copy of the world."""

    def __init__(
        self, universe: Universe, seed: int = 0, start: str | None = None, apps: tuple[str, ...] = ()
    ) -> None:
        self.world = universe.build_world(seed, apps)
        self.world.clock.reset(start or EPOCH)
        self.world.begin_episode()
        self.catalog = universe.catalog
        self.route = universe.route(self.world)
        self.calls: list[ToolCall] = []
        self.resolved: list[dict[str, Any]] = []
        self.results: list[Any] = []
        self.cut: list[bool] = []  # whether the agent sees the result cut short (refs into it cannot resolve)

    def call(self, name: str, /, **arguments: Any) -> dict[str, Any]:
        """Execute a call (``Ref`` values resolved) and return its structured result."""
        resolved = _resolve(arguments)
        result = self.route.call(name, resolved)
        if result.is_error:
            raise PlanError(f"{name}: {result.text}")
        tool = self.catalog.tools[name]
        self.world.clock.advance(tool.latency_s)
        self.calls.append(ToolCall(name=name, arguments=_record(arguments)))
        self.resolved.append(resolved)
        self.results.append(result.structured)
        self.cut.append(result.text.endswith(TRUNCATION_MARKER))
        return result.structured

    def ref(self, path: str, step: int = -1) -> Ref:
        """The value at ``path`` in the result of call ``step`` (default: the last call)."""
        index = step if step >= 0 else len(self.results) + step
        if self.cut[index]:
            raise PlanError(
                f"the result of call {index} is cut short in the observation: {path} cannot be read"
            )
        return Ref(index, path, _get(self.results[index], path))

    def read(self, table: str, where: str = "", params: tuple = (), **kw: Any) -> list[dict[str, Any]]:
        """Rows of the scratch world (for the builder's own decisions, not part of the oracle)."""
        return self.world.select(table, where, params, **kw)

    @contextmanager
    def attempt(self) -> Iterator[None]:
        """Calls made inside are undone (world, clock and the recorded solution) if the block raises."""
        n, elapsed = len(self.calls), self.world.clock.elapsed
        try:
            with self.world.atomic():
                yield
        except BaseException:
            del self.calls[n:], self.resolved[n:], self.results[n:], self.cut[n:]
            self.world.clock.reset()
            self.world.clock.advance(elapsed)
            raise
