"""Payroll and HR: departments, employees, pay runs with payslips, and time-off requests (five products)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import parse_day
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("payroll and HR")

DATE = r"^\d{4}-\d{2}-\d{2}$"
SAFE_DATE = r"^202[5-7]-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$"
TAX_RATE = 0.22
BENEFITS = 0.05


class Department(BaseModel):
    id: str = Field(description="Department id.")
    name: str = Field(description="Department name.", min_length=1, max_length=80)
    code: str = Field(description="Short code, e.g. 'ENG'.", pattern=r"^[A-Z]{2,5}$")
    manager_email: str = Field("", description="Email of the department head.", max_length=200)
    annual_budget: float = Field(0.0, ge=0, le=100_000_000, description="Annual payroll budget in USD.")
    cost_center: str = Field("", description="Accounting cost center.", max_length=20)


class Employee(BaseModel):
    id: str = Field(description="Employee id.")
    first_name: str = Field(description="First name.", min_length=1, max_length=60)
    last_name: str = Field(description="Last name.", min_length=1, max_length=60)
    email: str = Field(description="Work email.", max_length=200)
    department_id: str = Field("", description="Department; empty when unassigned.")
    job_title: str = Field("", description="Job title.", max_length=100)
    annual_salary: float = Field(0.0, ge=0, le=2_000_000, description="Annual base salary in USD.")
    employment_type: Literal["full_time", "part_time", "contractor"] = Field(
        "full_time", description="Employment type."
    )
    status: Literal["active", "on_leave", "terminated"] = Field("active", description="Employment status.")
    hire_date: str = Field("", description="Hire date (YYYY-MM-DD).")
    termination_date: str = Field("", description="Last day (YYYY-MM-DD), empty while employed.")
    pto_balance_days: float = Field(15.0, ge=0, description="Vacation days available.")


class PayRun(BaseModel):
    id: str = Field(description="Pay run id.")
    period_start: str = Field(description="First day of the pay period (YYYY-MM-DD).")
    period_end: str = Field(description="Last day of the pay period (YYYY-MM-DD).")
    pay_date: str = Field(description="Date employees are paid (YYYY-MM-DD).")
    status: Literal["draft", "approved", "paid", "canceled"] = Field("draft", description="Pay run status.")
    employee_count: int = Field(0, ge=0, description="Payslips in the run.")
    gross_total: float = Field(0.0, description="Gross pay of all payslips.")
    net_total: float = Field(0.0, description="Net pay of all payslips.")


class Payslip(BaseModel):
    id: str = Field(description="Payslip id.")
    pay_run_id: str = Field(description="Pay run.")
    employee_id: str = Field(description="Employee paid.")
    gross: float = Field(description="Gross pay.")
    tax: float = Field(description="Withholding tax.")
    benefits: float = Field(description="Benefit deductions.")
    net: float = Field(description="Net pay.")


class TimeOff(BaseModel):
    id: str = Field(description="Time-off request id.")
    employee_id: str = Field(description="Employee requesting time off.")
    kind: Literal["vacation", "sick", "personal", "parental"] = Field(description="Type of leave.")
    start_date: str = Field(description="First day off (YYYY-MM-DD).", pattern=DATE)
    end_date: str = Field(description="Last day off (YYYY-MM-DD).", pattern=DATE)
    days: float = Field(ge=0, description="Working days requested.")
    status: Literal["pending", "approved", "denied", "canceled"] = Field(
        "pending", description="Request status."
    )
    note: str = Field("", description="Note from the employee or the approver.", max_length=500)


bp.resource(Department, name="department", id_prefix="dep", searchable=("name", "code"), order_by="name")
bp.resource(
    Employee,
    name="employee",
    id_prefix="emp",
    searchable=("first_name", "last_name", "email", "job_title"),
    filterable=("department_id", "status", "employment_type"),
    refs={"department_id": "department"},
    readonly=("status", "termination_date", "pto_balance_days", "annual_salary", "department_id"),
    ops=("search", "list", "get", "create", "update"),
    order_by="last_name",
)
bp.resource(
    PayRun,
    name="pay_run",
    id_prefix="prn",
    filterable=("status",),
    ops=("list", "get"),
    order_by="period_start DESC",
)
bp.resource(
    Payslip,
    name="payslip",
    id_prefix="psl",
    filterable=("pay_run_id", "employee_id"),
    refs={"pay_run_id": "pay_run", "employee_id": "employee"},
    ops=("list", "get"),
)
bp.resource(
    TimeOff,
    name="time_off",
    plural="time_off_requests",
    id_prefix="tor",
    filterable=("employee_id", "status", "kind"),
    refs={"employee_id": "employee"},
    ops=("list", "get"),
    order_by="start_date",
)


class NewEmployee(BaseModel):
    first_name: str = Field(description="First name.", min_length=1, max_length=60)
    last_name: str = Field(description="Last name.", min_length=1, max_length=60)
    job_title: str = Field("", description="Job title.", max_length=100)
    annual_salary: float = Field(ge=0, le=250_000, description="Annual base salary in USD.")
    employment_type: Literal["full_time", "part_time", "contractor"] = Field("full_time", description="Type.")


class EmployeeList(BaseModel):
    employees: list[Employee] = Field(description="The employees.")


class EmployeeFilter(BaseModel):
    status: Literal["active", "on_leave", "terminated"] | None = Field(None, description="Only this status.")
    min_salary: float = Field(0.0, ge=0, description="Minimum annual salary.")
    max_salary: float = Field(10_000_000.0, ge=0, description="Maximum annual salary.")
    hired_after: str = Field(
        "", description="Only hires on or after this date (YYYY-MM-DD).", pattern=r"^(\d{4}-\d{2}-\d{2})?$"
    )


class Headcount(BaseModel):
    department_id: str = Field(description="The department.")
    headcount: int = Field(description="Active and on-leave employees.")
    annual_payroll: float = Field(description="Sum of their annual salaries.")
    annual_budget: float = Field(description="The department budget.")
    over_budget: bool = Field(description="Whether payroll exceeds the budget.")


class PayrollSummary(BaseModel):
    pay_run_id: str = Field(description="The pay run.")
    status: str = Field(description="Pay run status.")
    gross_total: float = Field(description="Gross pay.")
    tax_total: float = Field(description="Tax withheld.")
    net_total: float = Field(description="Net pay.")
    gross_by_department: dict[str, float] = Field(description="Gross pay per department name.")


class TimeOffList(BaseModel):
    requests: list[TimeOff] = Field(description="Time-off requests.")


def _workdays(a: date, b: date) -> int:
    return sum(1 for k in range((b - a).days + 1) if (a + timedelta(days=k)).weekday() < 5)


def _slip(emp: dict) -> dict:
    gross = round(emp["annual_salary"] / 24, 2)
    tax, ben = (
        round(gross * TAX_RATE, 2),
        round(gross * BENEFITS if emp["employment_type"] != "contractor" else 0, 2),
    )
    return {
        "employee_id": emp["id"],
        "gross": gross,
        "tax": tax,
        "benefits": ben,
        "net": round(gross - tax - ben, 2),
    }


@bp.action()
def create_pay_run(
    ctx: ToolContext,
    period_start: Annotated[str, Field(pattern=SAFE_DATE)],
    period_end: Annotated[str, Field(pattern=SAFE_DATE)] | None = None,
) -> PayRun:
    """Create a draft {app} pay run for a period with one payslip per active employee; periods may not
    overlap.

    Args:
        period_start: First day of the period (YYYY-MM-DD).
        period_end: Last day (YYYY-MM-DD); defaults to 14 days after the start.
    """
    a = parse_day(period_start, "period_start", hint=False)
    b = parse_day(period_end, "period_end", hint=False) if period_end else a + timedelta(days=13)
    if b < a:
        raise ToolError(f"period_end {b} is before period_start {a}.")
    if (b - a).days > 31:
        raise ToolError("A pay period may not be longer than 31 days.")
    for r in ctx.select("pay_run", "status != 'canceled'"):
        if r["period_start"] <= b.isoformat() and a.isoformat() <= r["period_end"]:
            raise ToolError(f"Period overlaps pay run {r['id']} ({r['period_start']} to {r['period_end']}).")
    emps = ctx.select("employee", "status IN ('active','on_leave')")
    if not emps:
        raise ToolError("There are no active employees to pay.")
    slips = [_slip(e) for e in emps]
    run = ctx.insert(
        "pay_run",
        {
            "period_start": a.isoformat(),
            "period_end": b.isoformat(),
            "pay_date": (b + timedelta(days=5)).isoformat(),
            "status": "draft",
            "employee_count": len(slips),
            "gross_total": round(sum(s["gross"] for s in slips), 2),
            "net_total": round(sum(s["net"] for s in slips), 2),
        },
    )
    for s in slips:
        ctx.insert("payslip", {"pay_run_id": run["id"], **s})
    return run


def _run_in(ctx: ToolContext, pay_run_id: str, allowed: tuple[str, ...], action: str) -> dict:
    run = ctx.require("pay_run", pay_run_id)
    if run["status"] not in allowed:
        raise ToolError(
            f"Pay run {pay_run_id} is {run['status']}; only {' or '.join(allowed)} runs can be {action}."
        )
    return run


@bp.action()
def approve_pay_run(ctx: ToolContext, pay_run_id: str) -> PayRun:
    """Approve a draft {app} pay run so it can be paid; returns the approved run.

    Args:
        pay_run_id: The draft pay run.
    """
    _run_in(ctx, pay_run_id, ("draft",), "approved")
    return ctx.update("pay_run", pay_run_id, {"status": "approved"})


@bp.action()
def mark_pay_run_paid(ctx: ToolContext, pay_run_id: str) -> PayRun:
    """Record that an approved {app} pay run was paid out to employees; returns the run.

    Args:
        pay_run_id: The approved pay run.
    """
    _run_in(ctx, pay_run_id, ("approved",), "marked paid")
    return ctx.update("pay_run", pay_run_id, {"status": "paid"})


@bp.action(destructive=True)
def cancel_pay_run(ctx: ToolContext, pay_run_id: str) -> PayRun:
    """Cancel a draft or approved {app} pay run and delete its payslips; paid runs cannot be canceled.

    Args:
        pay_run_id: The pay run to cancel.
    """
    _run_in(ctx, pay_run_id, ("draft", "approved"), "canceled")
    for s in ctx.select("payslip", "pay_run_id = ?", (pay_run_id,)):
        ctx.delete("payslip", s["id"])
    return ctx.update("pay_run", pay_run_id, {"status": "canceled", "employee_count": 0})


@bp.action(read_only=True)
def get_payroll_summary(ctx: ToolContext, pay_run_id: str) -> PayrollSummary:
    """Summarize an {app} pay run: gross, tax and net totals plus gross pay per department.

    Args:
        pay_run_id: The pay run.
    """
    run = ctx.require("pay_run", pay_run_id)
    slips = ctx.select("payslip", "pay_run_id = ?", (pay_run_id,))
    by: dict[str, float] = {}
    for s in slips:
        emp = ctx.get("employee", s["employee_id"])
        dep = ctx.get("department", emp["department_id"]) if emp and emp["department_id"] else None
        key = dep["name"] if dep else "Unassigned"
        by[key] = round(by.get(key, 0.0) + s["gross"], 2)
    return {
        "pay_run_id": pay_run_id,
        "status": run["status"],
        "gross_total": round(sum(s["gross"] for s in slips), 2),
        "tax_total": round(sum(s["tax"] for s in slips), 2),
        "net_total": round(sum(s["net"] for s in slips), 2),
        "gross_by_department": by,
    }


@bp.action()
def request_time_off(
    ctx: ToolContext,
    employee_id: str,
    kind: Literal["vacation", "sick", "personal", "parental"],
    start_date: Annotated[str, Field(pattern=SAFE_DATE)],
    end_date: Annotated[str, Field(pattern=SAFE_DATE)] | None = None,
    note: Annotated[str, Field(max_length=500)] = "",
) -> TimeOff:
    """File an {app} time-off request; vacation needs enough PTO balance and requests may not overlap.

    Args:
        employee_id: The employee taking time off.
        kind: Type of leave.
        start_date: First day off (YYYY-MM-DD).
        end_date: Last day off (YYYY-MM-DD); the start date when omitted.
        note: Optional note for the approver.
    """
    emp = ctx.require("employee", employee_id)
    if emp["status"] == "terminated":
        raise ToolError(f"{emp['first_name']} {emp['last_name']} is no longer employed.")
    a = parse_day(start_date, "start_date", hint=False)
    b = parse_day(end_date, "end_date", hint=False) if end_date else a
    if b < a:
        raise ToolError(f"end_date {b} is before start_date {a}.")
    days = _workdays(a, b)
    if days == 0:
        raise ToolError("The requested period contains no working days.")
    if days > 60:
        raise ToolError(f"Requests are limited to 60 working days; {days} requested.")
    if kind == "vacation" and days > emp["pto_balance_days"]:
        raise ToolError(f"Not enough PTO: {days} days requested, {emp['pto_balance_days']} available.")
    for r in ctx.select("time_off", "employee_id = ? AND status IN ('pending','approved')", (employee_id,)):
        if r["start_date"] <= b.isoformat() and a.isoformat() <= r["end_date"]:
            raise ToolError(f"Overlaps request {r['id']} ({r['start_date']} to {r['end_date']}).")
    return ctx.insert(
        "time_off",
        {
            "employee_id": employee_id,
            "kind": kind,
            "start_date": a.isoformat(),
            "end_date": b.isoformat(),
            "days": days,
            "status": "pending",
            "note": note,
        },
    )


@bp.action()
def approve_time_off(ctx: ToolContext, time_off_id: str) -> TimeOff:
    """Approve a pending {app} time-off request; vacation days are deducted from the PTO balance.

    Args:
        time_off_id: The pending request.
    """
    r = ctx.require("time_off", time_off_id)
    if r["status"] != "pending":
        raise ToolError(f"Request {time_off_id} is {r['status']}; only pending requests can be approved.")
    emp = ctx.require("employee", r["employee_id"])
    if r["kind"] == "vacation":
        if r["days"] > emp["pto_balance_days"]:
            raise ToolError(
                f"Not enough PTO left: request needs {r['days']} days, balance {emp['pto_balance_days']}."
            )
        ctx.update("employee", emp["id"], {"pto_balance_days": emp["pto_balance_days"] - r["days"]})
    return ctx.update("time_off", time_off_id, {"status": "approved"})


@bp.action()
def deny_time_off(
    ctx: ToolContext, time_off_id: str, reason: Annotated[str, Field(min_length=1, max_length=500)]
) -> TimeOff:
    """Deny a pending {app} time-off request with a reason shown to the employee; returns the request.

    Args:
        time_off_id: The pending request.
        reason: Why it is denied.
    """
    r = ctx.require("time_off", time_off_id)
    if r["status"] != "pending":
        raise ToolError(f"Request {time_off_id} is {r['status']}; only pending requests can be denied.")
    return ctx.update("time_off", time_off_id, {"status": "denied", "note": reason})


@bp.action()
def cancel_time_off(ctx: ToolContext, time_off_id: str) -> TimeOff:
    """Cancel a pending or approved {app} time-off request that has not started; vacation days are restored.

    Args:
        time_off_id: The request to cancel.
    """
    r = ctx.require("time_off", time_off_id)
    if r["status"] not in ("pending", "approved"):
        raise ToolError(f"Request {time_off_id} is {r['status']} and cannot be canceled.")
    if r["start_date"] <= ctx.today():
        raise ToolError(f"Request {time_off_id} started on {r['start_date']}; past leave cannot be canceled.")
    if r["status"] == "approved" and r["kind"] == "vacation":
        emp = ctx.require("employee", r["employee_id"])
        ctx.update("employee", emp["id"], {"pto_balance_days": emp["pto_balance_days"] + r["days"]})
    return ctx.update("time_off", time_off_id, {"status": "canceled"})


@bp.action(read_only=True)
def list_out_of_office(
    ctx: ToolContext, on_date: Annotated[str, Field(pattern=DATE)] | None = None
) -> TimeOffList:
    """List approved {app} time off covering a date (today by default): who is out of the office.

    Args:
        on_date: The date to check (YYYY-MM-DD).
    """
    day = on_date or ctx.today()
    return {
        "requests": ctx.select(
            "time_off", "status = 'approved' AND start_date <= ? AND end_date >= ?", (day, day)
        )
    }


@bp.action()
def transfer_employee(ctx: ToolContext, employee_id: str, department_id: str) -> Employee:
    """Move an {app} employee to another department; terminated employees and same-department moves are
    refused.

    Args:
        employee_id: The employee.
        department_id: The new department.
    """
    emp = ctx.require("employee", employee_id)
    dep = ctx.require("department", department_id)
    if emp["status"] == "terminated":
        raise ToolError(f"{emp['first_name']} {emp['last_name']} is terminated.")
    if emp["department_id"] == department_id:
        raise ToolError(f"{emp['first_name']} {emp['last_name']} is already in {dep['name']}.")
    return ctx.update("employee", employee_id, {"department_id": department_id})


@bp.action()
def give_raise(ctx: ToolContext, employee_id: str, percent: Annotated[float, Field(gt=0, le=25)]) -> Employee:
    """Raise an {app} employee's annual salary by a percentage; refused when it would break the department
    budget.

    Args:
        employee_id: The employee.
        percent: Raise in percent (up to 25).
    """
    emp = ctx.require("employee", employee_id)
    if emp["status"] == "terminated":
        raise ToolError(f"{emp['first_name']} {emp['last_name']} is terminated.")
    new = round(emp["annual_salary"] * (1 + percent / 100), 2)
    if emp["department_id"]:
        dep = ctx.get("department", emp["department_id"])
        if dep and dep["annual_budget"]:
            payroll = sum(
                e["annual_salary"]
                for e in ctx.select("employee", "department_id = ? AND status != 'terminated'", (dep["id"],))
            )
            after = payroll - emp["annual_salary"] + new
            if after > dep["annual_budget"]:
                raise ToolError(
                    f"Raise would put {dep['name']} payroll at {round(after, 2)}, "
                    f"over its budget of {dep['annual_budget']}."
                )
    return ctx.update("employee", employee_id, {"annual_salary": new})


@bp.action(destructive=True)
def terminate_employee(
    ctx: ToolContext, employee_id: str, last_day: Annotated[str, Field(pattern=SAFE_DATE)] | None = None
) -> Employee:
    """Terminate an {app} employee as of a last day (today by default); pending time-off requests are
    canceled.

    Args:
        employee_id: The employee.
        last_day: Last working day (YYYY-MM-DD), not before the hire date.
    """
    emp = ctx.require("employee", employee_id)
    if emp["status"] == "terminated":
        raise ToolError(
            f"{emp['first_name']} {emp['last_name']} was already terminated on {emp['termination_date']}."
        )
    day = parse_day(last_day, "last_day", hint=False).isoformat() if last_day else ctx.today()
    if day < emp["hire_date"]:
        raise ToolError(f"last_day {day} is before the hire date {emp['hire_date']}.")
    for r in ctx.select("time_off", "employee_id = ? AND status = 'pending'", (employee_id,)):
        ctx.update("time_off", r["id"], {"status": "canceled"})
    return ctx.update("employee", employee_id, {"status": "terminated", "termination_date": day})


@bp.action()
def hire_employees(
    ctx: ToolContext,
    department_id: str,
    employees: Annotated[list[NewEmployee], Field(min_length=1, max_length=20)],
) -> EmployeeList:
    """Hire several people into one {app} department at once (all or none), within the department budget.

    Args:
        department_id: Department the new hires join.
        employees: The new hires.
    """
    dep = ctx.require("department", department_id)
    payroll = sum(
        e["annual_salary"]
        for e in ctx.select("employee", "department_id = ? AND status != 'terminated'", (department_id,))
    )
    added = sum(e["annual_salary"] for e in employees)
    if dep["annual_budget"] and payroll + added > dep["annual_budget"]:
        raise ToolError(
            f"Hiring would put {dep['name']} payroll at {round(payroll + added, 2)}, over its budget of "
            f"{dep['annual_budget']}; no one was hired."
        )
    domain = ctx.user.email.split("@")[1]
    taken = {e["email"] for e in ctx.select("employee")}
    made = []
    for e in employees:
        base = f"{e['first_name']}.{e['last_name']}".lower().replace(" ", "")
        email, k = f"{base}@{domain}", 2
        while email in taken:
            email, k = f"{base}{k}@{domain}", k + 1
        taken.add(email)
        made.append(
            ctx.insert(
                "employee",
                {
                    "first_name": e["first_name"],
                    "last_name": e["last_name"],
                    "email": email,
                    "department_id": department_id,
                    "job_title": e.get("job_title", ""),
                    "annual_salary": e["annual_salary"],
                    "employment_type": e.get("employment_type", "full_time"),
                    "hire_date": ctx.today(),
                    "pto_balance_days": 15.0,
                },
            )
        )
    return {"employees": made}


@bp.action(read_only=True)
def get_department_headcount(ctx: ToolContext, department_id: str) -> Headcount:
    """Get an {app} department's headcount and annual payroll compared with its budget (flags over budget).

    Args:
        department_id: The department.
    """
    dep = ctx.require("department", department_id)
    emps = ctx.select("employee", "department_id = ? AND status != 'terminated'", (department_id,))
    payroll = round(sum(e["annual_salary"] for e in emps), 2)
    return {
        "department_id": department_id,
        "headcount": len(emps),
        "annual_payroll": payroll,
        "annual_budget": dep["annual_budget"],
        "over_budget": bool(dep["annual_budget"]) and payroll > dep["annual_budget"],
    }


@bp.action(read_only=True)
def filter_employees(
    ctx: ToolContext, filters: EmployeeFilter, department_id: str | None = None
) -> EmployeeList:
    """Find {app} employees by status, salary range and hire date, optionally in one department; highest paid
    first.

    Args:
        filters: Criteria; omitted criteria do not filter.
        department_id: Only this department.
    """
    f = {"status": None, "min_salary": 0.0, "max_salary": 10_000_000.0, "hired_after": "", **filters}
    if f["min_salary"] > f["max_salary"]:
        raise ToolError(
            f"filters.min_salary {f['min_salary']} is above filters.max_salary {f['max_salary']}."
        )
    if department_id:
        ctx.require("department", department_id)
    out = [
        e
        for e in ctx.select("employee", order_by="annual_salary DESC")
        if (not f["status"] or e["status"] == f["status"])
        and f["min_salary"] <= e["annual_salary"] <= f["max_salary"]
        and e["hire_date"] >= f["hired_after"]
        and (not department_id or e["department_id"] == department_id)
    ]
    return {"employees": out}


_DEPTS = [
    ("Engineering", "ENG", ("Software Engineer", "Senior Engineer", "QA Analyst"), 125000),
    ("Sales", "SLS", ("Account Executive", "Sales Development Rep"), 85000),
    ("Marketing", "MKT", ("Content Strategist", "Growth Marketer"), 90000),
    ("Finance", "FIN", ("Accountant", "Financial Analyst"), 95000),
    ("People Operations", "PPL", ("HR Generalist", "Recruiter"), 80000),
    ("Customer Support", "SUP", ("Support Specialist", "Support Lead"), 60000),
    ("Design", "DSN", ("Product Designer",), 110000),
    ("Legal", "LGL", ("Counsel",), 150000),
    ("Operations", "OPS", ("Operations Manager", "Office Coordinator"), 75000),
    ("Data", "DATA", ("Data Analyst", "Data Engineer"), 120000),
]


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    deps = []
    for n, (name, code, _, base) in enumerate(_DEPTS):
        deps.append(
            ctx.insert(
                "department",
                {
                    "name": name,
                    "code": code,
                    "manager_email": s.people[n].email,
                    "annual_budget": float(base * rng.randint(12, 16) if n != 7 else 290000),
                    "cost_center": f"CC-{100 + n * 10}",
                },
            )
        )
    employees = []
    for n, p in enumerate(s.people[:36]):
        k = n % len(_DEPTS)
        _, _, titles, base = _DEPTS[k]
        status = "terminated" if n in (30, 33) else "on_leave" if n in (12, 25) else "active"
        hired = -rng.randint(60, 2200)
        employees.append(
            ctx.insert(
                "employee",
                {
                    "first_name": p.first_name,
                    "last_name": p.last_name,
                    "email": p.email,
                    "department_id": deps[k]["id"] if n != 35 else "",
                    "job_title": rng.choice(titles),
                    "annual_salary": float(round(base * rng.uniform(0.8, 1.3), -2)),
                    "employment_type": "contractor"
                    if n % 11 == 10
                    else "part_time"
                    if n % 13 == 12
                    else "full_time",
                    "status": status,
                    "hire_date": s.date(hired),
                    "termination_date": s.date(-rng.randint(1, 40)) if status == "terminated" else "",
                    "pto_balance_days": float(rng.randint(2, 22)),
                },
            )
        )
    # pay runs: semi-monthly, newest first (upcoming drafts and approved runs, then paid history)
    starts = [
        (2026, 4, 16),
        (2026, 4, 1),
        (2026, 3, 16),
        (2026, 3, 1),
        (2026, 2, 16),
        (2026, 2, 1),
        (2026, 1, 16),
        (2026, 1, 1),
        (2025, 12, 16),
        (2025, 12, 1),
        (2025, 11, 16),
        (2025, 11, 1),
        (2025, 10, 16),
        (2025, 10, 1),
        (2025, 9, 16),
        (2025, 9, 1),
    ]
    payable = [e for e in employees if e["status"] != "terminated"]
    for n, (y, m, d) in enumerate(starts):
        a = date(y, m, d)
        b = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)) if d == 16 else date(y, m, 15)
        status = (
            ("draft", "draft", "approved", "approved", "paid", "paid", "canceled")[n] if n < 7 else "paid"
        )
        slips = [_slip(e) for e in payable] if status != "canceled" else []
        run = ctx.insert(
            "pay_run",
            {
                "period_start": a.isoformat(),
                "period_end": b.isoformat(),
                "pay_date": (b + timedelta(days=5)).isoformat(),
                "status": status,
                "employee_count": len(slips),
                "gross_total": round(sum(x["gross"] for x in slips), 2),
                "net_total": round(sum(x["net"] for x in slips), 2),
            },
        )
        if n < 6:
            for x in slips:
                ctx.insert("payslip", {"pay_run_id": run["id"], **x})
    for n in range(24):
        emp = employees[n % 30]
        start = rng.randint(5, 40) if n < 12 else rng.randint(-60, 30)
        length = rng.randint(0, 4)
        a, b = date.fromisoformat(s.date(start)), date.fromisoformat(s.date(start + length))
        while a.weekday() >= 5:
            a += timedelta(days=1)
        b = max(a, b)
        status = (
            ("pending", "pending", "approved")[n % 3]
            if n < 12
            else rng.choice(("approved", "denied", "canceled"))
        )
        ctx.insert(
            "time_off",
            {
                "employee_id": emp["id"],
                "kind": rng.choice(("vacation", "vacation", "sick", "personal")),
                "start_date": a.isoformat(),
                "end_date": b.isoformat(),
                "days": float(_workdays(a, b)),
                "status": status,
                "note": rng.choice(("", "Family trip", "Doctor appointment", "Moving")),
            },
        )


bp.product("payvista", "PayVista", "Payroll and HR suite: employees, departments, pay runs and leave.")
bp.product(
    "crewledger",
    "CrewLedger",
    "HR records and time-off tracking for small companies.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("hire_employees", "delete_department"),
)
bp.product(
    "wagewise",
    "WageWise",
    "Payroll processing with approvals and department budgets.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse", "create": "add"},
)
bp.product(
    "staffnest",
    "StaffNest",
    "Lightweight people directory with leave requests.",
    prefix="staffnest",
    drop=(
        "create_pay_run",
        "approve_pay_run",
        "mark_pay_run_paid",
        "cancel_pay_run",
        "get_payroll_summary",
        "list_pay_runs",
        "get_pay_run",
        "list_payslips",
        "get_payslip",
        "give_raise",
    ),
)
bp.product(
    "rosterly",
    "Rosterly",
    "People operations platform with payroll, transfers and raises.",
    verbs={"search": "find"},
    pagination="page",
    drop=("list_out_of_office",),
)
