"""ToolGymEnv through gym.make: registry sweep, spaces, episodes, determinism, pickling, rendering."""

import json
import pickle
import subprocess
import sys
import threading

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env

import toolgym_env
from tests.support import REPO
from toolgym_env.agents import NullAgent, OracleAgent, run_episode


@pytest.mark.parametrize("env_id", toolgym_env.ENV_IDS)
def test_registry_sweep_check_env(env_id):
    env = gym.make(env_id)
    check_env(env.unwrapped, skip_render_check=False)
    env.close()


def test_reset_observation_and_info(env):
    obs, info = env.reset(seed=3)
    assert env.observation_space.contains(obs)
    assert obs["instruction"] and obs["step"] == 0 and obs["is_error"] == 0 and obs["time"].endswith("Z")
    assert "search_tools" in obs["result"] and info["task_id"]


def test_action_space_samples_are_schema_valid_and_executable(env):
    import jsonschema

    env.reset(seed=0)
    space = env.action_space
    space.seed(7)
    internal_errors = 0
    for _ in range(300):
        action = space.sample()
        assert space.contains(action)
        schema = space.schemas[action["name"]]
        jsonschema.validate(action["arguments"], schema)
        obs, _, term, trunc, _ = env.step(action)
        internal_errors += "Internal error" in obs["result"]
        if term or trunc:
            env.reset()
    assert internal_errors == 0


def test_search_tools_then_call_then_answer(env):
    obs, _ = env.reset(seed=0)
    obs, *_ = env.step({"name": "search_tools", "arguments": {"query": "send an email", "top_k": 3}})
    tools = json.loads(obs["result"])["tools"]
    assert tools[0]["name"] == "mail__send_email" and tools[0]["signature"].startswith(
        "(to: string[], subject: string"
    )
    obs, *_ = env.step({"name": "contacts__search_contacts", "arguments": '{"query": "a", "limit": 2}'})
    assert obs["is_error"] == 0 and len(json.loads(obs["result"])["items"]) == 2
    obs, reward, term, trunc, info = env.step({"name": "final_answer", "arguments": {"answer": "done"}})
    assert term and not trunc and reward == 0.0 and info["judge"]["success"] is False


def test_max_steps_truncates():
    env = gym.make("ToolGym-v0", max_steps=3)
    env.reset(seed=0)
    flags = [env.step({"name": "chat__get_my_profile"})[2:4] for _ in range(3)]
    assert flags == [(False, False), (False, False), (False, True)]
    env.close()


@pytest.mark.slow
def test_oracle_scores_one_and_null_zero_on_every_task(core_tasks):
    env = gym.make("ToolGym-v0", suite="core")
    for task in core_tasks:
        assert run_episode(env, OracleAgent(), options={"task_id": task.id}).reward == 1.0, task.id
        assert run_episode(env, NullAgent(), options={"task_id": task.id}).reward == 0.0, task.id
    env.close()


def _rollout(env_id="ToolGym-v0", seed=11, n=25):
    env = gym.make(env_id)
    obs, info = env.reset(seed=seed)
    env.action_space.seed(seed)
    trace = [json.dumps([obs, info], sort_keys=True)]
    for _ in range(n):
        out = env.step(env.action_space.sample())
        trace.append(json.dumps(out, sort_keys=True, default=str))
        if out[2] or out[3]:
            out = env.reset()
            trace.append(json.dumps(out, sort_keys=True))
    env.close()
    return trace


@pytest.mark.slow
def test_same_seed_same_trajectory_in_process_and_across_processes():
    here = _rollout()
    assert here == _rollout()
    code = (
        f"import json,sys; sys.path.insert(0, {str(REPO)!r}); from tests.envs.test_env import _rollout; "
        "print(json.dumps(_rollout()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == here
    assert _rollout(seed=12) != here


def test_pickle_roundtrip_mid_episode_continues_identically(env):
    env.reset(seed=5)
    env.step({"name": "contacts__update_contact", "arguments": {"contact_id": "ct_p002", "notes": "x"}})
    clone = pickle.loads(pickle.dumps(env.unwrapped))
    action = {"name": "contacts__get_contact", "arguments": {"contact_id": "ct_p002"}}
    assert clone.step(action)[0] == env.unwrapped.step(action)[0]
    assert clone.world_diff().summary() == env.unwrapped.world_diff().summary()
    clone.close()


def test_render_ansi(env):
    env = gym.make("ToolGym-v0", render_mode="ansi")
    env.reset(seed=0)
    assert env.unwrapped.task.instruction in env.render()
    env.step({"name": "nope"})
    assert "ERROR" in env.render()
    env.close()


def test_close_leaves_no_threads():
    before = threading.active_count()
    env = gym.make("ToolGym-MCP-v0")
    env.reset(seed=0)
    env.step({"name": "chat__get_my_profile"})
    assert threading.active_count() > before
    env.close()
    assert threading.active_count() == before
