"""Agents: the oracles, model-free baselines, LLM agents (function calling, ReAct, planner–actor), and the
episode loop."""

from toolgym_env.agents.base import Agent, EpisodeResult, run_episode
from toolgym_env.agents.function_calling import FunctionCallingAgent
from toolgym_env.agents.heuristic import HeuristicAgent
from toolgym_env.agents.oracle import OracleAgent, resolve_refs
from toolgym_env.agents.planner_actor import PlannerActorAgent
from toolgym_env.agents.react import ReActAgent
from toolgym_env.agents.retrying import RetryingOracleAgent
from toolgym_env.agents.simple import ClaimSuccessAgent, NullAgent, RandomAgent

AGENTS = {
    "oracle": OracleAgent,
    "oracle-retry": RetryingOracleAgent,
    "heuristic": HeuristicAgent,
    "random": RandomAgent,
    "null": NullAgent,
    "claim-success": ClaimSuccessAgent,
    "function-calling": FunctionCallingAgent,
    "react": ReActAgent,
    "planner-actor": PlannerActorAgent,
}

__all__ = [
    "AGENTS",
    "Agent",
    "ClaimSuccessAgent",
    "EpisodeResult",
    "FunctionCallingAgent",
    "HeuristicAgent",
    "NullAgent",
    "OracleAgent",
    "PlannerActorAgent",
    "RandomAgent",
    "ReActAgent",
    "RetryingOracleAgent",
    "resolve_refs",
    "run_episode",
]
