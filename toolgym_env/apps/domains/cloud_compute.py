"""Cloud compute: instances, block volumes, snapshots, security groups and regional quotas (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext, stable_hex

bp = Blueprint("cloud compute")

Region = Literal["us-east", "eu-west", "ap-south"]
InstanceType = Literal["s1.small", "s1.medium", "m2.large", "c2.xlarge", "g1.gpu"]
VolumeType = Literal["ssd", "hdd", "io"]
_SPECS = {
    "s1.small": (1, 0.012),
    "s1.medium": (2, 0.024),
    "m2.large": (4, 0.096),
    "c2.xlarge": (8, 0.17),
    "g1.gpu": (16, 1.2),
}
_GB_MONTH = {"ssd": 0.10, "hdd": 0.045, "io": 0.125}
_SNAP_GB_MONTH = 0.05
NAME = r"^[a-z][a-z0-9-]{1,40}$"
CIDR = r"^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)/(3[0-2]|[12]?\d)$"


class Tag(BaseModel):
    key: str = Field(description="Tag key.", min_length=1, max_length=40)
    value: str = Field("", description="Tag value.", max_length=100)


class Instance(BaseModel):
    id: str = Field(description="Instance id.")
    name: str = Field(description="Instance name.", pattern=NAME)
    region: Region = Field(description="Region.")
    instance_type: InstanceType = Field(description="Size (vCPUs and price follow from it).")
    image: Literal["ubuntu-24.04", "debian-12", "rocky-9", "windows-2022"] = Field(description="OS image.")
    state: Literal["running", "stopped", "terminated"] = Field("running", description="Power state.")
    security_group_ids: list[str] = Field(default_factory=list, description="Attached security groups.")
    tags: list[Tag] = Field(default_factory=list, description="Tags.")
    private_ip: str = Field("", description="Private IPv4 address.")
    launched_at: str = Field("", description="When it was launched (ISO-8601).")


class Volume(BaseModel):
    id: str = Field(description="Volume id.")
    name: str = Field(description="Volume name.", pattern=NAME)
    region: Region = Field(description="Region.")
    size_gb: int = Field(ge=1, le=16384, description="Size in GiB.")
    volume_type: VolumeType = Field("ssd", description="Storage class.")
    instance_id: str = Field("", description="Instance it is attached to; empty when available.")
    encrypted: bool = Field(True, description="Encrypted at rest.")
    created_at: str = Field("", description="When it was created (ISO-8601).")


class Snapshot(BaseModel):
    id: str = Field(description="Snapshot id.")
    volume_id: str = Field(description="Volume it was taken from.")
    region: Region = Field(description="Region.")
    size_gb: int = Field(ge=1, description="Size in GiB.")
    description: str = Field("", description="Description.", max_length=200)
    created_at: str = Field("", description="When it was taken (ISO-8601).")


class Rule(BaseModel):
    direction: Literal["ingress", "egress"] = Field("ingress", description="Traffic direction.")
    protocol: Literal["tcp", "udp", "icmp"] = Field("tcp", description="Protocol.")
    port_from: int = Field(ge=0, le=65535, description="First port.")
    port_to: int | None = Field(
        None, ge=0, le=65535, description="Last port of a range; omit for a single port."
    )
    cidr: str = Field("0.0.0.0/0", description="Source/destination CIDR.", pattern=CIDR)


class SecurityGroup(BaseModel):
    id: str = Field(description="Security group id.")
    name: str = Field(description="Group name.", pattern=NAME)
    region: Region = Field(description="Region.")
    description: str = Field("", description="Description.", max_length=200)
    rules: list[Rule] = Field(default_factory=list, description="Firewall rules.")
    created_at: str = Field("", description="When it was created (ISO-8601).")


class Quota(BaseModel):
    id: str = Field(description="Quota id.")
    region: Region = Field(description="Region.")
    metric: Literal["vcpus", "instances", "volume_gb", "snapshots"] = Field(description="What is limited.")
    max_value: int = Field(ge=0, description="Maximum allowed in the region.")


bp.resource(
    Instance,
    name="instance",
    id_prefix="i",
    searchable=("name",),
    filterable=("region", "state", "instance_type"),
    refs={"security_group_ids": "security_group"},
    readonly=("region", "instance_type", "image", "state", "private_ip", "launched_at"),
    ops=("search", "list", "get", "update"),
    order_by="name",
)
bp.resource(
    Volume,
    name="volume",
    id_prefix="vol",
    filterable=("region", "volume_type", "instance_id"),
    readonly=("region", "size_gb", "volume_type", "instance_id", "encrypted"),
    ops=("list", "get", "update"),
    order_by="name",
)
bp.resource(
    Snapshot,
    name="snapshot",
    id_prefix="snap",
    filterable=("volume_id", "region"),
    ops=("list", "get", "delete"),
    order_by="created_at DESC",
)
bp.resource(
    SecurityGroup,
    name="security_group",
    id_prefix="sg",
    searchable=("name", "description"),
    filterable=("region",),
    ops=("search", "list", "get", "create", "update"),
    order_by="name",
)
bp.resource(
    Quota,
    name="quota",
    id_prefix="q",
    filterable=("region", "metric"),
    ops=("list", "get"),
    order_by="region",
)


class Usage(BaseModel):
    metric: str = Field(description="What is limited.")
    used: int = Field(description="Current usage.")
    max_value: int = Field(description="Quota.")
    available: int = Field(description="Remaining headroom.")


class QuotaUsage(BaseModel):
    region: str = Field(description="Region.")
    usage: list[Usage] = Field(description="Usage per metric.")


class CostLine(BaseModel):
    item_id: str = Field(description="Instance, volume or snapshot id.")
    kind: str = Field(description="instance, volume or snapshot.")
    monthly_cost: float = Field(description="Estimated USD per month (730 hours).")


class CostEstimate(BaseModel):
    region: str = Field(description="Region, or 'all'.")
    lines: list[CostLine] = Field(description="Cost per billable resource, most expensive first.")
    total_monthly: float = Field(description="Total USD per month.")


class InstanceLaunch(BaseModel):
    name: str = Field(description="Instance name.", pattern=NAME)
    instance_type: InstanceType = Field("s1.small", description="Size.")


def _usage(ctx: ToolContext, region: str) -> dict[str, int]:
    inst = ctx.select("instance", "region = ? AND state != 'terminated'", (region,))
    return {
        "vcpus": sum(_SPECS[i["instance_type"]][0] for i in inst),
        "instances": len(inst),
        "volume_gb": sum(v["size_gb"] for v in ctx.select("volume", "region = ?", (region,))),
        "snapshots": ctx.world.count(ctx.table("snapshot"), "region = ?", (region,)),
    }


def _check_quota(ctx: ToolContext, region: str, **extra: int) -> None:
    used = _usage(ctx, region)
    for q in ctx.select("quota", "region = ?", (region,)):
        add = extra.get(q["metric"], 0)
        if add and used[q["metric"]] + add > q["max_value"]:
            raise ToolError(
                f"Quota exceeded in {region}: {q['metric']} would be {used[q['metric']] + add} "
                f"of {q['max_value']} (in use: {used[q['metric']]})."
            )


def _live_instance(ctx: ToolContext, instance_id: str) -> dict:
    inst = ctx.require("instance", instance_id)
    if inst["state"] == "terminated":
        raise ToolError(f"Instance {inst['name']} is terminated.")
    return inst


@bp.action()
def launch_instance(
    ctx: ToolContext,
    name: Annotated[str, Field(pattern=NAME)],
    region: Region,
    instance_type: InstanceType = "s1.small",
    image: Literal["ubuntu-24.04", "debian-12", "rocky-9", "windows-2022"] = "ubuntu-24.04",
    security_group_ids: Annotated[list[str], Field(max_length=5)] = [],  # noqa: B006
) -> Instance:
    """Launch a running {app} instance in a region; checks vCPU and instance quotas and same-region security
    groups.

    Args:
        name: Instance name (lower-case, digits, dashes).
        region: Region to launch in.
        instance_type: Size.
        image: OS image.
        security_group_ids: Security groups to attach (same region).
    """
    for sg_id in security_group_ids:
        sg = ctx.require("security_group", sg_id)
        if sg["region"] != region:
            raise ToolError(f"Security group {sg['name']} is in {sg['region']}, not {region}.")
    if ctx.select("instance", "name = ? AND region = ? AND state != 'terminated'", (name, region)):
        raise ToolError(f"An instance named {name} already exists in {region}.")
    _check_quota(ctx, region, vcpus=_SPECS[instance_type][0], instances=1)
    n = ctx.world.count(ctx.table("instance"))
    return ctx.insert(
        "instance",
        {
            "name": name,
            "region": region,
            "instance_type": instance_type,
            "image": image,
            "state": "running",
            "security_group_ids": sorted(set(security_group_ids)),
            "private_ip": f"10.{('us-east', 'eu-west', 'ap-south').index(region)}.{n // 250}.{n % 250 + 4}",
            "launched_at": ctx.now(),
        },
    )


@bp.action()
def stop_instance(ctx: ToolContext, instance_id: str) -> Instance:
    """Stop a running {app} instance (its disks are kept) and return it.

    Args:
        instance_id: The instance to stop.
    """
    inst = _live_instance(ctx, instance_id)
    if inst["state"] != "running":
        raise ToolError(f"Instance {inst['name']} is {inst['state']}, not running.")
    return ctx.update("instance", instance_id, {"state": "stopped"})


@bp.action()
def start_instance(ctx: ToolContext, instance_id: str) -> Instance:
    """Start a stopped {app} instance; its vCPUs count against the region quota again.

    Args:
        instance_id: The instance to start.
    """
    inst = _live_instance(ctx, instance_id)
    if inst["state"] != "stopped":
        raise ToolError(f"Instance {inst['name']} is {inst['state']}, not stopped.")
    return ctx.update("instance", instance_id, {"state": "running"})


@bp.action(destructive=True)
def terminate_instance(ctx: ToolContext, instance_id: str) -> Instance:
    """Terminate an {app} instance permanently; attached volumes are detached and kept.

    Args:
        instance_id: The instance to terminate.
    """
    inst = _live_instance(ctx, instance_id)
    if any(t["key"] == "protected" and t["value"] == "true" for t in inst["tags"]):
        raise ToolError(f"Instance {inst['name']} has termination protection (tag protected=true).")
    for v in ctx.select("volume", "instance_id = ?", (instance_id,)):
        ctx.update("volume", v["id"], {"instance_id": ""})
    return ctx.update("instance", instance_id, {"state": "terminated", "security_group_ids": []})


@bp.action()
def resize_instance(ctx: ToolContext, instance_id: str, instance_type: InstanceType) -> Instance:
    """Change a stopped {app} instance's size; a larger size must fit the region's vCPU quota.

    Args:
        instance_id: The stopped instance.
        instance_type: New size.
    """
    inst = _live_instance(ctx, instance_id)
    if inst["state"] != "stopped":
        raise ToolError(f"Instance {inst['name']} must be stopped before resizing (it is {inst['state']}).")
    if inst["instance_type"] == instance_type:
        raise ToolError(f"Instance {inst['name']} is already {instance_type}.")
    return ctx.update("instance", instance_id, {"instance_type": instance_type})


@bp.action()
def create_volume(
    ctx: ToolContext,
    name: Annotated[str, Field(pattern=NAME)],
    region: Region,
    size_gb: Annotated[int, Field(ge=1, le=16384)],
    volume_type: VolumeType = "ssd",
) -> Volume:
    """Create an empty {app} block volume in a region; the region's volume storage quota is checked.

    Args:
        name: Volume name.
        region: Region.
        size_gb: Size in GiB.
        volume_type: Storage class.
    """
    _check_quota(ctx, region, volume_gb=size_gb)
    return ctx.insert(
        "volume",
        {
            "name": name,
            "region": region,
            "size_gb": size_gb,
            "volume_type": volume_type,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def attach_volume(ctx: ToolContext, volume_id: str, instance_id: str) -> Volume:
    """Attach an available {app} volume to a non-terminated instance in the same region (max 4 per instance).

    Args:
        volume_id: The available volume.
        instance_id: The instance.
    """
    vol = ctx.require("volume", volume_id)
    inst = _live_instance(ctx, instance_id)
    if vol["instance_id"]:
        raise ToolError(f"Volume {vol['name']} is already attached to {vol['instance_id']}.")
    if vol["region"] != inst["region"]:
        raise ToolError(
            f"Volume {vol['name']} is in {vol['region']} but instance {inst['name']} is in {inst['region']}."
        )
    if ctx.world.count(ctx.table("volume"), "instance_id = ?", (instance_id,)) >= 4:
        raise ToolError(f"Instance {inst['name']} already has 4 volumes attached.")
    return ctx.update("volume", volume_id, {"instance_id": instance_id})


@bp.action()
def detach_volume(ctx: ToolContext, volume_id: str) -> Volume:
    """Detach an {app} volume from its instance so it becomes available; boot volumes of running instances
    stay.

    Args:
        volume_id: The attached volume.
    """
    vol = ctx.require("volume", volume_id)
    if not vol["instance_id"]:
        raise ToolError(f"Volume {vol['name']} is not attached.")
    inst = ctx.get("instance", vol["instance_id"])
    if inst and inst["state"] == "running" and vol["name"].endswith("-boot"):
        raise ToolError(
            f"{vol['name']} is the boot volume of running instance {inst['name']}; stop it first."
        )
    return ctx.update("volume", volume_id, {"instance_id": ""})


@bp.action(destructive=True)
def delete_volume(ctx: ToolContext, volume_id: str) -> Volume:
    """Delete an available {app} volume permanently; attached volumes must be detached first.

    Args:
        volume_id: The volume to delete.
    """
    vol = ctx.require("volume", volume_id)
    if vol["instance_id"]:
        raise ToolError(f"Volume {vol['name']} is attached to {vol['instance_id']}; detach it first.")
    ctx.delete("volume", volume_id)
    return vol


@bp.action()
def create_snapshot(
    ctx: ToolContext, volume_id: str, description: Annotated[str, Field(max_length=200)] = ""
) -> Snapshot:
    """Take a point-in-time {app} snapshot of a volume; the region's snapshot quota is checked.

    Args:
        volume_id: The volume to snapshot.
        description: Description.
    """
    vol = ctx.require("volume", volume_id)
    _check_quota(ctx, vol["region"], snapshots=1)
    return ctx.insert(
        "snapshot",
        {
            "volume_id": volume_id,
            "region": vol["region"],
            "size_gb": vol["size_gb"],
            "description": description,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def restore_snapshot(
    ctx: ToolContext,
    snapshot_id: str,
    name: Annotated[str, Field(pattern=NAME)],
    volume_type: VolumeType = "ssd",
) -> Volume:
    """Create a new {app} volume from a snapshot in the snapshot's region, at least as large as the snapshot.

    Args:
        snapshot_id: The snapshot to restore.
        name: Name of the new volume.
        volume_type: Storage class of the new volume.
    """
    snap = ctx.require("snapshot", snapshot_id)
    _check_quota(ctx, snap["region"], volume_gb=snap["size_gb"])
    return ctx.insert(
        "volume",
        {
            "name": name,
            "region": snap["region"],
            "size_gb": snap["size_gb"],
            "volume_type": volume_type,
            "created_at": ctx.now(),
        },
    )


@bp.action(idempotent=True)
def add_security_group_rules(
    ctx: ToolContext, security_group_id: str, rules: Annotated[list[Rule], Field(min_length=1, max_length=20)]
) -> SecurityGroup:
    """Add firewall rules to an {app} security group; rules already present are skipped, max 50 rules per
    group.

    Args:
        security_group_id: The security group.
        rules: Rules to add.
    """
    sg = ctx.require("security_group", security_group_id)
    existing = list(sg["rules"])
    for r in rules:
        port_to = r["port_from"] if r.get("port_to") is None else r["port_to"]
        if r["port_from"] > port_to:
            raise ToolError(f"rules: port_from {r['port_from']} is greater than port_to {port_to}.")
        octets = r["cidr"].split("/")[0].split(".")
        if any(int(o) > 255 for o in octets) or int(r["cidr"].split("/")[1]) > 32:
            raise ToolError(f"rules: '{r['cidr']}' is not a valid IPv4 CIDR.")
        rule = {
            "direction": r.get("direction", "ingress"),
            "protocol": r.get("protocol", "tcp"),
            "port_from": r["port_from"],
            "port_to": port_to,
            "cidr": r.get("cidr", "0.0.0.0/0"),
        }
        if rule not in existing:
            existing.append(rule)
    if len(existing) > 50:
        raise ToolError(f"Security group {sg['name']} would have {len(existing)} rules; the limit is 50.")
    if existing == sg["rules"]:
        return sg
    return ctx.update("security_group", security_group_id, {"rules": existing})


@bp.action(destructive=True)
def delete_security_group(ctx: ToolContext, security_group_id: str) -> SecurityGroup:
    """Delete an {app} security group that no running or stopped instance uses.

    Args:
        security_group_id: The security group to delete.
    """
    sg = ctx.require("security_group", security_group_id)
    users = [
        i["name"]
        for i in ctx.select("instance", "state != 'terminated'", order_by="name")
        if security_group_id in i["security_group_ids"]
    ]
    if users:
        raise ToolError(f"Security group {sg['name']} is used by instances: {', '.join(users)}.")
    ctx.delete("security_group", security_group_id)
    return sg


@bp.action(read_only=True)
def get_quota_usage(ctx: ToolContext, region: Region) -> QuotaUsage:
    """Show {app} quota usage in a region: vCPUs, instances, volume GiB and snapshots used versus allowed.

    Args:
        region: Region to report.
    """
    used = _usage(ctx, region)
    rows = []
    for q in ctx.select("quota", "region = ?", (region,), order_by="metric"):
        rows.append(
            {
                "metric": q["metric"],
                "used": used[q["metric"]],
                "max_value": q["max_value"],
                "available": max(0, q["max_value"] - used[q["metric"]]),
            }
        )
    return {"region": region, "usage": rows}


@bp.action(read_only=True)
def estimate_monthly_cost(ctx: ToolContext, region: Region | None = None) -> CostEstimate:
    """Estimate the {app} monthly bill from running instances, volumes and snapshots, most expensive first.

    Args:
        region: Only this region; all regions when omitted.
    """
    where, params = ("region = ?", (region,)) if region else ("", ())
    lines = []
    for i in ctx.select("instance", where, params):
        if i["state"] == "running":
            lines.append(
                {
                    "item_id": i["id"],
                    "kind": "instance",
                    "monthly_cost": round(_SPECS[i["instance_type"]][1] * 730, 2),
                }
            )
    for v in ctx.select("volume", where, params):
        lines.append(
            {
                "item_id": v["id"],
                "kind": "volume",
                "monthly_cost": round(v["size_gb"] * _GB_MONTH[v["volume_type"]], 2),
            }
        )
    for s in ctx.select("snapshot", where, params):
        lines.append(
            {"item_id": s["id"], "kind": "snapshot", "monthly_cost": round(s["size_gb"] * _SNAP_GB_MONTH, 2)}
        )
    lines.sort(key=lambda x: (-x["monthly_cost"], x["item_id"]))
    return {
        "region": region or "all",
        "lines": lines,
        "total_monthly": round(sum(x["monthly_cost"] for x in lines), 2),
    }


_ROLES = ("web", "api", "worker", "db", "cache", "batch", "bastion", "ml")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    regions = ("us-east", "eu-west", "ap-south")
    limits = {"us-east": (64, 20, 40000, 30), "eu-west": (32, 12, 20000, 20), "ap-south": (12, 6, 3000, 8)}
    sgs: dict[str, list[dict]] = {r: [] for r in regions}
    for r in regions:
        for name, rules in (
            ("web-public", [(80, 80), (443, 443)]),
            ("ssh-admin", [(22, 22)]),
            ("db-private", [(5432, 5432)]),
            ("unused-legacy", [(8080, 8090)]),
        ):
            sgs[r].append(
                ctx.insert(
                    "security_group",
                    {
                        "name": name,
                        "region": r,
                        "description": f"{name.replace('-', ' ')} access",
                        "rules": [
                            {
                                "direction": "ingress",
                                "protocol": "tcp",
                                "port_from": a,
                                "port_to": b,
                                "cidr": "0.0.0.0/0" if name == "web-public" else "10.0.0.0/8",
                            }
                            for a, b in rules
                        ],
                        "created_at": s.at(days=-rng.randint(100, 500)),
                    },
                )
            )
    states = ("running", "stopped", "running", "stopped", "running", "terminated", "stopped")
    instances = []
    for n in range(18):
        r = regions[n // 6]
        role = _ROLES[n % len(_ROLES)]
        itype = (
            ("s1.small", "s1.medium", "m2.large", "s1.small", "c2.xlarge")[n % 5]
            if r != "ap-south"
            else "s1.medium"
        )
        state = states[n % 7]
        inst = ctx.insert(
            "instance",
            {
                "name": f"{role}-{n + 1:02d}",
                "region": r,
                "instance_type": itype,
                "image": ("ubuntu-24.04", "debian-12", "rocky-9", "ubuntu-24.04")[n % 4],
                "state": state,
                "security_group_ids": [] if state == "terminated" else [sgs[r][n % 3]["id"]],
                "tags": [{"key": "env", "value": "prod" if n % 2 else "staging"}]
                + ([{"key": "protected", "value": "true"}] if n % 9 == 3 else []),
                "private_ip": f"10.{regions.index(r)}.0.{n + 4}",
                "launched_at": s.at(days=-rng.randint(5, 300)),
            },
        )
        instances.append(inst)
    volumes = []
    for n in range(22):
        inst = instances[n % 18]
        attached = n % 2 == 0 and inst["state"] != "terminated"
        volumes.append(
            ctx.insert(
                "volume",
                {
                    "name": f"{inst['name']}-{'boot' if n % 8 == 2 else 'data'}"
                    if attached
                    else f"spare-{n:02d}",
                    "region": inst["region"],
                    "size_gb": rng.choice((20, 50, 100, 200)),
                    "volume_type": rng.choice(("ssd", "ssd", "hdd", "io")),
                    "instance_id": inst["id"] if attached else "",
                    "created_at": s.at(days=-rng.randint(5, 200)),
                },
            )
        )
    for n in range(14):
        v = volumes[n]
        ctx.insert(
            "snapshot",
            {
                "volume_id": v["id"],
                "region": v["region"],
                "size_gb": v["size_gb"],
                "description": f"Nightly backup of {v['name']}",
                "created_at": s.at(days=-n - 1, hours=2),
            },
        )
    for r in regions:
        for metric, value in zip(("vcpus", "instances", "volume_gb", "snapshots"), limits[r]):
            ctx.insert("quota", {"region": r, "metric": metric, "max_value": value})
    _ = stable_hex


bp.product("nimbusforge", "NimbusForge", "Virtual machines, block storage and firewalls in three regions.")
bp.product(
    "stratovm",
    "StratoVM",
    "Developer cloud for VMs and volumes.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("search_security_groups", "delete_snapshot"),
)
bp.product(
    "skyrack",
    "Skyrack",
    "Compute cloud with quotas and cost estimates.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("resize_instance", "get_quota"),
)
bp.product(
    "computon",
    "Computon",
    "Minimal VPS hosting with volumes and snapshots.",
    prefix="computon",
    drop=(
        "search_instances",
        "search_security_groups",
        "update_volume",
        "update_security_group",
        "get_quota",
        "list_quotas",
        "restore_snapshot",
        "delete_security_group",
        "estimate_monthly_cost",
        "resize_instance",
    ),
)
bp.product(
    "cirrocore",
    "CirroCore",
    "Infrastructure-as-a-service with security groups and snapshots.",
    verbs={"create": "new"},
    drop=("update_instance",),
)
