"""Tests of ``toolgym_env.apps``."""
