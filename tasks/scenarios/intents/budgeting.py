"""How people ask for the personal-budgeting actions."""

from typing import Any

from toolgym_env.tasks.scenarios.intent import Composing, Intent


def split_parts(seen: Composing) -> tuple[list[dict[str, Any]], str] | None:
    """Two parts of the expense in two other spending categories, the first a round share, the second the rest
    (they add up to the amount, as the app requires)."""
    txn = seen.records["transaction_id"][0]
    cats = [
        c
        for c in seen.rows("category")
        if not c["archived"]
        and c["group"] != "income"
        and c["id"] != txn["category_id"]
        and seen.name("category", c)
    ]
    if txn["kind"] != "expense" or len(cats) < 2 or txn["amount"] < 10:
        return None
    first, second = seen.rng.sample(cats, 2)
    share = round(txn["amount"] * seen.rng.choice((0.5, 0.6, 0.7)))
    rest = round(txn["amount"] - share, 2)
    for cat in (first, second):
        seen.cite("category", cat)
    value = [{"category_id": first["id"], "amount": share}, {"category_id": second["id"], "amount": rest}]
    return value, f"${share:,} to “{first['name']}” and the remaining ${rest:,.2f} to “{second['name']}”"


INTENTS = {
    "categorize_transaction": Intent(
        (
            "file {transaction} under {category}",
            "put {transaction} in {category}",
            "categorize {transaction} as {category}",
            "move {transaction} into {category}",
        ),
        why=(
            "it is sitting in uncategorized",
            "it was filed in the wrong place",
            "I want my monthly report to be right",
        ),
        past="categorized",
    ),
    "clear_transactions": Intent(
        (
            "mark {transactions} as cleared",
            "tick off {transactions} as cleared by the bank",
            "set {transactions} to cleared",
            "record that the bank has cleared {transactions}",
        ),
        why=("they show up on my bank statement now", "I am reconciling the account"),
        past="cleared",
    ),
    "set_category_budget": Intent(
        (
            "budget ${amount} for {category} in {month}",
            "set aside ${amount} for {category} for {month}",
            "make the {month} budget for {category} ${amount}",
            "give {category} a budget of ${amount} in {month}",
        ),
        choices={"month": ("2026-03", "2026-04"), "amount": (150, 250, 400, 600)},
        why=("I keep overspending there", "prices went up", "I want to save more this month"),
        past="budgeted",
    ),
    "import_transactions": Intent(
        (
            "add the checking statement lines: Trader Joe's $64.20 and Shell $41.75, both on 2026-02-27",
            (
                "import two lines from my checking statement, a $64.20 Trader Joe's charge and a $41.75 "
                "Shell charge on 2026-02-27"
            ),
            "bring in the 2026-02-27 checking transactions: $64.20 at Trader Joe's and $41.75 at Shell",
            "load the Trader Joe's ($64.20) and Shell ($41.75) charges from 2026-02-27 into checking",
        ),
        args={
            "account": "checking",
            "transactions": [
                {"date": "2026-02-27", "payee": "Trader Joe's", "amount": 64.2, "kind": "expense"},
                {"date": "2026-02-27", "payee": "Shell", "amount": 41.75, "kind": "expense"},
            ],
        },
        why=("the bank feed missed them", "I just downloaded the statement"),
        past="imported",
    ),
    "get_budget_status": Intent(
        (
            "check how my budget is doing for {month}",
            "show me budgeted versus spent for {month}",
            "look at where I stand against the {month} budget",
            "how much of the {month} budget have I used",
        ),
        choices={"month": ("2026-02", "2026-03")},
        report={"total_spent": "total spent", "total_budgeted": "total budgeted"},
        why=(
            "I want to know if I can afford a night out",
            "payday is coming up",
            "I am doing my monthly review",
        ),
    ),
    "list_over_budget_categories": Intent(
        (
            "find the categories where I overspent in {month}",
            "which categories went over budget in {month}",
            "list what I blew the budget on in {month}",
            "show me the over-budget categories for {month}",
        ),
        choices={"month": ("2026-01", "2026-02", "2026-03")},
        report={"lines.0.category_name": "worst overspent category", "lines.0.spent": "amount spent there"},
        why=("I need to cut back somewhere", "my partner asked where the money went"),
    ),
    "close_budget": Intent(
        (
            "close {budget}",
            "finalize {budget}",
            "close out {budget} so it is final",
            "lock {budget} now that the month is over",
        ),
        why=("the month is over", "I want any leftover to roll over"),
        past="closed",
    ),
    "archive_category": Intent(
        (
            "archive {category}",
            "retire {category}",
            "put {category} in the archive",
            "stop using {category} and archive it",
        ),
        why=("I cancelled that subscription", "I do not spend on that any more"),
        past="archived",
    ),
    "get_spending_summary": Intent(
        (
            "total up my income and spending from {start_date} to {end_date}",
            "how much did I earn and spend between {start_date} and {end_date}",
            "give me a spending summary for {start_date} through {end_date}",
            "work out my net cash flow from {start_date} until {end_date}",
        ),
        choices={
            "start_date": ("2026-01-01", "2026-01-15", "2026-02-01"),
            "end_date": ("2026-02-28", "2026-03-01"),
        },
        report={"expenses": "total spending", "net": "net amount"},
        why=("I am preparing for a talk with my accountant", "I want to see if I am saving anything"),
    ),
    "contribute_to_goal": Intent(
        (
            "put ${amount} toward {goal}",
            "add ${amount} to {goal}",
            "move ${amount} into {goal}",
            "save ${amount} more for {goal}",
        ),
        choices={"amount": (50, 100, 150, 250)},
        report={"saved_amount": "amount saved so far"},
        why=("I got a bonus", "I had money left over this month", "I want to hit the target sooner"),
        past="funded",
    ),
    "withdraw_from_goal": Intent(
        (
            "take ${amount} out of {goal}",
            "withdraw ${amount} from {goal}",
            "pull ${amount} back from {goal}",
            "move ${amount} out of {goal} into my account",
        ),
        choices={"amount": (20, 50, 100)},
        report={"saved_amount": "what is left in the goal"},
        why=("I had an unexpected car repair", "rent is due and I am short"),
        past="withdrawn",
    ),
    "pause_goal": Intent(
        ("pause {goal}", "put {goal} on hold", "stop saving toward {goal} for now", "hold off on {goal}"),
        why=("money is tight this month", "we postponed the plan"),
        past="paused",
    ),
    "resume_goal": Intent(
        ("resume {goal}", "start saving for {goal} again", "pick {goal} back up", "reactivate {goal}"),
        why=("my finances are back on track", "the plan is on again"),
        past="resumed",
    ),
    "split_transaction": Intent(
        (
            "split {transaction}: {parts}",
            "divide {transaction} into {parts}",
            "break {transaction} up as {parts}",
            "split {transaction} between categories, {parts}",
        ),
        compose={"parts": split_parts},
        why=(
            "part of it was for the household and part was for me",
            "the receipt covered two kinds of things",
        ),
        past="split",
    ),
}
