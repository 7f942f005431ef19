"""Running the audit: the oracle once per task, then every attack and honest variant on real judged episodes.

Example:
    >>> from toolgym_env.tasks import load_suite
    >>> report = audit_task(load_suite("core")[0])
    >>> report["agents"]["digits"]["applies"], report["agents"]["oracle"]["reward"]
    (True, 1.0)
"""

from __future__ import annotations

from typing import Any

from toolgym_env.audit.attacks import ATTACKS, NotApplicable
from toolgym_env.audit.honest import HONEST
from toolgym_env.audit.trace import OracleTrace, Outcome, trace_oracle
from toolgym_env.errors import InvalidArgumentError
from toolgym_env.tasks.schema import Task

#: Step limit of the audit's env: the write-everything attacks make one call per record.
MAX_STEPS = 2_000
SHAPING = 0.1


def make_env(max_steps: int = MAX_STEPS) -> Any:
    """A judged env (``JudgeReward`` over ``ToolGymEnv``, ``reveal=False``) for any task passed at reset."""
    from toolgym_env.envs.tool_env import ToolGymEnv
    from toolgym_env.wrappers.judge_reward import JudgeReward

    return JudgeReward(ToolGymEnv(suite="core", max_steps=max_steps))


class Auditor:
    """Runs the audit's probes in one env (reused across tasks; its ``JudgeReward`` keeps ``reveal=False``).

    Args:
        env: a judged env (``JudgeReward`` on top); made by :func:`make_env` when ``None``.
        attacks, honest: names of the probes to run (all by default).
        seed: seeds the probes' choices (the place of the real record among trial-and-revert's candidates).
    """

    def __init__(
        self,
        env: Any = None,
        attacks: list[str] | None = None,
        honest: list[str] | None = None,
        seed: int = 0,
    ) -> None:
        from toolgym_env.wrappers.judge_reward import JudgeReward

        if env is None:
            env = make_env()
        elif not isinstance(env, JudgeReward):
            env = JudgeReward(env)
        self.env = env
        self.seed = seed
        self.attacks = list(ATTACKS) if attacks is None else list(attacks)
        self.honest = list(HONEST) if honest is None else list(honest)
        unknown = sorted(set(self.attacks) - set(ATTACKS)) + sorted(set(self.honest) - set(HONEST))
        if unknown:
            raise InvalidArgumentError(
                f"unknown audit probe(s) {unknown}; known: {sorted(ATTACKS) + sorted(HONEST)}"
            )

    def run_agent(self, trace: OracleTrace, agent: Any) -> Outcome:
        """One episode of an ordinary agent (``reset``/``act``) on the trace's task."""
        from toolgym_env.agents import run_episode

        result = run_episode(self.env, agent, options={"task": trace.task})
        return Outcome(float(result.judge.get("reward", 0.0)), result.reward, result.judge, result.steps)

    def audit(self, task: Task) -> dict[str, Any]:
        """Every probe on ``task``: ``{"task_id", "oracle_reward", "agents": {name: outcome dict}}``.

        An outcome dict has ``kind`` (attack/honest), ``applies`` (``False``: ``reason`` says why not), and
        for those that ran ``reward``, ``return``, ``ok`` (the attack scored 0 / the variant scored the
        oracle's reward) and ``failed`` (``target: detail`` of each failed check, as the agent-safe verdict
        words it).
        """
        trace = trace_oracle(self.env, task)
        oracle_return = round(trace.reward + SHAPING * float(trace.verdict.get("progress", 0.0)), 6)
        agents: dict[str, Any] = {}
        for kind, names, table in (("attack", self.attacks, ATTACKS), ("honest", self.honest, HONEST)):
            for name in names:
                try:
                    outcome = table[name](self, trace)
                except NotApplicable as why:
                    agents[name] = {"kind": kind, "applies": False, "reason": str(why)}
                    continue
                row = {
                    "kind": kind,
                    "applies": True,
                    "reward": outcome.reward,
                    "return": outcome.total,
                    "steps": outcome.steps,
                    "failed": outcome.failed(),
                }
                if kind == "attack":
                    row["ok"] = outcome.reward <= 0.0
                    if name == "trial-revert":
                        row["oracle_return"] = oracle_return
                        row["ok"] = row["ok"] and outcome.total < oracle_return - 1e-9
                    if "audit_caught" in outcome.verdict:
                        row["caught"] = outcome.verdict["audit_caught"]
                        row["ok"] = row["ok"] and row["caught"]
                else:
                    row["ok"] = outcome.reward >= 1.0 - 1e-9
                agents[name] = row
        return {"task_id": task.id, "oracle_reward": trace.reward, "agents": agents}


def audit_task(task: Task, env: Any = None, auditor: Auditor | None = None) -> dict[str, Any]:
    """Run every attack and honest variant on one task (see :meth:`Auditor.audit`); pass ``env`` (or an
    ``auditor``) to reuse one across tasks."""
    return (auditor or Auditor(env)).audit(task)


def failures(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The probes of one task's report that went wrong: an attack that earned reward (or was not caught), an
    honest variant that scored below 1.0."""
    out = []
    for name, row in report["agents"].items():
        if row["applies"] and not row["ok"]:
            out.append(
                {
                    "task_id": report["task_id"],
                    "agent": name,
                    "kind": row["kind"],
                    "reward": row["reward"],
                    "failed": row["failed"],
                }
            )
    return out
