"""``toolgym serve-env``: the env served over HTTP/WebSocket by ``openenv-core``, for rollout workers
anywhere."""

from __future__ import annotations

import click

from toolgym_env.cli.options import suite_option


@click.command("serve-env")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every one)."
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option(
    "--max-sessions",
    default=64,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most concurrent sessions (one episode each); one more gets CAPACITY_REACHED.",
)
@suite_option
@click.option(
    "--profile",
    default="none",
    show_default=True,
    help="Default StateController profile of a session (none, light, moderate, heavy, ...).",
)
@click.option(
    "--shaping",
    default=0.0,
    show_default=True,
    type=click.FloatRange(min=0.0),
    help="Default weight of the judge's dense shaping.",
)
@click.option(
    "--session-timeout",
    default=None,
    type=click.FloatRange(min=0.0, min_open=True),
    help="Close sessions idle this many seconds (default: never).",
)
def serve_env(
    host: str,
    port: int,
    max_sessions: int,
    suite: str,
    profile: str,
    shaping: float,
    session_timeout: float | None,
) -> None:
    """Serve ToolGym sessions through openenv-core's server (the openenv extra).

    Clients connect to ws://HOST:PORT/ws (``toolgym_env.integrations.openenv_client.ToolGymClient``); each
    session holds one episode at a time, on the stack its first reset asks for (suite, profile, shaping, seed;
    these options are the defaults). All sessions of the process share one catalog.
    """
    try:
        from toolgym_env.integrations.openenv_server import serve
    except ImportError as exc:
        raise click.ClickException(
            f"serve-env needs the openenv extra (pip install 'toolgym-env[openenv]'): {exc}"
        ) from exc
    from toolgym_env.cli.inputs import suite_tasks
    from toolgym_env.integrations.stack import SessionConfig
    from toolgym_env.wrappers.perturb import profile_config

    suite_tasks(suite)  # an unknown suite or a bad task file is an error now, not at the first session
    try:
        profile_config(profile)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--profile") from exc
    defaults = SessionConfig.parse({"suite": suite, "profile": profile, "shaping": shaping})
    click.echo(
        f"toolgym serve-env: ws://{host}:{port}/ws, up to {max_sessions} sessions, defaults "
        f"{defaults.model_dump(exclude_none=True)}",
        err=True,
    )
    serve(host, port, max_sessions, defaults, session_timeout)
