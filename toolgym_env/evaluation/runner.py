"""Running an agent over a suite: a spread sample of tasks, ``k`` attempts each, resumable, in parallel.

Episodes are the jobs of :func:`~toolgym_env.evaluation.episodes.plan`, each run by an
:class:`~toolgym_env.evaluation.episodes.EpisodeRunner` with its own seed, so an episode is the same whichever
worker runs it and in whatever order. Workers (processes) each build their runner once and send records back;
only the parent writes the results file (:class:`~toolgym_env.records.store.ResultStore`). Episodes already in
the file are skipped, so a killed run resumes where it stopped. ``backend="ray"`` runs the workers as Ray
actors instead (:mod:`toolgym_env.evaluation.ray_backend`, the ``ray`` extra), locally or on a cluster, with
the same records.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import closing, nullcontext
from typing import Any

from toolgym_env.errors import InvalidArgumentError
from toolgym_env.evaluation.episodes import AgentSpec, EpisodeRunner, EvalConfig, Job, plan
from toolgym_env.evaluation.provenance import agent_settings, check_compatible, run_provenance, write_manifest
from toolgym_env.records.record import is_infra_error, latest, record_key
from toolgym_env.records.store import ResultStore

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


def run_jobs(config: EvalConfig, jobs: list[Job], workers: int = 1) -> Iterator[dict[str, Any]]:
    """The records of ``jobs``, each run once by an :class:`EpisodeRunner` of ``config``: in this process when
    ``workers`` is 1 (in job order), else in that many worker processes (as they finish). Nothing is written;
    close the iterator to stop the workers early."""
    workers = max(1, min(workers, len(jobs)))
    return _serial(config, jobs) if workers == 1 else _parallel(config, jobs, workers)


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
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(config, os.getpid()),
    ) as pool:
        pending = {pool.submit(_run_in_worker, job) for job in jobs}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        finally:
            for future in pending:
                future.cancel()


def _ray(
    config: EvalConfig,
    jobs: list[Job],
    workers: int,
    address: str | None = None,
    runtime_env: dict[str, Any] | None = None,
) -> Iterator[dict[str, Any]]:
    from toolgym_env.evaluation.ray_backend import ray_records

    return ray_records(config, jobs, workers, address=address, runtime_env=runtime_env)


BACKENDS = ("local", "ray")


def _progress(enabled: bool) -> Any:
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("success {task.fields[ok]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )


def settings_of(agent: AgentSpec, agent_kwargs: dict[str, Any]) -> dict[str, Any]:
    """The settings an agent's results depend on (:func:`~toolgym_env.evaluation.provenance.agent_settings`):
    an LLM agent is built here (no request is made) to read its model, sampling, limits and prompt hashes."""
    from toolgym_env.agents import AGENTS
    from toolgym_env.agents.llm_base import LLMAgent

    cls = AGENTS.get(agent) if isinstance(agent, str) else agent
    if isinstance(cls, type) and issubclass(cls, LLMAgent):
        return agent_settings(cls(**agent_kwargs), agent_kwargs)
    return agent_settings(None, agent_kwargs)


def run_eval(
    agent: AgentSpec,
    suite: str = "test",
    sample: int = 0,
    k: int = 1,
    profile: str | None = None,
    seed: int = 0,
    workers: int = 1,
    out: str | os.PathLike[str] = "results.jsonl",
    max_steps: int = 40,
    agent_kwargs: dict[str, Any] | None = None,
    progress: bool = False,
    run_id: str | None = None,
    backend: str = "local",
    ray_address: str | None = None,
    ray_runtime_env: dict[str, Any] | None = None,
    run_name: str | None = None,
    retry_errors: bool = False,
) -> list[dict[str, Any]]:
    """Evaluate ``agent`` (a name in :data:`~toolgym_env.agents.AGENTS` or a factory) on ``sample`` tasks of
    ``suite`` (spread over it; 0 = all), ``k`` attempts each, under the state-controller ``profile`` (none
    when ``None``); append one record per episode to ``out``; return the records of the planned episodes
    (those found in ``out`` from earlier runs included), in plan order.

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
            raise InvalidArgumentError(
                f"unknown perturbation profile {profile!r}; choose from {sorted(PROFILES)}"
            )
    if isinstance(agent, str):  # fail before any episode (workers would fail one by one)
        from toolgym_env.agents import AGENTS

        if agent not in AGENTS:
            raise InvalidArgumentError(f"unknown agent {agent!r}; choose from {sorted(AGENTS)}")
    agent_kwargs = dict(agent_kwargs or {})
    tasks = load_suite(suite)
    probe = EvalConfig(agent, suite, profile, seed, max_steps, agent_kwargs)
    provenance = run_provenance(
        probe.agent_name, settings_of(agent, agent_kwargs), max_steps, tasks, run_name
    )
    config = EvalConfig(
        agent,
        suite,
        profile,
        seed,
        max_steps,
        agent_kwargs,
        run_id or f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}",
        provenance,
    )
    store = ResultStore(out)
    existing = store.read()
    check_compatible(existing, provenance, suite, out)
    jobs = plan([t.id for t in tasks], suite, sample, k, seed)
    key = {
        j: (
            config.agent_name,
            profile,
            suite,
            j.task_id,
            j.attempt,
            j.seed,
            provenance["run_name"],
            provenance["config_id"],
        )
        for j in jobs
    }
    done = {record_key(r): r for r in latest(existing)}
    todo = [j for j in jobs if key[j] not in done or (retry_errors and is_infra_error(done[key[j]]))]
    if todo:
        if backend == "ray":
            stream = _ray(config, todo, max(1, min(workers, len(todo))), ray_address, ray_runtime_env)
        else:
            stream = run_jobs(config, todo, workers)
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
    write_manifest(
        out,
        provenance,
        {
            "episodes": len(mine),
            "ran_now": len(todo),
            "infra_errors": sum(map(is_infra_error, mine)),
            "crashed": sum(r.get("error") is not None for r in mine),
        },
    )
    return mine
