"""Expense management: expense reports with line expenses, receipts, spending policies and approvals."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("expense management")

Category = Literal["travel", "meals", "lodging", "software", "office", "mileage", "training", "other"]
DATE = r"^\d{4}-\d{2}-\d{2}$"
PAST_DATE = r"^20[0-2]\d-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$"
ReportStatus = Literal["draft", "submitted", "approved", "rejected", "reimbursed"]


class Policy(BaseModel):
    id: str = Field(description="Policy id.")
    name: str = Field(description="Policy name.", min_length=1, max_length=100)
    category: Category = Field(description="Expense category the policy governs.")
    per_item_limit: float = Field(
        ge=0, le=100000, description="Maximum amount of one expense in this category."
    )
    receipt_required_over: float = Field(25.0, ge=0, description="Expenses above this amount need a receipt.")
    active: bool = Field(True, description="Whether the policy is enforced.")
    description: str = Field("", description="Policy text shown to employees.", max_length=500)


class Report(BaseModel):
    id: str = Field(description="Expense report id.")
    title: str = Field(description="Report title, e.g. 'Berlin offsite'.", min_length=1, max_length=120)
    employee_email: str = Field(description="Employee who incurred the expenses.", max_length=200)
    currency: Literal["USD", "EUR", "GBP"] = Field("USD", description="Reimbursement currency.")
    status: ReportStatus = Field("draft", description="Report status.")
    total: float = Field(0.0, description="Sum of the report's expenses.")
    purpose: str = Field("", description="Business purpose.", max_length=500)
    submitted_at: str = Field("", description="When the report was submitted (ISO-8601).")
    created_at: str = Field("", description="When the report was created (ISO-8601).")


class Expense(BaseModel):
    id: str = Field(description="Expense id.")
    report_id: str = Field(description="Report the expense is on.")
    category: Category = Field(description="Expense category.")
    merchant: str = Field(description="Merchant name.", min_length=1, max_length=120)
    amount: float = Field(gt=0, le=100000, description="Amount in the report currency.")
    spent_on: str = Field(description="Date of the expense (YYYY-MM-DD).", pattern=DATE)
    description: str = Field("", description="What it was for.", max_length=300)
    receipt_id: str = Field("", description="Attached receipt, empty when none.")
    policy_violation: str = Field("", description="Why the expense breaks policy; empty when compliant.")


class Receipt(BaseModel):
    id: str = Field(description="Receipt id.")
    file_name: str = Field(description="Uploaded file name.", min_length=1, max_length=200)
    merchant: str = Field("", description="Merchant read from the receipt.", max_length=120)
    amount: float = Field(0.0, ge=0, description="Amount read from the receipt.")
    captured_on: str = Field("", description="Date on the receipt (YYYY-MM-DD).")
    status: Literal["unmatched", "matched"] = Field(
        "unmatched", description="Whether it is attached to an expense."
    )


class Approval(BaseModel):
    id: str = Field(description="Approval decision id.")
    report_id: str = Field(description="Report decided on.")
    approver_email: str = Field(description="Who decided.", max_length=200)
    decision: Literal["approved", "rejected"] = Field(description="The decision.")
    comment: str = Field("", description="Approver's comment.", max_length=1000)
    decided_at: str = Field("", description="When the decision was made (ISO-8601).")


bp.resource(
    Policy,
    name="policy",
    plural="policies",
    id_prefix="pol",
    searchable=("name", "description"),
    filterable=("category", "active"),
    order_by="name",
)
bp.resource(
    Report,
    name="report",
    id_prefix="rpt",
    searchable=("title", "purpose"),
    filterable=("status", "employee_email", "currency"),
    readonly=("status", "total", "submitted_at"),
    ops=("search", "list", "get", "create", "update"),
    order_by="created_at DESC",
)
bp.resource(
    Expense,
    name="expense",
    id_prefix="exp",
    filterable=("report_id", "category", "receipt_id"),
    refs={"report_id": "report"},
    ops=("list", "get"),
    order_by="spent_on",
)
bp.resource(
    Receipt,
    name="receipt",
    id_prefix="rcp",
    filterable=("status",),
    readonly=("status",),
    ops=("list", "get", "create", "delete"),
    order_by="captured_on DESC",
)
bp.resource(
    Approval,
    name="approval",
    id_prefix="apv",
    filterable=("report_id", "decision", "approver_email"),
    refs={"report_id": "report"},
    ops=("list", "get"),
    order_by="decided_at DESC",
)


class NewExpense(BaseModel):
    category: Category = Field(description="Expense category.")
    merchant: str = Field(description="Merchant name.", min_length=1, max_length=120)
    amount: float = Field(gt=0, le=10000, description="Amount.")
    spent_on: str = Field(description="Date (YYYY-MM-DD).", pattern=PAST_DATE)
    description: str = Field("", description="What it was for.", max_length=300)


class ExpenseList(BaseModel):
    expenses: list[Expense] = Field(description="The expenses.")


class ReportSummary(BaseModel):
    report_id: str = Field(description="The report.")
    status: str = Field(description="Report status.")
    total: float = Field(description="Total amount.")
    by_category: dict[str, float] = Field(description="Amount per category.")
    violations: int = Field(description="Expenses breaking policy.")
    missing_receipts: int = Field(description="Expenses that need a receipt and have none.")


class SpendReport(BaseModel):
    since: str = Field(description="Start date of the window.")
    by_category: dict[str, float] = Field(description="Spend per category.")
    total: float = Field(description="Total spend.")


class PolicyCheck(BaseModel):
    category: str = Field(description="Category checked.")
    amount: float = Field(description="Amount checked.")
    allowed: bool = Field(description="Whether the amount is within the limit.")
    limit: float | None = Field(description="The per-item limit, or null when no active policy applies.")
    receipt_required: bool = Field(description="Whether a receipt is needed.")


def _policy(ctx: ToolContext, category: str) -> dict | None:
    rows = ctx.select("policy", "category = ? AND active = 1", (category,))
    return min(rows, key=lambda p: p["per_item_limit"]) if rows else None


def _violation(ctx: ToolContext, category: str, amount: float) -> str:
    p = _policy(ctx, category)
    if p and amount > p["per_item_limit"]:
        return f"Over the {p['name']} limit of {p['per_item_limit']} per item."
    return ""


def _retotal(ctx: ToolContext, report_id: str) -> None:
    total = round(sum(e["amount"] for e in ctx.select("expense", "report_id = ?", (report_id,))), 2)
    ctx.update("report", report_id, {"total": total})


def _editable(ctx: ToolContext, report_id: str) -> dict:
    r = ctx.require("report", report_id)
    if r["status"] != "draft":
        raise ToolError(f"Report '{r['title']}' is {r['status']}; only draft reports can be edited.")
    return r


def _check_date(ctx: ToolContext, spent_on: str, where: str = "spent_on") -> None:
    if spent_on > ctx.today():
        raise ToolError(f"{where}: {spent_on} is in the future.")


@bp.action()
def add_expense(
    ctx: ToolContext,
    report_id: str,
    category: Category,
    merchant: Annotated[str, Field(min_length=1, max_length=120)],
    amount: Annotated[float, Field(gt=0, le=10000)],
    spent_on: Annotated[str, Field(pattern=PAST_DATE)],
) -> Expense:
    """Add an expense to a draft {app} report; amounts over the category policy limit are flagged. Returns it.

    Args:
        report_id: The draft report.
        category: Expense category.
        merchant: Merchant name.
        amount: Amount in the report currency.
        spent_on: Date of the expense (YYYY-MM-DD), not in the future.
    """
    _editable(ctx, report_id)
    _check_date(ctx, spent_on)
    e = ctx.insert(
        "expense",
        {
            "report_id": report_id,
            "category": category,
            "merchant": merchant.strip(),
            "amount": amount,
            "spent_on": spent_on,
            "policy_violation": _violation(ctx, category, amount),
        },
    )
    _retotal(ctx, report_id)
    return e


@bp.action()
def add_expenses(
    ctx: ToolContext,
    report_id: str,
    expenses: Annotated[list[NewExpense], Field(min_length=1, max_length=25)],
) -> ExpenseList:
    """Add several expenses to a draft {app} report at once; if any is invalid none are added.

    Args:
        report_id: The draft report.
        expenses: Expenses to add (category, merchant, amount, date, description).
    """
    _editable(ctx, report_id)
    for i, e in enumerate(expenses):
        _check_date(ctx, e["spent_on"], f"expenses[{i}].spent_on")
    made = [
        ctx.insert(
            "expense",
            {
                "report_id": report_id,
                "category": e["category"],
                "merchant": e["merchant"],
                "amount": e["amount"],
                "spent_on": e["spent_on"],
                "description": e.get("description", ""),
                "policy_violation": _violation(ctx, e["category"], e["amount"]),
            },
        )
        for e in expenses
    ]
    _retotal(ctx, report_id)
    return {"expenses": made}


@bp.action(destructive=True)
def remove_expense(ctx: ToolContext, expense_id: str) -> Expense:
    """Remove an expense from its draft {app} report, releasing its receipt; returns the removed expense.

    Args:
        expense_id: The expense to remove.
    """
    e = ctx.require("expense", expense_id)
    _editable(ctx, e["report_id"])
    if e["receipt_id"] and ctx.get("receipt", e["receipt_id"]):
        ctx.update("receipt", e["receipt_id"], {"status": "unmatched"})
    ctx.delete("expense", expense_id)
    _retotal(ctx, e["report_id"])
    return e


@bp.action()
def attach_receipt(ctx: ToolContext, expense_id: str, receipt_id: str) -> Expense:
    """Attach an unmatched {app} receipt to an expense on a draft report; the receipt becomes matched.

    Args:
        expense_id: The expense.
        receipt_id: The uploaded receipt to attach.
    """
    e = ctx.require("expense", expense_id)
    _editable(ctx, e["report_id"])
    r = ctx.require("receipt", receipt_id)
    if e["receipt_id"] == receipt_id:
        return e
    if r["status"] == "matched":
        raise ToolError(f"Receipt {r['file_name']} is already attached to another expense.")
    if e["receipt_id"] and ctx.get("receipt", e["receipt_id"]):
        ctx.update("receipt", e["receipt_id"], {"status": "unmatched"})
    ctx.update("receipt", receipt_id, {"status": "matched"})
    return ctx.update("expense", expense_id, {"receipt_id": receipt_id})


@bp.action()
def submit_report(ctx: ToolContext, report_id: str) -> Report:
    """Submit a draft {app} report for approval; it needs at least one expense and every required receipt.

    Args:
        report_id: The draft report.
    """
    r = _editable(ctx, report_id)
    items = ctx.select("expense", "report_id = ?", (report_id,))
    if not items:
        raise ToolError(f"Report '{r['title']}' has no expenses.")
    missing = []
    for e in items:
        p = _policy(ctx, e["category"])
        if p and e["amount"] > p["receipt_required_over"] and not e["receipt_id"]:
            missing.append(f"{e['merchant']} ({e['amount']})")
    if missing:
        raise ToolError(f"Receipts are required before submitting: {', '.join(missing)}.")
    return ctx.update("report", report_id, {"status": "submitted", "submitted_at": ctx.now()})


def _decide(ctx: ToolContext, report_id: str, decision: str, comment: str) -> dict:
    r = ctx.require("report", report_id)
    if r["status"] != "submitted":
        raise ToolError(f"Report '{r['title']}' is {r['status']}; only submitted reports can be {decision}.")
    if r["employee_email"] == ctx.user.email:
        raise ToolError("You cannot approve or reject your own expense report.")
    ctx.insert(
        "approval",
        {
            "report_id": report_id,
            "approver_email": ctx.user.email,
            "decision": decision,
            "comment": comment,
            "decided_at": ctx.now(),
        },
    )
    return ctx.update("report", report_id, {"status": decision})


@bp.action()
def approve_report(
    ctx: ToolContext, report_id: str, comment: Annotated[str, Field(max_length=1000)] = ""
) -> Report:
    """Approve a submitted {app} expense report as the current user (not your own); records the decision.

    Args:
        report_id: The submitted report.
        comment: Optional note to the employee.
    """
    return _decide(ctx, report_id, "approved", comment)


@bp.action()
def reject_report(
    ctx: ToolContext, report_id: str, reason: Annotated[str, Field(min_length=1, max_length=1000)]
) -> Report:
    """Reject a submitted {app} expense report with a reason so the employee can fix and resubmit it.

    Args:
        report_id: The submitted report.
        reason: Why it is rejected.
    """
    if not reason.strip():
        raise ToolError("reason: a rejection needs a reason.")
    return _decide(ctx, report_id, "rejected", reason)


@bp.action()
def reopen_report(ctx: ToolContext, report_id: str) -> Report:
    """Reopen a rejected {app} report as a draft so expenses can be corrected; returns the report.

    Args:
        report_id: The rejected report.
    """
    r = ctx.require("report", report_id)
    if r["status"] != "rejected":
        raise ToolError(f"Report '{r['title']}' is {r['status']}; only rejected reports can be reopened.")
    return ctx.update("report", report_id, {"status": "draft", "submitted_at": ""})


@bp.action()
def reimburse_report(ctx: ToolContext, report_id: str) -> Report:
    """Mark an approved {app} report as reimbursed once the employee has been paid; returns the report.

    Args:
        report_id: The approved report.
    """
    r = ctx.require("report", report_id)
    if r["status"] != "approved":
        raise ToolError(f"Report '{r['title']}' is {r['status']}; only approved reports can be reimbursed.")
    return ctx.update("report", report_id, {"status": "reimbursed"})


@bp.action(read_only=True)
def get_report_summary(ctx: ToolContext, report_id: str) -> ReportSummary:
    """Summarize an {app} report: total, amount per category, policy violations and missing receipts.

    Args:
        report_id: The report.
    """
    r = ctx.require("report", report_id)
    by: dict[str, float] = {}
    missing = 0
    items = ctx.select("expense", "report_id = ?", (report_id,))
    for e in items:
        by[e["category"]] = round(by.get(e["category"], 0.0) + e["amount"], 2)
        p = _policy(ctx, e["category"])
        if p and e["amount"] > p["receipt_required_over"] and not e["receipt_id"]:
            missing += 1
    return {
        "report_id": report_id,
        "status": r["status"],
        "total": r["total"],
        "by_category": by,
        "violations": sum(1 for e in items if e["policy_violation"]),
        "missing_receipts": missing,
    }


@bp.action(read_only=True)
def list_policy_violations(ctx: ToolContext, report_id: str | None = None) -> ExpenseList:
    """List {app} expenses that break a spending policy, largest amount first, optionally for one report.

    Args:
        report_id: Only expenses on this report.
    """
    where, params = "policy_violation != ''", ()
    if report_id:
        ctx.require("report", report_id)
        where, params = where + " AND report_id = ?", (report_id,)
    return {"expenses": ctx.select("expense", where, params, order_by="amount DESC")}


@bp.action(read_only=True)
def get_spend_by_category(
    ctx: ToolContext,
    since: Annotated[str, Field(pattern=DATE)],
    employee_email: Annotated[str, Field(max_length=200)] | None = None,
) -> SpendReport:
    """Total {app} spend per category since a date across submitted, approved and reimbursed reports.

    Args:
        since: Only expenses on or after this date (YYYY-MM-DD).
        employee_email: Only this employee's reports.
    """
    reports = {
        r["id"]
        for r in ctx.select("report", "status IN ('submitted','approved','reimbursed')")
        if not employee_email or r["employee_email"] == employee_email.strip().lower()
    }
    by: dict[str, float] = {}
    for e in ctx.select("expense", "spent_on >= ?", (since,)):
        if e["report_id"] in reports:
            by[e["category"]] = round(by.get(e["category"], 0.0) + e["amount"], 2)
    return {"since": since, "by_category": by, "total": round(sum(by.values()), 2)}


@bp.action(read_only=True)
def check_expense_policy(
    ctx: ToolContext, category: Category, amount: Annotated[float, Field(gt=0, le=100000)]
) -> PolicyCheck:
    """Check an amount against the active {app} policy of a category: within limit, and whether a receipt is
    needed.

    Args:
        category: Expense category.
        amount: Amount to check.
    """
    p = _policy(ctx, category)
    return {
        "category": category,
        "amount": amount,
        "allowed": p is None or amount <= p["per_item_limit"],
        "limit": p["per_item_limit"] if p else None,
        "receipt_required": bool(p and amount > p["receipt_required_over"]),
    }


_POLICIES = [
    ("Domestic travel", "travel", 800.0, 25.0),
    ("Team meals", "meals", 75.0, 25.0),
    ("Hotel stays", "lodging", 300.0, 0.0),
    ("Software subscriptions", "software", 200.0, 0.0),
    ("Office supplies", "office", 150.0, 50.0),
    ("Mileage", "mileage", 400.0, 100.0),
    ("Conferences and courses", "training", 1500.0, 0.0),
    ("Client entertainment", "meals", 250.0, 25.0),
    ("Miscellaneous", "other", 100.0, 25.0),
    ("International travel", "travel", 2500.0, 25.0),
    ("Legacy per diem", "meals", 60.0, 0.0),
]
_MERCHANTS = {
    "travel": ("Delta", "Uber", "Amtrak", "Lyft"),
    "meals": ("Sweetgreen", "Olive Garden", "Blue Bottle"),
    "lodging": ("Marriott", "Hilton", "Airbnb"),
    "software": ("Figma", "Notion", "GitHub"),
    "office": ("Staples", "Amazon", "IKEA"),
    "mileage": ("Personal car",),
    "training": ("O'Reilly", "Coursera", "PyCon"),
    "other": ("FedEx", "CVS"),
}


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    places = rng.sample(s.cast.places, 4)  # meals and stays at the shared places' restaurants and hotels
    merchants = {
        **_MERCHANTS,
        "meals": _MERCHANTS["meals"] + tuple(p.venue("restaurant").name for p in places),
        "lodging": _MERCHANTS["lodging"] + tuple(p.venue("hotel").name for p in places),
        "office": _MERCHANTS["office"]
        + (rng.choice([o for o in s.cast.orgs if o.industry == "retail"] or s.cast.orgs).name,),
    }
    clients = rng.sample(s.cast.orgs[1:], 6)
    for n, (name, cat, limit, rcpt) in enumerate(_POLICIES):
        ctx.insert(
            "policy",
            {
                "name": name,
                "category": cat,
                "per_item_limit": limit,
                "receipt_required_over": rcpt,
                "active": n != 10,
                "description": f"{name}: up to {limit} per item.",
            },
        )
    for n in range(10):  # unmatched uploads waiting to be attached
        cat = rng.choice(list(merchants))
        ctx.insert(
            "receipt",
            {
                "file_name": f"IMG_{4100 + n}.jpg",
                "merchant": rng.choice(merchants[cat]),
                "amount": round(rng.uniform(8, 240), 2),
                "captured_on": s.date(-rng.randint(1, 20)),
                "status": "unmatched",
            },
        )
    cycle = (
        "draft",
        "submitted",
        "rejected",
        "approved",
        "draft",
        "rejected",
        "approved",
        "draft",
        "submitted",
        "approved",
        "rejected",
        "draft",
        "reimbursed",
        "submitted",
        "reimbursed",
    )
    employees = [p.email for p in s.people[:9]] + [s.user.email]
    for n, status in enumerate(cycle):
        emp = employees[n % len(employees)]
        created = -rng.randint(10, 60)
        report = ctx.insert(
            "report",
            {
                "title": rng.choice(
                    (
                        "Client visit",
                        "Sales kickoff",
                        "Q1 conference",
                        "Team offsite",
                        "Customer onsite",
                        "Office restock",
                        "Training week",
                    )
                )
                + f" {n + 1}",
                "employee_email": emp,
                "currency": "USD" if n % 5 else "EUR",
                "status": status,
                "purpose": f"Meetings with {clients[n % 6].name} in {clients[n % 6].city}."
                if n % 3 == 0
                else s.fake.sentence(nb_words=8),
                "created_at": s.at(days=created),
                "submitted_at": s.at(days=created + 3) if status != "draft" else "",
            },
        )
        for k in range(rng.randint(2, 5)):
            cat = rng.choice(list(merchants))
            amount = round(rng.uniform(6, 180) if k else rng.uniform(6, 20), 2)
            receipt = ""
            if status != "draft" or n != 4 or k % 2:  # draft report 4 misses receipts
                receipt = ctx.insert(
                    "receipt",
                    {
                        "file_name": f"receipt_{n}_{k}.pdf",
                        "merchant": rng.choice(merchants[cat]),
                        "amount": amount,
                        "captured_on": s.date(created + k),
                        "status": "matched",
                    },
                )["id"]
            pol = [p for p in _POLICIES[:10] if p[1] == cat]
            limit = min(p[2] for p in pol) if pol else None
            ctx.insert(
                "expense",
                {
                    "report_id": report["id"],
                    "category": cat,
                    "merchant": rng.choice(merchants[cat]),
                    "amount": amount,
                    "spent_on": s.date(created + k),
                    "receipt_id": receipt,
                    "description": rng.choice(("", "client meeting", "travel day", "team lunch")),
                    "policy_violation": f"Over the limit of {limit} per item."
                    if limit and amount > limit
                    else "",
                },
            )
        _retotal(ctx, report["id"])
        if status in ("approved", "rejected", "reimbursed"):
            ctx.insert(
                "approval",
                {
                    "report_id": report["id"],
                    "approver_email": s.people[10].email,
                    "decision": "rejected" if status == "rejected" else "approved",
                    "comment": "Missing details." if status == "rejected" else "Looks good.",
                    "decided_at": s.at(days=created + 5),
                },
            )


bp.product("spendwisp", "SpendWisp", "Expense reports, receipts and approvals for growing teams.")
bp.product(
    "receiptly",
    "Receiptly",
    "Receipt capture and expense reporting on the go.",
    style="camel",
    pagination="cursor",
    verbs={"create": "add"},
    drop=("get_spend_by_category", "delete_policy"),
)
bp.product(
    "claimkit",
    "ClaimKit",
    "Expense claims with policy checks and manager approvals.",
    style="kebab",
    pagination="offset",
    verbs={"get": "fetch"},
)
bp.product(
    "tabtally",
    "TabTally",
    "Simple expense tracking with receipts.",
    prefix="tabtally",
    drop=(
        "add_expenses",
        "list_policy_violations",
        "get_spend_by_category",
        "check_expense_policy",
        "reopen_report",
        "search_policies",
        "update_policy",
        "delete_policy",
        "create_policy",
        "list_approvals",
    ),
)
bp.product(
    "outlayr",
    "Outlayr",
    "Corporate spend management with policies, approvals and reimbursements.",
    verbs={"list": "browse"},
    pagination="page",
    drop=("delete_receipt",),
)
