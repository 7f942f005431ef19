"""Endpoint failures are infrastructure errors, never the agent's: each failure mode of a local
OpenAI-compatible server (down, 429 with Retry-After, 500, timeout, malformed body, empty choices) is retried
as configured, then ends the episode as an infrastructure error, for all three LLM agents."""

from __future__ import annotations

import socket
import time

import gymnasium as gym
import pytest

from tests.support.fake_openai import FakeOpenAI, Fault
from toolgym_env.agents import run_episode
from toolgym_env.agents.function_calling import FunctionCallingAgent
from toolgym_env.agents.planner_actor import PlannerActorAgent
from toolgym_env.agents.react import ReActAgent
from toolgym_env.errors import EndpointError
from toolgym_env.llm.retry import RetryPolicy, call_with_retries, parse_retry_after

AGENTS = [FunctionCallingAgent, ReActAgent, PlannerActorAgent]
FAST = {"max_retries": 2, "retry_base_s": 0.01, "retry_max_s": 1.0, "timeout": 5.0}

#: Failure mode -> (the server's reply to every request, the EndpointError kind it must give).
MODES = {
    "down": (None, "connection"),
    "429-retry-after": (Fault(429, headers={"Retry-After": "0.2"}), "rate_limit"),
    "500": (500, "server_error"),
    "timeout": (Fault(delay_s=1.5), "timeout"),
    "malformed-body": (Fault(200, body=b'{"id": "x", "choices": [tru'), "malformed_body"),
    "empty-choices": (Fault(200), "empty_reply"),
}


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def env():
    made = gym.make("ToolGym-v0", suite="core")
    yield made
    made.close()


@pytest.mark.parametrize("cls", AGENTS, ids=lambda c: c.name)
@pytest.mark.parametrize("mode", list(MODES))
def test_each_failure_mode_is_retried_then_an_infrastructure_error(mode, cls, env):
    reply, kind = MODES[mode]
    settings = dict(FAST, timeout=0.4) if mode == "timeout" else FAST
    with FakeOpenAI([reply if reply is not None else "unused"]) as fake:
        url = f"http://127.0.0.1:{closed_port()}/v1" if reply is None else fake.base_url
        agent = cls(model="m", base_url=url, **settings)
        start = time.perf_counter()
        result = run_episode(env, agent, options={"task_index": 0})
        elapsed = time.perf_counter() - start
        served = len(fake.requests)
    assert result.terminated and result.steps == 1 and result.reward == 0.0  # no tool call was ever made
    assert agent.infra_error.startswith(f"model endpoint failed after 3 tries ({kind})")
    assert agent.usage["requests"] == 3 and agent.usage["turns"] == 1  # 1 try + max_retries=2
    if reply is not None:
        assert served == 3
    assert "could not be reached" in env.unwrapped.final_answer
    if mode == "429-retry-after":
        assert elapsed >= 2 * 0.2  # the server's Retry-After, not the 0.01 s backoff
    if mode == "timeout":
        assert elapsed >= 3 * 0.4


@pytest.mark.parametrize("mode", list(MODES))
def test_the_failure_kind_is_named(mode):
    reply, kind = MODES[mode]
    import openai

    with FakeOpenAI([reply if reply is not None else "x"]) as fake:
        url = f"http://127.0.0.1:{closed_port()}/v1" if reply is None else fake.base_url
        client = openai.OpenAI(base_url=url, api_key="x", max_retries=0, timeout=0.4)
        with pytest.raises(EndpointError) as caught:
            call_with_retries(
                lambda: client.chat.completions.create(model="m", messages=[]),
                RetryPolicy(max_retries=1, base_delay_s=0.0),
                sleep=lambda s: None,
            )
    assert caught.value.kind == kind and caught.value.attempts == 2


def test_a_transient_failure_recovers_and_a_client_error_is_not_retried(env):
    with FakeOpenAI(
        [Fault(429, headers={"Retry-After": "0.05"}), Fault(503), "Done: nothing to do."]
    ) as fake:
        agent = FunctionCallingAgent(model="m", base_url=fake.base_url, **FAST)
        result = run_episode(env, agent, options={"task_index": 0})
    assert agent.infra_error is None and result.steps == 1 and len(fake.requests) == 3
    assert env.unwrapped.final_answer == "Done: nothing to do."
    assert agent.turns[0]["requests"] == 3 and "HTTP 429" in agent.turns[0]["retried"][0]
    with FakeOpenAI([401]) as fake:
        agent = FunctionCallingAgent(model="m", base_url=fake.base_url, **FAST)
        run_episode(env, agent, options={"task_index": 0})
    assert (
        len(fake.requests) == 1 and "(not retried)" in agent.infra_error and "HTTP 401" in agent.infra_error
    )
    policy = RetryPolicy(max_retries=3, base_delay_s=0.5, max_delay_s=1.0)
    assert [policy.delay(n) for n in range(3)] == [0.5, 1.0, 1.0] and policy.delay(0, 30.0) == 1.0
    assert parse_retry_after({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0


def test_turns_keep_tokens_and_what_the_model_said(env):
    reply = {
        "content": "I will look for a mail tool.",
        "reasoning_content": "The user wants an email.",
        "tool_calls": [{"name": "search_tools", "arguments": {"query": "send email"}}],
    }
    with FakeOpenAI([reply, "All done."]) as fake:
        agent = FunctionCallingAgent(model="m", base_url=fake.base_url, **FAST)
        run_episode(env, agent, options={"task_index": 0})
    first, second = agent.turns
    assert first["content"] == "I will look for a mail tool." and first["tool_calls"] == ["search_tools"]
    assert first["reasoning"] == "The user wants an email."
    assert first["step"] == 1 and second["step"] == 2 and second["content"] == "All done."
    assert first["prompt_tokens"] > 0 and first["estimated"] is False  # the endpoint's usage
    assert sum(t["prompt_tokens"] for t in agent.turns) == agent.usage["prompt_tokens"]
    assert agent.trace()["loaded_tools"] and agent.trace()["infra_error"] is None
