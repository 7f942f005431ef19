"""Settings, client construction and one-shot JSON chat calls for OpenAI-compatible endpoints.

``openai`` is imported lazily so that the core environment never pays for it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolgym_env.errors import LLMConfigError

if TYPE_CHECKING:  # pragma: no cover
    import openai

_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)


class LLMReplyError(RuntimeError):
    """A chat call failed: the endpoint was unreachable, answered an HTTP error, or sent malformed JSON.

    Attributes:
        raw: The first 300 characters of the reply text ("" when there was no reply).
        transport: True when no usable reply arrived (connection refused, timeout, HTTP error status);
            False when a reply arrived but its content was not the expected JSON object.
    """

    def __init__(self, message: str, *, raw: str = "", transport: bool = False) -> None:
        super().__init__(message)
        self.raw = raw
        self.transport = transport


@dataclass(frozen=True)
class LLMSettings:
    """Where and what to ask: endpoint, key and model name."""

    base_url: str | None
    api_key: str | None
    model: str


def _env(*names: str) -> str | None:
    for name in names:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def llm_settings(
    base_url: str | None = None, api_key: str | None = None, model: str | None = None
) -> LLMSettings:
    """Resolve LLM settings from arguments, then environment variables.

    ``base_url`` falls back to ``OPENAI_BASE_URL``, ``api_key`` to ``OPENAI_API_KEY`` (then ``"not-needed"``
    when a base URL is set, as local servers ignore it), ``model`` to ``TOOLGYM_MODEL`` then ``OPENAI_MODEL``.

    Raises:
        LLMConfigError: No model was given or configured.
    """
    base_url = base_url or _env("OPENAI_BASE_URL")
    api_key = api_key or _env("OPENAI_API_KEY") or ("not-needed" if base_url else None)
    model = model or _env("TOOLGYM_MODEL", "OPENAI_MODEL")
    if not model:
        raise LLMConfigError(
            "no LLM model configured: pass model=... or set TOOLGYM_MODEL (or OPENAI_MODEL), "
            "and OPENAI_BASE_URL for a local OpenAI-compatible server"
        )
    return LLMSettings(base_url=base_url, api_key=api_key, model=model)


def make_client(settings: LLMSettings, timeout: float = 60.0) -> openai.OpenAI:
    """An ``openai.OpenAI`` client for ``settings`` that never retries on its own.

    Raises:
        LLMConfigError: Neither an API key nor a base URL is configured.
    """
    if not settings.api_key and not settings.base_url:
        raise LLMConfigError("no API key: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server")
    import openai

    return openai.OpenAI(
        base_url=settings.base_url, api_key=settings.api_key or "not-needed", max_retries=0, timeout=timeout
    )


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse a model reply as one JSON object, tolerating a fenced block or prose around the braces.

    Raises:
        LLMReplyError: The text holds no JSON object.
    """
    candidates = [text.strip()]
    candidates += [m.group(1).strip() for m in _FENCE.finditer(text)]
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        candidates.append(text[start : end + 1])
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise LLMReplyError(f"reply is not a JSON object: {text[:300]!r}", raw=text[:300])


def chat_json(
    client: openai.OpenAI,
    model: str,
    messages: list[dict[str, Any]],
    *,
    temperature: float = 0.0,
    seed: int | None = None,
) -> dict[str, Any]:
    """One chat completion whose reply content is parsed as a JSON object.

    Raises:
        LLMReplyError: The call failed (``transport=True``, the cause chained) or the reply was not a
            JSON object (``transport=False``, ``raw`` holds its start).
    """
    import openai

    kwargs: dict[str, Any] = {"model": model, "messages": messages, "temperature": temperature}
    if seed is not None:
        kwargs["seed"] = seed
    try:
        response = client.chat.completions.create(**kwargs)
    except openai.APIStatusError as exc:
        raise LLMReplyError(f"LLM endpoint answered HTTP {exc.status_code}: {exc}", transport=True) from exc
    except openai.OpenAIError as exc:
        raise LLMReplyError(f"LLM request failed: {exc.__class__.__name__}: {exc}", transport=True) from exc
    try:
        content = response.choices[0].message.content
    except (AttributeError, IndexError, TypeError) as exc:
        raise LLMReplyError("LLM reply has no message content") from exc
    if not content:
        raise LLMReplyError("LLM reply has no message content")
    return parse_json_object(content)
