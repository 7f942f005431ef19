"""Tasks: a to-do list and project tracker — projects, tasks with status, priority, due dates and comments."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.clock import parse_time
from toolgym_env.world.seeding import SeedContext, make_cast

app = AppSpec(
    "tasks",
    title="Tasks",
    domain="productivity",
    description="Project tracker: projects, tasks with status, priority, due date, assignee and labels, "
    "plus comments on tasks.",
)

Status = Literal["todo", "in_progress", "done"]
Priority = Literal["low", "medium", "high", "urgent"]
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_RANK = "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END"


class Project(BaseModel):
    id: str = Field(description="Project id.")
    name: str = Field(description="Project name.", min_length=1, max_length=120)
    description: str = Field("", description="What the project is about.", max_length=2000)
    status: Literal["active", "archived"] = Field(
        "active", description="Archived projects take no new tasks."
    )
    created_at: str = Field("", description="When the project was created (ISO-8601).")


class Task(BaseModel):
    id: str = Field(description="Task id.")
    project_id: str = Field(description="Project the task belongs to.")
    title: str = Field(description="Short title of the task.", min_length=1, max_length=200)
    description: str = Field("", description="Details of the task.", max_length=5000)
    status: Status = Field("todo", description="Progress: todo, in_progress or done.")
    priority: Priority = Field("medium", description="Priority: low, medium, high or urgent.")
    due_date: str | None = Field(
        None, description="Due date (YYYY-MM-DD); null when there is none.", pattern=DATE_PATTERN
    )
    assignee: str | None = Field(
        None, description="Email address of the person responsible; null if unassigned."
    )
    labels: list[str] = Field(
        default_factory=list, description="Labels such as 'bug' or 'backend'.", max_length=10
    )
    completed_at: str | None = Field(
        None, description="When the task was completed (ISO-8601); null if not done."
    )
    created_at: str = Field("", description="When the task was created (ISO-8601).")
    updated_at: str = Field("", description="When the task was last changed (ISO-8601).")


class Comment(BaseModel):
    id: str = Field(description="Comment id.")
    task_id: str = Field(description="The task commented on.")
    author: str = Field(description="Email address of the comment's author.")
    text: str = Field(description="The comment text.", min_length=1, max_length=4000)
    created_at: str = Field("", description="When the comment was written (ISO-8601).")


app.resource(
    Project,
    name="project",
    id_prefix="prj",
    filterable=("status",),
    ops=("list", "create"),
    readonly=("status",),
    order_by="name",
)
app.resource(
    Task,
    name="task",
    id_prefix="task",
    searchable=("title", "description"),
    filterable=("project_id", "status", "priority", "assignee"),
    refs={"project_id": "project"},
    readonly=("status", "assignee", "completed_at"),
    ops=("search", "list", "get", "update", "delete"),
    order_by=f"status = 'done', {_RANK}, due_date IS NULL, due_date",
)
app.resource(
    Comment, name="comment", id_prefix="cmt", filterable=("task_id",), ops=("list",), order_by="created_at"
)


class OverdueTasks(BaseModel):
    today: str = Field(description="Today's date (YYYY-MM-DD) used for the comparison.")
    tasks: list[Task] = Field(description="Open tasks due before today, most overdue first.")
    total: int = Field(description="Number of overdue tasks.")


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    try:
        if not re.match(DATE_PATTERN, value):
            raise ValueError
        parse_time(value + "T00:00:00Z")
    except ValueError:
        raise ToolError(f"due_date: '{value}' is not a date in the form YYYY-MM-DD.") from None
    return value


def _known_person(ctx: ToolContext, email: str) -> str:
    email = email.strip().lower()
    if email == ctx.user.email:
        return email
    table = ctx.table("contacts.contact")
    if table in ctx.world.tables:
        known = ctx.world.count(table, "lower(email) = lower(?)", (email,)) > 0
    else:  # contacts app not loaded: fall back to the world's cast
        known = email in {p.email for p in make_cast(ctx.world.seed).people}
    if not known:
        raise ToolError(
            f"assignee: '{email}' is not a known person; assign the task to someone in your contacts "
            f"or to yourself ({ctx.user.email})."
        )
    return email


def _labels(labels: list[str]) -> list[str]:
    out = list(dict.fromkeys(lbl.strip().lower() for lbl in labels if lbl.strip()))
    if len(out) > 10:
        raise ToolError("labels: at most 10 labels per task.")
    return out


@app.action()
def create_task(
    ctx: ToolContext,
    project_id: str,
    title: str,
    description: str = "",
    priority: Priority = "medium",
    due_date: str | None = None,
    assignee: str | None = None,
    labels: list[str] | None = None,
) -> Task:
    """Create a task in an active project, optionally assigned to a known person. Returns the new task.

    Args:
        project_id: The project to add the task to.
        title: Short title of the task.
        description: Details of the task.
        priority: low, medium, high or urgent.
        due_date: Due date, YYYY-MM-DD.
        assignee: Email address of the person responsible (a contact or the owner).
        labels: Labels such as 'bug' or 'backend'.
    """
    project = ctx.require("project", project_id)
    if project["status"] == "archived":
        raise ToolError(f"Project '{project['name']}' is archived; it takes no new tasks.")
    if not title.strip():
        raise ToolError("title: cannot be empty.")
    now = ctx.now()
    return ctx.insert(
        "task",
        {
            "project_id": project_id,
            "title": title.strip()[:200],
            "description": description[:5000],
            "priority": priority,
            "due_date": _check_date(due_date),
            "assignee": _known_person(ctx, assignee) if assignee else None,
            "labels": _labels(labels or []),
            "created_at": now,
            "updated_at": now,
        },
    )


@app.action()
def complete_task(ctx: ToolContext, task_id: str) -> Task:
    """Mark a task as done (records the completion time). Returns the completed task.

    Args:
        task_id: The task to complete.
    """
    task = ctx.require("task", task_id)
    if task["status"] == "done":
        raise ToolError(f"Task '{task['title']}' is already done (completed {task['completed_at']}).")
    now = ctx.now()
    return ctx.update("task", task_id, {"status": "done", "completed_at": now, "updated_at": now})


@app.action()
def set_task_status(ctx: ToolContext, task_id: str, status: Status) -> Task:
    """Move a task to another status (todo, in_progress or done); reopening a done task clears its completion
    time. Returns the updated task.

    Args:
        task_id: The task.
        status: The new status.
    """
    task = ctx.require("task", task_id)
    if task["status"] == status:
        raise ToolError(f"Task '{task['title']}' is already {status}.")
    now = ctx.now()
    return ctx.update(
        "task",
        task_id,
        {"status": status, "completed_at": now if status == "done" else None, "updated_at": now},
    )


@app.action(idempotent=True)
def assign_task(ctx: ToolContext, task_id: str, assignee: str) -> Task:
    """Assign a task to a known person (someone in the contacts, or the owner). Returns the updated task.

    Args:
        task_id: The task.
        assignee: Email address of the new assignee.
    """
    task = ctx.require("task", task_id)
    email = _known_person(ctx, assignee)
    if task["assignee"] == email:
        return task
    return ctx.update("task", task_id, {"assignee": email, "updated_at": ctx.now()})


@app.action(read_only=True)
def list_overdue_tasks(
    ctx: ToolContext, project_id: str | None = None, assignee: str | None = None
) -> OverdueTasks:
    """List open tasks (not done) whose due date is before today, most overdue first.

    Args:
        project_id: Only tasks of this project.
        assignee: Only tasks assigned to this email address.
    """
    where, params = "status != 'done' AND due_date IS NOT NULL AND due_date < ?", [ctx.today()]
    if project_id is not None:
        ctx.require("project", project_id)
        where, params = where + " AND project_id = ?", [*params, project_id]
    if assignee is not None:
        where, params = where + " AND lower(assignee) = lower(?)", [*params, assignee.strip()]
    rows = ctx.select("task", where, tuple(params), order_by=f"due_date, {_RANK}, rowid")
    return {"today": ctx.today(), "tasks": rows, "total": len(rows)}


@app.action()
def add_comment(ctx: ToolContext, task_id: str, text: str) -> Comment:
    """Add a comment by the owner to a task. Returns the comment.

    Args:
        task_id: The task to comment on.
        text: The comment text.
    """
    ctx.require("task", task_id)
    if not text.strip():
        raise ToolError("text: the comment cannot be empty.")
    if len(text) > 4000:
        raise ToolError("text: at most 4000 characters.")
    return ctx.insert(
        "comment",
        {"task_id": task_id, "author": ctx.user.email, "text": text.strip(), "created_at": ctx.now()},
    )


_PROJECTS = (
    (
        "prj_website",
        "Website redesign",
        "New marketing site and blog.",
        ("frontend", "design", "content", "bug"),
    ),
    ("prj_q2", "Q2 planning", "Goals, budget and hiring plan for Q2.", ("planning", "finance", "hiring")),
    (
        "prj_mobile",
        "Mobile app launch",
        "Ship v1 of the iOS and Android apps.",
        ("ios", "android", "backend", "bug"),
    ),
    ("prj_home", "Home renovation", "Kitchen and bathroom remodel.", ("kitchen", "bathroom", "shopping")),
    ("prj_conf", "Conference 2025", "Booth and talks at last year's conference.", ("travel", "talks")),
)
_VERBS = ("Draft", "Review", "Fix", "Update", "Plan", "Write", "Test", "Order", "Schedule", "Finalize")
_COMMENTS = (
    "Any update on this?",
    "I can take a look tomorrow.",
    "Blocked on the vendor.",
    "Done on my side.",
    "Can we push this to next week?",
    "Added the details to the description.",
    "Looks good to me.",
)


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    team = s.rng.sample(s.people, k=8)
    for pid, name, desc, _ in _PROJECTS:
        ctx.insert(
            "project",
            {
                "id": pid,
                "name": name,
                "description": desc,
                "created_at": s.at(days=-120),
                "status": "archived" if pid == "prj_conf" else "active",
            },
        )
    n = 0
    for pid, _, _, labels in _PROJECTS:
        for _ in range(s.rng.randint(6, 10)):
            n += 1
            archived = pid == "prj_conf"
            status = "done" if archived else s.rng.choice(("todo", "todo", "in_progress", "done"))
            due = (
                None
                if s.rng.random() < 0.2
                else s.date(s.rng.randint(-150, -100) if archived else s.rng.randint(-12, 30))
            )
            created = s.at(days=-s.rng.randint(20, 90) - (100 if archived else 0))
            done_at = (
                s.at(days=-s.rng.randint(1, 15) - (100 if archived else 0)) if status == "done" else None
            )
            person = s.rng.choice(team)
            ctx.insert(
                "task",
                {
                    "id": f"task_{n:04d}",
                    "project_id": pid,
                    "title": f"{s.rng.choice(_VERBS)} {s.fake.bs()}"[:200],
                    "description": s.fake.sentence(nb_words=12),
                    "status": status,
                    "priority": s.rng.choice(("low", "medium", "medium", "high", "urgent")),
                    "due_date": due,
                    "assignee": s.user.email
                    if s.rng.random() < 0.4
                    else (person.email if s.rng.random() < 0.85 else None),
                    "labels": sorted(s.rng.sample(labels, k=s.rng.randint(0, 2))),
                    "completed_at": done_at,
                    "created_at": created,
                    "updated_at": done_at or s.at(days=-s.rng.randint(0, 19)),
                },
            )
            for c in range(s.rng.choice((0, 0, 1, 2))):
                author = s.user.email if s.rng.random() < 0.4 else s.rng.choice(team).email
                ctx.insert(
                    "comment",
                    {
                        "id": f"cmt_{n:04d}_{c}",
                        "task_id": f"task_{n:04d}",
                        "author": author,
                        "text": s.rng.choice(_COMMENTS),
                        "created_at": s.at(days=-s.rng.randint(1, 18), hours=-s.rng.randint(0, 8)),
                    },
                )
