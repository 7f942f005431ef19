"""How people ask for the uptime-monitoring and on-call actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "pause_monitor": Intent(
        (
            "pause {monitor}",
            "stop the checks on {monitor} for now",
            "mute {monitor} while we work on it",
            "put {monitor} on hold",
        ),
        why=(
            "we have planned maintenance tonight",
            "the endpoint is being migrated",
            "it keeps paging for nothing",
        ),
        past="paused",
    ),
    "resume_monitor": Intent(
        (
            "resume {monitor}",
            "turn the checks on {monitor} back on",
            "unpause {monitor}",
            "start monitoring {monitor} again",
        ),
        why=("the maintenance window is over", "the migration is done"),
        past="resumed",
    ),
    "bulk_create_monitors": Intent(
        (
            (
                "set up HTTP monitors for https://api.example.com/health (API health) and "
                "https://status.example.com (Status page)"
            ),
            (
                "start watching two URLs: API health at https://api.example.com/health and Status page at "
                "https://status.example.com"
            ),
            (
                "add monitors called API health and Status page for https://api.example.com/health and "
                "https://status.example.com"
            ),
            (
                "create uptime checks named API health (https://api.example.com/health) and Status page "
                "(https://status.example.com)"
            ),
        ),
        args={
            "monitors": [
                {"name": "API health", "target": "https://api.example.com/health", "kind": "http"},
                {"name": "Status page", "target": "https://status.example.com", "kind": "http"},
            ]
        },
        why=("we launched the new API", "nobody noticed the last outage for an hour"),
        past="created",
    ),
    "acknowledge_alert": Intent(
        (
            "acknowledge {alert}",
            "ack {alert}, I'm on it",
            "mark {alert} as acknowledged",
            "take {alert} so it stops paging",
        ),
        why=("I am looking into it", "it keeps paging the whole team"),
        past="acknowledged",
    ),
    "bulk_acknowledge_alerts": Intent(
        (
            "acknowledge {alerts}",
            "ack all of {alerts}",
            "mark {alerts} as acknowledged in one go",
            "silence the paging for {alerts} by acknowledging them",
        ),
        why=("they are all from the same outage", "I'm handling them together"),
        past="acknowledged",
    ),
    "resolve_alert": Intent(
        ("resolve {alert}", "close {alert}", "mark {alert} as resolved", "clear {alert}, it's fixed"),
        why=("the service is back up", "it was a false alarm"),
        past="resolved",
    ),
    "declare_incident": Intent(
        (
            "declare a {severity} incident called {title} covering {alerts}",
            "open an incident {title} at {severity} for {alerts}",
            "start a {severity} incident named {title} and attach {alerts}",
            "raise an incident ({severity}) titled {title} from {alerts}",
        ),
        choices={
            "title": ("Checkout API errors", "Login page down", "Elevated latency in EU"),
            "severity": ("sev1", "sev2", "sev3"),
        },
        why=("customers are noticing", "several services are affected", "it needs a coordinated response"),
        past="declared",
    ),
    "update_incident_status": Intent(
        (
            "move {incident} to {status} with the note {note}",
            "set {incident} to {status} and add the update {note}",
            "update {incident} to {status}, noting {note}",
            "change the status of {incident} to {status}: {note}",
        ),
        choices={
            "status": ("identified", "monitoring", "resolved"),
            "note": (
                "Root cause found in the last deploy.",
                "Fix rolled out, watching error rates.",
                "Traffic is back to normal.",
            ),
        },
        why=("we found the cause", "the fix is deployed", "stakeholders want an update"),
        past="updated",
    ),
    "escalate_incident": Intent(
        (
            "escalate {incident}",
            "bump up the severity of {incident}",
            "raise {incident} one severity level",
            "make {incident} more severe",
        ),
        report={"severity": "new severity"},
        why=("more customers are affected now", "it has been going on for an hour"),
        past="escalated",
    ),
    "get_alert_summary": Intent(
        (
            "summarize the alerts for {monitor}",
            "give me an overview of {monitor}'s alerts",
            "check how many open alerts {monitor} has",
            "tell me the alert situation on {monitor}",
        ),
        report={
            "by_state.triggered": "alerts still firing",
            "by_state.acknowledged": "acknowledged alerts",
            "by_state.resolved": "resolved alerts",
            "oldest_unacknowledged.message": "oldest unacknowledged alert",
        },
        why=("I'm starting my on-call shift", "the weekly ops review is today"),
    ),
    "get_current_oncall": Intent(
        (
            "find out who is on call for {schedule} today",
            "look up the person on call right now in {schedule}",
            "check today's on-call person for {schedule}",
            "tell me who holds the pager for {schedule} today",
        ),
        report={"on_call_email": "person on call", "next_on_call_email": "next on call"},
        why=("I need to page someone", "a customer escalation came in"),
    ),
    "add_schedule_override": Intent(
        (
            "put {user_email} on call for {schedule} for {days} days from {starts_on}",
            "have {user_email} cover {schedule} starting {starts_on} for {days} days",
            "override {schedule} so {user_email} is on call from {starts_on}, {days} days",
            "let {user_email} take over {schedule} for {days} days beginning {starts_on}",
        ),
        pick={"user_email": "monitor.owner_email"},
        choices={"starts_on": ("2026-03-09", "2026-03-14", "2026-03-21"), "days": (2, 3, 7)},
        why=("the regular person is on holiday", "they swapped shifts"),
        past="scheduled",
    ),
    "add_schedule_member": Intent(
        (
            "add {member_email} to the rotation of {schedule}",
            "put {member_email} into {schedule}",
            "include {member_email} in the on-call rotation of {schedule}",
            "get {member_email} onto {schedule}",
        ),
        pick={"member_email": "monitor.owner_email"},
        why=("they finished on-call training", "the rotation is too thin"),
        past="added",
    ),
    "remove_schedule_member": Intent(
        (
            "take {member_email} off {schedule}",
            "remove {member_email} from the rotation of {schedule}",
            "drop {member_email} from {schedule}",
            "stop putting {member_email} on call in {schedule}",
        ),
        pick={"member_email": "monitor.owner_email"},
        why=("they moved to another team", "they are going on parental leave"),
        past="removed",
    ),
}
