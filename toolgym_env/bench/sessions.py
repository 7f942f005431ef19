"""Concurrent sessions one ``toolgym serve-env`` process holds: its resident memory per added session, and
episode steps per second across all sessions (the ``openenv`` extra).

The server runs as a child process (``toolgym serve-env``); this process opens the sessions as
:class:`~toolgym_env.integrations.openenv_client.ToolGymClient` WebSockets on loopback. Every session runs
reference-solution episodes of its own test-suite task, one after the other (a reset when one ends), so the
load mixes searches, reads, writes, final answers, judging and resets. Counts grow in order (1, then 64, ...):
the sessions of a smaller count stay open in the larger one. Figures per count: the server's RSS once every
session has run an episode (``VmRSS`` from ``/proc``), RSS per session added since the first count, and steps
per second and the median/p95 round trip over ``seconds`` of all sessions stepping at once. Client and server
share the machine's cores.

    python -m toolgym_env.bench.sessions --counts 1,64,512 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from typing import Any


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


class _Session:
    """One client session running reference episodes of one task, over and over."""

    def __init__(self, url: str, task: Any, config: dict[str, Any]) -> None:
        from toolgym_env.integrations.openenv_client import ToolGymClient

        self.client = ToolGymClient(url, config=config, message_timeout_s=600)
        self.task = task
        self.agent: Any = None
        self.obs: dict[str, Any] = {}
        self.steps = 0

    async def reset(self) -> None:
        from toolgym_env.agents.oracle import OracleAgent

        result = await self.client.reset(task_id=self.task.id, seed=0)
        self.agent = OracleAgent()
        self.agent.task, self.agent.results, self.agent.cursor = self.task, [], 0
        self.obs = result.observation.model_dump()

    async def step(self) -> bool:
        result = await self.client.step(self.agent.act(self.obs, {}))
        self.obs = result.observation.model_dump()
        self.steps += 1
        return bool(result.done)

    async def episode(self) -> None:
        await self.reset()
        while not await self.step():
            pass

    async def run_until(self, deadline: float, latencies: list[float]) -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            done = await self.step()
            latencies.append(time.perf_counter() - started)
            if done:
                await self.reset()


async def _measure(
    url: str, pid: int, counts: list[int], seconds: float, config: dict[str, Any], log: Any
) -> list[dict[str, Any]]:
    from toolgym_env.tasks import load_suite

    tasks = load_suite(config.get("suite", "test"))
    sessions: list[_Session] = []
    rows: list[dict[str, Any]] = []
    try:
        for count in counts:
            new = [_Session(url, tasks[i % len(tasks)], config) for i in range(len(sessions), count)]
            for start in range(0, len(new), 32):  # open and run a first episode, 32 sessions at a time
                await asyncio.gather(*(s.episode() for s in new[start : start + 32]))
            sessions += new
            await asyncio.gather(*(s.reset() for s in sessions))
            rss = _rss_mb(pid)
            latencies: list[float] = []
            before = sum(s.steps for s in sessions)
            started = time.perf_counter()
            await asyncio.gather(*(s.run_until(started + seconds, latencies) for s in sessions))
            elapsed = time.perf_counter() - started
            steps = sum(s.steps for s in sessions) - before
            latencies.sort()
            row = {
                "sessions": count,
                "server_rss_mb": round(rss, 1),
                "steps": steps,
                "steps_per_s": round(steps / elapsed, 1),
                "round_trip_ms_median": round(1000 * statistics.median(latencies), 2),
                "round_trip_ms_p95": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 2),
                "server_rss_after_mb": round(_rss_mb(pid), 1),
            }
            if rows:
                first = rows[0]
                row["rss_mb_per_added_session"] = round(
                    (rss - first["server_rss_mb"]) / (count - first["sessions"]), 2
                )
            rows.append(row)
            log(json.dumps(row))
    finally:
        await asyncio.gather(*(s.client.close() for s in sessions), return_exceptions=True)
    return rows


def session_figures(
    counts: tuple[int, ...] = (1, 64, 512),
    seconds: float = 20.0,
    suite: str = "test",
    profile: str = "none",
    log: Any = lambda _: None,
) -> dict[str, Any]:
    """Start ``toolgym serve-env`` with ``max(counts)`` sessions and measure each count in turn (see the
    module)."""
    counts = sorted(set(counts))
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "toolgym_env.cli",
        "serve-env",
        "--port",
        str(port),
        "--max-sessions",
        str(max(counts)),
        "--suite",
        suite,
        "--profile",
        profile,
    ]
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ}
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("toolgym serve-env did not start") from None
                time.sleep(0.2)
        idle = _rss_mb(server.pid)
        rows = asyncio.run(
            _measure(
                f"http://127.0.0.1:{port}",
                server.pid,
                counts,
                seconds,
                {"suite": suite, "profile": profile},
                log,
            )
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "server_rss_idle_mb": round(idle, 1),
        "seconds_per_count": seconds,
        "suite": suite,
        "profile": profile,
        "cpus": os.cpu_count(),
        "counts": rows,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Concurrent sessions of one toolgym serve-env process.")
    parser.add_argument("--counts", default="1,64,512")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--suite", default="test")
    parser.add_argument("--profile", default="none")
    args = parser.parse_args(argv)
    result = session_figures(
        tuple(int(c) for c in args.counts.split(",")),
        args.seconds,
        args.suite,
        args.profile,
        log=lambda line: print(line, file=sys.stderr, flush=True),
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
