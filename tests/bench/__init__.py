"""Tests of ``toolgym_env.bench``."""
