"""Serve apps as a real MCP server (low-level ``mcp.server.Server``): same tools, same results as the direct route."""

from __future__ import annotations

from collections.abc import Iterable

import anyio
from mcp import types
from mcp.server import Server

from toolgym_env.apps.spec import ToolSpec
from toolgym_env.hub.catalog import Catalog
from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.world.database import World


def to_mcp_tool(tool: ToolSpec, qualified: bool = True) -> types.Tool:
    """A tool spec as an ``mcp.types.Tool``."""
    ann = tool.annotations
    return types.Tool(
        name=tool.qualified_name if qualified else tool.name, title=tool.title, description=tool.description,
        input_schema=tool.input_schema, output_schema=tool.output_schema,
        annotations=types.ToolAnnotations(
            title=ann["title"], read_only_hint=ann["readOnlyHint"], destructive_hint=ann["destructiveHint"],
            idempotent_hint=ann["idempotentHint"], open_world_hint=ann["openWorldHint"],
        ),
    )


def build_server(catalog: Catalog, world: World, apps: Iterable[str] | None = None, *, qualified: bool = True,
                 name: str = "toolgym") -> Server:
    """An MCP server exposing the tools of ``apps`` (all by default) over ``world``.

    With ``qualified=False`` tools keep their app-local names (``send_email``), as a single-app server would
    list them; every call still goes through the same :class:`DirectRoute` as in-process calls.
    """
    wanted = set(apps) if apps is not None else set(catalog.apps)
    specs = [t for t in catalog if t.app in wanted]
    by_name = {(t.qualified_name if qualified else t.name): t for t in specs}
    listing = types.ListToolsResult(tools=[to_mcp_tool(t, qualified) for t in specs])
    route = DirectRoute(catalog, world)

    async def list_tools(ctx, params) -> types.ListToolsResult:
        return listing

    async def call_tool(ctx, params: types.CallToolRequestParams) -> types.CallToolResult:
        spec = by_name.get(params.name)
        result = route.call(spec.qualified_name if spec else params.name, params.arguments)
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=result.text)],
            structured_content=result.structured, is_error=result.is_error,
        )

    return Server(name, version="0.1.0", on_list_tools=list_tools, on_call_tool=call_tool)


def serve_stdio(server: Server) -> None:
    """Run ``server`` on stdin/stdout until the client disconnects."""
    from mcp.server.stdio import stdio_server

    async def main() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(main)
