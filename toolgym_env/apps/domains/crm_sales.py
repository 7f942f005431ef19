"""CRM and sales: companies, contacts, a deal pipeline with line items, and sales activities (five
products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("CRM")

Industry = Literal[
    "software", "finance", "healthcare", "retail", "manufacturing", "education", "media", "other"
]
Lifecycle = Literal["subscriber", "lead", "mql", "sql", "customer", "churned"]
Stage = Literal["qualification", "discovery", "proposal", "negotiation", "closed_won", "closed_lost"]
Currency = Literal["USD", "EUR", "GBP"]
LostReason = Literal["price", "competitor", "no_budget", "timing", "no_response", "other"]
ActivityKind = Literal["call", "email", "meeting", "note", "task"]
DATE = r"^\d{4}-\d{2}-\d{2}$"


class Company(BaseModel):
    id: str = Field(description="Company id.")
    name: str = Field(description="Company name.", min_length=1, max_length=120)
    website: str = Field("", description="Company website domain, e.g. 'acme.com'.", max_length=200)
    industry: Industry = Field("other", description="Industry.")
    size: Literal["1-10", "11-50", "51-200", "201-1000", "1000+"] = Field(
        "11-50", description="Employee count band."
    )
    city: str = Field("", description="Headquarters city.", max_length=100)
    owner_email: str = Field("", description="Email of the account owner (sales rep).", max_length=200)
    annual_revenue: float = Field(0.0, ge=0, le=1e12, description="Estimated annual revenue in USD.")
    created_at: str = Field("", description="When the company was added (ISO-8601).")


class Contact(BaseModel):
    id: str = Field(description="Contact id.")
    company_id: str = Field(description="Company the contact works at.")
    first_name: str = Field(description="First name.", min_length=1, max_length=80)
    last_name: str = Field("", description="Last name.", max_length=80)
    email: str = Field(description="Email address.", max_length=200)
    phone: str = Field("", description="Phone number.", max_length=40)
    job_title: str = Field("", description="Job title.", max_length=120)
    lifecycle_stage: Lifecycle = Field("lead", description="Marketing/sales lifecycle stage.")
    owner_email: str = Field("", description="Email of the sales rep who owns the contact.", max_length=200)
    do_not_contact: bool = Field(False, description="True when the contact opted out of calls and emails.")
    created_at: str = Field("", description="When the contact was added (ISO-8601).")


class LineItem(BaseModel):
    product: str = Field(description="Product or service name.", min_length=1, max_length=120)
    quantity: int = Field(1, ge=1, le=10000, description="Number of units.")
    unit_price: float = Field(ge=0, le=1e7, description="Price per unit in the deal currency.")
    discount_pct: float = Field(0.0, ge=0, le=100, description="Discount in percent.")


class Deal(BaseModel):
    id: str = Field(description="Deal id.")
    company_id: str = Field(description="Company the deal is with.")
    contact_id: str = Field("", description="Primary contact of the deal; empty when none.")
    name: str = Field(description="Deal name.", min_length=1, max_length=160)
    amount: float = Field(0.0, ge=0, le=1e10, description="Deal value in the deal currency.")
    currency: Currency = Field("USD", description="Deal currency.")
    stage: Stage = Field("qualification", description="Pipeline stage.")
    probability: int = Field(10, ge=0, le=100, description="Win probability in percent.")
    close_date: str = Field("", description="Expected or actual close date (YYYY-MM-DD).")
    owner_email: str = Field("", description="Email of the deal owner.", max_length=200)
    lost_reason: str = Field("", description="Why the deal was lost; empty unless closed_lost.")
    line_items: list[LineItem] = Field(default_factory=list, description="Products in the deal.")
    created_at: str = Field("", description="When the deal was created (ISO-8601).")
    updated_at: str = Field("", description="When the deal last changed (ISO-8601).")


class Activity(BaseModel):
    id: str = Field(description="Activity id.")
    contact_id: str = Field(description="Contact the activity is with.")
    deal_id: str = Field("", description="Related deal; empty when none.")
    kind: ActivityKind = Field("task", description="Kind of activity.")
    subject: str = Field(description="Short subject.", min_length=1, max_length=200)
    due_date: str = Field("", description="Due date (YYYY-MM-DD); empty when none.")
    done: bool = Field(False, description="Whether the activity is completed.")
    owner_email: str = Field("", description="Email of the rep responsible.", max_length=200)
    created_at: str = Field("", description="When the activity was logged (ISO-8601).")


bp.resource(
    Company,
    name="company",
    plural="companies",
    id_prefix="co",
    searchable=("name", "website"),
    filterable=("industry", "owner_email", "size"),
    order_by="name",
)
bp.resource(
    Contact,
    name="contact",
    id_prefix="ct",
    searchable=("first_name", "last_name", "email"),
    filterable=("company_id", "lifecycle_stage", "owner_email"),
    refs={"company_id": "company"},
    order_by="last_name",
)
bp.resource(
    Deal,
    name="deal",
    id_prefix="dl",
    searchable=("name",),
    filterable=("company_id", "stage", "owner_email", "currency"),
    refs={"company_id": "company"},
    readonly=("stage", "probability", "lost_reason", "line_items"),
    order_by="created_at DESC",
)
bp.resource(
    Activity,
    name="activity",
    plural="activities",
    id_prefix="act",
    filterable=("contact_id", "deal_id", "kind", "done"),
    refs={"contact_id": "contact"},
    ops=("list", "get", "create", "delete"),
    order_by="due_date",
)


class StageTotal(BaseModel):
    stage: str = Field(description="Pipeline stage.")
    deals: int = Field(description="Number of deals in the stage.")
    amount: float = Field(description="Sum of deal amounts in the stage.")


class PipelineSummary(BaseModel):
    stages: list[StageTotal] = Field(description="Totals per stage, in pipeline order.")
    open_amount: float = Field(description="Total amount of open deals.")
    weighted_forecast: float = Field(description="Sum of open amount x probability.")
    won_amount: float = Field(description="Total amount of won deals.")


class DealList(BaseModel):
    deals: list[Deal] = Field(description="The deals.")


class ContactList(BaseModel):
    contacts: list[Contact] = Field(description="The contacts.")


class CompanyRevenue(BaseModel):
    company_id: str = Field(description="The company.")
    won_amount: float = Field(description="Amount of won deals.")
    open_pipeline: float = Field(description="Amount of open deals.")
    open_deals: int = Field(description="Number of open deals.")
    contacts: int = Field(description="Number of contacts at the company.")
    largest_open_deal_id: str = Field(description="Id of the largest open deal; empty when none.")


class Reassigned(BaseModel):
    company: Company = Field(description="The company with its new owner.")
    deals_reassigned: int = Field(description="Open deals moved to the new owner.")
    contacts_reassigned: int = Field(description="Contacts moved to the new owner.")


class MergeResult(BaseModel):
    contact: Contact = Field(description="The surviving contact.")
    deals_moved: int = Field(description="Deals re-pointed to the surviving contact.")
    activities_moved: int = Field(description="Activities re-pointed to the surviving contact.")


class NewContact(BaseModel):
    first_name: str = Field(description="First name.", min_length=1, max_length=80)
    last_name: str = Field("", description="Last name.", max_length=80)
    email: str = Field(
        description="Email address.",
        max_length=200,
        pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
    )
    job_title: str = Field("", description="Job title.", max_length=120)


_OPEN = ("qualification", "discovery", "proposal", "negotiation")
_PROB = {
    "qualification": 10,
    "discovery": 25,
    "proposal": 50,
    "negotiation": 75,
    "closed_won": 100,
    "closed_lost": 0,
}
_NEXT: dict[str, tuple[str, ...]] = {
    "qualification": ("discovery",),
    "discovery": ("proposal", "qualification"),
    "proposal": ("negotiation", "discovery"),
    "negotiation": ("proposal",),
    "closed_won": (),
    "closed_lost": ("qualification",),
}
_LIFE_ORDER = ("subscriber", "lead", "mql", "sql", "customer")


def _items_total(items: list[dict]) -> float:
    return round(
        sum(i["quantity"] * i["unit_price"] * (1 - i.get("discount_pct", 0) / 100) for i in items), 2
    )


def _open_deal(ctx: ToolContext, deal_id: str) -> dict:
    deal = ctx.require("deal", deal_id)
    if deal["stage"] not in _OPEN:
        raise ToolError(f"Deal {deal_id} is already {deal['stage']}; closed deals cannot change.")
    return deal


@bp.action()
def move_deal_stage(
    ctx: ToolContext, deal_id: str, stage: Literal["qualification", "discovery", "proposal", "negotiation"]
) -> Deal:
    """Move an open {app} deal to an adjacent pipeline stage; the win probability follows the stage.

    Args:
        deal_id: The deal to move.
        stage: The open stage to move it to (use close_deal_won or mark_deal_lost to close).
    """
    deal = ctx.require("deal", deal_id)
    if deal["stage"] == stage:
        raise ToolError(f"Deal {deal_id} is already in '{stage}'.")
    allowed = _NEXT[deal["stage"]]
    if stage not in allowed:
        raise ToolError(
            f"Cannot move deal {deal_id} from '{deal['stage']}' to '{stage}'; "
            f"allowed: {', '.join(allowed) or 'none (deal is closed)'}."
        )
    return ctx.update("deal", deal_id, {"stage": stage, "probability": _PROB[stage], "updated_at": ctx.now()})


@bp.action()
def close_deal_won(ctx: ToolContext, deal_id: str) -> Deal:
    """Mark an {app} deal in negotiation as won; its contact becomes a customer. Returns the closed deal.

    Args:
        deal_id: The deal that was won.
    """
    deal = _open_deal(ctx, deal_id)
    if deal["stage"] != "negotiation":
        raise ToolError(f"Deal {deal_id} is in '{deal['stage']}'; only deals in negotiation can be won.")
    if deal["amount"] <= 0:
        raise ToolError(f"Deal {deal_id} has no amount; add line items or set an amount before closing.")
    if deal["contact_id"] and ctx.get("contact", deal["contact_id"]):
        ctx.update("contact", deal["contact_id"], {"lifecycle_stage": "customer"})
    return ctx.update(
        "deal",
        deal_id,
        {"stage": "closed_won", "probability": 100, "close_date": ctx.today(), "updated_at": ctx.now()},
    )


@bp.action()
def mark_deal_lost(ctx: ToolContext, deal_id: str, reason: LostReason) -> Deal:
    """Close an open {app} deal as lost with a reason; returns the closed deal.

    Args:
        deal_id: The deal that was lost.
        reason: Why it was lost.
    """
    _open_deal(ctx, deal_id)
    return ctx.update(
        "deal",
        deal_id,
        {
            "stage": "closed_lost",
            "probability": 0,
            "lost_reason": reason,
            "close_date": ctx.today(),
            "updated_at": ctx.now(),
        },
    )


@bp.action()
def add_deal_line_items(
    ctx: ToolContext, deal_id: str, items: Annotated[list[LineItem], Field(min_length=1, max_length=20)]
) -> Deal:
    """Add product line items to an open {app} deal; the deal amount is recalculated from all its items.

    Args:
        deal_id: The open deal to add the items to.
        items: Line items (product, quantity, unit price, discount).
    """
    deal = _open_deal(ctx, deal_id)
    merged = [*deal["line_items"], *[dict(i) for i in items]]
    total = _items_total(merged)
    if total > 1e10:
        raise ToolError(
            f"The deal amount would be {total:,.2f}, above the 10,000,000,000 limit; nothing was added."
        )
    return ctx.update("deal", deal_id, {"line_items": merged, "amount": total, "updated_at": ctx.now()})


@bp.action(read_only=True)
def get_pipeline_summary(
    ctx: ToolContext, owner_email: Annotated[str | None, Field(max_length=200)] = None
) -> PipelineSummary:
    """Summarize the {app} sales pipeline: deals and amount per stage, open total, weighted forecast and won
    total.

    Args:
        owner_email: Only deals owned by this rep.
    """
    deals = ctx.select("deal", "owner_email = ?", (owner_email,)) if owner_email else ctx.select("deal")
    stages = []
    for st in _PROB:
        ds = [d for d in deals if d["stage"] == st]
        stages.append({"stage": st, "deals": len(ds), "amount": round(sum(d["amount"] for d in ds), 2)})
    open_ = [d for d in deals if d["stage"] in _OPEN]
    return {
        "stages": stages,
        "open_amount": round(sum(d["amount"] for d in open_), 2),
        "weighted_forecast": round(sum(d["amount"] * d["probability"] / 100 for d in open_), 2),
        "won_amount": round(sum(d["amount"] for d in deals if d["stage"] == "closed_won"), 2),
    }


@bp.action(read_only=True)
def list_stale_deals(ctx: ToolContext, days: Annotated[int, Field(ge=1, le=365)] = 30) -> DealList:
    """List open {app} deals not updated for at least the given number of days, stalest first.

    Args:
        days: Minimum number of days since the last change.
    """
    cutoff = plus_days(ctx.today(), -days)
    where = "updated_at < ? AND stage IN ('qualification','discovery','proposal','negotiation')"
    return {"deals": ctx.select("deal", where, (cutoff,), order_by="updated_at")}


@bp.action()
def log_activity(
    ctx: ToolContext,
    contact_id: str,
    kind: ActivityKind,
    subject: Annotated[str, Field(min_length=1, max_length=200)],
    due_date: Annotated[str | None, Field(pattern=DATE)] = None,
) -> Activity:
    """Log a call, email, meeting, note or task with an {app} contact; calls and emails respect
    do-not-contact.

    Args:
        contact_id: The contact the activity is with.
        kind: Kind of activity.
        subject: Short subject.
        due_date: Due date (YYYY-MM-DD) for follow-ups.
    """
    contact = ctx.require("contact", contact_id)
    if contact["do_not_contact"] and kind in ("call", "email"):
        raise ToolError(
            f"Contact {contact['first_name']} {contact['last_name']} is marked do-not-contact; "
            f"a {kind} cannot be logged."
        )
    deals = ctx.select(
        "deal",
        "contact_id = ? AND stage IN ('qualification','discovery','proposal','negotiation')",
        (contact_id,),
        order_by="created_at DESC",
    )
    return ctx.insert(
        "activity",
        {
            "contact_id": contact_id,
            "deal_id": deals[0]["id"] if deals else "",
            "kind": kind,
            "subject": subject,
            "due_date": due_date or "",
            "owner_email": ctx.user.email,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def complete_activity(ctx: ToolContext, activity_id: str) -> Activity:
    """Mark an open {app} activity (call, email, meeting, note or task) as done and return it.

    Args:
        activity_id: The activity to complete.
    """
    act = ctx.require("activity", activity_id)
    if act["done"]:
        raise ToolError(f"Activity {activity_id} is already done.")
    return ctx.update("activity", activity_id, {"done": True})


@bp.action(destructive=True)
def merge_contacts(ctx: ToolContext, contact_id: str, duplicate_contact_id: str) -> MergeResult:
    """Merge a duplicate {app} contact into another at the same company: its deals and activities move over.

    Args:
        contact_id: The contact to keep.
        duplicate_contact_id: The duplicate contact to merge and delete.
    """
    keep = ctx.require("contact", contact_id)
    dup = ctx.require("contact", duplicate_contact_id)
    if contact_id == duplicate_contact_id:
        raise ToolError("A contact cannot be merged into itself.")
    if keep["company_id"] != dup["company_id"]:
        raise ToolError(
            f"Contacts {contact_id} and {duplicate_contact_id} work at different companies; "
            "only contacts of the same company can be merged."
        )
    deals = ctx.select("deal", "contact_id = ?", (duplicate_contact_id,))
    acts = ctx.select("activity", "contact_id = ?", (duplicate_contact_id,))
    for d in deals:
        ctx.update("deal", d["id"], {"contact_id": contact_id})
    for a in acts:
        ctx.update("activity", a["id"], {"contact_id": contact_id})
    changes = {f: dup[f] for f in ("phone", "job_title") if not keep[f] and dup[f]}
    if changes:
        keep = ctx.update("contact", contact_id, changes)
    ctx.delete("contact", duplicate_contact_id)
    return {"contact": keep, "deals_moved": len(deals), "activities_moved": len(acts)}


@bp.action(idempotent=True)
def set_contact_lifecycle(ctx: ToolContext, contact_id: str, stage: Lifecycle) -> Contact:
    """Set an {app} contact's lifecycle stage; stages only move forward, except customers who may churn.

    Args:
        contact_id: The contact to update.
        stage: The new lifecycle stage.
    """
    contact = ctx.require("contact", contact_id)
    cur = contact["lifecycle_stage"]
    if cur == stage:
        return contact
    if stage == "churned":
        if cur != "customer":
            raise ToolError(f"Only customers can churn; contact {contact_id} is '{cur}'.")
    elif cur == "churned" or _LIFE_ORDER.index(stage) < _LIFE_ORDER.index(cur):
        raise ToolError(f"Cannot move contact {contact_id} back from '{cur}' to '{stage}'.")
    return ctx.update("contact", contact_id, {"lifecycle_stage": stage})


@bp.action()
def bulk_import_contacts(
    ctx: ToolContext,
    company_id: str,
    contacts: Annotated[list[NewContact], Field(min_length=1, max_length=25)],
) -> ContactList:
    """Import several contacts into an {app} company at once (all or none); duplicate emails are refused.

    Args:
        company_id: Company the contacts work at.
        contacts: The contacts to create.
    """
    company = ctx.require("company", company_id)
    seen: set[str] = set()
    for c in contacts:
        email = c["email"].strip().lower()
        if "@" not in email:
            raise ToolError(f"contacts: '{c['email']}' is not an email address; nothing was imported.")
        if email in seen or ctx.select("contact", "lower(email) = ?", (email,)):
            raise ToolError(f"contacts: a contact with email {email} already exists; nothing was imported.")
        seen.add(email)
    now = ctx.now()
    made = [
        ctx.insert(
            "contact",
            {
                "company_id": company_id,
                "first_name": c["first_name"],
                "last_name": c.get("last_name", ""),
                "email": c["email"].strip().lower(),
                "job_title": c.get("job_title", ""),
                "owner_email": company["owner_email"],
                "created_at": now,
            },
        )
        for c in contacts
    ]
    return {"contacts": made}


@bp.action(read_only=True)
def get_company_revenue(ctx: ToolContext, company_id: str) -> CompanyRevenue:
    """Report an {app} company's won revenue, open pipeline, contact count and largest open deal.

    Args:
        company_id: The company to report on.
    """
    ctx.require("company", company_id)
    deals = ctx.select("deal", "company_id = ?", (company_id,))
    open_ = sorted((d for d in deals if d["stage"] in _OPEN), key=lambda d: (-d["amount"], d["id"]))
    return {
        "company_id": company_id,
        "won_amount": round(sum(d["amount"] for d in deals if d["stage"] == "closed_won"), 2),
        "open_pipeline": round(sum(d["amount"] for d in open_), 2),
        "open_deals": len(open_),
        "contacts": ctx.world.count(ctx.table("contact"), "company_id = ?", (company_id,)),
        "largest_open_deal_id": open_[0]["id"] if open_ else "",
    }


@bp.action(idempotent=True)
def reassign_account_owner(
    ctx: ToolContext, company_id: str, owner_email: Annotated[str, Field(max_length=200)]
) -> Reassigned:
    """Hand an {app} company to another rep: the company, its contacts and its open deals get the new owner.

    Args:
        company_id: The company to reassign.
        owner_email: Email of the new owner.
    """
    ctx.require("company", company_id)
    email = owner_email.strip().lower()
    if "@" not in email:
        raise ToolError(f"owner_email: '{owner_email}' is not an email address.")
    deals = [
        d
        for d in ctx.select("deal", "company_id = ?", (company_id,))
        if d["stage"] in _OPEN and d["owner_email"] != email
    ]
    for d in deals:
        ctx.update("deal", d["id"], {"owner_email": email, "updated_at": ctx.now()})
    contacts = ctx.select("contact", "company_id = ? AND owner_email != ?", (company_id, email))
    for c in contacts:
        ctx.update("contact", c["id"], {"owner_email": email})
    company = ctx.update("company", company_id, {"owner_email": email})
    return {"company": company, "deals_reassigned": len(deals), "contacts_reassigned": len(contacts)}


_PRODUCTS = (
    ("Platform license", 12000),
    ("Onboarding package", 3500),
    ("Premium support", 4800),
    ("Analytics add-on", 2400),
    ("Extra seats (10)", 1500),
    ("API access", 6000),
)
_DEAL_WORDS = ("Expansion", "Renewal", "Pilot", "Enterprise rollout", "New business", "Upsell")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    cast = s.cast
    reps = [s.user.email] + [p.email for p in cast.members(cast.orgs[0])]  # the owner and coworkers
    picked = set(rng.sample(range(1, len(cast.orgs)), k=min(16, len(cast.orgs) - 1)))
    companies = []
    for n, org in enumerate(o for i, o in enumerate(cast.orgs) if i in picked):
        companies.append(
            ctx.insert(
                "company",
                {
                    "name": org.name,
                    "website": org.domain,
                    "industry": org.industry,
                    "size": rng.choice(("1-10", "11-50", "51-200", "201-1000", "1000+")),
                    "city": org.city,
                    "owner_email": reps[n % len(reps)],
                    "annual_revenue": float(rng.randint(5, 900) * 100000),
                    "created_at": s.at(days=-rng.randint(200, 700)),
                },
            )
        )
    by_name = {c["name"]: c for c in companies}
    contacts = []
    staff = sorted(
        (p for p in s.people if p.company in by_name),
        key=lambda p: (-len(s.cast.members(p.company)), p.company),
    )
    for n, p in enumerate(staff):  # each contact at their own employer, coworkers next to each other
        company = by_name[p.company]
        contacts.append(
            ctx.insert(
                "contact",
                {
                    "company_id": company["id"],
                    "first_name": p.first_name,
                    "last_name": p.last_name,
                    "email": p.email,
                    "phone": p.phone,
                    "job_title": p.job_title,
                    "lifecycle_stage": ("lead", "mql", "sql", "customer", "subscriber", "churned")[n % 6],
                    "owner_email": company["owner_email"],
                    "do_not_contact": n % 7 == 6,
                    "created_at": s.at(days=-rng.randint(30, 190)),
                },
            )
        )
    catalog = _PRODUCTS + tuple((p.name, p.price) for p in s.cast.products if p.category == "software")
    stages = (
        "negotiation",
        "qualification",
        "discovery",
        "negotiation",
        "proposal",
        "closed_won",
        "negotiation",
        "closed_lost",
    )
    for n in range(28):
        stage = stages[n % 8]
        company = companies[n % len(companies)]
        contact = next((c for c in contacts if c["company_id"] == company["id"]), None)
        items = [
            {
                "product": prod,
                "quantity": rng.randint(1, 5),
                "unit_price": float(price),
                "discount_pct": float(rng.choice((0, 0, 5, 10))),
            }
            for prod, price in rng.sample(catalog, k=rng.randint(1, 3))
        ]
        created = -rng.randint(20, 150)
        updated = created + rng.randint(1, 15)
        ctx.insert(
            "deal",
            {
                "company_id": company["id"],
                "contact_id": contact["id"] if contact else "",
                "name": f"{company['name'].split()[0].rstrip(',')} {rng.choice(_DEAL_WORDS)}",
                "amount": _items_total(items),
                "currency": "USD" if n % 5 else "EUR",
                "stage": stage,
                "probability": _PROB[stage],
                "close_date": s.date(updated if stage.startswith("closed") else rng.randint(5, 90)),
                "owner_email": company["owner_email"],
                "lost_reason": rng.choice(("price", "competitor", "timing"))
                if stage == "closed_lost"
                else "",
                "line_items": items,
                "created_at": s.at(days=created),
                "updated_at": s.at(days=updated),
            },
        )
    for n in range(30):
        c = contacts[n % len(contacts)]
        ctx.insert(
            "activity",
            {
                "contact_id": c["id"],
                "deal_id": "",
                "kind": ("call", "email", "meeting", "note", "task")[n % 5],
                "subject": rng.choice(
                    (
                        "Intro call",
                        "Send pricing",
                        "Demo follow-up",
                        "Quarterly check-in",
                        "Contract review",
                        "Share case study",
                    )
                ),
                "due_date": s.date(rng.randint(-10, 20)),
                "done": n % 3 == 2,
                "owner_email": c["owner_email"],
                "created_at": s.at(days=-rng.randint(1, 30)),
            },
        )


bp.product("dealforge", "DealForge", "Sales CRM with deal pipelines, line items and forecasting.")
bp.product(
    "pipewell",
    "Pipewell",
    "Pipeline-first CRM for small sales teams.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("delete_activity", "search_companies", "merge_contacts"),
)
bp.product(
    "leadloom",
    "Leadloom",
    "Lead and account management for B2B sales.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("get_company_revenue", "list_stale_deals"),
)
bp.product(
    "closrhq",
    "ClosrHQ",
    "Lightweight deal tracker for founders and account executives.",
    prefix="closr",
    drop=(
        "delete_company",
        "delete_contact",
        "delete_deal",
        "delete_activity",
        "search_deals",
        "search_contacts",
        "merge_contacts",
        "bulk_import_contacts",
        "reassign_account_owner",
        "list_stale_deals",
    ),
)
bp.product(
    "salesquill",
    "SalesQuill",
    "Relationship CRM with activities, contacts and revenue reports.",
    verbs={"create": "add"},
    drop=("delete_deal",),
)
