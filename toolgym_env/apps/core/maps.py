"""Maps: places in the travel cities (the travel app's hotels among them), geocoding, directions, saved
places."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.core.travel import haversine_km, make_hotels
from toolgym_env.apps.core.weather import WORLD_CITIES, utc_offset
from toolgym_env.apps.crud import like_escape
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

app = AppSpec(
    "maps",
    title="Maps",
    domain="maps",
    description="Find places, see details and opening hours, geocode addresses, get directions, save places.",
)

Category = Literal[
    "restaurant", "cafe", "bar", "museum", "park", "hotel", "pharmacy", "supermarket", "gym", "landmark"
]
Mode = Literal["driving", "walking", "cycling", "transit"]
_COUNTRY = {
    "US": ("na", "+1"),
    "CA": ("na", "+1"),
    "MX": ("na", "+52"),
    "GB": ("eu", "+44"),
    "FR": ("eu", "+33"),
    "DE": ("eu", "+49"),
    "NL": ("eu", "+31"),
    "ES": ("eu", "+34"),
    "IT": ("eu", "+39"),
    "JP": ("jp", "+81"),
    "SG": ("sg", "+65"),
    "AU": ("au", "+61"),
}  # landmass (for driving) and dialling code
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Place(BaseModel):
    id: str = Field(description="Place id.")
    name: str = Field(description="Name of the place.")
    category: Category = Field(description="Kind of place.")
    cuisine: str = Field("", description="Cuisine (restaurants and cafes).")
    address: str = Field(description="Street address.")
    city: str = Field(description="City.")
    country: str = Field(description="ISO country code.")
    lat: float = Field(description="Latitude in degrees.")
    lon: float = Field(description="Longitude in degrees.")
    rating: float = Field(description="Average rating, 1-5.", ge=1, le=5)
    review_count: int = Field(description="Number of ratings.", ge=0)
    price_level: int = Field(description="Price level from 0 (free) to 4 (very expensive).", ge=0, le=4)
    phone: str = Field("", description="Phone number.")
    opens_at: str = Field(description="Daily opening time (HH:MM, local).")
    closes_at: str = Field(
        description="Daily closing time (HH:MM, local; earlier than opens_at = after midnight)."
    )
    closed_on: list[str] = Field(default_factory=list, description="Weekdays it is closed, e.g. ['Monday'].")


class SavedPlace(BaseModel):
    id: str = Field(description="Saved-place id.")
    place_id: str = Field(description="The saved place.")
    place_name: str = Field(description="Name of the place.")
    city: str = Field(description="City of the place.")
    list_name: str = Field("favorites", description="List it is saved in, e.g. 'favorites' or 'want to go'.")
    note: str = Field("", description="Owner's note.", max_length=500)
    saved_at: str = Field("", description="When it was saved (ISO-8601).")


app.resource(Place, name="place", id_prefix="pl", ops=())
app.resource(
    SavedPlace,
    name="saved_place",
    id_prefix="sp",
    refs={"place_id": "place"},
    ops=(),
    order_by="list_name, saved_at",
)


class PlaceHit(Place):
    distance_km: float | None = Field(description="Distance from near_place_id in km (null without one).")
    open_now: bool = Field(description="Whether it is open at the current time.")


class PlaceResults(BaseModel):
    places: list[PlaceHit] = Field(description="Matching places, best first.")
    total: int = Field(description="Number of matches before the limit.")


class PlaceDetails(Place):
    open_now: bool = Field(description="Whether it is open at the current time.")
    hours: str = Field(description="Opening hours in words.")
    saved_in: list[str] = Field(description="The owner's lists this place is saved in.")


class GeoMatch(BaseModel):
    name: str = Field(description="Place or city name.")
    address: str = Field(description="Address (the city name for a city).")
    city: str = Field(description="City.")
    lat: float = Field(description="Latitude.")
    lon: float = Field(description="Longitude.")
    place_id: str | None = Field(description="Matching place, or null for a city centre.")


class GeoResults(BaseModel):
    query: str = Field(description="What was looked up.")
    matches: list[GeoMatch] = Field(description="Best matches first (at most 5).")


class Directions(BaseModel):
    from_place: str = Field(description="Start place name.")
    to_place: str = Field(description="Destination place name.")
    mode: Mode = Field(description="Travel mode.")
    distance_km: float = Field(description="Route distance in km.")
    duration_minutes: int = Field(description="Estimated travel time in minutes.")
    steps: list[str] = Field(description="Turn-by-turn summary.")


class SavedList(BaseModel):
    saved: list[SavedPlace] = Field(description="Saved places.")
    lists: list[str] = Field(description="Names of all the owner's lists.")


class Removed(BaseModel):
    removed: list[str] = Field(description="Ids of the saved-place entries removed.")


def _open_now(ctx: ToolContext, p: dict) -> bool:
    now = ctx.world.clock.now() + timedelta(hours=utc_offset(p["city"], p["lon"]))
    if _DAYS[now.weekday()] in p["closed_on"]:
        return False
    t, o, c = now.strftime("%H:%M"), p["opens_at"], p["closes_at"]
    return o <= t < c if o < c else (t >= o or t < c)


def _city(ctx: ToolContext, city: str) -> str:
    names = {c[0].lower(): c[0] for c in WORLD_CITIES}
    name = names.get(city.split(",")[0].strip().lower())
    if name is None:
        raise ToolError(
            f"No places known in '{city}'. Cities covered: {', '.join(c[0] for c in WORLD_CITIES)}."
        )
    return name


@app.action(read_only=True)
def search_places(
    ctx: ToolContext,
    query: str | None = None,
    city: str | None = None,
    category: Category | None = None,
    near_place_id: str | None = None,
    radius_km: Annotated[float, Field(gt=0, le=50)] = 2.0,
    min_rating: Annotated[float, Field(ge=1, le=5)] | None = None,
    open_now: bool = False,
    sort_by: Literal["rating", "distance", "name"] = "rating",
    limit: Annotated[int, Field(ge=1, le=50)] = 10,
) -> PlaceResults:
    """Search places by words, city, category and distance from another place; give at least one criterion.

    Args:
        query: Words to match in the name, cuisine, category or address, e.g. 'sushi'.
        city: Only places in this city.
        category: Only this kind of place.
        near_place_id: Only places within radius_km of this place.
        radius_km: Search radius around near_place_id, in km.
        min_rating: Only places rated at least this.
        open_now: Only places open at the current time.
        sort_by: 'rating' (best first), 'distance' (needs near_place_id) or 'name'.
        limit: Maximum number of places to return.
    """
    if not any((query and query.strip(), city, category, near_place_id)):
        raise ToolError("Give at least one of query, city, category or near_place_id.")
    if sort_by == "distance" and near_place_id is None:
        raise ToolError("sort_by 'distance' needs near_place_id.")
    where, params = ["1 = 1"], []
    if city is not None:
        where.append("city = ?")
        params.append(_city(ctx, city))
    if category is not None:
        where.append("category = ?")
        params.append(category)
    if min_rating is not None:
        where.append("rating >= ?")
        params.append(min_rating)
    origin = ctx.require("place", near_place_id) if near_place_id is not None else None
    hits = []
    words = (query or "").lower().split()
    for p in ctx.select("place", " AND ".join(where), tuple(params)):
        text = f"{p['name']} {p['category']} {p['cuisine']} {p['address']}".lower()
        if not all(w in text for w in words):
            continue
        dist = None
        if origin is not None:
            if p["id"] == origin["id"]:
                continue
            dist = round(haversine_km(origin["lat"], origin["lon"], p["lat"], p["lon"]), 2)
            if dist > radius_km:
                continue
        is_open = _open_now(ctx, p)
        if open_now and not is_open:
            continue
        hits.append({**p, "distance_km": dist, "open_now": is_open})
    key = {
        "rating": lambda h: (-h["rating"], h["name"]),
        "name": lambda h: (h["name"], h["id"]),
        "distance": lambda h: (h["distance_km"], h["name"]),
    }[sort_by]
    hits.sort(key=key)
    return {"places": hits[:limit], "total": len(hits)}


@app.action(read_only=True)
def get_place_details(ctx: ToolContext, place_id: str) -> PlaceDetails:
    """Get everything about one place: address, coordinates, rating, price level, hours, open now, saved
    lists.

    Args:
        place_id: The place.
    """
    p = ctx.require("place", place_id)
    closed = f", closed {', '.join(p['closed_on'])}" if p["closed_on"] else ""
    lists = sorted({s["list_name"] for s in ctx.select("saved_place", "place_id = ?", (place_id,))})
    return {
        **p,
        "open_now": _open_now(ctx, p),
        "hours": f"Daily {p['opens_at']}-{p['closes_at']}{closed}",
        "saved_in": lists,
    }


def _match(place: dict) -> dict:
    """A stored place as a geocoding match."""
    return {
        "name": place["name"],
        "address": place["address"],
        "city": place["city"],
        "lat": place["lat"],
        "lon": place["lon"],
        "place_id": place["id"],
    }


@app.action(read_only=True)
def geocode(ctx: ToolContext, address: Annotated[str, Field(min_length=2, max_length=300)]) -> GeoResults:
    """Turn an address, place name or city name into coordinates.

    Args:
        address: Street address, place name or city, e.g. '12 Market St, London'.
    """
    q = address.strip().lower()
    matches = [
        _match(p)
        for p in ctx.select(
            "place",
            "lower(address) LIKE ? ESCAPE '\\' OR lower(name) = ? OR instr(lower(?), lower(address)) > 0",
            (f"%{like_escape(q)}%", q, q),
            order_by="name",
        )
    ]
    for name, _, _, lat, lon, *_ in WORLD_CITIES:
        if q.split(",")[0].strip() == name.lower():
            matches.insert(
                0, {"name": name, "address": name, "city": name, "lat": lat, "lon": lon, "place_id": None}
            )
    if not matches:
        raise ToolError(
            f"Could not find '{address}'. Try a street address with its city, a place name or a city."
        )
    return {"query": address, "matches": matches[:5]}


@app.action(read_only=True)
def reverse_geocode(
    ctx: ToolContext,
    lat: Annotated[float, Field(ge=-90, le=90)],
    lon: Annotated[float, Field(ge=-180, le=180)],
) -> GeoResults:
    """Find the known places closest to a coordinate (within 5 km), nearest first.

    Args:
        lat: Latitude in degrees.
        lon: Longitude in degrees.
    """
    ranked = sorted(
        ((haversine_km(lat, lon, p["lat"], p["lon"]), p) for p in ctx.select("place")),
        key=lambda dp: (dp[0], dp[1]["id"]),
    )
    near = [p for d, p in ranked[:5] if d <= 5]
    if not near:
        raise ToolError(f"No known places within 5 km of ({lat}, {lon}).")
    return {"query": f"{lat},{lon}", "matches": [_match(p) for p in near]}


@app.action(read_only=True)
def get_directions(
    ctx: ToolContext, from_place_id: str, to_place_id: str, mode: Mode = "driving"
) -> Directions:
    """Get the route between two places: distance, travel time for the mode, and a step summary.

    Args:
        from_place_id: Start place.
        to_place_id: Destination place.
        mode: 'driving', 'walking', 'cycling' or 'transit'.
    """
    a, b = ctx.require("place", from_place_id), ctx.require("place", to_place_id)
    if a["id"] == b["id"]:
        raise ToolError("from_place_id and to_place_id are the same place.")
    crow = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
    if mode == "walking" and crow > 40:
        raise ToolError(f"Too far to walk ({crow:.0f} km); try driving or transit.")
    if mode in ("transit", "cycling") and a["city"] != b["city"]:
        raise ToolError(f"No {mode} route between {a['city']} and {b['city']}; try driving or a flight.")
    if mode == "driving" and (_COUNTRY[a["country"]][0] != _COUNTRY[b["country"]][0] or crow > 1500):
        raise ToolError(
            f"No driving route from {a['city']} to {b['city']}; book a flight with the travel app."
        )
    factor, speed, extra = {
        "walking": (1.25, 4.8, 0),
        "cycling": (1.25, 15, 0),
        "transit": (1.3, 22, 6),
        "driving": (1.35, 28 if crow < 15 else 70, 3),
    }[mode]
    dist = round(crow * factor, 2)
    minutes = max(1, round(dist / speed * 60 + extra))
    bearing = math.degrees(math.atan2(b["lon"] - a["lon"], b["lat"] - a["lat"])) % 360
    heading = ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")[
        int((bearing + 22.5) // 45) % 8
    ]
    verb = {"walking": "Walk", "cycling": "Cycle", "transit": "Take transit", "driving": "Drive"}[mode]
    steps = [
        f"Start at {a['name']}, {a['address']}.",
        f"{verb} {dist:.1f} km {heading}.",
        f"Arrive at {b['name']}, {b['address']}.",
    ]
    return {
        "from_place": a["name"],
        "to_place": b["name"],
        "mode": mode,
        "distance_km": dist,
        "duration_minutes": minutes,
        "steps": steps,
    }


@app.action(idempotent=True)
def save_place(ctx: ToolContext, place_id: str, list_name: str = "favorites", note: str = "") -> SavedPlace:
    """Save a place to one of the owner's lists; saving it again to the same list just updates the note.

    Args:
        place_id: The place to save.
        list_name: The list, e.g. 'favorites' or 'want to go' (created if new).
        note: Optional note.
    """
    p = ctx.require("place", place_id)
    name = list_name.strip().lower()
    if not name:
        raise ToolError("list_name: cannot be empty.")
    existing = ctx.select("saved_place", "place_id = ? AND list_name = ?", (place_id, name))
    if existing:
        return ctx.update("saved_place", existing[0]["id"], {"note": note[:500]}) if note else existing[0]
    return ctx.insert(
        "saved_place",
        {
            "place_id": place_id,
            "place_name": p["name"],
            "city": p["city"],
            "list_name": name,
            "note": note[:500],
            "saved_at": ctx.now(),
        },
    )


@app.action(destructive=True)
def remove_saved_place(ctx: ToolContext, place_id: str, list_name: str | None = None) -> Removed:
    """Remove a place from one of the owner's lists, or from all of them when no list is given.

    Args:
        place_id: The place to remove.
        list_name: Only remove it from this list.
    """
    rows = [
        r
        for r in ctx.select("saved_place", "place_id = ?", (place_id,))
        if list_name is None or r["list_name"] == list_name.strip().lower()
    ]
    if not rows:
        raise ToolError(f"Place '{place_id}' is not saved" + (f" in '{list_name}'." if list_name else "."))
    for r in rows:
        ctx.delete("saved_place", r["id"])
    return {"removed": [r["id"] for r in rows]}


@app.action(read_only=True)
def list_saved_places(ctx: ToolContext, list_name: str | None = None) -> SavedList:
    """List the owner's saved places, from one list or all lists, with the names of all lists.

    Args:
        list_name: Only this list.
    """
    rows = ctx.select("saved_place", order_by="list_name, saved_at")
    lists = sorted({r["list_name"] for r in rows})
    if list_name is not None:
        rows = [r for r in rows if r["list_name"] == list_name.strip().lower()]
    return {"saved": rows, "lists": lists}


# --- seed ---------------------------------------------------------------------------------------------------
_CUISINES = (
    "Italian",
    "Japanese",
    "Mexican",
    "French",
    "Indian",
    "Thai",
    "American",
    "Chinese",
    "Vegetarian",
)
_KINDS = (
    ("restaurant", 4, "11:30", "22:30"),
    ("cafe", 2, "07:00", "18:00"),
    ("bar", 1, "17:00", "02:00"),
    ("museum", 2, "10:00", "18:00"),
    ("park", 1, "06:00", "22:00"),
    ("pharmacy", 1, "08:00", "21:00"),
    ("supermarket", 1, "07:00", "23:00"),
    ("gym", 1, "05:30", "23:00"),
    ("landmark", 1, "09:00", "19:00"),
)
_NAMES = {
    "restaurant": ("{s}'s Kitchen", "The {a} Table", "{c} House", "{a} Spoon", "{s}'s"),
    "cafe": ("{a} Bean Coffee", "Cafe {s}", "{a} Cup", "The Daily Grind"),
    "bar": ("The {a} Fox", "{s}'s Tavern"),
    "museum": (
        "{city} Museum of Art",
        "{city} History Museum",
        "Museum of Modern {city}",
        "{city} Science Center",
    ),
    "park": ("{s} Park", "{a} Gardens"),
    "pharmacy": ("{city} Pharmacy", "Walgreens", "CVS Pharmacy"),
    "supermarket": ("Whole Foods Market", "{a} Market", "FreshCo"),
    "gym": ("Equinox", "{a} Fitness"),
    "landmark": ("Old Town Hall", "{city} Cathedral", "{city} Observation Tower", "Harbor Lighthouse"),
}
_BY_CUISINE = {
    "Italian": "Trattoria {s}",
    "Mexican": "Casa {s}",
    "French": "Bistro {s}",
    "Thai": "{a} Thai",
    "Japanese": "{a} Sushi Bar",
    "Indian": "{a} Curry House",
    "Chinese": "{a} Dragon",
    "Vegetarian": "{a} Garden Kitchen",
    "American": "{a} Burger Co.",
}
_NOTES = (
    "Great for brunch",
    "Try the tasting menu",
    "Recommended by a friend",
    "Book ahead on weekends",
    "Open late",
    "Good for a rainy day",
    "Nice terrace",
    "Go early to skip the line",
)
_ADJ = ("Golden", "Green", "Red", "Little", "Blue", "Copper", "Silver", "Wild", "Olive", "Sunny")


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng, fake, places = s.rng, s.fake, []
    for hotel in make_hotels(s.seed):
        country = next(c[1] for c in WORLD_CITIES if c[0] == hotel["city"])
        places.append(
            {
                "name": hotel["name"],
                "category": "hotel",
                "address": hotel["address"],
                "city": hotel["city"],
                "country": country,
                "lat": hotel["lat"],
                "lon": hotel["lon"],
                "rating": hotel["rating"],
                "price_level": min(4, max(1, hotel["stars"] - 1)),
                "opens_at": "00:00",
                "closes_at": "23:59",
            }
        )
    for city, country, _, lat, lon, *_ in WORLD_CITIES:
        for kind, count, opens, closes in _KINDS:
            for name in rng.sample(_NAMES[kind], k=min(count, len(_NAMES[kind]))):
                cuisine = (
                    rng.choice(_CUISINES) if kind == "restaurant" else "Coffee" if kind == "cafe" else ""
                )
                if kind == "restaurant" and rng.random() < 0.6:
                    name = _BY_CUISINE[cuisine]
                places.append(
                    {
                        "name": name.format(s=fake.last_name(), a=rng.choice(_ADJ), c=cuisine, city=city),
                        "category": kind,
                        "cuisine": cuisine,
                        "city": city,
                        "country": country,
                        "address": f"{rng.randint(1, 400)} {fake.street_name()}, {city}",
                        "lat": round(lat + rng.uniform(-0.035, 0.035), 5),
                        "lon": round(lon + rng.uniform(-0.045, 0.045), 5),
                        "rating": round(rng.uniform(3.2, 4.9), 1),
                        "price_level": 0
                        if kind in ("park", "landmark")
                        else rng.randint(1, 4 if kind == "restaurant" else 2),
                        "opens_at": opens,
                        "closes_at": closes,
                        "closed_on": ["Monday"]
                        if kind == "museum" or (kind == "restaurant" and rng.random() < 0.3)
                        else [],
                    }
                )
    for p in places:
        ctx.insert(
            "place",
            {
                "cuisine": "",
                **p,
                "review_count": rng.randint(12, 4800),
                "phone": _COUNTRY[p["country"]][1] + fake.numerify(" ### ### ####"),
            },
        )
    rows = ctx.select("place")
    for p, lst in zip(rng.sample(rows, 7), ("favorites",) * 4 + ("want to go",) * 3):
        ctx.insert(
            "saved_place",
            {
                "place_id": p["id"],
                "place_name": p["name"],
                "city": p["city"],
                "list_name": lst,
                "note": "" if rng.random() < 0.4 else rng.choice(_NOTES),
                "saved_at": s.at(days=-rng.randint(2, 300)),
            },
        )
