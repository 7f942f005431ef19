"""How people ask for the code-hosting actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "create_repository": Intent(
        (
            "create a private repository called {name}",
            "set up a new private repo named {name}",
            "make me a private repository {name}",
            "start a private repo with the name {name}",
        ),
        args={"visibility": "private"},
        choices={"name": ("billing-service", "ops-scripts", "team-handbook", "load-tests")},
        why=(
            "we are starting a new project",
            "the scripts are scattered across laptops",
            "I need somewhere to put the prototype",
        ),
        past="created",
    ),
    "archive_repository": Intent(
        (
            "archive {repository}",
            "make {repository} read-only by archiving it",
            "put {repository} in the archive",
            "retire {repository}",
        ),
        why=("nobody works on it any more", "the project was replaced", "we are tidying up the organization"),
        past="archived",
    ),
    "get_repository_stats": Intent(
        (
            "give me the numbers for {repository}",
            "how many issues and pull requests are open in {repository}",
            "pull the stats for {repository}",
            "check how busy {repository} is",
        ),
        report={"open_issues": "open issues", "open_pull_requests": "open pull requests"},
        why=("I am writing the sprint report", "I want to know if it needs more reviewers"),
    ),
    "create_branch": Intent(
        (
            "create a branch {name} in {repository}",
            "cut a new branch called {name} off {repository}'s default branch",
            "make a {name} branch in {repository}",
            "branch off {repository} as {name}",
        ),
        choices={"name": ("feature/dark-mode", "fix/timeout-retry", "release/2.1", "feature/audit-log")},
        why=("I am about to start on this change", "the release needs its own branch"),
        past="created",
    ),
    "delete_branch": Intent(
        ("delete {branch}", "remove {branch}", "get rid of {branch}", "clean up {branch} by deleting it"),
        why=("the work on it is finished", "it is stale", "too many old branches are lying around"),
        past="deleted",
    ),
    "set_branch_protection": Intent(
        (
            "protect {branch}",
            "turn on branch protection for {branch}",
            "lock down {branch} so it needs reviewed merges",
            "switch on protection for {branch}",
        ),
        args={"protected": True},
        why=("someone pushed to it by accident", "we need reviews before anything lands there"),
        past="protected",
    ),
    "create_pull_request": Intent(
        (
            "open a pull request from {source_branch} into {target_branch} titled {title}",
            "raise a PR merging {source_branch} into {target_branch}, called {title}",
            "create a pull request {title} from {source_branch} to {target_branch}",
            "put up a PR named {title} to bring {source_branch} into {target_branch}",
        ),
        choices={"title": ("Add audit logging", "Fix flaky login test", "Speed up search queries")},
        why=("the feature is ready for review", "I want feedback before the freeze"),
        past="opened",
    ),
    "request_reviewers": Intent(
        (
            "ask {reviewers} to review {pull_request}",
            "get {reviewers} on {pull_request} as reviewers",
            "request a review of {pull_request} from {reviewers}",
            "add {reviewers} as reviewers on {pull_request}",
        ),
        choices={"reviewers": (["jle"], ["aturner", "nwatts"], ["sgriffin"])},
        why=("they know that part of the code", "it needs a second pair of eyes"),
        past="sent for review",
    ),
    "submit_review": Intent(
        (
            "approve {pull_request} with the comment {body}",
            "sign off on {pull_request}, saying {body}",
            "leave an approving review on {pull_request}: {body}",
            "give {pull_request} the green light with {body}",
        ),
        args={"verdict": "approved"},
        choices={"body": ("Looks good to me.", "Nice cleanup, thanks!", "Tested locally, works fine.")},
        why=("I went through the changes", "it is blocking the release"),
        past="approved",
    ),
    "merge_pull_request": Intent(
        (
            "merge {pull_request}",
            "land {pull_request}",
            "go ahead and merge {pull_request}",
            "get {pull_request} merged",
        ),
        report={"merge_sha": "merge commit"},
        why=("it has been approved", "we need it in before the release"),
        past="merged",
    ),
    "close_pull_request": Intent(
        (
            "close {pull_request} without merging",
            "drop {pull_request}",
            "close {pull_request}, we will not merge it",
            "abandon {pull_request}",
        ),
        why=("the approach was rejected", "another pull request replaced it"),
        past="closed",
    ),
    "create_issue": Intent(
        (
            "open an issue in {repository} titled {title}",
            "file a bug in {repository}: {title}",
            "log an issue on {repository} called {title}",
            "create an issue {title} in {repository}",
        ),
        choices={
            "title": (
                "Login page crashes on Safari",
                "Export job times out on large files",
                "Document the deploy steps",
            )
        },
        why=("a customer reported it", "I do not want us to forget it"),
        past="opened",
    ),
    "close_issue": Intent(
        (
            "close {issue} as done",
            "mark {issue} as completed and close it",
            "close out {issue}, it is fixed",
            "resolve {issue}",
        ),
        args={"reason": "completed"},
        why=("the fix shipped yesterday", "it has been verified"),
        past="closed",
    ),
    "reopen_issue": Intent(
        ("reopen {issue}", "open {issue} again", "bring {issue} back", "un-close {issue}"),
        why=("the bug came back", "it was closed by mistake"),
        past="reopened",
    ),
    "bulk_label_issues": Intent(
        (
            "label {issues} as {labels}",
            "tag {issues} with {labels}",
            "add the label {labels} to {issues}",
            "put {labels} on {issues}",
        ),
        choices={"labels": (["bug"], ["needs-triage"], ["priority-high"], ["good first issue"])},
        why=("triage is this afternoon", "they are all part of the same problem"),
        past="labeled",
    ),
}
