"""``scripts/train_grpo.py --smoke``: GRPO steps on CPU via TRL and the env factory, every rollout judged."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support import REPO
from toolgym_env.tasks import load_suite

pytest.importorskip("trl", reason="the trl extra")
SCRIPT = REPO / "scripts" / "train_grpo.py"


@pytest.mark.slow
@pytest.mark.timeout(900)  # a loaded 2-core machine needs about 6 min for the smoke run (default: 300 s)
def test_smoke_runs_grpo_steps_and_the_env_judges_every_rollout(tmp_path):
    log = tmp_path / "episodes.jsonl"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "--log", str(log), "--output-dir", str(tmp_path / "out")],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["trainer_steps"] == 2
    # 2 steps x 4 rollouts: each one an episode the env judged, its reward logged by TRL
    assert summary["episodes_judged"] == 8 == len(summary["rewards"])
    assert len(summary["logged_reward_means"]) == 2
    assert summary["logged_reward_means"] == [
        sum(summary["rewards"][:4]) / 4,
        sum(summary["rewards"][4:]) / 4,
    ]
    # the model's tool calls went through TRL's parser into the env (the warm-up makes it call search_tools)
    assert summary["tool_calls"] >= 1 and summary["env_steps"] >= 1
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert len(records) == 8
    assert all(r["verdict"] is not None and r["verdict"]["success"] is False for r in records)
    assert {r["task_id"] for r in records} <= {t.id for t in load_suite("core")[:4]}  # the dataset's 4 tasks


def test_the_script_needs_a_model_unless_smoke():
    proc = subprocess.run(
        [sys.executable, str(SCRIPT)], check=False, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2 and "--model is required" in proc.stderr
