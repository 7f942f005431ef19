"""Tests of ``toolgym_env.wrappers`` (the top-level wrappers/ folder)."""
