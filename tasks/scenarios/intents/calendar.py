"""How people ask for the calendar actions."""

from toolgym_env.tasks.scenarios.intent import Intent

_GUESTS = (
    ["jordan.lee@example.com"],
    ["priya.nair@example.org", "sam.okafor@example.net"],
    ["alex.moreau@example.com"],
)

INTENTS = {
    "create_event": Intent(
        (
            "put {title} on {calendar} from {start} to {end}",
            "book {title} in {calendar}, starting {start} and ending {end}",
            "schedule {title} on {calendar} for {start} until {end}",
            "add an event called {title} to {calendar} running from {start} to {end}",
        ),
        choices={
            "title": ("Budget prep", "Call with the landlord", "Project kickoff", "Quiet planning hour"),
            "start": ("2026-03-18T07:00:00Z", "2026-03-18T07:15:00Z", "2026-03-18T07:30:00Z"),
            "end": ("2026-03-18T08:00:00Z", "2026-03-18T08:30:00Z", "2026-03-18T08:45:00Z"),
        },
        why=(
            "I keep forgetting it otherwise",
            "I want the time blocked before someone grabs it",
            "it needs to be on the calendar to happen",
        ),
        past="scheduled",
    ),
    "reschedule_event": Intent(
        (
            "move {event} to {start} until {end}",
            "reschedule {event} so it runs from {start} to {end}",
            "shift {event} to start at {start} and end at {end}",
            "push {event} to the slot {start} to {end}",
        ),
        choices={
            "start": ("2026-03-20T07:00:00Z", "2026-03-20T07:30:00Z", "2026-03-20T08:00:00Z"),
            "end": ("2026-03-20T08:30:00Z", "2026-03-20T09:00:00Z"),
        },
        why=(
            "something more urgent came up at the old time",
            "the other people asked for an earlier slot",
            "I double-booked myself",
        ),
        past="rescheduled",
    ),
    "cancel_event": Intent(
        (
            "cancel {event}",
            "call off {event}",
            "take {event} off the schedule by cancelling it",
            "scrap {event}",
        ),
        why=("it is no longer needed", "half the people cannot make it", "we settled it over email instead"),
        past="cancelled",
    ),
    "invite_attendees": Intent(
        (
            "invite {emails} to {event}",
            "add {emails} to the guest list of {event}",
            "send an invitation for {event} to {emails}",
            "get {emails} invited to {event}",
        ),
        choices={"emails": _GUESTS},
        why=("they should be part of the discussion", "they asked to join", "their input is needed"),
        past="invited to",
    ),
    "respond_to_invite": Intent(
        (
            "answer the invitation to {event} with {response}",
            "set my RSVP for {event} to {response}",
            "reply {response} to the invite for {event}",
            "mark my response to {event} as {response}",
        ),
        why=("the organizer is waiting for my answer", "I finally checked my plans for that day"),
        past="answered",
    ),
    "list_events": Intent(
        (
            "list my events from {start_date} to {end_date}",
            "show me what is on my calendar between {start_date} and {end_date}",
            "pull up my schedule for {start_date} through {end_date}",
            "check which events I have from {start_date} until {end_date}",
        ),
        choices={"start_date": ("2026-03-02", "2026-03-09"), "end_date": ("2026-03-13", "2026-03-20")},
        report={
            "total": "number of events",
            "events.0.title": "first event",
            "events.0.start": "when it starts",
        },
        why=(
            "I am planning my next two weeks",
            "I want to see how busy I am",
            "someone asked when I am free",
        ),
    ),
    "find_free_slots": Intent(
        (
            "find free windows of at least {duration_minutes} minutes on {date}",
            "look for a {duration_minutes}-minute gap in my calendar on {date}",
            "check when I have {duration_minutes} minutes free on {date}",
            "search {date} for open slots of {duration_minutes} minutes or more",
        ),
        choices={
            "date": ("2026-03-04", "2026-03-05", "2026-03-10", "2026-03-12"),
            "duration_minutes": (30, 45, 60, 90),
        },
        report={"slots.0.start": "earliest free slot", "slots.0.minutes": "its length in minutes"},
        why=(
            "I need to fit in a call",
            "a colleague wants to meet that day",
            "I want time to focus on a report",
        ),
    ),
}
