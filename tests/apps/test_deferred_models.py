"""Tool argument and result models are built on first use, once, and shared; declaring an app builds none."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from toolgym_env.apps.spec import AppSpec, Deferred
from toolgym_env.hub.catalog import Catalog
from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.world import World


class Memo(BaseModel):
    id: str = Field(description="Memo id.")
    text: str = Field(description="Memo text.")
    pinned: bool = Field(default=False, description="Whether it is pinned.")


def _app(name: str, model: type[BaseModel] = Memo) -> AppSpec:
    app = AppSpec(name, title=name.title(), description="Memos.", domain="notes")
    app.resource(model, name="memo", id_prefix="mm", searchable=("text",))
    return app


def test_declaring_an_app_builds_no_model():
    class Fresh(Memo):  # a model no other test declared a resource with
        pass

    app = _app("memo_a", Fresh)
    for tool in app.tools.values():
        assert isinstance(tool.args, Deferred)
    assert [t.name for t in app.tools.values() if t.args.built] == []
    assert app.tools["get_memo"].args_model.model_fields["memo_id"].is_required()
    assert [t.name for t in app.tools.values() if t.args.built] == ["get_memo"]


def test_a_model_is_built_once_and_shared_by_apps_declaring_alike():
    first, second = _app("memo_b"), _app("memo_c")
    model = first.tools["create_memo"].args_model
    assert issubclass(model, BaseModel) and list(model.model_fields) == ["text", "pinned"]
    assert first.tools["create_memo"].args_model is model
    assert second.tools["create_memo"].args_model is model
    assert second.tools["get_memo"].args_model is not model


def test_deferred_models_validate_and_describe_as_eager_ones():
    app = _app("memo_d")
    world = World()
    world.add_tables(app.table_specs(), app=app.name)
    route = DirectRoute(Catalog([app]), world)
    created = route.call("memo_d__create_memo", {"text": "buy milk"})
    assert not created.is_error and created.structured["text"] == "buy milk"
    refused = route.call("memo_d__create_memo", {"text": 3})
    assert refused.is_error and "text" in refused.text
    schema = app.tools["list_memos"].input_schema
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert app.tools["delete_memo"].output_schema["properties"]["deleted"]["type"] == "boolean"
    world.close()


def test_an_action_parameter_without_a_hint_fails_when_declared():
    app = AppSpec("memo_e", title="Memo", description="Memos.", domain="notes")

    def pin(ctx, memo_id) -> dict:  # no type hint on memo_id
        """Pin a memo."""
        return {}

    with pytest.raises(TypeError, match="memo_id"):
        app.action()(pin)
