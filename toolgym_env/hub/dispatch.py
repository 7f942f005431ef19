"""The direct route: validate a call against the tool's schema, run it on the world, wrap the result.

This is the one boundary where exceptions raised by tools become ``isError`` results; nothing a caller
sends can make it raise.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.spec import ToolSpec
from toolgym_env.errors import ToolError, UnknownToolError, WorldError
from toolgym_env.hub.catalog import Catalog
from toolgym_env.hub.result import ToolResult
from toolgym_env.world.database import World
from toolgym_env.world.tables import json_encoder

#: Largest accepted arguments payload (JSON characters); bigger inputs are refused, not executed.
MAX_ARGUMENT_CHARS = 32_768
#: ``json.dumps(value, ensure_ascii=False, allow_nan=False)`` without its per-call set-up (same text, same
#: errors): the text arguments are validated from (the env's parser makes it for dict arguments, once).
encode_object = json_encoder(ensure_ascii=False, allow_nan=False)


def encode_arguments(arguments: Any) -> tuple[str | None, str | None]:
    """``(json_text, None)`` for acceptable arguments, ``(None, error message)`` otherwise."""
    if arguments is None:
        return "{}", None
    if isinstance(arguments, str):
        if len(arguments) > MAX_ARGUMENT_CHARS:
            return None, f"Arguments too large: {len(arguments)} characters (limit {MAX_ARGUMENT_CHARS})."
        text = arguments.strip() or "{}"
        try:
            value = json.loads(text)
        except (ValueError, RecursionError) as exc:
            return None, f"Arguments are not valid JSON: {str(exc)[:200]}"
        if not isinstance(value, dict):
            return None, f"Arguments must be a JSON object, got {type(value).__name__}."
        return text, None
    if not isinstance(arguments, dict):
        return None, f"Arguments must be an object (dict or JSON string), got {type(arguments).__name__}."
    try:
        text = encode_object(arguments)
    except (TypeError, ValueError, RecursionError) as exc:
        return None, f"Arguments are not JSON-serializable: {str(exc)[:200]}"
    if len(text) > MAX_ARGUMENT_CHARS:
        return None, f"Arguments too large: {len(text)} characters (limit {MAX_ARGUMENT_CHARS})."
    return text, None


def describe_validation_error(tool: ToolSpec, exc: ValidationError) -> str:
    """A short message naming each bad argument and what was expected (the first one imports jsonschema,
    ~4 MB that a process whose calls are all valid never loads)."""
    from toolgym_env.hub.schema_check import invalid_arguments_message

    problems = [
        f"{'.'.join(str(p) for p in err['loc']) or '(arguments)'}: {err['msg']}"
        for err in exc.errors(include_url=False)[:6]
    ]
    return invalid_arguments_message(tool.qualified_name, problems, tool.input_schema)


class DirectRoute:
    """Calls tools in-process on a world (the fast default route)."""

    def __init__(
        self, catalog: Catalog, world: World, ensure: Callable[[World, str], None] | None = None
    ) -> None:
        self.catalog = catalog
        self.world = world
        self._ensure = ensure
        self._contexts: dict[str, ToolContext] = {}

    def call(self, name: Any, arguments: Any = None, encoded: str | None = None) -> ToolResult:
        """Run one call; every failure comes back as an ``isError`` result. ``encoded``: the JSON text of
        ``arguments`` (a dict) when the caller made it already, with :func:`encode_object`."""
        if not isinstance(name, str):
            return ToolResult.error(f"Tool name must be a string, got {type(name).__name__}.")
        tool = self.catalog.tools.get(name)
        if tool is None:
            return ToolResult.error(self.catalog.unknown_message(name))
        if encoded is not None and len(encoded) <= MAX_ARGUMENT_CHARS:
            text = encoded
        else:
            text, problem = encode_arguments(arguments)
            if problem is not None:
                return ToolResult.error(f"{name}: {problem}")
        model = tool.args_model
        try:  # model_validate_json(...).model_dump(), through the model's own validator and serializer
            parsed = model.__pydantic_validator__.validate_json(text, strict=True)
        except ValidationError as exc:
            return ToolResult.error(describe_validation_error(tool, exc))
        return self.execute(tool, model.__pydantic_serializer__.to_python(parsed))

    def execute(self, tool: ToolSpec, kwargs: dict[str, Any]) -> ToolResult:
        """Run an already-validated call (loading the tool's app into the world first if needed)."""
        ctx = self._contexts.get(tool.app)
        if ctx is None:
            ctx = self._contexts[tool.app] = ToolContext(self.world, self.catalog.apps[tool.app])
        if self._ensure is not None:
            self._ensure(self.world, tool.app)
        try:
            if tool.read_only:
                data = tool.fn(ctx, **kwargs)
            else:
                with self.world.atomic():
                    data = tool.fn(ctx, **kwargs)
        except ToolError as exc:
            return ToolResult.error(str(exc))
        except (UnknownToolError, WorldError) as exc:
            return ToolResult.error(str(exc))
        except Exception as exc:  # broad: the one boundary where a bug in any tool becomes an error
            return ToolResult.error(f"Internal error in {tool.qualified_name}: {type(exc).__name__}: {exc}")
        return ToolResult.ok(data)
