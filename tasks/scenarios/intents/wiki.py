"""How people ask for the wiki and knowledge-base actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "edit_page": Intent(
        (
            "update {page} so it reads “Steps were reviewed and confirmed on 2026-03-02.”",
            "rewrite {page} to say “Steps were reviewed and confirmed on 2026-03-02.”",
            "replace the text of {page} with “Steps were reviewed and confirmed on 2026-03-02.”",
            "put “Steps were reviewed and confirmed on 2026-03-02.” in as the new body of {page}",
        ),
        args={"body": "Steps were reviewed and confirmed on 2026-03-02.", "summary": "review"},
        why=(
            "the old steps were wrong",
            "we checked the procedure again last week",
            "people keep asking about it",
        ),
        past="updated",
    ),
    "publish_page": Intent(
        (
            "publish {page}",
            "make {page} live",
            "take {page} out of draft and publish it",
            "put {page} out there",
        ),
        why=("the review is done", "the team needs it today", "it has been sitting in draft for weeks"),
        past="published",
    ),
    "archive_page": Intent(
        ("archive {page}", "move {page} to the archive", "retire {page}", "put {page} away in the archive"),
        why=("it is out of date", "nobody uses that process any more", "it confuses new starters"),
        past="archived",
    ),
    "restore_revision": Intent(
        (
            "roll the page back to {revision}",
            "restore {revision}",
            "bring back the content of {revision}",
            "revert the page to {revision}",
        ),
        why=("the last edit broke the instructions", "someone overwrote the good version by mistake"),
        past="restored",
    ),
    "move_page": Intent(
        (
            "move {page} to the top level",
            "take {page} out from under its parent",
            "make {page} a top-level page",
            "pull {page} up to the root of its space",
        ),
        why=("it is hard to find where it is", "we are tidying the page tree"),
        past="moved",
    ),
    "set_page_restrictions": Intent(
        (
            "let only lena.ortiz@example.com edit {page}",
            "lock {page} so that lena.ortiz@example.com alone can edit it",
            "restrict editing of {page} to lena.ortiz@example.com",
            "give lena.ortiz@example.com sole edit rights on {page}",
        ),
        args={"restrictions": [{"email": "lena.ortiz@example.com", "access": "edit"}]},
        why=("it holds the on-call passwords policy", "too many people changed it by accident"),
        past="restricted",
    ),
    "add_page_labels": Intent(
        (
            "label {page} as runbook and how-to",
            "tag {page} with runbook and how-to",
            "add the labels runbook and how-to to {page}",
            "mark {page} with the runbook and how-to labels",
        ),
        args={"labels": ["runbook", "how-to"]},
        why=("search should find it", "we are sorting the docs by type"),
        past="labelled",
    ),
    "attach_file": Intent(
        (
            "attach the diagram “network-map.png” (840 KB) to {page}",
            "add the file network-map.png, 840 KB, to {page}",
            "upload network-map.png (840 KB) onto {page}",
            "put the 840 KB image network-map.png on {page}",
        ),
        args={"filename": "network-map.png", "size_kb": 840, "mime_type": "image/png"},
        why=("the text alone is hard to follow", "the auditors asked for the diagram"),
        past="attached",
    ),
    "bulk_create_pages": Intent(
        (
            "add two pages to {space}: “Onboarding checklist” and “Team contacts”",
            "create the pages “Onboarding checklist” and “Team contacts” in {space}",
            "set up two new pages, “Onboarding checklist” and “Team contacts”, in {space}",
            "start “Onboarding checklist” and “Team contacts” as pages of {space}",
        ),
        args={
            "pages": [
                {"title": "Onboarding checklist", "body": "To be written."},
                {"title": "Team contacts", "body": "To be written."},
            ]
        },
        why=("two new people start on Monday", "we are moving the team docs here"),
        past="created",
    ),
    "archive_space": Intent(
        (
            "archive {space}",
            "close down {space} and archive it",
            "put {space} in the archive",
            "retire {space} for good",
        ),
        why=("the project it documented has ended", "the team merged into another one"),
        past="archived",
    ),
    "get_space_stats": Intent(
        (
            "check how much storage {space} uses",
            "tell me the attachment count and storage of {space}",
            "look at the storage figures for {space}",
            "find out how full {space} is",
        ),
        report={"attachments": "number of attachments", "storage_used_mb": "storage used in MB"},
        why=("we were warned about the quota", "I am planning a cleanup"),
    ),
    "list_stale_pages": Intent(
        (
            "find the pages nobody has touched in 180 days",
            "list pages not updated for 180 days",
            "show me the pages that went 180 days without an edit",
            "dig up the pages left alone for 180 days",
        ),
        args={"older_than_days": 180},
        report={"pages.0.title": "oldest stale page"},
        why=("I want to prune old content", "the docs audit is next week"),
    ),
    "get_page_tree": Intent(
        (
            "show me the page tree of {space}",
            "lay out how the pages of {space} are nested",
            "give me the outline of {space}",
            "map out the structure of {space}",
        ),
        report={"nodes.0.title": "first page in the outline"},
        why=("I am new to this space", "we want to reorganise it"),
    ),
    "list_page_contributors": Intent(
        (
            "find out who has edited {page}",
            "list the people who worked on {page}",
            "tell me who contributed to {page}",
            "see who wrote most of {page}",
        ),
        report={
            "contributors.0.email": "top contributor",
            "contributors.0.revisions": "their number of revisions",
        },
        why=("I have a question about its content", "I want to thank whoever wrote it"),
    ),
}
