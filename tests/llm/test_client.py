"""LLM settings, client construction and JSON chat calls, through the real openai client and FakeOpenAI."""

from __future__ import annotations

import socket

import openai
import pytest

from tests.support.fake_openai import FakeOpenAI
from toolgym_env.errors import LLMConfigError
from toolgym_env.llm import LLMReplyError, LLMSettings, chat_json, llm_settings, make_client

ENV_VARS = ("OPENAI_BASE_URL", "OPENAI_API_KEY", "TOOLGYM_MODEL", "OPENAI_MODEL")
MESSAGES = [{"role": "user", "content": "Reply in JSON."}]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


def _client(fake: FakeOpenAI) -> openai.OpenAI:
    return make_client(llm_settings(base_url=fake.base_url, model="m"), timeout=5.0)


def closed_port() -> int:
    """A loopback port with nothing listening on it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_settings_from_env(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("OPENAI_MODEL", "fallback")
    s = llm_settings()
    assert s == LLMSettings(base_url="http://127.0.0.1:9/v1", api_key="not-needed", model="fallback")
    monkeypatch.setenv("TOOLGYM_MODEL", "preferred")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert llm_settings() == LLMSettings("http://127.0.0.1:9/v1", "sk-test", "preferred")
    assert llm_settings(model="explicit", api_key="k").model == "explicit"
    with pytest.raises(AttributeError):
        s.model = "x"  # frozen


def test_no_model_is_a_config_error(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    with pytest.raises(LLMConfigError, match="TOOLGYM_MODEL"):
        llm_settings()
    with pytest.raises(LLMConfigError, match="API key"):
        make_client(LLMSettings(base_url=None, api_key=None, model="m"))


def test_make_client_never_retries():
    client = make_client(LLMSettings("http://127.0.0.1:9/v1", "k", "m"), timeout=3.0)
    assert isinstance(client, openai.OpenAI) and client.max_retries == 0
    assert str(client.base_url).startswith("http://127.0.0.1:9/v1")


def test_chat_json_plain_and_fenced():
    with FakeOpenAI(['{"a": 1}', 'Sure!\n```json\n{"b": [2, 3]}\n```\n', '```\n{"c": "x"}\n```']) as fake:
        client = _client(fake)
        assert chat_json(client, "m", MESSAGES) == {"a": 1}
        assert chat_json(client, "m", MESSAGES, seed=7) == {"b": [2, 3]}
        assert chat_json(client, "m", MESSAGES) == {"c": "x"}
    first, second = fake.requests[0], fake.requests[1]
    assert first["model"] == "m" and first["temperature"] == 0.0 and "seed" not in first
    assert second["seed"] == 7 and second["messages"] == MESSAGES


TOOL_CALL_ONLY = {"tool_calls": [{"name": "f", "arguments": {}}]}


@pytest.mark.parametrize(
    "reply", ["not json at all", "[1, 2]", "", TOOL_CALL_ONLY], ids=["prose", "list", "empty", "tool-call"]
)
def test_malformed_reply(reply):
    with FakeOpenAI([reply]) as fake, pytest.raises(LLMReplyError) as info:
        chat_json(_client(fake), "m", MESSAGES)
    assert info.value.transport is False
    if reply == "not json at all":
        assert info.value.raw == "not json at all" and "not json at all" in str(info.value)


def test_raw_text_is_truncated():
    with FakeOpenAI(["x" * 1000]) as fake, pytest.raises(LLMReplyError) as info:
        chat_json(_client(fake), "m", MESSAGES)
    assert len(info.value.raw) == 300


def test_http_500_is_a_reply_error():
    with FakeOpenAI([500]) as fake, pytest.raises(LLMReplyError, match="500") as info:
        chat_json(_client(fake), "m", MESSAGES)
    assert info.value.transport and isinstance(info.value.__cause__, openai.APIStatusError)
    assert len(fake.requests) == 1  # max_retries=0


def test_refused_connection_is_a_reply_error():
    settings = llm_settings(base_url=f"http://127.0.0.1:{closed_port()}/v1", model="m")
    with pytest.raises(LLMReplyError) as info:
        chat_json(make_client(settings, timeout=2.0), "m", MESSAGES)
    assert info.value.transport and isinstance(info.value.__cause__, openai.APIConnectionError)


def test_fake_server_tool_calls_usage_and_callables():
    script = [
        {
            "tool_calls": [
                {"name": "get_weather", "arguments": {"city": "Paris"}},
                {"name": "raw", "arguments": '{"x": 1}'},
            ],
            "content": None,
        },
        lambda body: f"echo {body['messages'][-1]['content']}",
    ]
    with FakeOpenAI(script) as fake:
        client = _client(fake)
        r1 = client.chat.completions.create(model="tool-model", messages=MESSAGES)
        r2 = client.chat.completions.create(model="m2", messages=[{"role": "user", "content": "hi"}])
        r3 = client.chat.completions.create(model="m2", messages=[{"role": "user", "content": "again"}])
    calls = r1.choices[0].message.tool_calls
    assert [c.id for c in calls] == ["call_0", "call_1"]
    assert calls[0].function.name == "get_weather" and calls[0].function.arguments == '{"city": "Paris"}'
    assert calls[1].function.arguments == '{"x": 1}' and r1.choices[0].finish_reason == "tool_calls"
    assert r1.model == "tool-model" and r1.created == r2.created
    assert r1.usage.total_tokens == r1.usage.prompt_tokens + r1.usage.completion_tokens > 0
    assert r2.choices[0].message.content == "echo hi" and r3.choices[0].message.content == "echo again"
    assert len(fake.requests) == 3
