"""Social media: accounts, posts (drafts, scheduled, published), comments, follows and direct messages."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("social media")

Visibility = Literal["public", "followers", "private"]
PostStatus = Literal["draft", "scheduled", "published", "archived"]
# Minute-precision UTC date-time, e.g. 2026-03-15T09:30 (days capped at 28 so every value is a real date).
DATETIME = r"^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d$"


class Account(BaseModel):
    id: str = Field(description="Account id.")
    handle: str = Field(description="Unique handle without the @, e.g. 'jdoe'.", pattern=r"^[a-z0-9_]{3,30}$")
    display_name: str = Field(description="Name shown on the profile.", min_length=1, max_length=60)
    bio: str = Field("", description="Profile bio.", max_length=280)
    email: str = Field("", description="Email of the account owner.", max_length=200)
    location: str = Field("", description="Location shown on the profile.", max_length=80)
    website: str = Field("", description="Website link on the profile.", max_length=200)
    is_private: bool = Field(False, description="Whether follow requests must be approved.")
    verified: bool = Field(False, description="Whether the account is verified.")
    followers_count: int = Field(0, ge=0, description="Number of active followers.")
    created_at: str = Field("", description="When the account was created (ISO-8601).")


class Post(BaseModel):
    id: str = Field(description="Post id.")
    account_id: str = Field(description="Account that authored the post.")
    text: str = Field(description="Post text.", min_length=1, max_length=500)
    visibility: Visibility = Field("public", description="Who can see the post.")
    status: PostStatus = Field("draft", description="Lifecycle status.")
    hashtags: list[str] = Field(default_factory=list, description="Hashtags without the '#'.")
    media_urls: list[str] = Field(default_factory=list, description="Attached image or video URLs.")
    reply_to_id: str = Field("", description="Post this one replies to (threads); empty when none.")
    scheduled_for: str = Field("", description="When a scheduled post goes out (ISO-8601); empty otherwise.")
    published_at: str = Field("", description="When the post was published (ISO-8601); empty if not yet.")
    liked_by: list[str] = Field(default_factory=list, description="Ids of accounts that liked the post.")
    like_count: int = Field(0, ge=0, description="Number of likes.")
    comment_count: int = Field(0, ge=0, description="Number of comments.")
    created_at: str = Field("", description="When the post was created (ISO-8601).")


class Comment(BaseModel):
    id: str = Field(description="Comment id.")
    post_id: str = Field(description="Post the comment is on.")
    account_id: str = Field(description="Account that wrote the comment.")
    text: str = Field(description="Comment text.", min_length=1, max_length=500)
    hidden: bool = Field(False, description="Whether the post author hid the comment.")
    created_at: str = Field("", description="When the comment was posted (ISO-8601).")


class Follow(BaseModel):
    id: str = Field(description="Follow id.")
    follower_id: str = Field(description="Account that follows.")
    followee_id: str = Field(description="Account being followed.")
    status: Literal["active", "pending"] = Field(
        "active", description="Pending until a private account approves."
    )
    created_at: str = Field("", description="When the follow was requested (ISO-8601).")


class Message(BaseModel):
    id: str = Field(description="Direct message id.")
    sender_id: str = Field(description="Account that sent the message.")
    recipient_id: str = Field(description="Account that received the message.")
    text: str = Field(description="Message text.", min_length=1, max_length=1000)
    read: bool = Field(False, description="Whether the recipient has read it.")
    sent_at: str = Field("", description="When the message was sent (ISO-8601).")


bp.resource(
    Account,
    name="account",
    id_prefix="acc",
    searchable=("handle", "display_name", "bio"),
    filterable=("is_private", "verified"),
    readonly=("followers_count", "verified", "email"),
    ops=("search", "list", "get", "update"),
    order_by="handle",
)
bp.resource(
    Post,
    name="post",
    id_prefix="pst",
    searchable=("text",),
    filterable=("account_id", "status", "visibility"),
    refs={"account_id": "account"},
    readonly=(
        "status",
        "scheduled_for",
        "published_at",
        "liked_by",
        "like_count",
        "comment_count",
        "reply_to_id",
    ),
    order_by="created_at DESC",
)
bp.resource(
    Comment,
    name="comment",
    id_prefix="cmt",
    filterable=("post_id", "account_id"),
    refs={"post_id": "post", "account_id": "account"},
    ops=("list", "get", "delete"),
    order_by="created_at",
)
bp.resource(
    Follow,
    name="follow",
    id_prefix="fol",
    filterable=("follower_id", "followee_id", "status"),
    refs={"follower_id": "account", "followee_id": "account"},
    ops=("list", "get"),
    order_by="created_at DESC",
)
bp.resource(
    Message,
    name="message",
    id_prefix="dm",
    searchable=("text",),
    filterable=("sender_id", "recipient_id", "read"),
    refs={"sender_id": "account", "recipient_id": "account"},
    ops=("search", "list", "get", "delete"),
    order_by="sent_at DESC",
)


class PostList(BaseModel):
    posts: list[Post] = Field(description="The posts.")


class MessageList(BaseModel):
    messages: list[Message] = Field(description="The messages.")
    changed: int = Field(0, description="How many messages changed state.")


class Insights(BaseModel):
    post_id: str = Field(description="The post.")
    likes: int = Field(description="Number of likes.")
    comments: int = Field(description="Number of visible comments.")
    author_followers: int = Field(description="Followers of the author.")
    engagement_rate: float = Field(description="(likes + comments) / followers, as a percentage.")


class NewScheduledPost(BaseModel):
    text: str = Field(description="Post text.", min_length=1, max_length=500)
    publish_at: str = Field(description="When to publish (UTC, YYYY-MM-DDTHH:MM).", pattern=DATETIME)
    visibility: Visibility = Field("public", description="Who can see the post.")


class ThreadPart(BaseModel):
    text: str = Field(description="Text of this part of the thread.", min_length=1, max_length=500)
    media_url: str = Field("", description="Optional image or video URL.", max_length=300)


def _me(ctx: ToolContext) -> dict:
    rows = ctx.select("account", "email = ?", (ctx.user.email,))
    if not rows:
        raise ToolError("The current user has no account on this network.")
    return rows[0]


def _own_post(ctx: ToolContext, post_id: str) -> dict:
    post = ctx.require("post", post_id)
    if post["account_id"] != _me(ctx)["id"]:
        raise ToolError(f"Post {post_id} belongs to another account; you can only manage your own posts.")
    return post


def _tags(text: str) -> list[str]:
    return sorted({w[1:].strip(".,!?").lower() for w in text.split() if w.startswith("#") and len(w) > 1})


def _iso(stamp: str) -> str:
    return stamp + ":00Z"


@bp.action()
def publish_post(ctx: ToolContext, post_id: str) -> Post:
    """Publish one of your {app} drafts or scheduled posts right away; returns the published post.

    Args:
        post_id: The draft or scheduled post to publish.
    """
    post = _own_post(ctx, post_id)
    if post["status"] not in ("draft", "scheduled"):
        raise ToolError(
            f"Post {post_id} is '{post['status']}'; only draft or scheduled posts can be published."
        )
    return ctx.update(
        "post", post_id, {"status": "published", "published_at": ctx.now(), "scheduled_for": ""}
    )


@bp.action()
def schedule_post(
    ctx: ToolContext, post_id: str, publish_at: Annotated[str, Field(pattern=DATETIME)]
) -> Post:
    """Schedule one of your {app} drafts to go out at a future time (UTC); returns the scheduled post.

    Args:
        post_id: The draft to schedule.
        publish_at: When to publish it, UTC, as YYYY-MM-DDTHH:MM.
    """
    post = _own_post(ctx, post_id)
    if post["status"] != "draft":
        raise ToolError(f"Post {post_id} is '{post['status']}'; only drafts can be scheduled.")
    when = _iso(publish_at)
    if when <= ctx.now():
        raise ToolError(f"publish_at {publish_at} is not in the future (now is {ctx.now()}).")
    return ctx.update("post", post_id, {"status": "scheduled", "scheduled_for": when})


@bp.action()
def cancel_scheduled_post(ctx: ToolContext, post_id: str) -> Post:
    """Cancel a scheduled {app} post and turn it back into a draft; returns the draft.

    Args:
        post_id: The scheduled post to cancel.
    """
    post = _own_post(ctx, post_id)
    if post["status"] != "scheduled":
        raise ToolError(f"Post {post_id} is '{post['status']}', not scheduled.")
    return ctx.update("post", post_id, {"status": "draft", "scheduled_for": ""})


@bp.action()
def bulk_schedule_posts(
    ctx: ToolContext, posts: Annotated[list[NewScheduledPost], Field(min_length=1, max_length=10)]
) -> PostList:
    """Create several scheduled {app} posts at once (all or none); every publish time must be in the future.

    Args:
        posts: The posts to schedule, each with its text, time and visibility.
    """
    me = _me(ctx)
    now = ctx.now()
    for i, p in enumerate(posts):
        if _iso(p["publish_at"]) <= now:
            raise ToolError(
                f"posts[{i}].publish_at {p['publish_at']} is not in the future; nothing was scheduled."
            )
    made = [
        ctx.insert(
            "post",
            {
                "account_id": me["id"],
                "text": p["text"],
                "visibility": p["visibility"],
                "status": "scheduled",
                "scheduled_for": _iso(p["publish_at"]),
                "hashtags": _tags(p["text"]),
                "created_at": now,
            },
        )
        for p in posts
    ]
    return {"posts": made}


@bp.action()
def publish_thread(
    ctx: ToolContext, parts: Annotated[list[ThreadPart], Field(min_length=2, max_length=12)]
) -> PostList:
    """Publish a {app} thread: each part becomes a public post replying to the previous one. Returns the
    posts.

    Args:
        parts: The parts of the thread, in order (2-12).
    """
    me = _me(ctx)
    now = ctx.now()
    made: list[dict] = []
    for part in parts:
        made.append(
            ctx.insert(
                "post",
                {
                    "account_id": me["id"],
                    "text": part["text"],
                    "status": "published",
                    "published_at": now,
                    "media_urls": [part["media_url"]] if part.get("media_url") else [],
                    "hashtags": _tags(part["text"]),
                    "reply_to_id": made[-1]["id"] if made else "",
                    "created_at": now,
                },
            )
        )
    return {"posts": made}


@bp.action(idempotent=True)
def like_post(ctx: ToolContext, post_id: str) -> Post:
    """Like a published {app} post as the current user; liking a post twice changes nothing.

    Args:
        post_id: The post to like.
    """
    post = ctx.require("post", post_id)
    if post["status"] != "published":
        raise ToolError(f"Post {post_id} is not published ('{post['status']}') and cannot be liked.")
    me = _me(ctx)
    if me["id"] in post["liked_by"]:
        return post
    liked = [*post["liked_by"], me["id"]]
    return ctx.update("post", post_id, {"liked_by": liked, "like_count": len(liked)})


@bp.action(idempotent=True)
def unlike_post(ctx: ToolContext, post_id: str) -> Post:
    """Remove the current user's like from a {app} post; returns the post with its updated like count.

    Args:
        post_id: The post to unlike.
    """
    post = ctx.require("post", post_id)
    me = _me(ctx)
    if me["id"] not in post["liked_by"]:
        raise ToolError(f"You have not liked post {post_id}.")
    liked = [a for a in post["liked_by"] if a != me["id"]]
    return ctx.update("post", post_id, {"liked_by": liked, "like_count": len(liked)})


@bp.action()
def comment_on_post(
    ctx: ToolContext, post_id: str, text: Annotated[str, Field(min_length=1, max_length=500)]
) -> Comment:
    """Comment on a published {app} post as the current user and return the new comment.

    Args:
        post_id: The post to comment on.
        text: Comment text.
    """
    post = ctx.require("post", post_id)
    if post["status"] != "published":
        raise ToolError(f"Post {post_id} is not published ('{post['status']}'); comments are closed.")
    if not text.strip():
        raise ToolError("text: the comment cannot be blank.")
    comment = ctx.insert(
        "comment",
        {"post_id": post_id, "account_id": _me(ctx)["id"], "text": text.strip(), "created_at": ctx.now()},
    )
    ctx.update("post", post_id, {"comment_count": post["comment_count"] + 1})
    return comment


@bp.action(idempotent=True)
def hide_comment(ctx: ToolContext, comment_id: str) -> Comment:
    """Hide a comment left on one of your {app} posts so others no longer see it; returns the comment.

    Args:
        comment_id: The comment to hide.
    """
    comment = ctx.require("comment", comment_id)
    post = ctx.require("post", comment["post_id"])
    if post["account_id"] != _me(ctx)["id"]:
        raise ToolError(f"Comment {comment_id} is on someone else's post; only the post author can hide it.")
    if comment["hidden"]:
        return comment
    ctx.update("post", post["id"], {"comment_count": max(0, post["comment_count"] - 1)})
    return ctx.update("comment", comment_id, {"hidden": True})


@bp.action(idempotent=True)
def follow_account(ctx: ToolContext, account_id: str) -> Follow:
    """Follow a {app} account; private accounts get a pending request. Following twice changes nothing.

    Args:
        account_id: The account to follow.
    """
    target = ctx.require("account", account_id)
    me = _me(ctx)
    if target["id"] == me["id"]:
        raise ToolError("You cannot follow your own account.")
    existing = ctx.select("follow", "follower_id = ? AND followee_id = ?", (me["id"], account_id))
    if existing:
        return existing[0]
    status = "pending" if target["is_private"] else "active"
    follow = ctx.insert(
        "follow",
        {"follower_id": me["id"], "followee_id": account_id, "status": status, "created_at": ctx.now()},
    )
    if status == "active":
        ctx.update("account", account_id, {"followers_count": target["followers_count"] + 1})
    return follow


@bp.action(destructive=True)
def unfollow_account(ctx: ToolContext, account_id: str) -> Account:
    """Stop following a {app} account (or withdraw a pending request); returns the account.

    Args:
        account_id: The account to unfollow.
    """
    target = ctx.require("account", account_id)
    me = _me(ctx)
    existing = ctx.select("follow", "follower_id = ? AND followee_id = ?", (me["id"], account_id))
    if not existing:
        raise ToolError(f"You do not follow @{target['handle']}.")
    ctx.delete("follow", existing[0]["id"])
    if existing[0]["status"] == "active":
        target = ctx.update("account", account_id, {"followers_count": max(0, target["followers_count"] - 1)})
    return target


@bp.action()
def approve_follow_request(ctx: ToolContext, follow_id: str) -> Follow:
    """Approve a pending follow request sent to your {app} account; returns the now active follow.

    Args:
        follow_id: The pending follow request.
    """
    follow = ctx.require("follow", follow_id)
    me = _me(ctx)
    if follow["followee_id"] != me["id"]:
        raise ToolError(f"Follow {follow_id} is not a request to your account.")
    if follow["status"] != "pending":
        raise ToolError(f"Follow {follow_id} is already active.")
    ctx.update("account", me["id"], {"followers_count": me["followers_count"] + 1})
    return ctx.update("follow", follow_id, {"status": "active"})


@bp.action()
def send_direct_message(
    ctx: ToolContext, account_id: str, text: Annotated[str, Field(min_length=1, max_length=1000)]
) -> Message:
    """Send a {app} direct message to an account; private accounts only accept messages from people they
    follow.

    Args:
        account_id: The recipient account.
        text: Message text.
    """
    target = ctx.require("account", account_id)
    me = _me(ctx)
    if target["id"] == me["id"]:
        raise ToolError("You cannot send a direct message to yourself.")
    if target["is_private"] and not ctx.select(
        "follow", "follower_id = ? AND followee_id = ? AND status = 'active'", (account_id, me["id"])
    ):
        raise ToolError(
            f"@{target['handle']} is private and does not follow you; they do not accept your messages."
        )
    if not text.strip():
        raise ToolError("text: the message cannot be blank.")
    return ctx.insert(
        "message",
        {"sender_id": me["id"], "recipient_id": account_id, "text": text.strip(), "sent_at": ctx.now()},
    )


@bp.action(idempotent=True)
def mark_messages_read(
    ctx: ToolContext, message_ids: Annotated[list[str], Field(min_length=1, max_length=50)]
) -> MessageList:
    """Mark {app} direct messages you received as read (all or none); returns them and how many changed.

    Args:
        message_ids: The received messages to mark as read.
    """
    me = _me(ctx)
    rows = [ctx.require("message", m) for m in message_ids]
    for m in rows:
        if m["recipient_id"] != me["id"]:
            raise ToolError(f"Message {m['id']} was not sent to you; nothing was marked.")
    changed = 0
    out = []
    for m in rows:
        if not m["read"]:
            m = ctx.update("message", m["id"], {"read": True})
            changed += 1
        out.append(m)
    return {"messages": out, "changed": changed}


@bp.action(read_only=True)
def get_post_insights(ctx: ToolContext, post_id: str) -> Insights:
    """Get engagement insights for a {app} post: likes, visible comments and engagement rate against
    followers.

    Args:
        post_id: The post to analyze.
    """
    post = ctx.require("post", post_id)
    author = ctx.require("account", post["account_id"])
    comments = sum(1 for c in ctx.select("comment", "post_id = ?", (post_id,)) if not c["hidden"])
    followers = author["followers_count"]
    rate = round(100.0 * (post["like_count"] + comments) / followers, 2) if followers else 0.0
    return {
        "post_id": post_id,
        "likes": post["like_count"],
        "comments": comments,
        "author_followers": followers,
        "engagement_rate": rate,
    }


@bp.action(read_only=True)
def get_top_posts(
    ctx: ToolContext,
    account_id: str | None = None,
    metric: Literal["likes", "comments"] = "likes",
    top_n: Annotated[int, Field(ge=1, le=20)] = 5,
) -> PostList:
    """List the best performing published {app} posts by likes or comments, optionally for one account.

    Args:
        account_id: Only posts of this account.
        metric: Rank by 'likes' or 'comments'.
        top_n: How many posts to return (1-20).
    """
    where, params = "status = 'published'", ()
    if account_id:
        ctx.require("account", account_id)
        where += " AND account_id = ?"
        params = (account_id,)
    col = "like_count" if metric == "likes" else "comment_count"
    return {
        "posts": ctx.select("post", where, params, order_by=f"{col} DESC, published_at DESC, id", limit=top_n)
    }


_TOPICS = (
    "product launch",
    "weekend hike",
    "coffee",
    "remote work",
    "design systems",
    "marathon training",
    "book club",
    "open source",
    "sunset photos",
    "team offsite",
    "new recipe",
    "conference talk",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng, fake = s.rng, s.fake
    people = [s.user, *s.people[:24]]
    accounts = []
    for i, p in enumerate(people):
        accounts.append(
            ctx.insert(
                "account",
                {
                    "handle": f"{p.handle}{rng.randint(1, 99) if i % 3 == 2 else ''}"[:30],
                    "display_name": p.name,
                    "bio": f"{p.job_title} at {p.company}"[:280],
                    "email": p.email,
                    "location": p.city,
                    "website": f"https://{p.handle}.example.com" if rng.random() < 0.3 else "",
                    "is_private": i in (4, 9, 15, 21),
                    "verified": i in (2, 7),
                    "created_at": s.at(days=-rng.randint(200, 1500)),
                },
            )
        )
    me = accounts[0]
    # follows: pending requests to me first, then who I follow, then follows among others
    for a in accounts[13:19]:
        ctx.insert(
            "follow",
            {
                "follower_id": a["id"],
                "followee_id": me["id"],
                "status": "pending",
                "created_at": s.at(days=-rng.randint(1, 5)),
            },
        )
    for a in accounts[1:12]:
        if a["id"] not in (accounts[7]["id"], accounts[8]["id"], accounts[9]["id"]):
            ctx.insert(
                "follow",
                {
                    "follower_id": me["id"],
                    "followee_id": a["id"],
                    "status": "active",
                    "created_at": s.at(days=-rng.randint(30, 400)),
                },
            )
    for a in accounts[1:]:
        for b in rng.sample(accounts, 5):
            if b["id"] != a["id"] and not ctx.select(
                "follow", "follower_id = ? AND followee_id = ?", (a["id"], b["id"])
            ):
                ctx.insert(
                    "follow",
                    {
                        "follower_id": a["id"],
                        "followee_id": b["id"],
                        "status": "active",
                        "created_at": s.at(days=-rng.randint(10, 400)),
                    },
                )
    # posts: mine first (drafts, scheduled, published), then others'
    posts = []
    plan = [
        "draft",
        "scheduled",
        "published",
        "draft",
        "published",
        "scheduled",
        "published",
        "scheduled",
        "draft",
        "published",
        "archived",
        "scheduled",
        "published",
    ]
    for k, status in enumerate(plan):
        topic = rng.choice(_TOPICS)
        text = f"{fake.sentence(nb_words=10)} #{topic.replace(' ', '')}"
        created = -rng.randint(1, 40)
        posts.append(
            ctx.insert(
                "post",
                {
                    "account_id": me["id"],
                    "text": text,
                    "status": status,
                    "visibility": rng.choice(("public", "public", "followers")),
                    "hashtags": _tags(text),
                    "scheduled_for": s.at(days=rng.randint(1, 10), hours=k) if status == "scheduled" else "",
                    "published_at": s.at(days=created + 1) if status in ("published", "archived") else "",
                    "created_at": s.at(days=created),
                },
            )
        )
    for a in accounts[1:]:
        for _ in range(rng.randint(1, 3)):
            created = -rng.randint(1, 60)
            text = f"{fake.sentence(nb_words=12)} #{rng.choice(_TOPICS).replace(' ', '')}"
            posts.append(
                ctx.insert(
                    "post",
                    {
                        "account_id": a["id"],
                        "text": text,
                        "status": "published",
                        "visibility": "public",
                        "hashtags": _tags(text),
                        "published_at": s.at(days=created),
                        "created_at": s.at(days=created),
                    },
                )
            )
    published = [p for p in posts if p["status"] == "published"]
    # comments on my posts first, then elsewhere
    mine_pub = [p for p in published if p["account_id"] == me["id"]]
    counts: dict[str, int] = {}
    for k in range(40):
        post = mine_pub[k % len(mine_pub)] if k < 14 else rng.choice(published)
        author = rng.choice([a for a in accounts if a["id"] != post["account_id"]])
        ctx.insert(
            "comment",
            {
                "post_id": post["id"],
                "account_id": author["id"],
                "text": fake.sentence(nb_words=9),
                "hidden": k == 5,
                "created_at": s.at(days=-rng.randint(0, 3), hours=-k),
            },
        )
        if k != 5:
            counts[post["id"]] = counts.get(post["id"], 0) + 1
    for p in published:
        liked = sorted(
            {a["id"] for a in rng.sample(accounts, rng.randint(0, 8)) if a["id"] != p["account_id"]}
        )
        if rng.random() < 0.4:
            liked = sorted(set(liked) | {me["id"]})
        ctx.update(
            "post",
            p["id"],
            {"liked_by": liked, "like_count": len(liked), "comment_count": counts.get(p["id"], 0)},
        )
    # direct messages: mostly to me (unread ones first), a few sent by me
    for k in range(24):
        other = accounts[1 + (k % 12)]
        to_me = k < 16
        ctx.insert(
            "message",
            {
                "sender_id": other["id"] if to_me else me["id"],
                "recipient_id": me["id"] if to_me else other["id"],
                "text": fake.sentence(nb_words=rng.randint(5, 14)),
                "read": to_me and k % 3 == 0,
                "sent_at": s.at(days=-rng.randint(0, 20), hours=-k),
            },
        )
    for a in accounts:
        n = ctx.world.count(ctx.table("follow"), "followee_id = ? AND status = 'active'", (a["id"],))
        ctx.update("account", a["id"], {"followers_count": n})


bp.product("chirpnest", "ChirpNest", "Microblogging network with threads, likes and direct messages.")
bp.product(
    "flockly",
    "Flockly",
    "Social feed for communities: posts, comments, followers and DMs.",
    style="camel",
    pagination="cursor",
    drop=("delete_message", "search_messages"),
)
bp.product(
    "murmurly",
    "Murmurly",
    "Publishing and scheduling tool for social accounts.",
    style="kebab",
    verbs={"get": "fetch", "create": "new"},
    pagination="offset",
    drop=("publish_thread", "unlike_post"),
)
bp.product(
    "pinwave",
    "Pinwave",
    "Lightweight social app for sharing short updates.",
    prefix="pinwave",
    drop=(
        "bulk_schedule_posts",
        "cancel_scheduled_post",
        "schedule_post",
        "publish_thread",
        "hide_comment",
        "approve_follow_request",
        "get_top_posts",
        "search_messages",
        "delete_comment",
        "list_follows",
        "get_follow",
    ),
)
bp.product(
    "hootloop",
    "HootLoop",
    "Social network for creators with insights and post scheduling.",
    verbs={"list": "browse", "search": "find"},
    pagination="cursor",
    drop=("unlike_post",),
)
