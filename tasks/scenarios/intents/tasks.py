"""How people ask for the tasks actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "create_task": Intent(
        (
            "add a task {title} to {project}, due {due_date}",
            "create {title} in {project} with a due date of {due_date}",
            "put a new task {title} on {project}, to be done by {due_date}",
            "open a task in {project} called {title}, due on {due_date}",
        ),
        choices={
            "title": (
                "Book the venue",
                "Send the status update",
                "Collect quotes from suppliers",
                "Review the draft",
            ),
            "due_date": ("2026-03-06", "2026-03-13", "2026-03-20", "2026-03-27"),
        },
        why=(
            "it came up in today's meeting",
            "I do not want it to slip through the cracks",
            "someone has to own it",
        ),
        past="created",
    ),
    "complete_task": Intent(
        ("mark {task} as done", "complete {task}", "tick off {task}", "close {task} as finished"),
        why=("I finished it this morning", "it got done in the meeting", "the team confirmed it is shipped"),
        past="completed",
    ),
    "set_task_status": Intent(
        (
            "move {task} to {status}",
            "set {task} to {status}",
            "change the status of {task} to {status}",
            "put {task} in {status}",
        ),
        why=("work on it has started", "it is blocked again", "the board should reflect reality"),
        past="updated",
    ),
    "assign_task": Intent(
        (
            "assign {task} to {assignee}",
            "hand {task} over to {assignee}",
            "make {assignee} responsible for {task}",
            "give {task} to {assignee}",
        ),
        pick={"assignee": "task.assignee"},
        why=("they have more time this week", "they know this area best", "the current owner is overloaded"),
        past="assigned",
    ),
    "add_comment": Intent(
        (
            "comment on {task} saying {text}",
            "leave the comment {text} on {task}",
            "add a note to {task}: {text}",
            "post {text} as a comment on {task}",
        ),
        choices={
            "text": (
                "Any update on this?",
                "Waiting on the vendor's reply.",
                "Moved the deadline with the team.",
                "I can pick this up tomorrow.",
            )
        },
        why=("the others should know where it stands", "someone asked for an update"),
        past="commented on",
    ),
    "list_overdue_tasks": Intent(
        (
            "list the overdue tasks in {project}",
            "find what is past due in {project}",
            "check which tasks in {project} are overdue",
            "show me the late tasks of {project}",
        ),
        report={
            "total": "number of overdue tasks",
            "tasks.0.title": "most overdue task",
            "tasks.0.due_date": "its due date",
        },
        why=(
            "the weekly review is this afternoon",
            "I want to know what is slipping",
            "my manager asked for a status",
        ),
    ),
}
