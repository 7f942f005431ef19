"""The OpenEnv server and client over loopback: openenv-core's ``create_app``/``HTTPEnvServer`` on one side,
its ``EnvClient`` (``ToolGymClient``) on the other, real WebSockets on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("openenv", reason="the openenv extra")
import uvicorn

from toolgym_env.agents.oracle import OracleAgent
from toolgym_env.errors import EnvServerError, InvalidArgumentError, ServerCapacityError
from toolgym_env.integrations import make_stack
from toolgym_env.integrations.openenv_client import ToolGymClient
from toolgym_env.integrations.openenv_models import ToolGymAction
from toolgym_env.integrations.openenv_server import create_server_app
from toolgym_env.tasks import load_suite

OBS_FIELDS = ("instruction", "tool", "result", "is_error", "step", "time", "message")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """An openenv-core app served by uvicorn in a thread of this process, on a free loopback port."""

    def __init__(self, max_sessions: int, **defaults):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app = create_server_app(defaults, max_sessions=max_sessions)
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="critical")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:  # noqa: PYI034
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server():
    with Server(max_sessions=8, suite="core") as s:
        yield s


def oracle_actions(task, observations):
    """The oracle's next action given the observations so far (results are read to fill ``$ref`` args)."""
    agent = OracleAgent()
    agent.task, agent.results, agent.cursor = task, [], 0
    action = None
    for obs in observations:
        action = agent.act(obs, {})
    return action


def in_process(config, task_id, seed, n_steps):
    """The reference: the same stack in this process, driven by the oracle; (obs, reward, done) per step."""
    env = make_stack(config)
    obs, _ = env.reset(seed=seed, options={"task_id": task_id})
    task, seen, out = env.unwrapped.task, [obs], []
    for _ in range(n_steps):
        obs, reward, terminated, truncated, info = env.step(oracle_actions(task, seen))
        seen.append(obs)
        out.append(({k: obs[k] for k in OBS_FIELDS}, reward, terminated or truncated, info.get("judge")))
        if terminated or truncated:
            break
    env.close()
    return out


async def over_the_wire(client, task_id, seed, n_steps, pause=0.0):
    result = await client.reset(task_id=task_id, seed=seed)
    task = next(t for t in load_suite("core") if t.id == task_id)
    seen, out = [result.observation.model_dump()], []
    for _ in range(n_steps):
        result = await client.step(ToolGymAction(**oracle_actions(task, seen)))
        obs = result.observation.model_dump()
        seen.append(obs)
        out.append(({k: obs[k] for k in OBS_FIELDS}, result.reward, result.done, obs["judge"]))
        if result.done:
            break
        await asyncio.sleep(pause)  # lets the other sessions' steps interleave with this one's
    return out


def as_plain(steps):
    return [
        ({**obs, "is_error": int(obs["is_error"])}, reward, done, judge) for obs, reward, done, judge in steps
    ]


def test_an_episode_over_the_wire_equals_the_in_process_one(server):
    config = {"suite": "core", "profile": "light", "seed": 7}
    task_id = load_suite("core")[2].id

    async def run():
        async with ToolGymClient(server.url, config=config) as client:
            return await over_the_wire(client, task_id, seed=11, n_steps=40)

    wire = asyncio.run(run())
    assert as_plain(wire) == as_plain(in_process(config, task_id, seed=11, n_steps=40))
    assert wire[-1][2] and wire[-1][3] is not None  # ended, with the judge's verdict


def test_concurrent_sessions_are_isolated_and_deterministic(server):
    """Six sessions at once, two of them on the same task (their writes must not meet), steps interleaved."""
    tasks = load_suite("core")
    jobs = [
        (tasks[0].id, 1),
        (tasks[0].id, 1),
        (tasks[5].id, 2),
        (tasks[9].id, 3),
        (tasks[14].id, 4),
        (tasks[20].id, 5),
    ]

    async def run():
        clients = [
            ToolGymClient(server.url, config={"suite": "core", "profile": "moderate", "seed": 3})
            for _ in jobs
        ]
        try:
            return await asyncio.gather(
                *(over_the_wire(c, t, s, 40, pause=0.001) for c, (t, s) in zip(clients, jobs, strict=True))
            )
        finally:
            await asyncio.gather(*(c.close() for c in clients))

    results = asyncio.run(run())
    for (task_id, seed), wire in zip(jobs, results, strict=True):
        assert as_plain(wire) == as_plain(
            in_process({"suite": "core", "profile": "moderate", "seed": 3}, task_id, seed, 40)
        )
    assert results[0] == results[1]
    assert sum(steps[-1][1] for steps in results) > 0  # some oracle episodes scored under the perturbations


def test_a_bad_action_is_an_error_observation(server):
    async def run():
        async with ToolGymClient(server.url) as client:
            await client.reset(task_index=0)
            bad = [
                await client.step({"name": "no_such_tool", "arguments": {}}),
                await client.step({"name": "mail__send_email", "arguments": "{not json"}),
                await client.step({"name": "mail__send_email", "arguments": {"to": 5}}),
                await client.step({"name": "search_tools", "arguments": {"query": ""}}),
            ]
            last = await client.step({"name": "final_answer", "arguments": {"answer": "none"}})
            state = await client.state()
            return bad, last, state

    bad, last, state = asyncio.run(run())
    assert all(r.observation.is_error and not r.done and r.reward == 0.0 for r in bad)
    assert "Unknown tool" in bad[0].observation.result and "JSON" in bad[1].observation.result
    assert last.done and last.observation.judge["success"] is False
    assert state.step_count == 5 and state.done and state.config["suite"] == "core"


def test_a_session_keeps_its_stack_and_rejects_unknown_fields(server):
    async def run():
        async with ToolGymClient(server.url, config={"suite": "core"}) as client:
            await client.reset(task_index=0)
            await client.reset(task_index=1)  # the same config again is fine
            with pytest.raises(EnvServerError, match="keeps the stack"):
                await client.reset(config={"suite": "core", "profile": "heavy"})
            with pytest.raises(EnvServerError, match="unknown reset field"):
                await client.reset(profle="heavy")

    asyncio.run(run())
    with pytest.raises(
        InvalidArgumentError, match="unknown perturbation profile"
    ):  # fails here, before a session
        ToolGymClient(server.url, config={"suite": "core", "profile": "nope"})


def test_over_capacity_is_a_clear_error_and_a_dropped_client_frees_its_session():
    with Server(max_sessions=1, suite="core") as server:

        async def run():
            first = ToolGymClient(server.url)
            await first.reset(task_index=0)
            with pytest.raises(ServerCapacityError, match="1/1 sessions"):
                await ToolGymClient(server.url).reset(task_index=0)
            first._ws.transport.abort()  # the client process dies: no close message, the TCP connection drops
            deadline = time.monotonic() + 10
            while True:
                try:
                    async with ToolGymClient(server.url) as second:
                        return await second.reset(task_index=1)
                except ServerCapacityError:
                    assert time.monotonic() < deadline, "the dropped session was never freed"
                    await asyncio.sleep(0.05)

        result = asyncio.run(run())
        assert result.observation.task_id == load_suite("core")[1].id


@pytest.mark.slow
def test_toolgym_serve_env_serves_sessions(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "toolgym_env.cli",
            "serve-env",
            "--port",
            str(port),
            "--max-sessions",
            "2",
            "--suite",
            "core",
            "--profile",
            "first_non_search",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ},
    )
    try:

        async def run():
            deadline = time.monotonic() + 60
            while True:
                try:
                    async with ToolGymClient(f"http://127.0.0.1:{port}") as client:
                        await client.reset(task_index=0)
                        return await client.step({"name": "mail__list_messages", "arguments": {}})
                except ConnectionError:
                    assert time.monotonic() < deadline and proc.poll() is None, "serve-env did not come up"
                    await asyncio.sleep(0.2)

        result = asyncio.run(run())
        assert result.observation.result.startswith("Error 503") and result.observation.perturbations
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_the_sessions_benchmark_measures_memory_and_throughput():
    from toolgym_env.bench.sessions import session_figures

    result = session_figures((1, 3), seconds=0.5, suite="core")
    one, three = result["counts"]
    assert (one["sessions"], three["sessions"]) == (1, 3) and one["steps"] > 0 and three["steps_per_s"] > 0
    assert three["server_rss_mb"] >= result["server_rss_idle_mb"] and "rss_mb_per_added_session" in three
