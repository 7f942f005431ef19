"""``JudgeReward``: the episode's reward is the judge's verdict on the world and the final answer."""

from __future__ import annotations

from typing import Any

import gymnasium as gym

from toolgym_env.judge.goal import Verdict, check_goal


class JudgeReward(gym.Wrapper):
    """At the end of an episode (terminated or truncated), judge the goal and emit the reward.

    The verdict checks the world diff against the task's expected changes and the final answer against its
    facts: reward 1.0 when every check passes, else 0.0 (intermediate steps get 0.0). The verdict is in
    ``info["judge"]`` with one entry per check. What the agent claims about its own success is never read.

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

    def __init__(self, env: gym.Env) -> None:
        super().__init__(env)
        self.verdict: Verdict | None = None

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        """Reset the env and forget the last verdict."""
        self.verdict = None
        return self.env.reset(seed=seed, options=options)

    def step(self, action: Any):
        """Step; on the last step of the episode replace the reward with the judge's."""
        obs, reward, terminated, truncated, info = self.env.step(action)
        if (terminated or truncated) and self.verdict is None:
            base = self.env.unwrapped
            self.verdict = check_goal(base.task.goal, base.world_diff(), base.final_answer)
            reward = self.verdict.reward
            info = {**info, "judge": self.verdict.to_dict()}
        return obs, float(reward), terminated, truncated, info
