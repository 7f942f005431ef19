"""Probe every tool of some apps with schema-valid calls and check what each does to the world.

For each tool, several calls are sampled from its input schema; half of them fill id parameters with ids
that exist in the world (so domain actions get past "not found") and emails with people of the world.
Each call runs on a freshly restored world. The probe records internal errors (a tool bug, never
acceptable), read-only tools that changed the world, writes that succeeded, whether a successful write
changed the world, and whether repeating a call on the same world gives the same result.

Run it on a domain or an app: ``python -m toolgym_env.apps.kit.probe project_tracking``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from toolgym_env.apps.spec import AppSpec, ToolSpec
from toolgym_env.world.seeding import make_cast, stable_seed


@dataclass
class ToolProbe:
    """What probing one tool showed."""

    name: str
    read_only: bool
    calls: int = 0
    successes: int = 0
    internal_errors: list[str] = field(default_factory=list)
    readonly_changes: int = 0
    writes_without_change: int = 0
    writes_with_change: int = 0
    nondeterministic: list[str] = field(default_factory=list)
    output_mismatches: list[str] = field(default_factory=list)
    sample_error: str = ""
    sample_ok: str = ""


def _id_pools(world: Any, app: AppSpec) -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {}
    for decl in app.resources.values():
        pools[decl.name] = [r["id"] for r in world.select(decl.table, limit=12)]
        for fname, target in decl.refs.items():
            pools.setdefault(f"@{fname}", []).append(target.split(".")[-1])
    return pools


def _pick_ids(prop: str, pools: dict[str, list[str]], rng: np.random.Generator) -> list[str] | None:
    base = prop[:-4] if prop.endswith("_ids") else prop[:-3] if prop.endswith("_id") else None
    if base is None:
        return None
    names = [base] + [t for t in pools.get(f"@{prop}", [])] + [base.split("_")[-1]]
    for name in names:
        if pools.get(name):
            return pools[name]
    return None


def _fill(
    value: Any,
    schema: dict[str, Any],
    pools: dict[str, list[str]],
    emails: list[str],
    rng: np.random.Generator,
) -> Any:
    """Replace sampled ids and emails inside an object (recursively) by ones that exist."""
    if not isinstance(value, dict):
        return value
    for prop, sub in schema.get("properties", {}).items():
        if prop not in value:
            continue
        alts = [sub, *sub.get("anyOf", [])]
        obj = next((a for a in alts if a.get("type") == "object" or "properties" in a), None)
        arr = next((a for a in alts if a.get("type") == "array" or "array" in (a.get("type") or [])), None)
        types = sub.get("type") if isinstance(sub.get("type"), list) else [sub.get("type")]
        ids = _pick_ids(prop, pools, rng)
        if ids and "string" in types and "pattern" not in sub:
            value[prop] = ids[int(rng.integers(len(ids)))]
        elif ids and arr is not None and arr.get("items", {}).get("type") == "string":
            k = max(int(arr.get("minItems", 1)), 1)
            value[prop] = [ids[int(i)] for i in rng.choice(len(ids), size=min(k, len(ids)), replace=False)]
        elif "email" in prop and "string" in types and "pattern" not in sub and "enum" not in sub:
            value[prop] = emails[int(rng.integers(len(emails)))]
        elif prop == "cursor":
            value[prop] = None
        elif obj is not None and isinstance(value[prop], dict):
            _fill(value[prop], obj, pools, emails, rng)
        elif arr is not None and isinstance(value[prop], list) and isinstance(arr.get("items"), dict):
            for item in value[prop]:
                _fill(item, arr["items"], pools, emails, rng)
    return value


def plausible_arguments(
    tool: ToolSpec, pools: dict[str, list[str]], emails: list[str], rng: np.random.Generator, smart: bool
) -> dict[str, Any]:
    """A schema-valid argument dict; with ``smart``, ids and emails (also nested ones) that exist."""
    from toolgym_env.envs.spaces import sample_from_schema

    args = sample_from_schema(tool.input_schema, rng)
    return _fill(args, tool.input_schema, pools, emails, rng) if smart else args


def probe_apps(apps: list[AppSpec], seed: int = 0, attempts: int = 10) -> list[ToolProbe]:
    """Probe every tool of ``apps`` (``attempts`` sampled calls each) in one world built from ``seed``."""
    from toolgym_env.hub.dispatch import DirectRoute
    from toolgym_env.universe import Universe

    universe = Universe(apps)
    world = universe.build_world(seed)
    route = DirectRoute(universe.catalog, world)

    def trial(name: str, args: Any) -> tuple[Any, bool]:
        """One call, then the world rolled back (a savepoint is much cheaper than restoring a snapshot)."""
        world.conn.execute("SAVEPOINT probe")
        try:
            result = route.call(name, args)
            return result, bool(world.changed_keys())
        finally:
            world.conn.execute("ROLLBACK TO probe")
            world.conn.execute("RELEASE probe")

    pools = {app.name: _id_pools(world, app) for app in apps}
    cast = make_cast(seed)
    emails = [cast.user.email] + [p.email for p in cast.people[:10]]
    try:
        from jsonschema import Draft202012Validator
    except ImportError:  # the dev extra is missing: results are not checked against output schemas
        Draft202012Validator = None  # noqa: N806
    report = []
    for tool in universe.catalog:
        validator = Draft202012Validator(tool.output_schema) if Draft202012Validator else None
        probe = ToolProbe(tool.qualified_name, tool.read_only)
        rng = np.random.default_rng(stable_seed("probe", tool.qualified_name))
        for attempt in range(attempts):
            args = plausible_arguments(tool, pools[tool.app], emails, rng, smart=attempt % 4 != 3)
            result, changed = trial(tool.qualified_name, args)
            probe.calls += 1
            text = result.text
            if result.is_error and text.startswith("Internal error"):
                probe.internal_errors.append(f"{json.dumps(args)[:300]} -> {text[:300]}")
                continue
            if tool.read_only and changed:
                probe.readonly_changes += 1
            if result.is_error:
                probe.sample_error = probe.sample_error or text[:200]
                continue
            probe.successes += 1
            if validator is not None:
                problem = next(iter(validator.iter_errors(result.structured)), None)
                if problem is not None:
                    probe.output_mismatches.append(f"{problem.json_path}: {problem.message[:200]}")
            probe.sample_ok = probe.sample_ok or json.dumps(args)[:200]
            if not tool.read_only:
                if changed:
                    probe.writes_with_change += 1
                else:
                    probe.writes_without_change += 1
            again, _ = trial(tool.qualified_name, args)
            if again.to_mcp() != result.to_mcp():
                probe.nondeterministic.append(json.dumps(args)[:200])
        report.append(probe)
    world.close()
    return report


def summarize(report: list[ToolProbe]) -> dict[str, Any]:
    """Counts over a probe report (what a test or a person checks first)."""
    writes = [p for p in report if not p.read_only]
    return {
        "tools": len(report),
        "internal_errors": sum(len(p.internal_errors) for p in report),
        "readonly_changes": sum(p.readonly_changes for p in report),
        "nondeterministic": sum(len(p.nondeterministic) for p in report),
        "output_mismatches": sum(len(p.output_mismatches) for p in report),
        "never_succeeded": sorted(p.name for p in report if p.successes == 0),
        "writes_never_changed": sorted(p.name for p in writes if p.writes_with_change == 0),
    }


def main(argv: list[str]) -> int:
    """``python -m toolgym_env.apps.kit.probe DOMAIN_OR_APP...``: print problems and a JSON summary."""
    from toolgym_env.apps import load_app
    from toolgym_env.apps.domains import DOMAINS, blueprint, build_product

    apps: list[AppSpec] = []
    for name in argv:
        if name in DOMAINS:
            apps += [build_product(p.name) for p in blueprint(name).products]
        else:
            apps.append(load_app(name))
    report = probe_apps(apps)
    for p in report:
        for err in p.internal_errors[:2]:
            print(f"INTERNAL {p.name}: {err}")
        if p.readonly_changes:
            print(f"READ-ONLY CHANGED WORLD {p.name}")
        if p.output_mismatches:
            print(f"OUTPUT SCHEMA MISMATCH {p.name}: {p.output_mismatches[0]}")
        if p.nondeterministic:
            print(f"NONDETERMINISTIC {p.name}: {p.nondeterministic[0]}")
        if p.successes == 0:
            print(f"NEVER SUCCEEDED {p.name}: {p.sample_error}")
        elif not p.read_only and p.writes_with_change == 0:
            print(f"WRITE NEVER CHANGED {p.name}")
    summary = summarize(report)
    print(json.dumps(summary))
    bad = ("internal_errors", "readonly_changes", "nondeterministic", "output_mismatches")
    return 1 if any(summary[k] for k in bad) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
