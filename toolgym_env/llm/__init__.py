"""Talking to OpenAI-compatible chat endpoints (optional features: paraphrase, rubric judge, LLM agents)."""

from toolgym_env.llm.client import (
    LLMReplyError,
    LLMSettings,
    chat_json,
    llm_settings,
    make_client,
    parse_json_object,
)

__all__ = ["LLMReplyError", "LLMSettings", "chat_json", "llm_settings", "make_client", "parse_json_object"]
