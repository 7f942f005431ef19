"""JSON Schemas from Python type hints: argument models from signatures, cleaned for MCP tool records; models
and schemas built once, models on first use (:class:`Deferred`)."""

from __future__ import annotations

import copy
import inspect
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model
from pydantic.fields import FieldInfo

from toolgym_env.errors import AppSpecError

#: Configuration of every generated argument model: unknown arguments are errors, no type coercion.
ARGS_CONFIG = ConfigDict(extra="forbid", strict=True)


class Schema(BaseModel):
    """Base for nested argument and result objects declared by apps (strict, closed)."""

    model_config = ConfigDict(extra="forbid", strict=True)


_ARG_LINE = re.compile(r"^\s{2,}(\w+)(?:\s*\([^)]*\))?:\s*(.*)$")


def parse_docstring(doc: str | None) -> tuple[str, dict[str, str]]:
    """Split a Google-style docstring into (description, {param: description}).

    Example:
        >>> parse_docstring('''Send a message.
        ...
        ...     Args:
        ...         to: Who receives it.
        ...     ''')
        ('Send a message.', {'to': 'Who receives it.'})
    """
    if not doc:
        return "", {}
    text = inspect.cleandoc(doc)
    head, _, rest = text.partition("\nArgs:\n")
    params: dict[str, str] = {}
    current = None
    for line in rest.splitlines():
        if line and not line.startswith(" "):
            break  # the next section (Returns:, Raises:)
        m = _ARG_LINE.match(line)
        if m and len(line) - len(line.lstrip()) <= 4:
            current = m.group(1)
            params[current] = m.group(2).strip()
        elif current and line.strip():
            params[current] += " " + line.strip()
    description = " ".join(p.strip() for p in head.strip().split("\n") if p.strip())
    return description, params


def check_signature(fn: Callable[..., Any], skip: int = 1) -> list[tuple[inspect.Parameter, Any]]:
    """``(parameter, type hint)`` of ``fn``'s parameters after the first ``skip`` ones; ``TypeError`` when one
    has no hint (checked when a tool is declared; its model is built on first use)."""
    hints = inspect.get_annotations(fn, eval_str=True)
    out = []
    for param in list(inspect.signature(fn).parameters.values())[skip:]:
        if param.name not in hints:
            raise TypeError(f"{fn.__qualname__}: parameter {param.name!r} has no type hint")
        out.append((param, hints[param.name]))
    return out


def model_from_signature(name: str, fn: Callable[..., Any], skip: int = 1) -> type[BaseModel]:
    """A strict pydantic model of ``fn``'s parameters (after the first ``skip`` ones).

    Parameter descriptions come from ``Annotated[..., Field(description=...)]`` or from the docstring's
    ``Args:`` section.
    """
    _, doc_params = parse_docstring(fn.__doc__)
    fields: dict[str, Any] = {}
    for param, annotation in check_signature(fn, skip):
        default = ... if param.default is inspect.Parameter.empty else param.default
        info = Field(default=default, description=doc_params.get(param.name))
        fields[param.name] = (annotation, info)
    return create_model(name, __config__=ARGS_CONFIG, **fields)


def model_from_fields(name: str, fields: dict[str, tuple[Any, FieldInfo]]) -> type[BaseModel]:
    """A strict pydantic model from ``{name: (annotation, FieldInfo)}``."""
    return create_model(name, __config__=ARGS_CONFIG, **fields)


def _inline_refs(node: Any, defs: dict[str, Any], depth: int = 0) -> Any:
    if depth > 20:
        raise AppSpecError("schema nests too deeply (recursive model?)")
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            target = copy.deepcopy(defs[node["$ref"][len("#/$defs/") :]])
            extra = {k: v for k, v in node.items() if k != "$ref"}
            return _inline_refs({**target, **extra}, defs, depth + 1)
        return {k: _inline_refs(v, defs, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_refs(v, defs, depth + 1) for v in node]
    return node


def _strip_titles(node: Any, in_properties: bool = False) -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "title" and not in_properties and isinstance(v, str):
                continue
            out[k] = _strip_titles(v, in_properties=(k == "properties"))
        return out
    if isinstance(node, list):
        return [_strip_titles(v) for v in node]
    return node


def _simplify_optional(node: Any) -> Any:
    """``anyOf: [X, {type: null}]`` → X with ``"nullable"`` spelled as a type list where simple."""
    if isinstance(node, dict):
        node = {k: _simplify_optional(v) for k, v in node.items()}
        alts = node.get("anyOf")
        if isinstance(alts, list) and len(alts) == 2 and {"type": "null"} in alts:
            other = alts[0] if alts[1] == {"type": "null"} else alts[1]
            if isinstance(other.get("type"), str) and set(other) <= {
                "type",
                "format",
                "enum",
                "minimum",
                "maximum",
                "minLength",
                "maxLength",
                "pattern",
            }:
                rest = {k: v for k, v in node.items() if k != "anyOf"}
                merged = {**other, **rest, "type": [other["type"], "null"]}
                if "enum" in merged and None not in merged["enum"]:
                    merged["enum"] = [*merged["enum"], None]
                return merged
        return node
    if isinstance(node, list):
        return [_simplify_optional(v) for v in node]
    return node


def clean_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Make a pydantic JSON Schema read like a hand-written MCP schema: no titles, no ``$defs``."""
    defs = schema.get("$defs", {})
    body = {k: v for k, v in schema.items() if k != "$defs"}
    return _simplify_optional(_strip_titles(_inline_refs(body, defs)))


def input_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The MCP ``inputSchema`` of an argument model (always an object schema)."""
    schema = clean_schema(model.model_json_schema())
    schema.setdefault("properties", {})
    schema["type"] = "object"
    schema["additionalProperties"] = False
    return schema


def output_schema(annotation: Any) -> dict[str, Any]:
    """The MCP ``outputSchema`` of a return annotation (must describe a JSON object)."""
    schema = clean_schema(TypeAdapter(annotation).json_schema(mode="serialization"))
    if schema.get("type") != "object":
        raise TypeError(f"tool results must be objects, got schema {schema.get('type')!r}")
    return schema


_INPUT_SCHEMAS: dict[Any, dict[str, Any]] = {}
_OUTPUT_SCHEMAS: dict[Any, dict[str, Any]] = {}


def cached_input_schema(model: type[BaseModel]) -> dict[str, Any]:
    """``input_schema(model)``, computed once per model (JSON Schema generation dominates app loading)."""
    schema = _INPUT_SCHEMAS.get(model)
    if schema is None:
        schema = _INPUT_SCHEMAS[model] = input_schema(model)
    return schema


def cached_output_schema(annotation: Any) -> dict[str, Any]:
    """``output_schema(annotation)``, computed once per type."""
    schema = _OUTPUT_SCHEMAS.get(annotation)
    if schema is None:
        schema = _OUTPUT_SCHEMAS[annotation] = output_schema(annotation)
    return schema


class Deferred:
    """A value built by ``build()`` the first time :meth:`get` is called, then kept.

    A tool's argument and result models are deferred: pydantic models cost ~1 MB of memory per app, and a
    process needs those of the tools it calls only (catalog records come from the on-disk cache).

    Example:
        >>> box = Deferred(lambda: [1, 2])
        >>> box.get() is box.get()
        True
    """

    __slots__ = ("_build", "_value")

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build: Callable[[], Any] | None = build
        self._value: Any = None

    @property
    def built(self) -> bool:
        """Whether the value was built already."""
        return self._build is None

    def get(self) -> Any:
        """The value, built on the first call."""
        if self._build is not None:
            self._value, self._build = self._build(), None
        return self._value


_SIGNATURE_MODELS: dict[Any, Deferred] = {}


def signature_model(fn: Callable[..., Any]) -> Deferred:
    """The (deferred) argument model of an action function, one per function (products share functions);
    a parameter without a type hint fails here, when the tool is declared."""
    model = _SIGNATURE_MODELS.get(fn)
    if model is None:
        check_signature(fn)
        name = f"{fn.__module__.rsplit('.', 1)[-1]}_{fn.__name__}_args"
        model = _SIGNATURE_MODELS[fn] = Deferred(lambda: model_from_signature(name, fn))
    return model
