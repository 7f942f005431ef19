"""Gymnasium conventions: one step limit (the spec's), every truncation judged, ``contains`` agreeing with
``step``, ``close`` releasing everything, the verdict in ``render``, typed errors for misuse, and a registry
sweep (check_env, determinism under a seed, pickling) over every registered id."""

import pickle
import sqlite3

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env, data_equivalence

import toolgym_env
from toolgym_env import errors
from toolgym_env.envs import ToolGymEnv
from toolgym_env.envs.actions import MAX_DEPTH
from toolgym_env.hub.dispatch import MAX_ARGUMENT_CHARS
from toolgym_env.wrappers import ChatAdapter, JudgeReward, StateController

WAIT = {"name": "wait", "arguments": {"seconds": 1}}
ANSWER = {"name": "final_answer", "arguments": {"answer": "Done."}}
# kwargs that keep the numeric adapter cheap (no MiniLM download)
MAKE_KWARGS = {"ToolGym-Discrete-v0": {"featurizer": "hashing", "dim": 32}}


def make(env_id="ToolGym-v0", **kwargs):
    return gym.make(env_id, **{**MAKE_KWARGS.get(env_id, {}), **kwargs})


def _run_until_done(env, action=WAIT, limit=1000):
    """Step until the episode ends; the number of steps and the last step's output."""
    for n in range(1, limit + 1):
        out = env.step(action)
        if out[2] or out[3]:
            return n, out
    raise AssertionError("episode did not end")


# --- one step limit: the spec's -----------------------------------------------------------------------------
@pytest.mark.parametrize("env_id", toolgym_env.ENV_IDS)
def test_spec_declares_the_step_limit_the_env_uses(env_id):
    assert gym.spec(env_id).max_episode_steps == toolgym_env.DEFAULT_MAX_STEPS == 40
    env = make(env_id)
    assert env.spec.max_episode_steps == 40 and env.unwrapped.max_steps == 40
    env.close()


def test_default_limit_truncates_at_40_and_is_judged():
    env = make()
    _, info = env.reset(seed=0)
    assert info["max_steps"] == 40
    n, (obs, reward, terminated, truncated, info) = _run_until_done(env)
    assert (n, terminated, truncated, obs["step"]) == (40, False, True, 40)
    assert "judge" in info and reward == info["judge"]["reward"]
    env.close()


def test_make_max_episode_steps_100_truncates_exactly_at_100_and_is_judged():
    env = make(max_episode_steps=100)
    assert repr(env).startswith("<JudgeReward<TimeLimit<")  # the judge sits above gym.make's TimeLimit
    _, info = env.reset(seed=1)
    assert info["max_steps"] == 100 and env.spec.max_episode_steps == 100
    n, (obs, _, terminated, truncated, info) = _run_until_done(env)
    assert (n, terminated, truncated, obs["step"]) == (100, False, True, 100)
    assert set(info["judge"]) >= {"success", "reward", "checks"}
    env.close()


def test_discrete_limit_counts_env_steps_presearch_included():
    env = make("ToolGym-Discrete-v0", max_episode_steps=12)
    _, info = env.reset(seed=0)
    assert info["max_steps"] == 12
    presearch = info["presearch"]
    n, (_, _, terminated, truncated, info) = _run_until_done(
        env, action=env.action_space.n - 1
    )  # an empty slot
    assert (terminated, truncated) == (False, True) and n + presearch == 12 and "judge" in info
    env.close()


def test_max_steps_keyword_replaces_the_default_and_must_not_contradict():
    env = make(max_steps=3)  # the constructor's name for the limit, still accepted through gym.make
    assert env.spec.max_episode_steps == 3 and env.unwrapped.max_steps == 3
    env.reset(seed=0)
    assert _run_until_done(env)[0] == 3
    env.close()
    with pytest.raises(errors.InvalidArgumentError, match="disagree"):
        make(max_steps=3, max_episode_steps=7)


def test_no_time_limit_means_no_step_limit():
    env = make(max_episode_steps=-1)
    assert "TimeLimit" not in repr(env) and env.unwrapped.max_steps is None
    env.reset(seed=0)
    for _ in range(45):
        assert env.step(WAIT)[3] is False
    env.close()


def test_env_spec_rebuilds_the_same_stack():
    env = make(max_episode_steps=9, judge=True)
    again = gym.make(env.spec)
    assert repr(again) == repr(env) and again.unwrapped.max_steps == 9 and again.spec.max_episode_steps == 9
    env.close()
    again.close()


@pytest.mark.parametrize("inner_limit, outer_limit, expected", [(None, 5, 5), (3, 10, 3), (6, 6, 6)])
def test_truncation_judged_whoever_truncates(inner_limit, outer_limit, expected):
    """A TimeLimit of your own under the judge, or the env's own limit: the truncating step is judged."""
    env = JudgeReward(gym.wrappers.TimeLimit(ToolGymEnv(max_steps=inner_limit), outer_limit))
    env.reset(seed=2)
    n, (_, reward, terminated, truncated, info) = _run_until_done(env)
    assert (n, terminated, truncated) == (expected, False, True)
    assert "judge" in info and reward == info["judge"]["reward"]
    env.close()


def test_judged_truncation_is_judged_once_and_records_the_episode(tmp_path):
    from toolgym_env.wrappers import RecordEpisodes

    env = RecordEpisodes(make(max_episode_steps=4), tmp_path / "runs.jsonl", agent="waiter")
    env.reset(seed=0)
    n, (_, _, _, truncated, info) = _run_until_done(env)
    assert n == 4 and truncated and env.last_record["steps"] == 4 and "judge" in info
    env.close()


# --- the action space agrees with step --------------------------------------------------------------------
def _nested(depth):
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


WELL_FORMED = [
    {"name": "search_tools", "arguments": {"query": "send an email"}},
    {"name": "search_tools", "arguments": '{"query": "send an email"}'},  # arguments as a JSON string
    '{"name": "search_tools", "arguments": {"query": "send an email"}}',  # the whole action as a JSON string
    b'{"name": "wait", "arguments": "{\\"seconds\\": 2}"}',
    {"name": "wait", "arguments": {"seconds": 1.5}},
    {"name": "chat__get_my_profile"},  # no arguments
    {"name": "chat__get_my_profile", "arguments": ""},  # empty arguments string
    {"name": "chat__get_my_profile", "arguments": None},
    {"name": "final_answer", "arguments": {"answer": "Done."}},
]
MALFORMED = [
    {"name": "no_such_tool", "arguments": {}},
    {"name": "search_tools", "arguments": [1, 2]},
    {"name": "search_tools", "arguments": "[1, 2]"},
    {"name": "search_tools", "arguments": "not json"},
    {"name": "search_tools", "arguments": {"query": {1, 2}}},  # not JSON-serializable
    {"name": "search_tools", "arguments": {"query": "x"}, "extra": 1},
    {"name": "", "arguments": {}},
    {"arguments": {"query": "x"}},
    "not json at all",
    '["search_tools"]',
    42,
    None,
    {"name": "search_tools", "arguments": {"query": "x", "deep": _nested(MAX_DEPTH + 2)}},  # too deep
    {"name": "search_tools", "arguments": "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2)},
    {"name": "search_tools", "arguments": "x" * (MAX_ARGUMENT_CHARS + 1)},
]


def test_contains_agrees_with_step():
    env = make()
    env.reset(seed=0)
    space = env.action_space
    for action in WELL_FORMED:
        obs, *_ = env.step(action)
        assert space.contains(action), action
        assert obs["is_error"] == 0, (action, obs["result"])
        if obs["tool"] == "final_answer":
            env.reset(seed=0)
    for action in MALFORMED:
        obs, *_ = env.step(action)
        assert not space.contains(action), action
        assert obs["is_error"] == 1, (str(action)[:80], obs["result"])
    # argument *values* are the tool's business: a well-formed call with a bad value is contained, and step
    # answers it with an error observation (as any tool error), not an exception
    bad_value = {"name": "search_tools", "arguments": {"query": 5}}
    assert space.contains(bad_value) and env.step(bad_value)[0]["is_error"] == 1
    env.close()


# --- close --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("env_id", ["ToolGym-v0", "ToolGym-MCP-v0"])
def test_close_releases_the_world_and_later_use_raises(env_id):
    env = make(env_id, render_mode="ansi")
    env.reset(seed=0)
    env.step({"name": "chat__get_my_profile"})
    base = env.unwrapped
    world = base.world
    env.close()
    with pytest.raises(sqlite3.ProgrammingError):  # the world's SQLite connection is closed
        world.conn.execute("SELECT 1")
    assert base._route is None and base._task_snapshots == {}
    for use in (lambda: env.step(WAIT), lambda: env.reset(seed=0), env.render, base.episode):
        with pytest.raises(errors.EnvClosedError, match="closed"):
            use()
    assert issubclass(errors.EnvClosedError, gym.error.ClosedEnvironmentError)
    env.close()  # closing twice is allowed


# --- render shows the verdict -------------------------------------------------------------------------------
def test_render_after_final_answer_shows_the_verdict():
    env = make(render_mode="ansi")
    env.reset(seed=0)
    env.step(WAIT)
    assert "verdict" not in env.render()
    *_, info = env.step(ANSWER)
    text = env.render()
    assert "final_answer -> ok" in text
    judge = info["judge"]
    assert f"verdict: {'SUCCESS' if judge['success'] else 'FAILED'} (reward {judge['reward']:.2f})" in text
    failed = [c for c in info["judge"]["checks"] if not c["passed"]]
    assert failed and all(c["target"] in text for c in failed[:3])
    env.reset(seed=0)
    assert "verdict" not in env.render()  # forgotten at reset
    env.close()


def test_render_after_truncation_shows_the_verdict():
    env = make(render_mode="ansi", max_episode_steps=2)
    env.reset(seed=0)
    _run_until_done(env)
    assert "verdict: FAILED" in env.render()
    env.close()


# --- typed errors for misuse; tool errors stay observations -------------------------------------------------
def test_typed_errors_for_misuse():
    with pytest.raises(errors.UnknownArgumentError, match="maxsteps"):
        make(maxsteps=3)
    with pytest.raises(TypeError):  # still a TypeError, as an unknown keyword argument always was
        make(maxsteps=3)
    with pytest.raises(errors.UnknownArgumentError):
        make("ToolGym-v0", featurizer="hashing")  # the numeric adapter's keyword, not ToolGym-v0's
    for kwargs in (
        {"route": "carrier-pigeon"},
        {"universe": "tiny"},
        {"retrieval": "grep"},
        {"max_steps": 0},
        {"split": "no-such-split"},
    ):
        with pytest.raises(errors.InvalidArgumentError):
            make(**kwargs)
    env = make()
    for options, error in (
        ({"task_id": "no-such-task"}, errors.UnknownTaskError),
        ({"taskid": "x"}, errors.UnknownArgumentError),
        ({"task_index": "first"}, errors.InvalidArgumentError),
        ({"task_index": 0, "task_id": "x"}, errors.InvalidArgumentError),
        ({"task": {"id": 1}}, errors.TaskFileError),
    ):
        with pytest.raises(error):
            env.reset(options=options)
        with pytest.raises(ValueError):  # old `except ValueError` keeps working
            env.reset(options=options)
    with pytest.raises(gym.error.ResetNeeded):
        make().step(WAIT)
    with pytest.raises(errors.InvalidArgumentError, match="already has a state controller"):
        StateController(StateController(make(), profile="light"), profile="light")
    with pytest.raises(errors.InvalidArgumentError, match="max_tools"):
        ChatAdapter(make(), max_tools=-1)
    assert all(
        issubclass(e, errors.ToolGymError) for e in (errors.InvalidArgumentError, errors.UnknownTaskError)
    )
    env.close()


def test_tool_errors_inside_an_episode_are_observations_not_exceptions():
    env = make()
    env.reset(seed=0)
    for action in (*MALFORMED, {"name": "bank__send_payment", "arguments": {"amount": -1}}):
        obs, _, terminated, _, info = env.step(action)
        assert obs["is_error"] == 1 and info["is_error"] is True and not terminated
    env.close()


# --- registry sweep: check_env, determinism under a seed, pickling ------------------------------------------
def _actions(env_id, env, seed):
    if env_id == "ToolGym-Discrete-v0":
        return [1, 2, 1, 0]
    space = env.action_space
    space.seed(seed)
    return [
        {"name": "search_tools", "arguments": {"query": "list my messages"}},
        space.sample(),
        space.sample(),
        WAIT,
        ANSWER,
    ]


def _rollout(env_id, seed):
    env = make(env_id)
    trace = [env.reset(seed=seed)]
    for action in _actions(env_id, env, seed):
        out = env.step(action)
        trace.append(out)
        if out[2] or out[3]:
            break
    env.close()
    return trace


@pytest.mark.slow
@pytest.mark.parametrize("env_id", toolgym_env.ENV_IDS)
def test_registry_sweep(env_id):
    env = make(env_id)
    check_env(env.unwrapped)  # Gymnasium's checker on the raw env (reset/step/render/close, seeding, spaces)
    env.close()

    # deterministic under a seed: same seed and actions -> identical observations, rewards and infos
    first, second = _rollout(env_id, 5), _rollout(env_id, 5)
    assert len(first) == len(second) and all(data_equivalence(a, b) for a, b in zip(first, second))

    # pickles mid-episode, and the copy continues exactly as the original
    env = make(env_id)
    env.reset(seed=3)
    actions = _actions(env_id, env, 3)
    env.step(actions[0])
    clone = pickle.loads(pickle.dumps(env))
    assert repr(clone) == repr(env) and clone.spec.max_episode_steps == env.spec.max_episode_steps
    for action in actions[1:]:
        out, copy_out = env.step(action), clone.step(action)
        assert data_equivalence(out, copy_out)
        if out[2] or out[3]:
            break
    env.close()
    clone.close()
