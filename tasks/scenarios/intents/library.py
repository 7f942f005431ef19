"""How people ask for the public-library circulation actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "checkout_copy": Intent(
        (
            "check out {copy} to {member}",
            "lend {copy} to {member}",
            "issue {copy} to {member}",
            "let {member} borrow {copy}",
        ),
        report={"due_on": "due date"},
        why=("they are at the desk now", "they need it for a school project"),
        past="checked out",
    ),
    "bulk_checkout": Intent(
        (
            "check out {copys} to {member}",
            "lend {copys} to {member} in one go",
            "issue {copys} to {member}",
            "let {member} take out {copys}",
        ),
        report={"loans.0.due_on": "due date"},
        why=("they are going on holiday", "they are stocking up for the term"),
        past="checked out",
    ),
    "return_copy": Intent(
        ("check in {copy}", "return {copy}", "take {copy} back in", "log {copy} as returned"),
        why=("it was in the drop box", "the member just brought it back"),
        past="returned",
    ),
    "renew_loan": Intent(
        (
            "renew {loan}",
            "extend {loan} for another three weeks",
            "give {loan} more time",
            "push back the due date of {loan}",
        ),
        report={"due_on": "new due date"},
        why=("they have not finished the book", "they are ill and cannot come in"),
        past="renewed",
    ),
    "place_hold": Intent(
        (
            "put {book} on hold for {member} at the {pickup_branch} branch",
            "reserve {book} for {member}, pickup at the {pickup_branch} branch",
            "place a hold on {book} for {member} to collect at the {pickup_branch} branch",
            "get {member} in the queue for {book} with pickup at the {pickup_branch} branch",
        ),
        choices={"pickup_branch": ("central", "riverside", "northgate", "hillcrest")},
        why=("all copies are out", "their book club is reading it next month"),
        past="placed on hold",
    ),
    "cancel_hold": Intent(
        ("cancel {hold}", "drop {hold}", "remove {hold} from the queue", "call off {hold}"),
        why=("they bought their own copy", "they no longer need it"),
        past="cancelled",
    ),
    "pay_fine": Intent(
        (
            "settle {member}'s fines in full",
            "clear the whole fine balance of {member}",
            "record that {member} paid all their fines",
            "take full payment of the fines owed by {member}",
        ),
        report={"fines_cents": "remaining fines (cents)"},
        why=("they paid at the desk", "they want to borrow again"),
        past="paid",
    ),
    "report_copy_lost": Intent(
        ("mark {copy} as lost", "report {copy} missing", "write off {copy} as lost", "flag {copy} as lost"),
        why=("the borrower says it was stolen", "it has not been seen for months"),
        past="marked lost",
    ),
    "add_copies": Intent(
        (
            "add two new copies of {book}, barcode LIB990001 at central and LIB990002 at riverside",
            "register copies LIB990001 (central) and LIB990002 (riverside) of {book}",
            "put two fresh copies of {book} into stock: LIB990001 for central, LIB990002 for riverside",
            "catalog new copies of {book} with barcodes LIB990001 at central and LIB990002 at riverside",
        ),
        args={
            "copies": [
                {"branch": "central", "barcode": "LIB990001", "condition": "new"},
                {"branch": "riverside", "barcode": "LIB990002", "condition": "new"},
            ]
        },
        why=("the hold queue is long", "the order from the supplier arrived"),
        past="added",
    ),
    "search_catalog": Intent(
        (
            "find mystery books with a copy available at central",
            "list mysteries on the shelf at the central branch",
            "search the catalog for mystery titles available at central",
            "show me the mystery novels central has in right now",
        ),
        args={"filters": {"genre": "mystery", "available_at": "central"}},
        report={"books.0.title": "first title"},
        why=("a reader asked for a good mystery", "I am putting together a display"),
    ),
    "check_availability": Intent(
        (
            "check if {book} is available anywhere",
            "check where {book} is on the shelf",
            "find out if we have {book} in",
            "see which branches have {book} available",
        ),
        report={"total_copies": "copies owned", "holds_waiting": "people waiting"},
        why=("a patron is asking for it", "I want to know before placing a hold"),
    ),
    "list_overdue_loans": Intent(
        (
            "list the overdue loans at the {branch} branch",
            "tell me which loans from the {branch} branch are past due",
            "show the overdue items at the {branch} branch",
            "pull the overdue list for the {branch} branch",
        ),
        choices={"branch": ("central", "riverside", "northgate", "hillcrest")},
        report={"loans.0.due_on": "oldest due date"},
        why=("I am sending reminder letters", "the branch manager asked"),
    ),
    "get_member_account": Intent(
        (
            "look up {member}'s account",
            "show me what {member} has out and owes",
            "check {member}'s loans and fines",
            "pull up the account of {member}",
        ),
        report={"fines_cents": "fines owed (cents)", "overdue": "overdue loans"},
        why=("they are at the desk asking", "they want to borrow more books"),
    ),
}
