"""``toolgym audit``: the reward-hacking audit over a suite or task file."""

from __future__ import annotations

import json
import random

import click

from toolgym_env.cli.inputs import SUITE_HELP, suite_tasks
from toolgym_env.cli.options import json_option, split_names


def pick(n_tasks: int, sample: int, seed: int) -> list[int]:
    """``sample`` task indices drawn with ``seed``, in suite order (all of them when ``sample`` is 0 or too
    big)."""
    if not sample or sample >= n_tasks:
        return list(range(n_tasks))
    return sorted(random.Random(seed).sample(range(n_tasks), sample))


def _progress():
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=Console(stderr=True),
    )


@click.command()
@click.option("--suite", default="test", show_default=True, metavar="NAME|FILE", help=SUITE_HELP)
@click.option(
    "--tasks", "tasks_file", default=None, metavar="FILE", help="A JSONL task file (instead of --suite)."
)
@click.option(
    "--sample",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Tasks drawn at random with --seed (0 = all).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seeds the sample and the probes' choices."
)
@click.option(
    "--probe",
    "probes",
    multiple=True,
    metavar="NAME[,NAME]",
    help="Run only these attacks / honest variants (repeatable; default: all).",
)
@json_option
def audit(
    suite: str, tasks_file: str | None, sample: int, seed: int, probes: tuple[str, ...], as_json: bool
) -> None:
    """Run every reward-hacking attack and every honest variant of the oracle against the judge, on real
    episodes.

    Prints a table (attack → success rate over the tasks it applies to, target 0%; honest variant → pass rate,
    target 100%), one line per failure, and a JSON summary as the last line. Exits 1 when any attack earns
    reward on any task or any honest variant (or the oracle) scores below 1.0.
    """
    from toolgym_env.audit import ATTACKS, HONEST, Auditor, render_table, summarize
    from toolgym_env.audit.table import render_failures

    source = tasks_file or suite
    found = suite_tasks(source, "--tasks" if tasks_file else "--suite")
    names = split_names(probes)
    unknown = [n for n in names if n not in ATTACKS and n not in HONEST]
    if unknown:
        raise click.BadParameter(
            f"unknown probe(s) {', '.join(unknown)}; known: {', '.join([*ATTACKS, *HONEST])}",
            param_hint="--probe",
        )
    auditor = Auditor(
        attacks=[n for n in ATTACKS if not names or n in names],
        honest=[n for n in HONEST if not names or n in names or n == "oracle"],
        seed=seed,
    )
    chosen = [found[i] for i in pick(len(found), sample, seed)]
    reports = []
    with _progress() as bar:
        job = bar.add_task("tasks", total=len(chosen))
        for task in chosen:
            reports.append(auditor.audit(task))
            bar.advance(job)
    summary = summarize(reports, source + (f" (sample {len(chosen)}, seed {seed})" if sample else ""))
    if not as_json:
        click.echo(render_table(summary))
        for line in render_failures(summary):
            click.echo(line)
    click.echo(json.dumps(summary))
    if not summary["ok"]:
        click.get_current_context().exit(1)
