"""LLM paraphrases of task instructions that provably keep the task's facts.

Example:
    >>> from toolgym_env.llm import llm_settings, make_client
    >>> s = llm_settings()  # doctest: +SKIP
    >>> client = make_client(s)  # doctest: +SKIP
    >>> paraphrase_instruction("Pay Ana $40 today.", ["Ana", "40"],
    ...                        client=client, model=s.model)  # doctest: +SKIP
    'Could you send Ana $40 today?'
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from toolgym_env.judge.matchers import contains_fact
from toolgym_env.llm.client import LLMReplyError, chat_json

PARAPHRASE_TEMPERATURE = 0.7


@lru_cache(maxsize=1)
def paraphrase_prompt() -> str:
    """The system prompt (``prompts/paraphrase.md``)."""
    return (resources.files("toolgym_env.tasks") / "prompts" / "paraphrase.md").read_text(encoding="utf-8")


def paraphrase_instruction(
    instruction: str, must_keep: list[str], *, client: Any, model: str, seed: int = 0
) -> str | None:
    """Ask the model to reword ``instruction``; keep the result only if it still states every fact.

    Args:
        instruction: The user's request to reword.
        must_keep: Facts that must survive (checked with :func:`~toolgym_env.judge.matchers.contains_fact`).
        client: An ``openai.OpenAI`` client (see :func:`toolgym_env.llm.make_client`).
        model: Model name.
        seed: Sampling seed, sent to the endpoint (sampling temperature is ``PARAPHRASE_TEMPERATURE``).

    Returns:
        The paraphrase, or None when the reply was malformed, empty, or dropped a fact.

    Raises:
        LLMReplyError: The endpoint could not be reached or answered an HTTP error (``transport=True``).
    """
    user = json.dumps(
        {"instruction": instruction, "must_keep": list(must_keep)}, ensure_ascii=False, indent=1
    )
    messages = [{"role": "system", "content": paraphrase_prompt()}, {"role": "user", "content": user}]
    try:
        reply = chat_json(client, model, messages, temperature=PARAPHRASE_TEMPERATURE, seed=seed)
    except LLMReplyError as exc:
        if exc.transport:
            raise
        return None
    text = reply.get("instruction")
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.strip()
    if all(contains_fact(text, fact) for fact in must_keep):
        return text
    return None
