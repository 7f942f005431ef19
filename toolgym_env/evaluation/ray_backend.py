"""Episodes on a Ray cluster (the ``ray`` extra): ``run_eval(..., backend="ray")``, ``--backend ray``.

One actor per worker (``num_cpus=1``) builds one :class:`~toolgym_env.evaluation.episodes.EpisodeRunner`, as a
worker process of the local backend does, and runs the jobs it is sent. Jobs go only to actors that have
started, at most ``depth`` in flight on each; ``ray.wait`` streams the records back as they finish and the
caller of :func:`~toolgym_env.evaluation.runner.run_eval` appends them to the results file, so the file, the
seeds and resuming are those of the local backend. An actor that dies (process killed, node lost) is reported
and replaced by a fresh one, which runs the jobs the dead one held; a job whose actor dies ``retries + 1``
times stops the run with an error naming it; an actor whose constructor raises (env or agent) stops it too.

Ray is imported lazily: without the extra only ``backend="ray"`` fails (:class:`RayUnavailableError`).
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from itertools import count
from typing import Any

from toolgym_env.evaluation.episodes import EpisodeRunner, EvalConfig, Job

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'toolgym-env[ray]'"

#: ``ray.init`` arguments that keep the driver's output clean (no dashboard, no worker logs, Ray errors only).
QUIET: dict[str, Any] = {"log_to_driver": False, "configure_logging": True, "logging_level": logging.ERROR}


class RayUnavailableError(ImportError):
    """Ray is not installed (the ``ray`` extra is missing)."""


def require_ray() -> Any:
    """The ``ray`` module, or :class:`RayUnavailableError` saying how to install it."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailableError(
            f"the Ray backend needs Ray, which is not installed: {INSTALL_HINT} ({exc})"
        ) from exc
    return ray


def connect(workers: int, address: str | None = None) -> bool:
    """Start Ray unless it is already up in this process: a local cluster of ``workers`` CPUs when ``address``
    is ``None``, else a connection to the cluster at ``address`` (``"auto"``, ``"host:6379"``,
    ``"ray://host:10001"``). Returns whether this call started it (and so should ``ray.shutdown()`` it, which
    stops a local cluster and only disconnects from a remote one)."""
    ray = require_ray()
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, **QUIET)
    else:  # "local": a new cluster even where $RAY_ADDRESS names another one
        ray.init(address="local", num_cpus=max(1, workers), include_dashboard=False, **QUIET)
    return True


@contextmanager
def ray_session(workers: int, address: str | None = None) -> Iterator[None]:
    """Ray up for the block (see :func:`connect`), shut down after it when the block started it: wrap several
    ``run_eval(..., backend="ray")`` calls to start a local cluster once."""
    started = connect(workers, address)
    try:
        yield
    finally:
        if started:
            require_ray().shutdown()


class EpisodeActor:
    """The body of one Ray actor: an :class:`EpisodeRunner` built once, running the jobs it is sent."""

    def __init__(self, config: EvalConfig) -> None:
        self.error: Exception | None = None
        try:
            self.runner = EpisodeRunner(config)
        except Exception as exc:  # noqa: BLE001  (raised by ready(), so the driver sees the cause)
            self.error = exc

    def ready(self) -> bool:
        """True once the constructor has run (the first call an actor gets); what it raised, if it did."""
        if self.error is not None:
            raise self.error
        return True

    def run(self, job: Job) -> dict[str, Any]:
        """The record of one episode."""
        return self.runner.run(job)


def ray_records(
    config: EvalConfig,
    jobs: list[Job],
    workers: int,
    address: str | None = None,
    runtime_env: dict[str, Any] | None = None,
    depth: int = 2,
    retries: int = 2,
) -> Iterator[dict[str, Any]]:
    """The records of ``jobs`` run by ``workers`` Ray actors (with ``runtime_env``, e.g. ``{"pip": [...]}``
    where the cluster's nodes lack the package), in the order they finish, like the local process pool. Ray is
    started for the run, and shut down after it, unless it was already up."""
    with ray_session(workers, address):
        yield from _stream(require_ray(), config, jobs, workers, runtime_env, depth, retries)


def _stream(
    ray: Any,
    config: EvalConfig,
    jobs: list[Job],
    workers: int,
    runtime_env: dict[str, Any] | None,
    depth: int,
    retries: int,
) -> Iterator[dict[str, Any]]:
    from ray.exceptions import RayActorError, RayTaskError

    options: dict[str, Any] = {"num_cpus": 1, "max_restarts": 0}
    if runtime_env:  # per actor: it applies whether or not this run started Ray
        options["runtime_env"] = runtime_env
    actor_class = ray.remote(**options)(EpisodeActor)
    queue: deque[Job] = deque(jobs)
    actors: dict[int, Any] = {}  # actor number -> handle
    started: set[int] = set()  # actors whose constructor has run
    pending: dict[Any, tuple[int, Job | None]] = {}  # ref -> (actor number, job; None for its ready() call)
    order: dict[Job, int] = {}  # when each job was sent (an actor runs its calls in that order)
    deaths: dict[Job, int] = {}
    unborn = 0  # actors that died before their constructor ran
    numbers, sent = count(), count()

    def spawn() -> None:
        n = next(numbers)
        actors[n] = actor_class.remote(config)
        pending[actors[n].ready.remote()] = (n, None)

    def feed(n: int) -> None:
        held = sum(1 for m, job in pending.values() if m == n and job is not None)
        while queue and held < depth:
            job = queue.popleft()
            pending[actors[n].run.remote(job)] = (n, job)
            order[job] = next(sent)
            held += 1

    def lost(n: int, job: Job | None, exc: RayActorError) -> None:
        nonlocal unborn
        refs = [ref for ref, (m, _) in pending.items() if m == n]
        held = [j for j in [job, *(pending.pop(ref)[1] for ref in refs)] if j is not None]
        held.sort(key=order.__getitem__)
        _kill(ray, actors.pop(n))
        if n not in started:
            unborn += 1
            if unborn > (retries + 1) * max(1, workers):
                raise RuntimeError(f"{unborn} Ray workers died before they started; last: {_first_line(exc)}")
        started.discard(n)
        if held:  # the first one held (sent first) is the one that was running
            first = held[0]
            deaths[first] = deaths.get(first, 0) + 1
            if deaths[first] > retries:
                raise RuntimeError(
                    f"episode {first.task_id} attempt {first.attempt} (seed {first.seed}) "
                    f"lost its Ray worker {deaths[first]} times; last: {_first_line(exc)}"
                ) from exc
        queue.extendleft(reversed(held))
        log.warning(
            "Ray worker %d died (%s); running its %d episode(s) on a fresh worker",
            n,
            _first_line(exc),
            len(held),
        )
        spawn()

    for _ in range(max(1, workers)):
        spawn()
    warned = False
    try:
        while queue or any(job is not None for _, job in pending.values()):
            ready, _ = ray.wait(list(pending), num_returns=1, timeout=60.0)
            if not ready:
                if not started and not warned:
                    log.warning("no Ray worker has started after 60 s: does the cluster have a free CPU?")
                    warned = True
                continue
            n, job = pending.pop(ready[0])
            try:
                value = ray.get(ready[0])
            except RayActorError as exc:
                lost(n, job, exc)
                continue
            except RayTaskError as exc:
                if job is not None:  # raised outside the episode (EpisodeRunner.run records the episode's)
                    raise
                cause = exc.cause if isinstance(exc.cause, BaseException) else exc
                raise RuntimeError(
                    f"a Ray worker could not build its env and agent: {type(cause).__name__}: {cause}"
                ) from cause
            if job is None:
                started.add(n)
            feed(n)
            if job is not None:
                yield value
    finally:
        for actor in actors.values():
            _kill(ray, actor)


def _first_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message, without Ray's terminal colours (its type when it has none)."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _kill(ray: Any, actor: Any) -> None:
    with suppress(Exception):  # already gone
        ray.kill(actor, no_restart=True)
