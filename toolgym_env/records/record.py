"""The episode record: one JSON object (one JSONL line) per evaluated episode.

A record holds the outcome (``success``, ``reward``, the judge's verdict), the cost (``steps``, ``calls``,
``turns``, ``tool_errors``, ``usage``, ``latency_s``) and everything needed to re-judge it offline with
:func:`toolgym_env.judge.offline.judge_saved` (``task``, ``trajectory``, ``final_answer``, ``constraints``,
``constraint_since``). An agent that raises gives a failed record whose ``error`` says what it raised.

Optional fields (:data:`OPTIONAL_FIELDS`; older files lack them): ``provenance`` (the run's name and config
id, the agent's settings — model, endpoint without credentials, sampling, step limit, prompt hashes — the
package version, git revision and the suite file's hash), ``infra_error`` (the endpoint could not be reached:
the episode is not the agent's failure and is kept out of success rates), and what an LLM agent said and
loaded (``model_turns`` with tokens per turn, ``plans``, ``loaded_tools``).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.metrics import call_stats

#: Every key of a record, in the order they are written.
RECORD_FIELDS: tuple[str, ...] = (
    "run",
    "agent",
    "profile",
    "suite",
    "task_id",
    "attempt",
    "seed",
    "success",
    "reward",
    "judge",
    "steps",
    "calls",
    "turns",
    "tool_errors",
    "usage",
    "latency_s",
    "task",
    "trajectory",
    "final_answer",
    "constraints",
    "constraint_since",
    "error",
)

#: Fields a record may have besides :data:`RECORD_FIELDS` (written by this version, absent in older files).
OPTIONAL_FIELDS: tuple[str, ...] = ("provenance", "infra_error", "model_turns", "plans", "loaded_tools")

#: The usage counters an agent may report in its ``usage`` attribute (zeros when it reports none).
USAGE_KEYS: tuple[str, ...] = ("prompt_tokens", "completion_tokens", "latency_s")


@dataclass(frozen=True)
class Outcome:
    """What a record needs of a finished episode: verdict, reward and steps. The episode loop's
    :class:`~toolgym_env.agents.EpisodeResult` has the same attributes and is passed as it is."""

    success: bool
    reward: float
    steps: int
    judge: dict[str, Any] = field(default_factory=dict)


def agent_usage(agent: Any) -> dict[str, float]:
    """The agent's ``usage`` of the episode just run (tokens, model latency), zeros when it has none."""
    usage = getattr(agent, "usage", None) or {}
    out: dict[str, float] = {key: usage.get(key, 0) or 0 for key in USAGE_KEYS}
    for key in ("turns", "requests", "estimated_turns"):
        if key in usage:
            out[key] = usage[key]
    return out


def agent_trace(agent: Any) -> dict[str, Any]:
    """What the agent's ``trace()`` says about the episode just run (LLM agents: turns, plans, loaded tools,
    infrastructure error); ``{}`` for agents without one."""
    trace = getattr(agent, "trace", None)
    return dict(trace()) if callable(trace) else {}


def error_text(exc: BaseException) -> str:
    """``Type: message (at file:line in function)``: what an agent raised and where."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"[:4000]


def episode_record(
    *,
    run: str,
    agent: str,
    profile: str | None,
    suite: str,
    task_id: str,
    attempt: int,
    seed: int,
    env: Any,
    result: Any = None,
    usage: dict[str, Any] | None = None,
    latency_s: float = 0.0,
    error: str | None = None,
    provenance: dict[str, Any] | None = None,
    trace: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The record of one episode, read from the env (``env.unwrapped``) after it ran.

    ``result`` is the episode's :class:`Outcome` or :class:`~toolgym_env.agents.EpisodeResult` (``None`` when
    the episode crashed, which makes it a failure with reward 0 and an empty verdict). ``steps`` counts env
    steps; ``turns`` counts agent turns (the agent's ``usage["turns"]`` when it reports one, e.g. model calls,
    else its actions); ``calls`` counts tool calls (not ``search_tools``/``wait``/``final_answer``);
    ``tool_errors`` counts error observations.
    """
    base = env.unwrapped
    trajectory = [dict(step) for step in base.trajectory]
    usage = dict(usage or {key: 0 for key in USAGE_KEYS})
    steps = result.steps if result is not None else len(trajectory)
    crashed = result is None
    return {
        "run": run,
        "agent": agent,
        "profile": profile,
        "suite": suite,
        "task_id": task_id,
        "attempt": attempt,
        "seed": seed,
        "success": False if crashed else bool(result.success),
        "reward": 0.0 if crashed else float(result.reward),
        "judge": {} if crashed else dict(result.judge),
        "steps": steps,
        "calls": call_stats(trajectory).calls,
        "turns": int(usage.pop("turns", steps)),
        "tool_errors": sum(bool(step.get("is_error")) for step in trajectory),
        "usage": usage,
        "latency_s": round(latency_s, 4),
        "task": base.task.model_dump(mode="json") if base.task is not None else None,
        "trajectory": trajectory,
        "final_answer": base.final_answer,
        "constraints": [c.model_dump(mode="json") for c in base.constraints],
        "constraint_since": list(base.constraint_since),
        "error": error,
        **({"provenance": provenance} if provenance is not None else {}),
        **{
            key: value for key, value in (trace or {}).items() if key in OPTIONAL_FIELDS and value is not None
        },
    }


def record_key(record: dict[str, Any]) -> tuple[Any, ...]:
    """What identifies an episode in a results file: agent, profile, suite, task, attempt, episode seed (the
    seed is derived from the run seed, so another run seed is another episode), then the run's name and config
    id (``None`` in records older than provenance): another model, step limit or prompt is another episode."""
    prov = record.get("provenance") or {}
    return (
        record["agent"],
        record["profile"],
        record["suite"],
        record["task_id"],
        record["attempt"],
        record["seed"],
        prov.get("run_name"),
        prov.get("config_id"),
    )


def run_label(record: dict[str, Any]) -> str | None:
    """The name of the run a record belongs to (``None`` for records older than provenance)."""
    return (record.get("provenance") or {}).get("run_name")


def is_infra_error(record: dict[str, Any]) -> bool:
    """Whether the episode ended because the model endpoint could not be reached (not the agent's failure)."""
    return bool(record.get("infra_error"))


def latest(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per episode (:func:`record_key`): the last one written (a rerun after an infrastructure
    error supersedes it), in order of first appearance."""
    last: dict[tuple[Any, ...], dict[str, Any]] = {}
    for record in records:
        last[record_key(record)] = record
    return list(last.values())


def is_record(obj: Any) -> bool:
    """Whether ``obj`` is a complete episode record (a dict with every field of :data:`RECORD_FIELDS`)."""
    return isinstance(obj, dict) and all(key in obj for key in RECORD_FIELDS)
