"""The Ray backend of ``run_eval``, ``toolgym eval`` and ``toolgym collect``: the same records, results file
and metrics as the local backend for the same seeds; resuming; actors that die; the missing-extra error.

Starting Ray costs seconds: one test lets the backend start (and stop) a local cluster itself, the others
share one module-scoped cluster (``cluster``), which the backend then reuses without shutting it down."""

import json
import logging
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from toolgym_env.agents import OracleAgent
from toolgym_env.cli.data import collect
from toolgym_env.cli.eval import evaluate
from toolgym_env.evaluation.runner import run_eval
from toolgym_env.evaluation.stats import summarize
from toolgym_env.records.record import record_key
from toolgym_env.records.store import ResultStore

ray = pytest.importorskip("ray", reason="the Ray backend needs the ray extra")
# Ray workers cannot import this test module (tests/ is not on their path): send its agent classes by value.
ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])

#: Fields that legitimately differ between two runs of the same episodes: the run id and wall-clock timings.
VARYING = ("run", "latency_s")
RUN = {"sample": 6, "k": 2, "profile": "moderate", "seed": 3}


def strip(record):
    return {k: v for k, v in record.items() if k not in VARYING}


def by_key(records):
    return {record_key(r): strip(r) for r in records}


def same_episodes(records):
    """Records by (profile, suite, task, attempt, seed), without the agent's name (nor the provenance that
    names it) and what varies."""
    return {
        record_key(r)[1:6]: {k: v for k, v in strip(r).items() if k not in ("agent", "provenance")}
        for r in records
    }


def metrics(records):
    """The summary metrics, without the wall-clock latency."""
    return [{k: v for k, v in s.items() if k != "mean_latency_s"} for s in summarize(records)]


def cli(command, args):
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output.strip().splitlines()[-1])


class DiesOnce(OracleAgent):
    """The oracle, except that the first episode of the run (across processes, via a marker file) kills its
    worker process mid-episode."""

    name = "dies-once"

    def __init__(self, marker=""):
        super().__init__()
        self.marker = marker

    def act(self, obs, info):
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return super().act(obs, info)
        os._exit(1)


class KillsOn(OracleAgent):
    """The oracle, except that it kills its worker process on one task, every time."""

    name = "kills-on"

    def __init__(self, task_id=""):
        super().__init__()
        self.task_id = task_id

    def reset(self, env, obs, info):
        if env.unwrapped.task.id == self.task_id:
            os._exit(1)
        super().reset(env, obs, info)


class Raises(OracleAgent):
    """The oracle, except that it raises on its second action."""

    name = "raises"

    def act(self, obs, info):
        if len(self.__dict__.setdefault("acts", [])) == 1:
            raise RuntimeError("model endpoint exploded")
        self.acts.append(1)
        return super().act(obs, info)

    def reset(self, env, obs, info):
        super().reset(env, obs, info)
        self.acts = []


def cannot_build():
    raise RuntimeError(os.environ.get("TOOLGYM_WHY", "runtime_env not applied"))


# --- without the extra (no cluster) -------------------------------------------------------------------------
def test_missing_extra_names_the_install_command(tmp_path, monkeypatch):
    from toolgym_env.evaluation.ray_backend import RayUnavailableError

    monkeypatch.setitem(sys.modules, "ray", None)  # ``import ray`` raises ImportError
    with pytest.raises(RayUnavailableError, match=r"pip install 'toolgym-env\[ray\]'"):
        run_eval("oracle", sample=1, out=tmp_path / "r.jsonl", backend="ray")
    assert not (tmp_path / "r.jsonl").exists()
    for command in (evaluate, collect):
        result = CliRunner().invoke(
            command, ["--agent", "oracle", "--backend", "ray", "-o", str(tmp_path / "o")]
        )
        assert result.exit_code == 1 and "pip install 'toolgym-env[ray]'" in result.output
    result = CliRunner().invoke(
        evaluate, ["--agent", "oracle", "--ray-address", "auto", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2 and "need --backend ray" in result.output
    with pytest.raises(ValueError, match="unknown backend 'dask'"):
        run_eval("oracle", sample=1, out=tmp_path / "r.jsonl", backend="dask")


def test_cli_checks_the_runtime_env_json(tmp_path):
    for bad, why in (("{nope", "not JSON"), ("[1]", "expected a JSON object")):
        result = CliRunner().invoke(
            evaluate,
            ["--agent", "oracle", "--backend", "ray", "--ray-runtime-env", bad, "-o", str(tmp_path / "o")],
        )
        assert result.exit_code == 2 and why in result.output
    assert not (tmp_path / "o").exists()


# --- a cluster the backend starts and stops -----------------------------------------------------------------
@pytest.mark.slow
def test_ray_gives_the_local_records_and_metrics_and_stops_its_cluster(tmp_path):
    was_up = ray.is_initialized()
    local = run_eval("oracle-retry", out=tmp_path / "local.jsonl", **RUN)  # serial: the records of 2 workers
    remote = run_eval("oracle-retry", out=tmp_path / "ray.jsonl", backend="ray", workers=2, **RUN)
    assert ray.is_initialized() == was_up  # started for the run, shut down after it
    assert len(remote) == len(local) == 12 and by_key(remote) == by_key(local)
    assert [record_key(r) for r in remote] == [record_key(r) for r in local]  # plan order
    assert any(step.get("perturbations") for r in remote for step in r["trajectory"])
    assert len({r["run"] for r in remote}) == 1 and remote[0]["run"] != local[0]["run"]
    saved = ResultStore(tmp_path / "ray.jsonl").read()
    assert by_key(saved) == by_key(local) and len(saved) == 12
    assert metrics(saved) == metrics(ResultStore(tmp_path / "local.jsonl").read())


# --- a shared cluster ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cluster():
    """A local two-CPU cluster shared by the tests below (the backend reuses a session that is up)."""
    if ray.is_initialized():
        ray.shutdown()
    from toolgym_env.evaluation.ray_backend import QUIET

    ray.init(address="local", num_cpus=2, include_dashboard=False, **QUIET)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


@pytest.mark.slow
def test_cli_eval_on_a_cluster_address_writes_the_local_lines_and_resumes(cluster, tmp_path):
    base = [
        "--agent",
        "oracle-retry",
        "--suite",
        "core",
        "--sample",
        "4",
        "-k",
        "2",
        "--profile",
        "moderate",
        "--no-progress",
    ]
    local = cli(evaluate, [*base, "-o", str(tmp_path / "local.jsonl")])
    out = tmp_path / "ray.jsonl"
    # another driver process connecting to the cluster by address, as on a real cluster
    command = [
        sys.executable,
        "-m",
        "toolgym_env.cli",
        "eval",
        *base,
        "-o",
        str(out),
        "--workers",
        "2",
        "--backend",
        "ray",
        "--ray-address",
        cluster,
    ]
    child = subprocess.run(command, check=False, capture_output=True, text=True, timeout=180)
    assert child.returncode == 0, child.stderr[-3000:]
    assert child.stderr == ""  # Ray kept quiet
    head = json.loads(child.stdout.strip().splitlines()[-1])
    assert head == {**local, "out": str(out), "mean_latency_s": head["mean_latency_s"]}
    assert by_key(ResultStore(out).read()) == by_key(ResultStore(tmp_path / "local.jsonl").read())
    assert ray.is_initialized() and ray.cluster_resources().get("CPU") == 2  # the cluster outlived its client
    lines = out.read_text()
    again = cli(evaluate, [*base, "-o", str(out), "--backend", "ray"])
    assert again["episodes"] == 8 and out.read_text() == lines  # resumed: nothing run twice


@pytest.mark.slow
def test_cli_collect_on_ray_writes_the_local_lines(cluster, tmp_path):
    base = [
        "--agent",
        "oracle-retry",
        "--suite",
        "train",
        "--sample",
        "3",
        "--profile",
        "schema_change,interrupt",
        "--no-progress",
    ]
    local = cli(collect, [*base, "-o", str(tmp_path / "local.jsonl")])
    remote = cli(collect, [*base, "-o", str(tmp_path / "ray.jsonl"), "--backend", "ray"])
    assert remote == {**local, "out": str(tmp_path / "ray.jsonl")} and remote["episodes"] == 6
    saved = ResultStore(tmp_path / "ray.jsonl").read()
    assert len(saved) == 6 and by_key(saved) == by_key(ResultStore(tmp_path / "local.jsonl").read())
    assert ray.is_initialized()  # a session that was up is left up


@pytest.mark.slow
def test_factory_agents_crashes_and_bad_constructors(cluster, tmp_path):
    records = run_eval(Raises, suite="core", sample=2, out=tmp_path / "r.jsonl", backend="ray")  # 1 actor
    assert [r["agent"] for r in records] == ["raises", "raises"]
    assert all(
        r["success"] is False and r["error"].startswith("RuntimeError: model endpoint exploded")
        for r in records
    )
    with pytest.raises(RuntimeError, match="could not build its env and agent: RuntimeError: no API key$"):
        run_eval(
            cannot_build,
            suite="core",
            sample=2,
            out=tmp_path / "b.jsonl",
            backend="ray",
            ray_runtime_env={"env_vars": {"TOOLGYM_WHY": "no API key"}},
        )


@pytest.mark.slow
def test_a_dead_worker_is_reported_and_its_episodes_rerun(cluster, tmp_path, caplog):
    reference = run_eval("oracle", suite="core", sample=4, out=tmp_path / "local.jsonl")
    marker = tmp_path / "died"
    with caplog.at_level(logging.WARNING, logger="toolgym_env.evaluation.ray_backend"):
        records = run_eval(
            DiesOnce,
            suite="core",
            sample=4,
            workers=2,
            out=tmp_path / "ray.jsonl",
            agent_kwargs={"marker": str(marker)},
            backend="ray",
        )
    assert marker.exists() and "died" in caplog.text and "on a fresh worker" in caplog.text
    assert len(records) == len(ResultStore(tmp_path / "ray.jsonl").read()) == 4
    assert same_episodes(records) == same_episodes(reference)
    doomed = reference[0]["task_id"]
    with pytest.raises(
        RuntimeError, match=rf"episode {re.escape(doomed)} attempt 0 .*lost its Ray worker 3 "
    ):
        run_eval(
            KillsOn,
            suite="core",
            sample=2,
            workers=1,
            out=tmp_path / "k.jsonl",
            agent_kwargs={"task_id": doomed},
            backend="ray",
        )
    assert ray.is_initialized()
