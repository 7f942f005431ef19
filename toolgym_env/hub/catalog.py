"""The catalog: every tool of a set of apps under its namespaced name, as MCP ``Tool`` records."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from toolgym_env.apps.spec import AppSpec, ToolSpec
from toolgym_env.errors import AppSpecError, UnknownToolError


class Catalog:
    """Tools of several apps, looked up by qualified name (``mail__send_email``)."""

    def __init__(self, apps: Iterable[AppSpec]) -> None:
        self.apps: dict[str, AppSpec] = {}
        self.tools: dict[str, ToolSpec] = {}
        for app in apps:
            if app.name in self.apps:
                raise AppSpecError(f"app {app.name!r} listed twice")
            self.apps[app.name] = app
            for tool in app.tools.values():
                self.tools[tool.qualified_name] = tool
        self.names: tuple[str, ...] = tuple(self.tools)

    def __len__(self) -> int:
        return len(self.tools)

    def __contains__(self, name: object) -> bool:
        return name in self.tools

    def __iter__(self) -> Iterator[ToolSpec]:
        return iter(self.tools.values())

    def get(self, name: str) -> ToolSpec:
        """The tool called ``name``; ``UnknownToolError`` (with close names) otherwise."""
        try:
            return self.tools[name]
        except KeyError:
            raise UnknownToolError(self.unknown_message(name)) from None

    def unknown_message(self, name: str) -> str:
        """A helpful message for a name that is not a tool."""
        import difflib

        close = difflib.get_close_matches(str(name), self.names, n=3, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else " Use search_tools to find tools."
        return f"Unknown tool '{str(name)[:200]}'.{hint}"

    def records(self) -> list[dict[str, Any]]:
        """All tools as MCP ``Tool`` records, in catalog order."""
        return [t.mcp_record() for t in self.tools.values()]

    def fingerprint(self) -> str:
        """A hash of every tool record: changes whenever a name, description or schema changes."""
        blob = json.dumps(self.records(), sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
