"""Personal budgeting: categories, transactions, monthly budgets and savings goals (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("personal budgeting")

DATE = r"^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
MONTH = r"^20\d{2}-(0[1-9]|1[0-2])$"
Group = Literal["income", "essentials", "lifestyle", "savings", "debt"]
Account = Literal["checking", "savings", "credit_card", "cash"]


class Category(BaseModel):
    id: str = Field(description="Category id.")
    name: str = Field(description="Category name, e.g. 'Groceries'.", min_length=1, max_length=60)
    group: Group = Field("essentials", description="Category group.")
    color: str = Field("#4a90d9", description="Display color (hex).", pattern=r"^#[0-9a-f]{6}$")
    icon: str = Field("", description="Emoji or icon name.", max_length=20)
    archived: bool = Field(False, description="Archived categories accept no new transactions.")


class Transaction(BaseModel):
    id: str = Field(description="Transaction id.")
    date: str = Field(description="Booking date (YYYY-MM-DD).", pattern=DATE)
    payee: str = Field(description="Who was paid or who paid.", min_length=1, max_length=120)
    amount: float = Field(
        description="Amount in dollars (always positive; kind gives the direction).", gt=0, le=1_000_000
    )
    kind: Literal["expense", "income"] = Field("expense", description="Money out or money in.")
    category_id: str = Field("", description="Category; empty when uncategorized.")
    account: Account = Field("checking", description="Account the money moved in.")
    notes: str = Field("", description="Free-text notes.", max_length=500)
    cleared: bool = Field(False, description="Whether the bank has cleared it.")


class Budget(BaseModel):
    id: str = Field(description="Budget id.")
    month: str = Field(description="Budget month (YYYY-MM).", pattern=MONTH)
    category_id: str = Field(description="Category budgeted.")
    amount: float = Field(description="Amount budgeted for the month in dollars.", ge=0, le=1_000_000)
    rollover: bool = Field(False, description="Carry any unspent amount into next month when closed.")
    status: Literal["open", "closed"] = Field("open", description="Closed budgets are final.")


class Goal(BaseModel):
    id: str = Field(description="Savings goal id.")
    name: str = Field(description="Goal name, e.g. 'Emergency fund'.", min_length=1, max_length=80)
    target_amount: float = Field(description="Amount to reach in dollars.", gt=0, le=10_000_000)
    saved_amount: float = Field(0, description="Amount saved so far.")
    target_date: str = Field("", description="Date to reach it by (YYYY-MM-DD), empty when open-ended.")
    priority: Literal["high", "medium", "low"] = Field("medium", description="Goal priority.")
    status: Literal["active", "paused", "achieved"] = Field("active", description="Goal status.")


bp.resource(
    Category,
    name="category",
    plural="categories",
    id_prefix="cat",
    searchable=("name",),
    filterable=("group", "archived"),
    readonly=("archived",),
    order_by="name",
)
bp.resource(
    Transaction,
    name="transaction",
    id_prefix="txn",
    searchable=("payee", "notes"),
    filterable=("category_id", "kind", "account", "cleared", "date"),
    refs={"category_id": "category"},
    order_by="date DESC",
)
bp.resource(
    Budget,
    name="budget",
    id_prefix="bdg",
    filterable=("month", "category_id", "status"),
    refs={"category_id": "category"},
    readonly=("status",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="month DESC",
)
bp.resource(
    Goal,
    name="goal",
    id_prefix="gol",
    searchable=("name",),
    filterable=("status", "priority"),
    readonly=("saved_amount", "status"),
    order_by="name",
)


class BudgetLine(BaseModel):
    budget_id: str = Field(description="The budget.")
    category_id: str = Field(description="Its category.")
    category_name: str = Field(description="Category name.")
    budgeted: float = Field(description="Amount budgeted.")
    spent: float = Field(description="Expenses booked in the category this month.")
    remaining: float = Field(description="Budgeted minus spent (negative when over).")
    over_budget: bool = Field(description="Whether spending exceeds the budget.")


class BudgetStatus(BaseModel):
    month: str = Field(description="The month.")
    lines: list[BudgetLine] = Field(description="One line per budgeted category.")
    total_budgeted: float = Field(description="Sum budgeted.")
    total_spent: float = Field(description="Sum spent in budgeted categories.")


class SpendingSummary(BaseModel):
    start_date: str = Field(description="First day included.")
    end_date: str = Field(description="Last day included.")
    income: float = Field(description="Total income.")
    expenses: float = Field(description="Total expenses.")
    net: float = Field(description="Income minus expenses.")
    by_category: dict[str, float] = Field(
        description="Expenses per category name ('Uncategorized' when none)."
    )


class TransactionList(BaseModel):
    transactions: list[Transaction] = Field(description="The transactions.")


class BudgetList(BaseModel):
    budgets: list[Budget] = Field(description="The budgets.")


class SplitPart(BaseModel):
    category_id: str = Field(description="Category of this part.")
    amount: float = Field(description="Amount of this part in dollars.", gt=0, le=1_000_000)


class NewTransaction(BaseModel):
    date: str = Field(description="Booking date (YYYY-MM-DD).", pattern=DATE)
    payee: str = Field(description="Who was paid or who paid.", min_length=1, max_length=120)
    amount: float = Field(description="Amount in dollars (positive).", gt=0, le=1_000_000)
    kind: Literal["expense", "income"] = Field("expense", description="Money out or money in.")
    notes: str = Field("", description="Free-text notes.", max_length=500)


def _check_month(month: str) -> None:
    if len(month) != 7 or month[4] != "-" or not (1 <= int(month[5:]) <= 12):
        raise ToolError(f"month: '{month}' is not a month (YYYY-MM).")


def _spent(ctx: ToolContext, category_id: str, month: str) -> float:
    rows = ctx.select(
        "transaction", "category_id = ? AND kind = 'expense' AND substr(date, 1, 7) = ?", (category_id, month)
    )
    return round(sum(r["amount"] for r in rows), 2)


def _usable_category(ctx: ToolContext, category_id: str, kind: str) -> dict:
    cat = ctx.require("category", category_id)
    if cat["archived"]:
        raise ToolError(f"Category {cat['name']} is archived.")
    if (kind == "income") != (cat["group"] == "income"):
        raise ToolError(
            f"Category {cat['name']} is in group '{cat['group']}'; "
            f"{kind} transactions need {'an income' if kind == 'income' else 'a non-income'} category."
        )
    return cat


@bp.action(idempotent=True)
def categorize_transaction(ctx: ToolContext, transaction_id: str, category_id: str) -> Transaction:
    """Put an {app} transaction into a category; income needs an income category, expenses any other group.

    Args:
        transaction_id: The transaction to categorize.
        category_id: The category to use.
    """
    txn = ctx.require("transaction", transaction_id)
    _usable_category(ctx, category_id, txn["kind"])
    return ctx.update("transaction", transaction_id, {"category_id": category_id})


@bp.action()
def split_transaction(
    ctx: ToolContext,
    transaction_id: str,
    parts: Annotated[list[SplitPart], Field(min_length=2, max_length=10)],
) -> TransactionList:
    """Split an {app} expense into parts in different categories; the parts must add up to its amount.

    Args:
        transaction_id: The expense to split; it is replaced by the parts.
        parts: Category and amount of each part.
    """
    txn = ctx.require("transaction", transaction_id)
    if txn["kind"] != "expense":
        raise ToolError(f"Transaction {transaction_id} is income; only expenses can be split.")
    total = round(sum(p["amount"] for p in parts), 2)
    if abs(total - txn["amount"]) > 0.005:
        raise ToolError(f"The parts add up to {total:.2f} but the transaction is {txn['amount']:.2f}.")
    for p in parts:
        _usable_category(ctx, p["category_id"], "expense")
    base = {k: v for k, v in txn.items() if k not in ("id", "amount", "category_id")}
    made = [
        ctx.insert(
            "transaction",
            {
                **base,
                "amount": round(p["amount"], 2),
                "category_id": p["category_id"],
                "notes": (txn["notes"] + " (split)").strip(),
            },
        )
        for p in parts
    ]
    ctx.delete("transaction", transaction_id)
    return {"transactions": made}


@bp.action(idempotent=True)
def clear_transactions(
    ctx: ToolContext, transaction_ids: Annotated[list[str], Field(min_length=1, max_length=50)]
) -> TransactionList:
    """Mark several {app} transactions as cleared by the bank (all ids must exist); returns them.

    Args:
        transaction_ids: The transactions to mark cleared.
    """
    rows = [ctx.require("transaction", t) for t in dict.fromkeys(transaction_ids)]
    return {
        "transactions": [
            r if r["cleared"] else ctx.update("transaction", r["id"], {"cleared": True}) for r in rows
        ]
    }


@bp.action(idempotent=True)
def set_category_budget(
    ctx: ToolContext,
    category_id: str,
    month: Annotated[str, Field(pattern=MONTH)],
    amount: Annotated[float, Field(ge=0, le=1_000_000)],
) -> Budget:
    """Set how much {app} budgets for a category in a month, creating the budget or changing its amount.

    Args:
        category_id: The category to budget (not income, not archived).
        month: The month (YYYY-MM).
        amount: Dollars to budget.
    """
    _check_month(month)
    cat = ctx.require("category", category_id)
    if cat["archived"] or cat["group"] == "income":
        raise ToolError(
            f"Category {cat['name']} cannot be budgeted ({'archived' if cat['archived'] else 'income'})."
        )
    found = ctx.select("budget", "month = ? AND category_id = ?", (month, category_id))
    if found and found[0]["status"] == "closed":
        raise ToolError(f"The {month} budget of {cat['name']} is closed and can no longer change.")
    if found:
        return ctx.update("budget", found[0]["id"], {"amount": round(amount, 2)})
    return ctx.insert("budget", {"month": month, "category_id": category_id, "amount": round(amount, 2)})


@bp.action()
def import_transactions(
    ctx: ToolContext,
    account: Account,
    transactions: Annotated[list[NewTransaction], Field(min_length=1, max_length=50)],
) -> TransactionList:
    """Import bank statement lines into an {app} account (all or none); lines already booked are refused as
    duplicates.

    Args:
        account: Account the lines belong to.
        transactions: The statement lines to import (uncategorized).
    """
    seen = {
        (t["date"], t["payee"].lower(), round(t["amount"], 2))
        for t in ctx.select("transaction", "account = ?", (account,))
    }
    for t in transactions:
        key = (t["date"], t["payee"].strip().lower(), round(t["amount"], 2))
        if not key[1]:
            raise ToolError("transactions: a payee cannot be blank.")
        if key in seen:
            raise ToolError(
                f"Duplicate line: {t['payee']} {t['amount']:.2f} on {t['date']} is already booked; "
                f"nothing was imported."
            )
        seen.add(key)
    made = [
        ctx.insert(
            "transaction",
            {
                "date": t["date"],
                "payee": t["payee"].strip(),
                "amount": round(t["amount"], 2),
                "kind": t["kind"],
                "account": account,
                "notes": t["notes"],
                "cleared": True,
            },
        )
        for t in transactions
    ]
    return {"transactions": made}


@bp.action(read_only=True)
def get_budget_status(ctx: ToolContext, month: Annotated[str, Field(pattern=MONTH)]) -> BudgetStatus:
    """Compare {app} budgets with actual spending for a month: budgeted, spent, remaining and overspending.

    Args:
        month: The month (YYYY-MM).
    """
    _check_month(month)
    lines = []
    for b in ctx.select("budget", "month = ?", (month,)):
        cat = ctx.get("category", b["category_id"]) or {"name": "(deleted)"}
        spent = _spent(ctx, b["category_id"], month)
        lines.append(
            {
                "budget_id": b["id"],
                "category_id": b["category_id"],
                "category_name": cat["name"],
                "budgeted": b["amount"],
                "spent": spent,
                "remaining": round(b["amount"] - spent, 2),
                "over_budget": spent > b["amount"],
            }
        )
    lines.sort(key=lambda x: x["remaining"])
    return {
        "month": month,
        "lines": lines,
        "total_budgeted": round(sum(x["budgeted"] for x in lines), 2),
        "total_spent": round(sum(x["spent"] for x in lines), 2),
    }


@bp.action(read_only=True)
def list_over_budget_categories(
    ctx: ToolContext, month: Annotated[str, Field(pattern=MONTH)]
) -> BudgetStatus:
    """List only the {app} categories whose spending exceeds their budget in a month, worst first.

    Args:
        month: The month (YYYY-MM).
    """
    status = get_budget_status(ctx, month)
    status["lines"] = [x for x in status["lines"] if x["over_budget"]]
    return status


@bp.action()
def close_budget(ctx: ToolContext, budget_id: str) -> Budget:
    """Close a past month's {app} budget; with rollover on, the unspent amount is added to next month's
    budget.

    Args:
        budget_id: The budget to close.
    """
    b = ctx.require("budget", budget_id)
    if b["status"] == "closed":
        raise ToolError(f"Budget {budget_id} ({b['month']}) is already closed.")
    if b["month"] >= ctx.today()[:7]:
        raise ToolError(f"Budget {budget_id} is for {b['month']}, which has not ended yet.")
    left = round(b["amount"] - _spent(ctx, b["category_id"], b["month"]), 2)
    if b["rollover"] and left > 0:
        y, m = int(b["month"][:4]), int(b["month"][5:])
        nxt = f"{y + (m == 12)}-{(m % 12) + 1:02d}"
        found = ctx.select("budget", "month = ? AND category_id = ?", (nxt, b["category_id"]))
        if found:
            ctx.update("budget", found[0]["id"], {"amount": round(found[0]["amount"] + left, 2)})
        else:
            ctx.insert(
                "budget", {"month": nxt, "category_id": b["category_id"], "amount": left, "rollover": True}
            )
    return ctx.update("budget", budget_id, {"status": "closed"})


@bp.action()
def archive_category(ctx: ToolContext, category_id: str) -> Category:
    """Archive an {app} category; refused while it has an open budget for the current or a future month.

    Args:
        category_id: The category to archive.
    """
    cat = ctx.require("category", category_id)
    if cat["archived"]:
        raise ToolError(f"Category {cat['name']} is already archived.")
    open_ = ctx.select(
        "budget", "category_id = ? AND status = 'open' AND month >= ?", (category_id, ctx.today()[:7])
    )
    if open_:
        raise ToolError(
            f"Category {cat['name']} has open budgets for {', '.join(b['month'] for b in open_)}; "
            f"delete or close them first."
        )
    return ctx.update("category", category_id, {"archived": True})


@bp.action(read_only=True)
def get_spending_summary(
    ctx: ToolContext,
    start_date: Annotated[str, Field(pattern=DATE)],
    end_date: Annotated[str, Field(pattern=DATE)],
) -> SpendingSummary:
    """Total {app} income, expenses and net for a date range, with expenses broken down per category.

    Args:
        start_date: First day included (YYYY-MM-DD).
        end_date: Last day included (YYYY-MM-DD).
    """
    if end_date < start_date:
        raise ToolError(f"end_date {end_date} is before start_date {start_date}.")
    rows = ctx.select("transaction", "date >= ? AND date <= ?", (start_date, end_date))
    names = {c["id"]: c["name"] for c in ctx.select("category")}
    by_cat: dict[str, float] = {}
    for r in rows:
        if r["kind"] == "expense":
            key = names.get(r["category_id"], "Uncategorized")
            by_cat[key] = round(by_cat.get(key, 0) + r["amount"], 2)
    income = round(sum(r["amount"] for r in rows if r["kind"] == "income"), 2)
    expenses = round(sum(r["amount"] for r in rows if r["kind"] == "expense"), 2)
    return {
        "start_date": start_date,
        "end_date": end_date,
        "income": income,
        "expenses": expenses,
        "net": round(income - expenses, 2),
        "by_category": by_cat,
    }


@bp.action()
def contribute_to_goal(
    ctx: ToolContext, goal_id: str, amount: Annotated[float, Field(gt=0, le=5_000)]
) -> Goal:
    """Move money into an active {app} savings goal (recorded as a savings transaction); reaching the target
    achieves it.

    Args:
        goal_id: The goal to fund.
        amount: Dollars to add.
    """
    goal = ctx.require("goal", goal_id)
    if goal["status"] != "active":
        raise ToolError(f"Goal {goal['name']} is {goal['status']}; only active goals accept contributions.")
    remaining = round(goal["target_amount"] - goal["saved_amount"], 2)
    if amount > remaining + 0.005:
        raise ToolError(f"Goal {goal['name']} needs only {remaining:.2f} more; contribute at most that.")
    saved = round(goal["saved_amount"] + amount, 2)
    ctx.insert(
        "transaction",
        {
            "date": ctx.today(),
            "payee": f"Transfer to goal: {goal['name']}",
            "amount": round(amount, 2),
            "kind": "expense",
            "account": "savings",
            "cleared": True,
        },
    )
    return ctx.update(
        "goal",
        goal_id,
        {"saved_amount": saved, "status": "achieved" if saved >= goal["target_amount"] - 0.005 else "active"},
    )


@bp.action()
def withdraw_from_goal(
    ctx: ToolContext, goal_id: str, amount: Annotated[float, Field(gt=0, le=5_000)]
) -> Goal:
    """Take money back out of an {app} savings goal; cannot exceed what is saved. Returns the goal.

    Args:
        goal_id: The goal to withdraw from.
        amount: Dollars to withdraw.
    """
    goal = ctx.require("goal", goal_id)
    if amount > goal["saved_amount"] + 0.005:
        raise ToolError(
            f"Goal {goal['name']} holds only {goal['saved_amount']:.2f}; cannot withdraw {amount:.2f}."
        )
    saved = round(goal["saved_amount"] - amount, 2)
    ctx.insert(
        "transaction",
        {
            "date": ctx.today(),
            "payee": f"Withdrawal from goal: {goal['name']}",
            "amount": round(amount, 2),
            "kind": "income",
            "account": "savings",
            "cleared": True,
        },
    )
    status = "active" if goal["status"] == "achieved" and saved < goal["target_amount"] else goal["status"]
    return ctx.update("goal", goal_id, {"saved_amount": saved, "status": status})


@bp.action()
def pause_goal(ctx: ToolContext, goal_id: str) -> Goal:
    """Pause an active {app} savings goal so that it takes no contributions; returns the goal.

    Args:
        goal_id: The goal to pause.
    """
    goal = ctx.require("goal", goal_id)
    if goal["status"] != "active":
        raise ToolError(f"Goal {goal['name']} is {goal['status']}; only active goals can be paused.")
    return ctx.update("goal", goal_id, {"status": "paused"})


@bp.action()
def resume_goal(ctx: ToolContext, goal_id: str) -> Goal:
    """Resume a paused {app} savings goal so that it accepts contributions again; returns the goal.

    Args:
        goal_id: The goal to resume.
    """
    goal = ctx.require("goal", goal_id)
    if goal["status"] != "paused":
        raise ToolError(f"Goal {goal['name']} is {goal['status']}, not paused.")
    return ctx.update("goal", goal_id, {"status": "active"})


_CATS = (
    ("Salary", "income"),
    ("Freelance", "income"),
    ("Rent", "essentials"),
    ("Groceries", "essentials"),
    ("Utilities", "essentials"),
    ("Transport", "essentials"),
    ("Dining out", "lifestyle"),
    ("Entertainment", "lifestyle"),
    ("Shopping", "lifestyle"),
    ("Travel", "lifestyle"),
    ("Emergency fund", "savings"),
    ("Student loan", "debt"),
    ("Gym", "lifestyle"),
)
_PAYEES = {
    "Groceries": ("Whole Foods", "Trader Joe's", "Safeway"),
    "Rent": ("Oakridge Apartments",),
    "Utilities": ("City Power & Light", "Comcast", "Water Dept"),
    "Transport": ("Shell", "Metro Transit", "Uber"),
    "Dining out": ("Chipotle", "Blue Bottle Coffee", "Sushi Zen"),
    "Entertainment": ("Netflix", "AMC Theatres"),
    "Shopping": ("Amazon", "Target", "IKEA"),
    "Travel": ("Delta Air Lines", "Airbnb"),
    "Student loan": ("Nelnet",),
    "Gym": ("Equinox",),
    "Emergency fund": ("Transfer to savings",),
}


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    colors = ("#e4572e", "#29335c", "#f3a712", "#a8c686", "#669bbc", "#8e7dbe", "#2a9d8f")
    cats = {}
    for i, (name, group) in enumerate(_CATS):
        cats[name] = ctx.insert(
            "category",
            {"name": name, "group": group, "color": colors[i % len(colors)], "archived": name == "Gym"},
        )
    months = (s.date(-45)[:7], s.date(-15)[:7], s.date(0)[:7])
    for month in months:
        for name in (
            "Rent",
            "Groceries",
            "Utilities",
            "Transport",
            "Dining out",
            "Entertainment",
            "Shopping",
        ):
            amount = {"Rent": 1850, "Groceries": 600, "Utilities": 220, "Transport": 180}.get(
                name, rng.choice((150, 200, 300))
            )
            ctx.insert(
                "budget",
                {
                    "month": month,
                    "category_id": cats[name]["id"],
                    "amount": float(amount),
                    "rollover": name in ("Groceries", "Dining out", "Shopping"),
                    "status": "closed" if month == months[0] and name == "Rent" else "open",
                },
            )
    for d in (-60, -30, 0):
        ctx.insert(
            "transaction",
            {
                "date": s.date(d - 1),
                "payee": s.user.company,
                "amount": 5200.0,
                "kind": "income",
                "category_id": cats["Salary"]["id"],
                "cleared": d < 0,
            },
        )
    ctx.insert(
        "transaction",
        {
            "date": s.date(-20),
            "payee": s.people[3].name,
            "amount": 850.0,
            "kind": "income",
            "category_id": cats["Freelance"]["id"],
            "notes": "Logo design invoice",
            "cleared": True,
        },
    )
    for d in (-59, -29, -1):
        ctx.insert(
            "transaction",
            {
                "date": s.date(d),
                "payee": "Oakridge Apartments",
                "amount": 1850.0,
                "category_id": cats["Rent"]["id"],
                "cleared": d < -1,
            },
        )
    spend = [n for n in _PAYEES if n not in ("Rent", "Emergency fund", "Student loan", "Gym")]
    payees = dict(
        _PAYEES
    )  # restaurants of the shared places and shops of the shared retailers join the usual payees
    if "Dining out" in payees:
        payees["Dining out"] += tuple(p.venue("restaurant").name for p in rng.sample(s.cast.places, 3))
    if "Shopping" in payees:
        payees["Shopping"] += tuple(o.name for o in s.cast.orgs if o.industry == "retail")[:3]
    for _ in range(44):
        name = rng.choice(spend)
        d = -rng.randint(0, 58)
        ctx.insert(
            "transaction",
            {
                "date": s.date(d),
                "payee": rng.choice(payees[name]),
                "amount": round(rng.uniform(6, 140), 2),
                "kind": "expense",
                "category_id": cats[name]["id"] if rng.random() < 0.85 else "",
                "account": rng.choice(("checking", "credit_card", "credit_card", "cash")),
                "notes": "" if rng.random() < 0.8 else s.fake.sentence(nb_words=5),
                "cleared": d < -3,
            },
        )
    for name, target, saved, prio, status, days in (
        ("Emergency fund", 10000, 6200, "high", "active", 240),
        ("Japan trip", 4500, 1200, "medium", "active", 180),
        ("New laptop", 2200, 2200, "low", "achieved", 30),
        ("House down payment", 60000, 14800, "high", "active", 900),
        ("Wedding gift", 300, 120, "low", "paused", 60),
        ("Car repair buffer", 1500, 400, "medium", "paused", 0),
        ("Holiday gifts", 800, 150, "low", "active", 280),
    ):
        ctx.insert(
            "goal",
            {
                "name": name,
                "target_amount": float(target),
                "saved_amount": float(saved),
                "priority": prio,
                "status": status,
                "target_date": s.date(days) if days else "",
            },
        )


bp.product("budgetbee", "BudgetBee", "Envelope-style personal budgeting with savings goals.")
bp.product(
    "spendora",
    "Spendora",
    "Track spending, budgets and goals across your accounts.",
    style="camel",
    pagination="cursor",
    drop=("delete_budget", "search_goals"),
)
bp.product(
    "thriftora",
    "Thriftora",
    "Zero-based budgeting app for households.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=("withdraw_from_goal", "delete_category"),
)
bp.product(
    "centara",
    "Centara",
    "Simple monthly budget checker.",
    prefix="centara",
    drop=(
        "split_transaction",
        "import_transactions",
        "search_categories",
        "update_category",
        "delete_category",
        "delete_budget",
        "update_budget",
        "pause_goal",
        "resume_goal",
        "delete_goal",
        "search_goals",
    ),
)
bp.product(
    "pursekeep",
    "PurseKeep",
    "Money manager with categories, budgets and goal tracking.",
    verbs={"list": "browse", "create": "add"},
    pagination="page",
    drop=("archive_category",),
)
