"""Gymnasium wrappers for ToolGym: each one small and stackable."""

from toolgym_env.wrappers.chat import ChatAdapter
from toolgym_env.wrappers.judge_reward import JudgeReward
from toolgym_env.wrappers.recorder import RecordEpisodes
from toolgym_env.wrappers.state_controller import StateController

__all__ = ["ChatAdapter", "JudgeReward", "NumericAdapter", "RecordEpisodes", "StateController", "make_numeric",
           "register_numeric"]


def __getattr__(name: str):  # lazy: the numeric adapter pulls in the heuristic agent's parser (~0.7 s)
    if name in ("NumericAdapter", "make_numeric", "register_numeric"):
        from toolgym_env.wrappers import numeric

        return getattr(numeric, name)
    raise AttributeError(name)
