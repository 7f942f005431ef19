"""How people ask for the learning-management actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "enroll_student": Intent(
        (
            "enroll {student_email} in {course}",
            "sign {student_email} up for {course}",
            "add {student_email} to the roster of {course}",
            "get {student_email} a place in {course}",
        ),
        choices={
            "student_email": ("jordan.lee@campus.edu", "amira.haddad@campus.edu", "tomas.novak@campus.edu")
        },
        why=("they got late approval from their advisor", "they switched majors"),
        past="enrolled",
    ),
    "bulk_enroll": Intent(
        (
            "enroll {student_emails} in {course}",
            "sign {student_emails} up for {course} together",
            "add {student_emails} to {course} in one go",
            "put {student_emails} on the roster of {course}",
        ),
        choices={
            "student_emails": (
                ["jordan.lee@campus.edu", "amira.haddad@campus.edu"],
                ["tomas.novak@campus.edu", "keiko.sato@campus.edu", "liam.walsh@campus.edu"],
            )
        },
        why=("they are transferring in from another section", "the waitlist just cleared"),
        past="enrolled",
    ),
    "drop_enrollment": Intent(
        (
            "drop {enrollment}",
            "withdraw {enrollment} from the course",
            "remove {enrollment} from the roster",
            "cancel {enrollment}",
        ),
        why=("the student asked to withdraw", "they never showed up to class"),
        past="dropped",
    ),
    "publish_course": Intent(
        (
            "publish {course}",
            "open {course} for enrollment",
            "make {course} live for students",
            "put {course} out so students can sign up",
        ),
        why=("registration opens tomorrow", "the syllabus is final"),
        past="published",
    ),
    "create_assignments": Intent(
        (
            (
                "add two assignments to {course}: Reading response due 2026-04-10 and Lab report due "
                "2026-04-24, 50 points each"
            ),
            (
                "set up a Reading response (due April 10) and a Lab report (due April 24) in "
                "{course}, each worth 50"
            ),
            (
                "create the Reading response and Lab report assignments for {course}, 50 "
                "points, due 10 and 24 April"
            ),
            (
                "draft two new assignments in {course}, Reading response for April 10 and Lab report for "
                "April 24, worth 50 points"
            ),
        ),
        args={
            "assignments": [
                {"title": "Reading response", "due_at": "2026-04-10T23:00:00Z", "points_possible": 50},
                {"title": "Lab report", "due_at": "2026-04-24T23:00:00Z", "points_possible": 50},
            ]
        },
        why=("I am planning the second half of term", "the department wants the schedule posted"),
        past="created",
    ),
    "publish_assignment": Intent(
        (
            "publish {assignment}",
            "release {assignment} to the students",
            "make {assignment} visible to the class",
            "post {assignment} for the class",
        ),
        why=("the instructions are ready", "students are asking about it"),
        past="published",
    ),
    "extend_due_date": Intent(
        (
            "push the deadline of {assignment} to {due_at}",
            "extend {assignment} until {due_at}",
            "give the class until {due_at} for {assignment}",
            "move the due date of {assignment} out to {due_at}",
        ),
        choices={"due_at": ("2026-04-15T23:00:00Z", "2026-04-30T23:00:00Z", "2026-05-08T23:00:00Z")},
        why=("half the class was out sick", "the library system was down", "the lab equipment broke"),
        past="extended",
    ),
    "submit_assignment": Intent(
        (
            "hand in {assignment} for {student_email} with the file at {content_url}",
            "submit {content_url} as the work of {student_email} for {assignment}",
            "turn in {assignment} on behalf of {student_email}, link {content_url}",
            "upload the submission for {assignment} by {student_email} from {content_url}",
        ),
        pick={"student_email": "enrollment.student_email"},
        choices={
            "content_url": (
                "https://drive.example.edu/essay-final.pdf",
                "https://files.example.edu/lab-notes.docx",
            )
        },
        why=("the upload page failed for them", "they emailed it to me instead"),
        past="submitted",
    ),
    "grade_submission": Intent(
        (
            "grade {submission}: 20 for content, 15 for analysis and 10 for presentation",
            "score {submission} with content 20, analysis 15, presentation 10",
            "mark {submission} at 20 content, 15 analysis and 10 presentation points",
            "give {submission} 20 points for content, 15 for analysis and 10 for presentation",
        ),
        args={
            "rubric": [
                {"criterion": "Content", "points": 20},
                {"criterion": "Analysis", "points": 15},
                {"criterion": "Presentation", "points": 10},
            ]
        },
        report={"score": "final score"},
        why=("grades are due Friday", "the student is waiting for feedback"),
        past="graded",
    ),
    "close_assignment": Intent(
        (
            "close {assignment}",
            "stop accepting submissions for {assignment}",
            "lock {assignment} to new work",
            "shut the submission window on {assignment}",
        ),
        why=("the deadline has passed", "I want to start grading"),
        past="closed",
    ),
    "list_missing_submissions": Intent(
        (
            "who hasn't handed in {assignment} yet",
            "list the students missing {assignment}",
            "find out who still owes me {assignment}",
            "check which students have not submitted {assignment}",
        ),
        report={"student_emails.0": "first student missing it"},
        why=("I want to send reminders", "the deadline is close"),
    ),
    "get_gradebook": Intent(
        (
            "show me the gradebook for {course}",
            "how is the class doing in {course}",
            "pull up the grades in {course}",
            "what is the class average in {course}",
        ),
        report={"class_average": "class average", "students.0.student_email": "first student listed"},
        why=("midterm reports are due", "the department head asked"),
    ),
    "get_student_grade": Intent(
        (
            "what grade does {student_email} have in {course}",
            "check how {student_email} is doing in {course}",
            "look up the current mark of {student_email} in {course}",
            "find where {student_email} stands in {course}",
        ),
        pick={"student_email": "enrollment.student_email"},
        report={"percent": "current percentage", "letter": "letter grade"},
        why=("their parents asked", "they are worried about passing", "they asked for a reference letter"),
    ),
    "finalize_course_grades": Intent(
        (
            "finalize the grades for {course}",
            "lock in final grades for {course} and archive it",
            "wrap up {course} with final letter grades",
            "close out {course} and record the final grades",
        ),
        report={"enrollments.0.final_grade": "first student's final grade"},
        why=("the term is over", "the registrar needs grades by Monday"),
        past="finalized",
    ),
    "get_upcoming_assignments": Intent(
        (
            "what does {student_email} still have to hand in",
            "list the upcoming assignments of {student_email}",
            "show the work {student_email} has coming due",
            "check which assignments {student_email} still owes",
        ),
        pick={"student_email": "enrollment.student_email"},
        report={"assignments.0.title": "next assignment", "assignments.0.due_at": "its due time"},
        why=("they want to plan their week", "their advisor asked"),
    ),
}
