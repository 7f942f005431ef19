"""Files: the owner's cloud drive — folders, text files, and sharing with view or edit permission."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.schema import Schema
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import MONTHS, SeedContext

app = AppSpec(
    "files",
    title="Files",
    domain="file storage",
    description="Cloud drive: upload, read, edit, move, copy, rename and share files in folders.",
)

Permission = Literal["view", "edit"]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")
_MIME = {
    "txt": "text/plain",
    "md": "text/markdown",
    "csv": "text/csv",
    "json": "application/json",
    "html": "text/html",
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
}
MAX_CONTENT = 200_000


class Share(Schema):
    email: str = Field(description="Email address of the person the file is shared with.", max_length=200)
    permission: Permission = Field(description="'view' (read only) or 'edit' (may change the file).")


class Folder(BaseModel):
    id: str = Field(description="Folder id.")
    name: str = Field(description="Folder name.", min_length=1, max_length=200)
    parent_id: str | None = Field(None, description="Enclosing folder id; null for a top-level folder.")
    created_at: str = Field("", description="When the folder was created (ISO-8601).")


class File(BaseModel):
    id: str = Field(description="File id.")
    name: str = Field(
        description="File name with extension, e.g. 'budget.csv'.", min_length=1, max_length=255
    )
    folder_id: str | None = Field(None, description="Folder holding the file; null for the top level.")
    mime_type: str = Field(
        "text/plain", description="Media type, e.g. 'text/csv' or 'image/png'.", max_length=100
    )
    size_bytes: int = Field(0, description="Size of the file in bytes.", ge=0)
    content: str = Field(
        "", description="Text content (empty for binary files such as images).", max_length=MAX_CONTENT
    )
    owner: str = Field(description="Email address of the file's owner.", max_length=200)
    shared_with: list[Share] = Field(default_factory=list, description="People the file is shared with.")
    created_at: str = Field("", description="When the file was created (ISO-8601).")
    updated_at: str = Field("", description="When the file was last changed (ISO-8601).")


app.resource(
    Folder,
    name="folder",
    id_prefix="fld",
    filterable=("parent_id",),
    refs={"parent_id": "folder"},
    ops=("list", "create"),
    order_by="name",
)
app.resource(
    File,
    name="file",
    id_prefix="file",
    searchable=("name", "content"),
    filterable=("folder_id", "owner", "mime_type"),
    ops=("search", "list", "get"),
    order_by="name",
)


class FileContent(BaseModel):
    file_id: str = Field(description="The file read.")
    name: str = Field(description="File name.")
    mime_type: str = Field(description="Media type.")
    size_bytes: int = Field(description="Size in bytes.")
    content: str = Field(description="The file's full text content.")


class Deleted(BaseModel):
    deleted: bool = Field(description="Always true when the call succeeds.")
    id: str = Field(description="The id of the deleted file.")


def _access(ctx: ToolContext, f: dict) -> str | None:
    me = ctx.user.email
    if f["owner"] == me:
        return "owner"
    return next((s["permission"] for s in f["shared_with"] if s["email"] == me), None)


def _file(ctx: ToolContext, file_id: str, need: Literal["view", "edit", "owner"], doing: str) -> dict:
    f = ctx.require("file", file_id)
    have = _access(ctx, f)
    if have is None:
        raise ToolError(f"Missing permission: file '{f['name']}' is not shared with you.")
    if need == "owner" and have != "owner":
        raise ToolError(f"Missing permission: only the owner ({f['owner']}) can {doing} '{f['name']}'.")
    if need == "edit" and have == "view":
        raise ToolError(
            f"Missing permission: you only have view access to '{f['name']}' (owned by {f['owner']}), "
            f"so you cannot {doing} it. Ask the owner for edit access, or copy it with copy_file."
        )
    return f


def _is_binary(f: dict) -> bool:
    return f["mime_type"].startswith(("image/", "audio/", "video/"))


def _free_name(ctx: ToolContext, folder_id: str | None, name: str, exclude: str = "") -> str:
    name = name.strip()
    if not name or "/" in name:
        raise ToolError(f"name: '{name}' is not a valid file name (non-empty, no '/').")
    if len(name) > 255:
        raise ToolError("name: at most 255 characters.")
    where = "folder_id IS NULL" if folder_id is None else "folder_id = ?"
    params = () if folder_id is None else (folder_id,)
    if ctx.select("file", f"{where} AND lower(name) = lower(?) AND id != ?", (*params, name, exclude)):
        place = (
            "the top level" if folder_id is None else f"folder '{ctx.require('folder', folder_id)['name']}'"
        )
        raise ToolError(f"A file named '{name}' already exists in {place}.")
    return name


def _folder(ctx: ToolContext, folder_id: str | None) -> str | None:
    if folder_id is not None:
        ctx.require("folder", folder_id)
    return folder_id


@app.action()
def upload_file(
    ctx: ToolContext, name: str, content: str, folder_id: str | None = None, mime_type: str | None = None
) -> File:
    """Create a new text file owned by the owner, with the given content. Returns the stored file.

    Args:
        name: File name with extension, e.g. 'notes.md'. Must be unique in its folder.
        content: Text content of the file.
        folder_id: Folder to put it in; the top level when left out.
        mime_type: Media type; guessed from the extension when left out.
    """
    folder_id = _folder(ctx, folder_id)
    name = _free_name(ctx, folder_id, name)
    if len(content) > MAX_CONTENT:
        raise ToolError(f"content: files can hold at most {MAX_CONTENT} characters.")
    mime = mime_type or _MIME.get(name.rsplit(".", 1)[-1].lower() if "." in name else "", "text/plain")
    now = ctx.now()
    return ctx.insert(
        "file",
        {
            "name": name,
            "folder_id": folder_id,
            "mime_type": mime[:100],
            "content": content,
            "size_bytes": len(content.encode()),
            "owner": ctx.user.email,
            "shared_with": [],
            "created_at": now,
            "updated_at": now,
        },
    )


@app.action(read_only=True)
def read_file_content(ctx: ToolContext, file_id: str) -> FileContent:
    """Read the full text content of a file the owner can access.

    Args:
        file_id: The file to read.
    """
    f = _file(ctx, file_id, "view", "read")
    if _is_binary(f):
        raise ToolError(f"'{f['name']}' is a binary file ({f['mime_type']}); it has no text content to read.")
    return {
        "file_id": f["id"],
        "name": f["name"],
        "mime_type": f["mime_type"],
        "size_bytes": f["size_bytes"],
        "content": f["content"],
    }


@app.action()
def write_file_content(
    ctx: ToolContext, file_id: str, content: str, mode: Literal["replace", "append"] = "replace"
) -> File:
    """Replace a file's text content or append to it (needs edit access). Returns the updated file.

    Args:
        file_id: The file to change.
        content: The new text (or the text to append).
        mode: 'replace' overwrites the content, 'append' adds to its end.
    """
    f = _file(ctx, file_id, "edit", "edit")
    if _is_binary(f):
        raise ToolError(
            f"'{f['name']}' is a binary file ({f['mime_type']}); its content cannot be edited as text."
        )
    text = f["content"] + content if mode == "append" else content
    if len(text) > MAX_CONTENT:
        raise ToolError(f"content: files can hold at most {MAX_CONTENT} characters.")
    return ctx.update(
        "file", file_id, {"content": text, "size_bytes": len(text.encode()), "updated_at": ctx.now()}
    )


@app.action()
def rename_file(ctx: ToolContext, file_id: str, new_name: str) -> File:
    """Rename a file (needs edit access; the name must be free in its folder). Returns the updated file.

    Args:
        file_id: The file to rename.
        new_name: The new file name, with extension.
    """
    f = _file(ctx, file_id, "edit", "rename")
    name = _free_name(ctx, f["folder_id"], new_name, exclude=file_id)
    return ctx.update("file", file_id, {"name": name, "updated_at": ctx.now()})


@app.action()
def move_file(ctx: ToolContext, file_id: str, folder_id: str | None = None) -> File:
    """Move a file into another folder, or to the top level when folder_id is left out (needs edit access).
    Returns the moved file.

    Args:
        file_id: The file to move.
        folder_id: Destination folder; the top level when left out.
    """
    f = _file(ctx, file_id, "edit", "move")
    folder_id = _folder(ctx, folder_id)
    if f["folder_id"] == folder_id:
        raise ToolError(f"'{f['name']}' is already in that folder.")
    _free_name(ctx, folder_id, f["name"], exclude=file_id)
    return ctx.update("file", file_id, {"folder_id": folder_id, "updated_at": ctx.now()})


@app.action()
def copy_file(
    ctx: ToolContext, file_id: str, folder_id: str | None = None, new_name: str | None = None
) -> File:
    """Copy a file the owner can view; the copy belongs to the owner and is not shared. Returns the copy.

    Args:
        file_id: The file to copy.
        folder_id: Folder for the copy; the top level when left out.
        new_name: Name of the copy; 'Copy of <name>' when left out.
    """
    f = _file(ctx, file_id, "view", "copy")
    folder_id = _folder(ctx, folder_id)
    name = _free_name(ctx, folder_id, new_name or f"Copy of {f['name']}")
    now = ctx.now()
    return ctx.insert(
        "file",
        {
            **f,
            "id": None,
            "name": name,
            "folder_id": folder_id,
            "owner": ctx.user.email,
            "shared_with": [],
            "created_at": now,
            "updated_at": now,
        },
    )


@app.action(idempotent=True)
def share_file(ctx: ToolContext, file_id: str, email: str, permission: Permission = "view") -> File:
    """Share a file with someone as viewer or editor (needs edit access); sharing again changes the
    permission. Returns the file with its updated sharing list.

    Args:
        file_id: The file to share.
        email: Email address of the person to share with.
        permission: 'view' (read only) or 'edit'.
    """
    f = _file(ctx, file_id, "edit", "share")
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise ToolError(f"email: '{email}' is not a valid email address.")
    if email == f["owner"]:
        raise ToolError(f"{email} owns '{f['name']}' already.")
    shares = [s for s in f["shared_with"] if s["email"] != email] + [
        {"email": email, "permission": permission}
    ]
    return ctx.update("file", file_id, {"shared_with": shares, "updated_at": ctx.now()})


@app.action()
def unshare_file(ctx: ToolContext, file_id: str, email: str) -> File:
    """Stop sharing a file with someone (needs edit access). Returns the file with its updated sharing list.

    Args:
        file_id: The file.
        email: Email address to remove from the sharing list.
    """
    f = _file(ctx, file_id, "edit", "change the sharing of")
    email = email.strip().lower()
    if email not in [s["email"] for s in f["shared_with"]]:
        raise ToolError(f"'{f['name']}' is not shared with {email}.")
    shares = [s for s in f["shared_with"] if s["email"] != email]
    return ctx.update("file", file_id, {"shared_with": shares, "updated_at": ctx.now()})


@app.action(destructive=True)
def delete_file(ctx: ToolContext, file_id: str) -> Deleted:
    """Permanently delete a file the owner owns. This cannot be undone.

    Args:
        file_id: The file to delete.
    """
    _file(ctx, file_id, "owner", "delete")
    ctx.delete("file", file_id)
    return {"deleted": True, "id": file_id}


_FOLDERS = (
    ("fld_work", "Work", None),
    ("fld_projects", "Projects", "fld_work"),
    ("fld_reports", "Reports", "fld_work"),
    ("fld_personal", "Personal", None),
    ("fld_finance", "Finance", "fld_personal"),
    ("fld_travel", "Travel", "fld_personal"),
    ("fld_photos", "Photos", "fld_personal"),
    ("fld_archive", "Archive", None),
)


def _doc(s: SeedContext, kind: str, person) -> str:
    if kind == "csv":
        rows = [
            f"{s.rng.choice(MONTHS)},{s.fake.word()},{s.rng.randint(50, 5000)}.00"
            for _ in range(s.rng.randint(4, 9))
        ]
        return "month,item,amount_usd\n" + "\n".join(rows) + "\n"
    if kind == "md":
        bullets = "\n".join(f"- {s.fake.sentence(nb_words=8)}" for _ in range(s.rng.randint(3, 6)))
        return f"# {s.fake.catch_phrase()}\n\nAttendees: {person.name}, {s.user.name}\n\n{bullets}\n"
    return "\n\n".join(s.fake.paragraph(nb_sentences=4) for _ in range(s.rng.randint(1, 3))) + "\n"


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    me = s.user.email
    for fid, name, parent in _FOLDERS:
        ctx.insert("folder", {"id": fid, "name": name, "parent_id": parent, "created_at": s.at(days=-400)})
    plan = [
        ("meeting-notes-{d}.md", "fld_work", "md"),
        ("project-brief-{w}.txt", "fld_projects", "txt"),
        ("roadmap-{w}.md", "fld_projects", "md"),
        ("q{q}-report.txt", "fld_reports", "txt"),
        ("sales-{m}.csv", "fld_reports", "csv"),
        ("budget-{m}.csv", "fld_finance", "csv"),
        ("invoice-{n}.pdf", "fld_finance", "pdf"),
        ("trip-to-{city}.txt", "fld_travel", "txt"),
        ("IMG_{n}.jpg", "fld_photos", "jpg"),
        ("old-{w}.txt", "fld_archive", "txt"),
        ("todo.md", None, "md"),
        ("reading-list.txt", None, "txt"),
    ]
    used: set[tuple] = set()
    n = 0
    for i in range(44):
        tpl, folder, ext = plan[i % len(plan)]
        person = s.rng.choice(s.people)
        name = tpl.format(
            d=s.date(-s.rng.randint(1, 60)),
            w=s.fake.word(),
            q=s.rng.randint(1, 4),
            m=s.rng.choice(MONTHS).lower(),
            n=s.rng.randint(1000, 9999),
            city=person.city.lower().replace(" ", "-"),
        )
        owned = i < 34
        folder = folder if owned else None
        if (folder, name) in used:
            continue
        used.add((folder, name))
        n += 1
        content = "" if ext == "jpg" else _doc(s, {"pdf": "txt"}.get(ext, ext), person)
        shares = []
        if owned and s.rng.random() < 0.3:
            shares = [
                {"email": p.email, "permission": s.rng.choice(("view", "edit"))}
                for p in s.rng.sample(s.people, k=s.rng.randint(1, 3))
            ]
        elif not owned:
            shares = [{"email": me, "permission": "edit" if i >= 41 else "view"}]
        created = s.at(days=-s.rng.randint(5, 300))
        ctx.insert(
            "file",
            {
                "id": f"file_{n:04d}",
                "name": name,
                "folder_id": folder,
                "mime_type": _MIME[ext],
                "size_bytes": s.rng.randint(200_000, 4_000_000) if ext == "jpg" else len(content.encode()),
                "content": content,
                "owner": me if owned else person.email,
                "shared_with": shares,
                "created_at": created,
                "updated_at": s.at(days=-s.rng.randint(0, 4)) if i % 5 == 0 else created,
            },
        )
