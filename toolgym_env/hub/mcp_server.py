"""Serve apps as a real MCP server (low-level ``mcp.server.Server``): same tools, same results as the direct
route."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import anyio
from mcp import types
from mcp.server import Server

from toolgym_env.hub.catalog import Catalog
from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.world.database import World


def record_to_mcp_tool(record: dict, name: str) -> types.Tool:
    """A catalog record (wire names) as an ``mcp.types.Tool`` called ``name``."""
    ann = record["annotations"]
    return types.Tool(
        name=name,
        title=record.get("title"),
        description=record["description"],
        input_schema=record["inputSchema"],
        output_schema=record.get("outputSchema"),
        annotations=types.ToolAnnotations(
            title=ann["title"],
            read_only_hint=ann["readOnlyHint"],
            destructive_hint=ann["destructiveHint"],
            idempotent_hint=ann["idempotentHint"],
            open_world_hint=ann["openWorldHint"],
        ),
    )


def build_server(
    catalog: Catalog,
    world: World,
    apps: Iterable[str] | None = None,
    *,
    qualified: bool = True,
    name: str = "toolgym",
    ensure: Callable[[World, str], None] | None = None,
) -> Server:
    """An MCP server exposing the tools of ``apps`` (all by default) over ``world``.

    With ``qualified=False`` tools keep their app-local names (``send_email``), as a single-app server would
    list them; every call still goes through the same :class:`DirectRoute` as in-process calls.
    """
    wanted = set(apps) if apps is not None else set(catalog.apps)
    records = [r for r in catalog.records() if r["name"].split("__", 1)[0] in wanted]
    by_name = {(r["name"] if qualified else r["name"].split("__", 1)[1]): r["name"] for r in records}
    listing = types.ListToolsResult(
        tools=[record_to_mcp_tool(r, local) for local, r in zip(by_name, records)]
    )
    route = DirectRoute(catalog, world, ensure)

    async def list_tools(ctx, params) -> types.ListToolsResult:
        return listing

    async def call_tool(ctx, params: types.CallToolRequestParams) -> types.CallToolResult:
        result = route.call(by_name.get(params.name, params.name), params.arguments)
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=result.text)],
            structured_content=result.structured,
            is_error=result.is_error,
        )

    return Server(name, version="0.1.0", on_list_tools=list_tools, on_call_tool=call_tool)


def serve_stdio(server: Server) -> None:
    """Run ``server`` on stdin/stdout until the client disconnects."""
    from mcp.server.stdio import stdio_server

    async def main() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(main)
