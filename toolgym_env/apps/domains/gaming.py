"""Gaming platform: game catalog, your library, achievements, friends and multiplayer lobbies (five
products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("gaming platform")

Genre = Literal["action", "rpg", "strategy", "shooter", "sports", "racing", "puzzle", "simulation", "indie"]
Region = Literal["na-east", "na-west", "eu-west", "eu-central", "asia", "oce"]
GAMERTAG = r"^[A-Za-z][A-Za-z0-9_]{2,15}$"
DISK_GB = 500.0


class Game(BaseModel):
    id: str = Field(description="Game id.")
    title: str = Field(description="Game title.", min_length=1, max_length=150)
    developer: str = Field(description="Developer studio.", max_length=150)
    genre: Genre = Field("action", description="Genre.")
    price_cents: int = Field(0, ge=0, le=20000, description="Store price in US cents (0 = free to play).")
    size_gb: float = Field(10.0, ge=0.1, le=300, description="Install size in gigabytes.")
    max_players: int = Field(1, ge=1, le=100, description="Players per match (1 = single-player only).")
    age_rating: Literal["E", "E10+", "T", "M"] = Field("T", description="Age rating.")
    release_date: str = Field(description="Release date (YYYY-MM-DD).", pattern=r"^\d{4}-\d{2}-\d{2}$")


class LibraryEntry(BaseModel):
    id: str = Field(description="Library entry id.")
    game_id: str = Field(description="Owned game.")
    acquired_at: str = Field("", description="When the game was added to your library (ISO-8601).")
    playtime_min: int = Field(0, ge=0, description="Total minutes played.")
    last_played_at: str = Field("", description="When you last played (ISO-8601); empty if never.")
    installed: bool = Field(False, description="Whether the game is installed.")
    favorite: bool = Field(False, description="Whether the game is marked as a favorite.")
    hidden: bool = Field(False, description="Whether the game is hidden from the library view.")


class Achievement(BaseModel):
    id: str = Field(description="Achievement id.")
    game_id: str = Field(description="Game the achievement belongs to.")
    name: str = Field(description="Achievement name.", max_length=100)
    description: str = Field("", description="How to earn it.", max_length=300)
    points: int = Field(10, ge=5, le=200, description="Points awarded.")
    rarity_pct: float = Field(50.0, ge=0, le=100, description="Share of players who have it, in percent.")
    unlocked: bool = Field(False, description="Whether you have unlocked it.")
    unlocked_at: str = Field("", description="When you unlocked it (ISO-8601); empty otherwise.")


class Friend(BaseModel):
    id: str = Field(description="Friend entry id.")
    gamertag: str = Field(description="The other player's gamertag.", pattern=GAMERTAG)
    display_name: str = Field("", description="Display name.", max_length=100)
    status: Literal["accepted", "pending_incoming", "pending_outgoing"] = Field(
        "accepted", description="Friendship state."
    )
    online_status: Literal["online", "away", "offline"] = Field("offline", description="Presence.")
    since: str = Field("", description="When the entry was created (ISO-8601).")


class Lobby(BaseModel):
    id: str = Field(description="Lobby id.")
    game_id: str = Field(description="Game the lobby plays.")
    name: str = Field(description="Lobby name.", min_length=1, max_length=60)
    host_gamertag: str = Field("", description="Gamertag of the host.", max_length=20)
    members: list[str] = Field(default_factory=list, description="Gamertags of the players in the lobby.")
    max_players: int = Field(4, ge=2, le=100, description="Lobby capacity.")
    privacy: Literal["public", "friends", "invite_only"] = Field("public", description="Who may join.")
    region: Region = Field("na-east", description="Server region.")
    status: Literal["open", "in_game", "closed"] = Field("open", description="Lobby state.")
    created_at: str = Field("", description="When the lobby was opened (ISO-8601).")


bp.resource(
    Game,
    name="game",
    id_prefix="gam",
    searchable=("title", "developer"),
    filterable=("genre", "age_rating"),
    ops=("search", "list", "get"),
    order_by="title",
)
bp.resource(
    LibraryEntry,
    name="library_entry",
    plural="library",
    id_prefix="own",
    filterable=("game_id", "installed", "favorite"),
    refs={"game_id": "game"},
    readonly=("game_id", "acquired_at", "playtime_min", "last_played_at", "installed"),
    ops=("list", "get", "update"),
    order_by="last_played_at DESC",
    tool_names={"list": "list_library", "get": "get_library_entry", "update": "update_library_entry"},
)
bp.resource(
    Achievement,
    name="achievement",
    id_prefix="ach",
    filterable=("game_id", "unlocked"),
    refs={"game_id": "game"},
    ops=("list", "get"),
    order_by="game_id, points",
)
bp.resource(
    Friend,
    name="friend",
    id_prefix="frn",
    searchable=("gamertag", "display_name"),
    filterable=("status", "online_status"),
    ops=("search", "list", "get", "delete"),
    order_by="gamertag",
    readonly=("status", "online_status"),
)
bp.resource(
    Lobby,
    name="lobby",
    plural="lobbies",
    id_prefix="lby",
    searchable=("name",),
    filterable=("game_id", "status", "region", "privacy"),
    refs={"game_id": "game"},
    readonly=("host_gamertag", "members", "status"),
    order_by="created_at DESC",
)


class LobbySettings(BaseModel):
    name: str = Field(description="Lobby name.", min_length=1, max_length=60)
    max_players: int = Field(4, ge=2, le=16, description="Lobby capacity (at most the game's player limit).")
    privacy: Literal["public", "friends", "invite_only"] = Field("friends", description="Who may join.")
    region: Region = Field("na-east", description="Server region.")


class GameFilter(BaseModel):
    genre: Genre | None = Field(None, description="Only this genre.")
    max_price_cents: int = Field(20000, ge=0, le=20000, description="Highest price in cents.")
    min_players: int = Field(1, ge=1, le=100, description="Games supporting at least this many players.")
    age_ratings: list[Literal["E", "E10+", "T", "M"]] = Field(
        default_factory=list, description="Allowed age ratings; empty = any."
    )
    owned: bool | None = Field(None, description="True: only owned games; false: only games you do not own.")


class GameList(BaseModel):
    games: list[Game] = Field(description="The games.")


class LibraryList(BaseModel):
    entries: list[LibraryEntry] = Field(description="The library entries.")


class AchievementProgress(BaseModel):
    game_id: str = Field(description="The game.")
    unlocked: int = Field(description="Achievements unlocked.")
    total: int = Field(description="Achievements available.")
    points_earned: int = Field(description="Points from unlocked achievements.")
    points_available: int = Field(description="Points from all achievements.")
    rarest_unlocked_id: str = Field(description="Your rarest unlocked achievement; empty when none.")


class LibrarySummary(BaseModel):
    games_owned: int = Field(description="Games in the library.")
    installed: int = Field(description="Games installed.")
    disk_used_gb: float = Field(description="Space used by installed games.")
    disk_free_gb: float = Field(description="Space left on the 500 GB drive.")
    total_playtime_hours: float = Field(description="Hours played across all games.")
    most_played_game_id: str = Field(description="Game with the most playtime; empty when none.")


def _gamertag(ctx: ToolContext) -> str:
    u = ctx.user
    return (u.first_name + u.last_name[:1]).replace("'", "")[:12] + "GG"


def _entry(ctx: ToolContext, game_id: str) -> dict:
    game = ctx.require("game", game_id)
    rows = ctx.select("library_entry", "game_id = ?", (game_id,))
    if not rows:
        raise ToolError(f"You do not own '{game['title']}'.")
    return rows[0]


def _disk_used(ctx: ToolContext) -> float:
    return round(
        sum(
            ctx.require("game", e["game_id"])["size_gb"] for e in ctx.select("library_entry", "installed = 1")
        ),
        1,
    )


@bp.action()
def claim_free_game(ctx: ToolContext, game_id: str) -> LibraryEntry:
    """Add a free-to-play {app} game to your library; paid games must be bought in the store.

    Args:
        game_id: The free game to claim.
    """
    game = ctx.require("game", game_id)
    if ctx.select("library_entry", "game_id = ?", (game_id,)):
        raise ToolError(f"'{game['title']}' is already in your library.")
    if game["price_cents"] > 0:
        raise ToolError(
            f"'{game['title']}' costs ${game['price_cents'] / 100:.2f}; only free games can be claimed."
        )
    return ctx.insert("library_entry", {"game_id": game_id, "acquired_at": ctx.now()})


@bp.action()
def install_game(ctx: ToolContext, game_id: str) -> LibraryEntry:
    """Install an {app} game you own, if it fits in the free space of the 500 GB drive; returns the entry.

    Args:
        game_id: The owned game to install.
    """
    entry = _entry(ctx, game_id)
    game = ctx.require("game", game_id)
    if entry["installed"]:
        raise ToolError(f"'{game['title']}' is already installed.")
    used = _disk_used(ctx)
    if used + game["size_gb"] > DISK_GB:
        raise ToolError(
            f"Not enough disk space for '{game['title']}': needs {game['size_gb']} GB, "
            f"{DISK_GB - used:.1f} GB free."
        )
    return ctx.update("library_entry", entry["id"], {"installed": True})


@bp.action(destructive=True)
def uninstall_game(ctx: ToolContext, game_id: str) -> LibraryEntry:
    """Uninstall an {app} game to free disk space; it stays in your library. Returns the entry.

    Args:
        game_id: The installed game.
    """
    entry = _entry(ctx, game_id)
    if not entry["installed"]:
        raise ToolError(f"Game {game_id} is not installed.")
    return ctx.update("library_entry", entry["id"], {"installed": False})


@bp.action()
def record_play_session(
    ctx: ToolContext, game_id: str, minutes: Annotated[int, Field(ge=1, le=1440)]
) -> LibraryEntry:
    """Log a play session of an installed {app} game, adding to its playtime; returns the library entry.

    Args:
        game_id: The game played.
        minutes: Length of the session in minutes.
    """
    entry = _entry(ctx, game_id)
    if not entry["installed"]:
        raise ToolError(f"Game {game_id} is not installed; install it before playing.")
    return ctx.update(
        "library_entry",
        entry["id"],
        {"playtime_min": entry["playtime_min"] + minutes, "last_played_at": ctx.now()},
    )


@bp.action()
def unlock_achievement(ctx: ToolContext, achievement_id: str) -> Achievement:
    """Unlock an {app} achievement of a game you own and have played; returns the achievement.

    Args:
        achievement_id: The achievement earned.
    """
    ach = ctx.require("achievement", achievement_id)
    entry = _entry(ctx, ach["game_id"])
    if ach["unlocked"]:
        raise ToolError(f"Achievement '{ach['name']}' is already unlocked.")
    if entry["playtime_min"] == 0:
        raise ToolError(f"You have never played game {ach['game_id']}; play it first.")
    return ctx.update("achievement", achievement_id, {"unlocked": True, "unlocked_at": ctx.now()})


@bp.action(read_only=True)
def get_achievement_progress(ctx: ToolContext, game_id: str) -> AchievementProgress:
    """Show your {app} achievement progress in a game: unlocked count, points earned and your rarest unlock.

    Args:
        game_id: The game.
    """
    ctx.require("game", game_id)
    achs = ctx.select("achievement", "game_id = ?", (game_id,))
    done = [a for a in achs if a["unlocked"]]
    rarest = min(done, key=lambda a: (a["rarity_pct"], a["id"]), default=None)
    return {
        "game_id": game_id,
        "unlocked": len(done),
        "total": len(achs),
        "points_earned": sum(a["points"] for a in done),
        "points_available": sum(a["points"] for a in achs),
        "rarest_unlocked_id": rarest["id"] if rarest else "",
    }


@bp.action(read_only=True)
def get_library_summary(ctx: ToolContext) -> LibrarySummary:
    """Summarize your {app} library: games owned and installed, disk space used and free, total playtime."""
    entries = ctx.select("library_entry")
    top = max(entries, key=lambda e: (e["playtime_min"], e["id"]), default=None)
    used = _disk_used(ctx)
    return {
        "games_owned": len(entries),
        "installed": sum(1 for e in entries if e["installed"]),
        "disk_used_gb": used,
        "disk_free_gb": round(DISK_GB - used, 1),
        "total_playtime_hours": round(sum(e["playtime_min"] for e in entries) / 60, 1),
        "most_played_game_id": top["game_id"] if top and top["playtime_min"] else "",
    }


@bp.action(idempotent=True)
def set_favorite_games(ctx: ToolContext, game_ids: Annotated[list[str], Field(max_length=20)]) -> LibraryList:
    """Make exactly these owned {app} games your favorites (others are unmarked); returns the favorites.

    Args:
        game_ids: Owned games to mark as favorites; empty clears all favorites.
    """
    wanted = {_entry(ctx, g)["id"] for g in game_ids}
    for e in ctx.select("library_entry"):
        fav = e["id"] in wanted
        if e["favorite"] != fav:
            ctx.update("library_entry", e["id"], {"favorite": fav})
    return {"entries": ctx.select("library_entry", "favorite = 1", order_by="id")}


@bp.action(read_only=True)
def find_games(
    ctx: ToolContext,
    filters: GameFilter,
    sort: Literal["price", "newest", "title"] = "title",
    max_results: Annotated[int, Field(ge=1, le=50)] = 20,
) -> GameList:
    """Find {app} store games by genre, price, player count, age rating and ownership.

    Args:
        filters: Conditions the games must meet.
        sort: 'price' (cheapest first), 'newest' or 'title'.
        max_results: How many games to return (1-50).
    """
    f = filters
    owned = {e["game_id"] for e in ctx.select("library_entry")}
    ratings = set(f.get("age_ratings") or [])
    rows = [
        g
        for g in ctx.select("game")
        if (not f.get("genre") or g["genre"] == f["genre"])
        and g["price_cents"] <= f.get("max_price_cents", 20000)
        and g["max_players"] >= f.get("min_players", 1)
        and (not ratings or g["age_rating"] in ratings)
        and (f.get("owned") is None or (g["id"] in owned) == f["owned"])
    ]
    key = {
        "price": lambda g: (g["price_cents"], g["id"]),
        "newest": lambda g: (g["release_date"], g["id"]),
        "title": lambda g: (g["title"].lower(), g["id"]),
    }[sort]
    return {"games": sorted(rows, key=key, reverse=sort == "newest")[:max_results]}


@bp.action()
def send_friend_request(ctx: ToolContext, gamertag: Annotated[str, Field(pattern=GAMERTAG)]) -> Friend:
    """Send an {app} friend request to a player by gamertag; returns the pending friend entry.

    Args:
        gamertag: The player's gamertag.
    """
    if gamertag.lower() == _gamertag(ctx).lower():
        raise ToolError("You cannot send a friend request to yourself.")
    for f in ctx.select("friend"):
        if f["gamertag"].lower() == gamertag.lower():
            raise ToolError(f"{f['gamertag']} is already in your friends list ({f['status']}).")
    return ctx.insert(
        "friend",
        {"gamertag": gamertag, "display_name": gamertag, "status": "pending_outgoing", "since": ctx.now()},
    )


@bp.action()
def respond_to_friend_request(ctx: ToolContext, friend_id: str, accept: bool) -> Friend:
    """Accept or decline an incoming {app} friend request; declining removes it. Returns the entry.

    Args:
        friend_id: The incoming request.
        accept: True to accept, False to decline.
    """
    f = ctx.require("friend", friend_id)
    if f["status"] != "pending_incoming":
        raise ToolError(f"{f['gamertag']} is '{f['status']}'; only incoming requests can be answered.")
    if not accept:
        ctx.delete("friend", friend_id)
        return f
    return ctx.update("friend", friend_id, {"status": "accepted", "since": ctx.now()})


@bp.action()
def host_lobby(ctx: ToolContext, game_id: str, settings: LobbySettings) -> Lobby:
    """Open a multiplayer {app} lobby for a game you own, with you as host and first member; returns it.

    Args:
        game_id: The multiplayer game to host.
        settings: Name, capacity, privacy and region of the lobby.
    """
    entry = _entry(ctx, game_id)
    game = ctx.require("game", entry["game_id"])
    if game["max_players"] < 2:
        raise ToolError(f"'{game['title']}' is single-player only.")
    if settings["max_players"] > game["max_players"]:
        raise ToolError(
            f"max_players {settings['max_players']} exceeds the {game['max_players']} players "
            f"'{game['title']}' supports."
        )
    me = _gamertag(ctx)
    return ctx.insert(
        "lobby",
        {
            "game_id": game_id,
            "name": settings["name"],
            "host_gamertag": me,
            "members": [me],
            "max_players": settings["max_players"],
            "privacy": settings.get("privacy", "friends"),
            "region": settings.get("region", "na-east"),
            "created_at": ctx.now(),
        },
    )


@bp.action()
def join_lobby(ctx: ToolContext, lobby_id: str) -> Lobby:
    """Join an open {app} lobby; friends-only lobbies need the host as a friend, invite-only ones an invite.

    Args:
        lobby_id: The lobby to join.
    """
    lob = ctx.require("lobby", lobby_id)
    me = _gamertag(ctx)
    if me in lob["members"]:
        raise ToolError(f"You are already in lobby '{lob['name']}'.")
    if lob["status"] != "open":
        raise ToolError(f"Lobby '{lob['name']}' is '{lob['status']}' and not accepting players.")
    if len(lob["members"]) >= lob["max_players"]:
        raise ToolError(f"Lobby '{lob['name']}' is full ({lob['max_players']} players).")
    if lob["privacy"] == "invite_only":
        raise ToolError(f"Lobby '{lob['name']}' is invite-only.")
    if lob["privacy"] == "friends" and not ctx.select(
        "friend", "gamertag = ? AND status = 'accepted'", (lob["host_gamertag"],)
    ):
        raise ToolError(f"Lobby '{lob['name']}' is for friends of {lob['host_gamertag']} only.")
    _entry(ctx, lob["game_id"])
    return ctx.update("lobby", lobby_id, {"members": [*lob["members"], me]})


@bp.action()
def leave_lobby(ctx: ToolContext, lobby_id: str) -> Lobby:
    """Leave an {app} lobby; when the host leaves, the next member becomes host, or the lobby closes if empty.

    Args:
        lobby_id: The lobby to leave.
    """
    lob = ctx.require("lobby", lobby_id)
    me = _gamertag(ctx)
    if me not in lob["members"]:
        raise ToolError(f"You are not in lobby '{lob['name']}'.")
    members = [m for m in lob["members"] if m != me]
    changes: dict = {"members": members}
    if lob["host_gamertag"] == me:
        changes["host_gamertag"] = members[0] if members else ""
    if not members:
        changes["status"] = "closed"
    return ctx.update("lobby", lobby_id, changes)


@bp.action()
def invite_friend_to_lobby(ctx: ToolContext, lobby_id: str, friend_id: str) -> Lobby:
    """Bring an accepted {app} friend into a lobby you are in, if there is room; returns the lobby.

    Args:
        lobby_id: Your lobby.
        friend_id: The friend to add.
    """
    lob = ctx.require("lobby", lobby_id)
    friend = ctx.require("friend", friend_id)
    if _gamertag(ctx) not in lob["members"]:
        raise ToolError(f"You are not in lobby '{lob['name']}'.")
    if friend["status"] != "accepted":
        raise ToolError(f"{friend['gamertag']} is not an accepted friend ({friend['status']}).")
    if lob["status"] == "closed":
        raise ToolError(f"Lobby '{lob['name']}' is closed.")
    if friend["gamertag"] in lob["members"]:
        raise ToolError(f"{friend['gamertag']} is already in lobby '{lob['name']}'.")
    if len(lob["members"]) >= lob["max_players"]:
        raise ToolError(f"Lobby '{lob['name']}' is full ({lob['max_players']} players).")
    return ctx.update("lobby", lobby_id, {"members": [*lob["members"], friend["gamertag"]]})


@bp.action()
def start_lobby_match(ctx: ToolContext, lobby_id: str) -> Lobby:
    """Start the match of an {app} lobby you host; needs at least two players. Returns the lobby.

    Args:
        lobby_id: The lobby you host.
    """
    lob = ctx.require("lobby", lobby_id)
    if lob["host_gamertag"] != _gamertag(ctx):
        raise ToolError(f"Only the host ({lob['host_gamertag']}) can start lobby '{lob['name']}'.")
    if lob["status"] != "open":
        raise ToolError(f"Lobby '{lob['name']}' is '{lob['status']}', not open.")
    if len(lob["members"]) < 2:
        raise ToolError(
            f"Lobby '{lob['name']}' needs at least 2 players to start; it has {len(lob['members'])}."
        )
    return ctx.update("lobby", lobby_id, {"status": "in_game"})


_GAMES = (
    ("Starfall Odyssey", "Nebula Forge", "rpg", 5999, 85.0, 4, "T"),
    ("Apex Drift", "Redline Works", "racing", 0, 35.0, 12, "E"),
    ("Gridiron Kings 26", "Blitz Studios", "sports", 6999, 60.0, 8, "E"),
    ("Siegecraft", "Ironhelm", "strategy", 3999, 22.0, 6, "T"),
    ("Cinder Protocol", "Vanta Games", "shooter", 0, 95.0, 10, "M"),
    ("Harbor Life", "Cozy Kiln", "simulation", 2499, 8.0, 4, "E"),
    ("Rift Rumble", "Blitz Studios", "action", 0, 18.0, 4, "T"),
    ("Frontline Zero", "Vanta Games", "shooter", 5999, 120.0, 16, "M"),
    ("Moonlit Mosaic", "Puzzlebox", "puzzle", 0, 0.8, 2, "E"),
    ("Dune Rally", "Redline Works", "racing", 2999, 40.0, 8, "E"),
    ("Crown of Ash", "Ironhelm", "strategy", 4499, 30.0, 8, "T"),
    ("Lantern Keep", "Pixel Harbor", "indie", 1499, 3.0, 2, "E10+"),
    ("Hollow Circuit", "Pixel Harbor", "indie", 1999, 4.5, 1, "T"),
    ("Tilebound", "Puzzlebox", "puzzle", 999, 1.2, 1, "E"),
    ("Ashen Vale", "Nebula Forge", "action", 4999, 70.0, 1, "M"),
    ("Orbit Tycoon", "Cozy Kiln", "simulation", 1999, 6.0, 1, "E"),
)
_ACH = (
    "First Steps",
    "Getting Warmer",
    "Collector",
    "Untouchable",
    "Speed Demon",
    "Completionist",
    "Team Player",
    "Night Owl",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    games = []
    for title, dev, genre, price, size, players, rating in _GAMES:
        games.append(
            ctx.insert(
                "game",
                {
                    "title": title,
                    "developer": dev,
                    "genre": genre,
                    "price_cents": price,
                    "size_gb": size,
                    "max_players": players,
                    "age_rating": rating,
                    "release_date": s.date(-rng.randint(60, 2000)),
                },
            )
        )
    owned = [g for i, g in enumerate(games) if i not in (1, 6, 8)]  # three free games left to claim
    installed_ids = {games[i]["id"] for i in (0, 4, 7, 10, 13)}
    for g in owned:
        played = g["id"] in installed_ids or rng.random() < 0.5
        ctx.insert(
            "library_entry",
            {
                "game_id": g["id"],
                "acquired_at": s.at(days=-rng.randint(100, 900)),
                "playtime_min": rng.randint(30, 9000) if played else 0,
                "last_played_at": s.at(days=-rng.randint(0, 60)) if played else "",
                "installed": g["id"] in installed_ids,
                "favorite": rng.random() < 0.2,
            },
        )
    for g in owned[:12]:
        for name in rng.sample(_ACH, rng.randint(3, 5)):
            unlocked = rng.random() < 0.4
            ctx.insert(
                "achievement",
                {
                    "game_id": g["id"],
                    "name": name,
                    "description": f"{name} in {g['title']}.",
                    "points": rng.choice((10, 15, 25, 50, 100)),
                    "rarity_pct": round(rng.uniform(1, 80), 1),
                    "unlocked": unlocked,
                    "unlocked_at": s.at(days=-rng.randint(1, 300)) if unlocked else "",
                },
            )
    friends = []
    for i, p in enumerate(s.people[:16]):
        status = "pending_incoming" if i in (2, 6, 10) else "pending_outgoing" if i == 13 else "accepted"
        friends.append(
            ctx.insert(
                "friend",
                {
                    "gamertag": f"{p.first_name}{p.last_name[:3]}{i}".replace("'", "")[:16],
                    "display_name": p.name,
                    "status": status,
                    "online_status": rng.choice(("online", "online", "away", "offline")),
                    "since": s.at(days=-rng.randint(5, 800)),
                },
            )
        )
    me = (s.user.first_name + s.user.last_name[:1]).replace("'", "")[:12] + "GG"
    accepted = [f["gamertag"] for f in friends if f["status"] == "accepted"]
    multi = [g for g in owned if g["max_players"] >= 4]
    regions = ("na-east", "na-west", "eu-west", "eu-central")
    for k in range(12):
        g = multi[k % len(multi)]
        cap = min(g["max_players"], rng.choice((4, 6, 8)))
        if k < 5:  # lobbies I host, with friends in them
            host, members = (me, [me, *rng.sample(accepted, k % 2 + 1)]) if k != 4 else (me, [me])
            privacy, status = "friends", "open"
        elif k < 7:  # friends' lobbies I am in
            host = accepted[k]
            members = [host, me]
            privacy, status = "friends", "open"
        else:
            host = accepted[k % len(accepted)]
            members = [host, *rng.sample([a for a in accepted if a != host], rng.randint(0, 2))]
            privacy = ("public", "friends", "public", "invite_only", "public", "friends")[k - 7]
            status = "in_game" if k == 10 else "open"
        ctx.insert(
            "lobby",
            {
                "game_id": g["id"],
                "name": f"{g['title']} {rng.choice(('Squad', 'Night', 'Ranked', 'Casual'))}",
                "host_gamertag": host,
                "members": members[:cap],
                "max_players": cap,
                "privacy": privacy,
                "region": rng.choice(regions),
                "status": status,
                "created_at": s.at(hours=-rng.randint(1, 48)),
            },
        )


bp.product("pixelpeak", "PixelPeak", "PC gaming platform with a library, achievements and party lobbies.")
bp.product(
    "questloft",
    "QuestLoft",
    "Game launcher with friends, achievements and matchmaking lobbies.",
    style="camel",
    pagination="cursor",
    drop=("get_achievement",),
)
bp.product(
    "arcadium",
    "Arcadium",
    "Social gaming hub for friends and multiplayer sessions.",
    style="kebab",
    verbs={"get": "fetch", "create": "new"},
    pagination="offset",
    drop=("set_favorite_games",),
)
bp.product(
    "lootlane",
    "LootLane",
    "Lightweight game library and friends app.",
    prefix="loot",
    drop=(
        "find_games",
        "set_favorite_games",
        "record_play_session",
        "get_achievement_progress",
        "invite_friend_to_lobby",
        "start_lobby_match",
        "search_lobbies",
        "update_lobby",
        "delete_lobby",
        "get_library_entry",
    ),
)
bp.product(
    "joypilot",
    "JoyPilot",
    "Console-style game library, achievements and online play.",
    verbs={"list": "browse", "create": "add"},
    pagination="page",
    drop=("update_library_entry",),
)
