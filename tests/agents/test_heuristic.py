"""The heuristic baseline: it solves real tasks (the random agent solves none), it is deterministic, it never
raises, and it recovers from the failures the state controller injects."""

import json

import gymnasium as gym
import pytest

import toolgym_env  # noqa: F401  (registers the ids)
from toolgym_env.agents import RandomAgent, run_episode
from toolgym_env.agents.heuristic import HeuristicAgent
from toolgym_env.agents.heuristic_parse import parse_request
from toolgym_env.agents.recovery import read_outcome
from toolgym_env.tasks import load_suite
from toolgym_env.wrappers import StateController

SAMPLE = (0, 1, 2, 3, 5, 8, 13, 21)
INSTRUCTION = "In ClosrHQ, find the deal “Acme renewal” and change its stage to “won”."


@pytest.fixture(scope="module")
def test_env():
    """The checklist test suite (the grammar the heuristic reads) with the judge reward."""
    env = gym.make("ToolGym-v0", suite="checklist-test")
    yield env
    env.close()


def test_beats_random_on_test_tasks(test_env):
    heuristic = [run_episode(test_env, HeuristicAgent(), options={"task_index": i}) for i in SAMPLE]
    random = [run_episode(test_env, RandomAgent(), seed=i, options={"task_index": i}) for i in SAMPLE[:2]]
    assert sum(r.success for r in heuristic) == len(SAMPLE)  # README: it solves every unperturbed test task
    assert sum(r.success for r in random) == 0
    assert all(r.steps <= 40 and r.terminated for r in heuristic)
    assert sum(r.judge["progress"] for r in heuristic) > sum(r.judge["progress"] for r in random)


def test_deterministic(test_env):
    runs = []
    for _ in range(2):
        agent = HeuristicAgent()
        run_episode(test_env, agent, options={"task_index": 3})
        runs.append(json.dumps(agent.actions, sort_keys=True))
    assert runs[0] == runs[1]


def test_parses_every_test_suite_request():
    for task in load_suite("checklist-test"):
        assert [s.kind for s in parse_request(task.instruction).steps] == task.stats.segments, task.id


def test_reads_preferences():
    prefs = parse_request(
        "In ClosrHQ, delete the deal “X”. Avoid DealDesk entirely (an outage). Keep it to at "
        'most 9 tool calls. Please give me your answer as a JSON object containing "a" and "b".'
    ).prefs
    assert prefs.forbidden_apps == ["DealDesk"] and prefs.max_calls == 9 and prefs.json_keys == ["a", "b"]
    later = parse_request("Small change: write your final answer as a numbered list instead.").prefs
    prefs.merge(later)
    assert prefs.list_format == "numbered" and prefs.json_keys is None


# --- synthetic observations ---------------------------------------------------------------------------------
def _obs(result, is_error=0, step=0, tool="", message=""):
    return {
        "instruction": INSTRUCTION,
        "tool": tool,
        "result": result if isinstance(result, str) else json.dumps(result),
        "is_error": is_error,
        "step": step,
        "time": "2026-03-02T09:00:00Z",
        "message": message,
    }


def _tool(name, props, required):
    op = name.split("_")[-2] if name.count("_") > 2 else name
    return {
        "name": f"closrhq__{name}",
        "description": f"{op} ClosrHQ deals",
        "score": 1.0,
        "inputSchema": {"type": "object", "properties": props, "required": required},
    }


SEARCH_RESULT = {
    "query": "q",
    "tools": [
        _tool("search_deals", {"query": {"type": "string"}, "limit": {"type": "integer"}}, ["query"]),
        _tool("get_deal", {"deal_id": {"type": "string"}}, ["deal_id"]),
        _tool(
            "update_deal",
            {"deal_id": {"type": "string"}, "stage": {"type": "string", "enum": ["open", "won"]}},
            ["deal_id"],
        ),
    ],
}


def _to_first_call():
    """An agent that has searched for tools and just made its first app call (the deal search)."""
    agent = HeuristicAgent()
    agent.reset(None, _obs("welcome"), {"max_steps": 40})
    first = agent.act(_obs("welcome"), {})
    assert first["name"] == "search_tools"
    call = agent.act(_obs(SEARCH_RESULT, step=1, tool="search_tools"), {})
    assert call == {"name": "closrhq__search_deals", "arguments": {"query": "Acme renewal", "limit": 10}}
    return agent, call


def test_rate_limit_waits_then_retries():
    agent, call = _to_first_call()
    wait = agent.act(
        _obs(
            "Error 429 (rate limited): too many requests to closrhq; retry after 7 s (use the wait "
            "tool, or do other work first).",
            is_error=1,
            step=2,
        ),
        {},
    )
    assert wait == {"name": "wait", "arguments": {"seconds": 7.0}}
    assert agent.act(_obs({"waited_s": 7.0}, step=3, tool="wait"), {}) == call


def test_rate_limit_without_a_wait_tool_retries():
    agent, call = _to_first_call()
    limited = _obs("Error 429 (rate limited): retry after 3 s.", is_error=1, step=2)
    assert agent.act(limited, {})["name"] == "wait"
    assert (
        agent.act(_obs("Unknown tool 'wait'. Use search_tools to find tools.", is_error=1, step=3), {})
        == call
    )
    assert agent.act(limited, {}) == call  # no wait tool here: retry at once


def test_expired_session_refreshes_then_retries():
    agent, call = _to_first_call()
    refresh = agent.act(
        _obs(
            "Error 401 (session expired): your closrhq session has expired; call "
            "closrhq__refresh_session to re-authenticate, then retry.",
            is_error=1,
            step=2,
        ),
        {},
    )
    assert refresh == {"name": "closrhq__refresh_session", "arguments": {}}
    assert agent.act(_obs({"token": "t"}, step=3), {}) == call


def test_schema_change_adapts_and_remembers():
    agent, call = _to_first_call()
    renamed = agent.act(
        _obs(
            "Error 400 (schema changed): the parameters of closrhq__search_deals changed: 'query' "
            "was renamed to 'search_query'. Current input schema: {}",
            is_error=1,
            step=2,
        ),
        {},
    )
    assert renamed == {"name": call["name"], "arguments": {"search_query": "Acme renewal", "limit": 10}}
    added = agent.act(
        _obs(
            "Error 400 (schema changed): the parameters of closrhq__search_deals changed: new "
            "required parameter 'api_version' (value '2026-11-01'). Current input schema: {}",
            is_error=1,
            step=3,
        ),
        {},
    )
    assert added["arguments"] == {"search_query": "Acme renewal", "limit": 10, "api_version": "2026-11-01"}


@pytest.mark.parametrize(
    "reply",
    [
        "Error 504 (timeout): closrhq__search_deals did not respond within 30 s; "
        "the request was not processed.",
        "Error 503 (unavailable): closrhq is temporarily unavailable; try again shortly.",
    ],
)
def test_transient_errors_retry_the_same_call(reply):
    agent, call = _to_first_call()
    assert agent.act(_obs(reply, is_error=1, step=2), {}) == call


@pytest.mark.parametrize(
    "reply",
    [
        '{"items": [{"id": "d1", "name": "Acme',
        '{"items": [{"id": "d1", "name": "Ac…[response truncated]',
        {"items": [{"id": "d1", "name": "Acme renewal"}], "partial_failure": {"field": "items", "failed": 1}},
        {"items": [{"id": "d\ufffd", "name": "Acme renewal"}]},
        {
            "items": [{"id": "d1", "name": "Acme renewal"}],
            "_cache": {"stale": True, "as_of": "2026-03-02T09:00:00Z"},
        },
    ],
)
def test_damaged_response_is_read_again(reply):
    agent, call = _to_first_call()
    if isinstance(reply, str) and not reply.endswith("[response truncated]"):
        assert read_outcome(_obs(reply)).kind == "ok"  # plain non-JSON text is not damage
        return
    assert agent.act(_obs(reply, step=2), {}) == call


def test_uses_found_ids_and_answers():
    agent, _ = _to_first_call()
    get = agent.act(
        _obs({"items": [{"id": "d9", "name": "Other"}, {"id": "d1", "name": "Acme renewal"}]}, step=2), {}
    )
    assert get == {"name": "closrhq__get_deal", "arguments": {"deal_id": "d1"}}
    update = agent.act(_obs({"id": "d1", "name": "Acme renewal", "stage": "open"}, step=3), {})
    assert update == {"name": "closrhq__update_deal", "arguments": {"deal_id": "d1", "stage": "won"}}
    final = agent.act(_obs({"id": "d1", "stage": "won"}, step=4), {})
    assert final["name"] == "final_answer"


@pytest.mark.parametrize(
    "replies",
    [
        ["not json at all", "", "{]", "null", "[]", "42"],
        [{"query": "q", "tools": []}] * 6,
        [{"query": "q", "tools": [{"name": 3}, {"no": "name"}, None]}] * 6,
        ["Error 500: boom"] * 6,
        [{"items": None}, {"items": [None, 3, "x"]}, {"tools": "nope"}] * 2,
    ],
)
def test_never_raises_on_weird_observations(replies):
    agent = HeuristicAgent()
    agent.reset(None, {"instruction": INSTRUCTION}, {})
    actions = [agent.act({"instruction": INSTRUCTION}, {})]
    for step, reply in enumerate(replies * 8, start=1):
        obs = _obs(reply, is_error=int(isinstance(reply, str) and reply.startswith("Error")), step=step)
        actions.append(agent.act(obs, {}))
        if actions[-1]["name"] == "final_answer":
            break
    assert actions[-1]["name"] == "final_answer"
    assert all(isinstance(a["name"], str) and isinstance(a["arguments"], dict) for a in actions)


def test_odd_inputs_and_step_budget():
    agent = HeuristicAgent()
    agent.reset(None, {}, {"max_steps": 3})
    assert agent.act({}, {})["name"] == "final_answer"
    agent.reset(None, {"instruction": INSTRUCTION}, {"max_steps": 3})
    assert agent.act(_obs("welcome", step=2), {})["name"] == "final_answer"


def test_survives_injected_failures():
    """The README's robustness table: under ``heavy`` the heuristic keeps 88% success (7 of these 8)."""
    env = StateController(gym.make("ToolGym-v0", suite="checklist-test"), profile="heavy", seed=0)
    results = [run_episode(env, HeuristicAgent(), seed=i, options={"task_index": i}) for i in SAMPLE]
    env.close()
    assert all(r.terminated and r.steps <= 40 for r in results)
    assert sum(r.errors > 0 for r in results) >= 6  # failures were injected, and seen
    assert sum(r.success for r in results) >= 7
