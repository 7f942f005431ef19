"""Hotel booking: hotels, rooms, bookings and guest reviews (five products)."""

from __future__ import annotations

from datetime import date as _date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days, valid_day
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("hotel booking")

DATE = r"^\d{4}-\d{2}-\d{2}$"
RoomType = Literal["single", "double", "twin", "suite", "family"]
BookingStatus = Literal["confirmed", "checked_in", "checked_out", "cancelled"]


class Hotel(BaseModel):
    id: str = Field(description="Hotel id.")
    name: str = Field(description="Hotel name.", min_length=1, max_length=120)
    city: str = Field(description="City.", min_length=1, max_length=80)
    address: str = Field("", description="Street address.", max_length=200)
    stars: int = Field(3, description="Star rating (1-5).", ge=1, le=5)
    check_in_time: str = Field(
        "15:00", description="Earliest check-in (HH:MM).", pattern=r"^([01]\d|2[0-3]):[0-5]\d$"
    )
    check_out_time: str = Field(
        "11:00", description="Latest check-out (HH:MM).", pattern=r"^([01]\d|2[0-3]):[0-5]\d$"
    )
    amenities: list[Literal["wifi", "pool", "gym", "spa", "parking", "breakfast", "pets"]] = Field(
        default_factory=list, description="Amenities offered."
    )


class Room(BaseModel):
    id: str = Field(description="Room id.")
    hotel_id: str = Field(description="Hotel the room is in.")
    room_number: str = Field(description="Room number, e.g. '304'.", pattern=r"^\d{1,2}\d{2}[A-Z]?$")
    room_type: RoomType = Field("double", description="Room type.")
    max_guests: int = Field(2, description="Maximum occupancy.", ge=1, le=8)
    nightly_rate: float = Field(description="Price per night in USD.", gt=0, le=10000)
    smoking: bool = Field(False, description="Whether smoking is allowed.")
    out_of_order: bool = Field(False, description="True while the room cannot be sold (repairs).")


class Charge(BaseModel):
    description: str = Field(description="What was charged, e.g. 'Minibar'.", min_length=1, max_length=120)
    amount: float = Field(description="Amount in USD.", gt=0, le=5000)


class Booking(BaseModel):
    id: str = Field(description="Booking id.")
    hotel_id: str = Field(description="Hotel booked.")
    room_id: str = Field(description="Room booked.")
    guest_name: str = Field(description="Name of the main guest.")
    guest_email: str = Field("", description="Guest email.")
    check_in: str = Field(description="Arrival day (YYYY-MM-DD).")
    check_out: str = Field(description="Departure day (YYYY-MM-DD).")
    guests: int = Field(1, description="Number of guests.")
    room_total: float = Field(0, description="Room price for the stay (USD).")
    extra_charges: list[Charge] = Field(
        default_factory=list, description="Incidentals charged during the stay."
    )
    cancellation_fee: float = Field(0, description="Fee charged on late cancellation (USD).")
    status: BookingStatus = Field("confirmed", description="Booking state.")
    special_requests: str = Field("", description="Requests such as 'late arrival'.", max_length=500)
    created_at: str = Field("", description="When the booking was made (ISO-8601).")


class Review(BaseModel):
    id: str = Field(description="Review id.")
    hotel_id: str = Field(description="Hotel reviewed.")
    booking_id: str = Field(description="Stay the review is about.")
    author_email: str = Field(description="Email of the reviewer.")
    rating: int = Field(description="Overall rating 1-5.", ge=1, le=5)
    title: str = Field("", description="Review headline.", max_length=120)
    body: str = Field("", description="Review text.", max_length=5000)
    response: str = Field("", description="Hotel's public reply; empty when none.")
    created_at: str = Field("", description="When the review was posted (ISO-8601).")


bp.resource(
    Hotel,
    name="hotel",
    id_prefix="htl",
    searchable=("name", "city", "address"),
    filterable=("city", "stars"),
    order_by="name",
)
bp.resource(
    Room,
    name="room",
    id_prefix="rm",
    filterable=("hotel_id", "room_type", "out_of_order"),
    refs={"hotel_id": "hotel"},
    readonly=("out_of_order",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="room_number",
)
bp.resource(
    Booking,
    name="booking",
    id_prefix="bk",
    searchable=("guest_name", "guest_email"),
    filterable=("hotel_id", "room_id", "status", "check_in"),
    ops=("search", "list", "get"),
    order_by="check_in",
)
bp.resource(
    Review,
    name="review",
    id_prefix="rev",
    filterable=("hotel_id", "rating"),
    ops=("list", "get", "delete"),
    order_by="created_at DESC",
)


class GuestInfo(BaseModel):
    name: str = Field(description="Name of the main guest.", min_length=1, max_length=120)
    email: str = Field("", description="Email for the confirmation.", max_length=200)


class RoomList(BaseModel):
    rooms: list[Room] = Field(description="The rooms.")


class RatingSummary(BaseModel):
    hotel_id: str = Field(description="The hotel.")
    reviews: int = Field(description="Number of reviews.")
    average: float = Field(description="Average rating; 0 when no reviews.")
    distribution: dict[str, int] = Field(description="Reviews per star rating ('1'..'5').")
    unanswered: int = Field(description="Reviews without a hotel response.")


class Occupancy(BaseModel):
    hotel_id: str = Field(description="The hotel.")
    date: str = Field(description="The night (YYYY-MM-DD).")
    rooms_total: int = Field(description="Sellable rooms (not out of order).")
    rooms_occupied: int = Field(description="Rooms with a stay that night.")
    occupancy_pct: float = Field(description="Occupied share of sellable rooms, in percent.")
    arrivals: int = Field(description="Bookings arriving that day.")
    departures: int = Field(description="Bookings departing that day.")


def _clash(ctx: ToolContext, room_id: str, start: str, end: str, skip: str = "") -> dict | None:
    for b in ctx.select("booking", "room_id = ? AND status IN ('confirmed','checked_in')", (room_id,)):
        if b["id"] != skip and b["check_in"] < end and start < b["check_out"]:
            return b
    return None


@bp.action(read_only=True)
def search_available_rooms(
    ctx: ToolContext,
    hotel_id: str,
    nights: Annotated[int, Field(ge=1, le=30)] = 1,
    guests: Annotated[int, Field(ge=1, le=8)] = 2,
    check_in: Annotated[str | None, Field(pattern=DATE)] = None,
) -> RoomList:
    """List {app} rooms of a hotel free for a stay and big enough for the party, cheapest first.

    Args:
        hotel_id: The hotel.
        nights: Length of stay.
        guests: Number of guests.
        check_in: Arrival day (YYYY-MM-DD); defaults to today.
    """
    ctx.require("hotel", hotel_id)
    start = valid_day(check_in, ctx.today(), "check_in")
    end = plus_days(start, nights)
    rooms = ctx.select(
        "room",
        "hotel_id = ? AND out_of_order = 0 AND max_guests >= ?",
        (hotel_id, guests),
        order_by="nightly_rate, room_number",
    )
    return {"rooms": [r for r in rooms if _clash(ctx, r["id"], start, end) is None]}


@bp.action()
def book_room(
    ctx: ToolContext,
    room_id: str,
    guest: GuestInfo,
    nights: Annotated[int, Field(ge=1, le=30)] = 1,
    guests: Annotated[int, Field(ge=1, le=8)] = 1,
    check_in: Annotated[str | None, Field(pattern=DATE)] = None,
) -> Booking:
    """Book an {app} room for a stay; the room must fit the party and be free every night. Returns the
    booking.

    Args:
        room_id: The room to book.
        guest: Who the booking is for.
        nights: Length of stay.
        guests: Number of guests.
        check_in: Arrival day (YYYY-MM-DD); defaults to today.
    """
    room = ctx.require("room", room_id)
    start = valid_day(check_in, ctx.today(), "check_in")
    if start < ctx.today():
        raise ToolError(f"check_in: {start} is in the past.")
    if room["out_of_order"]:
        raise ToolError(f"Room {room['room_number']} is out of order.")
    if guests > room["max_guests"]:
        raise ToolError(
            f"Room {room['room_number']} sleeps at most {room['max_guests']}, the party has {guests}."
        )
    end = plus_days(start, nights)
    other = _clash(ctx, room_id, start, end)
    if other:
        raise ToolError(f"Room {room['room_number']} is booked {other['check_in']} to {other['check_out']}.")
    return ctx.insert(
        "booking",
        {
            "hotel_id": room["hotel_id"],
            "room_id": room_id,
            "guest_name": guest["name"],
            "guest_email": guest.get("email", ""),
            "check_in": start,
            "check_out": end,
            "guests": guests,
            "room_total": round(nights * room["nightly_rate"], 2),
            "created_at": ctx.now(),
        },
    )


@bp.action()
def change_booking_dates(
    ctx: ToolContext,
    booking_id: str,
    nights: Annotated[int, Field(ge=1, le=30)],
    check_in: Annotated[str | None, Field(pattern=DATE)] = None,
) -> Booking:
    """Change the dates of a confirmed {app} booking in the same room; the new nights must be free. Reprices
    the stay.

    Args:
        booking_id: The confirmed booking.
        nights: New length of stay.
        check_in: New arrival day (YYYY-MM-DD); defaults to the current arrival day.
    """
    b = ctx.require("booking", booking_id)
    if b["status"] != "confirmed":
        raise ToolError(f"Booking {booking_id} is '{b['status']}'; only confirmed bookings can change dates.")
    start = valid_day(check_in, b["check_in"], "check_in")
    if start < ctx.today():
        raise ToolError(f"check_in: {start} is in the past.")
    end = plus_days(start, nights)
    other = _clash(ctx, b["room_id"], start, end, skip=booking_id)
    if other:
        raise ToolError(f"The room is booked {other['check_in']} to {other['check_out']} by another guest.")
    room = ctx.require("room", b["room_id"])
    return ctx.update(
        "booking",
        booking_id,
        {"check_in": start, "check_out": end, "room_total": round(nights * room["nightly_rate"], 2)},
    )


@bp.action(destructive=True)
def cancel_booking(ctx: ToolContext, booking_id: str) -> Booking:
    """Cancel a confirmed {app} booking; free until 2 days before arrival, later the first night is charged.

    Args:
        booking_id: The booking to cancel.
    """
    b = ctx.require("booking", booking_id)
    if b["status"] != "confirmed":
        raise ToolError(f"Booking {booking_id} is '{b['status']}' and cannot be cancelled.")
    days_left = (_date.fromisoformat(b["check_in"]) - _date.fromisoformat(ctx.today())).days
    fee = 0.0
    if days_left < 2:
        nights = max((_date.fromisoformat(b["check_out"]) - _date.fromisoformat(b["check_in"])).days, 1)
        fee = round(b["room_total"] / nights, 2)
    return ctx.update("booking", booking_id, {"status": "cancelled", "cancellation_fee": fee})


@bp.action()
def check_in_guest(ctx: ToolContext, booking_id: str) -> Booking:
    """Check in the guest of a confirmed {app} booking arriving today (or late); early arrivals are refused.

    Args:
        booking_id: The booking.
    """
    b = ctx.require("booking", booking_id)
    if b["status"] != "confirmed":
        raise ToolError(f"Booking {booking_id} is '{b['status']}'; only confirmed bookings can check in.")
    if b["check_in"] > ctx.today():
        raise ToolError(f"Booking {booking_id} arrives on {b['check_in']}; check-in opens that day.")
    if b["check_out"] <= ctx.today():
        raise ToolError(f"Booking {booking_id} ended on {b['check_out']}.")
    return ctx.update("booking", booking_id, {"status": "checked_in"})


@bp.action()
def check_out_guest(ctx: ToolContext, booking_id: str) -> Booking:
    """Check out an {app} guest who is checked in; the stay and its extra charges are closed.

    Args:
        booking_id: The booking.
    """
    b = ctx.require("booking", booking_id)
    if b["status"] != "checked_in":
        raise ToolError(f"Booking {booking_id} is '{b['status']}'; only checked-in guests can check out.")
    return ctx.update("booking", booking_id, {"status": "checked_out"})


@bp.action()
def add_room_charges(
    ctx: ToolContext, booking_id: str, charges: Annotated[list[Charge], Field(min_length=1, max_length=10)]
) -> Booking:
    """Post incidental charges (minibar, spa, room service) to a checked-in {app} stay. Returns the booking.

    Args:
        booking_id: The checked-in booking.
        charges: Charges to post.
    """
    b = ctx.require("booking", booking_id)
    if b["status"] != "checked_in":
        raise ToolError(f"Booking {booking_id} is '{b['status']}'; charges go on checked-in stays only.")
    new = [{"description": c["description"], "amount": round(c["amount"], 2)} for c in charges]
    return ctx.update("booking", booking_id, {"extra_charges": [*b["extra_charges"], *new]})


@bp.action()
def write_review(
    ctx: ToolContext,
    booking_id: str,
    rating: Annotated[int, Field(ge=1, le=5)],
    title: Annotated[str, Field(max_length=120)] = "",
    body: Annotated[str, Field(max_length=5000)] = "",
) -> Review:
    """Review the hotel of a completed {app} stay; one review per stay.

    Args:
        booking_id: The checked-out booking.
        rating: Overall rating 1-5.
        title: Review headline.
        body: Review text.
    """
    b = ctx.require("booking", booking_id)
    if b["status"] != "checked_out":
        raise ToolError(f"Booking {booking_id} is '{b['status']}'; only completed stays can be reviewed.")
    if ctx.select("review", "booking_id = ?", (booking_id,)):
        raise ToolError(f"Booking {booking_id} has already been reviewed.")
    return ctx.insert(
        "review",
        {
            "hotel_id": b["hotel_id"],
            "booking_id": booking_id,
            "author_email": b["guest_email"] or ctx.user.email,
            "rating": rating,
            "title": title,
            "body": body,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def respond_to_review(
    ctx: ToolContext, review_id: str, response: Annotated[str, Field(min_length=1, max_length=2000)]
) -> Review:
    """Post the hotel's public reply to an {app} guest review; each review gets one reply.

    Args:
        review_id: The review.
        response: Reply text.
    """
    r = ctx.require("review", review_id)
    if r["response"]:
        raise ToolError(f"Review {review_id} already has a response.")
    if not response.strip():
        raise ToolError("response: the reply cannot be blank.")
    return ctx.update("review", review_id, {"response": response.strip()})


@bp.action(idempotent=True)
def set_room_out_of_order(ctx: ToolContext, room_id: str, out_of_order: bool) -> Room:
    """Take an {app} room out of sale for repairs or put it back; refused while a guest is checked in there.

    Args:
        room_id: The room.
        out_of_order: True to block sales, false to sell it again.
    """
    room = ctx.require("room", room_id)
    if room["out_of_order"] == out_of_order:
        return room
    if out_of_order and ctx.select("booking", "room_id = ? AND status = 'checked_in'", (room_id,)):
        raise ToolError(f"Room {room['room_number']} has a guest checked in.")
    return ctx.update("room", room_id, {"out_of_order": out_of_order})


@bp.action()
def adjust_room_rates(
    ctx: ToolContext,
    hotel_id: str,
    percent: Annotated[float, Field(ge=-50, le=100)],
    room_type: RoomType | None = None,
) -> RoomList:
    """Raise or lower nightly rates of an {app} hotel's rooms by a percentage, optionally one room type only.

    Args:
        hotel_id: The hotel.
        percent: Change in percent, e.g. 10 for +10% or -15 for a 15% cut.
        room_type: Only rooms of this type.
    """
    ctx.require("hotel", hotel_id)
    if percent == 0:
        raise ToolError("percent: must not be 0.")
    rooms = [
        r
        for r in ctx.select("room", "hotel_id = ?", (hotel_id,))
        if room_type is None or r["room_type"] == room_type
    ]
    if not rooms:
        raise ToolError(f"The hotel has no {room_type or ''} rooms.".replace("  ", " "))
    return {
        "rooms": [
            ctx.update(
                "room", r["id"], {"nightly_rate": max(round(r["nightly_rate"] * (1 + percent / 100), 2), 1.0)}
            )
            for r in rooms
        ]
    }


@bp.action(read_only=True)
def get_rating_summary(ctx: ToolContext, hotel_id: str) -> RatingSummary:
    """Summarize an {app} hotel's reviews: count, average, star distribution and unanswered reviews.

    Args:
        hotel_id: The hotel.
    """
    ctx.require("hotel", hotel_id)
    revs = ctx.select("review", "hotel_id = ?", (hotel_id,))
    dist = {str(k): sum(1 for r in revs if r["rating"] == k) for k in range(1, 6)}
    avg = round(sum(r["rating"] for r in revs) / len(revs), 2) if revs else 0.0
    return {
        "hotel_id": hotel_id,
        "reviews": len(revs),
        "average": avg,
        "distribution": dist,
        "unanswered": sum(1 for r in revs if not r["response"]),
    }


@bp.action(read_only=True)
def get_occupancy_report(
    ctx: ToolContext, hotel_id: str, date: Annotated[str | None, Field(pattern=DATE)] = None
) -> Occupancy:
    """Report an {app} hotel's occupancy for one night: rooms occupied, percentage, arrivals and departures.

    Args:
        hotel_id: The hotel.
        date: The night (YYYY-MM-DD); defaults to today.
    """
    ctx.require("hotel", hotel_id)
    day = valid_day(date, ctx.today(), "date")
    sellable = ctx.world.count(ctx.table("room"), "hotel_id = ? AND out_of_order = 0", (hotel_id,))
    live = ctx.select(
        "booking", "hotel_id = ? AND status IN ('confirmed','checked_in','checked_out')", (hotel_id,)
    )
    occupied = len({b["room_id"] for b in live if b["check_in"] <= day < b["check_out"]})
    return {
        "hotel_id": hotel_id,
        "date": day,
        "rooms_total": sellable,
        "rooms_occupied": occupied,
        "occupancy_pct": round(100 * occupied / sellable, 1) if sellable else 0.0,
        "arrivals": sum(1 for b in live if b["check_in"] == day),
        "departures": sum(1 for b in live if b["check_out"] == day),
    }


@bp.action(read_only=True)
def find_cheapest_rooms(
    ctx: ToolContext,
    city: Annotated[str | None, Field(min_length=1, max_length=80)] = None,
    guests: Annotated[int, Field(ge=1, le=8)] = 2,
    min_stars: Annotated[int, Field(ge=1, le=5)] = 1,
) -> RoomList:
    """Find the 5 cheapest {app} rooms free tonight in a city for a party size and minimum star rating.

    Args:
        city: City to stay in; omit to search every city.
        guests: Number of guests.
        min_stars: Lowest hotel star rating accepted.
    """
    hotels = {
        h["id"]
        for h in ctx.select("hotel", "stars >= ?", (min_stars,))
        if city is None or h["city"].lower() == city.strip().lower()
    }
    if not hotels:
        raise ToolError(f"No hotel of {min_stars}+ stars in '{city or 'any city'}'.")
    today, tomorrow = ctx.today(), plus_days(ctx.today(), 1)
    rooms = [
        r
        for r in ctx.select(
            "room", "out_of_order = 0 AND max_guests >= ?", (guests,), order_by="nightly_rate, room_number"
        )
        if r["hotel_id"] in hotels and _clash(ctx, r["id"], today, tomorrow) is None
    ]
    return {"rooms": rooms[:5]}


@bp.action()
def upgrade_booking(ctx: ToolContext, booking_id: str, room_id: str | None = None) -> Booking:
    """Move a confirmed {app} booking to a pricier free room of the same hotel at no extra cost (complimentary
    upgrade).

    Args:
        booking_id: The confirmed booking.
        room_id: Room to move to; omit to take the cheapest free room that costs more than the current one.
    """
    b = ctx.require("booking", booking_id)
    if b["status"] != "confirmed":
        raise ToolError(f"Booking {booking_id} is '{b['status']}'; only confirmed bookings can be upgraded.")
    cur = ctx.require("room", b["room_id"])
    if room_id is None:
        options = [
            r
            for r in ctx.select(
                "room",
                "hotel_id = ? AND out_of_order = 0 AND nightly_rate > ? AND max_guests >= ?",
                (b["hotel_id"], cur["nightly_rate"], b["guests"]),
                order_by="nightly_rate, room_number",
            )
            if _clash(ctx, r["id"], b["check_in"], b["check_out"]) is None
        ]
        if not options:
            raise ToolError("No better room is free for these dates.")
        room = options[0]
    else:
        room = ctx.require("room", room_id)
        if room["hotel_id"] != b["hotel_id"]:
            raise ToolError(f"Room {room['room_number']} is in another hotel.")
        if room["nightly_rate"] <= cur["nightly_rate"]:
            raise ToolError(f"Room {room['room_number']} is not an upgrade over room {cur['room_number']}.")
        if room["out_of_order"] or room["max_guests"] < b["guests"]:
            raise ToolError(f"Room {room['room_number']} cannot take this party.")
        if _clash(ctx, room["id"], b["check_in"], b["check_out"], skip=booking_id):
            raise ToolError(f"Room {room['room_number']} is not free for these dates.")
    return ctx.update("booking", booking_id, {"room_id": room["id"]})


_TYPES = (
    ("single", 1, 89.0),
    ("double", 2, 129.0),
    ("twin", 2, 124.0),
    ("suite", 4, 289.0),
    ("family", 5, 199.0),
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    hotels = []
    places = rng.sample(s.cast.places, 5)  # the shared cities, each with its hotel; a sixth hotel of its own
    for n in range(6):
        venue = places[n].venue("hotel") if n < 5 else None
        name = (
            venue.name
            if venue
            else (
                f"{rng.choice(('Grand', 'Hotel', 'The', 'Casa', 'Park'))} "
                f"{s.fake.last_name()}{rng.choice(('', ' Inn', ' Suites'))}"
            )
        )
        hotels.append(
            ctx.insert(
                "hotel",
                {
                    "name": name,
                    "city": places[n % 5].city,
                    "address": venue.address if venue else s.fake.street_address(),
                    "stars": (4, 3, 5, 2, 4, 3)[n],
                    "amenities": sorted(
                        rng.sample(
                            ("wifi", "pool", "gym", "spa", "parking", "breakfast", "pets"),
                            k=rng.randint(2, 5),
                        )
                    ),
                },
            )
        )
    rooms = []
    for floor in range(1, 5):
        for h in hotels:
            rtype, cap, base = _TYPES[(floor + hotels.index(h)) % 5]
            rooms.append(
                ctx.insert(
                    "room",
                    {
                        "hotel_id": h["id"],
                        "room_number": f"{floor}{hotels.index(h):02d}",
                        "room_type": rtype,
                        "max_guests": cap,
                        "nightly_rate": round(base * (0.7 + 0.15 * h["stars"]), 2),
                        "smoking": False,
                        "out_of_order": floor == 4 and hotels.index(h) == 1,
                    },
                )
            )
    sellable = [r for r in rooms if not r["out_of_order"]]
    plan = (
        ("confirmed", 0),
        ("checked_in", -1),
        ("checked_out", -5),
        ("confirmed", 0),
        ("checked_in", -2),
        ("confirmed", 3),
        ("checked_in", 0),
        ("confirmed", 0),
        ("checked_out", -6),
        ("checked_in", -1),
        ("confirmed", 0),
        ("cancelled", 6),
    )
    guests = list(s.people[:30]) + [s.user]
    bookings = []
    for k in range(36):
        status, start = plan[k] if k < len(plan) else (None, 0)
        room = sellable[(k + 12) % len(sellable)]
        nights = rng.randint(2, 4) if k < len(plan) else rng.randint(1, 3)
        if status is None:
            start = -rng.randint(20, 60) if k % 2 else rng.randint(12, 40)
            status = "checked_out" if start < 0 else rng.choice(("confirmed", "confirmed", "cancelled"))
            if start < 0 and start + nights > 0:
                start = -nights - 1
        g = rng.choice(guests)
        h = next(x for x in hotels if x["id"] == room["hotel_id"])
        bookings.append(
            ctx.insert(
                "booking",
                {
                    "hotel_id": h["id"],
                    "room_id": room["id"],
                    "guest_name": g.name,
                    "guest_email": g.email,
                    "check_in": s.date(start),
                    "check_out": s.date(start + nights),
                    "guests": min(room["max_guests"], rng.randint(1, 2)),
                    "room_total": round(nights * room["nightly_rate"], 2),
                    "extra_charges": [{"description": "Minibar", "amount": 18.5}]
                    if status == "checked_in" and k % 2
                    else [],
                    "status": status,
                    "special_requests": rng.choice(("", "", "Late arrival", "Quiet room", "Extra pillows")),
                    "created_at": s.at(days=min(start, 0) - rng.randint(5, 30)),
                },
            )
        )
    done = [b for b in bookings if b["status"] == "checked_out"]
    for k, b in enumerate(done[2:]):
        rating = rng.choice((2, 3, 4, 4, 5, 5))
        ctx.insert(
            "review",
            {
                "hotel_id": b["hotel_id"],
                "booking_id": b["id"],
                "author_email": b["guest_email"],
                "rating": rating,
                "title": {2: "Disappointing", 3: "Okay stay", 4: "Very good", 5: "Wonderful"}[rating],
                "body": s.fake.paragraph(nb_sentences=2),
                "response": "Thank you for staying with us!" if k % 3 == 0 else "",
                "created_at": s.at(days=-rng.randint(1, 15)),
            },
        )


bp.product("staylark", "Staylark", "Book hotel rooms and manage your stays.")
bp.product(
    "innkeepr",
    "Innkeepr",
    "Front desk and reservations for independent hotels.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("delete_review", "search_hotels"),
)
bp.product(
    "roomquill",
    "RoomQuill",
    "Hotel rooms, rates and reviews in one place.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("adjust_room_rates", "delete_room", "find_cheapest_rooms"),
)
bp.product(
    "bellhopio",
    "Bellhopio",
    "Travel app for finding and booking hotels.",
    prefix="bellhop",
    drop=(
        "create_hotel",
        "update_hotel",
        "delete_hotel",
        "create_room",
        "update_room",
        "delete_room",
        "set_room_out_of_order",
        "adjust_room_rates",
        "respond_to_review",
        "get_occupancy_report",
    ),
)
bp.product(
    "lodgeline",
    "Lodgeline",
    "Property management system for hotel groups.",
    verbs={"create": "add"},
    drop=("write_review",),
)
