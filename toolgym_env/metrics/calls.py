"""Robustness metrics, computed from saved trajectories alone (the env's step records).

Definitions (over tool calls: steps other than ``search_tools``, ``wait`` and ``final_answer``; the account
tools ``refresh_session``/``get_current_user`` are recovery steps, skipped when looking for "the next call"):

- **tool-call success rate** = calls that returned without error / calls.
- a call **failed** if it returned an error or the state controller damaged its response (``degraded``:
  truncated, corrupted, partial or stale) — the agent got nothing usable from it.
- **recovery** = failed calls retried with the same tool whose retries then succeed / failed calls retried
  with the same tool. A failed call counts as retried when the next tool call is a retry of it: the same
  tool with every argument value of the failed call (renamed or added parameters allowed, so adapting to a
  schema change counts; the same tool on another record, as in a fan-out, does not). It recovered when a
  later retry in that run succeeds undamaged.
- **flexibility** = failed calls whose next tool call uses a different tool / all failed calls.
- **success under a kind** = the success rate of the episodes in which that perturbation kind fired.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from toolgym_env.apps.account import is_account_tool
from toolgym_env.judge.episode import META_TOOLS, leaf_values, normalize_arguments


@dataclass(frozen=True)
class CallStats:
    """Counts behind the call-level metrics of one or more episodes (they add up)."""

    calls: int = 0
    ok: int = 0
    failed: int = 0
    retried: int = 0
    recovered: int = 0
    switched: int = 0

    def __add__(self, other: CallStats) -> CallStats:
        return CallStats(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))

    @property
    def success_rate(self) -> float | None:
        """Calls that returned without error / calls (``None`` without calls)."""
        return self.ok / self.calls if self.calls else None

    @property
    def recovery(self) -> float | None:
        """Recovered / retried failures (``None`` when no failure was retried)."""
        return self.recovered / self.retried if self.retried else None

    @property
    def flexibility(self) -> float | None:
        """Failures followed by a different tool / failures (``None`` without failures)."""
        return self.switched / self.failed if self.failed else None

    def to_dict(self) -> dict[str, Any]:
        """Counts and rates, JSON-ready."""
        return {
            **asdict(self),
            "tool_call_success": _r(self.success_rate),
            "recovery": _r(self.recovery),
            "flexibility": _r(self.flexibility),
        }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _is_call(step: dict[str, Any]) -> bool:
    name = step.get("name") or ""
    return bool(name) and name not in META_TOOLS


def _failed(step: dict[str, Any]) -> bool:
    return bool(step.get("is_error")) or any(e.get("degraded") for e in step.get("perturbations", ()))


def _values(step: dict[str, Any]) -> set[str]:
    return {repr(v) for v in leaf_values(normalize_arguments(step.get("arguments")))}


def is_retry(failed: dict[str, Any], later: dict[str, Any]) -> bool:
    """Whether ``later`` retries ``failed``: the same tool, with every argument value of the failed call."""
    return later["name"] == failed["name"] and _values(failed) <= _values(later)


def call_stats(trajectory: Sequence[dict[str, Any]]) -> CallStats:
    """The call-level counts of one episode's trajectory (see the module docstring)."""
    calls = [s for s in trajectory if _is_call(s)]
    main = [s for s in calls if not is_account_tool(s["name"])]
    failed = retried = recovered = switched = 0
    for i, step in enumerate(main):
        if not _failed(step):
            continue
        failed += 1
        if i + 1 >= len(main):
            continue
        if main[i + 1]["name"] != step["name"]:
            switched += 1
        if not is_retry(step, main[i + 1]):
            continue
        retried += 1
        j = i + 1
        while j < len(main) and is_retry(step, main[j]):
            if not _failed(main[j]):
                recovered += 1
                break
            j += 1
    ok = sum(not s.get("is_error") for s in calls)
    return CallStats(len(calls), ok, failed, retried, recovered, switched)


def kinds_fired(trajectory: Sequence[dict[str, Any]]) -> list[str]:
    """The perturbation kinds injected in an episode, in order of first appearance."""
    seen: dict[str, None] = {}
    for step in trajectory:
        for event in step.get("perturbations", ()):
            seen.setdefault(event["kind"], None)
    return list(seen)


def robustness_summary(episodes: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Aggregate metrics of episodes given as ``{"success": bool, "trajectory": [...]}`` records: success,
    the call-level rates, and success under each perturbation kind that fired (with its episode count)."""
    episodes = list(episodes)
    total = CallStats()
    per_kind: dict[str, list[bool]] = {}
    for ep in episodes:
        total = total + call_stats(ep["trajectory"])
        for kind in kinds_fired(ep["trajectory"]):
            per_kind.setdefault(kind, []).append(bool(ep["success"]))
    n = len(episodes)
    return {
        "episodes": n,
        "success": _r(sum(bool(e["success"]) for e in episodes) / n) if n else None,
        **total.to_dict(),
        "success_under": {
            k: {"episodes": len(v), "success": _r(sum(v) / len(v))} for k, v in sorted(per_kind.items())
        },
    }
