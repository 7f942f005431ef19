"""Environments of toolgym_env and their registration."""

from __future__ import annotations

from typing import Any

from toolgym_env.envs.tool_env import ToolGymEnv


def make_toolgym(judge: bool = True, reveal: bool = False, **kwargs: Any):
    """Entry point of the registered ids: a :class:`ToolGymEnv`, with :class:`JudgeReward` unless ``judge=False``
    (``reveal=True`` puts expected values in ``info["judge"]``, for researchers' records)."""
    env = ToolGymEnv(**kwargs)
    if judge:
        from toolgym_env.wrappers.judge_reward import JudgeReward

        return JudgeReward(env, reveal=reveal)
    return env


__all__ = ["ToolGymEnv", "make_toolgym"]
