"""The ``{"mcpServers": ...}`` configuration of external MCP servers: local (stdio) and remote (HTTP, SSE).

The format is the one MCP clients share: a server has a ``command`` (with ``args``, ``env``, ``cwd``) to
launch over stdio, or a ``url`` (Streamable HTTP, or SSE with ``"type": "sse"``) with optional ``headers``
whose values may name environment variables (``"Bearer ${API_TOKEN}"``, expanded when connecting, never
stored); ``disabled`` servers are kept in the config but never started. ToolGym's own settings sit
beside them: per-call and start-up timeouts, where the server's stderr goes, the directories offered as MCP
roots, and how relaunches back off.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from toolgym_env.errors import ExternalServerConfigError

SERVER_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")
REMOTE_TYPES = ("http", "streamable-http", "sse")


def expand_env(value: str, environ: Mapping[str, str] | None = None) -> str:
    """``value`` with ``${VAR}`` / ``$VAR`` replaced from the environment.

    Raises:
        ExternalServerConfigError: a variable is not set.

    Example:
        >>> expand_env("Bearer ${TOKEN}", {"TOKEN": "abc"})
        'Bearer abc'
    """
    env = os.environ if environ is None else environ

    def sub(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2)
        if name not in env:
            raise ExternalServerConfigError(f"environment variable {name} is not set")
        return env[name]

    return _VAR.sub(sub, value)


class ServerConfig(BaseModel):
    """How to reach one MCP server and how ToolGym treats it.

    ``type`` is inferred: ``"stdio"`` with a ``command``, ``"http"`` (Streamable HTTP) with a ``url``.
    ``stderr``: ``"log"`` (the default: ``<cache dir>/logs/mcp-<server>.log``), ``"inherit"`` (this process's
    stderr), ``"devnull"``, or a file path. ``max_restarts`` failed relaunches in a row (waiting
    ``restart_backoff_s``, doubled each time) and the server is given up on. ``protocol``: ``"auto"`` (probe
    for the newest MCP version, fall back to the initialize handshake) or ``"legacy"`` (the handshake only:
    the 2025 protocol, where roots, sampling and task-augmented tools exist). ``keep_media``: keep the base64
    data of images, audio and binary resources in results (``info["media"]`` in the env), not only their type
    and size.
    """

    model_config = ConfigDict(extra="forbid")

    type: Literal["stdio", "http", "streamable-http", "sse"] | None = None
    command: str | None = Field(None, min_length=1)
    args: list[str] = []
    env: dict[str, str] = {}
    cwd: str | None = None
    url: str | None = Field(None, pattern=r"^https?://")
    headers: dict[str, str] = {}
    disabled: bool = False
    timeout_s: float = Field(10.0, gt=0)
    start_timeout_s: float = Field(30.0, gt=0)
    stderr: str = "log"
    roots: list[str] = []
    max_restarts: int = Field(3, ge=0)
    restart_backoff_s: float = Field(0.5, ge=0)
    protocol: Literal["auto", "legacy"] = "auto"
    keep_media: bool = False

    @model_validator(mode="after")
    def _one_transport(self) -> ServerConfig:
        if (self.command is None) == (self.url is None):
            raise ValueError("give either 'command' (a local stdio server) or 'url' (a remote server)")
        kind = self.type or ("stdio" if self.command else "http")
        if kind == "stdio" and self.command is None:
            raise ValueError(f"type {kind!r} needs 'command'")
        if kind != "stdio" and self.url is None:
            raise ValueError(f"type {kind!r} needs 'url'")
        if self.url is not None and (self.args or self.env or self.cwd):
            raise ValueError("'args', 'env' and 'cwd' are for stdio servers, not for a 'url'")
        if self.command is not None and self.headers:
            raise ValueError("'headers' are for remote servers (a 'url'), not for a 'command'")
        self.type = kind
        return self

    @property
    def remote(self) -> bool:
        """Whether the server is reached over the network (``url``) rather than launched."""
        return self.type in REMOTE_TYPES

    def resolved_headers(self) -> dict[str, str]:
        """The headers with environment variables expanded (call when connecting)."""
        return {k: expand_env(v) for k, v in self.headers.items()}


def load_mcp_config(source: str | os.PathLike[str] | Mapping[str, Any]) -> dict[str, ServerConfig]:
    """Read ``{"mcpServers": {name: {...}}}`` from a JSON file path or a dict (disabled servers included).

    Raises:
        ExternalServerConfigError: unreadable file, bad JSON, bad server name or field
            (e.g. ``mcpServers.time.args: Input should be a valid list``), or a header naming an unset
            variable.

    Example:
        >>> cfg = load_mcp_config({"mcpServers": {"docs": {"url": "http://127.0.0.1:9/mcp"}}})
        >>> cfg["docs"].type, cfg["docs"].remote
        ('http', True)
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
                f"{where}mcpServers.{name}: server name must match {SERVER_NAME.pattern}"
            )
        try:
            out[name] = ServerConfig.model_validate(raw)
        except ValidationError as exc:
            problems = (
                ".".join(["mcpServers", name, *map(str, e["loc"])])
                + ": "
                + e["msg"].removeprefix("Value error, ")
                for e in exc.errors()
            )
            raise ExternalServerConfigError(where + "; ".join(problems)) from None
        if not out[name].disabled:
            for key, value in out[name].headers.items():
                try:
                    expand_env(value)
                except ExternalServerConfigError as exc:
                    raise ExternalServerConfigError(
                        f"{where}mcpServers.{name}.headers.{key}: {exc}"
                    ) from None
    return out
