"""Tests of ``toolgym_env.llm``."""
