"""How people ask for the hotel-booking actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "search_available_rooms": Intent(
        (
            "see which rooms at {hotel} are free from tonight for {nights} nights for {guests} guests",
            "check {hotel} for open rooms, {guests} people, {nights} nights starting today",
            "find me something at {hotel} for {guests} of us for {nights} nights from tonight",
            "what does {hotel} have available tonight for {nights} nights, party of {guests}",
        ),
        choices={"nights": (2, 3, 4), "guests": (2, 3)},
        report={"rooms.0.room_number": "cheapest free room", "rooms.0.nightly_rate": "its nightly rate"},
        why=(
            "my flight got cancelled and I am stuck here",
            "a colleague needs a last-minute bed",
            "we decided to stay another few days",
        ),
    ),
    "book_room": Intent(
        (
            "book {room} for {guest} from tonight for {nights} nights",
            "reserve {room} for {nights} nights starting today under the name {guest}",
            "put {guest} in {room} for {nights} nights, arriving tonight",
            "get {room} booked for {guest}, checking in today and staying {nights} nights",
        ),
        choices={
            "guest": ({"name": "Maria Lopez"}, {"name": "Tom Becker"}, {"name": "Aisha Khan"}),
            "nights": (2, 3, 4),
        },
        report={"room_total": "price of the stay"},
        why=(
            "they are in town for a conference",
            "it is the closest hotel to the venue",
            "the client is flying in this afternoon",
        ),
        past="booked",
    ),
    "change_booking_dates": Intent(
        (
            "change {booking} to {nights} nights",
            "make {booking} a {nights}-night stay instead",
            "adjust the length of {booking} to {nights} nights",
            "rebook {booking} so it runs {nights} nights",
        ),
        choices={"nights": (2, 4, 5)},
        report={"room_total": "new price of the stay", "check_out": "new departure day"},
        why=("the meeting was extended", "the trip got cut short", "they want to stay over the weekend"),
        past="changed",
    ),
    "cancel_booking": Intent(
        (
            "cancel {booking}",
            "call off {booking}",
            "drop {booking}, the guest is not coming",
            "scrap {booking} for me",
        ),
        report={"cancellation_fee": "cancellation fee"},
        why=("the trip was cancelled", "the guest found somewhere closer", "their flight was called off"),
        past="cancelled",
    ),
    "check_in_guest": Intent(
        (
            "check in {booking}",
            "check the guest of {booking} in",
            "mark {booking} as arrived",
            "get {booking} checked in at the front desk",
        ),
        why=("the guest is standing at reception", "they just arrived from the airport"),
        past="checked in",
    ),
    "check_out_guest": Intent(
        (
            "check out {booking}",
            "check the guest of {booking} out",
            "close out the stay on {booking}",
            "mark {booking} as departed",
        ),
        why=("the guest handed in the key card", "they are leaving for the airport", "they settled the bill"),
        past="checked out",
    ),
    "add_room_charges": Intent(
        (
            "put a $42 room-service dinner on {booking}",
            "charge {booking} $42 for room service",
            "add the $42 room-service dinner to the bill of {booking}",
            "post a room-service charge of $42 to {booking}",
        ),
        args={"charges": [{"description": "Room service dinner", "amount": 42.0}]},
        why=("the guest ordered dinner to the room last night", "the kitchen sent the slip over"),
        past="charged",
    ),
    "write_review": Intent(
        (
            "review the hotel of {booking} with {rating} stars and the comment {body}",
            "leave a {rating}-star review for {booking} saying {body}",
            "rate the stay on {booking} {rating} out of 5, with the comment {body}",
            "post a review of {booking}: {rating} stars, {body}",
        ),
        choices={
            "body": (
                "Friendly staff and a quiet room.",
                "Great breakfast, but the wifi kept dropping.",
                "Clean and central, would stay again.",
            )
        },
        why=(
            "the hotel asked me for feedback",
            "I want other travellers to know",
            "the stay deserves a mention",
        ),
        past="reviewed",
    ),
    "respond_to_review": Intent(
        (
            "reply to {review} with {response}",
            "answer {review} publicly saying {response}",
            "post {response} as the hotel's reply to {review}",
            "respond to {review}: {response}",
        ),
        choices={
            "response": (
                "Thank you for your kind words, we hope to welcome you back soon.",
                "We are sorry about the noise and have spoken to the team.",
                "Thanks for the feedback, the wifi has since been upgraded.",
            )
        },
        why=(
            "it has been waiting for an answer for days",
            "we reply to every guest",
            "the review mentions a problem",
        ),
        past="answered",
    ),
    "set_room_out_of_order": Intent(
        (
            "take {room} out of order",
            "block {room} from sale",
            "mark {room} as out of order",
            "stop selling {room} for now",
        ),
        args={"out_of_order": True},
        why=("the shower is leaking", "the carpet is being replaced", "the air conditioning broke"),
        past="taken out of order",
    ),
    "adjust_room_rates": Intent(
        (
            "raise every room rate at {hotel} by {percent}%",
            "put {hotel}'s room prices up {percent}%",
            "increase the nightly price of all rooms at {hotel} by {percent} percent",
            "bump the room rates across {hotel} by {percent}%",
        ),
        choices={"percent": (5, 10, 15, 20)},
        report={"rooms.0.nightly_rate": "new nightly rate"},
        why=("the festival season starts next week", "costs have gone up", "we are nearly fully booked"),
        past="repriced",
    ),
    "get_rating_summary": Intent(
        (
            "summarize the reviews of {hotel}",
            "check how guests rate {hotel}",
            "pull the rating overview for {hotel}",
            "see what the average review score of {hotel} is",
        ),
        report={
            "average": "average rating",
            "reviews": "number of reviews",
            "unanswered": "unanswered reviews",
        },
        why=("the owners meet on Monday", "I am deciding where to stay", "we want to improve our score"),
    ),
    "get_occupancy_report": Intent(
        (
            "check tonight's occupancy at {hotel}",
            "see how full {hotel} is tonight",
            "pull the occupancy report for {hotel} for tonight",
            "how many rooms at {hotel} are taken tonight",
        ),
        report={
            "occupancy_pct": "occupancy percentage",
            "rooms_occupied": "rooms occupied",
            "arrivals": "arrivals",
        },
        why=(
            "I need to plan housekeeping",
            "a tour group is asking for rooms",
            "the manager wants the numbers",
        ),
    ),
    "find_cheapest_rooms": Intent(
        (
            (
                "find the cheapest rooms free tonight in {city} for {guests} in a hotel of at "
                "least {min_stars} stars"
            ),
            (
                "what are the lowest-priced rooms in {city} tonight for {guests} people, "
                "{min_stars} stars or better"
            ),
            "look up cheap rooms for {guests} tonight in {city}, nothing under {min_stars} stars",
            "show me the best-priced rooms in {city} for tonight, {guests} guests, minimum {min_stars} stars",
        ),
        pick={"city": "hotel.city"},
        choices={"guests": (1, 2), "min_stars": (2, 3, 4)},
        report={"rooms.0.room_number": "cheapest room", "rooms.0.nightly_rate": "its nightly rate"},
        why=(
            "I missed the last train home",
            "we are on a tight budget",
            "the trip was planned at the last minute",
        ),
    ),
    "upgrade_booking": Intent(
        (
            "give {booking} a free upgrade",
            "upgrade {booking} to a better room at no charge",
            "move {booking} into a nicer room on the house",
            "treat {booking} to a complimentary upgrade",
        ),
        why=(
            "it is the guest's honeymoon",
            "they are a loyal regular",
            "their original room had a noise complaint",
        ),
        past="upgraded",
    ),
}
