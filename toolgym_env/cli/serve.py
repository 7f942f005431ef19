"""``toolgym serve APP``: an app as a real MCP server over stdio."""

from __future__ import annotations

import click


@click.command()
@click.argument("apps", nargs=-1, required=True)
@click.option("--seed", default=0, show_default=True, help="World seed.")
def serve(apps: tuple[str, ...], seed: int) -> None:
    """Serve APPS (or 'all') as one MCP server on stdin/stdout.

    A single app lists its tools by their own names (send_email); several apps use namespaced names
    (mail__send_email).
    """
    from toolgym_env.hub.mcp_server import build_server, serve_stdio
    from toolgym_env.universe import Universe

    universe = Universe.full()
    names = universe.app_names if apps == ("all",) else apps
    unknown = [a for a in names if a not in universe.catalog.apps]
    if unknown:
        raise click.BadParameter(
            f"unknown app(s) {', '.join(unknown)}; `toolgym catalog stats` lists the apps"
        )
    world = universe.build_world(seed, names if len(names) < 20 else ())
    single = len(names) == 1
    server = build_server(
        universe.catalog,
        world,
        names,
        qualified=not single,
        name=names[0] if single else "toolgym",
        ensure=universe.ensure_app,
    )
    serve_stdio(server)
