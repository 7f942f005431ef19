"""How people ask for the notes actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "append_to_note": Intent(
        (
            "add {text} to {note}",
            "append {text} at the end of {note}",
            "jot {text} down in {note}",
            "write {text} at the bottom of {note}",
        ),
        choices={
            "text": (
                "- call back on Monday",
                "Remember to check the receipts.",
                "- [ ] confirm the date",
                "Idea: ask Sam for feedback",
            )
        },
        why=(
            "I do not want to forget it",
            "it came up just now",
            "the note should have everything in one place",
        ),
        past="updated",
    ),
    "tag_note": Intent(
        (
            "tag {note} with {tags}",
            "add the tags {tags} to {note}",
            "mark {note} with the tags {tags}",
            "put {tags} as tags on {note}",
        ),
        choices={"tags": (["follow-up"], ["important", "q2"], ["someday"], ["review", "2026"])},
        why=("I want to find it again quickly", "I am organizing my notes", "it needs attention later"),
        past="tagged",
    ),
    "untag_note": Intent(
        (
            "remove the tag {tag} from {note}",
            "strip {tag} from the tags of {note}",
            "take {tag} off {note}",
            "drop the {tag} tag from {note}",
        ),
        choices={"tag": ("work", "meetings", "recipe", "ideas", "personal")},
        why=("it no longer applies", "I tagged it by mistake", "it clutters that tag"),
        past="untagged",
    ),
    "pin_note": Intent(
        (
            "pin {note}",
            "pin {note} to the top of its notebook",
            "keep {note} at the top by pinning it",
            "stick {note} at the top",
        ),
        args={"pinned": True},
        why=("I open it every day", "it is what I am working on this week"),
        past="pinned",
    ),
    "move_note_to_notebook": Intent(
        (
            "move {note} into {notebook}",
            "put {note} in {notebook}",
            "file {note} under {notebook}",
            "shift {note} over to {notebook}",
        ),
        why=("it ended up in the wrong notebook", "I am reorganizing my notes", "that is where it belongs"),
        past="moved",
    ),
    "find_notes_by_tag": Intent(
        (
            "find my notes tagged {tag}",
            "list every note with the tag {tag}",
            "look up the notes I tagged {tag}",
            "show me all notes carrying {tag}",
        ),
        choices={"tag": ("meetings", "recipe", "travel", "ideas", "books", "important", "follow-up")},
        report={"total": "number of notes with the tag", "notes.0.title": "first note"},
        why=(
            "I am looking for something I wrote down",
            "I want to review them all",
            "I need them for a meeting",
        ),
    ),
}
