"""News reader: feeds, articles, topics, saved articles and highlights (five products)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import format_stamp, parse_stamp
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("news reader")

Folder = Literal["read_later", "reference", "favorites"]


class Topic(BaseModel):
    id: str = Field(description="Topic id.")
    name: str = Field(description="Topic name.", min_length=1, max_length=60)
    keywords: list[str] = Field(default_factory=list, description="Keywords matched against article titles.")
    color: str = Field("#336699", description="Display color (hex).", pattern=r"^#[0-9a-f]{6}$")
    muted: bool = Field(False, description="Muted topics are left out of digests.")


class Feed(BaseModel):
    id: str = Field(description="Feed id.")
    title: str = Field(description="Feed title.", min_length=1, max_length=120)
    url: str = Field(description="RSS/Atom URL.", pattern=r"^https?://\S+$", max_length=300)
    topic_id: str = Field("", description="Topic the feed is filed under; empty when none.")
    refresh_minutes: int = Field(60, ge=5, le=1440, description="How often the feed is fetched.")
    language: Literal["en", "de", "fr", "es"] = Field("en", description="Language of the feed.")
    status: Literal["active", "paused"] = Field("active", description="Whether the feed is fetched.")


class Article(BaseModel):
    id: str = Field(description="Article id.")
    feed_id: str = Field(description="Feed it came from.")
    title: str = Field(description="Headline.")
    author: str = Field("", description="Byline.")
    url: str = Field(description="Link to the article.")
    summary: str = Field("", description="Summary text.")
    published_at: str = Field(description="Publication time (ISO-8601).")
    reading_minutes: int = Field(3, description="Estimated reading time.")
    read: bool = Field(False, description="Whether you have read it.")
    starred: bool = Field(False, description="Whether you starred it.")


class SavedArticle(BaseModel):
    id: str = Field(description="Saved-article id.")
    article_id: str = Field(description="The article saved.")
    folder: Folder = Field("read_later", description="Folder.")
    note: str = Field("", description="Your note.", max_length=1000)
    saved_at: str = Field("", description="When it was saved (ISO-8601).")


class Highlight(BaseModel):
    id: str = Field(description="Highlight id.")
    article_id: str = Field(description="Article highlighted.")
    text: str = Field(description="Highlighted passage.")
    note: str = Field("", description="Note on the passage.")
    color: Literal["yellow", "green", "blue", "pink"] = Field("yellow", description="Highlight color.")
    created_at: str = Field("", description="When it was made (ISO-8601).")


bp.resource(
    Topic, name="topic", id_prefix="top", searchable=("name",), filterable=("muted",), order_by="name"
)
bp.resource(
    Feed,
    name="feed",
    id_prefix="fd",
    searchable=("title", "url"),
    filterable=("topic_id", "status", "language"),
    refs={"topic_id": "topic"},
    readonly=("status",),
    order_by="title",
)
bp.resource(
    Article,
    name="article",
    id_prefix="art",
    searchable=("title", "summary", "author"),
    filterable=("feed_id", "read", "starred"),
    refs={"feed_id": "feed"},
    ops=("search", "list", "get"),
    order_by="published_at DESC",
)
bp.resource(
    SavedArticle,
    name="saved_article",
    id_prefix="sav",
    filterable=("folder", "article_id"),
    refs={"article_id": "article"},
    readonly=("article_id",),
    ops=("list", "get", "update", "delete"),
    order_by="saved_at DESC",
)
bp.resource(
    Highlight,
    name="highlight",
    id_prefix="hl",
    filterable=("article_id", "color"),
    refs={"article_id": "article"},
    ops=("list", "get", "delete"),
    order_by="created_at",
)


class ArticleList(BaseModel):
    articles: list[Article] = Field(description="The articles.")


class FeedList(BaseModel):
    feeds: list[Feed] = Field(description="The feeds.")


class MarkResult(BaseModel):
    feed_id: str = Field(description="The feed.")
    marked: int = Field(description="Articles newly marked read.")


class UnreadCounts(BaseModel):
    total_unread: int = Field(description="Unread articles over all feeds.")
    by_feed: dict[str, int] = Field(description="Unread articles per feed title.")


class ReadingStats(BaseModel):
    days: int = Field(description="Window in days.")
    articles_published: int = Field(description="Articles published in the window.")
    articles_read: int = Field(description="Of those, how many you read.")
    minutes_read: int = Field(description="Estimated minutes spent reading them.")
    saved: int = Field(description="Articles saved in the window.")


class NewFeed(BaseModel):
    url: str = Field(description="RSS/Atom URL.", pattern=r"^https?://\S+$", max_length=300)
    title: str = Field(description="Feed title.", min_length=1, max_length=120)
    refresh_minutes: int = Field(60, ge=5, le=1440, description="How often to fetch it.")


class ArticleFilter(BaseModel):
    unread_only: bool = Field(False, description="Only unread articles.")
    starred_only: bool = Field(False, description="Only starred articles.")
    max_reading_minutes: int | None = Field(
        None, ge=1, le=120, description="Only articles this short or shorter."
    )
    published_within_days: int | None = Field(None, ge=1, le=365, description="Only articles this recent.")


def _days_ago(ctx: ToolContext, days: int) -> str:
    return format_stamp(parse_stamp(ctx.now()) - timedelta(days=days))


@bp.action(idempotent=True)
def mark_article_read(ctx: ToolContext, article_id: str, read: bool = True) -> Article:
    """Mark an {app} article as read (or unread again) and return it.

    Args:
        article_id: The article.
        read: True for read, false for unread.
    """
    art = ctx.require("article", article_id)
    return art if art["read"] == read else ctx.update("article", article_id, {"read": read})


@bp.action(idempotent=True)
def mark_feed_read(ctx: ToolContext, feed_id: str) -> MarkResult:
    """Mark every unread {app} article of a feed as read; returns how many changed.

    Args:
        feed_id: The feed to catch up on.
    """
    ctx.require("feed", feed_id)
    rows = ctx.select("article", "feed_id = ? AND read = 0", (feed_id,))
    for r in rows:
        ctx.update("article", r["id"], {"read": True})
    return {"feed_id": feed_id, "marked": len(rows)}


@bp.action(idempotent=True)
def star_article(ctx: ToolContext, article_id: str, starred: bool = True) -> Article:
    """Star or unstar an {app} article so that it shows up in your starred list; returns the updated article.

    Args:
        article_id: The article.
        starred: True to star, false to unstar.
    """
    art = ctx.require("article", article_id)
    return art if art["starred"] == starred else ctx.update("article", article_id, {"starred": starred})


@bp.action()
def save_article(
    ctx: ToolContext,
    article_id: str,
    folder: Folder = "read_later",
    note: Annotated[str, Field(max_length=1000)] = "",
) -> SavedArticle:
    """Save an {app} article into a folder for later; an article can be saved only once.

    Args:
        article_id: The article to save.
        folder: Folder to save it in.
        note: Optional note.
    """
    art = ctx.require("article", article_id)
    found = ctx.select("saved_article", "article_id = ?", (article_id,))
    if found:
        raise ToolError(f"'{art['title']}' is already saved in {found[0]['folder']} ({found[0]['id']}).")
    return ctx.insert(
        "saved_article", {"article_id": article_id, "folder": folder, "note": note, "saved_at": ctx.now()}
    )


@bp.action()
def highlight_article(
    ctx: ToolContext,
    article_id: str,
    text: Annotated[str, Field(min_length=1, max_length=2000)],
    color: Literal["yellow", "green", "blue", "pink"] = "yellow",
    note: Annotated[str, Field(max_length=1000)] = "",
) -> Highlight:
    """Highlight a passage of an {app} article (at most 20 per article); returns the highlight.

    Args:
        article_id: The article.
        text: The passage to highlight.
        color: Highlight color.
        note: Optional note on the passage.
    """
    ctx.require("article", article_id)
    if not text.strip():
        raise ToolError("text: the highlighted passage cannot be blank.")
    existing = ctx.select("highlight", "article_id = ?", (article_id,))
    if len(existing) >= 20:
        raise ToolError(f"Article {article_id} already has 20 highlights, the maximum.")
    if any(h["text"] == text.strip() for h in existing):
        raise ToolError("This passage is already highlighted.")
    return ctx.insert(
        "highlight",
        {
            "article_id": article_id,
            "text": text.strip(),
            "note": note,
            "color": color,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def subscribe_feeds(
    ctx: ToolContext,
    feeds: Annotated[list[NewFeed], Field(min_length=1, max_length=20)],
    topic_id: str | None = None,
) -> FeedList:
    """Subscribe to several {app} feeds at once (all or none); URLs already subscribed are refused.

    Args:
        feeds: The feeds to add.
        topic_id: Topic to file them under.
    """
    if topic_id:
        ctx.require("topic", topic_id)
    have = {f["url"].rstrip("/").lower() for f in ctx.select("feed")}
    for f in feeds:
        key = f["url"].rstrip("/").lower()
        if key in have:
            raise ToolError(f"Already subscribed to {f['url']}; nothing was added.")
        have.add(key)
    return {
        "feeds": [
            ctx.insert(
                "feed",
                {
                    "url": f["url"],
                    "title": f["title"],
                    "refresh_minutes": f["refresh_minutes"],
                    "topic_id": topic_id or "",
                },
            )
            for f in feeds
        ]
    }


@bp.action()
def pause_feed(ctx: ToolContext, feed_id: str) -> Feed:
    """Stop fetching an {app} feed without unsubscribing; returns the feed.

    Args:
        feed_id: The feed to pause.
    """
    feed = ctx.require("feed", feed_id)
    if feed["status"] == "paused":
        raise ToolError(f"Feed {feed['title']} is already paused.")
    return ctx.update("feed", feed_id, {"status": "paused"})


@bp.action()
def resume_feed(ctx: ToolContext, feed_id: str) -> Feed:
    """Resume fetching a paused {app} feed so that new articles arrive again; returns the feed.

    Args:
        feed_id: The feed to resume.
    """
    feed = ctx.require("feed", feed_id)
    if feed["status"] == "active":
        raise ToolError(f"Feed {feed['title']} is already active.")
    return ctx.update("feed", feed_id, {"status": "active"})


@bp.action(idempotent=True)
def move_feed_to_topic(ctx: ToolContext, feed_id: str, topic_id: str) -> Feed:
    """File an {app} feed under a topic (replacing its current topic); returns the feed.

    Args:
        feed_id: The feed.
        topic_id: The topic.
    """
    feed = ctx.require("feed", feed_id)
    ctx.require("topic", topic_id)
    return feed if feed["topic_id"] == topic_id else ctx.update("feed", feed_id, {"topic_id": topic_id})


@bp.action(read_only=True)
def get_unread_counts(ctx: ToolContext) -> UnreadCounts:
    """Count unread {app} articles over all your subscriptions, in total and broken down per feed title."""
    titles = {f["id"]: f["title"] for f in ctx.select("feed")}
    by: dict[str, int] = {}
    for a in ctx.select("article", "read = 0"):
        key = titles.get(a["feed_id"], a["feed_id"])
        by[key] = by.get(key, 0) + 1
    return {"total_unread": sum(by.values()), "by_feed": by}


@bp.action(read_only=True)
def get_topic_digest(
    ctx: ToolContext, topic_id: str, days: Annotated[int, Field(ge=1, le=30)] = 7
) -> ArticleList:
    """Build an {app} digest of a topic: recent articles from its feeds or matching its keywords, unread
    first.

    Args:
        topic_id: The topic.
        days: How many days back to look.
    """
    topic = ctx.require("topic", topic_id)
    if topic["muted"]:
        raise ToolError(f"Topic {topic['name']} is muted; unmute it to get a digest.")
    feeds = {f["id"] for f in ctx.select("feed", "topic_id = ?", (topic_id,))}
    words = [k.lower() for k in topic["keywords"]]
    rows = [
        a
        for a in ctx.select(
            "article", "published_at >= ?", (_days_ago(ctx, days),), order_by="published_at DESC"
        )
        if a["feed_id"] in feeds or any(w in a["title"].lower() for w in words)
    ]
    rows.sort(key=lambda a: a["read"])
    return {"articles": rows}


@bp.action(read_only=True)
def filter_articles(ctx: ToolContext, filters: ArticleFilter, feed_id: str | None = None) -> ArticleList:
    """Filter {app} articles by read state, star, reading time and recency, newest first (at most 50).

    Args:
        filters: The conditions to apply.
        feed_id: Only articles of this feed.
    """
    where, params = [], []
    if feed_id:
        ctx.require("feed", feed_id)
        where.append("feed_id = ?")
        params.append(feed_id)
    if filters.get("unread_only"):
        where.append("read = 0")
    if filters.get("starred_only"):
        where.append("starred = 1")
    if filters.get("max_reading_minutes"):
        where.append("reading_minutes <= ?")
        params.append(filters["max_reading_minutes"])
    if filters.get("published_within_days"):
        where.append("published_at >= ?")
        params.append(_days_ago(ctx, filters["published_within_days"]))
    rows = ctx.select("article", " AND ".join(where), tuple(params), order_by="published_at DESC", limit=50)
    return {"articles": rows}


@bp.action(read_only=True)
def get_reading_stats(ctx: ToolContext, days: Annotated[int, Field(ge=1, le=90)] = 7) -> ReadingStats:
    """Summarize your {app} reading over recent days: articles published, read, minutes read and saved.

    Args:
        days: Window in days.
    """
    since = _days_ago(ctx, days)
    rows = ctx.select("article", "published_at >= ?", (since,))
    read = [a for a in rows if a["read"]]
    saved = ctx.world.count(ctx.table("saved_article"), "saved_at >= ?", (since,))
    return {
        "days": days,
        "articles_published": len(rows),
        "articles_read": len(read),
        "minutes_read": sum(a["reading_minutes"] for a in read),
        "saved": saved,
    }


_TOPICS = (
    ("Technology", ["ai", "chip", "software", "startup"], "#1f77b4"),
    ("Climate", ["climate", "energy", "solar"], "#2ca02c"),
    ("Markets", ["stocks", "rates", "inflation"], "#d62728"),
    ("Science", ["space", "study", "research"], "#9467bd"),
    ("Sports", ["league", "final", "cup"], "#ff7f0e"),
)
_FEEDS = (
    ("The Circuit Daily", "Technology"),
    ("Open Source Weekly", "Technology"),
    ("Green Ledger", "Climate"),
    ("Market Pulse", "Markets"),
    ("Lab Notes", "Science"),
    ("Orbit Report", "Science"),
    ("Final Whistle", "Sports"),
    ("Morning Brief", ""),
)
_HEAD = {
    "Technology": (
        "New AI chip promises faster inference",
        "Startup raises seed round for software agents",
        "Browser update ships new privacy features",
        "Why software teams adopt Rust",
    ),
    "Climate": (
        "Solar capacity hits record high",
        "Cities test heat-resilient pavement",
        "Energy storage costs fall again",
    ),
    "Markets": (
        "Rates hold steady as inflation cools",
        "Tech stocks rally into earnings",
        "Bond yields slip",
    ),
    "Science": (
        "Study links sleep and memory",
        "Space telescope spots distant galaxy",
        "Research on deep-sea microbes",
    ),
    "Sports": ("League final goes to extra time", "Underdogs win the cup", "Transfer window opens"),
    "": ("Five things to know this morning", "Weekend reading list", "The week in review"),
}


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    topics = {
        name: ctx.insert("topic", {"name": name, "keywords": kw, "color": color, "muted": name == "Sports"})
        for name, kw, color in _TOPICS
    }
    arts = []
    for i, (title, topic) in enumerate(_FEEDS):
        slug = title.lower().replace(" ", "")
        feed = ctx.insert(
            "feed",
            {
                "title": title,
                "url": f"https://{slug}.example.com/rss",
                "topic_id": topics[topic]["id"] if topic else "",
                "refresh_minutes": rng.choice((15, 30, 60, 180)),
                "language": "en",
                "status": "paused" if i in (1, 3, 5) else "active",
            },
        )
        for _ in range(rng.randint(4, 7)):
            head = rng.choice(_HEAD[topic])
            back = rng.uniform(0.1, 20)
            arts.append(
                ctx.insert(
                    "article",
                    {
                        "feed_id": feed["id"],
                        "title": head,
                        "author": s.fake.name(),
                        "url": f"https://{slug}.example.com/{s.fake.slug()}",
                        "summary": s.fake.paragraph(nb_sentences=3),
                        "published_at": s.at(days=-back),
                        "reading_minutes": rng.randint(2, 15),
                        "read": back > 6 and rng.random() < 0.7,
                        "starred": rng.random() < 0.15,
                    },
                )
            )
    for a in rng.sample(arts, 12):
        ctx.insert(
            "saved_article",
            {
                "article_id": a["id"],
                "folder": rng.choice(("read_later", "reference", "favorites")),
                "note": "" if rng.random() < 0.6 else s.fake.sentence(nb_words=6),
                "saved_at": s.at(days=-rng.uniform(0, 10)),
            },
        )
    for a in rng.sample(arts, 10):
        ctx.insert(
            "highlight",
            {
                "article_id": a["id"],
                "text": a["summary"].split(".")[0] + ".",
                "color": rng.choice(("yellow", "green", "blue", "pink")),
                "created_at": s.at(days=-rng.uniform(0, 5)),
            },
        )


bp.product("feedquill", "Feedquill", "RSS reader with topics, highlights and read-later.")
bp.product(
    "headlinr",
    "Headlinr",
    "Fast headline reader for news junkies.",
    style="camel",
    pagination="cursor",
    drop=("delete_highlight", "search_topics"),
)
bp.product(
    "gazetta",
    "Gazetta",
    "Curated news feeds organized by topic.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=("get_reading_stats", "delete_topic"),
)
bp.product(
    "rsslark",
    "RSSLark",
    "Minimal feed reader.",
    prefix="lark",
    drop=(
        "highlight_article",
        "list_highlights",
        "get_highlight",
        "delete_highlight",
        "search_topics",
        "update_topic",
        "delete_topic",
        "move_feed_to_topic",
        "get_reading_stats",
        "filter_articles",
    ),
)
bp.product(
    "newsnook",
    "NewsNook",
    "Personal news library: feeds, saved stories and highlights.",
    verbs={"list": "browse", "create": "add"},
    pagination="page",
    drop=("search_feeds",),
)
