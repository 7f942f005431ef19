"""Validating call arguments against a tool's JSON Schema (Draft 2020-12, common formats checked), with the
messages built-in tools give.

Built-in tools validate with pydantic; external servers only publish a JSON Schema. :class:`ArgumentCheck`
checks arguments against that schema before anything is sent and words each problem as pydantic does
(``to: Field required``, ``x: Extra inputs are not permitted``), so an agent reads the same messages whichever
kind of tool it called. Like a built-in tool, an object schema that lists its ``properties`` refuses keys it
does not list unless it says otherwise (``additionalProperties``, ``patternProperties``).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import SchemaError, ValidationError
from referencing.exceptions import Unresolvable

FORMATS = FormatChecker()
_RFC3339 = re.compile(r"^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")
_HOST = re.compile(
    r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?)*$"
)


@FORMATS.checks("date-time")
def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        return False
    try:
        _dt.datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
    except ValueError:
        return False
    return True


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.match(value))


@FORMATS.checks("hostname")
def _is_hostname(value: object) -> bool:
    return not isinstance(value, str) or bool(_HOST.match(value))


_TYPE_WORDS = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "array": "array",
    "object": "object",
    "null": "null",
}


def _loc(path: Any) -> str:
    return ".".join(str(p) for p in path) or "(arguments)"


def _join_or(values: list[Any]) -> str:
    shown = [repr(v) for v in values[:12]]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def _message(err: ValidationError) -> tuple[str, str]:
    """``(location, message)`` of one jsonschema error, worded as pydantic words it."""
    kind, value, loc = err.validator, err.validator_value, _loc(err.absolute_path)
    if kind == "type":
        kinds = value if isinstance(value, list) else [value]
        return loc, "Input should be a valid " + " or ".join(_TYPE_WORDS.get(k, str(k)) for k in kinds)
    if kind == "enum":
        return loc, f"Input should be {_join_or(list(value))}"
    if kind == "const":
        return loc, f"Input should be {value!r}"
    words = {
        "minLength": f"String should have at least {value} character{'s' * (value != 1)}",
        "maxLength": f"String should have at most {value} character{'s' * (value != 1)}",
        "minimum": f"Input should be greater than or equal to {value}",
        "maximum": f"Input should be less than or equal to {value}",
        "exclusiveMinimum": f"Input should be greater than {value}",
        "exclusiveMaximum": f"Input should be less than {value}",
        "minItems": f"List should have at least {value} item{'s' * (value != 1)}",
        "maxItems": f"List should have at most {value} item{'s' * (value != 1)}",
        "pattern": f"String should match pattern '{value}'",
        "format": f"Input should be a valid {value}",
        "uniqueItems": "List items should be unique",
        "multipleOf": f"Input should be a multiple of {value}",
    }
    if kind in words:
        return loc, words[kind]
    if kind in ("anyOf", "oneOf"):
        return loc, f"Input should match {'one' if kind == 'oneOf' else 'at least one'} of the allowed shapes"
    return loc, err.message[:200]


def _open_keys(schema: dict[str, Any]) -> bool:
    """Whether an object schema says it takes keys beyond its ``properties``."""
    extra = schema.get("additionalProperties", None)
    return (
        (extra is not None and extra is not False)
        or "patternProperties" in schema
        or "unevaluatedProperties" in schema
        or any(k in schema for k in ("$ref", "allOf", "anyOf", "oneOf"))
    )


class ArgumentCheck:
    """The problems of an arguments object under one tool's input schema (none: the call may be sent).

    The draft is the schema's ``$schema`` (Draft 2020-12 when it names none). A schema that is not valid JSON
    Schema, or that refers outside itself, cannot be checked: :attr:`usable` is
    then false and every call goes through unchecked (the server still answers).

    Example:
        >>> check = ArgumentCheck({"type": "object", "properties": {"city": {"type": "string"},
        ...     "units": {"enum": ["metric", "imperial"]}}, "required": ["city"]})
        >>> for problem in check.problems({"units": "kelvin", "zip": 1}):
        ...     print(problem)
        city: Field required
        units: Input should be 'metric' or 'imperial'
        zip: Extra inputs are not permitted
        >>> check.problems({"city": "Oslo"})
        []
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema if isinstance(schema, dict) else {}
        cls = validators.validator_for(
            self.schema, default=Draft202012Validator
        )  # a "$schema" draft is honoured
        try:
            cls.check_schema(self.schema)
            self.usable = True
        except SchemaError:
            self.usable = False
        self._validator = cls(self.schema, format_checker=FORMATS)
        self._closed = isinstance(self.schema.get("properties"), dict) and not _open_keys(self.schema)

    def problems(self, arguments: dict[str, Any], limit: int = 6) -> list[str]:
        """Each problem as ``"location: message"`` (missing fields, then wrong values, then unknown keys)."""
        if not self.usable:
            return []
        found: list[tuple[int, str, str]] = []
        try:
            for err in self._validator.iter_errors(arguments):
                if err.validator == "required":
                    base = _loc(err.absolute_path)
                    for name in err.validator_value:
                        if isinstance(err.instance, dict) and name not in err.instance:
                            found.append(
                                (0, name if base == "(arguments)" else f"{base}.{name}", "Field required")
                            )
                elif err.validator == "additionalProperties":
                    props = err.schema.get("properties", {})
                    for key in err.instance:
                        if key not in props:
                            found.append(
                                (2, _loc([*err.absolute_path, key]), "Extra inputs are not permitted")
                            )
                else:
                    found.append((1, *_message(err)))
        except Unresolvable:
            return []
        if self._closed and isinstance(arguments, dict):
            known = set(self.schema["properties"]) | set(self.schema.get("required") or [])
            found += [(2, str(k), "Extra inputs are not permitted") for k in arguments if k not in known]
        seen, out = set(), []
        for _, loc, msg in sorted(found, key=lambda f: f[0]):
            if (loc, msg) not in seen:
                seen.add((loc, msg))
                out.append(f"{loc}: {msg}")
        return out[:limit]


def type_name(prop: dict[str, Any]) -> str:
    """The short type of a property for the "Expected:" summary (``string``, ``array``, ``any``)."""
    kind = prop.get("type") if isinstance(prop, dict) else None
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None and isinstance(prop, dict):
        for key in ("anyOf", "oneOf"):
            alts = [a for a in prop.get(key, []) if isinstance(a, dict) and a.get("type") != "null"]
            if alts:
                return type_name(alts[0])
        if "enum" in prop:
            return "enum"
    return str(kind) if kind else "any"


def expected_summary(schema: dict[str, Any]) -> str:
    """``"to (array, required), cc (array)"``: every parameter with its type, or ``"no arguments"``."""
    props = schema.get("properties", {}) if isinstance(schema, dict) else {}
    required = set(schema.get("required", [])) if isinstance(schema, dict) else set()
    return (
        ", ".join(
            f"{n} ({type_name(p)}{', required' if n in required else ''})"
            for n, p in (props.items() if isinstance(props, dict) else [])
        )
        or "no arguments"
    )


def invalid_arguments_message(tool_name: str, problems: list[str], schema: dict[str, Any]) -> str:
    """The one wording of a schema violation, for built-in and external tools alike."""
    return (
        f"Invalid arguments for {tool_name}: "
        + "; ".join(problems)
        + f". Expected: {expected_summary(schema)}."
    )
