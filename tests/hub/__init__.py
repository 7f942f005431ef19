"""Tests of ``toolgym_env.hub``."""
