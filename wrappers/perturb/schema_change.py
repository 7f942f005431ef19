"""Schema changes: a tool's parameter is renamed, or a new required parameter appears, mid-episode.

The tool's listing (``search_tools``, ``env.tool_schema``) shows the new schema from then on; a call in the
old shape fails with a message naming the change; a call in the new shape is translated back and runs
normally.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np

from toolgym_env.hub.result import ToolResult
from toolgym_env.wrappers.perturb.faults import compact

#: Realistic renames seen between API versions; other names get a suffix that keeps their meaning.
RENAMES = {
    "query": "search_query",
    "q": "query_text",
    "limit": "page_size",
    "page": "page_number",
    "cursor": "page_token",
    "offset": "start_index",
    "status": "state",
    "name": "display_name",
    "title": "headline",
    "email": "email_address",
    "amount": "amount_value",
    "to": "recipients",
    "subject": "subject_line",
    "body": "content",
    "date": "on_date",
    "description": "details",
    "filter": "filters",
    "changes": "updates",
    "id": "resource_id",
}
API_VERSION = "2026-11-01"


@dataclass(frozen=True)
class SchemaChange:
    """One tool's change: ``old`` renamed to ``new``, or required ``new`` added with the only value
    ``value``."""

    tool: str
    kind: str  # "rename" | "add"
    old: str
    new: str
    value: str = ""

    def describe(self) -> str:
        """The change in words."""
        if self.kind == "rename":
            return f"'{self.old}' was renamed to '{self.new}'"
        return f"new required parameter '{self.new}' (value '{self.value}')"

    def event(self) -> dict[str, Any]:
        """The change as event parameters."""
        return {
            "change": self.kind,
            "old_param": self.old,
            "new_param": self.new,
            **({"value": self.value} if self.value else {}),
        }


def _renamed(old: str, taken: set[str]) -> str:
    new = RENAMES.get(old)
    if new is None:
        new = (
            old[:-3] + "_ref"
            if old.endswith("_id")
            else old[:-2] + "Ref"
            if old.endswith("Id")
            else old + "_value"
        )
    while new in taken:
        new += "_v2"
    return new


def plan_change(tool: str, schema: dict[str, Any], arguments: Any, rng: np.random.Generator) -> SchemaChange:
    """Choose a change for ``tool``: rename a parameter the agent is using (when there is one), else require a
    new one."""
    props = schema.get("properties", {})
    used = sorted(k for k in arguments if k in props) if isinstance(arguments, dict) else []
    if used and rng.random() < 0.6:
        old = used[int(rng.integers(len(used)))]
        return SchemaChange(tool, "rename", old, _renamed(old, set(props)))
    new = "api_version" if "api_version" not in props else "client_version"
    return SchemaChange(tool, "add", "", new, API_VERSION)


def changed_schema(schema: dict[str, Any], change: SchemaChange) -> dict[str, Any]:
    """The input schema after ``change``."""
    out = copy.deepcopy(schema)
    props = out.get("properties", {})
    required = list(out.get("required", []))
    if change.kind == "rename":
        out["properties"] = {change.new if k == change.old else k: v for k, v in props.items()}
        out["required"] = [change.new if r == change.old else r for r in required]
        if not out["required"]:
            out.pop("required")
    else:
        out["properties"] = {
            **props,
            change.new: {
                "type": "string",
                "enum": [change.value],
                "description": "API version of this endpoint (required).",
            },
        }
        out["required"] = required + [change.new]
    return out


def schema_error(change: SchemaChange, schema: dict[str, Any], problem: str = "") -> ToolResult:
    """400: the call used the old shape."""
    lead = problem or f"the parameters of {change.tool} changed: {change.describe()}"
    return ToolResult.error(f"Error 400 (schema changed): {lead}. Current input schema: {compact(schema)}")


def translate(change: SchemaChange, arguments: Any, schema: dict[str, Any]) -> tuple[Any, ToolResult | None]:
    """The arguments in the tool's original shape, or the error a call in the old shape gets."""
    if not isinstance(arguments, dict):
        return arguments, None  # not an object: the tool's own validation answers
    if change.kind == "rename":
        if change.old in arguments and change.new not in arguments:
            return arguments, schema_error(change, schema)
        return {change.old if k == change.new else k: v for k, v in arguments.items()}, None
    if arguments.get(change.new) != change.value:
        problem = (
            f"{change.tool} requires '{change.new}' = '{change.value}' ({change.describe()})"
            if change.new in arguments
            else ""
        )
        return arguments, schema_error(change, schema, problem)
    return {k: v for k, v in arguments.items() if k != change.new}, None
