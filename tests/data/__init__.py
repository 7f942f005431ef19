"""Tests of ``toolgym_env.data``."""
