"""Office documents and spreadsheets: documents, sheets with cells and ranges, shares, versions (five
products)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("office documents")

Role = Literal["viewer", "commenter", "editor"]
CellValue = str | float
_CELL = r"^[A-Z][1-9][0-9]{0,2}$"
_RANGE = r"^[A-Z][1-9][0-9]{0,2}:[A-Z][1-9][0-9]{0,2}$"
_EMAIL = r"^[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,6}$"


class Document(BaseModel):
    id: str = Field(description="Document id.")
    title: str = Field(description="Document title.", min_length=1, max_length=200)
    kind: Literal["doc", "spreadsheet"] = Field("doc", description="Text document or spreadsheet.")
    folder: str = Field("My Drive", description="Folder path, e.g. 'Finance/2026'.", max_length=200)
    owner_email: str = Field("", description="Email of the owner.", max_length=200)
    content: str = Field("", description="Text content of a doc (empty for spreadsheets).", max_length=100000)
    starred: bool = Field(False, description="Whether the owner starred it.")
    status: Literal["active", "trashed"] = Field(
        "active", description="Whether the document is in the trash."
    )
    version: int = Field(1, ge=1, description="Number of the latest saved version.")
    created_at: str = Field("", description="When it was created (ISO-8601).")
    updated_at: str = Field("", description="When it last changed (ISO-8601).")


class Sheet(BaseModel):
    id: str = Field(description="Sheet (tab) id.")
    document_id: str = Field(description="Spreadsheet the tab belongs to.")
    name: str = Field(description="Tab name.", min_length=1, max_length=100)
    position: int = Field(0, ge=0, le=200, description="Tab position, 0 = first.")
    row_count: int = Field(100, ge=1, le=10000, description="Number of rows in the grid.")
    col_count: int = Field(26, ge=1, le=200, description="Number of columns in the grid.")
    frozen_rows: int = Field(0, ge=0, le=10, description="Header rows kept visible when scrolling.")
    cells: dict[str, CellValue] = Field(default_factory=dict, description="Non-empty cells by A1 address.")


class Share(BaseModel):
    id: str = Field(description="Share id.")
    document_id: str = Field(description="Shared document.")
    email: str = Field(description="Email of the person it is shared with.", max_length=200)
    role: Role = Field("viewer", description="Access granted.")
    expires_on: str = Field("", description="Date the access ends (YYYY-MM-DD); empty for no expiry.")
    created_at: str = Field("", description="When it was shared (ISO-8601).")


class Version(BaseModel):
    id: str = Field(description="Version id.")
    document_id: str = Field(description="Document the version belongs to.")
    number: int = Field(ge=1, description="Version number.")
    label: str = Field("", description="Name given to the version, e.g. 'Sent to client'.", max_length=120)
    author_email: str = Field("", description="Who saved it.", max_length=200)
    snapshot: str = Field("", description="Document text at this version.", max_length=100000)
    created_at: str = Field("", description="When it was saved (ISO-8601).")


bp.resource(
    Document,
    name="document",
    id_prefix="doc",
    searchable=("title", "content", "folder"),
    filterable=("kind", "owner_email", "status", "starred", "folder"),
    readonly=("status", "version", "owner_email"),
    order_by="updated_at DESC",
)
bp.resource(
    Sheet,
    name="sheet",
    id_prefix="sh",
    filterable=("document_id",),
    refs={"document_id": "document"},
    readonly=("cells",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="position",
)
bp.resource(
    Share,
    name="share",
    id_prefix="shr",
    filterable=("document_id", "email", "role"),
    refs={"document_id": "document"},
    readonly=("email",),
    ops=("list", "get", "update", "delete"),
)
bp.resource(
    Version,
    name="version",
    id_prefix="ver",
    searchable=("label",),
    filterable=("document_id", "author_email"),
    refs={"document_id": "document"},
    ops=("search", "list", "get"),
    order_by="number DESC",
)


class Recipient(BaseModel):
    email: str = Field(description="Email to share with.", pattern=_EMAIL)
    role: Role = Field("viewer", description="Access to grant.")


class ShareList(BaseModel):
    shares: list[Share] = Field(description="The shares.")


class RangeValues(BaseModel):
    sheet_id: str = Field(description="The sheet.")
    range: str = Field(description="The A1 range read.")
    values: list[list[CellValue | None]] = Field(description="Rows of cell values; null for empty cells.")


class RangeSummary(BaseModel):
    sheet_id: str = Field(description="The sheet.")
    range: str = Field(description="The A1 range.")
    numeric_cells: int = Field(description="Cells holding numbers.")
    text_cells: int = Field(description="Cells holding text.")
    sum: float = Field(description="Sum of the numbers.")
    average: float | None = Field(description="Mean of the numbers; null when none.")
    min: float | None = Field(description="Smallest number; null when none.")
    max: float | None = Field(description="Largest number; null when none.")


class SharedDoc(BaseModel):
    document_id: str = Field(description="The document.")
    title: str = Field(description="Its title.")
    role: Role = Field(description="The person's access.")
    expires_on: str = Field(description="When the access ends; empty for no expiry.")


class SharedWith(BaseModel):
    email: str = Field(description="The person.")
    documents: list[SharedDoc] = Field(description="Documents shared with them.")


class DocStats(BaseModel):
    document_id: str = Field(description="The document.")
    words: int = Field(description="Words of text content.")
    sheets: int = Field(description="Number of sheet tabs.")
    filled_cells: int = Field(description="Non-empty cells over all tabs.")
    shares_by_role: dict[str, int] = Field(description="Number of shares per role.")
    versions: int = Field(description="Saved versions.")


class DocumentList(BaseModel):
    documents: list[Document] = Field(description="The documents.")


def _col_num(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _col_letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _parse(cell: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]{1,2})([0-9]+)", cell)
    if not m:
        raise ToolError(f"'{cell}' is not an A1 cell address.")
    return int(m.group(2)), _col_num(m.group(1))


def _bounds(sheet: dict, rng_text: str) -> tuple[int, int, int, int]:
    a, b = rng_text.split(":")
    (r1, c1), (r2, c2) = _parse(a), _parse(b)
    r1, r2 = sorted((r1, r2))
    c1, c2 = sorted((c1, c2))
    if r2 > sheet["row_count"] or c2 > sheet["col_count"]:
        raise ToolError(
            f"Range {rng_text} is outside sheet '{sheet['name']}' "
            f"({sheet['row_count']} rows x {sheet['col_count']} columns)."
        )
    return r1, c1, r2, c2


def _role_of(ctx: ToolContext, doc: dict) -> str:
    if doc["owner_email"] == ctx.user.email:
        return "owner"
    shares = ctx.select("share", "document_id = ? AND email = ?", (doc["id"], ctx.user.email))
    live = [x for x in shares if not x["expires_on"] or x["expires_on"] >= ctx.today()]
    return live[0]["role"] if live else "none"


def _editable(ctx: ToolContext, document_id: str) -> dict:
    doc = ctx.require("document", document_id)
    if doc["status"] == "trashed":
        raise ToolError(f"Document '{doc['title']}' is in the trash; restore it first.")
    role = _role_of(ctx, doc)
    if role not in ("owner", "editor"):
        raise ToolError(
            f"You ({ctx.user.email}) have '{role}' access to '{doc['title']}'; editing needs editor access."
        )
    return doc


def _sheet_for_edit(ctx: ToolContext, sheet_id: str) -> tuple[dict, dict]:
    sheet = ctx.require("sheet", sheet_id)
    return sheet, _editable(ctx, sheet["document_id"])


@bp.action()
def write_cells(
    ctx: ToolContext,
    sheet_id: str,
    start_cell: Annotated[str, Field(pattern=_CELL)],
    values: Annotated[list[list[CellValue]], Field(min_length=1, max_length=50)],
) -> RangeValues:
    """Write a block of values into an {app} sheet starting at a cell; the block must fit in the grid.

    Args:
        sheet_id: The sheet to write to.
        start_cell: Top-left cell of the block, e.g. 'B2'.
        values: Rows of values (numbers or text); an empty string clears a cell.
    """
    sheet, _ = _sheet_for_edit(ctx, sheet_id)
    r0, c0 = _parse(start_cell)
    width = max((len(row) for row in values), default=0)
    if width == 0:
        raise ToolError("values: give at least one value.")
    end = f"{_col_letters(c0 + width - 1)}{r0 + len(values) - 1}"
    if r0 + len(values) - 1 > sheet["row_count"] or c0 + width - 1 > sheet["col_count"]:
        raise ToolError(
            f"Block {start_cell}:{end} does not fit sheet '{sheet['name']}' "
            f"({sheet['row_count']} rows x {sheet['col_count']} columns)."
        )
    cells = dict(sheet["cells"])
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            addr = f"{_col_letters(c0 + j)}{r0 + i}"
            if v == "":
                cells.pop(addr, None)
            else:
                cells[addr] = v
    ctx.update("sheet", sheet_id, {"cells": cells})
    ctx.update("document", sheet["document_id"], {"updated_at": ctx.now()})
    return _read(ctx.require("sheet", sheet_id), f"{start_cell}:{end}")


def _read(sheet: dict, rng_text: str) -> dict:
    r1, c1, r2, c2 = _bounds(sheet, rng_text)
    if (r2 - r1 + 1) * (c2 - c1 + 1) > 10000:
        raise ToolError(f"Range {rng_text} has more than 10000 cells; read a smaller range.")
    rows = [
        [sheet["cells"].get(f"{_col_letters(c)}{r}") for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)
    ]
    return {"sheet_id": sheet["id"], "range": rng_text, "values": rows}


@bp.action(read_only=True)
def read_range(ctx: ToolContext, sheet_id: str, range: Annotated[str, Field(pattern=_RANGE)]) -> RangeValues:
    """Read the values of an A1 range of an {app} sheet, row by row (null for empty cells).

    Args:
        sheet_id: The sheet to read.
        range: A1 range such as 'A1:D20'.
    """
    return _read(ctx.require("sheet", sheet_id), range)


@bp.action(read_only=True)
def summarize_range(
    ctx: ToolContext, sheet_id: str, range: Annotated[str, Field(pattern=_RANGE)]
) -> RangeSummary:
    """Compute sum, average, min and max of the numbers in an {app} sheet range, and count text cells.

    Args:
        sheet_id: The sheet to read.
        range: A1 range such as 'B2:B40'.
    """
    sheet = ctx.require("sheet", sheet_id)
    r1, c1, r2, c2 = _bounds(sheet, range)
    nums: list[float] = []
    text = 0
    for addr, v in sheet["cells"].items():
        r, c = _parse(addr)
        if r1 <= r <= r2 and c1 <= c <= c2:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                nums.append(float(v))
            else:
                text += 1
    return {
        "sheet_id": sheet_id,
        "range": range,
        "numeric_cells": len(nums),
        "text_cells": text,
        "sum": round(sum(nums), 4),
        "average": round(sum(nums) / len(nums), 4) if nums else None,
        "min": min(nums) if nums else None,
        "max": max(nums) if nums else None,
    }


@bp.action(destructive=True, idempotent=True)
def clear_range(ctx: ToolContext, sheet_id: str, range: Annotated[str, Field(pattern=_RANGE)]) -> RangeValues:
    """Erase every value in an A1 range of an {app} sheet and return the (now empty) range; needs editor
    access.

    Args:
        sheet_id: The sheet to clear.
        range: A1 range such as 'A2:F100'.
    """
    sheet, _ = _sheet_for_edit(ctx, sheet_id)
    r1, c1, r2, c2 = _bounds(sheet, range)
    keep = {
        a: v for a, v in sheet["cells"].items() if not (r1 <= _parse(a)[0] <= r2 and c1 <= _parse(a)[1] <= c2)
    }
    if len(keep) == len(sheet["cells"]):
        return _read(sheet, range)
    ctx.update("sheet", sheet_id, {"cells": keep})
    ctx.update("document", sheet["document_id"], {"updated_at": ctx.now()})
    return _read(ctx.require("sheet", sheet_id), range)


def _grant(ctx: ToolContext, doc: dict, email: str, role: str, expires_on: str = "") -> dict:
    email = email.strip().lower()
    if "@" not in email:
        raise ToolError(f"'{email}' is not an email address.")
    if email == doc["owner_email"]:
        raise ToolError(f"{email} owns '{doc['title']}'; owners need no share.")
    existing = ctx.select("share", "document_id = ? AND email = ?", (doc["id"], email))
    if existing:
        if existing[0]["role"] == role and existing[0]["expires_on"] == expires_on:
            return existing[0]
        return ctx.update("share", existing[0]["id"], {"role": role, "expires_on": expires_on})
    return ctx.insert(
        "share",
        {
            "document_id": doc["id"],
            "email": email,
            "role": role,
            "expires_on": expires_on,
            "created_at": ctx.now(),
        },
    )


@bp.action(idempotent=True)
def share_document(
    ctx: ToolContext,
    document_id: str,
    email: Annotated[str, Field(max_length=200)],
    role: Role = "viewer",
    expires_on: Annotated[str | None, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
) -> Share:
    """Share an {app} document with a person (or change their access); needs owner or editor access.

    Args:
        document_id: The document to share.
        email: Email of the person.
        role: Access to grant: viewer, commenter or editor.
        expires_on: Date the access ends (YYYY-MM-DD); no expiry when omitted.
    """
    doc = _editable(ctx, document_id)
    if expires_on and expires_on <= ctx.today():
        raise ToolError(f"expires_on: {expires_on} is not in the future (today is {ctx.today()}).")
    return _grant(ctx, doc, email, role, expires_on or "")


@bp.action(idempotent=True)
def batch_share_document(
    ctx: ToolContext,
    document_id: str,
    recipients: Annotated[list[Recipient], Field(min_length=1, max_length=25)],
) -> ShareList:
    """Share an {app} document with several people at once (all or none) and return their shares.

    Args:
        document_id: The document to share.
        recipients: People to share with, each with an email and a role.
    """
    doc = _editable(ctx, document_id)
    emails = [r["email"].strip().lower() for r in recipients]
    if len(set(emails)) != len(emails):
        raise ToolError("recipients: an email is listed twice; nothing was shared.")
    if doc["owner_email"] in emails:
        raise ToolError(f"recipients: {doc['owner_email']} owns '{doc['title']}'; nothing was shared.")
    return {"shares": [_grant(ctx, doc, r["email"], r["role"]) for r in recipients]}


@bp.action()
def transfer_ownership(
    ctx: ToolContext, document_id: str, new_owner_email: Annotated[str, Field(max_length=200)]
) -> Document:
    """Make another person the owner of an {app} document; they must already have access; you stay on as
    editor.

    Args:
        document_id: The document to hand over.
        new_owner_email: Email of the new owner (someone the document is shared with).
    """
    doc = ctx.require("document", document_id)
    if doc["owner_email"] != ctx.user.email:
        raise ToolError(f"Only the owner ({doc['owner_email']}) can transfer '{doc['title']}'.")
    email = new_owner_email.strip().lower()
    share = ctx.select("share", "document_id = ? AND email = ?", (document_id, email))
    if not share:
        raise ToolError(
            f"{email} has no access to '{doc['title']}'; share it with them before transferring ownership."
        )
    ctx.delete("share", share[0]["id"])
    ctx.insert(
        "share",
        {
            "document_id": document_id,
            "email": ctx.user.email,
            "role": "editor",
            "expires_on": "",
            "created_at": ctx.now(),
        },
    )
    return ctx.update("document", document_id, {"owner_email": email, "updated_at": ctx.now()})


@bp.action()
def save_version(
    ctx: ToolContext, document_id: str, label: Annotated[str, Field(max_length=120)] = ""
) -> Version:
    """Save a named {app} version (snapshot) of a document so it can be restored later.

    Args:
        document_id: The document to snapshot.
        label: Name for the version, e.g. 'Sent to legal'.
    """
    doc = _editable(ctx, document_id)
    number = doc["version"] + 1
    ctx.update("document", document_id, {"version": number})
    return ctx.insert(
        "version",
        {
            "document_id": document_id,
            "number": number,
            "label": label,
            "author_email": ctx.user.email,
            "snapshot": doc["content"],
            "created_at": ctx.now(),
        },
    )


@bp.action()
def restore_version(ctx: ToolContext, version_id: str) -> Document:
    """Restore an {app} document's text to a saved version; the current text is saved as a new version first.

    Args:
        version_id: The version to restore.
    """
    ver = ctx.require("version", version_id)
    doc = _editable(ctx, ver["document_id"])
    if doc["kind"] != "doc":
        raise ToolError(
            f"'{doc['title']}' is a spreadsheet; only text documents can be restored from versions."
        )
    if ver["snapshot"] == doc["content"]:
        raise ToolError(f"'{doc['title']}' already matches version {ver['number']}.")
    now = ctx.now()
    number = doc["version"] + 1
    ctx.insert(
        "version",
        {
            "document_id": doc["id"],
            "number": number,
            "label": f"Before restoring v{ver['number']}",
            "author_email": ctx.user.email,
            "snapshot": doc["content"],
            "created_at": now,
        },
    )
    return ctx.update(
        "document", doc["id"], {"content": ver["snapshot"], "version": number, "updated_at": now}
    )


@bp.action()
def edit_document_text(
    ctx: ToolContext,
    document_id: str,
    text: Annotated[str, Field(min_length=1, max_length=20000)],
    mode: Literal["replace", "append"] = "append",
) -> Document:
    """Append to or replace the text of an {app} doc; needs editor access and does not apply to spreadsheets.

    Args:
        document_id: The doc to edit.
        text: Text to write.
        mode: 'append' adds a paragraph at the end, 'replace' overwrites everything.
    """
    doc = _editable(ctx, document_id)
    if doc["kind"] != "doc":
        raise ToolError(f"'{doc['title']}' is a spreadsheet; write cells instead.")
    content = text if mode == "replace" else (doc["content"] + "\n\n" + text if doc["content"] else text)
    if len(content) > 100000:
        raise ToolError(f"'{doc['title']}' would exceed 100000 characters.")
    return ctx.update("document", document_id, {"content": content, "updated_at": ctx.now()})


@bp.action(destructive=True)
def trash_document(ctx: ToolContext, document_id: str) -> Document:
    """Move an {app} document to the trash; only its owner can do this.

    Args:
        document_id: The document to trash.
    """
    doc = ctx.require("document", document_id)
    if doc["status"] == "trashed":
        raise ToolError(f"'{doc['title']}' is already in the trash.")
    if doc["owner_email"] != ctx.user.email:
        raise ToolError(f"Only the owner ({doc['owner_email']}) can trash '{doc['title']}'.")
    return ctx.update("document", document_id, {"status": "trashed", "updated_at": ctx.now()})


@bp.action()
def restore_document(ctx: ToolContext, document_id: str) -> Document:
    """Take an {app} document out of the trash and return it.

    Args:
        document_id: The trashed document.
    """
    doc = ctx.require("document", document_id)
    if doc["status"] != "trashed":
        raise ToolError(f"'{doc['title']}' is not in the trash.")
    if doc["owner_email"] != ctx.user.email:
        raise ToolError(f"Only the owner ({doc['owner_email']}) can restore '{doc['title']}'.")
    return ctx.update("document", document_id, {"status": "active", "updated_at": ctx.now()})


@bp.action(read_only=True)
def list_shared_with(ctx: ToolContext, email: Annotated[str, Field(max_length=200)]) -> SharedWith:
    """List the {app} documents shared with a person and their access to each.

    Args:
        email: Email of the person.
    """
    email = email.strip().lower()
    out = []
    for sh in ctx.select("share", "email = ?", (email,)):
        doc = ctx.get("document", sh["document_id"])
        if doc and doc["status"] == "active":
            out.append(
                {
                    "document_id": doc["id"],
                    "title": doc["title"],
                    "role": sh["role"],
                    "expires_on": sh["expires_on"],
                }
            )
    out.sort(key=lambda d: d["title"])
    return {"email": email, "documents": out}


@bp.action(read_only=True)
def get_document_stats(ctx: ToolContext, document_id: str) -> DocStats:
    """Summarize an {app} document: words, sheet tabs, filled cells, shares per role and saved versions.

    Args:
        document_id: The document to summarize.
    """
    doc = ctx.require("document", document_id)
    sheets = ctx.select("sheet", "document_id = ?", (document_id,))
    by: dict[str, int] = {}
    for sh in ctx.select("share", "document_id = ?", (document_id,)):
        by[sh["role"]] = by.get(sh["role"], 0) + 1
    return {
        "document_id": document_id,
        "words": len(doc["content"].split()),
        "sheets": len(sheets),
        "filled_cells": sum(len(s["cells"]) for s in sheets),
        "shares_by_role": by,
        "versions": ctx.world.count(ctx.table("version"), "document_id = ?", (document_id,)),
    }


@bp.action(read_only=True)
def list_recent_documents(
    ctx: ToolContext,
    days: Annotated[int, Field(ge=1, le=365)] = 7,
    kind: Literal["doc", "spreadsheet"] | None = None,
) -> DocumentList:
    """List active {app} documents changed in the last days, most recently changed first.

    Args:
        days: How many days back to look.
        kind: Only docs or only spreadsheets.
    """
    cutoff = plus_days(ctx.today(), -days)
    where, params = "status = 'active' AND updated_at >= ?", (cutoff,)
    if kind:
        where, params = where + " AND kind = ?", params + (kind,)
    return {"documents": ctx.select("document", where, params, order_by="updated_at DESC")}


_DOCS = (
    "Q1 board memo",
    "Hiring plan",
    "Vendor contract draft",
    "Offsite agenda",
    "Product brief",
    "Style guide",
    "Customer interview notes",
    "Incident postmortem",
    "Partnership proposal",
    "Quarterly OKRs",
)
_SHEETS = (
    "Budget 2026",
    "Sales pipeline",
    "Inventory count",
    "Team capacity",
    "Expense tracker",
    "Marketing spend",
    "Headcount forecast",
    "Pricing model",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    me = s.user.email
    others = [p.email for p in s.people[:8]]
    titles = [(t, "doc") for t in _DOCS] + [(t, "spreadsheet") for t in _SHEETS]
    rng.shuffle(titles)
    for n, (title, kind) in enumerate(titles):
        owner = me if n % 4 != 3 else rng.choice(others)
        created = -rng.randint(20, 200)
        updated = rng.randint(created + 1, -1)
        content = (
            "\n\n".join(s.fake.paragraph(nb_sentences=3) for _ in range(rng.randint(1, 4)))
            if kind == "doc"
            else ""
        )
        versions = rng.randint(1, 3)
        doc = ctx.insert(
            "document",
            {
                "title": title,
                "kind": kind,
                "folder": rng.choice(("My Drive", "Finance", "Team/Shared", "Projects/2026")),
                "owner_email": owner,
                "content": content,
                "starred": rng.random() < 0.3,
                "status": "trashed" if n in (1, 4, 9, 13) else "active",
                "version": versions,
                "created_at": s.at(days=created),
                "updated_at": s.at(days=updated),
            },
        )
        for v in range(1, versions + 1):
            ctx.insert(
                "version",
                {
                    "document_id": doc["id"],
                    "number": v,
                    "label": rng.choice(("", "First draft", "Reviewed", "Final")) if v > 1 else "Created",
                    "author_email": owner,
                    "snapshot": content
                    if v == versions
                    else (s.fake.paragraph(nb_sentences=2) if kind == "doc" else ""),
                    "created_at": s.at(days=created + (v - 1) * (updated - created) / max(versions - 1, 1)),
                },
            )
        shared = rng.sample(others, rng.randint(1, 4))
        if owner != me:
            shared = [me] + [e for e in shared if e != owner]
        for k, email in enumerate(shared):
            if email == owner:
                continue
            ctx.insert(
                "share",
                {
                    "document_id": doc["id"],
                    "email": email,
                    "role": "editor"
                    if (email == me and n % 8 != 7) or k == 0
                    else rng.choice(("viewer", "commenter", "editor")),
                    "expires_on": s.date(rng.randint(10, 90)) if rng.random() < 0.2 else "",
                    "created_at": s.at(days=created + 1),
                },
            )
        if kind == "spreadsheet":
            for t in range(rng.randint(1, 3)):
                rows = rng.randint(20, 60)
                cells: dict[str, float | str] = {"A1": "Item", "B1": "Owner"}
                months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
                for c, m in enumerate(months):
                    cells[f"{chr(67 + c)}1"] = m
                for r in range(2, rows + 1):
                    cells[f"A{r}"] = s.fake.word().capitalize()
                    cells[f"B{r}"] = rng.choice(s.people[:8]).first_name
                    for c in range(12):
                        cells[f"{chr(67 + c)}{r}"] = round(rng.uniform(50, 5000), 2)
                ctx.insert(
                    "sheet",
                    {
                        "document_id": doc["id"],
                        "name": ("Summary", "Q1", "Q2")[t],
                        "position": t,
                        "row_count": 1000,
                        "col_count": 26,
                        "frozen_rows": 1,
                        "cells": cells,
                    },
                )


bp.product(
    "quillsheet", "Quillsheet", "Online office suite: docs, spreadsheets, sharing and version history."
)
bp.product(
    "papyrion",
    "Papyrion",
    "Collaborative document editor with spreadsheets.",
    style="camel",
    pagination="cursor",
    drop=("delete_sheet", "search_versions", "list_recent_documents"),
)
bp.product(
    "ledgerleaf",
    "Ledgerleaf",
    "Spreadsheet-first workspace with document sharing.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("update_share",),
)
bp.product(
    "draftmoth",
    "Draftmoth",
    "Minimal docs and sheets for small teams.",
    prefix="draftmoth",
    drop=(
        "search_documents",
        "delete_document",
        "update_sheet",
        "delete_sheet",
        "update_share",
        "search_versions",
        "batch_share_document",
        "transfer_ownership",
        "summarize_range",
        "list_recent_documents",
    ),
)
bp.product(
    "cellarium",
    "Cellarium",
    "Office documents and spreadsheets with granular sharing.",
    verbs={"list": "browse", "search": "find"},
    pagination="cursor",
)
