"""The env's tasks: a suite held as its lines behaves as the list of its parsed tasks, episode for episode."""

import json

import gymnasium as gym
import pytest

from toolgym_env.agents import OracleAgent
from toolgym_env.errors import InvalidArgumentError, UnknownTaskError
from toolgym_env.tasks import TaskLines, dump_tasks, load_suite


def _episode(env, index):
    """Observations, rewards and the verdict of the oracle's episode on task ``index``."""
    agent = OracleAgent()
    obs, info = env.reset(seed=index, options={"task_index": index})
    agent.reset(env, obs, info)
    out = [(obs, info)]
    while True:
        obs, reward, term, trunc, info = env.step(agent.act(obs, info))
        out.append((obs, reward, term, trunc, info))
        if term or trunc:
            return json.dumps(out, sort_keys=True, default=str)


def test_suite_env_holds_lines_and_plays_as_the_parsed_list():
    lines_env = gym.make("ToolGym-v0")
    list_env = gym.make("ToolGym-v0", tasks=load_suite("test"))
    tasks = lines_env.unwrapped.tasks
    assert isinstance(tasks, TaskLines) and isinstance(list_env.unwrapped.tasks, list)
    assert len(tasks) == len(list_env.unwrapped.tasks) > 500
    for index in (0, 123, len(tasks) - 1):
        assert _episode(lines_env, index) == _episode(list_env, index)
    lines_env.close()
    list_env.close()


def test_reset_by_task_id_and_split(tmp_path):
    env = gym.make("ToolGym-v0", suite="core", split="train")
    tasks = env.unwrapped.tasks
    assert isinstance(tasks, TaskLines) and set(tasks.splits) == {"train"}
    assert [t.id for t in tasks] == [t.id for t in load_suite("core") if t.split == "train"]
    target = tasks.ids[-1]
    _, info = env.reset(options={"task_id": target})
    assert info["task_id"] == target == env.unwrapped.task.id
    test_only = next(t.id for t in load_suite("core") if t.split == "test")
    for missing in (test_only, 7, ["x"]):
        with pytest.raises(UnknownTaskError):
            env.reset(options={"task_id": missing})
    env.close()
    with pytest.raises(InvalidArgumentError, match="no tasks"):
        gym.make("ToolGym-v0", suite="core", split="dev")
    path = tmp_path / "mine.jsonl"  # a task file given as the suite is read whole, as a list
    path.write_text(dump_tasks(load_suite("core")[:3]))
    env = gym.make("ToolGym-v0", suite=str(path))
    assert isinstance(env.unwrapped.tasks, list) and len(env.unwrapped.tasks) == 3
    env.reset(options={"task_id": load_suite("core")[2].id})
    env.close()
