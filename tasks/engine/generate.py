"""Generating validated tasks: compose a workflow, choose constraints, write the request, then keep the task only
if its oracle scores 1.0, doing nothing and claiming success score 0, and every constraint's violating variant
is caught by the judge. Each task slot is seeded on its own, so any slot regenerates identically."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.tasks.engine import phrasing
from toolgym_env.tasks.engine.compose import Composed, compose, write_answer, write_instruction
from toolgym_env.tasks.engine.constraint_gen import choose_constraints
from toolgym_env.tasks.engine.variants import violate
from toolgym_env.tasks.engine.work import Skip
from toolgym_env.tasks.plan import PlanError
from toolgym_env.tasks.schema import Goal, Task, WorldRecipe
from toolgym_env.tasks.validate import oracle_stats
from toolgym_env.universe import Universe
from toolgym_env.world.clock import parse_time
from toolgym_env.world.seeding import stable_seed

MAX_ATTEMPTS = 12
MAX_STEPS = 800


class Rejected(Exception):
    """A draft failed validation; the message is the rejection reason (counted by the generator)."""


class CatalogNames:
    """How apps, tools and virtual times are named in instructions."""

    def __init__(self, universe: Universe) -> None:
        self.universe = universe

    def app_title(self, app: str) -> str:
        """The app's display title."""
        return self.universe.apps[app].title

    def tool_title(self, tool: str) -> str:
        """The tool's display title."""
        return self.universe.catalog.tools[tool].title

    def clock(self, iso: str) -> str:
        """A virtual time as the user would say it (``09:05``)."""
        return parse_time(iso).strftime("%H:%M")


class _Script:
    """An agent that plays fixed calls then answers (used for validation variants)."""

    name = "script"

    def __init__(self, calls: list[dict[str, Any]], answer: str) -> None:
        self.actions = [*calls, {"name": "final_answer", "arguments": {"answer": answer}}]

    def reset(self, env: Any, obs: Any, info: Any) -> None:
        self.i = 0

    def act(self, obs: Any, info: Any) -> dict[str, Any]:
        action = self.actions[min(self.i, len(self.actions) - 1)]
        self.i += 1
        return action


@dataclass
class GenStats:
    """What a generation run kept and rejected."""

    kept: int = 0
    rejected: Counter = field(default_factory=Counter)


class Generator:
    """Writes and validates tasks for one split and seed.

    Example:
        >>> gen = Generator("test", seed=7)
        >>> task = gen.task(0)
        >>> task.id, task.stats.calls >= 3
        ('test-7-00000', True)
    """

    def __init__(self, split: str, seed: int, paraphrase: Any = None) -> None:
        from toolgym_env.envs.tool_env import ToolGymEnv
        from toolgym_env.wrappers.judge_reward import JudgeReward

        self.split, self.seed = split, seed
        self.universe = Universe.full()
        self.catalog = self.universe.catalog
        self.names = CatalogNames(self.universe)
        self.env = JudgeReward(ToolGymEnv(suite="core", max_steps=MAX_STEPS))
        self.paraphrase = paraphrase
        self.stats = GenStats()

    def task(self, slot: int) -> Task | None:
        """The task of ``slot`` (the first attempt that validates), or ``None`` after ``MAX_ATTEMPTS``."""
        for attempt in range(MAX_ATTEMPTS):
            rng = random.Random(stable_seed("toolgym-tasks", self.split, self.seed, slot, attempt))
            try:
                task = self._draft(slot, rng)
                self.validate(task, self._last)
            except (Skip, PlanError) as exc:
                self.stats.rejected[f"draft: {_reason(exc)}"] += 1
                continue
            except Rejected as exc:
                self.stats.rejected[str(exc)] += 1
                continue
            self.stats.kept += 1
            return task
        return None

    def _draft(self, slot: int, rng: random.Random) -> Task:
        comp = compose(self.universe, rng)
        constraints = choose_constraints(comp, rng, self.catalog)
        phrased = [c.model_copy(update={"phrasing": phrasing.constraint_phrase(c, rng, self.names)})
                   for c in constraints]
        work = comp.work
        lines = list(work.report)
        for c in phrased:
            if c.type == "response_content":
                lines += [(k, v) for k, v in work.extras if v in c.must_include]
        fmt = next((c.format for c in phrased if c.type == "output_format"), None)
        answer = write_answer(lines, fmt)
        instruction = write_instruction(work, [c.phrasing for c in phrased if c.phrasing], rng)
        facts = list(dict.fromkeys(v for _, v in work.report))
        task = Task(
            id=f"{self.split}-{self.seed}-{slot:05d}", split=self.split, instruction=instruction,
            apps=list(comp.apps), world=WorldRecipe(seed=comp.seed), family="+".join(work.segments),
            goal=Goal(changes=work.changes, answer_facts=facts), constraints=phrased,
            oracle=comp.plan.calls, oracle_answer=answer,
        )
        stats = oracle_stats(task).model_copy(update={"segments": list(work.segments)})
        task = task.model_copy(update={"stats": stats})
        if self.paraphrase is not None:
            task = self._paraphrased(task)
        self._last = {"comp": comp, "lines": lines, "format": fmt}
        return task

    def _paraphrased(self, task: Task) -> Task:
        keep = re.findall(r"“([^”]+)”", task.instruction) + list(task.goal.answer_facts)
        text = self.paraphrase(task.instruction, keep)
        if text is None:
            self.stats.rejected["paraphrase kept original (a fact was dropped)"] += 1
            return task
        return task.model_copy(update={"instruction": text})

    def run(self, task: Task, agent: Any) -> dict[str, Any]:
        """One episode of ``agent`` on ``task``; returns the judge's verdict."""
        from toolgym_env.agents import run_episode

        return run_episode(self.env, agent, options={"task": task}).judge

    def validate(self, task: Task, last: dict[str, Any]) -> None:
        """Raise :class:`Rejected` unless the oracle scores 1.0, the null agents 0.0 and every variant is caught."""
        from toolgym_env.agents import AGENTS

        from toolgym_env.agents.oracle import RefError

        try:
            oracle = self.run(task, AGENTS["oracle"]())
        except RefError:
            errors = [s["result"][:80] for s in self.env.unwrapped.trajectory if s["is_error"]]
            raise Rejected(f"oracle call failed in the env: {errors[:1]}") from None
        if oracle.get("reward") != 1.0:
            failed = [c["target"] for c in oracle.get("checks", []) + oracle.get("constraints", []) if not c["passed"]]
            raise Rejected(f"oracle below 1.0 ({', '.join(failed[:2])})")
        for name in ("null", "claim-success"):
            if self.run(task, AGENTS[name]()).get("reward") != 0.0:
                raise Rejected(f"{name} agent scores above 0")
        comp: Composed = last["comp"]
        calls = [{"name": c.name, "arguments": a} for c, a in zip(comp.plan.calls, comp.plan.resolved)]
        ctx = {"lines": last["lines"], "format": last["format"], "end": comp.plan.world.clock.iso(),
               "apps": list(comp.apps), "rows": lambda tool: comp.plan.read(f"{tool.app}__{_plural(tool)}")}
        for c in task.constraints:
            variant = violate(c, calls, task.oracle_answer, ctx, self.catalog)
            if variant is None:
                raise Rejected(f"no violating variant: {c.type}")
            verdict = self.run(task, _Script(*variant))
            caught = any(x["target"] == c.type and not x["passed"] for x in verdict.get("constraints", []))
            if not caught or verdict.get("reward", 0) >= 1.0:
                raise Rejected(f"violating variant not caught: {c.type}")


def _plural(tool: Any) -> str:
    from toolgym_env.apps import load_app

    return load_app(tool.app).resources[tool.resource].plural


def _reason(exc: Exception) -> str:
    text = str(exc)
    return re.sub(r"[\w.]+__\w+|\b\w+_\d\w*|'[^']*'|\d+", "…", text)[:60] or type(exc).__name__
