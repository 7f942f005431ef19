"""The full universe: size, schemas, every tool probed against the world, lazy app loading."""

from __future__ import annotations

import json
import pickle

import pytest
from jsonschema import Draft202012Validator

from toolgym_env.apps import CORE_APPS, load_apps
from toolgym_env.apps.domains import DOMAINS, blueprint, build_product
from toolgym_env.apps.kit.probe import probe_apps, summarize
from toolgym_env.hub.catalog_stats import catalog_stats
from toolgym_env.universe import Universe


@pytest.fixture(scope="module")
def full() -> Universe:
    return Universe.full()


@pytest.fixture(scope="module")
def records(full) -> list[dict]:
    return full.catalog.records()


def test_the_universe_is_at_least_as_large_as_toolgyms(records):
    stats = catalog_stats(records)
    assert stats["apps"] >= 204 and stats["tools"] >= 5571
    assert stats["domains"] >= 40
    assert stats["pct_output_schema"] == 100.0 and stats["pct_annotated"] == 100.0


def test_names_are_unique_namespaced_and_descriptions_distinct(records, full):
    names = [r["name"] for r in records]
    assert len(names) == len(set(names))
    assert all(n.split("__", 1)[0] in full.catalog.apps for n in names)
    descriptions = [r["description"] for r in records]
    assert len(descriptions) == len(set(descriptions))


@pytest.mark.slow
def test_every_schema_is_valid_json_schema(records):
    for record in records:
        Draft202012Validator.check_schema(record["inputSchema"])
        Draft202012Validator.check_schema(record["outputSchema"])
        assert record["inputSchema"]["type"] == "object", record["name"]


@pytest.mark.slow
def test_cached_records_match_a_fresh_build(full, records):
    fresh = full.catalog._build_records()
    assert len(fresh) == len(records)
    for new, old in zip(fresh, records):
        if json.dumps(new, sort_keys=True) != json.dumps(old, sort_keys=True):
            keys = [
                k for k in new if json.dumps(new[k], sort_keys=True) != json.dumps(old.get(k), sort_keys=True)
            ]
            raise AssertionError((new["name"], keys, {k: (new[k], old.get(k)) for k in keys}))


def _probe_groups():
    yield "core", load_apps(CORE_APPS)
    for domain in DOMAINS:
        yield domain, [build_product(p.name) for p in blueprint(domain).products]


@pytest.fixture(scope="module")
def probes() -> dict:
    return {name: probe_apps(apps) for name, apps in _probe_groups()}


@pytest.mark.slow
def test_every_tool_runs_without_internal_errors_and_keeps_its_promises(probes):
    """Each tool gets 8 schema-valid calls (6 with ids and emails that exist): never a traceback, read-only
    tools never change the world, a repeated call gives the same result, results match the output schema."""
    problems = {}
    for group, report in probes.items():
        summary = summarize(report)
        bad = {
            k: summary[k]
            for k in ("internal_errors", "readonly_changes", "nondeterministic", "output_mismatches")
            if summary[k]
        }
        if bad:
            problems[group] = (
                bad,
                [
                    (p.name, (p.internal_errors + p.output_mismatches + p.nondeterministic)[:1])
                    for p in report
                    if p.internal_errors or p.output_mismatches or p.nondeterministic
                ][:3],
            )
    assert not problems, problems


@pytest.mark.slow
def test_writes_that_succeed_change_the_world(probes, full):
    """A successful call of a writing tool changes the world (idempotent tools may find nothing to do)."""
    idempotent = {r["name"] for r in full.catalog.records() if r["annotations"]["idempotentHint"]}
    silent = [
        p.name
        for report in probes.values()
        for p in report
        if not p.read_only
        and p.writes_without_change
        and not p.writes_with_change
        and p.name not in idempotent
    ]
    assert not silent, silent[:20]


def test_almost_every_tool_succeeds_on_plausible_calls(probes):
    """Tools whose preconditions random ids rarely meet may fail every probe call, with a clear message."""
    report = [p for r in probes.values() for p in r]
    never = [p for p in report if p.successes == 0]
    assert len(never) / len(report) < 0.06, [(p.name, p.sample_error) for p in never][:30]
    assert all(p.sample_error for p in never)


def test_apps_load_lazily_and_the_load_is_not_a_change(full):
    name = next(n for n in full.app_names if n not in CORE_APPS)
    world = full.build_world(0)
    assert name not in world.apps and not any(t.startswith(name + "__") for t in world.tables)
    route = full.route(world)
    tool = next(iter(full.catalog.apps[name].tools.values()))
    route.call(f"{name}__get_current_user", {})
    assert name in world.apps and world.changed_keys() == []
    eager = Universe([full.app(name)]).build_world(0)
    for table in full.app(name).table_specs():
        assert world.select(table.name) == eager.select(table.name)
    assert tool.name


def test_load_order_does_not_change_an_apps_data(full):
    a, b = [n for n in full.app_names if n not in CORE_APPS][:2]
    w1, w2 = full.build_world(3, [a, b]), full.build_world(3, [b, a])
    for name in (a, b):
        for table in full.app(name).table_specs():
            assert w1.select(table.name) == w2.select(table.name)


def test_snapshots_and_pickles_keep_lazily_loaded_apps(full):
    name = [n for n in full.app_names if n not in CORE_APPS][5]
    world = full.build_world(0, [name])
    table = full.app(name).table_specs()[0].name
    rows = world.select(table)
    snap = world.snapshot()
    other = full.build_world(0)
    other.restore(snap)
    assert other.select(table) == rows and name in other.apps
    other.restore(full._seeded_snapshot(0))
    assert name not in other.apps and table not in other.tables


def test_env_calls_generated_apps_and_pickles(full):
    import gymnasium as gym

    import toolgym_env  # noqa: F401

    env = gym.make("ToolGym-v0").unwrapped
    env.reset(seed=0)
    name = [n for n in full.app_names if n not in CORE_APPS][7]
    tool = next(
        t for t in full.app(name).tools.values() if t.read_only and not t.input_schema.get("required")
    )
    obs, *_ = env.step({"name": tool.qualified_name, "arguments": {}})
    assert obs["is_error"] == 0, obs["result"]
    clone = pickle.loads(pickle.dumps(env))
    again, *_ = clone.step({"name": tool.qualified_name, "arguments": {}})
    assert again["result"] == obs["result"]


def test_every_app_has_account_tools_that_answer_for_the_world_owner(full):
    from toolgym_env.world.seeding import make_cast

    world = full.build_world(0)
    route = full.route(world)
    for name in (full.app_names[0], full.app_names[-1]):
        app = full.app(name)
        local = {
            t.name: t for t in app.tools.values() if t.fn.__name__ in ("get_current_user", "refresh_session")
        }
        assert len(local) == 2, name
        who = next(t for t in local.values() if t.fn.__name__ == "get_current_user")
        assert route.call(who.qualified_name, {}).structured["email"] == make_cast(0).user.email
        renew = next(t for t in local.values() if t.fn.__name__ == "refresh_session")
        first = route.call(renew.qualified_name, {}).structured
        world.clock.advance(60)
        second = route.call(renew.qualified_name, {}).structured
        assert first["token"] != second["token"] and second["expires_at"] > first["expires_at"]


def test_equal_literals_are_declared_in_one_order():
    """typing caches ``Literal[...] | None`` by set-equality of the Literal, so two modules declaring the
    same values in different orders would make enum order (schemas, error texts) depend on build order."""
    import ast
    import re
    from collections import defaultdict
    from pathlib import Path

    import toolgym_env.apps as apps_pkg

    orders: dict[frozenset, set] = defaultdict(set)
    for path in Path(apps_pkg.__file__).parent.rglob("*.py"):
        for match in re.finditer(r"Literal\[([^\]]+)\]", path.read_text()):
            try:
                values = ast.literal_eval(f"({match.group(1)},)")
            except (ValueError, SyntaxError):
                continue
            orders[frozenset(values)].add((values, path.name))
    clashes = [sorted(v) for v in orders.values() if len({o for o, _ in v}) > 1]
    assert not clashes, clashes
