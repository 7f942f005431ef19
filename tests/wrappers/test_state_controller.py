"""StateController: each perturbation kind fires, shows what the agent sees, keeps the world consistent, and
yields to a reasonable recovery."""

import json

import gymnasium as gym
import pytest
from pydantic import ValidationError

from toolgym_env.envs.meta import signature
from toolgym_env.tasks.constraints import Deadline
from toolgym_env.wrappers import StateController
from toolgym_env.wrappers.perturb.faults import GARBLE, TRUNCATED_MARK


def controlled(**settings):
    """A core-suite env with only the given perturbation settings, reset on a fixed task."""
    env = StateController(gym.make("ToolGym-v0", suite="core"), profile="none", seed=0, **settings)
    env.reset(seed=0, options={"task_index": 0})
    return env


def call(env, name, **arguments):
    obs, _, _, _, info = env.step({"name": name, "arguments": arguments})
    return obs, info


def first_note(env):
    obs, _ = call(env, "notes__list_notes", limit=5)
    return json.loads(obs["result"])["items"][0]


def events(info, kind):
    return [e for e in info.get("perturbations", []) if e["kind"] == kind]


def test_timeout_drops_the_call_and_a_retry_succeeds():
    env = controlled(timeout_at=(2,))
    base = env.unwrapped
    note = first_note(env)
    before = base.world.clock.elapsed
    obs, info = call(env, "notes__update_note", note_id=note["id"], title="Renamed by the agent")
    assert obs["is_error"] == 1 and obs["result"].startswith("Error 504 (timeout)")
    assert events(info, "timeout")[0]["blocked"] and base.world.clock.elapsed - before >= 30
    assert len(base.world_diff()) == 0  # the dropped call changed nothing
    obs, _ = call(env, "notes__update_note", note_id=note["id"], title="Renamed by the agent")
    assert (
        obs["is_error"] == 0 and base.world.get("notes__notes", note["id"])["title"] == "Renamed by the agent"
    )


def test_rate_limit_holds_until_the_retry_after_on_the_virtual_clock():
    env = controlled(rate_limit_at=(1,), retry_after_s=(7, 7))
    obs, info = call(env, "contacts__search_contacts", query="a")
    assert "Error 429" in obs["result"] and "retry after 7 s" in obs["result"]
    assert events(info, "rate_limit")[0]["retry_after_s"] == 7
    obs, info = call(env, "contacts__search_contacts", query="a")  # too early: refused again
    assert "Error 429" in obs["result"] and events(info, "rate_limit")[0]["new"] is False
    obs, _ = call(env, "notes__list_notes")  # other apps are not limited
    assert obs["is_error"] == 0
    obs, _ = call(env, "wait", seconds=7)
    assert json.loads(obs["result"])["waited_s"] == 7
    obs, _ = call(env, "contacts__search_contacts", query="a")
    assert obs["is_error"] == 0 and json.loads(obs["result"])["items"]


def test_unavailable_for_n_calls_then_back():
    env = controlled(unavailable_at=(1,), unavailable_calls=(2, 2))
    results = [call(env, "contacts__search_contacts", query="a")[0] for _ in range(3)]
    assert [r["is_error"] for r in results] == [1, 1, 0]
    assert all(r["result"].startswith("Error 503 (unavailable): contacts") for r in results[:2])


def test_schema_change_shows_in_the_listing_and_old_calls_fail_clearly():
    env = controlled(schema_change_at=(2,))
    base = env.unwrapped
    note = first_note(env)
    args = {"note_id": note["id"], "title": "New title"}
    obs, info = call(env, "notes__update_note", **args)
    assert obs["result"].startswith("Error 400 (schema changed)")
    event = events(info, "schema_change")[0]
    schema = base.tool_schema("notes__update_note")
    listing = json.loads(call(env, "search_tools", query="update a note", top_k=10)[0]["result"])["tools"]
    shown = next(t for t in listing if t["name"] == "notes__update_note")["signature"]
    assert shown == signature(schema) and event["new_param"] in shown
    assert call(env, "notes__update_note", **args)[0]["result"].startswith("Error 400 (schema changed)")
    if event["change"] == "rename":
        assert event["new_param"] in schema["properties"] and event["old_param"] not in schema["properties"]
        assert f"'{event['old_param']}' was renamed to '{event['new_param']}'" in obs["result"]
        args[event["new_param"]] = args.pop(event["old_param"])
    else:
        assert event["new_param"] in schema["required"]
        args[event["new_param"]] = event["value"]
    obs, _ = call(env, "notes__update_note", **args)
    assert obs["is_error"] == 0 and base.world.get("notes__notes", note["id"])["title"] == "New title"
    step = base.trajectory[-1]
    assert step["executed_arguments"] == {"note_id": note["id"], "title": "New title"}


def test_partial_failure_returns_part_of_a_list():
    env = controlled(partial_failure_at=(1,))
    obs, info = call(env, "notes__list_notes", limit=10)
    data = json.loads(obs["result"])
    part = data["partial_failure"]
    assert obs["is_error"] == 0 and part["failed"] >= 1 and len(data["items"]) == part["returned"]
    full = json.loads(call(env, "notes__list_notes", limit=10)[0]["result"])
    assert "partial_failure" not in full and len(full["items"]) == part["returned"] + part["failed"]


def test_response_delay_passes_virtual_time_and_can_miss_a_deadline():
    env = controlled(response_delay_at=(1,), delay_s=(600, 600))
    base = env.unwrapped
    base.constraints = [Deadline(by=base.task.world.start.replace("Z", "")[:16] + ":05Z")]
    base.constraint_since = [0]
    obs, info = call(env, "notes__list_notes")
    assert obs["is_error"] == 0 and events(info, "response_delay")[0]["delay_s"] == 600
    assert base.world.clock.elapsed >= 600
    _, _, _, _, info = env.step({"name": "final_answer", "arguments": {"answer": "done"}})
    deadline = next(c for c in info["judge"]["constraints"] if c["target"] == "deadline")
    assert not deadline["passed"]


def test_data_corruption_garbles_the_response_not_the_world():
    env = controlled(data_corruption_at=(2,))
    base = env.unwrapped
    note = first_note(env)
    obs, info = call(env, "notes__get_note", note_id=note["id"])
    assert GARBLE in obs["result"] and events(info, "data_corruption")[0]["degraded"]
    stored = base.world.get("notes__notes", note["id"])
    assert GARBLE not in json.dumps(stored) and len(base.world_diff()) == 0
    clean = json.loads(call(env, "notes__get_note", note_id=note["id"])[0]["result"])
    assert clean["id"] == note["id"] and GARBLE not in json.dumps(clean)


def test_truncation_cuts_the_text_and_a_reread_is_whole():
    env = controlled(truncation_at=(1,))
    obs, info = call(env, "notes__list_notes")
    assert obs["result"].endswith(TRUNCATED_MARK) and obs["is_error"] == 0
    with pytest.raises(ValueError):
        json.loads(obs["result"])
    assert json.loads(call(env, "notes__list_notes")[0]["result"])["items"]


def test_session_timeout_needs_the_apps_refresh_tool():
    env = controlled(session_timeout_at=(2,))
    note = first_note(env)
    obs, info = call(env, "notes__get_note", note_id=note["id"])
    assert (
        obs["result"].startswith("Error 401 (session expired)") and "notes__refresh_session" in obs["result"]
    )
    assert call(env, "notes__list_notes")[0]["is_error"] == 1  # the whole app is signed out
    assert call(env, "contacts__search_contacts", query="a")[0]["is_error"] == 0  # other apps are not
    assert call(env, "notes__refresh_session")[0]["is_error"] == 0
    assert call(env, "notes__get_note", note_id=note["id"])[0]["is_error"] == 0


def test_stale_data_answers_from_before_the_agents_change():
    env = controlled(stale_data_at=(3,))
    base = env.unwrapped
    note = first_note(env)
    assert call(env, "notes__update_note", note_id=note["id"], title="Fresh title")[0]["is_error"] == 0
    obs, info = call(env, "notes__get_note", note_id=note["id"])
    stale = json.loads(obs["result"])
    assert stale["title"] == note["title"] and stale["_cache"]["stale"] and events(info, "stale_data")
    assert base.world.get("notes__notes", note["id"])["title"] == "Fresh title"
    fresh = json.loads(call(env, "notes__get_note", note_id=note["id"])[0]["result"])
    assert fresh["title"] == "Fresh title" and "_cache" not in fresh


def test_interrupt_changes_the_active_constraints_and_tells_the_agent():
    env = StateController(gym.make("ToolGym-v0"), profile="interrupt", seed=0)
    obs, _ = env.reset(seed=0, options={"task_index": 3})
    base = env.unwrapped
    before = list(base.constraints)
    assert obs["message"] == ""
    obs, _, _, _, info = env.step({"name": "search_tools", "arguments": {"query": "anything"}})
    assert obs["message"] == ""
    obs, _, _, _, info = env.step({"name": "search_tools", "arguments": {"query": "anything"}})
    event = events(info, "interrupt")[0]
    assert obs["message"] and event["message"] == obs["message"] and event["subkind"]
    assert base.constraints != before and base.trajectory[-1]["message"] == obs["message"]


def test_search_is_not_perturbed_unless_asked():
    env = controlled(unavailable=1.0)
    assert call(env, "search_tools", query="send an email")[0]["is_error"] == 0
    env = controlled(unavailable=1.0, perturb_search=True)
    assert call(env, "search_tools", query="send an email")[0]["result"].startswith("Error 503")


def test_bad_configuration_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown perturbation profile"):
        StateController(gym.make("ToolGym-v0", suite="core"), profile="chaos")
    with pytest.raises(ValidationError, match="timout"):
        StateController(gym.make("ToolGym-v0", suite="core"), profile="none", timout=0.1)
    env = StateController(gym.make("ToolGym-v0", suite="core"), profile="light")
    with pytest.raises(ValueError, match="already has a state controller"):
        StateController(env, profile="light")


def test_session_timeout_names_the_refresh_tool_under_any_naming_convention():
    from toolgym_env.apps.account import account_kind
    from toolgym_env.wrappers.perturb.engine import _refresh_tool

    env = gym.make("ToolGym-v0").unwrapped
    assert _refresh_tool(env, "insightra") == "insightra__refreshSession"
    assert _refresh_tool(env, "chartpilot") == "chartpilot__refresh-session"
    assert account_kind("pipefox__fetchCurrentUser") == "get_current_user"
    assert account_kind("pipefox__list_sessions") is None
