"""``toolgym robustness``: agents under each perturbation kind (the state controller), as a table."""

from __future__ import annotations

import click

from toolgym_env.cli.inputs import suite_tasks
from toolgym_env.cli.options import json_option, list_option, split_names, suite_option


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def print_robustness(rows: list[dict], title: str) -> None:
    """Render robustness rows as a rich table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for col in (
        "perturbation",
        "agent",
        "episodes",
        "fired in",
        "success",
        "success when fired",
        "call success",
        "recovery",
        "flexibility",
    ):
        table.add_column(col, justify="left" if col in ("perturbation", "agent") else "right")
    last = None
    for r in rows:
        table.add_row(
            r["profile"] if r["profile"] != last else "",
            r["agent"],
            str(r["episodes"]),
            str(r["fired_in"]),
            _pct(r["success"]),
            _pct(r["success_when_fired"]),
            _pct(r["tool_call_success"]),
            _pct(r["recovery"]),
            _pct(r["flexibility"]),
            end_section=False,
        )
        last = r["profile"]
    Console(width=140).print(table)


@click.command()
@suite_option
@click.option("--sample", default=20, show_default=True, help="Tasks spread over the suite (0 = all).")
@click.option(
    "--seed",
    default=0,
    show_default=True,
    help="Run seed: the episode seeds are derived from it, the state controller is seeded with it.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Worker processes per row (the same episodes, so the same table).",
)
@list_option(
    "agent",
    "agents",
    "oracle,oracle-retry,heuristic",
    "Agents (repeatable or comma-separated; see toolgym_env.agents.AGENTS).",
)
@list_option(
    "profile",
    "profiles",
    None,
    "Profiles or kinds (repeatable or comma-separated; default: every "
    "kind, then first_non_search, random_20, moderate, heavy).",
)
@json_option
def robustness(
    suite: str,
    sample: int,
    seed: int,
    workers: int,
    agents: tuple[str, ...],
    profiles: tuple[str, ...],
    as_json: bool,
) -> None:
    """Run agents under every perturbation kind alone and under the named profiles; print the table."""
    import json

    from toolgym_env.agents import AGENTS
    from toolgym_env.evaluation import ROBUSTNESS_PROFILES, robustness_rows
    from toolgym_env.wrappers.perturb import PROFILES

    names = split_names(agents)
    unknown = [a for a in names if a not in AGENTS]
    if unknown:
        raise click.BadParameter(
            f"unknown agent(s) {unknown}; choose from {sorted(AGENTS)}", param_hint="--agent"
        )
    chosen = split_names(profiles) or list(ROBUSTNESS_PROFILES)
    bad = [p for p in chosen if p not in PROFILES]
    if bad:
        raise click.BadParameter(
            f"unknown profile(s) {bad}; choose from {sorted(PROFILES)}", param_hint="--profile"
        )
    suite_tasks(suite)
    rows = robustness_rows(names, chosen, suite=suite, sample=sample, seed=seed, workers=workers)
    if as_json:
        click.echo(json.dumps(rows))
    else:
        print_robustness(rows, f"Robustness on suite '{suite}' ({sample or 'all'} tasks, seed {seed})")
