"""Sync and async vector envs run full episodes with correct text observations."""

import json

import gymnasium as gym
import pytest

import toolgym_env  # noqa: F401
from toolgym_env.refs import resolve_refs
from toolgym_env.tasks import load_suite


@pytest.mark.slow
@pytest.mark.parametrize("suite", ["core", "test"])
@pytest.mark.parametrize("mode, kwargs", [("sync", {}), ("async", {"shared_memory": False})])
def test_vector_env_runs_oracle_episodes(mode, kwargs, suite):
    n = 4
    task = load_suite(suite)[0]
    envs = gym.make_vec("ToolGym-v0", num_envs=n, vectorization_mode=mode, vector_kwargs=kwargs, suite=suite)
    obs, infos = envs.reset(seed=0, options={"task_id": task.id})  # every slot runs the same task
    assert all(isinstance(s, str) and s for s in obs["instruction"])
    assert not any(s.startswith("000") for s in obs["instruction"])
    results: list[list] = [[] for _ in range(n)]
    for call in task.oracle:
        actions = tuple(
            {"name": call.name, "arguments": resolve_refs(call.arguments, results[i])} for i in range(n)
        )
        obs, rew, term, trunc, infos = envs.step(actions)
        for i in range(n):
            results[i].append(json.loads(obs["result"][i]))
    obs, rew, term, trunc, infos = envs.step(
        tuple({"name": "final_answer", "arguments": {"answer": task.oracle_answer}} for _ in range(n))
    )
    assert list(term) == [True] * n and list(rew) == [1.0] * n
    envs.close()


@pytest.mark.slow
def test_per_env_seeds_give_distinct_tasks():
    envs = gym.make_vec("ToolGym-v0", num_envs=4, vectorization_mode="sync")
    _, infos = envs.reset(seed=100)
    assert len(set(infos["task_id"])) >= 3
    envs.close()


@pytest.mark.slow
def test_async_observations_match_sync():
    sync = gym.make_vec("ToolGym-v0", num_envs=2, vectorization_mode="sync")
    asyn = gym.make_vec(
        "ToolGym-v0", num_envs=2, vectorization_mode="async", vector_kwargs={"shared_memory": False}
    )
    a, _ = sync.reset(seed=9)
    b, _ = asyn.reset(seed=9)
    assert a["instruction"] == b["instruction"]
    act = ({"name": "search_tools", "arguments": {"query": "book a flight"}},) * 2
    assert sync.step(act)[0]["result"] == asyn.step(act)[0]["result"]
    sync.close()
    asyn.close()


# --- every wrapper in a vector env: StateController, JudgeReward (in ToolGym-v0), ChatAdapter ---------------

from gymnasium.vector import AutoresetMode  # noqa: E402

from toolgym_env.wrappers import ChatAdapter, StateController  # noqa: E402

MODES = [("sync", {}), ("async", {"shared_memory": False})]
SEARCH = {"name": "search_tools", "arguments": {"query": "find a contact"}}
READ = {"name": "contacts__get_contact", "arguments": {"contact_id": "ct_p001"}}


def controlled(env):
    """The robustness stack: a state controller on the default (judge-reward) env."""
    return StateController(env, profile="heavy", seed=3)


def _rollout(envs, n, steps):
    obs, infos = envs.reset(seed=40)
    trace = [(list(obs["instruction"]), list(infos["task_id"]))]
    for i in range(steps):
        obs, rew, term, trunc, infos = envs.step(((SEARCH, READ)[i % 2],) * n)
        trace.append(
            (
                list(obs["result"]),
                [float(r) for r in rew],
                list(term),
                list(trunc),
                list(obs["step"]),
                [bool(x) for x in infos.get("_perturbations", [False] * n)],
            )
        )
    return trace


@pytest.mark.slow
def test_state_controller_stack_is_identical_in_sync_and_async():
    n = 3
    runs = [
        gym.make_vec(
            "ToolGym-v0",
            num_envs=n,
            vectorization_mode=mode,
            vector_kwargs=kw,
            max_steps=5,
            wrappers=[controlled],
        )
        for mode, kw in MODES
    ]
    traces = [_rollout(envs, n, 14) for envs in runs]
    for envs in runs:
        envs.close()
    assert traces[0] == traces[1]
    assert any(
        any(step[5]) for step in traces[0][1:]
    )  # perturbations fired (heavy profile) and were reported
    assert len(set(traces[0][0][1])) == n  # per-env seeds 40, 41, 42: distinct tasks


@pytest.mark.parametrize("mode, kwargs", MODES)
def test_next_step_autoreset_after_truncation_judges_then_restarts(mode, kwargs):
    n = 2
    envs = gym.make_vec(
        "ToolGym-v0",
        num_envs=n,
        vectorization_mode=mode,
        vector_kwargs=kwargs,
        max_steps=3,
        wrappers=[controlled],
    )
    obs, infos = envs.reset(seed=5)
    first_tasks = list(infos["task_id"])
    for _ in range(2):
        obs, rew, term, trunc, infos = envs.step((READ,) * n)
        assert not any(trunc)
    obs, rew, term, trunc, infos = envs.step((READ,) * n)
    assert list(trunc) == [True] * n and list(obs["step"]) == [3] * n
    assert all(infos["_judge"]) and not any(
        infos["judge"]["success"]
    )  # judged at the end (nested info merged)
    assert list(rew) == [0.0] * n
    obs, rew, term, trunc, infos = envs.step(
        (READ,) * n
    )  # NEXT_STEP: this step is the reset, the action ignored
    assert list(obs["step"]) == [0] * n and list(rew) == [0.0] * n and not any(term) and not any(trunc)
    assert all(r.startswith("You can call search_tools") for r in obs["result"])
    assert all(isinstance(t, str) and t for t in infos["task_id"])
    assert list(infos["task_id"]) != first_tasks or n == 1  # the sub-envs' own generators draw the next tasks
    obs, *_ = envs.step((READ,) * n)
    assert list(obs["step"]) == [1] * n
    envs.close()


@pytest.mark.parametrize("mode, kwargs", MODES)
def test_same_step_autoreset_keeps_the_final_observation(mode, kwargs):
    n = 2
    envs = gym.make_vec(
        "ToolGym-v0",
        num_envs=n,
        vectorization_mode=mode,
        max_steps=2,
        wrappers=[controlled],
        vector_kwargs={**kwargs, "autoreset_mode": AutoresetMode.SAME_STEP},
    )
    envs.reset(seed=1)
    envs.step((READ,) * n)
    obs, rew, term, trunc, infos = envs.step((READ,) * n)
    assert list(trunc) == [True] * n
    assert list(obs["step"]) == [0] * n  # already the next episode's first observation
    assert [o["step"] for o in infos["final_obs"]] == [2, 2]
    assert all(infos["final_info"]["_judge"]) and not any(infos["final_info"]["judge"]["success"])
    envs.close()


@pytest.mark.parametrize("mode, kwargs", MODES)
def test_chat_adapter_in_a_vector_env(mode, kwargs):
    n = 2
    envs = gym.make_vec(
        "ToolGym-v0",
        num_envs=n,
        vectorization_mode=mode,
        vector_kwargs=kwargs,
        suite="core",
        wrappers=[controlled, ChatAdapter],
    )
    obs, _ = envs.reset(seed=0)
    assert [[m["role"] for m in json.loads(s)] for s in obs["messages"]] == [["system", "user"]] * n
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "search_tools", "arguments": '{"query": "send an email"}'},
    }
    obs, rew, term, trunc, infos = envs.step((call,) * n)
    for text in obs["messages"]:
        roles = [m["role"] for m in json.loads(text)]
        answer = json.loads(text)[3]  # a user interruption from the controller may follow it
        assert roles[:4] == ["system", "user", "assistant", "tool"] and answer["tool_call_id"] == "call_1"
    assert all(len(json.loads(t)) > 3 for t in obs["tools"])
    envs.close()
