"""Bank: accounts, payees, transactions. Every movement of money writes a transaction and updates the balance.

Other apps pay through :func:`charge_account` / :func:`refund_account`. A credit card's balance is negative
while money is owed; what it can spend is ``balance + credit_limit``.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit.dates import parse_day
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

app = AppSpec(
    "bank",
    title="Bank",
    domain="finance",
    description="Online banking: balances, transactions, transfers, payments, spending reports.",
)

Category = Literal[
    "income",
    "groceries",
    "dining",
    "shopping",
    "travel",
    "transport",
    "utilities",
    "housing",
    "entertainment",
    "health",
    "subscriptions",
    "transfer",
    "payment",
    "refund",
    "fees",
    "other",
]
Amount = Annotated[float, Field(gt=0, le=1_000_000)]
DateStr = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
PAYMENT_LIMIT = 10_000.0
_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$")


class Account(BaseModel):
    id: str = Field(description="Account id.")
    name: str = Field(description="Account name, e.g. 'Everyday Checking'.", max_length=100)
    type: Literal["checking", "savings", "credit_card"] = Field(description="Kind of account.")
    balance: float = Field(description="Current balance in USD; negative on a credit card means money owed.")
    credit_limit: float = Field(0.0, description="Credit limit in USD (credit cards only, else 0).", ge=0)
    currency: str = Field("USD", description="Currency code.")
    iban: str = Field("", description="IBAN for incoming payments (empty for credit cards).")
    number_masked: str = Field(description="Masked account or card number.")
    opened_on: str = Field(description="Date the account was opened (YYYY-MM-DD).")


class Payee(BaseModel):
    id: str = Field(description="Payee id.")
    name: str = Field(description="Payee's name.", min_length=1, max_length=100)
    iban: str = Field(description="Payee's IBAN.", max_length=34)
    email: str = Field("", description="Payee's email address.", max_length=200)
    created_at: str = Field("", description="When the payee was added (ISO-8601).")


class Transaction(BaseModel):
    id: str = Field(description="Transaction id.")
    account_id: str = Field(description="Account the transaction belongs to.")
    date: str = Field(description="Booking date (YYYY-MM-DD).")
    amount: float = Field(description="Signed amount in USD: negative for money out, positive for money in.")
    counterparty: str = Field(description="Merchant or person on the other side.", max_length=200)
    counterparty_iban: str = Field("", description="IBAN of the other side, when known.")
    category: Category = Field(description="Spending category.")
    description: str = Field("", description="Memo or statement text.", max_length=500)
    status: Literal["posted", "pending"] = Field("posted", description="Whether the transaction has settled.")


app.resource(Account, name="account", id_prefix="acc", filterable=("type",), ops=("list",))
app.resource(
    Payee,
    name="payee",
    id_prefix="payee",
    ops=("list", "delete"),
    tool_names={"delete": "remove_payee"},
    order_by="name",
)
app.resource(
    Transaction,
    name="transaction",
    id_prefix="txn",
    searchable=("counterparty", "description"),
    ops=("search", "get"),
    order_by="date DESC, rowid DESC",
)


class Balance(Account):
    available: float = Field(description="What can be spent now (balance plus unused credit for cards).")
    as_of: str = Field(description="Time of the reading (ISO-8601).")


class TransferResult(BaseModel):
    from_transaction: Transaction = Field(description="The debit on the source account.")
    to_transaction: Transaction = Field(description="The credit on the destination account.")
    from_balance: float = Field(description="Source account balance after the transfer.")
    to_balance: float = Field(description="Destination account balance after the transfer.")


class PaymentResult(BaseModel):
    transaction: Transaction = Field(description="The payment as booked on the paying account.")
    balance_after: float = Field(description="Balance of the paying account after the payment.")


class TransactionList(BaseModel):
    transactions: list[Transaction] = Field(description="Matching transactions, newest first.")
    total: int = Field(description="Number of matching transactions (before the limit).")
    has_more: bool = Field(description="Whether more matched than were returned.")


class CategoryTotal(BaseModel):
    category: Category = Field(description="Spending category.")
    total: float = Field(description="Money spent in the category, in USD (positive).")
    count: int = Field(description="Number of transactions.")


class SpendingSummary(BaseModel):
    start_date: str = Field(description="First day covered.")
    end_date: str = Field(description="Last day covered.")
    account_id: str | None = Field(description="Account covered, or null for all accounts.")
    total_spent: float = Field(description="Money out, excluding transfers between own accounts.")
    total_received: float = Field(description="Money in, excluding transfers between own accounts.")
    categories: list[CategoryTotal] = Field(description="Spending per category, largest first.")


def _account(ctx: ToolContext, account_id: str) -> dict:
    if ctx.table("bank.account") not in ctx.world.tables:
        raise ToolError("Payments are unavailable: this world has no bank app.")
    acct = ctx.get("bank.account", account_id)
    if acct is None:
        raise ToolError(
            f"No bank account with id '{account_id}' (use bank list_accounts to see the accounts)."
        )
    return acct


def available(acct: dict) -> float:
    """What an account can spend now."""
    return round(acct["balance"] + (acct["credit_limit"] if acct["type"] == "credit_card" else 0.0), 2)


def _book(
    ctx: ToolContext,
    acct: dict,
    amount: float,
    counterparty: str,
    category: str,
    description: str,
    iban: str = "",
) -> dict:
    """Move ``amount`` (signed) on an account and write its transaction; debits are checked for funds
    first."""
    amount = round(amount, 2)
    if -amount > available(acct):
        raise ToolError(
            f"Insufficient funds in {acct['name']} ({acct['id']}): {available(acct):.2f} USD "
            f"available, {-amount:.2f} USD needed."
        )
    ctx.update("bank.account", acct["id"], {"balance": round(acct["balance"] + amount, 2)})
    return ctx.insert(
        "bank.transaction",
        {
            "account_id": acct["id"],
            "date": ctx.today(),
            "amount": amount,
            "counterparty": counterparty,
            "counterparty_iban": iban,
            "category": category,
            "description": description[:500],
            "status": "posted",
        },
    )


def charge_account(
    ctx: ToolContext,
    account_id: str,
    amount: float,
    merchant: str,
    description: str,
    category: str = "shopping",
) -> dict:
    """Charge ``amount`` USD to a bank account for another app; returns the transaction row.

    Raises ``ToolError`` for an unknown account or insufficient funds (then nothing is written).
    """
    if round(amount, 2) <= 0:
        raise ToolError("A charge must be a positive amount.")
    return _book(ctx, _account(ctx, account_id), -amount, merchant, category, description)


def refund_account(ctx: ToolContext, account_id: str, amount: float, merchant: str, description: str) -> dict:
    """Refund ``amount`` USD to a bank account (a positive 'refund' transaction); returns the transaction
    row."""
    if round(amount, 2) <= 0:
        raise ToolError("A refund must be a positive amount.")
    return _book(ctx, _account(ctx, account_id), amount, merchant, "refund", description)


def _norm_iban(iban: str) -> str:
    value = iban.replace(" ", "").upper()
    if not _IBAN.match(value):
        raise ToolError(
            f"iban: '{iban}' is not a valid IBAN (country code, check digits, 10-30 letters/digits)."
        )
    return value


@app.action(read_only=True)
def get_balance(ctx: ToolContext, account_id: str) -> Balance:
    """Get one account with its current balance, the amount available to spend and the time of the reading.

    Args:
        account_id: The account, e.g. 'acc_checking'.
    """
    acct = _account(ctx, account_id)
    return {**acct, "available": available(acct), "as_of": ctx.now()}


@app.action()
def transfer_between_accounts(
    ctx: ToolContext, from_account_id: str, to_account_id: str, amount: Amount, memo: str = ""
) -> TransferResult:
    """Move money between two of the owner's accounts (e.g. checking to savings, or paying off the credit
    card).

    Args:
        from_account_id: Account the money leaves.
        to_account_id: Account the money goes to.
        amount: Amount in USD (positive, at most 2 decimals are kept).
        memo: Optional note shown on both transactions.
    """
    amount = round(amount, 2)
    if from_account_id == to_account_id:
        raise ToolError("from_account_id and to_account_id must be different accounts.")
    src, dst = _account(ctx, from_account_id), _account(ctx, to_account_id)
    if src["type"] == "credit_card":
        raise ToolError(
            "Money cannot be transferred out of a credit card; pay it off from checking or savings."
        )
    out = _book(ctx, src, -amount, dst["name"], "transfer", memo or f"Transfer to {dst['name']}")
    inc = _book(ctx, dst, amount, src["name"], "transfer", memo or f"Transfer from {src['name']}")
    return {
        "from_transaction": out,
        "to_transaction": inc,
        "from_balance": ctx.get("account", src["id"])["balance"],
        "to_balance": ctx.get("account", dst["id"])["balance"],
    }


@app.action()
def send_payment(
    ctx: ToolContext,
    from_account_id: str,
    amount: Amount,
    memo: str = "",
    payee_id: str | None = None,
    iban: str | None = None,
) -> PaymentResult:
    """Send money from checking or savings to a saved payee or any IBAN (at most 10,000 USD per payment).

    Args:
        from_account_id: The paying account (checking or savings).
        amount: Amount in USD (positive).
        memo: Note for the recipient, e.g. 'Dinner split'.
        payee_id: A saved payee to pay; give either this or iban.
        iban: IBAN to pay directly; give either this or payee_id.
    """
    amount = round(amount, 2)
    if (payee_id is None) == (iban is None):
        raise ToolError("Give exactly one of payee_id or iban.")
    if amount > PAYMENT_LIMIT:
        raise ToolError(f"amount: {amount:.2f} USD exceeds the {PAYMENT_LIMIT:,.2f} USD per-payment limit.")
    acct = _account(ctx, from_account_id)
    if acct["type"] == "credit_card":
        raise ToolError("Payments to people can only be sent from a checking or savings account.")
    target = ctx.require("payee", payee_id)["iban"] if payee_id is not None else _norm_iban(iban or "")
    known = ctx.select("payee", "iban = ?", (target,))
    name = known[0]["name"] if known else target
    if target == acct["iban"]:
        raise ToolError("Cannot send a payment to the paying account itself; use transfer_between_accounts.")
    txn = _book(ctx, acct, -amount, name, "payment", memo or f"Payment to {name}", iban=target)
    return {"transaction": txn, "balance_after": ctx.get("account", acct["id"])["balance"]}


@app.action()
def add_payee(ctx: ToolContext, name: str, iban: str, email: str = "") -> Payee:
    """Save a new payee (a person or company the owner pays) with their IBAN.

    Args:
        name: The payee's name.
        iban: The payee's IBAN (spaces allowed).
        email: Optional email address.
    """
    value = _norm_iban(iban)
    if not name.strip():
        raise ToolError("name: cannot be empty.")
    clash = ctx.select("payee", "iban = ?", (value,))
    if clash:
        raise ToolError(f"A payee with IBAN {value} already exists: {clash[0]['name']} ({clash[0]['id']}).")
    return ctx.insert(
        "payee", {"name": name.strip()[:100], "iban": value, "email": email.strip(), "created_at": ctx.now()}
    )


@app.action(read_only=True)
def list_transactions(
    ctx: ToolContext,
    account_id: str | None = None,
    category: Category | None = None,
    start_date: DateStr | None = None,
    end_date: DateStr | None = None,
    limit: Annotated[int, Field(ge=1, le=200)] = 50,
) -> TransactionList:
    """List transactions, newest first, optionally filtered by account, category and date range (inclusive).

    Args:
        account_id: Only this account.
        category: Only this category, e.g. 'dining'.
        start_date: First day to include (YYYY-MM-DD).
        end_date: Last day to include (YYYY-MM-DD).
        limit: Maximum number of transactions to return (1-200).
    """
    if account_id is not None:
        _account(ctx, account_id)
    active = [
        (sql, v)
        for sql, v in (
            ("account_id = ?", account_id),
            ("category = ?", category),
            ("date >= ?", start_date and parse_day(start_date, "start_date").isoformat()),
            ("date <= ?", end_date and parse_day(end_date, "end_date").isoformat()),
        )
        if v is not None
    ]
    rows = ctx.select(
        "transaction",
        " AND ".join(c for c, _ in active),
        tuple(v for _, v in active),
        order_by="date DESC, rowid DESC",
    )
    return {"transactions": rows[:limit], "total": len(rows), "has_more": len(rows) > limit}


@app.action(read_only=True)
def spending_summary(
    ctx: ToolContext,
    start_date: DateStr | None = None,
    end_date: DateStr | None = None,
    account_id: str | None = None,
) -> SpendingSummary:
    """Total spending per category over a date range (default: the last 30 days), with money in and out.

    Args:
        start_date: First day (YYYY-MM-DD); default 30 days before end_date.
        end_date: Last day (YYYY-MM-DD); default today.
        account_id: Only this account; default all accounts.
    """
    end = parse_day(end_date, "end_date") if end_date else Date.fromisoformat(ctx.today())
    start = parse_day(start_date, "start_date") if start_date else end - timedelta(days=30)
    if start > end:
        raise ToolError("start_date must not be after end_date.")
    where, params = "date >= ? AND date <= ? AND category != 'transfer'", [start.isoformat(), end.isoformat()]
    if account_id is not None:
        _account(ctx, account_id)
        where += " AND account_id = ?"
        params.append(account_id)
    rows = ctx.select("transaction", where, tuple(params))
    totals: dict[str, list] = {}
    for t in (t for t in rows if t["amount"] < 0):
        entry = totals.setdefault(t["category"], [0.0, 0])
        entry[0], entry[1] = entry[0] - t["amount"], entry[1] + 1
    cats = sorted(
        ({"category": c, "total": round(v[0], 2), "count": v[1]} for c, v in totals.items()),
        key=lambda c: (-c["total"], c["category"]),
    )
    return {
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "account_id": account_id,
        "total_spent": round(-sum(t["amount"] for t in rows if t["amount"] < 0), 2),
        "total_received": round(sum(t["amount"] for t in rows if t["amount"] > 0), 2),
        "categories": cats,
    }


_MERCHANTS = {
    "groceries": (("Whole Foods Market", "Trader Joe's", "Safeway", "Costco"), 18, 160),
    "dining": (("Chipotle", "Sweetgreen", "Blue Bottle Coffee", "Joe's Pizza", "Shake Shack"), 5, 90),
    "transport": (("Uber", "Lyft", "Shell", "MTA"), 3, 65),
    "shopping": (("Shopwise", "Target", "Best Buy", "IKEA"), 12, 260),
    "entertainment": (("AMC Theatres", "Ticketmaster", "Steam"), 9, 140),
    "health": (("CVS Pharmacy", "Walgreens", "Equinox"), 8, 90),
}
_WEIGHTS = {"groceries": 5, "dining": 8, "transport": 5, "shopping": 3, "entertainment": 2, "health": 2}
_BILLS = (
    (3, "credit", "Netflix", "subscriptions", 15.49),
    (5, "checking", "Con Edison", "utilities", 0),
    (10, "checking", "Comcast Xfinity", "utilities", 79.99),
    (12, "credit", "Spotify", "subscriptions", 11.99),
    (18, "checking", "Verizon Wireless", "utilities", 65.0),
    (22, "credit", "NYTimes", "subscriptions", 4.25),
)
_MEMOS = (
    "Dinner split",
    "Concert tickets",
    "Birthday gift",
    "Rent share",
    "Groceries",
    "Taxi",
    "Book club dues",
)


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng, user = s.rng, s.user

    def account(
        key: str, name: str, kind: str, balance: float, iban: str, opened: int, **extra: object
    ) -> dict:
        masked = ("**** **** **** " if kind == "credit_card" else "****") + str(rng.randint(1000, 9999))
        return {
            "id": f"acc_{key}",
            "name": name,
            "type": kind,
            "balance": balance,
            "iban": iban,
            "number_masked": masked,
            "opened_on": s.date(opened),
            **extra,
        }

    accounts = {
        "checking": account(
            "checking", "Everyday Checking", "checking", rng.randrange(2500, 6000, 25), user.iban, -2900
        ),
        "savings": account(
            "savings", "High-Yield Savings", "savings", rng.randrange(9000, 30000, 50), s.fake.iban(), -1800
        ),
        "credit": account(
            "credit", "Rewards Visa", "credit_card", -rng.randrange(200, 900), "", -1200, credit_limit=8000.0
        ),
    }
    payees = [
        ctx.insert(
            "payee",
            {
                "id": f"payee_{p.id}",
                "name": p.name,
                "iban": p.iban,
                "email": p.email,
                "created_at": s.at(days=-rng.randint(60, 700)),
            },
        )
        for p in sorted(rng.sample(s.people, 12), key=lambda p: p.id)
    ]
    txns: list[tuple] = []  # (day, account, amount, who, category, memo, iban)

    def book(day: int, acct: str, amount: float, who: str, cat: str, memo: str = "", iban: str = "") -> None:
        amount = round(amount, 2)
        accounts[acct]["balance"] = round(accounts[acct]["balance"] + amount, 2)
        txns.append((day, acct, amount, who, cat, memo, iban))

    for day in range(-60, 1):
        dom = int(s.date(day)[-2:])
        if dom in (1, 15):
            book(day, "checking", 3862.5, f"Payroll - {user.company}", "income", "Salary")
        if dom == 1:
            book(day, "checking", -2350.0, "Oakwood Property Management", "housing", "Monthly rent")
        if dom == 2:
            book(day, "checking", -500.0, "High-Yield Savings", "transfer", "Monthly savings")
            book(day, "savings", 500.0, "Everyday Checking", "transfer", "Monthly savings")
        if dom == 28:
            book(
                day,
                "savings",
                accounts["savings"]["balance"] * 0.0035,
                "Interest",
                "income",
                "Monthly interest",
            )
        if dom == 20:
            owed = -accounts["credit"]["balance"]
            book(day, "checking", -owed, "Rewards Visa", "transfer", "Credit card payment")
            book(day, "credit", owed, "Everyday Checking", "transfer", "Payment - thank you")
        for bill_day, acct, who, cat, amount in _BILLS:
            if dom == bill_day:
                book(day, acct, -(amount or round(rng.uniform(70, 140), 2)), who, cat, "Monthly bill")
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            cat = rng.choices(list(_WEIGHTS), weights=list(_WEIGHTS.values()))[0]
            names, lo, hi = _MERCHANTS[cat]
            book(
                day,
                "credit" if rng.random() < 0.7 else "checking",
                -rng.uniform(lo, hi),
                rng.choice(names),
                cat,
                "Card purchase",
            )
        if rng.random() < 0.12:
            payee, sign = rng.choice(payees), 1 if rng.random() < 0.35 else -1
            book(
                day,
                "checking",
                sign * rng.randint(15, 180),
                payee["name"],
                "payment",
                rng.choice(_MEMOS),
                payee["iban"],
            )
    for acct in accounts.values():
        ctx.insert("account", acct)
    for day, acct, amount, who, cat, memo, iban in txns:
        ctx.insert(
            "transaction",
            {
                "account_id": accounts[acct]["id"],
                "date": s.date(day),
                "amount": amount,
                "counterparty": who,
                "counterparty_iban": iban,
                "category": cat,
                "description": memo,
                "status": "pending" if day >= -1 and acct == "credit" else "posted",
            },
        )
