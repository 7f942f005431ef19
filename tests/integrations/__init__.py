"""Tests of ``toolgym_env.integrations``."""
