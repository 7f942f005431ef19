"""Tests of ``toolgym_env.agents``."""
