"""The full judge in the env: live and offline verdicts agree, shaping, the rubric judge, and bluffing."""

import json

import pytest

from tests.support.fake_openai import FakeOpenAI
from toolgym_env.agents import AGENTS, run_episode
from toolgym_env.envs.tool_env import ToolGymEnv
from toolgym_env.judge.offline import judge_saved
from toolgym_env.judge.rubric import RubricJudge
from toolgym_env.tasks.engine.checking import ScriptAgent
from toolgym_env.tasks.engine.generate import Generator
from toolgym_env.wrappers import JudgeReward


@pytest.fixture(scope="module")
def tasks():
    gen = Generator("dev", 11)
    found = [t for t in (gen.task(i) for i in range(4)) if t is not None]
    assert len(found) >= 3
    return found


def make_env(tasks, **kw):
    return JudgeReward(ToolGymEnv(tasks=tasks, max_steps=60), **kw)


def saved(env):
    base = env.unwrapped
    record = {
        "task": base.task.model_dump(mode="json"),
        "trajectory": base.trajectory,
        "final_answer": base.final_answer,
        "constraints": [c.model_dump(mode="json") for c in base.constraints],
    }
    return json.loads(json.dumps(record))


def sloppy(task):
    """Half the oracle's calls, with the oracle's arguments as sent, one bad call and a bluffing answer."""
    calls = [{"name": c.name, "arguments": c.arguments} for c in task.oracle[: len(task.oracle) // 2]]
    calls.insert(1, {"name": task.oracle[0].name, "arguments": {"nope": 1}})
    return ScriptAgent(calls, "All done, everything succeeded!")


def test_live_and_offline_verdicts_are_identical(tasks):
    env = make_env(tasks)
    seen_rewards = set()
    for task in tasks:
        for agent in (AGENTS["oracle"](), AGENTS["claim-success"](), AGENTS["random"](), sloppy(task)):
            result = run_episode(env, agent, seed=3, options={"task_id": task.id})
            offline = judge_saved(saved(env)).to_dict()
            assert offline == result.judge, (task.id, agent.name)
            seen_rewards.add(result.reward)
    assert 1.0 in seen_rewards and 0.0 in seen_rewards


def test_claims_of_success_are_never_rewarded(tasks):
    env = make_env(tasks)
    for task in tasks:
        result = run_episode(env, ScriptAgent([], task.oracle_answer), options={"task_id": task.id})
        assert result.reward == 0.0 and not result.success  # the right words without the work


def test_per_constraint_results_are_in_info(tasks):
    env = make_env(tasks)
    result = run_episode(env, AGENTS["oracle"](), options={"task_id": tasks[0].id})
    kinds = [c["target"] for c in result.judge["constraints"]]
    assert kinds == [c.type for c in tasks[0].constraints]
    assert all(c["passed"] for c in result.judge["constraints"]) and result.judge["goal_met"]


def test_dense_shaping_telescopes_and_keeps_the_verdict(tasks):
    env = make_env(tasks, shaping=0.5)
    env.reset(options={"task_id": tasks[0].id})
    agent = AGENTS["oracle"]()
    obs, info = env.reset(options={"task_id": tasks[0].id})
    agent.reset(env, obs, info)
    rewards = []
    while True:
        obs, reward, term, trunc, info = env.step(agent.act(obs, info))
        rewards.append(reward)
        if term or trunc:
            break
    assert any(0 < r < 1 for r in rewards[:-1])  # progress paid along the way
    assert sum(rewards) == pytest.approx(1.0 + 0.5 * info["judge"]["progress"])
    assert info["judge"]["success"] and info["judge"]["reward"] == 1.0


def test_rubric_judge_scales_the_reward_is_cached_and_records_the_model(tasks, tmp_path):
    with FakeOpenAI(['{"score": 8, "reasons": "complete and grounded"}']) as server:
        rubric = RubricJudge("judge-model", client=_client(server), cache_dir=tmp_path)
        env = make_env(tasks, rubric=rubric, rubric_weight=0.2)
        first = run_episode(env, AGENTS["oracle"](), options={"task_id": tasks[0].id})
        second = run_episode(env, AGENTS["oracle"](), options={"task_id": tasks[0].id})
        assert len(server.requests) == 1  # the second verdict came from the disk cache
        prompt = json.dumps(server.requests[0])
        assert tasks[0].instruction[:40] in prompt
    assert first.judge["rubric"]["model"] == "judge-model" and first.judge["rubric"]["score"] == 0.8
    assert first.reward == pytest.approx(0.96) and second.reward == first.reward
    assert second.judge["rubric"]["cached"] is True


def _client(server):
    from openai import OpenAI

    return OpenAI(base_url=server.base_url, api_key="x", max_retries=0)
