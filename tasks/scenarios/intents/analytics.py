"""How people ask for the product-analytics actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "compute_metric": Intent(
        (
            "work out {metric} for the last {days} days",
            "find out what {metric} came to over the past {days} days",
            "calculate {metric} over the last {days} days",
            "give me the {days}-day number for {metric}",
        ),
        choices={"days": (7, 14, 30, 90)},
        report={"value": "value"},
        why=(
            "I need the number for the weekly update",
            "marketing asked how we are trending",
            "the board deck needs it",
        ),
    ),
    "compare_metric_periods": Intent(
        (
            "compare {metric} for the last {days} days with the {days} days before",
            "tell me how {metric} moved over the past {days} days compared to the period before",
            "check {metric} this {days}-day period against the previous one",
            (
                "find out whether {metric} is up or down over the last {days} days versus the "
                "{days} days before that"
            ),
        ),
        choices={"days": (7, 14, 30)},
        report={"change_percent": "percent change", "current": "current value"},
        why=(
            "we shipped a big change last week",
            "someone said numbers dropped",
            "I want to see if the campaign worked",
        ),
    ),
    "run_funnel": Intent(
        (
            "run {funnel} over the last {days} days",
            "find out how many people made it through {funnel} in the past {days} days",
            "check the conversion of {funnel} for the last {days} days",
            "see where users drop off in {funnel} over the past {days} days",
        ),
        choices={"days": (7, 30, 60)},
        report={"overall_conversion": "overall conversion (percent)"},
        why=("conversion looks lower than usual", "the product review is tomorrow", "we redesigned a step"),
    ),
    "get_top_events": Intent(
        (
            "show the {top_n} most frequent events of the last {days} days",
            "tell me the {top_n} events that happened most in the past {days} days",
            "list the top {top_n} events over the last {days} days",
            "rank what users did most in the past {days} days and give me the top {top_n} events",
        ),
        choices={"days": (7, 14, 30), "top_n": (3, 5, 10)},
        report={"events.0.name": "most frequent event", "events.0.count": "its number of occurrences"},
        why=("I want to know what people actually use", "we are planning the next roadmap"),
    ),
    "query_events": Intent(
        (
            "find the purchases of 100 or more from the last {days} days",
            "pull up every purchase event worth at least 100 in the past {days} days",
            "look up purchases of 100 and above over the last {days} days",
            "dig out the purchases from the past {days} days that were worth 100 or more",
        ),
        args={"filters": {"name": "purchase", "min_value": 100}},
        choices={"days": (7, 14, 30)},
        report={"events.0.distinct_id": "latest big buyer", "events.0.value": "its amount"},
        why=("finance wants to check the large orders", "I want to thank our biggest buyers"),
    ),
    "track_events": Intent(
        (
            "record a signup from user u_demo1 on the web",
            "log a web signup event for the user u_demo1",
            "add a signup event for u_demo1 coming from the website",
            "track that u_demo1 just signed up on the web",
        ),
        args={"events": [{"name": "signup", "distinct_id": "u_demo1", "platform": "web"}]},
        why=("the tracking script missed it", "we need a test event to check the dashboard"),
        past="recorded",
    ),
    "add_dashboard_widget": Intent(
        (
            "add a {chart} chart of {metric} to {dashboard}",
            "put {metric} on {dashboard} as a {chart} chart",
            "show {metric} on {dashboard} with a {chart} chart",
            "chart {metric} on {dashboard} ({chart})",
        ),
        choices={"chart": ("line", "bar", "number")},
        why=("the team keeps asking for that number", "it belongs with the other growth charts"),
        past="added",
    ),
    "remove_dashboard_widget": Intent(
        (
            "take {metric} off {dashboard}",
            "remove the {metric} charts from {dashboard}",
            "drop {metric} from {dashboard}",
            "get rid of the {metric} widget on {dashboard}",
        ),
        why=("nobody looks at it", "it clutters the dashboard", "the number is misleading there"),
        past="removed",
    ),
    "duplicate_dashboard": Intent(
        (
            "make a copy of {dashboard} called {name}",
            "duplicate {dashboard} as {name}",
            "clone {dashboard} into a new one named {name}",
            "copy {dashboard} and name the copy {name}",
        ),
        choices={"name": ("Growth overview (my copy)", "Q2 experiments", "Mobile deep dive")},
        why=("I want to experiment without breaking the original", "the new team wants the same charts"),
        past="copied",
    ),
    "pause_report": Intent(
        (
            "pause {report}",
            "stop sending {report} for now",
            "put {report} on hold",
            "hold off on {report} for a while",
        ),
        why=(
            "people are on holiday",
            "the numbers are broken until the fix ships",
            "nobody reads it at the moment",
        ),
        past="paused",
    ),
    "resume_report": Intent(
        (
            "resume {report}",
            "start sending {report} again",
            "turn {report} back on",
            "switch {report} back on",
        ),
        why=("the data issue is fixed", "the team is back from holiday"),
        past="resumed",
    ),
    "send_report_now": Intent(
        (
            "send {report} right now",
            "push out {report} immediately",
            "send out {report} now rather than waiting",
            "get {report} out to its recipients now",
        ),
        why=("the meeting starts in an hour", "the last one had wrong numbers"),
        past="sent",
    ),
    "add_report_recipient": Intent(
        (
            "add {email} to the recipients of {report}",
            "include {email} on {report}",
            "put {email} on the mailing list for {report}",
            "make sure {email} gets {report} too",
        ),
        choices={"email": ("dana.kim@example.com", "cfo@example.com", "growth-team@example.com")},
        why=("they just joined the team", "they asked to get the numbers too"),
        past="added",
    ),
}
