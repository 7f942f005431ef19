"""External tools keep the built-in contract, against real servers: the PyPI ``mcp-server-time``, the fixture
server with every content type (stdio, and Streamable HTTP and SSE on loopback), and the npm reference server
``server-everything`` when node and the package are installed."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from toolgym_env.envs import ToolGymEnv
from toolgym_env.hub.external import ExternalServers, load_mcp_config
from toolgym_env.hub.result import MAX_RESULT_CHARS, TRUNCATION_MARKER
from toolgym_env.universe import Universe

RICH = Path(__file__).parent / "fixtures" / "rich_mcp_server.py"
TIME = {"command": sys.executable, "args": ["-m", "mcp_server_time", "--local-timezone", "UTC"]}
NPM_BIN = Path.home() / ".cache" / "toolgym_env" / "npm" / "node_modules" / ".bin"


def npm_server(name: str) -> str | None:
    """The installed launcher of an npm reference server (``npm install --prefix ~/.cache/toolgym_env/npm
    @modelcontextprotocol/server-everything``), or ``None``."""
    if shutil.which("node") is None:
        return None
    found = NPM_BIN / name
    return str(found) if found.exists() else shutil.which(name)


@pytest.fixture(autouse=True)
def _logs_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def servers():
    """``time`` (mcp-server-time) and ``rich`` (the fixture, over the 2025 handshake, with a root)."""
    config = {
        "mcpServers": {
            "time": TIME,
            "rich": {
                "command": sys.executable,
                "args": [str(RICH)],
                "protocol": "legacy",
                "roots": [str(RICH.parent)],
                "keep_media": True,
            },
            "off": {"command": "/nonexistent/never-started", "disabled": True},
        }
    }
    with ExternalServers(load_mcp_config(config), errlog=open("/dev/null", "w")) as ext:
        yield ext


# -- arguments are checked before anything is sent -----------------------------------------------------------

BAD_TIME_CALLS = [
    (
        {},
        (
            "Invalid arguments for time__convert_time: source_timezone: Field required; "
            "time: Field required; target_timezone: Field required"
        ),
    ),
    (
        {"source_timezone": 5, "time": "12:00", "target_timezone": "UTC"},
        "source_timezone: Input should be a valid string",
    ),
    (
        {"source_timezone": "UTC", "time": "12:00", "target_timezone": "UTC", "extra": 1},
        "extra: Extra inputs are not permitted",
    ),
    ({"source_timezone": "UTC", "time": "x" * 300_000, "target_timezone": "UTC"}, "Arguments too large"),
    ({"source_timezone": "UTC", "time": "x" * 1_000_000, "target_timezone": "UTC"}, "Arguments too large"),
    ({"source_timezone": float("nan"), "time": "12:00", "target_timezone": "UTC"}, "not JSON-serializable"),
]


@pytest.fixture
def sent(monkeypatch):
    """The names of the tools the MCP client really sent a call for, during the test."""
    from mcp import Client

    names: list[str] = []
    real = Client.call_tool

    async def counting(self, name, *args, **kwargs):
        names.append(name)
        return await real(self, name, *args, **kwargs)

    monkeypatch.setattr(Client, "call_tool", counting)
    return names


@pytest.mark.slow
@pytest.mark.parametrize(("arguments", "message"), BAD_TIME_CALLS)
def test_invalid_arguments_are_refused_before_sending(servers, sent, arguments, message):
    result = servers.call("time__convert_time", arguments)
    assert result.is_error and message in result.text
    assert sent == []  # nothing reached the server
    assert not servers.call("time__get_current_time", {"timezone": "UTC"}).is_error
    assert sent == ["get_current_time"]  # (the count does see real calls)


@pytest.mark.slow
def test_external_messages_read_like_built_in_ones(servers):
    built_in = (
        Universe.core().route(Universe.core().build_world(0)).call("weather__get_current_weather", {"x": 1})
    )
    external = servers.call("rich__forecast", {"units": "kelvin", "days": 9, "x": 1})
    assert built_in.text.startswith("Invalid arguments for weather__get_current_weather: ")
    assert "x: Extra inputs are not permitted" in built_in.text and "Expected: " in built_in.text
    assert external.text == (
        "Invalid arguments for rich__forecast: city: Field required; units: Input should be "
        "'metric' or 'imperial'; days: Input should be less than or equal to 7; x: Extra inputs "
        "are not permitted. Expected: city (string, required), units (string), days (integer), "
        "start (string)."
    )
    assert (
        "start: Input should be a valid date"
        in servers.call("rich__forecast", {"city": "Oslo", "start": "tomorrow"}).text
    )
    assert not servers.call("rich__forecast", {"city": "Oslo", "start": "2026-01-31"}).is_error


@pytest.mark.slow
def test_a_valid_call_reaches_the_real_server(servers):
    result = servers.call(
        "time__convert_time",
        json.dumps({"source_timezone": "UTC", "time": "12:00", "target_timezone": "Asia/Tokyo"}),
    )
    assert not result.is_error and result.structured["target"]["datetime"][11:16] == "21:00"


# -- every content type --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_image_audio_and_resources_are_mapped(servers):
    picture = servers.call("rich__picture")
    assert picture.text == "Here is the logo:\n[image: image/png, 66 bytes]\n(1x1 pixels)"
    (image,) = picture.media
    assert image["type"] == "image" and image["mimeType"] == "image/png" and image["bytes"] == 66
    assert image["data"].startswith("iVBORw0KGgo")  # kept: keep_media is set for this server
    assert servers.call("rich__clip").text == "[audio: audio/wav, 44 bytes]"
    doc = servers.call("rich__document").text.split("\n")
    assert doc == [
        "[resource file:///notes/readme.txt (text/plain)]",
        "Read me first.",
        "[resource file:///notes/logo.png: image/png, 66 bytes]",
        "[resource link: big.csv <file:///notes/big.csv> (text/csv): All the rows]",
    ]


@pytest.mark.slow
def test_long_results_are_capped_with_the_built_in_marker(servers):
    result = servers.call("rich__big", {"n": 2_000_000})
    assert len(result.text) == MAX_RESULT_CHARS + len(TRUNCATION_MARKER)
    assert result.text.endswith(TRUNCATION_MARKER)


@pytest.mark.slow
def test_structured_content_is_checked_against_the_output_schema(servers):
    assert servers.call("rich__counter").structured == {"n": 3}
    broken = servers.call("rich__broken_counter")
    assert broken.is_error and "Invalid structured content" in broken.text and "\n" not in broken.text


# -- capabilities --------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_roots_are_answered_and_sampling_declined(servers):
    assert servers.call("rich__roots").text == RICH.parent.resolve().as_uri()
    declined = servers.call("rich__ask_model")
    assert declined.is_error and "Sampling not supported" in declined.text


@pytest.mark.slow
def test_task_only_tools_are_left_out_and_reported(servers):
    names = {t.qualified_name for t in servers.tools()}
    assert "rich__deep_research" not in names and "rich__picture" in names
    assert "MCP tasks" in servers.skipped["rich__deep_research"]
    assert "not available" in servers.call("rich__deep_research").text
    report = servers.report()
    assert "off: disabled" in report and "left out rich__deep_research" in report and "sampling" in report
    assert servers.servers == ("time", "rich")


# -- the env -------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_env_refuses_bad_calls_and_maps_media(tmp_path):
    config = {"mcpServers": {"rich": {"command": sys.executable, "args": [str(RICH)], "keep_media": True}}}
    env = ToolGymEnv(suite="core", universe="core", mcp_servers=config)
    try:
        env.reset(seed=0)
        obs, _, _, _, info = env.step({"name": "rich__picture", "arguments": {}})
        assert obs["is_error"] == 0 and "[image: image/png, 66 bytes]" in obs["result"]
        assert info["media"][0]["mimeType"] == "image/png" and info["media"][0]["data"]
        obs, *_ = env.step({"name": "rich__forecast", "arguments": {"city": 3}})
        assert obs["is_error"] == 1 and obs["result"].startswith(
            "Invalid arguments for rich__forecast: city:"
        )
        t0 = time.perf_counter()
        obs, *_ = env.step({"name": "rich__forcast", "arguments": {}})
        assert obs["is_error"] == 1 and "Did you mean: rich__forecast" in obs["result"]
        assert time.perf_counter() - t0 < 0.1  # suggested among the server's tools, not the whole catalog
        obs, *_ = env.step({"name": "rich__big", "arguments": {"n": 2_000_000}})
        assert env.trajectory[-1]["result"].endswith(TRUNCATION_MARKER)
        assert len(env.trajectory[-1]["result"]) == MAX_RESULT_CHARS + len(TRUNCATION_MARKER)
        for _ in range(20):  # sampled calls are schema-valid, so none is refused by the check
            call = env.action_space.sample(mask=["rich__forecast"])
            obs, *_ = env.step(call)
            assert obs["is_error"] == 0, (call, obs["result"])
    finally:
        env.close()


# -- remote servers on loopback ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def remote(request):
    """The fixture server over HTTP (``"http"``, token ``s3cret``) or SSE on a free loopback port."""
    kind = request.param
    port = _free_port()
    args = [sys.executable, str(RICH), kind, str(port)] + (["s3cret"] if kind == "http" else [])
    proc = subprocess.Popen(args, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        yield kind, port
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.slow
@pytest.mark.parametrize("remote", ["http", "sse"], indirect=True)
def test_url_servers_on_loopback(remote, monkeypatch):
    kind, port = remote
    monkeypatch.setenv("RICH_TOKEN", "s3cret")
    entry = (
        {"url": f"http://127.0.0.1:{port}/mcp", "headers": {"Authorization": "Bearer ${RICH_TOKEN}"}}
        if kind == "http"
        else {"type": "sse", "url": f"http://127.0.0.1:{port}/sse"}
    )
    with ExternalServers(load_mcp_config({"mcpServers": {"remote": entry}})) as ext:
        assert "remote__picture" in {t.qualified_name for t in ext.tools()}
        assert ext.call("remote__picture").text.split("\n")[1] == "[image: image/png, 66 bytes]"
        assert ext.call("remote__echo", {"text": "über"}).text == "über"
        assert ext.call("remote__forecast", {"city": 3}).text.startswith(
            "Invalid arguments for remote__forecast"
        )


@pytest.mark.slow
@pytest.mark.parametrize("remote", ["http"], indirect=True)
def test_a_url_server_refusing_the_headers_fails_to_start(remote):
    _, port = remote
    ext = ExternalServers(
        load_mcp_config({"mcpServers": {"remote": {"url": f"http://127.0.0.1:{port}/mcp"}}})
    )
    with pytest.raises(Exception, match="'remote' failed to start"):
        ext.start()
    ext.close()


# -- an npm reference server ---------------------------------------------------------------------------------

EVERYTHING = npm_server("mcp-server-everything")


@pytest.mark.slow
@pytest.mark.skipif(
    EVERYTHING is None,
    reason="node or @modelcontextprotocol/server-everything not installed "
    f"(npm install --prefix {NPM_BIN.parent.parent} @modelcontextprotocol/server-everything)",
)
def test_npm_server_everything():
    config = {"mcpServers": {"everything": {"command": EVERYTHING, "args": ["stdio"]}}}
    with ExternalServers(load_mcp_config(config)) as ext:
        names = {t.qualified_name for t in ext.tools()}
        assert {"everything__echo", "everything__get-tiny-image", "everything__get-sum"} <= names
        assert "everything__simulate-research-query" in ext.skipped  # task-only: left out, reported
        image = ext.call("everything__get-tiny-image")
        assert not image.is_error and "[image: image/png, " in image.text and image.media[0]["bytes"] > 0
        refused = ext.call("everything__get-sum", {"a": "1", "b": 2})
        assert refused.is_error and refused.text.startswith(
            "Invalid arguments for everything__get-sum: a: Input should be a valid number"
        )
        assert "is 3" in ext.call("everything__get-sum", {"a": 1, "b": 2}).text
        links = ext.call("everything__get-resource-links", {"count": 2}).text
        assert links.count("[resource link: ") == 2
