"""Real estate listings: properties, listings, viewings and offers (five products)."""

from __future__ import annotations

from datetime import date as _date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days, valid_day
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("real estate")

DATE = r"^\d{4}-\d{2}-\d{2}$"
TIME = r"^([01]\d|2[0-3]):[0-5]\d$"
PropertyType = Literal["house", "condo", "townhouse", "apartment", "land"]
ListingStatus = Literal["draft", "active", "pending", "sold", "withdrawn"]
OfferStatus = Literal["submitted", "countered", "accepted", "rejected", "withdrawn"]
Contingency = Literal["inspection", "financing", "appraisal", "sale_of_home"]


class Property(BaseModel):
    id: str = Field(description="Property id.")
    address: str = Field(description="Street address.", min_length=3, max_length=200)
    city: str = Field(description="City.", min_length=1, max_length=80)
    postal_code: str = Field("", description="5-digit ZIP code.", pattern=r"^(\d{5})?$")
    property_type: PropertyType = Field("house", description="Kind of property.")
    bedrooms: int = Field(0, description="Bedrooms.", ge=0, le=20)
    bathrooms: float = Field(1, description="Bathrooms (half baths count 0.5).", ge=0, le=20)
    square_feet: int = Field(0, description="Living area in square feet.", ge=0, le=50000)
    year_built: int = Field(2000, description="Year of construction.", ge=1700, le=2030)
    owner_email: str = Field("", description="Email of the owner.", max_length=200)


class Listing(BaseModel):
    id: str = Field(description="Listing id.")
    property_id: str = Field(description="Property listed.")
    listing_type: Literal["sale", "rent"] = Field("sale", description="For sale or for rent.")
    list_price: float = Field(
        description="Asking price in USD (monthly rent for rentals).", gt=0, le=100_000_000
    )
    agent_email: str = Field("", description="Email of the listing agent.", max_length=200)
    headline: str = Field("", description="Listing headline.", max_length=150)
    description: str = Field("", description="Marketing description.", max_length=5000)
    status: ListingStatus = Field("draft", description="Listing state.")
    listed_on: str = Field("", description="Day it went active (YYYY-MM-DD); empty while draft.")
    sold_price: float = Field(0, description="Final price once sold; 0 before.")


class Viewing(BaseModel):
    id: str = Field(description="Viewing id.")
    listing_id: str = Field(description="Listing to be viewed.")
    visitor_name: str = Field(description="Visitor name.")
    visitor_email: str = Field("", description="Visitor email.")
    date: str = Field(description="Day of the viewing (YYYY-MM-DD).")
    time: str = Field(description="Start time (HH:MM).")
    status: Literal["requested", "confirmed", "completed", "cancelled"] = Field(
        "requested", description="Viewing state."
    )
    feedback: str = Field("", description="Visitor feedback after the viewing.")


class Offer(BaseModel):
    id: str = Field(description="Offer id.")
    listing_id: str = Field(description="Listing the offer is for.")
    buyer_name: str = Field(description="Buyer name.")
    buyer_email: str = Field(description="Buyer email.")
    amount: float = Field(description="Offered price in USD.")
    contingencies: list[Contingency] = Field(default_factory=list, description="Contingencies attached.")
    expires_on: str = Field("", description="Last day the offer stands (YYYY-MM-DD).")
    status: OfferStatus = Field("submitted", description="Offer state.")
    counter_amount: float = Field(0, description="Seller's counter price; 0 when not countered.")
    created_at: str = Field("", description="When the offer was made (ISO-8601).")


bp.resource(
    Property,
    name="property",
    plural="properties",
    id_prefix="prop",
    searchable=("address", "city"),
    filterable=("city", "property_type", "bedrooms"),
    order_by="city, address",
)
bp.resource(
    Listing,
    name="listing",
    id_prefix="lst",
    searchable=("headline", "description"),
    filterable=("property_id", "status", "listing_type", "agent_email"),
    refs={"property_id": "property"},
    readonly=("status", "listed_on", "sold_price"),
    order_by="listed_on DESC",
)
bp.resource(
    Viewing,
    name="viewing",
    id_prefix="vw",
    filterable=("listing_id", "status", "date"),
    refs={"listing_id": "listing"},
    ops=("list", "get", "delete"),
    order_by="date, time",
)
bp.resource(
    Offer,
    name="offer",
    id_prefix="off",
    filterable=("listing_id", "status", "buyer_email"),
    refs={"listing_id": "listing"},
    ops=("list", "get"),
    order_by="created_at DESC",
)


class Visitor(BaseModel):
    name: str = Field(description="Visitor name.", min_length=1, max_length=120)
    email: str = Field("", description="Visitor email.", max_length=200)


class Criteria(BaseModel):
    city: str | None = Field(None, description="City to search in.", max_length=80)
    property_type: PropertyType | None = Field(None, description="Kind of property.")
    min_bedrooms: int = Field(0, description="Minimum bedrooms.", ge=0, le=20)
    max_price: float | None = Field(None, description="Highest asking price (USD).", gt=0)
    listing_type: Literal["sale", "rent"] = Field("sale", description="For sale or for rent.")


class ListingList(BaseModel):
    listings: list[Listing] = Field(description="The listings.")


class ListingComparison(BaseModel):
    listing_id: str = Field(description="The listing.")
    address: str = Field(description="Property address.")
    list_price: float = Field(description="Asking price (USD).")
    bedrooms: int = Field(description="Bedrooms.")
    square_feet: int = Field(description="Living area.")
    price_per_sqft: float = Field(description="Asking price per square foot; 0 when area unknown.")


class Comparison(BaseModel):
    rows: list[ListingComparison] = Field(description="One row per listing, cheapest per square foot first.")


class ListingActivity(BaseModel):
    listing_id: str = Field(description="The listing.")
    days_on_market: int = Field(description="Days since it went active; 0 when never active.")
    viewings: int = Field(description="Viewings not cancelled.")
    open_offers: int = Field(description="Offers submitted or countered.")
    highest_offer: float = Field(description="Highest offer amount received; 0 when none.")


@bp.action()
def publish_listing(ctx: ToolContext, listing_id: str) -> Listing:
    """Take a draft {app} listing live; refused when the property already has another live listing.

    Args:
        listing_id: The draft listing to publish.
    """
    lst = ctx.require("listing", listing_id)
    if lst["status"] != "draft":
        raise ToolError(f"Listing {listing_id} is '{lst['status']}'; only drafts can be published.")
    live = [
        x
        for x in ctx.select(
            "listing", "property_id = ? AND status IN ('active','pending')", (lst["property_id"],)
        )
    ]
    if live:
        raise ToolError(f"The property already has live listing {live[0]['id']}; withdraw it first.")
    return ctx.update("listing", listing_id, {"status": "active", "listed_on": ctx.today()})


@bp.action(destructive=True)
def withdraw_listing(ctx: ToolContext, listing_id: str) -> Listing:
    """Take an active or pending {app} listing off the market; its open offers are rejected.

    Args:
        listing_id: The listing to withdraw.
    """
    lst = ctx.require("listing", listing_id)
    if lst["status"] not in ("active", "pending"):
        raise ToolError(f"Listing {listing_id} is '{lst['status']}' and cannot be withdrawn.")
    for o in ctx.select(
        "offer", "listing_id = ? AND status IN ('submitted','countered','accepted')", (listing_id,)
    ):
        ctx.update("offer", o["id"], {"status": "rejected"})
    return ctx.update("listing", listing_id, {"status": "withdrawn"})


@bp.action()
def change_list_price(
    ctx: ToolContext, listing_id: str, new_price: Annotated[float, Field(gt=0, le=100_000_000)]
) -> Listing:
    """Change the asking price of an {app} draft or active listing; pending or closed listings keep theirs.

    Args:
        listing_id: The listing.
        new_price: New asking price in USD.
    """
    lst = ctx.require("listing", listing_id)
    if lst["status"] not in ("draft", "active"):
        raise ToolError(f"Listing {listing_id} is '{lst['status']}'; its price can no longer change.")
    if round(new_price, 2) == lst["list_price"]:
        raise ToolError(f"Listing {listing_id} is already priced at {new_price:,.2f} USD.")
    return ctx.update("listing", listing_id, {"list_price": round(new_price, 2)})


@bp.action()
def schedule_viewing(
    ctx: ToolContext,
    listing_id: str,
    visitor: Visitor,
    time: Annotated[str, Field(pattern=TIME)],
    date: Annotated[str | None, Field(pattern=DATE)] = None,
) -> Viewing:
    """Book a viewing of an active {app} listing; viewings of one listing must be an hour apart.

    Args:
        listing_id: The listing to view.
        visitor: Who is coming.
        time: Start time (HH:MM), between 08:00 and 20:00.
        date: Day (YYYY-MM-DD); defaults to tomorrow.
    """
    lst = ctx.require("listing", listing_id)
    if lst["status"] != "active":
        raise ToolError(f"Listing {listing_id} is '{lst['status']}'; only active listings can be viewed.")
    day = valid_day(date, plus_days(ctx.today(), 1))
    if day < ctx.today():
        raise ToolError(f"date: {day} is in the past.")
    if not "08:00" <= time <= "20:00":
        raise ToolError("time: viewings run between 08:00 and 20:00.")
    mins = int(time[:2]) * 60 + int(time[3:])
    for v in ctx.select(
        "viewing", "listing_id = ? AND date = ? AND status IN ('requested','confirmed')", (listing_id, day)
    ):
        if abs(int(v["time"][:2]) * 60 + int(v["time"][3:]) - mins) < 60:
            raise ToolError(f"Another viewing of this listing is booked at {v['time']} on {day}.")
    return ctx.insert(
        "viewing",
        {
            "listing_id": listing_id,
            "visitor_name": visitor["name"],
            "visitor_email": visitor.get("email", ""),
            "date": day,
            "time": time,
        },
    )


@bp.action()
def confirm_viewing(ctx: ToolContext, viewing_id: str) -> Viewing:
    """Confirm a requested {app} viewing with the visitor.

    Args:
        viewing_id: The requested viewing.
    """
    v = ctx.require("viewing", viewing_id)
    if v["status"] != "requested":
        raise ToolError(f"Viewing {viewing_id} is '{v['status']}'; only requested viewings can be confirmed.")
    return ctx.update("viewing", viewing_id, {"status": "confirmed"})


@bp.action()
def complete_viewing(
    ctx: ToolContext, viewing_id: str, feedback: Annotated[str, Field(max_length=1000)] = ""
) -> Viewing:
    """Record that a confirmed {app} viewing took place, with the visitor's feedback.

    Args:
        viewing_id: The confirmed viewing.
        feedback: What the visitor thought.
    """
    v = ctx.require("viewing", viewing_id)
    if v["status"] != "confirmed":
        raise ToolError(f"Viewing {viewing_id} is '{v['status']}'; only confirmed viewings can be completed.")
    if v["date"] > ctx.today():
        raise ToolError(f"Viewing {viewing_id} is on {v['date']}, which has not happened yet.")
    return ctx.update("viewing", viewing_id, {"status": "completed", "feedback": feedback})


@bp.action()
def cancel_viewing(ctx: ToolContext, viewing_id: str) -> Viewing:
    """Cancel a requested or confirmed {app} viewing.

    Args:
        viewing_id: The viewing to cancel.
    """
    v = ctx.require("viewing", viewing_id)
    if v["status"] not in ("requested", "confirmed"):
        raise ToolError(f"Viewing {viewing_id} is '{v['status']}' and cannot be cancelled.")
    return ctx.update("viewing", viewing_id, {"status": "cancelled"})


@bp.action()
def submit_offer(
    ctx: ToolContext,
    listing_id: str,
    amount: Annotated[float, Field(gt=0, le=100_000_000)],
    contingencies: Annotated[list[Contingency], Field(max_length=4)] = [],  # noqa: B006
    valid_days: Annotated[int, Field(ge=1, le=30)] = 3,
) -> Offer:
    """Submit a purchase offer on an active {app} sale listing for the current user; at least half the asking
    price.

    Args:
        listing_id: The listing.
        amount: Offered price in USD.
        contingencies: Conditions attached to the offer.
        valid_days: Days the offer stands.
    """
    lst = ctx.require("listing", listing_id)
    if lst["status"] != "active" or lst["listing_type"] != "sale":
        raise ToolError(f"Listing {listing_id} is not an active sale listing.")
    if amount < lst["list_price"] / 2:
        raise ToolError(
            f"amount: {amount:,.2f} USD is below half the asking price ({lst['list_price']:,.2f} USD)."
        )
    me = ctx.user
    mine = ctx.select(
        "offer",
        "listing_id = ? AND buyer_email = ? AND status IN ('submitted','countered')",
        (listing_id, me.email),
    )
    if mine:
        raise ToolError(f"You already have open offer {mine[0]['id']} on this listing; withdraw it first.")
    return ctx.insert(
        "offer",
        {
            "listing_id": listing_id,
            "buyer_name": me.name,
            "buyer_email": me.email,
            "amount": round(amount, 2),
            "contingencies": sorted(set(contingencies)),
            "expires_on": plus_days(ctx.today(), valid_days),
            "created_at": ctx.now(),
        },
    )


def _open_offer(ctx: ToolContext, offer_id: str) -> tuple[dict, dict]:
    o = ctx.require("offer", offer_id)
    if o["status"] not in ("submitted", "countered"):
        raise ToolError(f"Offer {offer_id} is '{o['status']}' and no longer open.")
    if o["expires_on"] and o["expires_on"] < ctx.today():
        raise ToolError(f"Offer {offer_id} expired on {o['expires_on']}.")
    return o, ctx.require("listing", o["listing_id"])


@bp.action()
def counter_offer(
    ctx: ToolContext,
    offer_id: str,
    counter_amount: Annotated[float | None, Field(gt=0, le=100_000_000)] = None,
) -> Offer:
    """Counter an open {app} offer with a higher price, no more than the asking price.

    Args:
        offer_id: The offer to counter.
        counter_amount: Seller's counter price in USD; omit to split the difference with the asking price.
    """
    o, lst = _open_offer(ctx, offer_id)
    if counter_amount is None:
        counter_amount = round((o["amount"] + lst["list_price"]) / 2, 2)
    if not o["amount"] < counter_amount <= lst["list_price"]:
        raise ToolError(
            f"counter_amount: must be above the offer ({o['amount']:,.2f}) and at most the asking price "
            f"({lst['list_price']:,.2f})."
        )
    return ctx.update("offer", offer_id, {"status": "countered", "counter_amount": round(counter_amount, 2)})


@bp.action()
def accept_offer(ctx: ToolContext, offer_id: str) -> Offer:
    """Accept an open {app} offer: the listing goes pending and every other open offer on it is rejected.

    Args:
        offer_id: The offer to accept.
    """
    o, lst = _open_offer(ctx, offer_id)
    if lst["status"] != "active":
        raise ToolError(
            f"Listing {lst['id']} is '{lst['status']}'; offers can only be accepted on active listings."
        )
    for other in ctx.select(
        "offer", "listing_id = ? AND status IN ('submitted','countered') AND id != ?", (lst["id"], offer_id)
    ):
        ctx.update("offer", other["id"], {"status": "rejected"})
    ctx.update("listing", lst["id"], {"status": "pending"})
    return ctx.update("offer", offer_id, {"status": "accepted"})


@bp.action()
def reject_offer(ctx: ToolContext, offer_id: str) -> Offer:
    """Reject an open {app} offer.

    Args:
        offer_id: The offer to reject.
    """
    o = ctx.require("offer", offer_id)
    if o["status"] not in ("submitted", "countered"):
        raise ToolError(f"Offer {offer_id} is '{o['status']}' and no longer open.")
    return ctx.update("offer", offer_id, {"status": "rejected"})


@bp.action(destructive=True)
def close_sale(ctx: ToolContext, listing_id: str) -> Listing:
    """Close the sale of a pending {app} listing at its accepted offer's price; the listing becomes sold.

    Args:
        listing_id: The pending listing.
    """
    lst = ctx.require("listing", listing_id)
    if lst["status"] != "pending":
        raise ToolError(f"Listing {listing_id} is '{lst['status']}'; only pending listings can close.")
    acc = ctx.select("offer", "listing_id = ? AND status = 'accepted'", (listing_id,))
    if not acc:
        raise ToolError(f"Listing {listing_id} has no accepted offer.")
    price = acc[0]["counter_amount"] or acc[0]["amount"]
    return ctx.update("listing", listing_id, {"status": "sold", "sold_price": price})


@bp.action(read_only=True)
def find_matching_listings(ctx: ToolContext, criteria: Criteria) -> ListingList:
    """Find active {app} listings matching a buyer's criteria (city, type, bedrooms, budget), cheapest first.

    Args:
        criteria: What the buyer is looking for.
    """
    props = {p["id"]: p for p in ctx.select("property")}
    out = []
    for lst in ctx.select(
        "listing",
        "status = 'active' AND listing_type = ?",
        (criteria.get("listing_type", "sale"),),
        order_by="list_price, id",
    ):
        p = props.get(lst["property_id"])
        if p is None:
            continue
        if criteria.get("city") and p["city"].lower() != criteria["city"].strip().lower():
            continue
        if criteria.get("property_type") and p["property_type"] != criteria["property_type"]:
            continue
        if p["bedrooms"] < criteria.get("min_bedrooms", 0):
            continue
        if criteria.get("max_price") is not None and lst["list_price"] > criteria["max_price"]:
            continue
        out.append(lst)
    return {"listings": out}


@bp.action(read_only=True)
def compare_listings(
    ctx: ToolContext, listing_ids: Annotated[list[str], Field(min_length=1, max_length=10)]
) -> Comparison:
    """Compare {app} listings side by side: price, bedrooms, area and price per square foot.

    Args:
        listing_ids: The listings to compare.
    """
    rows = []
    for lid in dict.fromkeys(listing_ids):
        lst = ctx.require("listing", lid)
        p = ctx.require("property", lst["property_id"])
        ppsf = round(lst["list_price"] / p["square_feet"], 2) if p["square_feet"] else 0.0
        rows.append(
            {
                "listing_id": lid,
                "address": p["address"],
                "list_price": lst["list_price"],
                "bedrooms": p["bedrooms"],
                "square_feet": p["square_feet"],
                "price_per_sqft": ppsf,
            }
        )
    rows.sort(key=lambda r: (r["price_per_sqft"] or float("inf"), r["listing_id"]))
    return {"rows": rows}


@bp.action(read_only=True)
def get_listing_activity(ctx: ToolContext, listing_id: str) -> ListingActivity:
    """Summarize interest in an {app} listing: days on market, viewings, open offers and the highest offer.

    Args:
        listing_id: The listing.
    """
    lst = ctx.require("listing", listing_id)
    days = (
        (_date.fromisoformat(ctx.today()) - _date.fromisoformat(lst["listed_on"])).days
        if lst["listed_on"]
        else 0
    )
    offers = ctx.select("offer", "listing_id = ?", (listing_id,))
    return {
        "listing_id": listing_id,
        "days_on_market": max(days, 0),
        "viewings": ctx.world.count(
            ctx.table("viewing"), "listing_id = ? AND status != 'cancelled'", (listing_id,)
        ),
        "open_offers": sum(1 for o in offers if o["status"] in ("submitted", "countered")),
        "highest_offer": max([o["amount"] for o in offers] or [0.0]),
    }


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    agents = [p.email for p in s.people[:5]]
    buyers = list(s.people[5:30])
    cities = [p.city for p in rng.sample(s.cast.places, 5)]  # the world's shared cities
    props, listings = [], []
    for n in range(30):
        ptype = ("house", "condo", "townhouse", "apartment", "house", "land")[n % 6]
        beds = 0 if ptype == "land" else rng.randint(1, 5)
        props.append(
            ctx.insert(
                "property",
                {
                    "address": s.fake.street_address(),
                    "city": cities[n % 5],
                    "postal_code": s.fake.numerify("#####"),
                    "property_type": ptype,
                    "bedrooms": beds,
                    "bathrooms": 0 if ptype == "land" else rng.choice((1, 1.5, 2, 2.5, 3)),
                    "square_feet": 0 if ptype == "land" else 400 + 350 * beds + rng.randint(0, 600),
                    "year_built": rng.randint(1925, 2024),
                    "owner_email": rng.choice(s.people[30:]).email,
                },
            )
        )
    statuses = (
        "active",
        "draft",
        "active",
        "pending",
        "active",
        "sold",
        "active",
        "withdrawn",
        "active",
        "draft",
        "active",
        "active",
    )
    for n, p in enumerate(props[:28]):
        status = statuses[n] if n < len(statuses) else rng.choice(("active", "active", "sold", "draft"))
        rent = n % 7 == 6
        base = (
            p["square_feet"] * rng.choice((180, 240, 320, 410))
            if p["square_feet"]
            else rng.choice((90000, 150000))
        )
        price = round(base / 150, -1) if rent else round(base, -3)
        listed = s.date(-rng.randint(5, 120)) if status != "draft" else ""
        listings.append(
            ctx.insert(
                "listing",
                {
                    "property_id": p["id"],
                    "listing_type": "rent" if rent else "sale",
                    "list_price": price,
                    "agent_email": rng.choice(agents),
                    "headline": f"{p['bedrooms']}-bed {p['property_type']} in {p['city']}",
                    "description": s.fake.paragraph(nb_sentences=3),
                    "status": status,
                    "listed_on": listed,
                    "sold_price": round(price * rng.uniform(0.95, 1.03), -3) if status == "sold" else 0,
                },
            )
        )
    sale_active = [lst for lst in listings if lst["status"] == "active" and lst["listing_type"] == "sale"]
    for k in range(30):
        lst = sale_active[k % len(sale_active)]
        b = buyers[k % len(buyers)]
        status = ("submitted", "countered", "submitted", "rejected", "submitted", "withdrawn")[k % 6]
        amount = round(lst["list_price"] * rng.uniform(0.88, 0.99), -3)
        ctx.insert(
            "offer",
            {
                "listing_id": lst["id"],
                "buyer_name": b.name,
                "buyer_email": b.email,
                "amount": amount,
                "contingencies": sorted(
                    rng.sample(("inspection", "financing", "appraisal", "sale_of_home"), k=rng.randint(0, 2))
                ),
                "expires_on": s.date(rng.randint(2, 10)),
                "status": status,
                "counter_amount": round((amount + lst["list_price"]) / 2, -3) if status == "countered" else 0,
                "created_at": s.at(days=-rng.randint(1, 6)),
            },
        )
    for lst in listings:
        if lst["status"] == "pending":
            b = buyers[-1]
            ctx.insert(
                "offer",
                {
                    "listing_id": lst["id"],
                    "buyer_name": b.name,
                    "buyer_email": b.email,
                    "amount": round(lst["list_price"] * 0.97, -3),
                    "contingencies": ["inspection"],
                    "expires_on": s.date(5),
                    "status": "accepted",
                    "created_at": s.at(days=-3),
                },
            )
    for k in range(36):
        lst = sale_active[k % len(sale_active)]
        b = buyers[(k * 3) % len(buyers)]
        past = k % 3 == 2
        status = (
            ("requested", "confirmed", "completed")[k % 3]
            if k < 24
            else rng.choice(("completed", "cancelled"))
        )
        day = (
            s.date(-rng.randint(1, 10))
            if status == "completed" or past
            else s.date(0)
            if status == "confirmed" and k % 2
            else s.date(rng.randint(1, 10))
        )
        ctx.insert(
            "viewing",
            {
                "listing_id": lst["id"],
                "visitor_name": b.name,
                "visitor_email": b.email,
                "date": day,
                "time": f"{9 + k % 9:02d}:{('00', '30')[k % 2]}",
                "status": status,
                "feedback": rng.choice(("Loved the kitchen.", "Too small.", "Noisy street.", "Great light."))
                if status == "completed"
                else "",
            },
        )


bp.product("hearthlist", "HearthList", "Listing management for real estate agents.")
bp.product(
    "doorwaydesk",
    "DoorwayDesk",
    "Brokerage back office: listings, showings and offers.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("delete_viewing", "search_listings"),
)
bp.product(
    "keystonia",
    "Keystonia",
    "Find homes, book viewings and make offers.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("delete_property", "create_property", "change_list_price"),
)
bp.product(
    "nestquarry",
    "NestQuarry",
    "Home search and offer tracking for buyers.",
    prefix="nestq",
    drop=(
        "create_listing",
        "update_listing",
        "delete_listing",
        "create_property",
        "update_property",
        "delete_property",
        "publish_listing",
        "withdraw_listing",
        "change_list_price",
        "close_sale",
    ),
)
bp.product(
    "gableworks",
    "Gableworks",
    "Property listings and deal flow for small brokerages.",
    verbs={"create": "add"},
    drop=("compare_listings",),
)
