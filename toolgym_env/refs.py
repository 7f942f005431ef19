"""``$ref`` references in a task's reference solution: ``{"$ref": "i.path.to.value"}`` stands for that
value of the result of the solution's call ``i``.

The oracle agent, the audit's trace, task validation and the state controller's interruptions (which replay
the solution on a scratch world) all resolve them. The format belongs to the task schema; this module
depends on nothing, so every layer can resolve references.
"""

from __future__ import annotations

from typing import Any


class RefError(LookupError):
    """A ``$ref`` path does not exist in the result it points to."""


def resolve_refs(value: Any, results: list[Any], strict: bool = True) -> Any:
    """Replace every ``{"$ref": "i.path.to.value"}`` in ``value`` by that value of ``results[i]``.

    A path that does not exist raises :class:`RefError`, or gives ``None`` when ``strict`` is false (an agent
    whose earlier call failed still sends its next call, which then fails on its own).

    Example:
        >>> resolve_refs({"id": {"$ref": "0.items.1.id"}}, [{"items": [{"id": "a"}, {"id": "b"}]}])
        {'id': 'b'}
        >>> resolve_refs({"$ref": "0.missing"}, [{}], strict=False) is None
        True
    """
    if isinstance(value, dict):
        if set(value) == {"$ref"}:
            step, *path = str(value["$ref"]).split(".")
            node = results[int(step)] if int(step) < len(results) else None
            for part in path:
                try:
                    node = node[int(part)] if isinstance(node, list) else node[part]
                except (KeyError, IndexError, ValueError, TypeError):
                    if not strict:
                        return None
                    raise RefError(f"$ref {value['$ref']!r}: no {part!r}") from None
            return node
        return {k: resolve_refs(v, results, strict) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_refs(v, results, strict) for v in value]
    return value
