"""The planner–actor agent's plan: sub-goals with statuses and tool evidence, the planner's messages and
replies.

The plan is small on purpose (it is shown to the actor on every turn and kept in ``agent.plan`` for
debugging): each sub-goal's text, status (``pending``, ``active``, ``done``) and the evidence that completed
it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

#: Most sub-goals kept from one planner reply, and longest sub-goal text.
MAX_SUBGOALS = 8
MAX_GOAL_CHARS = 300
#: Evidence lines kept per sub-goal and in the planner's view of the episode.
MAX_EVIDENCE = 5
MAX_LOG = 12

#: The actor's agent-side tool that marks the current sub-goal done (it never reaches the env).
COMPLETE_SUBGOAL = {
    "name": "complete_subgoal",
    "description": "Mark the current sub-goal of the plan as done, once a successful tool result shows it is "
    "reached. The next sub-goal (or the final answer) comes next.",
    "parameters": {
        "type": "object",
        "additionalProperties": False,
        "required": ["summary"],
        "properties": {
            "summary": {
                "type": "string",
                "description": "One line: the tool evidence that the sub-goal is "
                "reached (which call, what it returned).",
            }
        },
    },
}


@dataclass
class SubGoal:
    """One step of the plan: its text, its status and the tool evidence gathered while it was current."""

    goal: str
    status: str = "pending"
    evidence: list[str] = field(default_factory=list)
    searched: bool = False  # the agent already retrieved tools for it

    def as_dict(self) -> dict[str, Any]:
        """The sub-goal as JSON-able data (without the retrieval flag)."""
        return {"goal": self.goal, "status": self.status, "evidence": list(self.evidence)}


@dataclass
class Plan:
    """The planner's sub-goals, worked on in order, with the planner's latest advice and the re-plan
    history."""

    subgoals: list[SubGoal]
    advice: str = ""
    replans: int = 0
    events: list[str] = field(default_factory=list)
    unclaimed: list[str] = field(default_factory=list)  # evidence since the last sub-goal was completed

    @property
    def current(self) -> SubGoal | None:
        """The first sub-goal not done (``None`` when all are)."""
        return next((s for s in self.subgoals if s.status != "done"), None)

    def position(self) -> int:
        """1-based index of the current sub-goal (``len + 1`` when all are done)."""
        current = self.current
        return self.subgoals.index(current) + 1 if current is not None else len(self.subgoals) + 1

    def record(self, name: str, result: str) -> str:
        """Note a successful tool call as evidence for the current sub-goal; returns the evidence line."""
        line = f"{name} -> {result[:160]}"
        current = self.current
        if current is not None:
            current.status = "active"
            current.evidence = (current.evidence + [line])[-MAX_EVIDENCE:]
        self.unclaimed.append(line)
        return line

    def complete(self, summary: str, log: list[str]) -> tuple[bool, str]:
        """Mark the current sub-goal done if tool evidence backs it: a successful call since the last sub-goal
        was completed, or one named in ``summary``. Returns whether it was marked and the text for the
        actor."""
        current = self.current
        if current is None:
            return False, "Every sub-goal is already done: call final_answer."
        cited = [line for line in log if line.split(" -> ", 1)[0] in summary]
        if not self.unclaimed and not cited:
            return False, (
                "Not marked done: no successful tool call backs this sub-goal yet. Call the tools it "
                "needs first."
            )
        if not current.evidence:
            current.evidence = (self.unclaimed or cited)[-MAX_EVIDENCE:]
        current.status = "done"
        self.unclaimed = []
        following = self.current
        if following is None:
            return (
                True,
                "Sub-goal done. Every sub-goal is done: call final_answer with what you did and the facts.",
            )
        return (
            True,
            f"Sub-goal done. Next sub-goal ({self.position()} of {len(self.subgoals)}): {following.goal}",
        )

    def revise(self, goals: list[str], advice: str, event: str) -> None:
        """Replace the sub-goals not done by ``goals`` (a sub-goal kept word for word keeps its evidence and
        retrieval), and take the new advice."""
        keep = {s.goal: s for s in self.subgoals if s.status != "done"}
        done = [s for s in self.subgoals if s.status == "done"]
        self.subgoals = done + [keep.get(g) or SubGoal(g) for g in goals]
        self.advice = advice
        self.replans += 1
        self.events.append(event[:200])

    def as_dict(self) -> dict[str, Any]:
        """The plan as JSON-able data (what the planner is shown when it re-plans)."""
        return {
            "subgoals": [s.as_dict() for s in self.subgoals],
            "advice": self.advice,
            "replans": self.replans,
            "events": list(self.events),
        }

    def render(self) -> str:
        """The plan as the actor's prompt shows it, ending with the current sub-goal."""
        lines = ["Plan:"]
        current = self.current
        for n, s in enumerate(self.subgoals, 1):
            status = "current" if s is current else s.status
            proof = f" (evidence: {s.evidence[-1][:120]})" if s.status == "done" and s.evidence else ""
            lines.append(f"{n}. [{status}] {s.goal}{proof}")
        if current is None:
            lines.append(
                "All sub-goals are done. Call final_answer with what you did and the facts the user "
                "asked for, taken from the tool results."
            )
        else:
            lines.append(f"Current sub-goal ({self.position()} of {len(self.subgoals)}): {current.goal}")
        if self.advice:
            lines.append(f"Planner advice: {self.advice}")
        return "\n".join(lines)


def parse_plan(data: dict[str, Any]) -> tuple[list[str], str]:
    """The sub-goal texts and advice of a planner reply (``{"subgoals": [...], "advice": ...}``; items may be
    strings or objects with a ``goal``/``description`` text).

    Raises:
        ValueError: The reply lists no sub-goal.
    """
    items = next(
        (data[k] for k in ("subgoals", "sub_goals", "plan", "steps") if isinstance(data.get(k), list)), []
    )
    goals = []
    for item in items:
        if isinstance(item, dict):
            item = next(
                (item[k] for k in ("goal", "description", "subgoal", "text") if isinstance(item.get(k), str)),
                None,
            )
        if isinstance(item, str) and item.strip():
            goals.append(item.strip()[:MAX_GOAL_CHARS])
    if not goals and not data.get("done"):
        raise ValueError("planner reply lists no sub-goal")
    advice = data.get("advice")
    return goals[:MAX_SUBGOALS], advice.strip()[:500] if isinstance(advice, str) else ""


def planner_messages(
    system: str,
    instruction: str,
    user_messages: list[str],
    plan: Plan | None,
    log: list[str],
    event: str | None,
) -> list[dict[str, Any]]:
    """The planner's conversation: its prompt, then the request, the user's later messages, and — when it
    re-plans — the current plan, the tool evidence so far and the event."""
    parts = [f"User request:\n{instruction}"]
    if user_messages:
        parts.append("Later messages from the user:\n" + "\n".join(f"- {m}" for m in user_messages))
    if plan is None:
        parts.append("Make the plan.")
    else:
        parts.append(
            "Current plan (JSON):\n```json\n" + json.dumps(plan.as_dict(), ensure_ascii=False) + "\n```"
        )
        parts.append(
            "Successful tool calls so far:\n"
            + ("\n".join(f"- {line}" for line in log[-MAX_LOG:]) or "(none)")
        )
        parts.append(f"Event: {event}\nRe-plan: list the sub-goals still to do.")
    return [{"role": "system", "content": system}, {"role": "user", "content": "\n\n".join(parts)}]
