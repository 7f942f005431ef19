"""Accounting and invoicing: customers, catalog items, invoices with line items, payments, credit notes."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("accounting and invoicing")

Currency = Literal["USD", "EUR", "GBP", "CAD"]
DATE = r"^\d{4}-\d{2}-\d{2}$"
InvoiceStatus = Literal["draft", "sent", "partially_paid", "paid", "void"]


class Customer(BaseModel):
    id: str = Field(description="Customer id.")
    name: str = Field(description="Customer (billing contact) name.", min_length=1, max_length=120)
    email: str = Field(description="Billing email.", max_length=200)
    company: str = Field("", description="Company name.", max_length=120)
    currency: Currency = Field("USD", description="Invoicing currency.")
    payment_terms_days: int = Field(30, ge=0, le=120, description="Days until an invoice is due (net terms).")
    tax_rate: float = Field(0.0, ge=0, le=30, description="Sales tax / VAT rate in percent.")
    address: str = Field("", description="Billing address.", max_length=300)
    created_at: str = Field("", description="When the customer was added (ISO-8601).")


class Item(BaseModel):
    id: str = Field(description="Catalog item id.")
    name: str = Field(description="Product or service name.", min_length=1, max_length=120)
    sku: str = Field(description="Stock keeping unit code.", pattern=r"^[A-Z]{2,4}-\d{3,5}$")
    unit_price: float = Field(ge=0, le=100000, description="Price per unit.")
    unit: Literal["hour", "unit", "month", "project", "license"] = Field("unit", description="Billing unit.")
    description: str = Field("", description="Default line description.", max_length=300)
    taxable: bool = Field(True, description="Whether tax applies to this item.")


class LineItem(BaseModel):
    description: str = Field(description="What is billed.", min_length=1, max_length=200)
    quantity: float = Field(gt=0, le=10000, description="Quantity.")
    unit_price: float = Field(ge=0, le=100000, description="Price per unit.")
    taxable: bool = Field(True, description="Whether tax applies.")


class Invoice(BaseModel):
    id: str = Field(description="Invoice id.")
    customer_id: str = Field(description="Billed customer.")
    number: str = Field(description="Invoice number, e.g. 'INV-1042'.", pattern=r"^INV-\d{4,6}$")
    status: InvoiceStatus = Field("draft", description="Invoice status.")
    currency: Currency = Field("USD", description="Currency.")
    issue_date: str = Field("", description="Issue date (YYYY-MM-DD); empty while draft.")
    due_date: str = Field("", description="Due date (YYYY-MM-DD).")
    line_items: list[LineItem] = Field(default_factory=list, description="Billed lines.")
    subtotal: float = Field(0.0, description="Sum of lines before tax.")
    tax: float = Field(0.0, description="Tax amount.")
    total: float = Field(0.0, description="Subtotal plus tax.")
    amount_paid: float = Field(0.0, description="Payments received (net of refunds).")
    amount_credited: float = Field(0.0, description="Credit notes applied.")
    notes: str = Field("", description="Notes printed on the invoice.", max_length=1000)


class Payment(BaseModel):
    id: str = Field(description="Payment id.")
    invoice_id: str = Field(description="Invoice paid.")
    amount: float = Field(gt=0, description="Amount received.")
    method: Literal["card", "bank_transfer", "check", "cash"] = Field(description="Payment method.")
    reference: str = Field("", description="Bank or check reference.", max_length=80)
    status: Literal["completed", "refunded"] = Field("completed", description="Payment status.")
    paid_on: str = Field("", description="Date received (YYYY-MM-DD).")


class CreditNote(BaseModel):
    id: str = Field(description="Credit note id.")
    invoice_id: str = Field(description="Invoice the credit relates to.")
    customer_id: str = Field(description="Customer credited.")
    amount: float = Field(gt=0, description="Credit amount.")
    reason: Literal["returned_goods", "billing_error", "discount", "service_issue", "other"] = Field(
        description="Why the credit was issued."
    )
    status: Literal["issued", "applied", "void"] = Field("issued", description="Credit note status.")
    issued_on: str = Field("", description="Date issued (YYYY-MM-DD).")


bp.resource(
    Customer,
    name="customer",
    id_prefix="cus",
    searchable=("name", "company", "email"),
    filterable=("currency",),
    ops=("search", "list", "get", "create", "update"),
    order_by="name",
)
bp.resource(
    Item,
    name="item",
    id_prefix="itm",
    searchable=("name", "sku", "description"),
    filterable=("unit",),
    order_by="name",
)
bp.resource(
    Invoice,
    name="invoice",
    id_prefix="inv",
    searchable=("number", "notes"),
    filterable=("customer_id", "status", "currency"),
    refs={"customer_id": "customer"},
    readonly=(
        "number",
        "status",
        "currency",
        "issue_date",
        "line_items",
        "subtotal",
        "tax",
        "total",
        "amount_paid",
        "amount_credited",
        "customer_id",
    ),
    ops=("search", "list", "get", "update"),
    order_by="number DESC",
)
bp.resource(
    Payment,
    name="payment",
    id_prefix="pay",
    filterable=("invoice_id", "method", "status"),
    refs={"invoice_id": "invoice"},
    ops=("list", "get"),
    order_by="paid_on DESC",
)
bp.resource(
    CreditNote,
    name="credit_note",
    id_prefix="cn",
    filterable=("invoice_id", "customer_id", "status"),
    refs={"invoice_id": "invoice", "customer_id": "customer"},
    ops=("list", "get"),
    order_by="issued_on DESC",
)


class InvoiceList(BaseModel):
    invoices: list[Invoice] = Field(description="The invoices.")


class CustomerBalance(BaseModel):
    customer_id: str = Field(description="The customer.")
    open_invoices: int = Field(description="Invoices sent and not fully paid.")
    outstanding: float = Field(description="Total balance due.")
    overdue: float = Field(description="Balance due on invoices past their due date.")
    unapplied_credits: float = Field(description="Issued credit notes not yet applied.")


class AgingReport(BaseModel):
    as_of: str = Field(description="Report date.")
    current: float = Field(description="Not yet due.")
    days_1_30: float = Field(description="1–30 days overdue.")
    days_31_60: float = Field(description="31–60 days overdue.")
    days_61_90: float = Field(description="61–90 days overdue.")
    days_over_90: float = Field(description="More than 90 days overdue.")


def _due(inv: dict) -> float:
    return round(inv["total"] - inv["amount_paid"] - inv["amount_credited"], 2)


def _totals(lines: list[dict], tax_rate: float) -> dict:
    subtotal = round(sum(li["quantity"] * li["unit_price"] for li in lines), 2)
    tax = round(
        sum(li["quantity"] * li["unit_price"] for li in lines if li.get("taxable", True)) * tax_rate / 100, 2
    )
    return {"line_items": lines, "subtotal": subtotal, "tax": tax, "total": round(subtotal + tax, 2)}


def _next_number(ctx: ToolContext) -> str:
    nums = [int(i["number"].split("-")[1]) for i in ctx.select("invoice")]
    return f"INV-{max(nums, default=1000) + 1}"


def _settle_status(inv: dict) -> str:
    if _due(inv) <= 0.004:
        return "paid"
    return "partially_paid" if inv["amount_paid"] + inv["amount_credited"] > 0 else "sent"


def _draft(ctx: ToolContext, invoice_id: str) -> dict:
    inv = ctx.require("invoice", invoice_id)
    if inv["status"] != "draft":
        raise ToolError(f"Invoice {inv['number']} is {inv['status']}; only draft invoices can be edited.")
    return inv


@bp.action()
def create_invoice(
    ctx: ToolContext,
    customer_id: str,
    line_items: Annotated[list[LineItem], Field(min_length=1, max_length=50)],
    due_date: Annotated[str, Field(pattern=DATE)] | None = None,
    notes: Annotated[str, Field(max_length=1000)] = "",
) -> Invoice:
    """Create a draft {app} invoice for a customer from line items; tax and totals use the customer's tax
    rate.

    Args:
        customer_id: The customer to bill.
        line_items: Lines to bill (description, quantity, unit price, taxable).
        due_date: Due date (YYYY-MM-DD); defaults to today plus the customer's payment terms.
        notes: Notes printed on the invoice.
    """
    cust = ctx.require("customer", customer_id)
    today = ctx.today()
    if due_date is None:
        due_date = plus_days(today, cust["payment_terms_days"])
    elif due_date < today:
        raise ToolError(f"due_date {due_date} is in the past (today is {today}).")
    lines = [
        {
            "description": li["description"],
            "quantity": li["quantity"],
            "unit_price": li["unit_price"],
            "taxable": li.get("taxable", True),
        }
        for li in line_items
    ]
    return ctx.insert(
        "invoice",
        {
            "customer_id": customer_id,
            "number": _next_number(ctx),
            "status": "draft",
            "currency": cust["currency"],
            "due_date": due_date,
            "notes": notes,
            **_totals(lines, cust["tax_rate"]),
        },
    )


@bp.action()
def add_invoice_item(
    ctx: ToolContext, invoice_id: str, item_id: str, quantity: Annotated[float, Field(gt=0, le=10000)] = 1
) -> Invoice:
    """Add a catalog item as a new line on a draft {app} invoice and recompute the totals.

    Args:
        invoice_id: The draft invoice.
        item_id: The catalog item to bill.
        quantity: Quantity of the item.
    """
    inv = _draft(ctx, invoice_id)
    item = ctx.require("item", item_id)
    lines = [
        *inv["line_items"],
        {
            "description": item["description"] or item["name"],
            "quantity": quantity,
            "unit_price": item["unit_price"],
            "taxable": item["taxable"],
        },
    ]
    cust = ctx.require("customer", inv["customer_id"])
    return ctx.update("invoice", invoice_id, _totals(lines, cust["tax_rate"]))


@bp.action()
def remove_invoice_line(
    ctx: ToolContext, invoice_id: str, line_number: Annotated[int, Field(ge=1, le=10)]
) -> Invoice:
    """Remove one line (numbered from 1) from a draft {app} invoice and recompute the totals.

    Args:
        invoice_id: The draft invoice.
        line_number: Position of the line to remove, starting at 1.
    """
    inv = _draft(ctx, invoice_id)
    if line_number > len(inv["line_items"]):
        raise ToolError(
            f"Invoice {inv['number']} has {len(inv['line_items'])} lines; there is no line {line_number}."
        )
    lines = [li for k, li in enumerate(inv["line_items"], 1) if k != line_number]
    cust = ctx.require("customer", inv["customer_id"])
    return ctx.update("invoice", invoice_id, _totals(lines, cust["tax_rate"]))


def _send(ctx: ToolContext, inv: dict) -> dict:
    if inv["status"] != "draft":
        raise ToolError(f"Invoice {inv['number']} is already {inv['status']}; only drafts can be sent.")
    if not inv["line_items"] or inv["total"] <= 0:
        raise ToolError(f"Invoice {inv['number']} has no billable lines; add items before sending.")
    return ctx.update("invoice", inv["id"], {"status": "sent", "issue_date": ctx.today()})


@bp.action()
def send_invoice(ctx: ToolContext, invoice_id: str) -> Invoice:
    """Finalize and email a draft {app} invoice to the customer; it gets today's issue date and becomes
    'sent'.

    Args:
        invoice_id: The draft invoice to send.
    """
    return _send(ctx, ctx.require("invoice", invoice_id))


@bp.action()
def send_invoices(
    ctx: ToolContext, invoice_ids: Annotated[list[str], Field(min_length=1, max_length=25)]
) -> InvoiceList:
    """Send several draft {app} invoices at once; if any cannot be sent, none are. Returns the sent invoices.

    Args:
        invoice_ids: The draft invoices to send.
    """
    invs = [ctx.require("invoice", i) for i in dict.fromkeys(invoice_ids)]
    for inv in invs:
        if inv["status"] != "draft" or not inv["line_items"]:
            raise ToolError(
                f"Invoice {inv['number']} cannot be sent (status {inv['status']}); nothing was sent."
            )
    return {"invoices": [_send(ctx, inv) for inv in invs]}


@bp.action()
def record_payment(
    ctx: ToolContext,
    invoice_id: str,
    amount: Annotated[float, Field(gt=0, le=100000)] | None = None,
    method: Literal["card", "bank_transfer", "check", "cash"] = "bank_transfer",
    reference: Annotated[str, Field(max_length=80)] = "",
) -> Payment:
    """Record a payment against a sent {app} invoice; it may not exceed the balance due. Returns the payment.

    Args:
        invoice_id: The invoice being paid.
        amount: Amount received; the full balance due when omitted.
        method: How it was paid.
        reference: Bank or check reference.
    """
    inv = ctx.require("invoice", invoice_id)
    if inv["status"] not in ("sent", "partially_paid"):
        raise ToolError(
            f"Invoice {inv['number']} is {inv['status']}; payments can only be recorded on sent invoices."
        )
    amount = _due(inv) if amount is None else amount
    if amount > _due(inv) + 0.004:
        raise ToolError(
            f"Payment of {amount} exceeds the balance due of {_due(inv)} {inv['currency']} "
            f"on invoice {inv['number']}."
        )
    pay = ctx.insert(
        "payment",
        {
            "invoice_id": invoice_id,
            "amount": amount,
            "method": method,
            "reference": reference,
            "paid_on": ctx.today(),
        },
    )
    inv = {**inv, "amount_paid": round(inv["amount_paid"] + amount, 2)}
    ctx.update("invoice", invoice_id, {"amount_paid": inv["amount_paid"], "status": _settle_status(inv)})
    return pay


@bp.action()
def refund_payment(ctx: ToolContext, payment_id: str) -> Payment:
    """Refund a completed {app} payment; the invoice's paid amount drops and it reopens. Returns the payment.

    Args:
        payment_id: The payment to refund.
    """
    pay = ctx.require("payment", payment_id)
    if pay["status"] == "refunded":
        raise ToolError(f"Payment {payment_id} was already refunded.")
    inv = ctx.require("invoice", pay["invoice_id"])
    inv = {**inv, "amount_paid": max(0.0, round(inv["amount_paid"] - pay["amount"], 2))}
    ctx.update("invoice", inv["id"], {"amount_paid": inv["amount_paid"], "status": _settle_status(inv)})
    return ctx.update("payment", payment_id, {"status": "refunded"})


@bp.action(destructive=True)
def void_invoice(ctx: ToolContext, invoice_id: str) -> Invoice:
    """Void an {app} invoice so it is no longer owed; refused once payments or credits are recorded on it.

    Args:
        invoice_id: The invoice to void.
    """
    inv = ctx.require("invoice", invoice_id)
    if inv["status"] == "void":
        raise ToolError(f"Invoice {inv['number']} is already void.")
    if inv["amount_paid"] > 0 or inv["amount_credited"] > 0:
        raise ToolError(
            f"Invoice {inv['number']} has payments or credits recorded; refund them or issue a "
            f"credit note instead of voiding."
        )
    return ctx.update("invoice", invoice_id, {"status": "void"})


@bp.action()
def issue_credit_note(
    ctx: ToolContext,
    invoice_id: str,
    amount: Annotated[float, Field(gt=0, le=5000)],
    reason: Literal["returned_goods", "billing_error", "discount", "service_issue", "other"],
) -> CreditNote:
    """Issue an {app} credit note against a sent invoice, up to its total minus credits already issued.

    Args:
        invoice_id: The invoice the credit relates to.
        amount: Credit amount.
        reason: Why the credit is issued.
    """
    inv = ctx.require("invoice", invoice_id)
    if inv["status"] in ("draft", "void"):
        raise ToolError(f"Invoice {inv['number']} is {inv['status']}; credit notes need a sent invoice.")
    issued = sum(
        c["amount"] for c in ctx.select("credit_note", "invoice_id = ? AND status != 'void'", (invoice_id,))
    )
    room = round(inv["total"] - issued, 2)
    if amount > room:
        raise ToolError(f"Credit of {amount} exceeds what can still be credited on {inv['number']} ({room}).")
    return ctx.insert(
        "credit_note",
        {
            "invoice_id": invoice_id,
            "customer_id": inv["customer_id"],
            "amount": amount,
            "reason": reason,
            "status": "issued",
            "issued_on": ctx.today(),
        },
    )


@bp.action()
def apply_credit_note(ctx: ToolContext, credit_note_id: str) -> Invoice:
    """Apply an issued {app} credit note to its invoice, reducing the balance due; returns the updated
    invoice.

    Args:
        credit_note_id: The credit note to apply.
    """
    cn = ctx.require("credit_note", credit_note_id)
    if cn["status"] != "issued":
        raise ToolError(
            f"Credit note {credit_note_id} is {cn['status']}; only issued credit notes can be applied."
        )
    inv = ctx.require("invoice", cn["invoice_id"])
    if cn["amount"] > _due(inv) + 0.004:
        raise ToolError(
            f"Credit of {cn['amount']} exceeds the balance due of {_due(inv)} on {inv['number']}."
        )
    ctx.update("credit_note", credit_note_id, {"status": "applied"})
    inv = {**inv, "amount_credited": round(inv["amount_credited"] + cn["amount"], 2)}
    return ctx.update(
        "invoice", inv["id"], {"amount_credited": inv["amount_credited"], "status": _settle_status(inv)}
    )


@bp.action(destructive=True)
def void_credit_note(ctx: ToolContext, credit_note_id: str) -> CreditNote:
    """Void an {app} credit note that has not been applied yet; returns the voided credit note.

    Args:
        credit_note_id: The credit note to void.
    """
    cn = ctx.require("credit_note", credit_note_id)
    if cn["status"] != "issued":
        raise ToolError(
            f"Credit note {credit_note_id} is {cn['status']}; only issued credit notes can be voided."
        )
    return ctx.update("credit_note", credit_note_id, {"status": "void"})


@bp.action()
def duplicate_invoice(ctx: ToolContext, invoice_id: str) -> Invoice:
    """Copy an {app} invoice's customer, lines and notes into a new draft with a fresh number and due date.

    Args:
        invoice_id: The invoice to copy.
    """
    inv = ctx.require("invoice", invoice_id)
    cust = ctx.require("customer", inv["customer_id"])
    due = plus_days(ctx.today(), cust["payment_terms_days"])
    return ctx.insert(
        "invoice",
        {
            "customer_id": inv["customer_id"],
            "number": _next_number(ctx),
            "status": "draft",
            "currency": inv["currency"],
            "due_date": due,
            "notes": inv["notes"],
            **_totals(inv["line_items"], cust["tax_rate"]),
        },
    )


@bp.action(read_only=True)
def list_overdue_invoices(ctx: ToolContext, customer_id: str | None = None) -> InvoiceList:
    """List {app} invoices past their due date that still have a balance, oldest due date first.

    Args:
        customer_id: Only this customer's invoices.
    """
    where, params = "status IN ('sent','partially_paid') AND due_date < ?", (ctx.today(),)
    if customer_id:
        ctx.require("customer", customer_id)
        where, params = where + " AND customer_id = ?", params + (customer_id,)
    return {"invoices": ctx.select("invoice", where, params, order_by="due_date")}


@bp.action(read_only=True)
def get_customer_balance(ctx: ToolContext, customer_id: str) -> CustomerBalance:
    """Get a customer's {app} balance: open invoices, amount outstanding, amount overdue and unapplied
    credits.

    Args:
        customer_id: The customer.
    """
    ctx.require("customer", customer_id)
    open_ = ctx.select("invoice", "customer_id = ? AND status IN ('sent','partially_paid')", (customer_id,))
    credits = ctx.select("credit_note", "customer_id = ? AND status = 'issued'", (customer_id,))
    return {
        "customer_id": customer_id,
        "open_invoices": len(open_),
        "outstanding": round(sum(_due(i) for i in open_), 2),
        "overdue": round(sum(_due(i) for i in open_ if i["due_date"] < ctx.today()), 2),
        "unapplied_credits": round(sum(c["amount"] for c in credits), 2),
    }


@bp.action(read_only=True)
def get_aging_report(ctx: ToolContext, currency: Currency | None = None) -> AgingReport:
    """Build the {app} accounts-receivable aging report: open balances bucketed by days past due.

    Args:
        currency: Only invoices in this currency.
    """
    today = date.fromisoformat(ctx.today())
    buckets = {"current": 0.0, "days_1_30": 0.0, "days_31_60": 0.0, "days_61_90": 0.0, "days_over_90": 0.0}
    for inv in ctx.select("invoice", "status IN ('sent','partially_paid')"):
        if currency and inv["currency"] != currency:
            continue
        late = (today - date.fromisoformat(inv["due_date"])).days
        key = (
            "current"
            if late <= 0
            else "days_1_30"
            if late <= 30
            else "days_31_60"
            if late <= 60
            else "days_61_90"
            if late <= 90
            else "days_over_90"
        )
        buckets[key] = round(buckets[key] + _due(inv), 2)
    return {"as_of": ctx.today(), **buckets}


_SERVICES = [
    ("Consulting", "CON", "hour", 150.0),
    ("Web design", "WEB", "project", 2400.0),
    ("Hosting plan", "HOST", "month", 49.0),
    ("SEO audit", "SEO", "project", 900.0),
    ("Support retainer", "SUP", "month", 600.0),
    ("Software license", "LIC", "license", 299.0),
    ("Copywriting", "COPY", "hour", 85.0),
    ("Training workshop", "TRN", "unit", 1200.0),
    ("Data migration", "DATA", "project", 3100.0),
    ("Logo package", "BRD", "project", 750.0),
    ("Photography", "PHO", "hour", 120.0),
    ("Maintenance", "MNT", "month", 350.0),
]


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    items = []
    for n, (name, code, unit, price) in enumerate(_SERVICES):
        items.append(
            ctx.insert(
                "item",
                {
                    "name": name,
                    "sku": f"{code}-{100 + n * 7}",
                    "unit_price": price,
                    "unit": unit,
                    "description": f"{name} services",
                    "taxable": code not in ("CON", "TRN"),
                },
            )
        )
    for n, prod in enumerate(rng.sample(s.cast.products, 6)):  # goods of the shared product pool
        items.append(
            ctx.insert(
                "item",
                {
                    "name": prod.name,
                    "sku": f"PRD-{200 + n * 7}",
                    "unit_price": prod.price,
                    "unit": "unit",
                    "description": prod.name,
                    "taxable": True,
                },
            )
        )
    customers = []
    for n, p in enumerate(s.people[:14]):
        customers.append(
            ctx.insert(
                "customer",
                {
                    "name": p.name,
                    "email": p.email,
                    "company": p.company,
                    "currency": ("USD", "USD", "EUR", "GBP", "CAD")[n % 5],
                    "payment_terms_days": rng.choice((0, 15, 30, 30, 45, 60)),
                    "tax_rate": rng.choice((0.0, 5.0, 7.25, 8.5, 20.0)),
                    "address": s.fake.address().replace("\n", ", "),
                    "created_at": s.at(days=-rng.randint(200, 900)),
                },
            )
        )
    statuses = (
        "draft",
        "sent",
        "draft",
        "partially_paid",
        "sent",
        "draft",
        "paid",
        "sent",
        "draft",
        "partially_paid",
        "sent",
        "paid",
    )
    for n in range(34):
        cust = customers[n % len(customers)]
        status = statuses[n % len(statuses)] if n < 30 else "void"
        lines = []
        for it in rng.sample(items, k=rng.randint(3, 5) if status == "draft" else rng.randint(1, 4)):
            lines.append(
                {
                    "description": it["description"],
                    "quantity": float(rng.randint(1, 12)),
                    "unit_price": it["unit_price"],
                    "taxable": it["taxable"],
                }
            )
        tot = _totals(lines, cust["tax_rate"])
        issued = -rng.randint(5, 120)
        issue_date = s.date(issued) if status != "draft" else ""
        due = (
            s.date(issued + cust["payment_terms_days"])
            if status != "draft"
            else s.date(cust["payment_terms_days"])
        )
        paid = (
            tot["total"]
            if status == "paid"
            else round(tot["total"] * rng.choice((0.25, 0.4, 0.5)), 2)
            if status == "partially_paid"
            else 0.0
        )
        inv = ctx.insert(
            "invoice",
            {
                "customer_id": cust["id"],
                "number": f"INV-{1001 + n}",
                "status": status,
                "currency": cust["currency"],
                "issue_date": issue_date,
                "due_date": due,
                "amount_paid": paid,
                "notes": rng.choice(
                    ("Thank you for your business!", "", "Please reference the invoice number.")
                ),
                **tot,
            },
        )
        if paid:
            ctx.insert(
                "payment",
                {
                    "invoice_id": inv["id"],
                    "amount": paid,
                    "method": rng.choice(("card", "bank_transfer", "check")),
                    "reference": s.fake.bothify("REF-####??").upper(),
                    "paid_on": s.date(min(issued + rng.randint(1, 20), 0)),
                },
            )
        if status in ("sent", "partially_paid") and rng.random() < 0.6:
            ctx.insert(
                "credit_note",
                {
                    "invoice_id": inv["id"],
                    "customer_id": cust["id"],
                    "amount": round(min(tot["total"] - paid, tot["total"] * 0.1), 2) or 1.0,
                    "reason": rng.choice(("discount", "billing_error", "service_issue")),
                    "status": "issued",
                    "issued_on": s.date(issued + 2),
                },
            )


bp.product(
    "ledgerly", "Ledgerly", "Small-business invoicing and receivables with credit notes and aging reports."
)
bp.product(
    "billowly",
    "Billowly",
    "Freelancer invoicing: send invoices, track payments, issue credits.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("get_aging_report", "send_invoices", "search_items"),
)
bp.product(
    "invoxa",
    "Invoxa",
    "Invoice automation with catalog items and batch sending.",
    style="kebab",
    pagination="offset",
    verbs={"create": "new"},
)
bp.product(
    "tallyforge",
    "TallyForge",
    "Lightweight bookkeeping for invoices and payments.",
    prefix="tally",
    drop=(
        "send_invoices",
        "duplicate_invoice",
        "get_aging_report",
        "void_credit_note",
        "apply_credit_note",
        "list_credit_notes",
        "get_credit_note",
        "issue_credit_note",
        "search_invoices",
        "delete_item",
    ),
)
bp.product(
    "quillbill",
    "QuillBill",
    "Accounts receivable desk with customer balances and overdue tracking.",
    verbs={"list": "browse", "search": "find"},
    pagination="page",
    drop=("remove_invoice_line",),
)
