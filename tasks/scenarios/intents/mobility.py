"""How people ask for the ride-hailing and car-rental actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "get_fare_estimate": Intent(
        (
            "estimate the fare for a {distance_km} km trip in {city} with ride type {ride_type}",
            "what would a {distance_km} km {ride_type} ride cost in {city}",
            "get me a price quote for {distance_km} km in {city}, ride type {ride_type}",
            "tell me roughly what I would pay for {distance_km} km in {city} on the {ride_type} option",
        ),
        choices={"distance_km": (3.5, 8, 12.5, 22)},
        report={"fare": "estimated fare", "drivers_online": "drivers online in the city"},
        why=(
            "I am deciding between a ride and the bus",
            "I want to know before I book",
            "my budget is tight",
        ),
    ),
    "request_ride": Intent(
        (
            "book me a ride from {pickup} to {dropoff}, about {distance_km} km, ride type {ride_type}",
            "get me a car from {pickup} to {dropoff}; it is roughly {distance_km} km and I want {ride_type}",
            "request a {ride_type} ride for me from {pickup} to {dropoff}, around {distance_km} km",
            "order a ride to take me from {pickup} over to {dropoff} ({distance_km} km) as {ride_type}",
        ),
        choices={
            "pickup": ({"address": "Pine St"}, {"address": "Union Station"}, {"address": "5th Ave"}),
            "dropoff": (
                {"address": "Airport Terminal B"},
                {"address": "Museum Plaza"},
                {"address": "Harbor Ave"},
            ),
            "distance_km": (4.2, 9.5, 17),
        },
        report={"fare": "quoted fare"},
        why=("I am running late", "it is raining too hard to walk", "I have heavy bags with me"),
        past="requested",
    ),
    "accept_ride": Intent(
        (
            "dispatch {ride} to the best-rated driver who is online",
            "assign a driver to {ride}",
            "get an online driver to take {ride}",
            "have the top-rated available driver accept {ride}",
        ),
        why=("the rider has been waiting for a while", "it is still sitting unassigned"),
        past="dispatched",
    ),
    "start_ride": Intent(
        (
            "start {ride}",
            "mark {ride} as under way",
            "begin {ride} now that the rider is in the car",
            "set {ride} to in progress",
        ),
        why=("the rider just got in", "the driver confirmed the pickup"),
        past="started",
    ),
    "complete_ride": Intent(
        (
            "complete {ride}",
            "mark {ride} as finished",
            "close out {ride}, the rider has been dropped off",
            "end {ride}",
        ),
        why=("the rider has arrived", "the driver reached the drop-off point"),
        past="completed",
    ),
    "cancel_ride": Intent(
        ("cancel {ride}", "call off {ride}", "drop {ride}, it is not needed any more", "scrap {ride}"),
        report={"fare": "cancellation fee"},
        why=("my plans changed", "a friend is giving me a lift instead", "the meeting got moved online"),
        past="cancelled",
    ),
    "rate_ride": Intent(
        (
            "rate {ride} {stars} stars",
            "give the driver of {ride} {stars} stars",
            "leave a {stars}-star rating on {ride}",
            "score {ride} at {stars} out of 5",
        ),
        choices={"stars": (2, 3, 4, 5)},
        why=("the driver was very friendly", "the car was not very clean", "the trip was quick and smooth"),
        past="rated",
    ),
    "set_driver_online": Intent(
        (
            "put {driver} online",
            "set {driver} as available for rides",
            "bring {driver} online so they can take trips",
            "switch {driver} to online",
        ),
        args={"online": True},
        why=("their shift is starting", "demand is picking up downtown"),
        past="put online",
    ),
    "assign_vehicle": Intent(
        (
            "assign {driver} a free rideshare car",
            "give {driver} one of the available rideshare vehicles",
            "hook {driver} up with a free car in their city",
            "set {driver} up with an unassigned rideshare vehicle",
        ),
        why=("they just joined the fleet", "their old car was retired", "they need a car before their shift"),
        past="given a vehicle",
    ),
    "find_rental_vehicles": Intent(
        (
            "find rental cars of class {vehicle_class} in {city} free for {days} days from {start_date}",
            "which {vehicle_class} rentals can I get in {city} for {days} days starting {start_date}",
            "look up available rental cars in {city}, class {vehicle_class}, {days} days from {start_date}",
            "show me {vehicle_class} cars for rent in {city} from {start_date} for {days} days",
        ),
        choices={"start_date": ("2026-03-05", "2026-03-12", "2026-03-20"), "days": (2, 3, 5, 7)},
        report={"vehicles.0.model": "cheapest available car", "vehicles.0.daily_rate": "its daily rate"},
        why=("I am planning a weekend trip", "my own car is in the shop", "family is visiting"),
    ),
    "reserve_rental": Intent(
        (
            "reserve {vehicle} for {days} days starting {start_date}",
            "book {vehicle} from {start_date} for {days} days",
            "hold {vehicle} for me for {days} days from {start_date}",
            "rent {vehicle} for {days} days, picking it up on {start_date}",
        ),
        choices={"start_date": ("2026-03-05", "2026-03-12", "2026-03-20"), "days": (2, 3, 4, 6)},
        report={"total": "total price"},
        why=("I have a road trip coming up", "I need a car while mine is repaired", "we are moving house"),
        past="reserved",
    ),
    "start_rental": Intent(
        (
            "hand over the car for {rental}",
            "start {rental}",
            "check out the car on {rental} to the renter",
            "mark {rental} as picked up",
        ),
        why=("the renter is at the counter", "the pick-up day has come"),
        past="handed over",
    ),
    "return_rental": Intent(
        (
            "check in the car from {rental} with {km_driven} km driven",
            "return {rental}; the car did {km_driven} km",
            "close {rental}, it came back with {km_driven} km on the trip",
            "log the return of {rental} after {km_driven} km",
        ),
        choices={"km_driven": (120, 340, 560, 910)},
        report={"total": "final total"},
        why=("the renter just dropped the keys off", "the trip is over"),
        past="returned",
    ),
    "cancel_rental": Intent(
        (
            "cancel {rental}",
            "call off {rental}",
            "drop {rental}, I will not need the car",
            "withdraw {rental}",
        ),
        why=("the trip fell through", "I found a cheaper car elsewhere", "a friend is lending me their car"),
        past="cancelled",
    ),
    "set_vehicle_maintenance": Intent(
        (
            "send {vehicle} to maintenance",
            "take {vehicle} out of service for repairs",
            "put {vehicle} in the shop",
            "mark {vehicle} as under maintenance",
        ),
        args={"in_maintenance": True},
        why=("a warning light came on", "it is due for its service", "the last renter reported a flat tyre"),
        past="sent to maintenance",
    ),
}
