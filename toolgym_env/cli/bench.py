"""``toolgym bench``: the performance record (medians and p95 over many timed runs)."""

from __future__ import annotations

import json

import click

from toolgym_env.cli.options import json_option


@click.command()
@json_option
@click.option("-n", default=3000, show_default=True, help="Timed steps per step figure.")
@click.option(
    "--embed/--no-embed",
    default=None,
    help="Measure MiniLM retrieval and memory (default: when the embed extra is installed).",
)
@click.option("--vector-seconds", default=4.0, show_default=True, help="Seconds timed per vector-env width.")
@click.option(
    "--sessions",
    "session_counts",
    default=None,
    metavar="COUNTS",
    help="Only measure concurrent sessions of one `toolgym serve-env` (e.g. 1,64,512; openenv extra).",
)
@click.option(
    "--peers",
    is_flag=True,
    help="Also time tau-bench's and tau2-bench's retail envs (user simulator stubbed) and give the "
    "ratios; each is skipped, with a line, when its package is not importable.",
)
@click.option(
    "--profile/--no-profile",
    "profiles",
    default=True,
    show_default=True,
    help="Profile every figure that misses its target (where its time or memory goes).",
)
def bench(
    as_json: bool,
    n: int,
    embed: bool | None,
    vector_seconds: float,
    session_counts: str | None,
    peers: bool,
    profiles: bool,
) -> None:
    """Time env steps (read, write, error; direct and MCP), resets, the first make + reset of a new process,
    the judge, search_tools and index builds, async vector throughput with 1/2/4 workers, and peak memory;
    compare with the targets and profile the ones missed."""
    if session_counts:
        from toolgym_env.bench.sessions import session_figures

        counts = tuple(int(c) for c in session_counts.split(","))
        click.echo(json.dumps(session_figures(counts, log=lambda line: click.echo(line, err=True))))
        return
    from toolgym_env.bench import TARGETS, run_bench

    result = run_bench(
        n,
        embed=embed,
        vector_seconds=vector_seconds,
        peers=peers,
        profiles=profiles,
        log=lambda part: click.echo(f"[bench] {part}", err=True),
    )
    if as_json:
        click.echo(json.dumps(result))
        return
    for key, value in result.items():
        if key == "profiles":
            for figure, lines in value.items():
                click.echo(f"profile of {figure}:")
                click.echo("\n".join(f"  {line}" for line in lines))
            continue
        if key == "peers":
            for peer, figures in value.items():
                click.echo(f"{peer:34s} {figures}")
            continue
        target = ""
        if key in TARGETS and value is not None:
            bound, kind = TARGETS[key]
            ok = value <= bound if kind == "max" else value >= bound
            target = f"  target {'≤' if kind == 'max' else '≥'} {bound}: {'met' if ok else 'MISSED'}"
        click.echo(f"{key:34s} {value}{target}")
