"""Real MCP sessions: `toolgym serve mail` over stdio, and the in-memory route matching the direct route."""

import os
import shutil
import sys

import anyio
import pytest
from mcp import Client, StdioServerParameters

from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.hub.mcp_route import McpRoute
from toolgym_env.universe import Universe


def _server_params(*apps):
    exe = shutil.which("toolgym", path=os.path.dirname(sys.executable))
    if exe:
        return StdioServerParameters(command=exe, args=["serve", *apps])
    return StdioServerParameters(command=sys.executable, args=["-m", "toolgym_env.cli", "serve", *apps])


@pytest.mark.slow
def test_serve_mail_over_stdio_lists_and_calls():
    async def main():
        async with Client(_server_params("mail")) as client:
            tools = (await client.list_tools()).tools
            names = {t.name for t in tools}
            assert {"send_email", "search_messages", "reply_to_email"} <= names
            send = next(t for t in tools if t.name == "send_email")
            assert send.input_schema["required"] == ["to", "subject", "body"] and send.output_schema
            assert send.annotations.read_only_hint is False
            ok = await client.call_tool(
                "send_email", {"to": ["ann@example.com"], "subject": "Hi", "body": "Hello"}
            )
            assert not ok.is_error and ok.structured_content["delivered_to"] == ["ann@example.com"]
            bad = await client.call_tool("send_email", {"to": "ann@example.com"})
            assert bad.is_error and "Invalid arguments" in bad.content[0].text

    anyio.run(main)


CALLS = [
    ("contacts__search_contacts", {"query": "a", "limit": 3}),
    ("mail__send_email", {"to": ["bo@example.com"], "subject": "Report", "body": "Attached."}),
    ("bank__send_payment", {"from_account_id": "acc_checking", "amount": 12.5, "payee_id": "payee_p009"}),
    ("bank__send_payment", {"from_account_id": "acc_checking", "amount": "12"}),
    ("calendar__list_events", {"start_date": "2026-03-02", "end_date": "2026-03-04"}),
    ("weather__get_forecast", {"city": "Paris", "days": 3}),
    ("travel__search_flights", {"origin": "JFK", "destination": "LHR", "date": "2026-03-05"}),
    ("no__such_tool", {}),
    ("mail__send_email", "not json"),
]


def test_in_memory_mcp_route_gives_the_same_results_as_direct():
    u = Universe.core()
    direct = DirectRoute(u.catalog, u.build_world(0))
    via_mcp = McpRoute(u.catalog, u.build_world(0))
    try:
        for name, args in CALLS:
            assert via_mcp.call(name, args) == direct.call(name, args), name
    finally:
        via_mcp.close()


@pytest.mark.slow
def test_serve_a_generated_app_over_stdio():
    """A generated product is a real MCP server too, listing its tools in its own naming convention."""

    async def main():
        async with Client(_server_params("sprintly")) as client:
            tools = {t.name: t for t in (await client.list_tools()).tools}
            assert {"listIssues", "transitionIssue", "getCurrentUser", "refreshSession"} <= set(tools)
            listed = await client.call_tool("listIssues", {"limit": 2})
            assert not listed.is_error and len(listed.structured_content["items"]) == 2
            issue = listed.structured_content["items"][0]
            moved = await client.call_tool(
                "transitionIssue", {"issue_id": issue["id"], "status": issue["status"]}
            )
            assert moved.is_error and "already" in moved.content[0].text

    anyio.run(main)
