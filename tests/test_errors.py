"""Misuse of the library raises the typed errors of ``toolgym_env.errors``; each still is the built-in error
it replaced, so an old ``except ValueError`` (or ``TypeError``) keeps catching it."""

import pytest

from toolgym_env import errors
from toolgym_env.data.sft import sft_example
from toolgym_env.evaluation.runner import plan
from toolgym_env.evaluation.stats import pass_at_k
from toolgym_env.hub.external import ExternalServerConfigError, load_mcp_config
from toolgym_env.retrieval.index import make_index
from toolgym_env.world.clock import VirtualClock
from toolgym_env.world.tables import Column, TableSpec


def test_every_error_is_a_toolgym_error_and_keeps_its_builtin_base():
    assert issubclass(errors.InvalidArgumentError, ValueError)
    assert issubclass(errors.UnknownArgumentError, ValueError) and issubclass(
        errors.UnknownArgumentError, TypeError
    )
    assert issubclass(errors.UnknownTaskError, ValueError) and issubclass(
        errors.UnknownTaskError, LookupError
    )
    assert issubclass(errors.AppSpecError, ValueError) and issubclass(errors.TaskFileError, ValueError)
    assert ExternalServerConfigError is errors.ExternalServerConfigError  # still importable from hub.external
    for name in (
        "InvalidArgumentError",
        "UnknownArgumentError",
        "UnknownTaskError",
        "EnvClosedError",
        "ExternalServerConfigError",
        "ExternalServerError",
        "AppSpecError",
        "TaskFileError",
        "WorldError",
    ):
        assert issubclass(getattr(errors, name), errors.ToolGymError), name


@pytest.mark.parametrize(
    "misuse, error",
    [
        (lambda: pass_at_k(3, 1, 5), errors.InvalidArgumentError),
        (lambda: plan(["t1"], "test", k=0), errors.InvalidArgumentError),
        (lambda: make_index([], kind="grep"), errors.InvalidArgumentError),
        (lambda: sft_example({}, format="csv"), errors.InvalidArgumentError),
        (lambda: VirtualClock().advance(-1), errors.InvalidArgumentError),
        (lambda: TableSpec("t", (Column("name", "str"),), "t"), errors.AppSpecError),
        (
            lambda: load_mcp_config({"mcpServers": {"bad name!": {"command": "x"}}}),
            errors.ExternalServerConfigError,
        ),
    ],
)
def test_misuse_raises_the_typed_error(misuse, error):
    with pytest.raises(error):
        misuse()
    with pytest.raises(ValueError):
        misuse()
