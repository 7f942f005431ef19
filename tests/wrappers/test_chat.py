"""ChatAdapter: the env as an OpenAI chat conversation, driven by tool calls, SDK objects, a real client."""

import json
import sys
import warnings

import gymnasium as gym
import openai
import pytest
from gymnasium.utils.env_checker import check_env
from openai.types.chat import (
    ChatCompletionMessage,
    ChatCompletionMessageFunctionToolCall,
    ChatCompletionMessageParam,
    ChatCompletionToolParam,
)
from openai.types.chat.chat_completion_message_function_tool_call import Function
from pydantic import TypeAdapter

from tests.support import FIXTURES
from tests.support.fake_openai import FakeOpenAI
from toolgym_env.agents import OracleAgent, run_episode
from toolgym_env.envs.tool_env import ToolGymEnv
from toolgym_env.errors import InvalidArgumentError
from toolgym_env.wrappers import StateController
from toolgym_env.wrappers.chat import ChatAdapter, default_system_prompt
from toolgym_env.wrappers.chat_messages import (
    ELIDED_KEY,
    KEEP_RESULTS,
    NO_CALL,
    NO_NAME,
    NOT_FUNCTION,
    OPENAI_NAME,
    ToolShelf,
    found_tools,
    function_tool,
    model_schema,
    openai_name,
)

META = ["search_tools", "final_answer", "wait"]


def view(name: str, schema: dict) -> dict:
    """A tool's parameters as the model sees them."""
    return function_tool(name, "", schema)["function"]["parameters"]


def chat(task_index=0, **kwargs):
    """A ChatAdapter over the core suite, reset on a fixed task."""
    env = ChatAdapter(gym.make("ToolGym-v0", suite="core"), **kwargs)
    obs, info = env.reset(seed=0, options={"task_index": task_index})
    return env, obs, info


def tool_call(name, arguments, call_id=None):
    """An OpenAI-shaped tool call (arguments as a JSON string), with or without an id."""
    call = {"type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}
    return {"id": call_id, **call} if call_id else call


def oracle_episode(env, task_index):
    """Drive ``env`` with the oracle's calls as OpenAI tool calls (every other one without an id)."""
    _, info = env.reset(seed=0, options={"task_index": task_index})
    oracle = OracleAgent()
    oracle.reset(env, {}, info)
    step, reward, done = 0, 0.0, False
    while not done:
        last = env.messages[-1]
        seen = {
            "result": last["content"] if last["role"] == "tool" else "",
            "is_error": int(info.get("is_error", 0)),
        }
        action = oracle.act(seen, info)
        step += 1
        _, reward, terminated, truncated, info = env.step(
            tool_call(action["name"], action["arguments"], f"tc-{step}" if step % 2 else None)
        )
        done = terminated or truncated
    return reward, info


def roles(messages):
    return [m["role"] for m in messages]


def sdk_roundtrip(items, param_type):
    """``items`` validated as a list of the SDK's param type (unknown keys dropped) and dumped back."""
    adapter = TypeAdapter(list[param_type])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a serializer warning means an item did not fit the type
        return adapter.dump_python(adapter.validate_python(items), mode="json")


def check_pairs(messages):
    """Every assistant tool call is answered by the tool message right after it, with its id."""
    for i, message in enumerate(messages):
        if message.get("tool_calls"):
            assert len(message["tool_calls"]) == 1
            assert messages[i + 1]["role"] == "tool"
            assert messages[i + 1]["tool_call_id"] == message["tool_calls"][0]["id"]
        if message["role"] == "tool":
            assert messages[i - 1]["role"] == "assistant" and messages[i - 1]["tool_calls"]


def test_check_env_passes():
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*different from the unwrapped version.*")
        warnings.filterwarnings("ignore", message=".*Not able to test alternative render modes.*")
        check_env(ChatAdapter(ToolGymEnv(suite="core")))


def test_reset_starts_a_conversation():
    env, obs, info = chat()
    task = env.unwrapped.task
    assert env.messages == [
        {"role": "system", "content": default_system_prompt()},
        {"role": "user", "content": task.instruction},
    ]
    assert [t["function"]["name"] for t in env.tools] == META
    assert all(t["type"] == "function" and t["function"]["parameters"]["type"] == "object" for t in env.tools)
    assert json.loads(obs["messages"]) == env.messages == info["messages"]
    assert json.loads(obs["tools"]) == env.tools == info["tools"]
    assert info["messages"] is not env.messages and info["task_id"] == task.id
    assert env.observation_space.contains(obs)
    assert roles(chat(system_prompt="")[0].messages) == ["user"]
    assert chat(system_prompt="Be brief.")[0].messages[0] == {"role": "system", "content": "Be brief."}


def test_oracle_episode_through_tool_calls_keeps_the_judge_reward():
    env = ChatAdapter(gym.make("ToolGym-v0", suite="core"))
    plain = gym.make("ToolGym-v0", suite="core")
    for index in range(0, len(env.unwrapped.tasks), 6):
        reward, info = oracle_episode(env, index)
        assert reward == 1.0 and info["judge"]["success"]
        assert reward == run_episode(plain, OracleAgent(), seed=0, options={"task_index": index}).reward
        messages = env.messages
        steps = len(env.unwrapped.trajectory)
        assert roles(messages) == ["system", "user"] + ["assistant", "tool"] * steps
        check_pairs(messages)
        ids = [m["tool_calls"][0]["id"] for m in messages if m["role"] == "assistant"]
        assert ids == [f"tc-{s}" if s % 2 else f"call_{s}" for s in range(1, steps + 1)]
        assert messages[-2]["tool_calls"][0]["function"]["name"] == "final_answer"
        for message, step in zip(env.history[3::2], env.unwrapped.trajectory):  # the full history
            assert message["content"] == step["result"]
    claim = ChatAdapter(gym.make("ToolGym-v0", suite="core"))
    claim.reset(seed=0, options={"task_index": 0})
    *_, info = claim.step({"role": "assistant", "content": "All done!"})
    assert info["judge"]["success"] is False and claim.unwrapped.final_answer == "All done!"


def test_same_actions_give_identical_conversations():
    runs = [oracle_episode(ChatAdapter(gym.make("ToolGym-v0", suite="core")), 3) for _ in range(2)]
    assert runs[0][1]["messages"] == runs[1][1]["messages"] and runs[0][1]["tools"] == runs[1][1]["tools"]


def test_found_tools_join_the_tool_list_most_recent_first():
    env, _, _ = chat(max_tools=6)
    env.step(tool_call("search_tools", {"query": "send an email", "top_k": 4}))
    first = [t["name"] for t in json.loads(env.messages[-1]["content"])["tools"]]
    assert [t["function"]["name"] for t in env.tools] == META + first
    catalog = env.unwrapped.catalog
    for tool in env.tools[3:]:
        record = catalog.record(tool["function"]["name"])
        assert tool["function"]["parameters"] == view(record["name"], record["inputSchema"])
        assert tool["function"]["description"] == record["description"]
    env.step(tool_call("search_tools", {"query": "update a note", "top_k": 3}))
    second = [t["name"] for t in json.loads(env.messages[-1]["content"])["tools"]]
    expected = (second + [n for n in first if n not in second])[:6]
    assert [t["function"]["name"] for t in env.tools] == META + expected
    env.step(tool_call("mail__list_messages", {}))  # calling a tool that was not searched adds nothing
    assert [t["function"]["name"] for t in env.tools] == META + expected
    text = env.messages[-3]["content"]  # the second search's result, cut short as a truncation would
    assert found_tools(text[: text.index(second[-1]) + 40]) == [(n, "") for n in second]


def test_schema_change_replaces_the_schema_in_the_tool_list():
    env = ChatAdapter(
        StateController(gym.make("ToolGym-v0", suite="core"), profile="none", seed=0, schema_change_at=(2,))
    )
    env.reset(seed=0, options={"task_index": 0})
    env.step(tool_call("search_tools", {"query": "update a note", "top_k": 10}))
    listed = {t["function"]["name"]: t["function"]["parameters"] for t in env.tools}
    original = env.unwrapped.catalog.record("notes__update_note")["inputSchema"]
    assert listed["notes__update_note"] == view("notes__update_note", original)
    env.step(tool_call("notes__list_notes", {"limit": 5}))
    note = json.loads(env.messages[-1]["content"])["items"][0]
    _, _, _, _, info = env.step(tool_call("notes__update_note", {"note_id": note["id"], "title": "New"}))
    assert any(e["kind"] == "schema_change" for e in info["perturbations"])
    listed = {t["function"]["name"]: t["function"]["parameters"] for t in env.tools}
    assert listed["notes__update_note"] == view(
        "notes__update_note", env.unwrapped.tool_schema("notes__update_note")
    )
    assert listed["notes__update_note"] != view("notes__update_note", original)
    assert env.messages[-1]["content"].startswith("Error 400 (schema changed)")


def test_interruption_arrives_as_a_user_message_after_the_tool_result():
    env = ChatAdapter(StateController(gym.make("ToolGym-v0", suite="core"), profile="interrupt", seed=0))
    env.reset(seed=0, options={"task_index": 1})
    env.step(tool_call("search_tools", {"query": "anything"}))
    obs, *_ = env.step(tool_call("search_tools", {"query": "anything else"}, "c2"))
    message = env.unwrapped.trajectory[-1]["message"]
    assert message and roles(env.messages)[-3:] == ["assistant", "tool", "user"]
    assert env.messages[-2]["tool_call_id"] == "c2" and env.messages[-1] == {
        "role": "user",
        "content": message,
    }
    assert json.loads(obs["messages"])[-1]["content"] == message


def test_messages_and_tools_pass_the_openai_sdk_unchanged():
    """A chat loop through the real openai client: the fake server answers with the oracle's next call, and
    receives the adapter's messages and tools exactly; the SDK's reply message is the action."""
    env, _, info = chat(task_index=2)
    oracle = OracleAgent()
    oracle.reset(env, {}, info)

    def next_call(body):
        last = body["messages"][-1]
        action = oracle.act({"result": last["content"] if last["role"] == "tool" else "", "is_error": 0}, {})
        return {"content": None, "tool_calls": [{"name": action["name"], "arguments": action["arguments"]}]}

    with FakeOpenAI([next_call]) as fake:
        client = openai.OpenAI(base_url=fake.base_url, api_key="x", max_retries=0)
        sent, done = [], False
        while not done:
            sent.append((json.loads(json.dumps(env.messages)), env.tools))
            reply = client.chat.completions.create(model="m", messages=env.messages, tools=env.tools)
            _, reward, terminated, truncated, info = env.step(reply.choices[0].message)
            done = terminated or truncated
    assert reward == 1.0
    assert [(r["messages"], r["tools"]) for r in fake.requests] == sent
    check_pairs(env.messages)
    assert sdk_roundtrip(env.messages, ChatCompletionMessageParam) == env.messages
    assert sdk_roundtrip(env.tools, ChatCompletionToolParam) == env.tools


def test_sdk_objects_as_actions():
    env, _, _ = chat()
    call = ChatCompletionMessageFunctionToolCall(
        id="sdk-1", type="function", function=Function(name="search_tools", arguments='{"query": "notes"}')
    )
    _, _, _, _, info = env.step(call)
    assert not info["is_error"] and env.messages[-2]["tool_calls"][0]["id"] == "sdk-1"
    assert env.messages[-1]["tool_call_id"] == "sdk-1"
    second = ChatCompletionMessageFunctionToolCall(
        id="sdk-3", type="function", function=Function(name="wait", arguments='{"seconds": 5}')
    )
    message = ChatCompletionMessage(
        role="assistant",
        content="Looking.",
        tool_calls=[
            ChatCompletionMessageFunctionToolCall(
                id="sdk-2", type="function", function=Function(name="notes__list_notes", arguments="{}")
            ),
            second,
        ],
    )
    _, _, _, _, info = env.step(message)
    assert not info["is_error"] and env.unwrapped.trajectory[-1]["name"] == "notes__list_notes"
    assert env.unwrapped.world.clock.elapsed < 5  # the second call (wait 5 s) did not run
    assert env.messages[-2] == {
        "role": "assistant",
        "content": "Looking.",
        "tool_calls": [
            {"id": "sdk-2", "type": "function", "function": {"name": "notes__list_notes", "arguments": "{}"}}
        ],
    }
    assert "only the first one ran (not run: wait)" in env.messages[-1]["content"]
    answer = ChatCompletionMessage(role="assistant", content="Here is what I found.")
    _, _, terminated, _, info = env.step(answer)
    assert terminated and env.unwrapped.final_answer == "Here is what I found." and "judge" in info
    assert env.messages[-1] == {"role": "assistant", "content": "Here is what I found."}


class Opaque:
    """An object that is neither a tool call nor a message."""


@pytest.mark.parametrize(
    "action, feedback",
    [
        (
            tool_call("search_tools", {}) | {"function": {"name": "search_tools", "arguments": "{bad json"}},
            "tool",
        ),
        (tool_call("no_such__tool", {"x": 1}), "tool"),
        ({"role": "assistant", "content": None}, NO_CALL),
        ({"role": "assistant", "content": "  ", "tool_calls": []}, NO_CALL),
        (
            {
                "role": "assistant",
                "tool_calls": [{"id": "c", "type": "function", "function": {"arguments": "{}"}}],
            },
            NO_NAME,
        ),
        (
            {
                "role": "assistant",
                "tool_calls": [{"id": "c", "type": "custom", "custom": {"name": "x", "input": ""}}],
            },
            NOT_FUNCTION,
        ),
        (Opaque(), "Unrecognized reply (Opaque)"),
        (42, "Unrecognized reply (int)"),
        (None, "Unrecognized reply (NoneType)"),
        ("not json at all", "Action is not valid JSON"),
        ({"name": "final_answer", "arguments": {"answer": "x"}, "extra": 1}, "tool"),
    ],
    ids=[
        "bad-json",
        "unknown-tool",
        "no-call-no-content",
        "blank",
        "no-name",
        "custom-call",
        "object",
        "int",
        "none",
        "text",
        "extra-field",
    ],
)
def test_malformed_actions_give_error_observations(action, feedback):
    env, _, _ = chat()
    before = len(env.messages)
    obs, reward, terminated, _, info = env.step(action)
    assert info["is_error"] and not terminated and reward == 0.0
    assert len(env.unwrapped.trajectory) == 1 and env.unwrapped.trajectory[0]["is_error"]
    new = env.messages[before:]
    if feedback == "tool":
        assert roles(new) == ["assistant", "tool"] and new[1]["tool_call_id"] == "call_1"
        assert new[1]["content"] == env.unwrapped.trajectory[0]["result"]
    else:
        assert new[-1]["role"] == "user" and new[-1]["content"].startswith(feedback)
    assert env.observation_space.contains(obs) and json.loads(obs["messages"]) == env.messages
    obs, *_ = env.step(tool_call("search_tools", {"query": "notes"}))  # the episode goes on
    check_pairs(env.messages)
    assert sdk_roundtrip(env.messages, ChatCompletionMessageParam) == env.messages


def test_action_space_samples_openai_tool_calls():
    env, _, _ = chat()
    env.action_space.seed(0)
    sample = env.action_space.sample()
    assert env.action_space.contains(sample) and sample["type"] == "function"
    assert isinstance(json.loads(sample["function"]["arguments"]), dict)
    assert not env.action_space.contains({"name": "search_tools", "arguments": {}})
    env.step(sample)
    assert env.messages[-2]["tool_calls"][0] == sample
    with pytest.raises(ValueError, match="max_tools"):
        ChatAdapter(gym.make("ToolGym-v0", suite="core"), max_tools=-1)


# --- what OpenAI accepts ------------------------------------------------------------------------------------
ODD_SERVER = {
    "mcpServers": {
        "odd": {
            "command": sys.executable,
            "args": [str(FIXTURES / "odd_names_mcp_server.py")],
        }
    }
}


def test_tool_names_are_mapped_to_openais_alphabet_and_back():
    env = ChatAdapter(ToolGymEnv(mcp_servers=ODD_SERVER, suite="core"))
    try:
        env.reset(seed=0, options={"task_index": 0})
        env.step(tool_call("search_tools", {"query": "odd count the values", "top_k": 8}))
        env.step(tool_call("search_tools", {"query": "odd read file text path", "top_k": 8}))
        listed = [t["function"]["name"] for t in env.tools]
        assert all(OPENAI_NAME.match(n) for n in listed)
        mapped = openai_name("odd__read.file")
        assert (
            mapped in listed
            and mapped != "odd__read.file"
            and len(openai_name("odd__count_" + "x" * 70)) <= 64
        )
        _, _, _, _, info = env.step(tool_call(mapped, {"path": "/tmp/a"}))
        assert not info["is_error"] and env.unwrapped.trajectory[-1]["name"] == "odd__read.file"
        assert env.messages[-1]["content"].find("contents of /tmp/a") >= 0
        assert env.messages[-2]["tool_calls"][0]["function"]["name"] == mapped  # as the model said it
    finally:
        env.close()


def test_every_catalog_schema_is_one_openai_accepts():
    """Arrays carry items everywhere, names fit the alphabet, and the schemas pass the SDK's param type."""
    env = gym.make("ToolGym-v0", suite="core")
    catalog = env.unwrapped.catalog

    def arrays_have_items(schema):
        if isinstance(schema, dict):
            kind = schema.get("type")
            assert not (kind == "array" or isinstance(kind, list) and "array" in kind) or "items" in schema
            return all(arrays_have_items(v) for v in schema.values())
        return all(arrays_have_items(v) for v in schema) if isinstance(schema, list) else True

    for record in catalog.records():
        assert OPENAI_NAME.match(openai_name(record["name"]))
        assert arrays_have_items(model_schema(record["inputSchema"]))
    assert model_schema({"type": "object", "properties": {"tags": {"type": ["array", "null"]}}}) == {
        "type": "object",
        "properties": {"tags": {"type": "array", "items": {}}},
    }
    env.close()


def test_a_search_result_cut_short_still_loads_every_tool_it_names_in_full():
    env, _, _ = chat()
    obs, *_ = env.unwrapped.step(
        {"name": "search_tools", "arguments": {"query": "send an email", "top_k": 8}}
    )
    names = [t["name"] for t in json.loads(obs["result"])["tools"]]
    assert all(
        set(card) == {"name", "description", "signature"} for card in json.loads(obs["result"])["tools"]
    )
    cut = obs["result"][: obs["result"].index(names[-1]) + len(names[-1]) + 2]  # truncated mid-card
    env._remember(cut)
    loaded = {t["function"]["name"]: t["function"] for t in env._tool_entries()[3:]}
    assert list(loaded) == names
    for name in names:
        record = env.unwrapped.catalog.record(name)
        assert loaded[name]["description"] == record["description"] != ""
        assert loaded[name]["parameters"] == view(name, record["inputSchema"])
    shelf = ToolShelf(budget=3)
    shelf.load(names)
    assert shelf.names == names[:3] and shelf.loaded == names[:3]


def test_old_tool_results_are_elided_in_messages_and_the_knob_turns_it_off():
    """``messages`` (what goes to the model) shows the latest ``keep_results`` results in full and older ones
    elided (ids kept); ``history`` keeps the whole conversation; ``keep_results=None`` sends it unchanged."""
    index = 0
    env = ChatAdapter(gym.make("ToolGym-v0", suite="core"))
    reward, _ = oracle_episode(env, index)
    assert reward == 1.0 and env.keep_results == KEEP_RESULTS
    results = [m["content"] for m in env.history if m["role"] == "tool"]
    sent = [m["content"] for m in env.messages if m["role"] == "tool"]
    assert len(sent) == len(results) and sent[-KEEP_RESULTS:] == results[-KEEP_RESULTS:]
    elided = [text for text in sent[:-KEEP_RESULTS] if ELIDED_KEY in text]
    assert elided and all("chars cut" in json.loads(text)[ELIDED_KEY] for text in elided)
    assert sum(map(len, sent)) < sum(map(len, results))
    check_pairs(env.messages)
    off = ChatAdapter(gym.make("ToolGym-v0", suite="core"), keep_results=None)
    assert oracle_episode(off, index)[0] == 1.0
    assert off.messages == off.history and not any(ELIDED_KEY in str(m.get("content")) for m in off.messages)
    with pytest.raises(InvalidArgumentError):
        ChatAdapter(gym.make("ToolGym-v0", suite="core"), keep_results=-1)


def test_old_search_exchanges_leave_the_messages():
    env, *_ = chat()
    env.step(tool_call("search_tools", {"query": "send an email"}, "s1"))
    for n in range(KEEP_RESULTS):
        env.step(tool_call("wait", {"seconds": 1}, f"w{n}"))
    ids = [c["id"] for m in env.messages for c in m.get("tool_calls") or ()]
    assert "s1" not in ids and "s1" in [c["id"] for m in env.history for c in m.get("tool_calls") or ()]
    assert len(env.tools) > 3  # what it loaded is still in the tool list
    check_pairs(env.messages)
