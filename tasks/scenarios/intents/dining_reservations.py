"""How people ask for the restaurant-reservation actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "find_available_tables": Intent(
        (
            "see what tables {venue} has free at {time} tonight for {party_size}",
            "is there a table for {party_size} at {venue} around {time} tonight",
            "check {venue} for open tables at {time} today, party of {party_size}",
            "find out whether {venue} can fit {party_size} people at {time} this evening",
        ),
        choices={"time": ("18:30", "19:00", "19:30", "20:00"), "party_size": (2, 4, 6)},
        report={"tables.0.label": "smallest free table", "tables.0.seats": "its seats"},
        why=("we are celebrating tonight", "friends are in town"),
        past="checked",
    ),
    "book_table": Intent(
        (
            "book a table at {venue} at {time} tonight for {party_size} under the name {guest}",
            "reserve {venue} for {party_size} at {time} today, name {guest}",
            "get {guest} a table for {party_size} at {venue} at {time} tonight",
            "make a reservation for {party_size} people at {venue} tonight at {time} for {guest}",
        ),
        choices={
            "time": ("18:30", "19:00", "19:30", "20:00"),
            "party_size": (2, 3, 4),
            "guest": ({"name": "Maria Lopez"}, {"name": "Tom Becker"}, {"name": "Aisha Khan"}),
        },
        why=("it is our anniversary", "a client is visiting", "it is a birthday dinner"),
        past="booked",
    ),
    "confirm_reservation": Intent(
        (
            "confirm {reservation}",
            "mark {reservation} as confirmed",
            "lock in {reservation}, the guest replied",
            "note that {reservation} is confirmed",
        ),
        why=("the guest answered the reminder text", "they called to say they are coming"),
        past="confirmed",
    ),
    "reschedule_reservation": Intent(
        (
            "move {reservation} to {time}",
            "push {reservation} to {time} instead",
            "change the time of {reservation} to {time}",
            "reschedule {reservation} for {time}",
        ),
        choices={"time": ("18:00", "19:30", "20:30")},
        why=("the guest is running late", "their train was delayed", "they asked for a later slot"),
        past="rescheduled",
    ),
    "cancel_reservation": Intent(
        (
            "cancel {reservation}",
            "call off {reservation}",
            "drop {reservation} and free the table",
            "take {reservation} off the books",
        ),
        why=("the guest phoned to cancel", "they came down with the flu", "their plans changed"),
        past="cancelled",
    ),
    "seat_reservation": Intent(
        (
            "seat {reservation}",
            "show {reservation} to their table",
            "mark {reservation} as seated",
            "put the party of {reservation} at their table now",
        ),
        why=("they just arrived", "the party is all here"),
        past="seated",
    ),
    "complete_reservation": Intent(
        (
            "close out {reservation}",
            "mark {reservation} as finished",
            "wrap up {reservation}, they have left",
            "complete {reservation} so the table frees up",
        ),
        why=("the party just paid and left", "we need the table for the next booking"),
        past="completed",
    ),
    "mark_no_show": Intent(
        (
            "mark {reservation} as a no-show",
            "record {reservation} as no-show",
            "log that {reservation} never turned up",
            "flag {reservation} as a no-show",
        ),
        why=("they never arrived and did not call", "we waited forty minutes"),
        past="marked as a no-show",
    ),
    "join_waitlist": Intent(
        (
            "put {guest_name} on the waitlist at {venue}, party of {party_size}",
            "add a walk-in, {guest_name}, for {party_size} to the waitlist at {venue}",
            "waitlist {guest_name} at {venue} for {party_size} people",
            "sign {guest_name} up for the next free table at {venue}, {party_size} guests",
        ),
        choices={"guest_name": ("Nora Jensen", "Luis Ortega", "Priya Raman"), "party_size": (2, 3, 4)},
        why=("they walked in without a booking", "the restaurant is full right now"),
        past="waitlisted",
    ),
    "notify_waitlist_guest": Intent(
        (
            "text {waitlist_entry} that their table is ready",
            "let {waitlist_entry} know their table is ready",
            "notify {waitlist_entry} to come in",
            "ping {waitlist_entry}, a table has opened up",
        ),
        why=("a table just cleared", "they are next in line"),
        past="notified",
    ),
    "seat_waitlist_guest": Intent(
        (
            "seat {waitlist_entry} now",
            "give {waitlist_entry} a free table",
            "take {waitlist_entry} off the waitlist and seat them",
            "find {waitlist_entry} a table right away",
        ),
        why=("a table just opened up", "they have been waiting long enough"),
        past="seated",
    ),
    "get_venue_occupancy": Intent(
        (
            "how busy is {venue} today",
            "check how many covers {venue} has today",
            "give me today's booking picture at {venue}",
            "see how full {venue} is for the day",
        ),
        report={"covers": "expected covers", "reservations": "active reservations"},
        why=("I need to plan staffing", "the kitchen wants a head count"),
    ),
    "bulk_create_tables": Intent(
        (
            "add two four-seat patio tables, P7 and P8, to {venue}",
            "set up patio tables P7 and P8 with four seats each at {venue}",
            "put two new tables on the patio at {venue}, P7 and P8, four seats apiece",
            "create tables P7 and P8 outside on the patio at {venue}, each seating four",
        ),
        args={
            "tables": [
                {"label": "P7", "seats": 4, "area": "patio"},
                {"label": "P8", "seats": 4, "area": "patio"},
            ]
        },
        why=("the terrace opens for summer", "we bought new outdoor furniture"),
        past="added",
    ),
    "set_table_active": Intent(
        (
            "take {table} out of service",
            "close {table} for now",
            "mark {table} as unavailable",
            "stop seating people at {table}",
        ),
        args={"active": False},
        why=("its leg is broken", "we are short on staff tonight", "it is being repainted"),
        past="taken out of service",
    ),
}
