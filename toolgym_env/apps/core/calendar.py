"""Calendar: the owner's personal and work calendars — events, invitations, conflicts and free time."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.clock import format_time, parse_time
from toolgym_env.world.seeding import SeedContext

app = AppSpec(
    "calendar",
    title="Calendar",
    domain="calendar",
    description="Calendar with personal and work calendars: schedule, reschedule and cancel events, "
    "invite people, answer invitations and find free time.",
)

Response = Literal["needs_action", "accepted", "declined", "tentative"]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DAY_START, DAY_END = 9, 18  # working hours searched by find_free_slots (UTC)


class Calendar(BaseModel):
    id: str = Field(description="Calendar id.")
    name: str = Field(description="Calendar name, e.g. 'Work'.", min_length=1, max_length=100)
    kind: Literal["personal", "work"] = Field(description="Whether this is a personal or a work calendar.")
    color: str = Field("#4285f4", description="Display color (hex).", max_length=7)
    description: str = Field("", description="What the calendar is used for.", max_length=500)


class Event(BaseModel):
    id: str = Field(description="Event id.")
    calendar_id: str = Field(description="Calendar holding the event.")
    title: str = Field(description="Event title.", min_length=1, max_length=200)
    start: str = Field(description="Start time (ISO-8601, UTC), e.g. '2026-03-04T14:00:00Z'.")
    end: str = Field(description="End time (ISO-8601, UTC); always after the start.")
    location: str = Field(
        "", description="Where it takes place (room, address or video link).", max_length=300
    )
    description: str = Field("", description="Agenda or notes.", max_length=5000)
    organizer: str = Field("", description="Email address of the person who organizes the event.")
    attendees: list[str] = Field(default_factory=list, description="Email addresses of the invited people.")
    my_response: Response = Field(
        "accepted",
        description="The owner's answer to the invitation "
        "(always 'accepted' for events the owner organizes).",
    )
    status: Literal["confirmed", "cancelled"] = Field(
        "confirmed", description="Whether the event takes place."
    )
    created_at: str = Field("", description="When the event was created (ISO-8601).")
    updated_at: str = Field("", description="When the event was last changed (ISO-8601).")


app.resource(Calendar, name="calendar", id_prefix="cal", ops=("list", "get"), order_by="name")
app.resource(
    Event,
    name="event",
    id_prefix="ev",
    searchable=("title", "description", "location"),
    readonly=("calendar_id", "start", "end", "organizer", "attendees", "my_response", "status"),
    ops=("search", "get", "update", "delete"),
    order_by="start",
)


class EventList(BaseModel):
    events: list[Event] = Field(description="Matching events, earliest first.")
    total: int = Field(description="Number of events returned.")


class Slot(BaseModel):
    start: str = Field(description="Start of the free window (ISO-8601, UTC).")
    end: str = Field(description="End of the free window (ISO-8601, UTC).")
    minutes: int = Field(description="Length of the window in minutes.")


class FreeSlots(BaseModel):
    date: str = Field(description="The day searched (YYYY-MM-DD).")
    calendar_id: str | None = Field(
        description="The calendar searched; null when all calendars were searched."
    )
    duration_minutes: int = Field(description="The minimum length asked for.")
    slots: list[Slot] = Field(description="Free windows between 09:00 and 18:00 UTC at least that long.")


class InviteResult(BaseModel):
    event: Event = Field(description="The event after the invitations.")
    added: list[str] = Field(description="Addresses newly invited.")
    already_invited: list[str] = Field(description="Addresses that were already on the guest list.")


def _time(field: str, value: str) -> str:
    try:
        return format_time(parse_time(value))
    except ValueError:
        raise ToolError(
            f"{field}: '{value}' is not an ISO-8601 time such as '2026-03-04T14:00:00Z'."
        ) from None


def _date(field: str, value: str) -> datetime:
    if not _DATE.match(value.strip()):
        raise ToolError(f"{field}: '{value}' is not a date in the form YYYY-MM-DD.")
    try:
        return parse_time(value.strip() + "T00:00:00Z")
    except ValueError:
        raise ToolError(f"{field}: '{value}' is not a valid date.") from None


def _emails(addresses: list[str], owner: str) -> list[str]:
    out: list[str] = []
    for a in (a.strip().lower() for a in addresses):
        if not _EMAIL.match(a):
            raise ToolError(f"attendees: '{a}' is not a valid email address.")
        if a != owner and a not in out:
            out.append(a)
    return out


def _busy(ctx: ToolContext, start: str, end: str, calendar_id: str | None, exclude: str = "") -> list[dict]:
    """Confirmed, not-declined events overlapping [start, end) in one calendar (or all)."""
    where = "status = 'confirmed' AND my_response != 'declined' AND \"start\" < ? AND \"end\" > ? AND id != ?"
    params: tuple = (end, start, exclude)
    if calendar_id is not None:
        where += " AND calendar_id = ?"
        params += (calendar_id,)
    return ctx.select("event", where, params, order_by='"start"')


def _check_slot(
    ctx: ToolContext, calendar_id: str, start: str, end: str, allow_overlap: bool, exclude: str = ""
) -> tuple[str, str]:
    start, end = _time("start", start), _time("end", end)
    if end <= start:
        raise ToolError(f"end ({end}) must be after start ({start}).")
    if parse_time(end) - parse_time(start) > timedelta(days=14):
        raise ToolError("An event cannot last longer than 14 days.")
    if not allow_overlap:
        clash = _busy(ctx, start, end, calendar_id, exclude)
        if clash:
            c = clash[0]
            raise ToolError(
                f"Closed slot: {start}–{end} overlaps '{c['title']}' ({c['start']}–{c['end']}) in "
                f"calendar '{calendar_id}'. Pick a free slot (see find_free_slots) or pass "
                f"allow_overlap=true to double-book."
            )
    return start, end


def _own_event(ctx: ToolContext, event_id: str, verb: str) -> dict:
    ev = ctx.require("event", event_id)
    if ev["organizer"] != ctx.user.email:
        raise ToolError(
            f"Only the organizer ({ev['organizer']}) can {verb} '{ev['title']}'; "
            f"answer the invitation with respond_to_invite instead."
        )
    if ev["status"] == "cancelled":
        raise ToolError(f"Event '{ev['title']}' is cancelled.")
    return ev


@app.action()
def create_event(
    ctx: ToolContext,
    calendar_id: str,
    title: str,
    start: str,
    end: str,
    location: str = "",
    description: str = "",
    attendees: list[str] | None = None,
    allow_overlap: bool = False,
) -> Event:
    """Schedule a new event organized by the owner. Refuses a slot that overlaps another confirmed event of
    the same calendar unless allow_overlap is true. Returns the created event.

    Args:
        calendar_id: Calendar to put the event in.
        title: Event title.
        start: Start time, ISO-8601 (e.g. '2026-03-04T14:00:00Z').
        end: End time, ISO-8601; must be after the start.
        location: Room, address or video link.
        description: Agenda or notes.
        attendees: Email addresses to invite.
        allow_overlap: Book even if the slot is already taken.
    """
    ctx.require("calendar", calendar_id)
    if not title.strip():
        raise ToolError("title: cannot be empty.")
    start, end = _check_slot(ctx, calendar_id, start, end, allow_overlap)
    now = ctx.now()
    return ctx.insert(
        "event",
        {
            "calendar_id": calendar_id,
            "title": title.strip()[:200],
            "start": start,
            "end": end,
            "location": location[:300],
            "description": description[:5000],
            "organizer": ctx.user.email,
            "attendees": _emails(attendees or [], ctx.user.email),
            "created_at": now,
            "updated_at": now,
        },
    )


@app.action(read_only=True)
def list_events(
    ctx: ToolContext,
    start_date: str,
    end_date: str,
    calendar_id: str | None = None,
    include_cancelled: bool = False,
) -> EventList:
    """List the events that take place between two dates (inclusive), earliest first.

    Args:
        start_date: First day, YYYY-MM-DD.
        end_date: Last day, YYYY-MM-DD (inclusive).
        calendar_id: Only this calendar; all calendars when left out.
        include_cancelled: Also list cancelled events.
    """
    lo, hi = _date("start_date", start_date), _date("end_date", end_date) + timedelta(days=1)
    if hi <= lo:
        raise ToolError("end_date must not be before start_date.")
    if hi - lo > timedelta(days=92):
        raise ToolError("The date range can cover at most 92 days.")
    where, params = '"start" < ? AND "end" > ?', (format_time(hi), format_time(lo))
    if calendar_id is not None:
        ctx.require("calendar", calendar_id)
        where, params = where + " AND calendar_id = ?", params + (calendar_id,)
    if not include_cancelled:
        where += " AND status = 'confirmed'"
    rows = ctx.select("event", where, params, order_by='"start", rowid')
    return {"events": rows, "total": len(rows)}


@app.action(read_only=True)
def find_free_slots(
    ctx: ToolContext,
    date: str,
    duration_minutes: Annotated[int, Field(ge=5, le=540)],
    calendar_id: str | None = None,
) -> FreeSlots:
    """Find free windows of at least the given length between 09:00 and 18:00 UTC on one day (times already
    past are not offered). Returns each free window with its start, end and length.

    Args:
        date: The day, YYYY-MM-DD.
        duration_minutes: Minimum length of a window in minutes (5-540).
        calendar_id: Only consider events of this calendar; all calendars when left out.
    """
    day = _date("date", date)
    if calendar_id is not None:
        ctx.require("calendar", calendar_id)
    lo, hi = day + timedelta(hours=DAY_START), day + timedelta(hours=DAY_END)
    lo = max(lo, parse_time(ctx.now()))
    slots, cursor = [], lo
    busy = _busy(ctx, format_time(lo), format_time(hi), calendar_id) if lo < hi else []
    for ev in [*busy, {"start": format_time(hi), "end": format_time(hi)}]:
        b_start, b_end = parse_time(ev["start"]), parse_time(ev["end"])
        if b_start - cursor >= timedelta(minutes=duration_minutes):
            slots.append(
                {
                    "start": format_time(cursor),
                    "end": format_time(b_start),
                    "minutes": int((b_start - cursor).total_seconds() // 60),
                }
            )
        cursor = max(cursor, b_end)
    return {
        "date": day.strftime("%Y-%m-%d"),
        "calendar_id": calendar_id,
        "duration_minutes": duration_minutes,
        "slots": slots,
    }


@app.action()
def invite_attendees(ctx: ToolContext, event_id: str, emails: list[str]) -> InviteResult:
    """Invite more people to an event the owner organizes. Returns the event and who was newly added.

    Args:
        event_id: The event.
        emails: Email addresses to invite.
    """
    ev = _own_event(ctx, event_id, "invite people to")
    if not emails:
        raise ToolError("emails: give at least one address to invite.")
    wanted = _emails(emails, ctx.user.email)
    added = [e for e in wanted if e not in ev["attendees"]]
    already = [e for e in wanted if e in ev["attendees"]]
    if added:
        ev = ctx.update("event", event_id, {"attendees": [*ev["attendees"], *added], "updated_at": ctx.now()})
    return {"event": ev, "added": added, "already_invited": already}


@app.action(idempotent=True)
def respond_to_invite(
    ctx: ToolContext, event_id: str, response: Literal["accepted", "declined", "tentative"]
) -> Event:
    """Answer an invitation to an event organized by someone else (accept, decline or tentative). Declined
    events no longer count as busy time. Returns the updated event.

    Args:
        event_id: The event the owner was invited to.
        response: The answer.
    """
    ev = ctx.require("event", event_id)
    if ev["organizer"] == ctx.user.email:
        raise ToolError(f"You organize '{ev['title']}'; only invited attendees can respond to it.")
    if ev["status"] == "cancelled":
        raise ToolError(f"Event '{ev['title']}' was cancelled by its organizer; there is nothing to answer.")
    return ctx.update("event", event_id, {"my_response": response, "updated_at": ctx.now()})


@app.action(destructive=True)
def cancel_event(ctx: ToolContext, event_id: str) -> Event:
    """Cancel an event the owner organizes (it stays on the calendar with status 'cancelled' and frees its
    slot). Returns the cancelled event.

    Args:
        event_id: The event to cancel.
    """
    _own_event(ctx, event_id, "cancel")
    return ctx.update("event", event_id, {"status": "cancelled", "updated_at": ctx.now()})


@app.action()
def reschedule_event(
    ctx: ToolContext, event_id: str, start: str, end: str, allow_overlap: bool = False
) -> Event:
    """Move an event the owner organizes to a new time; the new slot must be free in its calendar unless
    allow_overlap is true. Returns the updated event.

    Args:
        event_id: The event to move.
        start: New start time, ISO-8601.
        end: New end time, ISO-8601; must be after the start.
        allow_overlap: Move even if the new slot is already taken.
    """
    ev = _own_event(ctx, event_id, "reschedule")
    start, end = _check_slot(ctx, ev["calendar_id"], start, end, allow_overlap, exclude=event_id)
    return ctx.update("event", event_id, {"start": start, "end": end, "updated_at": ctx.now()})


_WORK = (
    ("1:1 with {first}", "Weekly catch-up.", "Zoom"),
    ("{company} sync", "Status of the joint work.", "Room 4B"),
    ("Sprint planning", "Plan the next two weeks.", "Room 2A"),
    ("Design review", "Walk through mockups.", "Zoom"),
    ("Quarterly business review", "Numbers and goals for the quarter.", "Board room"),
    ("Interview: {job}", "Candidate interview loop.", "Room 3C"),
    ("Budget check-in", "Review spend.", "Zoom"),
    ("Lunch & learn: {bs}", "Short talk with lunch.", "Cafeteria"),
    ("Customer call with {company}", "", "Phone"),
)
_PERSONAL = (
    ("Gym", "", "Downtown Fitness"),
    ("Dinner with {first}", "", "{city}"),
    ("Dentist appointment", "", ""),
    ("Yoga class", "", "Studio 9"),
    ("Call with {first}", "", "Phone"),
    ("Haircut", "", "Main Street"),
)


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    me = s.user.email
    ctx.insert(
        "calendar",
        {
            "id": "cal_work",
            "name": "Work",
            "kind": "work",
            "color": "#0b8043",
            "description": f"Meetings at {s.user.company}.",
        },
    )
    ctx.insert(
        "calendar",
        {
            "id": "cal_personal",
            "name": "Personal",
            "kind": "personal",
            "color": "#f4511e",
            "description": "Appointments, friends and family.",
        },
    )
    n = 0

    def add(
        cal: str, tpl: tuple, start: str, minutes: int, person, organizer: str, guests: list[str]
    ) -> None:
        nonlocal n
        n += 1
        fill = {
            "first": person.first_name,
            "company": person.company,
            "job": s.fake.job()[:60],
            "bs": s.fake.bs(),
            "city": person.city,
        }
        mine = organizer == me
        future = start > s.at()
        response = (
            "accepted" if mine or not future else s.rng.choice(("needs_action", "accepted", "tentative"))
        )
        created = s.at(days=-s.rng.randint(20, 40))
        ctx.insert(
            "event",
            {
                "id": f"ev_{n:04d}",
                "calendar_id": cal,
                "title": tpl[0].format(**fill),
                "start": start,
                "end": format_time(parse_time(start) + timedelta(minutes=minutes)),
                "location": tpl[2].format(**fill),
                "description": tpl[1],
                "organizer": organizer,
                "attendees": guests,
                "my_response": response,
                "status": "cancelled" if s.rng.random() < 0.08 else "confirmed",
                "created_at": created,
                "updated_at": created,
            },
        )

    for day in range(-14, 22):
        moment = s.now + timedelta(days=day)
        if moment.weekday() < 5:
            for hour in sorted(s.rng.sample((10, 11, 13, 14, 15, 16), k=s.rng.choice((0, 1, 1, 2, 2, 3)))):
                person = s.rng.choice(s.people)
                others = [p.email for p in s.rng.sample(s.people, k=s.rng.randint(0, 3)) if p != person]
                mine = s.rng.random() < 0.6
                guests = [person.email, *others] if mine else [me, *others]
                minutes = s.rng.choice((30, 30, 60))  # inside [hour, hour + 1): distinct hours never clash
                offset = s.rng.choice((0, 30)) if minutes == 30 else 0
                add(
                    "cal_work",
                    s.rng.choice(_WORK),
                    s.at(days=day, hours=hour - 9, minutes=offset),
                    minutes,
                    person,
                    me if mine else person.email,
                    guests,
                )
        if s.rng.random() < 0.35:
            person = s.rng.choice(s.people)
            hour = s.rng.choice((10, 12)) if moment.weekday() >= 5 else s.rng.choice((18, 19))
            tpl = s.rng.choice(_PERSONAL)
            guests = [person.email] if "{first}" in tpl[0] else []
            add(
                "cal_personal",
                tpl,
                s.at(days=day, hours=hour - 9),
                s.rng.choice((60, 90)),
                person,
                me,
                guests,
            )
