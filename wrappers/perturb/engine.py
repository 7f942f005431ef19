"""The :class:`Perturber`: the env's ``call_hook`` that decides, per call and per step, what to inject.

Its random stream is seeded per episode from the controller's seed, the reset seed (or the episode count)
and the task id, and draws in a fixed order, so the same seed and the same actions give the same
perturbations at the same steps in any process.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from toolgym_env.apps.account import account_kind, is_account_tool
from toolgym_env.envs.meta import SEARCH_TOOLS
from toolgym_env.hub.result import ToolResult
from toolgym_env.judge.episode import app_of, normalize_arguments
from toolgym_env.wrappers.perturb import faults
from toolgym_env.wrappers.perturb.config import CALL_KINDS, PerturbationConfig
from toolgym_env.wrappers.perturb.interrupts import make_interrupt, run_oracle
from toolgym_env.wrappers.perturb.schema_change import changed_schema, plan_change, translate

#: Virtual seconds a refused request (401/429/503/400) takes.
REFUSAL_S = 0.2
_BEFORE = ("timeout", "rate_limit", "unavailable", "schema_change", "session_timeout", "stale_data")


def episode_seed(seed: int, key: Any, task_id: str) -> np.random.Generator:
    """A generator for one episode, the same in every process (no Python ``hash``)."""
    digest = hashlib.sha256(f"{seed}|{key}|{task_id}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


class Perturber:
    """Decides and applies perturbations for one env (installed as ``env.call_hook`` by the controller)."""

    def __init__(self, config: PerturbationConfig, seed: int = 0) -> None:
        self.config = config
        self.seed = seed
        self.episodes = 0
        self._oracle_runs: dict[str, Any] = {}
        self.begin(None, None)

    # --- episode state ------------------------------------------------------------------------------------
    def begin(self, env: Any, reset_seed: int | None) -> None:
        """Start an episode: a fresh random stream and no ongoing outage, limit, expiry or schema change."""
        key = f"s{reset_seed}" if reset_seed is not None else f"e{self.episodes}"
        self.episodes += 1
        self.rng = episode_seed(self.seed, key, env.task.id if env is not None and env.task else "")
        self.calls = 0
        self.interrupts = 0
        self.rate_limited: dict[str, float] = {}
        self.down: dict[str, int] = {}
        self.expired: set[str] = set()
        self.changes: dict[str, Any] = {}
        self._stale = None
        self._stale_as_of = ""

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_stale"] = None  # a database connection does not pickle; stale reads fall back to live ones
        state["_oracle_runs"] = {}
        return state

    # --- the hook ------------------------------------------------------------------------------------------
    def call(self, env: Any, name: str, arguments: Any, execute: Any) -> ToolResult:
        """One tool call through the controller."""
        tool = env.catalog.tools.get(name)
        external = name in getattr(env, "_external_tools", {})
        if (name == SEARCH_TOOLS and not self.config.perturb_search) or (
            name != SEARCH_TOOLS and tool is None and not external
        ):
            return execute(name, arguments)
        self.calls += 1
        app = app_of(name)
        read_only = tool.read_only if tool is not None else name == SEARCH_TOOLS
        account = tool is not None and is_account_tool(name)
        args = normalize_arguments(arguments)

        ongoing = self._ongoing(env, name, app, account)
        if ongoing is not None:
            return ongoing
        if name in self.changes:
            change = self.changes[name]
            args, problem = translate(change, args, env.schema_overrides[name])
            if problem is not None:
                return self._refuse(env, problem, "schema_change", name, new=False, **change.event())
            arguments = args

        fired = [k for k in CALL_KINDS if self._draw(k)]
        for kind in fired:
            if kind in _BEFORE and self._applies_before(env, kind, name, tool, read_only, account):
                return self._before(env, kind, name, app, args, execute)
        if self._stale is None and not read_only and self._wants_stale():
            self._stale, self._stale_as_of = env.world.fork(), env.world.clock.iso()
        result = execute(name, arguments)
        for kind in fired:
            if kind not in _BEFORE and (
                read_only or kind == "response_delay"
            ):  # a write's outcome is never in doubt
                damaged = self._after(env, kind, name, result)
                if damaged is not None:
                    return damaged
        return result

    def after_step(self, env: Any) -> None:
        """Maybe interrupt with a change of constraints (never after the last step)."""
        step = env._steps
        draw = self.rng.random()
        if self.interrupts >= self.config.max_interrupts or env.task is None:
            return
        if not (self.config.fires_at("interrupt", step) or draw < self.config.interrupt):
            return
        oracle = self._oracle_runs.get(env.task.id)
        if oracle is None:
            oracle = self._oracle_runs[env.task.id] = run_oracle(env)
        made = make_interrupt(env, oracle, self.rng)
        if made is not None:
            self.interrupts += 1
            message, constraints, event = made
            env.interrupt(message, constraints, event)

    # --- decisions -----------------------------------------------------------------------------------------
    def _draw(self, kind: str) -> bool:
        draw = self.rng.random()
        return self.config.fires_at(kind, self.calls) or draw < self.config.rate(kind)

    def _wants_stale(self) -> bool:
        return self.config.stale_data > 0 or bool(self.config.stale_data_at)

    def _applies_before(
        self, env: Any, kind: str, name: str, tool: Any, read_only: bool, account: bool
    ) -> bool:
        if kind == "schema_change":
            return tool is not None and not account and name not in self.changes
        if kind == "session_timeout":
            return tool is not None and not account and _refresh_tool(env, tool.app) is not None
        if kind == "stale_data":
            return tool is not None and read_only and self._stale is not None
        return True

    def _ongoing(self, env: Any, name: str, app: str, account: bool) -> ToolResult | None:
        """A refusal caused by an earlier perturbation that still holds (expiry, rate limit, outage)."""
        if app in self.expired:
            refresh = _refresh_tool(env, app)
            if name == refresh:
                self.expired.discard(app)
                return None
            return self._refuse(env, faults.session_error(app, refresh), "session_timeout", name, new=False)
        until = self.rate_limited.get(app)
        if until is not None:
            if env.world.clock.elapsed < until:
                wait = until - env.world.clock.elapsed
                return self._refuse(
                    env,
                    faults.rate_limit_error(app, wait),
                    "rate_limit",
                    name,
                    new=False,
                    retry_after_s=round(wait, 3),
                )
            del self.rate_limited[app]
        if self.down.get(app, 0) > 0:
            self.down[app] -= 1
            return self._refuse(
                env, faults.unavailable_error(app), "unavailable", name, new=False, remaining=self.down[app]
            )
        return None

    def _refuse(
        self,
        env: Any,
        result: ToolResult,
        kind: str,
        name: str,
        new: bool = True,
        seconds: float = REFUSAL_S,
        **params: Any,
    ) -> ToolResult:
        env.world.clock.advance(seconds)
        env.record_perturbation({"kind": kind, "tool": name, "blocked": True, "new": new, **params})
        return result

    def _before(self, env: Any, kind: str, name: str, app: str, args: Any, execute: Any) -> ToolResult:
        cfg, rng = self.config, self.rng
        if kind == "timeout":
            return self._refuse(
                env,
                faults.timeout_error(name, cfg.timeout_s),
                kind,
                name,
                seconds=cfg.timeout_s,
                timeout_s=cfg.timeout_s,
            )
        if kind == "rate_limit":
            wait = round(float(rng.uniform(*cfg.retry_after_s)), 1)
            self.rate_limited[app] = env.world.clock.elapsed + REFUSAL_S + wait
            return self._refuse(env, faults.rate_limit_error(app, wait), kind, name, retry_after_s=wait)
        if kind == "unavailable":
            n = int(rng.integers(cfg.unavailable_calls[0], cfg.unavailable_calls[1] + 1))
            self.down[app] = n - 1
            return self._refuse(env, faults.unavailable_error(app), kind, name, calls=n)
        if kind == "session_timeout":
            self.expired.add(app)
            return self._refuse(env, faults.session_error(app, _refresh_tool(env, app)), kind, name)
        if kind == "schema_change":
            schema = env.tool_schema(name)
            change = plan_change(name, schema, args, rng)
            self.changes[name] = change
            env.schema_overrides[name] = new_schema = changed_schema(schema, change)
            _, problem = translate(change, args, new_schema)
            if problem is None:  # the call happens to fit the new shape already: tell the agent anyway
                from toolgym_env.wrappers.perturb.schema_change import schema_error

                problem = schema_error(change, new_schema)
            return self._refuse(env, problem, kind, name, **change.event())
        # stale_data: answer the read from the world as it was before the agent's first change -- only when
        # that answer differs from the live one (otherwise a stale cache is indistinguishable from a fresh
        # one)
        self._stale.clock.reset(env.world.clock.now())
        stale = env.universe.route(self._stale).call(name, args)
        live = execute(name, args)
        if stale.text == live.text:
            return live
        env.record_perturbation(
            {"kind": kind, "tool": name, "degraded": True, "new": True, "as_of": self._stale_as_of}
        )
        return faults.mark_stale(stale, self._stale_as_of)

    def _after(self, env: Any, kind: str, name: str, result: ToolResult) -> ToolResult | None:
        cfg, rng = self.config, self.rng
        if kind == "partial_failure" and faults.can_partial(result):
            damaged, params = faults.partial_failure(result, rng, cfg.partial_keep)
        elif kind == "data_corruption" and faults.can_corrupt(result):
            damaged, params = faults.corrupt(result, rng)
        elif kind == "truncation" and faults.can_truncate(result):
            damaged, params = faults.truncate(result, rng, cfg.truncate_keep)
        elif kind == "response_delay":
            delay = round(float(rng.uniform(*cfg.delay_s)), 1)
            env.world.clock.advance(delay)
            env.record_perturbation({"kind": kind, "tool": name, "new": True, "delay_s": delay})
            return result
        else:
            return None
        env.record_perturbation({"kind": kind, "tool": name, "degraded": True, "new": True, **params})
        return damaged


_REFRESH: dict[tuple[int, str], str | None] = {}


def _refresh_tool(env: Any, app: str) -> str | None:
    """The app's ``refresh_session`` tool under its product's naming convention (``None`` if it has none)."""
    key = (id(env.catalog), app)
    if key not in _REFRESH:
        prefix = app + "__"
        _REFRESH[key] = next(
            (
                n
                for n in sorted(env.catalog.tools)
                if n.startswith(prefix) and account_kind(n) == "refresh_session"
            ),
            None,
        )
    return _REFRESH[key]
