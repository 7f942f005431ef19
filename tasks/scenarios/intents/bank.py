"""How people ask for the bank actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "get_balance": Intent(
        (
            "check the balance of {account}",
            "find out how much is in {account}",
            "look up what {account} holds right now",
            "tell me where {account} stands",
        ),
        report={"balance": "current balance", "available": "amount available to spend"},
        why=("rent is due soon", "I am about to make a big purchase", "I want to know before payday"),
    ),
    "transfer_between_accounts": Intent(
        (
            "move ${amount} from {from_account} to {to_account}",
            "transfer ${amount} out of {from_account} into {to_account}",
            "shift ${amount} from {from_account} over to {to_account}",
            "top up {to_account} with ${amount} taken from {from_account}",
        ),
        choices={"amount": (50, 100, 250, 400)},
        report={
            "from_balance": "balance left in the source account",
            "to_balance": "new balance of the other account",
        },
        why=(
            "I want to pay down the card",
            "I had money left over this month",
            "the other account is running low",
        ),
        past="transferred",
    ),
    "send_payment": Intent(
        (
            "pay {payee} ${amount} from {from_account}",
            "send ${amount} to {payee} out of {from_account}",
            "transfer ${amount} to {payee} using {from_account}",
            "use {from_account} to send {payee} ${amount}",
        ),
        choices={"amount": (25, 40, 60, 120)},
        report={"balance_after": "balance after the payment"},
        why=("I owe them for dinner", "they covered the concert tickets", "it is my share of the gift"),
        past="paid",
    ),
    "add_payee": Intent(
        (
            "save {name} as a payee with the IBAN {iban}",
            "add a payee {name}, IBAN {iban}",
            "set up {name} as a new payee, account {iban}",
            "register {name} with IBAN {iban} in my payees",
        ),
        choices={
            "name": ("Greenleaf Landscaping", "Maria Costa", "Riverside Dental", "Tom Becker"),
            "iban": ("DE89370400440532013000", "GB29NWBK60161331926819", "FR1420041010050500013M02606"),
        },
        why=(
            "I will be paying them regularly",
            "they sent me their bank details",
            "I do not want to type it every time",
        ),
        past="added",
    ),
    "list_transactions": Intent(
        (
            "list my {category} transactions",
            "show me what I spent on {category}",
            "pull up my recent {category} charges",
            "go through the {category} transactions",
        ),
        choices={"category": ("groceries", "dining", "transport", "shopping", "subscriptions")},
        report={
            "total": "number of transactions",
            "transactions.0.counterparty": "most recent merchant",
            "transactions.0.amount": "its amount",
        },
        why=(
            "I think I am spending too much there",
            "I am checking for a double charge",
            "I want to budget better",
        ),
    ),
    "spending_summary": Intent(
        (
            "sum up my spending from {start_date} to {end_date}",
            "how much money went out between {start_date} and {end_date}",
            "give me a spending breakdown for {start_date} through {end_date}",
            "total my spending by category from {start_date} until {end_date}",
        ),
        choices={
            "start_date": ("2026-01-15", "2026-02-01", "2026-02-15"),
            "end_date": ("2026-02-28", "2026-03-01"),
        },
        report={
            "total_spent": "total spent",
            "total_received": "total received",
            "categories.0.category": "biggest category",
        },
        why=(
            "I am doing my monthly review",
            "I want to see where the money goes",
            "my partner asked about our spending",
        ),
    ),
}
