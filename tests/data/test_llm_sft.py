"""``export-sft`` of LLM-agent records: only the tools the episode loaded, what the model said (text,
reasoning, the planner's plan) kept, and a length cap."""

from __future__ import annotations

import json

import gymnasium as gym
import pytest

from tests.support.fake_openai import FakeOpenAI
from tests.support.scripted_model import ScriptedModel
from toolgym_env.cli.data import export_sft
from toolgym_env.evaluation import ResultStore, run_eval


@pytest.fixture(scope="module")
def records_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("sft") / "llm.jsonl"
    env = gym.make("ToolGym-v0", suite="core")
    model = ScriptedModel(env.unwrapped.tasks)
    env.close()
    with FakeOpenAI([model]) as fake:
        for agent in ("function-calling", "planner-actor"):
            run_eval(
                agent, suite="core", sample=2, out=out, agent_kwargs={"model": "m", "base_url": fake.base_url}
            )
    return out


def test_examples_hold_only_loaded_tools_and_what_the_model_said(records_file, tmp_path):
    records = ResultStore(records_file).read()
    out = tmp_path / "sft.jsonl"
    summary = export_sft([str(records_file)], str(out))
    assert summary["kept"] == len(records) == 4
    for record, line in zip(records, out.read_text().splitlines()):
        example = json.loads(line)
        listed = [t["function"]["name"] for t in example["tools"]][3:]
        called = {s["name"] for s in record["trajectory"] if "__" in s["name"]}
        assert set(listed) == set(record["loaded_tools"]) | called  # nothing the episode never loaded
        texts = [m["content"] for m in example["messages"] if m["role"] == "assistant" and m.get("content")]
        assert any(t.startswith("Calling ") for t in texts)  # the scripted model's words, kept
        if record["agent"] == "planner-actor":
            assert record["plans"][0]["subgoals"][0] in example["messages"][2]["content"]  # the plan, as said
    capped = export_sft([str(records_file)], str(tmp_path / "capped.jsonl"), max_chars=9000)
    assert capped["dropped"].get("too_long", 0) > 0 and capped["kept"] < 4
    assert all(len(line) <= 9000 for line in (tmp_path / "capped.jsonl").read_text().splitlines())
