"""Agents: the oracle, model-free baselines, and the episode loop."""

from toolgym_env.agents.base import Agent, EpisodeResult, run_episode
from toolgym_env.agents.oracle import OracleAgent, resolve_refs
from toolgym_env.agents.simple import ClaimSuccessAgent, NullAgent, RandomAgent
from toolgym_env.agents.retrying import RetryingOracleAgent

AGENTS = {"oracle": OracleAgent, "oracle-retry": RetryingOracleAgent, "random": RandomAgent, "null": NullAgent,
          "claim-success": ClaimSuccessAgent}

__all__ = ["AGENTS", "Agent", "ClaimSuccessAgent", "EpisodeResult", "NullAgent", "OracleAgent", "RandomAgent", "RetryingOracleAgent",
           "resolve_refs", "run_episode"]
