"""The MCP route: every call goes through a real MCP client session (in-memory transport).

The ``mcp`` client is async; this route keeps one event loop in a daemon thread, enters the client in one
task there, and submits calls to it. It is created lazily, after any fork, and closed with the env.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

from mcp import Client

from toolgym_env.hub.catalog import Catalog
from toolgym_env.hub.dispatch import encode_arguments
from toolgym_env.hub.mcp_server import build_server
from toolgym_env.hub.result import ToolResult
from toolgym_env.world.database import World


class McpRoute:
    """Calls tools through an MCP session to a server over ``world`` (same results as the direct route).

    Example:
        >>> from toolgym_env.universe import Universe
        >>> u = Universe.core()
        >>> route = McpRoute(u.catalog, u.build_world(0))
        >>> route.call("weather__get_current_weather", {"city": "Atlantis"}).is_error
        True
        >>> route.close()
    """

    def __init__(
        self,
        catalog: Catalog,
        world: World,
        timeout_s: float = 30.0,
        ensure: Callable[[World, str], None] | None = None,
    ) -> None:
        self.catalog = catalog
        self.timeout_s = timeout_s
        self._server = build_server(catalog, world, ensure=ensure)
        self._loop = asyncio.new_event_loop()
        self._client: Client | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="toolgym-mcp", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout_s) or self._error is not None:
            raise RuntimeError(f"MCP session failed to start: {self._error!r}")

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._hold_session())
        self._loop.close()

    async def _hold_session(self) -> None:
        self._stop = asyncio.Event()
        try:
            async with Client(self._server) as client:
                self._client = client
                self._ready.set()
                await self._stop.wait()
        except BaseException as exc:  # broad: any end of the session (cancelled too) wakes the constructor
            self._error = exc
            self._ready.set()

    def call(self, name: Any, arguments: Any = None) -> ToolResult:
        """Run one call through the MCP session; failures come back as ``isError`` results."""
        if not isinstance(name, str):
            return ToolResult.error(f"Tool name must be a string, got {type(name).__name__}.")
        text, problem = encode_arguments(arguments)
        if problem is not None:
            return ToolResult.error(f"{name}: {problem}")
        import json

        args = json.loads(text)
        future = asyncio.run_coroutine_threadsafe(self._client.call_tool(name, args), self._loop)
        try:
            result = future.result(self.timeout_s)
        except Exception as exc:  # broad: any transport failure (timeout, MCP, anyio, validation) is data
            return ToolResult.error(f"MCP call to {name} failed: {type(exc).__name__}: {exc}")
        return ToolResult.from_mcp(result.model_dump(by_alias=True, mode="json", exclude_none=True))

    def close(self) -> None:
        """End the session and stop the loop thread."""
        if self._thread.is_alive() and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(5)
