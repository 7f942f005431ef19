"""Environments of toolgym_env and their registration.

How ``gym.make("ToolGym-v0", ...)`` builds its stack (Gymnasium 1.x applies the spec's ``additional_wrappers``
after its ``TimeLimit``)::

    JudgeReward(TimeLimit(OrderEnforcing(PassiveEnvChecker(ToolGymEnv))))

:func:`make_base` is the entry point (the bare env); the registered additional wrapper,
:func:`toolgym_env.wrappers.judge_reward.finish`, gives the env the ``TimeLimit``'s limit (the spec's
``max_episode_steps``, or ``gym.make(..., max_episode_steps=N)``, see :func:`sync_step_limit`), so the env and
the ``TimeLimit`` truncate on the same step, and puts the judge on top, where it sees every truncation. The
spec is the one source of truth for the step limit. The registration names both by string (Gymnasium imports
them on ``gym.make``), so this layer never imports the wrappers above it.
"""

from __future__ import annotations

import inspect
from typing import Any

import gymnasium as gym
from gymnasium.envs.registration import load_env_creator

from toolgym_env.envs.tool_env import DEFAULT_MAX_STEPS, ToolGymEnv
from toolgym_env.errors import InvalidArgumentError, UnknownArgumentError

#: ``gym.make`` keywords that configure the judge rather than the env (read by the registered judge wrapper).
JUDGE_KWARGS = {"judge": True, "shaping": 0.0, "reveal": False}
#: The judge wrapper, named by string as the registration names it: the env layer imports no wrapper.
JUDGE_WRAPPER = "toolgym_env.wrappers.judge_reward:JudgeReward"
_ENV_KWARGS = tuple(p for p in inspect.signature(ToolGymEnv.__init__).parameters if p != "self")


def make_toolgym(judge: bool = True, reveal: bool = False, **kwargs: Any):
    """A :class:`ToolGymEnv` with :class:`JudgeReward` unless ``judge=False``, without ``gym.make``'s wrappers
    (``reveal=True`` puts expected values in ``info["judge"]``, for researchers' records)."""
    env = ToolGymEnv(**kwargs)
    if judge:
        return load_env_creator(JUDGE_WRAPPER)(env, reveal=reveal)
    return env


def check_kwargs(kwargs: dict[str, Any], extra: tuple[str, ...] = ()) -> None:
    """Raise :class:`UnknownArgumentError` for a keyword that neither the env nor its wrappers take."""
    known = (*_ENV_KWARGS, *JUDGE_KWARGS, *extra)
    unknown = sorted(k for k in kwargs if k not in known)
    if unknown:
        raise UnknownArgumentError(
            f"unknown keyword argument(s) {unknown} for ToolGym; known: {sorted(known)}"
        )


def make_base(**kwargs: Any) -> ToolGymEnv:
    """Entry point of ``ToolGym-v0`` and ``ToolGym-MCP-v0``: the bare :class:`ToolGymEnv` (the judge's
    keywords, ``judge``, ``shaping`` and ``reveal``, are left to the registered judge wrapper, which reads
    them from the spec)."""
    check_kwargs(kwargs)
    return ToolGymEnv(**{k: v for k, v in kwargs.items() if k in _ENV_KWARGS})


def _time_limit(env: gym.Env) -> gym.wrappers.TimeLimit | None:
    """The outermost ``TimeLimit`` of a stack (walked through ``.env``; ``env.spec`` would deep-copy the
    spec's keyword arguments, a task list included, at every layer)."""
    while isinstance(env, gym.Wrapper):
        if isinstance(env, gym.wrappers.TimeLimit):
            return env
        env = env.env
    return None


def sync_step_limit(env: gym.Env) -> gym.Env:
    """Make the step limit of a ``gym.make`` stack one number: the ``TimeLimit``'s
    (``env.spec.max_episode_steps``).

    The base env gets that limit (its ``step`` observation and ``info["max_steps"]`` follow), so it truncates
    on the same step as the ``TimeLimit``. ``max_steps=k`` passed to ``gym.make`` (the constructor's name for
    the limit) replaces the registered default; contradicting an explicit ``max_episode_steps`` raises
    :class:`InvalidArgumentError`. With ``max_episode_steps=-1`` (no ``TimeLimit``) the env has no limit
    unless ``max_steps`` is given. Returns the stack (a new ``TimeLimit`` where ``max_steps`` replaced the
    default).
    """
    base = env.unwrapped
    if not isinstance(base, ToolGymEnv):
        raise InvalidArgumentError(f"expected a ToolGymEnv stack, got {env}")
    kwargs = base.spec.kwargs if base.spec is not None else {}
    time_limit = _time_limit(env)
    # TimeLimit has no public getter of its limit
    limit = time_limit._max_episode_steps if time_limit is not None else None  # noqa: SLF001
    if "max_steps" in kwargs and kwargs["max_steps"] != limit:
        asked = kwargs["max_steps"]
        registered = gym.envs.registry.get(base.spec.id) if base.spec is not None else None
        default = registered.max_episode_steps if registered is not None else None
        if limit is not None and (limit != default or time_limit is not env):
            raise InvalidArgumentError(
                f"max_steps={asked!r} and max_episode_steps={limit} disagree; pass only max_episode_steps"
            )
        if time_limit is not None:  # gym.make's TimeLimit of the registered default: max_steps replaces it
            env = time_limit.env if asked is None else gym.wrappers.TimeLimit(time_limit.env, asked)
        limit = asked
    base.set_max_steps(limit)
    if base.spec is not None:  # no wrapper has copied the spec yet: gym.make(env.spec) builds the same limit
        base.spec.kwargs["max_steps"] = limit
    return env


__all__ = [
    "DEFAULT_MAX_STEPS",
    "JUDGE_KWARGS",
    "JUDGE_WRAPPER",
    "ToolGymEnv",
    "check_kwargs",
    "make_base",
    "make_toolgym",
    "sync_step_limit",
]
