"""Helpers shared by the per-app tests: ``ok``/``err`` calls of ``{app}__{tool}``, a sweep that calls every
tool of an app once against its output schema, and two seeded worlds compared table by table."""

import jsonschema

from toolgym_env.apps import load_app, load_apps
from toolgym_env.apps.account import ACCOUNT_TOOLS
from toolgym_env.universe import Universe
from toolgym_env.world import diff_world


def app_calls(default_app):
    """``(ok, err)`` bound to ``default_app``; ``ok(route, tool, app=..., **args)`` may reach another app."""

    def ok(route, tool, app=default_app, **args):
        res = route.call(f"{app}__{tool}", args)
        assert not res.is_error, res.text
        return res.structured

    def err(route, tool, app=default_app, **args):
        res = route.call(f"{app}__{tool}", args)
        assert res.is_error, res.structured
        return res.text

    return ok, err


def check_every_tool(ok, route, world, tools, calls):
    """Call each of ``tools`` but the account tools once, in the order of ``calls`` (a dict or
    ``(name, args)`` pairs, naming every tool), and check its result against its output schema and that it
    changed the world exactly when it is not read-only."""
    pairs = list(calls.items()) if isinstance(calls, dict) else list(calls)
    assert {name for name, _ in pairs} == set(tools) - ACCOUNT_TOOLS
    for name, args in pairs:
        before = diff_world(world).to_dict()
        jsonschema.validate(ok(route, name, **args), tools[name].output_schema)
        assert (diff_world(world).to_dict() == before) == tools[name].read_only, name


def seeded_twice(apps, seed=0):
    """Two worlds seeded with ``seed`` over ``apps``, each built by a universe of its own."""
    return Universe(load_apps(apps)).build_world(seed), Universe(load_apps(apps)).build_world(seed)


def assert_resources_alike(a, b, app):
    """Each resource table of ``app`` is non-empty and holds the same rows in ``a`` and ``b``, all valid."""
    for decl in load_app(app).resources.values():
        rows = a.select(decl.table)
        assert rows and rows == b.select(decl.table)
        for row in rows:
            decl.model.model_validate(row)


def assert_tables_alike(a, b, app):
    """Each table of ``app`` holds the same rows in ``a`` and ``b``."""
    assert all(a.select(t.name) == b.select(t.name) for t in load_app(app).table_specs())
