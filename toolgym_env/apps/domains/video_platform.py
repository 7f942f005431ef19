"""Video streaming: channels, videos, playlists, subscriptions and watch history (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("video streaming")

Visibility = Literal["public", "unlisted", "private"]
Category = Literal["education", "gaming", "music", "tech", "travel", "cooking", "sports", "comedy", "news"]
DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
MAX_PLAYLIST = 200


class Channel(BaseModel):
    id: str = Field(description="Channel id.")
    name: str = Field(description="Channel name.", min_length=1, max_length=100)
    handle: str = Field(description="Channel handle without the @.", pattern=r"^[a-z0-9_.]{3,30}$")
    description: str = Field("", description="About text.", max_length=1000)
    owner_email: str = Field("", description="Email of the channel owner.", max_length=200)
    country: str = Field("US", description="Two-letter country code.", pattern=r"^[A-Z]{2}$")
    subscriber_count: int = Field(0, ge=0, description="Number of subscribers.")
    created_at: str = Field("", description="When the channel was created (ISO-8601).")


class Video(BaseModel):
    id: str = Field(description="Video id.")
    channel_id: str = Field(description="Channel that uploaded the video.")
    title: str = Field(description="Video title.", min_length=1, max_length=100)
    description: str = Field("", description="Video description.", max_length=5000)
    duration_s: int = Field(60, ge=1, le=43200, description="Length in seconds.")
    visibility: Visibility = Field("private", description="Who can watch the video.")
    category: Category = Field("education", description="Category.")
    tags: list[str] = Field(default_factory=list, description="Search tags.")
    status: Literal["processing", "ready", "blocked"] = Field("ready", description="Processing state.")
    view_count: int = Field(0, ge=0, description="Number of views.")
    published_at: str = Field("", description="When the video went public (ISO-8601); empty if never.")
    created_at: str = Field("", description="When the video was uploaded (ISO-8601).")


class Playlist(BaseModel):
    id: str = Field(description="Playlist id.")
    title: str = Field(description="Playlist title.", min_length=1, max_length=150)
    description: str = Field("", description="Playlist description.", max_length=1000)
    privacy: Visibility = Field("private", description="Who can see the playlist.")
    owner_email: str = Field("", description="Email of the playlist owner.", max_length=200)
    video_ids: list[str] = Field(default_factory=list, description="Videos in playlist order.")
    created_at: str = Field("", description="When the playlist was created (ISO-8601).")
    updated_at: str = Field("", description="When the playlist last changed (ISO-8601).")


class WatchEntry(BaseModel):
    id: str = Field(description="Watch history entry id.")
    video_id: str = Field(description="Video that was watched.")
    position_s: int = Field(0, ge=0, description="Where playback stopped, in seconds.")
    completed: bool = Field(False, description="Whether the video was watched to the end.")
    watched_at: str = Field("", description="When the video was last watched (ISO-8601).")


class Subscription(BaseModel):
    id: str = Field(description="Subscription id.")
    channel_id: str = Field(description="Channel subscribed to.")
    notifications: Literal["all", "personalized", "none"] = Field(
        "personalized", description="Upload notifications."
    )
    created_at: str = Field("", description="When the subscription started (ISO-8601).")


bp.resource(
    Channel,
    name="channel",
    id_prefix="ch",
    searchable=("name", "handle", "description"),
    filterable=("country",),
    readonly=("subscriber_count", "owner_email"),
    ops=("search", "list", "get", "create", "update"),
    order_by="name",
)
bp.resource(
    Video,
    name="video",
    id_prefix="vid",
    searchable=("title", "description"),
    filterable=("channel_id", "visibility", "category", "status"),
    refs={"channel_id": "channel"},
    readonly=("status", "view_count", "published_at"),
    order_by="created_at DESC",
)
bp.resource(
    Playlist,
    name="playlist",
    id_prefix="pl",
    searchable=("title", "description"),
    filterable=("privacy", "owner_email"),
    readonly=("video_ids", "owner_email"),
    order_by="title",
)
bp.resource(
    WatchEntry,
    name="watch_entry",
    plural="watch_history",
    id_prefix="wh",
    filterable=("video_id", "completed"),
    refs={"video_id": "video"},
    ops=("list", "get", "delete"),
    order_by="watched_at DESC",
    tool_names={"list": "list_watch_history", "get": "get_watch_entry", "delete": "delete_watch_entry"},
)
bp.resource(
    Subscription,
    name="subscription",
    id_prefix="sub",
    filterable=("channel_id", "notifications"),
    refs={"channel_id": "channel"},
    ops=("list", "get"),
    order_by="created_at DESC",
)


class VideoList(BaseModel):
    videos: list[Video] = Field(description="The videos.")


class NewVideo(BaseModel):
    title: str = Field(description="Video title.", min_length=1, max_length=100)
    duration_s: int = Field(description="Length in seconds.", ge=1, le=43200)
    category: Category = Field("education", description="Category.")
    visibility: Visibility = Field("private", description="Visibility once processed.")


class VideoFilter(BaseModel):
    category: Category | None = Field(None, description="Only this category.")
    min_duration_s: int = Field(0, ge=0, le=43200, description="Shortest length in seconds.")
    max_duration_s: int = Field(43200, ge=1, le=43200, description="Longest length in seconds.")
    published_after: str | None = Field(
        None, description="Only videos published on or after this date (YYYY-MM-DD).", pattern=DATE
    )
    tag: str | None = Field(None, description="Only videos with this tag.", max_length=50)


class ContinueItem(BaseModel):
    video_id: str = Field(description="The video.")
    title: str = Field(description="Video title.")
    position_s: int = Field(description="Where playback stopped.")
    remaining_s: int = Field(description="Seconds left to watch.")
    watched_at: str = Field(description="When it was last watched.")


class ContinueList(BaseModel):
    items: list[ContinueItem] = Field(description="Unfinished videos, most recently watched first.")


class ChannelAnalytics(BaseModel):
    channel_id: str = Field(description="The channel.")
    videos: int = Field(description="Number of uploaded videos.")
    public_videos: int = Field(description="Number of public videos.")
    total_views: int = Field(description="Views over all videos.")
    total_duration_s: int = Field(description="Combined length of all videos.")
    most_viewed_video_id: str = Field(description="Video with the most views; empty when none.")
    subscribers: int = Field(description="Subscriber count.")


class ClearResult(BaseModel):
    deleted: int = Field(description="Number of history entries removed.")


def _own_playlist(ctx: ToolContext, playlist_id: str) -> dict:
    pl = ctx.require("playlist", playlist_id)
    if pl["owner_email"] != ctx.user.email:
        raise ToolError(
            f"Playlist '{pl['title']}' belongs to {pl['owner_email']}; you can only edit your own playlists."
        )
    return pl


def _own_video(ctx: ToolContext, video_id: str) -> dict:
    video = ctx.require("video", video_id)
    channel = ctx.require("channel", video["channel_id"])
    if channel["owner_email"] != ctx.user.email:
        raise ToolError(f"Video {video_id} is on channel '{channel['name']}', which you do not own.")
    return video


@bp.action()
def add_video_to_playlist(ctx: ToolContext, playlist_id: str, video_id: str) -> Playlist:
    """Append a video to one of your {app} playlists; refuses duplicates and private videos of others.

    Args:
        playlist_id: Your playlist.
        video_id: The video to add.
    """
    pl = _own_playlist(ctx, playlist_id)
    video = ctx.require("video", video_id)
    if video_id in pl["video_ids"]:
        raise ToolError(f"Video '{video['title']}' is already in playlist '{pl['title']}'.")
    if (
        video["visibility"] == "private"
        and ctx.require("channel", video["channel_id"])["owner_email"] != ctx.user.email
    ):
        raise ToolError(f"Video {video_id} is private and cannot be added to playlists.")
    if len(pl["video_ids"]) >= MAX_PLAYLIST:
        raise ToolError(f"Playlist '{pl['title']}' is full ({MAX_PLAYLIST} videos).")
    return ctx.update(
        "playlist", playlist_id, {"video_ids": [*pl["video_ids"], video_id], "updated_at": ctx.now()}
    )


@bp.action()
def remove_video_from_playlist(ctx: ToolContext, playlist_id: str, video_id: str) -> Playlist:
    """Remove a video from one of your {app} playlists and return the updated playlist.

    Args:
        playlist_id: Your playlist.
        video_id: The video to remove.
    """
    pl = _own_playlist(ctx, playlist_id)
    if video_id not in pl["video_ids"]:
        raise ToolError(f"Video {video_id} is not in playlist '{pl['title']}'.")
    return ctx.update(
        "playlist",
        playlist_id,
        {"video_ids": [v for v in pl["video_ids"] if v != video_id], "updated_at": ctx.now()},
    )


@bp.action()
def sort_playlist(
    ctx: ToolContext, playlist_id: str, order_by: Literal["title", "duration", "views", "newest"] = "title"
) -> Playlist:
    """Reorder the videos of one of your {app} playlists by title, duration, views or upload date.

    Args:
        playlist_id: Your playlist.
        order_by: Sort key: 'title', 'duration' (shortest first), 'views' (most first) or 'newest'.
    """
    pl = _own_playlist(ctx, playlist_id)
    if len(pl["video_ids"]) < 2:
        raise ToolError(f"Playlist '{pl['title']}' has fewer than two videos; nothing to sort.")
    videos = [ctx.require("video", v) for v in pl["video_ids"]]
    keys = {
        "title": lambda v: (v["title"].lower(), v["id"]),
        "duration": lambda v: (v["duration_s"], v["id"]),
        "views": lambda v: (-v["view_count"], v["id"]),
        "newest": lambda v: (v["created_at"], v["id"]),
    }
    ordered = sorted(videos, key=keys[order_by], reverse=order_by == "newest")
    return ctx.update(
        "playlist", playlist_id, {"video_ids": [v["id"] for v in ordered], "updated_at": ctx.now()}
    )


@bp.action()
def record_watch_progress(
    ctx: ToolContext, video_id: str, position_s: Annotated[int, Field(ge=0, le=86400)]
) -> WatchEntry:
    """Save how far you watched a {app} video; positions past the end mark it completed. Counts a view once.

    Args:
        video_id: The video being watched.
        position_s: Playback position in seconds.
    """
    video = ctx.require("video", video_id)
    if video["status"] != "ready":
        raise ToolError(f"Video {video_id} is '{video['status']}' and cannot be played.")
    pos = min(position_s, video["duration_s"])
    done = pos >= 0.9 * video["duration_s"]
    existing = ctx.select("watch_entry", "video_id = ?", (video_id,))
    if existing:
        return ctx.update(
            "watch_entry", existing[0]["id"], {"position_s": pos, "completed": done, "watched_at": ctx.now()}
        )
    ctx.update("video", video_id, {"view_count": video["view_count"] + 1})
    return ctx.insert(
        "watch_entry", {"video_id": video_id, "position_s": pos, "completed": done, "watched_at": ctx.now()}
    )


@bp.action(read_only=True)
def get_continue_watching(
    ctx: ToolContext, max_items: Annotated[int, Field(ge=1, le=50)] = 10
) -> ContinueList:
    """List {app} videos you started but did not finish, with time remaining, most recently watched first.

    Args:
        max_items: How many videos to return (1-50).
    """
    out = []
    for e in ctx.select("watch_entry", "completed = 0", order_by="watched_at DESC, id"):
        video = ctx.get("video", e["video_id"])
        if video is None:
            continue
        out.append(
            {
                "video_id": video["id"],
                "title": video["title"],
                "position_s": e["position_s"],
                "remaining_s": max(0, video["duration_s"] - e["position_s"]),
                "watched_at": e["watched_at"],
            }
        )
    return {"items": out[:max_items]}


@bp.action(destructive=True)
def clear_watch_history(
    ctx: ToolContext, before_date: Annotated[str | None, Field(pattern=DATE)] = None
) -> ClearResult:
    """Delete {app} watch history entries, all of them or only those watched before a date; returns the count.

    Args:
        before_date: Only entries watched before this date (YYYY-MM-DD); omit to clear everything.
    """
    rows = ctx.select("watch_entry")
    if before_date:
        rows = [r for r in rows if r["watched_at"][:10] < before_date]
    if not rows:
        raise ToolError("No watch history entries match; nothing was deleted.")
    for r in rows:
        ctx.delete("watch_entry", r["id"])
    return {"deleted": len(rows)}


@bp.action(idempotent=True)
def subscribe_to_channel(
    ctx: ToolContext, channel_id: str, notifications: Literal["all", "personalized", "none"] = "personalized"
) -> Subscription:
    """Subscribe to a {app} channel (or change notification settings of an existing subscription).

    Args:
        channel_id: The channel to subscribe to.
        notifications: Upload notifications: 'all', 'personalized' or 'none'.
    """
    channel = ctx.require("channel", channel_id)
    if channel["owner_email"] == ctx.user.email:
        raise ToolError(f"You own channel '{channel['name']}' and cannot subscribe to it.")
    existing = ctx.select("subscription", "channel_id = ?", (channel_id,))
    if existing:
        if existing[0]["notifications"] == notifications:
            return existing[0]
        return ctx.update("subscription", existing[0]["id"], {"notifications": notifications})
    ctx.update("channel", channel_id, {"subscriber_count": channel["subscriber_count"] + 1})
    return ctx.insert(
        "subscription", {"channel_id": channel_id, "notifications": notifications, "created_at": ctx.now()}
    )


@bp.action(destructive=True)
def unsubscribe_from_channel(ctx: ToolContext, channel_id: str) -> Channel:
    """Unsubscribe from a {app} channel you are subscribed to; returns the channel.

    Args:
        channel_id: The channel to unsubscribe from.
    """
    channel = ctx.require("channel", channel_id)
    existing = ctx.select("subscription", "channel_id = ?", (channel_id,))
    if not existing:
        raise ToolError(f"You are not subscribed to '{channel['name']}'.")
    ctx.delete("subscription", existing[0]["id"])
    return ctx.update("channel", channel_id, {"subscriber_count": max(0, channel["subscriber_count"] - 1)})


@bp.action()
def publish_video(ctx: ToolContext, video_id: str) -> Video:
    """Make one of your processed {app} videos public; returns the video with its publish time.

    Args:
        video_id: Your video to publish.
    """
    video = _own_video(ctx, video_id)
    if video["status"] != "ready":
        raise ToolError(
            f"Video {video_id} is '{video['status']}'; only processed (ready) videos can be published."
        )
    if video["visibility"] == "public":
        raise ToolError(f"Video '{video['title']}' is already public.")
    return ctx.update(
        "video", video_id, {"visibility": "public", "published_at": video["published_at"] or ctx.now()}
    )


@bp.action(idempotent=True)
def bulk_set_visibility(
    ctx: ToolContext,
    video_ids: Annotated[list[str], Field(min_length=1, max_length=50)],
    visibility: Visibility,
) -> VideoList:
    """Set the visibility of several of your {app} videos at once (all or none); blocked videos are refused.

    Args:
        video_ids: Your videos to change.
        visibility: The new visibility.
    """
    videos = [_own_video(ctx, v) for v in video_ids]
    for v in videos:
        if v["status"] == "blocked":
            raise ToolError(f"Video {v['id']} is blocked; nothing was changed.")
    out = []
    for v in videos:
        changes: dict = {"visibility": visibility}
        if visibility == "public" and not v["published_at"]:
            changes["published_at"] = ctx.now()
        out.append(ctx.update("video", v["id"], changes) if v["visibility"] != visibility else v)
    return {"videos": out}


@bp.action()
def upload_videos(
    ctx: ToolContext, channel_id: str, videos: Annotated[list[NewVideo], Field(min_length=1, max_length=10)]
) -> VideoList:
    """Upload several videos to one of your {app} channels; they start out 'processing'. Returns the new
    videos.

    Args:
        channel_id: Your channel to upload to.
        videos: The videos to upload.
    """
    channel = ctx.require("channel", channel_id)
    if channel["owner_email"] != ctx.user.email:
        raise ToolError(f"You do not own channel '{channel['name']}'.")
    now = ctx.now()
    made = [
        ctx.insert(
            "video",
            {
                "channel_id": channel_id,
                "title": v["title"],
                "duration_s": v["duration_s"],
                "category": v["category"],
                "visibility": v["visibility"],
                "status": "processing",
                "created_at": now,
            },
        )
        for v in videos
    ]
    return {"videos": made}


@bp.action(read_only=True)
def find_videos(
    ctx: ToolContext,
    filters: VideoFilter,
    sort: Literal["views", "newest", "shortest"] = "views",
    max_results: Annotated[int, Field(ge=1, le=50)] = 10,
) -> VideoList:
    """Find public, ready {app} videos matching a filter (category, length, date, tag), sorted as asked.

    Args:
        filters: Conditions the videos must meet.
        sort: 'views' (most first), 'newest' or 'shortest'.
        max_results: How many videos to return (1-50).
    """
    f = filters
    rows = ctx.select("video", "visibility = 'public' AND status = 'ready'")
    tag = (f.get("tag") or "").strip().lower()
    rows = [
        v
        for v in rows
        if (not f.get("category") or v["category"] == f["category"])
        and f.get("min_duration_s", 0) <= v["duration_s"] <= f.get("max_duration_s", 43200)
        and (not f.get("published_after") or v["published_at"][:10] >= f["published_after"])
        and (not tag or tag in v["tags"])
    ]
    key = {
        "views": lambda v: (-v["view_count"], v["id"]),
        "newest": lambda v: (v["published_at"], v["id"]),
        "shortest": lambda v: (v["duration_s"], v["id"]),
    }[sort]
    rows.sort(key=key, reverse=sort == "newest")
    return {"videos": rows[:max_results]}


@bp.action(read_only=True)
def get_channel_analytics(ctx: ToolContext, channel_id: str) -> ChannelAnalytics:
    """Summarize a {app} channel: uploads, public videos, total views and length, and its most viewed video.

    Args:
        channel_id: The channel to summarize.
    """
    channel = ctx.require("channel", channel_id)
    videos = ctx.select("video", "channel_id = ?", (channel_id,))
    top = max(videos, key=lambda v: (v["view_count"], v["id"]), default=None)
    return {
        "channel_id": channel_id,
        "videos": len(videos),
        "public_videos": sum(1 for v in videos if v["visibility"] == "public"),
        "total_views": sum(v["view_count"] for v in videos),
        "total_duration_s": sum(v["duration_s"] for v in videos),
        "most_viewed_video_id": top["id"] if top else "",
        "subscribers": channel["subscriber_count"],
    }


_SUBJECTS = (
    "Python",
    "sourdough",
    "Iceland",
    "home studio",
    "chess openings",
    "trail running",
    "budget travel",
    "React hooks",
    "guitar chords",
    "street food",
    "climbing",
    "retro games",
)
_FORMATS = (
    "Beginner's guide to {}",
    "{} in 10 minutes",
    "Why {} matters",
    "{}: what nobody tells you",
    "I tried {} for 30 days",
    "Top 5 {} mistakes",
    "{} explained",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng, fake = s.rng, s.fake
    owners = [s.user, s.user, s.user] + list(s.people[:12])
    channels = []
    for i, p in enumerate(owners):
        name = (
            f"{p.first_name}'s {rng.choice(('Workshop', 'Lab', 'Kitchen', 'Journeys', 'Channel', 'Studio'))}"
        )
        if i in (1, 2):
            name = f"{p.first_name} {p.last_name} {('Clips', 'Live')[i - 1]}"
        channels.append(
            ctx.insert(
                "channel",
                {
                    "name": name,
                    "handle": f"{p.handle}{i}" if i else p.handle,
                    "description": fake.sentence(nb_words=14),
                    "owner_email": p.email,
                    "country": rng.choice(("US", "US", "GB", "CA", "DE", "IN")),
                    "created_at": s.at(days=-rng.randint(300, 2000)),
                },
            )
        )
    videos = []
    # my videos first: a mix of private ready, processing, public, unlisted, blocked
    mine = [
        ("private", "ready"),
        ("unlisted", "ready"),
        ("public", "ready"),
        ("private", "ready"),
        ("private", "processing"),
        ("public", "ready"),
        ("unlisted", "ready"),
        ("private", "blocked"),
        ("private", "ready"),
        ("public", "ready"),
    ]
    for k, (vis, status) in enumerate(mine):
        created = -rng.randint(2, 200)
        videos.append(
            ctx.insert(
                "video",
                {
                    "channel_id": channels[k % 3]["id"],
                    "title": rng.choice(_FORMATS).format(rng.choice(_SUBJECTS)),
                    "description": fake.paragraph(nb_sentences=2),
                    "duration_s": rng.randint(120, 2400),
                    "visibility": vis,
                    "category": rng.choice(("education", "tech", "cooking", "travel")),
                    "tags": sorted(
                        set(rng.sample(("howto", "tips", "vlog", "review", "tutorial", "diy"), 2))
                    ),
                    "status": status,
                    "view_count": rng.randint(10, 5000) if vis == "public" else 0,
                    "published_at": s.at(days=created + 1) if vis == "public" else "",
                    "created_at": s.at(days=created),
                },
            )
        )
    for ch in channels[3:]:
        for _ in range(rng.randint(2, 4)):
            created = -rng.randint(2, 400)
            vis = "public" if rng.random() < 0.85 else "private"
            videos.append(
                ctx.insert(
                    "video",
                    {
                        "channel_id": ch["id"],
                        "title": rng.choice(_FORMATS).format(rng.choice(_SUBJECTS)),
                        "description": fake.paragraph(nb_sentences=2),
                        "duration_s": rng.randint(60, 3600),
                        "visibility": vis,
                        "category": rng.choice(
                            (
                                "education",
                                "gaming",
                                "music",
                                "tech",
                                "travel",
                                "cooking",
                                "sports",
                                "comedy",
                                "news",
                            )
                        ),
                        "tags": sorted(
                            set(rng.sample(("howto", "tips", "vlog", "review", "tutorial", "diy", "live"), 2))
                        ),
                        "status": "ready",
                        "view_count": rng.randint(100, 900000) if vis == "public" else 0,
                        "published_at": s.at(days=created) if vis == "public" else "",
                        "created_at": s.at(days=created),
                    },
                )
            )
    public = [v for v in videos if v["visibility"] == "public" and v["status"] == "ready"]
    pool = [v for v in videos[:12] if v["status"] == "ready" and v["visibility"] != "private"] + public[:6]
    for title in (
        "Watch later",
        "Cooking ideas",
        "Learn to code",
        "Travel inspiration",
        "Workout",
        "Music for focus",
        "Kids",
        "Tech reviews",
        "Favorites",
        "Conference talks",
    ):
        chosen = [v["id"] for v in rng.sample(pool, min(len(pool), rng.randint(2, 6)))]
        ctx.insert(
            "playlist",
            {
                "title": title,
                "description": fake.sentence(nb_words=8),
                "privacy": rng.choice(("private", "public", "unlisted")),
                "owner_email": s.user.email,
                "video_ids": chosen,
                "created_at": s.at(days=-rng.randint(30, 300)),
                "updated_at": s.at(days=-rng.randint(0, 29)),
            },
        )
    for p in s.people[:4]:
        ctx.insert(
            "playlist",
            {
                "title": f"{p.first_name}'s picks",
                "privacy": "public",
                "owner_email": p.email,
                "video_ids": [v["id"] for v in rng.sample(public, 3)],
                "created_at": s.at(days=-rng.randint(30, 300)),
                "updated_at": s.at(days=-5),
            },
        )
    for v in rng.sample(public, min(len(public), 20)):
        pos = rng.randint(10, v["duration_s"])
        ctx.insert(
            "watch_entry",
            {
                "video_id": v["id"],
                "position_s": pos,
                "completed": pos >= 0.9 * v["duration_s"],
                "watched_at": s.at(days=-rng.randint(0, 60), hours=-rng.randint(0, 23)),
            },
        )
    for ch in channels[3:12]:
        ctx.insert(
            "subscription",
            {
                "channel_id": ch["id"],
                "notifications": rng.choice(("all", "personalized", "none")),
                "created_at": s.at(days=-rng.randint(10, 500)),
            },
        )
    for ch in channels:
        base = rng.randint(50, 250000) if ch["owner_email"] != s.user.email else rng.randint(20, 900)
        ctx.update("channel", ch["id"], {"subscriber_count": base})


bp.product(
    "streamvault", "StreamVault", "Video platform for creators and viewers: channels, playlists and history."
)
bp.product(
    "clipcast",
    "ClipCast",
    "Short and long-form video streaming with playlists.",
    style="camel",
    pagination="cursor",
    drop=("delete_watch_entry", "search_playlists"),
)
bp.product(
    "reeltube",
    "ReelTube",
    "Video hosting and streaming for channels and their fans.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=("sort_playlist",),
)
bp.product(
    "vidloom",
    "Vidloom",
    "Watch, save and organize videos from your favorite creators.",
    prefix="vidloom",
    drop=(
        "upload_videos",
        "bulk_set_visibility",
        "publish_video",
        "get_channel_analytics",
        "create_channel",
        "update_channel",
        "create_video",
        "delete_video",
        "update_video",
        "get_subscription",
        "search_channels",
    ),
)
bp.product(
    "frametide",
    "Frametide",
    "Creator studio and viewer app for on-demand video.",
    verbs={"list": "browse", "create": "add"},
    pagination="page",
    drop=("get_watch_entry",),
)
