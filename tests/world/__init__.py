"""Tests of ``toolgym_env.world``."""
