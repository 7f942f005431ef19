"""The test suite: each folder mirrors an area of the package (tests/judge/: ``toolgym_env.judge``)."""
