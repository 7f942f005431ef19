"""Gymnasium wrappers for ToolGym: each one small and stackable."""

from toolgym_env.wrappers.chat import ChatAdapter
from toolgym_env.wrappers.judge_reward import JudgeReward
from toolgym_env.wrappers.state_controller import StateController

__all__ = [
    "ChatAdapter",
    "JudgeReward",
    "NumericAdapter",
    "RecordEpisodes",
    "StateController",
    "make_numeric",
    "register_numeric",
]


def __getattr__(name: str):
    """Lazy attributes: the numeric adapter (its featurizer and default candidate source load on use) and the
    recorder, which writes evaluation's records (importing the wrappers does not import evaluation)."""
    if name in ("NumericAdapter", "make_numeric", "register_numeric"):
        from toolgym_env.wrappers import numeric

        return getattr(numeric, name)
    if name == "RecordEpisodes":
        from toolgym_env.wrappers.recorder import RecordEpisodes

        return RecordEpisodes
    raise AttributeError(name)
