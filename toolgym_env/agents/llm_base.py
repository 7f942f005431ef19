"""What the LLM agents share: the client and its accounting, bounded retries, and the conversation they keep.

An LLM agent is honest: it sees only the observations (the request, each result, the user's messages) and the
schemas of the tools it found with ``search_tools`` — what an MCP client's tool listing would give it — never the
task or its reference solution. A bad model reply is data, not a crash: every model failure is recorded in
``agent.errors`` and the agent retries once, or ends the episode with an answer that says it failed.
"""

from __future__ import annotations

import json
import time
from importlib import resources
from types import SimpleNamespace
from typing import Any

import gymnasium as gym

from toolgym_env.envs.meta import FINAL_ANSWER, META_SCHEMAS, SEARCH_TOOLS, meta_records
from toolgym_env.errors import LLMConfigError
from toolgym_env.llm import LLMReplyError, chat_json, llm_settings, make_client
from toolgym_env.wrappers.chat_messages import found_tools

#: Longest text of one tool result kept in a conversation (longer ones are cut, the cut marked).
MAX_RESULT_CHARS = 12_000


def load_prompt(name: str) -> str:
    """The prompt ``toolgym_env/agents/prompts/<name>.md``."""
    return (resources.files("toolgym_env.agents") / "prompts" / f"{name}.md").read_text(encoding="utf-8")


def clip(text: str, limit: int = MAX_RESULT_CHARS) -> str:
    """``text`` cut to ``limit`` characters, the cut marked."""
    return text if len(text) <= limit else text[:limit] + " …[cut]"


def parse_arguments(raw: Any) -> dict[str, Any]:
    """A tool call's arguments (a JSON string, a dict or nothing) as a dict.

    Raises:
        ValueError: The arguments are not valid JSON.
        TypeError: They are JSON, but not an object.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return {}
    value = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(value, dict):
        raise TypeError(f"arguments must be a JSON object, got {type(value).__name__}")
    return value


class _MeteredClient:
    """An ``openai.OpenAI`` stand-in whose ``chat.completions.create`` adds each call's tokens and wall time to
    its agent's ``usage`` (so ``chat_json`` is metered too)."""

    def __init__(self, client: Any, agent: LLMAgent) -> None:
        self._client, self._agent = client, agent
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self._create))

    def _create(self, **kwargs: Any) -> Any:
        usage = self._agent.usage
        usage["turns"] += 1
        start = time.perf_counter()
        try:
            response = self._client.chat.completions.create(**kwargs)
        finally:
            usage["latency_s"] += time.perf_counter() - start
        counted = getattr(response, "usage", None)
        usage["prompt_tokens"] += int(getattr(counted, "prompt_tokens", 0) or 0)
        usage["completion_tokens"] += int(getattr(counted, "completion_tokens", 0) or 0)
        return response


class LLMAgent:
    """Base of the LLM agents: settings, a metered client, bounded model calls and the give-up answer.

    Args:
        model, base_url, api_key: the endpoint (see :func:`toolgym_env.llm.llm_settings`; environment variables
            fill in what is not given).
        temperature: sampling temperature.
        max_tokens: most tokens per reply (``None``: not sent, the endpoint's default).
        max_llm_calls: most model calls in one episode; past it the agent answers that it stopped.
        timeout: seconds one model call may take.
        max_tools: most tools found by ``search_tools`` offered to the model (most recent first).

    Raises:
        LLMConfigError: No model, or neither an API key nor a base URL, is given or configured.

    Attributes:
        usage: this episode's ``prompt_tokens``, ``completion_tokens``, ``latency_s`` (model wall time) and
            ``turns`` (model calls).
        errors: this episode's model failures, as text.
    """

    name = "llm"

    def __init__(self, model: str | None = None, base_url: str | None = None, api_key: str | None = None,
                 temperature: float = 0.0, max_tokens: int | None = 1024, max_llm_calls: int = 60,
                 timeout: float = 60.0, max_tools: int = 32) -> None:
        self.settings = llm_settings(base_url=base_url, api_key=api_key, model=model)
        if not self.settings.api_key and not self.settings.base_url:
            raise LLMConfigError("no API key: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server")
        self.temperature, self.max_tokens = temperature, max_tokens
        self.max_llm_calls, self.timeout, self.max_tools = max_llm_calls, timeout, max_tools
        self._client: _MeteredClient | None = None
        self.env: Any = None
        self.usage: dict[str, Any] = self._zero_usage()
        self.errors: list[str] = []
        self.found: dict[str, str] = {}  # tools returned by search_tools, most recent first -> description

    @staticmethod
    def _zero_usage() -> dict[str, Any]:
        return {"prompt_tokens": 0, "completion_tokens": 0, "latency_s": 0.0, "turns": 0}

    @property
    def client(self) -> _MeteredClient:
        """The metered client (built on first use)."""
        if self._client is None:
            self._client = _MeteredClient(make_client(self.settings, timeout=self.timeout), self)
        return self._client

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Start a new episode: zero the usage and errors, forget the tools found."""
        self.env = env.unwrapped
        self.usage = self._zero_usage()
        self.errors = []
        self.found = {}

    # -- model calls -----------------------------------------------------------------------------------
    def budget_left(self) -> bool:
        """Whether another model call fits in ``max_llm_calls``."""
        return self.usage["turns"] < self.max_llm_calls

    def complete(self, messages: list[dict[str, Any]], tools: list[dict[str, Any]] | None = None,
                 **extra: Any) -> Any | None:
        """One chat completion's message, retried once when the call fails; ``None`` (errors recorded) when
        both tries fail, the reply has no message, or the call budget is spent."""
        import openai

        kwargs: dict[str, Any] = {"model": self.settings.model, "messages": messages,
                                  "temperature": self.temperature, **extra}
        if self.max_tokens is not None:
            kwargs["max_tokens"] = self.max_tokens
        if tools:
            kwargs["tools"] = tools
        for _ in range(2):
            if not self.budget_left():
                self.errors.append(f"model call limit reached ({self.max_llm_calls} calls)")
                return None
            try:
                response = self.client.chat.completions.create(**kwargs)
                return response.choices[0].message
            except openai.APIStatusError as exc:
                self.errors.append(f"model endpoint answered HTTP {exc.status_code}")
            except openai.OpenAIError as exc:
                self.errors.append(f"model call failed: {type(exc).__name__}: {str(exc)[:200]}")
            except (AttributeError, IndexError, TypeError) as exc:
                self.errors.append(f"model reply has no message: {exc}")
        return None

    def complete_json(self, messages: list[dict[str, Any]]) -> dict[str, Any] | None:
        """A reply parsed as one JSON object (:func:`toolgym_env.llm.chat_json`), retried once; ``None`` (errors
        recorded) when both tries fail or the call budget is spent."""
        for _ in range(2):
            if not self.budget_left():
                self.errors.append(f"model call limit reached ({self.max_llm_calls} calls)")
                return None
            try:
                return chat_json(self.client, self.settings.model, messages,  # type: ignore[arg-type]
                                 temperature=self.temperature)
            except LLMReplyError as exc:
                self.errors.append(str(exc)[:300])
        return None

    def give_up(self, reason: str) -> dict[str, Any]:
        """The final answer that ends an episode the agent could not finish, saying why."""
        return {"name": FINAL_ANSWER, "arguments": {
            "answer": f"I could not complete the task: {reason}. The request is not done."}}

    # -- tools the model sees ------------------------------------------------------------------------------
    def remember_search(self, result_text: str) -> None:
        """Put the tools a ``search_tools`` result returned first among the found tools."""
        found: dict[str, str] = {}
        for name, description in found_tools(result_text):
            if name not in found and name not in META_SCHEMAS and self.env.tool_schema(name) is not None:
                found[name] = description or self.found.get(name, "")
        for name, description in self.found.items():
            found.setdefault(name, description)
        self.found = dict(list(found.items())[:self.max_tools])

    def tool_entries(self, extra: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """OpenAI function tools: the meta tools, ``extra`` (agent-side tools), then the found tools, each
        with the schema it shows now (a schema change replaces it mid-episode)."""
        named = [(r["name"], r["description"], r["inputSchema"]) for r in meta_records()]
        named += [(e["name"], e["description"], e["parameters"]) for e in extra or []]
        for name, description in self.found.items():
            record = self.env.catalog.record(name)
            schema = self.env.tool_schema(name)
            if schema is not None:
                named.append((name, record["description"] if record is not None else description, schema))
        return [{"type": "function", "function": {"name": n, "description": d, "parameters": s}}
                for n, d, s in named]


class ToolTranscript:
    """The OpenAI-format conversation of a function-calling agent, fed by raw env observations.

    Each recorded tool call waits for the next observation, whose result becomes its ``tool`` message; a user
    message in an observation (the first one included) follows as a ``user`` message.
    """

    def __init__(self, agent: LLMAgent, obs: dict[str, Any]) -> None:
        self.agent = agent
        self.messages: list[dict[str, Any]] = [{"role": "user", "content": obs["instruction"]}]
        self.pending: tuple[str, str, str] | None = None  # (call id, tool name, note) of the call sent last
        self._ids: set[str] = set()

    def observe(self, obs: dict[str, Any]) -> tuple[str, bool] | None:
        """Add the result of the call sent last (and any user message); returns ``(tool, is_error)`` of that
        call, ``None`` when none was pending."""
        outcome = None
        if self.pending is not None:
            call_id, name, note = self.pending
            self.pending = None
            self.messages.append({"role": "tool", "tool_call_id": call_id, "content": clip(obs["result"]) + note})
            if name == SEARCH_TOOLS and not obs["is_error"]:
                self.agent.remember_search(obs["result"])
            outcome = (name, bool(obs["is_error"]))
        if obs.get("message"):
            self.messages.append({"role": "user", "content": obs["message"]})
        return outcome

    def call(self, name: str, arguments: Any, content: str | None = None, call_id: str | None = None,
             note: str = "", pending: bool = True) -> str:
        """Record an assistant tool call (its result comes with the next observation when ``pending``, else
        through :meth:`reply`); returns the call's id, unique in the conversation."""
        call_id = call_id if isinstance(call_id, str) and call_id and call_id not in self._ids else \
            f"call_{len(self._ids) + 1}"
        self._ids.add(call_id)
        text = arguments if isinstance(arguments, str) else json.dumps(arguments, ensure_ascii=False)
        self.messages.append({"role": "assistant", "content": content,
                              "tool_calls": [{"id": call_id, "type": "function",
                                              "function": {"name": name, "arguments": text}}]})
        if pending:
            self.pending = (call_id, name, note)
        return call_id

    def reply(self, call_id: str, content: str) -> None:
        """Answer a tool call on the agent's side (a local tool, or a call that was never sent)."""
        self.messages.append({"role": "tool", "tool_call_id": call_id, "content": content})
