"""Per-domain tables of :class:`~toolgym_env.tasks.scenarios.intent.Intent`: one module per domain module of
:mod:`toolgym_env.apps.domains`, with the same name, holding ``INTENTS = {canonical action name: Intent}``,
and one per core app (``calendar``, ``bank``, …) keyed by tool name.

Example:
    >>> sorted(intents("helpdesk"))[:3]
    ['apply_macro', 'assign_ticket', 'bulk_update_tickets']
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from toolgym_env.errors import AppSpecError
from toolgym_env.tasks.scenarios.intent import Intent, check_intent


@cache
def intents(domain: str) -> dict[str, Intent]:
    """The intent table of a domain module (empty when the domain has none yet)."""
    try:
        module = importlib.import_module(f"{__name__}.{domain}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{domain}":
            raise
        return {}
    return dict(module.INTENTS)


@cache
def action_tools(domain: str) -> dict[str, Any]:
    """``{canonical action: ToolSpec}`` of a domain's actions, as the first product builds them; for a core
    app (``calendar``, ``bank``, …), its actions by tool name, less the account tools."""
    from toolgym_env.apps import CORE_APPS, load_app
    from toolgym_env.apps.account import is_account_tool
    from toolgym_env.apps.domains import blueprint

    if domain in CORE_APPS:
        return {
            t.name: t
            for t in load_app(domain).tools.values()
            if t.op == "action" and not is_account_tool(t.name)
        }
    bp = blueprint(domain)
    app = bp.build(bp.products[0])
    by_fn = {tool.fn: tool for tool in app.tools.values()}
    return {act.kwargs["name"] or act.fn.__name__: by_fn[act.fn] for act in bp.actions if act.fn in by_fn}


def action_params(domain: str) -> dict[str, dict[str, bool]]:
    """``{canonical action: {parameter: required}}`` of a domain's actions, from the first product's
    schemas."""
    out: dict[str, dict[str, bool]] = {}
    for name, tool in action_tools(domain).items():
        schema: dict[str, Any] = tool.input_schema
        required = set(schema.get("required", []))
        out[name] = {p: p in required for p in schema.get("properties", {})}
    return out


def _schema_at(schema: dict[str, Any], path: str, defs: dict[str, Any]) -> dict[str, Any] | None:
    """The sub-schema of a result at a dotted path (list indices as numbers), or ``None`` when it has none."""
    node = schema
    for part in path.split("."):
        while "$ref" in node or "anyOf" in node:
            if "$ref" in node:
                node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
            else:
                node = next((a for a in node["anyOf"] if a.get("type") != "null"), {})
        if part.isdigit():
            if node.get("type") != "array":
                return None
            node = node.get("items", {})
        else:
            props = node.get("properties", {})
            if part not in props:
                return None
            node = props[part]
    return node


def _value_problem(tool: Any, name: str, value: Any) -> str | None:
    """Why ``value`` is not a valid argument ``name`` of ``tool`` (``None`` when it is)."""
    from pydantic import ValidationError

    fields = tool.args_model.model_fields
    try:
        tool.args_model.__pydantic_validator__.validate_assignment(
            tool.args_model.model_construct(), name, value
        )
    except ValidationError as exc:
        return exc.errors()[0]["msg"]
    return None if name in fields else "no such field"


def check_domain(domain: str) -> list[str]:
    """Problems of a domain's intent table (empty when every intent fits its action), plus the actions
    without an intent, as ``"missing: name"``."""
    params = action_params(domain)
    problems = []
    for name, intent in intents(domain).items():
        if name not in params:
            problems.append(f"{domain}.{name}: no such action")
            continue
        try:
            check_intent(domain, name, intent, params[name])
        except AppSpecError as exc:
            problems.append(str(exc))
            continue
        tool = action_tools(domain)[name]
        for param, values in [*((p, (v,)) for p, v in intent.args.items()), *intent.choices.items()]:
            for value in values:
                problem = _value_problem(tool, param, value)
                if problem:
                    problems.append(f"{domain}.{name}: {param}={value!r}: {problem}")
        out = tool.output_schema
        for path in intent.report:
            if _schema_at(out, path, out.get("$defs", {})) is None:
                problems.append(f"{domain}.{name}: report path {path!r} is not in the result schema")
    problems += [f"missing: {domain}.{name}" for name in params if name not in intents(domain)]
    return problems


def main(argv: list[str]) -> int:
    """``python -m toolgym_env.tasks.scenarios.intents [DOMAIN...]``: print each problem; exit 1 if any (the
    default: every domain and every core app with a table)."""
    from toolgym_env.apps import CORE_APPS
    from toolgym_env.apps.domains import DOMAINS

    domains = argv or [*DOMAINS, *(a for a in CORE_APPS if intents(a))]
    problems = [p for d in domains for p in check_domain(d)]
    print("\n".join(problems) or "ok")
    return 1 if problems else 0
