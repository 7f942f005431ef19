"""Gymnasium wrappers for ToolGym: each one small and stackable."""

from toolgym_env.wrappers.judge_reward import JudgeReward

__all__ = ["JudgeReward"]
