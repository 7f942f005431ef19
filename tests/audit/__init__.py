"""Tests of ``toolgym_env.audit``."""
