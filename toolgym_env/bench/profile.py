"""Where the time and the memory go, for the figures that miss their target: ``toolgym bench`` attaches these
profiles to its output (``profiles``), so a missed target comes with its reason.

Each profile is a short list of lines, largest first: functions by their own time per call of the measured
operation (cProfile; its overhead inflates small functions evenly), or allocation sites by the memory they
hold (tracemalloc, in a child process).
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import subprocess
import sys
from collections.abc import Callable
from typing import Any

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _where(filename: str, line: int, name: str) -> str:
    if filename.startswith(_ROOT):
        filename = os.path.relpath(filename, _ROOT)
    elif "site-packages" in filename:
        filename = filename.split("site-packages" + os.sep, 1)[1]
    elif filename.startswith(("<", "~")):
        return f"{name} (built-in)" if filename == "~" else f"{name} ({filename})"
    else:
        filename = os.path.basename(filename)
    return f"{name} ({filename}:{line})"


def top_functions(fn: Callable[[], Any], calls: int, k: int = 10) -> list[str]:
    """The ``k`` functions with the most own time over ``calls`` calls of ``fn``, as ``"µs per call  name
    (file:line)"`` (the first line is the whole call under the profiler)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values())
    rows = sorted(stats.items(), key=lambda item: -item[1][2])[:k]
    lines = [f"{1e6 * total / calls:8.1f} µs per call in all, under the profiler"]
    for (filename, line, name), (_, _, tottime, _, _) in rows:
        lines.append(f"{1e6 * tottime / calls:8.2f} µs  {_where(filename, line, name)}")
    return lines


def step_profile(action: dict[str, Any], calls: int = 3000) -> list[str]:
    """Own time per function of a step of ``action`` through the default ``gym.make`` stack."""
    import gymnasium as gym

    import toolgym_env  # noqa: F401

    env = gym.make("ToolGym-v0", max_steps=10**7)
    env.reset(seed=0)
    for _ in range(300):
        env.step(action)
    try:
        return top_functions(lambda: env.step(action), calls)
    finally:
        env.close()


def reset_profile(tasks_cycled: int = 50, calls: int = 300) -> list[str]:
    """Own time per function of a ``reset()`` cycling over test tasks of 3–5 apps (as ``reset_ms`` is
    timed)."""
    import gymnasium as gym

    env = gym.make("ToolGym-v0")
    tasks = [t for t in env.unwrapped.tasks if 3 <= len(t.apps) <= 5][:tasks_cycled]
    for task in tasks:
        env.reset(options={"task": task})
    cursor = iter(range(10**9))
    try:
        return top_functions(lambda: env.reset(options={"task": tasks[next(cursor) % len(tasks)]}), calls)
    finally:
        env.close()


def search_profile(calls: int = 100) -> list[str]:
    """Own time per function of a MiniLM query end to end, as ``search_ms`` is timed (each query new to the
    query cache; the traced graph is one call)."""
    from toolgym_env.bench.search import _queries
    from toolgym_env.retrieval import embedding as emb
    from toolgym_env.retrieval.index import EmbeddingIndex
    from toolgym_env.universe import Universe

    index = EmbeddingIndex(Universe.full().catalog.records())
    queries = iter(_queries(calls))
    index.search("warm up the model", 5)

    def one() -> None:
        emb.clear_query_cache()
        index.search(next(queries), 5)

    return top_functions(one, calls)


def vector_profile(seconds: float = 3.0) -> list[str]:
    """Where an async vector env's step goes with 1 and 2 workers: CPU per env step of the parent process
    (batching, pickling, pipes) and of the workers (the env steps), against the wall time per env step and
    the cores there are; the speed-up of 2 workers is capped where parent and workers together need more CPU
    than the cores give."""
    from toolgym_env.bench.vector import vec_throughput

    lines = [f"{os.cpu_count()} cores; per env step (µs): wall, parent CPU, workers' CPU"]
    for workers in (1, 2):
        cpu: dict[str, float] = {}
        rate = vec_throughput(workers, seconds, cpu=cpu)
        if not cpu:
            return [f"{rate:.0f} steps/s with {workers} worker(s); no per-process CPU here (needs /proc)"]
        per = {k: 1e6 * cpu[k] / cpu["steps"] for k in ("wall", "parent", "workers")}
        busy = (cpu["parent"] + cpu["workers"]) / cpu["wall"]
        lines.append(
            f"{workers} worker(s): {rate:7.1f} steps/s; wall {per['wall']:6.0f}, parent {per['parent']:6.0f},"
            f" workers {per['workers']:6.0f}; {busy:.2f} cores busy"
        )
    return lines


_STARTUP = """
import cProfile, pstats, io
profiler = cProfile.Profile()
profiler.enable()
import gymnasium as gym, toolgym_env
env = gym.make('ToolGym-v0')
env.reset(seed=0)
profiler.disable()
out = io.StringIO()
pstats.Stats(profiler, stream=out).sort_stats('cumulative').print_stats(40)
print(out.getvalue())
"""


def startup_profile(k: int = 12) -> list[str]:
    """The first ``gym.make`` + ``reset`` of a new process by cumulative time: the toolgym_env calls that take
    longest (imports included)."""
    out = subprocess.run([sys.executable, "-c", _STARTUP], capture_output=True, text=True, check=True).stdout
    lines = []
    for line in out.splitlines():
        parts = line.split(None, 5)
        if len(parts) == 6 and parts[0].replace("/", "").isdigit() and "toolgym" in parts[5]:
            lines.append(f"{float(parts[3]):7.3f} s  {parts[5].replace(_ROOT + os.sep, '')}")
    return lines[:k]


_MEMORY = """
import gc, json, sys, tracemalloc
tracemalloc.start(16)
import gymnasium as gym, toolgym_env
from toolgym_env.agents import OracleAgent, run_episode
env = gym.make('ToolGym-v0', retrieval='lexical')
for i in range(0, 700, 14):
    run_episode(env, OracleAgent(), seed=i, options={'task_index': i})
gc.collect()
snapshot = tracemalloc.take_snapshot()
from toolgym_env.bench.profile import charged_to
groups = {}
for stat in snapshot.statistics('traceback'):
    key = charged_to([f.filename for f in reversed(stat.traceback)], sys.argv[1])
    groups[key] = groups.get(key, 0) + stat.size
rss = int([l for l in open('/proc/self/status') if l.startswith('VmRSS')][0].split()[1]) / 1024
print(json.dumps({'rss_mb': rss, 'traced_mb': sum(groups.values()) / 2**20,
                  'top': sorted(groups.items(), key=lambda kv: -kv[1])[:14]}))
"""


def charged_to(frames: list[str], root: str) -> str:
    """Where an allocation is charged, from the file names of its stack (the allocation site first): the
    innermost file of this checkout (relative), else the package of the site, else its file.

    Example:
        >>> charged_to(["/v/site-packages/pydantic/main.py", "/repo/tasks/__init__.py"], "/repo")
        'tasks/__init__.py'
        >>> charged_to(["/v/site-packages/pydantic/main.py", "<string>"], "/repo")
        'pydantic'
    """
    prefix = root.rstrip(os.sep) + os.sep
    for name in frames:
        if name.startswith(prefix) and f"{os.sep}.venv{os.sep}" not in name:
            return os.path.relpath(name, root)
    site = frames[0] if frames else "?"
    if "site-packages" + os.sep in site:
        return site.split("site-packages" + os.sep, 1)[1].split(os.sep, 1)[0]
    return site


def memory_profile() -> list[str]:
    """What the Python heap holds after the 50 reference episodes of ``peak_rss_mb_no_embed`` (tracemalloc),
    each allocation charged to the innermost module of this project on its stack (so a pydantic object is
    charged to the module that made it: task files, tool models), else to its package; against the process's
    RSS (the rest: interpreter, C extensions' own memory, SQLite pages and allocator slack)."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY, _ROOT], capture_output=True, text=True, check=True
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    lines = [
        f"{data['rss_mb']:7.1f} MB  RSS after the episodes (tracemalloc's own overhead included)",
        f"{data['traced_mb']:7.1f} MB  Python heap traced by tracemalloc",
    ]
    for name, size in data["top"]:
        lines.append(f"{size / 2**20:7.1f} MB  {name}")
    return lines


#: Figure → the profile that explains it when it misses its target.
PROFILES: dict[str, Callable[[], list[str]]] = {
    "step_read_us_median": lambda: step_profile(_action("READ")),
    "step_write_us_median": lambda: step_profile(_action("WRITE")),
    "reset_ms_median": reset_profile,
    "reset_ms_p95": reset_profile,
    "first_make_reset_s": startup_profile,
    "peak_rss_mb_no_embed": memory_profile,
    "search_ms_median": search_profile,
    "vec_speedup_2w": vector_profile,
}


def _action(name: str) -> dict[str, Any]:
    from toolgym_env.bench import steps

    return getattr(steps, name)


def missed_profiles(
    result: dict[str, Any], targets: dict[str, tuple[float, str]], log: Callable[[str], None] = lambda _: None
) -> dict[str, list[str]]:
    """A profile for every figure of ``result`` that misses its target and has one (a profile shared by two
    figures is taken once)."""
    out: dict[str, list[str]] = {}
    done: dict[Callable[[], list[str]], list[str]] = {}
    for key, make in PROFILES.items():
        value = result.get(key)
        if value is None or key not in targets:
            continue
        bound, kind = targets[key]
        if (value <= bound) if kind == "max" else (value >= bound):
            continue
        if make not in done:
            log(f"profile of {key}")
            done[make] = make()
        out[key] = done[make]
    return out
