"""The robustness table: agents × perturbation kinds, each kind injected alone (plus ToolGym's and the mixed
profiles), with success, success when the kind fired, tool-call success, recovery and flexibility."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypedDict, Unpack

from toolgym_env.evaluation.episodes import EvalConfig, plan
from toolgym_env.evaluation.runner import run_jobs
from toolgym_env.metrics import kinds_fired, robustness_summary
from toolgym_env.wrappers.perturb.config import KINDS

#: Rows of the table: every kind alone, then ToolGym's published settings and two mixed profiles.
ROBUSTNESS_PROFILES: tuple[str, ...] = (
    ("none",) + KINDS + ("first_non_search", "random_20", "moderate", "heavy")
)


class ProfileRun(TypedDict, total=False):
    """The keywords of :func:`run_profile` after the profile and the agent (see it for their defaults)."""

    suite: str
    sample: int
    seed: int
    max_steps: int
    workers: int


def run_profile(
    profile: str,
    agent_name: str,
    suite: str = "test",
    sample: int = 20,
    seed: int = 0,
    max_steps: int = 60,
    workers: int = 1,
) -> list[dict[str, Any]]:
    """The episode records of one agent under one profile: ``sample`` tasks spread over ``suite``, run by
    :class:`~toolgym_env.evaluation.episodes.EpisodeRunner` (episode seeds derived from ``seed``, the state
    controller seeded with it), in suite order."""
    from toolgym_env.tasks import load_suite

    config = EvalConfig(agent_name, suite, profile, seed, max_steps)
    jobs = plan([task.id for task in load_suite(suite)], suite, sample, 1, seed)
    by_id = {r["task_id"]: r for r in run_jobs(config, jobs, workers)}  # workers send them as they finish
    return [by_id[job.task_id] for job in jobs]


def robustness_rows(
    agents: Sequence[str] = ("oracle", "oracle-retry", "heuristic"),
    profiles: Sequence[str] = ROBUSTNESS_PROFILES,
    **run: Unpack[ProfileRun],
) -> list[dict[str, Any]]:
    """One row per (profile, agent): success overall and when the kind fired, and the call-level metrics;
    ``run`` goes to :func:`run_profile` (``workers`` > 1 runs each row's episodes in that many processes,
    with the same records)."""
    rows = []
    for profile in profiles:
        for agent in agents:
            records = run_profile(profile, agent, **run)
            summary = robustness_summary(records)
            under = summary["success_under"].get(profile)
            hit = [r for r in records if kinds_fired(r["trajectory"])] if profile not in KINDS else []
            rows.append(
                {
                    "profile": profile,
                    "agent": agent,
                    "episodes": summary["episodes"],
                    "success": summary["success"],
                    "fired_in": under["episodes"] if under else len(hit),
                    "success_when_fired": under["success"]
                    if under
                    else (round(sum(r["success"] for r in hit) / len(hit), 4) if hit else None),
                    "tool_call_success": summary["tool_call_success"],
                    "recovery": summary["recovery"],
                    "flexibility": summary["flexibility"],
                    "failed_calls": summary["failed"],
                }
            )
    return rows
