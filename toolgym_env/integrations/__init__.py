"""Training integrations: LLM RL through the trainers people use.

- :mod:`~toolgym_env.integrations.stack`: one episode stack (suite, state-controller profile, shaping, seed)
  built the same way for every integration (:class:`SessionConfig`, :func:`make_stack`,
  :func:`episode_verdict`).
- :mod:`~toolgym_env.integrations.trl_env`: :class:`ToolGymTRLEnv`, an environment class for TRL's
  ``GRPOTrainer(environment_factory=...)``; :mod:`~toolgym_env.integrations.trl_data` builds its prompt
  dataset (the ``trl`` extra).
- :mod:`~toolgym_env.integrations.openenv_server` / :mod:`~toolgym_env.integrations.openenv_client`: the env
  served over HTTP/WebSocket by ``openenv-core`` (``toolgym serve-env``) and its client (the ``openenv``
  extra).

Nothing here imports ``trl`` or ``openenv`` at package import time.
"""

from toolgym_env.integrations.stack import SessionConfig, episode_verdict, make_stack
from toolgym_env.integrations.trl_env import ToolGymTRLEnv, trl_env_factory

__all__ = ["SessionConfig", "ToolGymTRLEnv", "episode_verdict", "make_stack", "trl_env_factory"]
