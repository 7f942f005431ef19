"""Typed errors of toolgym_env, all in one place.

Tools raise :class:`ToolError` for domain failures (insufficient funds, unknown id); the tool hub is the one
boundary that turns any exception raised by a tool into an ``isError`` result, so inside an episode a failed
or malformed call is an error observation, never an exception. Misuse of the library (a bad keyword argument
to ``gym.make``, a bad reset option, an unknown task id, a bad task file, stepping a closed env) raises the
other errors here. Where a plain built-in error used to be raised, the typed one subclasses it, so an old
``except ValueError`` (or ``TypeError``, ``KeyError``) keeps working.
"""

from __future__ import annotations

from gymnasium.error import ClosedEnvironmentError


class ToolGymError(Exception):
    """Base class of every error raised by toolgym_env."""


class ToolError(ToolGymError):
    """A tool refused or failed a call for a domain reason; the message is shown to the agent."""


class UnknownToolError(ToolGymError, KeyError):
    """A tool name is not in the catalog."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "unknown tool"


class UnknownAppError(ToolGymError, KeyError):
    """An app name is not registered."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown app"


class AppSpecError(ToolGymError, ValueError):
    """An app declaration is inconsistent (duplicate tool, bad field type, a table without ``id``, ...)."""


class TaskFileError(ToolGymError, ValueError):
    """A task file or record is invalid; the message names the line and the field."""


class WorldError(ToolGymError):
    """The world database could not be built, restored or diffed."""


class LLMConfigError(ToolGymError, ValueError):
    """An LLM-backed feature was asked for without a usable model, endpoint or key."""


class EndpointError(ToolGymError, RuntimeError):
    """A model endpoint gave no usable reply, after the retries its policy allows: unreachable, timed out,
    rate limited, a server error, a malformed body or no choices. An infrastructure error, never the agent's.

    Attributes:
        kind: ``connection``, ``timeout``, ``rate_limit``, ``server_error``, ``http_error``,
            ``malformed_body`` or ``empty_reply``.
        attempts: requests made before giving up.
    """

    def __init__(self, message: str, *, kind: str = "connection", attempts: int = 1) -> None:
        super().__init__(message)
        self.kind, self.attempts = kind, attempts


class InvalidArgumentError(ToolGymError, ValueError):
    """A library call got an argument, option or setting it cannot use (an env keyword argument, a reset
    option, a wrapper or evaluation setting); the message names it and what is allowed."""


class UnknownArgumentError(InvalidArgumentError, TypeError):
    """A keyword argument or option name is not known (e.g. a misspelt ``gym.make`` keyword)."""


class UnknownTaskError(InvalidArgumentError, LookupError):
    """A task id (e.g. ``reset(options={"task_id": ...})``) is not in the env's tasks."""


class ExternalServerConfigError(InvalidArgumentError):
    """An external MCP server configuration is invalid (bad file, bad entry, a name clashing with a built-in
    app); the message names the server and the field."""


class ExternalServerError(ToolGymError, RuntimeError):
    """An external MCP server could not be started."""


class EnvServerError(ToolGymError, RuntimeError):
    """An env server (``toolgym serve-env``) refused or failed a request; the message is the server's, with
    its code (e.g. ``EXECUTION_ERROR`` for a reset with a bad config)."""


class ServerCapacityError(EnvServerError):
    """An env server already holds its ``--max-sessions`` sessions: retry later, or use another server."""


class EnvClosedError(ToolGymError, ClosedEnvironmentError):
    """The env was used after :meth:`close` (which released its world, MCP session and servers)."""
