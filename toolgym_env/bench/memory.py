"""Peak memory of one env process, measured in a fresh child process (its ``VmHWM``)."""

from __future__ import annotations

import subprocess
import sys

_EPISODES = """
import gymnasium as gym, toolgym_env
from toolgym_env.agents import OracleAgent, run_episode
env = gym.make('ToolGym-v0', retrieval={retrieval!r})
for i in range(0, 700, 14):  # 50 episodes spread over the test suite, reference solutions
    run_episode(env, OracleAgent(), seed=i, options={{'task_index': i}})
env.reset(seed=0)
for q in ('send an email', 'refund an order', 'book a meeting room', 'list unpaid invoices'):
    env.step({{'name': 'search_tools', 'arguments': {{'query': q}}}})
"""

_RANDOM = """
import gymnasium as gym, toolgym_env
env = gym.make('ToolGym-v0'); env.reset(seed=0); env.action_space.seed(0)
for _ in range(200):
    *_, term, trunc, _ = env.step(env.action_space.sample())
    if term or trunc: env.reset()
"""

_PEAK = "\nprint(int([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]) / 1024)"


def peak_rss_mb(code: str) -> float:
    """Peak resident memory (MB) of a child Python running ``code``.

    Read from ``VmHWM``: Linux keeps ``ru_maxrss`` across ``exec``, so a child would report its parent's peak.
    """
    out = subprocess.run([sys.executable, "-c", code + _PEAK], capture_output=True, text=True, check=True)
    return round(float(out.stdout.strip().splitlines()[-1]), 1)


def memory_figures(embed: bool = True) -> dict[str, float | None]:
    """Peak RSS of an env process running 50 reference episodes, with BM25 and with MiniLM retrieval; and of
    one taking 200 random actions over the whole catalog (each builds and loads a new app: the worst case)."""
    out: dict[str, float | None] = {
        "peak_rss_mb_no_embed": peak_rss_mb(_EPISODES.format(retrieval="lexical")),
        "peak_rss_mb_random_actions": peak_rss_mb(_RANDOM),
        "peak_rss_mb_embed": peak_rss_mb(_EPISODES.format(retrieval="embedding")) if embed else None,
    }
    return out
