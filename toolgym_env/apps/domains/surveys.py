"""Forms and surveys: forms, questions, responses and generated reports (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("forms and surveys")

FormStatus = Literal["draft", "open", "closed"]
QuestionKind = Literal["short_text", "long_text", "single_choice", "multi_choice", "rating", "number"]
AnswerValue = str | float | list[str]
_CHOICE = ("single_choice", "multi_choice")


class Form(BaseModel):
    id: str = Field(description="Form id.")
    title: str = Field(description="Form title.", min_length=1, max_length=150)
    description: str = Field("", description="Intro text shown to respondents.", max_length=2000)
    owner_email: str = Field("", description="Email of the form owner.", max_length=200)
    status: FormStatus = Field("draft", description="Whether the form accepts responses.")
    anonymous: bool = Field(
        False, description="When true, respondent emails are not recorded and repeats are allowed."
    )
    max_responses: int = Field(0, ge=0, le=100000, description="Response cap; 0 means unlimited.")
    closes_on: str = Field("", description="Last day to respond (YYYY-MM-DD); empty for no deadline.")
    created_at: str = Field("", description="When the form was created (ISO-8601).")


class Question(BaseModel):
    id: str = Field(description="Question id.")
    form_id: str = Field(description="Form the question belongs to.")
    position: int = Field(0, ge=0, le=500, description="Order on the form, 0 = first.")
    prompt: str = Field(description="Question text.", min_length=1, max_length=500)
    kind: QuestionKind = Field("short_text", description="Answer type.")
    options: list[str] = Field(default_factory=list, description="Choices for single/multi choice questions.")
    required: bool = Field(False, description="Whether an answer is mandatory.")


class Answer(BaseModel):
    question_id: str = Field(description="The question answered.")
    value: AnswerValue = Field(description="Text, number (ratings 1-5) or list of chosen options.")


class Response(BaseModel):
    id: str = Field(description="Response id.")
    form_id: str = Field(description="Form responded to.")
    respondent_email: str = Field(
        "", description="Email of the respondent; empty on anonymous forms.", max_length=200
    )
    status: Literal["complete", "partial"] = Field(
        "complete", description="Whether all required questions were answered."
    )
    answers: list[Answer] = Field(default_factory=list, description="Answers given.")
    submitted_at: str = Field("", description="When it was submitted (ISO-8601).")


class QuestionSummary(BaseModel):
    question_id: str = Field(description="The question.")
    prompt: str = Field(description="Its text.")
    answered: int = Field(description="Responses answering it.")
    average: float | None = Field(
        None, description="Mean of numeric answers; null for text/choice questions."
    )
    top_option: str = Field("", description="Most chosen option of a choice question; empty otherwise.")


class Report(BaseModel):
    id: str = Field(description="Report id.")
    form_id: str = Field(description="Form the report covers.")
    title: str = Field(description="Report title.", max_length=150)
    response_count: int = Field(0, ge=0, description="Complete responses included.")
    completion_rate: float = Field(
        0.0, ge=0, le=100, description="Share of responses that are complete, in percent."
    )
    questions: list[QuestionSummary] = Field(default_factory=list, description="Per-question results.")
    generated_at: str = Field("", description="When the report was generated (ISO-8601).")


bp.resource(
    Form,
    name="form",
    id_prefix="frm",
    searchable=("title", "description"),
    filterable=("status", "owner_email", "anonymous"),
    readonly=("status",),
    order_by="created_at DESC",
)
bp.resource(
    Question,
    name="question",
    id_prefix="q",
    searchable=("prompt",),
    filterable=("form_id", "kind", "required"),
    refs={"form_id": "form"},
    readonly=("position",),
    ops=("search", "list", "get", "create", "update", "delete"),
    order_by="position",
)
bp.resource(
    Response,
    name="response",
    id_prefix="rsp",
    filterable=("form_id", "respondent_email", "status"),
    refs={"form_id": "form"},
    ops=("list", "get", "delete"),
    order_by="submitted_at DESC",
)
bp.resource(
    Report,
    name="report",
    id_prefix="rpt",
    searchable=("title",),
    filterable=("form_id",),
    refs={"form_id": "form"},
    ops=("search", "list", "get", "delete"),
    order_by="generated_at DESC",
)


class NewQuestion(BaseModel):
    prompt: str = Field(description="Question text.", min_length=1, max_length=500)
    kind: QuestionKind = Field("short_text", description="Answer type.")
    options: list[str] = Field(default_factory=list, description="Choices (choice questions only).")
    required: bool = Field(False, description="Whether an answer is mandatory.")


class QuestionList(BaseModel):
    questions: list[Question] = Field(description="The questions.")


class QuestionStats(BaseModel):
    question_id: str = Field(description="The question.")
    answered: int = Field(description="Responses answering it.")
    skipped: int = Field(description="Responses leaving it blank.")
    distribution: dict[str, int] = Field(
        description="Count per option or per rating value (choice/rating questions)."
    )
    average: float | None = Field(description="Mean of numeric answers; null when not numeric.")


class FormSummary(BaseModel):
    form_id: str = Field(description="The form.")
    status: FormStatus = Field(description="Form status.")
    questions: int = Field(description="Number of questions.")
    responses: int = Field(description="All responses.")
    complete: int = Field(description="Complete responses.")
    completion_rate: float = Field(description="Complete share, in percent.")
    remaining_capacity: int | None = Field(description="Responses left before the cap; null when unlimited.")
    last_response_at: str = Field(description="Latest submission; empty when none.")


class NonRespondents(BaseModel):
    form_id: str = Field(description="The form.")
    missing: list[str] = Field(description="Emails that have not responded.")


class FormList(BaseModel):
    forms: list[Form] = Field(description="The forms.")


class ResponseList(BaseModel):
    responses: list[Response] = Field(description="The responses.")


_MOVES = {"draft": ("open",), "open": ("closed",), "closed": ("open",)}


def _draft_form(ctx: ToolContext, form_id: str) -> dict:
    form = ctx.require("form", form_id)
    if form["status"] == "closed":
        raise ToolError(f"Form '{form['title']}' is closed; reopen it before changing its questions.")
    return form


def _check_question(prompt: str, kind: str, options: list[str]) -> list[str]:
    opts = [o.strip() for o in options if o.strip()]
    if kind in _CHOICE:
        if len(opts) < 2:
            raise ToolError(f"Question '{prompt[:60]}' is a {kind} question and needs at least 2 options.")
        if len({o.lower() for o in opts}) != len(opts):
            raise ToolError(f"Question '{prompt[:60]}' has duplicate options.")
        return opts
    return []


@bp.action()
def set_form_status(ctx: ToolContext, form_id: str, status: FormStatus) -> Form:
    """Open, close or reopen an {app} form; opening needs at least one question and a deadline not passed.

    Args:
        form_id: The form to change.
        status: 'open' to accept responses, 'closed' to stop.
    """
    form = ctx.require("form", form_id)
    if form["status"] == status:
        raise ToolError(f"Form '{form['title']}' is already '{status}'.")
    if status not in _MOVES[form["status"]]:
        raise ToolError(
            f"Cannot move form '{form['title']}' from '{form['status']}' to '{status}'; "
            f"allowed: {', '.join(_MOVES[form['status']])}."
        )
    if status == "open":
        qs = ctx.select("question", "form_id = ?", (form_id,))
        if not qs:
            raise ToolError(f"Form '{form['title']}' has no questions; add one before opening it.")
        if form["closes_on"] and form["closes_on"] < ctx.today():
            raise ToolError(
                f"Form '{form['title']}' closed on {form['closes_on']}; extend the deadline first."
            )
    return ctx.update("form", form_id, {"status": status})


@bp.action()
def extend_deadline(
    ctx: ToolContext,
    form_id: str,
    closes_on: Annotated[str, Field(pattern=r"^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$")],
) -> Form:
    """Move an {app} form's response deadline later; the new date must be in the future and after the old one.

    Args:
        form_id: The form.
        closes_on: New last day to respond (YYYY-MM-DD).
    """
    form = ctx.require("form", form_id)
    if closes_on <= ctx.today():
        raise ToolError(f"closes_on: {closes_on} is not in the future (today is {ctx.today()}).")
    if form["closes_on"] and closes_on <= form["closes_on"]:
        raise ToolError(f"closes_on: {closes_on} is not later than the current deadline {form['closes_on']}.")
    return ctx.update("form", form_id, {"closes_on": closes_on})


@bp.action()
def submit_response(
    ctx: ToolContext,
    form_id: str,
    answers: Annotated[list[Answer], Field(min_length=1, max_length=100)],
    respondent_email: Annotated[str | None, Field(max_length=200)] = None,
) -> Response:
    """Submit a response to an open {app} form; answers are validated against each question's type and
    options.

    Args:
        form_id: The form to respond to.
        answers: Answers, each with question_id and value.
        respondent_email: Respondent's email (required unless the form is anonymous).
    """
    form = ctx.require("form", form_id)
    if form["status"] != "open":
        raise ToolError(f"Form '{form['title']}' is '{form['status']}' and does not accept responses.")
    if form["closes_on"] and form["closes_on"] < ctx.today():
        raise ToolError(f"Form '{form['title']}' closed on {form['closes_on']}.")
    existing = ctx.select("response", "form_id = ?", (form_id,))
    if form["max_responses"] and len(existing) >= form["max_responses"]:
        raise ToolError(f"Form '{form['title']}' reached its cap of {form['max_responses']} responses.")
    email = ""
    if not form["anonymous"]:
        email = (respondent_email or "").strip().lower()
        if "@" not in email:
            raise ToolError("respondent_email: this form is not anonymous; give the respondent's email.")
        if any(r["respondent_email"] == email for r in existing):
            raise ToolError(f"{email} already responded to '{form['title']}'.")
    questions = {q["id"]: q for q in ctx.select("question", "form_id = ?", (form_id,))}
    clean = []
    for a in answers:
        q = questions.get(a["question_id"])
        if q is None:
            raise ToolError(f"answers: question '{a['question_id']}' is not on form '{form['title']}'.")
        v = a["value"]
        if q["kind"] == "rating" and not (isinstance(v, (int, float)) and 1 <= v <= 5):
            raise ToolError(f"answers: '{q['prompt'][:60]}' takes a rating from 1 to 5.")
        if q["kind"] == "number" and not isinstance(v, (int, float)):
            raise ToolError(f"answers: '{q['prompt'][:60]}' takes a number.")
        if q["kind"] == "single_choice" and v not in q["options"]:
            raise ToolError(
                f"answers: '{v}' is not an option of '{q['prompt'][:60]}'; options: "
                f"{', '.join(q['options'])}."
            )
        if q["kind"] == "multi_choice" and not (isinstance(v, list) and v and set(v) <= set(q["options"])):
            raise ToolError(
                f"answers: '{q['prompt'][:60]}' takes a list of options among: {', '.join(q['options'])}."
            )
        if q["kind"] in ("short_text", "long_text") and not isinstance(v, str):
            raise ToolError(f"answers: '{q['prompt'][:60]}' takes text.")
        clean.append({"question_id": q["id"], "value": v})
    given = {a["question_id"] for a in clean}
    missing = [q for q in questions.values() if q["required"] and q["id"] not in given]
    return ctx.insert(
        "response",
        {
            "form_id": form_id,
            "respondent_email": email,
            "answers": clean,
            "status": "partial" if missing else "complete",
            "submitted_at": ctx.now(),
        },
    )


@bp.action()
def bulk_add_questions(
    ctx: ToolContext,
    form_id: str,
    questions: Annotated[list[NewQuestion], Field(min_length=1, max_length=30)],
) -> QuestionList:
    """Append several questions to an {app} form that is not closed (all or none); options apply to choice
    kinds only.

    Args:
        form_id: The form to extend.
        questions: Questions to add (prompt, kind, options, required).
    """
    _draft_form(ctx, form_id)
    checked = [_check_question(q["prompt"], q["kind"], q["options"]) for q in questions]
    start = len(ctx.select("question", "form_id = ?", (form_id,)))
    made = [
        ctx.insert(
            "question",
            {
                "form_id": form_id,
                "position": start + i,
                "prompt": q["prompt"],
                "kind": q["kind"],
                "options": opts,
                "required": q["required"],
            },
        )
        for i, (q, opts) in enumerate(zip(questions, checked))
    ]
    return {"questions": made}


@bp.action()
def move_question(
    ctx: ToolContext, question_id: str, position: Annotated[int, Field(ge=0, le=100)]
) -> QuestionList:
    """Move an {app} question to another position on its form (not closed); returns the questions in order.

    Args:
        question_id: The question to move.
        position: New position, 0 = first; a position past the end moves it last.
    """
    q = ctx.require("question", question_id)
    _draft_form(ctx, q["form_id"])
    qs = ctx.select("question", "form_id = ?", (q["form_id"],), order_by="position")
    position = min(position, len(qs) - 1)
    order = [x for x in qs if x["id"] != question_id]
    order.insert(position, q)
    for i, x in enumerate(order):
        if x["position"] != i:
            ctx.update("question", x["id"], {"position": i})
    return {"questions": ctx.select("question", "form_id = ?", (q["form_id"],), order_by="position")}


@bp.action(idempotent=True)
def add_question_options(
    ctx: ToolContext,
    question_id: str,
    options: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=100)]], Field(min_length=1, max_length=20)
    ],
) -> Question:
    """Add choices to an {app} choice question; options already present are skipped.

    Args:
        question_id: The choice question.
        options: Options to add.
    """
    q = ctx.require("question", question_id)
    if q["kind"] not in _CHOICE:
        raise ToolError(
            f"Question '{q['prompt'][:60]}' is '{q['kind']}'; only choice questions have options."
        )
    form = ctx.require("form", q["form_id"])
    if form["status"] == "closed":
        raise ToolError(f"Form '{form['title']}' is closed; its questions cannot change.")
    have = {o.lower() for o in q["options"]}
    new = []
    for o in options:
        o = o.strip()
        if o and o.lower() not in have:
            have.add(o.lower())
            new.append(o)
    if not new:
        return q
    return ctx.update("question", question_id, {"options": [*q["options"], *new]})


@bp.action()
def duplicate_form(
    ctx: ToolContext, form_id: str, title: Annotated[str, Field(min_length=1, max_length=150)]
) -> Form:
    """Copy an {app} form and its questions into a new draft form owned by you (responses are not copied).

    Args:
        form_id: The form to copy.
        title: Title of the copy.
    """
    form = ctx.require("form", form_id)
    if ctx.select("form", "title = ?", (title,)):
        raise ToolError(f"A form titled '{title}' already exists.")
    copy = ctx.insert(
        "form",
        {
            "title": title,
            "description": form["description"],
            "owner_email": ctx.user.email,
            "status": "draft",
            "anonymous": form["anonymous"],
            "max_responses": form["max_responses"],
            "closes_on": "",
            "created_at": ctx.now(),
        },
    )
    for q in ctx.select("question", "form_id = ?", (form_id,), order_by="position"):
        ctx.insert(
            "question",
            {k: q[k] for k in ("position", "prompt", "kind", "options", "required")}
            | {"form_id": copy["id"]},
        )
    return copy


def _summaries(questions: list[dict], responses: list[dict]) -> list[dict]:
    out = []
    for q in questions:
        vals = [a["value"] for r in responses for a in r["answers"] if a["question_id"] == q["id"]]
        nums = [v for v in vals if isinstance(v, (int, float)) and not isinstance(v, bool)]
        counts: dict[str, int] = {}
        for v in vals:
            for o in v if isinstance(v, list) else [v] if q["kind"] in _CHOICE else []:
                counts[o] = counts.get(o, 0) + 1
        top = min(counts, key=lambda o: (-counts[o], o)) if counts else ""
        out.append(
            {
                "question_id": q["id"],
                "prompt": q["prompt"],
                "answered": len(vals),
                "average": round(sum(nums) / len(nums), 2)
                if nums and q["kind"] in ("rating", "number")
                else None,
                "top_option": top,
            }
        )
    return out


@bp.action()
def generate_report(
    ctx: ToolContext, form_id: str, title: Annotated[str, Field(max_length=150)] = ""
) -> Report:
    """Generate and store an {app} report of a form's complete responses: per-question averages and top
    options.

    Args:
        form_id: The form to report on.
        title: Report title; defaults to the form title with the date.
    """
    form = ctx.require("form", form_id)
    all_r = ctx.select("response", "form_id = ?", (form_id,))
    done = [r for r in all_r if r["status"] == "complete"]
    if not done:
        raise ToolError(f"Form '{form['title']}' has no complete responses to report on.")
    qs = ctx.select("question", "form_id = ?", (form_id,), order_by="position")
    return ctx.insert(
        "report",
        {
            "form_id": form_id,
            "title": title or f"{form['title']} — {ctx.today()}",
            "response_count": len(done),
            "completion_rate": round(100.0 * len(done) / len(all_r), 1),
            "questions": _summaries(qs, done),
            "generated_at": ctx.now(),
        },
    )


@bp.action(read_only=True)
def get_question_stats(ctx: ToolContext, question_id: str) -> QuestionStats:
    """Show how an {app} question was answered: answered vs skipped, distribution of options or ratings,
    average.

    Args:
        question_id: The question to analyze.
    """
    q = ctx.require("question", question_id)
    responses = ctx.select("response", "form_id = ?", (q["form_id"],))
    vals = [a["value"] for r in responses for a in r["answers"] if a["question_id"] == question_id]
    dist: dict[str, int] = {}
    if q["kind"] in (*_CHOICE, "rating"):
        for v in vals:
            for o in v if isinstance(v, list) else [v]:
                key = str(int(o)) if isinstance(o, float) and o.is_integer() else str(o)
                dist[key] = dist.get(key, 0) + 1
    nums = [v for v in vals if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return {
        "question_id": question_id,
        "answered": len(vals),
        "skipped": len(responses) - len(vals),
        "distribution": dist,
        "average": round(sum(nums) / len(nums), 2) if nums else None,
    }


@bp.action(read_only=True)
def get_form_summary(ctx: ToolContext, form_id: str) -> FormSummary:
    """Summarize an {app} form: questions, responses, completion rate and remaining response capacity.

    Args:
        form_id: The form to summarize.
    """
    form = ctx.require("form", form_id)
    rs = ctx.select("response", "form_id = ?", (form_id,))
    done = sum(1 for r in rs if r["status"] == "complete")
    return {
        "form_id": form_id,
        "status": form["status"],
        "questions": ctx.world.count(ctx.table("question"), "form_id = ?", (form_id,)),
        "responses": len(rs),
        "complete": done,
        "completion_rate": round(100.0 * done / len(rs), 1) if rs else 0.0,
        "remaining_capacity": max(form["max_responses"] - len(rs), 0) if form["max_responses"] else None,
        "last_response_at": max((r["submitted_at"] for r in rs), default=""),
    }


@bp.action(read_only=True)
def find_nonrespondents(
    ctx: ToolContext,
    form_id: str,
    emails: Annotated[list[Annotated[str, Field(max_length=200)]], Field(min_length=1, max_length=200)],
) -> NonRespondents:
    """Check which of the given people have not yet responded to an {app} form (for reminders).

    Args:
        form_id: The form.
        emails: Emails of the people invited.
    """
    form = ctx.require("form", form_id)
    if form["anonymous"]:
        raise ToolError(f"Form '{form['title']}' is anonymous; respondents cannot be identified.")
    done = {r["respondent_email"] for r in ctx.select("response", "form_id = ?", (form_id,))}
    missing = sorted({e.strip().lower() for e in emails if e.strip()} - done)
    return {"form_id": form_id, "missing": missing}


@bp.action(idempotent=True)
def set_question_required(ctx: ToolContext, question_id: str, required: bool) -> Question:
    """Make an {app} question mandatory or optional; a closed form's questions cannot change.

    Args:
        question_id: The question.
        required: True to make an answer mandatory.
    """
    q = ctx.require("question", question_id)
    _draft_form(ctx, q["form_id"])
    if q["required"] == required:
        return q
    return ctx.update("question", question_id, {"required": required})


@bp.action(read_only=True)
def list_forms_closing_soon(ctx: ToolContext, days: Annotated[int, Field(ge=1, le=365)] = 14) -> FormList:
    """List open {app} forms whose deadline falls within the next days, soonest deadline first.

    Args:
        days: How many days ahead to look.
    """
    until = plus_days(ctx.today(), days)
    return {
        "forms": ctx.select(
            "form",
            "status = 'open' AND closes_on != '' AND closes_on >= ? AND closes_on <= ?",
            (ctx.today(), until),
            order_by="closes_on",
        )
    }


@bp.action(destructive=True)
def purge_partial_responses(ctx: ToolContext, form_id: str) -> ResponseList:
    """Delete every partial (incomplete) response of an {app} form and return what was deleted.

    Args:
        form_id: The form to clean up.
    """
    form = ctx.require("form", form_id)
    partial = ctx.select("response", "form_id = ? AND status = 'partial'", (form_id,))
    if not partial:
        raise ToolError(f"Form '{form['title']}' has no partial responses.")
    for r in partial:
        ctx.delete("response", r["id"])
    return {"responses": partial}


_FORMS = (
    (
        "Employee engagement survey",
        [
            ("How satisfied are you with your role?", "rating", []),
            (
                "Which benefits matter most?",
                "multi_choice",
                ["Health", "Remote work", "Learning budget", "Gym"],
            ),
            ("What should we improve?", "long_text", []),
        ],
    ),
    (
        "Customer feedback Q1",
        [
            ("How likely are you to recommend us?", "rating", []),
            ("Which plan are you on?", "single_choice", ["Free", "Pro", "Business"]),
            ("Anything else?", "long_text", []),
        ],
    ),
    (
        "Offsite lunch order",
        [("Main course", "single_choice", ["Pasta", "Salad", "Curry"]), ("Allergies", "short_text", [])],
    ),
    (
        "Event registration",
        [
            ("Full name", "short_text", []),
            ("Number of guests", "number", []),
            ("Sessions to attend", "multi_choice", ["Keynote", "Workshop A", "Workshop B"]),
        ],
    ),
    (
        "Beta program application",
        [
            ("Company size", "single_choice", ["1-10", "11-50", "51-200", "200+"]),
            ("Use case", "long_text", []),
        ],
    ),
    (
        "Training evaluation",
        [
            ("Rate the trainer", "rating", []),
            ("Rate the content", "rating", []),
            ("Suggestions", "long_text", []),
        ],
    ),
    (
        "Website usability poll",
        [("Was the site easy to use?", "rating", []), ("What were you looking for?", "short_text", [])],
    ),
    (
        "Volunteer sign-up",
        [("Preferred day", "single_choice", ["Saturday", "Sunday"]), ("Hours available", "number", [])],
    ),
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    people = [p.email for p in s.people[:30]]
    statuses = ("open", "open", "closed", "open", "draft", "closed", "open", "draft")
    for n, (title, qdefs) in enumerate(_FORMS):
        status = statuses[n]
        form = ctx.insert(
            "form",
            {
                "title": title,
                "description": s.fake.sentence(nb_words=12),
                "owner_email": s.user.email if n % 3 else rng.choice(people[:5]),
                "status": status,
                "anonymous": n in (1, 6),
                "max_responses": 25 if n == 3 else 0,
                "closes_on": s.date(rng.randint(-20, -5))
                if status == "closed"
                else (s.date(rng.randint(10, 40)) if n % 2 else ""),
                "created_at": s.at(days=-rng.randint(40, 120)),
            },
        )
        qs = [
            ctx.insert(
                "question",
                {
                    "form_id": form["id"],
                    "position": i,
                    "prompt": p,
                    "kind": k,
                    "options": o,
                    "required": i == 0,
                },
            )
            for i, (p, k, o) in enumerate(qdefs)
        ]
        if status == "draft":
            continue
        for r in range(rng.randint(4, 10)):
            answers = []
            for i, q in enumerate(qs):
                if i > 0 and rng.random() < 0.25:
                    continue
                if i == 0 and rng.random() < 0.15:
                    continue
                if q["kind"] == "rating":
                    v: AnswerValue = float(rng.randint(1, 5))
                elif q["kind"] == "number":
                    v = float(rng.randint(0, 8))
                elif q["kind"] == "single_choice":
                    v = rng.choice(q["options"])
                elif q["kind"] == "multi_choice":
                    v = sorted(rng.sample(q["options"], rng.randint(1, 2)))
                else:
                    v = s.fake.sentence(nb_words=8)
                answers.append({"question_id": q["id"], "value": v})
            complete = any(a["question_id"] == qs[0]["id"] for a in answers)
            ctx.insert(
                "response",
                {
                    "form_id": form["id"],
                    "respondent_email": "" if form["anonymous"] else people[r],
                    "status": "complete" if complete else "partial",
                    "answers": answers,
                    "submitted_at": s.at(days=-rng.randint(1, 30), hours=rng.randint(0, 23)),
                },
            )
        if status == "closed":
            rs = ctx.select("response", "form_id = ?", (form["id"],))
            done = [x for x in rs if x["status"] == "complete"]
            if done:
                ctx.insert(
                    "report",
                    {
                        "form_id": form["id"],
                        "title": f"{title} — final results",
                        "response_count": len(done),
                        "completion_rate": round(100.0 * len(done) / len(rs), 1),
                        "questions": _summaries(qs, done),
                        "generated_at": s.at(days=-2),
                    },
                )


bp.product("pollinatrix", "Pollinatrix", "Survey builder with branching-free forms, responses and reports.")
bp.product(
    "askwillow",
    "AskWillow",
    "Friendly forms for feedback, sign-ups and polls.",
    style="camel",
    pagination="cursor",
    drop=("delete_report", "search_reports", "find_nonrespondents"),
)
bp.product(
    "querella",
    "Querella",
    "Research-grade questionnaires and response analytics.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("delete_form",),
)
bp.product(
    "formfinch",
    "FormFinch",
    "Quick forms for small teams.",
    prefix="finch",
    drop=(
        "search_forms",
        "update_form",
        "delete_form",
        "update_question",
        "delete_response",
        "search_reports",
        "delete_report",
        "duplicate_form",
        "purge_partial_responses",
        "find_nonrespondents",
    ),
)
bp.product(
    "tallyho",
    "Tallyho",
    "Surveys and registrations with live result summaries.",
    verbs={"list": "browse", "search": "find"},
    pagination="cursor",
)
