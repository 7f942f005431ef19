"""Tests of ``toolgym_env.cli``."""
