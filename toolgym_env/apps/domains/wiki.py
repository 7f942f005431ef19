"""Wiki and knowledge base: spaces, pages with revisions and restrictions, attachments (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("wiki and knowledge base")

PageStatus = Literal["draft", "published", "archived"]


class Space(BaseModel):
    id: str = Field(description="Space id.")
    key: str = Field(description="Short upper-case space key, e.g. 'ENG'.", pattern=r"^[A-Z]{2,8}$")
    name: str = Field(description="Space name.", min_length=1, max_length=100)
    description: str = Field("", description="What the space is for.", max_length=1000)
    visibility: Literal["private", "team", "public"] = Field("team", description="Who can see the space.")
    owner_email: str = Field("", description="Email of the space owner.", max_length=200)
    storage_quota_mb: int = Field(500, ge=10, le=100000, description="Attachment storage allowed, in MB.")
    status: Literal["active", "archived"] = Field("active", description="Lifecycle state.")
    created_at: str = Field("", description="When the space was created (ISO-8601).")


class Restriction(BaseModel):
    email: str = Field(description="Email of the person.", pattern=r"^[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,6}$")
    access: Literal["view", "edit"] = Field("view", description="Access level granted.")


class Page(BaseModel):
    id: str = Field(description="Page id.")
    space_id: str = Field(description="Space holding the page.")
    parent_page_id: str = Field("", description="Parent page; empty for a top-level page.")
    title: str = Field(description="Page title.", min_length=1, max_length=200)
    body: str = Field("", description="Page content (Markdown).", max_length=50000)
    labels: list[str] = Field(default_factory=list, description="Labels such as 'how-to' or 'runbook'.")
    author_email: str = Field("", description="Email of the creator.", max_length=200)
    status: PageStatus = Field("draft", description="Publication state.")
    version: int = Field(1, ge=1, description="Current version number.")
    restrictions: list[Restriction] = Field(
        default_factory=list,
        description="Edit/view restrictions; empty means everyone in the space may edit.",
    )
    created_at: str = Field("", description="When the page was created (ISO-8601).")
    updated_at: str = Field("", description="When the page last changed (ISO-8601).")


class Revision(BaseModel):
    id: str = Field(description="Revision id.")
    page_id: str = Field(description="Page the revision belongs to.")
    version: int = Field(ge=1, description="Version number this revision created.")
    title: str = Field(description="Page title at this version.", max_length=200)
    body: str = Field("", description="Page content at this version.", max_length=50000)
    author_email: str = Field("", description="Who saved this version.", max_length=200)
    summary: str = Field("", description="Change summary.", max_length=300)
    created_at: str = Field("", description="When the version was saved (ISO-8601).")


class Attachment(BaseModel):
    id: str = Field(description="Attachment id.")
    page_id: str = Field(description="Page the file is attached to.")
    filename: str = Field(
        description="File name with extension.", pattern=r"^[\w\-. ]{1,120}\.[A-Za-z0-9]{1,6}$"
    )
    mime_type: str = Field("application/octet-stream", description="MIME type.", max_length=100)
    size_kb: int = Field(1, ge=1, le=512000, description="Size in KB.")
    uploader_email: str = Field("", description="Who uploaded the file.", max_length=200)
    created_at: str = Field("", description="When the file was uploaded (ISO-8601).")


bp.resource(
    Space,
    name="space",
    id_prefix="spc",
    searchable=("name", "description", "key"),
    filterable=("visibility", "status", "owner_email"),
    readonly=("status",),
    order_by="name",
)
bp.resource(
    Page,
    name="page",
    id_prefix="pg",
    searchable=("title", "body"),
    filterable=("space_id", "status", "author_email", "parent_page_id"),
    refs={"space_id": "space"},
    readonly=("status", "version", "restrictions", "parent_page_id"),
    order_by="updated_at DESC",
)
bp.resource(
    Revision,
    name="revision",
    id_prefix="rev",
    searchable=("summary", "title"),
    filterable=("page_id", "author_email"),
    refs={"page_id": "page"},
    ops=("search", "list", "get"),
    order_by="version DESC",
)
bp.resource(
    Attachment,
    name="attachment",
    id_prefix="att",
    searchable=("filename",),
    filterable=("page_id", "mime_type"),
    refs={"page_id": "page"},
    ops=("search", "list", "get", "delete"),
    order_by="created_at DESC",
)


class PageList(BaseModel):
    pages: list[Page] = Field(description="The pages.")


class NewPage(BaseModel):
    title: str = Field(description="Page title.", min_length=1, max_length=200)
    body: str = Field("", description="Page content (Markdown).", max_length=50000)
    labels: list[str] = Field(default_factory=list, description="Labels to apply.")


class SpaceStats(BaseModel):
    space_id: str = Field(description="The space.")
    pages_by_status: dict[str, int] = Field(description="Number of pages per status.")
    attachments: int = Field(description="Number of attachments.")
    storage_used_mb: float = Field(description="Attachment storage used, in MB.")
    storage_quota_mb: int = Field(description="Attachment storage allowed, in MB.")
    last_updated_at: str = Field(description="When any page last changed; empty when no pages.")


class TreeNode(BaseModel):
    page_id: str = Field(description="The page.")
    title: str = Field(description="Its title.")
    depth: int = Field(description="0 for top-level pages, 1 for their children, and so on.")
    status: PageStatus = Field(description="Publication state.")


class PageTree(BaseModel):
    space_id: str = Field(description="The space.")
    nodes: list[TreeNode] = Field(description="Pages in outline order (parents before children).")


class Contributor(BaseModel):
    email: str = Field(description="Contributor email.")
    revisions: int = Field(description="Versions saved by this person.")
    last_edit_at: str = Field(description="Their latest edit (ISO-8601).")


class ContributorList(BaseModel):
    page_id: str = Field(description="The page.")
    contributors: list[Contributor] = Field(description="Contributors, most revisions first.")


def _space_active(ctx: ToolContext, space_id: str) -> dict:
    space = ctx.require("space", space_id)
    if space["status"] == "archived":
        raise ToolError(f"Space {space['key']} is archived; restore it before changing its pages.")
    return space


def _can_edit(ctx: ToolContext, page: dict) -> None:
    edits = [r["email"] for r in page["restrictions"] if r["access"] == "edit"]
    if page["restrictions"] and ctx.user.email not in edits:
        raise ToolError(
            f"Page '{page['title']}' is restricted; you ({ctx.user.email}) do not have edit access."
        )


def _editable(ctx: ToolContext, page_id: str) -> dict:
    page = ctx.require("page", page_id)
    _space_active(ctx, page["space_id"])
    if page["status"] == "archived":
        raise ToolError(f"Page '{page['title']}' is archived; it cannot be changed.")
    _can_edit(ctx, page)
    return page


def _save_version(ctx: ToolContext, page: dict, title: str, body: str, summary: str) -> dict:
    """Make ``title`` and ``body`` the next version of ``page``, recorded as a revision by the user."""
    now = ctx.now()
    version = page["version"] + 1
    ctx.insert(
        "revision",
        {
            "page_id": page["id"],
            "version": version,
            "title": title,
            "body": body,
            "author_email": ctx.user.email,
            "summary": summary,
            "created_at": now,
        },
    )
    return ctx.update(
        "page", page["id"], {"title": title, "body": body, "version": version, "updated_at": now}
    )


@bp.action()
def edit_page(
    ctx: ToolContext,
    page_id: str,
    body: Annotated[str, Field(min_length=1, max_length=50000)],
    summary: Annotated[str, Field(max_length=300)] = "",
    title: Annotated[str | None, Field(min_length=1, max_length=200)] = None,
) -> Page:
    """Save a new version of an {app} page (body and optional title), recording a revision; returns the page.

    Args:
        page_id: The page to edit.
        body: New content (Markdown).
        summary: Short change summary for the history.
        title: New title; unchanged when omitted.
    """
    page = _editable(ctx, page_id)
    new_title = title if title is not None else page["title"]
    if new_title == page["title"] and body == page["body"]:
        raise ToolError(f"Page '{page['title']}' already has this content; nothing to save.")
    return _save_version(ctx, page, new_title, body, summary)


@bp.action()
def publish_page(ctx: ToolContext, page_id: str) -> Page:
    """Publish a draft {app} page so readers can see it; the page needs content and its parent must be
    published.

    Args:
        page_id: The draft page to publish.
    """
    page = _editable(ctx, page_id)
    if page["status"] != "draft":
        raise ToolError(f"Page '{page['title']}' is '{page['status']}'; only drafts can be published.")
    if not page["body"].strip():
        raise ToolError(f"Page '{page['title']}' is empty; add content before publishing.")
    if page["parent_page_id"]:
        parent = ctx.get("page", page["parent_page_id"])
        if parent and parent["status"] != "published":
            raise ToolError(f"Parent page '{parent['title']}' is '{parent['status']}'; publish it first.")
    return ctx.update("page", page_id, {"status": "published", "updated_at": ctx.now()})


@bp.action(destructive=True)
def archive_page(ctx: ToolContext, page_id: str) -> Page:
    """Archive an {app} page so it becomes read-only; refused while it has child pages that are not archived.

    Args:
        page_id: The page to archive.
    """
    page = _editable(ctx, page_id)
    kids = [p for p in ctx.select("page", "parent_page_id = ?", (page_id,)) if p["status"] != "archived"]
    if kids:
        raise ToolError(
            f"Page '{page['title']}' has {len(kids)} child pages that are not archived; "
            f"archive or move them first."
        )
    return ctx.update("page", page_id, {"status": "archived", "updated_at": ctx.now()})


@bp.action()
def restore_revision(ctx: ToolContext, revision_id: str) -> Page:
    """Roll an {app} page back to one of its earlier revisions by saving that content as a new version.

    Args:
        revision_id: The revision whose content to restore onto its page.
    """
    rev = ctx.require("revision", revision_id)
    page = _editable(ctx, rev["page_id"])
    if rev["version"] == page["version"]:
        raise ToolError(f"Revision {revision_id} is already the current version ({page['version']}).")
    return _save_version(ctx, page, rev["title"], rev["body"], f"Restored version {rev['version']}")


@bp.action()
def move_page(ctx: ToolContext, page_id: str, parent_page_id: str | None = None) -> Page:
    """Move an {app} page (with its children) under another page, joining that page's space, or to the top
    level.

    Args:
        page_id: The page to move.
        parent_page_id: The new parent page; the page moves to the top level of its space when omitted.
    """
    page = _editable(ctx, page_id)
    space_id = page["space_id"]
    if parent_page_id:
        parent = ctx.require("page", parent_page_id)
        space_id = parent["space_id"]
        _space_active(ctx, space_id)
        if parent["status"] == "archived":
            raise ToolError(f"Parent page '{parent['title']}' is archived; choose an active parent.")
        node = parent
        while node:
            if node["id"] == page_id:
                raise ToolError(f"Cannot move page '{page['title']}' under itself or one of its descendants.")
            node = ctx.get("page", node["parent_page_id"]) if node["parent_page_id"] else None
    if page["parent_page_id"] == (parent_page_id or ""):
        raise ToolError(f"Page '{page['title']}' is already there.")
    now = ctx.now()
    stack = [page_id]
    while stack:
        for child in ctx.select("page", "parent_page_id = ?", (stack.pop(),)):
            ctx.update("page", child["id"], {"space_id": space_id, "updated_at": now})
            stack.append(child["id"])
    return ctx.update(
        "page", page_id, {"space_id": space_id, "parent_page_id": parent_page_id or "", "updated_at": now}
    )


@bp.action(idempotent=True)
def set_page_restrictions(
    ctx: ToolContext, page_id: str, restrictions: Annotated[list[Restriction], Field(max_length=50)]
) -> Page:
    """Replace who may view or edit an {app} page; an empty list lifts all restrictions. You keep edit access.

    Args:
        page_id: The page to restrict.
        restrictions: People and their access level ('view' or 'edit').
    """
    _editable(ctx, page_id)
    seen: dict[str, str] = {}
    for r in restrictions:
        email = r["email"].strip().lower()
        if "@" not in email:
            raise ToolError(f"restrictions: '{r['email']}' is not an email address.")
        if seen.get(email) == "edit":
            continue
        seen[email] = r["access"]
    if seen:
        seen[ctx.user.email] = "edit"
    rows = [{"email": e, "access": a} for e, a in sorted(seen.items())]
    return ctx.update("page", page_id, {"restrictions": rows, "updated_at": ctx.now()})


@bp.action(idempotent=True)
def add_page_labels(
    ctx: ToolContext,
    page_id: str,
    labels: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=40)]], Field(min_length=1, max_length=10)
    ],
) -> Page:
    """Add labels to an {app} page; labels already present are left as they are.

    Args:
        page_id: The page to label.
        labels: Labels such as 'runbook' or 'how-to'.
    """
    page = _editable(ctx, page_id)
    new = {x.strip().lower() for x in labels if x.strip()}
    if not new:
        raise ToolError("labels: give at least one non-blank label.")
    merged = sorted(set(page["labels"]) | new)
    if merged == sorted(page["labels"]):
        return page
    return ctx.update("page", page_id, {"labels": merged})


@bp.action()
def attach_file(
    ctx: ToolContext,
    page_id: str,
    filename: Annotated[str, Field(pattern=r"^[\w\-. ]{1,120}\.[A-Za-z0-9]{1,6}$")],
    size_kb: Annotated[int, Field(ge=1, le=512000)],
    mime_type: Annotated[str, Field(max_length=100)] = "application/octet-stream",
) -> Attachment:
    """Attach a file to an {app} page; the space's storage quota must have room and names are unique per page.

    Args:
        page_id: The page to attach to.
        filename: File name with extension, e.g. 'diagram.png'.
        size_kb: File size in KB.
        mime_type: MIME type of the file.
    """
    page = _editable(ctx, page_id)
    space = ctx.require("space", page["space_id"])
    if ctx.select("attachment", "page_id = ? AND filename = ?", (page_id, filename)):
        raise ToolError(f"Page '{page['title']}' already has an attachment named '{filename}'.")
    used = _space_storage_kb(ctx, space["id"])
    if used + size_kb > space["storage_quota_mb"] * 1024:
        raise ToolError(
            f"Space {space['key']} storage is full: {used / 1024:.1f} of {space['storage_quota_mb']} MB "
            f"used, the file needs {size_kb / 1024:.1f} MB."
        )
    return ctx.insert(
        "attachment",
        {
            "page_id": page_id,
            "filename": filename,
            "mime_type": mime_type,
            "size_kb": size_kb,
            "uploader_email": ctx.user.email,
            "created_at": ctx.now(),
        },
    )


def _space_storage_kb(ctx: ToolContext, space_id: str) -> int:
    ids = {p["id"] for p in ctx.select("page", "space_id = ?", (space_id,))}
    return sum(a["size_kb"] for a in ctx.select("attachment") if a["page_id"] in ids)


@bp.action()
def bulk_create_pages(
    ctx: ToolContext, space_id: str, pages: Annotated[list[NewPage], Field(min_length=1, max_length=20)]
) -> PageList:
    """Create several draft {app} pages in a space at once (all or none); titles must be unique in the space.

    Args:
        space_id: Space to create the pages in.
        pages: The pages to create (title, body, labels).
    """
    _space_active(ctx, space_id)
    taken = {p["title"].lower() for p in ctx.select("page", "space_id = ?", (space_id,))}
    for n in pages:
        if n["title"].lower() in taken:
            raise ToolError(
                f"A page titled '{n['title']}' already exists in this space; nothing was created."
            )
        taken.add(n["title"].lower())
    now = ctx.now()
    made = []
    for n in pages:
        page = ctx.insert(
            "page",
            {
                "space_id": space_id,
                "parent_page_id": "",
                "title": n["title"],
                "body": n["body"],
                "labels": sorted({x.strip().lower() for x in n["labels"] if x.strip()}),
                "author_email": ctx.user.email,
                "status": "draft",
                "version": 1,
                "created_at": now,
                "updated_at": now,
            },
        )
        ctx.insert(
            "revision",
            {
                "page_id": page["id"],
                "version": 1,
                "title": n["title"],
                "body": n["body"],
                "author_email": ctx.user.email,
                "summary": "Created",
                "created_at": now,
            },
        )
        made.append(page)
    return {"pages": made}


@bp.action(destructive=True)
def archive_space(ctx: ToolContext, space_id: str) -> Space:
    """Archive an {app} space and every page in it; refused while a page in it has draft changes pending.

    Args:
        space_id: The space to archive.
    """
    space = _space_active(ctx, space_id)
    pages = ctx.select("page", "space_id = ?", (space_id,))
    drafts = [p for p in pages if p["status"] == "draft"]
    if drafts:
        raise ToolError(
            f"Space {space['key']} still has {len(drafts)} draft pages (e.g. '{drafts[0]['title']}'); "
            f"publish or delete them first."
        )
    now = ctx.now()
    for p in pages:
        if p["status"] != "archived":
            ctx.update("page", p["id"], {"status": "archived", "updated_at": now})
    return ctx.update("space", space_id, {"status": "archived"})


@bp.action(read_only=True)
def get_space_stats(ctx: ToolContext, space_id: str) -> SpaceStats:
    """Summarize an {app} space: pages per status, attachment count, storage used against quota.

    Args:
        space_id: The space to summarize.
    """
    space = ctx.require("space", space_id)
    pages = ctx.select("page", "space_id = ?", (space_id,))
    ids = {p["id"] for p in pages}
    atts = [a for a in ctx.select("attachment") if a["page_id"] in ids]
    by: dict[str, int] = {}
    for p in pages:
        by[p["status"]] = by.get(p["status"], 0) + 1
    return {
        "space_id": space_id,
        "pages_by_status": by,
        "attachments": len(atts),
        "storage_used_mb": round(sum(a["size_kb"] for a in atts) / 1024, 2),
        "storage_quota_mb": space["storage_quota_mb"],
        "last_updated_at": max((p["updated_at"] for p in pages), default=""),
    }


@bp.action(read_only=True)
def list_stale_pages(
    ctx: ToolContext, space_id: str | None = None, older_than_days: Annotated[int, Field(ge=1, le=3650)] = 90
) -> PageList:
    """List published {app} pages not updated for a number of days, least recently updated first.

    Args:
        space_id: Only pages of this space.
        older_than_days: Minimum days since the last update.
    """
    cutoff = plus_days(ctx.today(), -older_than_days)
    where, params = "status = 'published' AND updated_at < ?", (cutoff,)
    if space_id:
        ctx.require("space", space_id)
        where, params = where + " AND space_id = ?", params + (space_id,)
    return {"pages": ctx.select("page", where, params, order_by="updated_at")}


@bp.action(read_only=True)
def get_page_tree(ctx: ToolContext, space_id: str) -> PageTree:
    """Return the page outline of an {app} space: every page with its depth, parents before children.

    Args:
        space_id: The space to outline.
    """
    ctx.require("space", space_id)
    pages = ctx.select("page", "space_id = ?", (space_id,), order_by="title")
    ids = {p["id"] for p in pages}
    kids: dict[str, list[dict]] = {}
    for p in pages:
        parent = p["parent_page_id"] if p["parent_page_id"] in ids else ""
        kids.setdefault(parent, []).append(p)
    nodes: list[dict] = []

    def walk(parent: str, depth: int) -> None:
        for p in kids.get(parent, []):
            nodes.append({"page_id": p["id"], "title": p["title"], "depth": depth, "status": p["status"]})
            if depth < 20:
                walk(p["id"], depth + 1)

    walk("", 0)
    return {"space_id": space_id, "nodes": nodes}


@bp.action(read_only=True)
def list_page_contributors(ctx: ToolContext, page_id: str) -> ContributorList:
    """List who edited an {app} page, with their number of saved versions and latest edit time.

    Args:
        page_id: The page to look at.
    """
    ctx.require("page", page_id)
    stats: dict[str, dict] = {}
    for r in ctx.select("revision", "page_id = ?", (page_id,)):
        c = stats.setdefault(
            r["author_email"], {"email": r["author_email"], "revisions": 0, "last_edit_at": ""}
        )
        c["revisions"] += 1
        c["last_edit_at"] = max(c["last_edit_at"], r["created_at"])
    rows = sorted(stats.values(), key=lambda c: (-c["revisions"], c["email"]))
    return {"page_id": page_id, "contributors": rows}


_SPACES = (
    ("ENG", "Engineering", "Architecture notes, runbooks and on-call guides."),
    ("HR", "People Team", "Policies, onboarding and benefits."),
    ("SUP", "Support Playbooks", "Troubleshooting guides for the support team."),
    ("PRD", "Product", "Specs, roadmaps and research."),
    ("OLD", "Legacy Intranet", "Pages migrated from the old intranet."),
)
_TOPICS = (
    "Onboarding checklist",
    "Deploy runbook",
    "Incident response",
    "Expense policy",
    "API style guide",
    "Release process",
    "Vacation policy",
    "Database failover",
    "Customer escalation",
    "Roadmap Q3",
    "Design principles",
    "Security basics",
    "Team rituals",
    "Glossary",
    "Meeting notes",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    team = [p.email for p in s.people[:8]] + [s.user.email]
    for n, (key, name, desc) in enumerate(_SPACES):
        space = ctx.insert(
            "space",
            {
                "key": key,
                "name": name,
                "description": desc,
                "visibility": ("team", "public", "team", "private", "public")[n],
                "owner_email": rng.choice(team),
                "storage_quota_mb": 20 if n == 2 else 500,
                "status": "active",
                "created_at": s.at(days=-rng.randint(300, 900)),
            },
        )
        topics = rng.sample(_TOPICS, rng.randint(5, 8))
        parents: list[str] = []
        for t, title in enumerate(topics):
            created = -rng.randint(100, 400)
            if n == 4:
                status = "published" if t % 3 else "archived"
            elif t < 2:
                status = "draft"
            else:
                status = rng.choice(("draft", "published", "published", "published", "published", "archived"))
            parent = rng.choice(parents) if parents and rng.random() < 0.4 and status != "archived" else ""
            versions = rng.randint(1, 4)
            body = f"# {title}\n\n{s.fake.paragraph(nb_sentences=4)}"
            restricted = t == 1 and n in (0, 3)
            updated = created + rng.randint(1, 90 if n != 4 else 5) * versions // versions
            author = rng.choice(team)
            page = ctx.insert(
                "page",
                {
                    "space_id": space["id"],
                    "parent_page_id": parent,
                    "title": title,
                    "body": body,
                    "labels": sorted(
                        set(
                            rng.sample(("how-to", "runbook", "policy", "reference", "faq"), rng.randint(0, 2))
                        )
                    ),
                    "author_email": author,
                    "status": status,
                    "version": versions,
                    "restrictions": [{"email": rng.choice(team[:8]), "access": "edit"}] if restricted else [],
                    "created_at": s.at(days=created),
                    "updated_at": s.at(days=min(updated, -1)),
                },
            )
            if status == "published" and not parent:
                parents.append(page["id"])
            for v in range(1, versions + 1):
                ctx.insert(
                    "revision",
                    {
                        "page_id": page["id"],
                        "version": v,
                        "title": title,
                        "body": body if v == versions else f"# {title}\n\n{s.fake.paragraph(nb_sentences=2)}",
                        "author_email": author if v == 1 else rng.choice(team),
                        "summary": "Created"
                        if v == 1
                        else rng.choice(("Fix typos", "Update steps", "Add examples", "Clarify")),
                        "created_at": s.at(
                            days=created + (v - 1) * (min(updated, -1) - created) / max(versions - 1, 1)
                        ),
                    },
                )
            for _ in range(rng.randint(0, 2)):
                ext, mime = rng.choice(
                    (("png", "image/png"), ("pdf", "application/pdf"), ("xlsx", "application/vnd.ms-excel"))
                )
                ctx.insert(
                    "attachment",
                    {
                        "page_id": page["id"],
                        "filename": f"{title.lower().replace(' ', '-')}-{rng.randint(1, 9)}.{ext}",
                        "mime_type": mime,
                        "size_kb": rng.randint(20, 6000),
                        "uploader_email": rng.choice(team),
                        "created_at": s.at(days=created + 1),
                    },
                )


bp.product("lorekeep", "Lorekeep", "Team wiki with spaces, page trees and full version history.")
bp.product(
    "inkwellhq",
    "InkwellHQ",
    "Knowledge base for support and product teams.",
    style="camel",
    pagination="cursor",
    drop=("delete_attachment", "search_revisions", "list_page_contributors"),
)
bp.product(
    "scrollstack",
    "Scrollstack",
    "Documentation hub with restricted pages and attachments.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("delete_space",),
)
bp.product(
    "grovewiki",
    "GroveWiki",
    "Simple wiki for small teams.",
    prefix="grove",
    drop=(
        "search_spaces",
        "update_space",
        "delete_space",
        "search_revisions",
        "search_attachments",
        "delete_attachment",
        "list_page_contributors",
        "get_page_tree",
        "archive_space",
        "set_page_restrictions",
    ),
)
bp.product(
    "pagebloom",
    "Pagebloom",
    "Company knowledge base with publishing workflow.",
    verbs={"list": "browse", "search": "find"},
    pagination="cursor",
)
