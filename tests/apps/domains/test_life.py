"""Life domains: fitness, telehealth, nutrition, learning management, research papers and public library."""


# --- fitness -----------------------------------------------------------------------------------------------


def test_fitness_complete_workout_records_duration(open_app):
    app = open_app("pulsetrack")
    w = app.rows("workout", "status = 'planned' AND scheduled_on <= '2026-03-02'")[0]
    res = app.call("complete_workout", workout_id=w["id"], duration_min=45, calories=380)
    assert not res.is_error, res.text
    row = app.rows("workout", "id = ?", (w["id"],))[0]
    assert row["status"] == "completed" and row["duration_min"] == 45 and row["completed_at"]


def test_fitness_personal_record_must_beat_best(open_app):
    app = open_app("ironlogr")
    best = max(r["value"] for r in app.rows("personal_record", "exercise = 'squat'"))
    res = app.call("recordPersonalRecord", exercise="squat", value=best - 5)
    assert res.is_error and "does not beat" in res.text
    assert not app.call("recordPersonalRecord", exercise="squat", value=best + 5).is_error


# --- telehealth ---------------------------------------------------------------------------------------------


def test_telehealth_refill_decrements_and_stops_at_zero(open_app):
    app = open_app("medivista")
    rx = app.rows("prescription", "status = 'active' AND refills_left = 1")[0]
    assert not app.call("request_refill", prescription_id=rx["id"]).is_error
    assert app.rows("prescription", "id = ?", (rx["id"],))[0]["refills_left"] == 0
    again = app.call("request_refill", prescription_id=rx["id"])
    assert again.is_error and "no refills left" in again.text


def test_telehealth_allergy_blocks_prescription(open_app):
    app = open_app("medivista")
    patient = next(p for p in app.rows("patient", "status = 'active'") if p["allergies"])
    res = app.call(
        "prescribe_medication", patient_id=patient["id"], medication=patient["allergies"][0], dosage="10 mg"
    )
    assert res.is_error and "allergy" in res.text
    assert not app.rows(
        "prescription", "patient_id = ? AND medication = ?", (patient["id"], patient["allergies"][0])
    )


# --- nutrition ----------------------------------------------------------------------------------------------


def test_nutrition_log_food_updates_daily_totals(open_app):
    app = open_app("platewise")
    food = app.rows("food")[0]
    before = app.rows("daily_log", "log_date = '2026-03-02'")
    base = before[0]["calories"] if before else 0
    res = app.call("log_food", food_id=food["id"], servings=2, meal_type="lunch")
    assert not res.is_error, res.text
    log = app.rows("daily_log", "log_date = '2026-03-02'")[0]
    assert abs(log["calories"] - (base + 2 * food["calories"])) < 0.2


def test_nutrition_activate_needs_planned_meals(open_app):
    app = open_app("platewise")
    empty = next(p for p in app.rows("meal_plan", "status = 'draft'") if not p["entries"])
    res = app.call("activate_meal_plan", meal_plan_id=empty["id"])
    assert res.is_error and "no meals planned" in res.text


# --- learning management ------------------------------------------------------------------------------------


def test_lms_grade_submission_applies_rubric(open_app):
    app = open_app("coursecanopy")
    sub = app.rows("submission", "late = 0")[0]
    res = app.call(
        "grade_submission",
        submission_id=sub["id"],
        rubric=[{"criterion": "Accuracy", "points": 20}, {"criterion": "Clarity", "points": 15}],
    )
    assert not res.is_error, res.text
    row = app.rows("submission", "id = ?", (sub["id"],))[0]
    assert row["status"] == "graded" and row["score"] == 35


def test_lms_enroll_refuses_full_course(open_app):
    app = open_app("coursecanopy")
    course = app.rows("course", "status = 'published'")[0]
    app.world.update(app.app.resources["course"].table, course["id"], {"capacity": 1})
    res = app.call("enroll_student", course_id=course["id"], student_email="new.student@school.edu")
    assert res.is_error and "is full" in res.text


# --- research papers ----------------------------------------------------------------------------------------


def test_research_add_citation_bumps_count(open_app):
    app = open_app("scholarlens")
    papers = app.rows("paper", "status = 'published'")
    old, new = min(papers, key=lambda p: p["year"]), max(papers, key=lambda p: p["year"])
    existing = app.rows("citation", "citing_paper_id = ? AND cited_paper_id = ?", (new["id"], old["id"]))
    if existing:
        app.world.delete(app.app.resources["citation"].table, existing[0]["id"])
    res = app.call("add_citation", citing_paper_id=new["id"], cited_paper_id=old["id"])
    assert not res.is_error, res.text
    assert app.rows("paper", "id = ?", (old["id"],))[0]["citation_count"] == old["citation_count"] + 1


def test_research_cannot_cite_later_paper(open_app):
    app = open_app("scholarlens")
    papers = app.rows("paper", "status = 'published'")
    old, new = min(papers, key=lambda p: p["year"]), max(papers, key=lambda p: p["year"])
    res = app.call("add_citation", citing_paper_id=old["id"], cited_paper_id=new["id"])
    assert res.is_error and "cannot cite a later paper" in res.text


# --- public library -----------------------------------------------------------------------------------------


def test_library_checkout_and_return(open_app):
    app = open_app("tomehaven")
    copy = app.rows("copy", "status = 'available'")[0]
    member = app.rows("member", "status = 'active' AND fines_cents = 0")[0]
    loan = app.call("checkout_copy", copy_id=copy["id"], member_id=member["id"])
    assert not loan.is_error, loan.text
    assert app.rows("copy", "id = ?", (copy["id"],))[0]["status"] == "on_loan"
    assert not app.call("return_copy", copy_id=copy["id"]).is_error
    assert app.rows("loan", "id = ?", (loan.structured["id"],))[0]["status"] == "returned"


def test_library_fines_block_borrowing(open_app):
    app = open_app("tomehaven")
    copy = app.rows("copy", "status = 'available'")[0]
    member = app.rows("member", "status = 'active'")[0]
    app.world.update(app.app.resources["member"].table, member["id"], {"fines_cents": 1500})
    res = app.call("checkout_copy", copy_id=copy["id"], member_id=member["id"])
    assert res.is_error and "borrowing is blocked" in res.text
