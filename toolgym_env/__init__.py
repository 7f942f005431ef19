"""toolgym_env: a Gymnasium environment for long-horizon, multi-tool tasks over executable MCP tools.

Importing the package registers ``ToolGym-v0`` (direct tool route, judge reward), ``ToolGym-MCP-v0``
(every call through a real in-memory MCP session) and ``ToolGym-Discrete-v0`` (``ToolGym-v0`` in the numeric
adapter, for stable-baselines3). Each spec's ``max_episode_steps`` is the episode's step limit
(:data:`DEFAULT_MAX_STEPS`; ``gym.make(id, max_episode_steps=N)`` changes it), and the judge is the outermost
wrapper, so every truncation is judged (see :mod:`toolgym_env.envs`).

This module is the bottom of the package (every submodule import runs it first): it names the entry points
by string, which Gymnasium imports on ``gym.make``, and imports none of its subpackages. The env class is
:class:`toolgym_env.envs.ToolGymEnv`, the judge :class:`toolgym_env.wrappers.JudgeReward`.
"""

from __future__ import annotations

from gymnasium.envs.registration import WrapperSpec, register, registry

__version__ = "0.1.0"

#: The step limit of the registered ids (their spec's ``max_episode_steps``) and of ``ToolGymEnv()``.
DEFAULT_MAX_STEPS = 40

ENV_IDS = ("ToolGym-v0", "ToolGym-MCP-v0", "ToolGym-Discrete-v0")

if "ToolGym-v0" not in registry:
    # entry point: the bare env; gym.make adds its checker, OrderEnforcing and TimeLimit(max_episode_steps),
    # then the additional wrapper gives the env that limit and puts the judge (and adapters) on top
    _JUDGED = (WrapperSpec("ToolGymJudge", "toolgym_env.wrappers.judge_reward:finish", {}),)
    register(
        id="ToolGym-v0",
        entry_point="toolgym_env.envs:make_base",
        max_episode_steps=DEFAULT_MAX_STEPS,
        kwargs={"route": "direct"},
        additional_wrappers=_JUDGED,
    )
    register(
        id="ToolGym-MCP-v0",
        entry_point="toolgym_env.envs:make_base",
        max_episode_steps=DEFAULT_MAX_STEPS,
        kwargs={"route": "mcp"},
        additional_wrappers=_JUDGED,
    )
    # ToolGym-v0 inside the numeric adapter (Box observations, Discrete candidate calls) for stable-baselines3
    register(
        id="ToolGym-Discrete-v0",
        entry_point="toolgym_env.wrappers.numeric:make_numeric_base",
        max_episode_steps=DEFAULT_MAX_STEPS,
        kwargs={"route": "direct"},
        additional_wrappers=(
            WrapperSpec("ToolGymNumeric", "toolgym_env.wrappers.numeric:finish_numeric", {}),
        ),
    )


__all__ = ["DEFAULT_MAX_STEPS", "ENV_IDS", "__version__"]
