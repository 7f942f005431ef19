"""How people ask for the email-marketing actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "schedule_campaign": Intent(
        (
            "schedule {campaign} to go out at {send_at}",
            "set {campaign} to send at {send_at}",
            "line up {campaign} for {send_at}",
            "queue {campaign} for delivery at {send_at}",
        ),
        choices={"send_at": ("2026-03-10T09:00:00Z", "2026-03-12T15:30:00Z", "2026-03-17T08:00:00Z")},
        why=(
            "that is when our readers open the most",
            "it has to land before the sale starts",
            "the copy was signed off today",
        ),
        past="scheduled",
    ),
    "unschedule_campaign": Intent(
        (
            "unschedule {campaign}",
            "pull {campaign} out of the schedule and back to draft",
            "hold {campaign}, take it off the schedule",
            "put {campaign} back into draft so we can edit it",
        ),
        why=("there is a typo in the subject line", "the offer changed", "legal wants another look"),
        past="unscheduled",
    ),
    "send_campaign_now": Intent(
        (
            "send {campaign} now",
            "blast out {campaign} right away",
            "fire off {campaign} immediately",
            "send {campaign} to the list straight away",
        ),
        report={"recipients": "recipients"},
        why=("the sale starts in an hour", "we can't wait for the scheduled slot"),
        past="sent",
    ),
    "cancel_campaign": Intent(
        (
            "cancel {campaign}",
            "scrap {campaign} so it never goes out",
            "call off {campaign}",
            "kill {campaign}, we are not sending it",
        ),
        why=("the promotion was pulled", "we sent something similar last week"),
        past="cancelled",
    ),
    "get_campaign_report": Intent(
        (
            "tell me how {campaign} performed",
            "pull the results of {campaign}",
            "check the open and click rates of {campaign}",
            "give me the stats for {campaign}",
        ),
        report={"open_rate": "open rate", "click_rate": "click rate"},
        why=("the marketing sync is today", "I want to compare it with the last newsletter"),
    ),
    "subscribe_email": Intent(
        (
            "sign up {email} to {audience}",
            "add {email} to {audience}",
            "subscribe {email} to {audience}",
            "put {email} on {audience}",
        ),
        choices={"email": ("lena.hoffmann@example.com", "raj.patel@example.org", "mo.adams@example.net")},
        why=("they asked at the event", "they emailed us asking to join", "the signup form was broken"),
        past="subscribed",
    ),
    "unsubscribe_subscriber": Intent(
        (
            "unsubscribe {subscriber}",
            "take {subscriber} off the mailing list",
            "stop sending emails to {subscriber}",
            "remove {subscriber} from our mailings",
        ),
        why=("they asked us to stop emailing", "they complained about too many emails"),
        past="unsubscribed",
    ),
    "confirm_subscriber": Intent(
        (
            "confirm {subscriber}",
            "mark {subscriber} as confirmed",
            "approve the pending signup of {subscriber}",
            "complete the opt-in for {subscriber}",
        ),
        why=("they confirmed by phone", "the confirmation email never arrived"),
        past="confirmed",
    ),
    "tag_subscribers": Intent(
        (
            "tag {subscribers} as {tag}",
            "add the tag {tag} to {subscribers}",
            "label {subscribers} with {tag}",
            "put {subscribers} in the {tag} segment",
        ),
        choices={"tag": ("vip", "webinar-2026", "beta-testers")},
        why=("they came to the launch webinar", "they are our best customers"),
        past="tagged",
    ),
    "bulk_add_subscribers": Intent(
        (
            "add sam.ortiz@example.com (Sam) and june.lee@example.com (June) to {audience}",
            "import Sam <sam.ortiz@example.com> and June <june.lee@example.com> into {audience}",
            "put sam.ortiz@example.com and june.lee@example.com on {audience}, first names Sam and June",
            "sign up Sam (sam.ortiz@example.com) and June (june.lee@example.com) to {audience}",
        ),
        args={
            "subscribers": [
                {"email": "sam.ortiz@example.com", "first_name": "Sam"},
                {"email": "june.lee@example.com", "first_name": "June"},
            ]
        },
        why=("they signed up at our booth", "they asked to get the newsletter"),
        past="added",
    ),
    "duplicate_campaign": Intent(
        (
            "copy {campaign} into a new draft called {name}",
            "duplicate {campaign} as {name}",
            "make a new draft named {name} from {campaign}",
            "clone {campaign} and call it {name}",
        ),
        choices={"name": ("Spring sale reminder", "Newsletter April", "Webinar follow-up (resend)")},
        why=("we want to resend it to people who missed it", "next month's edition follows the same layout"),
        past="copied",
    ),
    "get_audience_growth": Intent(
        (
            "find out how {audience} is growing",
            "show me the growth of {audience}",
            "check how many people joined {audience} in the last month",
            "give me a breakdown of {audience}",
        ),
        report={"new_last_30_days": "new subscribers in the last 30 days", "top_tags.0": "most used tag"},
        why=("the quarterly marketing report is due", "we ran a signup push last month"),
    ),
    "clean_bounced_subscribers": Intent(
        (
            "clean the bounced addresses out of {audience}",
            "remove the bouncing emails from {audience}",
            "scrub the bounced subscribers from {audience}",
            "get rid of the bounces in {audience}",
        ),
        report={"cleaned": "addresses cleaned"},
        why=("our sender reputation is dropping", "bounces are hurting deliverability"),
        past="cleaned",
    ),
}
