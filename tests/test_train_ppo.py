"""A short run of ``scripts/train_ppo.py``: it trains, evaluates, and writes the curve and the results."""

import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("stable_baselines3")
pytest.importorskip("matplotlib")

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "train_ppo.py"


def load_script():
    spec = importlib.util.spec_from_file_location("train_ppo", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def short_run(tmp_path, timesteps, n_tasks, seed=0):
    return load_script().main(["--family", "pick+notify", "--timesteps", str(timesteps), "--n-envs", "2",
                               "--vec", "dummy", "--featurizer", "hashing", "--dim", "64", "--eval-seeds", "1",
                               "--n-steps", "256", "--max-train-tasks", str(n_tasks), "--seed", str(seed),
                               "--out", str(tmp_path)])


@pytest.mark.slow
def test_short_run_writes_curve_and_results(tmp_path):
    results = short_run(tmp_path, 1024, 4)
    assert (tmp_path / "learning_curve.png").stat().st_size > 1000
    saved = json.loads((tmp_path / "results.json").read_text())
    assert saved["held_out"] == results["held_out"]
    for key in ("family", "seed", "eval_seeds", "timesteps", "wall_time_s", "curve", "n_test_tasks"):
        assert key in saved
    assert saved["timesteps"] >= 1024 and saved["n_train_tasks"] == 4 and saved["curve"]
    for name in ("trained", "random", "heuristic"):
        assert 0.0 <= saved["held_out"][name]["success"] <= 1.0
    assert saved["held_out"]["heuristic"]["success"] > 0.5  # the heuristic solves most of this family
    assert set(saved["train_tasks"]) == {"trained", "random"}


def test_parse_args_defaults_and_missing_family():
    module = load_script()
    args = module.parse_args([])
    assert args.vec == "subproc" and args.featurizer == "hashing" and args.timesteps > 0
    with pytest.raises(SystemExit):
        module.family_tasks("no+such+family", "train")
