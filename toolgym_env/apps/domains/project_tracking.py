"""Project tracking: projects, issues with labels and sub-tasks, comments, sprints (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("project management")

Status = Literal["backlog", "todo", "in_progress", "in_review", "done", "canceled"]
Priority = Literal["urgent", "high", "medium", "low", "none"]


class Project(BaseModel):
    id: str = Field(description="Project id.")
    name: str = Field(description="Project name.", min_length=1, max_length=120)
    key: str = Field(
        description="Short upper-case key used in issue numbers, e.g. 'WEB'.", pattern=r"^[A-Z]{2,6}$"
    )
    lead_email: str = Field("", description="Email of the project lead.", max_length=200)
    state: Literal["active", "paused", "archived"] = Field("active", description="Lifecycle state.")
    target_date: str = Field("", description="Target completion date (YYYY-MM-DD), empty when none.")
    created_at: str = Field("", description="When the project was created (ISO-8601).")


class Link(BaseModel):
    url: str = Field(description="Linked URL.", max_length=500)
    title: str = Field("", description="Link text.", max_length=200)


class Issue(BaseModel):
    id: str = Field(description="Issue id.")
    project_id: str = Field(description="Project the issue belongs to.")
    title: str = Field(description="One-line summary.", min_length=1, max_length=200)
    description: str = Field("", description="Longer description (Markdown).", max_length=10000)
    status: Status = Field("todo", description="Workflow status.")
    priority: Priority = Field("none", description="Priority.")
    assignee_email: str = Field(
        "", description="Email of the assignee; empty when unassigned.", max_length=200
    )
    labels: list[str] = Field(default_factory=list, description="Labels such as 'bug' or 'frontend'.")
    estimate: int = Field(0, ge=0, le=100, description="Estimate in story points.")
    due_date: str = Field("", description="Due date (YYYY-MM-DD), empty when none.")
    sprint_id: str = Field("", description="Sprint the issue is planned in; empty when not planned.")
    links: list[Link] = Field(default_factory=list, description="Related links.")
    created_at: str = Field("", description="When the issue was opened (ISO-8601).")
    updated_at: str = Field("", description="When the issue last changed (ISO-8601).")


class Comment(BaseModel):
    id: str = Field(description="Comment id.")
    issue_id: str = Field(description="Issue the comment is on.")
    author_email: str = Field(description="Email of the author.", max_length=200)
    body: str = Field(description="Comment text (Markdown).", min_length=1, max_length=5000)
    created_at: str = Field("", description="When the comment was posted (ISO-8601).")


class Sprint(BaseModel):
    id: str = Field(description="Sprint id.")
    project_id: str = Field(description="Project the sprint belongs to.")
    name: str = Field(description="Sprint name, e.g. 'Sprint 14'.", min_length=1, max_length=80)
    starts_on: str = Field(description="First day (YYYY-MM-DD).")
    ends_on: str = Field(description="Last day (YYYY-MM-DD).")
    state: Literal["planned", "active", "closed"] = Field("planned", description="Sprint state.")
    capacity: int = Field(30, ge=1, le=500, description="Story points the team can take on.")


bp.resource(
    Project,
    name="project",
    id_prefix="prj",
    searchable=("name", "key"),
    filterable=("state",),
    refs={},
    readonly=("state",),
    order_by="name",
)
bp.resource(
    Issue,
    name="issue",
    id_prefix="iss",
    searchable=("title", "description"),
    filterable=("project_id", "status", "priority", "assignee_email", "sprint_id"),
    refs={"project_id": "project"},
    readonly=("sprint_id",),
    order_by="created_at DESC",
)
bp.resource(
    Comment,
    name="comment",
    id_prefix="cmt",
    filterable=("issue_id", "author_email"),
    refs={"issue_id": "issue"},
    ops=("list", "get", "delete"),
    order_by="created_at",
)
bp.resource(
    Sprint,
    name="sprint",
    id_prefix="spr",
    filterable=("project_id", "state"),
    refs={"project_id": "project"},
    readonly=("state",),
    ops=("list", "get", "create"),
    order_by="starts_on",
)


class IssueList(BaseModel):
    issues: list[Issue] = Field(description="The issues.")


class ProjectStats(BaseModel):
    project_id: str = Field(description="The project.")
    by_status: dict[str, int] = Field(description="Number of issues per status.")
    open_points: int = Field(description="Story points of issues not done or canceled.")
    overdue: int = Field(description="Open issues whose due date has passed.")


class NewIssue(BaseModel):
    title: str = Field(description="One-line summary.", min_length=1, max_length=200)
    priority: Priority = Field("none", description="Priority.")
    labels: list[str] = Field(default_factory=list, description="Labels to apply.")


_OPEN = ("backlog", "todo", "in_progress", "in_review")
_NEXT: dict[str, tuple[str, ...]] = {
    "backlog": ("todo", "canceled"),
    "todo": ("in_progress", "backlog", "canceled"),
    "in_progress": ("in_review", "todo", "canceled"),
    "in_review": ("done", "in_progress"),
    "done": ("todo",),
    "canceled": ("backlog",),
}


@bp.action()
def transition_issue(ctx: ToolContext, issue_id: str, status: Status) -> Issue:
    """Move an {app} issue to another workflow status; only allowed moves succeed (e.g. review before done).

    Args:
        issue_id: The issue to move.
        status: The status to move it to.
    """
    issue = ctx.require("issue", issue_id)
    if status == issue["status"]:
        raise ToolError(f"Issue {issue_id} is already '{status}'.")
    if status not in _NEXT[issue["status"]]:
        raise ToolError(
            f"Cannot move issue {issue_id} from '{issue['status']}' to '{status}'; "
            f"allowed: {', '.join(_NEXT[issue['status']])}."
        )
    return ctx.update("issue", issue_id, {"status": status, "updated_at": ctx.now()})


@bp.action(idempotent=True)
def assign_issue(
    ctx: ToolContext, issue_id: str, assignee_email: Annotated[str, Field(max_length=200)]
) -> Issue:
    """Assign an {app} issue to a teammate by email (replaces the current assignee).

    Args:
        issue_id: The issue to assign.
        assignee_email: Email of the new assignee.
    """
    ctx.require("issue", issue_id)
    if "@" not in assignee_email:
        raise ToolError(f"assignee_email: '{assignee_email}' is not an email address.")
    return ctx.update(
        "issue", issue_id, {"assignee_email": assignee_email.strip().lower(), "updated_at": ctx.now()}
    )


@bp.action(idempotent=True)
def add_issue_label(
    ctx: ToolContext, issue_id: str, label: Annotated[str, Field(min_length=1, max_length=50)]
) -> Issue:
    """Add a label to an {app} issue; a label already present is left as is.

    Args:
        issue_id: The issue to label.
        label: Label name, e.g. 'bug'.
    """
    issue = ctx.require("issue", issue_id)
    name = label.strip().lower()
    if not name:
        raise ToolError("label: the label cannot be blank.")
    if name in issue["labels"]:
        return issue
    return ctx.update("issue", issue_id, {"labels": [*issue["labels"], name], "updated_at": ctx.now()})


@bp.action()
def comment_on_issue(
    ctx: ToolContext, issue_id: str, body: Annotated[str, Field(min_length=1, max_length=5000)]
) -> Comment:
    """Post a comment on an {app} issue as the current user and return the new comment.

    Args:
        issue_id: The issue to comment on.
        body: Comment text (Markdown).
    """
    ctx.require("issue", issue_id)
    if not body.strip():
        raise ToolError("body: the comment cannot be blank.")
    return ctx.insert(
        "comment",
        {"issue_id": issue_id, "author_email": ctx.user.email, "body": body, "created_at": ctx.now()},
    )


@bp.action()
def add_issue_to_sprint(ctx: ToolContext, issue_id: str, sprint_id: str) -> Issue:
    """Plan an {app} issue into a sprint of the same project; fails when the sprint is closed or over
    capacity.

    Args:
        issue_id: The issue to plan.
        sprint_id: The sprint to plan it into.
    """
    issue = ctx.require("issue", issue_id)
    sprint = ctx.require("sprint", sprint_id)
    if sprint["project_id"] != issue["project_id"]:
        raise ToolError(f"Sprint {sprint_id} belongs to another project than issue {issue_id}.")
    if sprint["state"] == "closed":
        raise ToolError(f"Sprint {sprint['name']} is closed.")
    planned = sum(
        i["estimate"] for i in ctx.select("issue", "sprint_id = ?", (sprint_id,)) if i["id"] != issue_id
    )
    if planned + issue["estimate"] > sprint["capacity"]:
        raise ToolError(
            f"Sprint {sprint['name']} is over capacity: {planned} of {sprint['capacity']} points "
            f"planned, this issue needs {issue['estimate']}."
        )
    return ctx.update("issue", issue_id, {"sprint_id": sprint_id, "updated_at": ctx.now()})


@bp.action(read_only=True)
def list_overdue_issues(ctx: ToolContext, project_id: str | None = None) -> IssueList:
    """List open {app} issues whose due date is before today, oldest due date first.

    Args:
        project_id: Only issues of this project.
    """
    where = "due_date != '' AND due_date < ? AND status IN ('backlog','todo','in_progress','in_review')"
    params: tuple = (ctx.today(),)
    if project_id:
        ctx.require("project", project_id)
        where += " AND project_id = ?"
        params += (project_id,)
    return {"issues": ctx.select("issue", where, params, order_by="due_date")}


@bp.action(read_only=True)
def get_project_stats(ctx: ToolContext, project_id: str) -> ProjectStats:
    """Summarize an {app} project: issue counts per status, open story points and overdue issues.

    Args:
        project_id: The project to summarize.
    """
    ctx.require("project", project_id)
    issues = ctx.select("issue", "project_id = ?", (project_id,))
    by_status: dict[str, int] = {}
    for i in issues:
        by_status[i["status"]] = by_status.get(i["status"], 0) + 1
    open_ = [i for i in issues if i["status"] in _OPEN]
    overdue = sum(1 for i in open_ if i["due_date"] and i["due_date"] < ctx.today())
    return {
        "project_id": project_id,
        "by_status": by_status,
        "open_points": sum(i["estimate"] for i in open_),
        "overdue": overdue,
    }


@bp.action()
def bulk_create_issues(
    ctx: ToolContext, project_id: str, issues: Annotated[list[NewIssue], Field(min_length=1, max_length=20)]
) -> IssueList:
    """Create several {app} issues in one project at once (all or none) and return them.

    Args:
        project_id: Project to create the issues in.
        issues: The issues to create.
    """
    ctx.require("project", project_id)
    now = ctx.now()
    made = [
        ctx.insert(
            "issue",
            {
                "project_id": project_id,
                "title": n["title"],
                "priority": n["priority"],
                "labels": sorted({x.strip().lower() for x in n["labels"] if x.strip()}),
                "created_at": now,
                "updated_at": now,
            },
        )
        for n in issues
    ]
    return {"issues": made}


@bp.action(destructive=True)
def archive_project(ctx: ToolContext, project_id: str) -> Project:
    """Archive an {app} project; refused while it still has open issues.

    Args:
        project_id: The project to archive.
    """
    project = ctx.require("project", project_id)
    if project["state"] == "archived":
        raise ToolError(f"Project {project['name']} is already archived.")
    open_n = ctx.world.count(
        ctx.table("issue"),
        "project_id = ? AND status IN ('backlog','todo','in_progress','in_review')",
        (project_id,),
    )
    if open_n:
        raise ToolError(
            f"Project {project['name']} still has {open_n} open issues; close or move them first."
        )
    return ctx.update("project", project_id, {"state": "archived"})


_AREAS = ("checkout", "search", "onboarding", "billing", "mobile app", "API", "dashboard", "notifications")
_VERBS = ("Fix", "Improve", "Add", "Refactor", "Investigate", "Document", "Speed up", "Redesign")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    team = [p.email for p in s.people[:8]] + [s.user.email]
    for n, shared in enumerate(rng.sample(s.cast.projects, 4)):  # the world's shared project codenames
        key = shared.name[:3].upper()
        project = ctx.insert(
            "project",
            {
                "name": shared.name,
                "key": key,
                "lead_email": rng.choice(team),
                "state": "active" if n < 3 else "paused",
                "target_date": s.date(rng.randint(20, 120)),
                "created_at": s.at(days=-rng.randint(60, 300)),
            },
        )
        sprints = []
        for k in range(3):
            start = -28 + 14 * k
            sprints.append(
                ctx.insert(
                    "sprint",
                    {
                        "project_id": project["id"],
                        "name": f"Sprint {10 + k}",
                        "starts_on": s.date(start),
                        "ends_on": s.date(start + 13),
                        "state": ("closed", "active", "planned")[k],
                        "capacity": rng.choice((20, 30, 40)),
                    },
                )
            )
        for _ in range(rng.randint(8, 14)):
            status = rng.choice(
                ("backlog", "todo", "todo", "in_progress", "in_review", "done", "done", "canceled")
            )
            if n == 3:  # the paused project has nothing open left: it can be archived
                status = rng.choice(("done", "canceled"))
            sprint = rng.choice(sprints) if status != "backlog" and rng.random() < 0.6 else None
            created = -rng.randint(3, 50)
            issue = ctx.insert(
                "issue",
                {
                    "project_id": project["id"],
                    "title": (
                        f"{rng.choice(_VERBS)} {rng.choice(_AREAS)} "
                        f"{rng.choice(('flow', 'errors', 'latency', 'copy', 'tests'))}"
                    ),
                    "description": s.fake.paragraph(nb_sentences=2),
                    "status": status,
                    "priority": rng.choice(("urgent", "high", "medium", "medium", "low", "none")),
                    "assignee_email": rng.choice(team) if rng.random() < 0.8 else "",
                    "labels": sorted(
                        set(
                            rng.sample(
                                ("bug", "feature", "frontend", "backend", "tech-debt", "ux"),
                                k=rng.randint(0, 2),
                            )
                        )
                    ),
                    "estimate": rng.choice((1, 2, 3, 5, 8)),
                    "due_date": s.date(rng.randint(-10, 30)) if rng.random() < 0.5 else "",
                    "sprint_id": sprint["id"] if sprint else "",
                    "links": [],
                    "created_at": s.at(days=created),
                    "updated_at": s.at(days=created + rng.randint(0, 2)),
                },
            )
            for _ in range(rng.randint(0, 2)):
                ctx.insert(
                    "comment",
                    {
                        "issue_id": issue["id"],
                        "author_email": rng.choice(team),
                        "body": s.fake.sentence(nb_words=12),
                        "created_at": s.at(days=created + 1),
                    },
                )


bp.product("trackwise", "Trackwise", "Issue tracker for software teams with sprints and workflows.")
bp.product(
    "sprintly",
    "Sprintly",
    "Lightweight agile boards: issues, sprints and team comments.",
    style="camel",
    pagination="cursor",
    drop=("delete_comment", "search_projects"),
)
bp.product(
    "ticketa",
    "Ticketa",
    "Ticketing and project tracking for product teams.",
    style="kebab",
    verbs={"get": "fetch", "create": "new"},
    pagination="offset",
    drop=("archive_project",),
)
bp.product(
    "backlogr",
    "Backlogr",
    "Backlog grooming and sprint planning tool.",
    prefix="backlogr",
    drop=("bulk_create_issues", "list_comments"),
)
bp.product(
    "issuehub",
    "IssueHub",
    "Hosted issue tracking with labels, links and sprint boards.",
    verbs={"list": "browse", "search": "find"},
    pagination="cursor",
)
