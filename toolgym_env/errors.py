"""Typed errors of toolgym_env, all in one place.

Tools raise :class:`ToolError` for domain failures (insufficient funds, unknown id); the tool hub is the one
boundary that turns any exception raised by a tool into an ``isError`` result. Misuse of the library (a bad
task file, an unknown app) raises the other errors here.
"""

from __future__ import annotations


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


class AppSpecError(ToolGymError):
    """An app declaration is inconsistent (duplicate tool, bad field type, ...)."""


class TaskFileError(ToolGymError, ValueError):
    """A task file or record is invalid; the message names the line and the field."""


class WorldError(ToolGymError):
    """The world database could not be built, restored or diffed."""


class LLMConfigError(ToolGymError, ValueError):
    """An LLM-backed feature was asked for without a usable model, endpoint or key."""
