"""ToolGym served by ``openenv-core``: an ``Environment`` per session behind its ``HTTPEnvServer`` (the
``openenv`` extra; ``toolgym serve-env`` runs it).

Each WebSocket session (``/ws``) gets its own :class:`ToolGymEnvironment`, holding one episode at a time on
its own world; every session of the process shares the one catalog, task suites, search index and world
snapshots. A session's stack (suite, state-controller profile, shaping, seed, step limit) is chosen by its
first ``reset`` (``config``, over the server's defaults) and fixed for the session's life. All env work runs
on one executor thread (``REQUIRES_SINGLE_THREAD_EXECUTOR``): steps are milliseconds, the shared caches see no
races, and the event loop stays free for the sockets. A client that drops frees its session (openenv-core
closes it, and the env with it); past ``max_sessions`` a new session gets openenv's ``CAPACITY_REACHED``
error.
"""

from __future__ import annotations

import functools
import uuid
from typing import Any

from openenv.core.env_server.http_server import create_app
from openenv.core.env_server.interfaces import Environment
from openenv.core.env_server.types import ConcurrencyConfig, EnvironmentMetadata

from toolgym_env.errors import InvalidArgumentError, UnknownArgumentError
from toolgym_env.integrations.openenv_models import ToolGymAction, ToolGymObservation, ToolGymState
from toolgym_env.integrations.stack import SessionConfig, make_stack


class ToolGymEnvironment(Environment[ToolGymAction, ToolGymObservation, ToolGymState]):
    """One session's env: a ToolGym stack built at the first ``reset`` from ``config`` over the server's
    defaults.

    Args:
        defaults: the server's default :class:`~toolgym_env.integrations.SessionConfig` (a session's
            ``config`` overrides it field by field).
    """

    SUPPORTS_CONCURRENT_SESSIONS = True
    REQUIRES_SINGLE_THREAD_EXECUTOR = True

    def __init__(self, defaults: SessionConfig | dict[str, Any] | None = None) -> None:
        super().__init__()
        self.defaults = SessionConfig.parse(defaults)
        self.config: SessionConfig | None = None
        self.env: Any = None
        self._state = ToolGymState()

    def reset(
        self,
        seed: int | None = None,
        episode_id: str | None = None,
        config: dict[str, Any] | None = None,
        task_id: str | None = None,
        task_index: int | None = None,
        **kwargs: Any,
    ) -> ToolGymObservation:
        """Start an episode (the first one builds the session's stack from ``config``).

        Args:
            seed: the reset seed; by default the config's seed on the first episode, then the env's generator.
            episode_id: a name for the episode (a fresh id by default).
            config: the session's stack, as :class:`~toolgym_env.integrations.SessionConfig` fields; a later
                reset may repeat it but not change it.
            task_id: the task to run (else ``task_index``, else drawn by the env).
            task_index: the task's index in the suite.

        Raises:
            UnknownArgumentError: a reset field other than these.
            InvalidArgumentError: a bad config, or one that differs from the session's.
        """
        if kwargs:
            raise UnknownArgumentError(
                f"unknown reset field(s) {sorted(kwargs)}; known: seed, episode_id, config, "
                "task_id, task_index"
            )
        wanted = SessionConfig.parse({**self.defaults.model_dump(exclude_unset=True), **(config or {})})
        if self.env is None:
            self.config, self.env = wanted, make_stack(wanted)
            self._state.config = wanted.model_dump()
        elif config is not None and wanted != self.config:
            raise InvalidArgumentError(
                f"this session's stack is {self.config.model_dump()}; a session keeps the "
                "stack it was created with: open a new session for another"
            )
        options: dict[str, Any] = {}
        if task_id is not None:
            options["task_id"] = task_id
        elif task_index is not None:
            options["task_index"] = task_index
        if seed is None and self._state.episodes == 0:
            seed = self.config.seed
        obs, info = self.env.reset(seed=seed, options=options or None)
        self._state = ToolGymState(
            episode_id=episode_id or uuid.uuid4().hex,
            step_count=0,
            config=self._state.config,
            task_id=info["task_id"],
            done=False,
            episode_return=0.0,
            episodes=self._state.episodes + 1,
        )
        return ToolGymObservation(**obs, task_id=info["task_id"], reward=None, done=False)

    def step(
        self, action: ToolGymAction, timeout_s: float | None = None, **kwargs: Any
    ) -> ToolGymObservation:
        """Run one tool call; a malformed call is an error observation (``is_error``), as in-process."""
        if self.env is None:
            raise InvalidArgumentError("reset() the session before step()")
        obs, reward, terminated, truncated, info = self.env.step(
            {"name": action.name, "arguments": action.arguments}
        )
        done = bool(terminated or truncated)
        self._state.step_count += 1
        self._state.episode_return += float(reward)
        self._state.done = done
        return ToolGymObservation(
            **obs,
            task_id=info["task_id"],
            terminated=terminated,
            truncated=truncated,
            perturbations=info.get("perturbations", []),
            judge=info.get("judge"),
            reward=float(reward),
            done=done,
        )

    @property
    def state(self) -> ToolGymState:
        """The session's config and its episode's progress (read on the event loop: touches no world)."""
        return self._state

    def get_metadata(self) -> EnvironmentMetadata:
        """Name, description and version of the served env."""
        from toolgym_env import __version__

        return EnvironmentMetadata(
            name="ToolGym",
            version=__version__,
            description="Long-horizon multi-tool tasks over executable, stateful, offline "
            "MCP tools; the constraint-aware judge gives the reward.",
        )

    def close(self) -> None:
        """Release the session's stack (its world database)."""
        if self.env is not None:
            self.env.close()
            self.env = None


def create_server_app(
    defaults: SessionConfig | dict[str, Any] | None = None,
    max_sessions: int = 64,
    session_timeout_s: float | None = None,
) -> Any:
    """The FastAPI app of ``openenv-core``'s ``create_app`` (its ``HTTPEnvServer``) serving
    :class:`ToolGymEnvironment` sessions (``ENABLE_WEB_INTERFACE=1`` adds openenv's web UI).

    Args:
        defaults: the stack a session gets when its first reset sends no ``config``.
        max_sessions: most concurrent WebSocket sessions; one more gets ``CAPACITY_REACHED``.
        session_timeout_s: close sessions idle this long (``None``: never).
    """
    if max_sessions < 1:
        raise InvalidArgumentError(f"max_sessions must be >= 1, got {max_sessions}")
    factory = functools.partial(ToolGymEnvironment, SessionConfig.parse(defaults))
    concurrency = ConcurrencyConfig(max_concurrent_envs=max_sessions, session_timeout=session_timeout_s)
    return create_app(
        factory, ToolGymAction, ToolGymObservation, env_name="toolgym", concurrency_config=concurrency
    )


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    max_sessions: int = 64,
    defaults: SessionConfig | dict[str, Any] | None = None,
    session_timeout_s: float | None = None,
    log_level: str = "warning",
) -> None:
    """Run the server with uvicorn until interrupted (what ``toolgym serve-env`` does)."""
    import uvicorn

    app = create_server_app(defaults, max_sessions, session_timeout_s)
    uvicorn.run(app, host=host, port=port, log_level=log_level, ws_max_size=16 * 1024 * 1024)
