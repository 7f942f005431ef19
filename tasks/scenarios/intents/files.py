"""How people ask for the files actions."""

from toolgym_env.tasks.scenarios.intent import Intent

_PEOPLE = ("jordan.lee@example.com", "priya.nair@example.org", "sam.okafor@example.net")

INTENTS = {
    "upload_file": Intent(
        (
            "create a file called {name} containing {content}",
            "save a new file {name} with the text {content}",
            "upload a file named {name} that says {content}",
            "make a new file {name} and put {content} in it",
        ),
        choices={
            "name": ("packing-list.txt", "meeting-agenda.md", "gift-ideas.txt", "weekly-goals.md"),
            "content": (
                "Bring the charger and the passport.",
                "1. Budget review 2. Hiring plan 3. Open questions",
                "Ask about the deposit before Friday.",
            ),
        },
        why=(
            "I want it in the drive where I can find it",
            "I need to share it later",
            "it keeps getting lost in email",
        ),
        past="uploaded",
    ),
    "read_file_content": Intent(
        (
            "open {file} and read it",
            "read the contents of {file}",
            "take a look at what is in {file}",
            "pull up {file} and go through it",
        ),
        report={"size_bytes": "file size in bytes", "mime_type": "file type"},
        why=(
            "I need the details for a meeting",
            "I cannot remember what I wrote there",
            "someone asked about it",
        ),
    ),
    "write_file_content": Intent(
        (
            "add {content} to the end of {file}",
            "append {content} to {file}",
            "tack {content} onto the bottom of {file}",
            "put {content} at the end of {file}",
        ),
        args={"mode": "append"},
        choices={
            "content": (
                "Reviewed in March 2026.",
                "Follow up with finance on these numbers.",
                "Updated after the team sync.",
            )
        },
        why=("I want a record of the review", "the others should see the note when they open it"),
        past="updated",
    ),
    "rename_file": Intent(
        (
            "rename {file} to {new_name}",
            "give {file} the new name {new_name}",
            "change the name of {file} to {new_name}",
            "call {file} {new_name} from now on",
        ),
        choices={"new_name": ("final-version.txt", "notes-2026-03.md", "for-review.txt", "keep-this.md")},
        why=(
            "the current name is confusing",
            "I could not find it by its name",
            "it is the final version now",
        ),
        past="renamed",
    ),
    "move_file": Intent(
        (
            "move {file} into {folder}",
            "put {file} in {folder}",
            "file {file} under {folder}",
            "shift {file} over to {folder}",
        ),
        why=("it is in the wrong place", "I am tidying up my drive", "that is where the rest of it lives"),
        past="moved",
    ),
    "copy_file": Intent(
        (
            "make a copy of {file} in {folder}",
            "copy {file} into {folder}",
            "duplicate {file} and put the copy in {folder}",
            "save a copy of {file} to {folder}",
        ),
        why=(
            "I want my own version to edit",
            "I need a backup before changing it",
            "it belongs in both places",
        ),
        past="copied",
    ),
    "share_file": Intent(
        (
            "share {file} with {email} with {permission} access",
            "give {email} {permission} access to {file}",
            "let {email} into {file} with {permission} rights",
            "send {email} access to {file}, permission {permission}",
        ),
        choices={"email": _PEOPLE},
        why=("they need it for the project", "they asked to see it", "we are working on it together"),
        past="shared",
    ),
    "unshare_file": Intent(
        (
            "stop sharing {file} with {email}",
            "take away {email}'s access to {file}",
            "remove {email} from {file}",
            "revoke {file} for {email}",
        ),
        choices={"email": _PEOPLE},
        why=("they have left the project", "it was shared by mistake", "it has confidential numbers in it"),
        past="unshared",
    ),
    "delete_file": Intent(
        (
            "delete {file}",
            "get rid of {file}",
            "remove {file} from my drive for good",
            "trash {file} permanently",
        ),
        why=("it is out of date", "I have a newer copy", "I am freeing up space"),
        past="deleted",
    ),
}
