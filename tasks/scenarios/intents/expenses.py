"""How people ask for the expense-report actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "add_expense": Intent(
        (
            "add a ${amount} meal at {merchant} on {spent_on} to {report}",
            "put the {merchant} dinner from {spent_on}, ${amount}, on {report}",
            "log ${amount} for a meal at {merchant} on {spent_on} in {report}",
            "expense my {spent_on} meal at {merchant} (${amount}) under {report}",
        ),
        args={"category": "meals"},
        choices={
            "amount": (24.5, 38.0, 62.75),
            "merchant": ("Chipotle", "Olive Garden", "Panera Bread"),
            "spent_on": ("2026-02-24", "2026-02-26", "2026-02-27"),
        },
        why=("I forgot to add it last week", "the client dinner needs to be claimed"),
        past="added",
    ),
    "add_expenses": Intent(
        (
            "add my taxi ($32.40 with Yellow Cab) and hotel ($189 at Marriott) from 2026-02-25 to {report}",
            (
                "put two expenses on {report}: a Yellow Cab ride for $32.40 and a Marriott night for "
                "$189, both 2026-02-25"
            ),
            "log the 2026-02-25 Yellow Cab fare of $32.40 and the $189 Marriott stay in {report}",
            "claim the Yellow Cab taxi ($32.40) and the Marriott room ($189) from 2026-02-25 on {report}",
        ),
        args={
            "expenses": [
                {"category": "travel", "merchant": "Yellow Cab", "amount": 32.4, "spent_on": "2026-02-25"},
                {"category": "lodging", "merchant": "Marriott", "amount": 189.0, "spent_on": "2026-02-25"},
            ]
        },
        why=("I just got back from the trip", "finance wants everything in before month end"),
        past="added",
    ),
    "remove_expense": Intent(
        (
            "remove {expense} from its report",
            "take {expense} off the expense report",
            "delete {expense} from my claim",
            "drop {expense}, it should not be claimed",
        ),
        why=("it was a personal purchase", "I entered it twice"),
        past="removed",
    ),
    "attach_receipt": Intent(
        (
            "attach {receipt} to {expense}",
            "link {receipt} with {expense}",
            "use {receipt} as the receipt for {expense}",
            "match {expense} with {receipt}",
        ),
        why=("finance needs a receipt for it", "I finally found the receipt"),
        past="attached",
    ),
    "submit_report": Intent(
        (
            "submit {report}",
            "send {report} off for approval",
            "file {report} for approval",
            "put {report} in for sign-off",
        ),
        why=("all the receipts are in now", "I want to be reimbursed this month"),
        past="submitted",
    ),
    "approve_report": Intent(
        (
            "approve {report}",
            "sign off on {report}",
            "give {report} the green light",
            "okay {report} for reimbursement",
        ),
        why=("everything on it checks out", "the receipts match"),
        past="approved",
    ),
    "reject_report": Intent(
        (
            "reject {report} because {reason}",
            "send {report} back, reason: {reason}",
            "turn down {report} with the note {reason}",
            "bounce {report} back to the employee saying {reason}",
        ),
        choices={
            "reason": (
                "Receipts are missing for the hotel stay.",
                "The dinner exceeds the meal policy.",
                "Please split personal and business expenses.",
            )
        },
        why=("it does not follow the policy", "some receipts are missing"),
        past="rejected",
    ),
    "reopen_report": Intent(
        (
            "reopen {report}",
            "put {report} back into draft",
            "open {report} again so it can be fixed",
            "unlock {report} for corrections",
        ),
        why=("I need to fix what the approver flagged", "a receipt was attached to the wrong line"),
        past="reopened",
    ),
    "reimburse_report": Intent(
        (
            "mark {report} as reimbursed",
            "record that {report} has been paid out",
            "close {report} as reimbursed",
            "note {report} as paid back",
        ),
        why=("the payment went out with payroll", "the bank transfer cleared"),
        past="reimbursed",
    ),
    "get_report_summary": Intent(
        (
            "summarize {report}",
            "what is the total on {report}",
            "give me a breakdown of {report}",
            "check {report} for missing receipts and its total",
        ),
        report={"total": "report total", "missing_receipts": "missing receipts"},
        why=("I want to check it before submitting", "my manager asked what it comes to"),
    ),
    "list_policy_violations": Intent(
        (
            "list the expenses that break policy",
            "find every expense over the policy limits",
            "show me which expenses violate our spending rules",
            "check for out-of-policy expenses",
        ),
        report={"expenses.0.merchant": "biggest violation's merchant", "expenses.0.amount": "its amount"},
        why=("the audit is next week", "finance flagged overspending"),
    ),
    "get_spend_by_category": Intent(
        (
            "how much have we spent per category since {since}",
            "break down spending by category since {since}",
            "total our expenses by category from {since} on",
            "show spend per category starting {since}",
        ),
        choices={"since": ("2026-01-01", "2026-02-01", "2025-12-01")},
        report={"total": "total spend"},
        why=("the budget review is on Friday", "leadership wants to see where the money goes"),
    ),
    "check_expense_policy": Intent(
        (
            "check whether ${amount} for {category} is within policy",
            "is a ${amount} {category} expense allowed",
            "see if I can claim ${amount} under {category}",
            "would a ${amount} {category} expense need a receipt",
        ),
        choices={"amount": (45, 120, 350, 900), "category": ("meals", "lodging", "travel", "software")},
        report={"allowed": "whether it is allowed", "receipt_required": "whether a receipt is needed"},
        why=("I want to know before I book it", "I am not sure about the limits"),
    ),
}
