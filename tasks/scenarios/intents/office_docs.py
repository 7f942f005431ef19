"""How people ask for the office-documents actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "write_cells": Intent(
        (
            "write {values} into {sheet} starting at cell {start_cell}",
            "put {values} in {sheet} from {start_cell} across",
            "fill in {values} on {sheet} beginning at {start_cell}",
            "type {values} into {sheet} at {start_cell}",
        ),
        choices={
            "values": ([["Reviewed", "yes"]], [["Notes"]], [["Q4 total", "pending"]]),
            "start_cell": ("O1", "O2", "P1"),
        },
        why=("the team asked for a status column", "I want to mark where we are"),
        past="written",
    ),
    "read_range": Intent(
        (
            "read cells {range} of {sheet}",
            "tell me what is in {range} on {sheet}",
            "pull the values in {range} from {sheet}",
            "look at {range} in {sheet} for me",
        ),
        choices={"range": ("A1:N3", "A1:C10", "A2:B6")},
        report={"values.0.0": "first cell"},
        why=("I need those numbers for an email", "I can't open the file on my phone"),
    ),
    "summarize_range": Intent(
        (
            "total up {range} on {sheet}",
            "what is the sum and average of {range} in {sheet}",
            "add up the numbers in {range} of {sheet}",
            "give me the totals for {range} on {sheet}",
        ),
        choices={"range": ("C2:C20", "D2:D20", "C2:N2", "C2:E10")},
        report={"sum": "sum", "average": "average"},
        why=("finance wants the figure", "I am checking a number in the report"),
    ),
    "clear_range": Intent(
        (
            "clear {range} on {sheet}",
            "empty the cells {range} in {sheet}",
            "wipe {range} from {sheet}",
            "erase what's in {range} on {sheet}",
        ),
        choices={"range": ("N2:N4", "M2:N3", "L2:L5")},
        why=("those figures are out of date", "I want to re-enter that section from scratch"),
        past="cleared",
    ),
    "share_document": Intent(
        (
            "share {document} with {email} as {role}",
            "give {email} {role} access to {document}",
            "let {email} into {document} with {role} rights",
            "add {email} to {document} as a {role}",
        ),
        choices={
            "email": ("sam.rivera@example.com", "priya.nair@example.com", "leo.fischer@example.com"),
            "role": ("viewer", "commenter", "editor"),
        },
        why=("they are joining the project", "they need it for the meeting", "they asked to review it"),
        past="shared",
    ),
    "batch_share_document": Intent(
        (
            "share {document} with {recipients}",
            "give {recipients} access to {document}",
            "send {document} to {recipients} so they can view it",
            "open {document} up to {recipients}",
        ),
        choices={
            "recipients": (
                [{"email": "sam.rivera@example.com"}, {"email": "priya.nair@example.com"}],
                [
                    {"email": "leo.fischer@example.com"},
                    {"email": "mia.chen@example.com"},
                    {"email": "omar.said@example.com"},
                ],
            )
        },
        why=("the new hires start Monday", "the whole review panel needs to see it"),
        past="shared",
    ),
    "transfer_ownership": Intent(
        (
            "make {new_owner_email} the owner of {document}",
            "hand {document} over to {new_owner_email}",
            "transfer ownership of {document} to {new_owner_email}",
            "give {new_owner_email} ownership of {document}",
        ),
        pick={"new_owner_email": "share.email"},
        why=("I am leaving the team", "they run that project now"),
        past="handed over",
    ),
    "save_version": Intent(
        (
            "save a version of {document} called {label}",
            "snapshot {document} as {label}",
            "keep a named version {label} of {document}",
            "bookmark the current state of {document} as {label}",
        ),
        choices={"label": ("Before legal review", "Sent to client", "Final draft")},
        why=("I am about to make big changes", "this is what we sent out"),
        past="saved",
    ),
    "restore_version": Intent(
        (
            "restore {version}",
            "roll the document back to {version}",
            "go back to {version}",
            "revert to {version}",
        ),
        why=("the latest edits broke the formatting", "someone deleted a whole section"),
        past="restored",
    ),
    "edit_document_text": Intent(
        (
            "add {text} to the end of {document}",
            "append {text} to {document}",
            "tack {text} onto {document}",
            "write {text} at the bottom of {document}",
        ),
        args={"mode": "append"},
        choices={
            "text": (
                "Action items: confirm budget by Friday.",
                "Update: the launch moved to April.",
                "Reviewed and approved by the team.",
            )
        },
        why=("we agreed on it in the meeting", "people need the latest status"),
        past="updated",
    ),
    "trash_document": Intent(
        ("trash {document}", "move {document} to the bin", "delete {document}", "throw {document} away"),
        why=("it is an old duplicate", "nobody has used it in months"),
        past="trashed",
    ),
    "restore_document": Intent(
        (
            "restore {document} from the trash",
            "bring {document} back",
            "undelete {document}",
            "get {document} out of the bin",
        ),
        why=("I deleted it by mistake", "we need it again"),
        past="restored",
    ),
    "list_shared_with": Intent(
        (
            "which documents are shared with {email}",
            "list everything {email} has access to",
            "show what documents {email} can open",
            "check the access {email} has across our documents",
        ),
        pick={"email": "share.email"},
        report={"documents.0.title": "first document", "documents.0.role": "their access on it"},
        why=("they are leaving the company", "I am auditing access"),
    ),
    "get_document_stats": Intent(
        (
            "how long is {document}",
            "give me the stats for {document}",
            "how many words and versions does {document} have",
            "check the word count of {document}",
        ),
        report={"words": "word count", "versions": "saved versions"},
        why=("there is a word limit", "I want to know how much it has changed"),
    ),
    "list_recent_documents": Intent(
        (
            "what documents changed in the last {days} days",
            "list the files edited over the past {days} days",
            "show me recent documents from the last {days} days",
            "which docs were touched in the past {days} days",
        ),
        choices={"days": (3, 7, 14, 30)},
        report={"documents.0.title": "most recently changed document"},
        why=("I was away and want to catch up", "I lost track of a file"),
    ),
}
