"""Monitoring and incidents: monitors, alerts, incidents, on-call schedules and overrides (five products)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import parse_day
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("monitoring and incidents")

DATE = r"^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
MonitorKind = Literal["http", "tcp", "ping", "dns", "keyword"]
Severity = Literal["critical", "warning", "info"]
IncidentSeverity = Literal["sev1", "sev2", "sev3", "sev4"]
IncidentStatus = Literal["investigating", "identified", "monitoring", "resolved"]


class Monitor(BaseModel):
    id: str = Field(description="Monitor id.")
    name: str = Field(description="Monitor name.", min_length=1, max_length=120)
    kind: MonitorKind = Field("http", description="Type of check.")
    target: str = Field(description="URL, host or hostname:port being checked.", min_length=1, max_length=300)
    interval_seconds: int = Field(60, ge=30, le=3600, description="Seconds between checks.")
    threshold_ms: int = Field(
        2000, ge=50, le=60000, description="Response time above which the check degrades."
    )
    tags: list[str] = Field(default_factory=list, description="Tags such as 'prod' or 'payments'.")
    owner_email: str = Field("", description="Email of the owning engineer.", max_length=200)
    status: Literal["active", "paused"] = Field("active", description="Whether checks are running.")
    last_result: Literal["up", "down", "degraded", "unknown"] = Field(
        "unknown", description="Latest check result."
    )
    created_at: str = Field("", description="When the monitor was created (ISO-8601).")


class Alert(BaseModel):
    id: str = Field(description="Alert id.")
    monitor_id: str = Field(description="Monitor that fired the alert.")
    severity: Severity = Field("warning", description="Alert severity.")
    message: str = Field(description="What went wrong.", max_length=500)
    state: Literal["triggered", "acknowledged", "resolved"] = Field("triggered", description="Alert state.")
    triggered_at: str = Field("", description="When the alert fired (ISO-8601).")
    acknowledged_by: str = Field("", description="Email of whoever acknowledged it.")
    resolved_at: str = Field("", description="When it was resolved (ISO-8601), empty while open.")
    incident_id: str = Field("", description="Incident the alert is attached to; empty when none.")


class Incident(BaseModel):
    id: str = Field(description="Incident id.")
    title: str = Field(description="Short incident title.", min_length=1, max_length=200)
    severity: IncidentSeverity = Field("sev3", description="Severity, sev1 being the worst.")
    service: str = Field("", description="Affected service.", max_length=100)
    commander_email: str = Field("", description="Incident commander's email.", max_length=200)
    summary: str = Field("", description="Running summary / status update (Markdown).", max_length=5000)
    status: IncidentStatus = Field("investigating", description="Incident status.")
    resolved_at: str = Field("", description="When it was resolved (ISO-8601).")
    created_at: str = Field("", description="When it was declared (ISO-8601).")


class Schedule(BaseModel):
    id: str = Field(description="On-call schedule id.")
    name: str = Field(description="Schedule name.", min_length=1, max_length=120)
    team: str = Field("", description="Owning team.", max_length=100)
    rotation: Literal["daily", "weekly"] = Field("weekly", description="How often on-call hands off.")
    rotation_start: str = Field(description="First day of the rotation (YYYY-MM-DD).", pattern=DATE)
    handoff_time: str = Field(
        "09:00", description="Local handoff time (HH:MM).", pattern=r"^([01]\d|2[0-3]):[0-5]\d$"
    )
    timezone: str = Field("UTC", description="IANA timezone of the schedule.", max_length=60)
    members: list[str] = Field(default_factory=list, description="Member emails in rotation order.")


class Override(BaseModel):
    id: str = Field(description="Override id.")
    schedule_id: str = Field(description="Schedule overridden.")
    user_email: str = Field(description="Who is on call instead.")
    starts_on: str = Field(description="First day covered (YYYY-MM-DD).")
    ends_on: str = Field(description="Last day covered (YYYY-MM-DD).")
    created_at: str = Field("", description="When the override was created (ISO-8601).")


bp.resource(
    Monitor,
    name="monitor",
    id_prefix="mon",
    searchable=("name", "target"),
    filterable=("kind", "status", "last_result", "owner_email"),
    readonly=("status", "last_result"),
    order_by="name",
)
bp.resource(
    Alert,
    name="alert",
    id_prefix="alr",
    filterable=("monitor_id", "severity", "state", "incident_id"),
    refs={"monitor_id": "monitor"},
    ops=("list", "get"),
    order_by="triggered_at DESC",
)
bp.resource(
    Incident,
    name="incident",
    id_prefix="inc",
    searchable=("title", "summary", "service"),
    filterable=("severity", "status", "commander_email"),
    readonly=("status", "resolved_at"),
    ops=("search", "list", "get", "create", "update"),
    order_by="created_at DESC",
)
bp.resource(
    Schedule,
    name="schedule",
    id_prefix="sch",
    searchable=("name", "team"),
    filterable=("team", "rotation"),
    readonly=("members",),
    order_by="name",
)
bp.resource(
    Override,
    name="override",
    id_prefix="ovr",
    filterable=("schedule_id", "user_email"),
    refs={"schedule_id": "schedule"},
    ops=("list", "get", "delete"),
    order_by="starts_on",
)


class AlertList(BaseModel):
    alerts: list[Alert] = Field(description="The alerts.")


class MonitorList(BaseModel):
    monitors: list[Monitor] = Field(description="The monitors.")


class OnCallNow(BaseModel):
    schedule_id: str = Field(description="The schedule.")
    date: str = Field(description="The day asked about (YYYY-MM-DD).")
    on_call_email: str = Field(description="Who is on call.")
    via_override: bool = Field(description="Whether an override put them on call.")
    next_on_call_email: str = Field(description="Who takes over at the next handoff (ignoring overrides).")


class AlertSummary(BaseModel):
    by_state: dict[str, int] = Field(description="Number of alerts per state.")
    by_severity_open: dict[str, int] = Field(description="Open (not resolved) alerts per severity.")
    oldest_unacknowledged: Alert | None = Field(None, description="The oldest alert still triggered, if any.")


class NewMonitor(BaseModel):
    name: str = Field(description="Monitor name.", min_length=1, max_length=120)
    target: str = Field(description="URL or host to check.", min_length=1, max_length=300)
    kind: MonitorKind = Field("http", description="Type of check.")
    interval_seconds: int = Field(60, ge=30, le=3600, description="Seconds between checks.")


def _rotation_member(schedule: dict, day: date, offset: int = 0) -> str:
    members = schedule["members"]
    if not members:
        raise ToolError(f"Schedule {schedule['name']} has no members.")
    start = parse_day(schedule["rotation_start"], "rotation_start")
    days = (day - start).days
    if days < 0:
        raise ToolError(
            f"Schedule {schedule['name']} starts on {schedule['rotation_start']}; nobody is on call yet."
        )
    step = days if schedule["rotation"] == "daily" else days // 7
    return members[(step + offset) % len(members)]


@bp.action()
def pause_monitor(ctx: ToolContext, monitor_id: str) -> Monitor:
    """Pause an {app} monitor so that it stops running checks and firing alerts; returns the monitor.

    Args:
        monitor_id: The monitor to pause.
    """
    mon = ctx.require("monitor", monitor_id)
    if mon["status"] == "paused":
        raise ToolError(f"Monitor {mon['name']} is already paused.")
    return ctx.update("monitor", monitor_id, {"status": "paused", "last_result": "unknown"})


@bp.action()
def resume_monitor(ctx: ToolContext, monitor_id: str) -> Monitor:
    """Resume a paused {app} monitor so that checks run again; returns the monitor.

    Args:
        monitor_id: The monitor to resume.
    """
    mon = ctx.require("monitor", monitor_id)
    if mon["status"] == "active":
        raise ToolError(f"Monitor {mon['name']} is already active.")
    return ctx.update("monitor", monitor_id, {"status": "active"})


@bp.action()
def bulk_create_monitors(
    ctx: ToolContext,
    monitors: Annotated[list[NewMonitor], Field(min_length=1, max_length=20)],
    owner_email: Annotated[str, Field(max_length=200)] = "",
) -> MonitorList:
    """Create several {app} monitors at once (all or none); names must be unique. Returns the new monitors.

    Args:
        monitors: The monitors to create.
        owner_email: Owner email applied to every new monitor.
    """
    existing = {m["name"].lower() for m in ctx.select("monitor")}
    seen: set[str] = set()
    for m in monitors:
        key = m["name"].strip().lower()
        if not key:
            raise ToolError("monitors: a monitor name cannot be blank.")
        if key in existing or key in seen:
            raise ToolError(f"A monitor named '{m['name']}' already exists; nothing was created.")
        seen.add(key)
    now = ctx.now()
    made = [
        ctx.insert(
            "monitor",
            {
                "name": m["name"].strip(),
                "target": m["target"],
                "kind": m["kind"],
                "interval_seconds": m["interval_seconds"],
                "owner_email": owner_email.lower(),
                "created_at": now,
            },
        )
        for m in monitors
    ]
    return {"monitors": made}


@bp.action()
def acknowledge_alert(ctx: ToolContext, alert_id: str) -> Alert:
    """Acknowledge a triggered {app} alert as the current user, stopping its escalation; returns the alert.

    Args:
        alert_id: The alert to acknowledge.
    """
    alert = ctx.require("alert", alert_id)
    if alert["state"] != "triggered":
        raise ToolError(f"Alert {alert_id} is '{alert['state']}'; only triggered alerts can be acknowledged.")
    return ctx.update("alert", alert_id, {"state": "acknowledged", "acknowledged_by": ctx.user.email})


@bp.action(idempotent=True)
def bulk_acknowledge_alerts(
    ctx: ToolContext, alert_ids: Annotated[list[str], Field(min_length=1, max_length=50)]
) -> AlertList:
    """Acknowledge several {app} alerts at once (all or none); already acknowledged ones are left as they are.

    Args:
        alert_ids: The alerts to acknowledge.
    """
    alerts = [ctx.require("alert", a) for a in dict.fromkeys(alert_ids)]
    resolved = [a["id"] for a in alerts if a["state"] == "resolved"]
    if resolved:
        raise ToolError(f"Alerts already resolved: {', '.join(resolved)}; nothing was acknowledged.")
    out = [
        ctx.update("alert", a["id"], {"state": "acknowledged", "acknowledged_by": ctx.user.email})
        if a["state"] == "triggered"
        else a
        for a in alerts
    ]
    return {"alerts": out}


@bp.action()
def resolve_alert(ctx: ToolContext, alert_id: str) -> Alert:
    """Resolve an open {app} alert (triggered or acknowledged) and return it.

    Args:
        alert_id: The alert to resolve.
    """
    alert = ctx.require("alert", alert_id)
    if alert["state"] == "resolved":
        raise ToolError(f"Alert {alert_id} was already resolved at {alert['resolved_at']}.")
    return ctx.update("alert", alert_id, {"state": "resolved", "resolved_at": ctx.now()})


@bp.action()
def declare_incident(
    ctx: ToolContext,
    title: Annotated[str, Field(min_length=1, max_length=200)],
    alert_ids: Annotated[list[str], Field(min_length=1, max_length=10)],
    severity: IncidentSeverity = "sev3",
) -> Incident:
    """Declare an {app} incident from open alerts, attaching them to it, with you as commander.

    Args:
        title: Short incident title.
        alert_ids: Open alerts that belong to the incident (not resolved, not in another incident).
        severity: Incident severity.
    """
    if not title.strip():
        raise ToolError("title: the title cannot be blank.")
    alerts = [ctx.require("alert", a) for a in dict.fromkeys(alert_ids)]
    for a in alerts:
        if a["state"] == "resolved":
            raise ToolError(f"Alert {a['id']} is already resolved; only open alerts can start an incident.")
        if a["incident_id"]:
            raise ToolError(f"Alert {a['id']} is already part of incident {a['incident_id']}.")
    service = ctx.require("monitor", alerts[0]["monitor_id"])["name"]
    inc = ctx.insert(
        "incident",
        {
            "title": title.strip(),
            "severity": severity,
            "service": service,
            "commander_email": ctx.user.email,
            "status": "investigating",
            "created_at": ctx.now(),
        },
    )
    for a in alerts:
        ctx.update("alert", a["id"], {"incident_id": inc["id"]})
    return inc


_INC_NEXT: dict[str, tuple[str, ...]] = {
    "investigating": ("identified", "monitoring", "resolved"),
    "identified": ("monitoring", "resolved"),
    "monitoring": ("identified", "resolved"),
    "resolved": ("investigating",),
}


@bp.action()
def update_incident_status(
    ctx: ToolContext,
    incident_id: str,
    status: IncidentStatus,
    note: Annotated[str, Field(max_length=1000)] = "",
) -> Incident:
    """Move an {app} incident to a new status; resolving it also resolves its attached alerts.

    Args:
        incident_id: The incident to update.
        status: The new status.
        note: Status update appended to the incident summary.
    """
    inc = ctx.require("incident", incident_id)
    if status == inc["status"]:
        raise ToolError(f"Incident {incident_id} is already '{status}'.")
    if status not in _INC_NEXT[inc["status"]]:
        raise ToolError(
            f"Cannot move incident {incident_id} from '{inc['status']}' to '{status}'; "
            f"allowed: {', '.join(_INC_NEXT[inc['status']])}."
        )
    now = ctx.now()
    changes: dict = {"status": status, "resolved_at": now if status == "resolved" else ""}
    if note.strip():
        changes["summary"] = (
            inc["summary"] + "\n" if inc["summary"] else ""
        ) + f"[{now}] {status}: {note.strip()}"
    if status == "resolved":
        for a in ctx.select("alert", "incident_id = ? AND state != 'resolved'", (incident_id,)):
            ctx.update("alert", a["id"], {"state": "resolved", "resolved_at": now})
    return ctx.update("incident", incident_id, changes)


_SEV_UP = {"sev4": "sev3", "sev3": "sev2", "sev2": "sev1"}


@bp.action()
def escalate_incident(ctx: ToolContext, incident_id: str) -> Incident:
    """Raise the severity of an open {app} incident by one level (e.g. sev3 to sev2); returns the incident.

    Args:
        incident_id: The incident to escalate.
    """
    inc = ctx.require("incident", incident_id)
    if inc["status"] == "resolved":
        raise ToolError(f"Incident {incident_id} is resolved; reopen it before escalating.")
    if inc["severity"] == "sev1":
        raise ToolError(f"Incident {incident_id} is already sev1, the highest severity.")
    return ctx.update("incident", incident_id, {"severity": _SEV_UP[inc["severity"]]})


@bp.action(read_only=True)
def get_alert_summary(ctx: ToolContext, monitor_id: str | None = None) -> AlertSummary:
    """Summarize {app} alerts: counts per state, open alerts per severity and the oldest unacknowledged one.

    Args:
        monitor_id: Only alerts of this monitor.
    """
    if monitor_id:
        ctx.require("monitor", monitor_id)
        alerts = ctx.select("alert", "monitor_id = ?", (monitor_id,), order_by="triggered_at")
    else:
        alerts = ctx.select("alert", order_by="triggered_at")
    by_state: dict[str, int] = {}
    by_sev: dict[str, int] = {}
    for a in alerts:
        by_state[a["state"]] = by_state.get(a["state"], 0) + 1
        if a["state"] != "resolved":
            by_sev[a["severity"]] = by_sev.get(a["severity"], 0) + 1
    oldest = next((a for a in alerts if a["state"] == "triggered"), None)
    return {"by_state": by_state, "by_severity_open": by_sev, "oldest_unacknowledged": oldest}


@bp.action(read_only=True)
def get_current_oncall(ctx: ToolContext, schedule_id: str) -> OnCallNow:
    """Tell who is on call today for an {app} schedule (overrides included) and who is next in rotation.

    Args:
        schedule_id: The on-call schedule.
    """
    sch = ctx.require("schedule", schedule_id)
    today = ctx.today()
    day = parse_day(today, "today")
    who = _rotation_member(sch, day)
    nxt = _rotation_member(sch, day, 1)
    over = [
        o
        for o in ctx.select("override", "schedule_id = ?", (schedule_id,), order_by="created_at DESC")
        if o["starts_on"] <= today <= o["ends_on"]
    ]
    return {
        "schedule_id": schedule_id,
        "date": today,
        "on_call_email": over[0]["user_email"] if over else who,
        "via_override": bool(over),
        "next_on_call_email": nxt,
    }


@bp.action()
def add_schedule_override(
    ctx: ToolContext,
    schedule_id: str,
    user_email: Annotated[str, Field(max_length=200)],
    starts_on: Annotated[str, Field(pattern=DATE)],
    days: Annotated[int, Field(ge=1, le=31)] = 1,
) -> Override:
    """Put someone on call for an {app} schedule for a date range, overriding the rotation; no overlaps
    allowed.

    Args:
        schedule_id: The schedule to override.
        user_email: Who covers the shift.
        starts_on: First day covered (YYYY-MM-DD).
        days: Number of days covered, starting on starts_on.
    """
    ctx.require("schedule", schedule_id)
    if "@" not in user_email:
        raise ToolError(f"user_email: '{user_email}' is not an email address.")
    a = parse_day(starts_on, "starts_on")
    ends_on = (a + timedelta(days=days - 1)).isoformat()
    if ends_on < ctx.today():
        raise ToolError(f"The override would end on {ends_on}, which is in the past.")
    for o in ctx.select("override", "schedule_id = ?", (schedule_id,)):
        if o["starts_on"] <= ends_on and starts_on <= o["ends_on"]:
            raise ToolError(
                f"Overlaps override {o['id']} ({o['starts_on']} to {o['ends_on']}) for {o['user_email']}."
            )
    return ctx.insert(
        "override",
        {
            "schedule_id": schedule_id,
            "user_email": user_email.strip().lower(),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "created_at": ctx.now(),
        },
    )


@bp.action(idempotent=True)
def add_schedule_member(
    ctx: ToolContext, schedule_id: str, member_email: Annotated[str, Field(max_length=200)]
) -> Schedule:
    """Add a person to the end of an {app} on-call rotation; someone already in it is left as is.

    Args:
        schedule_id: The schedule.
        member_email: Email of the person to add.
    """
    sch = ctx.require("schedule", schedule_id)
    email = member_email.strip().lower()
    if "@" not in email:
        raise ToolError(f"member_email: '{member_email}' is not an email address.")
    if email in sch["members"]:
        return sch
    if len(sch["members"]) >= 20:
        raise ToolError(f"Schedule {sch['name']} already has the maximum of 20 members.")
    return ctx.update("schedule", schedule_id, {"members": [*sch["members"], email]})


@bp.action()
def remove_schedule_member(
    ctx: ToolContext, schedule_id: str, member_email: Annotated[str, Field(max_length=200)]
) -> Schedule:
    """Remove a person from an {app} on-call rotation; the last remaining member cannot be removed.

    Args:
        schedule_id: The schedule.
        member_email: Email of the person to remove.
    """
    sch = ctx.require("schedule", schedule_id)
    email = member_email.strip().lower()
    if email not in sch["members"]:
        raise ToolError(f"{member_email} is not in the rotation of schedule {sch['name']}.")
    if len(sch["members"]) == 1:
        raise ToolError(
            f"{member_email} is the only member of schedule {sch['name']}; add someone else first."
        )
    return ctx.update("schedule", schedule_id, {"members": [m for m in sch["members"] if m != email]})


_SERVICES = (
    "checkout-api",
    "auth-service",
    "search",
    "payments-gateway",
    "cdn-edge",
    "orders-db",
    "mobile-bff",
    "email-worker",
    "inventory",
    "web-frontend",
    "billing-cron",
    "graphql",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    team = [s.user.email] + [p.email for p in s.people[:10]]
    monitors = []
    for i, svc in enumerate(_SERVICES):
        kind = rng.choice(("http", "http", "tcp", "ping", "dns", "keyword"))
        target = f"https://{svc}.example.net/health" if kind in ("http", "keyword") else f"{svc}.internal:443"
        status = "paused" if i in (2, 5, 9) else "active"
        monitors.append(
            ctx.insert(
                "monitor",
                {
                    "name": svc,
                    "kind": kind,
                    "target": target,
                    "interval_seconds": rng.choice((30, 60, 120, 300)),
                    "threshold_ms": rng.choice((500, 1000, 2000)),
                    "tags": sorted(rng.sample(("prod", "staging", "tier1", "payments", "edge"), 2)),
                    "owner_email": rng.choice(team),
                    "status": status,
                    "last_result": "unknown"
                    if status == "paused"
                    else rng.choice(("up", "up", "up", "down", "degraded")),
                    "created_at": s.at(days=-rng.randint(60, 400)),
                },
            )
        )
    incidents = []
    for k, (title, sev, st) in enumerate(
        (
            ("Checkout latency spike", "sev2", "investigating"),
            ("Login failures for SSO users", "sev1", "identified"),
            ("Search index lagging", "sev3", "monitoring"),
            ("CDN 5xx burst in eu-west", "sev2", "resolved"),
            ("Payment webhook retries", "sev4", "resolved"),
            ("Orders DB replica lag", "sev3", "investigating"),
        )
    ):
        created = -rng.randint(1, 20) - k
        incidents.append(
            ctx.insert(
                "incident",
                {
                    "title": title,
                    "severity": sev,
                    "service": rng.choice(_SERVICES),
                    "commander_email": rng.choice(team),
                    "summary": s.fake.sentence(nb_words=14),
                    "status": st,
                    "resolved_at": s.at(days=created + 1) if st == "resolved" else "",
                    "created_at": s.at(days=created),
                },
            )
        )
    for _ in range(36):
        mon = rng.choice(monitors)
        back = -rng.uniform(0.1, 20)
        state = rng.choice(("triggered", "triggered", "acknowledged", "acknowledged", "resolved"))
        inc = rng.choice(incidents) if rng.random() < 0.3 else None
        if inc and inc["status"] == "resolved":
            state = "resolved"
        ctx.insert(
            "alert",
            {
                "monitor_id": mon["id"],
                "severity": rng.choice(("critical", "warning", "warning", "info")),
                "message": rng.choice(
                    (
                        "HTTP 503 from health check",
                        "Response time above threshold",
                        "TLS certificate expires in 7 days",
                        "Connection refused",
                        "Keyword not found",
                        "DNS resolution failed",
                        "Packet loss 40%",
                    )
                ),
                "state": state,
                "triggered_at": s.at(days=back),
                "acknowledged_by": rng.choice(team) if state != "triggered" else "",
                "resolved_at": s.at(days=back + 0.05) if state == "resolved" else "",
                "incident_id": inc["id"] if inc else "",
            },
        )
    schedules = []
    for name, tm, rot in (
        ("Platform primary", "platform", "weekly"),
        ("Platform secondary", "platform", "weekly"),
        ("Payments on-call", "payments", "weekly"),
        ("Data pipeline", "data", "daily"),
        ("Mobile escalation", "mobile", "weekly"),
        ("Security", "security", "daily"),
    ):
        members = rng.sample(team, rng.randint(2, 5))
        schedules.append(
            ctx.insert(
                "schedule",
                {
                    "name": name,
                    "team": tm,
                    "rotation": rot,
                    "rotation_start": s.date(-rng.randint(20, 200)),
                    "handoff_time": rng.choice(("09:00", "10:00", "17:30")),
                    "timezone": rng.choice(("UTC", "America/New_York", "Europe/Berlin")),
                    "members": members,
                },
            )
        )
    for sch in schedules[:4]:
        start = rng.randint(-10, 10)
        ctx.insert(
            "override",
            {
                "schedule_id": sch["id"],
                "user_email": rng.choice(team),
                "starts_on": s.date(start),
                "ends_on": s.date(start + rng.randint(0, 3)),
                "created_at": s.at(days=-12),
            },
        )


bp.product("vigilix", "Vigilix", "Uptime monitoring with alerting, incidents and on-call rotations.")
bp.product(
    "pulsegrid",
    "PulseGrid",
    "Infrastructure monitors and incident response for SRE teams.",
    style="camel",
    pagination="cursor",
    drop=("delete_override", "bulk_acknowledge_alerts"),
)
bp.product(
    "lookoutly",
    "Lookoutly",
    "Status checks, alert triage and incident timelines.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=("search_schedules", "escalate_incident"),
)
bp.product(
    "nightowlops",
    "NightOwl Ops",
    "On-call scheduling and paging for small teams.",
    prefix="owl",
    drop=(
        "bulk_create_monitors",
        "search_monitors",
        "update_monitor",
        "delete_monitor",
        "search_incidents",
        "update_incident",
        "escalate_incident",
        "get_alert_summary",
        "list_overrides",
        "delete_schedule",
    ),
)
bp.product(
    "sirenhq",
    "SirenHQ",
    "Alert routing and incident command center.",
    verbs={"list": "browse", "create": "add"},
    pagination="cursor",
    drop=("get_override",),
)
