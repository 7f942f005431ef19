"""The LLM agents (function calling, ReAct, planner–actor) through the real openai client and a local
OpenAI-compatible server (FakeOpenAI on loopback) that plays a model following each task's oracle."""

from __future__ import annotations

import json
import socket

import gymnasium as gym
import pytest
from click.testing import CliRunner

from tests.support.fake_openai import FakeOpenAI
from tests.support.scripted_model import ScriptedModel
from toolgym_env.agents import AGENTS, run_episode
from toolgym_env.agents.function_calling import FunctionCallingAgent
from toolgym_env.agents.planner_actor import PlannerActorAgent
from toolgym_env.agents.planning import Plan, SubGoal, parse_plan
from toolgym_env.agents.react import ReActAgent, ReActParseError, parse_react
from toolgym_env.cli.eval import evaluate
from toolgym_env.errors import LLMConfigError
from toolgym_env.wrappers import StateController
from toolgym_env.wrappers.chat_messages import ELIDED_HEAD_CHARS, ELIDED_KEY, KEEP_RESULTS, elide_result

AGENT_CLASSES = [FunctionCallingAgent, ReActAgent, PlannerActorAgent]
CORE_IDS = ["core-best-product-order-00", "core-forecast-email-00", "core-cancel-order-refund-00"]
#: Two test tasks every tool of which a search by the tool's name words finds in its top 5 (the scripted model
#: searches that way), so the check that every call went to a listed tool tests the agents, not retrieval.
TEST_IDS = ["test-2-00004", "test-2-00006"]
ENV_VARS = ("OPENAI_BASE_URL", "OPENAI_API_KEY", "TOOLGYM_MODEL", "OPENAI_MODEL")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def envs():
    made = {suite: gym.make("ToolGym-v0", suite=suite) for suite in ("core", "test")}
    yield made
    for env in made.values():
        env.close()


@pytest.fixture(scope="module")
def scripted(envs):
    """A FakeOpenAI server playing the oracle of every core and test task."""
    model = ScriptedModel(envs["core"].unwrapped.tasks + envs["test"].unwrapped.tasks)
    with FakeOpenAI([model]) as fake:
        fake.model = model
        yield fake


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_planner(request) -> bool:
    return request["messages"][0]["content"].startswith("You are the planner")


# --- solving tasks ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("cls", AGENT_CLASSES, ids=lambda c: c.name)
@pytest.mark.parametrize("suite,task_ids", [("core", CORE_IDS), ("test", TEST_IDS)])
def test_agent_solves_tasks_with_a_scripted_model(cls, suite, task_ids, envs, scripted):
    agent = cls(model="m", base_url=scripted.base_url)
    for task_id in task_ids:
        before = len(scripted.requests)
        result = run_episode(envs[suite], agent, options={"task_id": task_id})
        assert result.reward == 1.0, (task_id, result.judge)
        assert agent.errors == []
        usage = agent.usage
        assert usage["prompt_tokens"] > 0 and usage["completion_tokens"] > 0 and usage["latency_s"] > 0
        assert usage["turns"] == len(scripted.requests) - before  # reset per episode, one per model call
        requests = scripted.requests[before:]
        assert all(r["model"] == "m" for r in requests)
        if cls is ReActAgent:
            assert all("tools" not in r for r in requests)
        else:  # the tools found by search_tools are loaded, with their schemas
            loaded = {t["function"]["name"] for r in requests for t in r.get("tools", [])}
            assert any("__" in name for name in loaded)
    if cls is PlannerActorAgent:
        assert any(is_planner(r) for r in scripted.requests)
        assert agent.plan is not None and all(s.status == "done" for s in agent.plan.subgoals)
        assert all(s.evidence for s in agent.plan.subgoals)
    assert scripted.model.listed and all(scripted.model.listed)  # every call went to a tool the agent listed


def test_agents_see_only_observations(envs, scripted):
    """No request carries the task's reference solution."""
    task = next(t for t in envs["core"].unwrapped.tasks if t.id == CORE_IDS[0])
    before = len(scripted.requests)
    run_episode(
        envs["core"], PlannerActorAgent(model="m", base_url=scripted.base_url), options={"task_id": task.id}
    )
    sent = json.dumps(scripted.requests[before:])
    assert task.oracle_answer not in sent and '"$ref"' not in sent and task.id not in sent


# --- re-planning --------------------------------------------------------------------------------------------
def test_planner_actor_replans_after_a_failure_and_still_solves(envs, scripted):
    env = StateController(gym.make("ToolGym-v0", suite="core"), profile="first_non_search", seed=0)
    try:
        for task_id in CORE_IDS[:2]:
            agent = PlannerActorAgent(model="m", base_url=scripted.base_url)
            before = len(scripted.requests)
            result = run_episode(env, agent, options={"task_id": task_id})
            failed = [s for s in env.unwrapped.trajectory if s.get("perturbations")]
            assert failed and failed[0]["is_error"] and "503" in failed[0]["result"]
            assert result.reward == 1.0, result.judge
            assert agent.plan.replans >= 1 and "503" in agent.plan.events[0]
            replans = [r for r in scripted.requests[before:] if is_planner(r)][1:]
            assert replans and "Event: The call to" in replans[0]["messages"][1]["content"]
            assert "503" in replans[0]["messages"][1]["content"]
    finally:
        env.close()


def test_planner_sees_the_users_interruption(scripted):
    env = StateController(gym.make("ToolGym-v0", suite="core"), profile="interrupt", seed=0)
    try:
        agent = PlannerActorAgent(model="m", base_url=scripted.base_url)
        before = len(scripted.requests)
        result = run_episode(env, agent, options={"task_id": CORE_IDS[1]})
        events = [
            e
            for s in env.unwrapped.trajectory
            for e in s.get("perturbations", [])
            if e["kind"] == "interrupt"
        ]
        assert len(events) == 1 and result.terminated
        message = events[0]["message"]
        planner = [r for r in scripted.requests[before:] if is_planner(r)]
        assert len(planner) >= 2 and message not in planner[0]["messages"][1]["content"]
        assert message in planner[1]["messages"][1]["content"]
        assert any(message in e for e in agent.plan.events)
        actor = [r for r in scripted.requests[before:] if not is_planner(r)]
        assert any(m == {"role": "user", "content": message} for m in actor[-1]["messages"])
    finally:
        env.close()


# --- a model that misbehaves --------------------------------------------------------------------------------
GARBAGE = {
    "random-text": ["Lorem ipsum dolor sit amet, colorless green ideas."],
    "bad-json-args": [{"tool_calls": [{"name": "search_tools", "arguments": '{"query": "mail", top_k'}]}],
    "http-500": [500],
    "closed-port": None,
}


@pytest.mark.parametrize("cls", AGENT_CLASSES, ids=lambda c: c.name)
@pytest.mark.parametrize("kind", list(GARBAGE))
def test_a_garbage_model_ends_the_episode_gracefully(kind, cls, envs):
    with FakeOpenAI(GARBAGE[kind]) as fake:
        url = f"http://127.0.0.1:{closed_port()}/v1" if kind == "closed-port" else fake.base_url
        agent = cls(model="m", base_url=url, timeout=5.0, max_retries=1, retry_base_s=0.01)
        result = run_episode(envs["core"], agent, options={"task_index": 0})
    answer = envs["core"].unwrapped.final_answer
    assert result.terminated and result.reward == 0.0 and result.steps <= 3
    if kind == "random-text" and cls is FunctionCallingAgent:
        assert answer.startswith("Lorem ipsum") and agent.errors == []  # plain text is a final answer
        return
    assert agent.errors, "the failure is recorded"
    if kind in ("http-500", "closed-port"):
        assert "could not be reached" in answer and agent.usage["requests"] == 2  # max_retries=1
        assert agent.infra_error is not None and result.steps == 1
        assert agent.usage["latency_s"] > 0
    if kind == "bad-json-args" and cls is not ReActAgent:
        assert any("malformed tool-call arguments" in e for e in agent.errors)


def test_model_calls_per_episode_are_bounded(envs):
    with FakeOpenAI([{"tool_calls": [{"name": "search_tools", "arguments": {"query": "mail"}}]}]) as fake:
        agent = FunctionCallingAgent(model="m", base_url=fake.base_url, max_llm_calls=3)
        result = run_episode(envs["core"], agent, options={"task_index": 0})
    assert result.terminated and result.steps == 4 and len(fake.requests) == 3
    assert "limit" in agent.errors[-1] and "could not complete" in envs["core"].unwrapped.final_answer


def test_one_tool_call_per_step_and_malformed_arguments_are_shown_to_the_model(envs):
    replies = [
        {"tool_calls": [{"name": "search_tools", "arguments": "{oops"}]},
        {
            "tool_calls": [
                {"name": "search_tools", "arguments": {"query": "send email"}},
                {"name": "wait", "arguments": {"seconds": 1}},
            ]
        },
        "All done.",
    ]
    with FakeOpenAI(replies) as fake:
        agent = FunctionCallingAgent(model="m", base_url=fake.base_url)
        result = run_episode(envs["core"], agent, options={"task_index": 0})
    assert result.steps == 2 and len(agent.errors) == 1
    retry = fake.requests[1]["messages"]
    assert retry[-1]["role"] == "tool" and "not a JSON object" in retry[-1]["content"]
    last = fake.requests[2]["messages"][-1]
    assert last["role"] == "tool" and "only the first one ran" in last["content"]
    # a plain-text reply ends the episode, so final_answer is not offered; wait only once a result asks for it
    assert [t["function"]["name"] for t in fake.requests[0]["tools"]] == ["search_tools"]
    assert len(fake.requests[2]["tools"]) > 1  # the tools the search found


def test_wait_is_offered_once_a_result_says_to_retry(scripted):
    env = StateController(gym.make("ToolGym-v0", suite="core"), profile="first_non_search", seed=0)
    try:
        before = len(scripted.requests)
        result = run_episode(
            env, FunctionCallingAgent(model="m", base_url=scripted.base_url), options={"task_id": CORE_IDS[0]}
        )
    finally:
        env.close()
    assert result.reward == 1.0
    failed = next(s["step"] for s in env.unwrapped.trajectory if s["is_error"] and "503" in s["result"])
    offered = ["wait" in {t["function"]["name"] for t in r["tools"]} for r in scripted.requests[before:]]
    assert offered[:failed] == [False] * failed and all(offered[failed:])


def test_an_agent_needs_a_model_and_an_endpoint_or_key():
    with pytest.raises(LLMConfigError, match="model"):
        FunctionCallingAgent(base_url="http://127.0.0.1:9/v1")
    with pytest.raises(LLMConfigError, match="API key"):
        ReActAgent(model="m")


# --- parsing ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,name,arguments",
    [
        (
            'Thought: look\nAction: search_tools\nAction Input: {"query": "mail"}\nObservation: made up',
            "search_tools",
            {"query": "mail"},
        ),
        (
            'Action: `mail__send_email`\nAction Input: ```json\n{"to": ["a@b.c"]}\n```',
            "mail__send_email",
            {"to": ["a@b.c"]},
        ),
        ("**Action:** notes__list_notes\n**Action Input:** {}", "notes__list_notes", {}),
        ('Action: wait({"seconds": 5})', "wait", {"seconds": 5}),
        ('{"thought": "t", "action": {"tool": "x__y", "arguments": {"q": 1}}}', "x__y", {"q": 1}),
    ],
)
def test_parse_react_actions(text, name, arguments):
    step = parse_react(text)
    assert (step.action, step.arguments, step.answer) == (name, arguments, None)


def test_parse_react_answers_and_errors():
    assert parse_react("Thought: done\nFinal Answer: Sent it.").answer == "Sent it."
    assert parse_react('Action: final_answer\nAction Input: {"answer": "ok"}').answer == "ok"
    assert parse_react("Final Answer: first\nAction: x").answer.startswith("first")  # the earlier one wins
    for bad in ["lorem ipsum", "", "Action: x\nAction Input: {bad", "Action: x\nAction Input: [1]"]:
        with pytest.raises(ReActParseError):
            parse_react(bad)


def test_plan_marks_done_only_on_evidence_and_revises_what_is_left():
    plan = Plan([SubGoal("find Amy"), SubGoal("email Amy")])
    assert not plan.complete("found her", [])[0] and plan.current.status == "pending"
    log = [plan.record("contacts__search_contacts", '{"items": []}')]
    assert plan.complete("found her", log)[0] and plan.subgoals[0].status == "done"
    assert not plan.complete("sent", log)[0]  # that evidence is spent
    assert plan.complete("contacts__search_contacts shows her address", log)[0]  # unless cited
    plan = Plan([SubGoal("a", status="done", evidence=["x -> 1"]), SubGoal("b", searched=True), SubGoal("c")])
    plan.revise(["b", "d"], "retry", "The call to x failed")
    assert [(s.goal, s.status, s.searched) for s in plan.subgoals] == [
        ("a", "done", False),
        ("b", "pending", True),
        ("d", "pending", False),
    ]
    assert plan.as_dict()["replans"] == 1 and "Current sub-goal (2 of 3): b" in plan.render()
    assert parse_plan({"sub_goals": [{"goal": "x"}, "y", ""], "advice": "go"}) == (["x", "y"], "go")
    with pytest.raises(ValueError):
        parse_plan({"thoughts": "none"})


# --- toolgym eval ------------------------------------------------------------------------------------------
def test_toolgym_eval_runs_an_llm_agent(tmp_path, monkeypatch, scripted):
    monkeypatch.setitem(AGENTS, "function-calling", FunctionCallingAgent)
    out = tmp_path / "fc.jsonl"
    result = CliRunner().invoke(
        evaluate,
        [
            "--agent",
            "function-calling",
            "--suite",
            "core",
            "--sample",
            "2",
            "--model",
            "m",
            "--base-url",
            scripted.base_url,
            "--api-key",
            "sk-local",
            "-o",
            str(out),
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 2 and all(r["agent"] == "function-calling" and r["error"] is None for r in records)
    assert all(r["success"] for r in records)
    for r in records:
        assert r["usage"]["prompt_tokens"] > 0 and r["usage"]["completion_tokens"] > 0
        assert r["usage"]["latency_s"] > 0 and r["turns"] >= r["steps"]


# --- history compaction -------------------------------------------------------------------------------------
def _results_sent(request, agent_name):
    """The tool results a request carried, as the model saw them (ReAct: the Observation texts)."""
    if agent_name == "react":
        return [
            m["content"][len("Observation: ") :].split("\n\nMessage from the user:")[0]
            for m in request["messages"]
            if m["role"] == "user"
            and m["content"].startswith("Observation: ")
            and not m["content"].startswith("Observation: Loaded")
        ]
    names = {c["id"]: c["function"]["name"] for m in request["messages"] for c in m.get("tool_calls") or ()}
    return [
        m["content"]
        for m in request["messages"]
        if m["role"] == "tool" and names.get(m["tool_call_id"]) not in ("search_tools", "complete_subgoal")
    ]


@pytest.mark.parametrize("cls", AGENT_CLASSES, ids=lambda c: c.name)
def test_old_tool_results_are_sent_elided_and_the_knob_turns_it_off(cls, envs, scripted):
    """With the default ``keep_results`` an old result reaches the local server elided (ids kept, the cut
    said), the last ones in full, and the task is still solved; ``keep_results=None`` sends all in full."""
    task_id = "core-cancel-order-refund-00"
    sent = {}
    for keep in (KEEP_RESULTS, None):
        agent = cls(model="m", base_url=scripted.base_url, keep_results=keep)
        before = len(scripted.requests)
        result = run_episode(envs["core"], agent, options={"task_id": task_id})
        assert (
            result.reward == 1.0 and agent.keep_results == keep and agent.describe()["keep_results"] == keep
        )
        requests = [r for r in scripted.requests[before:] if not is_planner(r)]
        sent[keep] = [_results_sent(r, cls.name) for r in requests]
    full_last = sent[None][-1]
    compact_last = sent[KEEP_RESULTS][-1]
    assert full_last and not any(ELIDED_KEY in text for texts in sent[None] for text in texts)
    elided = [text for text in compact_last if ELIDED_KEY in text]
    assert elided, compact_last
    for text in elided:  # still JSON, the ids kept
        data = json.loads(text)
        assert "chars cut" in data[ELIDED_KEY] and "id" in json.dumps(data)
    assert compact_last[-1] == full_last[-1]  # the latest result in full
    assert sum(map(len, compact_last)) < sum(map(len, full_last))


def test_elide_result_keeps_ids_names_and_positions():
    text = json.dumps(
        {
            "items": [
                {"id": "a1", "name": "Ann", "notes": "x" * 400, "tags": ["p"]},
                {"body": "y" * 100},
                {"id": "a3", "email": "c@d.e", "amount": 4.5},
            ],
            "total": 3,
        }
    )
    data = json.loads(elide_result(text))
    assert data["items"] == [{"id": "a1", "name": "Ann"}, {}, {"id": "a3", "email": "c@d.e", "amount": 4.5}]
    assert data["total"] == 3 and ELIDED_KEY in data
    assert elide_result('{"id": "x"}') == '{"id": "x"}'  # nothing to gain: unchanged
    error = "Error 404: " + "no such record " * 40
    assert elide_result(error).startswith(error[:ELIDED_HEAD_CHARS]) and "elided" in elide_result(error)
    assert len(elide_result(error)) < len(error)


def test_compaction_settings_are_checked():
    with pytest.raises(LLMConfigError):
        FunctionCallingAgent(model="m", base_url="http://127.0.0.1:1/v1", keep_results=-1)
    with pytest.raises(LLMConfigError):
        FunctionCallingAgent(model="m", base_url="http://127.0.0.1:1/v1", idle_calls=0)
