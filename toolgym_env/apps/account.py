"""The account tools every app has: who is signed in, and renewing the session.

Real services expose a "current user" endpoint and a way to re-authenticate; the state controller's
session-timeout perturbation relies on the second one existing in every app.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.world.seeding import stable_hex

#: Local (canonical) names of the account tools every app has.
ACCOUNT_TOOLS = frozenset({"get_current_user", "refresh_session"})


def account_kind(name: str) -> str | None:
    """``"refresh_session"`` or ``"get_current_user"`` when a (qualified) tool name is one of the account
    tools under any product's naming convention (``refreshSession``, ``refresh-session``,
    ``crm_refresh_session``, ``fetchCurrentUser``, ...); otherwise ``None``."""
    flat = "".join(ch for ch in name.rsplit("__", 1)[-1].lower() if ch.isalpha())
    if flat.endswith("refreshsession"):
        return "refresh_session"
    if flat.endswith("currentuser"):
        return "get_current_user"
    return None


def is_account_tool(name: str) -> bool:
    """Whether a tool name is an app's ``refresh_session`` or ``get_current_user`` (any naming convention)."""
    return account_kind(name) is not None


class CurrentUser(BaseModel):
    """The signed-in user as one app sees them."""

    app: str = Field(description="The app answering.")
    name: str = Field(description="Full name of the signed-in user.")
    email: str = Field(description="Email address of the signed-in user.")
    role: str = Field(description="The user's role in this app.")
    timezone: str = Field(description="The user's time zone (IANA name).")


class Session(BaseModel):
    """A renewed session."""

    app: str = Field(description="The app the session is for.")
    token: str = Field(description="Opaque session token.")
    expires_at: str = Field(description="When the session expires (ISO-8601).")


def get_current_user(ctx: ToolContext) -> CurrentUser:
    """Return the signed-in user: name, email, role and time zone."""
    user = ctx.user
    return {
        "app": ctx.app.name,
        "name": f"{user.first_name} {user.last_name}",
        "email": user.email,
        "role": "owner",
        "timezone": "UTC",
    }


def refresh_session(ctx: ToolContext) -> Session:
    """Renew the session and return a fresh token with its expiry time."""
    from datetime import timedelta

    from toolgym_env.world.clock import format_time

    now = ctx.world.clock.now()
    token = "sess_" + stable_hex(ctx.app.name, ctx.world.seed, ctx.now(), length=24)
    return {"app": ctx.app.name, "token": token, "expires_at": format_time(now + timedelta(hours=1))}


def add_account_tools(app) -> None:
    """Give ``app`` its ``get_current_user`` and ``refresh_session`` tools (described with its brand)."""
    brand = app.brand or app.title
    if getattr(app, "has_account_tools", False):
        return
    app.action(
        read_only=True,
        name="get_current_user",
        title="Get current user",
        description=f"Return the {brand} account you are signed in as: name, email, role and time zone.",
    )(get_current_user)
    app.action(
        read_only=True,
        name="refresh_session",
        title="Refresh session",
        description=f"Re-authenticate with {brand} and return a fresh session token and its expiry time; "
        f"use it after a call fails because the session expired.",
    )(refresh_session)
    app.has_account_tools = True
