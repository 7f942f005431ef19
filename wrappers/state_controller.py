"""``StateController``: seeded interruptions and failures injected between the agent and the tools."""

from __future__ import annotations

from typing import Any

import gymnasium as gym

from toolgym_env.errors import InvalidArgumentError
from toolgym_env.wrappers.perturb.config import PerturbationConfig, profile_config
from toolgym_env.wrappers.perturb.engine import Perturber


class StateController(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """Inject ToolGym's fourteen kinds of perturbation, reproducibly, into any ToolGym env stack.

    Tool level: ``timeout`` (the call is dropped, virtual time passes), ``rate_limit`` (429 with a retry-after
    on the virtual clock; calls to the app before then fail again), ``unavailable`` (503 for N calls to the
    app), ``schema_change`` (a parameter renamed or a required one added; the listing shows the new schema,
    old-shape calls fail with a message naming the change), ``partial_failure`` (a list result loses part of
    its items, with an error for the rest). State level: ``response_delay``, ``data_corruption`` (a field
    garbled, the world intact), ``truncation``, ``session_timeout`` (the app answers 401 until its
    ``refresh_session`` tool is called) and ``stale_data`` (a read answers from the world as it was before the
    agent's first change). Constraint level: ``interrupt`` — the user adds a constraint, modifies one,
    tightens the deadline or cuts the budget; the message arrives in ``obs["message"]`` and the judge checks
    the new constraints from then on.

    Every injected event is in ``info["perturbations"]`` and in the trajectory step (``kind``, ``step``,
    ``tool`` and its parameters; ``blocked``: the call never reached the tool; ``degraded``: the response was
    damaged). The judge does not count blocked calls toward a call limit, and re-reading a damaged response is
    not redundant. ``search_tools`` is never perturbed unless ``perturb_search=True``.

    Works in any position of a wrapper stack: it acts through the base env's ``call_hook``, so the
    observation, the trajectory and the judge's verdict are the same wherever it sits.

    Args:
        env: a ToolGym env (possibly wrapped).
        profile: ``none``, ``light``, ``moderate``, ``heavy``, ToolGym's ``first_non_search`` and
            ``random_20``, or a kind's name (that kind alone); see
            :data:`toolgym_env.wrappers.perturb.PROFILES`.
        seed: the controller's seed; with the reset seed (or the episode count) and the task id it fixes every
            draw.
        config: a full :class:`~toolgym_env.wrappers.perturb.PerturbationConfig` instead of a profile.
        **rates: per-kind overrides, e.g. ``timeout=0.1``, ``rate_limit_at=(2,)``, ``retry_after_s=(5, 10)``.

    Example:
        >>> import gymnasium as gym
        >>> import toolgym_env
        >>> from toolgym_env.wrappers import StateController
        >>> env = StateController(gym.make("ToolGym-v0"), profile="first_non_search", seed=0)
        >>> obs, info = env.reset(seed=0)
        >>> obs, *_ , info = env.step({"name": "mail__list_messages", "arguments": {}})
        >>> obs["result"][:30], info["perturbations"][0]["kind"]
        ('Error 503 (unavailable): mail ', 'unavailable')
    """

    def __init__(
        self,
        env: gym.Env,
        profile: str = "moderate",
        seed: int = 0,
        config: PerturbationConfig | None = None,
        **rates: Any,
    ) -> None:
        gym.utils.RecordConstructorArgs.__init__(
            self, profile=profile, seed=seed, config=config, **rates, _disable_deepcopy=True
        )
        super().__init__(env)
        if config is not None and rates:
            raise InvalidArgumentError("pass either config= or per-kind keyword overrides, not both")
        self.config = config if config is not None else profile_config(profile, **rates)
        self.profile = profile if config is None else "custom"
        base = env.unwrapped
        if getattr(base, "call_hook", None) is not None:
            raise InvalidArgumentError("this env already has a state controller (or another call hook)")
        self.perturber = Perturber(self.config, seed)
        base.call_hook = self.perturber

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        """Reset the env and start the episode's perturbation stream."""
        obs, info = self.env.reset(seed=seed, options=options)
        self.perturber.begin(self.env.unwrapped, seed)
        return obs, {**info, "perturbation_profile": self.profile}

    def close(self) -> None:
        """Detach from the env, then close it."""
        base = self.env.unwrapped
        if getattr(base, "call_hook", None) is self.perturber:
            base.call_hook = None
        super().close()
