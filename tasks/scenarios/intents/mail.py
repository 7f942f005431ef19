"""How people ask for the mail actions."""

from toolgym_env.tasks.scenarios.intent import Intent

_TO = (["jordan.lee@example.com"], ["priya.nair@example.org"], ["sam.okafor@example.net"])
_SUBJECTS = ("Quick update", "Following up", "Checking in")
_BODIES = (
    "Everything is on track for the end of the month.",
    "Could you send me the latest numbers when you get a chance?",
    "Let me know if Thursday afternoon works for a call.",
)

INTENTS = {
    "send_email": Intent(
        (
            "email {to} with the subject {subject} saying {body}",
            "send {to} a message titled {subject}: {body}",
            "write to {to}, subject {subject}, and tell them {body}",
            "shoot {to} an email with subject {subject} and the text {body}",
        ),
        choices={"to": _TO, "subject": _SUBJECTS, "body": _BODIES},
        why=(
            "they asked me for an update",
            "I promised to get back to them today",
            "it is easier in writing",
        ),
        past="sent",
    ),
    "reply_to_email": Intent(
        (
            "reply to {message} with {body}",
            "answer {message} saying {body}",
            "write back on {message}: {body}",
            "respond to {message} with the text {body}",
        ),
        choices={
            "body": (
                "Thanks, that works for me.",
                "Sounds good, I will take care of it.",
                "Could we push this to next week?",
            )
        },
        why=("they are waiting on my answer", "I said I would respond today"),
        past="answered",
    ),
    "forward_email": Intent(
        (
            "forward {message} to {to}",
            "send {message} on to {to}",
            "pass {message} along to {to}",
            "share {message} with {to} by forwarding it",
        ),
        choices={"to": _TO},
        why=("they need the details too", "it is really their call", "they asked to be kept in the loop"),
        past="forwarded",
    ),
    "create_draft": Intent(
        (
            "draft an email to {to} with the subject {subject} saying {body}",
            "save a draft to {to}, subject {subject}, body {body}",
            "prepare but do not send an email to {to} titled {subject}: {body}",
            "write up a draft for {to} with subject {subject} and the text {body}",
        ),
        choices={"to": _TO, "subject": _SUBJECTS, "body": _BODIES},
        why=("I want to read it again before it goes out", "I will send it after the meeting"),
        past="drafted",
    ),
    "send_draft": Intent(
        (
            "send {draft} from my drafts",
            "go ahead and send {draft}, the one waiting in drafts",
            "send out {draft} that I saved",
            "send {draft} now, it is ready",
        ),
        pick={"draft_id": "message.id"},
        why=("I have checked it over", "the meeting is over so it can go out"),
        past="sent",
    ),
    "mark_emails_read": Intent(
        (
            "mark {messages} as read",
            "set {messages} to read",
            "flag {messages} as already read",
            "clear the unread marker on {messages}",
        ),
        args={"read": True},
        why=("I already went through them", "they keep cluttering my unread count"),
        past="marked as read",
    ),
    "move_email": Intent(
        (
            "move {message} to {folder}",
            "file {message} in {folder}",
            "put {message} into the {folder} folder",
            "shift {message} over to {folder}",
        ),
        why=("I am cleaning up my inbox", "it is dealt with", "I filed it in the wrong place"),
        past="moved",
    ),
    "label_email": Intent(
        (
            "label {message} as {label}",
            "tag {message} with {label}",
            "add the label {label} to {message}",
            "put the {label} label on {message}",
        ),
        choices={"label": ("follow up", "receipts", "important", "travel")},
        why=("I want to find it again quickly", "I am sorting my mail for taxes", "it needs action later"),
        past="labelled",
    ),
}
