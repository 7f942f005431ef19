"""``ToolGymTRLEnv``: the env as an ``environment_factory`` class for TRL's ``GRPOTrainer``.

TRL (1.16) makes one instance per rollout, calls ``reset(**row)`` with the dataset row and appends the
returned text to the prompt's last user message, exposes every public method (type hints and Google docstrings
give the tool schema) as a tool the model may call, and scores the finished rollout with ``get_reward()``. So
this class has exactly five public methods: ``reset``, the three tools ``search_tools``, ``call_tool`` and
``final_answer``, and ``get_reward``. It imports nothing from TRL.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, Self

from toolgym_env.integrations.stack import SessionConfig, episode_verdict, make_stack

#: What a tool says once the episode is over (the final answer was given, or the step limit reached).
EPISODE_OVER = "The task is over: no more tool calls are run."


class ToolGymTRLEnv:
    """One ToolGym episode per rollout, for ``GRPOTrainer(environment_factory=...)``.

    ``reset`` starts an episode on the dataset row's ``task_id`` (or ``task_index``; with neither, the env
    draws a task with its own generator) and returns the user's request. The model acts through three tools:
    ``search_tools(query, top_k)``, ``call_tool(name, arguments)`` (any catalog tool, or the meta tool
    ``wait``, with its arguments as a JSON object string) and ``final_answer(answer)``. ``get_reward`` returns
    the judge's reward of the episode (judging it as it stands if the model stopped without a final answer)
    and keeps the verdict in ``self.verdict`` for logging. Any wrapper stack runs underneath (``config``:
    suite, :class:`~toolgym_env.wrappers.StateController` profile, dense shaping, seed, step limit).

    Args:
        config: a :class:`~toolgym_env.integrations.SessionConfig` or its dict.
        log: called with one record per judged episode (``task_id``, ``reward``, ``success``, ``steps``,
            ``tool_calls``, ``perturbations``, ``verdict``), e.g. ``records.append``.

    Example:
        >>> env = ToolGymTRLEnv({"suite": "core"})
        >>> request = env.reset(task_id="core-best-product-order-00", prompt=[])   # TRL passes the whole row
        >>> request == env.env.unwrapped.task.instruction
        True
        >>> '"tools"' in env.search_tools("send an email", top_k=2)
        True
        >>> env.call_tool("mail__no_such_tool", "{}")[:40]
        "Unknown tool 'mail__no_such_tool'. Use s"
        >>> env.final_answer("Done.")
        '{"submitted":true}'
        >>> env.get_reward(), env.verdict["success"], env.tool_calls
        (0.0, False, 3)
        >>> env.call_tool("wait", '{"seconds": 1}') == EPISODE_OVER
        True
    """

    def __init__(
        self,
        config: SessionConfig | dict[str, Any] | None = None,
        log: Callable[[dict[str, Any]], Any] | None = None,
    ) -> None:
        self.config = SessionConfig.parse(config)
        self.env = make_stack(self.config)
        self.log = log
        self.task_id = ""
        #: Tool calls the model made this episode (those after the end included).
        self.tool_calls = 0
        #: The judge's verdict of the last judged episode (``Verdict.to_dict()``; no expected values in it).
        self.verdict: dict[str, Any] | None = None
        #: The last judged episode's return; ``None`` until ``get_reward`` ran for it.
        self.reward: float | None = None
        self._perturbations: list[dict[str, Any]] = []
        self._done = True
        self._episodes = 0

    def reset(
        self, task_id: str | None = None, task_index: int | None = None, seed: int | None = None, **row: Any
    ) -> str:
        """Start an episode and return the user's request (TRL appends it to the prompt).

        Args:
            task_id: the task to run (the dataset column written by
                :func:`~toolgym_env.integrations.trl_data.trl_dataset`).
            task_index: the task's index in the suite, if no ``task_id``.
            seed: the reset seed; by default the config's seed on the first episode, then the env's own
                generator.
            **row: the other columns of the dataset row (``prompt`` ...), ignored.
        """
        options: dict[str, Any] = {}
        if task_id is not None:
            options["task_id"] = task_id
        elif task_index is not None:
            options["task_index"] = task_index
        if seed is None and self._episodes == 0:
            seed = self.config.seed
        obs, info = self.env.reset(seed=seed, options=options or None)
        self._episodes += 1
        self.task_id = info["task_id"]
        self.tool_calls = 0
        self.verdict = self.reward = None
        self._perturbations = []
        self._done = False
        return obs["instruction"] + (f"\n\n{obs['message']}" if obs["message"] else "")

    def search_tools(self, query: str, top_k: int = 5) -> str:
        """Search the tool catalog by what you want to do; returns a card per tool found (name, one-line
        description, parameter signature).

        Args:
            query: what you want to do, in plain words (e.g. "find unpaid invoices").
            top_k: how many tools to return (1-20).

        Returns:
            JSON with the matching tools' names, descriptions and parameter signatures.
        """
        return self._act("search_tools", {"query": query, "top_k": top_k})

    def call_tool(self, name: str, arguments: str = "{}") -> str:
        """Call a tool found with search_tools, by its exact name.

        Args:
            name: the tool's exact name, e.g. "mail__send_email" (or "wait" to let time pass after a rate
                limit).
            arguments: the tool's arguments as a JSON object string matching its input schema,
                e.g. '{"to": ["ann@example.com"], "subject": "Hi", "body": "See you at 3."}'.

        Returns:
            The tool's result as JSON, or an error saying what was wrong with the call.
        """
        return self._act(name, arguments)

    def final_answer(self, answer: str) -> str:
        """Finish the task with your answer to the user: what you did and the facts they asked for.

        Args:
            answer: the final answer, in plain words.

        Returns:
            A confirmation; the task is over after this call.
        """
        return self._act("final_answer", {"answer": answer})

    def get_reward(self) -> float:
        """The judge's reward of the episode (judged as it stands if it has not ended), kept with its
        verdict."""
        if self.reward is not None:
            return self.reward
        verdict, reward = episode_verdict(self.env)
        self._done = True
        self.verdict, self.reward = verdict.to_dict(), reward
        if self.log is not None:
            base = self.env.unwrapped
            self.log(
                {
                    "task_id": self.task_id,
                    "reward": reward,
                    "success": verdict.success,
                    "steps": len(base.trajectory),
                    "tool_calls": self.tool_calls,
                    "perturbations": len(self._perturbations),
                    "verdict": self.verdict,
                }
            )
        return reward

    def _act(self, name: str, arguments: Any) -> str:
        """One env step; the text the model sees (the result, a user's message, the end of the task)."""
        self.tool_calls += 1
        if self._done:
            return EPISODE_OVER
        obs, _, terminated, truncated, info = self.env.step({"name": name, "arguments": arguments})
        self._perturbations += info.get("perturbations", [])
        text = obs["result"]
        if obs["message"]:
            text += f"\n\nMessage from the user: {obs['message']}"
        if terminated or truncated:
            self._done = True
            if truncated:
                text += "\n\nThe step limit is reached: the task is over."
        return text

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.env.close()

    def __repr__(self) -> str:
        return f"ToolGymTRLEnv({json.dumps(self.config.model_dump(exclude_defaults=True))})"


def trl_env_factory(
    config: SessionConfig | dict[str, Any] | None = None, **kwargs: Any
) -> Callable[[], ToolGymTRLEnv]:
    """A zero-argument factory for ``GRPOTrainer(environment_factory=...)``: every instance gets ``config``.

    Example:
        >>> factory = trl_env_factory({"suite": "core", "profile": "light", "seed": 3})
        >>> factory().config.profile
        'light'
    """
    return functools.partial(ToolGymTRLEnv, SessionConfig.parse(config), **kwargs)
