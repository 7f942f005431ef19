"""An action's effect keywords (apps.spec.Effects): what the tool records say, and a misspelt one refused."""

from __future__ import annotations

import pytest

from toolgym_env.apps.kit.blueprint import Blueprint
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import AppSpecError


def _app() -> AppSpec:
    return AppSpec("effects_demo", title="Effects demo", description="A test app.", domain="test")


def test_effects_reach_the_tool_and_read_only_implies_idempotent():
    app = _app()

    @app.action(read_only=True)
    def peek(ctx) -> dict:
        """Look without touching."""
        return {}

    @app.action(destructive=True)
    def wipe(ctx) -> dict:
        """Remove everything."""
        return {}

    @app.action()
    def note(ctx) -> dict:
        """Write a note."""
        return {}

    hints = {n: (t.read_only, t.destructive, t.idempotent) for n, t in app.tools.items()}
    assert hints == {
        "peek": (True, False, True),
        "wipe": (False, True, False),
        "note": (False, False, False),
    }
    assert (app.tools["peek"].latency_s, app.tools["note"].latency_s) == (1.0, 2.0)


def test_a_blueprint_passes_its_effects_to_every_product():
    bp = Blueprint("effects")

    @bp.action(idempotent=True, name="tidy_up")
    def tidy(ctx) -> dict:
        """Tidy the {app} desk."""
        return {}

    built = bp.build(bp.product("deskly", "Deskly", "A desk app."))
    tool = built.tools["tidy_up"]
    assert (tool.read_only, tool.destructive, tool.idempotent) == (False, False, True)
    assert tool.description == "Tidy the Deskly desk."


@pytest.mark.parametrize(
    "declare", [lambda: _app().action(readonly=True), lambda: Blueprint("x").action(safe=True)]
)
def test_a_misspelt_effect_is_refused(declare):
    with pytest.raises(AppSpecError, match="unknown action keywords"):
        declare()
