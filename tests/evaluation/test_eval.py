"""The eval harness: pass@k/pass^k, the resumable results file, the runner (serial, parallel, crashing
agents), offline re-judging of saved records, the summary, the plots and the ``eval`` command."""

import ast
import importlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolgym_env.agents import OracleAgent
from toolgym_env.cli.eval import evaluate, parse_agent_args
from toolgym_env.evaluation import runner
from toolgym_env.evaluation.episodes import episode_seed, plan
from toolgym_env.evaluation.robustness_table import run_profile
from toolgym_env.evaluation.runner import run_eval
from toolgym_env.evaluation.stats import bootstrap_ci, pass_at_k, pass_curves, pass_hat_k, summarize
from toolgym_env.evaluation.summary import markdown_summary, write_summary
from toolgym_env.judge.offline import judge_saved
from toolgym_env.records.record import RECORD_FIELDS, record_key
from toolgym_env.records.store import ResultStore

run_demo = importlib.import_module("toolgym_env.cli.demo").run_demo  # the package's ``demo`` is the command


def lines_of(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def fake(task_id, success, attempt=0, **extra):
    """A minimal complete record (no env needed)."""
    rec = {key: None for key in RECORD_FIELDS}
    rec.update(
        run="r",
        agent="a",
        profile=None,
        suite="test",
        task_id=task_id,
        attempt=attempt,
        seed=attempt,
        success=success,
        reward=float(success),
        judge={},
        steps=1,
        calls=0,
        turns=1,
        tool_errors=0,
        usage={"prompt_tokens": 0, "completion_tokens": 0, "latency_s": 0},
        latency_s=0.0,
        trajectory=[],
        constraints=[],
        constraint_since=[],
    )
    rec.update(extra)
    return rec


# --- statistics ---------------------------------------------------------------------------------------------
def test_pass_at_k_and_pass_hat_k_match_hand_computed_values():
    assert pass_at_k(5, 2, 1) == pytest.approx(0.4) and pass_hat_k(5, 2, 1) == pytest.approx(0.4)
    assert pass_at_k(5, 2, 2) == pytest.approx(1 - 3 / 10)  # 1 - C(3,2)/C(5,2)
    assert pass_hat_k(5, 2, 2) == pytest.approx(1 / 10)  # C(2,2)/C(5,2)
    assert pass_at_k(5, 2, 4) == 1.0 and pass_hat_k(5, 2, 3) == 0.0
    assert pass_at_k(3, 3, 3) == pass_hat_k(3, 3, 3) == 1.0
    assert pass_at_k(4, 0, 2) == pass_hat_k(4, 0, 2) == 0.0
    with pytest.raises(ValueError):
        pass_at_k(2, 1, 3)
    # two tasks: 2/2 and 1/2 successes -> pass^2 = (1 + 0) / 2, pass@2 = (1 + 1) / 2
    recs = [fake("t1", True, 0), fake("t1", True, 1), fake("t2", True, 0), fake("t2", False, 1)]
    curves = pass_curves(recs)
    assert curves["pass^k"][1]["value"] == 0.75 and curves["pass^k"][2]["value"] == 0.5
    assert curves["pass@k"][2]["value"] == 1.0


def test_bootstrap_ci_is_deterministic_and_contains_the_estimate():
    values = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0.5, 1]
    low, high = bootstrap_ci(values, seed=3)
    assert (low, high) == bootstrap_ci(values, seed=3)
    assert low <= sum(values) / len(values) <= high and low < high
    assert bootstrap_ci([1, 1, 1]) == (1.0, 1.0)


# --- the results file ---------------------------------------------------------------------------------------
def test_store_skips_and_cuts_a_torn_last_line_and_appends_cleanly(tmp_path):
    store = ResultStore(tmp_path / "r.jsonl")
    assert store.read() == []
    store.append(fake("t1", True))
    store.append(fake("t2", False))
    with open(store.path, "a") as f:
        f.write('{"run": "r", "agent": "a", "task_')  # a writer killed mid-line
    assert [r["task_id"] for r in store.read(repair=False)] == ["t1", "t2"]
    assert store.path.read_text().count("\n") == 2 and not store.path.read_text().endswith("\n")
    assert [r["task_id"] for r in store.read()] == ["t1", "t2"]
    assert store.path.read_text().endswith("}\n")
    with open(store.path, "a") as f:
        f.write('{"torn": ')
    store.append(fake("t3", True))  # appending also repairs a torn tail first
    assert [r["task_id"] for r in lines_of(store.path)] == ["t1", "t2", "t3"]


def test_plan_is_spread_attempt_major_and_seeded_by_hash():
    ids = [f"t{i}" for i in range(10)]
    jobs = plan(ids, "test", sample=3, k=2, seed=7)
    assert [(j.task_id, j.attempt) for j in jobs] == [
        ("t0", 0),
        ("t3", 0),
        ("t6", 0),
        ("t0", 1),
        ("t3", 1),
        ("t6", 1),
    ]
    assert jobs[0].seed == episode_seed(7, "test", "t0", 0) != episode_seed(8, "test", "t0", 0)
    assert len({j.seed for j in jobs}) == 6


# --- runs ---------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def heavy(tmp_path_factory):
    """The retrying oracle under the heavy profile: 3 tasks x 2 attempts, one worker."""
    out = tmp_path_factory.mktemp("heavy") / "heavy.jsonl"
    records = run_eval("oracle-retry", sample=3, k=2, profile="heavy", seed=1, out=out, max_steps=60)
    return out, records


def test_oracle_run_writes_n_times_k_valid_lines_and_resumes(tmp_path, monkeypatch):
    out = tmp_path / "oracle.jsonl"
    records = run_eval("oracle", sample=3, k=2, out=out)
    saved = lines_of(out)
    assert len(saved) == len(records) == 6 and all(set(RECORD_FIELDS) <= set(r) for r in saved)
    assert {(r["task_id"], r["attempt"]) for r in saved} == {(r["task_id"], r["attempt"]) for r in records}
    assert all(r["success"] and r["error"] is None and r["calls"] > 0 for r in saved)
    [summary] = summarize(saved)
    assert summary["success"] == 1.0 and summary["pass^k"][2]["value"] == 1.0 and summary["tasks"] == 3
    monkeypatch.setattr(runner, "EpisodeRunner", None)  # nothing left to run: no env may be built
    again = run_eval("oracle", sample=3, k=2, out=out)
    assert len(lines_of(out)) == 6 and [r["run"] for r in again] == [r["run"] for r in records]
    rejudged = judge_saved(saved[0]).to_dict(reveal=True)
    assert json.loads(json.dumps(rejudged)) == saved[0]["judge"]


def test_saved_records_under_a_profile_rejudge_to_their_verdict(heavy):
    out, _ = heavy
    saved = ResultStore(out).read()
    assert any(step.get("perturbations") for r in saved for step in r["trajectory"])
    for record in saved:
        assert json.loads(json.dumps(judge_saved(record).to_dict(reveal=True))) == record["judge"]


def same_episode(record):
    """A record without what differs between two runs of one episode (run id, timings, provenance)."""
    return {k: v for k, v in record.items() if k not in ("run", "latency_s", "provenance")}


def test_robustness_and_demo_run_the_episodes_eval_runs(heavy, tmp_path):
    """One loop: the robustness table's records are eval's records of the same (agent, profile, task, seed);
    the demo's row is computed from eval's records too."""
    _, records = heavy
    first = [r for r in records if r["attempt"] == 0]
    rows = run_profile("heavy", "oracle-retry", sample=3, seed=1, max_steps=60)
    assert [same_episode(r) for r in rows] == [same_episode(r) for r in first]
    assert any(step.get("perturbations") for r in rows for step in r["trajectory"])
    evaluated = run_eval("random", sample=3, seed=5, out=tmp_path / "random.jsonl")
    [row] = run_demo("test", ("random",), seed=5, sample=3)
    steps = sum(r["steps"] for r in evaluated)
    assert row["episodes"] == 3 and row["mean_steps"] == steps / 3
    assert row["tool_error_rate"] == sum(r["tool_errors"] for r in evaluated) / steps > 0


def test_evaluation_modules_import_no_cycle():
    """Shared runner types live in ``episodes``: the Ray backend and the runner do not import each other both
    ways (nor does any other pair of evaluation modules, at any depth of their syntax trees)."""
    folder = Path(runner.__file__).parent
    graph = {}
    for path in folder.glob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("toolgym_env.evaluation."):
                names.add(node.module.rsplit(".", 1)[1])
        graph[path.stem] = names
    assert "episodes" in graph["ray_backend"] and "ray_backend" in graph["runner"]

    def reaches(start, goal, seen=()):
        return any(
            n == goal or (n not in seen and reaches(n, goal, (*seen, n))) for n in graph.get(start, ())
        )

    assert not [m for m in graph if reaches(m, m)]


@pytest.mark.slow
def test_two_workers_give_the_same_records_as_one(heavy, tmp_path):
    _, serial = heavy
    parallel = run_eval(
        "oracle-retry",
        sample=3,
        k=2,
        profile="heavy",
        seed=1,
        out=tmp_path / "p.jsonl",
        max_steps=60,
        workers=2,
    )

    def strip(r):
        return {k: v for k, v in r.items() if k not in ("run", "latency_s")}

    assert sorted(map(record_key, serial)) == sorted(map(record_key, parallel))
    by_key = {record_key(r): strip(r) for r in serial}
    assert all(by_key[record_key(r)] == strip(r) for r in parallel)
    assert len(lines_of(tmp_path / "p.jsonl")) == 6


class CrashingAgent(OracleAgent):
    """The oracle, except that it raises on its third action."""

    name = "crashing"

    def reset(self, env, obs, info):
        super().reset(env, obs, info)
        self.acted = 0

    def act(self, obs, info):
        self.acted += 1
        if self.acted == 3:
            raise RuntimeError("model endpoint exploded")
        return super().act(obs, info)


def test_an_agent_that_raises_is_recorded_as_a_failed_episode(tmp_path):
    records = run_eval(CrashingAgent, suite="core", sample=2, out=tmp_path / "c.jsonl")
    assert len(records) == 2 and all(r["agent"] == "crashing" for r in records)
    for r in records:
        assert r["success"] is False and r["reward"] == 0.0 and r["judge"] == {}
        assert r["error"].startswith("RuntimeError: model endpoint exploded") and "in act" in r["error"]
        assert r["steps"] == len(r["trajectory"]) == 2
    assert summarize(records)[0]["crashed"] == 2


# --- summary, plots and the command -------------------------------------------------------------------------
def test_summary_and_plots_are_written(heavy, tmp_path):
    out, _ = heavy
    summaries = summarize(ResultStore(out).read() + [fake("t1", True), fake("t2", False)])
    text = markdown_summary(summaries)
    assert "| oracle-retry | heavy | test | 3 | 6 |" in text and "| a | – | test | 2 | 2 |" in text
    assert "pass^2" in text and "Constraint satisfaction" in text and "perturbation fired" in text
    path = write_summary(tmp_path / "s.md", summaries)
    assert path.stat().st_size > 0
    pytest.importorskip("matplotlib", reason="plots need matplotlib (the eval extra)")
    from toolgym_env.evaluation.plots import write_plots

    pngs = write_plots(summaries, tmp_path / "plots")
    assert [p.name for p in pngs] == ["success.png", "pass_hat_k.png", "constraints.png"]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 1000 for p in pngs)


def test_cli_rejects_unknown_agent_and_profile_and_parses_agent_args(tmp_path):
    runner = CliRunner()
    result = runner.invoke(evaluate, ["--agent", "nobody", "-o", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2 and "unknown agent 'nobody'" in result.output
    result = runner.invoke(
        evaluate, ["--agent", "oracle", "--profile", "gentle", "-o", str(tmp_path / "x.jsonl")]
    )
    assert result.exit_code == 2 and "unknown profile 'gentle'" in result.output
    assert parse_agent_args(("model=gpt-x", "temperature=0.2", "tags=[1]")) == {
        "model": "gpt-x",
        "temperature": 0.2,
        "tags": [1],
    }


@pytest.mark.slow
def test_killed_run_resumes_without_duplicates_or_corrupt_lines(tmp_path):
    out = tmp_path / "killed.jsonl"
    args = [
        "--agent",
        "oracle",
        "--suite",
        "test",
        "--sample",
        "10",
        "-k",
        "2",
        "-o",
        str(out),
        "--no-progress",
    ]
    child = subprocess.Popen(
        [sys.executable, "-c", "from toolgym_env.cli.eval import evaluate; evaluate()", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.05)
    assert child.poll() is None, child.stderr.read().decode()[-2000:]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stderr.close()
    before = out.read_bytes().count(b"\n")
    assert 3 <= before < 20
    with open(out, "a") as f:
        f.write(json.dumps(fake("torn", True))[:57])
    result = CliRunner().invoke(evaluate, args)
    assert result.exit_code == 0, result.output
    headline = json.loads(result.output.strip().splitlines()[-1])
    assert headline["episodes"] == 20 and headline["success"] == 1.0 and headline["pass^k"] == 1.0
    saved = lines_of(out)  # every line is valid JSON
    assert len(saved) == 20 and len({(r["task_id"], r["attempt"]) for r in saved}) == 20
    assert len({r["run"] for r in saved}) == 2
