"""How people ask for the real-estate listing actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "publish_listing": Intent(
        ("publish {listing}", "take {listing} live", "put {listing} on the market", "make {listing} public"),
        why=(
            "the photos are finally done",
            "the sellers signed the agreement",
            "spring buyers are out looking",
        ),
        past="published",
    ),
    "withdraw_listing": Intent(
        (
            "withdraw {listing}",
            "take {listing} off the market",
            "pull {listing} from the market",
            "remove {listing} from sale",
        ),
        why=(
            "the sellers changed their minds",
            "they want to wait for a better market",
            "the owners are renovating",
        ),
        past="withdrawn",
    ),
    "change_list_price": Intent(
        (
            "change the asking price of {listing} to ${new_price}",
            "reprice {listing} at ${new_price}",
            "set {listing} to ${new_price}",
            "list {listing} for ${new_price} instead",
        ),
        choices={"new_price": (289000, 349000, 425000, 515000)},
        why=(
            "it has had no offers in weeks",
            "comparable homes sold for less",
            "the sellers want to test the market",
        ),
        past="repriced",
    ),
    "schedule_viewing": Intent(
        (
            "book a viewing of {listing} for {visitor} at {time}",
            "schedule {visitor} to see {listing} at {time}",
            "set up a showing of {listing} at {time} for {visitor}",
            "arrange for {visitor} to view {listing} at {time}",
        ),
        choices={
            "visitor": ({"name": "Priya Raman"}, {"name": "Daniel Okafor"}, {"name": "Lena Hoffmann"}),
            "time": ("10:00", "13:30", "16:00", "18:30"),
        },
        why=(
            "they are pre-approved and keen",
            "they are only in town for a few days",
            "they asked about it online",
        ),
        past="booked",
    ),
    "confirm_viewing": Intent(
        (
            "confirm {viewing}",
            "lock in {viewing}",
            "let the visitor know {viewing} is confirmed",
            "approve {viewing} as requested",
        ),
        why=("the sellers agreed to the time", "the house will be ready by then"),
        past="confirmed",
    ),
    "complete_viewing": Intent(
        (
            "mark {viewing} as done with the feedback {feedback}",
            "close out {viewing}, noting {feedback}",
            "record that {viewing} happened; the visitor said {feedback}",
            "log {viewing} as completed: {feedback}",
        ),
        choices={
            "feedback": (
                "Loved the garden but worried about the commute.",
                "Felt the kitchen needs work.",
                "Very interested, may make an offer.",
            )
        },
        why=("the sellers want to hear how it went", "I need to keep the showing log current"),
        past="completed",
    ),
    "cancel_viewing": Intent(
        ("cancel {viewing}", "call off {viewing}", "scrap {viewing}", "take {viewing} off the calendar"),
        why=("the visitor found another place", "the sellers cannot host that day", "the visitor is ill"),
        past="cancelled",
    ),
    "submit_offer": Intent(
        (
            "offer ${amount} on {listing}, subject to inspection",
            "put in a ${amount} offer for {listing} with an inspection contingency",
            "make an offer of ${amount} on {listing}, conditional on inspection",
            "bid ${amount} for {listing} as long as it passes inspection",
        ),
        args={"contingencies": ["inspection"]},
        choices={"amount": (350000, 425000, 500000)},
        why=("we loved it at the viewing", "it fits our budget", "I do not want to lose it to another buyer"),
        past="submitted",
    ),
    "counter_offer": Intent(
        (
            "counter {offer}, meeting them halfway to the asking price",
            "make a counteroffer on {offer} that splits the difference",
            "counter {offer} at the midpoint between their offer and our asking price",
            "respond to {offer} with a counter halfway up to asking",
        ),
        why=(
            "the sellers think it is too low",
            "there is room to negotiate",
            "we want to keep the buyer interested",
        ),
        past="countered",
    ),
    "accept_offer": Intent(
        ("accept {offer}", "take {offer}", "go ahead with {offer}", "tell the buyer we accept {offer}"),
        why=(
            "it is the strongest offer we have",
            "the sellers are happy with the price",
            "the terms are clean",
        ),
        past="accepted",
    ),
    "reject_offer": Intent(
        ("reject {offer}", "turn down {offer}", "decline {offer}", "say no to {offer}"),
        why=("it is far below asking", "the contingencies are too risky", "we have a better offer"),
        past="rejected",
    ),
    "close_sale": Intent(
        (
            "close the sale of {listing}",
            "mark {listing} as sold",
            "finalize the sale on {listing}",
            "record the closing of {listing}",
        ),
        why=("the deal closed at the title office today", "the funds have cleared"),
        past="closed",
    ),
    "find_matching_listings": Intent(
        (
            "find houses for sale with at least 3 bedrooms under $600,000",
            "show me three-bedroom-plus houses on sale for $600k or less",
            "look for houses with 3 or more bedrooms priced at most $600,000",
            "search for family houses, 3 bedrooms minimum, up to $600k",
        ),
        args={
            "criteria": {
                "property_type": "house",
                "min_bedrooms": 3,
                "max_price": 600000,
                "listing_type": "sale",
            }
        },
        report={"listings.0.headline": "cheapest match", "listings.0.list_price": "its asking price"},
        why=("my clients are expecting a baby", "a buyer is relocating here for work"),
    ),
    "compare_listings": Intent(
        (
            "compare {listings}",
            "put {listings} side by side",
            "show me how {listings} stack up on price per square foot",
            "line up {listings} so I can compare them",
        ),
        report={
            "rows.0.address": "best value per square foot",
            "rows.0.price_per_sqft": "its price per square foot",
        },
        why=("my buyer cannot decide between them", "I want to advise the sellers on pricing"),
    ),
    "get_listing_activity": Intent(
        (
            "how much interest has {listing} had",
            "show me the activity on {listing}",
            "pull the viewings and offers for {listing}",
            "check how {listing} is doing on the market",
        ),
        report={
            "days_on_market": "days on market",
            "viewings": "viewings",
            "open_offers": "open offers",
            "highest_offer": "highest offer",
        },
        why=("the sellers called for an update", "I am deciding whether to drop the price"),
    ),
}
