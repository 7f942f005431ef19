"""Tests of ``toolgym_env.judge``."""
