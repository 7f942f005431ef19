"""Gymnasium wrappers for ToolGym: each one small and stackable."""

from toolgym_env.wrappers.chat import ChatAdapter
from toolgym_env.wrappers.judge_reward import JudgeReward
from toolgym_env.wrappers.recorder import RecordEpisodes
from toolgym_env.wrappers.state_controller import StateController

__all__ = ["ChatAdapter", "JudgeReward", "RecordEpisodes", "StateController"]
