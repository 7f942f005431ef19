"""Reward integrity on real episodes: the world must change exactly as asked (even reverted writes count), the
verdict leaks nothing, and constraint checks read the arguments that ran, whatever their size or nesting."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolgym_env.agents import OracleAgent, run_episode
from toolgym_env.envs.actions import MAX_DEPTH
from toolgym_env.envs.tool_env import ToolGymEnv
from toolgym_env.hub.dispatch import MAX_ARGUMENT_CHARS
from toolgym_env.judge.episode import META_TOOLS
from toolgym_env.tasks.engine.checking import ScriptAgent
from toolgym_env.tasks.engine.generate import Generator
from toolgym_env.wrappers import JudgeReward


@pytest.fixture(scope="module")
def tasks():
    gen = Generator("dev", 5)
    found = [t for t in (gen.task(i) for i in range(8)) if t is not None]
    assert len(found) >= 6
    return found


@pytest.fixture(scope="module")
def env(tasks):
    return JudgeReward(ToolGymEnv(tasks=tasks, max_steps=200))


def oracle_calls(env, task):
    """The oracle's calls as executed (references resolved) and its answer; asserts the oracle scores 1.0."""
    assert run_episode(env, OracleAgent(), options={"task": task}).reward == 1.0
    steps = [s for s in env.unwrapped.trajectory if s["name"] not in META_TOOLS and not s["is_error"]]
    return [{"name": s["name"], "arguments": s["arguments"]} for s in steps], task.oracle_answer


def tool_for(env, table, op):
    """A derived tool of ``op`` on ``table`` (and its id argument), from the catalog."""
    catalog = env.unwrapped.catalog
    for tool in catalog.tools.values():
        app = catalog.apps.get(tool.app)
        if (
            tool.op == op
            and app is not None
            and tool.resource in app.resources
            and app.resources[tool.resource].table == table
        ):
            return tool
    return None


def play(env, task, calls, answer):
    return run_episode(env, ScriptAgent(calls, answer), options={"task": task})


def update_task(env, tasks):
    for task in tasks:
        exp = next((e for e in task.goal.changes if e.op == "update" and e.id and e.where), None)
        if exp is not None and tool_for(env, exp.table, "update") is not None:
            return task, exp
    pytest.skip("no task with a plain update among the generated ones")


def update_call(env, task, exp, row_id, values):
    """The update call the oracle made for ``exp``, aimed at ``row_id`` with ``values``."""
    calls, _ = oracle_calls(env, task)
    tool = tool_for(env, exp.table, "update").qualified_name
    template = next(c for c in calls if c["name"] == tool and exp.id in json.dumps(c["arguments"]))
    text = json.dumps(template["arguments"]).replace(exp.id, row_id)
    args = json.loads(text)
    for key, value in list(args.items()):
        if isinstance(value, dict) and set(exp.where) & set(value):
            args[key] = {**value, **values}
        elif key in exp.where:
            args[key] = values[key]
    return {"name": tool, "arguments": args}


def test_writing_to_a_record_outside_the_goal_fails_even_when_set_back(env, tasks):
    task, exp = update_task(env, tasks)
    calls, answer = oracle_calls(env, task)
    rows = env.unwrapped.world.select(exp.table)
    other = next(r for r in rows if r["id"] != exp.id and all(r.get(k) != v for k, v in exp.where.items()))
    old = {k: other[k] for k in exp.where}
    trial = [
        update_call(env, task, exp, other["id"], exp.where),
        update_call(env, task, exp, other["id"], old),
    ]
    result = play(env, task, trial + calls, answer)
    assert result.reward == 0.0
    assert env.unwrapped.world_diff().by_table(exp.table, "update")  # the net diff alone would not show it
    collateral = next(c for c in result.judge["checks"] if c["kind"] == "collateral")
    assert not collateral["passed"] and other["id"] not in collateral["detail"]


def test_blanket_writes_fail(env, tasks):
    task, exp = update_task(env, tasks)
    calls, answer = oracle_calls(env, task)
    rows = env.unwrapped.world.select(exp.table)
    blanket = [update_call(env, task, exp, r["id"], exp.where) for r in rows if r["id"] != exp.id][:5]
    assert play(env, task, calls + blanket, answer).reward == 0.0


def test_correcting_your_own_value_in_the_asked_field_still_passes(env, tasks):
    task, exp = update_task(env, tasks)
    calls, answer = oracle_calls(env, task)
    field, value = next(iter(exp.where.items()))
    wrong = next(r[field] for r in env.unwrapped.world.select(exp.table) if r.get(field) not in (value, None))
    first = update_call(env, task, exp, exp.id, {field: wrong})
    result = play(env, task, [first] + calls, answer)
    assert not env.unwrapped.trajectory[0]["is_error"]
    assert result.reward == 1.0, result.judge


def test_duplicated_creates_and_emails_fail(env, tasks):
    task = next((t for t in tasks if any(e.op == "insert" for e in t.goal.changes)), None)
    assert task is not None
    calls, answer = oracle_calls(env, task)
    catalog = env.unwrapped.catalog
    writes = [c for c in calls if c["name"] == "mail__send_email" or catalog.tools[c["name"]].op == "create"]
    assert play(env, task, calls + writes[:1], answer).reward == 0.0


def test_an_email_to_extra_recipients_fails(env, tasks):
    task = next((t for t in tasks if any(c.name == "mail__send_email" for c in t.oracle)), None)
    if task is None:
        pytest.skip("no task emails anyone")
    calls, answer = oracle_calls(env, task)
    widened = [
        dict(c, arguments={**c["arguments"], "to": c["arguments"]["to"] + ["someone.else@example.com"]})
        if c["name"] == "mail__send_email"
        else c
        for c in calls
    ]
    assert play(env, task, widened, answer).reward == 0.0


def test_the_verdict_reveals_no_expected_value_or_id_unless_asked(tasks):
    for reveal in (False, True):
        env = JudgeReward(ToolGymEnv(tasks=tasks, max_steps=50), reveal=reveal)
        leaked = 0
        for task in tasks:
            result = play(env, task, [], "I could not finish.")
            text = json.dumps(result.judge)
            secrets = [f.value for f in task.goal.answer_facts] + [e.id for e in task.goal.changes if e.id]
            leaked += sum(s in text for s in secrets if len(s) >= 4)  # "2" is in every verdict's numbers
        assert (leaked > 0) == reveal


def test_reset_info_carries_only_the_task_frame(tasks):
    env = JudgeReward(ToolGymEnv(tasks=tasks, max_steps=50))
    _, info = env.reset(options={"task": tasks[0]})
    text = json.dumps(info)
    assert not any(f.value in text for f in tasks[0].goal.answer_facts)


def test_padded_arguments_are_judged_as_they_ran(env, tasks):
    task = tasks[0]
    calls, answer = oracle_calls(env, task)
    padded = [{"name": c["name"], "arguments": json.dumps(c["arguments"]) + " " * 2100} for c in calls]
    result = play(env, task, padded, answer)
    assert result.reward == 1.0
    recorded = [s["arguments"] for s in env.unwrapped.trajectory if s["name"] not in META_TOOLS]
    assert recorded == [c["arguments"] for c in calls]


def test_arguments_over_the_limit_are_refused_before_anything_runs(env, tasks):
    task = tasks[0]
    calls, answer = oracle_calls(env, task)
    first = calls[0]
    huge = {"name": first["name"], "arguments": json.dumps({**first["arguments"], "pad": "x" * 40_000})}
    env.reset(options={"task": task})
    obs, *_ = env.step(huge)
    assert obs["is_error"] == 1 and "too large" in obs["result"]
    assert not env.unwrapped.touched_rows()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    depth=st.integers(min_value=1, max_value=5000),
    pad=st.integers(min_value=0, max_value=70_000),
    as_string=st.booleans(),
    where=st.sampled_from(["arguments", "answer", "action"]),
)
def test_deep_or_oversized_input_is_an_error_observation_never_an_exception(
    env, tasks, depth, pad, as_string, where
):
    task = tasks[0]
    env.reset(options={"task": task})
    nested = "[" * depth + "]" * depth + " " * pad
    if where == "arguments":
        action = {
            "name": task.oracle[0].name,
            "arguments": ('{"q": ' + nested + "}")
            if as_string
            else {"q": json.loads("[" * min(depth, 900) + "]" * min(depth, 900)), "pad": " " * pad},
        }
    elif where == "answer":
        action = {"name": "final_answer", "arguments": {"answer": nested}}
    else:
        action = '{"name": "final_answer", "arguments": {"answer": "x", "deep": ' + nested + "}}"
    obs, reward, terminated, truncated, info = env.step(action)
    if not terminated:
        obs, reward, terminated, truncated, info = env.step(
            {"name": "final_answer", "arguments": {"answer": "x"}}
        )
    assert terminated and "judge" in info and reward == 0.0
    if where == "arguments" and (depth > MAX_DEPTH or pad > MAX_ARGUMENT_CHARS):
        assert env.unwrapped.trajectory[0]["is_error"] and not env.unwrapped.touched_rows()
