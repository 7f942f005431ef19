"""DNS and domains: registered domains, DNS records, TLS certificates, renewals and email forwards (five
products)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext, stable_hex

bp = Blueprint("domains and DNS")

RecordType = Literal["A", "AAAA", "CNAME", "MX", "TXT", "NS", "CAA"]
DOMAIN = r"^[a-z0-9][a-z0-9-]{0,30}\.(com|net|org|io|dev|app|co)$"
HOST = r"^(@|[a-z0-9_*][a-z0-9_.-]{0,62})$"
_PRICES = {"com": 12.0, "net": 14.0, "org": 11.0, "io": 39.0, "dev": 15.0, "app": 17.0, "co": 29.0}


class Domain(BaseModel):
    id: str = Field(description="Domain id.")
    name: str = Field(description="Fully qualified domain name, e.g. 'example.com'.", pattern=DOMAIN)
    status: Literal["active", "expired", "transfer_pending"] = Field(
        "active", description="Registration status."
    )
    auto_renew: bool = Field(True, description="Renew automatically before expiry.")
    transfer_lock: bool = Field(True, description="Locked domains cannot be transferred away.")
    privacy: bool = Field(True, description="WHOIS privacy protection.")
    nameservers: list[str] = Field(default_factory=list, description="Authoritative nameservers.")
    registrant_email: str = Field("", description="Registrant contact email.", max_length=200)
    registered_on: str = Field("", description="Registration date (YYYY-MM-DD).")
    expires_on: str = Field("", description="Expiry date (YYYY-MM-DD).")


class DnsRecord(BaseModel):
    id: str = Field(description="Record id.")
    domain_id: str = Field(description="Domain (zone) of the record.")
    type: RecordType = Field(description="Record type.")
    host: str = Field(description="Host name relative to the zone; '@' for the apex.", pattern=HOST)
    value: str = Field(description="Record value (IP, target host, text).", min_length=1, max_length=500)
    ttl: int = Field(3600, ge=60, le=86400, description="Time to live in seconds.")
    priority: int = Field(0, ge=0, le=65535, description="Priority (MX only).")


class Certificate(BaseModel):
    id: str = Field(description="Certificate id.")
    domain_id: str = Field(description="Domain the certificate is for.")
    common_name: str = Field(description="Primary host name covered.")
    sans: list[str] = Field(default_factory=list, description="Additional host names covered.")
    status: Literal["pending_validation", "issued", "expired", "revoked"] = Field(description="Status.")
    issued_on: str = Field("", description="Issue date (YYYY-MM-DD).")
    expires_on: str = Field("", description="Expiry date (YYYY-MM-DD).")
    validation_token: str = Field("", description="Value the _acme-challenge TXT record must contain.")


class Renewal(BaseModel):
    id: str = Field(description="Renewal id.")
    domain_id: str = Field(description="Domain renewed.")
    years: int = Field(ge=1, le=10, description="Years added.")
    price: float = Field(ge=0, description="Price paid in USD.")
    new_expires_on: str = Field(description="Expiry date after the renewal (YYYY-MM-DD).")
    renewed_on: str = Field(description="When it was renewed (YYYY-MM-DD).")
    automatic: bool = Field(False, description="Whether auto-renew performed it.")


class EmailForward(BaseModel):
    id: str = Field(description="Forward id.")
    domain_id: str = Field(description="Domain of the alias.")
    alias: str = Field(
        description="Local part, e.g. 'sales' for sales@domain; '*' catches all.",
        pattern=r"^(\*|[a-z0-9][a-z0-9._-]{0,40})$",
    )
    destination_email: str = Field(description="Where mail is forwarded.", max_length=200)
    enabled: bool = Field(True, description="Whether forwarding is active.")


bp.resource(
    Domain,
    name="domain",
    id_prefix="dom",
    searchable=("name",),
    filterable=("status", "auto_renew", "transfer_lock"),
    readonly=("name", "status", "transfer_lock", "nameservers", "registered_on", "expires_on"),
    ops=("search", "list", "get", "update"),
    order_by="name",
)
bp.resource(
    DnsRecord,
    name="dns_record",
    id_prefix="rec",
    searchable=("host", "value"),
    filterable=("domain_id", "type"),
    refs={"domain_id": "domain"},
    order_by="host",
)
bp.resource(
    Certificate,
    name="certificate",
    id_prefix="cert",
    filterable=("domain_id", "status"),
    refs={"domain_id": "domain"},
    ops=("list", "get"),
    order_by="expires_on",
)
bp.resource(
    Renewal,
    name="renewal",
    id_prefix="ren",
    filterable=("domain_id", "automatic"),
    refs={"domain_id": "domain"},
    ops=("list", "get"),
    order_by="renewed_on DESC",
)
bp.resource(
    EmailForward,
    name="email_forward",
    id_prefix="fwd",
    filterable=("domain_id", "enabled"),
    refs={"domain_id": "domain"},
    ops=("list", "get", "create", "update", "delete"),
    order_by="alias",
)


class Availability(BaseModel):
    name: str = Field(description="The domain name checked.")
    available: bool = Field(description="Whether it can be registered.")
    price_per_year: float = Field(description="Registration price per year in USD.")


class RecordList(BaseModel):
    records: list[DnsRecord] = Field(description="The records.")


class TransferCode(BaseModel):
    domain: Domain = Field(description="The domain, now pending transfer.")
    auth_code: str = Field(description="Authorization (EPP) code to give the new registrar.")


class DeleteCount(BaseModel):
    domain_id: str = Field(description="The domain.")
    deleted: int = Field(description="Records deleted.")


class ZoneFile(BaseModel):
    domain_id: str = Field(description="The domain.")
    zone: str = Field(description="The zone in BIND format.")


class ExpiringItem(BaseModel):
    kind: str = Field(description="domain or certificate.")
    id: str = Field(description="Its id.")
    name: str = Field(description="Domain or certificate common name.")
    expires_on: str = Field(description="Expiry date.")
    auto_renew: bool = Field(description="Whether it renews automatically.")


class ExpiringList(BaseModel):
    items: list[ExpiringItem] = Field(description="Expiring domains and certificates, soonest first.")


class NewRecord(BaseModel):
    type: RecordType = Field(description="Record type.")
    host: str = Field("@", description="Host relative to the zone; '@' for the apex.", pattern=HOST)
    value: str = Field(description="Record value.", min_length=1, max_length=500)
    ttl: int = Field(3600, ge=60, le=86400, description="TTL in seconds.")
    priority: int = Field(0, ge=0, le=65535, description="Priority (MX only).")


def _add_years(day: str, years: int) -> str:
    d = date.fromisoformat(day)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return (d.replace(day=28, year=d.year + years)).isoformat()


def _active(ctx: ToolContext, domain_id: str) -> dict:
    dom = ctx.require("domain", domain_id)
    if dom["status"] != "active":
        raise ToolError(f"Domain {dom['name']} is {dom['status'].replace('_', ' ')}.")
    return dom


def _check_record(existing: list[dict], rec: dict) -> None:
    same_host = [r for r in existing if r["host"] == rec["host"]]
    if rec["type"] == "CNAME" and rec["host"] == "@":
        raise ToolError("A CNAME record cannot be placed at the zone apex '@'.")
    if rec["type"] == "CNAME" and same_host:
        raise ToolError(
            f"Host '{rec['host']}' already has records; a CNAME must be the only record for its host."
        )
    if any(r["type"] == "CNAME" for r in same_host):
        raise ToolError(f"Host '{rec['host']}' has a CNAME record; no other record may share its host.")
    if any(r["type"] == rec["type"] and r["value"] == rec["value"] for r in same_host):
        raise ToolError(f"An identical {rec['type']} record for '{rec['host']}' already exists.")
    if rec["type"] == "A":
        parts = rec["value"].split(".")
        if len(parts) != 4 or not all(p.isdigit() and int(p) < 256 for p in parts):
            raise ToolError(f"'{rec['value']}' is not a valid IPv4 address for an A record.")


@bp.action(read_only=True)
def check_domain_availability(ctx: ToolContext, name: Annotated[str, Field(pattern=DOMAIN)]) -> Availability:
    """Check whether a domain name can be registered at {app} and its yearly price.

    Args:
        name: Domain name, e.g. 'example.com'.
    """
    taken = bool(ctx.select("domain", "name = ?", (name.lower(),)))
    return {"name": name.lower(), "available": not taken, "price_per_year": _PRICES[name.rsplit(".", 1)[1]]}


@bp.action()
def register_domain(
    ctx: ToolContext,
    name: Annotated[str, Field(pattern=DOMAIN)],
    years: Annotated[int, Field(ge=1, le=10)] = 1,
    privacy: bool = True,
) -> Domain:
    """Register an available domain with {app} for 1-10 years, using default nameservers; returns the domain.

    Args:
        name: Domain name to register.
        years: Registration period in years.
        privacy: Enable WHOIS privacy.
    """
    name = name.lower()
    if ctx.select("domain", "name = ?", (name,)):
        raise ToolError(f"{name} is already registered.")
    today = ctx.today()
    dom = ctx.insert(
        "domain",
        {
            "name": name,
            "privacy": privacy,
            "registrant_email": ctx.user.email,
            "nameservers": ["ns1.registrar-dns.net", "ns2.registrar-dns.net"],
            "registered_on": today,
            "expires_on": _add_years(today, years),
        },
    )
    ctx.insert(
        "renewal",
        {
            "domain_id": dom["id"],
            "years": years,
            "renewed_on": today,
            "price": _PRICES[name.rsplit(".", 1)[1]] * years,
            "new_expires_on": dom["expires_on"],
        },
    )
    return dom


@bp.action()
def renew_domain(ctx: ToolContext, domain_id: str, years: Annotated[int, Field(ge=1, le=10)] = 1) -> Renewal:
    """Renew an {app} domain for more years (expired ones too); total registration may not exceed 10 years
    ahead.

    Args:
        domain_id: The domain to renew.
        years: Years to add.
    """
    dom = ctx.require("domain", domain_id)
    if dom["status"] == "transfer_pending":
        raise ToolError(f"Domain {dom['name']} is being transferred away and cannot be renewed.")
    today = ctx.today()
    base = max(dom["expires_on"], today)
    new = _add_years(base, years)
    if new > _add_years(today, 10):
        raise ToolError(
            f"Renewing {dom['name']} by {years} years would reach {new}; registrations cannot "
            "extend more than 10 years ahead."
        )
    ctx.update("domain", domain_id, {"expires_on": new, "status": "active"})
    return ctx.insert(
        "renewal",
        {
            "domain_id": domain_id,
            "years": years,
            "renewed_on": today,
            "price": _PRICES[dom["name"].rsplit(".", 1)[1]] * years,
            "new_expires_on": new,
        },
    )


@bp.action(idempotent=True)
def set_transfer_lock(ctx: ToolContext, domain_id: str, locked: bool) -> Domain:
    """Lock or unlock an active {app} domain against transfers to another registrar.

    Args:
        domain_id: The domain.
        locked: True to lock, false to unlock.
    """
    dom = _active(ctx, domain_id)
    if dom["transfer_lock"] == locked:
        return dom
    return ctx.update("domain", domain_id, {"transfer_lock": locked})


@bp.action()
def initiate_transfer_out(ctx: ToolContext, domain_id: str) -> TransferCode:
    """Start transferring an {app} domain to another registrar and get its auth code; it must be unlocked and
    60+ days old.

    Args:
        domain_id: The domain to transfer away.
    """
    dom = _active(ctx, domain_id)
    if dom["transfer_lock"]:
        raise ToolError(f"Domain {dom['name']} is transfer-locked; unlock it first.")
    age = (date.fromisoformat(ctx.today()) - date.fromisoformat(dom["registered_on"])).days
    if age < 60:
        raise ToolError(f"Domain {dom['name']} was registered {age} days ago; transfers need 60 days.")
    dom = ctx.update("domain", domain_id, {"status": "transfer_pending"})
    return {"domain": dom, "auth_code": stable_hex("epp", domain_id, length=16).upper()}


@bp.action(idempotent=True)
def set_nameservers(
    ctx: ToolContext,
    domain_id: str,
    nameservers: Annotated[
        list[Annotated[str, Field(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]], Field(min_length=2, max_length=6)
    ],
) -> Domain:
    """Replace an active {app} domain's nameservers (2-6 distinct host names) and return the domain.

    Args:
        nameservers: Nameserver host names, e.g. ['ns1.example.net', 'ns2.example.net'].
        domain_id: The domain.
    """
    dom = _active(ctx, domain_id)
    clean = [n.lower().rstrip(".") for n in nameservers]
    if len(set(clean)) != len(clean):
        raise ToolError("nameservers: each nameserver may be listed only once.")
    if clean == dom["nameservers"]:
        return dom
    return ctx.update("domain", domain_id, {"nameservers": clean})


@bp.action()
def bulk_create_records(
    ctx: ToolContext, domain_id: str, records: Annotated[list[NewRecord], Field(min_length=1, max_length=25)]
) -> RecordList:
    """Create several DNS records in an {app} zone at once (all or none), enforcing CNAME and duplicate rules.

    Args:
        domain_id: The domain (zone).
        records: The records to create.
    """
    _active(ctx, domain_id)
    existing = ctx.select("dns_record", "domain_id = ?", (domain_id,))
    staged: list[dict] = []
    for r in records:
        rec = {
            "type": r["type"],
            "host": r.get("host", "@"),
            "value": r["value"],
            "ttl": r.get("ttl", 3600),
            "priority": r.get("priority", 0) if r["type"] == "MX" else 0,
        }
        try:
            _check_record(existing + staged, rec)
        except ToolError as e:
            raise ToolError(f"records[{len(staged)}]: {e} Nothing was created.") from None
        staged.append(rec)
    return {"records": [ctx.insert("dns_record", {"domain_id": domain_id, **rec}) for rec in staged]}


@bp.action(destructive=True)
def delete_records_by_type(
    ctx: ToolContext,
    domain_id: str,
    type: RecordType,
    host: Annotated[str | None, Field(pattern=HOST)] = None,
) -> DeleteCount:
    """Delete all DNS records of one type (optionally for one host) from an {app} zone; NS records at '@' are
    kept.

    Args:
        domain_id: The domain (zone).
        type: Record type to delete.
        host: Only records for this host.
    """
    ctx.require("domain", domain_id)
    rows = ctx.select("dns_record", "domain_id = ? AND type = ?", (domain_id, type))
    rows = [
        r
        for r in rows
        if (host is None or r["host"] == host) and not (r["type"] == "NS" and r["host"] == "@")
    ]
    if not rows:
        raise ToolError(
            f"No deletable {type} records" + (f" for host '{host}'" if host else "") + " in this zone."
        )
    for r in rows:
        ctx.delete("dns_record", r["id"])
    return {"domain_id": domain_id, "deleted": len(rows)}


@bp.action(read_only=True)
def export_zone_file(ctx: ToolContext, domain_id: str) -> ZoneFile:
    """Export an {app} domain's DNS records as a BIND zone file.

    Args:
        domain_id: The domain.
    """
    dom = ctx.require("domain", domain_id)
    lines = [f"$ORIGIN {dom['name']}.", "$TTL 3600"]
    for r in ctx.select("dns_record", "domain_id = ?", (domain_id,), order_by="host, type, rowid"):
        prio = f"{r['priority']} " if r["type"] == "MX" else ""
        val = f'"{r["value"]}"' if r["type"] == "TXT" else r["value"]
        lines.append(f"{r['host']}\t{r['ttl']}\tIN\t{r['type']}\t{prio}{val}")
    return {"domain_id": domain_id, "zone": "\n".join(lines)}


@bp.action()
def request_certificate(
    ctx: ToolContext,
    domain_id: str,
    hosts: Annotated[list[Annotated[str, Field(pattern=HOST)]], Field(max_length=10)] = [],  # noqa: B006
) -> Certificate:
    """Request a TLS certificate from {app} for a domain and extra hosts; it stays pending until DNS
    validation.

    Args:
        domain_id: The domain.
        hosts: Extra host names relative to the domain (e.g. 'www'); '@' is always included.
    """
    dom = _active(ctx, domain_id)
    if ctx.select("certificate", "domain_id = ? AND status = 'pending_validation'", (domain_id,)):
        raise ToolError(f"A certificate for {dom['name']} is already waiting for validation.")
    sans = sorted({f"{h}.{dom['name']}" for h in hosts if h != "@"})
    n = ctx.world.count(ctx.table("certificate"), "domain_id = ?", (domain_id,))
    return ctx.insert(
        "certificate",
        {
            "domain_id": domain_id,
            "common_name": dom["name"],
            "sans": sans,
            "status": "pending_validation",
            "validation_token": stable_hex("acme", domain_id, n, length=24),
        },
    )


@bp.action()
def validate_certificate(ctx: ToolContext, certificate_id: str) -> Certificate:
    """Validate a pending {app} certificate: issued for 90 days when the zone has a TXT '_acme-challenge'
    record with its token.

    Args:
        certificate_id: The pending certificate.
    """
    cert = ctx.require("certificate", certificate_id)
    if cert["status"] != "pending_validation":
        raise ToolError(f"Certificate {certificate_id} is '{cert['status']}', not pending validation.")
    txt = ctx.select(
        "dns_record",
        "domain_id = ? AND type = 'TXT' AND host = '_acme-challenge' AND value = ?",
        (cert["domain_id"], cert["validation_token"]),
    )
    if not txt:
        raise ToolError(
            f"Validation failed: add a TXT record '_acme-challenge' with value "
            f"'{cert['validation_token']}' to the zone, then retry."
        )
    today = ctx.today()
    return ctx.update(
        "certificate",
        certificate_id,
        {"status": "issued", "issued_on": today, "expires_on": plus_days(today, 90)},
    )


@bp.action(destructive=True)
def revoke_certificate(ctx: ToolContext, certificate_id: str) -> Certificate:
    """Revoke an issued {app} certificate permanently; returns it with status revoked.

    Args:
        certificate_id: The issued certificate.
    """
    cert = ctx.require("certificate", certificate_id)
    if cert["status"] != "issued":
        raise ToolError(
            f"Certificate {certificate_id} is '{cert['status']}'; only issued certificates can be revoked."
        )
    return ctx.update("certificate", certificate_id, {"status": "revoked"})


@bp.action(read_only=True)
def list_expiring_assets(
    ctx: ToolContext, within_days: Annotated[int, Field(ge=1, le=365)] = 30
) -> ExpiringList:
    """List {app} domains and issued certificates that expire within the given number of days, soonest first.

    Args:
        within_days: Look-ahead window in days.
    """
    today = ctx.today()
    until = plus_days(today, within_days)
    items = [
        {
            "kind": "domain",
            "id": d["id"],
            "name": d["name"],
            "expires_on": d["expires_on"],
            "auto_renew": d["auto_renew"],
        }
        for d in ctx.select("domain", "status = 'active' AND expires_on <= ?", (until,))
    ]
    for c in ctx.select("certificate", "status = 'issued' AND expires_on <= ?", (until,)):
        dom = ctx.get("domain", c["domain_id"])
        items.append(
            {
                "kind": "certificate",
                "id": c["id"],
                "name": c["common_name"],
                "expires_on": c["expires_on"],
                "auto_renew": bool(dom and dom["auto_renew"]),
            }
        )
    items.sort(key=lambda x: (x["expires_on"], x["id"]))
    return {"items": items}


_WORDS = (
    "bright",
    "north",
    "pixel",
    "harbor",
    "maple",
    "quantum",
    "river",
    "summit",
    "cedar",
    "orbit",
    "lumen",
    "atlas",
    "ember",
    "solace",
    "vertex",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    tlds = ("com", "io", "dev", "net", "org", "app", "co")
    statuses = ("active", "active", "expired", "active", "transfer_pending", "active")
    for n in range(14):
        name = f"{_WORDS[n]}{rng.choice(('labs', 'hq', 'works', 'studio', ''))}.{tlds[n % 7]}"
        status = statuses[n % 6]
        reg = -rng.randint(70, 2000) if n % 5 else -20
        expires = rng.randint(5, 700) if status != "expired" else -rng.randint(1, 25)
        dom = ctx.insert(
            "domain",
            {
                "name": name,
                "status": status,
                "auto_renew": n % 3 != 0,
                "transfer_lock": n % 4 != 1,
                "privacy": n % 5 != 2,
                "nameservers": ["ns1.registrar-dns.net", "ns2.registrar-dns.net"],
                "registrant_email": s.user.email,
                "registered_on": s.date(reg),
                "expires_on": s.date(expires),
            },
        )
        did = dom["id"]
        ip = f"203.0.113.{10 + n}"
        recs = [
            ("NS", "@", "ns1.registrar-dns.net", 0),
            ("A", "@", ip, 0),
            ("CNAME", "www", name + ".", 0),
            ("MX", "@", "mx1.mailhost.net.", 10),
            ("TXT", "@", "v=spf1 include:mailhost.net ~all", 0),
        ]
        if n % 2 == 0:
            recs.append(("A", "api", f"198.51.100.{20 + n}", 0))
        for t, h, v, p in recs:
            ctx.insert(
                "dns_record",
                {
                    "domain_id": did,
                    "type": t,
                    "host": h,
                    "value": v,
                    "ttl": 300 if t == "A" else 3600,
                    "priority": p,
                },
            )
        cstat = ("issued", "pending_validation", "issued", "expired", "issued", "revoked")[n % 6]
        token = stable_hex("acme", did, 0, length=24)
        issued = -rng.randint(10, 80)
        ctx.insert(
            "certificate",
            {
                "domain_id": did,
                "common_name": name,
                "sans": [f"www.{name}"],
                "status": cstat,
                "issued_on": s.date(issued) if cstat != "pending_validation" else "",
                "expires_on": s.date(issued + 90) if cstat != "pending_validation" else "",
                "validation_token": token,
            },
        )
        if cstat == "pending_validation" and n % 4 == 1:
            ctx.insert(
                "dns_record",
                {
                    "domain_id": did,
                    "type": "TXT",
                    "host": "_acme-challenge",
                    "value": token,
                    "ttl": 300,
                    "priority": 0,
                },
            )
        for k in range(rng.randint(1, 2)):
            ctx.insert(
                "renewal",
                {
                    "domain_id": did,
                    "years": 1,
                    "price": _PRICES[tlds[n % 7]],
                    "new_expires_on": s.date(expires - 365 * k),
                    "renewed_on": s.date(expires - 365 * (k + 1)),
                    "automatic": n % 3 != 0,
                },
            )
        for alias, person in (("hello", s.user), ("sales", s.people[n % 40])):
            ctx.insert(
                "email_forward",
                {
                    "domain_id": did,
                    "alias": alias,
                    "destination_email": person.email,
                    "enabled": not (n % 4 == 3 and alias == "sales"),
                },
            )


bp.product("zonewright", "Zonewright", "Domain registrar and managed DNS with certificates.")
bp.product(
    "namecove",
    "NameCove",
    "Domain names, DNS zones and email forwarding.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("search_dns_records", "export_zone_file"),
)
bp.product(
    "dnsjet",
    "DNSJet",
    "Fast authoritative DNS hosting with zone tools.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("initiate_transfer_out", "list_renewals", "get_renewal"),
)
bp.product(
    "registrio",
    "Registrio",
    "Simple domain registration and renewals.",
    prefix="registrio",
    drop=(
        "search_dns_records",
        "bulk_create_records",
        "delete_records_by_type",
        "export_zone_file",
        "update_dns_record",
        "update_email_forward",
        "delete_email_forward",
        "request_certificate",
        "validate_certificate",
        "revoke_certificate",
    ),
)
bp.product(
    "certharbor",
    "CertHarbor",
    "Domains with DNS and automated TLS certificates.",
    verbs={"create": "add"},
    drop=("delete_email_forward",),
)
