"""``toolgym report``: one self-contained HTML page of one or more results files: the leaderboard, the plots
and a trajectory viewer (``report.html#ep-<index>`` opens episode ``index`` of the results)."""

from __future__ import annotations

import click

from toolgym_env.cli.inputs import check_writable
from toolgym_env.cli.options import output_option


@click.command("report")
@click.argument("results", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@output_option("report.html", "The HTML file to write.")
@click.option(
    "--max-episodes",
    default=200,
    show_default=True,
    type=click.IntRange(0),
    help="Episodes kept for the trajectory viewer (taken in turn from each agent/profile/suite); "
    "the leaderboard and plots always use every episode.",
)
@click.option(
    "--max-chars",
    default=3000,
    show_default=True,
    type=click.IntRange(200),
    help="Each result, argument and answer text is cut to this many characters.",
)
@click.option("--title", default="ToolGym evaluation", show_default=True, help="Page title.")
@click.option(
    "--plots/--no-plots", default=True, show_default=True, help="Embed the PNG plots (needs matplotlib)."
)
@click.option(
    "--price",
    "prices",
    multiple=True,
    metavar="MODEL=IN,OUT",
    help="Dollars per million prompt and completion tokens of a model (repeatable; MODEL '*' matches "
    "any): adds the cost per episode to the summary.",
)
def report(
    results: tuple[str, ...],
    output: str,
    max_episodes: int,
    max_chars: int,
    title: str,
    plots: bool,
    prices: tuple[str, ...],
) -> None:
    """Write a self-contained HTML report (leaderboard, plots, trajectory viewer) of RESULTS files."""
    from toolgym_env.evaluation.analysis import parse_prices
    from toolgym_env.report import write_report

    check_writable(output)
    try:
        table = parse_prices(prices) if prices else None
        path = write_report(
            list(results),
            output,
            title=title,
            max_episodes=max_episodes,
            max_chars=max_chars,
            plots=plots,
            prices=table,
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {path} ({path.stat().st_size / 1024:,.0f} KiB)")
