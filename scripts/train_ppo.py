"""Train PPO (stable-baselines3) on one task family through :class:`~toolgym_env.wrappers.NumericAdapter`,
then compare it on the held-out tasks of that family with a random policy over the same candidates and with
the heuristic agent on the raw env.

Trains on the ``checklist-train`` suite's tasks of ``--family``, evaluates on the ``checklist-test`` suite's
tasks of the same family (other apps, other records). Writes ``learning_curve.png``, ``results.json`` and the
trained ``model.zip`` to ``--out`` and prints a table. Needs the ``rl`` extra (stable-baselines3) and
matplotlib (the ``eval`` extra).

    python scripts/train_ppo.py --family "pick+notify" --timesteps 30000 --n-envs 4 --vec subproc \\
        --featurizer hashing --seed 0 --out runs/ppo_pick_notify
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

#: The suites of the checklist kind (the numeric adapter's candidate builder reads their grammar).
TRAIN_SUITE, TEST_SUITE = "checklist-train", "checklist-test"
DEFAULTS = {
    "family": "pick+notify",
    "timesteps": 30_000,
    "n_envs": 4,
    "vec": "subproc",
    "seed": 0,
    "featurizer": "hashing",
    "dim": 256,
    "k": 8,
    "max_steps": 14,
    "shaping": 0.0,
    "eval_seeds": 3,
    "n_steps": 256,
    "out": "runs/ppo",
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--family", default=DEFAULTS["family"], help="task family (Task.family), e.g. 'pick+notify'"
    )
    p.add_argument("--timesteps", type=int, default=DEFAULTS["timesteps"], help="PPO timesteps")
    p.add_argument("--n-envs", type=int, default=DEFAULTS["n_envs"], help="parallel training envs")
    p.add_argument("--vec", choices=("subproc", "dummy"), default=DEFAULTS["vec"], help="SB3 vector env")
    p.add_argument("--seed", type=int, default=DEFAULTS["seed"], help="seed of PPO and the training envs")
    p.add_argument("--featurizer", choices=("auto", "minilm", "hashing"), default=DEFAULTS["featurizer"])
    p.add_argument("--dim", type=int, default=DEFAULTS["dim"], help="hashing featurizer dimensions")
    p.add_argument("--k", type=int, default=DEFAULTS["k"], help="candidate calls per step (Discrete(K))")
    p.add_argument("--max-steps", type=int, default=DEFAULTS["max_steps"], help="env steps per episode")
    p.add_argument(
        "--shaping",
        type=float,
        default=DEFAULTS["shaping"],
        help="JudgeReward dense shaping weight during training (0 = the sparse judge reward)",
    )
    p.add_argument(
        "--eval-seeds", type=int, default=DEFAULTS["eval_seeds"], help="episodes per held-out task"
    )
    p.add_argument("--n-steps", type=int, default=DEFAULTS["n_steps"], help="PPO rollout length per env")
    p.add_argument(
        "--obs-keys",
        default="all",
        help="observation keys the policy reads, comma-separated (e.g. 'features,mask,progress'); all",
    )
    p.add_argument(
        "--max-train-tasks", type=int, default=None, help="use only the first N train tasks (tests)"
    )
    p.add_argument("--out", default=DEFAULTS["out"], help="output folder")
    return p.parse_args(argv)


def require_rl() -> Any:
    """stable_baselines3, or a clear error naming the extra to install."""
    try:
        import stable_baselines3
    except ImportError as exc:
        raise SystemExit("train_ppo.py needs stable-baselines3: pip install 'toolgym-env[rl]'") from exc
    return stable_baselines3


def family_tasks(family: str, suite: str) -> list[Any]:
    """The tasks of ``family`` in a shipped suite (an error when there are none)."""
    from toolgym_env.tasks import load_suite

    tasks = [t for t in load_suite(suite) if t.family == family]
    if not tasks:
        raise SystemExit(f"no {suite} tasks of family {family!r}")
    return tasks


def env_factory(
    args: argparse.Namespace, suite: str, tasks: list[Any], shaping: float = 0.0
) -> Callable[[], Any]:
    """A picklable function building the numeric env over ``tasks`` (for SB3 vector envs and evaluation)."""
    kwargs = {
        "max_candidates": args.k,
        "featurizer": args.featurizer,
        "dim": args.dim,
        "shaping": shaping,
        "suite": suite,
        "tasks": tasks,
        "max_steps": args.max_steps,
    }
    keys = None if args.obs_keys == "all" else [k.strip() for k in args.obs_keys.split(",") if k.strip()]
    return _Factory(kwargs, keys)


class _Factory:
    def __init__(self, kwargs: dict[str, Any], keys: list[str] | None = None) -> None:
        self.kwargs, self.keys = kwargs, keys

    def __call__(self) -> Any:
        import warnings

        import toolgym_env  # noqa: F401  (registers the ids)
        from toolgym_env.wrappers.numeric import make_numeric

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            env = make_numeric(**self.kwargs)
        if self.keys is None:
            return env
        from gymnasium.wrappers import FilterObservation

        return FilterObservation(env, self.keys)


def run_policy(env: Any, act: Callable[[Any, Any], int], n_tasks: int, seeds: list[int]) -> dict[str, float]:
    """Success rate and mean reward of ``act(obs, env)`` over every task × seed (task picked by index)."""
    successes, rewards = [], []
    for seed in seeds:
        for i in range(n_tasks):
            obs, info = env.reset(seed=seed, options={"task_index": i})
            total = 0.0
            while True:
                obs, reward, terminated, truncated, info = env.step(act(obs, env))
                total += float(reward)
                if terminated or truncated:
                    break
            successes.append(bool(info.get("judge", {}).get("success", False)))
            rewards.append(total)
    return {
        "success": float(np.mean(successes)),
        "mean_reward": float(np.mean(rewards)),
        "episodes": len(successes),
    }


def run_heuristic(
    args: argparse.Namespace, suite: str, tasks: list[Any], seeds: list[int]
) -> dict[str, float]:
    """The heuristic agent on the raw env (``ToolGym-v0``, judge reward) over the same tasks and seeds."""
    import gymnasium as gym

    import toolgym_env  # noqa: F401
    from toolgym_env.agents import AGENTS, run_episode

    env = gym.make("ToolGym-v0", suite=suite, tasks=tasks, max_steps=args.max_steps)
    results = [
        run_episode(env, AGENTS["heuristic"](), seed=s, options={"task_index": i})
        for s in seeds
        for i in range(len(tasks))
    ]
    env.close()
    return {
        "success": float(np.mean([r.success for r in results])),
        "mean_reward": float(np.mean([r.reward for r in results])),
        "episodes": len(results),
    }


def make_curve_callback(window: int = 100) -> Any:
    """An SB3 callback recording (timesteps, success rate, mean reward) over the last ``window`` episodes."""
    from stable_baselines3.common.callbacks import BaseCallback

    class CurveCallback(BaseCallback):
        def __init__(self) -> None:
            super().__init__()
            self.episodes: list[tuple[int, bool, float]] = []
            self.curve: list[dict[str, float]] = []
            self._returns: np.ndarray | None = None

        def _on_step(self) -> bool:
            rewards, dones, infos = self.locals["rewards"], self.locals["dones"], self.locals["infos"]
            if self._returns is None:
                self._returns = np.zeros(len(dones))
            self._returns += rewards
            for j, done in enumerate(dones):
                if done:
                    success = bool(infos[j].get("judge", {}).get("success", False))
                    self.episodes.append((self.num_timesteps, success, float(self._returns[j])))
                    self._returns[j] = 0.0
            return True

        def _on_rollout_end(self) -> None:
            last = self.episodes[-window:]
            if last:
                self.curve.append(
                    {
                        "timesteps": self.num_timesteps,
                        "episodes": len(self.episodes),
                        "success": float(np.mean([e[1] for e in last])),
                        "mean_reward": float(np.mean([e[2] for e in last])),
                    }
                )

    return CurveCallback()


def plot_curve(curve: list[dict[str, float]], results: dict[str, Any], path: Path) -> None:
    """Training success / reward vs timesteps, with the held-out success of each policy as horizontal
    lines."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2))
    ts = [c["timesteps"] for c in curve]
    ax.plot(ts, [c["success"] for c in curve], label="PPO training success (last 100 episodes)", color="C0")
    ax.plot(ts, [c["mean_reward"] for c in curve], label="PPO training mean reward", color="C0", ls=":")
    held = results["held_out"]
    for name, color, ls, lw in (
        ("heuristic", "C2", "-", 4),
        ("trained", "C0", "--", 1.5),
        ("random", "C3", "--", 1.5),
    ):
        ax.axhline(
            held[name]["success"],
            color=color,
            ls=ls,
            lw=lw,
            alpha=0.45 if lw > 2 else 1.0,
            label=f"held-out success: {name} {held[name]['success']:.2f}",
        )
    ax.set_xlabel("timesteps")
    ax.set_ylabel("success rate / reward")
    ax.set_ylim(-0.02, 1.02)
    ax.set_title(f"PPO on '{results['family']}' ({results['featurizer']}, seed {results['seed']})")
    ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def format_table(results: dict[str, Any]) -> str:
    """The results as a Markdown table."""
    lines = ["| policy | held-out success | held-out mean reward | train-task success |", "|---|---|---|---|"]
    for name in ("trained", "random", "heuristic"):
        h, t = results["held_out"][name], results["train_tasks"].get(name)
        lines.append(
            f"| {name} | {h['success']:.3f} | {h['mean_reward']:.3f} | {t['success']:.3f} |"
            if t
            else f"| {name} | {h['success']:.3f} | {h['mean_reward']:.3f} | - |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Train, evaluate, write the curve and the results; returns the results."""
    args = parse_args(argv)
    require_rl()
    import torch
    from stable_baselines3 import PPO
    from stable_baselines3.common.vec_env import DummyVecEnv, SubprocVecEnv

    torch.set_num_threads(1)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    train_tasks = family_tasks(args.family, TRAIN_SUITE)[: args.max_train_tasks]
    test_tasks = family_tasks(args.family, TEST_SUITE)
    eval_seeds = [1000 + s for s in range(args.eval_seeds)]
    t0 = time.time()

    fns = [env_factory(args, TRAIN_SUITE, train_tasks, args.shaping) for _ in range(args.n_envs)]
    venv = SubprocVecEnv(fns) if args.vec == "subproc" else DummyVecEnv(fns)
    venv.seed(args.seed)
    model = PPO(
        "MultiInputPolicy",
        venv,
        n_steps=args.n_steps,
        batch_size=min(256, args.n_steps * args.n_envs),
        n_epochs=10,
        learning_rate=3e-4,
        gamma=0.99,
        ent_coef=0.01,
        seed=args.seed,
        verbose=0,
        policy_kwargs={"net_arch": [128, 128]},
        device="cpu",
    )
    callback = make_curve_callback()
    model.learn(total_timesteps=args.timesteps, callback=callback)
    venv.close()
    model.save(out / "model.zip")
    train_s = time.time() - t0

    rng = np.random.default_rng(args.seed)

    def trained(obs: Any, env: Any) -> int:
        return int(model.predict(obs, deterministic=True)[0])

    def random(obs: Any, env: Any) -> int:  # uniform over the valid candidates
        return int(rng.integers(len(env.get_wrapper_attr("cands"))))

    t1 = time.time()
    results: dict[str, Any] = {
        "family": args.family,
        "seed": args.seed,
        "eval_seeds": eval_seeds,
        "timesteps": int(model.num_timesteps),
        "n_envs": args.n_envs,
        "vec": args.vec,
        "featurizer": args.featurizer,
        "k": args.k,
        "max_steps": args.max_steps,
        "shaping": args.shaping,
        "obs_keys": args.obs_keys,
        "n_train_tasks": len(train_tasks),
        "n_test_tasks": len(test_tasks),
        "held_out": {},
        "train_tasks": {},
    }
    for suite, tasks, key in (
        (TEST_SUITE, test_tasks, "held_out"),
        (TRAIN_SUITE, train_tasks, "train_tasks"),
    ):
        env = env_factory(args, suite, tasks)()
        seeds = eval_seeds if key == "held_out" else eval_seeds[:1]
        results[key]["trained"] = run_policy(env, trained, len(tasks), seeds)
        results[key]["random"] = run_policy(env, random, len(tasks), seeds)
        env.close()
    results["held_out"]["heuristic"] = run_heuristic(args, TEST_SUITE, test_tasks, eval_seeds)
    results["wall_time_s"] = {
        "train": round(train_s, 1),
        "eval": round(time.time() - t1, 1),
        "total": round(time.time() - t0, 1),
    }
    results["curve"] = callback.curve
    results["training_episodes"] = len(callback.episodes)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    plot_curve(callback.curve, results, out / "learning_curve.png")
    print(
        f"PPO on family {args.family!r}: {results['timesteps']} timesteps, {args.n_envs} {args.vec} envs, "
        f"seed {args.seed}, {args.featurizer} features; held-out: {len(test_tasks)} test tasks x "
        f"{len(eval_seeds)} seeds; wall {results['wall_time_s']['total']} s"
    )
    print(format_table(results))
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
