"""Security operations: assets, vulnerabilities, a secrets vault and access reviews (five products)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext, stable_hex

bp = Blueprint("security operations")

Severity = Literal["low", "medium", "high", "critical"]
VulnStatus = Literal["open", "in_progress", "accepted_risk", "resolved", "false_positive"]
Env = Literal["prod", "staging", "dev"]
#: An email address a caller names (at most 200 characters; each tool checks that it has an @).
EmailAddress = Annotated[str, Field(max_length=200)]
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_EMAIL = r"^[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,6}$"
_SEV_DAYS = {"critical": 7, "high": 30, "medium": 90, "low": 180}


class Asset(BaseModel):
    id: str = Field(description="Asset id.")
    hostname: str = Field(description="Host or service name.", pattern=r"^[a-z0-9][a-z0-9.-]{1,62}$")
    kind: Literal["server", "laptop", "container", "database", "saas"] = Field(
        "server", description="Asset type."
    )
    environment: Env = Field("prod", description="Environment.")
    owner_email: str = Field("", description="Email of the owner.", max_length=200)
    criticality: Severity = Field("medium", description="Business criticality.")
    internet_facing: bool = Field(False, description="Whether it is reachable from the internet.")
    status: Literal["active", "decommissioned"] = Field("active", description="Lifecycle state.")
    last_scanned_at: str = Field("", description="Last vulnerability scan (ISO-8601); empty when never.")


class Vulnerability(BaseModel):
    id: str = Field(description="Vulnerability finding id.")
    asset_id: str = Field(description="Affected asset.")
    cve_id: str = Field(
        "",
        description="CVE identifier, e.g. 'CVE-2024-3094'; empty for custom findings.",
        pattern=r"^(CVE-\d{4}-\d{4,7})?$",
    )
    title: str = Field(description="Short description.", min_length=1, max_length=200)
    severity: Severity = Field("medium", description="Severity.")
    cvss: float = Field(5.0, ge=0, le=10, description="CVSS base score.")
    status: VulnStatus = Field("open", description="Remediation status.")
    assignee_email: str = Field("", description="Who is fixing it.", max_length=200)
    due_date: str = Field("", description="Remediation deadline (YYYY-MM-DD).")
    discovered_at: str = Field("", description="When it was found (ISO-8601).")
    resolved_at: str = Field("", description="When it was resolved (ISO-8601); empty otherwise.")


class Secret(BaseModel):
    id: str = Field(description="Secret id.")
    name: str = Field(description="Secret name, e.g. 'STRIPE_API_KEY'.", pattern=r"^[A-Z][A-Z0-9_]{2,63}$")
    environment: Env = Field("prod", description="Environment the secret belongs to.")
    owner_email: str = Field("", description="Email of the owner.", max_length=200)
    rotation_days: int = Field(90, ge=1, le=730, description="Maximum days between rotations.")
    version: int = Field(1, ge=1, description="Current version number.")
    fingerprint: str = Field("", description="Short hash of the current value (the value is never shown).")
    allowed_emails: list[str] = Field(default_factory=list, description="People allowed to read the secret.")
    status: Literal["active", "revoked"] = Field("active", description="Whether the secret can be used.")
    last_rotated_at: str = Field("", description="When the value last changed (ISO-8601).")


class ReviewItem(BaseModel):
    user_email: str = Field(description="Person whose access is reviewed.")
    access_level: str = Field(description="Access they hold, e.g. 'admin'.")
    decision: Literal["pending", "keep", "revoke"] = Field("pending", description="Reviewer decision.")


class AccessReview(BaseModel):
    id: str = Field(description="Access review id.")
    title: str = Field(description="Review title.", min_length=1, max_length=150)
    system: str = Field(description="System reviewed, e.g. 'AWS production'.", max_length=100)
    reviewer_email: str = Field(description="Who must decide.", max_length=200)
    due_date: str = Field(description="Deadline (YYYY-MM-DD).", pattern=_DATE)
    status: Literal["open", "completed"] = Field("open", description="Review status.")
    items: list[ReviewItem] = Field(default_factory=list, description="Accesses under review.")
    completed_at: str = Field("", description="When it was completed (ISO-8601).")


bp.resource(
    Asset,
    name="asset",
    id_prefix="ast",
    searchable=("hostname", "owner_email"),
    filterable=("kind", "environment", "criticality", "status", "internet_facing"),
    readonly=("status", "last_scanned_at"),
    order_by="hostname",
)
bp.resource(
    Vulnerability,
    name="vulnerability",
    plural="vulnerabilities",
    id_prefix="vul",
    searchable=("title", "cve_id"),
    filterable=("asset_id", "severity", "status", "assignee_email"),
    refs={"asset_id": "asset"},
    readonly=("status", "resolved_at", "discovered_at"),
    ops=("search", "list", "get", "create", "update"),
    order_by="cvss DESC",
)
bp.resource(
    Secret,
    name="secret",
    id_prefix="sec",
    filterable=("environment", "status", "owner_email"),
    readonly=("version", "fingerprint", "allowed_emails", "status", "last_rotated_at"),
    ops=("list", "get", "create", "delete"),
    order_by="name",
)
bp.resource(
    AccessReview,
    name="access_review",
    id_prefix="arv",
    filterable=("status", "reviewer_email"),
    readonly=("status", "completed_at"),
    ops=("list", "get", "create"),
    order_by="due_date",
)


class Finding(BaseModel):
    cve_id: str = Field(
        "", description="CVE identifier; empty for custom findings.", pattern=r"^(CVE-\d{4}-\d{4,7})?$"
    )
    title: str = Field(description="Short description.", min_length=1, max_length=200)
    severity: Severity = Field("medium", description="Severity.")
    cvss: float = Field(5.0, ge=0, le=10, description="CVSS base score.")


class Decision(BaseModel):
    user_email: str = Field(description="Person whose access is decided.", pattern=_EMAIL)
    decision: Literal["keep", "revoke"] = Field(description="Keep or revoke their access.")


class VulnList(BaseModel):
    vulnerabilities: list[Vulnerability] = Field(description="The findings.")


class SecretList(BaseModel):
    secrets: list[Secret] = Field(description="The secrets.")


class ScanResult(BaseModel):
    asset_id: str = Field(description="The scanned asset.")
    scanned_at: str = Field(description="When the scan ran (ISO-8601).")
    open_by_severity: dict[str, int] = Field(description="Open findings per severity.")


class RiskSummary(BaseModel):
    open_by_severity: dict[str, int] = Field(description="Open or in-progress findings per severity.")
    overdue: int = Field(description="Open findings past their due date.")
    max_cvss: float = Field(description="Highest CVSS among open findings (0 when none).")
    riskiest_asset_ids: list[str] = Field(description="Up to 5 assets with the highest total open CVSS.")
    secrets_overdue_rotation: int = Field(description="Active secrets past their rotation period.")


_MOVES: dict[str, tuple[str, ...]] = {
    "open": ("in_progress", "accepted_risk", "false_positive", "resolved"),
    "in_progress": ("resolved", "open"),
    "accepted_risk": ("open",),
    "resolved": ("open",),
    "false_positive": ("open",),
}
_OPEN = ("open", "in_progress")


@bp.action()
def triage_vulnerability(ctx: ToolContext, vulnerability_id: str, status: VulnStatus) -> Vulnerability:
    """Move an {app} finding through remediation (e.g. open to in_progress to resolved); critical risks cannot
    be accepted.

    Args:
        vulnerability_id: The finding.
        status: New status.
    """
    v = ctx.require("vulnerability", vulnerability_id)
    if v["status"] == status:
        raise ToolError(f"Finding {vulnerability_id} is already '{status}'.")
    if status not in _MOVES[v["status"]]:
        raise ToolError(
            f"Cannot move finding {vulnerability_id} from '{v['status']}' to '{status}'; "
            f"allowed: {', '.join(_MOVES[v['status']])}."
        )
    if status == "accepted_risk" and v["severity"] == "critical":
        raise ToolError(
            f"Finding {vulnerability_id} is critical; critical risks cannot be accepted, fix them."
        )
    return ctx.update(
        "vulnerability",
        vulnerability_id,
        {"status": status, "resolved_at": ctx.now() if status == "resolved" else ""},
    )


@bp.action()
def assign_vulnerability(
    ctx: ToolContext,
    vulnerability_id: str,
    assignee_email: EmailAddress,
    due_date: Annotated[str | None, Field(pattern=_DATE)] = None,
) -> Vulnerability:
    """Assign an open {app} finding to someone with a deadline (defaults to the severity's SLA: critical 7
    days).

    Args:
        vulnerability_id: The finding.
        assignee_email: Who will fix it.
        due_date: Deadline (YYYY-MM-DD); from the severity SLA when omitted.
    """
    v = ctx.require("vulnerability", vulnerability_id)
    if v["status"] not in _OPEN:
        raise ToolError(f"Finding {vulnerability_id} is '{v['status']}'; only open findings can be assigned.")
    if "@" not in assignee_email:
        raise ToolError(f"assignee_email: '{assignee_email}' is not an email address.")
    today = date.fromisoformat(ctx.today())
    due = due_date or (today + timedelta(days=_SEV_DAYS[v["severity"]])).isoformat()
    if due < ctx.today():
        raise ToolError(f"due_date: {due} is in the past (today is {ctx.today()}).")
    limit = (today + timedelta(days=_SEV_DAYS[v["severity"]])).isoformat()
    if due > limit:
        raise ToolError(
            f"due_date: {v['severity']} findings must be fixed within {_SEV_DAYS[v['severity']]} days "
            f"(by {limit})."
        )
    return ctx.update(
        "vulnerability", vulnerability_id, {"assignee_email": assignee_email.strip().lower(), "due_date": due}
    )


@bp.action()
def bulk_import_findings(
    ctx: ToolContext, asset_id: str, findings: Annotated[list[Finding], Field(min_length=1, max_length=50)]
) -> VulnList:
    """Import scanner findings for an {app} asset (all or none); a CVE already open on the asset is rejected.

    Args:
        asset_id: The affected asset.
        findings: Findings with CVE id, title, severity and CVSS score.
    """
    asset = ctx.require("asset", asset_id)
    if asset["status"] == "decommissioned":
        raise ToolError(f"Asset {asset['hostname']} is decommissioned.")
    open_cves = {
        v["cve_id"]
        for v in ctx.select("vulnerability", "asset_id = ? AND status IN ('open','in_progress')", (asset_id,))
        if v["cve_id"]
    }
    seen: set[str] = set()
    for f in findings:
        if f["cve_id"] and (f["cve_id"] in open_cves or f["cve_id"] in seen):
            raise ToolError(
                f"{f['cve_id']} is already open on {asset['hostname']} or listed twice; nothing was imported."
            )
        seen.add(f["cve_id"])
    now = ctx.now()
    today = date.fromisoformat(ctx.today())
    made = [
        ctx.insert(
            "vulnerability",
            {
                "asset_id": asset_id,
                "cve_id": f["cve_id"],
                "title": f["title"],
                "severity": f["severity"],
                "cvss": f["cvss"],
                "status": "open",
                "due_date": (today + timedelta(days=_SEV_DAYS[f["severity"]])).isoformat(),
                "discovered_at": now,
            },
        )
        for f in findings
    ]
    return {"vulnerabilities": made}


@bp.action()
def scan_asset(ctx: ToolContext, asset_id: str) -> ScanResult:
    """Run an {app} vulnerability scan on an active asset: records the scan time and returns open findings by
    severity.

    Args:
        asset_id: The asset to scan.
    """
    asset = ctx.require("asset", asset_id)
    if asset["status"] == "decommissioned":
        raise ToolError(f"Asset {asset['hostname']} is decommissioned and cannot be scanned.")
    now = ctx.now()
    ctx.update("asset", asset_id, {"last_scanned_at": now})
    by: dict[str, int] = {}
    for v in ctx.select("vulnerability", "asset_id = ? AND status IN ('open','in_progress')", (asset_id,)):
        by[v["severity"]] = by.get(v["severity"], 0) + 1
    return {"asset_id": asset_id, "scanned_at": now, "open_by_severity": by}


@bp.action(destructive=True)
def decommission_asset(ctx: ToolContext, asset_id: str) -> Asset:
    """Decommission an {app} asset; refused while it has open critical findings, other open findings are
    resolved.

    Args:
        asset_id: The asset to retire.
    """
    asset = ctx.require("asset", asset_id)
    if asset["status"] == "decommissioned":
        raise ToolError(f"Asset {asset['hostname']} is already decommissioned.")
    open_v = ctx.select("vulnerability", "asset_id = ? AND status IN ('open','in_progress')", (asset_id,))
    crit = [v for v in open_v if v["severity"] == "critical"]
    if crit:
        raise ToolError(
            f"Asset {asset['hostname']} has {len(crit)} open critical findings; fix them "
            "before decommissioning."
        )
    now = ctx.now()
    for v in open_v:
        ctx.update("vulnerability", v["id"], {"status": "resolved", "resolved_at": now})
    return ctx.update("asset", asset_id, {"status": "decommissioned"})


@bp.action()
def rotate_secret(ctx: ToolContext, secret_id: str) -> Secret:
    """Rotate an {app} vault secret: a new value version is generated; revoked secrets cannot be rotated.

    Args:
        secret_id: The secret to rotate.
    """
    sec = ctx.require("secret", secret_id)
    if sec["status"] == "revoked":
        raise ToolError(f"Secret {sec['name']} is revoked; create a new secret instead.")
    version = sec["version"] + 1
    return ctx.update(
        "secret",
        secret_id,
        {
            "version": version,
            "fingerprint": stable_hex(sec["id"], version, length=12),
            "last_rotated_at": ctx.now(),
        },
    )


@bp.action(destructive=True)
def revoke_secret(ctx: ToolContext, secret_id: str) -> Secret:
    """Revoke an {app} vault secret so nobody can read or use it any more; this cannot be undone.

    Args:
        secret_id: The secret to revoke.
    """
    sec = ctx.require("secret", secret_id)
    if sec["status"] == "revoked":
        raise ToolError(f"Secret {sec['name']} is already revoked.")
    return ctx.update("secret", secret_id, {"status": "revoked", "allowed_emails": []})


@bp.action(idempotent=True)
def grant_secret_access(ctx: ToolContext, secret_id: str, email: EmailAddress) -> Secret:
    """Allow a person to read an {app} vault secret; already allowed people are left as is.

    Args:
        secret_id: The secret.
        email: Email of the person.
    """
    sec = ctx.require("secret", secret_id)
    if sec["status"] == "revoked":
        raise ToolError(f"Secret {sec['name']} is revoked.")
    email = email.strip().lower()
    if "@" not in email:
        raise ToolError(f"email: '{email}' is not an email address.")
    if email in sec["allowed_emails"]:
        return sec
    if sec["environment"] == "prod" and len(sec["allowed_emails"]) >= 5:
        raise ToolError(f"Secret {sec['name']} already has 5 readers; production secrets are capped at 5.")
    return ctx.update("secret", secret_id, {"allowed_emails": sorted([*sec["allowed_emails"], email])})


@bp.action(idempotent=True)
def revoke_secret_access(ctx: ToolContext, secret_id: str, email: EmailAddress) -> Secret:
    """Remove a person's read access to an {app} vault secret; people without access are left as is.

    Args:
        secret_id: The secret.
        email: Email of the person.
    """
    sec = ctx.require("secret", secret_id)
    email = email.strip().lower()
    if email not in sec["allowed_emails"]:
        return sec
    return ctx.update(
        "secret", secret_id, {"allowed_emails": [e for e in sec["allowed_emails"] if e != email]}
    )


@bp.action(read_only=True)
def list_overdue_rotations(ctx: ToolContext, environment: Env | None = None) -> SecretList:
    """List active {app} secrets not rotated within their rotation period, most overdue first.

    Args:
        environment: Only secrets of this environment.
    """
    today = date.fromisoformat(ctx.today())
    out = []
    for s in ctx.select("secret", "status = 'active'"):
        if environment and s["environment"] != environment:
            continue
        last = date.fromisoformat(s["last_rotated_at"][:10]) if s["last_rotated_at"] else date(2000, 1, 1)
        if last + timedelta(days=s["rotation_days"]) < today:
            out.append((last + timedelta(days=s["rotation_days"]), s))
    out.sort(key=lambda x: (x[0], x[1]["name"]))
    return {"secrets": [s for _, s in out]}


@bp.action()
def record_review_decisions(
    ctx: ToolContext,
    access_review_id: str,
    decisions: Annotated[list[Decision], Field(min_length=1, max_length=100)],
) -> AccessReview:
    """Record keep/revoke decisions in an open {app} access review (all or none); every person must be in the
    review.

    Args:
        access_review_id: The review.
        decisions: Decisions, each with user_email and 'keep' or 'revoke'.
    """
    review = ctx.require("access_review", access_review_id)
    if review["status"] != "open":
        raise ToolError(f"Access review '{review['title']}' is completed; decisions are final.")
    items = [dict(i) for i in review["items"]]
    index = {i["user_email"]: i for i in items}
    for d in decisions:
        if d["user_email"] not in index:
            raise ToolError(
                f"{d['user_email']} is not part of access review '{review['title']}'; nothing was recorded."
            )
    for d in decisions:
        index[d["user_email"]]["decision"] = d["decision"]
    return ctx.update("access_review", access_review_id, {"items": items})


@bp.action()
def decide_pending_items(
    ctx: ToolContext, access_review_id: str, decision: Literal["keep", "revoke"]
) -> AccessReview:
    """Apply one decision to every still-pending item of an open {app} access review.

    Args:
        access_review_id: The review.
        decision: 'keep' or 'revoke' for all pending items.
    """
    review = ctx.require("access_review", access_review_id)
    if review["status"] != "open":
        raise ToolError(f"Access review '{review['title']}' is completed; decisions are final.")
    items = [dict(i) for i in review["items"]]
    pending = [i for i in items if i["decision"] == "pending"]
    if not pending:
        raise ToolError(f"Access review '{review['title']}' has no pending items.")
    for i in pending:
        i["decision"] = decision
    return ctx.update("access_review", access_review_id, {"items": items})


@bp.action()
def complete_access_review(ctx: ToolContext, access_review_id: str) -> AccessReview:
    """Complete an {app} access review once every item has a decision; returns the completed review.

    Args:
        access_review_id: The review to complete.
    """
    review = ctx.require("access_review", access_review_id)
    if review["status"] == "completed":
        raise ToolError(f"Access review '{review['title']}' is already completed.")
    pending = [i["user_email"] for i in review["items"] if i["decision"] == "pending"]
    if pending:
        raise ToolError(
            f"Access review '{review['title']}' still has {len(pending)} pending items "
            f"(e.g. {pending[0]}); decide them first."
        )
    return ctx.update("access_review", access_review_id, {"status": "completed", "completed_at": ctx.now()})


@bp.action(read_only=True)
def list_overdue_vulnerabilities(ctx: ToolContext, severity: Severity | None = None) -> VulnList:
    """List open {app} findings past their due date, earliest due date first.

    Args:
        severity: Only findings of this severity.
    """
    where, params = "status IN ('open','in_progress') AND due_date != '' AND due_date < ?", (ctx.today(),)
    if severity:
        where, params = where + " AND severity = ?", params + (severity,)
    return {"vulnerabilities": ctx.select("vulnerability", where, params, order_by="due_date")}


@bp.action(read_only=True)
def get_risk_summary(ctx: ToolContext, environment: Env | None = None) -> RiskSummary:
    """Summarize {app} security risk: open findings by severity, overdue count, top CVSS, riskiest assets,
    stale secrets.

    Args:
        environment: Only assets and secrets of this environment.
    """
    assets = {a["id"]: a for a in ctx.select("asset") if not environment or a["environment"] == environment}
    vulns = [
        v for v in ctx.select("vulnerability", "status IN ('open','in_progress')") if v["asset_id"] in assets
    ]
    by: dict[str, int] = {}
    per_asset: dict[str, float] = {}
    for v in vulns:
        by[v["severity"]] = by.get(v["severity"], 0) + 1
        per_asset[v["asset_id"]] = per_asset.get(v["asset_id"], 0.0) + v["cvss"]
    ranked = sorted(per_asset, key=lambda a: (-per_asset[a], a))[:5]
    stale = list_overdue_rotations(ctx, environment)["secrets"]
    return {
        "open_by_severity": by,
        "overdue": sum(1 for v in vulns if v["due_date"] and v["due_date"] < ctx.today()),
        "max_cvss": max((v["cvss"] for v in vulns), default=0.0),
        "riskiest_asset_ids": ranked,
        "secrets_overdue_rotation": len(stale),
    }


_CVES = (
    ("CVE-2024-3094", "xz backdoor in liblzma", "critical", 10.0),
    ("CVE-2023-44487", "HTTP/2 rapid reset DoS", "high", 7.5),
    ("CVE-2021-44228", "Log4Shell remote code execution", "critical", 10.0),
    ("CVE-2023-4863", "libwebp heap overflow", "high", 8.8),
    ("CVE-2022-0778", "OpenSSL infinite loop in BN_mod_sqrt", "medium", 5.9),
    ("CVE-2023-38545", "curl SOCKS5 heap overflow", "high", 9.8),
    ("CVE-2024-6387", "OpenSSH regreSSHion race", "high", 8.1),
    ("CVE-2023-5678", "OpenSSL DH key check slowness", "low", 3.7),
    ("", "TLS 1.0 still enabled", "medium", 5.3),
    ("", "Default admin password on dashboard", "high", 8.0),
    ("CVE-2022-22965", "Spring4Shell RCE", "critical", 9.8),
    ("", "Missing security headers", "low", 3.1),
)
_HOSTS = (
    "api-gw",
    "web-frontend",
    "billing-db",
    "auth-svc",
    "build-runner",
    "vpn-edge",
    "hr-portal",
    "analytics-etl",
    "mail-relay",
    "laptop-ops",
    "search-idx",
    "payments-svc",
)
_SECRETS = (
    "STRIPE_API_KEY",
    "DATABASE_URL",
    "GITHUB_DEPLOY_TOKEN",
    "SLACK_WEBHOOK",
    "AWS_ACCESS_KEY",
    "SENDGRID_KEY",
    "JWT_SIGNING_KEY",
    "DATADOG_API_KEY",
    "OAUTH_CLIENT_SECRET",
    "SENTRY_DSN",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    team = [p.email for p in s.people[:8]] + [s.user.email]
    assets = []
    for n, host in enumerate(_HOSTS):
        assets.append(
            ctx.insert(
                "asset",
                {
                    "hostname": (
                        f"{host}-{rng.randint(1, 9):02d}.{rng.choice(('prod', 'stg', 'dev'))}.internal"
                    ),
                    "kind": "laptop"
                    if host.startswith("laptop")
                    else "database"
                    if host.endswith("db")
                    else rng.choice(("server", "container")),
                    "environment": rng.choice(("prod", "prod", "staging", "dev")),
                    "owner_email": rng.choice(team),
                    "criticality": rng.choice(("low", "medium", "high", "critical")),
                    "internet_facing": host in ("api-gw", "web-frontend", "vpn-edge"),
                    "status": "decommissioned" if n == 10 else "active",
                    "last_scanned_at": s.at(days=-rng.randint(1, 30)),
                },
            )
        )
    for a in assets:
        for cve, title, sev, cvss in rng.sample(
            _CVES, rng.randint(0 if a["hostname"].startswith("hr") else 1, 4)
        ):
            found = -rng.randint(5, 120)
            status = (
                "resolved"
                if a["status"] == "decommissioned"
                else rng.choice(
                    (
                        "open",
                        "open",
                        "in_progress",
                        "resolved",
                        "accepted_risk" if sev != "critical" else "open",
                        "false_positive",
                    )
                )
            )
            ctx.insert(
                "vulnerability",
                {
                    "asset_id": a["id"],
                    "cve_id": cve,
                    "title": title,
                    "severity": sev,
                    "cvss": cvss,
                    "status": status,
                    "assignee_email": rng.choice(team) if status != "open" or rng.random() < 0.5 else "",
                    "due_date": s.date(found + _SEV_DAYS[sev]),
                    "discovered_at": s.at(days=found),
                    "resolved_at": s.at(days=min(found + rng.randint(1, 20), -1))
                    if status == "resolved"
                    else "",
                },
            )
    for n, name in enumerate(_SECRETS):
        rotated = -rng.randint(5, 200)
        ctx.insert(
            "secret",
            {
                "name": name,
                "environment": rng.choice(("prod", "prod", "staging", "dev")),
                "owner_email": rng.choice(team),
                "rotation_days": rng.choice((30, 90, 180)),
                "version": rng.randint(1, 12),
                "fingerprint": stable_hex(name, n, length=12),
                "allowed_emails": sorted(rng.sample(team, rng.randint(1, 4))),
                "status": "revoked" if n == 7 else "active",
                "last_rotated_at": s.at(days=rotated),
            },
        )
    systems = (
        "AWS production",
        "GitHub org",
        "Salesforce",
        "Okta admin",
        "Payroll system",
        "Production database",
    )
    for n, system in enumerate(systems):
        members = rng.sample(list(s.people[:20]), rng.randint(4, 8))
        status = "completed" if n == 5 else "open"
        items = [
            {
                "user_email": p.email,
                "access_level": rng.choice(("admin", "write", "read")),
                "decision": rng.choice(("keep", "keep", "revoke"))
                if status == "completed" or n in (1, 2, 4) or rng.random() < 0.4
                else "pending",
            }
            for p in members
        ]
        ctx.insert(
            "access_review",
            {
                "title": f"Q1 2026 {system} access review",
                "system": system,
                "reviewer_email": rng.choice(team),
                "due_date": s.date(rng.randint(-5, 30)),
                "status": status,
                "items": items,
                "completed_at": s.at(days=-3) if status == "completed" else "",
            },
        )


bp.product(
    "bastionly", "Bastionly", "Security operations hub: vulnerabilities, assets, vault and access reviews."
)
bp.product(
    "vaultwyrm",
    "Vaultwyrm",
    "Secrets vault and access governance platform.",
    style="camel",
    pagination="cursor",
    drop=("delete_asset", "search_assets", "list_overdue_vulnerabilities"),
)
bp.product(
    "sentrelle",
    "Sentrelle",
    "Vulnerability management for cloud fleets.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("delete_secret",),
)
bp.product(
    "wardpost",
    "Wardpost",
    "Lightweight security posture tracker for startups.",
    prefix="wardpost",
    drop=(
        "search_assets",
        "update_asset",
        "delete_asset",
        "search_vulnerabilities",
        "update_vulnerability",
        "create_access_review",
        "record_review_decisions",
        "decide_pending_items",
        "revoke_secret_access",
        "get_risk_summary",
    ),
)
bp.product(
    "moatline",
    "Moatline",
    "Risk and compliance workspace with findings, secrets and reviews.",
    verbs={"list": "browse", "search": "find"},
    pagination="cursor",
)
