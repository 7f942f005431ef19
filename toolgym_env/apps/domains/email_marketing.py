"""Email marketing: audiences, subscribers, campaigns and per-recipient sends (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("email marketing")

SubStatus = Literal["pending", "subscribed", "unsubscribed", "cleaned", "bounced"]
CampaignStatus = Literal["draft", "scheduled", "sent", "canceled"]
SendStatus = Literal["delivered", "opened", "clicked", "bounced", "unsubscribed"]
EMAIL = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"


class Audience(BaseModel):
    id: str = Field(description="Audience (mailing list) id.")
    name: str = Field(description="Audience name.", min_length=1, max_length=100)
    from_name: str = Field(description="Sender name shown to recipients.", min_length=1, max_length=100)
    from_email: str = Field(description="Sender address.", max_length=200)
    double_opt_in: bool = Field(
        True, description="New subscribers must confirm by email before receiving campaigns."
    )
    language: Literal["en", "de", "fr", "es", "pt", "it"] = Field("en", description="Default language.")
    permission_reminder: str = Field("", description="Why recipients get these emails.", max_length=300)
    created_at: str = Field("", description="When the audience was created (ISO-8601).")


class Subscriber(BaseModel):
    id: str = Field(description="Subscriber id.")
    audience_id: str = Field(description="Audience the subscriber is on.")
    email: str = Field(description="Email address.", max_length=200)
    first_name: str = Field("", description="First name (merge field FNAME).", max_length=80)
    last_name: str = Field("", description="Last name (merge field LNAME).", max_length=80)
    status: SubStatus = Field("pending", description="Subscription status.")
    tags: list[str] = Field(default_factory=list, description="Tags used for segmenting.")
    source: Literal["signup_form", "import", "api", "checkout"] = Field("api", description="How they joined.")
    subscribed_at: str = Field("", description="When they subscribed (ISO-8601).")


class Campaign(BaseModel):
    id: str = Field(description="Campaign id.")
    audience_id: str = Field(description="Audience the campaign goes to.")
    name: str = Field(description="Internal campaign name.", min_length=1, max_length=120)
    subject: str = Field("", description="Subject line.", max_length=150)
    preheader: str = Field("", description="Preview text shown after the subject.", max_length=150)
    body_html: str = Field("", description="HTML content.", max_length=50000)
    segment_tag: str = Field(
        "", description="Only subscribers with this tag receive it; empty for everyone.", max_length=50
    )
    status: CampaignStatus = Field("draft", description="Campaign status.")
    scheduled_at: str = Field("", description="Scheduled send time (ISO-8601); empty when not scheduled.")
    sent_at: str = Field("", description="When it was sent (ISO-8601).")
    recipients: int = Field(0, ge=0, description="Number of recipients it was sent to.")
    created_at: str = Field("", description="When the campaign was created (ISO-8601).")


class Send(BaseModel):
    id: str = Field(description="Send id.")
    campaign_id: str = Field(description="Campaign that was sent.")
    subscriber_id: str = Field(description="Recipient.")
    email: str = Field(description="Recipient address at send time.")
    status: SendStatus = Field("delivered", description="Furthest engagement of this recipient.")
    sent_at: str = Field("", description="When it was sent (ISO-8601).")


bp.resource(Audience, name="audience", id_prefix="aud", searchable=("name", "from_name"), order_by="name")
bp.resource(
    Subscriber,
    name="subscriber",
    id_prefix="sub",
    searchable=("email", "first_name", "last_name"),
    filterable=("audience_id", "status", "source"),
    refs={"audience_id": "audience"},
    readonly=("status", "subscribed_at"),
    order_by="subscribed_at DESC",
)
bp.resource(
    Campaign,
    name="campaign",
    id_prefix="cmp",
    searchable=("name", "subject"),
    filterable=("audience_id", "status"),
    refs={"audience_id": "audience"},
    readonly=("status", "scheduled_at", "sent_at", "recipients"),
    order_by="created_at DESC",
)
bp.resource(
    Send,
    name="send",
    id_prefix="snd",
    filterable=("campaign_id", "subscriber_id", "status"),
    refs={"campaign_id": "campaign"},
    ops=("list", "get"),
    order_by="sent_at",
)


class CampaignReport(BaseModel):
    campaign_id: str = Field(description="The campaign.")
    recipients: int = Field(description="Emails sent.")
    delivered: int = Field(description="Emails not bounced.")
    opens: int = Field(description="Recipients who opened (including clickers).")
    clicks: int = Field(description="Recipients who clicked.")
    bounces: int = Field(description="Bounced emails.")
    unsubscribes: int = Field(description="Recipients who unsubscribed from it.")
    open_rate: float = Field(description="Opens / delivered, 0-1.")
    click_rate: float = Field(description="Clicks / delivered, 0-1.")


class AudienceGrowth(BaseModel):
    audience_id: str = Field(description="The audience.")
    by_status: dict[str, int] = Field(description="Subscribers per status.")
    new_last_30_days: int = Field(description="Subscribers who joined in the last 30 days.")
    top_tags: list[str] = Field(description="Up to five most used tags, most used first.")


class SubscriberList(BaseModel):
    subscribers: list[Subscriber] = Field(description="The subscribers.")


class CleanResult(BaseModel):
    audience_id: str = Field(description="The audience.")
    cleaned: int = Field(description="Bounced subscribers marked as cleaned.")


class NewSubscriber(BaseModel):
    email: str = Field(description="Email address.", max_length=200, pattern=EMAIL)
    first_name: str = Field("", description="First name.", max_length=80)
    tags: list[str] = Field(default_factory=list, description="Tags to apply.", max_length=10)


def _recipients(ctx: ToolContext, campaign: dict) -> list[dict]:
    subs = ctx.select(
        "subscriber", "audience_id = ? AND status = 'subscribed'", (campaign["audience_id"],), order_by="id"
    )
    if campaign["segment_tag"]:
        subs = [s for s in subs if campaign["segment_tag"] in s["tags"]]
    return subs


def _ready(ctx: ToolContext, campaign: dict) -> list[dict]:
    missing = [f for f in ("subject", "body_html") if not campaign[f].strip()]
    if missing:
        raise ToolError(
            f"Campaign {campaign['id']} is missing its {' and '.join(missing)}; add it before sending."
        )
    subs = _recipients(ctx, campaign)
    if not subs:
        raise ToolError(
            f"Campaign {campaign['id']} has no recipients: no subscribed contacts"
            + (f" tagged '{campaign['segment_tag']}'." if campaign["segment_tag"] else ".")
        )
    return subs


@bp.action()
def schedule_campaign(
    ctx: ToolContext,
    campaign_id: str,
    send_at: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z?$")],
) -> Campaign:
    """Schedule a draft {app} campaign for a future time; it needs a subject, content and recipients.

    Args:
        campaign_id: The draft campaign to schedule.
        send_at: When to send it (ISO-8601, UTC), e.g. 2026-03-10T09:00:00Z.
    """
    campaign = ctx.require("campaign", campaign_id)
    if campaign["status"] != "draft":
        raise ToolError(f"Campaign {campaign_id} is '{campaign['status']}'; only drafts can be scheduled.")
    when = send_at if send_at.endswith("Z") else send_at + ("Z" if len(send_at) > 16 else ":00Z")
    if when <= ctx.now():
        raise ToolError(f"send_at {send_at} is in the past; the current time is {ctx.now()}.")
    _ready(ctx, campaign)
    return ctx.update("campaign", campaign_id, {"status": "scheduled", "scheduled_at": when})


@bp.action()
def unschedule_campaign(ctx: ToolContext, campaign_id: str) -> Campaign:
    """Take a scheduled {app} campaign back to draft so it can be edited; returns the campaign.

    Args:
        campaign_id: The scheduled campaign.
    """
    campaign = ctx.require("campaign", campaign_id)
    if campaign["status"] != "scheduled":
        raise ToolError(f"Campaign {campaign_id} is '{campaign['status']}', not scheduled.")
    return ctx.update("campaign", campaign_id, {"status": "draft", "scheduled_at": ""})


@bp.action(destructive=True)
def send_campaign_now(ctx: ToolContext, campaign_id: str) -> Campaign:
    """Send a draft or scheduled {app} campaign immediately to every subscribed recipient; cannot be undone.

    Args:
        campaign_id: The campaign to send.
    """
    campaign = ctx.require("campaign", campaign_id)
    if campaign["status"] not in ("draft", "scheduled"):
        raise ToolError(f"Campaign {campaign_id} is '{campaign['status']}' and cannot be sent.")
    subs = _ready(ctx, campaign)
    now = ctx.now()
    for sub in subs:
        ctx.insert(
            "send",
            {
                "campaign_id": campaign_id,
                "subscriber_id": sub["id"],
                "email": sub["email"],
                "status": "delivered",
                "sent_at": now,
            },
        )
    return ctx.update(
        "campaign",
        campaign_id,
        {"status": "sent", "sent_at": now, "scheduled_at": "", "recipients": len(subs)},
    )


@bp.action()
def cancel_campaign(ctx: ToolContext, campaign_id: str) -> Campaign:
    """Cancel a draft or scheduled {app} campaign so it is never sent; returns the campaign.

    Args:
        campaign_id: The campaign to cancel.
    """
    campaign = ctx.require("campaign", campaign_id)
    if campaign["status"] not in ("draft", "scheduled"):
        raise ToolError(
            f"Campaign {campaign_id} is '{campaign['status']}'; only drafts and scheduled "
            "campaigns can be canceled."
        )
    return ctx.update("campaign", campaign_id, {"status": "canceled", "scheduled_at": ""})


@bp.action(read_only=True)
def get_campaign_report(ctx: ToolContext, campaign_id: str) -> CampaignReport:
    """Report a sent {app} campaign's deliveries, opens, clicks, bounces, unsubscribes and rates.

    Args:
        campaign_id: The sent campaign.
    """
    campaign = ctx.require("campaign", campaign_id)
    if campaign["status"] != "sent":
        raise ToolError(
            f"Campaign {campaign_id} is '{campaign['status']}'; reports exist only for sent campaigns."
        )
    sends = ctx.select("send", "campaign_id = ?", (campaign_id,))
    count = {
        k: sum(1 for x in sends if x["status"] == k)
        for k in ("delivered", "opened", "clicked", "bounced", "unsubscribed")
    }
    delivered = len(sends) - count["bounced"]
    opens = count["opened"] + count["clicked"]
    return {
        "campaign_id": campaign_id,
        "recipients": len(sends),
        "delivered": delivered,
        "opens": opens,
        "clicks": count["clicked"],
        "bounces": count["bounced"],
        "unsubscribes": count["unsubscribed"],
        "open_rate": round(opens / delivered, 4) if delivered else 0.0,
        "click_rate": round(count["clicked"] / delivered, 4) if delivered else 0.0,
    }


@bp.action()
def subscribe_email(
    ctx: ToolContext,
    audience_id: str,
    email: Annotated[str, Field(max_length=200)],
    first_name: Annotated[str, Field(max_length=80)] = "",
    tags: Annotated[list[str], Field(max_length=10)] = [],  # noqa: B006
) -> Subscriber:
    """Add an address to an {app} audience (pending when double opt-in is on); re-subscribes past
    unsubscribers.

    Args:
        audience_id: The audience to join.
        email: Email address to subscribe.
        first_name: First name.
        tags: Tags to apply.
    """
    audience = ctx.require("audience", audience_id)
    addr = email.strip().lower()
    if "@" not in addr:
        raise ToolError(f"email: '{email}' is not an email address.")
    status = "pending" if audience["double_opt_in"] else "subscribed"
    clean_tags = sorted({t.strip().lower() for t in tags if t.strip()})
    existing = ctx.select("subscriber", "audience_id = ? AND lower(email) = ?", (audience_id, addr))
    if existing:
        sub = existing[0]
        if sub["status"] in ("subscribed", "pending"):
            raise ToolError(f"{addr} is already on audience {audience['name']} ({sub['status']}).")
        if sub["status"] == "cleaned":
            raise ToolError(
                f"{addr} was cleaned from {audience['name']} after hard bounces and cannot be re-added."
            )
        return ctx.update(
            "subscriber",
            sub["id"],
            {
                "status": status,
                "subscribed_at": ctx.now(),
                "tags": sorted(set(sub["tags"]) | set(clean_tags)),
            },
        )
    return ctx.insert(
        "subscriber",
        {
            "audience_id": audience_id,
            "email": addr,
            "first_name": first_name,
            "status": status,
            "tags": clean_tags,
            "source": "api",
            "subscribed_at": ctx.now(),
        },
    )


@bp.action(idempotent=True)
def unsubscribe_subscriber(ctx: ToolContext, subscriber_id: str) -> Subscriber:
    """Unsubscribe an {app} subscriber so they receive no more campaigns; repeating changes nothing.

    Args:
        subscriber_id: The subscriber to unsubscribe.
    """
    sub = ctx.require("subscriber", subscriber_id)
    if sub["status"] == "unsubscribed":
        return sub
    if sub["status"] == "cleaned":
        raise ToolError(f"Subscriber {subscriber_id} was cleaned and is no longer on the list.")
    return ctx.update("subscriber", subscriber_id, {"status": "unsubscribed"})


@bp.action()
def confirm_subscriber(ctx: ToolContext, subscriber_id: str) -> Subscriber:
    """Confirm a pending {app} subscriber's double opt-in so they start receiving campaigns.

    Args:
        subscriber_id: The pending subscriber.
    """
    sub = ctx.require("subscriber", subscriber_id)
    if sub["status"] != "pending":
        raise ToolError(
            f"Subscriber {subscriber_id} is '{sub['status']}'; only pending subscribers can be confirmed."
        )
    return ctx.update("subscriber", subscriber_id, {"status": "subscribed", "subscribed_at": ctx.now()})


@bp.action(idempotent=True)
def tag_subscribers(
    ctx: ToolContext,
    subscriber_ids: Annotated[list[str], Field(min_length=1, max_length=50)],
    tag: Annotated[str, Field(min_length=1, max_length=50)],
) -> SubscriberList:
    """Apply a tag to several {app} subscribers (all or none); subscribers already tagged are unchanged.

    Args:
        subscriber_ids: The subscribers to tag.
        tag: Tag to apply, e.g. 'vip'.
    """
    name = tag.strip().lower()
    if not name:
        raise ToolError("tag: the tag cannot be blank.")
    subs = [ctx.require("subscriber", i) for i in dict.fromkeys(subscriber_ids)]
    out = []
    for sub in subs:
        if name not in sub["tags"]:
            sub = ctx.update("subscriber", sub["id"], {"tags": sorted([*sub["tags"], name])})
        out.append(sub)
    return {"subscribers": out}


@bp.action()
def bulk_add_subscribers(
    ctx: ToolContext,
    audience_id: str,
    subscribers: Annotated[list[NewSubscriber], Field(min_length=1, max_length=50)],
) -> SubscriberList:
    """Import several subscribers into an {app} audience (all or none); addresses already on it are refused.

    Args:
        audience_id: The audience to import into.
        subscribers: The subscribers to add.
    """
    audience = ctx.require("audience", audience_id)
    seen: set[str] = set()
    for n in subscribers:
        addr = n["email"].strip().lower()
        if addr in seen or ctx.select(
            "subscriber", "audience_id = ? AND lower(email) = ?", (audience_id, addr)
        ):
            raise ToolError(
                f"subscribers: {addr} is already on {audience['name']} or listed twice; nothing was imported."
            )
        seen.add(addr)
    status = "pending" if audience["double_opt_in"] else "subscribed"
    now = ctx.now()
    made = [
        ctx.insert(
            "subscriber",
            {
                "audience_id": audience_id,
                "email": n["email"].strip().lower(),
                "first_name": n.get("first_name", ""),
                "status": status,
                "source": "import",
                "tags": sorted({t.strip().lower() for t in n.get("tags", []) if t.strip()}),
                "subscribed_at": now,
            },
        )
        for n in subscribers
    ]
    return {"subscribers": made}


@bp.action()
def duplicate_campaign(
    ctx: ToolContext,
    campaign_id: str,
    name: Annotated[str | None, Field(min_length=1, max_length=120)] = None,
) -> Campaign:
    """Copy an {app} campaign's content into a new draft (any status can be copied) and return the draft.

    Args:
        campaign_id: The campaign to copy.
        name: Name of the copy; defaults to the original name plus ' (copy)'.
    """
    src = ctx.require("campaign", campaign_id)
    return ctx.insert(
        "campaign",
        {k: src[k] for k in ("audience_id", "subject", "preheader", "body_html", "segment_tag")}
        | {"name": name or f"{src['name']} (copy)"[:120], "created_at": ctx.now()},
    )


@bp.action(read_only=True)
def get_audience_growth(ctx: ToolContext, audience_id: str) -> AudienceGrowth:
    """Summarize an {app} audience: subscribers per status, sign-ups in the last 30 days and top tags.

    Args:
        audience_id: The audience to summarize.
    """
    ctx.require("audience", audience_id)
    subs = ctx.select("subscriber", "audience_id = ?", (audience_id,))
    by: dict[str, int] = {}
    tags: dict[str, int] = {}
    for s in subs:
        by[s["status"]] = by.get(s["status"], 0) + 1
        for t in s["tags"]:
            tags[t] = tags.get(t, 0) + 1
    cutoff = plus_days(ctx.today(), -30)
    return {
        "audience_id": audience_id,
        "by_status": by,
        "new_last_30_days": sum(1 for s in subs if s["subscribed_at"] >= cutoff),
        "top_tags": [t for t, _ in sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))[:5]],
    }


@bp.action(destructive=True)
def clean_bounced_subscribers(ctx: ToolContext, audience_id: str) -> CleanResult:
    """Mark every bounced {app} subscriber of an audience as cleaned so they are never mailed again.

    Args:
        audience_id: The audience to clean.
    """
    audience = ctx.require("audience", audience_id)
    bounced = ctx.select("subscriber", "audience_id = ? AND status = 'bounced'", (audience_id,))
    if not bounced:
        raise ToolError(f"Audience {audience['name']} has no bounced subscribers to clean.")
    for s in bounced:
        ctx.update("subscriber", s["id"], {"status": "cleaned"})
    return {"audience_id": audience_id, "cleaned": len(bounced)}


_TOPICS = (
    "Spring sale",
    "Product update",
    "Monthly newsletter",
    "Webinar invite",
    "Customer stories",
    "Holiday gift guide",
    "New feature launch",
    "Survey",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    brand = s.user.company
    audiences = []
    for n, (name, opt) in enumerate(
        (("Newsletter", True), ("Customers", False), ("Beta testers", True), ("Event attendees", False))
    ):
        audiences.append(
            ctx.insert(
                "audience",
                {
                    "name": f"{brand.split()[0].rstrip(',')} {name}",
                    "from_name": brand,
                    "from_email": f"news@{s.user.email.split('@')[1]}",
                    "double_opt_in": opt,
                    "language": "en" if n != 3 else "de",
                    "permission_reminder": "You signed up on our website.",
                    "created_at": s.at(days=-400 + 50 * n),
                },
            )
        )
    statuses = (
        "subscribed",
        "pending",
        "bounced",
        "subscribed",
        "pending",
        "unsubscribed",
        "subscribed",
        "cleaned",
        "bounced",
    )
    subs_by_aud: dict[str, list[dict]] = {a["id"]: [] for a in audiences}
    for n in range(44):
        p = s.people[n % 40]
        aud = audiences[n % 4]
        sub = ctx.insert(
            "subscriber",
            {
                "audience_id": aud["id"],
                "email": p.email if n < 40 else f"{p.handle}@{s.fake.free_email_domain()}",
                "first_name": p.first_name,
                "last_name": p.last_name,
                "status": statuses[n % 9],
                "tags": sorted(
                    set(rng.sample(("vip", "trial", "europe", "newsletter", "webinar"), k=rng.randint(0, 2)))
                ),
                "source": rng.choice(("signup_form", "import", "api", "checkout")),
                "subscribed_at": s.at(days=-rng.randint(1, 300)),
            },
        )
        subs_by_aud[aud["id"]].append(sub)
    cstat = ("draft", "sent", "scheduled", "draft", "sent", "scheduled", "canceled")
    for n in range(16):
        aud = audiences[n % 4]
        status = cstat[n % 7]
        topic = _TOPICS[n % len(_TOPICS)]
        sent_at = s.at(days=-rng.randint(3, 60)) if status == "sent" else ""
        camp = ctx.insert(
            "campaign",
            {
                "audience_id": aud["id"],
                "name": f"{topic} {2026 if n < 8 else 2025}",
                "subject": f"{topic}: {s.fake.catch_phrase()}" if n != 7 else "",
                "preheader": s.fake.sentence(nb_words=8)[:150],
                "body_html": f"<h1>{topic}</h1><p>{s.fake.paragraph(nb_sentences=3)}</p>",
                "segment_tag": "vip" if n == 11 else "",
                "status": status,
                "scheduled_at": s.at(days=rng.randint(2, 14)) if status == "scheduled" else "",
                "sent_at": sent_at,
                "created_at": s.at(days=-rng.randint(61, 120)),
            },
        )
        if status == "sent":
            recips = [
                x
                for x in subs_by_aud[aud["id"]]
                if x["status"] in ("subscribed", "unsubscribed", "bounced", "cleaned")
            ]
            for x in recips:
                st = (
                    "bounced"
                    if x["status"] in ("bounced", "cleaned")
                    else "unsubscribed"
                    if x["status"] == "unsubscribed"
                    else rng.choice(("delivered", "opened", "opened", "clicked"))
                )
                ctx.insert(
                    "send",
                    {
                        "campaign_id": camp["id"],
                        "subscriber_id": x["id"],
                        "email": x["email"],
                        "status": st,
                        "sent_at": sent_at,
                    },
                )
            ctx.update("campaign", camp["id"], {"recipients": len(recips)})


bp.product("dripmonk", "DripMonk", "Email campaigns and audience management for growing brands.")
bp.product(
    "listnest",
    "ListNest",
    "Newsletter platform with segments, tags and campaign reports.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("search_audiences", "delete_audience"),
)
bp.product(
    "campaignkite",
    "CampaignKite",
    "Campaign builder and scheduler for marketing teams.",
    style="kebab",
    pagination="offset",
    drop=("duplicate_campaign", "clean_bounced_subscribers", "delete_subscriber"),
)
bp.product(
    "blastwave",
    "Blastwave",
    "Bulk email sender with list hygiene tools.",
    prefix="blastwave",
    verbs={"list": "browse"},
    drop=(
        "search_campaigns",
        "search_subscribers",
        "search_audiences",
        "delete_audience",
        "delete_campaign",
        "delete_subscriber",
        "duplicate_campaign",
        "get_audience_growth",
        "tag_subscribers",
        "unschedule_campaign",
    ),
)
bp.product(
    "postrider",
    "Postrider",
    "Newsletter and announcement emails with audience growth reports.",
    verbs={"create": "add"},
    drop=("update_audience",),
)
