"""One episode stack for every training integration: what a session or a rollout runs on.

A :class:`SessionConfig` names the stack (suite, state-controller profile, dense shaping, seed, step limit,
retrieval); :func:`make_stack` builds it as ``StateController(gym.make("ToolGym-v0", ...))`` (no controller
for profile ``none``), so TRL rollouts, OpenEnv sessions and in-process code see byte-identical episodes for
the same config, seed and actions. :func:`episode_verdict` gives the judge's verdict of an episode, ended or
not.
"""

from __future__ import annotations

from typing import Any, Literal

import gymnasium as gym
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from toolgym_env.errors import InvalidArgumentError


class SessionConfig(BaseModel):
    """What one stack is built from (unknown fields are an error, so a misspelt key fails loudly).

    Attributes:
        suite: a shipped suite (``test``, ``train``, ``core``) or a JSONL task file.
        profile: a :class:`~toolgym_env.wrappers.StateController` profile (``none``: no controller).
        shaping: weight of the judge's potential-based dense shaping (0 = the verdict's reward only).
        seed: the controller's seed and the first reset's seed (later resets continue the env's generator).
        max_episode_steps: the step limit (``None``: the registered 40).
        retrieval: what backs ``search_tools`` (``lexical`` BM25 by default; the others need the embed extra).

    Example:
        >>> SessionConfig.parse({"suite": "core", "profile": "light"}).profile
        'light'
        >>> SessionConfig.parse({"suit": "core"})
        Traceback (most recent call last):
        ...
        toolgym_env.errors.InvalidArgumentError: bad session config: suit: Extra inputs are not permitted
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    suite: str = "test"
    profile: str = "none"
    shaping: float = Field(0.0, ge=0.0)
    seed: int | None = Field(None, ge=0)
    max_episode_steps: int | None = Field(None, ge=1)
    retrieval: Literal["lexical", "embedding", "hybrid", "auto"] = "lexical"

    @field_validator("profile")
    @classmethod
    def _known_profile(cls, profile: str) -> str:
        from toolgym_env.wrappers.perturb.config import PROFILES

        if profile not in PROFILES:
            raise ValueError(f"unknown perturbation profile {profile!r}; choose from {sorted(PROFILES)}")
        return profile

    @classmethod
    def parse(cls, data: dict[str, Any] | SessionConfig | None) -> SessionConfig:
        """A config from a dict (``None``: the defaults); raises :class:`InvalidArgumentError` naming the
        field."""
        if isinstance(data, SessionConfig):
            return data
        try:
            return cls.model_validate(data or {})
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)
            )
            raise InvalidArgumentError(f"bad session config: {problems}") from exc


def make_stack(config: SessionConfig | dict[str, Any] | None = None) -> gym.Env:
    """The env stack of a config: ``gym.make("ToolGym-v0")`` (judge on top of the time limit), wrapped in a
    :class:`~toolgym_env.wrappers.StateController` unless the profile is ``none``.

    Example:
        >>> env = make_stack({"suite": "core", "profile": "first_non_search", "seed": 0})
        >>> type(env).__name__, type(env.env).__name__
        ('StateController', 'JudgeReward')
        >>> env.close()
    """
    config = SessionConfig.parse(config)
    kwargs: dict[str, Any] = {"suite": config.suite, "shaping": config.shaping, "retrieval": config.retrieval}
    if config.max_episode_steps is not None:
        kwargs["max_episode_steps"] = config.max_episode_steps
    env = gym.make("ToolGym-v0", **kwargs)
    if config.profile != "none":
        from toolgym_env.wrappers import StateController

        env = StateController(env, profile=config.profile, seed=config.seed or 0)
    return env


def judge_layer(env: gym.Env) -> Any:
    """The outermost :class:`~toolgym_env.wrappers.JudgeReward` of a stack (walked through ``.env``)."""
    from toolgym_env.wrappers.judge_reward import JudgeReward

    layer = env
    while isinstance(layer, gym.Wrapper):
        if isinstance(layer, JudgeReward):
            return layer
        layer = layer.env
    raise InvalidArgumentError(f"no JudgeReward in the stack {env}")


def episode_verdict(env: gym.Env) -> tuple[Any, float]:
    """The verdict of the current episode and the episode's return under the stack's judge.

    An episode that ended (final answer or step limit) has its verdict already; one the agent left unfinished
    (a rollout that stopped calling tools) is judged as it stands, as at a truncation, and stays judged. The
    return is ``verdict.reward + shaping * verdict.progress``: what the judge's step rewards of a finished
    episode add up to (the shaping terms telescope).

    Example:
        >>> env = make_stack({"suite": "core"})
        >>> _ = env.reset(seed=0)
        >>> verdict, ret = episode_verdict(env)   # nothing done: judged as a truncation
        >>> verdict.success, ret
        (False, 0.0)
        >>> env.close()
    """
    layer = judge_layer(env)
    if layer.verdict is None:
        layer.verdict = env.unwrapped.verdict = layer.judge()
    verdict = layer.verdict
    return verdict, float(verdict.reward + layer.shaping * verdict.progress)
