"""``ToolGymTRLEnv``: TRL's ``environment_factory`` contract, episodes through its tools, judged rewards."""

from __future__ import annotations

import inspect
import json

import pytest

from toolgym_env.agents.oracle import OracleAgent
from toolgym_env.errors import InvalidArgumentError
from toolgym_env.integrations import SessionConfig, ToolGymTRLEnv, make_stack, trl_env_factory
from toolgym_env.integrations.trl_data import trl_dataset, trl_rows, trl_system_prompt
from toolgym_env.integrations.trl_env import EPISODE_OVER
from toolgym_env.tasks import load_suite

TASK = "core-best-product-order-00"


def oracle_calls(env: ToolGymTRLEnv):
    """Drive the env's tools with the task's reference solution (arguments as JSON strings, as a model sends
    them); returns the tool texts."""
    agent = OracleAgent()
    agent.task, agent.results, agent.cursor = env.env.unwrapped.task, [], 0
    texts, obs = [], {"result": "", "is_error": 0}
    for _ in agent.task.oracle:
        call = agent.act(obs, {})
        text = env.call_tool(call["name"], json.dumps(call["arguments"]))
        texts.append(text)
        obs = {"result": text, "is_error": 0}
    agent.act(obs, {})  # records the last result
    return texts, agent.task.oracle_answer


def test_public_methods_are_exactly_trls_contract():
    """TRL exposes every public function of the class as a tool, besides reset and get_reward."""
    public = {
        n for n, _ in inspect.getmembers(ToolGymTRLEnv, predicate=inspect.isfunction) if not n.startswith("_")
    }
    assert public == {"reset", "get_reward", "search_tools", "call_tool", "final_answer"}


def test_tool_schemas_come_from_type_hints_and_docstrings():
    from transformers.utils import get_json_schema

    env = ToolGymTRLEnv({"suite": "core"})
    schemas = {
        m.__name__: get_json_schema(m)["function"]
        for m in (env.search_tools, env.call_tool, env.final_answer)
    }
    assert schemas["call_tool"]["parameters"]["required"] == ["name"]
    assert (
        "JSON object string" in schemas["call_tool"]["parameters"]["properties"]["arguments"]["description"]
    )
    assert schemas["search_tools"]["parameters"]["properties"]["top_k"]["type"] == "integer"
    assert schemas["final_answer"]["parameters"]["required"] == ["answer"]


def test_oracle_through_the_tools_scores_one_and_matches_in_process():
    records = []
    env = ToolGymTRLEnv({"suite": "core"}, log=records.append)
    request = env.reset(task_id=TASK, prompt=[{"role": "user", "content": ""}])
    assert request == load_suite("core")[0].instruction
    texts, answer = oracle_calls(env)
    assert env.final_answer(answer) == '{"submitted":true}'
    assert env.get_reward() == 1.0 and env.verdict["success"]
    assert env.get_reward() == 1.0 and len(records) == 1  # asked twice: judged once
    assert records[0]["task_id"] == TASK and records[0]["tool_calls"] == len(texts) + 1
    assert all("expected" not in check for check in env.verdict["checks"])  # nothing the model could copy

    direct = make_stack({"suite": "core"})
    direct.reset(options={"task_id": TASK})
    agent = OracleAgent()
    agent.reset(direct, {}, {})
    obs, info, done, reward = {"result": "", "is_error": 0}, {}, False, 0.0
    results = []
    while not done:
        obs, reward, terminated, truncated, info = direct.step(agent.act(obs, info))
        results.append(obs["result"])
        done = terminated or truncated
    assert results[:-1] == texts and reward == env.reward  # the same episode, byte for byte


def test_an_unfinished_rollout_is_judged_as_it_stands_with_shaping():
    env = ToolGymTRLEnv({"suite": "core", "shaping": 0.5})
    env.reset(task_id=TASK)
    oracle_calls(env)  # the world is right, but no final answer
    reward = env.get_reward()
    assert env.verdict is not None and not env.verdict["success"]
    assert 0 < env.verdict["progress"] < 1 and reward == pytest.approx(
        0.5 * env.verdict["progress"], abs=1e-4
    )
    assert env.call_tool("wait", '{"seconds": 1}') == EPISODE_OVER
    env.reset(task_id=TASK)
    assert env.verdict is None and env.reward is None  # a new episode forgets the last verdict


def test_bad_calls_are_text_for_the_model_not_exceptions():
    env = ToolGymTRLEnv({"suite": "core"})
    env.reset(task_id=TASK)
    assert "Unknown tool" in env.call_tool("no_such_tool", "{}")
    assert "JSON" in env.call_tool("mail__send_email", "{not json")
    assert "Invalid arguments" in env.search_tools("", top_k=99)
    assert env.call_tool("mail__list_messages", {"limit": 1}).startswith("{")  # an object is accepted too


def test_state_controller_profile_runs_underneath():
    records = []
    env = trl_env_factory({"suite": "core", "profile": "first_non_search", "seed": 3}, log=records.append)()
    env.reset(task_id=TASK)
    assert env.call_tool("mail__list_messages", "{}").startswith("Error 503")
    env.final_answer("no")
    env.get_reward()
    assert records[0]["perturbations"] == 1


def test_the_step_limit_ends_the_episode_and_says_so():
    env = ToolGymTRLEnv({"suite": "core", "max_episode_steps": 2})
    env.reset(task_id=TASK)
    env.search_tools("buy a product")
    assert env.search_tools("pay").endswith("The step limit is reached: the task is over.")
    assert env.search_tools("more") == EPISODE_OVER
    assert env.get_reward() == 0.0 and env.verdict is not None


def test_without_a_task_id_the_env_draws_reproducibly():
    first = [ToolGymTRLEnv({"suite": "core", "seed": 5}) for _ in range(2)]
    drawn = [[e.reset(prompt=[]) and e.task_id for _ in range(3)] for e in first]
    assert drawn[0] == drawn[1] and len(set(drawn[0])) > 1


def test_dataset_rows_reset_the_env_the_way_trl_does():
    rows = trl_rows("core", n=3)
    dataset = trl_dataset("core", n=3)
    assert dataset.column_names == ["prompt", "task_id"] and len(dataset) == 3
    assert dataset[0]["prompt"][0] == {"role": "system", "content": trl_system_prompt()}
    env = ToolGymTRLEnv({"suite": "core"})
    for row, task in zip(dataset, load_suite("core")[:3], strict=True):
        assert env.reset(**row) == task.instruction and env.task_id == task.id
    assert trl_rows("core", n=1, system_prompt="")[0]["prompt"] == [{"role": "user", "content": ""}]
    assert rows == [dict(r) for r in dataset]


def test_config_errors_are_typed():
    with pytest.raises(InvalidArgumentError, match="profile"):
        ToolGymTRLEnv({"suite": "core", "profile": "nope"})
    with pytest.raises(InvalidArgumentError, match="shaping"):
        SessionConfig.parse({"shaping": -1})
