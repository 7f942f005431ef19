"""Mail: the owner's mailbox. Sending delivers (to the recipients, and to the inbox when sent to self)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import MONTHS, WEEKDAYS, SeedContext

app = AppSpec(
    "mail",
    title="Mail",
    domain="email",
    description="Email client: read, search, send, reply to, forward and file messages.",
)

Folder = Literal["inbox", "sent", "drafts", "archive", "trash"]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")


class Message(BaseModel):
    id: str = Field(description="Message id.")
    folder: Folder = Field("inbox", description="Folder holding the message.")
    thread_id: str = Field("", description="Conversation the message belongs to.")
    from_address: str = Field(description="Sender's email address.")
    to: list[str] = Field(description="Recipients' email addresses.")
    cc: list[str] = Field(default_factory=list, description="Carbon-copy recipients.")
    subject: str = Field(description="Subject line.")
    body: str = Field(description="Plain-text body.")
    is_read: bool = Field(False, description="Whether the owner has read it.")
    is_starred: bool = Field(False, description="Whether it is starred.")
    labels: list[str] = Field(default_factory=list, description="Labels such as 'invoices' or 'travel'.")
    sent_at: str = Field("", description="When it was sent (ISO-8601); empty for drafts.")
    created_at: str = Field("", description="When the record was created (ISO-8601).")


app.resource(
    Message,
    name="message",
    id_prefix="msg",
    searchable=("subject", "body", "from_address"),
    filterable=("folder", "from_address", "is_read", "is_starred"),
    readonly=("folder", "thread_id", "sent_at"),
    ops=("search", "list", "get", "delete"),
    order_by="sent_at DESC",
)


class SendResult(BaseModel):
    message: Message = Field(description="The sent message as stored in the 'sent' folder.")
    delivered_to: list[str] = Field(description="Addresses the message was delivered to.")


class BatchResult(BaseModel):
    updated: list[str] = Field(description="Ids of the messages changed.")
    not_found: list[str] = Field(description="Ids that matched no message.")


def _check_addresses(field: str, addresses: list[str]) -> list[str]:
    cleaned = [a.strip().lower() for a in addresses]
    for a in cleaned:
        if not _EMAIL.match(a):
            raise ToolError(f"{field}: '{a}' is not a valid email address.")
    return cleaned


def _deliver(
    ctx: ToolContext, to: list[str], cc: list[str], subject: str, body: str, thread_id: str = ""
) -> dict:
    if not to:
        raise ToolError("to: give at least one recipient.")
    if not subject.strip() and not body.strip():
        raise ToolError("A message needs a subject or a body.")
    to, cc = _check_addresses("to", to), _check_addresses("cc", cc)
    now, me = ctx.now(), ctx.user.email
    base = {
        "from_address": me,
        "to": to,
        "cc": cc,
        "subject": subject,
        "body": body,
        "sent_at": now,
        "created_at": now,
        "is_read": True,
        "labels": [],
    }
    sent = ctx.insert("message", {**base, "folder": "sent", "thread_id": thread_id})
    if not thread_id:
        sent = ctx.update("message", sent["id"], {"thread_id": "th_" + sent["id"][4:]})
    if me in to or me in cc:
        ctx.insert("message", {**base, "folder": "inbox", "is_read": False, "thread_id": sent["thread_id"]})
    return {"message": sent, "delivered_to": sorted(set(to) | set(cc))}


@app.action()
def send_email(
    ctx: ToolContext, to: list[str], subject: str, body: str, cc: list[str] | None = None
) -> SendResult:
    """Send an email from the owner's address. The message is delivered at once and filed under 'sent'.

    Args:
        to: Recipients' email addresses.
        subject: Subject line.
        body: Plain-text body.
        cc: Optional carbon-copy recipients.
    """
    return _deliver(ctx, to, cc or [], subject, body)


@app.action()
def reply_to_email(ctx: ToolContext, message_id: str, body: str, reply_all: bool = False) -> SendResult:
    """Reply to a received message in the same conversation; the subject gets a 'Re:' prefix.

    Args:
        message_id: The message being answered.
        body: Text of the reply.
        reply_all: Also reply to everyone else who received the original.
    """
    original = ctx.require("message", message_id)
    if original["folder"] == "drafts":
        raise ToolError("Cannot reply to a draft; send it first.")
    me = ctx.user.email
    to = [original["from_address"]] if original["from_address"] != me else list(original["to"])
    cc = [a for a in original["to"] + original["cc"] if a != me and a not in to] if reply_all else []
    subject = (
        original["subject"] if original["subject"].lower().startswith("re:") else f"Re: {original['subject']}"
    )
    return _deliver(ctx, to, cc, subject, body, original["thread_id"])


@app.action()
def forward_email(ctx: ToolContext, message_id: str, to: list[str], note: str = "") -> SendResult:
    """Forward a message to other recipients, with an optional note above the original text.

    Args:
        message_id: The message to forward.
        to: Recipients' email addresses.
        note: Text added above the forwarded message.
    """
    original = ctx.require("message", message_id)
    body = (
        f"{note}\n\n---------- Forwarded message ----------\nFrom: {original['from_address']}\n"
        f"Subject: {original['subject']}\n\n{original['body']}".lstrip()
    )
    return _deliver(ctx, to, [], f"Fwd: {original['subject']}", body)


@app.action()
def create_draft(ctx: ToolContext, to: list[str], subject: str, body: str) -> Message:
    """Save a message as a draft without sending it.

    Args:
        to: Intended recipients.
        subject: Subject line.
        body: Plain-text body.
    """
    to = _check_addresses("to", to)
    return ctx.insert(
        "message",
        {
            "folder": "drafts",
            "from_address": ctx.user.email,
            "to": to,
            "subject": subject,
            "body": body,
            "is_read": True,
            "created_at": ctx.now(),
        },
    )


@app.action()
def send_draft(ctx: ToolContext, draft_id: str) -> SendResult:
    """Send a saved draft; it leaves the drafts folder.

    Args:
        draft_id: The draft to send.
    """
    draft = ctx.require("message", draft_id)
    if draft["folder"] != "drafts":
        raise ToolError(f"Message '{draft_id}' is not a draft (it is in '{draft['folder']}').")
    ctx.delete("message", draft_id)
    return _deliver(ctx, draft["to"], draft["cc"], draft["subject"], draft["body"])


@app.action(idempotent=True)
def mark_emails_read(ctx: ToolContext, message_ids: list[str], read: bool = True) -> BatchResult:
    """Mark several messages as read (or unread) at once.

    Args:
        message_ids: Messages to change.
        read: True to mark read, False to mark unread.
    """
    updated, missing = [], []
    for mid in message_ids:
        if ctx.get("message", mid) is None:
            missing.append(mid)
        else:
            ctx.update("message", mid, {"is_read": read})
            updated.append(mid)
    return {"updated": updated, "not_found": missing}


@app.action(idempotent=True)
def move_email(ctx: ToolContext, message_id: str, folder: Literal["inbox", "archive", "trash"]) -> Message:
    """Move a message to another folder (inbox, archive or trash).

    Args:
        message_id: The message to move.
        folder: Destination folder.
    """
    msg = ctx.require("message", message_id)
    if msg["folder"] in ("sent", "drafts") and folder == "inbox":
        raise ToolError("Sent messages and drafts cannot be moved to the inbox.")
    return ctx.update("message", message_id, {"folder": folder})


@app.action(idempotent=True)
def label_email(ctx: ToolContext, message_id: str, label: str) -> Message:
    """Add a label to a message (labels are lower-case; adding one twice changes nothing).

    Args:
        message_id: The message to label.
        label: The label, e.g. 'invoices'.
    """
    msg = ctx.require("message", message_id)
    label = label.strip().lower()
    if not label:
        raise ToolError("label: cannot be empty.")
    if label in msg["labels"]:
        return msg
    return ctx.update("message", message_id, {"labels": [*msg["labels"], label]})


_TOPICS = (
    ("Invoice {n} for {month}", "Please find attached invoice {n} for {amount} USD, due {due}.", "invoices"),
    ("Quick question about the {thing}", "Hi, do you have a minute to talk about the {thing} this week?", ""),
    (
        "Your trip to {city}",
        "Your itinerary for {city} is ready. Check-in opens 24 hours before departure.",
        "travel",
    ),
    ("Meeting notes: {thing}", "Summary of today's discussion on the {thing}: next steps are on me.", "work"),
    ("Dinner on {day}?", "Are you free for dinner on {day}? I found a nice place near {city}.", ""),
    (
        "Re: {thing} proposal",
        "Thanks for the proposal. We would like to move forward with the {thing}.",
        "work",
    ),
)


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    me = s.user.email
    for i in range(60):
        person = s.rng.choice(s.people)
        subj, body, label = s.rng.choice(_TOPICS)
        fill = {
            "n": f"INV-{1000 + i}",
            "month": s.rng.choice(MONTHS),
            "amount": f"{s.rng.randint(80, 4000)}.00",
            "due": s.date(s.rng.randint(3, 30)),
            "thing": s.fake.bs(),
            "city": person.city,
            "day": s.rng.choice(WEEKDAYS),
        }
        incoming = s.rng.random() < 0.75
        when = s.at(days=-s.rng.randint(0, 45), hours=-s.rng.randint(0, 12))
        ctx.insert(
            "message",
            {
                "folder": "inbox" if incoming else "sent",
                "thread_id": f"th_{i:04d}",
                "from_address": person.email if incoming else me,
                "to": [me] if incoming else [person.email],
                "subject": subj.format(**fill),
                "body": f"Hi {s.user.first_name if incoming else person.first_name},\n\n"
                + body.format(**fill)
                + f"\n\nBest,\n{person.first_name if incoming else s.user.first_name}",
                "is_read": (not incoming) or s.rng.random() < 0.6,
                "is_starred": s.rng.random() < 0.1,
                "labels": [label] if label else [],
                "sent_at": when,
                "created_at": when,
            },
        )
