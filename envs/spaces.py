"""Spaces of ToolGym: free text, and tool calls whose ``sample()`` returns schema-valid random calls."""

from __future__ import annotations

import string
from typing import Any

import numpy as np
from gymnasium import spaces

from toolgym_env.envs.actions import parse_action
from toolgym_env.envs.regex_sample import sample_regex
from toolgym_env.hub.dispatch import encode_arguments

_PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " "


class AnyText(spaces.Text):
    """A ``Text`` space that holds any Unicode string up to ``max_length`` (Gymnasium's ``Text`` only holds
    its charset, which by default excludes spaces). ``sample()`` draws printable ASCII.

    Example:
        >>> AnyText(100).contains("Send the invoice to Zoë, please.")
        True
    """

    def __init__(self, max_length: int, *, min_length: int = 0, seed: int | np.random.Generator | None = None):
        super().__init__(max_length, min_length=min_length, charset=_PRINTABLE, seed=seed)

    def contains(self, x: Any) -> bool:
        """Any ``str`` whose length lies in ``[min_length, max_length]``."""
        return isinstance(x, str) and self.min_length <= len(x) <= self.max_length

    def __repr__(self) -> str:
        return f"AnyText({self.min_length}, {self.max_length})"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, AnyText) and (self.min_length, self.max_length) == (other.min_length, other.max_length)


def sample_from_schema(schema: dict[str, Any], rng: np.random.Generator, depth: int = 0) -> Any:
    """A random JSON value valid under ``schema`` (the subset of JSON Schema tool schemas use)."""
    if "enum" in schema:
        options = schema["enum"]
        return options[int(rng.integers(len(options)))]
    if "const" in schema:
        return schema["const"]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            alts = [a for a in schema[key] if a.get("type") != "null"] or schema[key]
            return sample_from_schema(alts[int(rng.integers(len(alts)))], rng, depth + 1)
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"] or ["null"]
        kind = kinds[int(rng.integers(len(kinds)))]
    if kind == "null":
        return None
    if kind == "boolean":
        return bool(rng.integers(2))
    if kind == "integer":
        lo = int(schema.get("minimum", schema.get("exclusiveMinimum", -1) + 1 if "exclusiveMinimum" in schema else 0))
        hi = int(schema.get("maximum", schema.get("exclusiveMaximum", 101) - 1 if "exclusiveMaximum" in schema else lo + 100))
        return int(rng.integers(lo, hi + 1))
    if kind == "number":
        lo = float(schema.get("minimum", 0.0))
        hi = float(schema.get("maximum", lo + 1000.0))
        return round(float(rng.uniform(lo, hi)), 2)
    if kind == "string":
        if "pattern" in schema:
            return sample_regex(schema["pattern"], rng)
        lo = int(schema.get("minLength", 0))
        hi = min(int(schema.get("maxLength", lo + 12)), lo + 12)
        n = int(rng.integers(max(lo, 1), max(hi, lo, 1) + 1)) if hi > 0 else 0
        chars = rng.choice(list(string.ascii_lowercase + string.digits), size=n)
        return "".join(chars)
    if kind == "array":
        item = schema.get("items", {"type": "string"})
        lo = int(schema.get("minItems", 0))
        hi = min(int(schema.get("maxItems", lo + 3)), lo + 3)
        count = int(rng.integers(lo, max(hi, lo) + 1)) if depth < 4 else lo
        return [sample_from_schema(item, rng, depth + 1) for _ in range(count)]
    props = schema.get("properties", {})
    required = set(schema.get("required", []))
    out = {}
    for name, sub in props.items():
        if name in required or (depth < 4 and rng.random() < 0.5):
            out[name] = sample_from_schema(sub, rng, depth + 1)
    return out


class ToolCallSpace(spaces.Space[dict]):
    """Actions are tool calls: ``{"name": str, "arguments": dict}``, the arguments also as a JSON string, or the
    whole call as a JSON string (the forms ``step`` accepts, see :func:`~toolgym_env.envs.actions.parse_action`).

    ``contains`` is true for exactly the calls ``step`` treats as well-formed: a known tool name and arguments
    that are an object (absent, a dict, or a JSON-object string), within the size and depth limits and
    JSON-serializable. Whether the argument *values* satisfy the tool's schema is the tool's business: ``step``
    answers invalid values with an error observation, like any tool error. ``sample()`` picks a tool uniformly
    and draws arguments valid under its input schema. The env itself accepts anything and answers malformed
    calls with an error observation.

    Example:
        >>> space = ToolCallSpace({"ping": {"type": "object", "properties": {}}}, seed=0)
        >>> space.sample()
        {'name': 'ping', 'arguments': {}}
        >>> space.contains('{"name": "ping", "arguments": "{}"}'), space.contains({"name": "pong"})
        (True, False)
    """

    def __init__(self, schemas: dict[str, dict[str, Any]], seed: int | np.random.Generator | None = None):
        self.schemas = dict(schemas)
        self.names = tuple(self.schemas)
        super().__init__(shape=None, dtype=None, seed=seed)

    @property
    def is_np_flattenable(self) -> bool:
        """Tool calls cannot be flattened into arrays."""
        return False

    def sample(self, mask: Any = None, probability: Any = None) -> dict[str, Any]:
        """A random schema-valid call; ``mask`` may be a sequence of tool names to choose among."""
        names = tuple(mask) if mask is not None else self.names
        name = names[int(self.np_random.integers(len(names)))]
        return {"name": name, "arguments": sample_from_schema(self.schemas[name], self.np_random)}

    def contains(self, x: Any) -> bool:
        """A call ``step`` treats as well-formed: parsed as ``step`` parses it, a known name, object arguments."""
        name, arguments, problem = parse_action(x)
        return problem is None and name in self.schemas and encode_arguments(arguments)[1] is None

    def __repr__(self) -> str:
        return f"ToolCallSpace({len(self.names)} tools)"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, ToolCallSpace) and other.names == self.names
