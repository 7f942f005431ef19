"""How people ask for the CRM and sales-pipeline actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "move_deal_stage": Intent(
        (
            "move {deal} to {stage}",
            "advance {deal} to the {stage} stage",
            "put {deal} in {stage}",
            "update the stage of {deal} to {stage}",
        ),
        choices={"stage": ("discovery", "proposal", "negotiation")},
        why=(
            "we had a good call with them yesterday",
            "they asked for a formal quote",
            "the pipeline review is today",
        ),
        past="moved",
    ),
    "close_deal_won": Intent(
        (
            "mark {deal} as won",
            "close {deal} as a win",
            "mark {deal} as won and close it out",
            "record {deal} as closed-won",
        ),
        why=("they signed the contract this morning", "the purchase order just came in"),
        past="closed as won",
    ),
    "mark_deal_lost": Intent(
        (
            "mark {deal} as lost because of {reason}",
            "close {deal} as lost, reason: {reason}",
            "record {deal} as lost with {reason} as the reason",
            "close {deal} as lost ({reason})",
        ),
        choices={"reason": ("price", "competitor", "timing")},
        why=("they went with another vendor", "they told us this morning", "the budget got cut"),
        past="closed as lost",
    ),
    "add_deal_line_items": Intent(
        (
            "add 10 Pro licenses at 49 each to {deal}",
            "put 10 Pro seats priced at 49 per seat on {deal}",
            "add a line of 10 Pro licenses, 49 apiece, to {deal}",
            "include ten Pro plan seats at 49 each in {deal}",
        ),
        args={"items": [{"product": "Pro license", "quantity": 10, "unit_price": 49}]},
        report={"amount": "new deal amount"},
        why=("they want to add seats for the new team", "the quote needs to reflect the licenses"),
        past="added",
    ),
    "get_pipeline_summary": Intent(
        (
            "summarize the pipeline for deals owned by {owner_email}",
            "show me how the pipeline of {owner_email} looks",
            "give me the open pipeline and forecast for {owner_email}",
            "pull up the sales forecast of the rep {owner_email}",
        ),
        pick={"owner_email": "deal.owner_email"},
        report={"open_amount": "open pipeline", "weighted_forecast": "weighted forecast"},
        why=("the forecast call is at 3", "I am preparing their one-on-one"),
    ),
    "list_stale_deals": Intent(
        (
            "list the open deals nobody has touched in {days} days",
            "tell me which deals have gone quiet for {days} days or more",
            "find deals that have not been updated in the last {days} days",
            "show me the stale deals, {days} days without an update",
        ),
        choices={"days": (14, 30, 60)},
        report={"deals.0.name": "stalest deal"},
        why=("the pipeline needs cleaning up", "the sales manager asked for a follow-up list"),
    ),
    "log_activity": Intent(
        (
            "add a follow-up task for {contact}: {subject}, due {due_date}",
            "remind me to {subject} with {contact} by {due_date}",
            "create a to-do on {contact} to {subject}, due on {due_date}",
            "note a task for {contact} ({subject}) for {due_date}",
        ),
        args={"kind": "task"},
        choices={
            "subject": ("send the revised quote", "check in about the trial", "book the onboarding call"),
            "due_date": ("2026-03-06", "2026-03-10", "2026-03-16"),
        },
        why=("I promised them an answer", "I don't want it to slip"),
        past="logged",
    ),
    "complete_activity": Intent(
        (
            "mark {activity} as done",
            "tick off {activity}",
            "close out {activity}, it's done",
            "set {activity} to completed",
        ),
        why=("I did it this morning", "the call happened yesterday"),
        past="completed",
    ),
    "merge_contacts": Intent(
        (
            "merge {duplicate_contact} into {contact}",
            "fold the duplicate {duplicate_contact} into {contact}",
            "combine {duplicate_contact} with {contact}, keeping {contact}",
            "treat {duplicate_contact} as a duplicate of {contact} and merge them",
        ),
        report={"deals_moved": "deals moved over", "activities_moved": "activities moved over"},
        why=("they are the same person", "the import created a duplicate"),
        past="merged",
    ),
    "set_contact_lifecycle": Intent(
        (
            "move {contact} to the {stage} stage",
            "update {contact}'s lifecycle stage to {stage}",
            "mark {contact} as {stage}",
            "set {contact} to {stage}",
        ),
        choices={"stage": ("mql", "sql", "customer")},
        why=("they attended the demo", "sales qualified them today", "they signed up for the paid plan"),
        past="updated",
    ),
    "bulk_import_contacts": Intent(
        (
            "add Priya Natarajan (priya.natarajan@brightwave-labs.com, CTO) and Tom Becker "
            "(tom.becker@brightwave-labs.com, procurement lead) as contacts at {company}",
            "import two new people at {company}: Priya Natarajan, CTO, priya.natarajan@brightwave-labs.com, "
            "and Tom Becker, procurement lead, tom.becker@brightwave-labs.com",
            "create contacts at {company} for Priya Natarajan <priya.natarajan@brightwave-labs.com> (CTO) "
            "and Tom Becker <tom.becker@brightwave-labs.com> (procurement lead)",
            "put Priya Natarajan and Tom Becker into {company} as contacts "
            "(priya.natarajan@brightwave-labs.com, CTO; tom.becker@brightwave-labs.com, procurement lead)",
        ),
        args={
            "contacts": [
                {
                    "first_name": "Priya",
                    "last_name": "Natarajan",
                    "email": "priya.natarajan@brightwave-labs.com",
                    "job_title": "CTO",
                },
                {
                    "first_name": "Tom",
                    "last_name": "Becker",
                    "email": "tom.becker@brightwave-labs.com",
                    "job_title": "Procurement lead",
                },
            ]
        },
        why=("I met them at the conference", "they joined the buying committee"),
        past="imported",
    ),
    "get_company_revenue": Intent(
        (
            "tell me how much revenue we have won from {company}",
            "pull the revenue numbers for {company}",
            "check our won revenue and open pipeline with {company}",
            "give me the account numbers for {company}",
        ),
        report={"won_amount": "won revenue", "open_pipeline": "open pipeline"},
        why=("the account review is next week", "they asked for a volume discount"),
    ),
    "reassign_account_owner": Intent(
        (
            "hand {company} over to {owner_email}",
            "make {owner_email} the owner of {company}",
            "reassign {company} to {owner_email}",
            "move {company} and its deals to {owner_email}",
        ),
        pick={"owner_email": "company.owner_email"},
        report={"deals_reassigned": "open deals moved"},
        why=("the current rep is leaving", "territories were reshuffled", "they already know the customer"),
        past="reassigned",
    ),
}
