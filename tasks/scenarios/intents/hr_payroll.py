"""How people ask for the HR and payroll actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "create_pay_run": Intent(
        (
            "set up the pay run for the two weeks starting {period_start}",
            "create a new pay run beginning {period_start}",
            "start a draft payroll for the period from {period_start}",
            "prepare payroll for the fortnight from {period_start}",
        ),
        choices={"period_start": ("2026-05-01", "2026-05-16")},
        report={"gross_total": "gross total", "employee_count": "people paid"},
        why=("payroll is due soon", "finance wants to review it early"),
        past="created",
    ),
    "approve_pay_run": Intent(
        (
            "approve {pay_run}",
            "sign off on {pay_run}",
            "give {pay_run} the go-ahead",
            "okay {pay_run} for payment",
        ),
        why=("the numbers check out", "finance reviewed it"),
        past="approved",
    ),
    "mark_pay_run_paid": Intent(
        (
            "mark {pay_run} as paid",
            "record {pay_run} as paid out",
            "close {pay_run} as paid",
            "note that {pay_run} has gone out to everyone",
        ),
        why=("the bank confirmed the transfer", "people got their salaries this morning"),
        past="marked paid",
    ),
    "cancel_pay_run": Intent(
        ("cancel {pay_run}", "scrap {pay_run}", "call off {pay_run}, we will redo it", "void {pay_run}"),
        why=("the salaries in it are wrong", "it was created for the wrong period"),
        past="cancelled",
    ),
    "get_payroll_summary": Intent(
        (
            "summarize {pay_run}",
            "give me the totals of {pay_run}",
            "break down {pay_run} by department",
            "pull the gross and net figures for {pay_run}",
        ),
        report={"gross_total": "gross total", "net_total": "net total"},
        why=("the CFO asked for the payroll cost", "I am checking it before approval"),
    ),
    "request_time_off": Intent(
        (
            "book {start_date} off as vacation for {employee}",
            "put in a vacation day on {start_date} for {employee}",
            "request a day of vacation for {employee} on {start_date}",
            "file a vacation request for {employee} for {start_date}",
        ),
        args={"kind": "vacation"},
        choices={"start_date": ("2026-03-13", "2026-03-20", "2026-04-06")},
        why=("they have a family event", "they asked me to file it while they travel"),
        past="requested",
    ),
    "approve_time_off": Intent(
        ("approve {time_off}", "okay {time_off}", "grant {time_off}", "say yes to {time_off}"),
        why=("the team has cover that week", "it was booked well in advance"),
        past="approved",
    ),
    "deny_time_off": Intent(
        (
            "deny {time_off} because {reason}",
            "turn down {time_off}, explaining {reason}",
            "reject {time_off} with the reason {reason}",
            "decline {time_off}: {reason}",
        ),
        choices={
            "reason": (
                "We are short-staffed that week.",
                "It falls in the release freeze.",
                "Too many people are already off then.",
            )
        },
        why=("the team cannot spare anyone then", "it clashes with the launch"),
        past="denied",
    ),
    "cancel_time_off": Intent(
        (
            "cancel {time_off}",
            "withdraw {time_off}",
            "call off {time_off}, plans changed",
            "take back {time_off}",
        ),
        why=("the trip was cancelled", "they are needed for the launch after all"),
        past="cancelled",
    ),
    "list_out_of_office": Intent(
        (
            "find out who is out of the office today",
            "list everyone who is off today",
            "check who is on leave today",
            "tell me which people are away today",
        ),
        report={"requests.0.employee_id": "someone who is out", "requests.0.end_date": "their last day off"},
        why=("I need to plan the standup", "a customer is asking for someone"),
    ),
    "transfer_employee": Intent(
        (
            "move {employee} to {department}",
            "transfer {employee} into {department}",
            "put {employee} in {department}",
            "switch {employee} over to {department}",
        ),
        why=("they applied for an internal move", "the reorg takes effect this month"),
        past="transferred",
    ),
    "give_raise": Intent(
        (
            "give {employee} a raise of {percent}%",
            "raise {employee}'s salary by {percent} percent",
            "bump {employee}'s pay {percent}%",
            "increase {employee}'s salary by {percent}%",
        ),
        choices={"percent": (3, 5, 8)},
        report={"annual_salary": "new salary"},
        why=("they were promoted", "it is the annual review", "we need to match a competing offer"),
        past="given a raise",
    ),
    "terminate_employee": Intent(
        (
            "process {employee}'s departure with {last_day} as the last day",
            "terminate {employee} effective {last_day}",
            "offboard {employee}, their last day is {last_day}",
            "end {employee}'s employment as of {last_day}",
        ),
        choices={"last_day": ("2026-03-13", "2026-03-27")},
        why=("they resigned", "their contract is ending"),
        past="terminated",
    ),
    "hire_employees": Intent(
        (
            "hire Maya Chen into {department} as a full-time data analyst at 62,000 a year",
            "add our new hire Maya Chen (data analyst, full time, 62k salary) to {department}",
            "onboard Maya Chen into {department}: data analyst, full-time, 62,000 per year",
            "set up Maya Chen as a new full-time data analyst in {department} on 62k",
        ),
        args={
            "employees": [
                {
                    "first_name": "Maya",
                    "last_name": "Chen",
                    "job_title": "Data Analyst",
                    "annual_salary": 62000,
                    "employment_type": "full_time",
                }
            ]
        },
        why=("she signed her offer yesterday", "she starts on Monday"),
        past="hired",
    ),
    "get_department_headcount": Intent(
        (
            "count how many people are in {department}",
            "check the headcount and payroll of {department}",
            "check whether {department} is over its payroll budget",
            "give me the headcount of {department}",
        ),
        report={"headcount": "headcount", "over_budget": "whether it is over budget"},
        why=("we are planning next year's budget", "the manager wants to hire"),
    ),
    "filter_employees": Intent(
        (
            "list the active people in {department} earning 100,000 or more",
            "find everyone in {department} who is active and paid at least 100k",
            "show active staff in {department} on salaries of 100,000 and up",
            "pull the active employees of {department} making 100k plus",
        ),
        args={"filters": {"status": "active", "min_salary": 100000}},
        report={"employees.0.last_name": "highest earner"},
        why=("we are reviewing senior pay", "the compensation review starts next week"),
    ),
}
