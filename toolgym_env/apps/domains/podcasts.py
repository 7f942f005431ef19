"""Podcasts: shows, episodes with playback state, subscriptions, downloads and bookmarks (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("podcasts")

Category = Literal[
    "news", "technology", "comedy", "true crime", "business", "history", "science", "sports", "health"
]
DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
STORAGE_QUOTA_MB = 2000.0


class Show(BaseModel):
    id: str = Field(description="Show id.")
    title: str = Field(description="Show title.", min_length=1, max_length=200)
    publisher: str = Field(description="Publisher or host.", max_length=200)
    description: str = Field("", description="Show description.", max_length=2000)
    category: Category = Field("technology", description="Category.")
    language: str = Field("en", description="ISO 639-1 language code.", pattern=r"^[a-z]{2}$")
    explicit: bool = Field(False, description="Whether the show is marked explicit.")
    feed_url: str = Field("", description="RSS feed URL.", max_length=300)
    episode_count: int = Field(0, ge=0, description="Number of published episodes.")


class Episode(BaseModel):
    id: str = Field(description="Episode id.")
    show_id: str = Field(description="Show the episode belongs to.")
    title: str = Field(description="Episode title.", min_length=1, max_length=300)
    description: str = Field("", description="Show notes.", max_length=5000)
    episode_number: int = Field(1, ge=1, le=5000, description="Episode number within the show.")
    duration_s: int = Field(1800, ge=1, le=36000, description="Length in seconds.")
    published_on: str = Field(description="Release date (YYYY-MM-DD).", pattern=DATE)
    position_s: int = Field(0, ge=0, description="Your saved playback position in seconds.")
    played: bool = Field(False, description="Whether you finished the episode.")


class Subscription(BaseModel):
    id: str = Field(description="Subscription id.")
    show_id: str = Field(description="Subscribed show.")
    auto_download: bool = Field(False, description="Download new episodes automatically.")
    notify: bool = Field(True, description="Notify when a new episode is out.")
    playback_speed: float = Field(1.0, ge=0.5, le=3.0, description="Default playback speed for this show.")
    keep_latest: int = Field(5, ge=1, le=100, description="How many downloaded episodes to keep.")
    created_at: str = Field("", description="When you subscribed (ISO-8601).")


class Download(BaseModel):
    id: str = Field(description="Download id.")
    episode_id: str = Field(description="Downloaded episode.")
    status: Literal["queued", "completed", "failed"] = Field("queued", description="Download status.")
    size_mb: float = Field(0.0, ge=0, description="Size on disk in megabytes.")
    requested_at: str = Field("", description="When the download was requested (ISO-8601).")
    completed_at: str = Field("", description="When it finished (ISO-8601); empty otherwise.")


class Bookmark(BaseModel):
    id: str = Field(description="Bookmark id.")
    episode_id: str = Field(description="Episode the bookmark is in.")
    timestamp_s: int = Field(0, ge=0, le=36000, description="Moment in the episode, in seconds.")
    note: str = Field("", description="Your note.", max_length=500)
    created_at: str = Field("", description="When the bookmark was made (ISO-8601).")


bp.resource(
    Show,
    name="show",
    id_prefix="shw",
    searchable=("title", "publisher", "description"),
    filterable=("category", "language", "explicit"),
    ops=("search", "list", "get"),
    order_by="title",
)
bp.resource(
    Episode,
    name="episode",
    id_prefix="epi",
    searchable=("title", "description"),
    filterable=("show_id", "played"),
    ops=("search", "list", "get"),
    order_by="published_on DESC",
)
bp.resource(
    Subscription,
    name="subscription",
    id_prefix="sbs",
    filterable=("show_id", "auto_download"),
    refs={"show_id": "show"},
    readonly=("show_id",),
    ops=("list", "get", "update", "delete"),
    order_by="created_at",
)
bp.resource(
    Download,
    name="download",
    id_prefix="dl",
    filterable=("episode_id", "status"),
    refs={"episode_id": "episode"},
    ops=("list", "get", "delete"),
    order_by="requested_at DESC",
)
bp.resource(
    Bookmark,
    name="bookmark",
    id_prefix="bkm",
    filterable=("episode_id",),
    refs={"episode_id": "episode"},
    ops=("list", "get", "create", "update", "delete"),
    order_by="created_at DESC",
)


class EpisodeList(BaseModel):
    episodes: list[Episode] = Field(description="The episodes.")


class DownloadList(BaseModel):
    downloads: list[Download] = Field(description="The downloads.")


class StorageUsage(BaseModel):
    used_mb: float = Field(description="Space used by completed and queued downloads.")
    quota_mb: float = Field(description="Storage quota.")
    free_mb: float = Field(description="Space left.")
    by_show: dict[str, float] = Field(description="Megabytes used per show id.")


class Freed(BaseModel):
    removed: int = Field(description="Downloads deleted.")
    freed_mb: float = Field(description="Space freed in megabytes.")


class Marked(BaseModel):
    changed: int = Field(description="Episodes whose played state changed.")
    episodes: list[Episode] = Field(description="The affected episodes.")


class ShowStats(BaseModel):
    show_id: str = Field(description="The show.")
    episodes: int = Field(description="Number of episodes.")
    played: int = Field(description="Episodes you finished.")
    total_hours: float = Field(description="Combined length in hours.")
    average_minutes: float = Field(description="Average episode length in minutes.")
    latest_published_on: str = Field(description="Release date of the newest episode.")


class DownloadRules(BaseModel):
    auto_download: bool = Field(description="Download new episodes automatically.")
    keep_latest: int = Field(5, ge=1, le=100, description="How many downloaded episodes to keep per show.")
    playback_speed: float | None = Field(
        None, ge=0.5, le=3.0, description="Also set this default playback speed."
    )


class RulesResult(BaseModel):
    updated: int = Field(description="Subscriptions changed.")
    subscriptions: list[Subscription] = Field(description="All subscriptions after the change.")


class EpisodeFilter(BaseModel):
    category: Category | None = Field(None, description="Only shows of this category.")
    max_duration_min: int = Field(600, ge=1, le=600, description="Longest episode length in minutes.")
    published_after: str | None = Field(
        None, description="Only episodes released on or after (YYYY-MM-DD).", pattern=DATE
    )
    unplayed_only: bool = Field(False, description="Leave out episodes you finished.")
    subscribed_only: bool = Field(False, description="Only shows you subscribe to.")


def _size_mb(episode: dict) -> float:
    return round(episode["duration_s"] / 60 * 0.96, 1)  # 128 kbps


def _used(ctx: ToolContext) -> float:
    return round(sum(d["size_mb"] for d in ctx.select("download", "status IN ('queued', 'completed')")), 1)


def _start_downloads(ctx: ToolContext, episode_ids: list[str]) -> list[dict]:
    episodes = [ctx.require("episode", e) for e in episode_ids]
    existing = {d["episode_id"]: d for d in ctx.select("download") if d["status"] != "failed"}
    todo = [e for e in {e["id"]: e for e in episodes}.values() if e["id"] not in existing]
    need = sum(_size_mb(e) for e in todo)
    used = _used(ctx)
    if used + need > STORAGE_QUOTA_MB:
        raise ToolError(
            f"Not enough storage: {need:.1f} MB needed, {STORAGE_QUOTA_MB - used:.1f} MB free of "
            f"{STORAGE_QUOTA_MB:.0f} MB. Delete played downloads first."
        )
    now = ctx.now()
    out = []
    for e in episodes:
        if e["id"] in existing:
            out.append(existing[e["id"]])
            continue
        failed = ctx.select("download", "episode_id = ? AND status = 'failed'", (e["id"],))
        row = {"status": "completed", "size_mb": _size_mb(e), "requested_at": now, "completed_at": now}
        d = (
            ctx.update("download", failed[0]["id"], row)
            if failed
            else ctx.insert("download", {"episode_id": e["id"], **row})
        )
        existing[e["id"]] = d
        out.append(d)
    return out


@bp.action(idempotent=True)
def subscribe_to_show(ctx: ToolContext, show_id: str, auto_download: bool = False) -> Subscription:
    """Subscribe to an {app} show; subscribing again returns the existing subscription unchanged.

    Args:
        show_id: The show to follow.
        auto_download: Download new episodes automatically.
    """
    ctx.require("show", show_id)
    existing = ctx.select("subscription", "show_id = ?", (show_id,))
    if existing:
        return existing[0]
    return ctx.insert(
        "subscription", {"show_id": show_id, "auto_download": auto_download, "created_at": ctx.now()}
    )


@bp.action(idempotent=True)
def download_episode(ctx: ToolContext, episode_id: str) -> Download:
    """Download an {app} episode for offline listening, within the 2000 MB storage quota; returns the
    download.

    Args:
        episode_id: The episode to download.
    """
    return _start_downloads(ctx, [episode_id])[0]


@bp.action(idempotent=True)
def batch_download_episodes(
    ctx: ToolContext, episode_ids: Annotated[list[str], Field(min_length=1, max_length=25)]
) -> DownloadList:
    """Download several {app} episodes at once (all or none, checked against the storage quota).

    Args:
        episode_ids: Episodes to download.
    """
    return {"downloads": _start_downloads(ctx, episode_ids)}


@bp.action()
def retry_download(ctx: ToolContext, download_id: str) -> Download:
    """Retry a failed {app} download; only failed downloads can be retried. Returns the completed download.

    Args:
        download_id: The failed download.
    """
    d = ctx.require("download", download_id)
    if d["status"] != "failed":
        raise ToolError(f"Download {download_id} is '{d['status']}'; only failed downloads can be retried.")
    return _start_downloads(ctx, [d["episode_id"]])[0]


@bp.action(destructive=True)
def delete_played_downloads(ctx: ToolContext, show_id: str | None = None) -> Freed:
    """Delete {app} downloads of episodes you already finished, optionally for one show; returns space freed.

    Args:
        show_id: Only downloads of this show.
    """
    if show_id:
        ctx.require("show", show_id)
    gone, freed = 0, 0.0
    for d in ctx.select("download"):
        ep = ctx.get("episode", d["episode_id"])
        if ep and ep["played"] and (not show_id or ep["show_id"] == show_id):
            ctx.delete("download", d["id"])
            gone += 1
            freed += d["size_mb"]
    if not gone:
        raise ToolError("No downloads of played episodes to delete.")
    return {"removed": gone, "freed_mb": round(freed, 1)}


@bp.action(read_only=True)
def get_storage_usage(ctx: ToolContext) -> StorageUsage:
    """Report {app} download storage: space used and free against the quota, and megabytes per show."""
    by_show: dict[str, float] = {}
    for d in ctx.select("download", "status IN ('queued', 'completed')"):
        ep = ctx.get("episode", d["episode_id"])
        if ep:
            by_show[ep["show_id"]] = round(by_show.get(ep["show_id"], 0.0) + d["size_mb"], 1)
    used = _used(ctx)
    return {
        "used_mb": used,
        "quota_mb": STORAGE_QUOTA_MB,
        "free_mb": round(STORAGE_QUOTA_MB - used, 1),
        "by_show": by_show,
    }


@bp.action(idempotent=True)
def mark_episode_played(ctx: ToolContext, episode_id: str, played: bool = True) -> Episode:
    """Mark an {app} episode as played or unplayed; unplayed resets the playback position.

    Args:
        episode_id: The episode.
        played: True for played, False for unplayed.
    """
    ep = ctx.require("episode", episode_id)
    if ep["played"] == played and (played or ep["position_s"] == 0):
        return ep
    return ctx.update(
        "episode", episode_id, {"played": played, "position_s": ep["duration_s"] if played else 0}
    )


@bp.action()
def update_playback_position(
    ctx: ToolContext, episode_id: str, position_s: Annotated[int, Field(ge=0, le=36000)]
) -> Episode:
    """Save your playback position in an {app} episode; reaching the last 5% marks it played.

    Args:
        episode_id: The episode.
        position_s: Position in seconds (clamped to the episode length).
    """
    ep = ctx.require("episode", episode_id)
    pos = min(position_s, ep["duration_s"])
    if pos == ep["position_s"]:
        raise ToolError(f"Episode {episode_id} is already at {pos} s.")
    return ctx.update("episode", episode_id, {"position_s": pos, "played": pos >= 0.95 * ep["duration_s"]})


@bp.action(idempotent=True)
def mark_show_played(
    ctx: ToolContext, show_id: str, before_date: Annotated[str | None, Field(pattern=DATE)] = None
) -> Marked:
    """Mark every {app} episode of a show as played, or only those released before a date.

    Args:
        show_id: The show.
        before_date: Only episodes released before this date (YYYY-MM-DD).
    """
    ctx.require("show", show_id)
    eps = ctx.select("episode", "show_id = ?", (show_id,), order_by="published_on")
    if before_date:
        eps = [e for e in eps if e["published_on"] < before_date]
    if not eps:
        raise ToolError("No episodes of this show match.")
    out, changed = [], 0
    for e in eps:
        if not e["played"]:
            e = ctx.update("episode", e["id"], {"played": True, "position_s": e["duration_s"]})
            changed += 1
        out.append(e)
    return {"changed": changed, "episodes": out}


@bp.action(read_only=True)
def get_up_next(ctx: ToolContext, max_items: Annotated[int, Field(ge=1, le=50)] = 10) -> EpisodeList:
    """List unplayed {app} episodes of the shows you subscribe to, in-progress ones first, then newest.

    Args:
        max_items: How many episodes to return (1-50).
    """
    shows = {s["show_id"] for s in ctx.select("subscription")}
    eps = [e for e in ctx.select("episode", "played = 0") if e["show_id"] in shows]
    eps.sort(
        key=lambda e: (e["position_s"] == 0, "".join(chr(255 - ord(c)) for c in e["published_on"]), e["id"])
    )
    return {"episodes": eps[:max_items]}


@bp.action()
def add_bookmark_here(
    ctx: ToolContext, episode_id: str, note: Annotated[str, Field(max_length=500)] = ""
) -> Bookmark:
    """Bookmark your current playback position in an {app} episode with an optional note; returns it.

    Args:
        episode_id: The episode you are listening to.
        note: What is said at that moment.
    """
    ep = ctx.require("episode", episode_id)
    if ep["position_s"] == 0:
        raise ToolError(f"You have not started episode '{ep['title']}'; there is no position to bookmark.")
    return ctx.insert(
        "bookmark",
        {
            "episode_id": episode_id,
            "timestamp_s": ep["position_s"],
            "note": note.strip(),
            "created_at": ctx.now(),
        },
    )


@bp.action(idempotent=True)
def apply_download_rules(
    ctx: ToolContext, rules: DownloadRules, show_ids: list[str] | None = None
) -> RulesResult:
    """Apply download rules (auto-download, episodes to keep, speed) to all or some {app} subscriptions.

    Args:
        rules: The settings to apply.
        show_ids: Only subscriptions to these shows; omit for all.
    """
    subs = ctx.select("subscription")
    if show_ids:
        have = {s["show_id"] for s in subs}
        for sid in show_ids:
            if sid not in have:
                raise ToolError(f"You do not subscribe to show {sid}; nothing was changed.")
        subs = [s for s in subs if s["show_id"] in show_ids]
    changes = {"auto_download": rules["auto_download"], "keep_latest": rules.get("keep_latest", 5)}
    if rules.get("playback_speed") is not None:
        changes["playback_speed"] = rules["playback_speed"]
    updated = 0
    for s in subs:
        if any(s[k] != v for k, v in changes.items()):
            ctx.update("subscription", s["id"], changes)
            updated += 1
    return {"updated": updated, "subscriptions": ctx.select("subscription", order_by="created_at")}


@bp.action(read_only=True)
def find_episodes(
    ctx: ToolContext, filters: EpisodeFilter, max_results: Annotated[int, Field(ge=1, le=50)] = 20
) -> EpisodeList:
    """Find {app} episodes matching a filter (category, length, release date, unplayed, subscribed), newest
    first.

    Args:
        filters: Conditions the episodes must meet.
        max_results: How many episodes to return (1-50).
    """
    f = filters
    shows = {s["id"]: s for s in ctx.select("show")}
    subs = {s["show_id"] for s in ctx.select("subscription")}
    rows = [
        e
        for e in ctx.select("episode", order_by="published_on DESC, id")
        if (not f.get("category") or shows[e["show_id"]]["category"] == f["category"])
        and e["duration_s"] <= f.get("max_duration_min", 600) * 60
        and (not f.get("published_after") or e["published_on"] >= f["published_after"])
        and not (f.get("unplayed_only") and e["played"])
        and not (f.get("subscribed_only") and e["show_id"] not in subs)
    ]
    return {"episodes": rows[:max_results]}


@bp.action(read_only=True)
def get_show_stats(ctx: ToolContext, show_id: str) -> ShowStats:
    """Summarize an {app} show: episode count, how many you finished, total and average length, latest
    release.

    Args:
        show_id: The show.
    """
    ctx.require("show", show_id)
    eps = ctx.select("episode", "show_id = ?", (show_id,))
    total = sum(e["duration_s"] for e in eps)
    return {
        "show_id": show_id,
        "episodes": len(eps),
        "played": sum(1 for e in eps if e["played"]),
        "total_hours": round(total / 3600, 2),
        "average_minutes": round(total / 60 / len(eps), 1) if eps else 0.0,
        "latest_published_on": max((e["published_on"] for e in eps), default=""),
    }


_SHOWS = (
    ("The Daily Ledger", "Northbeam Media", "news"),
    ("Stack Traces", "Devline Audio", "technology"),
    ("Laugh Track Lounge", "Giggle Co", "comedy"),
    ("Cold Case Files Revisited", "Archive Audio", "true crime"),
    ("Founders at Dawn", "Startline", "business"),
    ("Echoes of Empire", "Chronicle FM", "history"),
    ("Lab Notes", "Curio Labs", "science"),
    ("Full Time Talk", "Pitchside", "sports"),
    ("Mindful Minutes", "Calm Harbor", "health"),
    ("Data After Dark", "Devline Audio", "technology"),
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng, fake = s.rng, s.fake
    episodes: list[dict] = []
    shows = []
    for title, pub, cat in _SHOWS:
        n = rng.randint(4, 7)
        show = ctx.insert(
            "show",
            {
                "title": title,
                "publisher": pub,
                "description": fake.paragraph(nb_sentences=2),
                "category": cat,
                "language": "en" if rng.random() < 0.9 else "es",
                "explicit": cat in ("comedy", "true crime"),
                "feed_url": f"https://feeds.example.com/{title.lower().replace(' ', '-')}.xml",
                "episode_count": n,
            },
        )
        shows.append(show)
        weekly = rng.randint(5, 9)
        for k in range(n):
            dur = rng.randint(15, 75) * 60
            state = rng.choice(("new", "new", "started", "played"))
            episodes.append(
                ctx.insert(
                    "episode",
                    {
                        "show_id": show["id"],
                        "title": f"Ep. {k + 1}: {fake.catch_phrase()}",
                        "description": fake.paragraph(nb_sentences=3),
                        "episode_number": k + 1,
                        "duration_s": dur,
                        "published_on": s.date(-(n - k) * weekly),
                        "played": state == "played",
                        "position_s": dur
                        if state == "played"
                        else rng.randint(60, dur // 2)
                        if state == "started"
                        else 0,
                    },
                )
            )
    for sh in shows[:7]:
        ctx.insert(
            "subscription",
            {
                "show_id": sh["id"],
                "auto_download": rng.random() < 0.4,
                "notify": rng.random() < 0.7,
                "playback_speed": rng.choice((1.0, 1.0, 1.25, 1.5)),
                "keep_latest": rng.choice((3, 5, 10)),
                "created_at": s.at(days=-rng.randint(30, 700)),
            },
        )
    for k, e in enumerate(rng.sample(episodes, 16)):
        status = "failed" if k in (1, 3, 4, 7, 8, 11) else "completed"
        when = s.at(days=-rng.randint(1, 30))
        ctx.insert(
            "download",
            {
                "episode_id": e["id"],
                "status": status,
                "size_mb": _size_mb(e) if status == "completed" else 0.0,
                "requested_at": when,
                "completed_at": when if status == "completed" else "",
            },
        )
    started = [e for e in episodes if e["position_s"] > 0]
    for e in rng.sample(started, min(10, len(started))):
        ctx.insert(
            "bookmark",
            {
                "episode_id": e["id"],
                "timestamp_s": rng.randint(0, e["position_s"]),
                "note": fake.sentence(nb_words=7),
                "created_at": s.at(days=-rng.randint(0, 20)),
            },
        )


bp.product("podnook", "PodNook", "Podcast player with subscriptions, downloads and bookmarks.")
bp.product(
    "earshot",
    "Earshot",
    "Listen to podcasts anywhere, online or offline.",
    style="camel",
    pagination="cursor",
    drop=("apply_download_rules",),
)
bp.product(
    "casthaven",
    "CastHaven",
    "Podcast app for curious listeners.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=("get_bookmark", "update_bookmark"),
)
bp.product(
    "wavelisten",
    "WaveListen",
    "Minimal podcast player.",
    prefix="wave",
    drop=(
        "apply_download_rules",
        "find_episodes",
        "get_show_stats",
        "batch_download_episodes",
        "add_bookmark_here",
        "list_bookmarks",
        "get_bookmark",
        "create_bookmark",
        "update_bookmark",
        "delete_bookmark",
    ),
)
bp.product(
    "audiolark",
    "AudioLark",
    "Podcast discovery and listening with smart download rules.",
    verbs={"create": "add", "list": "browse"},
    pagination="page",
    drop=("get_download",),
)
