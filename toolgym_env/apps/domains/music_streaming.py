"""Music streaming: catalog tracks and albums, playlists, the saved library and the play queue (five
products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("music streaming")

Genre = Literal[
    "pop", "rock", "hip-hop", "jazz", "classical", "electronic", "folk", "r&b", "country", "metal"
]
DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
MAX_PLAYLIST = 500
MAX_QUEUE = 100


class Track(BaseModel):
    id: str = Field(description="Track id.")
    title: str = Field(description="Track title.", min_length=1, max_length=200)
    artist: str = Field(description="Performing artist.", max_length=200)
    album_id: str = Field(description="Album the track appears on.")
    track_number: int = Field(1, ge=1, le=99, description="Position on the album.")
    duration_s: int = Field(180, ge=1, le=3600, description="Length in seconds.")
    genre: Genre = Field("pop", description="Genre.")
    explicit: bool = Field(False, description="Whether the track has explicit lyrics.")
    isrc: str = Field(
        "", description="International Standard Recording Code.", pattern=r"^([A-Z]{2}[A-Z0-9]{3}\d{7})?$"
    )
    play_count: int = Field(0, ge=0, description="Times you played this track.")


class Album(BaseModel):
    id: str = Field(description="Album id.")
    title: str = Field(description="Album title.", min_length=1, max_length=200)
    artist: str = Field(description="Album artist.", max_length=200)
    album_type: Literal["album", "single", "ep", "compilation"] = Field("album", description="Release type.")
    release_date: str = Field(description="Release date (YYYY-MM-DD).", pattern=DATE)
    record_label: str = Field("", description="Record label.", max_length=100)
    genre: Genre = Field("pop", description="Main genre.")
    track_count: int = Field(0, ge=0, description="Number of tracks.")


class Playlist(BaseModel):
    id: str = Field(description="Playlist id.")
    name: str = Field(description="Playlist name.", min_length=1, max_length=100)
    description: str = Field("", description="Playlist description.", max_length=300)
    owner_email: str = Field("", description="Email of the owner.", max_length=200)
    is_public: bool = Field(False, description="Whether the playlist appears on your profile.")
    collaborative: bool = Field(False, description="Whether others may add tracks.")
    track_ids: list[str] = Field(default_factory=list, description="Tracks in playlist order.")
    created_at: str = Field("", description="When the playlist was created (ISO-8601).")
    updated_at: str = Field("", description="When the playlist last changed (ISO-8601).")


class LibraryItem(BaseModel):
    id: str = Field(description="Library entry id.")
    item_type: Literal["track", "album"] = Field(description="What was saved.")
    track_id: str = Field("", description="Saved track; empty for albums.")
    album_id: str = Field("", description="Saved album; empty for tracks.")
    added_at: str = Field("", description="When it was saved (ISO-8601).")


class QueueItem(BaseModel):
    id: str = Field(description="Queue entry id.")
    track_id: str = Field(description="Queued track.")
    position: int = Field(ge=1, description="Position in the queue, 1 = plays next.")
    source: str = Field("", description="Where it was queued from.", max_length=100)
    added_at: str = Field("", description="When it was queued (ISO-8601).")


bp.resource(
    Track,
    name="track",
    id_prefix="trk",
    searchable=("title", "artist"),
    filterable=("album_id", "genre", "explicit", "artist"),
    ops=("search", "list", "get"),
    order_by="artist, album_id, track_number",
)
bp.resource(
    Album,
    name="album",
    id_prefix="alb",
    searchable=("title", "artist"),
    filterable=("album_type", "genre", "artist"),
    ops=("search", "list", "get"),
    order_by="release_date DESC",
)
bp.resource(
    Playlist,
    name="playlist",
    id_prefix="ply",
    searchable=("name", "description"),
    filterable=("is_public", "collaborative", "owner_email"),
    readonly=("track_ids", "owner_email"),
    order_by="name",
)
bp.resource(
    LibraryItem,
    name="library_item",
    id_prefix="lib",
    filterable=("item_type",),
    ops=("list", "get", "delete"),
    order_by="added_at DESC",
    tool_names={"list": "list_library", "get": "get_library_item", "delete": "remove_from_library"},
)
bp.resource(
    QueueItem,
    name="queue_item",
    id_prefix="que",
    refs={"track_id": "track"},
    ops=("list", "get", "delete"),
    order_by="position",
    tool_names={"list": "list_queue", "get": "get_queue_item", "delete": "remove_from_queue"},
)


class TrackList(BaseModel):
    tracks: list[Track] = Field(description="The tracks.")


class Queue(BaseModel):
    items: list[QueueItem] = Field(description="The queue, in play order.")


class NowPlaying(BaseModel):
    track: Track = Field(description="The track now playing.")
    remaining_in_queue: int = Field(description="Tracks left in the queue.")


class LibraryStats(BaseModel):
    saved_tracks: int = Field(description="Number of saved tracks.")
    saved_albums: int = Field(description="Number of saved albums.")
    total_duration_s: int = Field(description="Combined length of saved tracks.")
    top_genre: str = Field(description="Most common genre of saved tracks; empty when none.")
    top_artist: str = Field(description="Artist with the most saved tracks; empty when none.")


class PlaylistDuration(BaseModel):
    playlist_id: str = Field(description="The playlist.")
    tracks: int = Field(description="Number of tracks.")
    total_duration_s: int = Field(description="Combined length in seconds.")
    explicit_tracks: int = Field(description="How many tracks are explicit.")
    longest_track_id: str = Field(description="Longest track; empty when the playlist is empty.")


class TrackFilter(BaseModel):
    genre: Genre | None = Field(None, description="Only this genre.")
    artist: str | None = Field(
        None, description="Only this artist (exact name, case-insensitive).", max_length=200
    )
    max_duration_s: int = Field(3600, ge=1, le=3600, description="Longest allowed length in seconds.")
    explicit_ok: bool = Field(True, description="Whether explicit tracks may be included.")
    released_after: str | None = Field(
        None, description="Only tracks from albums released on or after (YYYY-MM-DD).", pattern=DATE
    )


class ImportEntry(BaseModel):
    title: str = Field(description="Track title to look up.", min_length=1, max_length=200)
    artist: str = Field("", description="Artist to match; empty matches any.", max_length=200)


class ImportResult(BaseModel):
    playlist: Playlist = Field(description="The new playlist.")
    matched: int = Field(description="Entries found in the catalog and added.")
    unmatched: list[str] = Field(description="Titles that were not found.")


class Cleared(BaseModel):
    removed: int = Field(description="Number of queue entries removed.")


def _editable_playlist(ctx: ToolContext, playlist_id: str) -> dict:
    pl = ctx.require("playlist", playlist_id)
    if pl["owner_email"] != ctx.user.email and not pl["collaborative"]:
        raise ToolError(f"Playlist '{pl['name']}' belongs to {pl['owner_email']} and is not collaborative.")
    return pl


def _renumber(ctx: ToolContext, ordered: list[dict]) -> list[dict]:
    out = []
    for i, item in enumerate(ordered, start=1):
        out.append(ctx.update("queue_item", item["id"], {"position": i}) if item["position"] != i else item)
    return out


def _queue(ctx: ToolContext) -> list[dict]:
    return ctx.select("queue_item", order_by="position, added_at, id")


@bp.action()
def add_tracks_to_playlist(
    ctx: ToolContext,
    playlist_id: str,
    track_ids: Annotated[list[str], Field(min_length=1, max_length=100)],
    allow_duplicates: bool = False,
) -> Playlist:
    """Append tracks to an {app} playlist you own or that is collaborative (all or none); returns the
    playlist.

    Args:
        playlist_id: The playlist to add to.
        track_ids: Tracks to append, in order.
        allow_duplicates: Whether tracks already in the playlist may be added again.
    """
    pl = _editable_playlist(ctx, playlist_id)
    for t in track_ids:
        ctx.require("track", t)
        if not allow_duplicates and t in pl["track_ids"]:
            raise ToolError(
                f"Track {t} is already in '{pl['name']}'; pass allow_duplicates=true to add it again."
            )
    if not allow_duplicates and len(set(track_ids)) != len(track_ids):
        raise ToolError("track_ids lists the same track twice; pass allow_duplicates=true to allow that.")
    if len(pl["track_ids"]) + len(track_ids) > MAX_PLAYLIST:
        raise ToolError(f"Playlist '{pl['name']}' would exceed {MAX_PLAYLIST} tracks.")
    return ctx.update(
        "playlist", playlist_id, {"track_ids": [*pl["track_ids"], *track_ids], "updated_at": ctx.now()}
    )


@bp.action()
def remove_track_from_playlist(ctx: ToolContext, playlist_id: str, track_id: str) -> Playlist:
    """Remove every occurrence of a track from an {app} playlist you can edit; returns the playlist.

    Args:
        playlist_id: The playlist.
        track_id: The track to remove.
    """
    pl = _editable_playlist(ctx, playlist_id)
    if track_id not in pl["track_ids"]:
        raise ToolError(f"Track {track_id} is not in playlist '{pl['name']}'.")
    return ctx.update(
        "playlist",
        playlist_id,
        {"track_ids": [t for t in pl["track_ids"] if t != track_id], "updated_at": ctx.now()},
    )


@bp.action()
def create_playlist_from_album(
    ctx: ToolContext, album_id: str, name: Annotated[str | None, Field(max_length=100)] = None
) -> Playlist:
    """Create a private {app} playlist holding all tracks of an album in album order; returns it.

    Args:
        album_id: The album to copy.
        name: Playlist name; defaults to the album title.
    """
    album = ctx.require("album", album_id)
    tracks = ctx.select("track", "album_id = ?", (album_id,), order_by="track_number")
    if not tracks:
        raise ToolError(f"Album '{album['title']}' has no tracks available.")
    now = ctx.now()
    return ctx.insert(
        "playlist",
        {
            "name": (name or "").strip() or album["title"],
            "description": f"All tracks of {album['title']} by {album['artist']}.",
            "owner_email": ctx.user.email,
            "track_ids": [t["id"] for t in tracks],
            "created_at": now,
            "updated_at": now,
        },
    )


@bp.action()
def duplicate_playlist(
    ctx: ToolContext, playlist_id: str, name: Annotated[str, Field(min_length=1, max_length=100)]
) -> Playlist:
    """Copy your own or someone's public {app} playlist into a new private playlist of yours; returns the
    copy.

    Args:
        playlist_id: The playlist to copy.
        name: Name of the copy.
    """
    pl = ctx.require("playlist", playlist_id)
    if pl["owner_email"] != ctx.user.email and not pl["is_public"]:
        raise ToolError(f"Playlist '{pl['name']}' is private to {pl['owner_email']} and cannot be copied.")
    if not name.strip():
        raise ToolError("name: the playlist name cannot be blank.")
    now = ctx.now()
    return ctx.insert(
        "playlist",
        {
            "name": name.strip(),
            "description": f"Copy of {pl['name']}.",
            "owner_email": ctx.user.email,
            "track_ids": list(pl["track_ids"]),
            "created_at": now,
            "updated_at": now,
        },
    )


@bp.action()
def import_playlist(
    ctx: ToolContext,
    name: Annotated[str, Field(min_length=1, max_length=100)],
    entries: Annotated[list[ImportEntry], Field(min_length=1, max_length=100)],
) -> ImportResult:
    """Create an {app} playlist from a list of title/artist pairs, matching each against the catalog.

    Args:
        name: Name of the new playlist.
        entries: Songs to look up, in order.
    """
    if not name.strip():
        raise ToolError("name: the playlist name cannot be blank.")
    catalog = ctx.select("track")
    found, missing = [], []
    for e in entries:
        title, artist = e["title"].strip().lower(), (e.get("artist") or "").strip().lower()
        hit = next(
            (
                t
                for t in catalog
                if t["title"].lower() == title and (not artist or t["artist"].lower() == artist)
            ),
            None,
        )
        if hit:
            found.append(hit["id"])
        else:
            missing.append(e["title"])
    now = ctx.now()
    pl = ctx.insert(
        "playlist",
        {
            "name": name.strip(),
            "description": "Imported playlist.",
            "owner_email": ctx.user.email,
            "track_ids": found,
            "created_at": now,
            "updated_at": now,
        },
    )
    return {"playlist": pl, "matched": len(found), "unmatched": missing}


@bp.action(read_only=True)
def get_playlist_duration(ctx: ToolContext, playlist_id: str) -> PlaylistDuration:
    """Total up an {app} playlist: track count, combined length, explicit tracks and the longest track.

    Args:
        playlist_id: The playlist to total.
    """
    pl = ctx.require("playlist", playlist_id)
    tracks = [t for t in (ctx.get("track", i) for i in pl["track_ids"]) if t]
    longest = max(tracks, key=lambda t: (t["duration_s"], t["id"]), default=None)
    return {
        "playlist_id": playlist_id,
        "tracks": len(tracks),
        "total_duration_s": sum(t["duration_s"] for t in tracks),
        "explicit_tracks": sum(1 for t in tracks if t["explicit"]),
        "longest_track_id": longest["id"] if longest else "",
    }


@bp.action(idempotent=True)
def save_track(ctx: ToolContext, track_id: str) -> LibraryItem:
    """Save a track to your {app} library; saving it again returns the existing entry.

    Args:
        track_id: The track to save.
    """
    ctx.require("track", track_id)
    existing = ctx.select("library_item", "item_type = 'track' AND track_id = ?", (track_id,))
    if existing:
        return existing[0]
    return ctx.insert("library_item", {"item_type": "track", "track_id": track_id, "added_at": ctx.now()})


@bp.action(idempotent=True)
def save_album(ctx: ToolContext, album_id: str) -> LibraryItem:
    """Save an album to your {app} library; saving it again returns the existing entry.

    Args:
        album_id: The album to save.
    """
    ctx.require("album", album_id)
    existing = ctx.select("library_item", "item_type = 'album' AND album_id = ?", (album_id,))
    if existing:
        return existing[0]
    return ctx.insert("library_item", {"item_type": "album", "album_id": album_id, "added_at": ctx.now()})


@bp.action(read_only=True)
def get_library_stats(ctx: ToolContext) -> LibraryStats:
    """Summarize your {app} library: saved tracks and albums, total listening time, top genre and artist."""
    items = ctx.select("library_item")
    tracks = [t for t in (ctx.get("track", i["track_id"]) for i in items if i["item_type"] == "track") if t]
    genres: dict[str, int] = {}
    artists: dict[str, int] = {}
    for t in tracks:
        genres[t["genre"]] = genres.get(t["genre"], 0) + 1
        artists[t["artist"]] = artists.get(t["artist"], 0) + 1

    def pick(d: dict[str, int]) -> str:  # the most frequent key (alphabetically first on ties)
        return min(d, key=lambda k: (-d[k], k)) if d else ""

    return {
        "saved_tracks": len(tracks),
        "saved_albums": sum(1 for i in items if i["item_type"] == "album"),
        "total_duration_s": sum(t["duration_s"] for t in tracks),
        "top_genre": pick(genres),
        "top_artist": pick(artists),
    }


@bp.action()
def queue_tracks(
    ctx: ToolContext,
    track_ids: Annotated[list[str], Field(min_length=1, max_length=50)],
    play_next: bool = False,
) -> Queue:
    """Add tracks to your {app} play queue, at the end or to play next (queue holds 100); returns the queue.

    Args:
        track_ids: Tracks to queue, in order.
        play_next: Put them at the front of the queue instead of the end.
    """
    for t in track_ids:
        ctx.require("track", t)
    current = _queue(ctx)
    if len(current) + len(track_ids) > MAX_QUEUE:
        raise ToolError(
            f"The queue holds at most {MAX_QUEUE} tracks; it has {len(current)} and you "
            f"added {len(track_ids)}."
        )
    now = ctx.now()
    new = [
        ctx.insert("queue_item", {"track_id": t, "position": 0, "source": "manual", "added_at": now})
        for t in track_ids
    ]
    return {"items": _renumber(ctx, new + current if play_next else current + new)}


@bp.action()
def move_queue_item(
    ctx: ToolContext, queue_item_id: str, position: Annotated[int, Field(ge=1, le=100)]
) -> Queue:
    """Move an entry of your {app} play queue to another position (past the end moves it last); returns the
    queue.

    Args:
        queue_item_id: The queue entry to move.
        position: New 1-based position.
    """
    item = ctx.require("queue_item", queue_item_id)
    rest = [q for q in _queue(ctx) if q["id"] != queue_item_id]
    pos = min(position, len(rest) + 1)
    if pos == item["position"]:
        raise ToolError(f"Queue entry {queue_item_id} is already at position {pos}.")
    rest.insert(pos - 1, item)
    return {"items": _renumber(ctx, rest)}


@bp.action()
def play_next_in_queue(ctx: ToolContext) -> NowPlaying:
    """Start playing the first track of your {app} queue: it leaves the queue and its play count goes up."""
    queue = _queue(ctx)
    if not queue:
        raise ToolError("The play queue is empty; queue some tracks first.")
    first = queue[0]
    track = ctx.require("track", first["track_id"])
    ctx.delete("queue_item", first["id"])
    _renumber(ctx, queue[1:])
    track = ctx.update("track", track["id"], {"play_count": track["play_count"] + 1})
    return {"track": track, "remaining_in_queue": len(queue) - 1}


@bp.action(destructive=True)
def clear_queue(ctx: ToolContext) -> Cleared:
    """Remove every track from your {app} play queue and return how many were removed."""
    queue = _queue(ctx)
    if not queue:
        raise ToolError("The play queue is already empty.")
    for q in queue:
        ctx.delete("queue_item", q["id"])
    return {"removed": len(queue)}


@bp.action(read_only=True)
def find_tracks(
    ctx: ToolContext,
    filters: TrackFilter,
    sort: Literal["most_played", "shortest", "title"] = "most_played",
    max_results: Annotated[int, Field(ge=1, le=50)] = 20,
) -> TrackList:
    """Find {app} catalog tracks matching a filter (genre, artist, length, explicit, release date).

    Args:
        filters: Conditions the tracks must meet.
        sort: 'most_played', 'shortest' or 'title'.
        max_results: How many tracks to return (1-50).
    """
    f = filters
    albums = {a["id"]: a for a in ctx.select("album")}
    artist = (f.get("artist") or "").strip().lower()
    rows = [
        t
        for t in ctx.select("track")
        if (not f.get("genre") or t["genre"] == f["genre"])
        and (not artist or t["artist"].lower() == artist)
        and t["duration_s"] <= f.get("max_duration_s", 3600)
        and (f.get("explicit_ok", True) or not t["explicit"])
        and (
            not f.get("released_after")
            or albums.get(t["album_id"], {}).get("release_date", "") >= f["released_after"]
        )
    ]
    key = {
        "most_played": lambda t: (-t["play_count"], t["id"]),
        "shortest": lambda t: (t["duration_s"], t["id"]),
        "title": lambda t: (t["title"].lower(), t["id"]),
    }[sort]
    return {"tracks": sorted(rows, key=key)[:max_results]}


@bp.action(read_only=True)
def get_top_tracks(
    ctx: ToolContext, genre: Genre | None = None, top_n: Annotated[int, Field(ge=1, le=50)] = 10
) -> TrackList:
    """List the tracks you played most on {app}, optionally within one genre, most played first.

    Args:
        genre: Only this genre.
        top_n: How many tracks to return (1-50).
    """
    where, params = "play_count > 0", ()
    if genre:
        where += " AND genre = ?"
        params = (genre,)
    return {"tracks": ctx.select("track", where, params, order_by="play_count DESC, id", limit=top_n)}


_ARTISTS = (
    ("Velvet Harbor", "rock"),
    ("Luna Okafor", "pop"),
    ("The Quiet Frames", "folk"),
    ("DJ Marrow", "electronic"),
    ("Sable & Stone", "r&b"),
    ("Ironwood", "metal"),
    ("Milo Baptiste Trio", "jazz"),
    ("Kestrel Ensemble", "classical"),
    ("Rae Delgado", "country"),
    ("Northside Kin", "hip-hop"),
)
_WORDS = (
    "Midnight",
    "Paper",
    "Golden",
    "River",
    "Static",
    "Echo",
    "Glass",
    "Wild",
    "Neon",
    "Silent",
    "Summer",
    "Hollow",
    "Electric",
    "Ghost",
    "Satellite",
    "Honey",
    "Concrete",
    "Velvet",
    "Distant",
    "Fire",
)
_NOUNS = ("Hearts", "Lights", "Road", "Dreams", "Skyline", "Waves", "Letters", "Garden", "Signals", "Horizon")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    tracks: list[dict] = []
    albums: list[dict] = []
    for artist, genre in _ARTISTS:
        for _ in range(rng.randint(1, 2)):
            kind = rng.choice(("album", "album", "ep", "single"))
            n = {"album": rng.randint(6, 10), "ep": 4, "single": 1}[kind]
            title = f"{rng.choice(_WORDS)} {rng.choice(_NOUNS)}"
            album = ctx.insert(
                "album",
                {
                    "title": title,
                    "artist": artist,
                    "album_type": kind,
                    "release_date": s.date(-rng.randint(30, 3000)),
                    "record_label": rng.choice(("Northbeam Records", "Saltwater Music", "Indie Hall")),
                    "genre": genre,
                    "track_count": n,
                },
            )
            albums.append(album)
            for i in range(n):
                tracks.append(
                    ctx.insert(
                        "track",
                        {
                            "title": title if n == 1 else f"{rng.choice(_WORDS)} {rng.choice(_NOUNS)}",
                            "artist": artist,
                            "album_id": album["id"],
                            "track_number": i + 1,
                            "duration_s": rng.randint(120, 420),
                            "genre": genre,
                            "explicit": genre in ("hip-hop", "metal") and rng.random() < 0.5,
                            "isrc": (
                                f"US{rng.choice(('NBR', 'SWM', 'IDH'))}"
                                f"{rng.randint(2015, 2025) % 100:02d}{rng.randint(10000, 99999)}"
                            ),
                            "play_count": rng.randint(0, 60) if rng.random() < 0.6 else 0,
                        },
                    )
                )
    first = tracks[:12]
    now_days = -rng.randint(1, 30)
    for k, (name, pub, collab) in enumerate(
        (
            ("Morning Run", True, False),
            ("Focus Flow", False, False),
            ("Road Trip 2026", True, True),
            ("Dinner Jazz", False, False),
            ("Throwbacks", True, False),
            ("Rainy Day", False, False),
            ("Workout Mix", True, False),
            ("Sunday Chill", True, True),
        )
    ):
        ids = [t["id"] for t in rng.sample(first, rng.randint(3, 7))] + [
            t["id"] for t in rng.sample(tracks, 3)
        ]
        ctx.insert(
            "playlist",
            {
                "name": name,
                "description": f"{name} picks.",
                "owner_email": s.user.email,
                "is_public": pub,
                "collaborative": collab,
                "track_ids": list(dict.fromkeys(ids)),
                "created_at": s.at(days=now_days - 100 - k),
                "updated_at": s.at(days=now_days),
            },
        )
    for k, p in enumerate(s.people[:4]):
        ctx.insert(
            "playlist",
            {
                "name": f"{p.first_name}'s {rng.choice(('Favorites', 'Mix', 'Road Songs'))}",
                "owner_email": p.email,
                "is_public": k != 1,
                "collaborative": k == 2,
                "track_ids": [t["id"] for t in rng.sample(tracks, 6)],
                "created_at": s.at(days=-200),
                "updated_at": s.at(days=-10),
            },
        )
    for t in rng.sample(tracks, 25):
        ctx.insert(
            "library_item",
            {"item_type": "track", "track_id": t["id"], "added_at": s.at(days=-rng.randint(1, 400))},
        )
    for a in rng.sample(albums, 6):
        ctx.insert(
            "library_item",
            {"item_type": "album", "album_id": a["id"], "added_at": s.at(days=-rng.randint(1, 400))},
        )
    for i, t in enumerate(rng.sample(tracks, 10), start=1):
        ctx.insert(
            "queue_item",
            {
                "track_id": t["id"],
                "position": i,
                "source": rng.choice(("Focus Flow", "radio", "album")),
                "added_at": s.at(hours=-2, minutes=i),
            },
        )


bp.product("tunewell", "Tunewell", "Music streaming with playlists, a saved library and a play queue.")
bp.product(
    "beatbloom",
    "BeatBloom",
    "Stream albums and build playlists with friends.",
    style="camel",
    pagination="cursor",
    drop=("import_playlist",),
)
bp.product(
    "sonicleaf",
    "SonicLeaf",
    "Personal music player with library and queue controls.",
    style="kebab",
    verbs={"get": "fetch", "list": "browse"},
    pagination="offset",
    drop=("duplicate_playlist", "get_queue_item"),
)
bp.product(
    "groovr",
    "Groovr",
    "Simple music streaming for everyday listening.",
    prefix="groovr",
    drop=(
        "import_playlist",
        "duplicate_playlist",
        "create_playlist_from_album",
        "find_tracks",
        "get_top_tracks",
        "move_queue_item",
        "get_library_item",
        "get_queue_item",
        "search_albums",
        "get_playlist_duration",
    ),
)
bp.product(
    "melodyarc",
    "MelodyArc",
    "Streaming service for curated playlists and deep catalogs.",
    verbs={"create": "add"},
    pagination="page",
)
