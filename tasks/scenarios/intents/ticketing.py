"""How people ask for the event-ticketing actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "publish_event": Intent(
        (
            "put {event} on sale",
            "publish {event}",
            "open ticket sales for {event}",
            "make {event} live so people can buy tickets",
        ),
        why=("the lineup is confirmed", "the venue contract is signed", "marketing starts today"),
        past="put on sale",
    ),
    "add_ticket_tiers": Intent(
        (
            "add a Last-minute tier to {event}: 20 tickets at 45 dollars",
            "create 20 more tickets for {event} in a new Last-minute tier priced 45",
            "open a Last-minute release for {event} with 20 tickets at 45 each",
            "set up a new tier called Last-minute on {event}, 45 dollars, 20 tickets",
        ),
        args={"tiers": [{"name": "Last-minute", "price": 45, "quantity": 20}]},
        why=("demand is higher than expected", "the venue freed up extra space"),
        past="added",
    ),
    "place_order": Intent(
        (
            (
                "buy two {ticket_tier} tickets for Alex Kim (alex.kim@example.com) and Sam Lee "
                "(sam.lee@example.com), paid by Alex"
            ),
            (
                "get Alex Kim and Sam Lee a ticket each in {ticket_tier}; Alex pays, alex.kim@example.com, "
                "and Sam is sam.lee@example.com"
            ),
            (
                "order {ticket_tier} tickets for Alex Kim and Sam Lee, with Alex (alex.kim@example.com) as "
                "buyer and sam.lee@example.com for Sam"
            ),
            (
                "book two seats in {ticket_tier}, one for Alex Kim <alex.kim@example.com> and one for Sam "
                "Lee <sam.lee@example.com>, charged to Alex"
            ),
        ),
        args={
            "buyer_email": "alex.kim@example.com",
            "holders": [
                {"name": "Alex Kim", "email": "alex.kim@example.com"},
                {"name": "Sam Lee", "email": "sam.lee@example.com"},
            ],
        },
        report={"order.total": "amount charged"},
        why=("we are going together", "it's a birthday present", "tickets are running out"),
        past="bought",
    ),
    "refund_order": Intent(
        (
            "refund {order}",
            "give the buyer their money back for {order}",
            "cancel and refund {order}",
            "issue a full refund on {order}",
        ),
        why=("the buyer can't make it anymore", "they were charged twice"),
        past="refunded",
    ),
    "cancel_event": Intent(
        (
            "cancel {event}",
            "call off {event} and refund everyone",
            "scrap {event}",
            "cancel {event} and give all buyers their money back",
        ),
        why=("the headliner is ill", "the venue flooded", "sales were too low"),
        past="cancelled",
    ),
    "check_in_attendee": Intent(
        (
            "check in {attendee}",
            "let {attendee} in and mark them as arrived",
            "scan {attendee} in at the door",
            "mark {attendee} as checked in",
        ),
        why=("they are at the door", "the scanner isn't working"),
        past="checked in",
    ),
    "undo_check_in": Intent(
        (
            "undo the check-in of {attendee}",
            "reverse {attendee}'s check-in",
            "un-check {attendee}",
            "take back the check-in for {attendee}",
        ),
        why=("we scanned the wrong ticket", "they were checked in by mistake"),
        past="un-checked",
    ),
    "transfer_ticket": Intent(
        (
            "transfer {attendee}'s ticket to Jordan Blake (jordan.blake@example.com)",
            "move the ticket of {attendee} over to Jordan Blake, jordan.blake@example.com",
            "reissue {attendee}'s ticket in the name of Jordan Blake <jordan.blake@example.com>",
            "give {attendee}'s ticket to Jordan Blake instead, email jordan.blake@example.com",
        ),
        args={"name": "Jordan Blake", "email": "jordan.blake@example.com"},
        why=("they can't go and gave it to a friend", "their colleague is going instead"),
        past="transferred",
    ),
    "deactivate_promo_code": Intent(
        (
            "turn off {promo_code}",
            "deactivate {promo_code}",
            "stop {promo_code} from working",
            "kill {promo_code}",
        ),
        why=("it got posted on a deals site", "the early-bird campaign is over"),
        past="deactivated",
    ),
    "get_event_sales": Intent(
        (
            "tell me how ticket sales are going for {event}",
            "pull the sales report for {event}",
            "check how many tickets {event} has sold",
            "give me the revenue and ticket numbers for {event}",
        ),
        report={"tickets_sold": "tickets sold", "revenue": "revenue"},
        why=("the promoter wants an update", "we're deciding whether to add a second show"),
    ),
    "find_cheapest_tickets": Intent(
        (
            "find the cheapest tickets still available for {event}",
            "tell me the lowest price I can get into {event} for",
            "list the ticket options left for {event}, cheapest first",
            "show me the most affordable tickets for {event}",
        ),
        report={"tiers.0.name": "cheapest tier", "tiers.0.price": "its price"},
        why=("I'm on a budget", "my friend wants to join us"),
    ),
    "list_upcoming_events": Intent(
        (
            "list events in {city} over the next {days_ahead} days",
            "tell me what's on in {city} in the next {days_ahead} days",
            "show me upcoming events in {city} for the coming {days_ahead} days",
            "find events happening in {city} within {days_ahead} days",
        ),
        pick={"city": "event.city"},
        choices={"days_ahead": (7, 30, 60)},
        report={"events.0.name": "soonest event"},
        why=("I'm planning a weekend out", "we have visitors coming"),
    ),
}
