"""Tests of ``toolgym_env.report``."""
