"""``python -m toolgym_env.tasks.scenarios.intents [DOMAIN...]``: check the intent tables."""

import sys

from toolgym_env.tasks.scenarios.intents import main

sys.exit(main(sys.argv[1:]))
