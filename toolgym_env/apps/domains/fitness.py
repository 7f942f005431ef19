"""Fitness tracking: workouts with exercises, activities, goals and personal records (five products)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import parse_day
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("fitness tracking")

DATE = r"^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
STAMP = r"^202[0-6]-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$"
Sport = Literal["strength", "hiit", "yoga", "cardio", "mobility"]
ActivityType = Literal["run", "ride", "swim", "walk", "hike", "row"]
Privacy = Literal["public", "followers", "private"]
ExerciseName = Literal[
    "bench press", "squat", "deadlift", "overhead press", "pull-up", "5k run", "10k run", "plank"
]
_UNIT = {
    "bench press": "kg",
    "squat": "kg",
    "deadlift": "kg",
    "overhead press": "kg",
    "pull-up": "reps",
    "5k run": "seconds",
    "10k run": "seconds",
    "plank": "seconds",
}
_LOWER_IS_BETTER = {"5k run", "10k run"}


class Exercise(BaseModel):
    name: str = Field(description="Exercise name, e.g. 'squat'.", min_length=1, max_length=80)
    sets: int = Field(3, ge=1, le=20, description="Number of sets.")
    reps: int = Field(10, ge=1, le=100, description="Repetitions per set.")
    weight_kg: float = Field(0, ge=0, le=500, description="Load per repetition in kg (0 for bodyweight).")


class Workout(BaseModel):
    id: str = Field(description="Workout id.")
    name: str = Field(description="Workout name, e.g. 'Leg day'.", min_length=1, max_length=120)
    sport: Sport = Field("strength", description="Kind of workout.")
    scheduled_on: str = Field(description="Planned date (YYYY-MM-DD).", pattern=DATE)
    status: Literal["planned", "completed", "skipped"] = Field("planned", description="Workout status.")
    duration_min: int = Field(0, ge=0, le=600, description="Actual duration in minutes (0 until completed).")
    calories: int = Field(0, ge=0, le=5000, description="Calories burned (0 until completed).")
    exercises: list[Exercise] = Field(default_factory=list, description="Exercises in order.")
    notes: str = Field("", description="Free-text notes.", max_length=2000)
    completed_at: str = Field("", description="When the workout was completed (ISO-8601), empty otherwise.")


class Activity(BaseModel):
    id: str = Field(description="Activity id.")
    title: str = Field(description="Activity title, e.g. 'Morning run'.", min_length=1, max_length=120)
    type: ActivityType = Field("run", description="Activity type.")
    started_at: str = Field(description="Start time (ISO-8601).")
    distance_km: float = Field(0, ge=0, le=500, description="Distance in kilometres.")
    duration_min: int = Field(1, ge=1, le=1440, description="Moving time in minutes.")
    avg_heart_rate: int = Field(0, ge=0, le=230, description="Average heart rate in bpm (0 when unknown).")
    elevation_m: int = Field(0, ge=0, le=9000, description="Elevation gain in metres.")
    calories: int = Field(0, ge=0, le=10000, description="Calories burned.")
    privacy: Privacy = Field("followers", description="Who can see the activity.")


class Goal(BaseModel):
    id: str = Field(description="Goal id.")
    title: str = Field(description="Goal title.", min_length=1, max_length=120)
    metric: Literal["distance_km", "activities", "active_minutes", "calories"] = Field(
        description="What the goal counts."
    )
    target: float = Field(description="Target amount of the metric.", gt=0, le=100000)
    progress: float = Field(0, ge=0, description="Amount reached so far (recomputed from activities).")
    starts_on: str = Field(description="First day of the goal period (YYYY-MM-DD).", pattern=DATE)
    ends_on: str = Field(description="Last day of the goal period (YYYY-MM-DD).", pattern=DATE)
    status: Literal["active", "achieved", "abandoned"] = Field("active", description="Goal status.")


class PersonalRecord(BaseModel):
    id: str = Field(description="Personal record id.")
    exercise: str = Field(description="Exercise or distance the record is for.", max_length=80)
    value: float = Field(description="Record value in the unit.", ge=0)
    unit: Literal["kg", "reps", "seconds"] = Field(description="Unit of the value.")
    achieved_on: str = Field(description="Date the record was set (YYYY-MM-DD).", pattern=DATE)
    workout_id: str = Field("", description="Workout where it was set, empty when none.")


bp.resource(
    Workout,
    name="workout",
    id_prefix="wko",
    searchable=("name", "notes"),
    filterable=("status", "sport", "scheduled_on"),
    readonly=("status", "completed_at"),
    order_by="scheduled_on DESC",
)
bp.resource(
    Activity,
    name="activity",
    plural="activities",
    id_prefix="act",
    searchable=("title",),
    filterable=("type", "privacy"),
    order_by="started_at DESC",
)
bp.resource(
    Goal,
    name="goal",
    id_prefix="gol",
    filterable=("status", "metric"),
    readonly=("status", "progress"),
    ops=("list", "get", "create", "update", "delete"),
    order_by="ends_on",
)
bp.resource(
    PersonalRecord,
    name="personal_record",
    id_prefix="pr",
    filterable=("exercise", "unit"),
    refs={},
    ops=("list", "get", "delete"),
    order_by="achieved_on DESC",
)


class NewActivity(BaseModel):
    title: str = Field(description="Activity title.", min_length=1, max_length=120)
    type: ActivityType = Field("run", description="Activity type.")
    started_at: str = Field(
        description="Start time (ISO-8601 UTC, e.g. 2026-03-01T07:30:00Z).", pattern=STAMP
    )
    distance_km: float = Field(0, ge=0, le=500, description="Distance in kilometres.")
    duration_min: int = Field(30, ge=1, le=1440, description="Moving time in minutes.")


class ActivityList(BaseModel):
    activities: list[Activity] = Field(description="The activities.")


class GoalList(BaseModel):
    goals: list[Goal] = Field(description="The goals.")


class WeeklySummary(BaseModel):
    week_start: str = Field(description="Monday the week starts on.")
    activities: int = Field(description="Number of activities.")
    distance_km: float = Field(description="Total distance.")
    active_minutes: int = Field(description="Total moving time in minutes.")
    calories: int = Field(description="Total calories.")
    by_type: dict[str, int] = Field(description="Activities per type.")
    workouts_completed: int = Field(description="Workouts completed that week.")


class Comparison(BaseModel):
    activity_ids: list[str] = Field(description="The compared activities.")
    longest_id: str = Field(description="Activity with the longest distance.")
    fastest_id: str = Field(
        description="Activity with the best pace among those with a distance; empty if none."
    )
    paces_min_per_km: dict[str, float] = Field(description="Pace per activity with a distance.")


class TrainingLoad(BaseModel):
    days: int = Field(description="Window length in days.")
    active_minutes: int = Field(description="Moving time in the window.")
    previous_active_minutes: int = Field(description="Moving time in the window before.")
    change_percent: float = Field(description="Change against the previous window (0 when it was empty).")
    workouts_completed: int = Field(description="Workouts completed in the window.")


def _activity_amount(metric: str, a: dict) -> float:
    return {
        "distance_km": a["distance_km"],
        "activities": 1,
        "active_minutes": a["duration_min"],
        "calories": a["calories"],
    }[metric]


@bp.action()
def complete_workout(
    ctx: ToolContext,
    workout_id: str,
    duration_min: Annotated[int, Field(ge=1, le=600)],
    calories: Annotated[int, Field(ge=0, le=5000)] = 0,
) -> Workout:
    """Mark a planned {app} workout as completed with its duration and calories; returns the updated workout.

    Args:
        workout_id: The planned workout to complete.
        duration_min: How long the workout took, in minutes.
        calories: Calories burned (0 when unknown).
    """
    w = ctx.require("workout", workout_id)
    if w["status"] != "planned":
        raise ToolError(f"Workout {workout_id} is '{w['status']}'; only planned workouts can be completed.")
    if w["scheduled_on"] > ctx.today():
        raise ToolError(
            f"Workout {workout_id} is scheduled for {w['scheduled_on']}, in the future; "
            "it cannot be completed yet."
        )
    return ctx.update(
        "workout",
        workout_id,
        {
            "status": "completed",
            "duration_min": duration_min,
            "calories": calories,
            "completed_at": ctx.now(),
        },
    )


@bp.action()
def skip_workout(
    ctx: ToolContext, workout_id: str, reason: Annotated[str, Field(max_length=300)] = ""
) -> Workout:
    """Skip a planned {app} workout, noting an optional reason; returns the skipped workout.

    Args:
        workout_id: The planned workout to skip.
        reason: Why it was skipped (added to the notes).
    """
    w = ctx.require("workout", workout_id)
    if w["status"] != "planned":
        raise ToolError(f"Workout {workout_id} is '{w['status']}'; only planned workouts can be skipped.")
    notes = (w["notes"] + "\n" if w["notes"] else "") + (
        f"Skipped: {reason.strip()}" if reason.strip() else "Skipped"
    )
    return ctx.update("workout", workout_id, {"status": "skipped", "notes": notes[:2000]})


@bp.action()
def add_exercises_to_workout(
    ctx: ToolContext,
    workout_id: str,
    exercises: Annotated[list[Exercise], Field(min_length=1, max_length=10)],
) -> Workout:
    """Append exercises to a planned {app} workout (at most 20 in all, no duplicate names); returns the
    workout.

    Args:
        workout_id: The planned workout to extend.
        exercises: Exercises to append, each with name, sets, reps and weight_kg.
    """
    w = ctx.require("workout", workout_id)
    if w["status"] != "planned":
        raise ToolError(
            f"Workout {workout_id} is '{w['status']}'; exercises can only be added to planned workouts."
        )
    have = {e["name"].strip().lower() for e in w["exercises"]}
    new = []
    for e in exercises:
        key = e["name"].strip().lower()
        if not key:
            raise ToolError("exercises: an exercise name cannot be blank.")
        if key in have:
            raise ToolError(f"Exercise '{e['name']}' is already in workout {workout_id}.")
        have.add(key)
        new.append({**e, "name": e["name"].strip()})
    if len(w["exercises"]) + len(new) > 20:
        raise ToolError(
            f"Workout {workout_id} would have {len(w['exercises']) + len(new)} exercises; the maximum is 20."
        )
    return ctx.update("workout", workout_id, {"exercises": [*w["exercises"], *new]})


@bp.action()
def duplicate_workout(
    ctx: ToolContext, workout_id: str, scheduled_on: Annotated[str, Field(pattern=DATE)]
) -> Workout:
    """Copy an {app} workout's exercises into a new planned workout on another date; returns the new workout.

    Args:
        workout_id: The workout to copy.
        scheduled_on: Date of the new workout (YYYY-MM-DD), today or later.
    """
    w = ctx.require("workout", workout_id)
    day = parse_day(scheduled_on, "scheduled_on").isoformat()
    if day < ctx.today():
        raise ToolError(f"scheduled_on: {day} is in the past; schedule the copy today or later.")
    clash = ctx.select("workout", "scheduled_on = ? AND name = ? AND status = 'planned'", (day, w["name"]))
    if clash:
        raise ToolError(f"A planned workout '{w['name']}' already exists on {day} ({clash[0]['id']}).")
    return ctx.insert(
        "workout",
        {
            "name": w["name"],
            "sport": w["sport"],
            "scheduled_on": day,
            "exercises": w["exercises"],
            "notes": "",
        },
    )


@bp.action()
def log_activities(
    ctx: ToolContext, activities: Annotated[list[NewActivity], Field(min_length=1, max_length=20)]
) -> ActivityList:
    """Log several {app} activities at once (all or none); rejects future start times and impossible paces.

    Args:
        activities: The activities to log.
    """
    rows = []
    for n, a in enumerate(activities):
        start = parse_day(a["started_at"], f"activities[{n}].started_at", stamp=True).isoformat()
        if start > ctx.today():
            raise ToolError(f"activities[{n}]: start date {start} is in the future.")
        if a["distance_km"] > 0:
            pace = a["duration_min"] / a["distance_km"]
            floor = {"ride": 1.0, "swim": 10.0, "row": 2.5}.get(a["type"], 2.5)
            if pace < floor:
                raise ToolError(
                    f"activities[{n}]: a {a['type']} of {a['distance_km']} km in {a['duration_min']} min "
                    f"is faster than humanly possible."
                )
        rows.append(
            {
                "title": a["title"].strip() or "Activity",
                "type": a["type"],
                "started_at": a["started_at"],
                "distance_km": a["distance_km"],
                "duration_min": a["duration_min"],
                "calories": min(int(a["duration_min"] * 9), 10000),
            }
        )
    return {"activities": [ctx.insert("activity", r) for r in rows]}


@bp.action()
def record_personal_record(
    ctx: ToolContext,
    exercise: ExerciseName,
    value: Annotated[float, Field(gt=0, le=100000)],
    workout_id: str | None = None,
) -> PersonalRecord:
    """Record a new {app} personal record for an exercise; refused unless it beats the current best.

    Args:
        exercise: The exercise or race distance.
        value: Weight in kg, repetitions, or time in seconds, depending on the exercise.
        workout_id: Completed workout where it was set (optional).
    """
    unit = _UNIT[exercise]
    if workout_id:
        w = ctx.require("workout", workout_id)
        if w["status"] != "completed":
            raise ToolError(
                f"Workout {workout_id} is '{w['status']}'; records can only come from completed workouts."
            )
    best = _best(ctx, exercise)
    if best is not None:
        worse = value >= best["value"] if exercise in _LOWER_IS_BETTER else value <= best["value"]
        if worse:
            raise ToolError(
                f"{value:g} {unit} does not beat the current {exercise} record of "
                f"{best['value']:g} {unit} set on {best['achieved_on']}."
            )
    return ctx.insert(
        "personal_record",
        {
            "exercise": exercise,
            "value": value,
            "unit": unit,
            "achieved_on": ctx.today(),
            "workout_id": workout_id or "",
        },
    )


def _best(ctx: ToolContext, exercise: str) -> dict | None:
    rows = ctx.select("personal_record", "exercise = ?", (exercise,))
    if not rows:
        return None
    key = (lambda r: r["value"]) if exercise in _LOWER_IS_BETTER else (lambda r: -r["value"])
    return min(rows, key=lambda r: (key(r), r["achieved_on"]))


@bp.action(read_only=True)
def get_personal_best(ctx: ToolContext, exercise: ExerciseName) -> PersonalRecord:
    """Get the best {app} personal record for an exercise (heaviest, most reps or fastest time).

    Args:
        exercise: The exercise or race distance.
    """
    best = _best(ctx, exercise)
    if best is None:
        raise ToolError(f"No personal record for '{exercise}' yet.")
    return best


@bp.action(read_only=True)
def get_weekly_summary(
    ctx: ToolContext, week_start: Annotated[str, Field(pattern=DATE)] | None = None
) -> WeeklySummary:
    """Summarize one week of {app} training: activity count, distance, minutes, calories and workouts done.

    Args:
        week_start: Any date in the week (YYYY-MM-DD); defaults to the current week.
    """
    day = parse_day(week_start, "week_start") if week_start else date.fromisoformat(ctx.today())
    monday = day - timedelta(days=day.weekday())
    end = monday + timedelta(days=7)
    acts = [a for a in ctx.select("activity") if monday.isoformat() <= a["started_at"][:10] < end.isoformat()]
    by_type: dict[str, int] = {}
    for a in acts:
        by_type[a["type"]] = by_type.get(a["type"], 0) + 1
    done = [
        w
        for w in ctx.select("workout", "status = 'completed'")
        if monday.isoformat() <= w["scheduled_on"] < end.isoformat()
    ]
    return {
        "week_start": monday.isoformat(),
        "activities": len(acts),
        "distance_km": round(sum(a["distance_km"] for a in acts), 2),
        "active_minutes": sum(a["duration_min"] for a in acts) + sum(w["duration_min"] for w in done),
        "calories": sum(a["calories"] for a in acts) + sum(w["calories"] for w in done),
        "by_type": by_type,
        "workouts_completed": len(done),
    }


@bp.action(idempotent=True)
def refresh_goal_progress(ctx: ToolContext, goal_id: str) -> Goal:
    """Recompute an active {app} goal's progress from activities in its period; marks it achieved at target.

    Args:
        goal_id: The goal to refresh.
    """
    g = ctx.require("goal", goal_id)
    if g["status"] == "abandoned":
        raise ToolError(f"Goal '{g['title']}' was abandoned; its progress is no longer tracked.")
    acts = [a for a in ctx.select("activity") if g["starts_on"] <= a["started_at"][:10] <= g["ends_on"]]
    progress = round(sum(_activity_amount(g["metric"], a) for a in acts), 2)
    status = "achieved" if progress >= g["target"] else g["status"]
    return ctx.update("goal", goal_id, {"progress": progress, "status": status})


@bp.action()
def abandon_goal(ctx: ToolContext, goal_id: str) -> Goal:
    """Abandon an active {app} goal so it stops being tracked; achieved goals cannot be abandoned.

    Args:
        goal_id: The goal to abandon.
    """
    g = ctx.require("goal", goal_id)
    if g["status"] != "active":
        raise ToolError(f"Goal '{g['title']}' is '{g['status']}'; only active goals can be abandoned.")
    return ctx.update("goal", goal_id, {"status": "abandoned"})


@bp.action(read_only=True)
def list_goals_at_risk(ctx: ToolContext) -> GoalList:
    """List active {app} goals whose progress lags behind the share of their period already elapsed."""
    today = date.fromisoformat(ctx.today())
    risky = []
    for g in ctx.select("goal", "status = 'active'", order_by="ends_on"):
        start, end = date.fromisoformat(g["starts_on"]), date.fromisoformat(g["ends_on"])
        span = max((end - start).days + 1, 1)
        elapsed = min(max((today - start).days + 1, 0), span) / span
        if g["progress"] / g["target"] < elapsed:
            risky.append(g)
    return {"goals": risky}


@bp.action(idempotent=True)
def set_activities_privacy(
    ctx: ToolContext, activity_ids: Annotated[list[str], Field(min_length=1, max_length=50)], privacy: Privacy
) -> ActivityList:
    """Set who can see several {app} activities at once (all ids must exist); returns the updated activities.

    Args:
        activity_ids: The activities to change.
        privacy: New visibility: public, followers or private.
    """
    for aid in activity_ids:
        ctx.require("activity", aid)
    out = []
    for aid in dict.fromkeys(activity_ids):
        row = ctx.get("activity", aid)
        out.append(row if row["privacy"] == privacy else ctx.update("activity", aid, {"privacy": privacy}))
    return {"activities": out}


@bp.action(read_only=True)
def compare_activities(
    ctx: ToolContext, activity_ids: Annotated[list[str], Field(min_length=2, max_length=5)]
) -> Comparison:
    """Compare 2-5 {app} activities: the longest one, the fastest pace and each one's pace in min/km.

    Args:
        activity_ids: The activities to compare.
    """
    ids = list(dict.fromkeys(activity_ids))
    if len(ids) < 2:
        raise ToolError("activity_ids: give at least two different activities to compare.")
    acts = [ctx.require("activity", i) for i in ids]
    paces = {a["id"]: round(a["duration_min"] / a["distance_km"], 2) for a in acts if a["distance_km"] > 0}
    longest = max(acts, key=lambda a: (a["distance_km"], a["id"]))
    fastest = min(paces, key=lambda k: (paces[k], k)) if paces else ""
    return {
        "activity_ids": ids,
        "longest_id": longest["id"],
        "fastest_id": fastest,
        "paces_min_per_km": paces,
    }


@bp.action(read_only=True)
def get_training_load(ctx: ToolContext, days: Annotated[int, Field(ge=1, le=90)] = 7) -> TrainingLoad:
    """Get {app} training load: moving minutes in the last N days against the N days before, with the change.

    Args:
        days: Window length in days.
    """
    today = date.fromisoformat(ctx.today())
    cut = (today - timedelta(days=days)).isoformat()
    prev = (today - timedelta(days=2 * days)).isoformat()
    acts = ctx.select("activity")
    cur_m = sum(a["duration_min"] for a in acts if cut < a["started_at"][:10] <= today.isoformat())
    prev_m = sum(a["duration_min"] for a in acts if prev < a["started_at"][:10] <= cut)
    done = [
        w
        for w in ctx.select("workout", "status = 'completed'")
        if cut < w["scheduled_on"] <= today.isoformat()
    ]
    cur_m += sum(w["duration_min"] for w in done)
    change = round((cur_m - prev_m) / prev_m * 100, 1) if prev_m else 0.0
    return {
        "days": days,
        "active_minutes": cur_m,
        "previous_active_minutes": prev_m,
        "change_percent": change,
        "workouts_completed": len(done),
    }


_ROUTINES = {
    "Leg day": ("strength", ["squat", "lunges", "leg press", "calf raises"]),
    "Push session": ("strength", ["bench press", "overhead press", "dips", "triceps extension"]),
    "Pull session": ("strength", ["deadlift", "pull-up", "barbell row", "face pulls"]),
    "Tabata blast": ("hiit", ["burpees", "mountain climbers", "jump squats"]),
    "Vinyasa flow": ("yoga", ["sun salutation", "warrior II", "pigeon pose"]),
    "Mobility reset": ("mobility", ["hip openers", "thoracic rotations", "ankle circles"]),
    "Zone 2 cardio": ("cardio", ["rower", "bike intervals"]),
}


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    names = list(_ROUTINES)
    for n in range(24):
        name = names[n % len(names)]
        sport, exs = _ROUTINES[name]
        offset = -21 + n * 2 - rng.randint(0, 1)
        status = "planned" if offset >= -3 else rng.choice(("completed", "completed", "completed", "skipped"))
        if n % 3 == 1 and offset < 0:
            status = "planned"  # a few past planned workouts that can still be completed or skipped
        dur = rng.randint(30, 75) if status == "completed" else 0
        ctx.insert(
            "workout",
            {
                "name": name,
                "sport": sport,
                "scheduled_on": s.date(offset),
                "status": status,
                "duration_min": dur,
                "calories": dur * rng.randint(6, 10),
                "exercises": [
                    {
                        "name": e,
                        "sets": rng.randint(3, 5),
                        "reps": rng.choice((5, 8, 10, 12)),
                        "weight_kg": float(rng.choice((0, 20, 40, 60, 80))) if sport == "strength" else 0.0,
                    }
                    for e in exs
                ],
                "notes": rng.choice(("", "", "Felt strong", "Short on sleep", "Gym was busy")),
                "completed_at": s.at(days=offset, hours=18) if status == "completed" else "",
            },
        )
    kinds = [
        ("run", "Morning run", 5.5),
        ("ride", "Evening ride", 2.4),
        ("swim", "Pool swim", 22.0),
        ("walk", "Lunch walk", 12.0),
        ("hike", "Trail hike", 14.0),
        ("row", "Rowing session", 4.5),
    ]
    for n in range(36):
        typ, title, pace = kinds[rng.choice((0, 0, 0, 1, 1, 2, 3, 4, 5))]
        dist = round(rng.uniform(1.5, 12.0) if typ != "ride" else rng.uniform(15, 60), 2)
        if typ == "swim":
            dist = round(rng.uniform(0.8, 3.0), 2)
        dur = max(1, int(dist * pace * rng.uniform(0.9, 1.15)))
        ctx.insert(
            "activity",
            {
                "title": title,
                "type": typ,
                "started_at": s.at(days=-40 + n, hours=rng.choice((7, 12, 18))),
                "distance_km": dist,
                "duration_min": dur,
                "avg_heart_rate": rng.randint(110, 165),
                "elevation_m": rng.randint(0, 600) if typ in ("hike", "ride", "run") else 0,
                "calories": dur * rng.randint(7, 12),
                "privacy": rng.choice(("public", "followers", "followers", "private")),
            },
        )
    goals = [
        ("Run 100 km in March", "distance_km", 100, 0, 30),
        ("20 activities this month", "activities", 20, -1, 29),
        ("600 active minutes", "active_minutes", 600, -14, 14),
        ("Burn 15,000 kcal", "calories", 15000, -20, 10),
        ("February distance", "distance_km", 60, -29, -2),
        ("Winter consistency", "activities", 25, -60, -2),
        ("Spring ride block", "distance_km", 300, 5, 60),
        ("Quarterly minutes", "active_minutes", 3000, -60, 29),
    ]
    acts = ctx.select("activity")
    for n, (title, metric, target, a, b) in enumerate(goals):
        start, end = s.date(a), s.date(b)
        progress = round(
            sum(_activity_amount(metric, x) for x in acts if start <= x["started_at"][:10] <= end), 2
        )
        status = "achieved" if progress >= target else ("abandoned" if n == 5 else "active")
        ctx.insert(
            "goal",
            {
                "title": title,
                "metric": metric,
                "target": target,
                "progress": progress,
                "starts_on": start,
                "ends_on": end,
                "status": status,
            },
        )
    done = ctx.select("workout", "status = 'completed'")
    for n, ex in enumerate(_UNIT):
        for k in range(2):
            val = {
                "kg": rng.choice((60, 80, 100, 120)) + 10 * k,
                "reps": 8 + 3 * k,
                "seconds": (1500 if ex == "5k run" else 3200 if ex == "10k run" else 90) - 40 * k,
            }[_UNIT[ex]]
            if ex == "plank":
                val = 90 + 30 * k
            ctx.insert(
                "personal_record",
                {
                    "exercise": ex,
                    "value": float(val),
                    "unit": _UNIT[ex],
                    "achieved_on": s.date(-120 + 50 * k + n),
                    "workout_id": done[(n + k) % len(done)]["id"] if done and _UNIT[ex] != "seconds" else "",
                },
            )


bp.product("pulsetrack", "PulseTrack", "Training log for runners and lifters with goals and records.")
bp.product(
    "ironlogr",
    "IronLogr",
    "Strength-first workout planner with personal records.",
    style="camel",
    pagination="cursor",
    drop=("delete_activity", "compare_activities"),
)
bp.product(
    "stridesy",
    "Stridesy",
    "Activity tracker for runs, rides and swims.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("duplicate_workout", "delete_personal_record"),
)
bp.product(
    "kinetiq",
    "Kinetiq",
    "Compact fitness journal.",
    prefix="kinetiq",
    drop=(
        "search_workouts",
        "delete_workout",
        "update_activity",
        "delete_activity",
        "search_activities",
        "delete_goal",
        "delete_personal_record",
        "compare_activities",
        "set_activities_privacy",
        "get_training_load",
    ),
)
bp.product(
    "sweatloop",
    "Sweatloop",
    "Social fitness app with goals, streaks and activity feeds.",
    verbs={"list": "browse", "search": "find"},
    pagination="page",
)
