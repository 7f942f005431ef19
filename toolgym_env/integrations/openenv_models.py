"""The wire types of the OpenEnv server: ``openenv-core`` pydantic models for a ToolGym action, observation
and session state (the ``openenv`` extra)."""

from __future__ import annotations

from typing import Any

from openenv.core.env_server.types import Action, Observation, State
from pydantic import Field


class ToolGymAction(Action):
    """One tool call: the env's own action, ``{"name", "arguments"}`` (arguments as an object or a JSON
    string).

    Anything that fits this shape reaches the env, so an unknown tool, invalid JSON arguments or a schema
    violation come back as an error observation (``is_error`` true), as in-process.
    """

    name: str = Field(description="a tool's name, or search_tools / wait / final_answer")
    arguments: dict[str, Any] | str = Field(
        default_factory=dict, description="the tool's arguments: an object or a JSON object string"
    )


class ToolGymObservation(Observation):
    """The env's observation, its ``info`` and, once the episode has ended, the judge's verdict.

    ``reward`` is the step's reward (the judge's at the end, shaping before); ``done`` is terminated or
    truncated.
    """

    instruction: str = ""
    tool: str = ""
    result: str = ""
    is_error: bool = False
    step: int = 0
    time: str = ""
    message: str = ""
    task_id: str = ""
    terminated: bool = False
    truncated: bool = False
    #: Events the state controller injected this step (``info["perturbations"]``).
    perturbations: list[dict[str, Any]] = Field(default_factory=list)
    #: The judge's verdict (``info["judge"]``) on the step that ended the episode; ``None`` before.
    judge: dict[str, Any] | None = None


class ToolGymState(State):
    """A session's state: its stack's config and where its episode stands (``episode_id``, ``step_count``)."""

    config: dict[str, Any] = Field(default_factory=dict)
    task_id: str = ""
    done: bool = True
    episode_return: float = 0.0
    episodes: int = 0
