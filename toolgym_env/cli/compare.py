"""``toolgym compare A.jsonl B.jsonl``: two runs on the same tasks, paired: per-task success deltas, their
mean with a bootstrap CI, a paired sign-flip test, and each run's failure kinds; Markdown, then one JSON
line."""

from __future__ import annotations

import json

import click


@click.command("compare")
@click.argument("a", type=click.Path(exists=True, dir_okay=False))
@click.argument("b", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--run-a", default=None, metavar="NAME", help="Only the records of this run in A (by run name)."
)
@click.option(
    "--run-b", default=None, metavar="NAME", help="Only the records of this run in B (by run name)."
)
def compare(a: str, b: str, run_a: str | None, run_b: str | None) -> None:
    """Compare run B with run A, task by task (the tasks both ran)."""
    from toolgym_env.evaluation.analysis import compare_markdown, compare_runs
    from toolgym_env.records.record import run_label
    from toolgym_env.records.store import ResultStore

    sides = []
    for path, name in ((a, run_a), (b, run_b)):
        records = [r for r in ResultStore(path).read(repair=False) if name is None or run_label(r) == name]
        if not records:
            raise click.ClickException(
                f"no episode records in {path}" + (f" for run {name!r}" if name else "")
            )
        sides.append(records)
    result = compare_runs(*sides)
    if result["tasks"] == 0:
        raise click.ClickException("the two runs share no task: nothing to pair")
    click.echo(compare_markdown(result, (run_a or a, run_b or b)))
    click.echo(
        json.dumps(
            {k: v for k, v in result.items() if k not in ("a_better", "b_better")}
            | {"a_better": len(result["a_better"]), "b_better": len(result["b_better"])}
        )
    )
