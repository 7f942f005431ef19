"""How people ask for the customer-support actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "assign_ticket": Intent(
        (
            "hand {ticket} to {agent}",
            "get {agent} working on {ticket}",
            "assign {ticket} to {agent}",
            "put {agent} on {ticket}",
        ),
        why=("they know this customer best", "the queue is piling up", "it has been waiting too long"),
        past="assigned",
    ),
    "reply_to_ticket": Intent(
        (
            "answer {ticket} with {body}",
            "reply on {ticket} saying {body}",
            "post {body} as a reply on {ticket}",
            "write back on {ticket}: {body}",
        ),
        choices={
            "body": (
                "Thanks for your patience, we are on it.",
                "We have found the cause and are fixing it.",
                "Could you send us a screenshot of the error?",
            )
        },
        why=("the customer has been waiting for an answer", "they asked for an update this morning"),
        past="answered",
    ),
    "set_ticket_status": Intent(
        (
            "move {ticket} to {status}",
            "set {ticket} to {status}",
            "mark {ticket} as {status}",
            "change the status of {ticket} to {status}",
        ),
        why=("the customer confirmed it", "we are waiting on the customer now"),
        past="moved",
    ),
    "apply_macro": Intent(
        (
            "run {macro} on {ticket}",
            "use {macro} on {ticket}",
            "apply {macro} to {ticket}",
            "answer {ticket} with {macro}",
        ),
        why=("it is the standard answer for this", "it saves typing the usual reply"),
        past="handled with the macro",
    ),
    "merge_tickets": Intent(
        (
            "fold {source_tickets} into {ticket}",
            "merge {source_tickets} into {ticket}",
            "combine {source_tickets} with {ticket}, keeping {ticket}",
            "close {source_tickets} as duplicates of {ticket}",
        ),
        why=("the customer wrote in several times about the same problem", "they are duplicates"),
        past="merged",
    ),
    "escalate_ticket": Intent(
        (
            "escalate {ticket} because {reason}",
            "push {ticket} up to the next tier, noting {reason}",
            "bump {ticket} to tier 2 with the reason {reason}",
            "escalate {ticket}, reason: {reason}",
        ),
        choices={
            "reason": (
                "customer is threatening to cancel",
                "outage affects their whole team",
                "second time this month",
            )
        },
        why=("it is beyond what first-line support can fix", "the customer is losing patience"),
        past="escalated",
    ),
    "bulk_update_tickets": Intent(
        (
            "set the priority of {tickets} to {changes}",
            "give {tickets} the priority {changes}",
            "update {tickets} in one go to priority {changes}",
            "change {tickets} to priority {changes}",
        ),
        choices={"changes": ({"priority": "high"}, {"priority": "low"}, {"priority": "urgent"})},
        why=("they are all about the same incident", "the outage is over"),
        past="updated",
    ),
    "record_satisfaction": Intent(
        (
            "log a satisfaction score of {score} for {ticket}",
            "record that the customer rated {ticket} {score} out of 5",
            "enter a {score}-star rating on {ticket}",
            "save the customer's rating of {score} for {ticket}",
        ),
        why=("the customer told me on the phone", "they rated it in their reply email"),
        past="rated",
    ),
    "list_sla_breaches": Intent(
        (
            "check which active tickets have missed their SLA",
            "find the tickets that are past their SLA targets",
            "look for SLA breaches among the open tickets",
            "see which tickets are overdue against the SLA",
        ),
        report={"breaches.0.ticket_id": "most overdue ticket", "breaches.0.hours_over": "hours over target"},
        why=("the support review is this afternoon", "a customer complained about slow answers"),
    ),
    "get_agent_workload": Intent(
        (
            "check how loaded each agent is",
            "see who on the support team has the most active tickets",
            "look at the agents' workload",
            "find out which agent is busiest",
        ),
        report={"agents.0.name": "busiest agent", "agents.0.active_tickets": "their active tickets"},
        why=("I want to spread the work more evenly", "someone asked for help with their queue"),
    ),
    "get_csat_summary": Intent(
        (
            "check our customer satisfaction numbers",
            "pull the satisfaction summary",
            "look up the average satisfaction score",
            "see how satisfied customers have been",
        ),
        report={"average_score": "average satisfaction score", "ratings": "number of ratings"},
        why=("the quarterly review is coming up", "leadership asked how support is doing"),
    ),
    "close_solved_tickets": Intent(
        (
            "close the tickets solved more than {older_than_days} days ago",
            "close out everything that has been solved for at least {older_than_days} days",
            "clear out tickets solved over {older_than_days} days back by closing them",
            "close solved tickets older than {older_than_days} days",
        ),
        choices={"older_than_days": (2, 3, 5, 7)},
        why=("the queue view is cluttered", "month-end clean-up"),
        past="closed",
    ),
}
