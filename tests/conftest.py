"""Shared fixtures: the registered env and the core suite."""

import gymnasium as gym
import pytest

import toolgym_env  # noqa: F401  (registers the ids)
from toolgym_env.tasks import load_suite


@pytest.fixture(scope="session")
def core_tasks():
    """The shipped core suite."""
    return load_suite("core")


@pytest.fixture
def env():
    """``gym.make("ToolGym-v0", suite="core")``, closed after the test."""
    e = gym.make("ToolGym-v0", suite="core")
    yield e
    e.close()
