"""Derived CRUD tools: their argument and result models are built on first use, once, and shared (declaring an
app builds none); update and delete report a missing row before anything else, without reading the row
first."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from toolgym_env.apps.schema import Deferred
from toolgym_env.apps.spec import AppSpec
from toolgym_env.hub.catalog import Catalog
from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.world import World


class Memo(BaseModel):
    id: str = Field(description="Memo id.")
    text: str = Field(description="Memo text.")
    pinned: bool = Field(default=False, description="Whether it is pinned.")
    parent_id: str | None = Field(default=None, description="The memo this one answers.")


def _app(name: str, model: type[BaseModel] = Memo) -> AppSpec:
    app = AppSpec(name, title=name.title(), description="Memos.", domain="notes")
    app.resource(model, name="memo", id_prefix="mm", searchable=("text",), refs={"parent_id": "memo"})
    return app


def _route(app: AppSpec) -> tuple[DirectRoute, World]:
    world = World()
    world.add_tables(app.table_specs(), app=app.name)
    return DirectRoute(Catalog([app]), world), world


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
    assert issubclass(model, BaseModel) and list(model.model_fields) == ["text", "pinned", "parent_id"]
    assert first.tools["create_memo"].args_model is model
    assert second.tools["create_memo"].args_model is model
    assert second.tools["get_memo"].args_model is not model


def test_deferred_models_validate_and_describe_as_eager_ones():
    app = _app("memo_d")
    route, world = _route(app)
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


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"memo_id": "mm_none", "text": "x"}, "No memo with id 'mm_none'."),
        ({"memo_id": "mm_none"}, "No memo with id 'mm_none'."),  # before "Nothing to update"
        ({"memo_id": "mm_none", "parent_id": "mm_gone"}, "No memo with id 'mm_none'."),  # before the ref
        ({"memo_id": "{id}"}, "Nothing to update: give at least one field of the memo to change."),
        ({"memo_id": "{id}", "parent_id": "mm_gone"}, "parent_id: no memo with id 'mm_gone'."),
    ],
)
def test_update_errors_in_their_order(arguments, error):
    route, world = _route(_app("memo_f"))
    row = route.call("memo_f__create_memo", {"text": "a"}).structured
    world.begin_episode()
    arguments = {k: v.format(id=row["id"]) for k, v in arguments.items()}
    result = route.call("memo_f__update_memo", arguments)
    assert result.is_error and result.text == error
    assert world.changed_keys() == []
    world.close()


def test_update_and_delete_of_an_existing_row():
    route, world = _route(_app("memo_g"))
    row = route.call("memo_g__create_memo", {"text": "a"}).structured
    updated = route.call("memo_g__update_memo", {"memo_id": row["id"], "pinned": True})
    assert updated.structured == {**row, "pinned": True}
    deleted = route.call("memo_g__delete_memo", {"memo_id": row["id"]})
    assert deleted.structured == {"deleted": True, "id": row["id"]}
    again = route.call("memo_g__delete_memo", {"memo_id": row["id"]})
    assert again.is_error and again.text == f"No memo with id '{row['id']}'."
    world.close()
