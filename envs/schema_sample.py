"""Random JSON values valid under a tool's input schema, for ``action_space.sample()``.

Covers what real MCP servers publish (see the schema corpus test): ``$ref`` into ``$defs``/``definitions``
(recursive ones bounded by depth), ``allOf`` (merged), ``anyOf``/``oneOf`` (a non-null branch; ``oneOf`` draws
again when a value matches several), ``enum``/``const``, nullable type lists, numeric bounds (exclusive ones,
``multipleOf``), strings with ``pattern``, lengths or a common ``format`` (date-time, date, time, email, uri,
uuid, ipv4, ipv6, hostname), arrays with tuple-form ``items`` or ``prefixItems``, ``uniqueItems`` and length
bounds, and objects whose ``required`` names keys without a schema. All randomness comes from the numpy
generator passed in.
"""

from __future__ import annotations

import string
from typing import Any

import numpy as np

from toolgym_env.envs.regex_sample import sample_regex
from toolgym_env.hub.schema_refs import ref_target

MAX_DEPTH = 4  # below this, optional properties and array items are no longer drawn
_ALNUM = list(string.ascii_lowercase + string.digits)
#: Keywords the draw itself cannot guarantee: a schema using one is validated and drawn again when needed.
HARD_KEYWORDS = frozenset(
    {
        "oneOf",
        "not",
        "uniqueItems",
        "if",
        "dependentRequired",
        "dependentSchemas",
        "minProperties",
        "maxProperties",
        "contains",
        "patternProperties",
        "propertyNames",
        "multipleOf",
        "format",
        "$ref",
        "allOf",
        "prefixItems",
        "unevaluatedProperties",
    }
)


def _pick(rng: np.random.Generator, options: list[Any]) -> Any:
    return options[int(rng.integers(len(options)))]


def _word(rng: np.random.Generator, n: int) -> str:
    return "".join(rng.choice(_ALNUM, size=n)) if n > 0 else ""


def sample_format(fmt: str, rng: np.random.Generator) -> str | None:
    """A random string in a common JSON Schema ``format`` (``None`` for a format not known here).

    Example:
        >>> sample_format("email", np.random.default_rng(0)).endswith("@example.com")
        True
    """

    def r(lo: int, hi: int) -> int:
        return int(rng.integers(lo, hi + 1))

    date = f"{r(2000, 2030):04d}-{r(1, 12):02d}-{r(1, 28):02d}"
    clock = f"{r(0, 23):02d}:{r(0, 59):02d}:{r(0, 59):02d}"
    if fmt == "date-time":
        return f"{date}T{clock}Z"
    if fmt == "date":
        return date
    if fmt == "time":
        return f"{clock}Z"
    if fmt in ("email", "idn-email"):
        return f"{_word(rng, 6)}@example.com"
    if fmt in ("uri", "url", "iri", "uri-reference", "iri-reference"):
        return f"https://example.com/{_word(rng, 8)}"
    if fmt == "uuid":
        h = rng.bytes(16).hex()
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"
    if fmt == "ipv4":
        return ".".join(str(r(1, 254)) for _ in range(4))
    if fmt == "ipv6":
        return ":".join(f"{r(0, 65535):x}" for _ in range(8))
    if fmt in ("hostname", "idn-hostname"):
        return f"{_word(rng, 6)}.example.com"
    if fmt == "duration":
        return f"P{r(1, 30)}D"
    if fmt == "regex":
        return "^[a-z]+$"
    return None


class SchemaSampler:
    """Draws values valid under ``root`` (the schema ``$ref`` pointers resolve in).

    Example:
        >>> point = {"type": "array", "items": [{"type": "number"}, {"type": "number"}], "minItems": 2}
        >>> schema = {"type": "object", "$defs": {"pt": point}, "properties": {"at": {"$ref": "#/$defs/pt"}},
        ...           "required": ["at"]}
        >>> value = SchemaSampler(schema).sample(np.random.default_rng(0))
        >>> len(value["at"]), all(isinstance(v, float) for v in value["at"])
        (2, True)
    """

    def __init__(self, root: Any) -> None:
        self.root = root if isinstance(root, dict) else {}

    def resolve(self, ref: str) -> Any:
        """The sub-schema a local ``$ref`` (``#``, ``#/$defs/X``, ``#/definitions/X``) points to (``{}`` if
        not)."""
        return ref_target(self.root, ref, missing={})

    def merged(self, schema: dict[str, Any], hops: int = 0) -> dict[str, Any]:
        """``schema`` with ``$ref`` and ``allOf`` folded in (properties and ``required`` united)."""
        if "$ref" in schema and hops < 20:
            target = self.resolve(schema["$ref"])
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            schema = _merge(self.merged(target, hops + 1) if isinstance(target, dict) else {}, rest)
        if isinstance(schema.get("allOf"), list) and hops < 20:
            out = {k: v for k, v in schema.items() if k != "allOf"}
            for part in schema["allOf"]:
                if isinstance(part, dict):
                    out = _merge(out, self.merged(part, hops + 1))
            schema = out
        return schema

    def sample(self, rng: np.random.Generator, schema: Any = None, depth: int = 0) -> Any:
        """A random value valid under ``schema`` (the root by default)."""
        schema = self.root if schema is None else schema
        if not isinstance(schema, dict):
            return "x" if schema is not False else None
        if "$ref" in schema or "allOf" in schema:
            schema = self.merged(schema)
        if "enum" in schema and isinstance(schema["enum"], list) and schema["enum"]:
            return _pick(rng, schema["enum"])
        if "const" in schema:
            return schema["const"]
        for key in ("anyOf", "oneOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                alts = [
                    a for a in schema[key] if not (isinstance(a, dict) and a.get("type") == "null")
                ] or schema[key]
                base = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
                alt = _pick(rng, alts)
                return self.sample(
                    rng, _merge(base, self.merged(alt)) if isinstance(alt, dict) else alt, depth + 1
                )
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"] or ["null"]
            kind = _pick(rng, kinds)
        if kind is None:
            kind = _infer_type(schema)
        return getattr(self, f"_{kind}", self._object)(schema, rng, depth)

    def _null(self, schema: dict[str, Any], rng: np.random.Generator, depth: int) -> None:
        return None

    def _boolean(self, schema: dict[str, Any], rng: np.random.Generator, depth: int) -> bool:
        return bool(rng.integers(2))

    def _integer(self, schema: dict[str, Any], rng: np.random.Generator, depth: int) -> int:
        lo, hi = _bounds(schema, integer=True)
        step = schema.get("multipleOf")
        if isinstance(step, (int, float)) and step > 0 and float(step).is_integer():
            step = int(step)
            first, last = -(-lo // step), hi // step
            if first <= last:
                return int(rng.integers(first, last + 1)) * step
        return int(rng.integers(lo, hi + 1))

    def _number(self, schema: dict[str, Any], rng: np.random.Generator, depth: int) -> float | int:
        step = schema.get("multipleOf")
        if isinstance(step, (int, float)) and step > 0:
            lo, hi = _bounds(schema, integer=False)
            first, last = int(np.ceil(lo / step)), int(np.floor(hi / step))
            if first <= last:
                if float(step).is_integer():
                    return int(rng.integers(first, last + 1)) * int(step)
                for _ in range(
                    10
                ):  # a multiple whose quotient is exact in floating point (validators divide)
                    value = round(int(rng.integers(first, last + 1)) * step, 10)
                    if (value / step).is_integer():
                        return value
                return first * step if first == 0 else round(first * step, 10)
        lo, hi = _bounds(schema, integer=False)
        value = round(float(rng.uniform(lo, hi)), 2)
        if (
            not lo <= value <= hi
            or (value == lo and "exclusiveMinimum" in schema)
            or (value == hi and "exclusiveMaximum" in schema)
        ):
            value = (lo + hi) / 2
        return value

    def _string(self, schema: dict[str, Any], rng: np.random.Generator, depth: int) -> str:
        if isinstance(schema.get("pattern"), str):
            return sample_regex(schema["pattern"], rng)
        lo = int(schema.get("minLength", 0))
        top = schema.get("maxLength")
        fmt = sample_format(schema["format"], rng) if isinstance(schema.get("format"), str) else None
        if fmt is not None and len(fmt) >= lo and (top is None or len(fmt) <= top):
            return fmt
        hi = min(int(top if top is not None else lo + 12), lo + 12)
        n = int(rng.integers(max(lo, 1), max(hi, lo, 1) + 1)) if hi > 0 else 0
        return _word(rng, n)

    def _array(self, schema: dict[str, Any], rng: np.random.Generator, depth: int) -> list[Any]:
        prefix = schema.get("prefixItems")
        items = schema.get("items", {"type": "string"})
        if isinstance(items, list):  # the tuple form of drafts 4-7
            prefix, items = items, schema.get("additionalItems", False)
        prefix = prefix if isinstance(prefix, list) else []
        lo = int(schema.get("minItems", 0))
        hi = min(int(schema.get("maxItems", lo + 3)), lo + 3)
        count = max(
            int(rng.integers(lo, max(hi, lo) + 1)) if depth < MAX_DEPTH else lo, len(prefix) if lo else 0
        )
        if items is False:
            count = min(count, len(prefix)) if prefix else 0
        if prefix and depth < MAX_DEPTH:
            count = max(count, len(prefix))
        out = []
        for i in range(count):
            sub = (
                prefix[i] if i < len(prefix) else (items if items not in (True, None) else {"type": "string"})
            )
            value = self.sample(rng, sub, depth + 1)
            if schema.get("uniqueItems") and value in out:
                for _ in range(5):
                    value = self.sample(rng, sub, depth + 1)
                    if value not in out:
                        break
                else:
                    if len(out) >= lo:
                        break
            out.append(value)
        return out

    def _object(self, schema: dict[str, Any], rng: np.random.Generator, depth: int) -> dict[str, Any]:
        props = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
        required = (
            [r for r in schema.get("required", []) if isinstance(r, str)]
            if isinstance(schema.get("required"), list)
            else []
        )
        out = {}
        for name, sub in props.items():
            if name in required or (depth < MAX_DEPTH and rng.random() < 0.5):
                out[name] = self.sample(rng, sub, depth + 1)
        for name in required:  # required keys without a schema of their own
            if name not in out:
                extra = schema.get("additionalProperties")
                out[name] = self.sample(
                    rng, extra if isinstance(extra, dict) else {"type": "string"}, depth + 1
                )
        return out


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    out = {**a, **b}
    if isinstance(a.get("properties"), dict) and isinstance(b.get("properties"), dict):
        out["properties"] = {**a["properties"], **b["properties"]}
    if isinstance(a.get("required"), list) and isinstance(b.get("required"), list):
        out["required"] = list(dict.fromkeys(a["required"] + b["required"]))
    return out


def _infer_type(schema: dict[str, Any]) -> str:
    """The type a schema without ``type`` implies by its keywords (an object by default)."""
    if any(k in schema for k in ("items", "prefixItems", "minItems", "maxItems")):
        return "array"
    if any(k in schema for k in ("pattern", "minLength", "maxLength", "format")):
        return "string"
    if any(k in schema for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")):
        return "number"
    return "object"


def _bounds(schema: dict[str, Any], integer: bool) -> tuple[Any, Any]:
    """``(lo, hi)`` inclusive bounds from ``minimum``/``maximum`` and their exclusive forms (draft 4 booleans
    too)."""
    lo, hi = schema.get("minimum"), schema.get("maximum")
    ex_lo, ex_hi = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    eps = 1 if integer else 0.01
    if isinstance(ex_lo, bool):  # draft 4: a flag on minimum
        ex_lo = lo if ex_lo else None
    if isinstance(ex_hi, bool):
        ex_hi = hi if ex_hi else None
    if isinstance(ex_lo, (int, float)):
        lo = max(lo, ex_lo + eps) if isinstance(lo, (int, float)) else ex_lo + eps
    if isinstance(ex_hi, (int, float)):
        hi = min(hi, ex_hi - eps) if isinstance(hi, (int, float)) else ex_hi - eps
    if integer:
        lo = int(np.ceil(lo)) if isinstance(lo, (int, float)) else None
        hi = int(np.floor(hi)) if isinstance(hi, (int, float)) else None
        lo = lo if lo is not None else (0 if hi is None or hi >= 0 else hi - 100)
        hi = hi if hi is not None else lo + 100
        return lo, max(hi, lo)
    lo = float(lo) if isinstance(lo, (int, float)) else (0.0 if hi is None or hi >= 0 else float(hi) - 1000.0)
    hi = float(hi) if isinstance(hi, (int, float)) else lo + 1000.0
    return lo, max(hi, lo)


def sample_from_schema(schema: dict[str, Any], rng: np.random.Generator, depth: int = 0) -> Any:
    """A random JSON value valid under ``schema`` (see the module docstring for what is covered).

    Example:
        >>> sample_from_schema({"type": "object", "properties": {"n": {"type": "integer", "maximum": -5}},
        ...                     "required": ["n"]}, np.random.default_rng(0))["n"] <= -5
        True
    """
    return SchemaSampler(schema).sample(rng, schema, depth)
