"""The result of a tool call, in the shape of MCP's ``CallToolResult``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from toolgym_env.world.tables import json_encoder

#: Results longer than this are cut (ToolGym cuts at the same length).
MAX_RESULT_CHARS = 30_000
#: What follows a cut result, so the agent knows there was more.
TRUNCATION_MARKER = "…[truncated]"


_compact = json_encoder(ensure_ascii=False, separators=(",", ":"))


def compact_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, separators=(",", ":"))``, the same text, without the per-call
    set-up of ``json.dumps`` (a tool result is encoded at every step).

    Example:
        >>> compact_json({"a": [1, 2.5, None], "b": "é"})
        '{"a":[1,2.5,null],"b":"é"}'
    """
    return _compact(data)


def cap_text(text: str) -> str:
    """``text`` cut at :data:`MAX_RESULT_CHARS` with :data:`TRUNCATION_MARKER` appended when it is longer.

    Example:
        >>> len(cap_text("x" * 40_000)) == MAX_RESULT_CHARS + len(TRUNCATION_MARKER)
        True
    """
    return text[:MAX_RESULT_CHARS] + TRUNCATION_MARKER if len(text) > MAX_RESULT_CHARS else text


@dataclass(frozen=True, slots=True)
class ToolResult:
    """``content`` text, ``structured`` content and ``is_error``, as MCP's ``CallToolResult`` carries them.

    ``media`` lists the non-text blocks of an external server's result (images, audio, binary resources) as
    ``{"type", "mimeType", "bytes"}`` (plus ``"data"``, base64, when the caller asked to keep them); the text
    holds a placeholder for each.
    """

    text: str
    structured: dict[str, Any] | None = None
    is_error: bool = False
    media: tuple[dict[str, Any], ...] = ()

    @classmethod
    def ok(cls, data: dict[str, Any]) -> ToolResult:
        """A successful result; the text content is the JSON of ``data`` (cut at ``MAX_RESULT_CHARS``)."""
        return cls(cap_text(compact_json(data)), data, False)

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
    def from_mcp(cls, data: dict[str, Any], keep_media: bool = False) -> ToolResult:
        """Rebuild from the MCP wire form: every content block rendered (see
        :func:`~toolgym_env.hub.content.render_content`), the text capped like a built-in result.

        Example:
            >>> blocks = [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]
            >>> ToolResult.from_mcp({"content": blocks}).text
            'a\\nb'
        """
        from toolgym_env.hub.content import render_content

        blocks = data.get("content") or []
        structured = data.get("structuredContent")
        text, media = render_content(blocks, keep_media)
        if not blocks and structured is not None:
            text = json.dumps(structured, ensure_ascii=False, separators=(",", ":"))
        return cls(cap_text(text), structured, bool(data.get("isError", False)), tuple(media))
