"""Tests of ``toolgym_env.envs`` (the top-level envs/ folder)."""
