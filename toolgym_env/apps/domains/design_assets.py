"""Design assets and images: folders, assets with a review workflow, collections, exports and pinned
comments."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("design assets")

Kind = Literal["photo", "illustration", "icon", "logo", "mockup"]
Format = Literal["png", "jpg", "svg", "pdf", "webp"]
AssetStatus = Literal["draft", "in_review", "approved", "archived"]
VECTOR_KINDS = ("icon", "logo", "illustration")
MAX_COLLECTION = 100


class Folder(BaseModel):
    id: str = Field(description="Folder id.")
    name: str = Field(description="Folder name.", min_length=1, max_length=100)
    description: str = Field("", description="What the folder holds.", max_length=500)
    color: Literal["gray", "red", "orange", "green", "blue", "purple"] = Field(
        "gray", description="Label color."
    )
    owner_email: str = Field("", description="Email of the folder owner.", max_length=200)
    created_at: str = Field("", description="When the folder was created (ISO-8601).")


class Asset(BaseModel):
    id: str = Field(description="Asset id.")
    folder_id: str = Field(description="Folder holding the asset.")
    name: str = Field(description="File name without extension.", min_length=1, max_length=150)
    kind: Kind = Field("photo", description="Kind of asset.")
    format: Format = Field("png", description="Source file format.")
    width: int = Field(1024, ge=1, le=20000, description="Width in pixels.")
    height: int = Field(1024, ge=1, le=20000, description="Height in pixels.")
    size_kb: int = Field(200, ge=1, le=2000000, description="File size in kilobytes.")
    tags: list[str] = Field(default_factory=list, description="Tags such as 'brand' or 'hero'.")
    alt_text: str = Field("", description="Accessibility description.", max_length=300)
    status: AssetStatus = Field("draft", description="Review status.")
    owner_email: str = Field("", description="Email of the uploader.", max_length=200)
    created_at: str = Field("", description="When the asset was uploaded (ISO-8601).")
    updated_at: str = Field("", description="When the asset last changed (ISO-8601).")


class Collection(BaseModel):
    id: str = Field(description="Collection id.")
    name: str = Field(description="Collection name.", min_length=1, max_length=100)
    description: str = Field("", description="Purpose of the collection.", max_length=500)
    visibility: Literal["private", "team", "public"] = Field("team", description="Who can see it.")
    asset_ids: list[str] = Field(default_factory=list, description="Assets in the collection.")
    owner_email: str = Field("", description="Email of the curator.", max_length=200)
    created_at: str = Field("", description="When the collection was created (ISO-8601).")


class Export(BaseModel):
    id: str = Field(description="Export id.")
    asset_id: str = Field(description="Exported asset.")
    format: Format = Field(description="Output format.")
    scale: Literal["0.5x", "1x", "2x", "3x"] = Field("1x", description="Output scale.")
    width: int = Field(ge=1, description="Output width in pixels.")
    height: int = Field(ge=1, description="Output height in pixels.")
    status: Literal["ready", "failed"] = Field("ready", description="Export status.")
    url: str = Field("", description="Download URL of the rendered file.")
    created_at: str = Field("", description="When the export was made (ISO-8601).")


class Comment(BaseModel):
    id: str = Field(description="Comment id.")
    asset_id: str = Field(description="Asset the comment is pinned to.")
    author_email: str = Field(description="Email of the author.", max_length=200)
    body: str = Field(description="Comment text.", min_length=1, max_length=2000)
    x: float = Field(0.5, ge=0, le=1, description="Pin position from the left edge (0-1).")
    y: float = Field(0.5, ge=0, le=1, description="Pin position from the top edge (0-1).")
    resolved: bool = Field(False, description="Whether the comment is resolved.")
    created_at: str = Field("", description="When the comment was posted (ISO-8601).")


bp.resource(
    Folder,
    name="folder",
    id_prefix="fld",
    filterable=("color", "owner_email"),
    readonly=("owner_email",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="name",
)
bp.resource(
    Asset,
    name="asset",
    id_prefix="ast",
    searchable=("name", "alt_text"),
    filterable=("folder_id", "kind", "format", "status", "owner_email"),
    refs={"folder_id": "folder"},
    readonly=("status", "owner_email", "size_kb"),
    order_by="updated_at DESC",
)
bp.resource(
    Collection,
    name="collection",
    id_prefix="col",
    searchable=("name", "description"),
    filterable=("visibility", "owner_email"),
    readonly=("asset_ids", "owner_email"),
    order_by="name",
)
bp.resource(
    Export,
    name="export",
    id_prefix="exp",
    filterable=("asset_id", "format", "status"),
    refs={"asset_id": "asset"},
    ops=("list", "get", "delete"),
    order_by="created_at DESC",
)
bp.resource(
    Comment,
    name="comment",
    id_prefix="cmt",
    filterable=("asset_id", "resolved", "author_email"),
    refs={"asset_id": "asset"},
    ops=("list", "get", "delete"),
    order_by="created_at",
)


class AssetList(BaseModel):
    assets: list[Asset] = Field(description="The assets.")


class ExportSpec(BaseModel):
    format: Format = Field(description="Output format; svg only for icons, logos and illustrations.")
    scale: Literal["0.5x", "1x", "2x", "3x"] = Field("1x", description="Output scale.")


class ExportList(BaseModel):
    exports: list[Export] = Field(description="The exports created.")


class AssetFilter(BaseModel):
    kind: Kind | None = Field(None, description="Only this kind.")
    formats: list[Format] = Field(default_factory=list, description="Allowed formats; empty = any.")
    min_width: int = Field(0, ge=0, le=20000, description="Smallest width in pixels.")
    tag: str | None = Field(None, description="Only assets with this tag.", max_length=50)
    status: AssetStatus | None = Field(None, description="Only this review status.")
    orientation: Literal["any", "landscape", "portrait", "square"] = Field(
        "any", description="Aspect orientation."
    )


class FolderUsage(BaseModel):
    folder_id: str = Field(description="The folder.")
    assets: int = Field(description="Number of assets.")
    total_size_mb: float = Field(description="Combined file size in megabytes.")
    by_kind: dict[str, int] = Field(description="Assets per kind.")
    by_status: dict[str, int] = Field(description="Assets per review status.")
    largest_asset_id: str = Field(description="Largest file; empty when the folder is empty.")


_SCALE = {"0.5x": 0.5, "1x": 1.0, "2x": 2.0, "3x": 3.0}


def _set_status(ctx: ToolContext, asset_id: str, allowed_from: tuple[str, ...], to: str) -> dict:
    asset = ctx.require("asset", asset_id)
    if asset["status"] not in allowed_from:
        raise ToolError(
            f"Asset '{asset['name']}' is '{asset['status']}'; it must be "
            f"{' or '.join(repr(a) for a in allowed_from)} to become '{to}'."
        )
    return ctx.update("asset", asset_id, {"status": to, "updated_at": ctx.now()})


@bp.action()
def submit_for_review(ctx: ToolContext, asset_id: str) -> Asset:
    """Submit a draft {app} asset for review; it needs alt text first. Returns the asset.

    Args:
        asset_id: The draft asset.
    """
    asset = ctx.require("asset", asset_id)
    if asset["status"] == "draft" and not asset["alt_text"].strip():
        raise ToolError(f"Asset '{asset['name']}' has no alt text; add it before submitting for review.")
    return _set_status(ctx, asset_id, ("draft",), "in_review")


@bp.action()
def approve_asset(ctx: ToolContext, asset_id: str) -> Asset:
    """Approve an {app} asset that is in review; you cannot approve your own uploads. Returns the asset.

    Args:
        asset_id: The asset in review.
    """
    asset = ctx.require("asset", asset_id)
    if asset["owner_email"] == ctx.user.email:
        raise ToolError(f"You uploaded '{asset['name']}'; another teammate has to approve it.")
    return _set_status(ctx, asset_id, ("in_review",), "approved")


@bp.action()
def request_changes(
    ctx: ToolContext, asset_id: str, body: Annotated[str, Field(min_length=1, max_length=2000)]
) -> Asset:
    """Send an {app} asset in review back to draft with a comment explaining the changes needed.

    Args:
        asset_id: The asset in review.
        body: What needs to change.
    """
    if not body.strip():
        raise ToolError("body: explain which changes are needed.")
    asset = _set_status(ctx, asset_id, ("in_review",), "draft")
    ctx.insert(
        "comment",
        {"asset_id": asset_id, "author_email": ctx.user.email, "body": body.strip(), "created_at": ctx.now()},
    )
    return asset


@bp.action(destructive=True)
def archive_asset(ctx: ToolContext, asset_id: str) -> Asset:
    """Archive an {app} asset: it leaves every collection it was in. Returns the archived asset.

    Args:
        asset_id: The asset to archive.
    """
    asset = _set_status(ctx, asset_id, ("draft", "in_review", "approved"), "archived")
    for col in ctx.select("collection"):
        if asset_id in col["asset_ids"]:
            ctx.update("collection", col["id"], {"asset_ids": [a for a in col["asset_ids"] if a != asset_id]})
    return asset


@bp.action()
def move_assets(
    ctx: ToolContext, asset_ids: Annotated[list[str], Field(min_length=1, max_length=50)], folder_id: str
) -> AssetList:
    """Move several {app} assets into a folder (all or none); archived assets cannot be moved.

    Args:
        asset_ids: Assets to move.
        folder_id: Destination folder.
    """
    folder = ctx.require("folder", folder_id)
    assets = [ctx.require("asset", a) for a in asset_ids]
    for a in assets:
        if a["status"] == "archived":
            raise ToolError(f"Asset '{a['name']}' is archived and cannot be moved; nothing was moved.")
    if all(a["folder_id"] == folder_id for a in assets):
        raise ToolError(f"All these assets are already in folder '{folder['name']}'.")
    now = ctx.now()
    return {
        "assets": [
            ctx.update("asset", a["id"], {"folder_id": folder_id, "updated_at": now})
            if a["folder_id"] != folder_id
            else a
            for a in assets
        ]
    }


@bp.action(idempotent=True)
def tag_assets(
    ctx: ToolContext,
    asset_ids: Annotated[list[str], Field(min_length=1, max_length=50)],
    tags: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=40)]], Field(min_length=1, max_length=10)
    ],
) -> AssetList:
    """Add tags to several {app} assets; tags already present are kept once. Returns the assets.

    Args:
        asset_ids: Assets to tag.
        tags: Tags to add, e.g. 'brand', 'hero'.
    """
    clean = sorted({t.strip().lower() for t in tags if t.strip()})
    if not clean:
        raise ToolError("tags: give at least one non-blank tag.")
    assets = [ctx.require("asset", a) for a in asset_ids]
    out = []
    for a in assets:
        merged = sorted(set(a["tags"]) | set(clean))
        out.append(
            ctx.update("asset", a["id"], {"tags": merged, "updated_at": ctx.now()})
            if merged != sorted(a["tags"])
            else a
        )
    return {"assets": out}


@bp.action(idempotent=True)
def add_assets_to_collection(
    ctx: ToolContext, collection_id: str, asset_ids: Annotated[list[str], Field(min_length=1, max_length=50)]
) -> Collection:
    """Add assets to an {app} collection (set semantics, max 100); archived assets are refused. Returns it.

    Args:
        collection_id: The collection.
        asset_ids: Assets to add.
    """
    col = ctx.require("collection", collection_id)
    for a in asset_ids:
        asset = ctx.require("asset", a)
        if asset["status"] == "archived":
            raise ToolError(f"Asset '{asset['name']}' is archived; nothing was added.")
    merged = list(dict.fromkeys([*col["asset_ids"], *asset_ids]))
    if len(merged) > MAX_COLLECTION:
        raise ToolError(
            f"Collection '{col['name']}' would hold {len(merged)} assets; the limit is {MAX_COLLECTION}."
        )
    if merged == col["asset_ids"]:
        return col
    return ctx.update("collection", collection_id, {"asset_ids": merged})


@bp.action()
def remove_asset_from_collection(ctx: ToolContext, collection_id: str, asset_id: str) -> Collection:
    """Remove an asset from an {app} collection and return the collection.

    Args:
        collection_id: The collection.
        asset_id: The asset to remove.
    """
    col = ctx.require("collection", collection_id)
    if asset_id not in col["asset_ids"]:
        raise ToolError(f"Asset {asset_id} is not in collection '{col['name']}'.")
    return ctx.update(
        "collection", collection_id, {"asset_ids": [a for a in col["asset_ids"] if a != asset_id]}
    )


@bp.action()
def export_asset(
    ctx: ToolContext, asset_id: str, outputs: Annotated[list[ExportSpec], Field(min_length=1, max_length=8)]
) -> ExportList:
    """Render an approved {app} asset in several formats and scales (all or none); returns the exports.

    Args:
        asset_id: The approved asset to export.
        outputs: Formats and scales to render.
    """
    asset = ctx.require("asset", asset_id)
    if asset["status"] != "approved":
        raise ToolError(
            f"Asset '{asset['name']}' is '{asset['status']}'; only approved assets can be exported."
        )
    for i, o in enumerate(outputs):
        if o["format"] == "svg" and asset["kind"] not in VECTOR_KINDS:
            raise ToolError(
                f"outputs[{i}]: a {asset['kind']} cannot be exported as svg "
                f"(vector output is for icons, logos and illustrations); nothing was exported."
            )
        w = int(asset["width"] * _SCALE[o.get("scale", "1x")])
        if w > 20000:
            raise ToolError(
                f"outputs[{i}]: {o.get('scale', '1x')} would be {w}px wide; the limit is 20000px."
            )
    now = ctx.now()
    made = []
    for o in outputs:
        f = _SCALE[o.get("scale", "1x")]
        row = ctx.insert(
            "export",
            {
                "asset_id": asset_id,
                "format": o["format"],
                "scale": o.get("scale", "1x"),
                "width": max(1, int(asset["width"] * f)),
                "height": max(1, int(asset["height"] * f)),
                "created_at": now,
            },
        )
        made.append(
            ctx.update(
                "export",
                row["id"],
                {
                    "url": (
                        f"https://cdn.example.com/exports/{row['id']}/"
                        f"{asset['name']}@{o.get('scale', '1x')}.{o['format']}"
                    )
                },
            )
        )
    return {"exports": made}


@bp.action()
def comment_on_asset(
    ctx: ToolContext,
    asset_id: str,
    body: Annotated[str, Field(min_length=1, max_length=2000)],
    x: Annotated[float, Field(ge=0, le=1)] = 0.5,
    y: Annotated[float, Field(ge=0, le=1)] = 0.5,
) -> Comment:
    """Pin a comment to a spot on an {app} asset (x, y from 0 to 1) as the current user; returns it.

    Args:
        asset_id: The asset to comment on.
        body: Comment text.
        x: Horizontal pin position, 0 = left edge, 1 = right edge.
        y: Vertical pin position, 0 = top edge, 1 = bottom edge.
    """
    asset = ctx.require("asset", asset_id)
    if asset["status"] == "archived":
        raise ToolError(f"Asset '{asset['name']}' is archived; comments are closed.")
    if not body.strip():
        raise ToolError("body: the comment cannot be blank.")
    return ctx.insert(
        "comment",
        {
            "asset_id": asset_id,
            "author_email": ctx.user.email,
            "body": body.strip(),
            "x": x,
            "y": y,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def resolve_comment(ctx: ToolContext, comment_id: str) -> Comment:
    """Mark a pinned {app} comment as resolved once its feedback is addressed; returns the comment.

    Args:
        comment_id: The comment to resolve.
    """
    c = ctx.require("comment", comment_id)
    if c["resolved"]:
        raise ToolError(f"Comment {comment_id} is already resolved.")
    return ctx.update("comment", comment_id, {"resolved": True})


@bp.action(read_only=True)
def get_folder_usage(ctx: ToolContext, folder_id: str) -> FolderUsage:
    """Summarize an {app} folder: asset count, total size, assets per kind and status, and the largest file.

    Args:
        folder_id: The folder.
    """
    ctx.require("folder", folder_id)
    assets = ctx.select("asset", "folder_id = ?", (folder_id,))
    by_kind: dict[str, int] = {}
    by_status: dict[str, int] = {}
    for a in assets:
        by_kind[a["kind"]] = by_kind.get(a["kind"], 0) + 1
        by_status[a["status"]] = by_status.get(a["status"], 0) + 1
    big = max(assets, key=lambda a: (a["size_kb"], a["id"]), default=None)
    return {
        "folder_id": folder_id,
        "assets": len(assets),
        "total_size_mb": round(sum(a["size_kb"] for a in assets) / 1024, 2),
        "by_kind": by_kind,
        "by_status": by_status,
        "largest_asset_id": big["id"] if big else "",
    }


@bp.action(read_only=True)
def find_assets(
    ctx: ToolContext,
    filters: AssetFilter,
    folder_id: str | None = None,
    max_results: Annotated[int, Field(ge=1, le=50)] = 20,
) -> AssetList:
    """Find {app} assets by kind, format, minimum width, tag, status and orientation, largest first.

    Args:
        filters: Conditions the assets must meet.
        folder_id: Only assets in this folder.
        max_results: How many assets to return (1-50).
    """
    f = filters
    if folder_id:
        ctx.require("folder", folder_id)
    fmts = set(f.get("formats") or [])
    tag = (f.get("tag") or "").strip().lower()
    orient = f.get("orientation", "any")

    def shape(a: dict) -> str:
        return (
            "square" if a["width"] == a["height"] else "landscape" if a["width"] > a["height"] else "portrait"
        )

    rows = [
        a
        for a in ctx.select("asset")
        if (not folder_id or a["folder_id"] == folder_id)
        and (not f.get("kind") or a["kind"] == f["kind"])
        and (not fmts or a["format"] in fmts)
        and a["width"] >= f.get("min_width", 0)
        and (not tag or tag in a["tags"])
        and (not f.get("status") or a["status"] == f["status"])
        and (orient == "any" or shape(a) == orient)
    ]
    rows.sort(key=lambda a: (-a["width"] * a["height"], a["id"]))
    return {"assets": rows[:max_results]}


_SUBJECTS = (
    "hero banner",
    "team photo",
    "app icon",
    "logo mark",
    "landing mockup",
    "product shot",
    "onboarding art",
    "newsletter header",
    "social card",
    "pricing illustration",
    "error state",
    "avatar set",
)
_FOLDERS = (
    ("Brand", "purple"),
    ("Marketing site", "blue"),
    ("Mobile app", "green"),
    ("Social", "orange"),
    ("Product photos", "gray"),
    ("Archive 2025", "red"),
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng, fake = s.rng, s.fake
    team = [s.user.email] + [p.email for p in s.people[:6]]
    folders = [
        ctx.insert(
            "folder",
            {
                "name": n,
                "color": c,
                "description": f"{n} assets.",
                "owner_email": rng.choice(team),
                "created_at": s.at(days=-rng.randint(100, 600)),
            },
        )
        for n, c in _FOLDERS
    ]
    assets = []
    plan = [
        "draft",
        "in_review",
        "approved",
        "draft",
        "in_review",
        "approved",
        "in_review",
        "draft",
        "approved",
        "in_review",
        "draft",
        "approved",
        "archived",
    ]
    for k in range(36):
        status = (
            plan[k]
            if k < len(plan)
            else rng.choice(("draft", "in_review", "approved", "approved", "archived"))
        )
        subject = rng.choice(
            _SUBJECTS if k >= 12 or status != "approved" else _SUBJECTS[2:4] + _SUBJECTS[9:12]
        )
        kind = (
            "icon"
            if "icon" in subject
            else "logo"
            if "logo" in subject
            else "mockup"
            if "mockup" in subject
            else "illustration"
            if any(w in subject for w in ("art", "illustration", "state", "avatar"))
            else "photo"
        )
        fmt = (
            "svg"
            if kind in ("icon", "logo")
            else rng.choice(("png", "jpg", "webp"))
            if kind == "photo"
            else "png"
        )
        w = (
            rng.choice((512, 1024, 1200, 1600, 2400, 3000))
            if kind not in ("icon", "logo")
            else rng.choice((256, 512, 1024))
        )
        h = w if kind in ("icon", "logo") else int(w * rng.choice((0.5, 0.5625, 0.75, 1.0, 1.333)))
        # the first ones in review were uploaded by teammates, so the user can approve them
        owner = team[1 + k % 6] if status == "in_review" or k % 3 else s.user.email
        created = -rng.randint(5, 200)
        assets.append(
            ctx.insert(
                "asset",
                {
                    "folder_id": folders[k % len(folders)]["id"]
                    if status != "archived"
                    else folders[-1]["id"],
                    "name": f"{subject.replace(' ', '-')}-{k + 1:02d}",
                    "kind": kind,
                    "format": fmt,
                    "width": w,
                    "height": h,
                    "size_kb": max(
                        4, int(w * h / (60 if fmt == "svg" else 9) / 1024 * (3 if fmt == "png" else 1))
                    ),
                    "tags": sorted(
                        set(
                            rng.sample(
                                ("brand", "hero", "web", "mobile", "social", "print", "dark"),
                                rng.randint(1, 3),
                            )
                        )
                    ),
                    "alt_text": fake.sentence(nb_words=7) if k <= 12 or k % 4 != 2 else "",
                    "status": status,
                    "owner_email": owner,
                    "created_at": s.at(days=created),
                    "updated_at": s.at(days=created + rng.randint(0, 4)),
                },
            )
        )
    live = [a for a in assets if a["status"] != "archived"]
    for name, vis in (
        ("Q2 campaign", "team"),
        ("Homepage refresh", "team"),
        ("Press kit", "public"),
        ("Icon library", "team"),
        ("Moodboard", "private"),
        ("App store listing", "public"),
        ("Holiday social", "team"),
        ("Rejected ideas", "private"),
    ):
        ctx.insert(
            "collection",
            {
                "name": name,
                "description": f"Assets for {name.lower()}.",
                "visibility": vis,
                "asset_ids": [a["id"] for a in rng.sample(live[:14], rng.randint(4, 9))],
                "owner_email": rng.choice(team),
                "created_at": s.at(days=-rng.randint(10, 300)),
            },
        )
    for a in [a for a in assets if a["status"] == "approved"][:10]:
        for scale in rng.sample(("1x", "2x"), rng.randint(1, 2)):
            f = _SCALE[scale]
            ctx.insert(
                "export",
                {
                    "asset_id": a["id"],
                    "format": a["format"],
                    "scale": scale,
                    "width": int(a["width"] * f),
                    "height": int(a["height"] * f),
                    "status": "ready",
                    "url": f"https://cdn.example.com/exports/{a['id']}/{a['name']}@{scale}.{a['format']}",
                    "created_at": s.at(days=-rng.randint(0, 5)),
                },
            )
    for k in range(30):
        a = live[k % 14]
        ctx.insert(
            "comment",
            {
                "asset_id": a["id"],
                "author_email": rng.choice(team),
                "body": fake.sentence(nb_words=10),
                "x": round(rng.random(), 2),
                "y": round(rng.random(), 2),
                "resolved": k % 4 == 3,
                "created_at": s.at(days=-rng.randint(0, 10), hours=-k),
            },
        )


bp.product("pixelcrate", "PixelCrate", "Digital asset manager for design teams: folders, reviews, exports.")
bp.product(
    "artboardly",
    "Artboardly",
    "Design asset library with collections and pinned feedback.",
    style="camel",
    pagination="cursor",
    drop=("request_changes",),
)
bp.product(
    "swatchbox",
    "Swatchbox",
    "Brand asset portal with approvals and multi-format exports.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("get_export", "update_folder"),
)
bp.product(
    "mosaiq",
    "Mosaiq",
    "Simple image library for small teams.",
    prefix="mosaiq",
    drop=(
        "request_changes",
        "approve_asset",
        "submit_for_review",
        "export_asset",
        "get_folder_usage",
        "find_assets",
        "list_exports",
        "get_export",
        "delete_export",
        "resolve_comment",
        "get_comment",
    ),
)
bp.product(
    "glyphvault",
    "GlyphVault",
    "Asset hub for icons, illustrations and brand imagery.",
    verbs={"list": "browse", "delete": "remove"},
    pagination="page",
    drop=("delete_folder",),
)
