"""How people ask for the language-learning actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "complete_lesson": Intent(
        (
            "record that I finished {lesson} with a score of {score}",
            "mark {lesson} as done, I scored {score} percent",
            "log my result of {score} on {lesson}",
            "complete {lesson} with {score} percent",
        ),
        choices={"score": (64, 78, 85, 92, 100)},
        why=(
            "I did it offline on the train",
            "the app crashed before it saved my result",
            "I want the next lesson unlocked",
        ),
        past="completed",
    ),
    "review_card": Intent(
        (
            "grade {card} as {grade}",
            "log the grade {grade} for my review of {card}",
            "rate how well I remembered {card}: {grade}",
            "mark {card} {grade} for today's review",
        ),
        why=(
            "I just went over it on paper",
            "I want its next review scheduled properly",
            "I practised it out loud this morning",
        ),
        past="reviewed",
    ),
    "get_due_cards": Intent(
        (
            "show me which cards in {deck} are due today",
            "list the cards from {deck} I need to review now",
            "check what is due for review in {deck}",
            "find the overdue flashcards in {deck}",
        ),
        report={"cards.0.front": "most overdue card", "cards.0.due_on": "date it was due"},
        why=(
            "I have ten minutes before my bus",
            "I want to clear my reviews before bed",
            "I skipped a couple of days",
        ),
    ),
    "add_cards": Intent(
        (
            "add two cards to {deck}: “la ventana” meaning window and “el cuchillo” meaning knife",
            "put “la ventana” (window) and “el cuchillo” (knife) into {deck} as new cards",
            "create cards in {deck} for “la ventana”, window, and “el cuchillo”, knife",
            "save “la ventana” = window and “el cuchillo” = knife as new flashcards in {deck}",
        ),
        args={
            "cards": [
                {"front": "la ventana", "back": "window", "example": ""},
                {"front": "el cuchillo", "back": "knife", "example": ""},
            ]
        },
        why=(
            "I kept forgetting these words in class",
            "they came up in a podcast I listened to",
            "my tutor told me to learn them",
        ),
        past="added",
    ),
    "move_cards": Intent(
        (
            "move {cards} into {deck}",
            "shift {cards} over to {deck}",
            "transfer {cards} to {deck}",
            "put {cards} in {deck} instead",
        ),
        why=(
            "they belong with the rest of that vocabulary",
            "I am reorganizing my decks",
            "they were filed in the wrong deck",
        ),
        past="moved",
    ),
    "suspend_card": Intent(
        (
            "suspend {card}",
            "stop showing {card} in my reviews",
            "take {card} out of my review rotation",
            "put {card} on ice so it never comes up",
        ),
        args={"suspended": True},
        why=(
            "I already know that word cold",
            "the translation on it is wrong and I will fix it later",
            "it keeps coming up too often",
        ),
        past="suspended",
    ),
    "reset_card": Intent(
        (
            "reset {card}",
            "wipe the review history of {card}",
            "start {card} over as a new card",
            "make {card} new again and forget my past reviews",
        ),
        why=(
            "I have completely forgotten it",
            "I kept guessing it right by luck",
            "I want to relearn it properly",
        ),
        past="reset",
    ),
    "get_streak": Intent(
        (
            "check my current study streak",
            "tell me how long my streak is",
            "look up my streak and today's XP",
            "see how many days in a row I have studied",
        ),
        report={
            "current": "current streak in days",
            "longest": "longest streak",
            "today_xp": "XP earned today",
        },
        why=(
            "I want to know if I am close to my record",
            "I am not sure yesterday counted",
            "a friend challenged me",
        ),
    ),
    "use_streak_freeze": Intent(
        (
            "use a streak freeze for yesterday",
            "spend a freeze to cover the day I missed yesterday",
            "apply a streak freeze so yesterday counts",
            "protect my streak with a freeze for yesterday",
        ),
        why=("I was sick yesterday", "I was travelling and had no signal", "I forgot to practise last night"),
        past="covered",
    ),
    "pause_course": Intent(
        (
            "pause {course}",
            "put {course} on hold",
            "freeze my progress in {course} for now",
            "take a break from {course}",
        ),
        why=("I have exams coming up", "I want to focus on one language at a time", "I am going on holiday"),
        past="paused",
    ),
    "resume_course": Intent(
        ("resume {course}", "pick {course} back up", "unpause {course}", "start studying {course} again"),
        why=(
            "my exams are over",
            "I have a trip coming up and need to practise",
            "I have more free time now",
        ),
        past="resumed",
    ),
    "get_course_progress": Intent(
        (
            "show me how far I am through {course}",
            "check my progress in {course}",
            "how much of {course} have I completed",
            "look up where I stand in {course}",
        ),
        report={
            "percent": "percent complete",
            "average_score": "average score",
            "next_lesson.title": "next lesson",
        },
        why=(
            "I want to know when I will finish",
            "my teacher asked about my progress",
            "I am deciding whether to move up a level",
        ),
    ),
    "plan_study_week": Intent(
        (
            "plan my next 7 days of {course} at 30 minutes a day, speaking and listening lessons first",
            "work out a week of {course} lessons for me, 30 minutes daily, favouring speaking and listening",
            (
                "lay out 7 days of {course} that fit in half an hour a day, with speaking and "
                "listening prioritized"
            ),
            (
                "schedule {course} for the coming week, 30 minutes each day, putting "
                "speaking and listening first"
            ),
        ),
        args={"preferences": {"minutes_per_day": 30, "days": 7, "focus": ["speaking", "listening"]}},
        report={"days.0.lessons.0.title": "first lesson planned", "unplanned": "lessons left for later"},
        why=(
            "my conversation class starts next month",
            "I want a routine I can stick to",
            "I only have half an hour after work",
        ),
    ),
}
