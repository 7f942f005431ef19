"""What the judge sees of an episode: the calls made, the world diff and the final answer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.world.diff import WorldDiff

META_TOOLS = frozenset({"search_tools", "final_answer", "wait"})


def app_of(name: str) -> str:
    """The app of a qualified tool name (``"mail__send_email"`` → ``"mail"``)."""
    return name.split("__", 1)[0] if "__" in name else name


def normalize_arguments(arguments: Any) -> Any:
    """Arguments as recorded, with a JSON-string form decoded (agents may send either)."""
    if isinstance(arguments, str):
        try:
            return json.loads(arguments) if arguments.strip() else {}
        except (ValueError, RecursionError):
            return arguments
    return arguments if arguments is not None else {}


def leaf_values(value: Any) -> Iterator[Any]:
    """Every scalar inside nested dicts and lists."""
    if isinstance(value, dict):
        for v in value.values():
            yield from leaf_values(v)
    elif isinstance(value, list):
        for v in value:
            yield from leaf_values(v)
    else:
        yield value


def id_values(value: Any, key: str = "") -> Iterator[str]:
    """String values under keys that name ids (``*_id``, ``id``, ``*_ids``), at any depth."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from id_values(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from id_values(v, key)
    elif isinstance(value, str) and (key == "id" or key.endswith(("_id", "_ids", "Id", "Ids"))):
        yield value


@dataclass(frozen=True)
class Call:
    """One tool call of the trajectory (meta tools excluded).

    ``arguments`` are those the tool ran with (after a schema change, the controller's translation of what the
    agent sent). ``blocked``: an injected failure stopped the call before it reached the tool (timeout, rate
    limit, unavailable, expired session, old schema). ``degraded``: the tool ran but the controller damaged
    what came back (truncated, corrupted, partial or stale).
    """

    index: int
    name: str
    arguments: Any
    ok: bool
    time: str
    blocked: bool = False
    degraded: bool = False

    @property
    def app(self) -> str:
        """The app the call went to."""
        return app_of(self.name)


@dataclass(frozen=True)
class Episode:
    """An episode as the judge sees it.

    ``trajectory`` holds the env's step records (``name``, ``arguments``, ``is_error``, ``time``, ...);
    ``diff`` is the world diff at the end; ``answer`` the final answer (``None`` if none was given);
    ``end`` the virtual time of the last step; ``touched`` the change log: ``(table, id, existed_before)`` of
    every row written during the episode, even if set back later (``None``: read off the diff).
    """

    trajectory: tuple[dict[str, Any], ...]
    diff: WorldDiff
    answer: str | None
    start: str
    end: str
    touched: tuple[tuple[str, str, bool], ...] | None = None
    calls: tuple[Call, ...] = field(init=False)

    def __post_init__(self) -> None:
        calls = tuple(
            Call(
                i,
                s["name"],
                normalize_arguments(s.get("executed_arguments", s.get("arguments"))),
                not s.get("is_error"),
                s.get("time", ""),
                any(e.get("blocked") for e in s.get("perturbations", ())),
                any(e.get("degraded") for e in s.get("perturbations", ())),
            )
            for i, s in enumerate(self.trajectory)
            if s.get("name") and s["name"] not in META_TOOLS
        )
        object.__setattr__(self, "calls", calls)

    def after(self, step: int) -> Episode:
        """The same episode seen from after step ``step`` on (for constraints the user added mid-episode)."""
        later = tuple(s for s in self.trajectory if int(s.get("step", 0)) > step)
        return Episode(later, self.diff, self.answer, self.start, self.end, self.touched)

    @property
    def ok_calls(self) -> tuple[Call, ...]:
        """Calls that succeeded."""
        return tuple(c for c in self.calls if c.ok)
