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


def plausible_arguments(tool: ToolSpec, pools: dict[str, list[str]], emails: list[str],
                        rng: np.random.Generator, smart: bool) -> dict[str, Any]:
    """A schema-valid argument dict; with ``smart``, ids and emails that exist in the world."""
    from toolgym_env.envs.spaces import sample_from_schema

    schema = tool.input_schema
    args = sample_from_schema(schema, rng)
    if not smart or not isinstance(args, dict):
        return args
    for prop, sub in schema.get("properties", {}).items():
        ids = _pick_ids(prop, pools, rng)
        types = sub.get("type") if isinstance(sub.get("type"), list) else [sub.get("type")]
        if ids and "string" in types and "pattern" not in sub:
            args[prop] = ids[int(rng.integers(len(ids)))]
        elif ids and "array" in types and sub.get("items", {}).get("type") == "string":
            k = max(int(sub.get("minItems", 1)), 1)
            args[prop] = [ids[int(i)] for i in rng.choice(len(ids), size=min(k, len(ids)), replace=False)]
        elif "email" in prop and "string" in types and "pattern" not in sub and "enum" not in sub:
            args[prop] = emails[int(rng.integers(len(emails)))]
        elif prop == "cursor":
            args[prop] = None
    return args


def probe_apps(apps: list[AppSpec], seed: int = 0, attempts: int = 8) -> list[ToolProbe]:
    """Probe every tool of ``apps`` (``attempts`` sampled calls each) in one world built from ``seed``."""
    from toolgym_env.hub.dispatch import DirectRoute
    from toolgym_env.universe import Universe

    universe = Universe(apps)
    world = universe.build_world(seed)
    snapshot = world.snapshot()
    route = DirectRoute(universe.catalog, world)
    pools = {app.name: _id_pools(world, app) for app in apps}
    cast = make_cast(seed)
    emails = [cast.user.email] + [p.email for p in cast.people[:10]]
    report = []
    for tool in universe.catalog:
        probe = ToolProbe(tool.qualified_name, tool.read_only)
        rng = np.random.default_rng(stable_seed("probe", tool.qualified_name))
        for attempt in range(attempts):
            args = plausible_arguments(tool, pools[tool.app], emails, rng, smart=attempt % 4 != 3)
            world.restore(snapshot)
            result = route.call(tool.qualified_name, args)
            changed = bool(world.changed_keys())
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
            probe.sample_ok = probe.sample_ok or json.dumps(args)[:200]
            if not tool.read_only:
                if changed:
                    probe.writes_with_change += 1
                else:
                    probe.writes_without_change += 1
            world.restore(snapshot)
            again = route.call(tool.qualified_name, args)
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
        if p.nondeterministic:
            print(f"NONDETERMINISTIC {p.name}: {p.nondeterministic[0]}")
        if p.successes == 0:
            print(f"NEVER SUCCEEDED {p.name}: {p.sample_error}")
        elif not p.read_only and p.writes_with_change == 0:
            print(f"WRITE NEVER CHANGED {p.name}")
    summary = summarize(report)
    print(json.dumps(summary))
    return 0 if not (summary["internal_errors"] or summary["readonly_changes"] or summary["nondeterministic"]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
