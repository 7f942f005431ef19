"""Payment processing: customers, charges (authorize/capture), refunds, payouts and disputes (five
products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("payment processing")

Currency = Literal["usd", "eur", "gbp"]
Method = Literal["card_visa", "card_mastercard", "card_amex", "ach_debit", "sepa_debit", "none"]
RefundReason = Literal["requested_by_customer", "duplicate", "fraudulent"]


class Customer(BaseModel):
    id: str = Field(description="Customer id.")
    name: str = Field(description="Customer name.", min_length=1, max_length=120)
    email: str = Field(description="Customer email.", max_length=200)
    description: str = Field("", description="Internal description.", max_length=300)
    default_payment_method: Method = Field("none", description="Payment method charged by default.")
    currency: Currency = Field("usd", description="Preferred currency.")
    created_at: str = Field("", description="When the customer was created (ISO-8601).")


class Charge(BaseModel):
    id: str = Field(description="Charge id.")
    customer_id: str = Field(description="Customer charged.")
    amount: int = Field(ge=50, description="Authorized amount in the smallest currency unit (cents).")
    amount_captured: int = Field(0, ge=0, description="Captured amount in cents.")
    amount_refunded: int = Field(0, ge=0, description="Refunded amount in cents.")
    currency: Currency = Field("usd", description="Three-letter currency code, lower case.")
    status: Literal["authorized", "succeeded", "failed", "canceled"] = Field(
        "succeeded", description="'authorized' is held but not captured yet."
    )
    payment_method: Method = Field("card_visa", description="Method used.")
    description: str = Field("", description="What the charge is for.", max_length=300)
    disputed: bool = Field(False, description="Whether a dispute is open or was lost on it.")
    created_at: str = Field("", description="When the charge was created (ISO-8601).")


class Refund(BaseModel):
    id: str = Field(description="Refund id.")
    charge_id: str = Field(description="Charge refunded.")
    amount: int = Field(ge=1, description="Refunded amount in cents.")
    reason: RefundReason = Field("requested_by_customer", description="Why the refund was made.")
    status: Literal["pending", "succeeded", "canceled"] = Field("pending", description="Refund status.")
    created_at: str = Field("", description="When the refund was created (ISO-8601).")


class Payout(BaseModel):
    id: str = Field(description="Payout id.")
    amount: int = Field(ge=1, description="Amount in cents.")
    currency: Currency = Field("usd", description="Currency.")
    status: Literal["pending", "in_transit", "paid", "canceled"] = Field(
        "pending", description="Payout status."
    )
    destination: str = Field("", description="Bank account, masked.", max_length=60)
    arrival_date: str = Field("", description="Expected arrival date (YYYY-MM-DD).")
    created_at: str = Field("", description="When the payout was created (ISO-8601).")


class Evidence(BaseModel):
    explanation: str = Field(
        description="Your explanation of why the charge is valid.", min_length=1, max_length=2000
    )
    receipt_url: str = Field("", description="Link to the receipt.", max_length=300)
    shipping_tracking_number: str = Field("", description="Carrier tracking number.", max_length=60)
    customer_communication: str = Field(
        "", description="Relevant messages with the customer.", max_length=2000
    )


class Dispute(BaseModel):
    id: str = Field(description="Dispute id.")
    charge_id: str = Field(description="Disputed charge.")
    amount: int = Field(ge=1, description="Disputed amount in cents.")
    reason: Literal["fraudulent", "product_not_received", "duplicate", "subscription_canceled", "general"] = (
        Field(description="Reason given by the cardholder.")
    )
    status: Literal["needs_response", "under_review", "won", "lost", "accepted"] = Field(
        "needs_response", description="Dispute status."
    )
    respond_by: str = Field("", description="Evidence deadline (YYYY-MM-DD).")
    evidence: Evidence | None = Field(None, description="Evidence submitted, if any.")
    created_at: str = Field("", description="When the dispute was opened (ISO-8601).")


bp.resource(
    Customer,
    name="customer",
    id_prefix="cus",
    searchable=("name", "email", "description"),
    filterable=("currency", "default_payment_method"),
    order_by="created_at DESC",
)
bp.resource(
    Charge,
    name="charge",
    id_prefix="ch",
    searchable=("description",),
    filterable=("customer_id", "status", "currency", "disputed"),
    refs={"customer_id": "customer"},
    readonly=(
        "amount",
        "amount_captured",
        "amount_refunded",
        "currency",
        "status",
        "payment_method",
        "disputed",
        "customer_id",
    ),
    ops=("search", "list", "get", "update"),
    order_by="created_at DESC",
)
bp.resource(
    Refund,
    name="refund",
    id_prefix="re",
    filterable=("charge_id", "status"),
    refs={"charge_id": "charge"},
    ops=("list", "get"),
    order_by="created_at DESC",
)
bp.resource(
    Payout,
    name="payout",
    id_prefix="po",
    filterable=("status", "currency"),
    ops=("list", "get"),
    order_by="created_at DESC",
)
bp.resource(
    Dispute,
    name="dispute",
    id_prefix="dp",
    filterable=("charge_id", "status", "reason"),
    refs={"charge_id": "charge"},
    ops=("list", "get"),
    order_by="respond_by",
)


class Balance(BaseModel):
    currency: str = Field(description="Currency.")
    available: int = Field(description="Funds available for payout, in cents.")
    reserved: int = Field(description="Funds held for open disputes, in cents.")


class BalanceList(BaseModel):
    balances: list[Balance] = Field(description="One entry per currency.")


class ChargeList(BaseModel):
    charges: list[Charge] = Field(description="The charges.")


class RefundList(BaseModel):
    refunds: list[Refund] = Field(description="The refunds created.")


class CustomerSummary(BaseModel):
    customer_id: str = Field(description="The customer.")
    charges: int = Field(description="Number of successful charges.")
    total_captured: int = Field(description="Captured amount in cents.")
    total_refunded: int = Field(description="Refunded amount in cents.")
    disputes: int = Field(description="Number of disputes.")


class ChargeFilter(BaseModel):
    status: Literal["authorized", "succeeded", "failed", "canceled"] | None = Field(
        None, description="Only this status."
    )
    min_amount: int = Field(0, ge=0, description="Minimum amount in cents.")
    max_amount: int = Field(100_000_000, ge=0, description="Maximum amount in cents.")
    currency: Currency | None = Field(None, description="Only this currency.")
    created_after: str = Field(
        "",
        description="Only charges created on or after this date (YYYY-MM-DD).",
        pattern=r"^(\d{4}-\d{2}-\d{2})?$",
    )


def _balances(ctx: ToolContext) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for c in ctx.select("charge", "status = 'succeeded'"):
        b = out.setdefault(c["currency"], {"available": 0, "reserved": 0})
        b["available"] += c["amount_captured"] - c["amount_refunded"]
    for d in ctx.select("dispute"):
        ch = ctx.get("charge", d["charge_id"])
        if ch is None:
            continue
        b = out.setdefault(ch["currency"], {"available": 0, "reserved": 0})
        if d["status"] in ("needs_response", "under_review"):
            b["reserved"] += d["amount"]
            b["available"] -= d["amount"]
        elif d["status"] in ("lost", "accepted"):
            b["available"] -= d["amount"]
    for p in ctx.select("payout", "status != 'canceled'"):
        out.setdefault(p["currency"], {"available": 0, "reserved": 0})["available"] -= p["amount"]
    return out


@bp.action()
def create_charge(
    ctx: ToolContext,
    customer_id: str,
    amount: Annotated[int, Field(ge=50, le=1_000_000)],
    currency: Currency = "usd",
    capture: bool = True,
    description: Annotated[str, Field(max_length=300)] = "",
) -> Charge:
    """Charge a customer's default payment method on {app}; with capture false the amount is only authorized.

    Args:
        customer_id: The customer to charge.
        amount: Amount in cents (minimum 50).
        currency: Currency code.
        capture: Capture now (true) or only authorize for a later capture (false).
        description: What the charge is for.
    """
    cust = ctx.require("customer", customer_id)
    if cust["default_payment_method"] == "none":
        raise ToolError(f"Customer {cust['name']} has no default payment method; attach one first.")
    if currency == "eur" and cust["default_payment_method"] == "ach_debit":
        raise ToolError("ACH debit only supports usd charges.")
    return ctx.insert(
        "charge",
        {
            "customer_id": customer_id,
            "amount": amount,
            "amount_captured": amount if capture else 0,
            "currency": currency,
            "status": "succeeded" if capture else "authorized",
            "payment_method": cust["default_payment_method"],
            "description": description,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def capture_charge(
    ctx: ToolContext, charge_id: str, amount: Annotated[int, Field(ge=50, le=1_000_000)] | None = None
) -> Charge:
    """Capture an authorized {app} charge, fully or partially (up to the authorized amount); returns the
    charge.

    Args:
        charge_id: The authorized charge.
        amount: Amount to capture in cents; the full authorization when omitted.
    """
    ch = ctx.require("charge", charge_id)
    if ch["status"] != "authorized":
        raise ToolError(f"Charge {charge_id} is {ch['status']}; only authorized charges can be captured.")
    amount = ch["amount"] if amount is None else amount
    if amount > ch["amount"]:
        raise ToolError(f"Cannot capture {amount}: only {ch['amount']} was authorized on charge {charge_id}.")
    return ctx.update("charge", charge_id, {"status": "succeeded", "amount_captured": amount})


@bp.action()
def cancel_authorization(ctx: ToolContext, charge_id: str) -> Charge:
    """Release an uncaptured {app} authorization so the customer's funds are freed; returns the canceled
    charge.

    Args:
        charge_id: The authorized charge to cancel.
    """
    ch = ctx.require("charge", charge_id)
    if ch["status"] != "authorized":
        raise ToolError(
            f"Charge {charge_id} is {ch['status']}; only uncaptured authorizations can be canceled."
        )
    return ctx.update("charge", charge_id, {"status": "canceled"})


def _refund(ctx: ToolContext, ch: dict, amount: int | None, reason: str) -> dict:
    if ch["status"] != "succeeded":
        raise ToolError(f"Charge {ch['id']} is {ch['status']}; only succeeded charges can be refunded.")
    if ch["disputed"]:
        raise ToolError(f"Charge {ch['id']} is disputed; resolve the dispute instead of refunding.")
    left = ch["amount_captured"] - ch["amount_refunded"]
    amount = left if amount is None else amount
    if left <= 0:
        raise ToolError(f"Charge {ch['id']} is already fully refunded.")
    if amount > left:
        raise ToolError(f"Refund of {amount} exceeds the refundable {left} on charge {ch['id']}.")
    ctx.update("charge", ch["id"], {"amount_refunded": ch["amount_refunded"] + amount})
    return ctx.insert(
        "refund",
        {
            "charge_id": ch["id"],
            "amount": amount,
            "reason": reason,
            "status": "pending",
            "created_at": ctx.now(),
        },
    )


@bp.action()
def refund_charge(
    ctx: ToolContext,
    charge_id: str,
    amount: Annotated[int, Field(ge=1, le=1_000_000)] | None = None,
    reason: RefundReason = "requested_by_customer",
) -> Refund:
    """Refund a captured {app} charge, fully or partially, up to what was not refunded yet; returns the
    refund.

    Args:
        charge_id: The charge to refund.
        amount: Amount in cents; everything refundable when omitted.
        reason: Why the refund is made.
    """
    return _refund(ctx, ctx.require("charge", charge_id), amount, reason)


@bp.action()
def refund_charges(
    ctx: ToolContext,
    charge_ids: Annotated[list[str], Field(min_length=1, max_length=20)],
    reason: RefundReason = "requested_by_customer",
) -> RefundList:
    """Fully refund several {app} charges at once; if any charge cannot be refunded, none are.

    Args:
        charge_ids: The charges to refund in full.
        reason: Why they are refunded.
    """
    out = []
    for cid in dict.fromkeys(charge_ids):
        try:
            out.append(_refund(ctx, ctx.require("charge", cid), None, reason))
        except ToolError as e:
            raise ToolError(f"{e} No refunds were made.") from None
    return {"refunds": out}


@bp.action()
def cancel_refund(ctx: ToolContext, refund_id: str) -> Refund:
    """Cancel a pending {app} refund before it is sent to the bank; the charge becomes refundable again.

    Args:
        refund_id: The pending refund.
    """
    r = ctx.require("refund", refund_id)
    if r["status"] != "pending":
        raise ToolError(f"Refund {refund_id} is {r['status']}; only pending refunds can be canceled.")
    ch = ctx.get("charge", r["charge_id"])
    if ch:
        ctx.update("charge", ch["id"], {"amount_refunded": max(0, ch["amount_refunded"] - r["amount"])})
    return ctx.update("refund", refund_id, {"status": "canceled"})


@bp.action(read_only=True)
def get_balance(ctx: ToolContext) -> BalanceList:
    """Get the {app} account balance per currency: funds available for payout and funds reserved for
    disputes."""
    return {"balances": [{"currency": cur, **b} for cur, b in sorted(_balances(ctx).items())]}


@bp.action()
def create_payout(
    ctx: ToolContext, amount: Annotated[int, Field(ge=100, le=50_000)], currency: Currency = "usd"
) -> Payout:
    """Pay out available {app} funds to the linked bank account; refused above the available balance.

    Args:
        amount: Amount in cents.
        currency: Currency of the balance to pay out.
    """
    avail = _balances(ctx).get(currency, {"available": 0})["available"]
    if amount > avail:
        raise ToolError(
            f"Insufficient available {currency} balance: {avail} cents, payout of {amount} requested."
        )
    arrival = plus_days(ctx.today(), 2)
    return ctx.insert(
        "payout",
        {
            "amount": amount,
            "currency": currency,
            "status": "pending",
            "destination": "Bank ****6789",
            "arrival_date": arrival,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def cancel_payout(ctx: ToolContext, payout_id: str) -> Payout:
    """Cancel a pending {app} payout and return the funds to the available balance; in-transit payouts are
    final.

    Args:
        payout_id: The pending payout.
    """
    p = ctx.require("payout", payout_id)
    if p["status"] != "pending":
        raise ToolError(f"Payout {payout_id} is {p['status']}; only pending payouts can be canceled.")
    return ctx.update("payout", payout_id, {"status": "canceled"})


@bp.action()
def submit_dispute_evidence(ctx: ToolContext, dispute_id: str, evidence: Evidence) -> Dispute:
    """Submit evidence for an {app} dispute before its deadline; the dispute moves to 'under_review'.

    Args:
        dispute_id: The dispute to answer.
        evidence: Explanation plus optional receipt, tracking number and customer messages.
    """
    d = ctx.require("dispute", dispute_id)
    if d["status"] != "needs_response":
        raise ToolError(
            f"Dispute {dispute_id} is {d['status']}; evidence can only be submitted while "
            "it needs a response."
        )
    if d["respond_by"] < ctx.today():
        raise ToolError(f"The evidence deadline of dispute {dispute_id} passed on {d['respond_by']}.")
    ev = {
        "explanation": evidence["explanation"],
        "receipt_url": evidence.get("receipt_url", ""),
        "shipping_tracking_number": evidence.get("shipping_tracking_number", ""),
        "customer_communication": evidence.get("customer_communication", ""),
    }
    return ctx.update("dispute", dispute_id, {"status": "under_review", "evidence": ev})


@bp.action(destructive=True)
def accept_dispute(ctx: ToolContext, dispute_id: str) -> Dispute:
    """Accept an {app} dispute without contesting it; the disputed amount is lost for good.

    Args:
        dispute_id: The dispute to accept.
    """
    d = ctx.require("dispute", dispute_id)
    if d["status"] not in ("needs_response", "under_review"):
        raise ToolError(f"Dispute {dispute_id} is already closed ({d['status']}).")
    return ctx.update("dispute", dispute_id, {"status": "accepted"})


@bp.action(idempotent=True)
def set_default_payment_method(
    ctx: ToolContext,
    customer_id: str,
    payment_method: Literal["card_visa", "card_mastercard", "card_amex", "ach_debit", "sepa_debit"],
) -> Customer:
    """Set the payment method {app} charges by default for a customer; returns the customer.

    Args:
        customer_id: The customer.
        payment_method: The method to use for future charges.
    """
    ctx.require("customer", customer_id)
    return ctx.update("customer", customer_id, {"default_payment_method": payment_method})


@bp.action(read_only=True)
def get_customer_summary(ctx: ToolContext, customer_id: str) -> CustomerSummary:
    """Summarize a customer's {app} history: successful charges, captured and refunded totals, and disputes.

    Args:
        customer_id: The customer.
    """
    ctx.require("customer", customer_id)
    charges = ctx.select("charge", "customer_id = ? AND status = 'succeeded'", (customer_id,))
    ids = {c["id"] for c in charges}
    return {
        "customer_id": customer_id,
        "charges": len(charges),
        "total_captured": sum(c["amount_captured"] for c in charges),
        "total_refunded": sum(c["amount_refunded"] for c in charges),
        "disputes": sum(1 for d in ctx.select("dispute") if d["charge_id"] in ids),
    }


class RevenueSummary(BaseModel):
    currency: str = Field(description="Currency.")
    days: int = Field(description="Length of the window in days.")
    gross: int = Field(description="Captured amount in cents.")
    refunded: int = Field(description="Refunds created in the window, in cents.")
    net: int = Field(description="Gross minus refunds, in cents.")
    charges: int = Field(description="Number of successful charges.")


class DisputeList(BaseModel):
    disputes: list[Dispute] = Field(description="Disputes, earliest deadline first.")


@bp.action(read_only=True)
def get_revenue_summary(
    ctx: ToolContext, days: Annotated[int, Field(ge=1, le=365)] = 30, currency: Currency = "usd"
) -> RevenueSummary:
    """Summarize {app} revenue over the last N days in one currency: gross captured, refunds and net.

    Args:
        days: Window length in days, counting back from today.
        currency: Currency to report.
    """
    since = plus_days(ctx.today(), -days)
    charges = [
        c
        for c in ctx.select("charge", "status = 'succeeded' AND currency = ?", (currency,))
        if c["created_at"][:10] >= since
    ]
    ids = {c["id"] for c in ctx.select("charge", "currency = ?", (currency,))}
    refunded = sum(
        r["amount"]
        for r in ctx.select("refund", "status != 'canceled'")
        if r["charge_id"] in ids and r["created_at"][:10] >= since
    )
    gross = sum(c["amount_captured"] for c in charges)
    return {
        "currency": currency,
        "days": days,
        "gross": gross,
        "refunded": refunded,
        "net": gross - refunded,
        "charges": len(charges),
    }


@bp.action(read_only=True)
def get_dispute_deadlines(
    ctx: ToolContext, within_days: Annotated[int, Field(ge=0, le=60)] = 7
) -> DisputeList:
    """List {app} disputes still needing a response whose evidence deadline falls within N days, most urgent
    first.

    Args:
        within_days: Deadline horizon in days from today.
    """
    until = plus_days(ctx.today(), within_days)
    return {
        "disputes": ctx.select(
            "dispute", "status = 'needs_response' AND respond_by <= ?", (until,), order_by="respond_by"
        )
    }


@bp.action(read_only=True)
def filter_charges(ctx: ToolContext, filters: ChargeFilter) -> ChargeList:
    """Find {app} charges matching a filter object (status, amount range, currency, created after), newest
    first.

    Args:
        filters: Criteria; omitted criteria do not filter.
    """
    f = {
        "status": None,
        "min_amount": 0,
        "max_amount": 100_000_000,
        "currency": None,
        "created_after": "",
        **filters,
    }
    if f["min_amount"] > f["max_amount"]:
        raise ToolError(
            f"filters.min_amount {f['min_amount']} is above filters.max_amount {f['max_amount']}."
        )
    out = [
        c
        for c in ctx.select("charge", order_by="created_at DESC")
        if (not f["status"] or c["status"] == f["status"])
        and f["min_amount"] <= c["amount"] <= f["max_amount"]
        and (not f["currency"] or c["currency"] == f["currency"])
        and c["created_at"][:10] >= f["created_after"]
    ]
    return {"charges": out}


_WHAT = (
    "Pro plan subscription",
    "Order #{n}",
    "Annual license",
    "Consulting session",
    "Event ticket",
    "Starter kit",
    "Gift card",
    "Team plan upgrade",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    customers = []
    for n, p in enumerate(s.people[:16]):
        customers.append(
            ctx.insert(
                "customer",
                {
                    "name": p.name,
                    "email": p.email,
                    "description": f"{p.company} ({p.city})",
                    "default_payment_method": "none"
                    if n >= 14
                    else rng.choice(("card_visa", "card_mastercard", "card_amex", "ach_debit")),
                    "currency": "usd" if n % 5 else rng.choice(("eur", "gbp")),
                    "created_at": s.at(days=-rng.randint(60, 700)),
                },
            )
        )
    what = _WHAT + tuple(p.name for p in rng.sample(s.cast.products, 6))  # shared products sold
    charges = []
    cycle = (
        "succeeded",
        "authorized",
        "succeeded",
        "succeeded",
        "authorized",
        "succeeded",
        "failed",
        "succeeded",
        "succeeded",
        "canceled",
        "succeeded",
        "authorized",
    )
    for n in range(44):
        cust = customers[n % 14]
        status = cycle[n % len(cycle)]
        amount = rng.choice((1900, 4900, 9900, 12500, 29900, 4500, 75000, 2500, 149900))
        charges.append(
            ctx.insert(
                "charge",
                {
                    "customer_id": cust["id"],
                    "amount": amount,
                    "amount_captured": amount if status == "succeeded" else 0,
                    "currency": cust["currency"],
                    "status": status,
                    "payment_method": cust["default_payment_method"],
                    "description": rng.choice(what).format(n=4100 + n),
                    "created_at": s.at(days=-rng.randint(0, 60), hours=-n % 9),
                },
            )
        )
    ok = [c for c in charges if c["status"] == "succeeded"]
    for n, c in enumerate(ok[6:18]):
        amt = c["amount"] if n % 2 else c["amount"] // 2
        ctx.update("charge", c["id"], {"amount_refunded": amt})
        ctx.insert(
            "refund",
            {
                "charge_id": c["id"],
                "amount": amt,
                "status": "pending" if n < 6 else "succeeded",
                "reason": rng.choice(("requested_by_customer", "duplicate")),
                "created_at": s.at(days=-rng.randint(0, 10)),
            },
        )
    for n, c in enumerate(ok[18:26]):
        ctx.update("charge", c["id"], {"disputed": True})
        ctx.insert(
            "dispute",
            {
                "charge_id": c["id"],
                "amount": c["amount"],
                "reason": rng.choice(("fraudulent", "product_not_received", "duplicate", "general")),
                "status": (
                    "needs_response",
                    "needs_response",
                    "under_review",
                    "needs_response",
                    "won",
                    "lost",
                    "needs_response",
                    "under_review",
                )[n],
                "respond_by": s.date(rng.randint(3, 14) if n != 6 else -2),
                "created_at": s.at(days=-rng.randint(5, 20)),
            },
        )
    for n in range(14):
        ctx.insert(
            "payout",
            {
                "amount": rng.choice((1500, 2500, 4000, 6000)),
                "currency": "usd",
                "status": ("pending", "pending", "in_transit", "paid")[n % 4] if n < 8 else "paid",
                "destination": "Bank ****6789",
                "arrival_date": s.date(-3 * n + 2),
                "created_at": s.at(days=-3 * n),
            },
        )


bp.product("paystream", "PayStream", "Online payments API: charges, refunds, payouts and dispute handling.")
bp.product(
    "chargely",
    "Chargely",
    "Card payments for SaaS with authorizations and captures.",
    style="camel",
    pagination="cursor",
    verbs={"get": "retrieve"},
    drop=("filter_charges", "delete_customer"),
)
bp.product(
    "tendrpay",
    "TendrPay",
    "Merchant payment gateway with payouts and chargeback tools.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
)
bp.product(
    "coinslot",
    "Coinslot",
    "Simple checkout payments for small merchants.",
    prefix="coinslot",
    drop=(
        "refund_charges",
        "filter_charges",
        "cancel_refund",
        "cancel_authorization",
        "capture_charge",
        "submit_dispute_evidence",
        "accept_dispute",
        "list_disputes",
        "get_dispute",
        "search_charges",
    ),
)
bp.product(
    "vaultwave",
    "Vaultwave",
    "Payments platform with balances, refunds and dispute evidence.",
    verbs={"create": "add"},
    pagination="cursor",
    drop=("cancel_payout",),
)
