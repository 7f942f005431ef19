"""Travel: flights and hotels, paid through :func:`bank.charge_account`; cancelling frees seats/rooms and
refunds.

Flights run on a fixed daily schedule (2-5 a day per route) for three weeks; each day's flight has its own
price and seats left, and some are sold out.
"""

from __future__ import annotations

import math
import random
from datetime import date as Date
from datetime import timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.core.bank import charge_account, refund_account
from toolgym_env.apps.core.weather import UTC_OFFSETS, WORLD_CITIES, slug
from toolgym_env.apps.kit.dates import parse_day
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.clock import format_time, parse_time
from toolgym_env.world.seeding import SeedContext, stable_hex, stable_seed

app = AppSpec(
    "travel",
    title="Travel",
    domain="travel",
    description="Search and book flights and hotels, and manage or cancel bookings.",
)

Cabin = Literal["economy", "premium_economy", "business"]
DateStr = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Travelers = Annotated[
    list[Annotated[str, Field(min_length=1, max_length=100)]], Field(min_length=1, max_length=9)
]
SCHEDULE_DAYS = 21
_AIRPORTS = {c[2]: c for c in WORLD_CITIES}
_BY_CITY = {c[0].lower(): c[2] for c in WORLD_CITIES}
_UTC_OFFSET = {c[2]: UTC_OFFSETS[c[0]] for c in WORLD_CITIES}
_METRO = {"NYC": "JFK", "LON": "LHR", "PAR": "CDG", "TYO": "HND", "CHI": "ORD", "ROM": "FCO", "YTO": "YYZ"}


class Flight(BaseModel):
    id: str = Field(description="Flight id (flight number and date).")
    flight_number: str = Field(description="Airline code and number, e.g. 'UA512'.")
    airline: str = Field(description="Airline name.")
    origin: str = Field(description="Departure airport (IATA code).")
    destination: str = Field(description="Arrival airport (IATA code).")
    depart_at: str = Field(description="Departure time (ISO-8601, UTC).")
    arrive_at: str = Field(description="Arrival time (ISO-8601, UTC).")
    depart_local: str = Field(description="Departure time on the origin's local clock (YYYY-MM-DDTHH:MM).")
    arrive_local: str = Field(description="Arrival time on the destination's local clock (YYYY-MM-DDTHH:MM).")
    duration_minutes: int = Field(description="Flight time in minutes.")
    cabin: Cabin = Field(description="Cabin class sold on this flight.")
    price: float = Field(description="Fare per passenger in USD.")
    seats_available: int = Field(description="Seats left (0 = full).", ge=0)


class Hotel(BaseModel):
    id: str = Field(description="Hotel id.")
    name: str = Field(description="Hotel name.")
    city: str = Field(description="City.")
    address: str = Field(description="Street address.")
    lat: float = Field(description="Latitude.")
    lon: float = Field(description="Longitude.")
    stars: int = Field(description="Star category, 1-5.", ge=1, le=5)
    rating: float = Field(description="Guest rating, 1-5.", ge=1, le=5)
    nightly_price: float = Field(description="Price per room per night in USD.")
    rooms_available: int = Field(description="Rooms left for the coming weeks (0 = sold out).", ge=0)
    amenities: list[str] = Field(description="Amenities such as 'wifi' or 'pool'.")


class Booking(BaseModel):
    id: str = Field(description="Booking id.")
    kind: Literal["flight", "hotel"] = Field(description="What was booked.")
    status: Literal["confirmed", "cancelled", "completed"] = Field(description="Booking status.")
    confirmation_code: str = Field(description="Six-character confirmation code.")
    flight_id: str = Field("", description="Flight booked (flight bookings).")
    hotel_id: str = Field("", description="Hotel booked (hotel bookings).")
    summary: str = Field(description="One-line description of the trip.")
    travelers: list[str] = Field(description="Names of the travelers or guests.")
    start_date: str = Field(description="Departure or check-in date (YYYY-MM-DD).")
    end_date: str = Field(description="Arrival or check-out date (YYYY-MM-DD).")
    rooms: int = Field(0, description="Rooms booked (hotel bookings).")
    total_price: float = Field(description="Total charged in USD.")
    payment_account_id: str = Field(description="Bank account charged.")
    charge_transaction_id: str = Field("", description="Bank transaction of the charge.")
    refund_transaction_id: str = Field("", description="Bank transaction of the refund, when cancelled.")
    created_at: str = Field(description="When it was booked (ISO-8601).")
    cancelled_at: str = Field("", description="When it was cancelled (ISO-8601).")


app.resource(Flight, name="flight", id_prefix="fl", ops=("get",))
app.resource(Hotel, name="hotel", id_prefix="htl", ops=("get",))
app.resource(
    Booking,
    name="booking",
    id_prefix="bk",
    filterable=("kind", "status"),
    ops=("list", "get"),
    order_by="start_date",
)


class FlightResults(BaseModel):
    origin: str = Field(description="Departure airport searched.")
    destination: str = Field(description="Arrival airport searched.")
    date: str = Field(description="Travel date searched.")
    flights: list[Flight] = Field(description="Flights on that day not yet departed, sold-out ones included.")


class HotelOffer(Hotel):
    nights: int = Field(description="Nights of the stay.")
    total_price: float = Field(description="Price of one room for the whole stay, in USD.")


class HotelResults(BaseModel):
    city: str = Field(description="City searched.")
    check_in: str = Field(description="Check-in date.")
    check_out: str = Field(description="Check-out date.")
    hotels: list[HotelOffer] = Field(description="Matching hotels, sold-out ones included.")


class CancelResult(BaseModel):
    booking: Booking = Field(description="The cancelled booking.")
    refunded_amount: float = Field(description="Amount refunded to the payment account, in USD.")


def _airport(field: str, value: str) -> str:
    key = value.strip()
    code = (
        key.upper()
        if key.upper() in _AIRPORTS
        else _METRO.get(key.upper()) or _BY_CITY.get(key.split(",")[0].strip().lower())
    )
    if code is None:
        raise ToolError(
            f"{field}: unknown airport or city '{value}'. Served: "
            + ", ".join(f"{c[0]} ({c[2]})" for c in WORLD_CITIES)
            + "."
        )
    return code


def _confirm(ctx: ToolContext, payment_account_id: str, total: float, merchant: str, row: dict) -> dict:
    """Charge the bank account, then store the confirmed booking (nothing is written when the charge
    fails)."""
    booking_id = ctx.world.new_id(ctx.table("booking"))
    txn = charge_account(
        ctx, payment_account_id, total, merchant, f"{row['summary']}, booking {booking_id}", "travel"
    )
    return ctx.insert(
        "booking",
        {
            **row,
            "id": booking_id,
            "status": "confirmed",
            "confirmation_code": _code(booking_id),
            "total_price": total,
            "payment_account_id": payment_account_id,
            "charge_transaction_id": txn["id"],
            "created_at": ctx.now(),
        },
    )


def _code(booking_id: str) -> str:
    return stable_hex("pnr", booking_id, length=6).upper()


@app.action(read_only=True)
def search_flights(
    ctx: ToolContext,
    origin: str,
    destination: str,
    date: DateStr,
    sort_by: Literal["price", "departure", "duration"] = "price",
    cabin: Cabin | None = None,
    max_price: Annotated[float, Field(gt=0)] | None = None,
) -> FlightResults:
    """Find flights between two cities on one day, cheapest first by default, with fares and seats left.

    Args:
        origin: Departure airport code or city, e.g. 'JFK' or 'New York'.
        destination: Arrival airport code or city.
        date: Local departure date (YYYY-MM-DD), within the next three weeks.
        sort_by: Order of results: 'price', 'departure' or 'duration'.
        cabin: Only this cabin class.
        max_price: Only fares up to this price per passenger (USD).
    """
    src, dst = _airport("origin", origin), _airport("destination", destination)
    if src == dst:
        raise ToolError("origin and destination must be different.")
    day = parse_day(date, "date")
    if day.isoformat() < ctx.today():
        raise ToolError(f"date: {date} is in the past.")
    where = "origin = ? AND destination = ? AND substr(depart_local, 1, 10) = ? AND depart_at > ?"
    params: list = [src, dst, day.isoformat(), ctx.now()]
    if cabin is not None:
        where += " AND cabin = ?"
        params.append(cabin)
    if max_price is not None:
        where += " AND price <= ?"
        params.append(max_price)
    order = {"price": "price, depart_at", "departure": "depart_at", "duration": "duration_minutes, price"}[
        sort_by
    ]
    return {
        "origin": src,
        "destination": dst,
        "date": day.isoformat(),
        "flights": ctx.select("flight", where, tuple(params), order_by=order),
    }


@app.action()
def book_flight(ctx: ToolContext, flight_id: str, passengers: Travelers, payment_account_id: str) -> Booking:
    """Book seats on a flight for the named passengers and charge the fare to a bank account.

    Args:
        flight_id: The flight, from search_flights.
        passengers: Full names of the passengers (1-9); one seat each.
        payment_account_id: Bank account to charge, e.g. 'acc_credit'.
    """
    f = ctx.require("flight", flight_id)
    if f["depart_at"] <= ctx.now():
        raise ToolError(f"Flight {f['flight_number']} has already departed.")
    if f["seats_available"] == 0:
        raise ToolError(
            f"Flight {f['flight_number']} on {f['depart_local'][:10]} is full; choose another flight."
        )
    if len(passengers) > f["seats_available"]:
        raise ToolError(
            f"Flight {f['flight_number']} has only {f['seats_available']} seat(s) left, "
            f"{len(passengers)} requested."
        )
    booking = _confirm(
        ctx,
        payment_account_id,
        round(f["price"] * len(passengers), 2),
        f["airline"],
        {
            "kind": "flight",
            "flight_id": flight_id,
            "travelers": [p.strip() for p in passengers],
            "summary": (
                f"{f['flight_number']} {f['origin']}-{f['destination']} departing {f['depart_local']} local "
                f"({f['cabin']}), {len(passengers)} passenger(s)"
            ),
            "start_date": f["depart_local"][:10],
            "end_date": f["arrive_local"][:10],
        },
    )
    ctx.update("flight", flight_id, {"seats_available": f["seats_available"] - len(passengers)})
    return booking


def _stay(ctx: ToolContext, check_in: str, check_out: str) -> tuple[Date, Date, int]:
    start, end = parse_day(check_in, "check_in"), parse_day(check_out, "check_out")
    if start.isoformat() < ctx.today():
        raise ToolError(f"check_in: {check_in} is in the past.")
    nights = (end - start).days
    if nights < 1:
        raise ToolError("check_out must be at least one day after check_in.")
    if nights > 30:
        raise ToolError("Stays are limited to 30 nights.")
    return start, end, nights


@app.action(read_only=True)
def search_hotels(
    ctx: ToolContext,
    city: str,
    check_in: DateStr,
    check_out: DateStr,
    max_price: Annotated[float, Field(gt=0)] | None = None,
    min_rating: Annotated[float, Field(ge=1, le=5)] | None = None,
    sort_by: Literal["price", "rating"] = "price",
) -> HotelResults:
    """Find hotels in a city for a stay, with the nightly price and the total for one room.

    Args:
        city: City name, e.g. 'Paris' (or its airport code).
        check_in: Arrival date (YYYY-MM-DD).
        check_out: Departure date (YYYY-MM-DD).
        max_price: Only hotels up to this nightly price (USD).
        min_rating: Only hotels rated at least this (1-5).
        sort_by: 'price' (cheapest first) or 'rating' (best first).
    """
    name = _AIRPORTS[_airport("city", city)][0]
    _, _, nights = _stay(ctx, check_in, check_out)
    where, params = "city = ?", [name]
    if max_price is not None:
        where += " AND nightly_price <= ?"
        params.append(max_price)
    if min_rating is not None:
        where += " AND rating >= ?"
        params.append(min_rating)
    order = "nightly_price, name" if sort_by == "price" else "rating DESC, nightly_price"
    hotels = [
        {**h, "nights": nights, "total_price": round(h["nightly_price"] * nights, 2)}
        for h in ctx.select("hotel", where, tuple(params), order_by=order)
    ]
    return {"city": name, "check_in": check_in, "check_out": check_out, "hotels": hotels}


@app.action()
def book_hotel(
    ctx: ToolContext,
    hotel_id: str,
    check_in: DateStr,
    check_out: DateStr,
    guests: Travelers,
    payment_account_id: str,
    rooms: Annotated[int, Field(ge=1, le=5)] = 1,
) -> Booking:
    """Book hotel rooms for a stay and charge nightly price × nights × rooms to a bank account.

    Args:
        hotel_id: The hotel, from search_hotels.
        check_in: Arrival date (YYYY-MM-DD).
        check_out: Departure date (YYYY-MM-DD).
        guests: Full names of the guests (1-9, at most 4 per room).
        payment_account_id: Bank account to charge.
        rooms: Number of rooms (1-5).
    """
    h = ctx.require("hotel", hotel_id)
    start, end, nights = _stay(ctx, check_in, check_out)
    if h["rooms_available"] == 0:
        raise ToolError(f"{h['name']} has no rooms available.")
    if rooms > h["rooms_available"]:
        raise ToolError(f"{h['name']} has only {h['rooms_available']} room(s) available, {rooms} requested.")
    if len(guests) > 4 * rooms:
        raise ToolError(
            f"{len(guests)} guests need at least {-(-len(guests) // 4)} rooms (4 guests per room)."
        )
    booking = _confirm(
        ctx,
        payment_account_id,
        round(h["nightly_price"] * nights * rooms, 2),
        h["name"],
        {
            "kind": "hotel",
            "hotel_id": hotel_id,
            "travelers": [g.strip() for g in guests],
            "rooms": rooms,
            "summary": f"{h['name']}, {h['city']}: {nights} night(s) from {start}, {rooms} room(s)",
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
        },
    )
    ctx.update("hotel", hotel_id, {"rooms_available": h["rooms_available"] - rooms})
    return booking


@app.action(destructive=True)
def cancel_booking(ctx: ToolContext, booking_id: str) -> CancelResult:
    """Cancel a confirmed booking before it starts: frees the seats or rooms and refunds the full price.

    Args:
        booking_id: The booking to cancel.
    """
    b = ctx.require("booking", booking_id)
    if b["status"] != "confirmed":
        raise ToolError(f"Booking {booking_id} is {b['status']} and cannot be cancelled.")
    if b["kind"] == "flight":
        f = ctx.require("flight", b["flight_id"])
        if f["depart_at"] <= ctx.now():
            raise ToolError(
                f"Flight {f['flight_number']} has already departed; the booking cannot be cancelled."
            )
        ctx.update("flight", f["id"], {"seats_available": f["seats_available"] + len(b["travelers"])})
        merchant = f["airline"]
    else:
        if b["start_date"] < ctx.today():
            raise ToolError("The stay has already started; the booking cannot be cancelled.")
        h = ctx.require("hotel", b["hotel_id"])
        ctx.update("hotel", h["id"], {"rooms_available": h["rooms_available"] + b["rooms"]})
        merchant = h["name"]
    txn = refund_account(
        ctx, b["payment_account_id"], b["total_price"], merchant, f"Refund for booking {booking_id}"
    )
    b = ctx.update(
        "booking",
        booking_id,
        {"status": "cancelled", "cancelled_at": ctx.now(), "refund_transaction_id": txn["id"]},
    )
    return {"booking": b, "refunded_amount": b["total_price"]}


_AIRLINES = {
    "US": (
        ("United Airlines", "UA"),
        ("Delta Air Lines", "DL"),
        ("American Airlines", "AA"),
        ("JetBlue", "B6"),
        ("Alaska Airlines", "AS"),
    ),
    "CA": (("Air Canada", "AC"),),
    "MX": (("Aeromexico", "AM"),),
    "GB": (("British Airways", "BA"), ("Virgin Atlantic", "VS")),
    "FR": (("Air France", "AF"),),
    "DE": (("Lufthansa", "LH"),),
    "NL": (("KLM", "KL"),),
    "ES": (("Iberia", "IB"),),
    "IT": (("ITA Airways", "AZ"),),
    "JP": (("ANA", "NH"), ("Japan Airlines", "JL")),
    "SG": (("Singapore Airlines", "SQ"),),
    "AU": (("Qantas", "QF"),),
}
_ROUTES = (
    "JFK-SFO JFK-LAX JFK-ORD JFK-MIA JFK-BOS JFK-SEA JFK-AUS JFK-DEN SFO-LAX SFO-ORD SFO-SEA SFO-BOS SFO-DEN "
    "ORD-LAX ORD-BOS ORD-MIA ORD-DEN LAX-SEA LAX-MIA AUS-DEN BOS-MIA JFK-YYZ JFK-MEX LAX-MEX JFK-LHR JFK-CDG "
    "JFK-FCO JFK-MAD BOS-LHR ORD-LHR SFO-LHR LHR-CDG LHR-BER LHR-AMS LHR-MAD CDG-BER CDG-AMS CDG-FCO MAD-FCO "
    "BER-AMS HND-SFO HND-LAX HND-SIN HND-LHR SIN-SYD SYD-LAX"
).split()
_HOTEL_BRANDS = (
    "Hilton",
    "Marriott",
    "Hyatt Regency",
    "Holiday Inn Express",
    "Novotel",
    "Radisson Blu",
    "Ibis",
)
_HOTEL_STYLES = ("The {a} {n} Hotel", "Hotel {n}", "{city} Grand Hotel", "The {n} Inn", "{a} {n} Suites")
_ADJ = ("Golden", "Royal", "Silver", "Blue", "Old", "Park", "Harbor")
_NOUN = ("Oak", "Crown", "Lantern", "Garden", "Bridge", "River", "Palace")
_STREETS = (
    "Main St",
    "Park Ave",
    "Market St",
    "King St",
    "Station Rd",
    "Harbor Blvd",
    "Church St",
    "High St",
)
_AMENITIES = ("wifi", "breakfast", "gym", "pool", "spa", "parking", "airport shuttle", "restaurant")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2, dp, dl = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def make_hotels(seed: int) -> list[dict]:
    """The hotels of a world seed (pure: maps lists the same hotels as places)."""
    rng, rows = random.Random(stable_seed("travel-hotels", seed)), []
    for name, _, _, lat, lon, *_ in WORLD_CITIES:
        used: set[str] = set()
        for i in range(rng.randint(3, 5)):
            while True:
                stars = rng.choice((2, 3, 3, 4, 4, 5))
                title = (
                    f"{rng.choice(_HOTEL_BRANDS)} {name} {rng.choice(('Downtown', 'Center', 'Airport'))}"
                    if rng.random() < 0.4
                    else rng.choice(_HOTEL_STYLES).format(a=rng.choice(_ADJ), n=rng.choice(_NOUN), city=name)
                )
                if title not in used:
                    used.add(title)
                    break
            roll = rng.random()
            rows.append(
                {
                    "id": f"htl_{slug(name)}_{i + 1}",
                    "name": title,
                    "city": name,
                    "address": f"{rng.randint(1, 480)} {rng.choice(_STREETS)}, {name}",
                    "lat": round(lat + rng.uniform(-0.03, 0.03), 5),
                    "lon": round(lon + rng.uniform(-0.04, 0.04), 5),
                    "stars": stars,
                    "rating": round(min(5.0, rng.uniform(2.9, 4.2) + stars * 0.12), 1),
                    "nightly_price": float(int(stars * rng.uniform(38, 70) + 25)),
                    "rooms_available": 0
                    if roll < 0.08
                    else rng.randint(1, 3)
                    if roll < 0.2
                    else rng.randint(4, 30),
                    "amenities": sorted(rng.sample(_AMENITIES, rng.randint(2, 5))),
                }
            )
    return rows


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng, flights, hotels = s.rng, [], make_hotels(s.seed)
    for hotel in hotels:
        ctx.insert("hotel", hotel)
    routes = [tuple(r.split("-")) for r in _ROUTES]
    routes += [(b, a) for a, b in routes]
    for idx, (a, b) in enumerate(routes):
        ca, cb = _AIRPORTS[a], _AIRPORTS[b]
        km = haversine_km(ca[3], ca[4], cb[3], cb[4])
        minutes = int(round((km / 820 + 0.6) * 60 / 5) * 5)
        carriers = _AIRLINES[ca[1]] + (_AIRLINES[cb[1]] if cb[1] != ca[1] else ())
        slots = []
        for slot in range(rng.randint(2, 5)):
            airline, code = rng.choice(carriers)
            cabin = "economy" if slot < 2 else rng.choice(("economy", "premium_economy", "business"))
            factor = rng.uniform(0.85, 1.2) * {"economy": 1, "premium_economy": 1.6, "business": 3.2}[cabin]
            slots.append((f"{code}{100 + idx * 6 + slot}", airline, rng.randint(24, 87) * 15, factor, cabin))
        for day in range(SCHEDULE_DAYS):
            for number, airline, dep_min, factor, cabin in slots:
                local = parse_time(s.date(day)) + timedelta(minutes=dep_min)
                depart = local - timedelta(hours=_UTC_OFFSET[a])
                arrive = depart + timedelta(minutes=minutes)
                busy = 1.12 if local.weekday() in (4, 6) else 1.0  # Fridays and Sundays
                price = (60 + km * 0.085) * factor * rng.uniform(0.85, 1.25) * busy
                roll = rng.random()
                flights.append(
                    {
                        "id": f"fl_{number}_{local:%Y%m%d}",
                        "flight_number": number,
                        "airline": airline,
                        "origin": a,
                        "destination": b,
                        "depart_at": format_time(depart),
                        "arrive_at": format_time(arrive),
                        "depart_local": f"{local:%Y-%m-%dT%H:%M}",
                        "duration_minutes": minutes,
                        "arrive_local": f"{arrive + timedelta(hours=_UTC_OFFSET[b]):%Y-%m-%dT%H:%M}",
                        "cabin": cabin,
                        "price": round(math.floor(price) + 0.99, 2),
                        "seats_available": 0
                        if roll < 0.06
                        else rng.randint(1, 3)
                        if roll < 0.14
                        else rng.randint(4, 160),
                    }
                )
    for f in flights:
        ctx.insert("flight", f)
    me, companion = s.user.name, rng.choice(s.people).name
    trip = next(
        f
        for f in flights
        if (f["origin"], f["destination"], f["cabin"]) == ("JFK", "SFO", "economy")
        and f["depart_at"] >= s.date(9)
        and f["seats_available"] >= 4
    )
    hotel = rng.choice([h for h in hotels if h["city"] == "San Francisco" and h["rooms_available"] > 0])
    past = next(h for h in hotels if h["city"] == "Chicago")
    check_in = trip["arrive_local"][:10]
    check_out = (Date.fromisoformat(check_in) + timedelta(days=3)).isoformat()
    rows = [
        {
            "id": "bk_1001",
            "kind": "flight",
            "status": "confirmed",
            "flight_id": trip["id"],
            "travelers": [me, companion],
            "summary": f"{trip['flight_number']} JFK-SFO departing {trip['depart_local']} local (economy), "
            "2 passenger(s)",
            "start_date": trip["depart_local"][:10],
            "end_date": trip["arrive_local"][:10],
            "total_price": round(trip["price"] * 2, 2),
            "created_at": s.at(days=-12),
        },
        {
            "id": "bk_1002",
            "kind": "hotel",
            "status": "confirmed",
            "hotel_id": hotel["id"],
            "travelers": [me, companion],
            "start_date": check_in,
            "end_date": check_out,
            "rooms": 1,
            "summary": f"{hotel['name']}, San Francisco: 3 night(s) from {check_in}, 1 room(s)",
            "total_price": round(hotel["nightly_price"] * 3, 2),
            "created_at": s.at(days=-11),
        },
        {
            "id": "bk_0990",
            "kind": "hotel",
            "status": "completed",
            "hotel_id": past["id"],
            "travelers": [me],
            "summary": f"{past['name']}, Chicago: 2 night(s) from {s.date(-40)}, 1 room(s)",
            "start_date": s.date(-40),
            "end_date": s.date(-38),
            "rooms": 1,
            "total_price": round(past["nightly_price"] * 2, 2),
            "created_at": s.at(days=-55),
        },
    ]
    for row in rows:
        ctx.insert(
            "booking", {**row, "confirmation_code": _code(row["id"]), "payment_account_id": "acc_credit"}
        )
