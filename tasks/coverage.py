"""How much of the catalog a suite's oracles exercise: tools, domain actions and apps.

A *domain action* is a tool whose operation is a declared action of an app (cancel, refund, merge, book, …),
not one of the derived create/read/update/delete/list/search tools, nor one of the two account tools every app
has (``get_current_user``, ``refresh_session``: plumbing a task calls only after an expired session, not the
product's own behaviour). The account tools still count as tools.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from toolgym_env.tasks.schema import Task


def catalog_tools() -> tuple[set[str], set[str]]:
    """Every executable tool of the full catalog and the subset that are domain actions (qualified names)."""
    from toolgym_env.apps.account import is_account_tool
    from toolgym_env.universe import Universe

    tools: set[str] = set()
    actions: set[str] = set()
    universe = Universe.full()
    for name in universe.apps:
        app = universe.app(name)
        for tool in app.tools.values():
            tools.add(tool.qualified_name)
            if tool.op == "action" and not is_account_tool(tool.qualified_name):
                actions.add(tool.qualified_name)
    return tools, actions


def coverage(tasks: Sequence[Task], min_tasks_per_app: int = 10) -> dict[str, Any]:
    """Shares of catalog tools and domain actions some oracle calls, and the apps used by fewer than
    ``min_tasks_per_app`` tasks."""
    tools, actions = catalog_tools()
    used = {call.name for t in tasks for call in t.oracle}
    per_app = Counter(a for t in tasks for a in set(t.apps))
    apps = {name.split("__", 1)[0] for name in tools}
    thin = sorted(a for a in apps if per_app.get(a, 0) < min_tasks_per_app)
    return {
        "catalog_tools": len(tools),
        "tools_used": len(used & tools),
        "tool_coverage": round(len(used & tools) / len(tools), 4) if tools else 0.0,
        "domain_actions": len(actions),
        "domain_actions_used": len(used & actions),
        "domain_action_coverage": round(len(used & actions) / len(actions), 4) if actions else 0.0,
        "apps": len(apps),
        f"apps_under_{min_tasks_per_app}_tasks": len(thin),
        "thin_apps": thin[:20],
    }
