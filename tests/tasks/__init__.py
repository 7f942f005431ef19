"""Tests of ``toolgym_env.tasks`` (the top-level tasks/ folder)."""
