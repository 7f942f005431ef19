"""Where a local ``$ref`` (``#``, ``#/$defs/X``, ``#/definitions/X``, ``#/items/0``) points in a schema.

One reader of JSON pointers inside a tool's own schema, for both the offline OpenAI check (does a reference
resolve?) and the env's action sampler (what does it resolve to?).
"""

from __future__ import annotations

from typing import Any


def ref_target(root: Any, ref: Any, missing: Any = None) -> Any:
    """The node of ``root`` that the local reference ``ref`` names, or ``missing`` when it names none.

    A reference that is not a string or does not start with ``#`` names none; ``~1`` and ``~0`` in a part
    stand for ``/`` and ``~``, and a part that is a number indexes a list.

    Example:
        >>> schema = {"$defs": {"pt": {"type": "array"}}, "prefixItems": [{"type": "number"}]}
        >>> ref_target(schema, "#/$defs/pt"), ref_target(schema, "#/prefixItems/0")
        ({'type': 'array'}, {'type': 'number'})
        >>> ref_target(schema, "#/$defs/nowhere", missing={})
        {}
    """
    if not isinstance(ref, str) or not ref.startswith("#"):
        return missing
    node: Any = root
    for part in [p for p in ref[1:].split("/") if p]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return missing
    return node
