"""Restaurant reservations: venues, tables, reservations and a walk-in waitlist (five products)."""

from __future__ import annotations

from datetime import date as _date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import valid_day
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("restaurant reservations")

DATE = r"^\d{4}-\d{2}-\d{2}$"
TIME = r"^([01]\d|2[0-3]):[0-5]\d$"
ResStatus = Literal["booked", "confirmed", "seated", "completed", "cancelled", "no_show"]
Area = Literal["indoor", "patio", "bar", "private"]
_ACTIVE = ("booked", "confirmed", "seated")
_SLOT_MIN = 120


class Venue(BaseModel):
    id: str = Field(description="Venue id.")
    name: str = Field(description="Restaurant name.", min_length=1, max_length=120)
    cuisine: str = Field("", description="Cuisine, e.g. 'Italian'.", max_length=60)
    neighborhood: str = Field("", description="Neighborhood or district.", max_length=80)
    price_level: Literal["$", "$$", "$$$", "$$$$"] = Field("$$", description="Price level.")
    opens_at: str = Field("17:00", description="First seating time (HH:MM).", pattern=TIME)
    last_seating: str = Field("22:00", description="Last seating time (HH:MM).", pattern=TIME)
    max_party_size: int = Field(8, description="Largest party bookable online.", ge=1, le=40)
    accepts_walkins: bool = Field(True, description="Whether walk-ins can join the waitlist.")


class Table(BaseModel):
    id: str = Field(description="Table id.")
    venue_id: str = Field(description="Venue the table is in.")
    label: str = Field(description="Table label, e.g. 'T12'.", pattern=r"^[A-Z]{1,2}\d{1,3}$")
    seats: int = Field(description="Number of seats.", ge=1, le=20)
    area: Area = Field("indoor", description="Dining area.")
    accessible: bool = Field(False, description="Wheelchair accessible.")
    active: bool = Field(True, description="Whether the table can be booked.")


class Reservation(BaseModel):
    id: str = Field(description="Reservation id.")
    venue_id: str = Field(description="Venue booked.")
    table_id: str = Field("", description="Table assigned.")
    guest_name: str = Field(description="Name on the booking.", min_length=1, max_length=120)
    guest_email: str = Field("", description="Guest email.", max_length=200)
    party_size: int = Field(2, description="Number of guests.", ge=1, le=40)
    date: str = Field("", description="Reservation date (YYYY-MM-DD).")
    time: str = Field("", description="Seating time (HH:MM).")
    status: ResStatus = Field("booked", description="Reservation state.")
    occasion: Literal["none", "birthday", "anniversary", "business", "date"] = Field(
        "none", description="Occasion."
    )
    special_requests: str = Field("", description="Notes for the venue, e.g. allergies.", max_length=500)
    created_at: str = Field("", description="When the booking was made (ISO-8601).")


class WaitlistEntry(BaseModel):
    id: str = Field(description="Waitlist entry id.")
    venue_id: str = Field(description="Venue waited at.")
    guest_name: str = Field(description="Guest name.", min_length=1, max_length=120)
    phone: str = Field("", description="Phone number for the text alert.", max_length=40)
    party_size: int = Field(2, description="Number of guests.", ge=1, le=20)
    quoted_wait_minutes: int = Field(15, description="Wait time quoted on joining.")
    status: Literal["waiting", "notified", "seated", "left"] = Field("waiting", description="Entry state.")
    joined_at: str = Field("", description="When the guest joined (ISO-8601).")


bp.resource(
    Venue,
    name="venue",
    id_prefix="ven",
    searchable=("name", "cuisine", "neighborhood"),
    filterable=("price_level", "neighborhood", "accepts_walkins"),
    order_by="name",
)
bp.resource(
    Table,
    name="table",
    id_prefix="tbl",
    filterable=("venue_id", "area", "active"),
    refs={"venue_id": "venue"},
    readonly=("active",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="label",
)
bp.resource(
    Reservation,
    name="reservation",
    id_prefix="rsv",
    searchable=("guest_name", "guest_email"),
    filterable=("venue_id", "status", "date", "table_id"),
    refs={"venue_id": "venue"},
    readonly=("venue_id", "table_id", "party_size", "date", "time", "status"),
    ops=("search", "list", "get", "update"),
    order_by="date, time",
)
bp.resource(
    WaitlistEntry,
    name="waitlist_entry",
    plural="waitlist_entries",
    id_prefix="wl",
    filterable=("venue_id", "status"),
    readonly=("status", "quoted_wait_minutes"),
    ops=("list", "get", "delete"),
    order_by="joined_at",
)


class Guest(BaseModel):
    name: str = Field(description="Name on the booking.", min_length=1, max_length=120)
    email: str = Field("", description="Email for the confirmation.", max_length=200)


class NewTable(BaseModel):
    label: str = Field(description="Table label, e.g. 'P4'.", pattern=r"^[A-Z]{1,2}\d{1,3}$")
    seats: int = Field(description="Number of seats.", ge=1, le=20)
    area: Area = Field("indoor", description="Dining area.")


class TableList(BaseModel):
    tables: list[Table] = Field(description="The tables.")


class Occupancy(BaseModel):
    venue_id: str = Field(description="The venue.")
    date: str = Field(description="The day (YYYY-MM-DD).")
    reservations: int = Field(description="Active reservations (booked, confirmed or seated).")
    covers: int = Field(description="Guests expected across active reservations.")
    by_status: dict[str, int] = Field(description="Reservations per status that day.")
    total_seats: int = Field(description="Seats across active tables.")


def _minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:5])


def _check_slot(ctx: ToolContext, venue: dict, day: str, time: str, party_size: int) -> None:
    if day < ctx.today():
        raise ToolError(f"date: {day} is in the past.")
    if (_date.fromisoformat(day) - _date.fromisoformat(ctx.today())).days > 90:
        raise ToolError(f"date: {venue['name']} takes bookings at most 90 days ahead.")
    if not venue["opens_at"] <= time <= venue["last_seating"]:
        raise ToolError(
            f"time: {venue['name']} seats guests between {venue['opens_at']} and {venue['last_seating']}."
        )
    if party_size > venue["max_party_size"]:
        raise ToolError(
            f"party_size: {venue['name']} books parties of at most {venue['max_party_size']} online."
        )


def _free_tables(
    ctx: ToolContext, venue_id: str, day: str, time: str, party_size: int, skip: str = ""
) -> list[dict]:
    busy = {
        r["table_id"]
        for r in ctx.select(
            "reservation",
            "venue_id = ? AND date = ? AND status IN ('booked','confirmed','seated')",
            (venue_id, day),
        )
        if r["id"] != skip and abs(_minutes(r["time"]) - _minutes(time)) < _SLOT_MIN
    }
    tables = ctx.select(
        "table", "venue_id = ? AND active = 1 AND seats >= ?", (venue_id, party_size), order_by="seats, label"
    )
    return [t for t in tables if t["id"] not in busy]


@bp.action(read_only=True)
def find_available_tables(
    ctx: ToolContext,
    venue_id: str,
    time: Annotated[str, Field(pattern=TIME)],
    party_size: Annotated[int, Field(ge=1, le=40)] = 2,
    date: Annotated[str | None, Field(pattern=DATE)] = None,
) -> TableList:
    """List {app} tables free for a party at a given date and time (two-hour seatings), smallest table first.

    Args:
        venue_id: The venue.
        time: Seating time (HH:MM).
        party_size: Number of guests.
        date: Day (YYYY-MM-DD); defaults to today.
    """
    venue = ctx.require("venue", venue_id)
    day = valid_day(date, ctx.today())
    _check_slot(ctx, venue, day, time, party_size)
    return {"tables": _free_tables(ctx, venue_id, day, time, party_size)}


@bp.action()
def book_table(
    ctx: ToolContext,
    venue_id: str,
    time: Annotated[str, Field(pattern=TIME)],
    guest: Guest,
    party_size: Annotated[int, Field(ge=1, le=40)] = 2,
    date: Annotated[str | None, Field(pattern=DATE)] = None,
    special_requests: Annotated[str, Field(max_length=500)] = "",
) -> Reservation:
    """Book an {app} table for a party; the smallest free table that fits is assigned. Returns the
    reservation.

    Args:
        venue_id: The venue.
        time: Seating time (HH:MM).
        guest: Who the booking is for.
        party_size: Number of guests.
        date: Day (YYYY-MM-DD); defaults to today.
        special_requests: Notes for the venue.
    """
    venue = ctx.require("venue", venue_id)
    day = valid_day(date, ctx.today())
    _check_slot(ctx, venue, day, time, party_size)
    free = _free_tables(ctx, venue_id, day, time, party_size)
    if not free:
        raise ToolError(f"{venue['name']} has no free table for {party_size} on {day} at {time}.")
    return ctx.insert(
        "reservation",
        {
            "venue_id": venue_id,
            "table_id": free[0]["id"],
            "guest_name": guest["name"],
            "guest_email": guest.get("email", ""),
            "party_size": party_size,
            "date": day,
            "time": time,
            "special_requests": special_requests,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def confirm_reservation(ctx: ToolContext, reservation_id: str) -> Reservation:
    """Confirm a booked {app} reservation (the guest replied to the reminder).

    Args:
        reservation_id: The reservation to confirm.
    """
    r = ctx.require("reservation", reservation_id)
    if r["status"] != "booked":
        raise ToolError(
            f"Reservation {reservation_id} is '{r['status']}'; only booked reservations can be confirmed."
        )
    return ctx.update("reservation", reservation_id, {"status": "confirmed"})


@bp.action()
def reschedule_reservation(
    ctx: ToolContext,
    reservation_id: str,
    time: Annotated[str, Field(pattern=TIME)],
    date: Annotated[str | None, Field(pattern=DATE)] = None,
) -> Reservation:
    """Move an upcoming {app} reservation to another date or time; a free table is re-assigned.

    Args:
        reservation_id: The reservation to move.
        time: New seating time (HH:MM).
        date: New day (YYYY-MM-DD); defaults to the current day of the reservation.
    """
    r = ctx.require("reservation", reservation_id)
    if r["status"] not in ("booked", "confirmed"):
        raise ToolError(f"Reservation {reservation_id} is '{r['status']}' and cannot be rescheduled.")
    venue = ctx.require("venue", r["venue_id"])
    day = valid_day(date, r["date"])
    _check_slot(ctx, venue, day, time, r["party_size"])
    free = _free_tables(ctx, r["venue_id"], day, time, r["party_size"], skip=reservation_id)
    if not free:
        raise ToolError(f"{venue['name']} has no free table for {r['party_size']} on {day} at {time}.")
    table = next((t for t in free if t["id"] == r["table_id"]), free[0])
    return ctx.update(
        "reservation",
        reservation_id,
        {"date": day, "time": time, "table_id": table["id"], "status": "booked"},
    )


@bp.action(destructive=True)
def cancel_reservation(ctx: ToolContext, reservation_id: str) -> Reservation:
    """Cancel an upcoming {app} reservation and free its table; seated or finished ones cannot be cancelled.

    Args:
        reservation_id: The reservation to cancel.
    """
    r = ctx.require("reservation", reservation_id)
    if r["status"] not in ("booked", "confirmed"):
        raise ToolError(f"Reservation {reservation_id} is '{r['status']}' and cannot be cancelled.")
    return ctx.update("reservation", reservation_id, {"status": "cancelled"})


@bp.action()
def seat_reservation(ctx: ToolContext, reservation_id: str) -> Reservation:
    """Seat the party of today's {app} reservation at its table; other days' bookings cannot be seated.

    Args:
        reservation_id: The reservation whose guests arrived.
    """
    r = ctx.require("reservation", reservation_id)
    if r["status"] not in ("booked", "confirmed"):
        raise ToolError(
            f"Reservation {reservation_id} is '{r['status']}'; only booked or confirmed "
            "parties can be seated."
        )
    if r["date"] != ctx.today():
        raise ToolError(f"Reservation {reservation_id} is for {r['date']}, not today ({ctx.today()}).")
    return ctx.update("reservation", reservation_id, {"status": "seated"})


@bp.action()
def complete_reservation(ctx: ToolContext, reservation_id: str) -> Reservation:
    """Close a seated {app} reservation once the party has left, freeing the table.

    Args:
        reservation_id: The seated reservation.
    """
    r = ctx.require("reservation", reservation_id)
    if r["status"] != "seated":
        raise ToolError(
            f"Reservation {reservation_id} is '{r['status']}'; only seated parties can be completed."
        )
    return ctx.update("reservation", reservation_id, {"status": "completed"})


@bp.action()
def mark_no_show(ctx: ToolContext, reservation_id: str) -> Reservation:
    """Mark an {app} reservation from today or earlier as a no-show; future bookings cannot be marked.

    Args:
        reservation_id: The reservation whose guests never came.
    """
    r = ctx.require("reservation", reservation_id)
    if r["status"] not in ("booked", "confirmed"):
        raise ToolError(
            f"Reservation {reservation_id} is '{r['status']}'; only booked or confirmed ones can be no-shows."
        )
    if r["date"] > ctx.today():
        raise ToolError(f"Reservation {reservation_id} is on {r['date']}, which has not happened yet.")
    return ctx.update("reservation", reservation_id, {"status": "no_show"})


@bp.action()
def join_waitlist(
    ctx: ToolContext,
    venue_id: str,
    guest_name: Annotated[str, Field(min_length=1, max_length=120)],
    party_size: Annotated[int, Field(ge=1, le=20)] = 2,
    phone: Annotated[str, Field(max_length=40)] = "",
) -> WaitlistEntry:
    """Add a walk-in party to an {app} venue's waitlist; the quoted wait grows with the parties ahead.

    Args:
        venue_id: The venue.
        guest_name: Name to call.
        party_size: Number of guests.
        phone: Phone number for the text alert.
    """
    venue = ctx.require("venue", venue_id)
    if not venue["accepts_walkins"]:
        raise ToolError(f"{venue['name']} does not take walk-ins.")
    if party_size > venue["max_party_size"]:
        raise ToolError(f"party_size: {venue['name']} seats parties of at most {venue['max_party_size']}.")
    ahead = ctx.world.count(
        ctx.table("waitlist_entry"), "venue_id = ? AND status IN ('waiting','notified')", (venue_id,)
    )
    return ctx.insert(
        "waitlist_entry",
        {
            "venue_id": venue_id,
            "guest_name": guest_name,
            "phone": phone,
            "party_size": party_size,
            "quoted_wait_minutes": 15 * (ahead + 1),
            "joined_at": ctx.now(),
        },
    )


@bp.action()
def notify_waitlist_guest(ctx: ToolContext, waitlist_entry_id: str) -> WaitlistEntry:
    """Text an {app} waitlist party that their table is ready; only waiting parties can be notified.

    Args:
        waitlist_entry_id: The waitlist entry.
    """
    e = ctx.require("waitlist_entry", waitlist_entry_id)
    if e["status"] != "waiting":
        raise ToolError(
            f"Waitlist entry {waitlist_entry_id} is '{e['status']}'; only waiting parties can be notified."
        )
    return ctx.update("waitlist_entry", waitlist_entry_id, {"status": "notified"})


@bp.action()
def seat_waitlist_guest(ctx: ToolContext, waitlist_entry_id: str, table_id: str | None = None) -> Reservation:
    """Seat an {app} waitlist party at a free table of the same venue now; records a seated reservation.

    Args:
        waitlist_entry_id: The waitlist entry.
        table_id: The table to seat them at; omit to take the smallest free table that fits.
    """
    e = ctx.require("waitlist_entry", waitlist_entry_id)
    if e["status"] not in ("waiting", "notified"):
        raise ToolError(f"Waitlist entry {waitlist_entry_id} is '{e['status']}'.")
    if table_id is None:
        free = _free_tables(ctx, e["venue_id"], ctx.today(), ctx.now()[11:16], e["party_size"])
        if not free:
            raise ToolError(f"No free table fits a party of {e['party_size']} right now.")
        table_id = free[0]["id"]
    t = ctx.require("table", table_id)
    if t["venue_id"] != e["venue_id"]:
        raise ToolError(f"Table {t['label']} is in another venue than the waitlist entry.")
    if not t["active"]:
        raise ToolError(f"Table {t['label']} is not in service.")
    if t["seats"] < e["party_size"]:
        raise ToolError(f"Table {t['label']} seats {t['seats']}, the party has {e['party_size']}.")
    now = ctx.now()
    time = now[11:16]
    if t["id"] not in {x["id"] for x in _free_tables(ctx, t["venue_id"], ctx.today(), time, 1)}:
        raise ToolError(f"Table {t['label']} is taken around {time}.")
    ctx.update("waitlist_entry", waitlist_entry_id, {"status": "seated"})
    return ctx.insert(
        "reservation",
        {
            "venue_id": t["venue_id"],
            "table_id": table_id,
            "guest_name": e["guest_name"],
            "party_size": e["party_size"],
            "date": ctx.today(),
            "time": time,
            "status": "seated",
            "special_requests": "Walk-in from waitlist.",
            "created_at": now,
        },
    )


@bp.action(read_only=True)
def get_venue_occupancy(
    ctx: ToolContext, venue_id: str, date: Annotated[str | None, Field(pattern=DATE)] = None
) -> Occupancy:
    """Summarize an {app} venue's day: active reservations, expected covers, statuses and total seats.

    Args:
        venue_id: The venue.
        date: Day (YYYY-MM-DD); defaults to today.
    """
    ctx.require("venue", venue_id)
    day = valid_day(date, ctx.today())
    rows = ctx.select("reservation", "venue_id = ? AND date = ?", (venue_id, day))
    by: dict[str, int] = {}
    for r in rows:
        by[r["status"]] = by.get(r["status"], 0) + 1
    active = [r for r in rows if r["status"] in _ACTIVE]
    seats = sum(t["seats"] for t in ctx.select("table", "venue_id = ? AND active = 1", (venue_id,)))
    return {
        "venue_id": venue_id,
        "date": day,
        "reservations": len(active),
        "covers": sum(r["party_size"] for r in active),
        "by_status": dict(sorted(by.items())),
        "total_seats": seats,
    }


@bp.action()
def bulk_create_tables(
    ctx: ToolContext, venue_id: str, tables: Annotated[list[NewTable], Field(min_length=1, max_length=30)]
) -> TableList:
    """Add several tables to an {app} venue's floor plan at once (all or none); labels must be unique there.

    Args:
        venue_id: The venue.
        tables: The tables to add.
    """
    ctx.require("venue", venue_id)
    taken = {t["label"] for t in ctx.select("table", "venue_id = ?", (venue_id,))}
    labels = [t["label"] for t in tables]
    for label in labels:
        if label in taken or labels.count(label) > 1:
            raise ToolError(f"tables: label {label} is already used in this venue; nothing was added.")
    return {
        "tables": [
            ctx.insert(
                "table", {"venue_id": venue_id, "label": t["label"], "seats": t["seats"], "area": t["area"]}
            )
            for t in tables
        ]
    }


@bp.action(idempotent=True)
def set_table_active(ctx: ToolContext, table_id: str, active: bool) -> Table:
    """Put an {app} table in or out of service; refused while upcoming reservations are on it.

    Args:
        table_id: The table.
        active: True to take bookings, false to take it out of service.
    """
    t = ctx.require("table", table_id)
    if t["active"] == active:
        return t
    if not active:
        upcoming = ctx.select(
            "reservation",
            "table_id = ? AND date >= ? AND status IN ('booked','confirmed','seated')",
            (table_id, ctx.today()),
        )
        if upcoming:
            raise ToolError(
                f"Table {t['label']} has {len(upcoming)} upcoming reservations; move or cancel them first."
            )
    return ctx.update("table", table_id, {"active": active})


_CUISINES = ("Italian", "Japanese", "French", "Mexican", "Korean", "Spanish", "Lebanese", "American")
_HOODS = ("Old Town", "Riverside", "Midtown", "Harbor", "Arts District")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    venues, tables = [], {}
    places = rng.sample(s.cast.places, 6)  # six restaurants of the shared places, two of its own
    for n in range(8):
        name = (
            places[n].venue("restaurant").name
            if n < 6
            else (
                f"{rng.choice(('Osteria', 'Bistro', 'Casa', 'The', 'Maison', 'Taberna'))} "
                f"{s.fake.last_name()}"
            )
        )
        v = ctx.insert(
            "venue",
            {
                "name": name,
                "cuisine": _CUISINES[n],
                "neighborhood": f"{_HOODS[n % 5]}, {places[n % 6].city}",
                "price_level": ("$$", "$$$", "$", "$$$$")[n % 4],
                "opens_at": ("08:00", "10:30", "07:30", "11:00")[n % 4],
                "last_seating": ("22:30", "23:00", "23:30", "22:00")[n % 4],
                "max_party_size": (8, 6, 10, 12)[n % 4],
                "accepts_walkins": n % 5 != 3,
            },
        )
        venues.append(v)
        tables[v["id"]] = []
    # tables interleaved across venues so the first ones cover several venues
    for k in range(6):
        for v in venues:
            tables[v["id"]].append(
                ctx.insert(
                    "table",
                    {
                        "venue_id": v["id"],
                        "label": f"{'TPB'[k % 3]}{k + 1}",
                        "seats": (2, 2, 4, 4, 6, 8)[k],
                        "area": ("indoor", "patio", "bar", "indoor", "indoor", "private")[k],
                        "accessible": k in (0, 3),
                        "active": not (k == 5 and v is venues[-1]),
                    },
                )
            )
    statuses = (
        "booked",
        "seated",
        "confirmed",
        "booked",
        "seated",
        "confirmed",
        "booked",
        "seated",
        "confirmed",
        "booked",
        "completed",
        "no_show",
    )
    guests = list(s.people[:30]) + [s.user]
    for k in range(44):
        v = venues[k % len(venues)]
        if k < len(statuses):
            status = statuses[k]
            day = (
                s.date(-rng.randint(1, 20))
                if status in ("completed", "no_show")
                else s.date(0)
                if k < 8
                else s.date(rng.randint(1, 20))
            )
        else:
            offset = rng.randint(-25, 25)
            day = s.date(offset)
            status = (
                rng.choice(("completed", "completed", "no_show", "cancelled"))
                if offset < 0
                else rng.choice(("booked", "confirmed", "confirmed"))
            )
        hour = int(v["opens_at"][:2]) + 1 + (k % 3)
        time = f"{hour:02d}:{('00', '30')[k % 2]}"
        size = rng.choice((2, 2, 2, 3, 4, 4, 5, 6))
        free = [t for t in tables[v["id"]] if t["seats"] >= size and t["active"]]
        table = free[(k // 8) % len(free)]
        g = rng.choice(guests)
        ctx.insert(
            "reservation",
            {
                "venue_id": v["id"],
                "table_id": table["id"],
                "guest_name": g.name,
                "guest_email": g.email,
                "party_size": size,
                "date": day,
                "time": time,
                "status": status,
                "occasion": rng.choice(
                    ("none", "none", "none", "birthday", "anniversary", "business", "date")
                ),
                "special_requests": rng.choice(
                    ("", "", "Window seat please", "Nut allergy", "High chair needed")
                ),
                "created_at": s.at(days=-rng.randint(25, 40)),
            },
        )
    for k in range(14):
        v = venues[k % len(venues)]
        if not v["accepts_walkins"]:
            continue
        g = s.people[20 + k]
        ctx.insert(
            "waitlist_entry",
            {
                "venue_id": v["id"],
                "guest_name": g.name,
                "phone": g.phone,
                "party_size": rng.choice((2, 2, 3, 4)),
                "quoted_wait_minutes": 15 * (1 + k // 8),
                "status": ("waiting", "notified", "waiting", "waiting", "seated", "notified", "left")[k % 7],
                "joined_at": s.at(minutes=-90 + 5 * k),
            },
        )


bp.product("tablesetter", "TableSetter", "Reservation book and floor plan for restaurants.")
bp.product(
    "forkandslot",
    "Fork & Slot",
    "Online restaurant bookings with waitlist.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("delete_waitlist_entry", "search_venues"),
)
bp.product(
    "covrlyres",
    "Covrly",
    "Find a table tonight and manage your bookings.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("bulk_create_tables", "set_table_active", "delete_table"),
)
bp.product(
    "maitrebook",
    "MaitreBook",
    "Host stand software: reservations, tables and walk-ins.",
    prefix="maitre",
    drop=(
        "create_venue",
        "update_venue",
        "delete_venue",
        "create_table",
        "update_table",
        "delete_table",
        "bulk_create_tables",
        "get_venue_occupancy",
        "update_reservation",
        "search_reservations",
    ),
)
bp.product(
    "nightcover",
    "NightCover",
    "Reservations and covers management for restaurant groups.",
    verbs={"create": "add"},
    pagination="page",
    drop=("mark_no_show",),
)
