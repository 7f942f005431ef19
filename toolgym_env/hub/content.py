"""MCP content blocks as observation text: nothing dropped without a trace.

Text blocks are kept (one per line); images and audio become a typed placeholder with their MIME type and size
(the data itself can be kept aside, for ``info``); embedded resources show their text, or a placeholder for
binary ones; resource links are listed with their URI. An unknown block type still leaves a placeholder.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any


def decoded_size(data: str) -> int:
    """The number of bytes a base64 string decodes to (0 for invalid base64).

    Example:
        >>> decoded_size("aGVsbG8=")
        5
    """
    try:
        return len(base64.b64decode(data, validate=True))
    except (binascii.Error, ValueError):
        return 0


def _media(kind: str, mime: str, data: str, keep: bool, uri: str | None = None) -> tuple[str, dict[str, Any]]:
    size = decoded_size(data)
    item: dict[str, Any] = {"type": kind, "mimeType": mime, "bytes": size}
    if uri:
        item["uri"] = uri
    if keep:
        item["data"] = data
    where = f" {uri}" if uri else ""
    return f"[{kind}{where}: {mime}, {size:,} bytes]", item


def render_block(block: dict[str, Any], keep_media: bool = False) -> tuple[str, dict[str, Any] | None]:
    """One content block (MCP wire names) as ``(text, media item or None)``.

    Example:
        >>> render_block({"type": "image", "mimeType": "image/png", "data": "aGVsbG8="})
        ('[image: image/png, 5 bytes]', {'type': 'image', 'mimeType': 'image/png', 'bytes': 5})
        >>> render_block({"type": "resource_link", "uri": "file:///a.txt", "name": "a.txt"})[0]
        '[resource link: a.txt <file:///a.txt>]'
    """
    kind = block.get("type")
    if kind == "text":
        return str(block.get("text", "")), None
    if kind in ("image", "audio"):
        return _media(
            kind,
            str(block.get("mimeType") or "application/octet-stream"),
            str(block.get("data", "")),
            keep_media,
        )
    if kind == "resource":
        res = block.get("resource") or {}
        uri, mime = str(res.get("uri", "")), res.get("mimeType")
        if "text" in res:
            head = f"[resource {uri}{f' ({mime})' if mime else ''}]"
            return f"{head}\n{res['text']}", None
        return _media(
            "resource", str(mime or "application/octet-stream"), str(res.get("blob", "")), keep_media, uri
        )
    if kind == "resource_link":
        label = block.get("title") or block.get("name") or ""
        mime = f" ({block['mimeType']})" if block.get("mimeType") else ""
        desc = f": {block['description']}" if block.get("description") else ""
        return f"[resource link: {label} <{block.get('uri', '')}>{mime}{desc}]", None
    return f"[{kind or 'unknown'} content]", None


def render_content(
    blocks: list[dict[str, Any]], keep_media: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """Every block rendered, joined by newlines, and the media items in block order.

    Example:
        >>> audio = {"type": "audio", "mimeType": "audio/wav", "data": ""}
        >>> render_content([{"type": "text", "text": "Here:"}, audio])
        ('Here:\\n[audio: audio/wav, 0 bytes]', [{'type': 'audio', 'mimeType': 'audio/wav', 'bytes': 0}])
    """
    parts, media = [], []
    for block in blocks:
        text, item = render_block(block if isinstance(block, dict) else {}, keep_media)
        parts.append(text)
        if item is not None:
            media.append(item)
    return "\n".join(parts), media
