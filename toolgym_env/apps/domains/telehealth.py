"""Telehealth and health records: patients, appointments, prescriptions, lab results (five products)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import format_stamp, parse_day, parse_stamp
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("telehealth")

DATE = r"^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
STAMP = r"^202[6-9]-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):(00|15|30|45):00Z$"
VisitType = Literal["video", "phone", "in_person"]
Frequency = Literal["once_daily", "twice_daily", "three_times_daily", "as_needed", "weekly"]


class Patient(BaseModel):
    id: str = Field(description="Patient id.")
    full_name: str = Field(description="Patient's full name.", min_length=1, max_length=120)
    email: str = Field(description="Contact email.", max_length=200)
    date_of_birth: str = Field(description="Date of birth (YYYY-MM-DD).", pattern=DATE)
    sex: Literal["female", "male", "other", "unknown"] = Field(
        "unknown", description="Sex recorded at registration."
    )
    allergies: list[str] = Field(
        default_factory=list, description="Known allergies (lower-case substance names)."
    )
    insurance_plan: str = Field("", description="Insurance plan name; empty when self-pay.", max_length=120)
    primary_provider_email: str = Field("", description="Email of the primary care provider.", max_length=200)
    status: Literal["active", "inactive"] = Field(
        "active", description="Whether the patient record is active."
    )


class Appointment(BaseModel):
    id: str = Field(description="Appointment id.")
    patient_id: str = Field(description="Patient the appointment is for.")
    provider_email: str = Field(description="Email of the clinician.", max_length=200)
    starts_at: str = Field(description="Start time (ISO-8601 UTC).")
    duration_min: int = Field(30, ge=15, le=120, description="Length in minutes.")
    visit_type: VisitType = Field("video", description="How the visit takes place.")
    reason: str = Field("", description="Reason for the visit.", max_length=500)
    status: Literal["scheduled", "completed", "canceled", "no_show"] = Field(
        "scheduled", description="Status."
    )
    notes: str = Field("", description="Clinician's visit notes.", max_length=5000)


class Prescription(BaseModel):
    id: str = Field(description="Prescription id.")
    patient_id: str = Field(description="Patient the medication is prescribed to.")
    medication: str = Field(description="Medication name (lower-case), e.g. 'amoxicillin'.", max_length=120)
    dosage: str = Field(description="Dose per intake, e.g. '500 mg'.", max_length=40)
    frequency: Frequency = Field("once_daily", description="How often it is taken.")
    refills_left: int = Field(0, ge=0, le=12, description="Refills remaining.")
    status: Literal["active", "completed", "discontinued"] = Field(
        "active", description="Prescription status."
    )
    prescribed_on: str = Field(description="Date prescribed (YYYY-MM-DD).")
    pharmacy: str = Field("", description="Pharmacy that fills it.", max_length=120)


class LabResult(BaseModel):
    id: str = Field(description="Lab result id.")
    patient_id: str = Field(description="Patient the sample is from.")
    test_name: str = Field(description="Test name, e.g. 'HbA1c'.", max_length=80)
    value: float | None = Field(None, description="Measured value; null while pending.")
    unit: str = Field("", description="Unit of the value, e.g. 'mg/dL'.", max_length=20)
    reference_low: float = Field(0, description="Lower bound of the normal range.")
    reference_high: float = Field(0, description="Upper bound of the normal range.")
    flag: Literal["pending", "normal", "low", "high"] = Field(
        "pending", description="Result against the range."
    )
    collected_on: str = Field(description="Sample collection date (YYYY-MM-DD).")
    status: Literal["pending", "final", "reviewed"] = Field(
        "pending", description="Pending, final or reviewed."
    )


bp.resource(
    Patient,
    name="patient",
    id_prefix="pat",
    searchable=("full_name", "email"),
    filterable=("status", "primary_provider_email"),
    readonly=("allergies", "status"),
    order_by="full_name",
)
bp.resource(
    Appointment,
    name="appointment",
    id_prefix="apt",
    searchable=("reason", "notes"),
    filterable=("patient_id", "provider_email", "status", "visit_type"),
    refs={"patient_id": "patient"},
    readonly=("status", "starts_at", "patient_id", "provider_email"),
    ops=("search", "list", "get", "update"),
    order_by="starts_at",
)
bp.resource(
    Prescription,
    name="prescription",
    id_prefix="rx",
    searchable=("medication",),
    filterable=("patient_id", "status", "medication"),
    refs={"patient_id": "patient"},
    readonly=("status", "refills_left", "medication", "patient_id", "prescribed_on"),
    ops=("search", "list", "get", "update"),
    order_by="prescribed_on DESC",
)
bp.resource(
    LabResult,
    name="lab_result",
    id_prefix="lab",
    filterable=("patient_id", "status", "flag", "test_name"),
    refs={"patient_id": "patient"},
    readonly=("flag", "status"),
    ops=("list", "get", "create"),
    order_by="collected_on DESC",
)


class LabOrder(BaseModel):
    test_name: str = Field(description="Test to run, e.g. 'Lipid panel'.", min_length=1, max_length=80)
    unit: str = Field("", description="Unit the result will be reported in.", max_length=20)
    reference_low: float = Field(0, description="Lower bound of the normal range.")
    reference_high: float = Field(0, description="Upper bound of the normal range.")


class LabResultList(BaseModel):
    lab_results: list[LabResult] = Field(description="The lab results.")


class AppointmentList(BaseModel):
    appointments: list[Appointment] = Field(description="The appointments.")


class Slots(BaseModel):
    provider_email: str = Field(description="The clinician.")
    day: str = Field(description="The day (YYYY-MM-DD).")
    free_slots: list[str] = Field(
        description="Free 30-minute start times (ISO-8601 UTC) between 09:00 and 17:00."
    )


class PatientSummary(BaseModel):
    patient_id: str = Field(description="The patient.")
    full_name: str = Field(description="Patient's name.")
    allergies: list[str] = Field(description="Known allergies.")
    active_medications: list[str] = Field(description="Medications with an active prescription.")
    next_appointment: Appointment | None = Field(description="Next scheduled appointment, if any.")
    abnormal_results: int = Field(description="Final or reviewed lab results flagged high or low.")
    unreviewed_results: int = Field(description="Final lab results not yet reviewed.")


def _stamp(value: str, field: str) -> datetime:
    try:
        return parse_stamp(value).replace(tzinfo=None)
    except ValueError:
        raise ToolError(f"{field}: '{value}' is not a valid ISO-8601 time.") from None


def _overlap(ctx: ToolContext, provider: str, start: datetime, minutes: int, skip: str = "") -> dict | None:
    end = start + timedelta(minutes=minutes)
    for a in ctx.select("appointment", "provider_email = ? AND status = 'scheduled'", (provider,)):
        if a["id"] == skip:
            continue
        s = _stamp(a["starts_at"], "starts_at")
        if s < end and start < s + timedelta(minutes=a["duration_min"]):
            return a
    return None


@bp.action()
def book_appointment(
    ctx: ToolContext,
    patient_id: str,
    provider_email: Annotated[str, Field(max_length=200)],
    starts_at: Annotated[str, Field(pattern=STAMP)],
    visit_type: VisitType = "video",
    reason: Annotated[str, Field(max_length=500)] = "",
) -> Appointment:
    """Book a 30-minute {app} visit for a patient with a clinician; refused in the past or when the slot is
    taken.

    Args:
        patient_id: The patient to book for.
        provider_email: Email of the clinician.
        starts_at: Start time (ISO-8601 UTC, quarter hours).
        visit_type: Video, phone or in-person visit.
        reason: Reason for the visit.
    """
    p = ctx.require("patient", patient_id)
    if p["status"] != "active":
        raise ToolError(f"Patient {p['full_name']} is inactive; reactivate the record before booking.")
    start = _stamp(starts_at, "starts_at")
    if format_stamp(start) <= ctx.now():
        raise ToolError(f"starts_at: {starts_at} is in the past; book a future time.")
    clash = _overlap(ctx, provider_email.lower(), start, 30)
    if clash:
        raise ToolError(
            f"{provider_email} is already booked at {clash['starts_at']} (appointment {clash['id']})."
        )
    return ctx.insert(
        "appointment",
        {
            "patient_id": patient_id,
            "provider_email": provider_email.lower(),
            "starts_at": format_stamp(start),
            "duration_min": 30,
            "visit_type": visit_type,
            "reason": reason,
        },
    )


@bp.action()
def reschedule_appointment(
    ctx: ToolContext, appointment_id: str, starts_at: Annotated[str, Field(pattern=STAMP)]
) -> Appointment:
    """Move a scheduled {app} appointment to a new future time if the clinician is free; returns it.

    Args:
        appointment_id: The appointment to move.
        starts_at: New start time (ISO-8601 UTC).
    """
    a = ctx.require("appointment", appointment_id)
    if a["status"] != "scheduled":
        raise ToolError(f"Appointment {appointment_id} is '{a['status']}'; only scheduled ones can be moved.")
    start = _stamp(starts_at, "starts_at")
    if format_stamp(start) <= ctx.now():
        raise ToolError(f"starts_at: {starts_at} is in the past; pick a future time.")
    clash = _overlap(ctx, a["provider_email"], start, a["duration_min"], skip=appointment_id)
    if clash:
        raise ToolError(
            f"{a['provider_email']} is already booked at {clash['starts_at']} (appointment {clash['id']})."
        )
    return ctx.update("appointment", appointment_id, {"starts_at": format_stamp(start)})


@bp.action()
def cancel_appointment(
    ctx: ToolContext, appointment_id: str, reason: Annotated[str, Field(max_length=300)] = ""
) -> Appointment:
    """Cancel a scheduled {app} appointment that has not started yet; returns the canceled appointment.

    Args:
        appointment_id: The appointment to cancel.
        reason: Why it is canceled (added to the notes).
    """
    a = ctx.require("appointment", appointment_id)
    if a["status"] != "scheduled":
        raise ToolError(
            f"Appointment {appointment_id} is '{a['status']}'; only scheduled ones can be canceled."
        )
    if a["starts_at"] <= ctx.now():
        raise ToolError(
            f"Appointment {appointment_id} already started at {a['starts_at']}; "
            "complete it or mark it as a no-show instead."
        )
    notes = (
        a["notes"] + "\n" if a["notes"] else ""
    ) + f"Canceled{': ' + reason.strip() if reason.strip() else ''}"
    return ctx.update("appointment", appointment_id, {"status": "canceled", "notes": notes[:5000]})


@bp.action()
def complete_appointment(
    ctx: ToolContext, appointment_id: str, notes: Annotated[str, Field(min_length=1, max_length=5000)]
) -> Appointment:
    """Close a past {app} appointment as completed with the clinician's visit notes; returns it.

    Args:
        appointment_id: The appointment that took place.
        notes: Visit notes.
    """
    a = ctx.require("appointment", appointment_id)
    if a["status"] != "scheduled":
        raise ToolError(
            f"Appointment {appointment_id} is '{a['status']}'; only scheduled ones can be completed."
        )
    if a["starts_at"] > ctx.now():
        raise ToolError(f"Appointment {appointment_id} starts at {a['starts_at']}, in the future.")
    return ctx.update("appointment", appointment_id, {"status": "completed", "notes": notes.strip()[:5000]})


@bp.action()
def mark_no_show(ctx: ToolContext, appointment_id: str) -> Appointment:
    """Mark a past scheduled {app} appointment as a no-show because the patient never joined.

    Args:
        appointment_id: The missed appointment.
    """
    a = ctx.require("appointment", appointment_id)
    if a["status"] != "scheduled":
        raise ToolError(
            f"Appointment {appointment_id} is '{a['status']}'; only scheduled ones can be no-shows."
        )
    if a["starts_at"] > ctx.now():
        raise ToolError(f"Appointment {appointment_id} has not started yet ({a['starts_at']}).")
    return ctx.update("appointment", appointment_id, {"status": "no_show"})


@bp.action(read_only=True)
def find_available_slots(
    ctx: ToolContext,
    provider_email: Annotated[str, Field(max_length=200)],
    day: Annotated[str, Field(pattern=DATE)],
) -> Slots:
    """List a clinician's free 30-minute {app} slots on one day between 09:00 and 17:00 UTC.

    Args:
        provider_email: Email of the clinician.
        day: The day to check (YYYY-MM-DD).
    """
    d = parse_day(day, "day", hint=False)
    free = []
    for k in range(16):
        start = datetime(d.year, d.month, d.day, 9) + timedelta(minutes=30 * k)
        iso = format_stamp(start)
        if iso > ctx.now() and not _overlap(ctx, provider_email.lower(), start, 30):
            free.append(iso)
    return {"provider_email": provider_email.lower(), "day": d.isoformat(), "free_slots": free}


@bp.action()
def prescribe_medication(
    ctx: ToolContext,
    patient_id: str,
    medication: Annotated[str, Field(min_length=2, max_length=120)],
    dosage: Annotated[str, Field(min_length=1, max_length=40)],
    frequency: Frequency = "once_daily",
    refills: Annotated[int, Field(ge=0, le=12)] = 0,
) -> Prescription:
    """Prescribe a medication to an {app} patient; refused on a recorded allergy or a duplicate active script.

    Args:
        patient_id: The patient.
        medication: Medication name, e.g. 'amoxicillin'.
        dosage: Dose per intake, e.g. '500 mg'.
        frequency: How often to take it.
        refills: Number of refills allowed.
    """
    p = ctx.require("patient", patient_id)
    med = medication.strip().lower()
    if p["status"] != "active":
        raise ToolError(f"Patient {p['full_name']} is inactive.")
    if med in p["allergies"]:
        raise ToolError(f"Patient {p['full_name']} has a recorded allergy to {med}; prescription refused.")
    dup = ctx.select(
        "prescription", "patient_id = ? AND medication = ? AND status = 'active'", (patient_id, med)
    )
    if dup:
        raise ToolError(
            f"Patient {p['full_name']} already has an active {med} prescription ({dup[0]['id']})."
        )
    return ctx.insert(
        "prescription",
        {
            "patient_id": patient_id,
            "medication": med,
            "dosage": dosage.strip(),
            "frequency": frequency,
            "refills_left": refills,
            "status": "active",
            "prescribed_on": ctx.today(),
            "pharmacy": "",
        },
    )


@bp.action()
def request_refill(ctx: ToolContext, prescription_id: str) -> Prescription:
    """Use one refill of an active {app} prescription; refused when no refills remain. Returns it.

    Args:
        prescription_id: The prescription to refill.
    """
    rx = ctx.require("prescription", prescription_id)
    if rx["status"] != "active":
        raise ToolError(f"Prescription {prescription_id} is '{rx['status']}' and cannot be refilled.")
    if rx["refills_left"] <= 0:
        raise ToolError(
            f"Prescription {prescription_id} ({rx['medication']}) has no refills left; "
            "a new prescription is needed."
        )
    return ctx.update("prescription", prescription_id, {"refills_left": rx["refills_left"] - 1})


@bp.action(destructive=True)
def discontinue_prescription(ctx: ToolContext, prescription_id: str) -> Prescription:
    """Discontinue an active {app} prescription so it can no longer be refilled (cannot be undone).

    Args:
        prescription_id: The prescription to stop.
    """
    rx = ctx.require("prescription", prescription_id)
    if rx["status"] != "active":
        raise ToolError(f"Prescription {prescription_id} is already '{rx['status']}'.")
    return ctx.update("prescription", prescription_id, {"status": "discontinued", "refills_left": 0})


@bp.action(idempotent=True)
def add_allergy(
    ctx: ToolContext, patient_id: str, allergen: Annotated[str, Field(min_length=2, max_length=60)]
) -> Patient:
    """Record an allergy on an {app} patient chart; refused while an active prescription is for that
    substance.

    Args:
        patient_id: The patient.
        allergen: Substance, e.g. 'penicillin'.
    """
    p = ctx.require("patient", patient_id)
    name = allergen.strip().lower()
    if not name:
        raise ToolError("allergen: cannot be blank.")
    if name in p["allergies"]:
        return p
    active = ctx.select(
        "prescription", "patient_id = ? AND medication = ? AND status = 'active'", (patient_id, name)
    )
    if active:
        raise ToolError(
            f"Patient has an active {name} prescription ({active[0]['id']}); discontinue it first."
        )
    return ctx.update("patient", patient_id, {"allergies": sorted([*p["allergies"], name])})


@bp.action()
def order_lab_tests(
    ctx: ToolContext, patient_id: str, tests: Annotated[list[LabOrder], Field(min_length=1, max_length=10)]
) -> LabResultList:
    """Order several {app} lab tests for a patient at once (all or none); they start as pending results.

    Args:
        patient_id: The patient.
        tests: Tests to order with their units and reference ranges.
    """
    p = ctx.require("patient", patient_id)
    if p["status"] != "active":
        raise ToolError(f"Patient {p['full_name']} is inactive.")
    for n, t in enumerate(tests):
        if t["reference_high"] < t["reference_low"]:
            raise ToolError(
                f"tests[{n}]: reference_high ({t['reference_high']}) is below reference_low "
                f"({t['reference_low']})."
            )
    names = [t["test_name"].strip().lower() for t in tests]
    if len(set(names)) != len(names):
        raise ToolError("tests: the same test is ordered twice.")
    return {
        "lab_results": [
            ctx.insert(
                "lab_result",
                {
                    "patient_id": patient_id,
                    "test_name": t["test_name"].strip(),
                    "value": None,
                    "unit": t["unit"],
                    "reference_low": t["reference_low"],
                    "reference_high": t["reference_high"],
                    "flag": "pending",
                    "collected_on": ctx.today(),
                    "status": "pending",
                },
            )
            for t in tests
        ]
    }


@bp.action(idempotent=True)
def review_lab_results(
    ctx: ToolContext, lab_result_ids: Annotated[list[str], Field(min_length=1, max_length=20)]
) -> LabResultList:
    """Sign off final {app} lab results as reviewed (all or none); pending results cannot be reviewed yet.

    Args:
        lab_result_ids: The results to sign off.
    """
    rows = [ctx.require("lab_result", i) for i in dict.fromkeys(lab_result_ids)]
    pending = [r["id"] for r in rows if r["status"] == "pending"]
    if pending:
        raise ToolError(f"Results still pending, cannot review: {', '.join(pending)}.")
    return {
        "lab_results": [
            r if r["status"] == "reviewed" else ctx.update("lab_result", r["id"], {"status": "reviewed"})
            for r in rows
        ]
    }


@bp.action(read_only=True)
def list_abnormal_lab_results(ctx: ToolContext, patient_id: str | None = None) -> LabResultList:
    """List {app} lab results flagged high or low, newest first, optionally for one patient.

    Args:
        patient_id: Only this patient's results.
    """
    where, params = "flag IN ('high','low')", ()
    if patient_id:
        ctx.require("patient", patient_id)
        where += " AND patient_id = ?"
        params = (patient_id,)
    return {"lab_results": ctx.select("lab_result", where, params, order_by="collected_on DESC")}


@bp.action(read_only=True)
def get_patient_summary(ctx: ToolContext, patient_id: str) -> PatientSummary:
    """Summarize an {app} patient chart: allergies, active medications, next visit and abnormal lab counts.

    Args:
        patient_id: The patient.
    """
    p = ctx.require("patient", patient_id)
    meds = sorted(
        r["medication"]
        for r in ctx.select("prescription", "patient_id = ? AND status = 'active'", (patient_id,))
    )
    nxt = ctx.select(
        "appointment",
        "patient_id = ? AND status = 'scheduled' AND starts_at > ?",
        (patient_id, ctx.now()),
        order_by="starts_at",
    )
    labs = ctx.select("lab_result", "patient_id = ?", (patient_id,))
    return {
        "patient_id": patient_id,
        "full_name": p["full_name"],
        "allergies": p["allergies"],
        "active_medications": meds,
        "next_appointment": nxt[0] if nxt else None,
        "abnormal_results": sum(1 for r in labs if r["flag"] in ("high", "low")),
        "unreviewed_results": sum(1 for r in labs if r["status"] == "final"),
    }


@bp.action(read_only=True)
def get_provider_schedule(
    ctx: ToolContext,
    provider_email: Annotated[str, Field(max_length=200)],
    day: Annotated[str, Field(pattern=DATE)],
) -> AppointmentList:
    """Get a clinician's {app} appointments on one day (all statuses), earliest first.

    Args:
        provider_email: Email of the clinician.
        day: The day (YYYY-MM-DD).
    """
    rows = ctx.select(
        "appointment",
        "provider_email = ? AND substr(starts_at, 1, 10) = ?",
        (provider_email.strip().lower(), day),
        order_by="starts_at",
    )
    return {"appointments": rows}


_MEDS = [
    ("atorvastatin", "20 mg"),
    ("metformin", "500 mg"),
    ("lisinopril", "10 mg"),
    ("amoxicillin", "500 mg"),
    ("sertraline", "50 mg"),
    ("levothyroxine", "75 mcg"),
    ("ibuprofen", "400 mg"),
    ("omeprazole", "20 mg"),
]
_TESTS = [
    ("HbA1c", "%", 4.0, 5.6),
    ("LDL cholesterol", "mg/dL", 0, 100),
    ("TSH", "mIU/L", 0.4, 4.0),
    ("Hemoglobin", "g/dL", 12.0, 17.5),
    ("Vitamin D", "ng/mL", 30, 100),
    ("Creatinine", "mg/dL", 0.6, 1.3),
]
_REASONS = (
    "Annual check-up",
    "Follow-up on blood pressure",
    "Persistent cough",
    "Medication review",
    "Lab results discussion",
    "Skin rash",
    "Back pain",
    "Sleep problems",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    providers = [p.email for p in s.people[:4]]
    patients = []
    for n, person in enumerate([s.user, *s.people[4:22]]):
        patients.append(
            ctx.insert(
                "patient",
                {
                    "full_name": f"{person.first_name} {person.last_name}",
                    "email": person.email,
                    "date_of_birth": s.date(-rng.randint(18 * 365, 80 * 365)),
                    "sex": rng.choice(("female", "male", "female", "male", "other")),
                    "allergies": sorted(
                        rng.sample(
                            ("penicillin", "amoxicillin", "latex", "peanuts", "sulfa", "ibuprofen"),
                            k=rng.choice((0, 0, 1, 2)),
                        )
                    ),
                    "insurance_plan": rng.choice(("BluePeak PPO", "Meridian HMO", "CareFirst Silver", "")),
                    "primary_provider_email": rng.choice(providers),
                    "status": "inactive" if n % 9 == 8 else "active",
                },
            )
        )
    for n in sorted(range(40), key=lambda k: (k % 3, k)):  # interleave past and future visits
        p = patients[n % len(patients)]
        day = -20 + n
        status = "scheduled" if day >= 0 else rng.choice(("completed", "completed", "canceled", "no_show"))
        if day in (-2, -5, -8, -11):
            status = "scheduled"  # past visits still awaiting closing
        ctx.insert(
            "appointment",
            {
                "patient_id": p["id"],
                "provider_email": providers[n % 4],
                "starts_at": s.at(days=day, hours=9 + (n % 8)),
                "duration_min": rng.choice((15, 30, 30, 45)),
                "visit_type": rng.choice(("video", "video", "phone", "in_person")),
                "reason": rng.choice(_REASONS),
                "status": status,
                "notes": s.fake.sentence(nb_words=10) if status == "completed" else "",
            },
        )
    for n in range(30):
        p = patients[n % len(patients)]
        med, dose = _MEDS[n % len(_MEDS)]
        if med in p["allergies"]:
            med, dose = "omeprazole", "20 mg"
        ctx.insert(
            "prescription",
            {
                "patient_id": p["id"],
                "medication": med,
                "dosage": dose,
                "frequency": rng.choice(("once_daily", "once_daily", "twice_daily", "as_needed")),
                "refills_left": rng.choice((0, 1, 2, 3, 5)),
                "prescribed_on": s.date(-rng.randint(5, 200)),
                "status": "active" if n < 20 else rng.choice(("completed", "discontinued")),
                "pharmacy": rng.choice(("Greenleaf Pharmacy", "CityCare Drugs", "MedPoint #12")),
            },
        )
    for n in range(36):
        p = patients[n % len(patients)]
        test, unit, lo, hi = _TESTS[n % len(_TESTS)]
        status = ("final", "reviewed", "pending")[n % 3]
        value = None if status == "pending" else round(rng.uniform(lo * 0.7, hi * 1.3 + 1), 1)
        flag = "pending" if value is None else "low" if value < lo else "high" if value > hi else "normal"
        ctx.insert(
            "lab_result",
            {
                "patient_id": p["id"],
                "test_name": test,
                "value": value,
                "unit": unit,
                "reference_low": lo,
                "reference_high": hi,
                "flag": flag,
                "collected_on": s.date(-rng.randint(1, 90)),
                "status": status,
            },
        )


bp.product("medivista", "MediVista", "Virtual clinic: video visits, e-prescriptions and lab results.")
bp.product(
    "careloopmd",
    "CareLoop MD",
    "Patient chart and telemedicine scheduling for small practices.",
    style="camel",
    pagination="cursor",
    drop=("search_appointments", "mark_no_show"),
)
bp.product(
    "docknock",
    "DocKnock",
    "On-demand doctor visits by phone or video.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=(
        "search_prescriptions",
        "update_prescription",
        "create_lab_result",
        "search_appointments",
        "update_appointment",
        "review_lab_results",
        "order_lab_tests",
        "add_allergy",
        "list_abnormal_lab_results",
        "search_patients",
    ),
)
bp.product(
    "vitalbridge",
    "VitalBridge",
    "Health records hub linking clinicians, pharmacies and labs.",
    prefix="vitalbridge",
    verbs={"create": "add"},
    drop=("create_lab_result",),
)
bp.product(
    "healthnookrx",
    "HealthNook Rx",
    "Prescriptions and refills with a care team on call.",
    verbs={"list": "browse", "search": "find"},
    pagination="page",
    drop=("delete_patient",),
)
