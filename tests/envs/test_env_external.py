"""An external MCP server (PyPI ``mcp-server-time``) configured into the env: listed, searched, called."""

from __future__ import annotations

import json
import os
import signal
import sys

import pytest

from toolgym_env.envs import ToolGymEnv

CONFIG = {
    "mcpServers": {
        "clock": {"command": sys.executable, "args": ["-m", "mcp_server_time", "--local-timezone", "UTC"]}
    }
}


@pytest.fixture(scope="module")
def env():
    env = ToolGymEnv(mcp_servers=CONFIG, max_steps=100)
    env.reset(seed=0)
    yield env
    env.close()


@pytest.mark.slow
def test_external_tools_join_the_action_space_and_search(env):
    assert "clock__convert_time" in env.action_space.schemas
    obs, *_ = env.step({"name": "search_tools", "arguments": {"query": "convert time between timezones"}})
    hits = json.loads(obs["result"])["tools"]
    assert "clock__convert_time" in [h["name"] for h in hits]


@pytest.mark.slow
def test_external_call_through_the_env(env):
    obs, _, _, _, info = env.step(
        {
            "name": "clock__convert_time",
            "arguments": json.dumps(
                {"source_timezone": "UTC", "time": "12:00", "target_timezone": "Asia/Tokyo"}
            ),
        }
    )
    assert obs["is_error"] == 0, obs["result"]
    assert "21:00" in obs["result"]
    assert env.world.changed_keys() == []  # external effects are not part of the resettable world


@pytest.mark.slow
def test_a_crashed_external_server_is_reported_then_restarted(env):
    pids = [int(p) for p in os.listdir("/proc") if p.isdigit() and _is_time_server(p)]
    assert pids, "the time server should be running"
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    call = {"name": "clock__get_current_time", "arguments": {"timezone": "UTC"}}
    obs, *_ = env.step(call)
    assert obs["is_error"] == 1 and "crashed" in obs["result"]
    obs, *_ = env.step(call)
    assert obs["is_error"] == 0, obs["result"]
    assert env.external.restarts["clock"] >= 1


def test_external_names_may_not_shadow_apps():
    bad = {"mcpServers": {"mail": CONFIG["mcpServers"]["clock"]}}
    with pytest.raises(ValueError, match="clash"):
        ToolGymEnv(mcp_servers=bad)


def _is_time_server(pid: str) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().replace(b"\0", b" ").decode()
        with open(f"/proc/{pid}/stat") as fh:
            ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
    except OSError:
        return False
    return "mcp_server_time" in cmd and ppid == os.getpid()
