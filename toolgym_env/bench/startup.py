"""The first ``gym.make`` + ``reset`` of a new process (imports included), with the on-disk caches warm."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from typing import Any

_FIRST = """
import time
t0 = time.perf_counter()
import gymnasium as gym, toolgym_env
t1 = time.perf_counter()
env = gym.make('ToolGym-v0')
t2 = time.perf_counter()
env.reset(seed=0)
t3 = time.perf_counter()
import json
print(json.dumps([t1 - t0, t2 - t1, t3 - t2]))
"""


def first_reset_times() -> tuple[float, float, float]:
    """``(import, gym.make, reset)`` seconds of one new Python process."""
    out = subprocess.run([sys.executable, "-c", _FIRST], capture_output=True, text=True, check=True)
    imports, make, reset = json.loads(out.stdout.strip().splitlines()[-1])
    return imports, make, reset


def startup_figures(runs: int = 3) -> dict[str, Any]:
    """Median over ``runs`` new processes (after one untimed run that warms the disk caches) of the seconds
    from ``import toolgym_env`` to the first observation, and of its three parts."""
    first_reset_times()
    samples = [first_reset_times() for _ in range(runs)]
    parts = [statistics.median(s[i] for s in samples) for i in range(3)]
    return {
        "first_make_reset_s": round(statistics.median(sum(s) for s in samples), 3),
        "first_import_s": round(parts[0], 3),
        "first_make_s": round(parts[1], 3),
        "first_reset_s": round(parts[2], 3),
    }
