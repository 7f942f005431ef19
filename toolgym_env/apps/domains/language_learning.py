"""Language learning: courses, lessons, vocabulary decks and cards with spaced review, daily streaks (five
products)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("language learning")

Language = Literal["spanish", "french", "german", "italian", "japanese", "portuguese"]
Grade = Literal["again", "hard", "good", "easy"]
LessonKind = Literal["vocabulary", "grammar", "listening", "speaking"]


class Course(BaseModel):
    id: str = Field(description="Course id.")
    title: str = Field(description="Course title.", min_length=1, max_length=120)
    language: Language = Field(description="Language taught.")
    level: Literal["A1", "A2", "B1", "B2", "C1"] = Field("A1", description="CEFR level.")
    daily_goal_xp: int = Field(30, ge=10, le=500, description="Daily XP goal.")
    reminder_time: str = Field(
        "19:00", description="Daily reminder time (HH:MM).", pattern=r"^([01]\d|2[0-3]):[0-5]\d$"
    )
    status: Literal["active", "paused", "completed"] = Field("active", description="Course status.")


class Lesson(BaseModel):
    id: str = Field(description="Lesson id.")
    course_id: str = Field(description="Course.")
    title: str = Field(description="Lesson title.")
    unit: int = Field(description="Unit number.")
    position: int = Field(description="Order within the course (1 = first).")
    kind: LessonKind = Field("vocabulary", description="Kind of lesson.")
    minutes: int = Field(10, description="Typical duration in minutes.")
    xp: int = Field(10, description="XP earned on completion.")
    status: Literal["locked", "available", "completed"] = Field("locked", description="Lesson status.")
    best_score: int = Field(0, description="Best score (0-100).")
    completed_at: str = Field("", description="When first completed (ISO-8601).")


class Deck(BaseModel):
    id: str = Field(description="Vocabulary deck id.")
    name: str = Field(description="Deck name.", min_length=1, max_length=80)
    language: Language = Field(description="Language of the cards.")
    description: str = Field("", description="What the deck covers.", max_length=500)
    new_cards_per_day: int = Field(10, ge=0, le=200, description="New cards introduced per day.")


class Card(BaseModel):
    id: str = Field(description="Card id.")
    deck_id: str = Field(description="Deck.")
    front: str = Field(description="Word or phrase in the target language.", min_length=1, max_length=200)
    back: str = Field(description="Translation / meaning.", min_length=1, max_length=300)
    example: str = Field("", description="Example sentence.", max_length=500)
    ease: float = Field(2.5, description="Ease factor of the spaced-repetition schedule.")
    interval_days: int = Field(0, description="Days until the next review after the last one.")
    due_on: str = Field("", description="Next review date (YYYY-MM-DD).")
    reviews: int = Field(0, description="Number of reviews.")
    lapses: int = Field(0, description="Times forgotten.")
    suspended: bool = Field(False, description="Suspended cards are never due.")


class StudyDay(BaseModel):
    id: str = Field(description="Study day id.")
    day: str = Field(description="The date (YYYY-MM-DD).")
    xp: int = Field(0, description="XP earned.")
    lessons_completed: int = Field(0, description="Lessons completed.")
    cards_reviewed: int = Field(0, description="Cards reviewed.")
    freeze_used: bool = Field(False, description="Whether a streak freeze covered the day.")


bp.resource(
    Course,
    name="course",
    id_prefix="crs",
    filterable=("language", "status", "level"),
    readonly=("status",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="title",
)
bp.resource(
    Lesson,
    name="lesson",
    id_prefix="les",
    searchable=("title",),
    filterable=("course_id", "status", "kind", "unit"),
    refs={"course_id": "course"},
    ops=("search", "list", "get"),
    order_by="course_id, position",
)
bp.resource(
    Deck,
    name="deck",
    id_prefix="dck",
    searchable=("name", "description"),
    filterable=("language",),
    order_by="name",
)
bp.resource(
    Card,
    name="card",
    id_prefix="crd",
    searchable=("front", "back", "example"),
    filterable=("deck_id", "suspended"),
    refs={"deck_id": "deck"},
    readonly=("ease", "interval_days", "due_on", "reviews", "lapses", "suspended"),
    order_by="due_on",
)
bp.resource(
    StudyDay,
    name="study_day",
    id_prefix="day",
    filterable=("day", "freeze_used"),
    ops=("list", "get"),
    order_by="day DESC",
)


class CardList(BaseModel):
    cards: list[Card] = Field(description="The cards.")


class LessonList(BaseModel):
    lessons: list[Lesson] = Field(description="The lessons.")


class Streak(BaseModel):
    current: int = Field(description="Consecutive days up to today (or yesterday if today is not done yet).")
    longest: int = Field(description="Longest streak on record.")
    today_xp: int = Field(description="XP earned today.")
    freezes_used_last_30_days: int = Field(description="Streak freezes used in the last 30 days (2 allowed).")


class CourseProgress(BaseModel):
    course_id: str = Field(description="The course.")
    completed: int = Field(description="Lessons completed.")
    total: int = Field(description="Lessons in the course.")
    percent: float = Field(description="Percent completed.")
    average_score: float = Field(description="Average best score of completed lessons.")
    next_lesson: Lesson | None = Field(None, description="The next available lesson, if any.")


class NewCard(BaseModel):
    front: str = Field(description="Word or phrase.", min_length=1, max_length=200)
    back: str = Field(description="Translation.", min_length=1, max_length=300)
    example: str = Field("", description="Example sentence.", max_length=500)


class StudyPreferences(BaseModel):
    minutes_per_day: int = Field(20, ge=5, le=240, description="Study time per day in minutes.")
    days: int = Field(7, ge=1, le=14, description="Days to plan.")
    focus: list[LessonKind] = Field(
        default_factory=list, description="Lesson kinds to prefer; empty for all."
    )


class StudyPlan(BaseModel):
    course_id: str = Field(description="The course.")
    days: list[LessonList] = Field(description="Lessons planned for each day, in order.")
    unplanned: int = Field(description="Lessons left for later.")


def _log(ctx: ToolContext, xp: int = 0, lessons: int = 0, cards: int = 0) -> None:
    today = ctx.today()
    found = ctx.select("study_day", "day = ?", (today,))
    if found:
        d = found[0]
        ctx.update(
            "study_day",
            d["id"],
            {
                "xp": d["xp"] + xp,
                "lessons_completed": d["lessons_completed"] + lessons,
                "cards_reviewed": d["cards_reviewed"] + cards,
            },
        )
    else:
        ctx.insert(
            "study_day", {"day": today, "xp": xp, "lessons_completed": lessons, "cards_reviewed": cards}
        )


@bp.action()
def complete_lesson(ctx: ToolContext, lesson_id: str, score: Annotated[int, Field(ge=0, le=100)]) -> Lesson:
    """Record an {app} lesson attempt; a passing score (50+) completes it, earns XP and unlocks the next
    lesson.

    Args:
        lesson_id: The lesson taken.
        score: Score in percent.
    """
    les = ctx.require("lesson", lesson_id)
    course = ctx.require("course", les["course_id"])
    if course["status"] != "active":
        raise ToolError(f"Course {course['title']} is {course['status']}; resume it first.")
    if les["status"] == "locked":
        raise ToolError(f"Lesson '{les['title']}' is locked; complete the lessons before it first.")
    if score < 50:
        raise ToolError(
            f"Score {score} is below the passing mark of 50; lesson '{les['title']}' stays available."
        )
    first = les["status"] != "completed"
    out = ctx.update(
        "lesson",
        lesson_id,
        {
            "status": "completed",
            "best_score": max(score, les["best_score"]),
            "completed_at": les["completed_at"] or ctx.now(),
        },
    )
    nxt = ctx.select(
        "lesson",
        "course_id = ? AND position > ? AND status = 'locked'",
        (les["course_id"], les["position"]),
        order_by="position",
        limit=1,
    )
    if nxt:
        ctx.update("lesson", nxt[0]["id"], {"status": "available"})
    _log(ctx, xp=les["xp"] if first else les["xp"] // 2, lessons=1)
    return out


_Q = {"again": 0, "hard": 3, "good": 4, "easy": 5}


@bp.action()
def review_card(ctx: ToolContext, card_id: str, grade: Grade) -> Card:
    """Grade a due {app} vocabulary card; the spaced-repetition schedule sets when it is due next.

    Args:
        card_id: The card reviewed.
        grade: How well you remembered it.
    """
    card = ctx.require("card", card_id)
    if card["suspended"]:
        raise ToolError(f"Card '{card['front']}' is suspended.")
    today = ctx.today()
    if card["due_on"] and card["due_on"] > today:
        raise ToolError(f"Card '{card['front']}' is not due until {card['due_on']}.")
    q = _Q[grade]
    ease = max(1.3, round(card["ease"] + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02), 2))
    if q == 0:
        interval, lapses = 1, card["lapses"] + 1
    else:
        interval = (
            1
            if card["reviews"] == 0
            else 3
            if card["interval_days"] <= 1
            else round(card["interval_days"] * ease)
        )
        lapses = card["lapses"]
    due = plus_days(today, interval)
    out = ctx.update(
        "card",
        card_id,
        {
            "ease": ease,
            "interval_days": interval,
            "due_on": due,
            "reviews": card["reviews"] + 1,
            "lapses": lapses,
        },
    )
    _log(ctx, xp=1, cards=1)
    return out


@bp.action(read_only=True)
def get_due_cards(
    ctx: ToolContext, deck_id: str | None = None, max_cards: Annotated[int, Field(ge=1, le=200)] = 20
) -> CardList:
    """List {app} cards due for review today (not suspended), most overdue first.

    Args:
        deck_id: Only cards of this deck.
        max_cards: Most cards to return.
    """
    where, params = "suspended = 0 AND due_on <= ?", [ctx.today()]
    if deck_id:
        ctx.require("deck", deck_id)
        where += " AND deck_id = ?"
        params.append(deck_id)
    return {"cards": ctx.select("card", where, tuple(params), order_by="due_on, id", limit=max_cards)}


@bp.action()
def add_cards(
    ctx: ToolContext, deck_id: str, cards: Annotated[list[NewCard], Field(min_length=1, max_length=50)]
) -> CardList:
    """Add several vocabulary cards to an {app} deck (all or none); a front already in the deck is refused.

    Args:
        deck_id: The deck.
        cards: The cards to add.
    """
    ctx.require("deck", deck_id)
    have = {c["front"].strip().lower() for c in ctx.select("card", "deck_id = ?", (deck_id,))}
    for c in cards:
        key = c["front"].strip().lower()
        if not key:
            raise ToolError("cards: a card front cannot be blank.")
        if key in have:
            raise ToolError(f"The deck already has a card '{c['front']}'; nothing was added.")
        have.add(key)
    today = ctx.today()
    return {
        "cards": [
            ctx.insert(
                "card",
                {
                    "deck_id": deck_id,
                    "front": c["front"].strip(),
                    "back": c["back"],
                    "example": c["example"],
                    "due_on": today,
                },
            )
            for c in cards
        ]
    }


@bp.action()
def move_cards(
    ctx: ToolContext, card_ids: Annotated[list[str], Field(min_length=1, max_length=50)], deck_id: str
) -> CardList:
    """Move {app} cards into another deck of the same language (all or none), keeping their review history.

    Args:
        card_ids: The cards to move.
        deck_id: The destination deck.
    """
    deck = ctx.require("deck", deck_id)
    cards = [ctx.require("card", c) for c in dict.fromkeys(card_ids)]
    fronts = {c["front"].lower() for c in ctx.select("card", "deck_id = ?", (deck_id,))}
    for c in cards:
        src = ctx.require("deck", c["deck_id"])
        if c["deck_id"] == deck_id:
            raise ToolError(f"Card '{c['front']}' is already in deck {deck['name']}.")
        if src["language"] != deck["language"]:
            raise ToolError(
                f"Card '{c['front']}' is {src['language']} but deck {deck['name']} is {deck['language']}."
            )
        if c["front"].lower() in fronts:
            raise ToolError(f"Deck {deck['name']} already has a card '{c['front']}'.")
    return {"cards": [ctx.update("card", c["id"], {"deck_id": deck_id}) for c in cards]}


@bp.action(idempotent=True)
def suspend_card(ctx: ToolContext, card_id: str, suspended: bool = True) -> Card:
    """Suspend an {app} card so that it is never due (or unsuspend it); returns the card.

    Args:
        card_id: The card.
        suspended: True to suspend, false to unsuspend.
    """
    card = ctx.require("card", card_id)
    return card if card["suspended"] == suspended else ctx.update("card", card_id, {"suspended": suspended})


@bp.action(destructive=True)
def reset_card(ctx: ToolContext, card_id: str) -> Card:
    """Forget an {app} card's review history so that it starts again as a new card due today.

    Args:
        card_id: The card to reset.
    """
    card = ctx.require("card", card_id)
    if card["reviews"] == 0:
        raise ToolError(f"Card '{card['front']}' has never been reviewed; nothing to reset.")
    return ctx.update(
        "card", card_id, {"ease": 2.5, "interval_days": 0, "due_on": ctx.today(), "reviews": 0, "lapses": 0}
    )


@bp.action(read_only=True)
def get_streak(ctx: ToolContext) -> Streak:
    """Report your {app} streak: current and longest run of study days, today's XP and freezes used."""
    days = {d["day"]: d for d in ctx.select("study_day") if d["xp"] > 0 or d["freeze_used"]}
    today = date.fromisoformat(ctx.today())
    cur, d = 0, today if today.isoformat() in days else today - timedelta(days=1)
    while d.isoformat() in days:
        cur += 1
        d -= timedelta(days=1)
    longest = run = 0
    prev = None
    for k in sorted(days):
        day = date.fromisoformat(k)
        run = run + 1 if prev and (day - prev).days == 1 else 1
        longest, prev = max(longest, run), day
    since = (today - timedelta(days=30)).isoformat()
    freezes = sum(1 for k, v in days.items() if v["freeze_used"] and k >= since)
    t = days.get(today.isoformat())
    return {
        "current": cur,
        "longest": longest,
        "today_xp": t["xp"] if t else 0,
        "freezes_used_last_30_days": freezes,
    }


@bp.action()
def use_streak_freeze(ctx: ToolContext) -> StudyDay:
    """Spend an {app} streak freeze to cover yesterday when you missed it (at most 2 in 30 days).

    Returns the study day created for yesterday.
    """
    today = date.fromisoformat(ctx.today())
    y = (today - timedelta(days=1)).isoformat()
    if ctx.select("study_day", "day = ? AND (xp > 0 OR freeze_used = 1)", (y,)):
        raise ToolError(f"Yesterday ({y}) is already covered; no freeze needed.")
    since = (today - timedelta(days=30)).isoformat()
    used = ctx.world.count(ctx.table("study_day"), "freeze_used = 1 AND day >= ?", (since,))
    if used >= 2:
        raise ToolError("You already used 2 streak freezes in the last 30 days.")
    return ctx.insert("study_day", {"day": y, "freeze_used": True})


@bp.action()
def pause_course(ctx: ToolContext, course_id: str) -> Course:
    """Pause an active {app} course (no lessons can be taken until it is resumed); returns the course.

    Args:
        course_id: The course to pause.
    """
    c = ctx.require("course", course_id)
    if c["status"] != "active":
        raise ToolError(f"Course {c['title']} is {c['status']}; only active courses can be paused.")
    return ctx.update("course", course_id, {"status": "paused"})


@bp.action()
def resume_course(ctx: ToolContext, course_id: str) -> Course:
    """Resume a paused {app} course so that its lessons can be taken again; returns the course.

    Args:
        course_id: The course to resume.
    """
    c = ctx.require("course", course_id)
    if c["status"] != "paused":
        raise ToolError(f"Course {c['title']} is {c['status']}, not paused.")
    return ctx.update("course", course_id, {"status": "active"})


@bp.action(read_only=True)
def get_course_progress(ctx: ToolContext, course_id: str) -> CourseProgress:
    """Show progress through an {app} course: lessons completed, percent, average score and the next lesson.

    Args:
        course_id: The course.
    """
    ctx.require("course", course_id)
    lessons = ctx.select("lesson", "course_id = ?", (course_id,), order_by="position")
    done = [x for x in lessons if x["status"] == "completed"]
    nxt = next((x for x in lessons if x["status"] == "available"), None)
    return {
        "course_id": course_id,
        "completed": len(done),
        "total": len(lessons),
        "percent": round(100 * len(done) / len(lessons), 1) if lessons else 0.0,
        "average_score": round(sum(x["best_score"] for x in done) / len(done), 1) if done else 0.0,
        "next_lesson": nxt,
    }


@bp.action(read_only=True)
def plan_study_week(ctx: ToolContext, course_id: str, preferences: StudyPreferences) -> StudyPlan:
    """Plan the next {app} lessons of a course into days that fit your daily study time and focus.

    Args:
        course_id: The course.
        preferences: Daily minutes, number of days and preferred lesson kinds.
    """
    c = ctx.require("course", course_id)
    if c["status"] == "completed":
        raise ToolError(f"Course {c['title']} is already completed.")
    todo = ctx.select("lesson", "course_id = ? AND status != 'completed'", (course_id,), order_by="position")
    focus = preferences.get("focus") or []
    if focus:
        todo = [x for x in todo if x["kind"] in focus] + [x for x in todo if x["kind"] not in focus]
    budget = preferences.get("minutes_per_day", 20)
    plan = []
    for _ in range(preferences.get("days", 7)):
        day, used = [], 0
        while todo and used + todo[0]["minutes"] <= budget:
            used += todo[0]["minutes"]
            day.append(todo.pop(0))
        plan.append({"lessons": day})
    return {"course_id": course_id, "days": plan, "unplanned": len(todo)}


_COURSES = (
    ("Spanish for Travelers", "spanish", "A2"),
    ("French Foundations", "french", "A1"),
    ("Business German", "german", "B1"),
    ("Japanese Kana & Basics", "japanese", "A1"),
    ("Italian Conversation", "italian", "B1"),
)
_WORDS = {
    "spanish": (
        ("la manzana", "apple"),
        ("el tren", "train"),
        ("la cuenta", "the bill"),
        ("el aeropuerto", "airport"),
        ("la playa", "beach"),
        ("despacio", "slowly"),
        ("el mercado", "market"),
        ("la llave", "key"),
        ("el desayuno", "breakfast"),
        ("barato", "cheap"),
    ),
    "french": (
        ("le pain", "bread"),
        ("la gare", "station"),
        ("l'addition", "the bill"),
        ("demain", "tomorrow"),
        ("la bibliothèque", "library"),
        ("heureux", "happy"),
        ("le fromage", "cheese"),
    ),
    "german": (
        ("die Besprechung", "meeting"),
        ("der Vertrag", "contract"),
        ("die Rechnung", "invoice"),
        ("pünktlich", "on time"),
        ("der Kollege", "colleague"),
        ("die Frist", "deadline"),
    ),
}
_LESSONS = (
    "Greetings",
    "Numbers",
    "At the café",
    "Directions",
    "Past tense",
    "Shopping",
    "Listening: the market",
    "Speaking: introductions",
    "Travel phrases",
    "Review unit",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    for k, (title, lang, level) in enumerate(_COURSES):
        ctx.insert(
            "course",
            {
                "title": title,
                "language": lang,
                "level": level,
                "daily_goal_xp": rng.choice((20, 30, 50)),
                "status": ("active", "active", "paused", "active", "paused")[k],
            },
        )
    for c in ctx.select("course"):
        done = rng.randint(2, 6)
        for i, name in enumerate(_LESSONS):
            status = "completed" if i < done else "available" if i == done else "locked"
            ctx.insert(
                "lesson",
                {
                    "course_id": c["id"],
                    "title": name,
                    "unit": i // 4 + 1,
                    "position": i + 1,
                    "kind": ("vocabulary", "grammar", "listening", "speaking")[i % 4],
                    "minutes": rng.choice((5, 10, 15)),
                    "xp": rng.choice((10, 15, 20)),
                    "status": status,
                    "best_score": rng.randint(60, 100) if status == "completed" else 0,
                    "completed_at": s.at(days=-30 + i * 3) if status == "completed" else "",
                },
            )
    for lang, words in _WORDS.items():
        for suffix in ("core", "extra"):
            deck = ctx.insert(
                "deck",
                {
                    "name": f"{lang.capitalize()} {suffix}",
                    "language": lang,
                    "description": f"{suffix.capitalize()} {lang} vocabulary.",
                    "new_cards_per_day": rng.choice((5, 10, 15)),
                },
            )
            part = words[: len(words) // 2] if suffix == "core" else words[len(words) // 2 :]
            for front, back in part:
                reviews = rng.randint(0, 6)
                ctx.insert(
                    "card",
                    {
                        "deck_id": deck["id"],
                        "front": front,
                        "back": back,
                        "example": s.fake.sentence(nb_words=6) if rng.random() < 0.4 else "",
                        "ease": round(rng.uniform(1.8, 2.8), 2),
                        "interval_days": rng.choice((1, 3, 7, 15)) if reviews else 0,
                        "due_on": s.date(rng.randint(-4, 6)),
                        "reviews": reviews,
                        "lapses": rng.randint(0, 2) if reviews else 0,
                        "suspended": rng.random() < 0.08,
                    },
                )
    for d in range(-20, 1):
        if d in (-1, -9, -14):
            continue  # missed days: yesterday can be covered by a freeze
        ctx.insert(
            "study_day",
            {
                "day": s.date(d),
                "xp": rng.randint(10, 60) if d < 0 else 0,
                "lessons_completed": rng.randint(0, 3),
                "cards_reviewed": rng.randint(0, 25),
                "freeze_used": d == -14,
            },
        )


bp.product("lingofox", "LingoFox", "Bite-sized language courses with flashcards and streaks.")
bp.product(
    "vocabloom",
    "Vocabloom",
    "Vocabulary flashcards with spaced repetition.",
    style="camel",
    pagination="cursor",
    drop=("plan_study_week", "delete_course"),
)
bp.product(
    "parlanta",
    "Parlanta",
    "Structured language courses from A1 to C1.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=("move_cards", "search_decks"),
)
bp.product(
    "wordwyse",
    "Wordwyse",
    "Daily vocabulary drills.",
    prefix="wyse",
    drop=(
        "create_course",
        "update_course",
        "delete_course",
        "search_lessons",
        "plan_study_week",
        "get_course_progress",
        "pause_course",
        "resume_course",
        "move_cards",
        "search_decks",
        "delete_deck",
    ),
)
bp.product(
    "polyglotto",
    "Polyglotto",
    "Learn several languages with lessons, decks and daily goals.",
    verbs={"list": "browse", "create": "add"},
    pagination="page",
    drop=("reset_card",),
)
