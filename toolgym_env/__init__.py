"""toolgym_env: a Gymnasium environment for long-horizon, multi-tool tasks over executable MCP tools.

Importing the package registers ``ToolGym-v0`` (direct tool route, judge reward), ``ToolGym-MCP-v0``
(every call through a real in-memory MCP session) and ``ToolGym-Discrete-v0`` (``ToolGym-v0`` in the numeric
adapter, for stable-baselines3).
"""

from __future__ import annotations

from gymnasium.envs.registration import register, registry

__version__ = "0.1.0"

ENV_IDS = ("ToolGym-v0", "ToolGym-MCP-v0", "ToolGym-Discrete-v0")

if "ToolGym-v0" not in registry:
    register(id="ToolGym-v0", entry_point="toolgym_env.envs:make_toolgym", max_episode_steps=None,
             kwargs={"route": "direct"})
    register(id="ToolGym-MCP-v0", entry_point="toolgym_env.envs:make_toolgym", max_episode_steps=None,
             kwargs={"route": "mcp"})
    # ToolGym-v0 inside the numeric adapter (Box observations, Discrete candidate calls) for stable-baselines3
    register(id="ToolGym-Discrete-v0", entry_point="toolgym_env.wrappers.numeric:make_numeric",
             max_episode_steps=None, kwargs={"route": "direct"})


def __getattr__(name: str):  # lazy: importing the package stays cheap
    if name == "ToolGymEnv":
        from toolgym_env.envs import ToolGymEnv

        return ToolGymEnv
    if name == "JudgeReward":
        from toolgym_env.wrappers import JudgeReward

        return JudgeReward
    raise AttributeError(name)


__all__ = ["ENV_IDS", "JudgeReward", "ToolGymEnv", "__version__"]
