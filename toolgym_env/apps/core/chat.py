"""Chat: a team chat workspace (like Slack) — channels, direct messages, threads, reactions and statuses."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.crud import like_escape
from toolgym_env.apps.schema import Schema
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.clock import format_time, parse_time
from toolgym_env.world.seeding import WEEKDAYS, SeedContext

app = AppSpec(
    "chat",
    title="Chat",
    domain="messaging",
    description="Team chat workspace: channels, direct messages, threads, reactions and user statuses.",
)

_CHANNEL_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_EMOJI = re.compile(r"^[a-z0-9_+\-]{1,50}$")


class Reaction(Schema):
    emoji: str = Field(description="Emoji name without colons, e.g. 'thumbsup'.")
    users: list[str] = Field(description="Handles of the people who reacted with it.")


class User(BaseModel):
    id: str = Field(description="User id.")
    handle: str = Field(description="Unique @handle, without the '@'.", min_length=1, max_length=40)
    display_name: str = Field(description="Full name shown in the chat.", max_length=100)
    email: str = Field(description="Email address.", max_length=200)
    title: str = Field("", description="Job title.", max_length=200)
    status_text: str = Field("", description="Custom status, e.g. 'In a meeting'.", max_length=100)
    status_emoji: str = Field("", description="Emoji shown with the status, e.g. 'palm_tree'.", max_length=50)


class Channel(BaseModel):
    id: str = Field(description="Channel id.")
    name: str = Field(
        description="Channel name without '#'; direct messages are named 'dm-<handle>-<handle>'.",
        min_length=1,
        max_length=100,
    )
    topic: str = Field("", description="Channel topic.", max_length=250)
    is_private: bool = Field(False, description="Private channels can only be read and joined by invitation.")
    is_dm: bool = Field(False, description="Whether this is a direct-message conversation.")
    members: list[str] = Field(default_factory=list, description="Handles of the channel's members.")
    created_by: str = Field("", description="Handle of the person who created the channel.")
    created_at: str = Field("", description="When the channel was created (ISO-8601).")


class Message(BaseModel):
    id: str = Field(description="Message id.")
    channel_id: str = Field(description="Channel the message was posted in.")
    author: str = Field(description="Handle of the author.")
    text: str = Field(description="Message text.", min_length=1, max_length=4000)
    ts: str = Field(description="When it was posted (ISO-8601).")
    thread_ts: str | None = Field(
        None, description="For a thread reply: the ts of the thread's parent message."
    )
    parent_id: str | None = Field(
        None, description="For a thread reply: the id of the thread's parent message."
    )
    reply_count: int = Field(0, description="Number of replies in this message's thread.", ge=0)
    reactions: list[Reaction] = Field(default_factory=list, description="Emoji reactions on the message.")


app.resource(
    User,
    name="user",
    id_prefix="usr",
    searchable=("handle", "display_name", "email", "title"),
    ops=("search", "list"),
    order_by="handle",
)
app.resource(
    Channel,
    name="channel",
    id_prefix="ch",
    filterable=("is_private", "is_dm"),
    ops=("list",),
    order_by="is_dm, name",
)
app.resource(Message, name="message", id_prefix="msg", ops=())


class History(BaseModel):
    channel: Channel = Field(description="The channel read.")
    messages: list[Message] = Field(description="Messages, newest first.")
    has_more: bool = Field(description="Whether older messages exist beyond this page.")


class Thread(BaseModel):
    parent: Message = Field(description="The message that started the thread.")
    replies: list[Message] = Field(description="Replies, oldest first.")


class DirectMessage(BaseModel):
    channel: Channel = Field(description="The direct-message conversation.")
    message: Message = Field(description="The message sent.")
    created_channel: bool = Field(description="Whether the conversation was opened by this call.")


class MessageList(BaseModel):
    messages: list[Message] = Field(description="Matching messages, newest first.")
    total: int = Field(description="Number of matches in channels you can read.")


def _me(ctx: ToolContext) -> dict:
    return ctx.select("user", "lower(email) = lower(?)", (ctx.user.email,))[0]


def _channel(ctx: ToolContext, ref: str) -> dict:
    ref = ref.strip()
    rows = ctx.select("channel", "id = ? OR (name = ? AND is_dm = 0)", (ref, ref.lstrip("#").lower()))
    if not rows:
        raise ToolError(f"No channel with id or name '{ref}'.")
    return rows[0]


def _handle(ctx: ToolContext, field: str, raw: str) -> str:
    handle = raw.strip().lstrip("@").lower()
    if not ctx.select("user", "handle = ?", (handle,)):
        raise ToolError(f"{field}: no user with the handle '@{handle}'.")
    return handle


def _readable(ch: dict, me: str) -> bool:
    return not (ch["is_private"] or ch["is_dm"]) or me in ch["members"]


def _check(ch: dict, me: str, write: bool) -> None:
    if me in ch["members"] or (not write and _readable(ch, me)):
        return
    if ch["is_dm"]:
        raise ToolError("That direct-message conversation is not yours.")
    if ch["is_private"]:
        raise ToolError(
            f"#{ch['name']} is a private channel and you are not a member; ask a member to add you."
        )
    raise ToolError(f"You are not a member of #{ch['name']}; join it first with join_channel.")


def _post(ctx: ToolContext, ch: dict, me: str, text: str, parent: dict | None = None) -> dict:
    if not text.strip() or len(text) > 4000:
        raise ToolError("text: a message needs 1 to 4000 characters.")
    row = {"channel_id": ch["id"], "author": me, "text": text, "ts": ctx.now(), "reactions": []}
    if parent is not None:
        row.update(thread_ts=parent["ts"], parent_id=parent["id"])
        ctx.update("message", parent["id"], {"reply_count": parent["reply_count"] + 1})
    return ctx.insert("message", row)


@app.action()
def post_message(ctx: ToolContext, channel: str, text: str) -> Message:
    """Post a message in a channel you are a member of. Returns the posted message.

    Args:
        channel: Channel id or name (e.g. 'general' or '#general').
        text: Message text.
    """
    me, ch = _me(ctx)["handle"], _channel(ctx, channel)
    _check(ch, me, write=True)
    return _post(ctx, ch, me, text)


@app.action()
def reply_in_thread(ctx: ToolContext, message_id: str, text: str) -> Message:
    """Reply in the thread of a message (replying to a reply goes to the same thread). Returns the reply.

    Args:
        message_id: The message to reply to.
        text: Reply text.
    """
    msg = ctx.require("message", message_id)
    parent = ctx.require("message", msg["parent_id"]) if msg["parent_id"] else msg
    me, ch = _me(ctx)["handle"], ctx.require("channel", msg["channel_id"])
    _check(ch, me, write=True)
    return _post(ctx, ch, me, text, parent)


@app.action()
def add_reaction(ctx: ToolContext, message_id: str, emoji: str) -> Message:
    """Add an emoji reaction to a message in a channel you are a member of. Returns the message.

    Args:
        message_id: The message to react to.
        emoji: Emoji name, e.g. 'thumbsup' or ':tada:'.
    """
    msg = ctx.require("message", message_id)
    me, ch = _me(ctx)["handle"], ctx.require("channel", msg["channel_id"])
    _check(ch, me, write=True)
    name = emoji.strip().strip(":").lower()
    if not _EMOJI.match(name):
        raise ToolError(f"emoji: '{emoji}' is not an emoji name such as 'thumbsup'.")
    reactions = [dict(r) for r in msg["reactions"]]
    entry = next((r for r in reactions if r["emoji"] == name), None)
    if entry is None:
        reactions.append({"emoji": name, "users": [me]})
    elif me in entry["users"]:
        raise ToolError(f"You already reacted with :{name}: to this message.")
    else:
        entry["users"] = [*entry["users"], me]
    return ctx.update("message", message_id, {"reactions": reactions})


@app.action()
def send_direct_message(ctx: ToolContext, handle: str, text: str) -> DirectMessage:
    """Send a direct message to a person, opening the conversation if needed. Returns the conversation and
    the message.

    Args:
        handle: The recipient's handle (with or without '@').
        text: Message text.
    """
    me, other = _me(ctx)["handle"], _handle(ctx, "handle", handle)
    members = sorted({me, other})
    name = "dm-" + "-".join(members)
    rows = ctx.select("channel", "is_dm = 1 AND name = ?", (name,))
    ch = (
        rows[0]
        if rows
        else ctx.insert(
            "channel",
            {
                "name": name,
                "is_dm": True,
                "is_private": True,
                "members": members,
                "created_by": me,
                "created_at": ctx.now(),
            },
        )
    )
    return {"channel": ch, "message": _post(ctx, ch, me, text), "created_channel": not rows}


@app.action(idempotent=True)
def join_channel(ctx: ToolContext, channel: str) -> Channel:
    """Join a public channel (joining one you are already in changes nothing). Returns the channel.

    Args:
        channel: Channel id or name.
    """
    me, ch = _me(ctx)["handle"], _channel(ctx, channel)
    if me in ch["members"]:
        return ch
    if ch["is_dm"] or ch["is_private"]:
        raise ToolError(f"#{ch['name']} is private; only a member can add you to it.")
    return ctx.update("channel", ch["id"], {"members": [*ch["members"], me]})


@app.action()
def create_channel(
    ctx: ToolContext, name: str, topic: str = "", is_private: bool = False, members: list[str] | None = None
) -> Channel:
    """Create a channel with you as a member (plus the given handles). Returns the channel.

    Args:
        name: Channel name: lower-case letters, digits, '-' or '_' (a leading '#' is ignored).
        topic: Channel topic.
        is_private: Make it private (invitation only).
        members: Handles of people to add.
    """
    name = name.strip().lstrip("#").lower()
    if not _CHANNEL_NAME.match(name) or name.startswith("dm-"):
        raise ToolError(f"name: '{name}' is not a valid channel name (lower-case letters, digits, '-', '_').")
    if ctx.select("channel", "name = ?", (name,)):
        raise ToolError(f"A channel named #{name} already exists.")
    me = _me(ctx)["handle"]
    handles = list(dict.fromkeys([me, *(_handle(ctx, "members", h) for h in members or [])]))
    return ctx.insert(
        "channel",
        {
            "name": name,
            "topic": topic[:250],
            "is_private": is_private,
            "is_dm": False,
            "members": handles,
            "created_by": me,
            "created_at": ctx.now(),
        },
    )


@app.action(idempotent=True)
def set_status(ctx: ToolContext, status_text: str, status_emoji: str = "") -> User:
    """Set your own status (empty text clears it). Returns your updated profile.

    Args:
        status_text: Status text, e.g. 'Out sick' (at most 100 characters).
        status_emoji: Emoji name, e.g. 'face_with_thermometer'.
    """
    emoji = status_emoji.strip().strip(":").lower()
    if (emoji and not _EMOJI.match(emoji)) or len(status_text) > 100:
        raise ToolError("Give a status text of at most 100 characters and an emoji name such as 'palm_tree'.")
    return ctx.update("user", _me(ctx)["id"], {"status_text": status_text.strip(), "status_emoji": emoji})


@app.action(read_only=True)
def get_my_profile(ctx: ToolContext) -> User:
    """Get your own chat profile: your handle, display name, email and status."""
    return _me(ctx)


@app.action(read_only=True)
def get_channel_history(
    ctx: ToolContext,
    channel: str,
    limit: Annotated[int, Field(ge=1, le=100)] = 20,
    include_replies: bool = False,
) -> History:
    """Read the latest messages of a channel you can see (public channels, or ones you belong to).

    Args:
        channel: Channel id or name.
        limit: How many messages to return (1-100).
        include_replies: Also include thread replies (otherwise only top-level messages).
    """
    ch, me = _channel(ctx, channel), _me(ctx)["handle"]
    _check(ch, me, write=False)
    where = "channel_id = ?" + ("" if include_replies else " AND parent_id IS NULL")
    rows = ctx.select("message", where, (ch["id"],), order_by="ts DESC, rowid DESC", limit=limit + 1)
    return {"channel": ch, "messages": rows[:limit], "has_more": len(rows) > limit}


@app.action(read_only=True)
def get_thread(ctx: ToolContext, message_id: str) -> Thread:
    """Read a message's thread: the parent message and all its replies.

    Args:
        message_id: The parent message (or any reply in the thread).
    """
    msg = ctx.require("message", message_id)
    _check(ctx.require("channel", msg["channel_id"]), _me(ctx)["handle"], write=False)
    parent = ctx.require("message", msg["parent_id"]) if msg["parent_id"] else msg
    replies = ctx.select("message", "parent_id = ?", (parent["id"],), order_by="ts, rowid")
    return {"parent": parent, "replies": replies}


@app.action(read_only=True)
def search_messages(
    ctx: ToolContext, query: str, channel: str | None = None, limit: Annotated[int, Field(ge=1, le=50)] = 20
) -> MessageList:
    """Search messages containing all the given words, in the channels you can read.

    Args:
        query: Words to look for.
        channel: Only search this channel (id or name).
        limit: Maximum number of messages to return (1-50).
    """
    words = query.split()
    if not words:
        raise ToolError("query: give at least one word to search for.")
    me = _me(ctx)["handle"]
    if channel is not None:
        ch = _channel(ctx, channel)
        _check(ch, me, write=False)
        ids = [ch["id"]]
    else:
        ids = [c["id"] for c in ctx.select("channel") if _readable(c, me)]
    where = f"channel_id IN ({', '.join('?' for _ in ids)})" + "".join(
        " AND text LIKE ? ESCAPE '\\'" for _ in words
    )
    params = (*ids, *(f"%{like_escape(w)}%" for w in words))
    rows = ctx.select("message", where, params, order_by="ts DESC, rowid DESC")
    return {"messages": rows[:limit], "total": len(rows)}


_CHANNELS = (  # id, name, topic, private, member count (0 = everyone), owner is a member
    ("ch_general", "general", "Company-wide announcements.", False, 0, True),
    ("ch_random", "random", "Water-cooler chat and links.", False, 25, True),
    ("ch_engineering", "engineering", "Builds, deploys and code reviews.", False, 12, True),
    ("ch_design", "design", "Mockups, feedback and the design system.", False, 8, True),
    ("ch_marketing", "marketing", "Campaigns, launches and content.", False, 10, False),
    ("ch_social", "social", "After-work events, lunches and birthdays.", False, 15, False),
    ("ch_leadership", "leadership", "Leadership team only.", True, 5, True),
    ("ch_hiring", "hiring-committee", "Candidate discussions (confidential).", True, 5, False),
)
_LINES = (
    "Morning all! Reminder that the {} review is on {}.",
    "Has anyone looked at the {} doc yet? ({})",
    "Shipped the {} update to staging :rocket: {}",
    "Can someone review my changes for the {}? Ideally by {}.",
    "Great job on the {}, everyone! Retro on {}.",
    "Who owns the {} going forward? Let's settle it {}.",
)
_REPLIES = (
    "On it.",
    "Thanks!",
    "I'll take a look this afternoon.",
    "+1",
    "Can we discuss in the sync?",
    "Done, let me know if anything is off.",
    "Sounds good to me.",
)
_EMOJIS = ("thumbsup", "tada", "eyes", "heart", "white_check_mark", "joy", "rocket")
_STATUSES = (
    ("In a meeting", "calendar"),
    ("Out sick", "face_with_thermometer"),
    ("On vacation", "palm_tree"),
    ("Commuting", "bus"),
    ("Focus time", "headphones"),
)


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    handles: dict[str, str] = {}
    for person in (s.user, *s.people):
        handle, k = person.handle[:38], 2
        while handle in handles.values():  # handles are unique in the workspace
            handle, k = f"{person.handle[:38]}{k}", k + 1
        handles[person.id] = handle
        status = s.rng.choice(_STATUSES) if person is not s.user and s.rng.random() < 0.2 else ("", "")
        ctx.insert(
            "user",
            {
                "id": f"usr_{person.id}",
                "handle": handle,
                "display_name": person.name,
                "email": person.email,
                "title": person.job_title[:200],
                "status_text": status[0],
                "status_emoji": status[1],
            },
        )
    me, everyone, end = handles[s.user.id], [handles[p.id] for p in s.people], s.at(minutes=-5)

    def post(
        ch: str, members: list[str], author: str, text: str, ts: str, parent: dict | None = None
    ) -> dict:
        reactions = [
            {"emoji": e, "users": s.rng.sample(members, k=min(len(members), s.rng.randint(1, 3)))}
            for e in s.rng.sample(_EMOJIS, k=s.rng.choice((0, 0, 0, 1, 2)))
        ]
        if parent:
            ctx.update(
                "message", parent["id"], {"reply_count": ctx.get("message", parent["id"])["reply_count"] + 1}
            )
        return ctx.insert(
            "message",
            {
                "id": f"msg_{ctx.world.count(ctx.table('message')) + 1:04d}",
                "channel_id": ch,
                "author": author,
                "text": text,
                "ts": ts,
                "thread_ts": parent and parent["ts"],
                "parent_id": parent and parent["id"],
                "reactions": reactions,
            },
        )

    def work_minutes(k: int, days: int) -> list[int]:  # offsets (minutes) in working hours of the last days
        return sorted(
            ((-s.rng.randint(1, days) * 24 + s.rng.randint(-1, 8)) * 60 + s.rng.randint(0, 59))
            for _ in range(k)
        )

    for cid, name, topic, private, size, mine in _CHANNELS:
        members = ([me] if mine else []) + (s.rng.sample(everyone, k=size) if size else everyone)
        ctx.insert(
            "channel",
            {
                "id": cid,
                "name": name,
                "topic": topic,
                "is_private": private,
                "is_dm": False,
                "members": members,
                "created_by": members[-1],
                "created_at": s.at(days=-300),
            },
        )
        for minutes in work_minutes(s.rng.randint(5, 12), 6):
            text = s.rng.choice(_LINES).format(s.fake.bs(), s.rng.choice(WEEKDAYS))
            msg = post(cid, members, s.rng.choice(members), text, s.at(minutes=minutes))
            for _ in range(s.rng.choice((0, 0, 0, 1, 2, 3))):
                ts = format_time(parse_time(msg["ts"]) + timedelta(minutes=s.rng.randint(2, 80)))
                post(cid, members, s.rng.choice(members), s.rng.choice(_REPLIES), min(ts, end), msg)
    for i, person in enumerate(s.rng.sample(s.people, k=4), start=1):
        other, cid = handles[person.id], f"ch_dm_{i:02d}"
        pair = sorted({me, other})
        ctx.insert(
            "channel",
            {
                "id": cid,
                "name": "dm-" + "-".join(pair),
                "is_private": True,
                "is_dm": True,
                "members": pair,
                "created_by": other,
                "created_at": s.at(days=-60),
            },
        )
        for k, minutes in enumerate(work_minutes(s.rng.randint(2, 4), 3)):
            text = (
                s.rng.choice(_REPLIES)
                if k
                else f"Hey {s.user.first_name}, got a minute for the {s.fake.bs()}?"
            )
            post(cid, pair, me if k % 2 else other, text, s.at(minutes=minutes))
