"""Fixtures shared by the per-app tests: a small universe (``APPS`` of the test module, default contacts +
``APP``), a fresh world per test with the change log cleared, and a direct route over it."""

import pytest

from toolgym_env.apps import load_apps
from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.universe import Universe


@pytest.fixture(scope="module")
def universe(request):
    apps = getattr(request.module, "APPS", ["contacts", request.module.APP])
    return Universe(load_apps(apps))


@pytest.fixture
def world(universe):
    w = universe.build_world(0)
    w.begin_episode()
    yield w
    w.close()


@pytest.fixture
def route(universe, world):
    return DirectRoute(universe.catalog, world)
