"""Code hosting: repositories, branches, pull requests with reviews, and issues (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext, stable_hex

bp = Blueprint("code hosting")

Visibility = Literal["public", "private", "internal"]
Verdict = Literal["approved", "changes_requested", "commented"]
REPO_NAME = r"^[a-z0-9][a-z0-9._-]{0,38}$"
BRANCH_NAME = r"^[a-z0-9][a-z0-9/._-]{0,59}$"


class Repository(BaseModel):
    id: str = Field(description="Repository id.")
    owner: str = Field(description="Owner handle (user or organization).", max_length=40)
    name: str = Field(description="Repository name.", pattern=REPO_NAME)
    description: str = Field("", description="Short description.", max_length=350)
    visibility: Visibility = Field("private", description="Who can see the repository.")
    default_branch: str = Field("main", description="Name of the default branch.")
    topics: list[str] = Field(default_factory=list, description="Topics, e.g. 'python'.")
    homepage: str = Field("", description="Project homepage URL.", max_length=300)
    has_issues: bool = Field(True, description="Whether the issue tracker is enabled.")
    archived: bool = Field(False, description="Archived repositories are read-only.")
    stars: int = Field(0, ge=0, description="Star count.")
    created_at: str = Field("", description="When the repository was created (ISO-8601).")


class Branch(BaseModel):
    id: str = Field(description="Branch id.")
    repository_id: str = Field(description="Repository the branch is in.")
    name: str = Field(description="Branch name.", pattern=BRANCH_NAME)
    head_sha: str = Field(description="Commit SHA at the tip of the branch.")
    protected: bool = Field(False, description="Protected branches need an approved pull request to change.")
    created_at: str = Field("", description="When the branch was created (ISO-8601).")


class PullRequest(BaseModel):
    id: str = Field(description="Pull request id.")
    repository_id: str = Field(description="Repository of the pull request.")
    number: int = Field(0, ge=0, description="Number within the repository (shared with issues).")
    title: str = Field(description="Title.", min_length=1, max_length=256)
    body: str = Field("", description="Description (Markdown).", max_length=20000)
    source_branch: str = Field(description="Branch with the changes.")
    target_branch: str = Field(description="Branch to merge into.")
    author: str = Field(description="Handle of the author.")
    state: Literal["open", "closed", "merged"] = Field("open", description="State.")
    draft: bool = Field(False, description="Draft pull requests cannot be merged.")
    reviewers: list[str] = Field(default_factory=list, description="Handles of requested reviewers.")
    labels: list[str] = Field(default_factory=list, description="Labels.")
    merged_at: str = Field("", description="When it was merged (ISO-8601).")
    created_at: str = Field("", description="When it was opened (ISO-8601).")
    updated_at: str = Field("", description="When it last changed (ISO-8601).")


class Review(BaseModel):
    id: str = Field(description="Review id.")
    pull_request_id: str = Field(description="Pull request reviewed.")
    reviewer: str = Field(description="Handle of the reviewer.")
    verdict: Verdict = Field(description="Review outcome.")
    body: str = Field("", description="Review comment.", max_length=10000)
    created_at: str = Field("", description="When it was submitted (ISO-8601).")


class Issue(BaseModel):
    id: str = Field(description="Issue id.")
    repository_id: str = Field(description="Repository of the issue.")
    number: int = Field(0, ge=0, description="Number within the repository.")
    title: str = Field(description="Title.", min_length=1, max_length=256)
    body: str = Field("", description="Description (Markdown).", max_length=20000)
    state: Literal["open", "closed"] = Field("open", description="State.")
    state_reason: Literal["", "completed", "not_planned", "reopened"] = Field(
        "", description="Why it last changed state."
    )
    labels: list[str] = Field(default_factory=list, description="Labels such as 'bug'.")
    assignee: str = Field("", description="Handle of the assignee; empty when unassigned.", max_length=40)
    milestone: str = Field("", description="Milestone title; empty when none.", max_length=80)
    author: str = Field("", description="Handle of the author.")
    created_at: str = Field("", description="When it was opened (ISO-8601).")
    closed_at: str = Field("", description="When it was closed (ISO-8601).")


bp.resource(
    Repository,
    name="repository",
    plural="repositories",
    id_prefix="repo",
    searchable=("name", "description"),
    filterable=("owner", "visibility", "archived"),
    readonly=("owner", "default_branch", "archived", "stars"),
    ops=("search", "list", "get", "update", "delete"),
    order_by="name",
)
bp.resource(
    Branch,
    name="branch",
    plural="branches",
    id_prefix="br",
    filterable=("repository_id", "protected"),
    refs={"repository_id": "repository"},
    ops=("list", "get"),
    order_by="name",
)
bp.resource(
    PullRequest,
    name="pull_request",
    id_prefix="pr",
    searchable=("title", "body"),
    filterable=("repository_id", "state", "author", "draft"),
    readonly=("repository_id", "number", "source_branch", "target_branch", "author", "state", "merged_at"),
    ops=("search", "list", "get", "update"),
    order_by="created_at DESC",
)
bp.resource(
    Review,
    name="review",
    id_prefix="rv",
    filterable=("pull_request_id", "reviewer", "verdict"),
    refs={"pull_request_id": "pull_request"},
    ops=("list", "get"),
    order_by="created_at",
)
bp.resource(
    Issue,
    name="issue",
    id_prefix="is",
    searchable=("title", "body"),
    filterable=("repository_id", "state", "assignee", "milestone"),
    readonly=("repository_id", "number", "state", "state_reason", "author", "closed_at"),
    ops=("search", "list", "get", "update", "delete"),
    order_by="created_at DESC",
)


class RepoStats(BaseModel):
    repository_id: str = Field(description="The repository.")
    open_issues: int = Field(description="Open issues.")
    open_pull_requests: int = Field(description="Open pull requests.")
    merged_pull_requests: int = Field(description="Merged pull requests.")
    branches: int = Field(description="Number of branches.")
    contributors: list[str] = Field(description="Handles of pull request and issue authors, sorted.")


class IssueList(BaseModel):
    issues: list[Issue] = Field(description="The issues.")


class MergeResult(BaseModel):
    pull_request: PullRequest = Field(description="The merged pull request.")
    merge_sha: str = Field(description="SHA of the resulting commit on the target branch.")
    branch_deleted: bool = Field(description="Whether the source branch was deleted.")


def _me(ctx: ToolContext) -> str:
    return ctx.user.handle


def _writable_repo(ctx: ToolContext, repository_id: str) -> dict:
    repo = ctx.require("repository", repository_id)
    if repo["archived"]:
        raise ToolError(f"Repository {repo['owner']}/{repo['name']} is archived and read-only.")
    return repo


def _next_number(ctx: ToolContext, repository_id: str) -> int:
    nums = [r["number"] for r in ctx.select("issue", "repository_id = ?", (repository_id,))]
    nums += [r["number"] for r in ctx.select("pull_request", "repository_id = ?", (repository_id,))]
    return max(nums, default=0) + 1


def _open_pr(ctx: ToolContext, pull_request_id: str) -> dict:
    pr = ctx.require("pull_request", pull_request_id)
    if pr["state"] != "open":
        raise ToolError(f"Pull request #{pr['number']} is {pr['state']}.")
    return pr


@bp.action()
def create_repository(
    ctx: ToolContext,
    name: Annotated[str, Field(pattern=REPO_NAME)],
    visibility: Visibility = "private",
    description: Annotated[str, Field(max_length=350)] = "",
) -> Repository:
    """Create an {app} repository owned by the current user with an initial 'main' branch; names are unique.

    Args:
        name: Repository name (lower-case letters, digits, '.', '_' and '-').
        visibility: Who can see it.
        description: Short description.
    """
    owner = _me(ctx)
    if ctx.select("repository", "owner = ? AND name = ?", (owner, name)):
        raise ToolError(f"Repository {owner}/{name} already exists.")
    now = ctx.now()
    repo = ctx.insert(
        "repository",
        {
            "owner": owner,
            "name": name,
            "visibility": visibility,
            "description": description,
            "created_at": now,
        },
    )
    ctx.insert(
        "branch",
        {
            "repository_id": repo["id"],
            "name": "main",
            "protected": False,
            "head_sha": stable_hex("init", repo["id"], length=40),
            "created_at": now,
        },
    )
    return repo


@bp.action()
def archive_repository(ctx: ToolContext, repository_id: str) -> Repository:
    """Archive an {app} repository, making it read-only; refused while pull requests are still open.

    Args:
        repository_id: The repository to archive.
    """
    repo = _writable_repo(ctx, repository_id)
    open_prs = ctx.world.count(
        ctx.table("pull_request"), "repository_id = ? AND state = 'open'", (repository_id,)
    )
    if open_prs:
        raise ToolError(
            f"Repository {repo['owner']}/{repo['name']} has {open_prs} open pull requests; "
            "merge or close them before archiving."
        )
    return ctx.update("repository", repository_id, {"archived": True})


@bp.action(read_only=True)
def get_repository_stats(ctx: ToolContext, repository_id: str) -> RepoStats:
    """Summarize an {app} repository: open issues, open and merged pull requests, branches and contributors.

    Args:
        repository_id: The repository to summarize.
    """
    ctx.require("repository", repository_id)
    prs = ctx.select("pull_request", "repository_id = ?", (repository_id,))
    issues = ctx.select("issue", "repository_id = ?", (repository_id,))
    return {
        "repository_id": repository_id,
        "open_issues": sum(1 for i in issues if i["state"] == "open"),
        "open_pull_requests": sum(1 for p in prs if p["state"] == "open"),
        "merged_pull_requests": sum(1 for p in prs if p["state"] == "merged"),
        "branches": ctx.world.count(ctx.table("branch"), "repository_id = ?", (repository_id,)),
        "contributors": sorted({p["author"] for p in prs} | {i["author"] for i in issues if i["author"]}),
    }


@bp.action()
def create_branch(
    ctx: ToolContext,
    repository_id: str,
    name: Annotated[str, Field(pattern=BRANCH_NAME)],
    from_branch_id: str | None = None,
) -> Branch:
    """Create an {app} branch from another branch's tip (the default branch when none is given).

    Args:
        repository_id: The repository.
        name: Name of the new branch, e.g. 'feature/login'.
        from_branch_id: Branch to start from.
    """
    repo = _writable_repo(ctx, repository_id)
    if ctx.select("branch", "repository_id = ? AND name = ?", (repository_id, name)):
        raise ToolError(f"Branch '{name}' already exists in {repo['owner']}/{repo['name']}.")
    if from_branch_id:
        base = ctx.require("branch", from_branch_id)
        if base["repository_id"] != repository_id:
            raise ToolError(f"Branch {from_branch_id} is in another repository.")
    else:
        found = ctx.select(
            "branch", "repository_id = ? AND name = ?", (repository_id, repo["default_branch"])
        )
        if not found:
            raise ToolError(f"Default branch '{repo['default_branch']}' does not exist; give from_branch_id.")
        base = found[0]
    return ctx.insert(
        "branch",
        {"repository_id": repository_id, "name": name, "head_sha": base["head_sha"], "created_at": ctx.now()},
    )


@bp.action(destructive=True)
def delete_branch(ctx: ToolContext, branch_id: str) -> Branch:
    """Delete an {app} branch; the default branch, protected branches and branches with open PRs are kept.

    Args:
        branch_id: The branch to delete.
    """
    br = ctx.require("branch", branch_id)
    repo = _writable_repo(ctx, br["repository_id"])
    if br["name"] == repo["default_branch"]:
        raise ToolError(
            f"'{br['name']}' is the default branch of {repo['owner']}/{repo['name']} and cannot be deleted."
        )
    if br["protected"]:
        raise ToolError(f"Branch '{br['name']}' is protected; remove the protection first.")
    prs = ctx.select(
        "pull_request",
        "repository_id = ? AND state = 'open' AND (source_branch = ? OR target_branch = ?)",
        (br["repository_id"], br["name"], br["name"]),
    )
    if prs:
        raise ToolError(f"Branch '{br['name']}' is used by open pull request #{prs[0]['number']}.")
    ctx.delete("branch", branch_id)
    return br


@bp.action(idempotent=True)
def set_branch_protection(ctx: ToolContext, branch_id: str, protected: bool) -> Branch:
    """Turn {app} branch protection on or off; protected branches cannot be deleted or merged into unreviewed.

    Args:
        branch_id: The branch.
        protected: True to protect it, false to remove protection.
    """
    br = ctx.require("branch", branch_id)
    _writable_repo(ctx, br["repository_id"])
    if br["protected"] == protected:
        return br
    return ctx.update("branch", branch_id, {"protected": protected})


@bp.action()
def create_pull_request(
    ctx: ToolContext,
    source_branch_id: str,
    target_branch_id: str,
    title: Annotated[str, Field(min_length=1, max_length=256)],
    draft: bool = False,
) -> PullRequest:
    """Open an {app} pull request from one branch into another of the same repository and return it.

    Args:
        source_branch_id: Branch with the changes.
        target_branch_id: Branch to merge into.
        title: Title of the pull request.
        draft: Open it as a draft.
    """
    src = ctx.require("branch", source_branch_id)
    dst = ctx.require("branch", target_branch_id)
    if src["repository_id"] != dst["repository_id"]:
        raise ToolError("Source and target branches are in different repositories.")
    if source_branch_id == target_branch_id:
        raise ToolError("Source and target branch must differ.")
    repo = _writable_repo(ctx, src["repository_id"])
    if src["head_sha"] == dst["head_sha"]:
        raise ToolError(f"No changes: '{src['name']}' and '{dst['name']}' point at the same commit.")
    dup = ctx.select(
        "pull_request",
        "repository_id = ? AND state = 'open' AND source_branch = ? AND target_branch = ?",
        (repo["id"], src["name"], dst["name"]),
    )
    if dup:
        raise ToolError(
            f"Pull request #{dup[0]['number']} from '{src['name']}' into '{dst['name']}' is already open."
        )
    now = ctx.now()
    return ctx.insert(
        "pull_request",
        {
            "repository_id": repo["id"],
            "number": _next_number(ctx, repo["id"]),
            "title": title,
            "source_branch": src["name"],
            "target_branch": dst["name"],
            "author": _me(ctx),
            "draft": draft,
            "created_at": now,
            "updated_at": now,
        },
    )


@bp.action(idempotent=True)
def request_reviewers(
    ctx: ToolContext,
    pull_request_id: str,
    reviewers: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=40)]], Field(min_length=1, max_length=10)
    ],
) -> PullRequest:
    """Request reviews on an open {app} pull request; the author cannot review their own pull request.

    Args:
        pull_request_id: The pull request.
        reviewers: Handles of the reviewers to add.
    """
    pr = _open_pr(ctx, pull_request_id)
    wanted = [r.strip().lstrip("@").lower() for r in reviewers]
    if pr["author"] in wanted:
        raise ToolError(f"{pr['author']} is the author of #{pr['number']} and cannot review it.")
    merged = sorted(set(pr["reviewers"]) | set(wanted))
    if merged == sorted(pr["reviewers"]):
        return pr
    return ctx.update("pull_request", pull_request_id, {"reviewers": merged, "updated_at": ctx.now()})


@bp.action()
def submit_review(
    ctx: ToolContext,
    pull_request_id: str,
    verdict: Verdict,
    body: Annotated[str, Field(max_length=10000)] = "",
) -> Review:
    """Submit a review on an open {app} pull request as the current user: approve, request changes or comment.

    Args:
        pull_request_id: The pull request to review.
        verdict: Review outcome.
        body: Review comment; required when requesting changes.
    """
    pr = _open_pr(ctx, pull_request_id)
    if pr["author"] == _me(ctx):
        raise ToolError(f"You authored #{pr['number']}; authors cannot review their own pull requests.")
    if verdict == "changes_requested" and not body.strip():
        raise ToolError("body: explain which changes are needed when requesting changes.")
    return ctx.insert(
        "review",
        {
            "pull_request_id": pull_request_id,
            "reviewer": _me(ctx),
            "verdict": verdict,
            "body": body,
            "created_at": ctx.now(),
        },
    )


@bp.action(destructive=True)
def merge_pull_request(
    ctx: ToolContext,
    pull_request_id: str,
    method: Literal["merge", "squash", "rebase"] = "merge",
    delete_branch: bool = False,
) -> MergeResult:
    """Merge an open {app} pull request; needs an approval and no outstanding change requests, not a draft.

    Args:
        pull_request_id: The pull request to merge.
        method: Merge method.
        delete_branch: Delete the source branch after merging.
    """
    pr = _open_pr(ctx, pull_request_id)
    _writable_repo(ctx, pr["repository_id"])
    if pr["draft"]:
        raise ToolError(f"Pull request #{pr['number']} is a draft; mark it ready for review first.")
    latest: dict[str, str] = {}
    for r in ctx.select("review", "pull_request_id = ?", (pull_request_id,), order_by="created_at, rowid"):
        if r["verdict"] != "commented":
            latest[r["reviewer"]] = r["verdict"]
    blocking = sorted(k for k, v in latest.items() if v == "changes_requested")
    if blocking:
        raise ToolError(f"Pull request #{pr['number']} has changes requested by {', '.join(blocking)}.")
    if "approved" not in latest.values():
        raise ToolError(f"Pull request #{pr['number']} needs at least one approving review before merging.")
    branches = {b["name"]: b for b in ctx.select("branch", "repository_id = ?", (pr["repository_id"],))}
    src, dst = branches.get(pr["source_branch"]), branches.get(pr["target_branch"])
    if src is None or dst is None:
        raise ToolError(
            f"Branch '{pr['source_branch'] if src is None else pr['target_branch']}' no longer exists."
        )
    sha = src["head_sha"] if method == "rebase" else stable_hex("merge", pr["id"], method, length=40)
    ctx.update("branch", dst["id"], {"head_sha": sha})
    deleted = False
    if delete_branch and not src["protected"]:
        ctx.delete("branch", src["id"])
        deleted = True
    now = ctx.now()
    pr = ctx.update("pull_request", pull_request_id, {"state": "merged", "merged_at": now, "updated_at": now})
    return {"pull_request": pr, "merge_sha": sha, "branch_deleted": deleted}


@bp.action()
def close_pull_request(ctx: ToolContext, pull_request_id: str) -> PullRequest:
    """Close an open {app} pull request without merging it and return it.

    Args:
        pull_request_id: The pull request to close.
    """
    _open_pr(ctx, pull_request_id)
    return ctx.update("pull_request", pull_request_id, {"state": "closed", "updated_at": ctx.now()})


@bp.action()
def create_issue(
    ctx: ToolContext,
    repository_id: str,
    title: Annotated[str, Field(min_length=1, max_length=256)],
    body: Annotated[str, Field(max_length=20000)] = "",
    labels: Annotated[list[str], Field(max_length=10)] = [],  # noqa: B006
) -> Issue:
    """Open an {app} issue in a repository with the next free number; the tracker must be enabled.

    Args:
        repository_id: The repository.
        title: Issue title.
        body: Description (Markdown).
        labels: Labels to apply.
    """
    repo = _writable_repo(ctx, repository_id)
    if not repo["has_issues"]:
        raise ToolError(f"Issues are disabled for {repo['owner']}/{repo['name']}.")
    return ctx.insert(
        "issue",
        {
            "repository_id": repository_id,
            "number": _next_number(ctx, repository_id),
            "title": title,
            "body": body,
            "author": _me(ctx),
            "labels": sorted({x.strip().lower() for x in labels if x.strip()}),
            "created_at": ctx.now(),
        },
    )


@bp.action()
def close_issue(
    ctx: ToolContext, issue_id: str, reason: Literal["completed", "not_planned"] = "completed"
) -> Issue:
    """Close an open {app} issue as completed or not planned and return it.

    Args:
        issue_id: The issue to close.
        reason: Why it is closed.
    """
    issue = ctx.require("issue", issue_id)
    if issue["state"] == "closed":
        raise ToolError(f"Issue #{issue['number']} is already closed.")
    _writable_repo(ctx, issue["repository_id"])
    return ctx.update("issue", issue_id, {"state": "closed", "state_reason": reason, "closed_at": ctx.now()})


@bp.action()
def reopen_issue(ctx: ToolContext, issue_id: str) -> Issue:
    """Reopen a closed {app} issue (its state reason becomes 'reopened') and return the issue.

    Args:
        issue_id: The issue to reopen.
    """
    issue = ctx.require("issue", issue_id)
    if issue["state"] == "open":
        raise ToolError(f"Issue #{issue['number']} is already open.")
    _writable_repo(ctx, issue["repository_id"])
    return ctx.update("issue", issue_id, {"state": "open", "state_reason": "reopened", "closed_at": ""})


@bp.action(idempotent=True)
def bulk_label_issues(
    ctx: ToolContext,
    issue_ids: Annotated[list[str], Field(min_length=1, max_length=30)],
    labels: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=50)]], Field(min_length=1, max_length=10)
    ],
) -> IssueList:
    """Add labels to several {app} issues of one repository at once (all or none); existing labels stay.

    Args:
        issue_ids: The issues to label.
        labels: Labels to add.
    """
    issues = [ctx.require("issue", i) for i in dict.fromkeys(issue_ids)]
    if len({i["repository_id"] for i in issues}) > 1:
        raise ToolError("issue_ids: all issues must belong to the same repository; nothing was labeled.")
    _writable_repo(ctx, issues[0]["repository_id"])
    add = {x.strip().lower() for x in labels if x.strip()}
    out = []
    for issue in issues:
        new = sorted(set(issue["labels"]) | add)
        out.append(
            issue if new == sorted(issue["labels"]) else ctx.update("issue", issue["id"], {"labels": new})
        )
    return {"issues": out}


_REPOS = ("web-app", "api-server", "mobile-client", "infra", "docs", "design-system", "data-pipeline")
_FEATURES = ("login", "search", "billing", "cache", "metrics", "onboarding", "export")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    me = s.user.handle
    team = [p.handle for p in s.people[:6]]
    org = s.user.company.split()[0].lower().strip(",.")
    projects = {p.slug: p.description for p in s.cast.projects}
    repos = [p.slug for p in rng.sample(s.cast.projects, 5)] + list(
        _REPOS[-2:]
    )  # shared projects + two of its own
    for n, rname in enumerate(repos):
        created = -rng.randint(200, 900)
        repo = ctx.insert(
            "repository",
            {
                "owner": me if n % 3 == 0 else org,
                "name": rname,
                "description": projects.get(rname) or s.fake.sentence(nb_words=8),
                "visibility": ("private", "public", "internal")[n % 3],
                "topics": rng.sample(("python", "typescript", "go", "devops", "react"), k=2),
                "has_issues": n != 4,
                "archived": n == 6,
                "stars": rng.randint(0, 900),
                "created_at": s.at(days=created),
            },
        )
        rid = repo["id"]
        branches = {
            "main": ctx.insert(
                "branch",
                {
                    "repository_id": rid,
                    "name": "main",
                    "protected": n % 2 == 0,
                    "head_sha": stable_hex("sha", rid, "main", length=40),
                    "created_at": s.at(days=created),
                },
            )
        }
        for f in rng.sample(_FEATURES, k=3):
            bname = f"feature/{f}"
            branches[bname] = ctx.insert(
                "branch",
                {
                    "repository_id": rid,
                    "name": bname,
                    "head_sha": stable_hex("sha", rid, bname, length=40),
                    "created_at": s.at(days=-rng.randint(5, 40)),
                },
            )
        ctx.insert(
            "branch",
            {
                "repository_id": rid,
                "name": "chore/cleanup",
                "head_sha": stable_hex("sha", rid, "chore", length=40),
                "created_at": s.at(days=-3),
            },
        )
        number = 0
        feats = [b for b in branches if b.startswith("feature/")]
        for k, bname in enumerate(feats):
            number += 1
            state = ("open", "open", "merged")[k] if n not in (3, 5, 6) else ("closed", "merged", "merged")[k]
            author = me if k == 1 and n % 3 == 0 else rng.choice(team)
            created = -rng.randint(2, 30)
            pr = ctx.insert(
                "pull_request",
                {
                    "repository_id": rid,
                    "number": number,
                    "title": f"Add {bname.split('/')[1]} improvements",
                    "body": s.fake.paragraph(nb_sentences=2),
                    "source_branch": bname,
                    "target_branch": "main",
                    "author": author,
                    "state": state,
                    "draft": k == 0 and n % 3 == 2,
                    "reviewers": [me] if author != me else [team[0]],
                    "merged_at": s.at(days=created + 1) if state == "merged" else "",
                    "created_at": s.at(days=created),
                    "updated_at": s.at(days=created + 1),
                },
            )
            if k < 2 or state == "merged":
                reviewer = team[(n + k) % 6] if team[(n + k) % 6] != author else team[(n + k + 1) % 6]
                ctx.insert(
                    "review",
                    {
                        "pull_request_id": pr["id"],
                        "reviewer": reviewer,
                        "verdict": "approved" if (n % 4 or state == "merged") else "changes_requested",
                        "body": "Looks good to me." if n % 4 else "Please add tests.",
                        "created_at": s.at(days=created, hours=5),
                    },
                )
        if n == 4:
            continue
        for k in range(4):
            number += 1
            state = "closed" if k == 3 else "open"
            created = -rng.randint(3, 90)
            ctx.insert(
                "issue",
                {
                    "repository_id": rid,
                    "number": number,
                    "title": (
                        f"{rng.choice(('Crash in', 'Slow', 'Broken', 'Improve', 'Document'))} "
                        f"{rng.choice(_FEATURES)} {rng.choice(('page', 'endpoint', 'flow', 'job'))}"
                    ),
                    "body": s.fake.paragraph(nb_sentences=2),
                    "state": state,
                    "state_reason": "completed" if state == "closed" else "",
                    "labels": sorted(
                        set(
                            rng.sample(
                                ("bug", "enhancement", "docs", "good first issue"), k=rng.randint(0, 2)
                            )
                        )
                    ),
                    "assignee": rng.choice(team + [me, ""]),
                    "milestone": rng.choice(("", "v1.2", "v2.0")),
                    "author": rng.choice(team + [me]),
                    "created_at": s.at(days=created),
                    "closed_at": s.at(days=created + 2) if state == "closed" else "",
                },
            )


bp.product("gitgrove", "GitGrove", "Git hosting with pull requests, code review and issues.")
bp.product(
    "codeharbor",
    "CodeHarbor",
    "Collaborative code hosting for teams.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("delete_repository", "delete_issue"),
)
bp.product(
    "forgely",
    "Forgely",
    "Self-service software forge with branch protection and reviews.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("bulk_label_issues", "search_pull_requests"),
)
bp.product(
    "repobay",
    "Repobay",
    "Lightweight repository hosting for small projects.",
    prefix="repobay",
    drop=(
        "delete_repository",
        "delete_issue",
        "search_issues",
        "search_pull_requests",
        "search_repositories",
        "set_branch_protection",
        "bulk_label_issues",
        "get_repository_stats",
        "archive_repository",
        "list_reviews",
    ),
)
bp.product(
    "mergepoint",
    "MergePoint",
    "Code review focused hosting with merge checks.",
    verbs={"create": "open"},
    pagination="page",
    drop=("delete_issue",),
)
