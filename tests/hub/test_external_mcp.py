"""External MCP servers: config parsing; real stdio sessions to ``mcp-server-time`` and a slow fixture."""

from __future__ import annotations

import json
import os
import pickle
import signal
import sys
import time
from pathlib import Path

import mcp_server_time  # noqa: F401  (a dev dependency: missing it fails, never skips)
import pytest

from tests.support import FIXTURES
from toolgym_env.errors import ToolGymError
from toolgym_env.hub.external import (
    ExternalServerConfigError,
    ExternalServerError,
    ExternalServers,
    ServerConfig,
    load_mcp_config,
)

SLOW_SERVER = FIXTURES / "slow_mcp_server.py"
TIME = {"command": sys.executable, "args": ["-m", "mcp_server_time", "--local-timezone", "UTC"]}


def _children(marker: str) -> list[int]:
    """Pids of this process's children whose command line contains ``marker`` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == os.getpid() and marker in cmdline:
            found.append(int(entry))
    return found


@pytest.fixture(scope="module")
def time_servers():
    """One started ``mcp-server-time`` for the read-only tests."""
    with ExternalServers(load_mcp_config({"mcpServers": {"time": TIME}})) as ext:
        yield ext


# -- config ------------------------------------------------------------------------------------------------


def test_load_config_from_dict_and_file(tmp_path):
    data = {
        "mcpServers": {
            "time": TIME,
            "slow-1": {"type": "stdio", "command": "x", "env": {"A": "1"}, "timeout_s": 0.5, "cwd": "/tmp"},
        }
    }
    path = tmp_path / "mcp.json"
    path.write_text(json.dumps(data))
    for source in (data, path, str(path)):
        configs = load_mcp_config(source)
        assert configs["time"] == ServerConfig(command=sys.executable, args=TIME["args"])
        assert configs["time"].timeout_s == 10.0 and configs["time"].env == {}
        assert configs["slow-1"].env == {"A": "1"} and configs["slow-1"].timeout_s == 0.5


@pytest.mark.parametrize(
    ("servers", "message"),
    [
        ({"time": {"command": "x", "args": "--utc"}}, "mcpServers.time.args: Input should be a valid list"),
        ({"time": {"args": []}}, "mcpServers.time: give either 'command' (a local stdio server) or 'url'"),
        ({"time": {"command": "x", "url": "http://127.0.0.1:1/mcp"}}, "mcpServers.time: give either"),
        ({"time": {"url": "ftp://x"}}, "mcpServers.time.url: String should match pattern"),
        (
            {"time": {"url": "http://127.0.0.1:1/mcp", "args": ["-v"]}},
            "'args', 'env' and 'cwd' are for stdio servers",
        ),
        ({"time": {"command": "x", "headers": {"A": "b"}}}, "'headers' are for remote servers"),
        (
            {
                "time": {
                    "url": "http://127.0.0.1:1/mcp",
                    "headers": {"Authorization": "Bearer ${TOOLGYM_UNSET_VAR_X}"},
                }
            },
            "mcpServers.time.headers.Authorization: environment variable TOOLGYM_UNSET_VAR_X is not set",
        ),
        ({"time": {"command": "x", "comand": "y"}}, "mcpServers.time.comand: Extra inputs are not permitted"),
        (
            {"time": {"command": "x", "env": {"A": 1}}},
            "mcpServers.time.env.A: Input should be a valid string",
        ),
        (
            {"time": {"command": "x", "timeout_s": 0}},
            "mcpServers.time.timeout_s: Input should be greater than 0",
        ),
        ({"time": {"command": "x", "type": "http"}}, "mcpServers.time: type 'http' needs 'url'"),
        ({"time": {"command": "x", "type": "ws"}}, "mcpServers.time.type: Input should be 'stdio', 'http'"),
        ({"bad name": {"command": "x"}}, "mcpServers.bad name: server name must match"),
        ([], "mcpServers: expected an object"),
    ],
)
def test_load_config_errors_name_the_field(servers, message):
    with pytest.raises(ExternalServerConfigError) as info:
        load_mcp_config({"mcpServers": servers})
    assert message in str(info.value)
    assert isinstance(info.value, ToolGymError) and isinstance(info.value, ValueError)


def test_load_config_bad_file(tmp_path):
    path = tmp_path / "mcp.json"
    path.write_text("{not json")
    with pytest.raises(ExternalServerConfigError, match="mcp.json: cannot read MCP config"):
        load_mcp_config(path)
    with pytest.raises(ExternalServerConfigError, match="cannot read"):
        load_mcp_config(tmp_path / "missing.json")


# -- a real third-party server ------------------------------------------------------------------------------


@pytest.mark.slow
def test_tools_are_listed_namespaced_and_marked(time_servers):
    tools = {t.qualified_name: t for t in time_servers.tools()}
    assert set(tools) == {"time__get_current_time", "time__convert_time"}
    convert = tools["time__convert_time"]
    assert convert.server == "time" and convert.name == "convert_time"
    assert {"source_timezone", "time", "target_timezone"} <= set(convert.input_schema["properties"])
    record = convert.mcp_record()
    assert record["name"] == "time__convert_time" and record["inputSchema"] == convert.input_schema
    assert record["_meta"] == {"toolgym/external": "time", "toolgym/resettable": False}
    assert record["annotations"].get("readOnlyHint") is True
    assert json.loads(json.dumps(record)) == record


@pytest.mark.slow
def test_real_call_converts_time(time_servers):
    result = time_servers.call(
        "time__convert_time", {"source_timezone": "UTC", "time": "12:00", "target_timezone": "Asia/Tokyo"}
    )
    assert not result.is_error, result.text
    assert result.structured["target"]["datetime"][11:16] == "21:00"
    assert "Asia/Tokyo" in result.text


@pytest.mark.slow
def test_bad_calls_give_error_results(time_servers):
    wrong = time_servers.call("time__convert_time", {"source_timezone": 5})
    assert wrong.is_error and "source_timezone" in wrong.text
    assert time_servers.call("time__nope", {}).is_error
    assert time_servers.call("time__get_current_time", ["UTC"]).is_error  # type: ignore[arg-type]
    zone = time_servers.call("time__get_current_time", {"timezone": "Mars/Olympus"})
    assert zone.is_error
    assert time_servers.restarts == {"time": 0}


@pytest.mark.slow
def test_crash_is_reported_then_recovered():
    before = set(_children("mcp_server_time"))  # the module fixture's server may be running
    with ExternalServers(load_mcp_config({"mcpServers": {"time": TIME}})) as ext:
        (pid,) = set(_children("mcp_server_time")) - before
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.1)
        crashed = ext.call("time__get_current_time", {"timezone": "UTC"})
        assert crashed.is_error and "crashed" in crashed.text and "restarted" in crashed.text
        assert ext.restarts == {"time": 1}
        again = ext.call("time__get_current_time", {"timezone": "UTC"})
        assert not again.is_error, again.text
        assert len(set(_children("mcp_server_time")) - before - {pid}) == 1
    assert set(_children("mcp_server_time")) == before  # closed and reaped: no zombies


@pytest.mark.slow
def test_timeout_restarts_the_server_and_the_next_call_works():
    slow = {"command": sys.executable, "args": [str(SLOW_SERVER)], "timeout_s": 0.5}
    config = {"mcpServers": {"slow": slow}}
    with ExternalServers(load_mcp_config(config)) as ext:
        start = time.perf_counter()
        late = ext.call("slow__sleep", {"seconds": 5})
        assert late.is_error and "timed out after 0.5 s" in late.text and "restarted" in late.text
        assert time.perf_counter() - start < 2
        fast = ext.call("slow__echo", {"text": "hi"})
        assert not fast.is_error and fast.text == "hi"
        assert ext.restarts == {"slow": 1}
    assert _children(SLOW_SERVER.name) == []


def test_unstartable_server_raises_a_clear_error():
    ext = ExternalServers(load_mcp_config({"mcpServers": {"ghost": {"command": "/nonexistent/mcp-server"}}}))
    with pytest.raises(ExternalServerError, match="'ghost' failed to start.*FileNotFoundError"):
        ext.tools()
    ext.close()


@pytest.mark.slow
def test_lazy_start_pickle_and_fork():
    before = _children("mcp_server_time")
    ext = ExternalServers(load_mcp_config({"mcpServers": {"time": TIME}}))
    assert _children("mcp_server_time") == before  # nothing runs until first use
    copy = pickle.loads(pickle.dumps(ext))
    assert copy.configs == ext.configs and copy.restarts == {"time": 0}
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover  (the worker)
        code = 1
        try:
            with ext:
                code = 0 if not ext.call("time__get_current_time", {"timezone": "UTC"}).is_error else 2
        finally:
            os.write(write, bytes([code]))
            os._exit(code)
    os.close(write)
    assert os.read(read, 1) == b"\0"
    os.close(read)
    assert os.waitpid(pid, 0)[1] == 0
