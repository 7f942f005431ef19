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
    from toolgym_env.apps import CORE_APPS
    from toolgym_env.hub.mcp_server import build_server, serve_stdio
    from toolgym_env.universe import Universe

    names = CORE_APPS if apps == ("all",) else apps
    unknown = [a for a in names if a not in CORE_APPS]
    if unknown:
        raise click.BadParameter(f"unknown app(s) {', '.join(unknown)}; known: {', '.join(CORE_APPS)}")
    universe = Universe.core()
    world = universe.build_world(seed)
    single = len(names) == 1
    server = build_server(universe.catalog, world, names, qualified=not single,
                          name=names[0] if single else "toolgym")
    serve_stdio(server)
