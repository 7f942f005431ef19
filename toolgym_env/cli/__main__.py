"""``python -m toolgym_env.cli``."""

from toolgym_env.cli import main

main()
