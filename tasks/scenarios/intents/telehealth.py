"""How people ask for the telehealth and health-record actions."""

from toolgym_env.tasks.scenarios.intent import Composing, Intent


def busy_day(seen: Composing) -> tuple[str, str] | None:
    """A day on which the chosen clinician has appointments (a schedule read for an empty day reports
    nothing)."""
    email = str(seen.args["provider_email"]).strip().lower()
    days = sorted(
        {a["starts_at"][:10] for a in seen.rows("appointment") if a["provider_email"].lower() == email}
    )
    if not days:
        return None
    day = seen.rng.choice(days)
    return day, f"“{day}”"


INTENTS = {
    "book_appointment": Intent(
        (
            "book {patient} with {provider_email} at {starts_at} for {reason}",
            "set up a visit for {patient} with {provider_email} on {starts_at}, reason: {reason}",
            "schedule {patient} to see {provider_email} at {starts_at} about {reason}",
            "get {patient} an appointment with {provider_email} at {starts_at} regarding {reason}",
        ),
        pick={"provider_email": "patient.primary_provider_email"},
        choices={
            "starts_at": ("2026-03-24T10:00:00Z", "2026-03-25T14:30:00Z", "2026-03-27T11:15:00Z"),
            "reason": ("Persistent cough", "Follow-up on blood pressure", "Medication review", "Skin rash"),
        },
        why=(
            "the patient called the front desk asking for a visit",
            "the symptoms have not gone away",
            "the doctor wanted to see them again soon",
        ),
        past="booked",
    ),
    "reschedule_appointment": Intent(
        (
            "move {appointment} to {starts_at}",
            "reschedule {appointment} for {starts_at}",
            "push {appointment} to {starts_at} instead",
            "shift {appointment} over to {starts_at}",
        ),
        choices={"starts_at": ("2026-03-23T09:30:00Z", "2026-03-26T13:00:00Z", "2026-03-30T15:45:00Z")},
        why=(
            "the patient has a work conflict",
            "the clinician will be out that day",
            "the patient asked for a later time",
        ),
        past="rescheduled",
    ),
    "cancel_appointment": Intent(
        (
            "cancel {appointment}",
            "call off {appointment}",
            "take {appointment} off the schedule by cancelling it",
            "cancel {appointment} for the patient",
        ),
        why=(
            "the patient is feeling better",
            "the patient is travelling that week",
            "it was booked by mistake",
        ),
        past="cancelled",
    ),
    "complete_appointment": Intent(
        (
            "close {appointment} as done with the notes {notes}",
            "mark {appointment} completed, notes: {notes}",
            "wrap up {appointment} and record {notes} as the visit notes",
            "finish {appointment} with the visit note {notes}",
        ),
        choices={
            "notes": (
                "Symptoms improving; continue current treatment and follow up in 4 weeks.",
                "Blood pressure stable. No medication changes.",
                "Discussed lab results; ordered repeat test in 3 months.",
            )
        },
        why=(
            "the visit took place but was never closed",
            "the clinician dictated the notes to me",
            "billing needs the visit marked as done",
        ),
        past="completed",
    ),
    "mark_no_show": Intent(
        (
            "mark {appointment} as a no-show",
            "record that the patient missed {appointment}",
            "flag {appointment} as a no-show",
            "log {appointment} as missed because the patient never joined",
        ),
        why=("the patient never joined the call", "nobody showed up and we could not reach them"),
        past="marked as a no-show",
    ),
    "find_available_slots": Intent(
        (
            "find the open slots {provider_email} has on {day}",
            "check when {provider_email} is free on {day}",
            "look up free times for {provider_email} on {day}",
            "see which appointment times {provider_email} has left on {day}",
        ),
        pick={"provider_email": "appointment.provider_email"},
        choices={"day": ("2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16")},
        report={"free_slots.0": "earliest free slot"},
        why=("a patient wants to come in that day", "I am trying to fit in an urgent visit"),
    ),
    "prescribe_medication": Intent(
        (
            "prescribe {medication} 20 mg to {patient}",
            "start {patient} on {medication} at 20 mg",
            "write {patient} a prescription for {medication} 20 mg",
            "put {patient} on a 20 mg dose of {medication}",
        ),
        args={"dosage": "20 mg"},
        choices={"medication": ("atorvastatin", "omeprazole", "lisinopril", "fluoxetine")},
        why=(
            "the doctor decided on it at the last visit",
            "the lab results call for it",
            "their old medication stopped working",
        ),
        past="prescribed",
    ),
    "request_refill": Intent(
        (
            "refill {prescription}",
            "request a refill of {prescription}",
            "put in a refill for {prescription}",
            "use one of the refills on {prescription}",
        ),
        report={"refills_left": "refills left"},
        why=("the patient is about to run out", "the pharmacy called asking for it"),
        past="refilled",
    ),
    "discontinue_prescription": Intent(
        (
            "discontinue {prescription}",
            "stop {prescription}",
            "take the patient off {prescription}",
            "end {prescription} so it cannot be refilled",
        ),
        why=(
            "it is causing side effects",
            "the patient no longer needs it",
            "the doctor switched them to something else",
        ),
        past="discontinued",
    ),
    "add_allergy": Intent(
        (
            "add a {allergen} allergy to the chart of {patient}",
            "record that {patient} is allergic to {allergen}",
            "note a {allergen} allergy for {patient}",
            "put {allergen} on the allergy list of {patient}",
        ),
        choices={"allergen": ("penicillin", "latex", "sulfa", "peanuts", "shellfish")},
        why=(
            "the patient mentioned it during intake",
            "they had a reaction last week",
            "it came up in their old records",
        ),
        past="recorded",
    ),
    "order_lab_tests": Intent(
        (
            "order an HbA1c and an LDL cholesterol test for {patient}",
            "send {patient} for HbA1c (normal 4.0-5.6 %) and LDL cholesterol (normal up to 100 mg/dL) tests",
            "put in lab orders for HbA1c and LDL cholesterol for {patient}",
            "request HbA1c and LDL cholesterol labs for {patient}",
        ),
        args={
            "tests": [
                {"test_name": "HbA1c", "unit": "%", "reference_low": 4.0, "reference_high": 5.6},
                {"test_name": "LDL cholesterol", "unit": "mg/dL", "reference_low": 0, "reference_high": 100},
            ]
        },
        why=("it is time for their diabetes check", "the doctor wants a baseline before starting a statin"),
        past="ordered",
    ),
    "review_lab_results": Intent(
        (
            "sign off {lab_results} as reviewed",
            "mark {lab_results} reviewed",
            "review and sign {lab_results}",
            "record that {lab_results} have been reviewed",
        ),
        why=("the doctor went through them this morning", "they are cluttering the unreviewed queue"),
        past="reviewed",
    ),
    "list_abnormal_lab_results": Intent(
        (
            "find the lab results flagged high or low",
            "list the abnormal lab results",
            "show me which lab results came back out of range",
            "pull up every out-of-range lab result",
        ),
        report={"lab_results.0.test_name": "most recent abnormal test", "lab_results.0.value": "its value"},
        why=("I want to make sure nobody slips through the cracks", "the weekly clinical review is today"),
    ),
    "get_patient_summary": Intent(
        (
            "summarize the chart of {patient}",
            "give me an overview of {patient}",
            "pull up a summary for {patient}",
            "check where things stand with {patient}",
        ),
        report={
            "next_appointment.starts_at": "next visit",
            "abnormal_results": "abnormal lab results",
            "unreviewed_results": "unreviewed lab results",
        },
        why=(
            "they are coming in soon",
            "their family asked for an update",
            "I am preparing for a care handover",
        ),
    ),
    "get_provider_schedule": Intent(
        (
            "show the schedule of {provider_email} for {day}",
            "list the appointments {provider_email} has on {day}",
            "check what {provider_email} has booked on {day}",
            "go over what is on the calendar of {provider_email} for {day}",
        ),
        pick={"provider_email": "appointment.provider_email"},
        compose={"day": busy_day},
        report={
            "appointments.0.duration_min": "length of the first appointment in minutes",
            "appointments.0.reason": "its reason",
        },
        why=("I need to plan cover for them", "a patient asked whether the doctor is busy that day"),
    ),
}
