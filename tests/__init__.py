"""The test suite. Each folder mirrors a package area (tests/judge/ tests ``toolgym_env.judge``); see README.md."""
