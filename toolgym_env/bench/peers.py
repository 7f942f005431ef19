"""tau-bench's and tau2-bench's retail environments timed beside ours in one run (``toolgym bench --peers``).

Neither is a dependency: a peer whose package is not importable is skipped with a line saying so. Each peer
runs with its user simulator stubbed out (no LLM is called), so the figures are its tool step and its reset
alone:

- **tau-bench** (``tau_bench``): ``get_env("retail", ...)``, its ``user`` replaced by a stub; a read is
  ``get_order_details``, a write ``modify_user_address``, a reset ``env.reset(task_index=i)`` (it reloads the
  domain's JSON data).
- **tau2-bench** (``tau2``): the retail domain's ``get_environment()``; steps are
  ``env.get_response(ToolCall)`` and a reset builds a new environment, as its orchestrator does for every
  simulation.

Ratios are peer ÷ ours (above 1: we are faster).
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from typing import Any

from toolgym_env.bench.timing import summary, time_calls

#: Peer name → (import name, pip name).
PEERS = {
    "tau-bench": ("tau_bench", "tau-bench (git+https://github.com/sierra-research/tau-bench)"),
    "tau2-bench": ("tau2", "tau2-bench (git+https://github.com/sierra-research/tau2-bench)"),
}
#: Our figures each peer figure is compared with.
COMPARED = {
    "step_read_us_median": "step_read_us_median",
    "step_write_us_median": "step_write_us_median",
    "reset_ms_median": "reset_ms_median",
}
_ADDRESS = {
    "address1": "1 Main St",
    "address2": "Apt 2",
    "city": "Austin",
    "state": "TX",
    "country": "USA",
    "zip": "78701",
}


class _StubUser:
    """A user simulator that never calls a model (tau-bench's ``user`` interface)."""

    def reset(self, instruction: str | None = None) -> str:
        return "Hi, I need help with my order."

    def step(self, content: str) -> str:
        return "###STOP###"

    def get_total_cost(self) -> float:
        return 0.0


def _tau_bench(n: int, resets: int) -> dict[str, float]:
    from tau_bench.envs import get_env
    from tau_bench.types import Action

    env = get_env("retail", user_strategy="llm", user_model="stub", task_split="test", user_provider="openai")
    env.user = _StubUser()
    env.reset(task_index=0)
    order_id, user_id = next(iter(env.data["orders"])), next(iter(env.data["users"]))
    read = Action(name="get_order_details", kwargs={"order_id": order_id})
    write = Action(name="modify_user_address", kwargs={"user_id": user_id, **_ADDRESS})
    return _figures(
        lambda: env.step(read),
        lambda: env.step(write),
        lambda i: env.reset(task_index=i % len(env.tasks)),
        n,
        resets,
    )


def _tau2_bench(n: int, resets: int) -> dict[str, float]:
    from tau2.data_model.message import ToolCall
    from tau2.domains.retail.environment import get_environment

    env = get_environment()
    db = env.tools.db
    order_id, user_id = next(iter(db.orders)), next(iter(db.users))
    read = ToolCall(id="r", name="get_order_details", arguments={"order_id": order_id}, requestor="assistant")
    write = ToolCall(
        id="w", name="modify_user_address", arguments={"user_id": user_id, **_ADDRESS}, requestor="assistant"
    )
    return _figures(
        lambda: env.get_response(read),
        lambda: env.get_response(write),
        lambda i: get_environment(),
        n,
        resets,
    )


def _figures(
    read: Callable[[], Any], write: Callable[[], Any], reset: Callable[[int], Any], n: int, resets: int
) -> dict[str, float]:
    """Median and p95 of a read step and a write step (µs) and of a reset (ms), after a warm-up of each."""
    time_calls(read, 100)
    time_calls(write, 100)
    out = {**summary("step_read_us", time_calls(read, n)), **summary("step_write_us", time_calls(write, n))}
    reset(0)
    samples = []
    for i in range(resets):
        t0 = time.perf_counter_ns()
        reset(i)
        samples.append((time.perf_counter_ns() - t0) / 1e6)
    out.update(summary("reset_ms", samples, 3))
    return out


_MEASURE: dict[str, Callable[[int, int], dict[str, float]]] = {
    "tau-bench": _tau_bench,
    "tau2-bench": _tau2_bench,
}


def peer_figures(
    ours: dict[str, Any], n: int = 3000, resets: int = 50, log: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    """``{"peers": {name: figures | "skipped: ..." | "failed: ..."}}`` plus ``ratio_<figure>_<peer>`` (peer ÷
    ours) for every figure of :data:`COMPARED` that both sides measured."""
    peers: dict[str, Any] = {}
    out: dict[str, Any] = {"peers": peers}
    for name, (module, pip_name) in PEERS.items():
        if importlib.util.find_spec(module) is None:
            peers[name] = f"skipped: {module} is not importable (install {pip_name} to compare)"
            log(f"{name}: {peers[name]}")
            continue
        log(name)
        try:
            figures = _MEASURE[name](n, resets)
        except Exception as exc:  # noqa: BLE001  (a peer's API drift is reported, never fatal to the bench)
            peers[name] = f"failed: {type(exc).__name__}: {str(exc)[:200]}"
            log(f"{name}: {peers[name]}")
            continue
        peers[name] = figures
        key = name.replace("-", "_")
        for theirs, mine in COMPARED.items():
            if figures.get(theirs) and ours.get(mine):
                out[f"ratio_{mine}_{key}"] = round(figures[theirs] / ours[mine], 2)
    return out
