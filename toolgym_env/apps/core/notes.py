"""Notes: the owner's markdown notes, organized in notebooks, with tags and pinning."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

app = AppSpec(
    "notes",
    title="Notes",
    domain="notes",
    description="Note-taking app: markdown notes in notebooks, with tags, pinning and search.",
)

MAX_BODY = 50_000
MAX_TAGS = 20
_TAG = re.compile(r"^[a-z0-9][a-z0-9_\-/]{0,39}$")


class Notebook(BaseModel):
    id: str = Field(description="Notebook id.")
    name: str = Field(description="Notebook name.", min_length=1, max_length=100)
    description: str = Field("", description="What the notebook is for.", max_length=500)
    created_at: str = Field("", description="When the notebook was created (ISO-8601).")


class Note(BaseModel):
    id: str = Field(description="Note id.")
    notebook_id: str = Field(description="Notebook holding the note.")
    title: str = Field(description="Note title.", min_length=1, max_length=200)
    body: str = Field("", description="Note text in markdown.", max_length=MAX_BODY)
    tags: list[str] = Field(
        default_factory=list, description="Lower-case tags such as 'ideas' or 'q2'.", max_length=MAX_TAGS
    )
    pinned: bool = Field(False, description="Whether the note is pinned to the top of its notebook.")
    created_at: str = Field("", description="When the note was created (ISO-8601).")
    updated_at: str = Field("", description="When the note was last changed (ISO-8601).")


app.resource(Notebook, name="notebook", id_prefix="nb", ops=("list", "create"), order_by="name")
app.resource(
    Note,
    name="note",
    id_prefix="note",
    searchable=("title", "body"),
    filterable=("notebook_id", "pinned"),
    refs={"notebook_id": "notebook"},
    order_by="pinned DESC, updated_at DESC",
)


class TaggedNotes(BaseModel):
    tag: str = Field(description="The tag searched for (normalized).")
    notes: list[Note] = Field(description="Notes carrying the tag, pinned first, then most recently changed.")
    total: int = Field(description="Number of notes returned.")


def _tag(raw: str) -> str:
    tag = raw.strip().lstrip("#").strip().lower().replace(" ", "-")
    if not _TAG.match(tag):
        raise ToolError(
            f"tag: '{raw}' is not a valid tag (letters, digits, '-', '_' or '/', at most 40 characters)."
        )
    return tag


def _touch(ctx: ToolContext, note_id: str, changes: dict) -> dict:
    return ctx.update("note", note_id, {**changes, "updated_at": ctx.now()})


@app.action()
def append_to_note(ctx: ToolContext, note_id: str, text: str, new_line: bool = True) -> Note:
    """Add text to the end of a note's body (on a new line by default). Returns the updated note.

    Args:
        note_id: The note to extend.
        text: Markdown text to append.
        new_line: Start the appended text on a new line.
    """
    note = ctx.require("note", note_id)
    if not text.strip():
        raise ToolError("text: nothing to append.")
    sep = "\n" if new_line and note["body"] and not note["body"].endswith("\n") else ""
    body = note["body"] + sep + text
    if len(body) > MAX_BODY:
        raise ToolError(f"The note would exceed the limit of {MAX_BODY} characters.")
    return _touch(ctx, note_id, {"body": body})


@app.action(idempotent=True)
def tag_note(ctx: ToolContext, note_id: str, tags: list[str]) -> Note:
    """Add tags to a note (tags are normalized to lower case; tags it already has are kept once). Returns the
    updated note.

    Args:
        note_id: The note to tag.
        tags: Tags to add, e.g. ['ideas', 'q2'].
    """
    note = ctx.require("note", note_id)
    if not tags:
        raise ToolError("tags: give at least one tag.")
    new = [t for t in dict.fromkeys(_tag(t) for t in tags) if t not in note["tags"]]
    if not new:
        return note
    if len(note["tags"]) + len(new) > MAX_TAGS:
        raise ToolError(f"A note can have at most {MAX_TAGS} tags; it has {len(note['tags'])}.")
    return _touch(ctx, note_id, {"tags": [*note["tags"], *new]})


@app.action()
def untag_note(ctx: ToolContext, note_id: str, tag: str) -> Note:
    """Remove one tag from a note. Returns the updated note.

    Args:
        note_id: The note.
        tag: The tag to remove.
    """
    note = ctx.require("note", note_id)
    tag = _tag(tag)
    if tag not in note["tags"]:
        have = ", ".join(note["tags"]) or "none"
        raise ToolError(f"Note '{note['title']}' is not tagged '{tag}' (its tags: {have}).")
    return _touch(ctx, note_id, {"tags": [t for t in note["tags"] if t != tag]})


@app.action(idempotent=True)
def pin_note(ctx: ToolContext, note_id: str, pinned: bool = True) -> Note:
    """Pin a note to the top of its notebook, or unpin it with pinned=false. Returns the updated note.

    Args:
        note_id: The note.
        pinned: True to pin, false to unpin.
    """
    note = ctx.require("note", note_id)
    if note["pinned"] == pinned:
        return note
    return _touch(ctx, note_id, {"pinned": pinned})


@app.action()
def move_note_to_notebook(ctx: ToolContext, note_id: str, notebook_id: str) -> Note:
    """Move a note into another notebook. Returns the moved note.

    Args:
        note_id: The note to move.
        notebook_id: The destination notebook.
    """
    note = ctx.require("note", note_id)
    book = ctx.require("notebook", notebook_id)
    if note["notebook_id"] == notebook_id:
        raise ToolError(f"Note '{note['title']}' is already in notebook '{book['name']}'.")
    return _touch(ctx, note_id, {"notebook_id": notebook_id})


@app.action(read_only=True)
def find_notes_by_tag(ctx: ToolContext, tag: str, notebook_id: str | None = None) -> TaggedNotes:
    """List every note carrying a tag, optionally within one notebook.

    Args:
        tag: The tag to look for (case-insensitive, a leading '#' is ignored).
        notebook_id: Only notes of this notebook.
    """
    tag = _tag(tag)
    # filtered in Python: json_each() in a correlated subquery crashed SQLite 3.40 after deserialize()
    where, params = ("notebook_id = ?", (notebook_id,)) if notebook_id is not None else ("", ())
    if notebook_id is not None:
        ctx.require("notebook", notebook_id)
    rows = [
        r
        for r in ctx.select("note", where, params, order_by="pinned DESC, updated_at DESC, rowid")
        if tag in r["tags"]
    ]
    return {"tag": tag, "notes": rows, "total": len(rows)}


_BOOKS = (
    ("nb_personal", "Personal", "Life admin, health and family."),
    ("nb_work", "Work", "Meetings, projects and one-on-ones."),
    ("nb_recipes", "Recipes", "Things worth cooking again."),
    ("nb_travel", "Travel", "Trip plans and packing lists."),
    ("nb_reading", "Reading list", "Books and articles to read."),
    ("nb_ideas", "Ideas", "Half-baked ideas."),
)


def _body(s: SeedContext, book: str, person) -> tuple[str, str, list[str]]:
    f = s.fake
    if book == "nb_work":
        title = s.rng.choice(
            (f"1:1 with {person.first_name}", f"Meeting notes: {f.bs()}", f"{person.company} account")
        )
        items = "\n".join(f"- [ ] {f.sentence(nb_words=6)}" for _ in range(s.rng.randint(2, 4)))
        return (
            title,
            f"## Notes\n{f.paragraph(nb_sentences=3)}\n\n## Action items\n{items}\n",
            ["meetings", "work"],
        )
    if book == "nb_recipes":
        dish = (
            f"{s.rng.choice(('Lemon', 'Garlic', 'Spicy', 'Smoky', 'Herb'))} "
            f"{s.rng.choice(('chicken', 'pasta', 'lentil soup', 'salmon', 'tofu', 'risotto'))}"
        )
        steps = "\n".join(f"{i}. {f.sentence(nb_words=7)}" for i in range(1, s.rng.randint(4, 6)))
        return dish, f"Serves {s.rng.randint(2, 6)}.\n\n{steps}\n", ["recipe", "dinner"]
    if book == "nb_travel":
        return (
            f"Trip to {person.city}",
            f"Staying near {f.street_name()}.\n\n## Packing\n- passport\n- charger\n- {f.word()}\n",
            ["travel", "2026"],
        )
    if book == "nb_reading":
        quote = f.sentence(nb_words=12)
        return f"{f.catch_phrase()} (book)", f"Recommended by {person.name}.\n\n> {quote}\n", ["books"]
    if book == "nb_ideas":
        return f"Idea: {f.bs()}", f"{f.paragraph(nb_sentences=2)}\n", ["ideas"]
    return (
        s.rng.choice(("Groceries", "Gift ideas", "Home repairs", "Doctor questions")),
        "\n".join(f"- {f.word()}" for _ in range(s.rng.randint(3, 7))) + "\n",
        ["personal"],
    )


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    for bid, name, desc in _BOOKS:
        ctx.insert("notebook", {"id": bid, "name": name, "description": desc, "created_at": s.at(days=-500)})
    weights = ("nb_work",) * 4 + (
        "nb_personal",
        "nb_personal",
        "nb_recipes",
        "nb_recipes",
        "nb_travel",
        "nb_reading",
        "nb_ideas",
        "nb_ideas",
    )
    for i in range(36):
        book = s.rng.choice(weights)
        title, body, tags = _body(s, book, s.rng.choice(s.people))
        if s.rng.random() < 0.3:
            tags = [*tags, s.rng.choice(("important", "follow-up", "q2", "someday"))]
        created = s.at(days=-s.rng.randint(3, 200), hours=s.rng.randint(0, 9))
        edited = s.at(days=-s.rng.randint(0, 2), hours=-s.rng.randint(1, 8))  # always after `created`
        ctx.insert(
            "note",
            {
                "id": f"note_{i + 1:04d}",
                "notebook_id": book,
                "title": title[:200],
                "body": body,
                "tags": tags,
                "pinned": s.rng.random() < 0.15,
                "created_at": created,
                "updated_at": created if s.rng.random() < 0.5 else edited,
            },
        )
