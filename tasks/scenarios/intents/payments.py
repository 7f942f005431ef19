"""How people ask for the payment-processing actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "create_charge": Intent(
        (
            "charge {customer} $49.00 for the Pro plan subscription",
            "bill {customer} 49 dollars for their Pro plan subscription",
            "take a $49 payment from {customer} for the Pro plan subscription",
            "run a $49.00 charge on {customer}'s default payment method for the Pro plan subscription",
        ),
        args={"amount": 4900, "currency": "usd", "capture": True, "description": "Pro plan subscription"},
        why=(
            "their monthly renewal is due",
            "they upgraded on the phone with me",
            "the invoice was approved",
        ),
        past="charged",
    ),
    "capture_charge": Intent(
        (
            "capture {charge}",
            "collect the full authorized amount of {charge}",
            "capture the funds held on {charge}",
            "settle {charge} by capturing it in full",
        ),
        why=("the order has shipped", "the service was delivered", "the customer confirmed the booking"),
        past="captured",
    ),
    "cancel_authorization": Intent(
        (
            "cancel the authorization on {charge}",
            "release the hold from {charge}",
            "void {charge} before it is captured",
            "drop the uncaptured authorization on {charge}",
        ),
        why=(
            "the order was cancelled",
            "the item is out of stock",
            "the customer changed their mind before shipping",
        ),
        past="released",
    ),
    "refund_charge": Intent(
        (
            "refund {charge} in full",
            "give the customer their money back for {charge}",
            "issue a full refund on {charge}",
            "send back everything that is left on {charge}",
        ),
        args={"reason": "requested_by_customer"},
        why=(
            "the customer asked for a refund",
            "the product arrived damaged",
            "we could not deliver the service",
        ),
        past="refunded",
    ),
    "refund_charges": Intent(
        (
            "refund {charges} as duplicates",
            "fully refund {charges}, they were duplicate charges",
            "reverse {charges} because they were charged twice",
            "send full refunds for the duplicate charges {charges}",
        ),
        args={"reason": "duplicate"},
        why=("a checkout glitch charged people twice", "the customer was billed more than once"),
        past="refunded",
    ),
    "cancel_refund": Intent(
        (
            "cancel {refund}",
            "stop {refund} before it goes to the bank",
            "call off {refund} while it is pending",
            "withdraw {refund} while it is still pending",
        ),
        why=("the refund was issued by mistake", "the customer decided to keep the order"),
        past="cancelled",
    ),
    "get_balance": Intent(
        (
            "check the account balance",
            "how much money is available for payout",
            "show me the available and reserved balance",
            "look up our current balance per currency",
        ),
        report={
            "balances.0.currency": "currency",
            "balances.0.available": "available funds in cents",
            "balances.0.reserved": "funds reserved for disputes in cents",
        },
        why=("I want to plan the next payout", "rent for the office is due", "finance asked for the numbers"),
    ),
    "create_payout": Intent(
        (
            "pay out $40 to our bank account",
            "send $40.00 of the available balance to the bank",
            "transfer 40 dollars out to the linked bank account",
            "start a $40 payout to the bank",
        ),
        args={"amount": 4000, "currency": "usd"},
        why=(
            "we need cash for supplier invoices",
            "payroll is coming up",
            "I want to move funds off the platform",
        ),
        past="paid out",
    ),
    "cancel_payout": Intent(
        (
            "cancel {payout}",
            "stop {payout} before it leaves",
            "call off {payout} while it is still pending",
            "keep the money in the account by cancelling {payout}",
        ),
        why=("we need the funds for refunds", "it was sent to the wrong account", "the amount was wrong"),
        past="cancelled",
    ),
    "submit_dispute_evidence": Intent(
        (
            "answer {dispute} with the explanation {evidence}",
            "submit evidence for {dispute} explaining {evidence}",
            "contest {dispute}, telling the bank {evidence}",
            "send our response to {dispute}: {evidence}",
        ),
        choices={
            "evidence": (
                {"explanation": "The order was delivered and signed for by the cardholder."},
                {"explanation": "The customer used the service for three months before disputing."},
                {
                    "explanation": (
                        "This was a single charge; the second one the customer saw was a refunded duplicate."
                    )
                },
            )
        },
        why=(
            "we have proof the charge is valid",
            "the deadline is coming up",
            "we do not want to lose the funds",
        ),
        past="contested",
    ),
    "accept_dispute": Intent(
        (
            "accept {dispute}",
            "give up on {dispute} without contesting it",
            "concede {dispute}",
            "close {dispute} by accepting the loss",
        ),
        why=(
            "we have no evidence to fight it",
            "the amount is too small to contest",
            "the customer has a point",
        ),
        past="accepted",
    ),
    "set_default_payment_method": Intent(
        (
            "make Visa the default payment method for {customer}",
            "switch {customer} to paying by Visa card by default",
            "set {customer}'s default payment method to their Visa card",
            "charge {customer}'s Visa card from now on",
        ),
        args={"payment_method": "card_visa"},
        why=("their old card expired", "they asked to pay by card instead", "the bank debit keeps failing"),
        past="updated",
    ),
    "get_customer_summary": Intent(
        (
            "summarize {customer}'s payment history",
            "show me how much {customer} has paid and been refunded",
            "pull the account summary for {customer}",
            "check the charges, refunds and disputes of {customer}",
        ),
        report={
            "total_captured": "total captured in cents",
            "total_refunded": "total refunded in cents",
            "disputes": "disputes",
        },
        why=("they are asking for a discount", "I am checking before approving a large order"),
    ),
    "get_revenue_summary": Intent(
        (
            "how much revenue did we make in the last {days} days",
            "give me the revenue summary for the past {days} days",
            "show gross, refunds and net for the last {days} days",
            "total up our takings over the past {days} days",
        ),
        choices={"days": (7, 30, 90)},
        report={"gross": "gross revenue in cents", "net": "net revenue in cents"},
        why=(
            "the board meeting is tomorrow",
            "I am doing the monthly close",
            "I want to see how the launch went",
        ),
    ),
    "get_dispute_deadlines": Intent(
        (
            "which disputes need an answer within {within_days} days",
            "list the disputes whose evidence is due in the next {within_days} days",
            "show me the dispute deadlines coming up in {within_days} days",
            "find the disputes we must respond to within {within_days} days",
        ),
        choices={"within_days": (7, 10, 14)},
        report={"disputes.0.respond_by": "earliest deadline", "disputes.0.amount": "its amount in cents"},
        why=("I do not want to miss a deadline", "I am planning the week"),
    ),
    "filter_charges": Intent(
        (
            "find the successful charges of $100 or more",
            "list every succeeded charge worth at least 100 dollars",
            "show me completed charges from $100 up",
            "pull up the paid charges of 100 dollars and above",
        ),
        args={"filters": {"status": "succeeded", "min_amount": 10000}},
        report={"charges.0.description": "newest large charge", "charges.0.amount": "its amount in cents"},
        why=("finance wants to review big transactions", "I am checking for possible fraud"),
    ),
}
