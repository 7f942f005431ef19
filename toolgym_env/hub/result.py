"""The result of a tool call, in the shape of MCP's ``CallToolResult``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: Results longer than this are cut (ToolGym cuts at the same length).
MAX_RESULT_CHARS = 30_000


@dataclass(frozen=True, slots=True)
class ToolResult:
    """``content`` text, ``structured`` content and ``is_error``, as MCP's ``CallToolResult`` carries them."""

    text: str
    structured: dict[str, Any] | None = None
    is_error: bool = False

    @classmethod
    def ok(cls, data: dict[str, Any]) -> ToolResult:
        """A successful result; the text content is the JSON of ``data`` (cut at ``MAX_RESULT_CHARS``)."""
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if len(text) > MAX_RESULT_CHARS:
            text = text[:MAX_RESULT_CHARS] + "…[truncated]"
        return cls(text, data, False)

    @classmethod
    def error(cls, message: str) -> ToolResult:
        """A failed call; ``message`` says what went wrong and is shown to the agent."""
        return cls(message, None, True)

    def to_mcp(self) -> dict[str, Any]:
        """The MCP wire form (``content``, ``structuredContent``, ``isError``)."""
        out: dict[str, Any] = {"content": [{"type": "text", "text": self.text}], "isError": self.is_error}
        if self.structured is not None:
            out["structuredContent"] = self.structured
        return out

    @classmethod
    def from_mcp(cls, data: dict[str, Any]) -> ToolResult:
        """Rebuild from the MCP wire form (text blocks are joined)."""
        text = "".join(b.get("text", "") for b in data.get("content", []) if b.get("type") == "text")
        return cls(text, data.get("structuredContent"), bool(data.get("isError", False)))
