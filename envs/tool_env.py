"""``ToolGymEnv``: one task per episode, tool calls as actions, tool results as observations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces
from pydantic import ValidationError

from toolgym_env import DEFAULT_MAX_STEPS
from toolgym_env.envs.actions import parse_call
from toolgym_env.envs.meta import (
    FINAL_ANSWER,
    META_SCHEMAS,
    SEARCH_TOOLS,
    WAIT,
    AnswerArgs,
    SearchArgs,
    WaitArgs,
    search_result,
)
from toolgym_env.envs.spaces import AnyText, ToolCallSpace
from toolgym_env.errors import (
    EnvClosedError,
    ExternalServerConfigError,
    InvalidArgumentError,
    TaskFileError,
    UnknownArgumentError,
    UnknownTaskError,
)
from toolgym_env.hub.dispatch import encode_arguments
from toolgym_env.hub.lexical import BM25Index
from toolgym_env.hub.result import MAX_RESULT_CHARS, ToolResult
from toolgym_env.judge.episode import Episode
from toolgym_env.tasks import Task, TaskLines, suite_tasks
from toolgym_env.tasks.constraints import CONSTRAINT_LIST
from toolgym_env.universe import Universe
from toolgym_env.world.diff import WorldDiff, diff_world

#: The bound of the ``step`` observation when the env has no step limit of its own (``max_steps=None``).
UNLIMITED_STEPS = 2**31 - 2
RESET_OPTIONS = ("task", "task_id", "task_index")
MAX_INSTRUCTION_CHARS = 8_000
MAX_MESSAGE_CHARS = 2_000
MAX_OBS_RESULT_CHARS = MAX_RESULT_CHARS + 100
SEARCH_LATENCY_S = 0.5


class ToolGymEnv(gym.Env[dict, dict]):
    """Solve a multi-step task by calling simulated app tools.

    ## Description
    Each episode is one task from a suite: a request from a user (``instruction``) to be carried out in a
    world of apps (mail, calendar, bank, shop, travel, ...). The agent finds tools with ``search_tools``,
    calls them, and ends with ``final_answer``. The world is an in-memory SQLite database restored from a
    snapshot at every reset; time is a virtual clock.

    ## Action Space
    :class:`ToolCallSpace`: ``{"name": tool, "arguments": dict or JSON string}`` (or that object as a JSON
    string). Meta tools: ``search_tools(query, top_k)``, ``wait(seconds)`` (virtual time passes, e.g. to
    honour a rate limit's retry-after) and ``final_answer(answer)``. Malformed actions are not errors: they
    return an observation whose ``is_error`` is 1 and whose ``result`` says what was wrong.

    ## Observation Space
    ``Dict``: ``instruction`` (text), ``tool`` (last tool called), ``result`` (its result text, JSON for
    successful calls), ``is_error`` (0/1), ``step`` (steps taken), ``time`` (virtual clock, ISO-8601),
    ``message`` (a message from the user that arrived with this observation, e.g. an interruption that changes
    the constraints; empty otherwise).

    ## Rewards
    The raw env always returns 0; the :class:`~toolgym_env.wrappers.JudgeReward` wrapper (on by default in
    ``ToolGym-v0``) gives the constraint-aware judge's reward at the end of the episode: 0 unless the goal
    (world changes and answer facts) is reached and every hard constraint holds, then 1.0 scaled down by
    failed soft constraints (see :mod:`toolgym_env.judge.verdict`). ``self.constraints`` holds the constraints
    in force (wrappers change them mid-episode with :meth:`interrupt`); ``episode()`` is what the judge reads.

    ## Perturbation hook
    ``call_hook`` (``None`` by default) is the one place where a wrapper such as
    :class:`~toolgym_env.wrappers.StateController` sits between the agent and the tools: every tool call (and
    ``search_tools``) goes through ``call_hook.call(env, name, arguments, execute)``, which may run
    ``execute(name, arguments)`` or not, and may change what comes back; ``call_hook.after_step(env)`` runs
    before each non-final observation is built. Injected events (:meth:`record_perturbation`) are kept in the
    trajectory step and in ``info["perturbations"]``, so wrapper order never changes what the agent sees.

    ## Termination and Truncation
    Terminates on ``final_answer``; truncates after ``max_steps`` steps (``None``: never). Through
    ``gym.make`` the limit is the spec's ``max_episode_steps`` (40, or ``gym.make(id, max_episode_steps=N)``):
    the ``TimeLimit`` that ``gym.make`` adds and the env truncate on the same step, and the judge sits above
    both, so every truncation is judged (see :mod:`toolgym_env.envs`).

    ## Closing
    :meth:`close` releases the world database, the MCP session, external servers and per-env caches; any later
    ``reset``, ``step``, ``render`` or ``episode`` raises :class:`~toolgym_env.errors.EnvClosedError`.

    ## Registered Configurations
    ``ToolGym-v0`` (direct route, judge reward), ``ToolGym-MCP-v0`` (every call through a real in-memory
    MCP session).
    """

    metadata = {"render_modes": ["ansi"], "render_fps": 4}

    def __init__(
        self,
        suite: str = "test",
        tasks: list[Task] | None = None,
        split: str | None = None,
        max_steps: int | None = DEFAULT_MAX_STEPS,
        route: str = "direct",
        render_mode: str | None = None,
        universe: str = "full",
        mcp_servers: str | dict[str, Any] | None = None,
        retrieval: str = "lexical",
    ) -> None:
        self._closed = False
        if route not in ("direct", "mcp"):
            raise InvalidArgumentError(f"route must be 'direct' or 'mcp', got {route!r}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise InvalidArgumentError(
                f"render_mode must be one of {self.metadata['render_modes']}, got {render_mode!r}"
            )
        if universe not in ("full", "core"):
            raise InvalidArgumentError(f"universe must be 'full' or 'core', got {universe!r}")
        if retrieval not in ("lexical", "embedding", "hybrid", "auto"):
            raise InvalidArgumentError(
                f"retrieval must be 'lexical', 'embedding', 'hybrid' or 'auto', got {retrieval!r}"
            )
        _check_max_steps(max_steps)
        self.retrieval = retrieval
        self._init_kwargs = {
            "suite": suite,
            "tasks": tasks,
            "split": split,
            "max_steps": max_steps,
            "route": route,
            "render_mode": render_mode,
            "universe": universe,
            "mcp_servers": mcp_servers,
            "retrieval": retrieval,
        }
        #: The tasks episodes are drawn from: a list of :class:`Task` when ``tasks`` is given, otherwise the
        #: suite's :class:`~toolgym_env.tasks.TaskLines` (a sequence that parses a task when it is asked for).
        self.tasks: Sequence[Task]
        all_tasks = list(tasks) if tasks is not None else suite_tasks(suite)
        if isinstance(all_tasks, TaskLines):
            self.tasks = all_tasks.select(split)
        else:
            self.tasks = [t for t in all_tasks if split is None or t.split == split]
        if not self.tasks:
            raise InvalidArgumentError(f"no tasks (suite={suite!r}, split={split!r})")
        self.max_steps = max_steps
        self.render_mode = render_mode
        self.route_kind = route
        self.universe = Universe.full() if universe == "full" else Universe.core()
        self.catalog = self.universe.catalog
        self.world = self.universe.build_world(self.tasks[0].world.seed)
        self._route: Any = None
        self._index: Any = None
        self._task_snapshots: dict[str, bytes] = {}
        self._latencies: dict[str, float] = {}  # virtual seconds of each tool called so far

        self.external: Any = None
        self._external_tools: dict[str, Any] = {}
        if mcp_servers:
            self._connect_external(mcp_servers)
        schemas = {
            **{r["name"]: r["inputSchema"] for r in self.catalog.summaries()},
            **{n: t.input_schema for n, t in self._external_tools.items()},
            **META_SCHEMAS,
        }
        self.action_space = ToolCallSpace(schemas)
        self.observation_space = spaces.Dict(
            {
                "instruction": AnyText(MAX_INSTRUCTION_CHARS),
                "tool": AnyText(200),
                "result": AnyText(MAX_OBS_RESULT_CHARS),
                "is_error": spaces.Discrete(2),
                "step": spaces.Discrete((UNLIMITED_STEPS if max_steps is None else max_steps) + 1),
                "time": AnyText(32),
                "message": AnyText(MAX_MESSAGE_CHARS),
            }
        )
        self.task: Task | None = None
        self.constraints: list[Any] = []
        self.constraint_since: list[int] = []
        self.schema_overrides: dict[str, dict[str, Any]] = {}
        self.call_hook: Any = None
        self._events: list[dict[str, Any]] = []
        self._executed: Any = None
        self._message = ""
        self.final_answer: str | None = None
        self.trajectory: list[dict[str, Any]] = []
        self._steps = 0
        self._done = True
        self._last: dict[str, Any] = {}
        #: The judge's verdict of the episode, once :class:`~toolgym_env.wrappers.JudgeReward` gave it
        #: (``render`` shows it); ``None`` during an episode and without a judge.
        self.verdict: Any = None

    def set_max_steps(self, max_steps: int | None) -> None:
        """Change the step limit (``None``: none), e.g. to the ``max_episode_steps`` of the ``TimeLimit`` that
        ``gym.make`` put around this env; the ``step`` observation's bound follows."""
        _check_max_steps(max_steps)
        self.max_steps = max_steps
        self._init_kwargs["max_steps"] = max_steps
        self.observation_space["step"] = spaces.Discrete(
            (UNLIMITED_STEPS if max_steps is None else max_steps) + 1
        )

    # --- routes and indexes (created lazily: cheap envs, fork-safe) -------------------------------------
    @property
    def route(self) -> Any:
        """The object that executes tool calls (direct in-process, or through an MCP session)."""
        if self._route is None:
            if self.route_kind == "mcp":
                from toolgym_env.hub.mcp_route import McpRoute

                self._route = McpRoute(self.catalog, self.world, ensure=self.universe.ensure_app)
            else:
                self._route = self.universe.route(self.world)
        return self._route

    @property
    def index(self) -> Any:
        """The tool index behind ``search_tools`` (external servers' tools included): BM25, or MiniLM
        embeddings / the hybrid with ``retrieval=`` (the ``embed`` extra; see
        :mod:`toolgym_env.retrieval`)."""
        if self._index is None:
            if self._external_tools:
                from toolgym_env.retrieval import make_index

                extra = [t.mcp_record() for t in self._external_tools.values()]
                self._index = make_index(self.catalog.summaries() + extra, self.retrieval)
            else:
                self._index = _shared_index(self.universe, self.retrieval)
        return self._index

    def _connect_external(self, config: str | dict[str, Any]) -> None:
        """Start the configured external MCP servers and list their tools (namespaced ``server__tool``)."""
        from toolgym_env.hub.external import ExternalServers, load_mcp_config

        configs = load_mcp_config(config)
        clash = sorted(set(configs) & set(self.catalog.apps))
        if clash:
            raise ExternalServerConfigError(
                f"external MCP server name(s) {clash} clash with built-in apps; rename them"
            )
        self.external = ExternalServers(configs)
        self._external_tools = {t.qualified_name: t for t in self.external.tools()}

    # --- episode ------------------------------------------------------------------------------------------
    def _task_snapshot(self, task: Task) -> bytes:
        if (
            not task.world.setup
        ):  # no set-up calls: share the snapshot of the seed and apps (no copy per task)
            return self.universe.snapshot_for(task.world.seed, task.apps)
        snap = self._task_snapshots.get(task.id)
        if snap is None:
            self.universe.restore_into(self.world, task.world.seed, task.apps)
            self.world.clock.reset(task.world.start)
            direct = self.universe.route(self.world)
            for call in task.world.setup:
                result = direct.call(call.name, call.arguments)
                if result.is_error:
                    raise TaskFileError(f"task {task.id}: set-up call {call.name} failed: {result.text}")
            self.world.begin_episode()
            snap = self._task_snapshots[task.id] = self.world.snapshot()
        return snap

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[dict, dict]:
        """Start an episode. ``options``: ``{"task_id": str}``, ``{"task_index": int}`` or ``{"task": Task}``
        (any task, not necessarily in the suite) picks the task; otherwise it is drawn with
        ``self.np_random``.

        Raises:
            UnknownArgumentError: an option other than these three.
            InvalidArgumentError: more than one of them, or a ``task_index`` that is not an integer.
            UnknownTaskError: a ``task_id`` not in ``self.tasks``.
            TaskFileError: a ``task`` that is not a valid task.
            EnvClosedError: the env was closed.
        """
        self._check_open()
        super().reset(seed=seed)
        task = self._pick_task(options)
        self.task = task
        self.world.seed = task.world.seed
        if task.world.setup:
            self.world.restore(self._task_snapshot(task))
        else:  # restores the cached snapshot of the seed and apps, or builds it in place
            self.universe.restore_into(self.world, task.world.seed, task.apps)
        self.world.clock.reset(task.world.start)
        self.constraints = list(task.constraints)
        self.constraint_since = [0] * len(self.constraints)
        self.schema_overrides = {}
        self.final_answer = None
        self.verdict = None
        self.trajectory = []
        self._steps = 0
        self._done = False
        welcome = (
            f"You can call search_tools(query, top_k) to find tools among {len(self.catalog)} tools of "
            f"{len(self.catalog.apps)} apps, call any tool by its name, and finish with "
            "final_answer(answer)."
        )
        self._last = {"tool": "", "result": welcome, "is_error": 0, "message": ""}
        return self._obs(), {"task_id": task.id, "apps": list(task.apps), "max_steps": self.max_steps}

    def _pick_task(self, options: dict[str, Any] | None) -> Task:
        if options is None:
            options = {}
        if not isinstance(options, dict):
            raise InvalidArgumentError(f"reset options must be a dict, got {type(options).__name__}")
        unknown = sorted(map(str, set(options) - set(RESET_OPTIONS)))
        if unknown:
            raise UnknownArgumentError(f"unknown reset option(s) {unknown}; use one of {list(RESET_OPTIONS)}")
        given = [k for k in RESET_OPTIONS if k in options]
        if len(given) > 1:
            raise InvalidArgumentError(f"reset options {given} conflict: pass one of them")
        if "task" in options:
            if isinstance(options["task"], Task):
                return options["task"]
            try:
                return Task.model_validate(options["task"])
            except ValidationError as exc:
                raise TaskFileError(f"reset option 'task' is not a valid task: {exc}") from exc
        if "task_id" in options:
            task = self._task_by_id(options["task_id"])
            if task is None:
                raise UnknownTaskError(
                    f"unknown task_id {options['task_id']!r} ({len(self.tasks)} tasks in this env)"
                )
            return task
        if "task_index" in options:
            index = options["task_index"]
            if isinstance(index, bool) or not isinstance(index, (int, np.integer)):
                raise InvalidArgumentError(f"reset option task_index must be an integer, got {index!r}")
            return self.tasks[int(index) % len(self.tasks)]
        return self.tasks[int(self.np_random.integers(len(self.tasks)))]

    def _task_by_id(self, task_id: Any) -> Task | None:
        """The first task of ``self.tasks`` whose id is ``task_id`` (a suite's lines are looked up by id, not
        parsed one by one)."""
        if isinstance(self.tasks, TaskLines):
            index = self.tasks.position(task_id)
            return None if index is None else self.tasks[index]
        return next((t for t in self.tasks if t.id == task_id), None)

    def _check_open(self) -> None:
        if self._closed:
            raise EnvClosedError("this ToolGymEnv is closed (close() released its world); make a new env")

    def step(self, action: Any) -> tuple[dict, float, bool, bool, dict]:
        """Execute one action; malformed actions return an error observation."""
        self._check_open()
        if self.task is None:
            raise gym.error.ResetNeeded("call reset() before step()")
        if self._done:
            result, name, terminated = ToolResult.error("The episode is over; call reset()."), "", True
            self._last = {"tool": name, "result": result.text, "is_error": 1, "message": ""}
            return self._obs(), 0.0, True, False, self._info(name, result)
        self._steps += 1
        self._events, self._executed, self._message = [], None, ""
        name, arguments, encoded, problem = parse_call(action)
        terminated = False
        if problem is not None:
            result = ToolResult.error(problem)
        elif name == FINAL_ANSWER:
            result = self._final_answer(arguments)
            terminated = not result.is_error
        elif name == WAIT:
            result = self._wait(arguments)
        elif self.call_hook is not None:
            result = self.call_hook.call(self, name, arguments, self._execute)
        else:
            result = self._execute(name, arguments, encoded)
        truncated = not terminated and self.max_steps is not None and self._steps >= self.max_steps
        self._done = terminated or truncated
        if self.call_hook is not None and not self._done:
            self.call_hook.after_step(self)
        record = {
            "step": self._steps,
            "name": name or "",
            "arguments": arguments,
            "is_error": result.is_error,
            "result": result.text,
            "time": self.world.clock.iso(),
        }
        if self._executed is not None and self._executed is not arguments:
            record["executed_arguments"] = self._executed
        if self._events:
            record["perturbations"] = self._events
        if self._message:
            record["message"] = self._message
        self.trajectory.append(record)
        self._last = {
            "tool": (name or "")[:200],
            "result": result.text,
            "is_error": int(result.is_error),
            "message": self._message,
        }
        return self._obs(), 0.0, terminated, truncated, self._info(name or "", result)

    def _execute(self, name: str, arguments: Any, encoded: str | None = None) -> ToolResult:
        """Run one call for real (a tool, an external server's tool or ``search_tools``) and let its virtual
        latency pass. The perturbation hook receives this function as ``execute``. ``encoded``: the JSON text
        of ``arguments`` made by the action parser (the direct route validates it as is)."""
        self._executed = arguments
        if name == SEARCH_TOOLS:
            result = self._search_tools(arguments)
            self.world.clock.advance(SEARCH_LATENCY_S)
        elif name in self._external_tools or (
            self.external is not None and "__" in name and name.split("__", 1)[0] in self.external.servers
        ):
            result = self._call_external(name, arguments)
            self.world.clock.advance(1.0)
        else:
            if encoded is not None and self.route_kind == "direct":
                result = self.route.call(name, arguments, encoded)
            else:
                result = self.route.call(name, arguments)
            latency = self._latencies.get(name)
            if latency is None:
                tool = self.catalog.tools.get(name)
                if tool is not None:
                    latency = self._latencies[name] = tool.latency_s
            if latency is not None:
                self.world.clock.advance(latency)
        return result

    # --- the perturbation API (used by the state controller) ---------------------------------------------
    def record_perturbation(self, event: dict[str, Any]) -> dict[str, Any]:
        """Log an injected event for the current step (``kind``, ``tool``, parameters); returns the stored
        copy."""
        stored = {"step": self._steps, **event}
        self._events.append(stored)
        return stored

    def interrupt(self, message: str, constraints: list[Any], event: dict[str, Any] | None = None) -> None:
        """The user interrupts: ``message`` arrives with the next observation and ``constraints`` become the
        active ones. A constraint not already in force is checked from this step on where that matters
        (see :data:`toolgym_env.judge.verdict.SCOPED_TYPES`); kept ones keep their start."""
        kept = {id(c): s for c, s in zip(self.constraints, self.constraint_since)}
        self.constraint_since = [kept.get(id(c), self._steps) for c in constraints]
        self.constraints = list(constraints)
        self._message = message[:MAX_MESSAGE_CHARS]
        self.record_perturbation({"kind": "interrupt", "message": self._message, **(event or {})})

    def tool_schema(self, name: str) -> dict[str, Any] | None:
        """The input schema a tool shows now (a schema change may have replaced the catalog's)."""
        if name in self.schema_overrides:
            return self.schema_overrides[name]
        record = self.catalog.summary(name)
        if record is not None:
            return record["inputSchema"]
        if name in self._external_tools:
            return self._external_tools[name].input_schema
        return META_SCHEMAS.get(name)

    def _call_external(self, name: str, arguments: Any) -> ToolResult:
        """A call to an external server's tool (not resettable: its effects outlive the episode), checked
        against its input schema before anything is sent (see
        :class:`~toolgym_env.hub.external.ExternalServers`)."""
        return self.external.call(name, arguments)

    # --- meta tools ---------------------------------------------------------------------------------------
    def _final_answer(self, arguments: Any) -> ToolResult:
        args = _parse_meta(FINAL_ANSWER, AnswerArgs, arguments)
        if isinstance(args, ToolResult):
            return args
        self.final_answer = args.answer
        return ToolResult.ok({"submitted": True})

    def _wait(self, arguments: Any) -> ToolResult:
        args = _parse_meta(WAIT, WaitArgs, arguments)
        if isinstance(args, ToolResult):
            return args
        self.world.clock.advance(args.seconds)
        return ToolResult.ok({"waited_s": args.seconds, "now": self.world.clock.iso()})

    def _search_tools(self, arguments: Any) -> ToolResult:
        args = _parse_meta(SEARCH_TOOLS, SearchArgs, arguments)
        if isinstance(args, ToolResult):
            return args
        hits = []
        for name, _ in self.index.search(args.query, args.top_k):
            record = self.catalog.summary(name) or self._external_tools[name].mcp_record()
            hits.append((name, record["description"], self.schema_overrides.get(name, record["inputSchema"])))
        return ToolResult.ok(search_result(args.query, hits))

    # --- observations and info ----------------------------------------------------------------------------
    def _obs(self) -> dict[str, Any]:
        result = self._last["result"]
        if len(result) > MAX_OBS_RESULT_CHARS:
            result = result[:MAX_OBS_RESULT_CHARS]
        return {
            "instruction": self.task.instruction[:MAX_INSTRUCTION_CHARS] if self.task else "",
            "tool": self._last["tool"],
            "result": result,
            "is_error": self._last["is_error"],
            "step": min(self._steps, UNLIMITED_STEPS if self.max_steps is None else self.max_steps),
            "time": self.world.clock.iso(),
            "message": self._last.get("message", ""),
        }

    def _info(self, name: str, result: ToolResult) -> dict[str, Any]:
        info = {
            "task_id": self.task.id if self.task else "",
            "step": self._steps,
            "tool": name,
            "is_error": result.is_error,
        }
        if self._events:
            info["perturbations"] = [dict(e) for e in self._events]
        if (
            result.media
        ):  # images, audio, binary resources of an external tool's answer (placeholders in the text)
            info["media"] = [dict(m) for m in result.media]
        return info

    def world_diff(self) -> WorldDiff:
        """What the agent changed in the world so far this episode."""
        self._check_open()
        return diff_world(self.world)

    def episode(self) -> Episode:
        """The episode so far as the judge sees it (trajectory, world diff, final answer, virtual times)."""
        start = self.task.world.start if self.task else ""
        return Episode(
            tuple(self.trajectory),
            self.world_diff(),
            self.final_answer,
            start,
            self.world.clock.iso(),
            self.touched_rows(),
        )

    def touched_rows(self) -> tuple[tuple[str, str, bool], ...]:
        """``(table, id, existed_before)`` of every row written this episode, even if set back since."""
        return self.world.touched()

    def render(self) -> str | None:
        """``ansi``: the task and the last step as text; once the episode is judged, the verdict too."""
        self._check_open()
        if self.render_mode != "ansi":
            return None
        head = (
            f"[{self.task.id if self.task else '-'} step {self._steps}/{self.max_steps} "
            f"{self.world.clock.iso()}]"
        )
        if not self._last.get("tool"):
            return f"{head}\n{self.task.instruction if self.task else ''}\n"
        status = "ERROR" if self._last["is_error"] else "ok"
        text = f"{head} {self._last['tool']} -> {status}: {self._last['result'][:500]}\n"
        if self.verdict is not None:
            text += _render_verdict(self.verdict)
        return text

    def close(self) -> None:
        """Release everything this env holds: the MCP session, external servers, the world database and the
        per-env caches (task snapshots, an index over external tools). Idempotent; afterwards ``reset``,
        ``step``, ``render`` and ``episode`` raise :class:`~toolgym_env.errors.EnvClosedError`."""
        if self._closed:
            return
        self._closed = True
        if self._route is not None and hasattr(self._route, "close"):
            self._route.close()
        self._route = None
        if self.external is not None:
            self.external.close()
            self.external = None
        self._external_tools = {}
        self._index = None
        self._task_snapshots = {}
        self.world.close()
        super().close()

    # --- pickling (subprocess vector envs, checkpoints) ---------------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        self._check_open()
        return {
            "kwargs": self._init_kwargs,
            "world": self.world.snapshot(),
            "world_seed": self.world.seed,
            "clock": (self.world.clock.start.isoformat(), self.world.clock.elapsed),
            "task": self.task.model_dump(mode="json") if self.task else None,
            "constraints": [c.model_dump(mode="json") for c in self.constraints],
            "final_answer": self.final_answer,
            "constraint_since": self.constraint_since,
            "schema_overrides": self.schema_overrides,
            "call_hook": self.call_hook,
            "trajectory": self.trajectory,
            "steps": self._steps,
            "done": self._done,
            "last": self._last,
            "np_random": self._np_random.bit_generator.state if self._np_random is not None else None,
            "np_random_seed": self._np_random_seed,
            "spec": self.spec,
            "verdict": self.verdict,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state["kwargs"])
        self.world.seed = state["world_seed"]
        self.world.restore(state["world"])
        start, elapsed = state["clock"]
        self.world.clock.reset(start)
        self.world.clock.advance(elapsed)
        self.task = Task.model_validate(state["task"]) if state["task"] else None
        self.constraints = CONSTRAINT_LIST.validate_python(state["constraints"])
        self.constraint_since = state["constraint_since"]
        self.schema_overrides = state["schema_overrides"]
        self.call_hook = state["call_hook"]
        self.final_answer, self.trajectory = state["final_answer"], state["trajectory"]
        self._steps, self._done, self._last = state["steps"], state["done"], state["last"]
        if state["np_random"] is not None:
            import numpy as np

            rng = np.random.Generator(np.random.PCG64())
            rng.bit_generator.state = state["np_random"]
            self._np_random = rng
        self._np_random_seed = state.get("np_random_seed")
        self.spec, self.verdict = state.get("spec"), state.get("verdict")


def _check_max_steps(max_steps: Any) -> None:
    if max_steps is not None and (
        isinstance(max_steps, bool) or not isinstance(max_steps, (int, np.integer)) or max_steps < 1
    ):
        raise InvalidArgumentError(f"max_steps must be a positive integer or None, got {max_steps!r}")


def _render_verdict(verdict: Any) -> str:
    """The judge's verdict in a few lines: success and reward, then the checks that failed."""
    lines = [f"verdict: {'SUCCESS' if verdict.success else 'FAILED'} (reward {verdict.reward:.2f})"]
    for check in verdict.checks:
        if not check.passed:
            why = f": {check.detail}" if check.detail else ""
            lines.append(f"  failed {check.target}{'' if check.hard else ' (soft)'}{why}"[:300])
    return "\n".join(lines) + "\n"


def _parse_meta(name: str, model: Any, arguments: Any) -> Any:
    """Validated arguments of a meta tool, or the error result explaining why they are not valid."""
    text, problem = encode_arguments(arguments)
    if problem:
        return ToolResult.error(f"{name}: {problem}")
    try:
        return model.model_validate_json(text, strict=True)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '(arguments)'}: {e['msg']}"
            for e in exc.errors(include_url=False)[:4]
        )
        props = ", ".join(META_SCHEMAS[name]["properties"])
        return ToolResult.error(f"Invalid arguments for {name}: {problems}. Expected: {props}.")


_INDEXES: dict[tuple[int, str], Any] = {}


def _shared_index(universe: Universe, kind: str = "lexical") -> Any:
    """One index per universe and retrieval kind in a process (envs of a vector env share it)."""
    key = (id(universe), kind)
    if key not in _INDEXES:
        if kind == "lexical":
            _INDEXES[key] = BM25Index(universe.catalog.summaries())
        else:
            from toolgym_env.retrieval import make_index

            _INDEXES[key] = make_index(universe.catalog.summaries(), kind)
    return _INDEXES[key]
