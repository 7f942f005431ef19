"""Smoke test of an installed wheel: run it with the venv's python, from a directory outside the checkout.

It checks what a user gets from ``pip install toolgym-env`` (core dependencies, no extras): the package is
imported from site-packages (not from a checkout); every registered ``ToolGym-*`` id makes, resets and steps;
the oracle scores 1.0 on ``ToolGym-v0`` and ``ToolGym-MCP-v0``; the shipped data loads (suites, prompts,
report assets); and ``toolgym serve mail`` answers an MCP ``initialize`` over stdio and lists and calls its
tools.

    python .ci/wheel_smoke.py CHECKOUT_DIR

Exits non-zero with the failing check's message on the first failure.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import anyio
import gymnasium as gym
from mcp import Client, StdioServerParameters

import toolgym_env

CHECKOUT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else None
ORACLE_IDS = ("ToolGym-v0", "ToolGym-MCP-v0")


def check(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"wheel smoke FAILED: {message}")


def step(message: str, started: float) -> None:
    print(f"  ok  {message} ({time.perf_counter() - started:.1f} s)", flush=True)


def installed_from_site_packages() -> None:
    started = time.perf_counter()
    where = Path(toolgym_env.__file__).resolve()
    check("site-packages" in where.parts, f"toolgym_env imported from {where}, not from site-packages")
    if CHECKOUT is not None:
        check(not where.is_relative_to(CHECKOUT), f"toolgym_env imported from the checkout ({where})")
        check(not Path.cwd().resolve().is_relative_to(CHECKOUT), "run this from outside the checkout")
    for top in ("envs", "wrappers", "tasks"):  # mapped into toolgym_env, never top-level packages
        check(not (where.parent.parent / top).exists(), f"the wheel installed a top-level '{top}' package")
    step(f"toolgym_env {toolgym_env.__version__} from {where.parent}", started)


def shipped_data() -> None:
    started = time.perf_counter()
    from importlib import resources

    from toolgym_env.tasks import load_suite

    sizes = {name: len(load_suite(name)) for name in ("core", "test", "train")}
    check(all(sizes.values()), f"an empty suite: {sizes}")
    data = {
        "toolgym_env": ["py.typed"],
        "toolgym_env.report": ["assets/report.html", "assets/report.css"],
        "toolgym_env.agents": ["prompts/react.md"],
        "toolgym_env.judge": ["prompts/rubric.md"],
        "toolgym_env.wrappers": ["prompts/chat_system.md"],
        "toolgym_env.tasks": ["prompts/paraphrase.md"],
    }
    for package, names in data.items():
        for name in names:
            check(resources.files(package).joinpath(name).is_file(), f"{package}: {name} not shipped")
    step(f"suites load {sizes}; prompts, report assets, py.typed shipped", started)


def registered_ids() -> None:
    ids = sorted(i for i, spec in gym.registry.items() if str(spec.entry_point).startswith("toolgym_env"))
    check(set(ids) >= {"ToolGym-v0", "ToolGym-MCP-v0", "ToolGym-Discrete-v0"}, f"registered ids: {ids}")
    for env_id in ids:
        started = time.perf_counter()
        env = gym.make(env_id)
        obs, _ = env.reset(seed=0)
        check(env.observation_space.contains(obs), f"{env_id}: reset's observation is outside the space")
        obs, *_ = env.step(env.action_space.sample())
        check(env.observation_space.contains(obs), f"{env_id}: step's observation is outside the space")
        env.close()
        step(f"gym.make({env_id!r}): reset, step", started)


def oracle_episodes() -> None:
    from toolgym_env.agents import OracleAgent, run_episode

    for env_id in ORACLE_IDS:
        started = time.perf_counter()
        env = gym.make(env_id)
        result = run_episode(env, OracleAgent(), seed=0)
        env.close()
        check(result.reward == 1.0 and result.success, f"{env_id}: oracle reward {result.reward}, not 1.0")
        step(f"{env_id}: oracle episode reward {result.reward} in {result.steps} steps", started)


def serve_mail_over_stdio() -> None:
    started = time.perf_counter()
    exe = Path(sys.executable).parent / "toolgym"
    check(exe.exists(), f"no console script at {exe}")
    params = StdioServerParameters(command=str(exe), args=["serve", "mail"])

    async def main():
        with anyio.fail_after(120):
            async with Client(params, mode="legacy") as client:  # legacy: the initialize handshake
                info = client.server_info
                tools = {t.name for t in (await client.list_tools()).tools}
                sent = await client.call_tool(
                    "send_email", {"to": ["ann@example.com"], "subject": "Hi", "body": "Hello"}
                )
                return info, tools, sent

    info, tools, sent = anyio.run(main)
    check(info is not None and info.name == "mail", f"initialize answered with server info {info}")
    check({"send_email", "search_messages"} <= tools, f"mail lists {sorted(tools)}")
    check(not sent.is_error, f"send_email failed: {sent.content}")
    step(f"toolgym serve mail: initialize -> {info.name}, {len(tools)} tools, send_email ok", started)


if __name__ == "__main__":
    print(f"wheel smoke: Python {sys.version.split()[0]}, cwd {os.getcwd()}", flush=True)
    installed_from_site_packages()
    shipped_data()
    registered_ids()
    oracle_episodes()
    serve_mail_over_stdio()
    print("wheel smoke: all checks passed", flush=True)
