"""Bad input never raises out of step(): each kind gives an error observation saying what was wrong."""

import gymnasium as gym
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolgym_env  # noqa: F401

ENV = gym.make("ToolGym-v0", max_steps=10**6)
ENV.reset(seed=0)
NAMES = list(ENV.unwrapped.catalog.names) + ["search_tools", "final_answer"]

json_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
junk = st.recursive(
    json_leaf,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=25,
)
any_value = junk | st.binary(max_size=20) | st.sets(st.integers(), max_size=3) | st.just(object())
actions = st.one_of(
    st.fixed_dictionaries(
        {"name": st.sampled_from(NAMES), "arguments": st.dictionaries(st.text(max_size=12), junk, max_size=5)}
    ),
    st.fixed_dictionaries({"name": st.sampled_from(NAMES), "arguments": st.text(max_size=60)}),
    st.dictionaries(st.text(max_size=10), any_value, max_size=4),
    st.text(max_size=80),
    any_value,
)


@pytest.mark.slow
@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions)
def test_fuzzed_actions_never_raise(action):
    obs, reward, term, trunc, info = ENV.step(action)
    assert ENV.observation_space.contains(obs)
    assert "Internal error" not in obs["result"]
    if obs["is_error"]:
        assert len(obs["result"]) > 10
    if term or trunc:
        ENV.reset()


def _deep(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    "action, expected",
    [
        ({"name": "no__such_tool", "arguments": {}}, "Unknown tool"),
        ({"name": "mail__send_email", "arguments": "{not json"}, "not valid JSON"),
        (
            {"name": "mail__send_email", "arguments": {"to": "x@y.com", "subject": 1, "body": "b"}},
            "Input should be",
        ),
        ({"name": "mail__send_email", "arguments": {"subject": "s"}}, "Field required"),
        (
            {
                "name": "mail__send_email",
                "arguments": {"to": ["x@y.com"], "subject": "s", "body": "x" * 100_000},
            },
            "too large",
        ),
        ({"name": "mail__send_email", "arguments": {"to": _deep(5000)}}, "nested too deeply"),
        (
            {
                "name": "mail__send_email",
                "arguments": {"to": ["x@y.com"], "subject": "s", "body": "b", "bcc": []},
            },
            "Extra inputs",
        ),
        (
            {"name": "mail__send_email", "arguments": {"to": ["not-an-email"], "subject": "s", "body": "b"}},
            "valid email",
        ),
        ('{"name": "mail__send_email", "arguments": ', "not valid JSON"),
        (42, "must be an object"),
        ({"tool": "x"}, "Unexpected action field"),
        (
            {
                "name": "bank__send_payment",
                "arguments": {
                    "from_account_id": "acc_checking",
                    "amount": 999999.0,
                    "payee_id": "payee_p009",
                },
            },
            "per-payment limit",
        ),
    ],
)
def test_each_bad_input_is_explained(action, expected):
    env = gym.make("ToolGym-v0")
    env.reset(seed=0)
    obs, reward, term, trunc, info = env.step(action)
    assert obs["is_error"] == 1 and info["is_error"] is True
    assert expected in obs["result"], obs["result"]
    assert len(env.unwrapped.world_diff()) == 0
    env.close()
