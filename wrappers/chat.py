"""``ChatAdapter``: the env as an OpenAI chat conversation — messages and tool schemas out, tool calls in."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from typing import Any

import gymnasium as gym
from gymnasium import spaces

from toolgym_env.envs.meta import SEARCH_TOOLS, card_names, loaded_record
from toolgym_env.errors import InvalidArgumentError
from toolgym_env.wrappers.chat_messages import (
    KEEP_RESULTS,
    ChatToolCallSpace,
    JsonText,
    ToolShelf,
    compact_history,
    read_reply,
)

#: Longest JSON text of the ``messages`` and ``tools`` observations.
MAX_CONVERSATION_CHARS = 1 << 24


def default_system_prompt() -> str:
    """The system prompt shipped beside the code (``prompts/chat_system.md``)."""
    return (resources.files("toolgym_env.wrappers") / "prompts" / "chat_system.md").read_text(
        encoding="utf-8"
    )


class ChatAdapter(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """Present a ToolGym env as an OpenAI chat conversation, so any chat-model loop plugs in without glue.

    **Observation**: ``{"messages": JSON text, "tools": JSON text}`` (a ``Dict`` of text, so ``check_env`` and
    the vector envs accept it). The same values as Python lists are in ``self.messages`` / ``self.tools``
    (live; pass them straight to ``client.chat.completions.create(messages=..., tools=...)``) and, as fresh
    copies, in ``info["messages"]`` / ``info["tools"]``.

    - ``messages``: ``system`` (the prompt), ``user`` (the request), then per step the ``assistant`` message
      with its ``tool_calls`` and the ``tool`` message answering it (``tool_call_id``, content = the result
      text). A user interruption (``obs["message"]``, e.g. from
      :class:`~toolgym_env.wrappers.StateController`) follows as a ``user`` message. A reply with no usable
      tool call gets its problem back as a ``user`` message.
    - ``tools``: OpenAI function tools (``{"type": "function", "function": {"name", "description",
      "parameters"}}``): the meta tools (``search_tools``, ``final_answer``, ``wait``), then the tools loaded
      this episode — every tool a ``search_tools`` result named (the result itself holds compact cards), most
      recently found or called first, at most ``max_tools`` of them — each with its full description and the
      schema it shows now (a schema change replaces it mid-episode), in the model's view
      (:func:`~toolgym_env.wrappers.chat_messages.model_schema`: arrays always have ``items``). A tool name
      outside OpenAI's alphabet is mapped (:func:`~toolgym_env.wrappers.chat_messages.openai_name`) and a call
      naming the mapped name runs the real tool.

    **Action**: an OpenAI tool call (a dict ``{"id", "type": "function", "function": {"name", "arguments"}}``
    or an SDK ``ChatCompletionMessageToolCall``), or a whole assistant message (dict or SDK
    ``ChatCompletionMessage``). A message's first tool call runs; further calls in the same message do not
    (one call per step) and the tool message says so. A message with text and no tool call is the
    ``final_answer``. A call without an id is named ``call_<step>``. The env's own ``{"name", "arguments"}``
    action is accepted too. Anything malformed becomes an error observation, never an exception. Rewards,
    termination and the judge are the wrapped env's.

    **History compaction**: ``messages`` shows the latest ``keep_results`` tool results in full; an older
    result is elided (:func:`~toolgym_env.wrappers.chat_messages.elide_result`: a JSON result keeps its ids,
    names and numbers, other text its head, with a note to call again) and an older ``search_tools`` exchange
    is left out (what it loaded is in ``tools``). ``self.history`` always holds the whole conversation.

    Args:
        env: a ToolGym env (possibly wrapped).
        system_prompt: the system message; ``None`` = the shipped prompt, ``""`` = no system message.
        max_tools: most tools found by ``search_tools`` kept in ``tools`` (the meta tools come on top).
        keep_results: tool results shown in full in ``messages`` (older ones compacted); ``None`` turns
            compaction off (``messages`` is then the whole history).

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

    def __init__(
        self,
        env: gym.Env,
        system_prompt: str | None = None,
        max_tools: int = 16,
        keep_results: int | None = KEEP_RESULTS,
    ) -> None:
        gym.utils.RecordConstructorArgs.__init__(
            self, system_prompt=system_prompt, max_tools=max_tools, keep_results=keep_results
        )
        super().__init__(env)
        if max_tools < 0:
            raise InvalidArgumentError(f"max_tools must be >= 0, got {max_tools}")
        if keep_results is not None and keep_results < 0:
            raise InvalidArgumentError(f"keep_results must be >= 0 or None, got {keep_results}")
        self.keep_results = keep_results
        self.system_prompt = default_system_prompt() if system_prompt is None else system_prompt
        self.max_tools = max_tools
        self.observation_space = spaces.Dict(
            {"messages": JsonText(MAX_CONVERSATION_CHARS), "tools": JsonText(MAX_CONVERSATION_CHARS)}
        )
        self.action_space = ChatToolCallSpace(env.unwrapped.action_space.schemas)
        self.messages: list[dict[str, Any]] = []  # what to send: the history, compacted
        self.history: list[dict[str, Any]] = []  # the whole conversation
        self.tools: list[dict[str, Any]] = []
        self.shelf = ToolShelf(max_tools)
        self._steps = 0

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        """Reset the env and start a new conversation: the system prompt and the user's request."""
        obs, info = self.env.reset(seed=seed, options=options)
        self._steps = 0
        self.shelf = ToolShelf(self.max_tools)
        self.history = [{"role": "system", "content": self.system_prompt}] if self.system_prompt else []
        self.history.append({"role": "user", "content": obs["instruction"]})
        if obs["message"]:
            self.history.append({"role": "user", "content": obs["message"]})
        return self._observe(info)

    def step(self, action: Any):
        """Run the reply's tool call (or final answer) and add the turn to the conversation."""
        self._steps += 1
        turn = read_reply(action, self._steps)
        if isinstance(turn.env_action, dict) and isinstance(turn.env_action.get("name"), str):
            real = self.shelf.real_name(turn.env_action["name"])
            turn = replace(turn, env_action={**turn.env_action, "name": real})
        obs, reward, terminated, truncated, info = self.env.step(turn.env_action)
        if not obs["is_error"] and obs["tool"] != SEARCH_TOOLS:
            self.shelf.use(obs["tool"])
        if turn.assistant is not None:
            self.history.append(turn.assistant)
        if turn.call_id is not None:
            self.history.append(
                {"role": "tool", "tool_call_id": turn.call_id, "content": obs["result"] + turn.note}
            )
            if obs["tool"] == SEARCH_TOOLS and not obs["is_error"]:
                self._remember(obs["result"])
        elif obs["is_error"]:
            self.history.append({"role": "user", "content": turn.problem or obs["result"]})
        if obs["message"]:
            self.history.append({"role": "user", "content": obs["message"]})
        observation, info = self._observe(info)
        return observation, reward, terminated, truncated, info

    def _remember(self, result: str) -> None:
        """Load the tools a search named (known to the env), ahead of those already loaded."""
        base = self.env.unwrapped
        self.shelf.load([n for n in card_names(result) if loaded_record(base, n) is not None])

    def _tool_entries(self) -> list[dict[str, Any]]:
        """The meta tools and the loaded tools as OpenAI function tools, each with its current schema."""
        return self.shelf.entries(self.env.unwrapped)

    def _observe(self, info: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
        """The observation (JSON text) and the info with fresh copies of the messages and tools."""
        self.messages = compact_history(self.history, self.keep_results)
        messages = json.dumps(self.messages, ensure_ascii=False)
        tools = json.dumps(self._tool_entries(), ensure_ascii=False)
        self.tools = json.loads(tools)
        return (
            {"messages": messages, "tools": tools},
            {**info, "messages": json.loads(messages), "tools": json.loads(tools)},
        )
