"""Contacts: the owner's address book (one card per person in the world's shared cast)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

app = AppSpec(
    "contacts",
    title="Contacts",
    domain="contacts",
    description="Address book with people, their emails, phones, companies and groups.",
)


class Contact(BaseModel):
    id: str = Field(description="Contact id.")
    first_name: str = Field(description="Given name.", min_length=1, max_length=100)
    last_name: str = Field(description="Family name.", min_length=1, max_length=100)
    email: str = Field(description="Primary email address.", max_length=200)
    phone: str = Field("", description="Phone number in international format.", max_length=40)
    company: str = Field("", description="Employer or organization.", max_length=200)
    job_title: str = Field("", description="Role at the company.", max_length=200)
    city: str = Field("", description="City where the contact lives.", max_length=100)
    groups: list[str] = Field(
        default_factory=list, description="Groups the contact belongs to, e.g. 'family'."
    )
    favorite: bool = Field(False, description="Whether the contact is starred as a favorite.")
    notes: str = Field("", description="Free-text notes about the contact.", max_length=5000)
    created_at: str = Field("", description="When the card was created (ISO-8601).")
    updated_at: str = Field("", description="When the card was last changed (ISO-8601).")


contacts = app.resource(
    Contact,
    name="contact",
    id_prefix="ct",
    searchable=("first_name", "last_name", "email", "company", "city"),
    filterable=("company", "city", "favorite"),
    order_by="last_name, first_name",
)


class ContactList(BaseModel):
    contacts: list[Contact] = Field(description="Matching contacts.")


@app.action(read_only=True)
def find_contact_by_email(ctx: ToolContext, email: str) -> Contact:
    """Look up the contact card that has exactly this email address (case-insensitive).

    Args:
        email: The email address to look up.
    """
    rows = ctx.select("contact", "lower(email) = lower(?)", (email.strip(),))
    if not rows:
        raise ToolError(f"No contact has the email address '{email}'.")
    return rows[0]


@app.action(read_only=True)
def list_group_members(ctx: ToolContext, group: str) -> ContactList:
    """List every contact in a group (such as 'family', 'work' or 'book club').

    Args:
        group: Group name, matched case-insensitively.
    """
    wanted = group.strip().lower()  # filtered in Python: json_each() crashed SQLite 3.40 after deserialize()
    rows = [
        r
        for r in ctx.select("contact", order_by="last_name, first_name")
        if wanted in (g.lower() for g in r["groups"])
    ]
    return {"contacts": rows}


@app.action(idempotent=True)
def add_contact_to_group(ctx: ToolContext, contact_id: str, group: str) -> Contact:
    """Add a contact to a group; adding a member twice changes nothing.

    Args:
        contact_id: The contact to add.
        group: Group name (created implicitly).
    """
    contact = ctx.require("contact", contact_id)
    name = group.strip().lower()
    if not name:
        raise ToolError("group: the group name cannot be empty.")
    if name in contact["groups"]:
        return contact
    return ctx.update("contact", contact_id, {"groups": [*contact["groups"], name], "updated_at": ctx.now()})


_GROUPS = ("work", "family", "friends", "book club", "running club", "clients")


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    for person in s.people:
        groups = sorted(set(s.rng.sample(_GROUPS, k=s.rng.choice((0, 1, 1, 2)))))
        ctx.insert(
            "contact",
            {
                "id": f"ct_{person.id}",
                "first_name": person.first_name,
                "last_name": person.last_name,
                "email": person.email,
                "phone": person.phone,
                "company": person.company,
                "job_title": person.job_title,
                "city": person.city,
                "groups": groups,
                "favorite": s.rng.random() < 0.2,
                "notes": s.fake.sentence(nb_words=8) if s.rng.random() < 0.3 else "",
                "created_at": s.at(days=-s.rng.randint(30, 900)),
                "updated_at": s.at(days=-s.rng.randint(1, 29)),
            },
        )
