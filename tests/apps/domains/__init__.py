"""Tests of ``toolgym_env.apps.domains``: the generated products, one module per group of domains."""
