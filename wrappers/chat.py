"""``ChatAdapter``: the env as an OpenAI chat conversation — messages and tool schemas out, tool calls in."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import gymnasium as gym
from gymnasium import spaces

from toolgym_env.envs.meta import META_SCHEMAS, SEARCH_TOOLS, meta_records
from toolgym_env.errors import InvalidArgumentError
from toolgym_env.wrappers.chat_messages import ChatToolCallSpace, JsonText, found_tools, read_reply

#: Longest JSON text of the ``messages`` and ``tools`` observations.
MAX_CONVERSATION_CHARS = 1 << 24


def default_system_prompt() -> str:
    """The system prompt shipped beside the code (``prompts/chat_system.md``)."""
    return (resources.files("toolgym_env.wrappers") / "prompts" / "chat_system.md").read_text(encoding="utf-8")


class ChatAdapter(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """Present a ToolGym env as an OpenAI chat conversation, so any chat-model loop plugs in without glue.

    **Observation**: ``{"messages": JSON text, "tools": JSON text}`` (a ``Dict`` of text, so ``check_env`` and the
    vector envs accept it). The same values as Python lists are in ``self.messages`` / ``self.tools`` (live; pass
    them straight to ``client.chat.completions.create(messages=..., tools=...)``) and, as fresh copies, in
    ``info["messages"]`` / ``info["tools"]``.

    - ``messages``: ``system`` (the prompt), ``user`` (the request), then per step the ``assistant`` message with its
      ``tool_calls`` and the ``tool`` message answering it (``tool_call_id``, content = the result text). A user
      interruption (``obs["message"]``, e.g. from :class:`~toolgym_env.wrappers.StateController`) follows as a
      ``user`` message. A reply with no usable tool call gets its problem back as a ``user`` message.
    - ``tools``: OpenAI function tools (``{"type": "function", "function": {"name", "description",
      "parameters"}}``): the meta tools (``search_tools``, ``final_answer``, ``wait``), then every tool that
      ``search_tools`` returned this episode, most recent first, at most ``max_tools`` of them, each with the
      schema it shows now (a schema change replaces it mid-episode).

    **Action**: an OpenAI tool call (a dict ``{"id", "type": "function", "function": {"name", "arguments"}}`` or an
    SDK ``ChatCompletionMessageToolCall``), or a whole assistant message (dict or SDK ``ChatCompletionMessage``).
    A message's first tool call runs; further calls in the same message do not (one call per step) and the
    tool message says so. A message with text and no tool call is the ``final_answer``. A call without an id is
    named ``call_<step>``. The env's own ``{"name", "arguments"}`` action is accepted too. Anything malformed
    becomes an error observation, never an exception. Rewards, termination and the judge are the wrapped env's.

    Args:
        env: a ToolGym env (possibly wrapped).
        system_prompt: the system message; ``None`` = the shipped prompt, ``""`` = no system message.
        max_tools: most tools found by ``search_tools`` kept in ``tools`` (the meta tools come on top).

    Example:
        >>> import gymnasium as gym
        >>> import toolgym_env
        >>> from toolgym_env.wrappers.chat import ChatAdapter
        >>> env = ChatAdapter(gym.make("ToolGym-v0", suite="core"))
        >>> obs, info = env.reset(seed=0)
        >>> [m["role"] for m in env.messages], [t["function"]["name"] for t in env.tools]
        (['system', 'user'], ['search_tools', 'final_answer', 'wait'])
        >>> call = {"id": "call_a", "type": "function",
        ...         "function": {"name": "search_tools", "arguments": '{"query": "send an email"}'}}
        >>> obs, reward, terminated, truncated, info = env.step(call)
        >>> env.messages[-1]["role"], env.messages[-1]["tool_call_id"], len(env.tools) > 3
        ('tool', 'call_a', True)
        >>> reply = client.chat.completions.create(  # doctest: +SKIP
        ...     model="m", messages=env.messages, tools=env.tools)
        >>> obs, reward, terminated, truncated, info = env.step(reply.choices[0].message)  # doctest: +SKIP
    """

    def __init__(self, env: gym.Env, system_prompt: str | None = None, max_tools: int = 64) -> None:
        gym.utils.RecordConstructorArgs.__init__(self, system_prompt=system_prompt, max_tools=max_tools)
        super().__init__(env)
        if max_tools < 0:
            raise InvalidArgumentError(f"max_tools must be >= 0, got {max_tools}")
        self.system_prompt = default_system_prompt() if system_prompt is None else system_prompt
        self.max_tools = max_tools
        self.observation_space = spaces.Dict({"messages": JsonText(MAX_CONVERSATION_CHARS),
                                              "tools": JsonText(MAX_CONVERSATION_CHARS)})
        self.action_space = ChatToolCallSpace(env.unwrapped.action_space.schemas)
        self.messages: list[dict[str, Any]] = []
        self.tools: list[dict[str, Any]] = []
        self._found: dict[str, str] = {}  # tools returned by search_tools, most recent first -> description
        self._steps = 0

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        """Reset the env and start a new conversation: the system prompt and the user's request."""
        obs, info = self.env.reset(seed=seed, options=options)
        self._steps = 0
        self._found = {}
        self.messages = [{"role": "system", "content": self.system_prompt}] if self.system_prompt else []
        self.messages.append({"role": "user", "content": obs["instruction"]})
        if obs["message"]:
            self.messages.append({"role": "user", "content": obs["message"]})
        return self._observe(info)

    def step(self, action: Any):
        """Run the reply's tool call (or final answer) and add the turn to the conversation."""
        self._steps += 1
        turn = read_reply(action, self._steps)
        obs, reward, terminated, truncated, info = self.env.step(turn.env_action)
        if turn.assistant is not None:
            self.messages.append(turn.assistant)
        if turn.call_id is not None:
            self.messages.append({"role": "tool", "tool_call_id": turn.call_id, "content": obs["result"] + turn.note})
            if obs["tool"] == SEARCH_TOOLS and not obs["is_error"]:
                self._remember(obs["result"])
        elif obs["is_error"]:
            self.messages.append({"role": "user", "content": turn.problem or obs["result"]})
        if obs["message"]:
            self.messages.append({"role": "user", "content": obs["message"]})
        observation, info = self._observe(info)
        return observation, reward, terminated, truncated, info

    def _remember(self, result: str) -> None:
        """Put the tools a search returned first in the list of found tools (capped at ``max_tools``)."""
        base = self.env.unwrapped
        found: dict[str, str] = {}
        for name, description in found_tools(result):
            if name not in found and name not in META_SCHEMAS and base.tool_schema(name) is not None:
                found[name] = description or self._found.get(name, "")
        for name, description in self._found.items():
            found.setdefault(name, description)
        self._found = dict(list(found.items())[:self.max_tools])

    def _tool_entries(self) -> list[dict[str, Any]]:
        """The loaded tools as OpenAI function tools, each with its current schema."""
        base = self.env.unwrapped
        named = [(r["name"], r["description"]) for r in meta_records()]
        for name, description in self._found.items():
            record = base.catalog.record(name)
            named.append((name, record["description"] if record is not None else description))
        return [{"type": "function", "function": {"name": name, "description": description, "parameters": schema}}
                for name, description in named if (schema := base.tool_schema(name)) is not None]

    def _observe(self, info: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
        """The observation (JSON text) and the info with fresh copies of the messages and tools."""
        messages = json.dumps(self.messages, ensure_ascii=False)
        tools = json.dumps(self._tool_entries(), ensure_ascii=False)
        self.tools = json.loads(tools)
        return ({"messages": messages, "tools": tools},
                {**info, "messages": json.loads(messages), "tools": json.loads(tools)})
