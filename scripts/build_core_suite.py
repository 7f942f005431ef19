"""Regenerate the shipped core suite (tasks/suites/core.jsonl) and print what was kept and rejected."""

import json
import sys

from toolgym_env.tasks import dump_tasks
from toolgym_env.tasks.core_suite import SUITE_PATH, build_core_suite

if __name__ == "__main__":
    per_family = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    tasks, rejected = build_core_suite(per_family)
    SUITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    SUITE_PATH.write_text(dump_tasks(tasks), encoding="utf-8")
    print(json.dumps({"kept": len(tasks), "rejected": dict(rejected), "path": str(SUITE_PATH)}))
