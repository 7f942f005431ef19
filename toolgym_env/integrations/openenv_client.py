"""``ToolGymClient``: ``openenv-core``'s ``EnvClient`` for a ToolGym env server (``toolgym serve-env``).

The client is async (``await client.reset()``); ``client.sync()`` gives openenv's blocking wrapper. One client
is one WebSocket session on the server: one episode at a time, on the stack named by the client's ``config``.
"""

from __future__ import annotations

import asyncio
from typing import Any

from openenv.core.client_types import StepResult
from openenv.core.env_client import EnvClient
from websockets.exceptions import ConnectionClosed

from toolgym_env.errors import EnvServerError, ServerCapacityError
from toolgym_env.integrations.openenv_models import ToolGymAction, ToolGymObservation, ToolGymState
from toolgym_env.integrations.stack import SessionConfig


class ToolGymClient(EnvClient[ToolGymAction, ToolGymObservation, ToolGymState]):
    """A session on a ToolGym env server.

    ``reset(task_id=..., seed=...)`` starts an episode (the first one builds the session's stack from
    ``config``); ``step(action)`` takes a :class:`ToolGymAction` or the env's own ``{"name", "arguments"}``
    dict and returns openenv's ``StepResult``: ``observation`` (a :class:`ToolGymObservation`: the env's
    observation, ``task_id``, ``perturbations`` and, at the end, the verdict in ``judge``), ``reward`` and
    ``done``. A server error raises :class:`~toolgym_env.errors.EnvServerError`, a full server
    :class:`~toolgym_env.errors.ServerCapacityError`.

    Args:
        base_url: the server, e.g. ``"http://127.0.0.1:8000"``.
        config: the session's :class:`~toolgym_env.integrations.SessionConfig` (or dict); ``None``: the
            server's.
        **kwargs: ``EnvClient``'s options (``connect_timeout_s``, ``message_timeout_s``, ...).

    Example (against a running ``toolgym serve-env``)::

        client = ToolGymClient("http://127.0.0.1:8000", config={"suite": "train", "profile": "light"})
        with client.sync() as env:
            result = env.reset(task_index=0)
            result = env.step({"name": "search_tools", "arguments": {"query": "send an email"}})
    """

    def __init__(
        self, base_url: str, config: SessionConfig | dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(base_url, **kwargs)
        self.config = None if config is None else SessionConfig.parse(config)

    async def reset(self, **kwargs: Any) -> StepResult[ToolGymObservation]:
        """Start an episode: ``task_id``, ``task_index``, ``seed``, ``episode_id`` (the client's ``config`` is
        sent)."""
        if self.config is not None:
            kwargs.setdefault("config", self.config.model_dump(exclude_unset=True))
        return await super().reset(**kwargs)

    async def disconnect(self) -> None:
        """End the session: ask the server to close it and wait until it has (openenv's own client closes its
        side at once, and the server then fails to close an already closed socket)."""
        if self._ws is None:
            return
        try:
            await self._send({"type": "close"})
            await asyncio.wait_for(self._ws.wait_closed(), timeout=self._message_timeout)
        except (ConnectionClosed, TimeoutError):
            pass  # already closed, or the server did not answer: close our side anyway
        await self._ws.close()
        self._ws = None

    def _step_payload(self, action: ToolGymAction | dict[str, Any]) -> dict[str, Any]:
        if isinstance(action, ToolGymAction):
            return action.model_dump(exclude={"metadata"})
        return dict(action)

    def _parse_result(self, payload: dict[str, Any]) -> StepResult[ToolGymObservation]:
        observation = ToolGymObservation(
            **payload.get("observation", {}), reward=payload.get("reward"), done=payload.get("done", False)
        )
        return StepResult(
            observation=observation, reward=payload.get("reward"), done=payload.get("done", False)
        )

    def _parse_state(self, payload: dict[str, Any]) -> ToolGymState:
        return ToolGymState(**payload)

    async def _send_and_receive(self, message: dict[str, Any]) -> dict[str, Any]:
        """Send and read the answer; the server's error answers become typed errors. A server at capacity
        answers the new session with an error and closes it, so the message may be waiting behind the
        close."""
        try:
            await self._send(message)
        except ConnectionClosed:
            pass  # the server closed the session; its last message (if any) says why
        try:
            response = await self._receive()
        except ConnectionClosed as exc:
            raise EnvServerError(f"the env server closed the session ({exc})") from exc
        if response.get("type") == "error":
            data = response.get("data", {})
            code = data.get("code", "UNKNOWN")
            text = f"{data.get('message', 'server error')} (code: {code})"
            raise ServerCapacityError(text) if code == "CAPACITY_REACHED" else EnvServerError(text)
        return response
