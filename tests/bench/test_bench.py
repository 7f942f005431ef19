"""``toolgym bench``'s parts that are not timings: targets, peers (skipped or timed), profiles, start-up."""

from __future__ import annotations

import importlib.machinery
import sys
import types

import pytest

from toolgym_env.bench import TARGETS, missed
from toolgym_env.bench import peers as peers_module
from toolgym_env.bench.peers import peer_figures
from toolgym_env.bench.profile import charged_to, missed_profiles, top_functions
from toolgym_env.bench.startup import first_reset_times


def test_targets_of_the_issue():
    assert TARGETS["step_read_us_median"] == (20, "max") and TARGETS["step_write_us_median"] == (35, "max")
    assert TARGETS["reset_ms_median"] == (1, "max") and TARGETS["reset_ms_p95"] == (2, "max")
    assert TARGETS["peak_rss_mb_no_embed"] == (150, "max") and TARGETS["first_make_reset_s"] == (1.5, "max")
    assert TARGETS["search_ms_median"] == (10, "max")


def test_missed_reads_bounds_both_ways():
    both = {"vec_speedup_2w": 1.2, "first_make_reset_s": 1.6}
    assert missed(both) == ["vec_speedup_2w", "first_make_reset_s"]
    assert missed({"vec_speedup_2w": 1.6, "step_read_us_median": 20}) == []  # bounds are inclusive
    assert missed({"reset_ms_p95": 2.0, "first_make_reset_s": 1.6}) == ["first_make_reset_s"]


def _hide_peers(monkeypatch, *names: str) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        peers_module.importlib.util, "find_spec", lambda name, *a: None if name in names else real(name, *a)
    )


def test_peers_not_installed_are_skipped_with_a_line(monkeypatch):
    _hide_peers(monkeypatch, "tau_bench", "tau2")
    lines: list[str] = []
    out = peer_figures({"step_read_us_median": 20.0}, n=10, resets=2, log=lines.append)
    assert set(out) == {"peers"}
    assert all(v.startswith("skipped: ") and "not importable" in v for v in out["peers"].values())
    assert len(lines) == 2 and lines[0].startswith("tau-bench: skipped")


class _Action:
    def __init__(self, name, kwargs):
        self.name, self.kwargs = name, kwargs


class _FakeTauEnv:
    """tau-bench's retail env as far as the peer bench uses it."""

    def __init__(self):
        self.tasks = [object(), object()]
        self.data = {"orders": {"#W1": {"status": "pending"}}, "users": {"u1": {"address": {}}}}
        self.user = None

    def reset(self, task_index=None):
        self.data = {k: dict(v) for k, v in self.data.items()}
        return self.user.reset(instruction="")

    def step(self, action):
        if action.name == "modify_user_address":
            self.data["users"][action.kwargs["user_id"]]["address"] = dict(action.kwargs)
        return self.data["orders"].get(action.kwargs.get("order_id"), "ok")


def _module(name: str, **attrs) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None)
    module.__dict__.update(attrs)
    return module


def _install_tau_bench(monkeypatch, get_env) -> None:
    """A fake tau-bench whose ``get_env`` is the one given, importable; tau2-bench hidden."""
    monkeypatch.setitem(sys.modules, "tau_bench", _module("tau_bench"))
    monkeypatch.setitem(sys.modules, "tau_bench.envs", _module("tau_bench.envs", get_env=get_env))
    monkeypatch.setitem(sys.modules, "tau_bench.types", _module("tau_bench.types", Action=_Action))
    _hide_peers(monkeypatch, "tau2")


def test_an_importable_peer_is_timed_and_compared(monkeypatch):
    made: list[dict] = []

    def get_env(env_name, **kwargs):
        made.append({"env_name": env_name, **kwargs})
        return _FakeTauEnv()

    _install_tau_bench(monkeypatch, get_env)
    ours = {"step_read_us_median": 2.0, "step_write_us_median": 4.0, "reset_ms_median": 1.0}
    out = peer_figures(ours, n=20, resets=3)
    figures = out["peers"]["tau-bench"]
    assert made[0]["env_name"] == "retail" and made[0]["task_split"] == "test"
    for key in ("step_read_us_median", "step_write_us_median", "reset_ms_median", "reset_ms_p95"):
        assert figures[key] > 0
    assert out["ratio_step_read_us_median_tau_bench"] == round(figures["step_read_us_median"] / 2.0, 2)
    assert out["peers"]["tau2-bench"].startswith("skipped: ")


def test_a_peer_whose_api_differs_is_reported_not_fatal(monkeypatch):
    def get_env(env_name, **kwargs):
        raise TypeError("get_env() got an unexpected keyword argument 'user_provider'")

    _install_tau_bench(monkeypatch, get_env)
    out = peer_figures({}, n=5, resets=1)
    assert out["peers"]["tau-bench"].startswith("failed: TypeError: get_env()")
    assert not any(k.startswith("ratio_") for k in out)


def _busy() -> int:
    return sum(i * i for i in range(200))


def test_top_functions_names_where_the_time_goes():
    lines = top_functions(_busy, 50, k=5)
    assert "µs per call in all" in lines[0]
    assert any(
        "_busy (tests/bench/test_bench.py:" in line or "<genexpr> (tests/bench/test_bench.py:" in line
        for line in lines[1:]
    )


def test_profiles_only_for_missed_targets_and_shared_once(monkeypatch):
    from toolgym_env.bench import profile

    calls: list[str] = []

    def fake() -> list[str]:
        calls.append("reset")
        return ["line"]

    monkeypatch.setitem(profile.PROFILES, "reset_ms_median", fake)
    monkeypatch.setitem(profile.PROFILES, "reset_ms_p95", fake)
    result = {"reset_ms_median": 1.5, "reset_ms_p95": 2.5, "step_read_us_median": 10.0}
    out = missed_profiles(result, TARGETS)
    assert out == {"reset_ms_median": ["line"], "reset_ms_p95": ["line"]} and calls == ["reset"]
    assert missed_profiles({"reset_ms_median": 0.5, "reset_ms_p95": 1.0}, TARGETS) == {}


@pytest.mark.slow
def test_first_reset_times_of_a_new_process():
    imports, make, reset = first_reset_times()
    assert 0 < imports < 60 and 0 < make < 120 and 0 < reset < 60


def test_memory_is_charged_to_the_innermost_module_of_the_checkout():
    root = "/repo"
    pydantic = "/repo/.venv/lib/site-packages/pydantic/main.py"
    assert (
        charged_to([pydantic, "/repo/tasks/__init__.py", "/repo/envs/tool_env.py"], root)
        == "tasks/__init__.py"
    )
    assert charged_to([pydantic, "<string>"], root) == "pydantic"  # the checkout's venv is not the checkout
    assert (
        charged_to(["/usr/lib/python3.11/json/decoder.py", "<string>"], root)
        == "/usr/lib/python3.11/json/decoder.py"
    )
    assert (
        charged_to(["/repository/x.py"], root) == "/repository/x.py"
    )  # a sibling folder is not the checkout
