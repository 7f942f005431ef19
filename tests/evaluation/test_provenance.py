"""``toolgym eval`` with an LLM agent against a local OpenAI-compatible server: provenance on every record and
in the manifest, infrastructure errors kept apart (exit status, ``--retry-errors``), and resuming that never
reuses another model's or another step limit's episodes."""

from __future__ import annotations

import json

import gymnasium as gym
import pytest
from click.testing import CliRunner

from tests.support.fake_openai import FakeOpenAI
from tests.support.scripted_model import ScriptedModel
from toolgym_env.cli.eval import evaluate
from toolgym_env.evaluation import ResultStore, summarize
from toolgym_env.evaluation.provenance import manifest_path

ENV_VARS = ("OPENAI_BASE_URL", "OPENAI_API_KEY", "TOOLGYM_MODEL", "OPENAI_MODEL")
FAST = ["--max-retries", "1", "--retry-base-s", "0.01"]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def scripted():
    env = gym.make("ToolGym-v0", suite="core")
    model = ScriptedModel(env.unwrapped.tasks)
    env.close()
    with FakeOpenAI([model]) as fake:
        yield fake


def run(out, url, *extra, model="m"):
    args = [
        "--agent",
        "function-calling",
        "--suite",
        "core",
        "--sample",
        "2",
        "--model",
        model,
        "--base-url",
        url,
        "--api-key",
        "sk-secret",
        "-o",
        str(out),
        "--no-progress",
        *FAST,
        *extra,
    ]
    return CliRunner().invoke(evaluate, args)


def records_of(out):
    return ResultStore(out).read()


def test_endpoint_down_is_an_infrastructure_error_then_retry_errors_reruns_it(tmp_path, scripted):
    out = tmp_path / "fc.jsonl"
    with FakeOpenAI([500]) as broken:
        failed = run(out, broken.base_url)
        served = len(broken.requests)
    assert failed.exit_code == 3, failed.output  # 100% infrastructure errors > --max-infra-share 20%
    assert "2 of 2 episodes (100%) are infrastructure errors" in failed.output and "HTTP 500" in failed.output
    assert served == 2 * 2  # each episode: 1 try + 1 retry, then given up
    saved = records_of(out)
    assert len(saved) == 2 and all(r["infra_error"] and r["error"] is None for r in saved)
    [summary] = summarize(saved)
    assert summary["infra_errors"] == 2 and summary["episodes"] == 0 and summary["success"] is None
    assert summary["crashed"] == 0
    before = len(scripted.requests)
    resumed = run(out, scripted.base_url)  # no --retry-errors: the failed episodes count as run
    assert resumed.exit_code == 3 and len(scripted.requests) == before
    retried = run(out, scripted.base_url, "--retry-errors")  # another port: the same run (URL not hashed)
    assert retried.exit_code == 0, retried.output
    assert len(scripted.requests) > before
    saved = records_of(out)
    assert len(saved) == 4  # appended; the reruns supersede the failures
    [summary] = summarize(saved)
    assert summary["infra_errors"] == 0 and summary["episodes"] == 2 and summary["success"] == 1.0


def test_records_and_manifest_carry_provenance_without_credentials(tmp_path, scripted):
    out = tmp_path / "p.jsonl"
    assert run(out, scripted.base_url, "--run-name", "baseline").exit_code == 0
    record = records_of(out)[0]
    prov = record["provenance"]
    assert prov["run_name"] == "baseline" and prov["model"] == "m" and prov["max_steps"] == 40
    assert (
        prov["base_url"] == scripted.base_url
        and len(prov["config_id"]) == 12
        and len(prov["suite_hash"]) == 16
    )
    settings = prov["settings"]
    assert settings["sampling"]["temperature"] == 0.0 and set(settings["prompts"]) == {"system"}
    assert settings["retry"]["max_retries"] == 1 and prov["package_version"]
    text = out.read_text() + manifest_path(out).read_text()
    assert "sk-secret" not in text
    manifest = json.loads(manifest_path(out).read_text())
    assert manifest["runs"]["baseline"]["provenance"]["config_id"] == prov["config_id"]
    assert manifest["runs"]["baseline"]["episodes"] == 2
    turns = record["model_turns"]
    assert turns and all(t["prompt_tokens"] > 0 and t["estimated"] is False for t in turns)
    assert (
        record["loaded_tools"] and sum(t["prompt_tokens"] for t in turns) == record["usage"]["prompt_tokens"]
    )


def test_another_model_or_step_limit_runs_new_episodes_and_a_taken_name_is_refused(tmp_path, scripted):
    out = tmp_path / "r.jsonl"
    assert run(out, scripted.base_url).exit_code == 0
    counts = [len(scripted.requests)]
    for extra, model in (([], "m"), ([], "other-model"), (["--max-steps", "3"], "m")):
        result = run(out, scripted.base_url, *extra, model=model)
        assert result.exit_code == 0, result.output
        counts.append(len(scripted.requests))
    assert counts[1] == counts[0]  # the same settings: resumed, nothing sent
    assert counts[2] > counts[1] and counts[3] > counts[2]  # another model, another step limit: new episodes
    saved = records_of(out)
    assert len(saved) == 6 and len({r["provenance"]["run_name"] for r in saved}) == 3
    summaries = summarize(saved)
    assert len(summaries) == 3
    short = next(s for s in summaries if "other" not in s["run"] and s["success"] != 1.0)
    assert short["success"] == 0.0  # 3 steps cannot solve these tasks: it is not the earlier 100%
    refused = run(out, scripted.base_url, "--run-name", saved[0]["provenance"]["run_name"], model="third")
    assert refused.exit_code != 0
    assert "already holds run" in refused.output and "'m' there, 'third' now" in refused.output
    assert len(records_of(out)) == 6
