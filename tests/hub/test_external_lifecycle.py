"""External MCP servers' lifecycles, with real child processes: a killed and a hung (stopped) server
recovered, a server that cannot relaunch given up on, start-up errors that name their cause, and no server
left running after ``close()``, after ``del env`` + ``gc.collect()``, or used again after ``close()``."""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.support import FIXTURES
from toolgym_env.envs import ToolGymEnv
from toolgym_env.errors import EnvClosedError, ExternalServerError
from toolgym_env.hub.external import ExternalServers, load_mcp_config

RICH = FIXTURES / "rich_mcp_server.py"
TIME = {"command": sys.executable, "args": ["-m", "mcp_server_time", "--local-timezone", "UTC"]}


def children(marker: str) -> list[int]:
    """Pids of live (not zombie) children of this process whose command line contains ``marker``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
        if int(stat[1]) == os.getpid() and stat[0] != "Z" and marker in cmdline:
            found.append(int(entry))
    return found


def gone(marker: str, before: set[int], wait_s: float = 8.0) -> bool:
    """Whether every ``marker`` child not in ``before`` has exited (waiting up to ``wait_s``)."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if not set(children(marker)) - before:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(autouse=True)
def _logs_in_tmp(tmp_path, monkeypatch):
    """Servers' stderr logs go to this test's folder."""
    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(tmp_path / "cache"))


def rich(**settings) -> dict:
    return {"mcpServers": {"rich": {"command": sys.executable, "args": [str(RICH)], **settings}}}


@pytest.mark.slow
def test_a_killed_server_is_reported_then_relaunched():
    before = set(children(RICH.name))
    with ExternalServers(load_mcp_config(rich())) as ext:
        (pid,) = set(children(RICH.name)) - before
        os.kill(pid, signal.SIGKILL)
        crashed = ext.call("rich__echo", {"text": "hi"})
        assert crashed.is_error and "crashed" in crashed.text and "restarted" in crashed.text
        again = ext.call("rich__echo", {"text": "hi"})
        assert (again.is_error, again.text) == (False, "hi")
        assert ext.restarts == {"rich": 1}
    assert gone(RICH.name, before)


@pytest.mark.slow
def test_a_hung_server_costs_one_timeout_then_is_restarted():
    before = set(children(RICH.name))
    with ExternalServers(load_mcp_config(rich(timeout_s=0.5))) as ext:
        (pid,) = set(children(RICH.name)) - before
        os.kill(pid, signal.SIGSTOP)  # alive but silent
        try:
            t0 = time.perf_counter()
            hung = ext.call("rich__echo", {"text": "hi"})
            assert hung.is_error and "timed out after 0.5 s" in hung.text and "restarted" in hung.text
            assert time.perf_counter() - t0 < 3
            t0 = time.perf_counter()
            again = ext.call("rich__echo", {"text": "hi"})
            assert (again.is_error, again.text) == (False, "hi")
            assert time.perf_counter() - t0 < 10  # a fresh process answered; not another timeout
            assert ext.restarts == {"rich": 1}
            assert gone(RICH.name, before | set(children(RICH.name)) - {pid})  # the stopped one was killed
        finally:
            if pid in children(RICH.name):
                os.kill(pid, signal.SIGKILL)
    assert gone(RICH.name, before)


@pytest.mark.slow
def test_a_server_that_cannot_relaunch_is_given_up_on(tmp_path):
    config = rich(env={"RICH_FAIL_MARKER": str(tmp_path / "started")}, max_restarts=2, restart_backoff_s=0.05)
    before = set(children(RICH.name))
    with ExternalServers(load_mcp_config(config)) as ext:
        (pid,) = set(children(RICH.name)) - before
        os.kill(pid, signal.SIGKILL)
        texts = [ext.call("rich__echo", {"text": "hi"}).text for _ in range(5)]
        assert "crashed" in texts[0]
        assert "could not be relaunched" in texts[1] and "port already taken" in texts[1]  # its stderr
        assert "failed relaunch 1 of 2" in texts[1] and "failed relaunch 2 of 2" in texts[2]
        assert texts[3].startswith("MCP server 'rich' is down: gave up after 3 failed relaunches")
        assert "port already taken" in texts[3] and texts[4] == texts[3]
        assert ext.restarts == {"rich": 3} and list(ext.down()) == ["rich"]
        t0 = time.perf_counter()
        assert ext.call("rich__echo", {"text": "hi"}).is_error and time.perf_counter() - t0 < 0.1  # no retry
    assert gone(RICH.name, before)


def test_startup_error_names_the_cause_and_the_stderr():
    ext = ExternalServers(load_mcp_config(rich(env={"RICH_EXIT_AT_ONCE": "1"})))
    with pytest.raises(ExternalServerError) as info:
        ext.tools()
    text = str(info.value)
    assert "'rich' failed to start" in text and "Connection closed" in text
    assert "cannot open /nonexistent/db.sqlite" in text  # the server's own stderr line
    assert "TaskGroup" not in text
    ext.close()


def test_start_timeout_is_per_server():
    hang = {"command": sys.executable, "args": ["-c", "import time; time.sleep(30)"], "start_timeout_s": 0.5}
    ext = ExternalServers(load_mcp_config({"mcpServers": {"mute": hang}}))
    t0 = time.perf_counter()
    with pytest.raises(ExternalServerError, match=r"'mute' failed to start: no answer in 0.5 s"):
        ext.tools()
    assert time.perf_counter() - t0 < 8
    ext.close()


def test_stderr_goes_to_a_log_file_by_default(tmp_path):
    ext = ExternalServers(load_mcp_config(rich(env={"RICH_EXIT_AT_ONCE": "1"})))
    with pytest.raises(ExternalServerError):
        ext.start()
    log = tmp_path / "cache" / "logs" / "mcp-rich.log"
    assert "cannot open /nonexistent/db.sqlite" in log.read_text()


@pytest.mark.slow
def test_closed_servers_cannot_be_used_again():
    before = set(children("mcp_server_time"))
    ext = ExternalServers(load_mcp_config({"mcpServers": {"time": TIME}}))
    assert not ext.call("time__get_current_time", {"timezone": "UTC"}).is_error
    ext.close()
    assert gone("mcp_server_time", before)
    with pytest.raises(ExternalServerError, match="closed"):
        ext.call("time__get_current_time", {"timezone": "UTC"})
    assert gone("mcp_server_time", before, wait_s=0.5)  # nothing relaunched


@pytest.mark.slow
def test_no_server_left_after_del_env_and_gc():
    before = set(children("mcp_server_time"))
    for _ in range(2):
        env = ToolGymEnv(suite="core", universe="core", mcp_servers={"mcpServers": {"clock": TIME}})
        env.reset(seed=0)
        obs, *_ = env.step({"name": "clock__get_current_time", "arguments": {"timezone": "UTC"}})
        assert obs["is_error"] == 0, obs["result"]
        assert len(set(children("mcp_server_time")) - before) == 1
        del env, obs
        gc.collect()
        assert gone("mcp_server_time", before)
    threads = [t for t in __import__("threading").enumerate() if t.name == "toolgym-ext"]
    assert threads == []


@pytest.mark.slow
def test_step_after_close_is_an_error_and_starts_nothing():
    before = set(children("mcp_server_time"))
    env = ToolGymEnv(suite="core", universe="core", mcp_servers={"mcpServers": {"clock": TIME}})
    env.reset(seed=0)
    env.close()
    assert gone("mcp_server_time", before)
    with pytest.raises(EnvClosedError):
        env.step({"name": "clock__get_current_time", "arguments": {"timezone": "UTC"}})
    assert gone("mcp_server_time", before, wait_s=0.5)
