"""Tests of ``toolgym_env.evaluation``."""
