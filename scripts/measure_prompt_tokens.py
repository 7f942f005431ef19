"""Prompt tokens and success of the three LLM agents with the scripted model (tests/support/scripted_model.py
behind the local OpenAI-compatible server tests/support/fake_openai.py, which counts tokens as characters / 4
of the request).

Usage: python scripts/measure_prompt_tokens.py [--suite SUITE_OR_FILE] [--sample N] [--episode TASK_ID]
                                              [--keep-results N|none] [--idle-calls N]
                                              [--max-tools N]
``--keep-results`` sets the agents' history compaction (default: theirs; ``none`` turns it off);
``--idle-calls`` unloads a found tool the model never called after that many calls (default: off);
``--max-tools`` sets the budget of loaded tools (default: the agents').
Run it against another checkout by putting that checkout first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# appended, not prepended: a checkout put first on PYTHONPATH still supplies toolgym_env
sys.path.append(str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.support

import gymnasium as gym

import toolgym_env
from tests.support.fake_openai import FakeOpenAI
from tests.support.scripted_model import ScriptedModel
from toolgym_env.agents import run_episode
from toolgym_env.agents.function_calling import FunctionCallingAgent
from toolgym_env.agents.planner_actor import PlannerActorAgent
from toolgym_env.agents.react import ReActAgent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--suite", default="checklist-test", help="the suite sampled (a shipped name or a JSONL task file)"
    )
    parser.add_argument("--sample", type=int, default=30, help="test tasks, spread over the suite")
    parser.add_argument("--episode", default="test-2-00004", help="the 15-step function-calling episode")
    parser.add_argument(
        "--keep-results",
        default=None,
        help="tool results sent in full (older ones elided); 'none' = compaction off",
    )
    parser.add_argument(
        "--idle-calls", type=int, default=None, help="unload never-called tools after N calls"
    )
    parser.add_argument("--max-tools", type=int, default=None, help="the per-episode budget of loaded tools")
    args = parser.parse_args()
    kwargs = (
        {}
        if args.keep_results is None
        else {"keep_results": None if args.keep_results.lower() == "none" else int(args.keep_results)}
    )
    if args.idle_calls is not None:
        kwargs["idle_calls"] = args.idle_calls
    if args.max_tools is not None:
        kwargs["max_tools"] = args.max_tools
    envs = {s: gym.make("ToolGym-v0", suite=s) for s in (args.suite, "core")}
    test_tasks = envs[args.suite].unwrapped.tasks
    picked = [test_tasks[i * len(test_tasks) // args.sample].id for i in range(args.sample)]
    jobs = [(args.suite, t) for t in picked] + [("core", t.id) for t in envs["core"].unwrapped.tasks]
    model = ScriptedModel(test_tasks + envs["core"].unwrapped.tasks)
    out = {"toolgym_env": toolgym_env.__file__, "suite": args.suite, "agent_settings": kwargs}
    with FakeOpenAI([model]) as fake:
        agent = FunctionCallingAgent(model="m", base_url=fake.base_url, **kwargs)
        result = run_episode(envs[args.suite], agent, options={"task_id": args.episode})
        out["episode"] = {
            "task_id": args.episode,
            "steps": result.steps,
            "reward": result.reward,
            "prompt_tokens": agent.usage["prompt_tokens"],
            "turns": agent.usage["turns"],
        }
        for cls in (FunctionCallingAgent, ReActAgent, PlannerActorAgent):
            wins, tokens, steps = 0, [], []
            for suite, task_id in jobs:
                agent = cls(model="m", base_url=fake.base_url, **kwargs)
                result = run_episode(envs[suite], agent, options={"task_id": task_id})
                wins += result.reward == 1.0
                tokens.append(agent.usage["prompt_tokens"])
                steps.append(result.steps)
            out[cls.name] = {
                "episodes": len(jobs),
                "success": round(wins / len(jobs), 4),
                "mean_prompt_tokens": round(sum(tokens) / len(tokens)),
                "mean_steps": round(sum(steps) / len(steps), 2),
            }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
