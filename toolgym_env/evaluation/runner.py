"""Running an agent over a suite: a spread sample of tasks, ``k`` attempts each, resumable, in parallel.

Every (task, attempt) has its own seed, derived with SHA-256 from the run seed, the suite, the task id and the
attempt, so an episode is the same whichever worker runs it and in whatever order. Workers (processes) each
build their env once and send records back; only the parent writes the results file
(:class:`~toolgym_env.evaluation.store.ResultStore`). Episodes already in the file are skipped, so a killed
run resumes where it stopped. ``backend="ray"`` runs the workers as Ray actors instead
(:mod:`toolgym_env.evaluation.ray_backend`, the ``ray`` extra), locally or on a cluster, with the same records.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.errors import InvalidArgumentError
from toolgym_env.evaluation.provenance import agent_settings, check_compatible, run_provenance, write_manifest
from toolgym_env.evaluation.record import (
    agent_trace,
    agent_usage,
    episode_record,
    error_text,
    is_infra_error,
    latest,
    record_key,
)
from toolgym_env.evaluation.robustness import spread
from toolgym_env.evaluation.store import ResultStore

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


def episode_seed(seed: int, suite: str, task_id: str, attempt: int) -> int:
    """The reset seed of one (task, attempt): a SHA-256 digest of the run seed, suite, task id and attempt."""
    digest = hashlib.sha256(f"toolgym-eval|{seed}|{suite}|{task_id}|{attempt}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def plan(task_ids: list[str], suite: str, sample: int = 0, k: int = 1, seed: int = 0) -> list[Job]:
    """The episodes of a run: ``sample`` tasks spread over the suite (all when 0), attempt by attempt."""
    if k < 1:
        raise InvalidArgumentError(f"k must be at least 1, got {k}")
    picked = spread(len(task_ids), sample)
    return [Job(i, task_ids[i], a, episode_seed(seed, suite, task_ids[i], a)) for a in range(k) for i in picked]


def make_agent(spec: AgentSpec, **kwargs: Any) -> Any:
    """An agent from a registry name (:data:`toolgym_env.agents.AGENTS`) or a factory, with ``kwargs``."""
    if isinstance(spec, str):
        from toolgym_env.agents import AGENTS

        if spec not in AGENTS:
            raise InvalidArgumentError(f"unknown agent {spec!r}; choose from {sorted(AGENTS)}")
        return AGENTS[spec](**kwargs)
    return spec(**kwargs)


class EpisodeRunner:
    """One env (with a state controller when the run has a profile) and one agent, turning jobs into records."""

    def __init__(self, config: EvalConfig) -> None:
        import gymnasium as gym

        import toolgym_env  # noqa: F401  (registers the ids)

        self.config = config
        self.env = gym.make("ToolGym-v0", suite=config.suite, max_steps=config.max_steps, reveal=True)
        if config.profile is not None:
            from toolgym_env.wrappers import StateController

            self.env = StateController(self.env, profile=config.profile, seed=config.seed)
        self.agent = make_agent(config.agent, **config.agent_kwargs)

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
        return episode_record(run=c.run, agent=c.agent_name, profile=c.profile, suite=c.suite, task_id=job.task_id,
                              attempt=job.attempt, seed=job.seed, env=self.env, result=result,
                              usage=agent_usage(self.agent), latency_s=latency, error=error,
                              provenance=c.provenance, trace=agent_trace(self.agent))

    def close(self) -> None:
        """Close the env."""
        self.env.close()


_WORKER: EpisodeRunner | None = None


def _init_worker(config: EvalConfig, parent: int) -> None:
    global _WORKER
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _WORKER = EpisodeRunner(config)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL leaves it blocked on the job queue) exits within a second."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _run_in_worker(job: Job) -> dict[str, Any]:
    assert _WORKER is not None, "worker not initialized"
    return _WORKER.run(job)


def _serial(config: EvalConfig, jobs: list[Job]) -> Iterator[dict[str, Any]]:
    runner = EpisodeRunner(config)
    try:
        for job in jobs:
            yield runner.run(job)
    finally:
        runner.close()


def _parallel(config: EvalConfig, jobs: list[Job], workers: int) -> Iterator[dict[str, Any]]:
    import multiprocessing

    # spawn: a worker never inherits the parent's threads or open worlds (safe under any caller)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker,
                             initargs=(config, os.getpid())) as pool:
        pending = {pool.submit(_run_in_worker, job) for job in jobs}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        finally:
            for future in pending:
                future.cancel()


def _ray(config: EvalConfig, jobs: list[Job], workers: int, address: str | None = None,
         runtime_env: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    from toolgym_env.evaluation.ray_backend import ray_records

    return ray_records(config, jobs, workers, address=address, runtime_env=runtime_env)


BACKENDS = ("local", "ray")


def _progress(enabled: bool) -> Any:
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("success {task.fields[ok]}"), TimeElapsedColumn(), console=Console(stderr=True),
                    transient=False)


def settings_of(agent: AgentSpec, agent_kwargs: dict[str, Any]) -> dict[str, Any]:
    """The settings an agent's results depend on (:func:`~toolgym_env.evaluation.provenance.agent_settings`): an
    LLM agent is built here (no request is made) to read its model, sampling, limits and prompt hashes."""
    from toolgym_env.agents import AGENTS
    from toolgym_env.agents.llm_base import LLMAgent

    cls = AGENTS.get(agent) if isinstance(agent, str) else agent
    if isinstance(cls, type) and issubclass(cls, LLMAgent):
        return agent_settings(cls(**agent_kwargs), agent_kwargs)
    return agent_settings(None, agent_kwargs)


def run_eval(agent: AgentSpec, suite: str = "test", sample: int = 0, k: int = 1, profile: str | None = None,
             seed: int = 0, workers: int = 1, out: str | os.PathLike[str] = "results.jsonl", max_steps: int = 40,
             agent_kwargs: dict[str, Any] | None = None, progress: bool = False,
             run_id: str | None = None, backend: str = "local", ray_address: str | None = None,
             ray_runtime_env: dict[str, Any] | None = None, run_name: str | None = None,
             retry_errors: bool = False) -> list[dict[str, Any]]:
    """Evaluate ``agent`` (a name in :data:`~toolgym_env.agents.AGENTS` or a factory) on ``sample`` tasks of
    ``suite`` (spread over it; 0 = all), ``k`` attempts each, under the state-controller ``profile`` (none when
    ``None``); append one record per episode to ``out``; return the records of the planned episodes (those
    found in ``out`` from earlier runs included), in plan order.

    Every record carries the run's provenance (:mod:`toolgym_env.evaluation.provenance`): ``run_name`` labels
    the run (default: agent, model and config id) and a manifest beside ``out`` keeps each run's settings.
    Episodes of this run already in ``out`` are not run again — unless their endpoint failed and
    ``retry_errors`` is set, when they run again and the new record supersedes the old. Another model, step
    limit or prompt is another run, so nothing of an earlier one is reused; a run name already used in ``out``
    by another configuration is refused (:class:`~toolgym_env.errors.InvalidArgumentError`).
    ``workers > 1`` runs episodes in that many processes. ``agent_kwargs`` go to the agent's constructor
    (e.g. a model name and endpoint for an LLM agent). ``backend="ray"`` runs them on ``workers`` Ray actors
    instead (the ``ray`` extra): on a local cluster started for the run, on the cluster at ``ray_address``
    (with ``ray_runtime_env``, e.g. ``pip`` or ``working_dir``, for its workers), or in the Ray session
    already up in this process.
    """
    if backend not in BACKENDS:
        raise InvalidArgumentError(f"unknown backend {backend!r}; choose from {list(BACKENDS)}")
    if backend == "ray":  # fail before any episode when the extra is missing
        from toolgym_env.evaluation.ray_backend import require_ray

        require_ray()
    from toolgym_env.tasks import load_suite

    if profile is not None:
        from toolgym_env.wrappers.perturb import PROFILES

        if profile not in PROFILES:
            raise InvalidArgumentError(f"unknown perturbation profile {profile!r}; choose from {sorted(PROFILES)}")
    if isinstance(agent, str):  # fail before any episode (workers would fail one by one)
        from toolgym_env.agents import AGENTS

        if agent not in AGENTS:
            raise InvalidArgumentError(f"unknown agent {agent!r}; choose from {sorted(AGENTS)}")
    agent_kwargs = dict(agent_kwargs or {})
    tasks = load_suite(suite)
    probe = EvalConfig(agent, suite, profile, seed, max_steps, agent_kwargs)
    provenance = run_provenance(probe.agent_name, settings_of(agent, agent_kwargs), max_steps, tasks, run_name)
    config = EvalConfig(agent, suite, profile, seed, max_steps, agent_kwargs,
                        run_id or f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}", provenance)
    store = ResultStore(out)
    existing = store.read()
    check_compatible(existing, provenance, suite, out)
    jobs = plan([t.id for t in tasks], suite, sample, k, seed)
    key = {j: (config.agent_name, profile, suite, j.task_id, j.attempt, j.seed, provenance["run_name"],
               provenance["config_id"]) for j in jobs}
    done = {record_key(r): r for r in latest(existing)}
    todo = [j for j in jobs if key[j] not in done or (retry_errors and is_infra_error(done[key[j]]))]
    if todo:
        workers = max(1, min(workers, len(todo)))
        if backend == "ray":
            stream = _ray(config, todo, workers, ray_address, ray_runtime_env)
        else:
            stream = _serial(config, todo) if workers == 1 else _parallel(config, todo, workers)
        with _progress(progress) as bar, closing(stream):  # closing: stop the workers on an interrupt
            task = bar.add_task(f"{config.agent_name} on {suite}", total=len(todo), ok="–") if bar else None
            wins = 0
            for n, record in enumerate(stream, start=1):
                store.append(record)
                done[record_key(record)] = record
                wins += record["success"]
                if bar is not None:
                    bar.update(task, advance=1, ok=f"{wins / n:.0%}")
    mine = [done[key[j]] for j in jobs if key[j] in done]
    write_manifest(out, provenance, {"episodes": len(mine), "ran_now": len(todo),
                                     "infra_errors": sum(map(is_infra_error, mine)),
                                     "crashed": sum(r.get("error") is not None for r in mine)})
    return mine
