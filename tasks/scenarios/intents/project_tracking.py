"""How people ask for the project-tracking actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "transition_issue": Intent(
        (
            "move {issue} to {status}",
            "set {issue} to {status}",
            "change the status of {issue} to {status}",
            "put {issue} into {status}",
        ),
        choices={"status": ("todo", "in_progress", "in_review", "done")},
        why=("the work has moved on", "we talked about it in standup", "the PR just merged"),
        past="moved",
    ),
    "assign_issue": Intent(
        (
            "assign {issue} to {assignee_email}",
            "give {issue} to {assignee_email}",
            "hand {issue} over to {assignee_email}",
            "make {assignee_email} the owner of {issue}",
        ),
        pick={"assignee_email": "issue.assignee_email"},
        why=(
            "they know that part of the code",
            "the current assignee is on leave",
            "they have capacity this sprint",
        ),
        past="assigned",
    ),
    "add_issue_label": Intent(
        (
            "label {issue} as {label}",
            "tag {issue} with {label}",
            "add the {label} label to {issue}",
            "put a {label} tag on {issue}",
        ),
        choices={"label": ("bug", "needs-design", "blocked", "customer-reported")},
        why=("it keeps coming up in triage", "we want to find it in the board filter"),
        past="labelled",
    ),
    "comment_on_issue": Intent(
        (
            "comment on {issue}: {body}",
            "leave a note on {issue} saying {body}",
            "post {body} on {issue}",
            "write on {issue} that {body}",
        ),
        choices={
            "body": (
                "I can reproduce this on staging.",
                "Blocked until the API change ships.",
                "Design review is scheduled for Thursday.",
            )
        },
        why=("the team should know where it stands", "someone asked for an update"),
        past="commented on",
    ),
    "add_issue_to_sprint": Intent(
        (
            "add {issue} to {sprint}",
            "plan {issue} into {sprint}",
            "pull {issue} into {sprint}",
            "schedule {issue} for {sprint}",
        ),
        why=("it is a priority for the next release", "the customer is waiting on it"),
        past="added to the sprint",
    ),
    "list_overdue_issues": Intent(
        (
            "list the issues that are overdue",
            "which open issues are past their due date",
            "find the tickets we are late on",
            "show me everything that missed its due date",
        ),
        report={"issues.0.title": "most overdue issue", "issues.0.due_date": "its due date"},
        why=("the weekly status meeting is in an hour", "the manager wants to know what is slipping"),
    ),
    "get_project_stats": Intent(
        (
            "how is {project} doing",
            "give me the numbers for {project}",
            "summarize where {project} stands",
            "check how many points are still open in {project}",
        ),
        report={"open_points": "open story points", "overdue": "overdue issues"},
        why=("I am preparing the steering update", "we need to decide on the release date"),
    ),
    "bulk_create_issues": Intent(
        (
            (
                "create two issues in {project}: a high-priority bug 'Fix login timeout' and a low-priority "
                "'Update onboarding copy'"
            ),
            "file 'Fix login timeout' (high, bug) and 'Update onboarding copy' (low) in {project}",
            (
                "open issues in {project} for fixing the login timeout, high priority bug, and updating the "
                "onboarding copy, low priority"
            ),
            "log 'Fix login timeout' as a high bug and 'Update onboarding copy' as low priority in {project}",
        ),
        args={
            "issues": [
                {"title": "Fix login timeout", "priority": "high", "labels": ["bug"]},
                {"title": "Update onboarding copy", "priority": "low"},
            ]
        },
        why=("they came out of the retro", "customers reported them this week"),
        past="created",
    ),
    "archive_project": Intent(
        (
            "archive {project}",
            "put {project} away in the archive",
            "close down {project} and archive it",
            "move {project} to the archive",
        ),
        why=("it shipped months ago", "the initiative was cancelled"),
        past="archived",
    ),
}
