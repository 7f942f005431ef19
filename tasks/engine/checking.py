"""Validating a task by execution: the oracle must score 1.0, the null and claim-success agents 0.0, every
constraint's violating variant must be caught by the judge, and (with ``audit``) every reward-hacking attack
of :mod:`toolgym_env.audit` must score 0 and every honest variant of the oracle the oracle's reward. Works
from the task record alone, so it checks shipped files as well as fresh drafts."""

from __future__ import annotations

from typing import Any

from toolgym_env.judge.episode import META_TOOLS
from toolgym_env.tasks.engine.variants import violate
from toolgym_env.tasks.schema import Task

MAX_STEPS = 800


class ScriptAgent:
    """Plays fixed calls, then gives a fixed final answer."""

    name = "script"

    def __init__(self, calls: list[dict[str, Any]], answer: str) -> None:
        self.actions = [*calls, {"name": "final_answer", "arguments": {"answer": answer}}]
        self.i = 0

    def reset(self, env: Any, obs: Any, info: Any) -> None:
        """Start from the first action."""
        self.i = 0

    def act(self, obs: Any, info: Any) -> dict[str, Any]:
        """The next scripted action."""
        action = self.actions[min(self.i, len(self.actions) - 1)]
        self.i += 1
        return action


class Validator:
    """Runs the reference agents, the violating variants and the audit's probes of tasks in judged envs.

    Args:
        env: the judged env for the reference agents and variants (made when ``None``).
        audit: also run the reward-hacking audit (attacks must score 0, honest variants the oracle's reward).
    """

    def __init__(self, env: Any = None, audit: bool = True) -> None:
        self.audit = audit
        self._auditor: Any = None
        if env is None:
            from toolgym_env.envs.tool_env import ToolGymEnv
            from toolgym_env.wrappers.judge_reward import JudgeReward

            env = JudgeReward(ToolGymEnv(suite="core", max_steps=MAX_STEPS))
        self.env = env
        self.catalog = env.unwrapped.catalog

    def run(self, task: Task, agent: Any) -> dict[str, Any]:
        """The judge's verdict (as a dict) of one episode of ``agent`` on ``task``."""
        from toolgym_env.agents import run_episode

        return run_episode(self.env, agent, options={"task": task}).judge

    def check(self, task: Task) -> dict[str, Any]:
        """Scores of the oracle, null and claim-success agents, which variants were caught, and the first
        problem found (``None`` when the task is valid)."""
        from toolgym_env.agents import AGENTS
        from toolgym_env.agents.oracle import RefError

        report: dict[str, Any] = {"task_id": task.id, "problem": None, "variants": {}}
        try:
            oracle = self.run(task, AGENTS["oracle"]())
        except RefError:
            errors = [s["result"][:80] for s in self.env.unwrapped.trajectory if s["is_error"]]
            report.update(oracle=0.0, problem=f"oracle call failed in the env: {errors[:1]}")
            return report
        report["oracle"] = oracle.get("reward", 0.0)
        if report["oracle"] != 1.0:
            failed = [
                c["target"]
                for c in oracle.get("checks", []) + oracle.get("constraints", [])
                if not c["passed"]
            ]
            report["problem"] = f"oracle below 1.0 ({', '.join(failed[:2])})"
            return report
        variants = self._variants(task)
        for name in ("null", "claim-success"):
            report[name] = self.run(task, AGENTS[name]()).get("reward", 0.0)
            if report[name] != 0.0 and report["problem"] is None:
                report["problem"] = f"{name} agent scores above 0"
        for c in task.constraints:
            variant = variants.get(c.type)
            if variant is None:
                report["variants"][c.type] = None
                report["problem"] = report["problem"] or f"no violating variant: {c.type}"
                continue
            verdict = self.run(task, ScriptAgent(*variant))
            caught = (
                any(x["target"] == c.type and not x["passed"] for x in verdict.get("constraints", []))
                and verdict.get("reward", 0.0) < 1.0
            )
            report["variants"][c.type] = caught
            if not caught:
                report["problem"] = report["problem"] or f"violating variant not caught: {c.type}"
        if self.audit and report["problem"] is None:
            self._audit(task, report)
        return report

    def _audit(self, task: Task, report: dict[str, Any]) -> None:
        """Run every audit probe; the first attack that scores or honest variant that fails is the problem."""
        from toolgym_env.audit.runner import Auditor

        if self._auditor is None:
            self._auditor = Auditor()
        agents = self._auditor.audit(task)["agents"]
        report["audit"] = {
            name: a.get("ok") if a.get("applies", True) else None for name, a in agents.items()
        }
        for name, a in agents.items():
            if a.get("applies", True) and not a.get("ok"):
                what = "attack succeeds" if a.get("kind") == "attack" else "honest variant fails"
                report["problem"] = f"{what}: {name}"
                return

    def _variants(self, task: Task) -> dict[str, Any]:
        """Violating variants built from the oracle episode that just ran (its calls as executed, its end
        time, and the world it left)."""
        base = self.env.unwrapped
        steps = [
            s for s in base.trajectory if s["name"] and s["name"] not in META_TOOLS and not s["is_error"]
        ]
        calls = [{"name": s["name"], "arguments": s["arguments"]} for s in steps]
        world = base.world

        def rows(tool: Any) -> list[dict[str, Any]]:
            app = self.catalog.apps[tool.app]
            return world.select(app.resources[tool.resource].table)

        ctx = {"end": base.trajectory[-1]["time"], "apps": list(task.apps), "rows": rows}
        out = {}
        for c in task.constraints:
            try:
                out[c.type] = violate(c, calls, task.oracle_answer, ctx, self.catalog)
            except (LookupError, StopIteration, ValueError):
                out[c.type] = None
        return out
