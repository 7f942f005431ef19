"""``toolgym eval``: run an agent over a suite (k attempts, optional perturbation profile), append the episode
records to a resumable JSONL file, print the Markdown summary of the file and one JSON line of headline
figures; optionally write the summary to a file and PNG plots to a folder."""

from __future__ import annotations

import json
from typing import Any, Unpack

import click

from toolgym_env.cli.inputs import check_agent, check_writable, check_writable_dir, suite_tasks
from toolgym_env.cli.options import (
    RunOptions,
    episode_options,
    llm_options,
    output_option,
    suite_option,
    workers_option,
)


def parse_agent_args(pairs: tuple[str, ...]) -> dict[str, Any]:
    """``("model=gpt-x", "temperature=0.2")`` → ``{"model": "gpt-x", "temperature": 0.2}`` (values read as
    JSON when they parse, else kept as text)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint="--agent-arg")
        try:
            out[key.strip()] = json.loads(value)
        except ValueError:
            out[key.strip()] = value
    return out


def _check_profile(profile: str | None) -> None:
    from toolgym_env.wrappers.perturb import PROFILES

    if profile is not None and profile not in PROFILES:
        raise click.BadParameter(
            f"unknown profile {profile!r}; choose from {', '.join(sorted(PROFILES))}", param_hint="--profile"
        )


def agent_kwargs_of(
    agent_args: tuple[str, ...], model: str | None, base_url: str | None, api_key: str | None, **more: Any
) -> dict[str, Any]:
    """The agent's constructor arguments: the ``--agent-arg`` pairs, then the ``--model``, ``--base-url`` and
    ``--api-key`` flags (and any of ``more`` that is set, e.g. ``max_retries``) over them."""
    kwargs = parse_agent_args(agent_args)
    for key, value in (("model", model), ("base_url", base_url), ("api_key", api_key), *more.items()):
        if value is not None:
            kwargs[key] = value
    return kwargs


def run_options(command: Any) -> Any:
    """``--run-name``, ``--retry-errors``, ``--max-infra-share`` and the endpoint retry options."""
    command = click.option(
        "--retry-base-s",
        type=click.FloatRange(0),
        default=None,
        help="LLM agents: first backoff wait in seconds, doubled per retry (default 1).",
    )(command)
    command = click.option(
        "--max-retries",
        type=click.IntRange(0),
        default=None,
        help="LLM agents: retries of a failed request (429, 5xx, timeout, connection, malformed "
        "reply) before the episode is an infrastructure error (default 4).",
    )(command)
    command = click.option(
        "--max-infra-share",
        type=click.FloatRange(0, 1),
        default=0.2,
        show_default=True,
        help="Exit with status 3 when more than this share of the run's episodes are "
        "infrastructure errors (the model endpoint could not be reached).",
    )(command)
    command = click.option(
        "--retry-errors",
        is_flag=True,
        help="Run again the episodes of this run whose endpoint failed (infrastructure "
        "errors); the new records supersede the old.",
    )(command)
    return click.option(
        "--run-name",
        default=None,
        metavar="NAME",
        help="Label of this run (default: agent@model-<config id>). Records and the manifest "
        "carry it; a name already used in the file by other settings is refused.",
    )(command)


def infra_check(records: list[dict[str, Any]], max_share: float) -> None:
    """Say on stderr how many of the run's episodes are infrastructure errors; exit with status 3 past
    ``max_share`` of them."""
    from toolgym_env.records.record import is_infra_error

    failed = [r for r in records if is_infra_error(r)]
    if not failed:
        return
    share = len(failed) / len(records)
    click.echo(
        f"warning: {len(failed)} of {len(records)} episodes ({share:.0%}) are infrastructure errors (the "
        f"model endpoint could not be reached; first: {failed[0]['infra_error'][:200]}); they are left out "
        "of success rates; rerun them with --retry-errors",
        err=True,
    )
    if share > max_share:
        click.echo(f"error: infrastructure errors exceed --max-infra-share {max_share:.0%}", err=True)
        raise SystemExit(3)


def backend_options(command: Any) -> Any:
    """The ``--backend``, ``--ray-address`` and ``--ray-runtime-env`` options (for ``eval`` and
    ``collect``)."""
    command = click.option(
        "--ray-runtime-env",
        "ray_runtime_env",
        default=None,
        metavar="JSON",
        help="Ray runtime_env of the workers, as JSON, for a cluster whose nodes lack the "
        'package (e.g. \'{"pip": ["toolgym-env"]}\').',
    )(command)
    command = click.option(
        "--ray-address",
        default=None,
        metavar="ADDR",
        help="Ray cluster to run on (ray.init address: auto, HOST:PORT, ray://HOST:10001; "
        "default: a local cluster of --workers CPUs started for the run).",
    )(command)
    return click.option(
        "--backend",
        type=click.Choice(["local", "ray"]),
        default="local",
        show_default=True,
        help="Where episodes run: local processes, or Ray actors (the ray extra).",
    )(command)


def backend_args(backend: str, ray_address: str | None, ray_runtime_env: str | None) -> dict[str, Any]:
    """The ``run_eval`` keyword arguments of the backend options, checked (Ray installed, JSON valid)."""
    if backend != "ray":
        if ray_address or ray_runtime_env:
            raise click.UsageError("--ray-address and --ray-runtime-env need --backend ray")
        return {}
    from toolgym_env.evaluation.ray_backend import RayUnavailableError, require_ray

    try:
        require_ray()
    except RayUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    env = None
    if ray_runtime_env:
        try:
            env = json.loads(ray_runtime_env)
        except ValueError as exc:
            raise click.BadParameter(f"not JSON: {exc}", param_hint="--ray-runtime-env") from exc
        if not isinstance(env, dict):
            raise click.BadParameter("expected a JSON object", param_hint="--ray-runtime-env")
    return {"backend": "ray", "ray_address": ray_address, "ray_runtime_env": env}


@click.command("eval")
@click.option("--agent", "agent", required=True, help="Agent name (see toolgym_env.agents.AGENTS).")
@suite_option
@click.option("--sample", default=0, show_default=True, help="Tasks spread over the suite (0 = all).")
@click.option(
    "-k",
    "--attempts",
    "k",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Attempts per task (pass@k and pass^k for k = 1..K).",
)
@click.option("--profile", default=None, help="StateController perturbation profile or kind (default: none).")
@click.option("--seed", default=0, show_default=True, help="Run seed (episode seeds are derived from it).")
@workers_option
@output_option("results.jsonl", "JSONL results file (appended to; episodes already in it are skipped).")
@click.option(
    "--plots", "plots_dir", type=click.Path(file_okay=False), help="Folder for PNG plots (needs matplotlib)."
)
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(dir_okay=False),
    help="Also write the Markdown summary to this file.",
)
@episode_options
@llm_options
@run_options
@click.option(
    "--progress/--no-progress", default=True, show_default=True, help="Show a progress bar on stderr."
)
@backend_options
def evaluate(
    profile: str | None,
    output: str,
    plots_dir: str | None,
    summary_path: str | None,
    agent_args: tuple[str, ...],
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    run_name: str | None,
    retry_errors: bool,
    max_infra_share: float,
    max_retries: int | None,
    retry_base_s: float | None,
    backend: str,
    ray_address: str | None,
    ray_runtime_env: str | None,
    **options: Unpack[RunOptions],
) -> None:
    """Evaluate an agent on a suite or task file; print the Markdown summary of the results file and a JSON
    headline. Exits with status 3 when too many episodes could not reach the model endpoint."""
    agent_kwargs = agent_kwargs_of(
        agent_args, model, base_url, api_key, max_retries=max_retries, retry_base_s=retry_base_s
    )
    check_agent(options["agent"], agent_kwargs)
    _check_profile(profile)
    backend_kwargs = backend_args(backend, ray_address, ray_runtime_env)
    suite_tasks(options["suite"])
    check_writable(output)
    check_writable(summary_path, "--summary")
    check_writable_dir(plots_dir, "--plots")
    run(
        profile=profile,
        out=output,
        plots_dir=plots_dir,
        summary_path=summary_path,
        agent_kwargs=agent_kwargs,
        run_name=run_name,
        retry_errors=retry_errors,
        max_infra_share=max_infra_share,
        backend=backend_kwargs,
        **options,
    )


def run(
    *,
    profile: str | None,
    out: str,
    plots_dir: str | None,
    summary_path: str | None,
    agent_kwargs: dict[str, Any],
    run_name: str | None = None,
    retry_errors: bool = False,
    max_infra_share: float = 1.0,
    backend: dict[str, Any],
    **options: Unpack[RunOptions],
) -> dict[str, Any]:
    """The body of ``toolgym eval`` (``agent_kwargs`` holds ``--agent-arg`` pairs and the ``--model``,
    ``--base-url`` and ``--api-key`` flags; ``backend`` the ``run_eval`` backend arguments); returns the
    headline of this run's records."""
    from toolgym_env.errors import InvalidArgumentError
    from toolgym_env.evaluation.runner import run_eval
    from toolgym_env.evaluation.stats import headline, summarize
    from toolgym_env.evaluation.summary import markdown_summary, write_summary
    from toolgym_env.records.store import ResultStore

    try:
        records = run_eval(
            profile=profile,
            out=out,
            agent_kwargs=agent_kwargs,
            run_name=run_name,
            retry_errors=retry_errors,
            **options,
            **backend,
        )
    except InvalidArgumentError as exc:
        raise click.ClickException(str(exc)) from exc
    everything = summarize(ResultStore(out).read())
    title = f"Evaluation ({out})"
    click.echo(markdown_summary(everything, title))
    if summary_path:
        write_summary(summary_path, everything, title)
    if plots_dir:
        try:
            from toolgym_env.evaluation.plots import write_plots

            write_plots(everything, plots_dir)
        except ImportError as exc:
            click.echo(f"no plots written: {exc}", err=True)
    mine = summarize(records)
    head = {"out": out, "seed": options["seed"], **(headline(mine[0]) if mine else {"episodes": 0})}
    click.echo(json.dumps(head))
    infra_check(records, max_infra_share)
    return head
