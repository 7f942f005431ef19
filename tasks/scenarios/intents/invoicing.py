"""How people ask for the invoicing actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "create_invoice": Intent(
        (
            "bill {customer} for 10 hours of consulting at $150 an hour",
            "draw up an invoice to {customer} for ten consulting hours at 150 each",
            "start a draft invoice for {customer}: consulting, 10 hours at $150",
            "invoice {customer} for the 10 hours of consulting we did, $150 per hour",
        ),
        args={"line_items": [{"description": "Consulting", "quantity": 10, "unit_price": 150}]},
        why=("the project phase is finished", "it is the end of the month"),
        past="invoiced",
    ),
    "add_invoice_item": Intent(
        (
            "add {quantity} of {item} to {invoice}",
            "put {item} on {invoice}, quantity {quantity}",
            "include {quantity} units of {item} in {invoice}",
            "add a line for {item} (x{quantity}) to {invoice}",
        ),
        choices={"quantity": (2, 3, 5)},
        why=("we forgot to bill for it", "the customer asked for it to be added"),
        past="added",
    ),
    "remove_invoice_line": Intent(
        (
            "remove line {line_number} from {invoice}",
            "delete the line number {line_number} on {invoice}",
            "take line {line_number} off {invoice}",
            "strike line {line_number} from {invoice}",
        ),
        choices={"line_number": (1, 2)},
        why=("that work was not delivered", "it was added twice"),
        past="removed",
    ),
    "send_invoice": Intent(
        (
            "send {invoice}",
            "email {invoice} to the customer",
            "finalize {invoice} and send it out",
            "get {invoice} out to the client",
        ),
        why=("the work is delivered", "they asked for the invoice today"),
        past="sent",
    ),
    "send_invoices": Intent(
        (
            "send {invoices}",
            "email out {invoices} in one go",
            "finalize and send {invoices}",
            "get {invoices} out to the customers",
        ),
        why=("it is billing day", "all of them have been checked"),
        past="sent",
    ),
    "record_payment": Intent(
        (
            "record that {invoice} has been paid in full",
            "mark {invoice} as fully paid",
            "log the full payment for {invoice}",
            "enter a payment clearing the balance of {invoice}",
        ),
        report={"amount": "amount recorded"},
        why=("the money arrived in the bank this morning", "the customer sent the remittance"),
        past="recorded as paid",
    ),
    "refund_payment": Intent(
        (
            "refund {payment}",
            "send {payment} back to the customer",
            "reverse {payment}",
            "give the money from {payment} back",
        ),
        why=("they paid twice by mistake", "the order was cancelled"),
        past="refunded",
    ),
    "void_invoice": Intent(
        (
            "void {invoice}",
            "cancel {invoice} so it is not owed",
            "scrap {invoice}",
            "write off {invoice} as void",
        ),
        why=("it was issued to the wrong customer", "the deal fell through"),
        past="voided",
    ),
    "issue_credit_note": Intent(
        (
            "issue a credit of {amount} on {invoice} for a billing error",
            "credit {amount} against {invoice} because we billed wrongly",
            "raise a credit note of {amount} on {invoice} to fix a billing mistake",
            "knock {amount} off {invoice} with a credit note for the billing error",
        ),
        args={"reason": "billing_error"},
        choices={"amount": (25, 50, 75)},
        why=("we overcharged them", "the rate on the invoice was wrong"),
        past="credited",
    ),
    "apply_credit_note": Intent(
        (
            "apply {credit_note} to its invoice",
            "use {credit_note} to reduce what is owed",
            "put {credit_note} against the invoice balance",
            "redeem {credit_note} on the invoice",
        ),
        report={"total": "invoice total", "amount_credited": "amount credited"},
        why=("the customer asked for it to be deducted", "we need the balance to be right"),
        past="applied",
    ),
    "void_credit_note": Intent(
        (
            "void {credit_note}",
            "cancel {credit_note}",
            "scrap {credit_note} before it is used",
            "withdraw {credit_note}",
        ),
        why=("it was issued by mistake", "the customer did not need it after all"),
        past="voided",
    ),
    "duplicate_invoice": Intent(
        (
            "make a copy of {invoice}",
            "duplicate {invoice} as a new draft",
            "clone {invoice} for this month",
            "start a new invoice based on {invoice}",
        ),
        why=("it is a monthly retainer", "the customer ordered the same again"),
        past="duplicated",
    ),
    "list_overdue_invoices": Intent(
        (
            "list the invoices that are overdue",
            "which invoices are past due",
            "find the unpaid invoices past their due date",
            "show me who owes us money past the deadline",
        ),
        report={"invoices.0.number": "oldest overdue invoice", "invoices.0.due_date": "its due date"},
        why=("I am chasing payments today", "cash flow is tight this month"),
    ),
    "get_customer_balance": Intent(
        (
            "how much does {customer} owe us",
            "check the balance for {customer}",
            "what is outstanding from {customer}",
            "pull up the account balance of {customer}",
        ),
        report={"outstanding": "amount outstanding", "overdue": "amount overdue"},
        why=("they called about their account", "I am deciding whether to extend more credit"),
    ),
    "get_aging_report": Intent(
        (
            "run the receivables aging report",
            "show how old our unpaid invoices are",
            "pull the AR aging buckets",
            "break down what we are owed by how late it is",
        ),
        report={"days_over_90": "amount over 90 days late", "current": "amount not yet due"},
        why=("the accountant asked for it", "month-end close is coming"),
    ),
}
