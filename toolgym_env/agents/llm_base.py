"""What the LLM agents share: the client, retries and accounting, the tools loaded, and the conversation they
keep.

An LLM agent is honest: it sees only the observations (the request, each result, the user's messages) and the
schemas of the tools it loaded from ``search_tools`` results — what an MCP client's tool listing would give it
— never the task or its reference solution. Two kinds of failure are kept apart:

- **the endpoint's** (unreachable, timed out, rate limited, a server error, a malformed body, no choices):
  retried with exponential backoff that honours ``Retry-After`` (:class:`~toolgym_env.llm.retry.RetryPolicy`);
  when the retries are spent the episode ends with an answer saying so and ``agent.infra_error`` says why — an
  infrastructure error, which evaluation keeps out of success rates;
- **the model's** (no tool call, arguments that are not JSON, an unreadable reply): data, recorded in
  ``agent.errors``, shown to the model and asked once more.

Every model call is kept in ``agent.turns`` (tokens from the endpoint's usage, or a local estimate marked
``estimated``; the assistant text and any reasoning content; the tool it called), so records keep what the
model said.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from importlib import resources
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

import gymnasium as gym

from toolgym_env.envs.meta import FINAL_ANSWER, SEARCH_TOOLS, WAIT, card_names, loaded_record
from toolgym_env.errors import EndpointError, LLMConfigError
from toolgym_env.llm import LLMReplyError, llm_settings, make_client, parse_json_object
from toolgym_env.llm.retry import RetryPolicy, call_with_retries, first_message
from toolgym_env.wrappers.chat_messages import IDLE_CALLS, KEEP_RESULTS, ToolShelf, compact_history

#: Longest text of one tool result kept in a conversation (longer ones are cut, the cut marked).
MAX_RESULT_CHARS = 12_000
#: Characters per token of the local estimate used when an endpoint reports no usage.
CHARS_PER_TOKEN = 4


def load_prompt(name: str) -> str:
    """The prompt ``toolgym_env/agents/prompts/<name>.md``."""
    return (resources.files("toolgym_env.agents") / "prompts" / f"{name}.md").read_text(encoding="utf-8")


def prompt_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-256 of a prompt (records say which prompt made them)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def public_url(url: str | None) -> str | None:
    """``url`` without credentials (user, password) or query string.

    >>> public_url("https://user:secret@host:8000/v1?key=abc")
    'https://host:8000/v1'
    """
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


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


def estimate_tokens(text: str) -> int:
    """A local token estimate (characters / :data:`CHARS_PER_TOKEN`), used when the endpoint reports none."""
    return max(1, len(text) // CHARS_PER_TOKEN) if text else 0


def _text_of(message: Any, key: str) -> str | None:
    value = getattr(message, key, None)
    if value is None and isinstance(getattr(message, "model_extra", None), dict):
        value = message.model_extra.get(key)
    return value if isinstance(value, str) and value.strip() else None


def search_view(result_text: str, names: list[str], loaded: list[str]) -> str:
    """A ``search_tools`` result as an agent's conversation shows it: the tools now loaded by name only (their
    full description and schema are in the tool list, so the model sees each once), the cards of those left
    out by the tool budget.

    >>> result = ('{"query": "q", "tools": [{"name": "a__x", "description": "A.", "signature": "()"}, '
    ...           '{"name": "b__y", "description": "B.", "signature": "(n: integer)"}]}')
    >>> print(search_view(result, ["a__x", "b__y"], ["a__x"]))
    Loaded into your tool list: a__x
    Found, not loaded (tool budget; search again to load): b__y(n: integer): B.
    """
    if not names:
        return clip(result_text)
    cards = {}
    try:
        cards = {
            t["name"]: t for t in json.loads(result_text)["tools"] if isinstance(t, dict) and "name" in t
        }
    except (ValueError, KeyError, TypeError):
        pass
    shown = set(loaded)
    lines = ["Loaded into your tool list: " + ", ".join(n for n in names if n in shown)]
    others = [n for n in names if n not in shown]
    if others:
        lines.append(
            "Found, not loaded (tool budget; search again to load): "
            + "; ".join(
                f"{n}{cards.get(n, {}).get('signature', '')}: {cards.get(n, {}).get('description', '')}"
                for n in others
            )
        )
    return clip("\n".join(lines))


#: Error results after which an agent offers the ``wait`` tool: those that say to wait or retry.
WAIT_WORTHY = re.compile(
    r"^Error (?:429|503|504)\b|rate.limit|timed out|retry after|try again", re.IGNORECASE
)


class LLMAgent:
    """Base of the LLM agents: settings, retried and metered model calls, the loaded tools and the give-up
    answer.

    Args:
        model, base_url, api_key: the endpoint (see :func:`toolgym_env.llm.llm_settings`; environment
            variables fill in what is not given).
        temperature, top_p, seed: sampling settings (``None``: not sent).
        max_tokens: most tokens per reply (``None``: not sent, the endpoint's default).
        max_llm_calls: most model calls in one episode; past it the agent answers that it stopped.
        timeout: seconds one request may take.
        max_tools: the per-episode budget of loaded tools: at most this many tools found by ``search_tools``
            are offered at a time (most recently found or used first).
        idle_calls: a tool a search loaded and the model never called is unloaded after this many tool calls
            (``None``: only the budget unloads tools); a search that finds it loads it again.
        max_retries, retry_base_s, retry_max_s: how a failed request is retried (exponential backoff from
            ``retry_base_s``, capped at ``retry_max_s``; a server's ``Retry-After`` is honoured).
        keep_results: history compaction: how many of the latest tool results are sent in full; older ones are
            sent elided (:func:`~toolgym_env.wrappers.chat_messages.elide_result`: a JSON result keeps its
            ids, names and numbers, other text its head, with a note to call again). ``None`` sends every
            result in full, every turn. The agent's own history (and the env's trajectory) always keeps them
            in full.

    Raises:
        LLMConfigError: No model, or neither an API key nor a base URL, is given or configured.

    Attributes:
        usage: this episode's ``prompt_tokens``, ``completion_tokens``, ``latency_s`` (model wall time),
            ``turns`` (model calls), ``requests`` (HTTP requests, retries included) and ``estimated_turns``
            (turns whose tokens are a local estimate).
        turns: this episode's model calls, one dict each (see :meth:`request`).
        errors: this episode's model failures, as text.
        infra_error: why the endpoint could not be reached this episode (``None``: it could).
        shelf: the tools loaded this episode.
    """

    name = "llm"
    #: Prompts the agent sends (name -> text), hashed into its settings (subclasses set it per instance).
    prompts: ClassVar[dict[str, str]] = {}

    def __init__(
        self,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        temperature: float = 0.0,
        max_tokens: int | None = 1024,
        max_llm_calls: int = 60,
        timeout: float = 60.0,
        max_tools: int = 5,
        max_retries: int = 4,
        retry_base_s: float = 1.0,
        retry_max_s: float = 60.0,
        top_p: float | None = None,
        seed: int | None = None,
        keep_results: int | None = KEEP_RESULTS,
        idle_calls: int | None = IDLE_CALLS,
    ) -> None:
        self.settings = llm_settings(base_url=base_url, api_key=api_key, model=model)
        if not self.settings.api_key and not self.settings.base_url:
            raise LLMConfigError("no API key: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server")
        self.temperature, self.top_p, self.seed, self.max_tokens = temperature, top_p, seed, max_tokens
        self.max_llm_calls, self.timeout, self.max_tools = max_llm_calls, timeout, max_tools
        if keep_results is not None and keep_results < 0:
            raise LLMConfigError(f"keep_results must be >= 0 or None, got {keep_results}")
        if idle_calls is not None and idle_calls < 1:
            raise LLMConfigError(f"idle_calls must be >= 1 or None, got {idle_calls}")
        self.keep_results, self.idle_calls = keep_results, idle_calls
        self.retry = RetryPolicy(max_retries, retry_base_s, retry_max_s)
        self._client: Any = None
        self.env: Any = None
        self.usage: dict[str, Any] = self._zero_usage()
        self.turns: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.infra_error: str | None = None
        self.shelf = ToolShelf(max_tools, idle_calls)
        self.step_no = 0

    @staticmethod
    def _zero_usage() -> dict[str, Any]:
        return {
            "prompt_tokens": 0,
            "completion_tokens": 0,
            "latency_s": 0.0,
            "turns": 0,
            "requests": 0,
            "estimated_turns": 0,
        }

    @property
    def client(self) -> Any:
        """The ``openai.OpenAI`` client (built on first use; it never retries on its own)."""
        if self._client is None:
            self._client = make_client(self.settings, timeout=self.timeout)
        return self._client

    def describe(self) -> dict[str, Any]:
        """What this agent's results depend on, for provenance: model, endpoint (no credentials), sampling,
        limits, retry policy, tool budget, history compaction and the hashes of its prompts."""
        return {
            "model": self.settings.model,
            "base_url": public_url(self.settings.base_url),
            "sampling": {
                "temperature": self.temperature,
                "top_p": self.top_p,
                "seed": self.seed,
                "max_tokens": self.max_tokens,
            },
            "max_llm_calls": self.max_llm_calls,
            "timeout_s": self.timeout,
            "max_tools": self.max_tools,
            "keep_results": self.keep_results,
            "idle_calls": self.idle_calls,
            "retry": self.retry.as_dict(),
            "prompts": {name: prompt_hash(text) for name, text in sorted(self.prompts.items())},
        }

    def reset(self, env: gym.Env, obs: dict[str, Any], info: dict[str, Any]) -> None:
        """Start a new episode: zero the usage, turns and errors, unload every tool."""
        self.env = env.unwrapped
        self.usage = self._zero_usage()
        self.turns, self.errors, self.infra_error = [], [], None
        self.shelf = ToolShelf(self.max_tools, self.idle_calls)
        self.step_no = 0

    # -- model calls -----------------------------------------------------------------------------------
    def budget_left(self) -> bool:
        """Whether another model call fits in ``max_llm_calls``."""
        return self.usage["turns"] < self.max_llm_calls

    def request(self, kwargs: dict[str, Any], role: str = "model") -> Any:
        """One chat completion (``kwargs`` for ``chat.completions.create``), retried as ``self.retry`` says;
        returns its message and keeps the turn in :attr:`turns`: ``role``, the env ``step`` it is for,
        ``prompt_tokens``, ``completion_tokens``, ``estimated`` (a local estimate: the endpoint reported no
        usage), ``latency_s``, ``requests``, ``content``, ``reasoning`` and ``tool_calls`` (names).

        Raises:
            EndpointError: No usable reply after the retries (an infrastructure error).
        """
        usage = self.usage
        usage["turns"] += 1
        failures: list[str] = []
        start = time.perf_counter()

        def attempt() -> Any:
            usage["requests"] += 1
            return self.client.chat.completions.create(**kwargs)

        try:
            response = call_with_retries(
                attempt, self.retry, on_failure=lambda failure, n: failures.append(failure.text[:200])
            )
        finally:
            usage["latency_s"] += time.perf_counter() - start
        message = first_message(response)
        counted = getattr(response, "usage", None)
        prompt = int(getattr(counted, "prompt_tokens", 0) or 0)
        completion = int(getattr(counted, "completion_tokens", 0) or 0)
        calls = list(getattr(message, "tool_calls", None) or [])
        content = _text_of(message, "content")
        estimated = prompt == 0
        if estimated:
            prompt = estimate_tokens(
                json.dumps(kwargs.get("messages", []), ensure_ascii=False)
                + json.dumps(kwargs.get("tools", []), ensure_ascii=False)
            )
            completion = estimate_tokens(
                (content or "")
                + "".join(str(getattr(getattr(c, "function", None), "arguments", "")) for c in calls)
            )
            usage["estimated_turns"] += 1
        usage["prompt_tokens"] += prompt
        usage["completion_tokens"] += completion
        self.turns.append(
            {
                "role": role,
                "step": self.step_no,
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "estimated": estimated,
                "latency_s": round(time.perf_counter() - start, 4),
                "requests": len(failures) + 1,
                "retried": failures,
                "content": content,
                "reasoning": _text_of(message, "reasoning_content") or _text_of(message, "reasoning"),
                "tool_calls": [str(getattr(getattr(c, "function", None), "name", "")) for c in calls],
            }
        )
        return message

    def complete(
        self,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]] | None = None,
        role: str = "model",
        **extra: Any,
    ) -> Any | None:
        """One chat completion's message; ``None`` when the endpoint failed past its retries
        (:attr:`infra_error` says why) or the call budget is spent (recorded in :attr:`errors`)."""
        if self.infra_error is not None:
            return None
        if not self.budget_left():
            self.errors.append(f"model call limit reached ({self.max_llm_calls} calls)")
            return None
        kwargs: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            "temperature": self.temperature,
            **extra,
        }
        for key, value in (("max_tokens", self.max_tokens), ("top_p", self.top_p), ("seed", self.seed)):
            if value is not None:
                kwargs[key] = value
        if tools:
            kwargs["tools"] = tools
        try:
            return self.request(kwargs, role)
        except EndpointError as exc:
            self.infra_error = str(exc)
            self.errors.append(f"infrastructure error: {exc}")
            return None

    def complete_json(self, messages: list[dict[str, Any]], role: str = "planner") -> dict[str, Any] | None:
        """A reply parsed as one JSON object, asked twice at most; ``None`` (errors recorded) when both
        replies are not one, the endpoint failed or the call budget is spent."""
        for _ in range(2):
            message = self.complete(messages, role=role)
            if message is None:
                return None
            try:
                return parse_json_object(_text_of(message, "content") or "")
            except LLMReplyError as exc:
                self.errors.append(str(exc)[:300])
        return None

    def failed(self) -> dict[str, Any]:
        """The answer that ends an episode after the model failed: an infrastructure error when the endpoint
        could not be reached, else the last model error."""
        if self.infra_error is not None:
            return self.give_up(f"the model endpoint could not be reached ({self.infra_error[:200]})")
        return self.give_up(f"the model failed ({self.errors[-1] if self.errors else 'no reply'})")

    def give_up(self, reason: str) -> dict[str, Any]:
        """The final answer that ends an episode the agent could not finish, saying why."""
        return {
            "name": FINAL_ANSWER,
            "arguments": {"answer": f"I could not complete the task: {reason}. The request is not done."},
        }

    # -- tools the model sees ------------------------------------------------------------------------------
    def remember_search(self, result_text: str) -> str:
        """Load every tool a ``search_tools`` result names (known to the env), whatever the text cap; returns
        the result as the conversation shows it (:func:`search_view`)."""
        names = [n for n in card_names(result_text) if loaded_record(self.env, n) is not None]
        self.shelf.tick()
        self.shelf.load(names)
        return search_view(result_text, names, self.shelf.names)

    def called(self, name: str, failed: bool) -> None:
        """A call other than a successful search came back: a tool that worked becomes the most recent, and
        the tools found but never called age by one call (:meth:`ToolShelf.tick`)."""
        if not failed:
            self.shelf.use(name)
        self.shelf.tick()

    def tool_entries(self, extra: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """OpenAI function tools: the meta tools, ``extra`` (agent-side tools), then the loaded tools, each
        with the schema it shows now (a schema change replaces it mid-episode). ``wait`` is offered only once
        a result this episode said to wait or retry (a rate limit, an unavailable service, a timeout)."""
        tools = self.shelf.entries(self.env, extra)
        trajectory = getattr(self.env, "trajectory", None) or []
        if not any(r.get("is_error") and WAIT_WORTHY.search(str(r.get("result", ""))) for r in trajectory):
            tools = [t for t in tools if t["function"]["name"] != WAIT]
        return tools

    def trace(self) -> dict[str, Any]:
        """What the episode's record keeps of the agent: its turns, the tools it loaded, its infrastructure
        error."""
        return {
            "model_turns": list(self.turns),
            "loaded_tools": list(self.shelf.loaded),
            "infra_error": self.infra_error,
        }


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
            content = clip(obs["result"])
            if name == SEARCH_TOOLS and not obs["is_error"]:
                content = self.agent.remember_search(obs["result"])
            else:
                self.agent.called(name, bool(obs["is_error"]))
            self.messages.append({"role": "tool", "tool_call_id": call_id, "content": content + note})
            outcome = (name, bool(obs["is_error"]))
        if obs.get("message"):
            self.messages.append({"role": "user", "content": obs["message"]})
        return outcome

    def call(
        self,
        name: str,
        arguments: Any,
        content: str | None = None,
        call_id: str | None = None,
        note: str = "",
        pending: bool = True,
        real: str | None = None,
    ) -> str:
        """Record an assistant tool call as the model named it (its result comes with the next observation
        when ``pending``, else through :meth:`reply`; ``real`` is the tool that name stands for when it was
        mapped); returns the call's id, unique in the conversation."""
        call_id = (
            call_id
            if isinstance(call_id, str) and call_id and call_id not in self._ids
            else f"call_{len(self._ids) + 1}"
        )
        self._ids.add(call_id)
        text = (
            arguments
            if isinstance(arguments, str)
            else json.dumps(arguments, ensure_ascii=False, separators=(",", ":"))
        )
        message: dict[str, Any] = {"role": "assistant"}
        if content is not None:  # a tool-call message needs no content (OpenAI accepts it missing)
            message["content"] = content
        message["tool_calls"] = [
            {"id": call_id, "type": "function", "function": {"name": name, "arguments": text}}
        ]
        self.messages.append(message)
        if pending:
            self.pending = (call_id, real or name, note)
        return call_id

    def view(self) -> list[dict[str, Any]]:
        """The conversation as sent to the model: tool results older than the agent's ``keep_results`` latest
        elided (:func:`~toolgym_env.wrappers.chat_messages.compact_history`); :attr:`messages` keeps them."""
        return compact_history(self.messages, self.agent.keep_results)

    def reply(self, call_id: str, content: str) -> None:
        """Answer a tool call on the agent's side (a local tool, or a call that was never sent)."""
        self.messages.append({"role": "tool", "tool_call_id": call_id, "content": content})
