"""User-configured stdio MCP servers (``{"mcpServers": ...}``), their tools namespaced and called via MCP."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

import anyio
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import MCPError
from mcp.types import CONNECTION_CLOSED, REQUEST_TIMEOUT
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from toolgym_env.errors import ExternalServerConfigError, ExternalServerError
from toolgym_env.hub.result import ToolResult

SERVER_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_BROKEN = (anyio.ClosedResourceError, anyio.BrokenResourceError, anyio.EndOfStream, OSError)


class ServerConfig(BaseModel):
    """How to launch one stdio MCP server; ``timeout_s`` bounds each tool call."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["stdio"] = "stdio"
    command: str = Field(min_length=1)
    args: list[str] = []
    env: dict[str, str] = {}
    cwd: str | None = None
    timeout_s: float = Field(10.0, gt=0)


def load_mcp_config(source: str | os.PathLike[str] | Mapping[str, Any]) -> dict[str, ServerConfig]:
    """Read ``{"mcpServers": {name: {...}}}`` from a JSON file path or a dict.

    Raises:
        ExternalServerConfigError: unreadable file, bad JSON, bad server name or field
            (e.g. ``mcpServers.time.args: Input should be a valid list``).
    """
    where, data = ("", source) if isinstance(source, Mapping) else (f"{source}: ", None)
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8")) if data is None else data
    except (OSError, ValueError) as exc:
        raise ExternalServerConfigError(f"{where}cannot read MCP config: {exc}") from exc
    servers = data.get("mcpServers") if isinstance(data, Mapping) else None
    if not isinstance(servers, Mapping):
        raise ExternalServerConfigError(f"{where}mcpServers: expected an object of servers")
    out: dict[str, ServerConfig] = {}
    for name, raw in servers.items():
        if not isinstance(name, str) or not SERVER_NAME.match(name):
            raise ExternalServerConfigError(
                f"{where}mcpServers.{name}: server name must match {SERVER_NAME.pattern}")
        try:
            out[name] = ServerConfig.model_validate(raw)
        except ValidationError as exc:
            problems = (".".join(["mcpServers", name, *map(str, e["loc"])]) + ": " + e["msg"]
                        for e in exc.errors())
            raise ExternalServerConfigError(where + "; ".join(problems)) from None
    return out


@dataclass(frozen=True, slots=True)
class ExternalTool:
    """A tool listed by an external server; ``name`` is the server's own name for it."""

    server: str
    name: str
    description: str
    input_schema: dict[str, Any]
    output_schema: dict[str, Any] | None
    annotations: dict[str, Any]

    @property
    def qualified_name(self) -> str:
        """The catalog name, ``f"{server}__{name}"``."""
        return f"{self.server}__{self.name}"

    def mcp_record(self) -> dict[str, Any]:
        """The MCP ``Tool`` record (wire names) under the qualified name, marked as external."""
        out = {"outputSchema": self.output_schema} if self.output_schema is not None else {}
        return {"name": self.qualified_name, "description": self.description,
                "inputSchema": self.input_schema, **out, "annotations": dict(self.annotations),
                "_meta": {"toolgym/external": self.server, "toolgym/resettable": False}}


class _Conn:
    """One server session, held open by one task (entered and exited there, as anyio requires)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.ready: asyncio.Future[tuple[Client, list[Any]]] = loop.create_future()
        self.stop = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def drop(self) -> None:
        """End the session, or abandon a launch still in progress."""
        self.stop.set()
        if not self.ready.done() and self.task is not None:
            self.task.cancel()


class ExternalServers:
    """Sync facade over stdio MCP servers: one event-loop thread, one session task per server.

    The thread starts on first use (build the object before a fork, use it after). A call that finds its
    server dead returns an error result and restarts the server, so the next call works.

    Example:
        >>> import sys
        >>> configs = load_mcp_config({"mcpServers": {"time": {
        ...     "command": sys.executable, "args": ["-m", "mcp_server_time", "--local-timezone", "UTC"]}}})
        >>> with ExternalServers(configs) as ext:  # doctest: +SKIP
        ...     print([t.qualified_name for t in ext.tools()])
        ...     print(ext.call("time__get_current_time", {"timezone": "UTC"}).is_error)
        ['time__get_current_time', 'time__convert_time']
        False
    """

    def __init__(self, configs: Mapping[str, ServerConfig], *, start_timeout_s: float = 30.0,
                 errlog: TextIO | None = None) -> None:
        """Args: configs by server name; start_timeout_s per launch; errlog takes children's stderr."""
        self.configs = dict(configs)
        self.start_timeout_s = start_timeout_s
        self.restarts: dict[str, int] = dict.fromkeys(self.configs, 0)
        self._errlog = errlog
        self._lock = threading.Lock()
        self._pid: int | None = None  # the process that owns the loop thread and the children
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._conns: dict[str, _Conn] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._tools: dict[str, ExternalTool] = {}

    def start(self) -> ExternalServers:
        """Launch every server and list its tools (idempotent; starts afresh in a forked child).

        Raises:
            ExternalServerError: a server failed to start or to list its tools.
        """
        with self._lock:
            if self._pid == os.getpid():
                return self
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="toolgym-ext", daemon=True)
            self._thread.start()
            self._pid, self._conns, self._tasks, self._tools = os.getpid(), {}, set(), {}
            try:
                self._submit(self._start_all()).result()
            except BaseException:
                self._shutdown()
                raise
        return self

    def close(self) -> None:
        """Stop every session (each child is shut down and reaped) and the loop thread."""
        with self._lock:
            if self._pid == os.getpid():
                self._shutdown()

    def __getstate__(self) -> dict[str, Any]:
        """Pickle only the configs (for spawned workers); the copy starts its own servers on first use."""
        return {"configs": self.configs, "start_timeout_s": self.start_timeout_s}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["configs"], start_timeout_s=state["start_timeout_s"])  # type: ignore[misc]

    def __enter__(self) -> ExternalServers:  # noqa: PYI034
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _submit(self, coro: Any) -> Any:  # a concurrent.futures.Future
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def _shutdown(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            self._submit(self._stop_all()).result(self.start_timeout_s)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
            if not thread.is_alive():
                loop.close()
            self._pid, self._loop, self._thread, self._conns = None, None, None, {}

    def _launch(self, server: str) -> _Conn:
        conn = self._conns[server] = _Conn(loop := asyncio.get_running_loop())
        conn.task = loop.create_task(self._hold(server, conn))
        self._tasks.add(conn.task)
        conn.task.add_done_callback(self._tasks.discard)
        return conn

    async def _hold(self, server: str, conn: _Conn) -> None:
        cfg = self.configs[server]
        env = {"PATH": os.environ.get("PATH", os.defpath), **cfg.env}
        params = StdioServerParameters(command=cfg.command, args=cfg.args, env=env, cwd=cfg.cwd)
        errlog = self._errlog or sys.__stderr__ or sys.stderr
        try:
            async with Client(stdio_client(params, errlog=errlog)) as client:
                listed, cursor = [], None
                while True:
                    page = await client.list_tools(cursor=cursor)
                    listed += page.tools
                    if not (cursor := page.next_cursor):
                        break
                conn.ready.set_result((client, listed))
                await conn.stop.wait()
        except BaseException as exc:  # a failed launch goes to the waiters; a broken session ends quietly
            if not conn.ready.done():  # as a ConnectionError, so that a call relaunches the server
                conn.ready.set_exception(ConnectionError(f"launch failed: {type(exc).__name__}: {exc}"))
                conn.ready.exception()  # retrieved: no "never retrieved" log for a dropped launch
            if not isinstance(exc, Exception):
                raise

    async def _start_all(self) -> None:
        conns = {name: self._launch(name) for name in self.configs}
        for name, conn in conns.items():
            try:
                _, listed = await asyncio.wait_for(asyncio.shield(conn.ready), self.start_timeout_s)
            except Exception as exc:  # a ConnectionError from _hold, or TimeoutError
                why = str(exc) or f"no answer in {self.start_timeout_s:g} s"
                raise ExternalServerError(f"MCP server {name!r} failed to start: {why}") from exc
            for t in listed:
                ann = t.annotations.model_dump(by_alias=True, exclude_none=True) if t.annotations else {}
                tool = ExternalTool(name, t.name, t.description or "", t.input_schema, t.output_schema, ann)
                self._tools[tool.qualified_name] = tool

    async def _stop_all(self) -> None:
        for conn in self._conns.values():
            conn.drop()
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=self.start_timeout_s)
        await asyncio.get_running_loop().shutdown_asyncgens()

    def _restart(self, tool: ExternalTool, conn: _Conn, exc: BaseException) -> ToolResult:
        if self._conns.get(tool.server) is conn:  # concurrent failures of one session restart it once
            conn.drop()
            self._launch(tool.server)
            self.restarts[tool.server] += 1
        return ToolResult.error(f"{tool.qualified_name}: MCP server {tool.server!r} crashed "
                                f"({str(exc) or type(exc).__name__}) and is being restarted; try again.")

    async def _call(self, tool: ExternalTool, arguments: dict[str, Any]) -> ToolResult:
        conn, name = self._conns[tool.server], tool.qualified_name
        timeout = self.configs[tool.server].timeout_s
        try:
            client, _ = await asyncio.wait_for(asyncio.shield(conn.ready), self.start_timeout_s)
            result = await client.call_tool(tool.name, arguments, read_timeout_seconds=timeout)
        except MCPError as exc:
            if exc.code == REQUEST_TIMEOUT:
                return ToolResult.error(f"{name}: the call timed out after {timeout:g} s.")
            return self._restart(tool, conn, exc) if exc.code == CONNECTION_CLOSED else \
                ToolResult.error(f"{name}: {exc.message}")
        except _BROKEN as exc:  # incl. a failed or hung (re)launch
            return self._restart(tool, conn, exc)
        except Exception as exc:  # noqa: BLE001  (e.g. a reply off the protocol: data, not a crash)
            return ToolResult.error(f"{name}: MCP call failed: {type(exc).__name__}: {exc}")
        return ToolResult.from_mcp(result.model_dump(by_alias=True, mode="json", exclude_none=True))

    def tools(self) -> list[ExternalTool]:
        """Every external tool, in server then listing order (starts the servers if needed)."""
        self.start()
        return list(self._tools.values())

    def call(self, qualified_name: str, arguments: dict[str, Any] | None = None) -> ToolResult:
        """Call ``server__tool``; every failure of the call is an ``is_error`` result (a timeout says so; a
        crash says so and restarts the server for the next call).

        Raises:
            ExternalServerError: the servers could not be started at all.
        """
        self.start()
        tool = self._tools.get(qualified_name) if isinstance(qualified_name, str) else None
        if tool is None:
            return ToolResult.error(f"Unknown external tool {qualified_name!r}.")
        arguments = {} if arguments is None else arguments
        if not isinstance(arguments, dict):
            return ToolResult.error(f"{qualified_name}: arguments must be an object, not "
                                    f"{type(arguments).__name__}.")
        timeout = self.configs[tool.server].timeout_s
        future = self._submit(self._call(tool, arguments))
        try:
            return future.result(timeout + self.start_timeout_s + 5)
        except TimeoutError:  # a safety net: the session's own timeout answers first
            future.cancel()
            return ToolResult.error(f"{qualified_name}: the call timed out after {timeout:g} s.")
