"""``toolgym demo``: run the model-free agents over a suite (a spread sample of it) and print a results
table."""

from __future__ import annotations

import click

from toolgym_env import DEFAULT_MAX_STEPS
from toolgym_env.cli.inputs import suite_tasks
from toolgym_env.cli.options import json_option, suite_option


def run_demo(
    suite: str = "test",
    agents: tuple[str, ...] = ("oracle", "random", "null", "claim-success"),
    seed: int = 0,
    sample: int = 0,
    max_steps: int = DEFAULT_MAX_STEPS,
) -> list[dict]:
    """Every agent on ``sample`` tasks spread over ``suite`` (a suite name or a task file; all when 0), one
    episode each, run by :class:`~toolgym_env.evaluation.episodes.EpisodeRunner` with episode seeds derived
    from ``seed``; one row per agent."""
    from toolgym_env.evaluation import EvalConfig, plan, run_jobs
    from toolgym_env.tasks import load_suite

    jobs = plan([task.id for task in load_suite(suite)], suite, sample, 1, seed)
    rows = []
    for name in agents:
        records = list(run_jobs(EvalConfig(name, suite, seed=seed, max_steps=max_steps), jobs))
        steps = sum(r["steps"] for r in records)
        rows.append(
            {
                "agent": name,
                "episodes": len(records),
                "success": sum(r["success"] for r in records) / len(records),
                "mean_reward": sum(r["reward"] for r in records) / len(records),
                "mean_steps": steps / len(records),
                "tool_error_rate": sum(r["tool_errors"] for r in records) / max(steps, 1),
                "mean_progress": sum(r["judge"].get("progress", 0.0) for r in records) / len(records),
                "constraints_ok": _constraint_rate(records),
            }
        )
    return rows


def _constraint_rate(records: list[dict]) -> float:
    checks = [c["passed"] for r in records for c in r["judge"].get("constraints", [])]
    return sum(checks) / len(checks) if checks else 1.0


@click.command()
@suite_option
@click.option("--sample", default=60, show_default=True, help="Tasks spread over the suite (0 = all).")
@click.option("--seed", default=0, show_default=True, help="Run seed (episode seeds are derived from it).")
@click.option(
    "--robustness-sample",
    default=10,
    show_default=True,
    help="Tasks per perturbation kind in the robustness table (0 = skip it).",
)
@json_option
def demo(suite: str, sample: int, seed: int, robustness_sample: int, as_json: bool) -> None:
    """Run the model-free agents over a suite and print a results table; then the robustness table (the
    naive oracle, the retrying oracle and the heuristic agent under each perturbation kind)."""
    import json

    from rich.console import Console
    from rich.table import Table

    from toolgym_env.agents import AGENTS

    suite_tasks(suite)
    agents = tuple(a for a in ("oracle", "heuristic", "random", "null", "claim-success") if a in AGENTS)
    click.echo(f"Running {', '.join(agents)} on {sample or 'all'} '{suite}' tasks...", err=True)
    rows = run_demo(suite, agents, seed=seed, sample=sample)
    table = Table(title=f"ToolGym-v0 on suite '{suite}' (judge reward)")
    for col in (
        "agent",
        "episodes",
        "success",
        "mean reward",
        "mean steps",
        "tool-error rate",
        "goal progress",
        "constraints met",
    ):
        table.add_column(col, justify="left" if col == "agent" else "right")
    for r in rows:
        table.add_row(
            r["agent"],
            str(r["episodes"]),
            f"{r['success']:.1%}",
            f"{r['mean_reward']:.3f}",
            f"{r['mean_steps']:.1f}",
            f"{r['tool_error_rate']:.1%}",
            f"{r['mean_progress']:.1%}",
            f"{r['constraints_ok']:.1%}",
        )
    if not as_json:
        Console(width=120).print(table)
    robust = []
    if robustness_sample:
        from toolgym_env.cli.robustness import print_robustness
        from toolgym_env.evaluation import robustness_rows

        names = [a for a in ("oracle", "oracle-retry", "heuristic") if a in AGENTS]
        click.echo(f"Running the robustness table ({robustness_sample} tasks per row)...", err=True)
        robust = robustness_rows(names, suite=suite, sample=robustness_sample, seed=seed)
        if not as_json:
            print_robustness(
                robust,
                f"Under perturbation (StateController, {robustness_sample} tasks per row, seed {seed})",
            )
    if as_json:
        click.echo(json.dumps({"agents": rows, "robustness": robust}))
