"""A scripted "model" for :class:`fake_openai.FakeOpenAI`: it plays an LLM that follows a task's oracle plan.

It reads only the request the agent sent (as a real model would): it finds the task by the user's request in
the messages, counts the oracle calls that already succeeded from the tool results there, resolves the next
call's ``{"$ref": "i.path"}`` arguments from those results, and replies in the agent's format — an OpenAI tool
call (function calling and the planner–actor's actor), ReAct text (no ``tools`` in the request) or plan JSON
(a request whose system prompt starts with "You are the planner"). A tool it needs that is not in the agent's
tool list is searched for first (again when the agent's tool budget unloaded it), so the agents' tool loading
is exercised too.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from typing import Any

from toolgym_env.refs import resolve_refs
from toolgym_env.tasks.schema import Task

LOCAL = {"search_tools", "wait", "final_answer", "complete_subgoal"}
#: Searches for one tool at most (a tool unloaded by the agent's tool budget is searched for again).
MAX_SEARCHES = 3
_SUBGOAL = re.compile(r"^Current sub-goal \((\d+) of (\d+)\): .*?\(calls (\d+)-(\d+)\)\s*$", re.MULTILINE)
_ACTION = re.compile(r"^Action: (\S+)\s*\nAction Input: (.*)$", re.MULTILINE)
_PLAN = re.compile(r"Current plan \(JSON\):\n```json\n(.*?)\n```", re.DOTALL)


def tool_words(name: str) -> str:
    """A search query made of a tool's name: ``beatbloom__listTracks`` → ``beatbloom list tracks``."""
    app, _, tool = name.partition("__")
    tool = re.sub(r"([a-z])([A-Z])", r"\1 \2", tool).replace("_", " ").replace("-", " ")
    return f"{app} {tool}".lower()


def _result(text: str) -> dict[str, Any] | None:
    """A successful tool result (a JSON object), ``None`` for an error text."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def plan_groups(task: Task, most: int = 6) -> list[tuple[int, int]]:
    """The oracle calls cut into sub-goals: runs of calls to one app, the smallest neighbours merged until
    there are at most ``most``; ``(first, last)`` 1-based and inclusive."""
    groups: list[list[int]] = []
    for i, call in enumerate(task.oracle):
        app = call.name.partition("__")[0]
        if groups and task.oracle[groups[-1][-1]].name.partition("__")[0] == app:
            groups[-1].append(i)
        else:
            groups.append([i])
    while len(groups) > most:
        n = min(range(len(groups) - 1), key=lambda k: len(groups[k]) + len(groups[k + 1]))
        groups[n : n + 2] = [groups[n] + groups[n + 1]]
    return [(g[0] + 1, g[-1] + 1) for g in groups]


def goal_text(task: Task, first: int, last: int) -> str:
    """A sub-goal's text: the apps and tool words of its calls, and the range of oracle calls it covers."""
    words = list(dict.fromkeys(tool_words(c.name) for c in task.oracle[first - 1 : last]))
    return f"{', '.join(words)} (calls {first}-{last})"


class ScriptedModel:
    """Callable for ``FakeOpenAI``: replies as a model following the oracle of the task in the request.

    Attributes:
        kinds: requests seen per kind (``planner``, ``tools``, ``react``).
        listed: for each oracle call it made, whether the tool was in the agent's tool list then.
    """

    def __init__(self, tasks: list[Task]) -> None:
        self.tasks = list(tasks)
        self.kinds: Counter[str] = Counter()
        self.listed: list[bool] = []

    def __call__(self, body: dict[str, Any]) -> str | dict[str, Any]:
        messages = body["messages"]
        system = messages[0]["content"] if messages and messages[0]["role"] == "system" else ""
        task = self._task(messages)
        if system.startswith("You are the planner"):
            self.kinds["planner"] += 1
            return self._plan(task, messages)
        if body.get("tools"):
            self.kinds["tools"] += 1
            return self._tool_call(task, body, system)
        self.kinds["react"] += 1
        return self._react(task, messages, system)

    def _task(self, messages: list[dict[str, Any]]) -> Task:
        users = [m["content"] for m in messages if m["role"] == "user" and isinstance(m.get("content"), str)]
        for task in self.tasks:
            if any(task.instruction in text for text in users):
                return task
        raise LookupError("no known task in the request")

    # -- planner ---------------------------------------------------------------------------------------
    def _plan(self, task: Task, messages: list[dict[str, Any]]) -> str:
        current = _PLAN.search(messages[-1]["content"])
        if current is None:
            goals = [goal_text(task, a, b) for a, b in plan_groups(task)]
            return json.dumps({"subgoals": goals, "advice": "Follow the sub-goals in order."})
        plan = json.loads(current.group(1))
        left = [s["goal"] for s in plan["subgoals"] if s["status"] != "done"]
        return (
            "Here is the revised plan:\n```json\n"
            + json.dumps(
                {"subgoals": left, "advice": "Retry a call that failed with 503; follow the user's message."}
            )
            + "\n```"
        )

    # -- function calling (and the actor) --------------------------------------------------------------
    def _tool_call(self, task: Task, body: dict[str, Any], system: str) -> dict[str, Any]:
        messages = body["messages"]
        names: dict[str, str] = {}
        searches: Counter[str] = Counter()
        found: dict[str, str] = {}  # query -> the text of its latest visible result
        queries: dict[str, str] = {}
        results: list[Any] = []
        for m in messages:
            for call in m.get("tool_calls") or []:
                names[call["id"]] = call["function"]["name"]
                if call["function"]["name"] == "search_tools":
                    queries[call["id"]] = json.loads(call["function"]["arguments"]).get("query", "")
                    searches[queries[call["id"]]] += 1
            if m["role"] == "tool" and m.get("tool_call_id") in queries:
                found[queries[m["tool_call_id"]]] = m["content"] or ""
            if (
                m["role"] == "tool"
                and names.get(m["tool_call_id"]) not in LOCAL
                and (value := _result(m["content"])) is not None
            ):
                results.append(value)
        done = len(results)
        if "All sub-goals are done" in system or (
            not system.startswith("You are the actor") and done >= len(task.oracle)
        ):
            if system.startswith("You are the actor"):
                return {"tool_calls": [{"name": "final_answer", "arguments": {"answer": task.oracle_answer}}]}
            return task.oracle_answer  # plain text: the final answer
        sub = _SUBGOAL.search(system)
        last = int(sub.group(4)) if sub else len(task.oracle)
        if system.startswith("You are the actor") and done >= last:
            return {
                "content": "The results show this sub-goal is reached.",
                "tool_calls": [
                    {
                        "name": "complete_subgoal",
                        "arguments": {"summary": f"{task.oracle[last - 1].name} succeeded"},
                    }
                ],
            }
        call = task.oracle[done]
        listed = {t["function"]["name"] for t in body["tools"]}
        query = tool_words(call.name)
        in_vain = (
            query in found and call.name not in found[query]
        )  # its last search did not find it: call anyway
        if call.name not in listed and searches[query] < MAX_SEARCHES and not in_vain:
            return {"tool_calls": [{"name": "search_tools", "arguments": {"query": query, "top_k": 5}}]}
        self.listed.append(call.name in listed)
        return {
            "content": f"Calling {call.name}.",
            "tool_calls": [
                {"name": call.name, "arguments": resolve_refs(call.arguments, results, strict=False)}
            ],
        }

    # -- ReAct -----------------------------------------------------------------------------------------
    def _react(self, task: Task, messages: list[dict[str, Any]], system: str) -> str:
        results: list[Any] = []
        searches: Counter[str] = Counter()
        found: dict[str, str] = {}  # query -> the text of its latest visible result
        for m, following in itertools.pairwise(messages):
            action = _ACTION.search(m["content"] or "") if m["role"] == "assistant" else None
            if action is None or following["role"] != "user":
                continue
            if action.group(1) == "search_tools":
                query = json.loads(action.group(2)).get("query", "")
                searches[query] += 1
                found[query] = following["content"] or ""
            elif action.group(1) not in LOCAL and following["content"].startswith("Observation: "):
                observed = following["content"][len("Observation: ") :].split("\n\nMessage from the user:")[0]
                if (value := _result(observed)) is not None:
                    results.append(value)
        done = len(results)
        if done >= len(task.oracle):
            return f"Thought: Every step succeeded.\nFinal Answer: {task.oracle_answer}"
        call = task.oracle[done]
        query = tool_words(call.name)
        in_vain = (
            query in found and call.name not in found[query]
        )  # its last search did not find it: call anyway
        if f"\n- {call.name}:" not in system and searches[query] < MAX_SEARCHES and not in_vain:
            return (
                f"Thought: I need a tool for this.\nAction: search_tools\nAction Input: "
                f"{json.dumps({'query': query, 'top_k': 5})}"
            )
        self.listed.append(f"\n- {call.name}:" in system)
        arguments = resolve_refs(call.arguments, results, strict=False)
        return (
            f"Thought: Next I call {call.name}.\nAction: {call.name}\nAction Input: {json.dumps(arguments)}"
        )
