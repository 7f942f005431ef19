"""User-configured MCP servers (stdio, Streamable HTTP, SSE), their tools namespaced ``server__tool`` and held
to the built-in tools' contract.

A call is checked before anything is sent: the same size limits as built-in tools, then the tool's input
schema (:mod:`toolgym_env.hub.schema_check`, the same wording of each problem). Every content block of the
answer is rendered (:mod:`toolgym_env.hub.content`) and the text capped with the built-in marker; structured
content is checked against the tool's output schema by the MCP client. Lifecycles are bounded: a crashed or
hung server is restarted (a timed-out call restarts it), relaunches back off and stop after ``max_restarts``
failures in a row ("server X is down"), start-up errors name their cause and the server's last stderr lines,
and the servers stop on :meth:`ExternalServers.close`, when the object is garbage-collected, or at interpreter
exit.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import difflib
import json
import logging
import os
import sys
import threading
import weakref
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import anyio
import httpx2
from mcp import Client, StdioServerParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.shared.exceptions import MCPError
from mcp.types import CONNECTION_CLOSED, REQUEST_TIMEOUT, ListRootsResult, Root

from toolgym_env.cache import cache_dir
from toolgym_env.errors import ExternalServerConfigError, ExternalServerError
from toolgym_env.hub.dispatch import encode_arguments
from toolgym_env.hub.external_config import SERVER_NAME, ServerConfig, load_mcp_config
from toolgym_env.hub.result import ToolResult
from toolgym_env.hub.schema_check import ArgumentCheck, invalid_arguments_message

__all__ = [
    "SERVER_NAME",
    "ExternalServerConfigError",
    "ExternalServerError",
    "ExternalServers",
    "ExternalTool",
    "ServerConfig",
    "load_mcp_config",
]

log = logging.getLogger(__name__)
_BROKEN = (
    anyio.ClosedResourceError,
    anyio.BrokenResourceError,
    anyio.EndOfStream,
    OSError,
    httpx2.TransportError,
)
#: Why a listed tool is left out of the catalog (the client does not offer what it needs).
NEEDS_TASKS = "needs task-augmented execution (MCP tasks), which this client does not offer"
DECLINED = ("sampling", "elicitation")  # client capabilities never offered: such requests are declined
STDERR_TAIL_LINES = 5


@dataclass(frozen=True)
class ExternalTool:
    """A tool listed by an external server; ``name`` is the server's own name for it."""

    server: str
    name: str
    description: str
    input_schema: dict[str, Any]
    output_schema: dict[str, Any] | None
    annotations: dict[str, Any]
    check: ArgumentCheck = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "check", ArgumentCheck(self.input_schema))

    @property
    def qualified_name(self) -> str:
        """The catalog name, ``f"{server}__{name}"``."""
        return f"{self.server}__{self.name}"

    def mcp_record(self) -> dict[str, Any]:
        """The MCP ``Tool`` record (wire names) under the qualified name, marked as external."""
        out = {"outputSchema": self.output_schema} if self.output_schema is not None else {}
        return {
            "name": self.qualified_name,
            "description": self.description,
            "inputSchema": self.input_schema,
            **out,
            "annotations": dict(self.annotations),
            "_meta": {"toolgym/external": self.server, "toolgym/resettable": False},
        }


def _leaves(exc: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups: the real causes an anyio task group wraps."""
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for sub in exc.exceptions for leaf in _leaves(sub)]
    return [exc]


def describe_exception(exc: BaseException) -> str:
    """``"Type: message"`` of each real cause, exception groups unwrapped.

    Example:
        >>> describe_exception(ExceptionGroup("unhandled errors in a TaskGroup", [ConnectionError("closed")]))
        'ConnectionError: closed'
    """
    parts = [f"{type(e).__name__}: {e}" if str(e) else type(e).__name__ for e in _leaves(exc)]
    return "; ".join(dict.fromkeys(parts[:3]))


@contextlib.asynccontextmanager
async def _http_transport(url: str, headers: dict[str, str], timeout_s: float) -> AsyncIterator[Any]:
    """Streamable HTTP streams over an HTTP client that sends ``headers``."""
    http = create_mcp_http_client(headers=headers, timeout=httpx2.Timeout(timeout_s, read=300.0))
    async with http, streamable_http_client(url, http_client=http) as streams:
        yield streams


class _Conn:
    """One session, held open by one task (entered and exited there, as anyio requires)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, delay: float, log_offset: int) -> None:
        self.ready: asyncio.Future[tuple[Client, list[Any]]] = loop.create_future()
        self.stop = asyncio.Event()
        self.task: asyncio.Task[None] | None = None
        self.delay = delay
        self.log_offset = log_offset

    def drop(self) -> None:
        """End the session, or abandon a launch still in progress."""
        self.stop.set()
        if not self.ready.done() and self.task is not None:
            self.task.cancel()


class _Server:
    """The state of one configured server: its session, restart count, failures in a row, and whether it is
    down."""

    def __init__(
        self, name: str, config: ServerConfig, start_timeout_s: float | None, errlog: TextIO | None
    ) -> None:
        self.name, self.config = name, config
        self.start_timeout_s = start_timeout_s or config.start_timeout_s
        self.conn: _Conn | None = None
        self.restarts = 0
        self.failures = 0
        self.down: str | None = None
        self.log_path: Path | None = None
        self._errlog = errlog
        self._opened: TextIO | None = None

    def errlog(self) -> TextIO:
        """Where the child's stderr goes (opened on first use; a log file unless configured otherwise)."""
        if self._errlog is not None:
            return self._errlog
        if self._opened is None:
            dest = self.config.stderr
            if dest == "inherit":
                return sys.__stderr__ or sys.stderr
            path = (
                Path(os.devnull)
                if dest == "devnull"
                else cache_dir() / "logs" / f"mcp-{self.name}.log"
                if dest == "log"
                else Path(dest).expanduser()
            )
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._opened = open(path, "a", encoding="utf-8")  # noqa: SIM115  (closed with the runtime)
                self.log_path = None if dest == "devnull" else path
            except OSError:
                self._opened = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        return self._opened

    def log_size(self) -> int:
        """The current length of the stderr log (where the next launch's lines start)."""
        self.errlog()
        try:
            return self.log_path.stat().st_size if self.log_path else 0
        except OSError:
            return 0

    def stderr_tail(self, offset: int) -> str:
        """The last lines the server wrote to its stderr log since ``offset`` (empty when not logged)."""
        if self.log_path is None:
            return ""
        try:
            with open(self.log_path, "rb") as fh:
                fh.seek(offset)
                text = fh.read()[-8000:].decode("utf-8", "replace")
        except OSError:
            return ""
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()][-STDERR_TAIL_LINES:]
        return " | ".join(lines)[-600:]

    def close_log(self) -> None:
        """Close the log file this object opened."""
        if self._opened is not None:
            self._opened.close()
            self._opened = None


class _Runtime:
    """The event-loop thread and the servers' sessions. It holds no reference to :class:`ExternalServers`, so
    the facade can be garbage-collected while the thread runs (its finalizer then closes this)."""

    def __init__(
        self,
        configs: Mapping[str, ServerConfig],
        start_timeout_s: float | None,
        errlog: TextIO | None,
        keep_media: bool,
    ) -> None:
        self.pid = os.getpid()
        self.keep_media = keep_media
        self.servers = {n: _Server(n, c, start_timeout_s, errlog) for n, c in configs.items()}
        self.tools: dict[str, ExternalTool] = {}
        self.skipped: dict[str, str] = {}
        self.tasks: set[asyncio.Task[None]] = set()
        self.closed = False
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="toolgym-ext", daemon=True)
        self.thread.start()

    def submit(self, coro: Any) -> concurrent.futures.Future[Any]:
        """Run ``coro`` on the loop thread."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    # --- sessions -------------------------------------------------------------------------------------------
    def _client(self, st: _Server) -> Client:
        cfg = st.config
        kwargs: dict[str, Any] = {"mode": cfg.protocol}
        if cfg.roots:
            roots = [
                Root(uri=Path(d).expanduser().resolve().as_uri(), name=Path(d).name or d) for d in cfg.roots
            ]

            async def list_roots(context: Any) -> ListRootsResult:
                return ListRootsResult(roots=roots)

            kwargs["list_roots_callback"] = list_roots
        if cfg.type == "stdio":
            env = {"PATH": os.environ.get("PATH", os.defpath), **cfg.env}
            params = StdioServerParameters(command=cfg.command or "", args=cfg.args, env=env, cwd=cfg.cwd)
            return Client(stdio_client(params, errlog=st.errlog()), **kwargs)
        if cfg.type == "sse":
            return Client(
                sse_client(cfg.url or "", headers=cfg.resolved_headers(), timeout=st.start_timeout_s),
                **kwargs,
            )
        return Client(_http_transport(cfg.url or "", cfg.resolved_headers(), st.start_timeout_s), **kwargs)

    def launch(self, st: _Server, delay: float = 0.0) -> _Conn:
        """Start a session task for ``st`` (after ``delay`` seconds); must run on the loop thread."""
        conn = st.conn = _Conn(self.loop, delay, st.log_size())
        conn.task = self.loop.create_task(self._hold(st, conn))
        self.tasks.add(conn.task)
        conn.task.add_done_callback(self.tasks.discard)
        return conn

    async def _hold(self, st: _Server, conn: _Conn) -> None:
        try:
            if conn.delay:
                await asyncio.sleep(conn.delay)
            async with self._client(st) as client:
                listed, cursor = [], None
                while True:
                    page = await client.list_tools(cursor=cursor)
                    listed += page.tools
                    if not (cursor := page.next_cursor):
                        break
                st.failures = 0
                conn.ready.set_result((client, listed))
                await conn.stop.wait()
        except BaseException as exc:  # broad: the waiters hear of any failure; non-Exceptions are re-raised
            if not conn.ready.done():
                conn.ready.set_exception(ConnectionError(self._cause(st, conn, exc)))
                conn.ready.exception()  # retrieved: no "never retrieved" log for a dropped launch
            if not isinstance(exc, Exception):
                raise

    def _cause(self, st: _Server, conn: _Conn, exc: BaseException | None) -> str:
        why = describe_exception(exc) if exc is not None else f"no answer in {st.start_timeout_s:g} s"
        tail = st.stderr_tail(conn.log_offset)
        return why + (f"; its last stderr lines: {tail}" if tail else "")

    async def start_all(self) -> None:
        """Launch every server, wait for each to list its tools, and build the tool table."""
        conns = {name: self.launch(st) for name, st in self.servers.items()}
        for name, conn in conns.items():
            st = self.servers[name]
            try:
                _, listed = await asyncio.wait_for(asyncio.shield(conn.ready), st.start_timeout_s)
            except TimeoutError:
                raise ExternalServerError(
                    f"MCP server {name!r} failed to start: {self._cause(st, conn, None)}"
                ) from None
            except ConnectionError as exc:
                raise ExternalServerError(f"MCP server {name!r} failed to start: {exc}") from None
            for t in listed:
                ann = t.annotations.model_dump(by_alias=True, exclude_none=True) if t.annotations else {}
                tool = ExternalTool(name, t.name, t.description or "", t.input_schema, t.output_schema, ann)
                support = t.execution.task_support if t.execution is not None else None
                if support == "required":
                    self.skipped[tool.qualified_name] = NEEDS_TASKS
                else:
                    self.tools[tool.qualified_name] = tool

    async def stop_all(self) -> None:
        """End every session (each child is shut down and reaped)."""
        for st in self.servers.values():
            if st.conn is not None:
                st.conn.drop()
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=15)
        await asyncio.get_running_loop().shutdown_asyncgens()

    # --- calls ----------------------------------------------------------------------------------------------
    def _relaunch(self, st: _Server, conn: _Conn, delay: float) -> None:
        if st.conn is conn:  # concurrent failures of one session relaunch it once
            conn.drop()
            self.launch(st, delay)
            st.restarts += 1

    def _launch_failed(self, st: _Server, conn: _Conn, cause: str) -> ToolResult:
        if st.conn is not conn:
            return ToolResult.error(f"MCP server {st.name!r} is being restarted; try again.")
        conn.drop()
        st.failures += 1
        limit = st.config.max_restarts
        if st.failures > limit:
            st.down, st.conn = cause, None
            log.warning("MCP server %r is down: %s", st.name, cause)
            return ToolResult.error(self.down_message(st))
        delay = st.config.restart_backoff_s * 2 ** (st.failures - 1)
        self.launch(st, delay)
        st.restarts += 1
        return ToolResult.error(
            f"MCP server {st.name!r} could not be relaunched ({cause}); trying again in "
            f"{delay:g} s (failed relaunch {st.failures} of {limit} allowed)."
        )

    def down_message(self, st: _Server) -> str:
        """What a call to a server that was given up on answers."""
        return (
            f"MCP server {st.name!r} is down: gave up after {st.failures} failed relaunch"
            f"{'es' * (st.failures != 1)} (last error: {st.down}). Its tools cannot be used now."
        )

    async def call(self, st: _Server, tool: ExternalTool, arguments: dict[str, Any]) -> ToolResult:
        """One call through ``st``'s session; every failure is an ``is_error`` result."""
        name, timeout = tool.qualified_name, st.config.timeout_s
        conn = st.conn
        if st.down is not None or conn is None:
            return ToolResult.error(self.down_message(st))
        try:
            client, _ = await asyncio.wait_for(asyncio.shield(conn.ready), conn.delay + st.start_timeout_s)
        except TimeoutError:
            return self._launch_failed(st, conn, self._cause(st, conn, None))
        except ConnectionError as exc:
            return self._launch_failed(st, conn, str(exc))
        try:
            result = await client.call_tool(tool.name, arguments, read_timeout_seconds=timeout)
        except MCPError as exc:
            if exc.code == REQUEST_TIMEOUT:  # a hung server: its session is replaced, the next call is fast
                self._relaunch(st, conn, 0.0)
                return ToolResult.error(
                    f"{name}: the call timed out after {timeout:g} s; MCP server {st.name!r} "
                    "is being restarted."
                )
            if exc.code == CONNECTION_CLOSED:
                return self._crashed(st, conn, name, exc)
            return ToolResult.error(f"{name}: {exc.message}")
        except _BROKEN as exc:
            return self._crashed(st, conn, name, exc)
        except (
            RuntimeError,
            ValueError,
        ) as exc:  # structured content off the output schema; a reply off protocol
            return ToolResult.error(f"{name}: {describe_exception(exc).splitlines()[0]}")
        return ToolResult.from_mcp(
            result.model_dump(by_alias=True, mode="json", exclude_none=True),
            self.keep_media or st.config.keep_media,
        )

    def _crashed(self, st: _Server, conn: _Conn, name: str, exc: BaseException) -> ToolResult:
        self._relaunch(st, conn, 0.0)
        return ToolResult.error(
            f"{name}: MCP server {st.name!r} crashed ({describe_exception(exc)}) and is being "
            "restarted; try again."
        )

    # --- shutdown -------------------------------------------------------------------------------------------
    def close(self) -> None:
        """Stop every session and the loop thread (once; only in the process that started them)."""
        if self.closed or self.pid != os.getpid():
            return
        self.closed = True
        if threading.current_thread() is self.thread:  # collected on the loop thread itself: cannot wait here
            self.loop.call_soon(lambda: self.loop.create_task(self._stop_then_halt()))
            return
        try:
            self.submit(self.stop_all()).result(20)
        except (concurrent.futures.TimeoutError, RuntimeError):
            pass
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
            if not self.thread.is_alive():
                self.loop.close()
            for st in self.servers.values():
                st.close_log()

    async def _stop_then_halt(self) -> None:
        await self.stop_all()
        self.loop.stop()


class ExternalServers:
    """Sync facade over MCP servers: one event-loop thread, one session task per server.

    The servers start on first use (build the object before a fork, use it after; a forked child starts its
    own). They stop on :meth:`close`, when this object is garbage-collected, or at interpreter exit. After
    :meth:`close` the object cannot be used again. Disabled servers are skipped; tools that need a client
    capability this client does not offer are left out and listed in :attr:`skipped`.

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

    def __init__(
        self,
        configs: Mapping[str, ServerConfig],
        *,
        start_timeout_s: float | None = None,
        errlog: TextIO | None = None,
        keep_media: bool = False,
    ) -> None:
        """Args: configs by server name; start_timeout_s overrides each server's; errlog takes every child's
        stderr (instead of each server's ``stderr`` setting); keep_media keeps image/audio data in results."""
        self.configs = dict(configs)
        self.active = {n: c for n, c in self.configs.items() if not c.disabled}
        self.start_timeout_s = start_timeout_s
        self.keep_media = keep_media
        self._errlog = errlog
        self._lock = threading.Lock()
        self._runtime: _Runtime | None = None
        self._finalizer: weakref.finalize | None = None
        self._closed = False

    @property
    def servers(self) -> tuple[str, ...]:
        """The names of the servers in use (disabled ones left out)."""
        return tuple(self.active)

    @property
    def restarts(self) -> dict[str, int]:
        """How many times each server was relaunched."""
        rt = self._runtime
        return {n: (rt.servers[n].restarts if rt is not None else 0) for n in self.active}

    @property
    def skipped(self) -> dict[str, str]:
        """``{qualified name: why}`` of listed tools left out (they need a capability this client lacks)."""
        return dict(self._runtime.skipped) if self._runtime is not None else {}

    def down(self) -> dict[str, str]:
        """``{server: last error}`` of the servers given up on."""
        rt = self._runtime
        return {n: st.down for n, st in rt.servers.items() if st.down is not None} if rt is not None else {}

    def start(self) -> ExternalServers:
        """Launch every server and list its tools (idempotent; starts afresh in a forked child).

        Raises:
            ExternalServerError: a server failed to start or to list its tools (the message gives the cause
                and the server's last stderr lines), or this object was closed.
        """
        with self._lock:
            if self._closed:
                raise ExternalServerError(
                    "these external MCP servers were closed; create a new ExternalServers"
                )
            if self._runtime is not None and self._runtime.pid == os.getpid():
                return self
            rt = _Runtime(self.active, self.start_timeout_s, self._errlog, self.keep_media)
            try:
                rt.submit(rt.start_all()).result()
            except BaseException:  # broad: close the half-started runtime on any failure, then re-raise
                rt.close()
                raise
            self._runtime = rt
            self._finalizer = weakref.finalize(self, rt.close)
            if rt.skipped:
                log.warning(
                    "MCP tools left out: %s", "; ".join(f"{n} ({why})" for n, why in rt.skipped.items())
                )
        return self

    def close(self) -> None:
        """Stop every session (each child is shut down and reaped) and the loop thread; idempotent."""
        with self._lock:
            self._closed = True
            if self._finalizer is not None:
                self._finalizer()

    def report(self) -> str:
        """What was started: per server, its transport and tool count; tools left out and why; the client
        capabilities offered (roots, when configured) and declined."""
        self.start()
        rt = self._runtime
        assert rt is not None
        lines = []
        for name, cfg in self.configs.items():
            if cfg.disabled:
                lines.append(f"{name}: disabled")
                continue
            count = sum(t.server == name for t in rt.tools.values())
            roots = f", roots {cfg.roots}" if cfg.roots else ""
            lines.append(f"{name}: {cfg.type}, {count} tools{roots}")
        lines += [f"left out {n}: {why}" for n, why in rt.skipped.items()]
        lines.append(
            f"declined client capabilities: {', '.join(DECLINED)} (servers that ask get a clean refusal)"
        )
        return "\n".join(lines)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle only the settings (for spawned workers); the copy starts its own servers on first use."""
        return {
            "configs": self.configs,
            "start_timeout_s": self.start_timeout_s,
            "keep_media": self.keep_media,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(
            state["configs"],
            start_timeout_s=state["start_timeout_s"],  # type: ignore[misc]
            keep_media=state.get("keep_media", False),
        )

    def __enter__(self) -> ExternalServers:  # noqa: PYI034
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def tools(self) -> list[ExternalTool]:
        """Every usable external tool, in server then listing order (starts the servers if needed)."""
        self.start()
        assert self._runtime is not None
        return list(self._runtime.tools.values())

    def unknown_message(self, name: str) -> str:
        """Why ``name`` cannot be called, with close names among the external tools (fast: no catalog
        scan)."""
        rt = self._runtime
        if rt is not None and name in rt.skipped:
            return f"{name} is not available: it {rt.skipped[name]}."
        pool = list(rt.tools) if rt is not None else []
        server = name.split("__", 1)[0]
        pool = [n for n in pool if n.startswith(server + "__")] or pool
        close = difflib.get_close_matches(name[:200], pool, n=3, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else " Use search_tools to find tools."
        return f"Unknown external tool {name[:200]!r}.{hint}"

    def call(self, qualified_name: str, arguments: Any = None) -> ToolResult:
        """Call ``server__tool`` with arguments (a dict or a JSON-object string) checked first against the
        size limits and the tool's input schema; every failure is an ``is_error`` result (invalid arguments, a
        timeout, a crash and restart, a server given up on).

        Raises:
            ExternalServerError: the servers could not be started at all, or were closed.
        """
        self.start()
        rt = self._runtime
        assert rt is not None
        tool = rt.tools.get(qualified_name) if isinstance(qualified_name, str) else None
        if tool is None:
            return ToolResult.error(self.unknown_message(str(qualified_name)))
        text, problem = encode_arguments(arguments)
        if problem is not None:
            return ToolResult.error(f"{qualified_name}: {problem}")
        args = arguments if isinstance(arguments, dict) else json.loads(text)  # type: ignore[arg-type]
        problems = tool.check.problems(args)
        if problems:
            return ToolResult.error(invalid_arguments_message(qualified_name, problems, tool.input_schema))
        st = rt.servers[tool.server]
        future = rt.submit(rt.call(st, tool, args))
        wait = (
            st.config.timeout_s + st.start_timeout_s + st.config.restart_backoff_s * 2**st.config.max_restarts
        )
        try:
            return future.result(wait + 10)
        except concurrent.futures.TimeoutError:  # a safety net: the session's own timeout answers first
            future.cancel()
            return ToolResult.error(f"{qualified_name}: the call timed out after {st.config.timeout_s:g} s.")
