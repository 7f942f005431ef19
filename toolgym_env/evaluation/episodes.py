"""The one episode loop: jobs (a task, an attempt, its seed), the runner that turns a job into an episode
record, and how a run picks its tasks. ``toolgym eval``/``collect`` (local processes or Ray actors),
``toolgym demo`` and the robustness table all run their episodes through :class:`EpisodeRunner`.

Every (task, attempt) has its own seed, derived with SHA-256 from the run seed, the suite, the task id and the
attempt (:func:`episode_seed`), so an episode is the same whichever loop or worker runs it and in whatever
order. A state controller, when the run has a profile, is seeded with the run seed.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.errors import InvalidArgumentError
from toolgym_env.records.record import agent_trace, agent_usage, episode_record, error_text

AgentSpec = str | Callable[..., Any]


@dataclass(frozen=True)
class Job:
    """One episode to run: a task (by index in the suite and by id), an attempt number and its seed."""

    task_index: int
    task_id: str
    attempt: int
    seed: int


@dataclass(frozen=True)
class EvalConfig:
    """What every episode of a run shares (picklable: it is sent to the workers)."""

    agent: AgentSpec
    suite: str = "test"
    profile: str | None = None
    seed: int = 0
    max_steps: int = 40
    agent_kwargs: dict[str, Any] = field(default_factory=dict)
    run: str = ""
    provenance: dict[str, Any] | None = None

    @property
    def agent_name(self) -> str:
        """The name recorded for the agent: the registry name, or the factory's ``name``/``__name__``."""
        if isinstance(self.agent, str):
            return self.agent
        return str(getattr(self.agent, "name", None) or getattr(self.agent, "__name__", "agent"))


def spread(n_tasks: int, sample: int) -> list[int]:
    """``sample`` task indices spread evenly over ``n_tasks`` (all of them when ``sample`` is 0 or too big).

    Example:
        >>> spread(10, 3), spread(3, 0)
        ([0, 3, 6], [0, 1, 2])
    """
    if not sample or sample >= n_tasks:
        return list(range(n_tasks))
    return [i * n_tasks // sample for i in range(sample)]


def episode_seed(seed: int, suite: str, task_id: str, attempt: int) -> int:
    """The reset seed of one (task, attempt): a SHA-256 digest of the run seed, suite, task id and attempt."""
    digest = hashlib.sha256(f"toolgym-eval|{seed}|{suite}|{task_id}|{attempt}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def plan(task_ids: list[str], suite: str, sample: int = 0, k: int = 1, seed: int = 0) -> list[Job]:
    """The episodes of a run: ``sample`` tasks spread over the suite (all when 0), attempt by attempt."""
    if k < 1:
        raise InvalidArgumentError(f"k must be at least 1, got {k}")
    picked = spread(len(task_ids), sample)
    return [
        Job(i, task_ids[i], a, episode_seed(seed, suite, task_ids[i], a)) for a in range(k) for i in picked
    ]


def make_agent(spec: AgentSpec, **kwargs: Any) -> Any:
    """An agent from a registry name (:data:`toolgym_env.agents.AGENTS`) or a factory, with ``kwargs``."""
    if isinstance(spec, str):
        from toolgym_env.agents import AGENTS

        if spec not in AGENTS:
            raise InvalidArgumentError(f"unknown agent {spec!r}; choose from {sorted(AGENTS)}")
        return AGENTS[spec](**kwargs)
    return spec(**kwargs)


class EpisodeRunner:
    """One env (with a state controller when the run has a profile) and one agent, turning jobs into records.

    Example:
        >>> runner = EpisodeRunner(EvalConfig("oracle", suite="core"))
        >>> record = runner.run(plan(runner.task_ids, "core", sample=1)[0])
        >>> record["success"], record["error"]
        (True, None)
        >>> runner.close()
    """

    def __init__(self, config: EvalConfig) -> None:
        import gymnasium as gym

        import toolgym_env  # noqa: F401  (registers the ids)

        self.config = config
        self.env = gym.make("ToolGym-v0", suite=config.suite, max_steps=config.max_steps, reveal=True)
        if config.profile is not None:
            from toolgym_env.wrappers import StateController

            self.env = StateController(self.env, profile=config.profile, seed=config.seed)
        self.agent = make_agent(config.agent, **config.agent_kwargs)

    @property
    def task_ids(self) -> list[str]:
        """The ids of the env's tasks, in suite order (what :func:`plan` picks from); a shipped suite's are
        known without parsing its tasks."""
        from toolgym_env.tasks.lines import TaskLines

        tasks = self.env.unwrapped.tasks
        return list(tasks.ids) if isinstance(tasks, TaskLines) else [task.id for task in tasks]

    def run(self, job: Job) -> dict[str, Any]:
        """Run one episode; an exception from the agent (or the env) becomes a failed record with its text."""
        from toolgym_env.agents import run_episode

        c = self.config
        result, error = None, None
        start = time.perf_counter()
        try:
            result = run_episode(self.env, self.agent, seed=job.seed, options={"task_index": job.task_index})
        except Exception as exc:  # noqa: BLE001  (a bad rollout is data, not a crash)
            error = error_text(exc)
        latency = time.perf_counter() - start
        return episode_record(
            run=c.run,
            agent=c.agent_name,
            profile=c.profile,
            suite=c.suite,
            task_id=job.task_id,
            attempt=job.attempt,
            seed=job.seed,
            env=self.env,
            result=result,
            usage=agent_usage(self.agent),
            latency_s=latency,
            error=error,
            provenance=c.provenance,
            trace=agent_trace(self.agent),
        )

    def close(self) -> None:
        """Close the env."""
        self.env.close()
