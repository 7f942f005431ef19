"""How people ask for the survey and form actions."""

from typing import Any

from toolgym_env.tasks.scenarios.intent import Composing, Intent

#: What a respondent writes in a text question.
_TEXTS = ("Works well for us", "Faster replies would help", "Nothing to add", "More evening sessions please")


def form_answers(seen: Composing) -> tuple[list[dict[str, Any]], str] | None:
    """An answer to every question of a form with at most four, each of the kind the question takes."""
    form = seen.records["form_id"][0]
    questions = sorted(
        (q for q in seen.rows("question") if q["form_id"] == form["id"]), key=lambda q: q["position"]
    )
    if not questions or len(questions) > 4:
        return None
    value, said = [], []
    for q in questions:
        if q["kind"] in ("single_choice", "multi_choice") and not q["options"]:
            return None
        if q["kind"] == "rating":
            answer: Any = float(seen.rng.randint(1, 5))
            words = f"{answer:g} out of 5"
        elif q["kind"] == "number":
            answer = float(seen.rng.randint(1, 10))
            words = f"{answer:g}"
        elif q["kind"] == "single_choice":
            answer = seen.rng.choice(q["options"])
            words = f"“{answer}”"
        elif q["kind"] == "multi_choice":
            answer = seen.rng.sample(q["options"], min(2, len(q["options"])))
            words = " and ".join(f"“{o}”" for o in answer)
        else:
            answer = seen.rng.choice(_TEXTS)
            words = f"“{answer}”"
        value.append({"question_id": q["id"], "value": answer})
        said.append(f"“{q['prompt']}” with {words}")
    return value, "answer " + "; ".join(said)


INTENTS = {
    "set_form_status": Intent(
        (
            "set {form} to {status}",
            "switch {form} to {status}",
            "change the status of {form} to {status}",
            "make {form} {status}",
        ),
        choices={"status": ("open", "closed")},
        why=("we have enough answers", "the survey is ready to go out"),
        past="updated",
    ),
    "extend_deadline": Intent(
        (
            "extend {form} until {closes_on}",
            "push the deadline of {form} to {closes_on}",
            "keep {form} open until {closes_on}",
            "move the closing date of {form} to {closes_on}",
        ),
        choices={"closes_on": ("2026-04-15", "2026-04-28", "2026-05-20")},
        why=("response numbers are still low", "people were on holiday"),
        past="extended",
    ),
    "bulk_add_questions": Intent(
        (
            (
                "add two questions to {form}: a 1-5 rating 'How likely are you to recommend us?' and a free "
                "text 'Anything else you'd like to tell us?'"
            ),
            (
                "append 'How likely are you to recommend us?' (rating) and 'Anything else you'd like to tell "
                "us?' (long answer) to {form}"
            ),
            (
                "put a recommendation rating and an open comments question at the end of {form}: 'How likely "
                "are you to recommend us?' and 'Anything else you'd like to tell us?'"
            ),
            (
                "extend {form} with the rating 'How likely are you to recommend us?' and the open question "
                "'Anything else you'd like to tell us?'"
            ),
        ),
        args={
            "questions": [
                {"prompt": "How likely are you to recommend us?", "kind": "rating"},
                {"prompt": "Anything else you'd like to tell us?", "kind": "long_text"},
            ]
        },
        why=("marketing wants an NPS score", "people kept emailing extra comments"),
        past="added",
    ),
    "move_question": Intent(
        (
            "move {question} to the top of its form",
            "make {question} the first question",
            "put {question} first on the form",
            "bump {question} up to the very start",
        ),
        args={"position": 0},
        why=("it is the most important one", "people drop off before reaching it"),
        past="moved",
    ),
    "add_question_options": Intent(
        (
            "add {options} as choices to {question}",
            "give {question} the extra options {options}",
            "include {options} in the answers for {question}",
            "extend {question} with {options}",
        ),
        choices={"options": (["Other"], ["Not sure", "Prefer not to say"], ["Weekly", "Monthly"])},
        why=("people said their answer was missing", "the list felt incomplete"),
        past="extended",
    ),
    "duplicate_form": Intent(
        (
            "copy {form} as {title}",
            "duplicate {form} and call it {title}",
            "make a new draft from {form} named {title}",
            "clone {form} into {title}",
        ),
        choices={"title": ("Spring 2026 pulse survey", "Event feedback (copy)", "Customer check-in v2")},
        why=("we run the same survey every quarter", "the new team wants the same questions"),
        past="copied",
    ),
    "generate_report": Intent(
        (
            "generate a results report for {form}",
            "build a report of the answers to {form}",
            "put together the results of {form}",
            "create a summary report from the responses to {form}",
        ),
        report={"response_count": "responses counted", "completion_rate": "completion rate"},
        why=("the team meeting is this afternoon", "leadership wants the results"),
        past="reported",
    ),
    "get_question_stats": Intent(
        (
            "how did people answer {question}",
            "show the answer breakdown for {question}",
            "check the results for {question}",
            "see how many people skipped {question}",
        ),
        report={"answered": "people who answered", "average": "average answer"},
        why=("I want to quote it in the slides", "it was the key question"),
    ),
    "get_form_summary": Intent(
        (
            "how many responses has {form} got",
            "give me an overview of {form}",
            "summarize the responses to {form}",
            "check the completion rate of {form}",
        ),
        report={"responses": "responses", "completion_rate": "completion rate"},
        why=("I want to know if we need reminders", "the deadline is close"),
    ),
    "find_nonrespondents": Intent(
        (
            "check which of {emails} haven't answered {form}",
            "find out whether {emails} have filled in {form}",
            "see who among {emails} still owes a response to {form}",
            "which of {emails} are missing from {form}",
        ),
        choices={
            "emails": (
                ["ana.ruiz@example.com", "ben.okafor@example.com"],
                ["chloe.martin@example.com", "dev.patel@example.com", "eva.schmidt@example.com"],
            )
        },
        report={"missing.0": "first person who has not responded"},
        why=("I want to send reminders", "their team lead asked"),
    ),
    "set_question_required": Intent(
        (
            "make {question} mandatory",
            "require an answer to {question}",
            "mark {question} as required",
            "stop people skipping {question}",
        ),
        args={"required": True},
        why=("too many people skip it", "we cannot analyse the results without it"),
        past="made mandatory",
    ),
    "list_forms_closing_soon": Intent(
        (
            "which forms close in the next {days} days",
            "list surveys with a deadline within {days} days",
            "find the forms closing over the next {days} days",
            "check what's due to close in {days} days",
        ),
        choices={"days": (7, 14, 30)},
        report={"forms.0.title": "form closing first", "forms.0.closes_on": "its deadline"},
        why=("I want to send last-call reminders", "I am planning next week"),
    ),
    "purge_partial_responses": Intent(
        (
            "delete the incomplete responses to {form}",
            "clear out partial answers from {form}",
            "purge the unfinished responses on {form}",
            "get rid of half-filled responses to {form}",
        ),
        report={"responses.0.id": "first deleted response"},
        why=("they are skewing the results", "we only report on complete answers"),
        past="purged",
    ),
    "submit_response": Intent(
        (
            "fill in {form} as {respondent_email}: {answers}",
            "submit a response to {form} for {respondent_email} ({answers})",
            "send in {respondent_email}'s answers to {form}: {answers}",
            "enter a response on {form} from {respondent_email}, {answers}",
        ),
        choices={"respondent_email": ("dana.whitfield@example.com", "omar.haddad@example.com")},
        compose={"answers": form_answers},
        why=("they gave me their answers on paper", "their browser would not load the form"),
        past="submitted",
    ),
}
