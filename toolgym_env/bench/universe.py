"""Benchmark figures of the universe: catalog build and load, and per-app world building."""

from __future__ import annotations

import statistics
import time
from typing import Any


def universe_bench() -> dict[str, Any]:
    """Catalog cold build and warm load (s), seeding each app's world (ms) and loading it lazily (ms).

    Run it first in a fresh process: "cold" means no app or schema has been built yet.
    """
    from toolgym_env.apps import CORE_APPS, all_app_names, load_app
    from toolgym_env.bench.timing import pct as _pct
    from toolgym_env.hub.catalog_cache import cached_records
    from toolgym_env.universe import Universe

    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    universe = Universe(names=all_app_names(), loader=load_app, base=CORE_APPS)
    records = universe.catalog._build_records()
    out["catalog_cold_build_s"] = round(time.perf_counter() - t0, 2)
    cached_records("full", lambda: records)  # make sure the cache file exists
    t0 = time.perf_counter()
    cached_records("full", lambda: [])
    out["catalog_warm_load_s"] = round(time.perf_counter() - t0, 3)
    out["catalog_apps"], out["catalog_tools"] = len(universe.app_names), len(records)

    builds = []
    t_all = time.perf_counter()
    for name in universe.app_names:
        if name in CORE_APPS:
            continue
        t0 = time.perf_counter()
        universe.app_tables(0, name)
        builds.append((time.perf_counter() - t0) * 1e3)
    out["all_apps_world_build_s"] = round(time.perf_counter() - t_all, 2)
    t0 = time.perf_counter()
    universe._seeded_snapshot(0)
    out["core_world_build_ms"] = round((time.perf_counter() - t0) * 1e3, 1)
    out["app_world_build_ms_median"] = round(statistics.median(builds), 2)
    out["app_world_build_ms_p95"] = round(_pct(builds, 0.95), 2)
    out["app_world_build_ms_max"] = round(max(builds), 2)

    loads, resets = [], []
    world = universe.build_world(0)
    base = universe._seeded_snapshot(0)
    generated = [n for n in universe.app_names if n not in CORE_APPS]
    for name in generated:
        world.restore(base)
        t0 = time.perf_counter()
        universe.ensure_app(world, name)
        loads.append((time.perf_counter() - t0) * 1e3)
    for i in range(0, len(generated) - 3, 4):  # a task over 4 generated apps: snapshot cached, then restored
        snap = universe.snapshot_for(0, generated[i : i + 4])
        for _ in range(20):
            t0 = time.perf_counter()
            world.restore(snap)
            resets.append((time.perf_counter() - t0) * 1e3)
    out["reset_4_generated_apps_ms_median"] = round(statistics.median(resets), 3)
    out["reset_4_generated_apps_ms_p95"] = round(_pct(resets, 0.95), 3)
    out["app_lazy_load_ms_median"] = round(statistics.median(loads), 3)
    out["app_lazy_load_ms_p95"] = round(_pct(loads, 0.95), 3)
    world.close()
    return out
