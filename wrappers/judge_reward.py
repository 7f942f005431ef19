"""``JudgeReward``: the episode's reward is the constraint-aware judge's verdict (optionally with dense
shaping)."""

from __future__ import annotations

from typing import Any

import gymnasium as gym

from toolgym_env.errors import InvalidArgumentError
from toolgym_env.judge.goal import goal_checks
from toolgym_env.judge.verdict import Verdict, judge_episode


class JudgeReward(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """At the end of an episode (terminated or truncated), judge it and emit the reward.

    The verdict (see :mod:`toolgym_env.judge.verdict` for the formula) checks the world diff against the
    task's expected changes, the final answer against its facts, and every active constraint against the
    trajectory: hard constraints gate success, soft ones scale the reward. It is in ``info["judge"]`` with
    one entry per check, saying what passed and why not in terms that never quote an expected value or id
    (an agent shown its failed verdict learns nothing it could copy into the next episode). What the agent
    claims about its own success is never read.

    Args:
        env: the ToolGym env (possibly wrapped).
        shaping: weight of dense shaping: each step also earns ``shaping * (progress_t - progress_{t-1})``,
            where progress is the fraction of goal checks the world and answer already meet (potential-based,
            so it sums to ``shaping * final progress`` and never changes which episodes succeed). 0 = off.
        rubric: an optional :class:`~toolgym_env.judge.rubric.RubricJudge`; its score of the final answer
            (model recorded, cached on disk) scales the reward by ``1 - rubric_weight + rubric_weight *
            score``.
        rubric_weight: the rubric's weight in [0, 1].
        reveal: put the expected values and ids in ``info["judge"]`` too (each check's ``expected``). For
            researchers reading verdicts, never for an agent that trains on ``info``; ``toolgym eval`` records
            keep them.

    Example:
        >>> import gymnasium as gym
        >>> import toolgym_env
        >>> env = gym.make("ToolGym-v0")      # JudgeReward is already applied
        >>> obs, info = env.reset(seed=0)
        >>> obs, reward, terminated, truncated, info = env.step(
        ...     {"name": "final_answer", "arguments": {"answer": "Done!"}})
        >>> reward, info["judge"]["success"]
        (0.0, False)
    """

    def __init__(
        self,
        env: gym.Env,
        shaping: float = 0.0,
        rubric: Any = None,
        rubric_weight: float = 0.2,
        reveal: bool = False,
    ) -> None:
        gym.utils.RecordConstructorArgs.__init__(
            self,
            shaping=shaping,
            rubric=rubric,
            rubric_weight=rubric_weight,
            reveal=reveal,
            _disable_deepcopy=True,
        )  # for gym.make(env.spec)
        super().__init__(env)
        if shaping < 0:
            raise InvalidArgumentError(f"shaping must be >= 0, got {shaping}")
        if not 0.0 <= rubric_weight <= 1.0:
            raise InvalidArgumentError(f"rubric_weight must be in [0, 1], got {rubric_weight}")
        self.shaping = shaping
        self.rubric = rubric
        self.rubric_weight = rubric_weight
        self.reveal = reveal
        self.verdict: Verdict | None = None
        self._progress = 0.0

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        """Reset the env and forget the last verdict."""
        self.verdict = None
        self._progress = 0.0
        return self.env.reset(seed=seed, options=options)

    def step(self, action: Any):
        """Step; shaping on intermediate steps, the judge's reward on the last one."""
        obs, reward, terminated, truncated, info = self.env.step(action)
        base = self.env.unwrapped
        if (terminated or truncated) and self.verdict is None:
            self.verdict = base.verdict = self.judge()  # the base env shows it in render()
            reward = self.verdict.reward + self._shape(self.verdict.progress)
            info = {**info, "judge": self.verdict.to_dict(self.reveal)}
        elif self.shaping and base.task is not None and not info.get("is_error"):
            checks = goal_checks(base.task.goal, base.world_diff(), base.final_answer, base.touched_rows())
            reward = self._shape(Verdict(tuple(checks)).progress)
        else:
            reward = 0.0
        return obs, float(reward), terminated, truncated, info

    def _shape(self, progress: float) -> float:
        delta, self._progress = progress - self._progress, progress
        return self.shaping * delta if self.shaping else 0.0

    def judge(self) -> Verdict:
        """The verdict of the current episode (goal, active constraints, optional rubric)."""
        base = self.env.unwrapped
        episode = base.episode()
        rubric = None
        if self.rubric is not None and base.final_answer is not None:
            tradeoff = next((c.criteria for c in base.constraints if c.type == "tradeoff"), None)
            evidence = "\n".join(
                f"{s['name']}: {s['result'][:600]}" for s in base.trajectory if not s["is_error"]
            )
            rubric = self.rubric.score(
                base.task.instruction, base.final_answer, evidence[-6000:], tradeoff
            ).to_dict()
        return judge_episode(
            base.task.goal,
            base.constraints,
            episode,
            base.catalog,
            rubric,
            self.rubric_weight if rubric else 0.0,
            since=base.constraint_since,
        )


def finish(env: gym.Env) -> gym.Env:
    """The registered additional wrapper of ``ToolGym-v0`` and ``ToolGym-MCP-v0`` (applied by ``gym.make``
    after its ``TimeLimit``): :func:`~toolgym_env.envs.sync_step_limit`, then :class:`JudgeReward` on top
    unless ``judge=False`` (the judge's keywords, :data:`~toolgym_env.envs.JUDGE_KWARGS`, are read from the
    spec)."""
    from toolgym_env.envs import JUDGE_KWARGS, sync_step_limit

    env = sync_step_limit(env)
    spec = env.unwrapped.spec
    opts = {**JUDGE_KWARGS, **{k: v for k, v in (spec.kwargs if spec else {}).items() if k in JUDGE_KWARGS}}
    if not opts["judge"]:
        return env
    return JudgeReward(env, shaping=opts["shaping"], reveal=opts["reveal"])
