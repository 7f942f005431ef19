"""Help desk and customer support: tickets, agents, macros, SLA policies and satisfaction ratings (five
products)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import format_stamp, parse_stamp
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("customer support")

TicketStatus = Literal["new", "open", "pending", "on_hold", "solved", "closed"]
Priority = Literal["low", "normal", "high", "urgent"]
_LEVELS = ("low", "normal", "high", "urgent")
_ACTIVE = ("new", "open", "pending", "on_hold")


class Agent(BaseModel):
    id: str = Field(description="Agent id.")
    name: str = Field(description="Full name.", min_length=1, max_length=100)
    email: str = Field(description="Work email.", max_length=200)
    team: Literal["tier1", "tier2", "billing", "technical"] = Field("tier1", description="Support team.")
    status: Literal["online", "away", "offline"] = Field("online", description="Availability.")
    max_open_tickets: int = Field(15, ge=1, le=200, description="Most active tickets the agent may hold.")
    created_at: str = Field("", description="When the agent joined (ISO-8601).")


class SlaPolicy(BaseModel):
    id: str = Field(description="SLA policy id.")
    name: str = Field(description="Policy name.", min_length=1, max_length=100)
    priority: Priority = Field(description="Ticket priority the policy applies to.")
    first_response_hours: int = Field(ge=1, le=720, description="Hours allowed until the first agent reply.")
    resolution_hours: int = Field(ge=1, le=2160, description="Hours allowed until the ticket is solved.")
    active: bool = Field(True, description="Whether the policy is enforced.")


class Message(BaseModel):
    author_email: str = Field(description="Who wrote it.")
    body: str = Field(description="Message text.")
    public: bool = Field(True, description="False for internal notes.")
    at: str = Field(description="When it was written (ISO-8601).")


class Ticket(BaseModel):
    id: str = Field(description="Ticket id.")
    subject: str = Field(description="Subject line.", min_length=1, max_length=200)
    description: str = Field("", description="The customer's initial message.", max_length=10000)
    requester_email: str = Field(description="Email of the customer.", max_length=200)
    channel: Literal["email", "chat", "phone", "web"] = Field(
        "email", description="Where the ticket came from."
    )
    priority: Priority = Field("normal", description="Priority.")
    status: TicketStatus = Field("new", description="Ticket status.")
    assignee_id: str = Field("", description="Agent working the ticket; empty when unassigned.")
    tags: list[str] = Field(default_factory=list, description="Tags such as 'refund' or 'login'.")
    messages: list[Message] = Field(
        default_factory=list, description="Conversation after the initial message."
    )
    first_responded_at: str = Field("", description="First agent reply (ISO-8601); empty when none.")
    solved_at: str = Field("", description="When the ticket was solved (ISO-8601); empty when not solved.")
    created_at: str = Field("", description="When the ticket was opened (ISO-8601).")
    updated_at: str = Field("", description="When the ticket last changed (ISO-8601).")


class MacroActions(BaseModel):
    set_status: TicketStatus | None = Field(None, description="Status to set; unchanged when null.")
    set_priority: Priority | None = Field(None, description="Priority to set; unchanged when null.")
    add_tags: list[str] = Field(default_factory=list, description="Tags to add.")
    reply_text: str = Field("", description="Public reply to post; none when empty.", max_length=5000)


class Macro(BaseModel):
    id: str = Field(description="Macro id.")
    title: str = Field(description="Macro title.", min_length=1, max_length=120)
    actions: MacroActions = Field(default_factory=MacroActions, description="What applying the macro does.")
    active: bool = Field(True, description="Whether agents can apply it.")
    usage_count: int = Field(0, ge=0, description="Times the macro was applied.")


class SatisfactionRating(BaseModel):
    id: str = Field(description="Rating id.")
    ticket_id: str = Field(description="The rated ticket.")
    score: int = Field(ge=1, le=5, description="Customer score from 1 (bad) to 5 (great).")
    comment: str = Field("", description="Customer comment.", max_length=2000)
    created_at: str = Field("", description="When it was given (ISO-8601).")


bp.resource(
    Agent,
    name="agent",
    id_prefix="agt",
    filterable=("team", "status"),
    ops=("list", "get", "create", "update"),
    order_by="name",
)
bp.resource(
    SlaPolicy,
    name="sla_policy",
    plural="sla_policies",
    id_prefix="sla",
    filterable=("priority", "active"),
    ops=("list", "get", "create", "update", "delete"),
)
bp.resource(
    Ticket,
    name="ticket",
    id_prefix="tkt",
    searchable=("subject", "description"),
    filterable=("status", "priority", "assignee_id", "requester_email", "channel"),
    readonly=("status", "assignee_id", "messages", "first_responded_at", "solved_at"),
    order_by="created_at DESC",
)
bp.resource(
    Macro,
    name="macro",
    id_prefix="mac",
    searchable=("title",),
    filterable=("active",),
    readonly=("usage_count",),
    order_by="title",
)
bp.resource(
    SatisfactionRating,
    name="satisfaction_rating",
    id_prefix="csat",
    filterable=("ticket_id", "score"),
    refs={"ticket_id": "ticket"},
    ops=("list", "get"),
    order_by="created_at DESC",
)


class TicketChanges(BaseModel):
    priority: Priority | None = Field(None, description="New priority; unchanged when null.")
    status: TicketStatus | None = Field(None, description="New status; unchanged when null.")
    add_tags: list[str] = Field(default_factory=list, description="Tags to add.")


class TicketList(BaseModel):
    tickets: list[Ticket] = Field(description="The tickets.")


class Breach(BaseModel):
    ticket_id: str = Field(description="The ticket.")
    priority: Priority = Field(description="Its priority.")
    kind: Literal["first_response", "resolution"] = Field(description="Which target was missed.")
    due_at: str = Field(description="When the target was due (ISO-8601).")
    hours_over: float = Field(description="Hours past the target.")


class BreachList(BaseModel):
    breaches: list[Breach] = Field(description="SLA breaches of active tickets, most overdue first.")


class Workload(BaseModel):
    agent_id: str = Field(description="The agent.")
    name: str = Field(description="Agent name.")
    active_tickets: int = Field(description="Tickets new/open/pending/on hold assigned to them.")
    capacity: int = Field(description="Their maximum.")
    urgent: int = Field(description="Active urgent tickets.")


class WorkloadReport(BaseModel):
    agents: list[Workload] = Field(description="Agents, busiest first.")


class CsatSummary(BaseModel):
    ratings: int = Field(description="Ratings counted.")
    average_score: float | None = Field(description="Mean score; null when none.")
    satisfied_pct: float | None = Field(description="Share of scores 4 or 5, in percent; null when none.")


_MOVES: dict[str, tuple[str, ...]] = {
    "new": ("open", "pending", "on_hold", "solved"),
    "open": ("pending", "on_hold", "solved"),
    "pending": ("open", "on_hold", "solved"),
    "on_hold": ("open", "pending", "solved"),
    "solved": ("open", "closed"),
    "closed": (),
}


def _move(ticket: dict, status: str) -> dict:
    if status == ticket["status"]:
        return {}
    if status not in _MOVES[ticket["status"]]:
        allowed = ", ".join(_MOVES[ticket["status"]]) or "none (closed tickets are final)"
        raise ToolError(
            f"Cannot move ticket {ticket['id']} from '{ticket['status']}' to '{status}'; allowed: {allowed}."
        )
    return {
        "status": status,
        "solved_at": "" if status != "solved" and status != "closed" else (ticket["solved_at"] or None),
    }


def _apply_status(ctx: ToolContext, ticket: dict, status: str) -> dict:
    changes = _move(ticket, status)
    if changes.get("solved_at") is None and "solved_at" in changes:
        changes["solved_at"] = ctx.now()
    return changes


def _open(ctx: ToolContext, ticket_id: str) -> dict:
    t = ctx.require("ticket", ticket_id)
    if t["status"] == "closed":
        raise ToolError(
            f"Ticket {ticket_id} is closed; closed tickets cannot change (open a follow-up instead)."
        )
    return t


@bp.action()
def assign_ticket(ctx: ToolContext, ticket_id: str, agent_id: str) -> Ticket:
    """Assign an {app} ticket to an agent; the agent must not be offline and must have capacity left.

    Args:
        ticket_id: The ticket to assign.
        agent_id: The agent to assign it to.
    """
    t = _open(ctx, ticket_id)
    agent = ctx.require("agent", agent_id)
    if t["assignee_id"] == agent_id:
        raise ToolError(f"Ticket {ticket_id} is already assigned to {agent['name']}.")
    if agent["status"] == "offline":
        raise ToolError(f"{agent['name']} is offline; assign the ticket to an available agent.")
    load = ctx.world.count(
        ctx.table("ticket"), "assignee_id = ? AND status IN ('new','open','pending','on_hold')", (agent_id,)
    )
    if load >= agent["max_open_tickets"]:
        raise ToolError(
            f"{agent['name']} is at capacity ({load} of {agent['max_open_tickets']} active tickets)."
        )
    changes = {"assignee_id": agent_id, "updated_at": ctx.now()}
    if t["status"] == "new":
        changes["status"] = "open"
    return ctx.update("ticket", ticket_id, changes)


@bp.action()
def reply_to_ticket(
    ctx: ToolContext,
    ticket_id: str,
    body: Annotated[str, Field(min_length=1, max_length=5000)],
    public: bool = True,
    status: Literal["open", "pending", "solved"] | None = None,
) -> Ticket:
    """Post a public reply or internal note on an {app} ticket, optionally changing its status in the same
    step.

    Args:
        ticket_id: The ticket to reply on.
        body: Message text.
        public: True for a reply the customer sees, False for an internal note.
        status: Status to set after replying.
    """
    t = _open(ctx, ticket_id)
    if not body.strip():
        raise ToolError("body: the reply cannot be blank.")
    now = ctx.now()
    changes: dict = {
        "messages": [
            *t["messages"],
            {"author_email": ctx.user.email, "body": body, "public": public, "at": now},
        ],
        "updated_at": now,
    }
    if public and not t["first_responded_at"]:
        changes["first_responded_at"] = now
    if status:
        changes |= _apply_status(ctx, t, status)
    elif t["status"] == "new" and public:
        changes["status"] = "open"
    return ctx.update("ticket", ticket_id, changes)


@bp.action()
def set_ticket_status(ctx: ToolContext, ticket_id: str, status: TicketStatus) -> Ticket:
    """Move an {app} ticket to another status; only allowed moves succeed and closed tickets are final.

    Args:
        ticket_id: The ticket.
        status: New status.
    """
    t = ctx.require("ticket", ticket_id)
    if status == t["status"]:
        raise ToolError(f"Ticket {ticket_id} is already '{status}'.")
    if status == "closed" and t["status"] != "solved":
        raise ToolError(f"Ticket {ticket_id} must be solved before it can be closed.")
    return ctx.update("ticket", ticket_id, _apply_status(ctx, t, status) | {"updated_at": ctx.now()})


@bp.action()
def apply_macro(ctx: ToolContext, ticket_id: str, macro_id: str) -> Ticket:
    """Apply an {app} macro to a ticket: its status, priority, tags and canned reply, all in one step.

    Args:
        ticket_id: The ticket.
        macro_id: The macro to apply.
    """
    t = _open(ctx, ticket_id)
    m = ctx.require("macro", macro_id)
    if not m["active"]:
        raise ToolError(f"Macro '{m['title']}' is inactive.")
    a = m["actions"]
    now = ctx.now()
    changes: dict = {"updated_at": now}
    if a.get("set_status"):
        changes |= _apply_status(ctx, t, a["set_status"])
    if a.get("set_priority"):
        changes["priority"] = a["set_priority"]
    if a.get("add_tags"):
        changes["tags"] = sorted(set(t["tags"]) | {x.strip().lower() for x in a["add_tags"] if x.strip()})
    if a.get("reply_text"):
        changes["messages"] = [
            *t["messages"],
            {"author_email": ctx.user.email, "body": a["reply_text"], "public": True, "at": now},
        ]
        if not t["first_responded_at"]:
            changes["first_responded_at"] = now
    ctx.update("macro", macro_id, {"usage_count": m["usage_count"] + 1})
    return ctx.update("ticket", ticket_id, changes)


@bp.action(destructive=True)
def merge_tickets(
    ctx: ToolContext,
    ticket_id: str,
    source_ticket_ids: Annotated[list[str], Field(min_length=1, max_length=10)],
) -> Ticket:
    """Merge duplicate {app} tickets into one: their messages and tags move over and the sources are closed.

    Args:
        ticket_id: The ticket to keep.
        source_ticket_ids: Duplicates to merge into it.
    """
    target = _open(ctx, ticket_id)
    sources = []
    for sid in dict.fromkeys(source_ticket_ids):
        if sid == ticket_id:
            raise ToolError("source_ticket_ids: a ticket cannot be merged into itself.")
        src = ctx.require("ticket", sid)
        if src["status"] == "closed":
            raise ToolError(f"Ticket {sid} is closed and cannot be merged.")
        sources.append(src)
    now = ctx.now()
    msgs, tags = list(target["messages"]), set(target["tags"])
    for src in sources:
        msgs.append(
            {
                "author_email": src["requester_email"],
                "body": f"[merged from {src['id']}] {src['subject']}: {src['description']}",
                "public": False,
                "at": now,
            }
        )
        msgs.extend(src["messages"])
        tags |= set(src["tags"])
        ctx.update(
            "ticket",
            src["id"],
            {
                "status": "closed",
                "solved_at": src["solved_at"] or now,
                "tags": sorted(set(src["tags"]) | {"merged"}),
                "updated_at": now,
            },
        )
    return ctx.update("ticket", ticket_id, {"messages": msgs, "tags": sorted(tags), "updated_at": now})


@bp.action()
def escalate_ticket(
    ctx: ToolContext, ticket_id: str, reason: Annotated[str, Field(min_length=1, max_length=500)]
) -> Ticket:
    """Escalate an {app} ticket: raise its priority one level, tag it and add an internal note with the
    reason.

    Args:
        ticket_id: The ticket to escalate.
        reason: Why it is escalated.
    """
    t = _open(ctx, ticket_id)
    if t["status"] == "solved":
        raise ToolError(f"Ticket {ticket_id} is solved; reopen it before escalating.")
    if t["priority"] == "urgent":
        raise ToolError(f"Ticket {ticket_id} is already urgent; it cannot be escalated further.")
    now = ctx.now()
    return ctx.update(
        "ticket",
        ticket_id,
        {
            "priority": _LEVELS[_LEVELS.index(t["priority"]) + 1],
            "tags": sorted(set(t["tags"]) | {"escalated"}),
            "messages": [
                *t["messages"],
                {"author_email": ctx.user.email, "body": f"Escalated: {reason}", "public": False, "at": now},
            ],
            "updated_at": now,
        },
    )


@bp.action()
def bulk_update_tickets(
    ctx: ToolContext,
    ticket_ids: Annotated[list[str], Field(min_length=1, max_length=50)],
    changes: TicketChanges,
) -> TicketList:
    """Apply the same priority, status or tags to several {app} tickets (all or none) and return them.

    Args:
        ticket_ids: Tickets to update.
        changes: What to change: priority, status and/or tags to add.
    """
    if not (changes.get("priority") or changes.get("status") or changes.get("add_tags")):
        raise ToolError("changes: give a priority, a status or tags to add.")
    tickets = [_open(ctx, tid) for tid in dict.fromkeys(ticket_ids)]
    planned = []
    for t in tickets:
        upd: dict = {}
        if changes.get("status"):
            upd |= _apply_status(ctx, t, changes["status"])
        if changes.get("priority"):
            upd["priority"] = changes["priority"]
        if changes.get("add_tags"):
            upd["tags"] = sorted(
                set(t["tags"]) | {x.strip().lower() for x in changes["add_tags"] if x.strip()}
            )
        planned.append((t["id"], upd))
    now = ctx.now()
    return {"tickets": [ctx.update("ticket", tid, upd | {"updated_at": now}) for tid, upd in planned]}


@bp.action()
def record_satisfaction(
    ctx: ToolContext,
    ticket_id: str,
    score: Annotated[int, Field(ge=1, le=5)],
    comment: Annotated[str, Field(max_length=2000)] = "",
) -> SatisfactionRating:
    """Record the customer's {app} satisfaction score for a solved or closed ticket (one rating per ticket).

    Args:
        ticket_id: The rated ticket.
        score: 1 (bad) to 5 (great).
        comment: Customer's comment.
    """
    t = ctx.require("ticket", ticket_id)
    if t["status"] not in ("solved", "closed"):
        raise ToolError(f"Ticket {ticket_id} is '{t['status']}'; only solved or closed tickets can be rated.")
    if ctx.select("satisfaction_rating", "ticket_id = ?", (ticket_id,)):
        raise ToolError(f"Ticket {ticket_id} already has a satisfaction rating.")
    return ctx.insert(
        "satisfaction_rating",
        {"ticket_id": ticket_id, "score": score, "comment": comment, "created_at": ctx.now()},
    )


def _hours(a: str, b: str) -> float:
    return (parse_stamp(b) - parse_stamp(a)).total_seconds() / 3600


def _plus(ts: str, hours: int) -> str:
    return format_stamp(parse_stamp(ts) + timedelta(hours=hours))


@bp.action(read_only=True)
def list_sla_breaches(ctx: ToolContext, priority: Priority | None = None) -> BreachList:
    """List active {app} tickets that missed their SLA first-response or resolution target, most overdue
    first.

    Args:
        priority: Only tickets of this priority.
    """
    policies = {p["priority"]: p for p in ctx.select("sla_policy", "active = 1")}
    now = ctx.now()
    out = []
    for t in ctx.select("ticket", "status IN ('new','open','pending','on_hold')"):
        if priority and t["priority"] != priority:
            continue
        pol = policies.get(t["priority"])
        if not pol:
            continue
        if not t["first_responded_at"]:
            over = _hours(t["created_at"], now) - pol["first_response_hours"]
            if over > 0:
                out.append(
                    {
                        "ticket_id": t["id"],
                        "priority": t["priority"],
                        "kind": "first_response",
                        "due_at": _plus(t["created_at"], pol["first_response_hours"]),
                        "hours_over": round(over, 1),
                    }
                )
        over = _hours(t["created_at"], now) - pol["resolution_hours"]
        if over > 0:
            out.append(
                {
                    "ticket_id": t["id"],
                    "priority": t["priority"],
                    "kind": "resolution",
                    "due_at": _plus(t["created_at"], pol["resolution_hours"]),
                    "hours_over": round(over, 1),
                }
            )
    out.sort(key=lambda b: (-b["hours_over"], b["ticket_id"], b["kind"]))
    return {"breaches": out}


@bp.action(read_only=True)
def get_agent_workload(
    ctx: ToolContext, team: Literal["tier1", "tier2", "billing", "technical"] | None = None
) -> WorkloadReport:
    """Show each {app} agent's active tickets against their capacity, busiest first.

    Args:
        team: Only agents of this team.
    """
    agents = ctx.select("agent", "team = ?", (team,)) if team else ctx.select("agent")
    active = ctx.select("ticket", "status IN ('new','open','pending','on_hold') AND assignee_id != ''")
    rows = []
    for a in agents:
        mine = [t for t in active if t["assignee_id"] == a["id"]]
        rows.append(
            {
                "agent_id": a["id"],
                "name": a["name"],
                "active_tickets": len(mine),
                "capacity": a["max_open_tickets"],
                "urgent": sum(1 for t in mine if t["priority"] == "urgent"),
            }
        )
    rows.sort(key=lambda r: (-r["active_tickets"], r["name"]))
    return {"agents": rows}


@bp.action(read_only=True)
def get_csat_summary(ctx: ToolContext, agent_id: str | None = None) -> CsatSummary:
    """Summarize {app} customer satisfaction: number of ratings, average score and share satisfied (4-5).

    Args:
        agent_id: Only tickets handled by this agent.
    """
    ratings = ctx.select("satisfaction_rating")
    if agent_id:
        ctx.require("agent", agent_id)
        mine = {t["id"] for t in ctx.select("ticket", "assignee_id = ?", (agent_id,))}
        ratings = [r for r in ratings if r["ticket_id"] in mine]
    if not ratings:
        return {"ratings": 0, "average_score": None, "satisfied_pct": None}
    return {
        "ratings": len(ratings),
        "average_score": round(sum(r["score"] for r in ratings) / len(ratings), 2),
        "satisfied_pct": round(100.0 * sum(1 for r in ratings if r["score"] >= 4) / len(ratings), 1),
    }


@bp.action(idempotent=True)
def close_solved_tickets(
    ctx: ToolContext, older_than_days: Annotated[int, Field(ge=0, le=90)] = 4
) -> TicketList:
    """Close {app} tickets that have been solved for at least the given number of days; returns those closed.

    Args:
        older_than_days: Days a ticket must have been solved.
    """
    cutoff = _plus(ctx.now(), -24 * older_than_days)
    done = ctx.select("ticket", "status = 'solved' AND solved_at != '' AND solved_at <= ?", (cutoff,))
    now = ctx.now()
    return {"tickets": [ctx.update("ticket", t["id"], {"status": "closed", "updated_at": now}) for t in done]}


_SUBJECTS = (
    "Can't log in to my account",
    "Refund for duplicate charge",
    "App crashes on startup",
    "How do I export data?",
    "Invoice shows wrong address",
    "Password reset email not arriving",
    "Feature request: dark mode",
    "Order arrived damaged",
    "Cancel my subscription",
    "API returns 500 errors",
    "Change billing plan",
    "Two-factor code not working",
    "Missing items in shipment",
    "Slow dashboard loading",
)
_TAGS = ("login", "billing", "refund", "bug", "how-to", "shipping", "api", "account")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    agents = []
    for i, p in enumerate(s.people[:8]):
        agents.append(
            ctx.insert(
                "agent",
                {
                    "name": p.name,
                    "email": p.email,
                    "team": ("tier1", "tier1", "tier2", "billing", "technical")[i % 5],
                    "status": ("online", "online", "away", "online", "offline")[i % 5],
                    "max_open_tickets": 3 if i == 1 else 12,
                    "created_at": s.at(days=-rng.randint(100, 800)),
                },
            )
        )
    for prio, fr, res in (("urgent", 1, 8), ("high", 4, 24), ("normal", 8, 72), ("low", 24, 168)):
        ctx.insert(
            "sla_policy",
            {
                "name": f"{prio.capitalize()} priority",
                "priority": prio,
                "first_response_hours": fr,
                "resolution_hours": res,
                "active": True,
            },
        )
    macros = [
        (
            "Close as resolved",
            {"set_status": "solved", "reply_text": "Glad we could help! Closing this ticket."},
        ),
        (
            "Request more info",
            {"set_status": "pending", "reply_text": "Could you share a screenshot and your account email?"},
        ),
        ("Escalate to engineering", {"set_priority": "high", "add_tags": ["bug", "engineering"]}),
        (
            "Refund issued",
            {
                "set_status": "solved",
                "add_tags": ["refund"],
                "reply_text": "Your refund is on its way (3-5 business days).",
            },
        ),
        ("Billing handoff", {"add_tags": ["billing"], "set_status": "open"}),
        ("Old spam filter", {"set_status": "solved", "add_tags": ["spam"]}),
    ]
    for n, (title, acts) in enumerate(macros):
        ctx.insert(
            "macro",
            {
                "title": title,
                "actions": {"set_status": None, "set_priority": None, "add_tags": [], "reply_text": ""}
                | acts,
                "active": n != 5,
                "usage_count": rng.randint(0, 300),
            },
        )
    customers = [p.email for p in s.people[10:40]]
    for _ in range(40):
        status = rng.choice(("new", "open", "open", "pending", "on_hold", "solved", "solved", "closed"))
        created_h = -rng.randint(2, 24 * 20)
        created = s.at(hours=created_h)
        assignee = "" if status == "new" else rng.choice(agents)["id"]
        responded = "" if status == "new" else s.at(hours=created_h + rng.randint(1, 10))
        solved = (
            s.at(hours=min(created_h + rng.randint(10, 100), -1)) if status in ("solved", "closed") else ""
        )
        msgs = (
            []
            if not responded
            else [
                {
                    "author_email": next(a["email"] for a in agents if a["id"] == assignee),
                    "body": "Thanks for reaching out, looking into it now.",
                    "public": True,
                    "at": responded,
                }
            ]
        )
        ticket = ctx.insert(
            "ticket",
            {
                "subject": rng.choice(_SUBJECTS),
                "description": s.fake.paragraph(nb_sentences=2),
                "requester_email": rng.choice(customers),
                "channel": rng.choice(("email", "chat", "phone", "web")),
                "priority": rng.choice(("low", "normal", "normal", "high", "urgent")),
                "status": status,
                "assignee_id": assignee,
                "tags": sorted(set(rng.sample(_TAGS, rng.randint(0, 2)))),
                "messages": msgs,
                "first_responded_at": responded,
                "solved_at": solved,
                "created_at": created,
                "updated_at": solved or responded or created,
            },
        )
        if status == "closed" or (status == "solved" and rng.random() < 0.4):
            ctx.insert(
                "satisfaction_rating",
                {
                    "ticket_id": ticket["id"],
                    "score": rng.choice((1, 3, 4, 5, 5)),
                    "comment": rng.choice(("", "Quick and helpful", "Took too long", "Great support!")),
                    "created_at": solved,
                },
            )


bp.product("supportember", "SupportEmber", "Customer support desk with SLAs, macros and CSAT.")
bp.product(
    "ticketorb",
    "TicketOrb",
    "Shared inbox and ticketing for growing support teams.",
    style="camel",
    pagination="cursor",
    drop=("delete_sla_policy", "merge_tickets", "close_solved_tickets"),
)
bp.product(
    "caredock",
    "CareDock",
    "Omnichannel help desk for email, chat and phone.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("delete_macro",),
)
bp.product(
    "fixfable",
    "FixFable",
    "Simple help desk for small businesses.",
    prefix="fixfable",
    drop=(
        "create_agent",
        "update_agent",
        "create_sla_policy",
        "update_sla_policy",
        "delete_sla_policy",
        "search_macros",
        "delete_macro",
        "merge_tickets",
        "bulk_update_tickets",
        "list_sla_breaches",
    ),
)
bp.product(
    "helpquill",
    "HelpQuill",
    "Support ticketing with agent workload and satisfaction reporting.",
    verbs={"list": "browse", "search": "find"},
    pagination="cursor",
)
