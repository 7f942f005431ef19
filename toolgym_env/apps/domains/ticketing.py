"""Event ticketing: events, ticket tiers, promo codes, orders and attendees with check-in (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext, stable_hex

bp = Blueprint("event ticketing")

DATE = r"^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
EventStatus = Literal["draft", "on_sale", "sold_out", "canceled", "completed"]


class Event(BaseModel):
    id: str = Field(description="Event id.")
    name: str = Field(description="Event name.", min_length=1, max_length=150)
    venue: str = Field(description="Venue name.", max_length=150)
    city: str = Field("", description="City.", max_length=80)
    starts_at: str = Field(description="Start time (ISO-8601).")
    category: Literal["concert", "conference", "workshop", "sports", "theatre", "meetup"] = Field(
        "concert", description="Kind of event."
    )
    capacity: int = Field(200, ge=1, le=100000, description="Maximum number of attendees.")
    organizer_email: str = Field("", description="Organizer's email.", max_length=200)
    description: str = Field("", description="Event description.", max_length=5000)
    status: EventStatus = Field("draft", description="Sales status.")


class TicketTier(BaseModel):
    id: str = Field(description="Ticket tier id.")
    event_id: str = Field(description="Event the tier belongs to.")
    name: str = Field(description="Tier name, e.g. 'Early bird'.", min_length=1, max_length=80)
    price: float = Field(description="Price per ticket in dollars.", ge=0, le=10000)
    quantity: int = Field(description="Tickets available in this tier.", ge=1, le=100000)
    sold: int = Field(0, description="Tickets sold so far.")
    max_per_order: int = Field(10, ge=1, le=50, description="Most tickets of this tier in one order.")
    sales_end: str = Field("", description="Last day of sales (YYYY-MM-DD), empty for until the event.")


class PromoCode(BaseModel):
    id: str = Field(description="Promo code id.")
    event_id: str = Field(description="Event the code applies to.")
    code: str = Field(description="Code typed at checkout.", pattern=r"^[A-Z0-9]{4,16}$")
    percent_off: int = Field(10, ge=1, le=100, description="Discount in percent.")
    max_uses: int = Field(100, ge=1, le=10000, description="How many orders may use it.")
    uses: int = Field(0, description="Orders that used it.")
    active: bool = Field(True, description="Whether it can be used.")


class OrderLine(BaseModel):
    tier_id: str = Field(description="Ticket tier.")
    quantity: int = Field(description="Tickets.")
    unit_price: float = Field(description="Price per ticket before discount.")


class Order(BaseModel):
    id: str = Field(description="Order id.")
    event_id: str = Field(description="Event.")
    buyer_email: str = Field(description="Buyer's email.")
    lines: list[OrderLine] = Field(default_factory=list, description="Tickets bought.")
    promo_code: str = Field("", description="Promo code applied.")
    total: float = Field(0, description="Amount charged in dollars.")
    status: Literal["paid", "refunded"] = Field("paid", description="Order status.")
    created_at: str = Field("", description="When the order was placed (ISO-8601).")


class Attendee(BaseModel):
    id: str = Field(description="Attendee (ticket) id.")
    order_id: str = Field(description="Order the ticket came from.")
    event_id: str = Field(description="Event.")
    tier_id: str = Field(description="Ticket tier.")
    name: str = Field(description="Ticket holder's name.", min_length=1, max_length=120)
    email: str = Field(description="Ticket holder's email.", max_length=200)
    ticket_code: str = Field(description="Code printed on the ticket.")
    checked_in: bool = Field(False, description="Whether they have entered.")
    checked_in_at: str = Field("", description="When they checked in (ISO-8601).")


bp.resource(
    Event,
    name="event",
    id_prefix="evt",
    searchable=("name", "venue", "city"),
    filterable=("status", "city", "category"),
    readonly=("status",),
    order_by="starts_at",
)
bp.resource(
    TicketTier,
    name="ticket_tier",
    id_prefix="tier",
    filterable=("event_id",),
    refs={"event_id": "event"},
    readonly=("sold",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="price",
)
bp.resource(
    PromoCode,
    name="promo_code",
    id_prefix="promo",
    searchable=("code",),
    filterable=("event_id", "active"),
    refs={"event_id": "event"},
    readonly=("uses",),
    order_by="code",
)
bp.resource(
    Order,
    name="order",
    id_prefix="ord",
    filterable=("event_id", "buyer_email", "status"),
    refs={"event_id": "event"},
    ops=("list", "get"),
    order_by="created_at DESC",
)
bp.resource(
    Attendee,
    name="attendee",
    id_prefix="att",
    searchable=("name", "email", "ticket_code"),
    filterable=("event_id", "order_id", "checked_in"),
    readonly=("order_id", "event_id", "tier_id", "ticket_code", "checked_in", "checked_in_at"),
    ops=("search", "list", "get"),
    order_by="name",
)


class HolderIn(BaseModel):
    name: str = Field(description="Ticket holder's name.", min_length=1, max_length=120)
    email: str = Field(description="Ticket holder's email.", max_length=200)


class NewTier(BaseModel):
    name: str = Field(description="Tier name.", min_length=1, max_length=80)
    price: float = Field(description="Price per ticket in dollars.", ge=0, le=10000)
    quantity: int = Field(description="Tickets available.", ge=1, le=1000)


class OrderResult(BaseModel):
    order: Order = Field(description="The order.")
    attendees: list[Attendee] = Field(description="Tickets issued (or voided).")


class TierList(BaseModel):
    tiers: list[TicketTier] = Field(description="The tiers.")


class TierSales(BaseModel):
    tier_id: str = Field(description="Tier.")
    name: str = Field(description="Tier name.")
    sold: int = Field(description="Tickets sold.")
    remaining: int = Field(description="Tickets left.")
    revenue: float = Field(description="Revenue from paid orders in dollars.")


class EventSales(BaseModel):
    event_id: str = Field(description="The event.")
    tiers: list[TierSales] = Field(description="Per tier.")
    tickets_sold: int = Field(description="Total sold.")
    revenue: float = Field(description="Total revenue in dollars.")
    checked_in: int = Field(description="Attendees checked in.")


class EventList(BaseModel):
    events: list[Event] = Field(description="The events.")


def _code(*parts: object) -> str:
    return stable_hex(*parts, length=8).upper()


@bp.action()
def publish_event(ctx: ToolContext, event_id: str) -> Event:
    """Put a draft {app} event on sale; it needs at least one ticket tier. Returns the event.

    Args:
        event_id: The draft event to publish.
    """
    ev = ctx.require("event", event_id)
    if ev["status"] != "draft":
        raise ToolError(f"Event {ev['name']} is '{ev['status']}'; only draft events can be published.")
    if not ctx.select("ticket_tier", "event_id = ?", (event_id,)):
        raise ToolError(f"Event {ev['name']} has no ticket tiers; add one before publishing.")
    return ctx.update("event", event_id, {"status": "on_sale"})


@bp.action()
def add_ticket_tiers(
    ctx: ToolContext, event_id: str, tiers: Annotated[list[NewTier], Field(min_length=1, max_length=10)]
) -> TierList:
    """Add several ticket tiers to an {app} event at once; total tickets may not exceed the event capacity.

    Args:
        event_id: The event (not canceled or completed).
        tiers: The tiers to add.
    """
    ev = ctx.require("event", event_id)
    if ev["status"] in ("canceled", "completed"):
        raise ToolError(f"Event {ev['name']} is {ev['status']}; tiers cannot be added.")
    have = sum(t["quantity"] for t in ctx.select("ticket_tier", "event_id = ?", (event_id,)))
    want = sum(t["quantity"] for t in tiers)
    if have + want > ev["capacity"]:
        raise ToolError(
            f"Event capacity is {ev['capacity']}; existing tiers hold {have} and these {want} tickets."
        )
    made = [
        ctx.insert(
            "ticket_tier",
            {
                "event_id": event_id,
                "name": t["name"],
                "price": round(t["price"], 2),
                "quantity": t["quantity"],
            },
        )
        for t in tiers
    ]
    if ev["status"] == "sold_out":
        ctx.update("event", event_id, {"status": "on_sale"})
    return {"tiers": made}


@bp.action()
def place_order(
    ctx: ToolContext,
    ticket_tier_id: str,
    buyer_email: Annotated[str, Field(max_length=200)],
    holders: Annotated[list[HolderIn], Field(min_length=1, max_length=10)],
    promo_code: Annotated[str, Field(max_length=16)] | None = None,
) -> OrderResult:
    """Buy {app} tickets of one tier, one per named holder; checks sales status, stock, limits and promo code.

    Args:
        ticket_tier_id: The ticket tier to buy.
        buyer_email: Email of the buyer.
        holders: Name and email of each ticket holder.
        promo_code: Promo code to apply.
    """
    tier_id = ticket_tier_id
    tier = ctx.require("ticket_tier", tier_id)
    ev = ctx.require("event", tier["event_id"])
    if ev["status"] != "on_sale":
        raise ToolError(f"Event {ev['name']} is '{ev['status']}'; tickets are not on sale.")
    if tier["sales_end"] and tier["sales_end"] < ctx.today():
        raise ToolError(f"Sales of tier {tier['name']} ended on {tier['sales_end']}.")
    if "@" not in buyer_email:
        raise ToolError(f"buyer_email: '{buyer_email}' is not an email address.")
    n = len(holders)
    if n > tier["max_per_order"]:
        raise ToolError(f"Tier {tier['name']} allows at most {tier['max_per_order']} tickets per order.")
    left = tier["quantity"] - tier["sold"]
    if n > left:
        raise ToolError(f"Only {left} tickets left in tier {tier['name']}; asked for {n}.")
    total = tier["price"] * n
    promo = None
    if promo_code:
        found = ctx.select("promo_code", "event_id = ? AND code = ?", (ev["id"], promo_code.strip().upper()))
        if not found or not found[0]["active"]:
            raise ToolError(f"Promo code '{promo_code}' is not valid for {ev['name']}.")
        promo = found[0]
        if promo["uses"] >= promo["max_uses"]:
            raise ToolError(f"Promo code '{promo['code']}' has been used up ({promo['max_uses']} uses).")
        total *= (100 - promo["percent_off"]) / 100
    order = ctx.insert(
        "order",
        {
            "event_id": ev["id"],
            "buyer_email": buyer_email.strip().lower(),
            "lines": [{"tier_id": tier_id, "quantity": n, "unit_price": tier["price"]}],
            "promo_code": promo["code"] if promo else "",
            "total": round(total, 2),
            "created_at": ctx.now(),
        },
    )
    atts = [
        ctx.insert(
            "attendee",
            {
                "order_id": order["id"],
                "event_id": ev["id"],
                "tier_id": tier_id,
                "name": h["name"],
                "email": h["email"].strip().lower(),
                "ticket_code": _code(order["id"], i),
            },
        )
        for i, h in enumerate(holders)
    ]
    ctx.update("ticket_tier", tier_id, {"sold": tier["sold"] + n})
    if promo:
        ctx.update("promo_code", promo["id"], {"uses": promo["uses"] + 1})
    if all(t["sold"] >= t["quantity"] for t in ctx.select("ticket_tier", "event_id = ?", (ev["id"],))):
        ctx.update("event", ev["id"], {"status": "sold_out"})
    return {"order": order, "attendees": atts}


def _refund(ctx: ToolContext, order: dict) -> list[dict]:
    atts = ctx.select("attendee", "order_id = ?", (order["id"],))
    for line in order["lines"]:
        tier = ctx.get("ticket_tier", line["tier_id"])
        if tier:
            ctx.update("ticket_tier", tier["id"], {"sold": max(0, tier["sold"] - line["quantity"])})
    for a in atts:
        ctx.delete("attendee", a["id"])
    ctx.update("order", order["id"], {"status": "refunded"})
    return atts


@bp.action(destructive=True)
def refund_order(ctx: ToolContext, order_id: str) -> OrderResult:
    """Refund a paid {app} order, voiding its tickets and returning them to stock; refused once anyone checked
    in.

    Args:
        order_id: The order to refund.
    """
    order = ctx.require("order", order_id)
    if order["status"] == "refunded":
        raise ToolError(f"Order {order_id} was already refunded.")
    used = [a["name"] for a in ctx.select("attendee", "order_id = ? AND checked_in = 1", (order_id,))]
    if used:
        raise ToolError(f"Order {order_id} cannot be refunded: {', '.join(used)} already checked in.")
    atts = _refund(ctx, order)
    ev = ctx.require("event", order["event_id"])
    if ev["status"] == "sold_out":
        ctx.update("event", ev["id"], {"status": "on_sale"})
    return {"order": ctx.require("order", order_id), "attendees": atts}


@bp.action(destructive=True)
def cancel_event(ctx: ToolContext, event_id: str) -> Event:
    """Cancel an upcoming {app} event and refund every paid order; completed events cannot be canceled.

    Args:
        event_id: The event to cancel.
    """
    ev = ctx.require("event", event_id)
    if ev["status"] in ("canceled", "completed"):
        raise ToolError(f"Event {ev['name']} is already {ev['status']}.")
    for order in ctx.select("order", "event_id = ? AND status = 'paid'", (event_id,)):
        _refund(ctx, order)
    return ctx.update("event", event_id, {"status": "canceled"})


@bp.action()
def check_in_attendee(ctx: ToolContext, attendee_id: str) -> Attendee:
    """Check an {app} ticket holder in at the door; each ticket works once and only for a live event.

    Args:
        attendee_id: The attendee (ticket) to check in.
    """
    att = ctx.require("attendee", attendee_id)
    ev = ctx.require("event", att["event_id"])
    if ev["status"] in ("canceled", "draft"):
        raise ToolError(f"Event {ev['name']} is {ev['status']}; nobody can check in.")
    if att["checked_in"]:
        raise ToolError(
            f"Ticket {att['ticket_code']} ({att['name']}) was already checked in at {att['checked_in_at']}."
        )
    return ctx.update("attendee", attendee_id, {"checked_in": True, "checked_in_at": ctx.now()})


@bp.action()
def undo_check_in(ctx: ToolContext, attendee_id: str) -> Attendee:
    """Reverse an accidental {app} check-in so that the ticket can be scanned again; returns the attendee.

    Args:
        attendee_id: The attendee whose check-in to undo.
    """
    att = ctx.require("attendee", attendee_id)
    if not att["checked_in"]:
        raise ToolError(f"{att['name']} has not checked in.")
    return ctx.update("attendee", attendee_id, {"checked_in": False, "checked_in_at": ""})


@bp.action()
def transfer_ticket(
    ctx: ToolContext,
    attendee_id: str,
    name: Annotated[str, Field(min_length=1, max_length=120)],
    email: Annotated[str, Field(max_length=200)],
) -> Attendee:
    """Transfer an unused {app} ticket to someone else; a new ticket code is issued. Returns the attendee.

    Args:
        attendee_id: The ticket to transfer.
        name: New holder's name.
        email: New holder's email.
    """
    att = ctx.require("attendee", attendee_id)
    if att["checked_in"]:
        raise ToolError(f"Ticket {att['ticket_code']} was already used and cannot be transferred.")
    if "@" not in email:
        raise ToolError(f"email: '{email}' is not an email address.")
    if email.strip().lower() == att["email"]:
        raise ToolError(f"The ticket already belongs to {email}.")
    return ctx.update(
        "attendee",
        attendee_id,
        {
            "name": name.strip(),
            "email": email.strip().lower(),
            "ticket_code": _code(att["id"], email.strip().lower()),
        },
    )


@bp.action(idempotent=True)
def deactivate_promo_code(ctx: ToolContext, promo_code_id: str) -> PromoCode:
    """Turn off an {app} promo code so that it can no longer be applied; an inactive code stays as is.

    Args:
        promo_code_id: The promo code.
    """
    promo = ctx.require("promo_code", promo_code_id)
    if not promo["active"]:
        return promo
    return ctx.update("promo_code", promo_code_id, {"active": False})


@bp.action(read_only=True)
def get_event_sales(ctx: ToolContext, event_id: str) -> EventSales:
    """Report {app} ticket sales of an event: sold, remaining and revenue per tier, plus check-ins.

    Args:
        event_id: The event.
    """
    ctx.require("event", event_id)
    revenue: dict[str, float] = {}
    for o in ctx.select("order", "event_id = ? AND status = 'paid'", (event_id,)):
        gross = sum(x["quantity"] * x["unit_price"] for x in o["lines"]) or 1
        for x in o["lines"]:
            revenue[x["tier_id"]] = (
                revenue.get(x["tier_id"], 0) + o["total"] * x["quantity"] * x["unit_price"] / gross
            )
    tiers = [
        {
            "tier_id": t["id"],
            "name": t["name"],
            "sold": t["sold"],
            "remaining": t["quantity"] - t["sold"],
            "revenue": round(revenue.get(t["id"], 0.0), 2),
        }
        for t in ctx.select("ticket_tier", "event_id = ?", (event_id,), order_by="price")
    ]
    checked = ctx.world.count(ctx.table("attendee"), "event_id = ? AND checked_in = 1", (event_id,))
    return {
        "event_id": event_id,
        "tiers": tiers,
        "tickets_sold": sum(t["sold"] for t in tiers),
        "revenue": round(sum(t["revenue"] for t in tiers), 2),
        "checked_in": checked,
    }


@bp.action(read_only=True)
def find_cheapest_tickets(ctx: ToolContext, event_id: str) -> TierList:
    """List the {app} tiers of an event that still have tickets on sale today, cheapest first.

    Args:
        event_id: The event.
    """
    ev = ctx.require("event", event_id)
    if ev["status"] != "on_sale":
        raise ToolError(f"Event {ev['name']} is '{ev['status']}'; nothing is on sale.")
    today = ctx.today()
    tiers = [
        t
        for t in ctx.select("ticket_tier", "event_id = ?", (event_id,), order_by="price, name")
        if t["sold"] < t["quantity"] and (not t["sales_end"] or t["sales_end"] >= today)
    ]
    return {"tiers": tiers}


@bp.action(read_only=True)
def list_upcoming_events(
    ctx: ToolContext,
    days_ahead: Annotated[int, Field(ge=1, le=365)] = 30,
    city: Annotated[str, Field(max_length=80)] | None = None,
) -> EventList:
    """List {app} events starting within the next days that are on sale or sold out, soonest first.

    Args:
        days_ahead: How many days ahead to look.
        city: Only events in this city.
    """
    from datetime import datetime, timedelta

    now = ctx.now()
    until = (datetime.fromisoformat(now.replace("Z", "+00:00")) + timedelta(days=days_ahead)).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    rows = ctx.select(
        "event",
        "starts_at >= ? AND starts_at <= ? AND status IN ('on_sale','sold_out')",
        (now, until),
        order_by="starts_at",
    )
    if city:
        rows = [r for r in rows if r["city"].lower() == city.strip().lower()]
    return {"events": rows}


_EVENTS = (
    ("Neon Harbor Live", "concert"),
    ("DataConf 2026", "conference"),
    ("Sourdough Basics", "workshop"),
    ("City Derby Final", "sports"),
    ("Hamlet Reimagined", "theatre"),
    ("Rust Meetup #42", "meetup"),
    ("Indie Folk Night", "concert"),
    ("Product Leaders Summit", "conference"),
    ("Watercolor for Beginners", "workshop"),
    ("Jazz at the Pier", "concert"),
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    buyers = [s.user] + list(s.people[:16])
    for k, (name, cat) in enumerate(_EVENTS):
        status = (
            "on_sale",
            "on_sale",
            "on_sale",
            "draft",
            "draft",
            "completed",
            "on_sale",
            "draft",
            "sold_out",
            "on_sale",
        )[k]
        days = -10 if status == "completed" else rng.randint(3, 60)
        cap = rng.choice((600, 1000, 2000))
        ev = ctx.insert(
            "event",
            {
                "name": name,
                "venue": f"{s.fake.last_name()} {rng.choice(('Hall', 'Arena', 'Center', 'Loft', 'Theatre'))}",
                "city": rng.choice(("Austin", "Chicago", "Denver", "Seattle")),
                "starts_at": s.at(days=days, hours=10),
                "category": cat,
                "capacity": cap,
                "organizer_email": rng.choice(buyers).email,
                "description": s.fake.sentence(nb_words=16),
                "status": status,
            },
        )
        if status == "draft" and k == 7:
            continue  # a draft without tiers
        tiers = []
        for t_name, price, share in (
            ("General admission", rng.choice((25.0, 40.0, 55.0)), 0.3),
            ("VIP", 120.0, 0.1),
            ("Early bird", 18.0, 0.1),
        ):
            qty = int(cap * share)
            tiers.append(
                ctx.insert(
                    "ticket_tier",
                    {
                        "event_id": ev["id"],
                        "name": t_name,
                        "price": price,
                        "quantity": qty,
                        "max_per_order": 4 if t_name == "VIP" else 10,
                        "sales_end": s.date(-5) if t_name == "Early bird" else "",
                    },
                )
            )
        ctx.insert(
            "promo_code",
            {
                "event_id": ev["id"],
                "code": f"SAVE{10 + k}",
                "percent_off": rng.choice((10, 15, 20)),
                "max_uses": 50,
                "active": True,
            },
        )
        if status in ("draft",):
            continue
        for _ in range(rng.randint(2, 5)):
            tier = rng.choice(tiers)
            n = rng.randint(1, 3)
            if status == "sold_out":
                n = 0
            buyer = rng.choice(buyers)
            n = min(n, tier["quantity"] - tier["sold"])
            if n <= 0:
                continue
            order = ctx.insert(
                "order",
                {
                    "event_id": ev["id"],
                    "buyer_email": buyer.email,
                    "lines": [{"tier_id": tier["id"], "quantity": n, "unit_price": tier["price"]}],
                    "total": round(tier["price"] * n, 2),
                    "created_at": s.at(days=-rng.randint(1, 30)),
                },
            )
            for i in range(n):
                holder = buyer if i == 0 else rng.choice(buyers)
                done = status == "completed" or (k == 0 and rng.random() < 0.6)
                ctx.insert(
                    "attendee",
                    {
                        "order_id": order["id"],
                        "event_id": ev["id"],
                        "tier_id": tier["id"],
                        "name": holder.name,
                        "email": holder.email,
                        "ticket_code": _code(order["id"], i),
                        "checked_in": done,
                        "checked_in_at": s.at(days=-10, hours=11) if done else "",
                    },
                )
            tier["sold"] += n
            ctx.update("ticket_tier", tier["id"], {"sold": tier["sold"]})
        if status == "sold_out":
            for t in tiers:
                ctx.update("ticket_tier", t["id"], {"sold": t["quantity"]})


bp.product("admitly", "Admitly", "Sell tickets, manage attendees and run door check-in.")
bp.product(
    "stubwise",
    "Stubwise",
    "Event ticketing with tiers, promo codes and live sales stats.",
    style="camel",
    pagination="cursor",
    drop=("undo_check_in", "search_promo_codes"),
)
bp.product(
    "tixora",
    "Tixora",
    "Box office for concerts, theatre and conferences.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=("delete_ticket_tier", "transfer_ticket"),
)
bp.product(
    "turnstyl",
    "Turnstyl",
    "Door check-in and guest lists for event staff.",
    prefix="turnstyl",
    drop=(
        "add_ticket_tiers",
        "create_ticket_tier",
        "update_ticket_tier",
        "delete_ticket_tier",
        "create_promo_code",
        "update_promo_code",
        "delete_promo_code",
        "search_promo_codes",
        "deactivate_promo_code",
        "delete_event",
    ),
)
bp.product(
    "doorlist",
    "Doorlist",
    "Ticket sales and attendee management for organizers.",
    verbs={"list": "browse", "create": "add"},
    pagination="page",
    drop=("cancel_event",),
)
