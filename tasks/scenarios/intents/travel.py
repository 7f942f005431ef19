"""How people ask for the travel actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "search_flights": Intent(
        (
            "look for flights from {origin} to {destination} on {date}",
            "find me a flight {origin} to {destination} for {date}",
            "check what flies from {origin} to {destination} on {date}",
            "see which flights go from {origin} to {destination} on {date}",
        ),
        choices={
            "origin": ("New York", "Chicago"),
            "destination": ("San Francisco", "Los Angeles", "Miami"),
            "date": ("2026-03-06", "2026-03-11", "2026-03-14", "2026-03-19"),
        },
        report={"flights.0.flight_number": "cheapest flight", "flights.0.price": "its fare"},
        why=("I have a meeting there", "I want to visit friends", "I am planning a short break"),
    ),
    "book_flight": Intent(
        (
            "book {flight} for {passengers} on my credit card",
            "get seats on {flight} for {passengers}, paid by credit card",
            "reserve {flight} for {passengers} and put it on my Rewards Visa",
            "buy tickets on {flight} for {passengers} with my credit card",
        ),
        args={"payment_account_id": "acc_credit"},
        choices={"passengers": (["Maya Chen"], ["Daniel Ortiz", "Maya Chen"], ["Priya Nair"])},
        report={"confirmation_code": "confirmation code", "total_price": "total price"},
        why=("the fare is good right now", "seats are running out", "the trip is confirmed"),
        past="booked",
    ),
    "search_hotels": Intent(
        (
            "find hotels in {city} from {check_in} to {check_out}",
            "look for a place to stay in {city}, checking in {check_in} and out {check_out}",
            "check hotel prices in {city} for {check_in} through {check_out}",
            "see what hotels {city} has between {check_in} and {check_out}",
        ),
        pick={"city": "hotel.city"},
        choices={
            "check_in": ("2026-03-06", "2026-03-09", "2026-03-13"),
            "check_out": ("2026-03-15", "2026-03-17", "2026-03-20"),
        },
        report={"hotels.0.name": "cheapest hotel", "hotels.0.total_price": "price for the stay"},
        why=("I am going there for a conference", "we are planning a family trip"),
    ),
    "book_hotel": Intent(
        (
            "book {hotel} from {check_in} to {check_out} for {guests} on my credit card",
            "reserve a room at {hotel} for {guests}, {check_in} to {check_out}, paid by credit card",
            "get {guests} a room at {hotel} checking in {check_in} and out {check_out}, on my Rewards Visa",
            "book a stay at {hotel} for {guests} from {check_in} until {check_out} with my credit card",
        ),
        args={"payment_account_id": "acc_credit"},
        choices={
            "check_in": ("2026-03-06", "2026-03-09", "2026-03-13"),
            "check_out": ("2026-03-15", "2026-03-17", "2026-03-20"),
            "guests": (["Maya Chen"], ["Daniel Ortiz", "Maya Chen"], ["Priya Nair"]),
        },
        report={"confirmation_code": "confirmation code", "total_price": "total price"},
        why=("it is close to where the event is", "the reviews are good", "rooms are filling up"),
        past="booked",
    ),
    "cancel_booking": Intent(
        (
            "cancel {booking}",
            "call off {booking} and get a refund",
            "drop {booking}",
            "cancel {booking} so the money comes back",
        ),
        report={"refunded_amount": "amount refunded"},
        why=("the trip has been called off", "my plans changed", "I found a better option"),
        past="cancelled",
    ),
}
