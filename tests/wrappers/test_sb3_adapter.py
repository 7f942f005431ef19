"""The SB3 adapter (``NumericAdapter``): SB3's ``check_env`` on the stack, spaces, determinism, invalid
actions, vector envs, pickling, featurizers, and candidates good enough to solve a task."""

import os
import pickle
import subprocess
import sys
import warnings

import gymnasium as gym
import numpy as np
import pytest

import toolgym_env  # noqa: F401  (registers the ids)
from toolgym_env.tasks import load_suite
from toolgym_env.wrappers import JudgeReward, NumericAdapter, StateController, register_numeric
from toolgym_env.wrappers.featurize import HashingFeaturizer, make_featurizer
from toolgym_env.wrappers.numeric import FEATURE_NAMES, NUMERIC_ID, PROGRESS_NAMES, make_numeric

register_numeric()
FAMILY = "pick+notify"
SUITE = "checklist-test"  # the grammar the candidate builder reads


def hashing_env(env=None, **kwargs):
    return NumericAdapter(
        env if env is not None else gym.make("ToolGym-v0", suite=SUITE),
        featurizer="hashing",
        dim=64,
        **kwargs,
    )


def family_env(suite=SUITE, **kwargs):
    tasks = [t for t in load_suite(suite) if t.family == FAMILY]
    return make_numeric(featurizer="hashing", dim=64, suite=suite, tasks=tasks, max_steps=14, **kwargs)


def expert(env):
    """The right candidate for a pick+notify task: the next untried move of an unfinished step, the pick in
    the direction the request asks for; the final answer when nothing is left."""
    b = env.builder
    for j, c in enumerate(env.cands):
        if c.move == "final" or c.step in b.done or (b.tried[c.move_key] and c.move != "pick"):
            continue
        if c.move == "pick" and c.choice != b.steps[c.step].criteria.best:
            continue
        return j
    return 0


def run(env, policy, seed=0, options=None):
    obs, info = env.reset(seed=seed, options=options)
    observations, total = [obs], 0.0
    while True:
        obs, reward, terminated, truncated, info = env.step(policy(env))
        observations.append(obs)
        total += reward
        if terminated or truncated:
            return observations, total, info


def test_check_env_on_default_stack():
    check_env = pytest.importorskip("stable_baselines3.common.env_checker").check_env
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # SB3 warns about spaces it cannot use
        check_env(hashing_env(), warn=True)


def test_check_env_with_state_controller_inside():
    check_env = pytest.importorskip("stable_baselines3.common.env_checker").check_env
    check_env(
        hashing_env(StateController(gym.make("ToolGym-v0", suite=SUITE), profile="heavy", seed=0)), warn=True
    )
    check_env(make_numeric(featurizer="hashing", dim=32, perturb="moderate"), warn=True)


def test_spaces_and_observations_in_bounds():
    env = hashing_env(max_candidates=6)
    space = env.observation_space
    assert env.action_space == gym.spaces.Discrete(6)
    assert space["candidates"].shape == (6 * 64,) and space["features"].shape == (6 * len(FEATURE_NAMES),)
    assert space["progress"].shape == (len(PROGRESS_NAMES),)
    rng = np.random.default_rng(0)
    for seed in range(4):  # odd seeds: any slot; even seeds: never the final answer (longer episodes)
        low = 0 if seed % 2 else 1
        observations, _, _ = run(env, lambda e, low=low: int(rng.integers(low, 6)), seed=seed)
        for obs in observations:
            assert space.contains(obs)
            assert all(v.dtype == np.float32 and np.isfinite(v).all() for v in obs.values())


def test_same_seed_and_actions_give_identical_observations():
    a, b = hashing_env(), hashing_env()
    oa, ob = a.reset(seed=5)[0], b.reset(seed=5)[0]
    rng = np.random.default_rng(3)
    for _ in range(8):  # valid non-final moves while there are some
        assert all(np.array_equal(oa[k], ob[k]) for k in oa)
        valid = np.flatnonzero(oa["mask"])
        action = int(rng.choice(valid[1:])) if len(valid) > 1 else 0
        oa, ra, ta, tra, ia = a.step(action)
        ob, rb, tb, trb, ib = b.step(action)
        assert (
            (ra, ta, tra) == (rb, tb, trb)
            and ia["candidates"] == ib["candidates"]
            and ia["call"] == ib["call"]
        )
        if ta or tra:
            break
    assert all(np.array_equal(oa[k], ob[k]) for k in oa)


def test_perturbed_episodes_run_to_the_end():
    env = hashing_env(
        StateController(gym.make("ToolGym-v0", suite=SUITE, max_steps=20), profile="heavy", seed=1)
    )
    for seed in range(3):
        observations, _, info = run(env, expert, seed=seed)
        assert all(env.observation_space.contains(o) for o in observations) and "judge" in info


def test_hashing_featurizer_is_the_same_in_another_process():
    text = "List the open invoices of Acme CRM whose status is “due”"
    here = HashingFeaturizer(dim=64).encode([text])[0]
    code = (
        "import sys; from toolgym_env.wrappers.featurize import HashingFeaturizer; "
        "sys.stdout.write(HashingFeaturizer(dim=64).encode([sys.argv[1]])[0].tobytes().hex())"
    )
    for hashseed in ("1", "987"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        out = subprocess.run(
            [sys.executable, "-c", code, text], capture_output=True, text=True, env=env, check=True
        )
        assert out.stdout == here.tobytes().hex()
    assert abs(float(np.linalg.norm(here)) - 1.0) < 1e-5


def test_empty_slot_gives_an_error_observation_not_an_exception():
    env = hashing_env()
    obs, info = env.reset(seed=0)
    empty = int(np.flatnonzero(obs["mask"] == 0)[0])
    assert not info["action_mask"][empty]
    obs, reward, terminated, _, info = env.step(empty)
    assert info["invalid_action"] and info["is_error"] and reward == 0.0 and not terminated
    assert obs["progress"][PROGRESS_NAMES.index("is_error")] == 1.0
    obs, *_ = env.step(np.array([99]))  # out of range too
    assert env.observation_space.contains(obs)


def test_candidates_solve_a_held_out_task_and_reward_is_the_judges():
    env = family_env()
    _, total, info = run(env, expert, options={"task_index": 0})
    assert info["judge"]["success"] and total == pytest.approx(info["judge"]["reward"]) and total > 0.9
    assert info["call"]["name"] == "final_answer"
    _, total, info = run(env, lambda e: 0, options={"task_index": 0})  # answering at once fails
    assert total == 0.0 and not info["judge"]["success"]


def test_info_shows_the_call_and_the_candidates():
    env = family_env()
    _, info = env.reset(seed=0, options={"task_index": 1})
    assert info["presearch"] >= 2 and info["candidates"][0] == "final_answer"
    assert len(info["candidates"]) == len(info["candidate_texts"]) == int(info["action_mask"].sum())
    _, _, _, _, info = env.step(1)
    assert info["call"] == {"name": info["call"]["name"], "arguments": info["call"]["arguments"]}
    assert info["call"]["name"] != "final_answer"


def test_pickle_round_trip_continues_identically():
    env = family_env()
    env.reset(seed=0, options={"task_index": 2})
    env.step(expert(env))
    clone = pickle.loads(pickle.dumps(env))
    for _ in range(3):
        a = expert(env)
        oa, ra, *_ = env.step(a)
        ob, rb, *_ = clone.step(a)
        assert all(np.array_equal(oa[k], ob[k]) for k in oa) and ra == rb


@pytest.mark.parametrize(
    "mode, kwargs",
    [
        ("sync", {}),
        pytest.param("async", {"shared_memory": False}, marks=pytest.mark.slow),
        pytest.param("async", {"shared_memory": True}, marks=pytest.mark.slow),
    ],
)
def test_make_vec(mode, kwargs):
    envs = gym.make_vec(
        NUMERIC_ID, num_envs=2, vectorization_mode=mode, vector_kwargs=kwargs, featurizer="hashing", dim=32
    )
    obs, _ = envs.reset(seed=0)
    assert obs["candidates"].shape == (2, 8 * 32) and envs.observation_space.contains(obs)
    for action in ([1, 1], [2, 1], [0, 0]):
        obs, _, terminated, _, _ = envs.step(np.array(action))
        assert envs.observation_space.contains(obs) and obs["instruction"].any(axis=1).all()
    assert terminated.all()  # slot 0 is the final answer
    envs.close()


def test_make_vec_with_the_adapter_as_a_wrapper_over_the_default_stack():
    envs = gym.make_vec(
        "ToolGym-v0",
        num_envs=2,
        vectorization_mode="sync",
        wrappers=[lambda e: NumericAdapter(e, featurizer="hashing", dim=32)],
    )
    obs, _ = envs.reset(seed=1)
    assert obs["features"].shape == (2, 8 * len(FEATURE_NAMES))
    _, _, terminated, _, infos = envs.step(np.zeros(2, dtype=np.int64))
    assert terminated.all() and "judge" in infos
    envs.close()


def test_judge_shaping_passes_through():
    env = family_env(shaping=1.0)
    _, total, info = run(env, expert, options={"task_index": 0})
    assert isinstance(env.env, JudgeReward)
    assert info["judge"]["success"] and total == pytest.approx(2.0, abs=0.01)  # shaping sums to 1 + judge 1


def test_auto_featurizer_falls_back_to_hashing(monkeypatch):
    from toolgym_env.retrieval import embedding

    monkeypatch.setattr(embedding, "embed_available", lambda: False)
    with pytest.warns(UserWarning, match="hashing"):
        f = make_featurizer("auto", dim=16)
    assert f.name == "hashing" and f.dim == 16
    with pytest.raises(ValueError):
        make_featurizer("tfidf")


@pytest.mark.slow
def test_minilm_featurizer():
    pytest.importorskip("sentence_transformers")
    from toolgym_env.retrieval.embedding import embed_available

    if not embed_available():
        pytest.skip("embed extra missing")
    f = make_featurizer("minilm")
    v = f.encode(["send an email to Ann", "", "send an email to Ann"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[0]), 1.0, atol=1e-4) and not v[1].any() and np.array_equal(v[0], v[2])
    env = NumericAdapter(gym.make("ToolGym-v0", suite=SUITE), featurizer=f)
    obs, _ = env.reset(seed=0)
    assert env.observation_space.contains(obs) and obs["instruction"].shape == (384,)
