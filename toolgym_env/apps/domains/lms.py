"""Learning management: courses, enrollments, assignments, submissions and grades (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("learning management")

EMAIL = r"^[a-z]{2,12}(\.[a-z]{2,12})?@[a-z]{3,12}\.(edu|com|org)$"
STAMP = r"^202[5-9]-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:00Z$"


class Course(BaseModel):
    id: str = Field(description="Course id.")
    code: str = Field(description="Course code, e.g. 'CS-101'.", pattern=r"^[A-Z]{2,4}-\d{3}$")
    title: str = Field(description="Course title.", min_length=1, max_length=160)
    instructor_email: str = Field(description="Email of the instructor.", max_length=200)
    term: Literal["fall-2025", "spring-2026", "summer-2026", "fall-2026"] = Field(
        "spring-2026", description="Term."
    )
    credits: int = Field(3, ge=0, le=10, description="Credit hours.")
    capacity: int = Field(30, ge=1, le=500, description="Maximum active students.")
    status: Literal["draft", "published", "archived"] = Field("draft", description="Course status.")


class Enrollment(BaseModel):
    id: str = Field(description="Enrollment id.")
    course_id: str = Field(description="The course.")
    student_email: str = Field(description="Email of the student.", max_length=200)
    section: str = Field("A", description="Section letter.", pattern=r"^[A-F]$")
    status: Literal["active", "dropped", "completed"] = Field("active", description="Enrollment status.")
    enrolled_at: str = Field("", description="When the student enrolled (ISO-8601).")
    final_grade: str = Field("", description="Final letter grade once the course is finalized.")


class Assignment(BaseModel):
    id: str = Field(description="Assignment id.")
    course_id: str = Field(description="The course.")
    title: str = Field(description="Assignment title.", min_length=1, max_length=160)
    instructions: str = Field("", description="Instructions (Markdown).", max_length=10000)
    due_at: str = Field(description="Due time (ISO-8601 UTC).", pattern=STAMP)
    points_possible: int = Field(100, ge=1, le=1000, description="Maximum score.")
    allow_late: bool = Field(True, description="Whether late submissions are accepted.")
    late_penalty_pct: int = Field(10, ge=0, le=100, description="Percent deducted from late work.")
    status: Literal["draft", "published", "closed"] = Field("draft", description="Assignment status.")


class Submission(BaseModel):
    id: str = Field(description="Submission id.")
    assignment_id: str = Field(description="The assignment.")
    student_email: str = Field(description="Email of the student.", max_length=200)
    content_url: str = Field("", description="Link to the submitted work.", max_length=500)
    submitted_at: str = Field(description="When it was submitted (ISO-8601).")
    late: bool = Field(False, description="Whether it came after the due time.")
    status: Literal["submitted", "graded"] = Field("submitted", description="Grading status.")
    score: float | None = Field(None, description="Score after late penalty; null until graded.")
    feedback: str = Field("", description="Grader feedback.", max_length=5000)


bp.resource(
    Course,
    name="course",
    id_prefix="crs",
    searchable=("title", "code"),
    filterable=("status", "term", "instructor_email"),
    readonly=("status",),
    order_by="code",
)
bp.resource(
    Enrollment,
    name="enrollment",
    id_prefix="enr",
    filterable=("course_id", "student_email", "status"),
    refs={"course_id": "course"},
    readonly=("status", "course_id", "student_email", "enrolled_at", "final_grade"),
    ops=("list", "get", "update"),
    order_by="enrolled_at",
)
bp.resource(
    Assignment,
    name="assignment",
    id_prefix="asg",
    searchable=("title", "instructions"),
    filterable=("course_id", "status"),
    refs={"course_id": "course"},
    readonly=("status",),
    order_by="due_at",
)
bp.resource(
    Submission,
    name="submission",
    id_prefix="sub",
    filterable=("assignment_id", "student_email", "status"),
    refs={"assignment_id": "assignment"},
    ops=("list", "get"),
    order_by="submitted_at",
)


class RubricScore(BaseModel):
    criterion: str = Field(description="Rubric criterion, e.g. 'Clarity'.", min_length=1, max_length=80)
    points: float = Field(ge=0, le=25, description="Points awarded for the criterion (at most 25).")


class NewAssignment(BaseModel):
    title: str = Field(description="Assignment title.", min_length=1, max_length=160)
    due_at: str = Field(description="Due time (ISO-8601 UTC).", pattern=STAMP)
    points_possible: int = Field(100, ge=1, le=1000, description="Maximum score.")


class EnrollmentList(BaseModel):
    enrollments: list[Enrollment] = Field(description="The enrollments.")


class AssignmentList(BaseModel):
    assignments: list[Assignment] = Field(description="The assignments.")


class StudentGrade(BaseModel):
    student_email: str = Field(description="The student.")
    points_earned: float = Field(description="Points earned on graded work.")
    points_possible: float = Field(description="Points possible on closed or graded assignments.")
    percent: float = Field(description="Percent score (0 when nothing graded yet).")
    letter: str = Field(description="Letter grade (A-F).")
    missing: int = Field(description="Closed assignments with no submission.")


class Gradebook(BaseModel):
    course_id: str = Field(description="The course.")
    students: list[StudentGrade] = Field(description="One row per active student, best first.")
    class_average: float = Field(description="Average percent of the class.")


class MissingList(BaseModel):
    assignment_id: str = Field(description="The assignment.")
    student_emails: list[str] = Field(description="Active students with no submission.")


def _letter(pct: float) -> str:
    return "A" if pct >= 90 else "B" if pct >= 80 else "C" if pct >= 70 else "D" if pct >= 60 else "F"


def _active(ctx: ToolContext, course_id: str) -> list[dict]:
    return ctx.select("enrollment", "course_id = ? AND status = 'active'", (course_id,))


def _grade(ctx: ToolContext, course_id: str, email: str) -> dict:
    earned = possible = 0.0
    missing = 0
    for a in ctx.select("assignment", "course_id = ? AND status != 'draft'", (course_id,)):
        subs = ctx.select("submission", "assignment_id = ? AND student_email = ?", (a["id"], email))
        graded = [x for x in subs if x["status"] == "graded"]
        if graded:
            earned += graded[-1]["score"] or 0
            possible += a["points_possible"]
        elif a["status"] == "closed" and not subs:
            missing += 1
            possible += a["points_possible"]
    pct = round(earned / possible * 100, 1) if possible else 0.0
    return {
        "student_email": email,
        "points_earned": round(earned, 2),
        "points_possible": possible,
        "percent": pct,
        "letter": _letter(pct) if possible else "",
        "missing": missing,
    }


@bp.action()
def enroll_student(
    ctx: ToolContext, course_id: str, student_email: Annotated[str, Field(max_length=200)]
) -> Enrollment:
    """Enroll a student in a published {app} course; refused when the course is full or they are enrolled.

    Args:
        course_id: The course.
        student_email: Email of the student.
    """
    c = ctx.require("course", course_id)
    email = student_email.strip().lower()
    if "@" not in email:
        raise ToolError(f"student_email: '{student_email}' is not an email address.")
    if c["status"] != "published":
        raise ToolError(f"Course {c['code']} is '{c['status']}'; students can only join published courses.")
    active = _active(ctx, course_id)
    if any(e["student_email"] == email for e in active):
        raise ToolError(f"{email} is already enrolled in {c['code']}.")
    if len(active) >= c["capacity"]:
        raise ToolError(f"Course {c['code']} is full ({c['capacity']} students).")
    return ctx.insert(
        "enrollment",
        {"course_id": course_id, "student_email": email, "status": "active", "enrolled_at": ctx.now()},
    )


@bp.action()
def bulk_enroll(
    ctx: ToolContext,
    course_id: str,
    student_emails: Annotated[list[Annotated[str, Field(pattern=EMAIL)]], Field(min_length=1, max_length=50)],
) -> EnrollmentList:
    """Enroll several students in an {app} course at once (all or none, capacity checked); skips no one.

    Args:
        course_id: The course.
        student_emails: Emails of the students.
    """
    c = ctx.require("course", course_id)
    if c["status"] != "published":
        raise ToolError(f"Course {c['code']} is '{c['status']}'; students can only join published courses.")
    emails = list(dict.fromkeys(e.strip().lower() for e in student_emails))
    active = {e["student_email"] for e in _active(ctx, course_id)}
    bad = [e for e in emails if "@" not in e]
    if bad:
        raise ToolError(f"student_emails: not email addresses: {', '.join(bad)}.")
    dup = [e for e in emails if e in active]
    if dup:
        raise ToolError(f"Already enrolled in {c['code']}: {', '.join(dup)}.")
    if len(active) + len(emails) > c["capacity"]:
        raise ToolError(
            f"Course {c['code']} has {c['capacity'] - len(active)} seats left; {len(emails)} requested."
        )
    return {
        "enrollments": [
            ctx.insert(
                "enrollment",
                {"course_id": course_id, "student_email": e, "status": "active", "enrolled_at": ctx.now()},
            )
            for e in emails
        ]
    }


@bp.action()
def drop_enrollment(ctx: ToolContext, enrollment_id: str) -> Enrollment:
    """Drop a student's active {app} enrollment; completed enrollments cannot be dropped.

    Args:
        enrollment_id: The enrollment to drop.
    """
    e = ctx.require("enrollment", enrollment_id)
    if e["status"] != "active":
        raise ToolError(
            f"Enrollment {enrollment_id} is '{e['status']}'; only active enrollments can be dropped."
        )
    return ctx.update("enrollment", enrollment_id, {"status": "dropped"})


@bp.action()
def publish_course(ctx: ToolContext, course_id: str) -> Course:
    """Publish a draft {app} course so students can enroll; it needs at least one assignment first.

    Args:
        course_id: The draft course.
    """
    c = ctx.require("course", course_id)
    if c["status"] != "draft":
        raise ToolError(f"Course {c['code']} is '{c['status']}'; only drafts can be published.")
    if not ctx.select("assignment", "course_id = ?", (course_id,)):
        raise ToolError(f"Course {c['code']} has no assignments yet; add one before publishing.")
    return ctx.update("course", course_id, {"status": "published"})


@bp.action()
def create_assignments(
    ctx: ToolContext,
    course_id: str,
    assignments: Annotated[list[NewAssignment], Field(min_length=1, max_length=15)],
) -> AssignmentList:
    """Create several draft {app} assignments in a course at once (all or none); archived courses refuse.

    Args:
        course_id: The course.
        assignments: Title, due time and points of each assignment.
    """
    c = ctx.require("course", course_id)
    if c["status"] == "archived":
        raise ToolError(f"Course {c['code']} is archived.")
    titles = {a["title"].lower() for a in ctx.select("assignment", "course_id = ?", (course_id,))}
    for n, a in enumerate(assignments):
        if a["title"].strip().lower() in titles:
            raise ToolError(f"assignments[{n}]: course {c['code']} already has an assignment '{a['title']}'.")
        titles.add(a["title"].strip().lower())
    return {
        "assignments": [
            ctx.insert(
                "assignment",
                {
                    "course_id": course_id,
                    "title": a["title"].strip(),
                    "due_at": a["due_at"],
                    "points_possible": a["points_possible"],
                    "status": "draft",
                },
            )
            for a in assignments
        ]
    }


@bp.action()
def publish_assignment(ctx: ToolContext, assignment_id: str) -> Assignment:
    """Publish a draft {app} assignment to students; its due time must still be in the future.

    Args:
        assignment_id: The draft assignment.
    """
    a = ctx.require("assignment", assignment_id)
    if a["status"] != "draft":
        raise ToolError(f"Assignment {assignment_id} is '{a['status']}'; only drafts can be published.")
    if a["due_at"] <= ctx.now():
        raise ToolError(
            f"Assignment {assignment_id} is due {a['due_at']}, already past; extend the due date first."
        )
    return ctx.update("assignment", assignment_id, {"status": "published"})


@bp.action()
def extend_due_date(
    ctx: ToolContext, assignment_id: str, due_at: Annotated[str, Field(pattern=STAMP)]
) -> Assignment:
    """Move an {app} assignment's due time later (never earlier); closed assignments cannot be extended.

    Args:
        assignment_id: The assignment.
        due_at: New due time (ISO-8601 UTC), later than the current one.
    """
    a = ctx.require("assignment", assignment_id)
    if a["status"] == "closed":
        raise ToolError(f"Assignment {assignment_id} is closed.")
    if due_at <= a["due_at"]:
        raise ToolError(f"due_at: {due_at} is not later than the current due time {a['due_at']}.")
    return ctx.update("assignment", assignment_id, {"due_at": due_at})


@bp.action()
def submit_assignment(
    ctx: ToolContext,
    assignment_id: str,
    student_email: Annotated[str, Field(max_length=200)],
    content_url: Annotated[str, Field(min_length=8, max_length=500)],
) -> Submission:
    """Hand in work for a published {app} assignment for an enrolled student; late work only if allowed.

    Args:
        assignment_id: The assignment.
        student_email: Email of the enrolled student.
        content_url: Link to the work (https://...).
    """
    a = ctx.require("assignment", assignment_id)
    email = student_email.strip().lower()
    if a["status"] != "published":
        raise ToolError(f"Assignment {assignment_id} is '{a['status']}' and does not accept submissions.")
    if not any(e["student_email"] == email for e in _active(ctx, a["course_id"])):
        raise ToolError(f"{email} is not actively enrolled in the assignment's course.")
    late = ctx.now() > a["due_at"]
    if late and not a["allow_late"]:
        raise ToolError(f"Assignment {assignment_id} was due {a['due_at']} and does not accept late work.")
    prev = ctx.select("submission", "assignment_id = ? AND student_email = ?", (assignment_id, email))
    if any(p["status"] == "graded" for p in prev):
        raise ToolError(
            f"{email}'s submission for {assignment_id} is already graded; resubmission is closed."
        )
    if prev:
        return ctx.update(
            "submission", prev[0]["id"], {"content_url": content_url, "submitted_at": ctx.now(), "late": late}
        )
    return ctx.insert(
        "submission",
        {
            "assignment_id": assignment_id,
            "student_email": email,
            "content_url": content_url,
            "submitted_at": ctx.now(),
            "late": late,
        },
    )


@bp.action()
def grade_submission(
    ctx: ToolContext,
    submission_id: str,
    rubric: Annotated[list[RubricScore], Field(min_length=1, max_length=4)],
    feedback: Annotated[str, Field(max_length=5000)] = "",
) -> Submission:
    """Grade an {app} submission from rubric points (late penalty applied); total cannot exceed points
    possible.

    Args:
        submission_id: The submission.
        rubric: Points per rubric criterion; they are summed.
        feedback: Comments for the student.
    """
    sub = ctx.require("submission", submission_id)
    a = ctx.require("assignment", sub["assignment_id"])
    total = sum(r["points"] for r in rubric)
    if total > a["points_possible"]:
        raise ToolError(f"Rubric totals {total:g} points but the assignment is worth {a['points_possible']}.")
    score = round(total * (1 - a["late_penalty_pct"] / 100), 2) if sub["late"] else total
    lines = "; ".join(f"{r['criterion']}: {r['points']:g}" for r in rubric)
    return ctx.update(
        "submission",
        submission_id,
        {
            "status": "graded",
            "score": score,
            "feedback": (feedback + ("\n" if feedback else "") + lines)[:5000],
        },
    )


@bp.action()
def close_assignment(ctx: ToolContext, assignment_id: str, early: bool = False) -> Assignment:
    """Close a published {app} assignment to new submissions; before its due time only when early is set.

    Args:
        assignment_id: The assignment.
        early: Allow closing before the due time.
    """
    a = ctx.require("assignment", assignment_id)
    if a["status"] != "published":
        raise ToolError(f"Assignment {assignment_id} is '{a['status']}'; only published ones can be closed.")
    if a["due_at"] > ctx.now() and not early:
        raise ToolError(
            f"Assignment {assignment_id} is not due until {a['due_at']}; pass early=true to close it now."
        )
    return ctx.update("assignment", assignment_id, {"status": "closed"})


@bp.action(read_only=True)
def list_missing_submissions(ctx: ToolContext, assignment_id: str) -> MissingList:
    """List active students of the {app} course who have not submitted an assignment yet.

    Args:
        assignment_id: The assignment.
    """
    a = ctx.require("assignment", assignment_id)
    done = {s["student_email"] for s in ctx.select("submission", "assignment_id = ?", (assignment_id,))}
    return {
        "assignment_id": assignment_id,
        "student_emails": sorted(
            e["student_email"] for e in _active(ctx, a["course_id"]) if e["student_email"] not in done
        ),
    }


@bp.action(read_only=True)
def get_gradebook(ctx: ToolContext, course_id: str) -> Gradebook:
    """Get the {app} gradebook of a course: each active student's points, percent and letter, plus the
    average.

    Args:
        course_id: The course.
    """
    ctx.require("course", course_id)
    rows = [_grade(ctx, course_id, e["student_email"]) for e in _active(ctx, course_id)]
    rows.sort(key=lambda r: (-r["percent"], r["student_email"]))
    avg = round(sum(r["percent"] for r in rows) / len(rows), 1) if rows else 0.0
    return {"course_id": course_id, "students": rows, "class_average": avg}


@bp.action(read_only=True)
def get_student_grade(
    ctx: ToolContext, course_id: str, student_email: Annotated[str, Field(max_length=200)]
) -> StudentGrade:
    """Get one student's current {app} grade in a course: points, percent, letter and missing work.

    Args:
        course_id: The course.
        student_email: Email of the student.
    """
    ctx.require("course", course_id)
    email = student_email.strip().lower()
    if not ctx.select("enrollment", "course_id = ? AND student_email = ?", (course_id, email)):
        raise ToolError(f"{email} has never been enrolled in course {course_id}.")
    return _grade(ctx, course_id, email)


@bp.action(destructive=True)
def finalize_course_grades(ctx: ToolContext, course_id: str) -> EnrollmentList:
    """Finalize an {app} course: record letter grades on active enrollments and archive it; needs all work
    graded.

    Args:
        course_id: The course to finalize.
    """
    c = ctx.require("course", course_id)
    if c["status"] != "published":
        raise ToolError(f"Course {c['code']} is '{c['status']}'; only published courses can be finalized.")
    assignments = ctx.select("assignment", "course_id = ?", (course_id,))
    open_ = [a["title"] for a in assignments if a["status"] == "published"]
    if open_:
        raise ToolError(
            f"Course {c['code']} still has open assignments: {', '.join(open_)}; close them first."
        )
    ungraded = sum(
        len(ctx.select("submission", "assignment_id = ? AND status = 'submitted'", (a["id"],)))
        for a in assignments
    )
    if ungraded:
        raise ToolError(f"Course {c['code']} has {ungraded} ungraded submissions.")
    out = [
        ctx.update(
            "enrollment",
            e["id"],
            {
                "status": "completed",
                "final_grade": _grade(ctx, course_id, e["student_email"])["letter"] or "F",
            },
        )
        for e in _active(ctx, course_id)
    ]
    ctx.update("course", course_id, {"status": "archived"})
    return {"enrollments": out}


class UpcomingList(BaseModel):
    student_email: str = Field(description="The student.")
    assignments: list[Assignment] = Field(
        description="Published assignments not yet submitted, soonest due first."
    )


@bp.action(read_only=True)
def get_upcoming_assignments(
    ctx: ToolContext, student_email: Annotated[str, Field(max_length=200)]
) -> UpcomingList:
    """List {app} assignments a student still has to hand in across active courses, soonest due first.

    Args:
        student_email: Email of the student.
    """
    email = student_email.strip().lower()
    courses = {
        e["course_id"] for e in ctx.select("enrollment", "student_email = ? AND status = 'active'", (email,))
    }
    if not courses:
        raise ToolError(f"{email} has no active enrollments.")
    done = {x["assignment_id"] for x in ctx.select("submission", "student_email = ?", (email,))}
    todo = [
        a
        for a in ctx.select("assignment", "status = 'published'", order_by="due_at")
        if a["course_id"] in courses and a["id"] not in done
    ]
    return {"student_email": email, "assignments": todo}


_COURSES = [
    ("CS", "Intro to Programming"),
    ("MATH", "Linear Algebra"),
    ("BIO", "Cell Biology"),
    ("HIST", "Modern World History"),
    ("ECON", "Principles of Microeconomics"),
    ("ART", "Digital Illustration"),
    ("PSY", "Cognitive Psychology"),
    ("ENG", "Academic Writing"),
    ("PHYS", "Classical Mechanics"),
    ("DS", "Data Visualization"),
]
_TASKS = ("Problem set", "Essay", "Lab report", "Quiz", "Project milestone", "Reading response")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    students = [s.user.email] + [p.email for p in s.people[:24]]
    instructors = [p.email for p in s.people[30:36]]
    for n, (dept, title) in enumerate(_COURSES):
        status = "draft" if n >= 7 else "archived" if n == 6 else "published"
        course = ctx.insert(
            "course",
            {
                "code": f"{dept}-{100 + 10 * n + rng.randint(1, 9)}",
                "title": title,
                "instructor_email": instructors[n % len(instructors)],
                "term": "fall-2025" if status == "archived" else "spring-2026",
                "credits": rng.choice((2, 3, 3, 4)),
                "capacity": rng.choice((12, 15, 20, 40)),
                "status": status,
            },
        )
        roster = []
        if status != "draft":
            pool = students[:11] if n % 2 == 0 else students[5:20]
            roster = rng.sample(pool, k=min(len(pool), rng.randint(6, 9)))
            if n == 2:
                roster = roster[: course["capacity"]]
            for k, email in enumerate(roster):
                ctx.insert(
                    "enrollment",
                    {
                        "course_id": course["id"],
                        "student_email": email,
                        "section": "AB"[k % 2],
                        "status": "completed"
                        if status == "archived"
                        else ("dropped" if k == 7 else "active"),
                        "enrolled_at": s.at(days=-rng.randint(40, 60)),
                        "final_grade": rng.choice("ABBCC") if status == "archived" else "",
                    },
                )
        active = roster[:7]
        for k in range(4 if n != 9 else 0):
            due = (-30, -10, 5, 20)[k] + rng.randint(0, 3)
            if status == "archived":
                a_status, due = "closed", due - 120
            elif status == "draft":
                a_status = "draft"
            else:
                a_status = (
                    ("closed", "published", "published", "draft")
                    if n % 2 == 0
                    else ("closed", "published", "draft", "draft")
                )[k]
                if n in (1, 3, 5):  # courses whose work is all closed and graded: can be finalized
                    a_status = ("closed", "closed", "draft", "draft")[k]
            a = ctx.insert(
                "assignment",
                {
                    "course_id": course["id"],
                    "title": f"{_TASKS[(n + k) % len(_TASKS)]} {k + 1}",
                    "instructions": s.fake.paragraph(nb_sentences=2),
                    "due_at": s.at(days=due, hours=23 - 0.0),
                    "points_possible": rng.choice((50, 100, 100)),
                    "allow_late": k != 0,
                    "late_penalty_pct": rng.choice((0, 10, 20)),
                    "status": a_status,
                },
            )
            if a_status == "draft" or due > 0:
                continue
            for email in active:
                if rng.random() < 0.2:
                    continue
                late = rng.random() < 0.15
                graded = a_status == "closed" and (
                    n in (1, 3, 5) or status == "archived" or rng.random() < 0.6
                )
                raw = round(a["points_possible"] * rng.uniform(0.55, 1.0), 1)
                ctx.insert(
                    "submission",
                    {
                        "assignment_id": a["id"],
                        "student_email": email,
                        "content_url": f"https://files.example.edu/{a['id']}/{email.split('@')[0]}",
                        "submitted_at": s.at(days=due + (1 if late else -1)),
                        "late": late,
                        "status": "graded" if graded else "submitted",
                        "score": (round(raw * (1 - a["late_penalty_pct"] / 100), 2) if late else raw)
                        if graded
                        else None,
                        "feedback": rng.choice(("Good work.", "Clear reasoning.", "Check the units.", ""))
                        if graded
                        else "",
                    },
                )


bp.product("coursecanopy", "CourseCanopy", "Learning platform for courses, assignments and gradebooks.")
bp.product(
    "quizzora",
    "Quizzora",
    "Classroom assignments and grading for teachers.",
    style="camel",
    pagination="cursor",
    drop=("search_assignments", "update_enrollment"),
)
bp.product(
    "lecturelyx",
    "Lecturelyx",
    "University LMS with rosters, rubrics and final grades.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("bulk_enroll",),
)
bp.product(
    "tutorhive",
    "TutorHive",
    "Lightweight course hub for tutors and small schools.",
    prefix="tutorhive",
    drop=(
        "search_courses",
        "delete_course",
        "update_course",
        "search_assignments",
        "delete_assignment",
        "update_enrollment",
        "bulk_enroll",
        "create_assignments",
        "extend_due_date",
        "finalize_course_grades",
    ),
)
bp.product(
    "scholaroo",
    "Scholaroo",
    "Online school with enrollments, coursework and report cards.",
    verbs={"list": "browse", "search": "find"},
    pagination="page",
)
