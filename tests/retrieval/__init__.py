"""Tests of ``toolgym_env.retrieval``."""
