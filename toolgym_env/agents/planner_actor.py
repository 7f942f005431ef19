"""The planner–actor agent (after ToolGym's): a planner splits the request into sub-goals and re-plans on
failures and interruptions; an actor retrieves tools for the current sub-goal and makes one call at a time."""

from __future__ import annotations

from typing import Any

import gymnasium as gym

from toolgym_env.agents.function_calling import read_tool_reply
from toolgym_env.agents.llm_base import LLMAgent, ToolTranscript, load_prompt, parse_arguments
from toolgym_env.agents.planning import COMPLETE_SUBGOAL, Plan, SubGoal, parse_plan, planner_messages
from toolgym_env.envs.meta import META_SCHEMAS, SEARCH_TOOLS


class PlannerActorAgent(LLMAgent):
    """Plan, then act sub-goal by sub-goal, re-planning when the world pushes back.

    - **Planner** (one JSON reply, :func:`toolgym_env.llm.chat_json`): splits the request into 2–6 sub-goals;
      re-plans after a tool call fails and after the user sends a message (``obs["message"]``), seeing the
      plan, the tool evidence so far and the event, and replies with the sub-goals still to do and advice.
    - **Actor** (native function calling): for each sub-goal the agent first retrieves tools with
      ``search_tools`` (the sub-goal text is the query), then the actor makes one call per step with the meta
      tools, the found tools and ``complete_subgoal``. A sub-goal is marked done only with tool evidence (a
      successful call since the last one was completed, or one the summary names). When all are done the actor
      writes the final answer from the evidence.

    ``agent.plan`` holds the plan (``agent.plan.as_dict()`` for a JSON view). A planner reply that cannot be
    read is retried once, then the whole request becomes the single sub-goal; actor failures are handled as in
    :class:`~toolgym_env.agents.function_calling.FunctionCallingAgent`. See
    :class:`~toolgym_env.agents.llm_base.LLMAgent` for the shared arguments.

    Args:
        max_replans: most re-plans in one episode (later events are left to the actor).
        search_top_k: tools retrieved per sub-goal.
    """

    name = "planner-actor"

    def __init__(self, *args: Any, max_replans: int = 4, search_top_k: int = 5, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_replans, self.search_top_k = max_replans, search_top_k
        self.planner_prompt, self.actor_prompt = load_prompt("planner"), load_prompt("actor")
        self.prompts = {"planner": self.planner_prompt, "actor": self.actor_prompt}
        self.plans: list[dict[str, Any]] = []  # every plan and re-plan of the episode, as the planner made it
        self.plan: Plan | None = None
        self.transcript: ToolTranscript | None = None
        self.instruction = ""
        self.user_messages: list[str] = []
        self.log: list[str] = []  # every successful tool call, as evidence lines

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Start a new episode with no plan yet (the first ``act`` asks the planner)."""
        super().reset(env, obs, info)
        self.plan, self.transcript = None, ToolTranscript(self, obs)
        self.instruction, self.user_messages, self.log = obs["instruction"], [], []
        self.plans = []

    # -- planner ---------------------------------------------------------------------------------------
    def _ask_planner(self, event: str | None) -> tuple[list[str], str] | None:
        messages = planner_messages(
            self.planner_prompt, self.instruction, self.user_messages, self.plan, self.log, event
        )
        for _ in range(2):
            data = self.complete_json(messages, role="planner")
            if data is None:
                return None
            try:
                goals, advice = parse_plan(data)
            except ValueError as exc:
                self.errors.append(f"unusable plan: {exc}")
                continue
            if goals or self.plan is not None:
                return goals, advice
            self.errors.append("unusable plan: no sub-goal")
        return None

    def _make_plan(self, event: str | None) -> None:
        reply = self._ask_planner(event)
        goals, advice = reply if reply is not None else ([self.instruction[:500]], "")
        self.plan = Plan([SubGoal(g) for g in goals], advice)
        self._keep_plan("plan", event, reply is None)

    def _replan(self, event: str) -> None:
        assert self.plan is not None
        reply = self._ask_planner(event)
        if reply is not None:
            self.plan.revise(*reply, event=event)
        else:
            self.plan.replans += 1
            self.plan.events.append(f"(planner failed) {event[:180]}")
        self._keep_plan("replan", event, reply is None)

    def _keep_plan(self, kind: str, event: str | None, failed: bool) -> None:
        """Keep the plan as it now stands (for the record, the viewer and SFT export)."""
        assert self.plan is not None
        self.plans.append(
            {
                "kind": kind,
                "step": self.step_no,
                "event": event,
                "planner_failed": failed,
                "subgoals": [s.goal for s in self.plan.subgoals if s.status != "done"],
                "done": [s.goal for s in self.plan.subgoals if s.status == "done"],
                "advice": self.plan.advice,
            }
        )

    def trace(self) -> dict[str, Any]:
        """The base trace plus every plan and re-plan."""
        return {**super().trace(), "plans": list(self.plans)}

    # -- actor -----------------------------------------------------------------------------------------
    def _actor_messages(self) -> list[dict[str, Any]]:
        assert self.plan is not None and self.transcript is not None
        system = f"{self.actor_prompt}\n\n{self.plan.render()}"
        return [{"role": "system", "content": system}, *self.transcript.view()]

    def _observe(self, obs: dict[str, Any]) -> str | None:
        """Record the last result; note evidence; returns the event to re-plan on (a failure, a message)."""
        assert self.transcript is not None
        outcome = self.transcript.observe(obs)
        events = []
        if outcome is not None and outcome[0] not in META_SCHEMAS:
            name, failed = outcome
            if failed:
                events.append(f"The call to {name} failed: {obs['result'][:400]}")
            elif self.plan is not None:
                self.log.append(self.plan.record(name, obs["result"]))
        if obs.get("message"):
            self.user_messages.append(obs["message"])
            events.append(f"The user sent a new message: {obs['message']}")
        return "\n".join(events) or None

    def act(self, obs: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
        """Record the last result (re-planning if it failed or the user spoke), then the next action: a tool
        retrieval for a new sub-goal, the actor's next call, or the final answer."""
        assert self.transcript is not None, "reset() first"
        self.step_no += 1
        event = self._observe(obs)
        if self.plan is None:
            self._make_plan(event)
        elif event is not None and self.plan.replans < self.max_replans:
            self._replan(event)
        assert self.plan is not None
        if self.infra_error is not None:
            return self.failed()
        bad = 0
        while bad < 2:
            current = self.plan.current
            if current is not None and not current.searched:
                current.searched = True
                arguments = {"query": current.goal[:500], "top_k": self.search_top_k}
                self.transcript.call(
                    SEARCH_TOOLS,
                    arguments,
                    f"Finding tools for sub-goal {self.plan.position()}: {current.goal}",
                )
                return {"name": SEARCH_TOOLS, "arguments": arguments}
            message = self.complete(
                self._actor_messages(),
                self.tool_entries([COMPLETE_SUBGOAL] if current is not None else None),
                role="actor",
            )
            if message is None:
                return self.failed()
            calls = list(getattr(message, "tool_calls", None) or [])
            function = getattr(calls[0], "function", None) if calls else None
            if getattr(function, "name", None) == COMPLETE_SUBGOAL["name"]:
                bad = 0 if self._complete_subgoal(message, calls[0]) else bad + 1
                continue
            action, problem = read_tool_reply(message, self.transcript)
            if action is not None:
                return action
            self.errors.append(problem or "unusable model reply")
            bad += 1
        return self.give_up(f"the actor's replies were unusable ({self.errors[-1]})")

    def _complete_subgoal(self, message: Any, call: Any) -> bool:
        """Answer the actor's ``complete_subgoal`` on the agent's side; whether evidence backed it (marked
        done)."""
        assert self.plan is not None and self.transcript is not None
        raw = getattr(call.function, "arguments", None)
        try:
            summary = str(parse_arguments(raw).get("summary", ""))
        except (ValueError, TypeError):
            summary = str(raw or "")
        content = getattr(message, "content", None)
        call_id = self.transcript.call(
            COMPLETE_SUBGOAL["name"],
            {"summary": summary[:500]},
            content if isinstance(content, str) and content.strip() else None,
            getattr(call, "id", None),
            pending=False,
        )
        marked, text = self.plan.complete(summary, self.log)
        self.transcript.reply(call_id, text)
        if not marked:
            self.errors.append(f"complete_subgoal refused: {text[:100]}")
        return marked
