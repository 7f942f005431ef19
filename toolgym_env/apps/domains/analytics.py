"""Product analytics: tracked events, metrics, funnels, dashboards with widgets and scheduled reports (five
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

bp = Blueprint("product analytics")

Platform = Literal["web", "ios", "android"]
Chart = Literal["line", "bar", "number", "table"]
EVENT_NAME = r"^[a-z][a-z0-9_]{2,40}$"


class Widget(BaseModel):
    metric_id: str = Field(description="Metric shown.")
    chart: Chart = Field("line", description="Chart type.")
    title: str = Field("", description="Widget title.")


class Dashboard(BaseModel):
    id: str = Field(description="Dashboard id.")
    name: str = Field(description="Dashboard name.", min_length=1, max_length=120)
    description: str = Field("", description="What the dashboard tracks.", max_length=1000)
    owner_email: str = Field("", description="Owner's email.", max_length=200)
    visibility: Literal["private", "team", "public"] = Field("team", description="Who can see it.")
    default_range_days: int = Field(30, ge=1, le=365, description="Default time range in days.")
    widgets: list[Widget] = Field(default_factory=list, description="Widgets on the dashboard.")
    created_at: str = Field("", description="When it was created (ISO-8601).")


class Metric(BaseModel):
    id: str = Field(description="Metric id.")
    name: str = Field(description="Human-readable name.", min_length=1, max_length=120)
    key: str = Field(description="Unique machine key.", pattern=r"^[a-z][a-z0-9_]{2,40}$")
    event_name: str = Field(description="Event the metric is computed from.", pattern=EVENT_NAME)
    aggregation: Literal["count", "unique_users", "sum", "avg"] = Field(
        "count", description="How events are aggregated."
    )
    unit: str = Field("", description="Unit label, e.g. 'USD'.", max_length=20)
    description: str = Field("", description="What it measures.", max_length=500)


class Event(BaseModel):
    id: str = Field(description="Event record id.")
    name: str = Field(description="Event name, e.g. 'signup'.")
    distinct_id: str = Field(description="Anonymous or user identifier of who did it.")
    platform: Platform = Field("web", description="Platform.")
    country: str = Field("", description="Two-letter country code.")
    value: float = Field(0, description="Numeric value (e.g. order amount).")
    occurred_at: str = Field(description="When it happened (ISO-8601).")


class Funnel(BaseModel):
    id: str = Field(description="Funnel id.")
    name: str = Field(description="Funnel name.", min_length=1, max_length=120)
    steps: list[str] = Field(description="Event names in order (2-8 steps).", min_length=2, max_length=8)
    window_days: int = Field(7, ge=1, le=90, description="Days a user has to complete the funnel.")
    owner_email: str = Field("", description="Owner's email.", max_length=200)


class Report(BaseModel):
    id: str = Field(description="Scheduled report id.")
    name: str = Field(description="Report name.", min_length=1, max_length=120)
    dashboard_id: str = Field(description="Dashboard the report renders.")
    schedule: Literal["daily", "weekly", "monthly"] = Field("weekly", description="How often it is sent.")
    file_format: Literal["pdf", "csv", "png"] = Field("pdf", description="Attachment format.")
    recipients: list[str] = Field(default_factory=list, description="Recipient emails.")
    status: Literal["active", "paused"] = Field("active", description="Whether it is being sent.")
    last_sent_at: str = Field("", description="When it was last sent (ISO-8601).")


bp.resource(
    Dashboard,
    name="dashboard",
    id_prefix="dsh",
    searchable=("name", "description"),
    filterable=("visibility", "owner_email"),
    readonly=("widgets",),
    order_by="name",
)
bp.resource(
    Metric,
    name="metric",
    id_prefix="met",
    searchable=("name", "key", "description"),
    filterable=("event_name", "aggregation"),
    order_by="name",
)
bp.resource(
    Event,
    name="event",
    id_prefix="ev",
    filterable=("name", "platform", "country", "distinct_id"),
    ops=("list", "get"),
    order_by="occurred_at DESC",
)
bp.resource(
    Funnel,
    name="funnel",
    id_prefix="fnl",
    filterable=("owner_email",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="name",
)
bp.resource(
    Report,
    name="report",
    id_prefix="rpt",
    filterable=("dashboard_id", "status", "schedule"),
    refs={"dashboard_id": "dashboard"},
    readonly=("status", "last_sent_at", "recipients"),
    ops=("list", "get", "create", "delete"),
    order_by="name",
)


class MetricValue(BaseModel):
    metric_id: str = Field(description="The metric.")
    days: int = Field(description="Window in days, ending now.")
    value: float = Field(description="The aggregated value over the window.")
    breakdown: dict[str, float] = Field(description="Value per group (empty without group_by).")


class PeriodComparison(BaseModel):
    metric_id: str = Field(description="The metric.")
    current: float = Field(description="Value over the last N days.")
    previous: float = Field(description="Value over the N days before.")
    change_percent: float | None = Field(
        None, description="Relative change; null when the previous value is 0."
    )


class FunnelStep(BaseModel):
    event_name: str = Field(description="Step event.")
    users: int = Field(description="Users reaching this step in order.")
    conversion_from_previous: float = Field(description="Percent of the previous step's users.")


class FunnelResult(BaseModel):
    funnel_id: str = Field(description="The funnel.")
    steps: list[FunnelStep] = Field(description="Per step.")
    overall_conversion: float = Field(description="Percent of first-step users completing the last step.")


class EventCount(BaseModel):
    name: str = Field(description="Event name.")
    count: int = Field(description="Occurrences.")
    unique_users: int = Field(description="Distinct users.")


class TopEvents(BaseModel):
    days: int = Field(description="Window in days.")
    events: list[EventCount] = Field(description="Most frequent events first.")


class EventList(BaseModel):
    events: list[Event] = Field(description="The events.")


class NewEvent(BaseModel):
    name: str = Field(description="Event name.", pattern=EVENT_NAME)
    distinct_id: str = Field(description="Who did it.", min_length=1, max_length=100)
    platform: Platform = Field("web", description="Platform.")
    country: str = Field("", description="Two-letter country code.", pattern=r"^([A-Z]{2})?$")
    value: float = Field(0, ge=-1_000_000, le=1_000_000, description="Numeric value.")


class EventFilter(BaseModel):
    name: str | None = Field(None, description="Only this event name.", max_length=60)
    platform: Platform | None = Field(None, description="Only this platform.")
    country: str | None = Field(None, description="Only this country code.", max_length=2)
    min_value: float | None = Field(None, description="Only events with at least this value.")


def _since(ctx: ToolContext, days: int, offset: int = 0) -> tuple[str, str]:
    now = parse_stamp(ctx.now())
    return (
        format_stamp(now - timedelta(days=days * (offset + 1))),
        format_stamp(now - timedelta(days=days * offset)),
    )


def _aggregate(metric: dict, rows: list[dict]) -> float:
    agg = metric["aggregation"]
    if agg == "count":
        return float(len(rows))
    if agg == "unique_users":
        return float(len({r["distinct_id"] for r in rows}))
    if agg == "sum":
        return round(sum(r["value"] for r in rows), 2)
    return round(sum(r["value"] for r in rows) / len(rows), 2) if rows else 0.0


def _metric_rows(ctx: ToolContext, metric: dict, days: int, offset: int = 0) -> list[dict]:
    start, end = _since(ctx, days, offset)
    return ctx.select(
        "event", "name = ? AND occurred_at > ? AND occurred_at <= ?", (metric["event_name"], start, end)
    )


@bp.action(read_only=True)
def compute_metric(
    ctx: ToolContext,
    metric_id: str,
    days: Annotated[int, Field(ge=1, le=365)] = 30,
    group_by: Literal["none", "platform", "country"] = "none",
) -> MetricValue:
    """Compute an {app} metric over the last N days, optionally broken down by platform or country.

    Args:
        metric_id: The metric.
        days: Window in days, ending now.
        group_by: Breakdown dimension.
    """
    m = ctx.require("metric", metric_id)
    rows = _metric_rows(ctx, m, days)
    groups: dict[str, list[dict]] = {}
    if group_by != "none":
        for r in rows:
            groups.setdefault(r[group_by] or "unknown", []).append(r)
    return {
        "metric_id": metric_id,
        "days": days,
        "value": _aggregate(m, rows),
        "breakdown": {k: _aggregate(m, v) for k, v in sorted(groups.items())},
    }


@bp.action(read_only=True)
def compare_metric_periods(
    ctx: ToolContext, metric_id: str, days: Annotated[int, Field(ge=1, le=180)] = 7
) -> PeriodComparison:
    """Compare an {app} metric over the last N days with the N days before, with the percent change.

    Args:
        metric_id: The metric.
        days: Length of each period in days.
    """
    m = ctx.require("metric", metric_id)
    cur, prev = _aggregate(m, _metric_rows(ctx, m, days)), _aggregate(m, _metric_rows(ctx, m, days, 1))
    return {
        "metric_id": metric_id,
        "current": cur,
        "previous": prev,
        "change_percent": round(100 * (cur - prev) / prev, 1) if prev else None,
    }


@bp.action(read_only=True)
def run_funnel(
    ctx: ToolContext, funnel_id: str, days: Annotated[int, Field(ge=1, le=365)] = 30
) -> FunnelResult:
    """Run an {app} funnel over users active in the last N days: users per step in order and conversion rates.

    Args:
        funnel_id: The funnel.
        days: Look-back window in days.
    """
    f = ctx.require("funnel", funnel_id)
    start, _ = _since(ctx, days)
    rows = ctx.select("event", "occurred_at > ?", (start,), order_by="occurred_at")
    by_user: dict[str, list[dict]] = {}
    for r in rows:
        by_user.setdefault(r["distinct_id"], []).append(r)
    counts = [0] * len(f["steps"])
    window = timedelta(days=f["window_days"])
    for evs in by_user.values():
        step, first = 0, None
        for e in evs:
            if step < len(f["steps"]) and e["name"] == f["steps"][step]:
                t = parse_stamp(e["occurred_at"])
                if first is None:
                    first = t
                elif t - first > window:
                    break
                counts[step] += 1
                step += 1
    steps = [
        {
            "event_name": n,
            "users": c,
            "conversion_from_previous": 100.0
            if i == 0
            else (round(100 * c / counts[i - 1], 1) if counts[i - 1] else 0.0),
        }
        for i, (n, c) in enumerate(zip(f["steps"], counts))
    ]
    return {
        "funnel_id": funnel_id,
        "steps": steps,
        "overall_conversion": round(100 * counts[-1] / counts[0], 1) if counts[0] else 0.0,
    }


@bp.action(read_only=True)
def get_top_events(
    ctx: ToolContext,
    days: Annotated[int, Field(ge=1, le=365)] = 7,
    top_n: Annotated[int, Field(ge=1, le=50)] = 10,
) -> TopEvents:
    """Rank {app} event names by how often they occurred in the last N days, with unique users.

    Args:
        days: Window in days.
        top_n: How many event names to return.
    """
    start, _ = _since(ctx, days)
    stats: dict[str, list] = {}
    for r in ctx.select("event", "occurred_at > ?", (start,)):
        s = stats.setdefault(r["name"], [0, set()])
        s[0] += 1
        s[1].add(r["distinct_id"])
    ranked = sorted(stats.items(), key=lambda kv: (-kv[1][0], kv[0]))[:top_n]
    return {
        "days": days,
        "events": [{"name": k, "count": v[0], "unique_users": len(v[1])} for k, v in ranked],
    }


@bp.action(read_only=True)
def query_events(
    ctx: ToolContext, filters: EventFilter, days: Annotated[int, Field(ge=1, le=365)] = 7
) -> EventList:
    """Find raw {app} events of the last N days matching a filter object, newest first (at most 100).

    Args:
        filters: Conditions on name, platform, country and value.
        days: Window in days.
    """
    start, _ = _since(ctx, days)
    where, params = ["occurred_at > ?"], [start]
    for key in ("name", "platform", "country"):
        if filters.get(key):
            where.append(f"{key} = ?")
            params.append(filters[key])
    if filters.get("min_value") is not None:
        where.append("value >= ?")
        params.append(filters["min_value"])
    return {
        "events": ctx.select(
            "event", " AND ".join(where), tuple(params), order_by="occurred_at DESC", limit=100
        )
    }


@bp.action()
def track_events(
    ctx: ToolContext, events: Annotated[list[NewEvent], Field(min_length=1, max_length=100)]
) -> EventList:
    """Ingest a batch of {app} events stamped with the current time (all or none); returns the stored events.

    Args:
        events: The events to record.
    """
    for e in events:
        if not e["distinct_id"].strip():
            raise ToolError("events: distinct_id cannot be blank; nothing was recorded.")
    now = ctx.now()
    return {
        "events": [
            ctx.insert(
                "event",
                {
                    "name": e["name"],
                    "distinct_id": e["distinct_id"].strip(),
                    "platform": e["platform"],
                    "country": e["country"],
                    "value": e["value"],
                    "occurred_at": now,
                },
            )
            for e in events
        ]
    }


@bp.action()
def add_dashboard_widget(
    ctx: ToolContext,
    dashboard_id: str,
    metric_id: str,
    chart: Chart = "line",
    title: Annotated[str, Field(max_length=120)] = "",
) -> Dashboard:
    """Add a chart of a metric to an {app} dashboard (at most 12 widgets, no duplicate metric+chart).

    Args:
        dashboard_id: The dashboard.
        metric_id: The metric to chart.
        chart: Chart type.
        title: Widget title; the metric name when empty.
    """
    d = ctx.require("dashboard", dashboard_id)
    m = ctx.require("metric", metric_id)
    if any(w["metric_id"] == metric_id and w["chart"] == chart for w in d["widgets"]):
        raise ToolError(f"Dashboard {d['name']} already shows {m['name']} as a {chart} chart.")
    if len(d["widgets"]) >= 12:
        raise ToolError(f"Dashboard {d['name']} already has 12 widgets, the maximum.")
    widgets = [*d["widgets"], {"metric_id": metric_id, "chart": chart, "title": title.strip() or m["name"]}]
    return ctx.update("dashboard", dashboard_id, {"widgets": widgets})


@bp.action()
def remove_dashboard_widget(ctx: ToolContext, dashboard_id: str, metric_id: str) -> Dashboard:
    """Remove every widget of a metric from an {app} dashboard; returns the dashboard.

    Args:
        dashboard_id: The dashboard.
        metric_id: The metric whose widgets to remove.
    """
    d = ctx.require("dashboard", dashboard_id)
    kept = [w for w in d["widgets"] if w["metric_id"] != metric_id]
    if len(kept) == len(d["widgets"]):
        raise ToolError(f"Dashboard {d['name']} has no widget for metric {metric_id}.")
    return ctx.update("dashboard", dashboard_id, {"widgets": kept})


@bp.action()
def duplicate_dashboard(
    ctx: ToolContext, dashboard_id: str, name: Annotated[str, Field(min_length=1, max_length=120)]
) -> Dashboard:
    """Copy an {app} dashboard with all its widgets into a new private dashboard you own; names must be
    unique.

    Args:
        dashboard_id: The dashboard to copy.
        name: Name of the copy.
    """
    d = ctx.require("dashboard", dashboard_id)
    if not name.strip():
        raise ToolError("name: the name cannot be blank.")
    if any(x["name"].lower() == name.strip().lower() for x in ctx.select("dashboard")):
        raise ToolError(f"A dashboard named '{name}' already exists.")
    return ctx.insert(
        "dashboard",
        {
            "name": name.strip(),
            "description": d["description"],
            "owner_email": ctx.user.email,
            "visibility": "private",
            "default_range_days": d["default_range_days"],
            "widgets": d["widgets"],
            "created_at": ctx.now(),
        },
    )


@bp.action()
def pause_report(ctx: ToolContext, report_id: str) -> Report:
    """Pause an active {app} scheduled report so that it is no longer sent; returns the report.

    Args:
        report_id: The report.
    """
    r = ctx.require("report", report_id)
    if r["status"] == "paused":
        raise ToolError(f"Report {r['name']} is already paused.")
    return ctx.update("report", report_id, {"status": "paused"})


@bp.action()
def resume_report(ctx: ToolContext, report_id: str) -> Report:
    """Resume a paused {app} scheduled report so that it is sent on schedule again; returns the report.

    Args:
        report_id: The report.
    """
    r = ctx.require("report", report_id)
    if r["status"] == "active":
        raise ToolError(f"Report {r['name']} is already active.")
    return ctx.update("report", report_id, {"status": "active"})


@bp.action()
def send_report_now(ctx: ToolContext, report_id: str) -> Report:
    """Send an active {app} report to its recipients right away; it needs at least one recipient.

    Args:
        report_id: The report to send.
    """
    r = ctx.require("report", report_id)
    if r["status"] != "active":
        raise ToolError(f"Report {r['name']} is paused; resume it before sending.")
    if not r["recipients"]:
        raise ToolError(f"Report {r['name']} has no recipients.")
    ctx.require("dashboard", r["dashboard_id"])
    return ctx.update("report", report_id, {"last_sent_at": ctx.now()})


@bp.action(idempotent=True)
def add_report_recipient(
    ctx: ToolContext, report_id: str, email: Annotated[str, Field(max_length=200)]
) -> Report:
    """Add an email to an {app} report's recipients (at most 25); an existing recipient is left as is.

    Args:
        report_id: The report.
        email: Recipient email.
    """
    r = ctx.require("report", report_id)
    addr = email.strip().lower()
    if "@" not in addr:
        raise ToolError(f"email: '{email}' is not an email address.")
    if addr in r["recipients"]:
        return r
    if len(r["recipients"]) >= 25:
        raise ToolError(f"Report {r['name']} already has 25 recipients.")
    return ctx.update("report", report_id, {"recipients": [*r["recipients"], addr]})


_METRICS = (
    ("Signups", "signups", "signup", "count", ""),
    ("Daily active users", "dau", "session_start", "unique_users", "users"),
    ("Revenue", "revenue", "purchase", "sum", "USD"),
    ("Average order value", "aov", "purchase", "avg", "USD"),
    ("Checkouts started", "checkouts", "checkout_start", "count", ""),
    ("Searches", "searches", "search", "count", ""),
    ("Shares", "shares", "share", "count", ""),
    ("Buyers", "buyers", "purchase", "unique_users", "users"),
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    metrics = [
        ctx.insert(
            "metric",
            {
                "name": n,
                "key": k,
                "event_name": e,
                "aggregation": a,
                "unit": u,
                "description": f"{n} computed from '{e}' events.",
            },
        )
        for n, k, e, a, u in _METRICS
    ]
    users = [f"u_{s.fake.bothify('??##').lower()}" for _ in range(25)]
    for u in users:
        t = -rng.uniform(1, 40)
        plat = rng.choice(("web", "web", "ios", "android"))
        country = rng.choice(("US", "US", "DE", "GB", "FR", "BR"))
        path = ["session_start", "signup"] if rng.random() < 0.6 else ["session_start", "search"]
        if rng.random() < 0.6:
            path += ["checkout_start"] + (["purchase"] if rng.random() < 0.6 else [])
        if rng.random() < 0.2:
            path.append("share")
        for name in path:
            t += rng.uniform(0.01, 1.5)
            ctx.insert(
                "event",
                {
                    "name": name,
                    "distinct_id": u,
                    "platform": plat,
                    "country": country,
                    "value": round(rng.uniform(12, 180), 2) if name == "purchase" else 0.0,
                    "occurred_at": s.at(days=min(t, -0.01)),
                },
            )
    owners = [s.user.email] + [p.email for p in s.people[:5]]
    dashes = []
    for name, vis in (
        ("Growth overview", "team"),
        ("Revenue", "team"),
        ("Mobile health", "private"),
        ("Exec weekly", "public"),
        ("Search quality", "team"),
    ):
        picks = rng.sample(metrics, rng.randint(2, 5))
        dashes.append(
            ctx.insert(
                "dashboard",
                {
                    "name": name,
                    "description": s.fake.sentence(nb_words=8),
                    "owner_email": rng.choice(owners),
                    "visibility": vis,
                    "default_range_days": rng.choice((7, 30, 90)),
                    "widgets": [
                        {
                            "metric_id": m["id"],
                            "chart": rng.choice(("line", "bar", "number")),
                            "title": m["name"],
                        }
                        for m in picks
                    ],
                    "created_at": s.at(days=-rng.randint(20, 200)),
                },
            )
        )
    for name, steps, win in (
        ("Signup to purchase", ["signup", "checkout_start", "purchase"], 14),
        ("Search to checkout", ["search", "checkout_start"], 7),
        ("Activation", ["session_start", "signup"], 1),
        ("Checkout completion", ["checkout_start", "purchase"], 3),
    ):
        ctx.insert(
            "funnel", {"name": name, "steps": steps, "window_days": win, "owner_email": rng.choice(owners)}
        )
    for k, d in enumerate(dashes):
        ctx.insert(
            "report",
            {
                "name": f"{d['name']} ({('weekly', 'daily', 'monthly')[k % 3]})",
                "dashboard_id": d["id"],
                "schedule": ("weekly", "daily", "monthly")[k % 3],
                "file_format": rng.choice(("pdf", "csv")),
                "recipients": [] if k == 4 else rng.sample(owners, rng.randint(1, 3)),
                "status": "paused" if k in (2, 4) else "active",
                "last_sent_at": s.at(days=-rng.randint(1, 7)) if k not in (2, 4) else "",
            },
        )


bp.product("metricaly", "Metricaly", "Product analytics: events, metrics, funnels and dashboards.")
bp.product(
    "insightra",
    "Insightra",
    "Self-serve analytics dashboards for product teams.",
    style="camel",
    pagination="cursor",
    drop=("duplicate_dashboard", "delete_funnel"),
)
bp.product(
    "chartpilot",
    "ChartPilot",
    "Dashboards and scheduled reports on your product data.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=("track_events", "query_events"),
)
bp.product(
    "eventlens",
    "EventLens",
    "Lightweight event tracking and top-event stats.",
    prefix="lens",
    drop=(
        "search_dashboards",
        "update_dashboard",
        "delete_dashboard",
        "add_dashboard_widget",
        "remove_dashboard_widget",
        "duplicate_dashboard",
        "list_reports",
        "get_report",
        "create_report",
        "delete_report",
        "pause_report",
        "resume_report",
        "send_report_now",
        "add_report_recipient",
    ),
)
bp.product(
    "funnelfox",
    "FunnelFox",
    "Funnels, conversion metrics and KPI reports.",
    verbs={"list": "browse", "create": "add"},
    pagination="page",
    drop=("delete_metric",),
)
