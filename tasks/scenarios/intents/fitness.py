"""How people ask for the fitness-tracking actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "complete_workout": Intent(
        (
            "mark {workout} as done: {duration_min} minutes and {calories} calories",
            "log {workout} as completed, it took {duration_min} minutes and burned {calories} kcal",
            "record that I finished {workout} in {duration_min} minutes, {calories} calories burned",
            "tick off {workout} with {duration_min} minutes and {calories} calories",
        ),
        choices={"duration_min": (35, 45, 60, 75), "calories": (280, 350, 420, 510)},
        why=(
            "I just got back from the gym",
            "I forgot to log it yesterday",
            "I want my weekly stats to be right",
        ),
        past="completed",
    ),
    "skip_workout": Intent(
        (
            "skip {workout} and note {reason}",
            "mark {workout} as skipped because of {reason}",
            "drop {workout} this time, reason: {reason}",
            "record {workout} as skipped, noting {reason}",
        ),
        choices={"reason": ("a sore lower back", "a late meeting at work", "a cold", "travelling for work")},
        why=("I can't make it today", "I need a rest day"),
        past="skipped",
    ),
    "add_exercises_to_workout": Intent(
        (
            "add hip thrusts (3x10 at 60 kg) and farmer's carries (3x12 at 24 kg) to {workout}",
            "put two more exercises into {workout}: hip thrust 3 sets of 10 at 60 kg and farmer's carry "
            "3 sets of 12 at 24 kg",
            "extend {workout} with 3x10 hip thrusts at 60 kg and 3x12 farmer's carries at 24 kg",
            "append hip thrust (60 kg, 3 sets of 10) and farmer's carry (24 kg, 3 sets of 12) to {workout}",
        ),
        args={
            "exercises": [
                {"name": "hip thrust", "sets": 3, "reps": 10, "weight_kg": 60},
                {"name": "farmer's carry", "sets": 3, "reps": 12, "weight_kg": 24},
            ]
        },
        why=("my coach wants more posterior-chain work", "the session felt too short last time"),
        past="extended",
    ),
    "duplicate_workout": Intent(
        (
            "copy {workout} to {scheduled_on}",
            "schedule {workout} again on {scheduled_on}",
            "repeat {workout} on {scheduled_on} with the same exercises",
            "make a copy of {workout} planned for {scheduled_on}",
        ),
        choices={"scheduled_on": ("2026-03-05", "2026-03-09", "2026-03-12")},
        why=("it worked really well", "I want to repeat it next week", "I am building a routine around it"),
        past="copied",
    ),
    "log_activities": Intent(
        (
            "log my 2026-03-01 outings: a 5 km Morning run at 07:30 taking 28 minutes and a 3 km Cooldown "
            "walk at 12:15 taking 40 minutes",
            "add two activities from 2026-03-01: Morning run, 5 km in 28 min starting 07:30, and Cooldown "
            "walk, 3 km in 40 min starting 12:15",
            (
                "record my 2026-03-01 Morning run (5 km, 28 minutes, 07:30) and Cooldown walk (3 "
                "km, 40 minutes, 12:15)"
            ),
            "enter the 5 km Morning run (28 min) and the 3 km Cooldown walk (40 min) I did on 2026-03-01",
        ),
        args={
            "activities": [
                {
                    "title": "Morning run",
                    "type": "run",
                    "started_at": "2026-03-01T07:30:00Z",
                    "distance_km": 5,
                    "duration_min": 28,
                },
                {
                    "title": "Cooldown walk",
                    "type": "walk",
                    "started_at": "2026-03-01T12:15:00Z",
                    "distance_km": 3,
                    "duration_min": 40,
                },
            ]
        },
        why=("my watch didn't sync", "I did them without my phone"),
        past="logged",
    ),
    "record_personal_record": Intent(
        (
            "log a new {exercise} personal record of {value} kg",
            "save {value} kg as my new {exercise} PR",
            "record that I hit {value} kg on the {exercise}, a new best",
            "set my {exercise} record to {value} kg",
        ),
        choices={
            "exercise": ("bench press", "squat", "deadlift", "overhead press"),
            "value": (135, 140, 150),
        },
        why=(
            "I finally broke my old best",
            "I want to track my strength gains",
            "my training partner saw it",
        ),
        past="recorded",
    ),
    "get_personal_best": Intent(
        (
            "look up my best {exercise}",
            "tell me my personal record for {exercise}",
            "check what my {exercise} PR is",
            "find my top {exercise} result",
        ),
        choices={"exercise": ("bench press", "squat", "deadlift", "pull-up", "5k run", "plank")},
        report={"value": "personal best", "unit": "unit", "achieved_on": "date it was set"},
        why=("I am planning my next training block", "a friend asked me", "I want to know what to aim for"),
    ),
    "get_weekly_summary": Intent(
        (
            "summarize my training for the week of {week_start}",
            "show me how the week of {week_start} went",
            "give me the weekly totals for the week starting {week_start}",
            "pull up the training summary for the week of {week_start}",
        ),
        choices={"week_start": ("2026-02-09", "2026-02-16", "2026-02-23")},
        report={
            "activities": "number of activities",
            "distance_km": "total distance (km)",
            "active_minutes": "active minutes",
        },
        why=("I am reviewing my month", "my coach asked for my numbers"),
    ),
    "refresh_goal_progress": Intent(
        (
            "update the progress on {goal}",
            "recalculate {goal} from my activities",
            "refresh where I stand on {goal}",
            "bring {goal} up to date",
        ),
        report={"progress": "progress so far", "status": "goal status"},
        why=("I logged some activities late", "I think I may have hit it already", "the number looks stale"),
        past="refreshed",
    ),
    "abandon_goal": Intent(
        ("abandon {goal}", "give up on {goal}", "stop tracking {goal}", "drop {goal} for good"),
        why=("I got injured", "it was far too ambitious", "my priorities changed"),
        past="abandoned",
    ),
    "list_goals_at_risk": Intent(
        (
            "find the goals I am falling behind on",
            "check which of my active goals are at risk",
            "list the goals where my progress is lagging",
            "show me which goals I might miss",
        ),
        report={"goals.0.title": "goal at risk ending soonest", "goals.0.progress": "its progress so far"},
        why=("I want to plan the rest of the month", "I need some motivation"),
    ),
    "set_activities_privacy": Intent(
        (
            "make {activitys} {privacy}",
            "set the visibility of {activitys} to {privacy}",
            "change {activitys} so they are {privacy}",
            "switch {activitys} to {privacy}",
        ),
        choices={"privacy": ("public", "private")},
        why=("they show where I live", "I want my club to see them", "I am cleaning up my profile"),
        past="updated",
    ),
    "compare_activities": Intent(
        (
            "compare {activitys}",
            "put {activitys} side by side",
            "tell me which of {activitys} was longest and fastest",
            "check the paces of {activitys} against each other",
        ),
        report={"longest_id": "longest activity", "fastest_id": "fastest activity"},
        why=("I want to see if I am getting faster", "I am choosing a route for race day"),
    ),
    "get_training_load": Intent(
        (
            "check my training load over the last {days} days",
            "compare my last {days} days of training with the {days} before",
            "show me how my active minutes for the past {days} days have changed",
            "tell me if I trained more or less in the last {days} days",
        ),
        choices={"days": (7, 14, 28)},
        report={"active_minutes": "active minutes", "change_percent": "change (%)"},
        why=("I don't want to ramp up too fast", "I felt tired this week", "my race is coming up"),
    ),
}
