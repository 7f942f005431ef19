"""``scripts/train_ppo.py``: a short run's outputs agree with each other and with the saved model.

A short run (1k timesteps) learns nothing yet (the README: success stays near 0 until ~15k timesteps), so the
test checks what it can check exactly: every figure is a count over the stated episodes, results.json is what
``main`` returned, the saved ``model.zip`` reproduces the trained policy's held-out result, the heuristic
solves every held-out task and the curve is ordered. Learning itself (the README's 40k-timestep table) takes
minutes and is not tested here.
"""

import importlib.util
import json

import pytest

from tests.support import REPO

pytest.importorskip("stable_baselines3", reason="PPO needs the rl extra")
pytest.importorskip("matplotlib", reason="the learning curve needs matplotlib (the eval and dev extras)")

SCRIPT = REPO / "scripts" / "train_ppo.py"


def load_script():
    spec = importlib.util.spec_from_file_location("train_ppo", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(module, tmp_path, timesteps, n_tasks, seed=0):
    argv = [
        "--family",
        "pick+notify",
        "--timesteps",
        str(timesteps),
        "--n-envs",
        "2",
        "--vec",
        "dummy",
        "--featurizer",
        "hashing",
        "--dim",
        "64",
        "--eval-seeds",
        "1",
        "--n-steps",
        "256",
        "--max-train-tasks",
        str(n_tasks),
        "--seed",
        str(seed),
        "--out",
        str(tmp_path),
    ]
    return module.main(argv), module.parse_args(argv)


@pytest.mark.slow
def test_short_run_outputs_are_consistent(tmp_path):
    from stable_baselines3 import PPO

    module = load_script()
    results, args = run(module, tmp_path, 1024, n_tasks=4)
    n_test = len(module.family_tasks("pick+notify", module.TEST_SUITE))
    assert json.loads((tmp_path / "results.json").read_text()) == json.loads(json.dumps(results))
    assert (tmp_path / "learning_curve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (
        results["timesteps"] >= 1024 and results["n_train_tasks"] == 4 and results["n_test_tasks"] == n_test
    )

    seeds = results["eval_seeds"]
    for where, n_tasks, n_seeds, names in (
        ("held_out", n_test, len(seeds), ("trained", "random", "heuristic")),
        ("train_tasks", 4, 1, ("trained", "random")),
    ):
        assert set(results[where]) == set(names)
        for name in names:
            row = results[where][name]
            assert row["episodes"] == n_tasks * n_seeds, (where, name)
            assert (row["success"] * row["episodes"]).is_integer(), (where, name)  # a count of episodes
    assert (
        results["held_out"]["heuristic"]["success"] >= 0.9
    )  # the README: it solves 18 of the 19 held-out tasks

    steps = [point["timesteps"] for point in results["curve"]]
    assert steps == sorted(set(steps)) and steps[-1] <= results["timesteps"]
    assert all(0.0 <= p["success"] <= 1.0 for p in results["curve"])
    assert results["training_episodes"] == results["curve"][-1]["episodes"]

    # the saved model is the one evaluated: reloaded, it scores the same on the same held-out episodes
    model = PPO.load(tmp_path / "model.zip", device="cpu")
    env = module.env_factory(args, module.TEST_SUITE, module.family_tasks("pick+notify", module.TEST_SUITE))()
    again = module.run_policy(
        env, lambda obs, _: int(model.predict(obs, deterministic=True)[0]), n_test, seeds
    )
    env.close()
    assert again == results["held_out"]["trained"]


def test_parse_args_defaults_and_missing_family():
    module = load_script()
    args = module.parse_args([])
    assert args.vec == "subproc" and args.featurizer == "hashing" and args.timesteps > 0
    with pytest.raises(SystemExit):
        module.family_tasks("no+such+family", module.TRAIN_SUITE)
