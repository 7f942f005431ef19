"""How people ask for the contacts actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "find_contact_by_email": Intent(
        (
            "find out whose email address {email} is",
            "look up the contact with the email {email}",
            "check who {email} belongs to in my contacts",
            "search my address book for {email}",
        ),
        pick={"email": "contact.email"},
        report={"first_name": "first name", "last_name": "last name", "company": "company"},
        why=(
            "I got a message from that address",
            "I do not recognize the sender",
            "I want to call them back",
        ),
    ),
    "list_group_members": Intent(
        (
            "list everyone in my {group} group",
            "show me who is in the {group} group",
            "check which contacts are in {group}",
            "pull up the members of my {group} group",
        ),
        choices={"group": ("work", "family", "friends", "book club", "running club", "clients")},
        report={
            "contacts.0.first_name": "first member's first name",
            "contacts.0.last_name": "their last name",
        },
        why=("I am sending out an invitation", "I want to check nobody is missing"),
    ),
    "add_contact_to_group": Intent(
        (
            "add {contact} to my {group} group",
            "put {contact} in the {group} group",
            "file {contact} under {group}",
            "make {contact} part of the {group} group",
        ),
        choices={"group": ("work", "family", "friends", "book club", "running club", "volunteers")},
        why=("they just joined", "I want them on the next group email", "we started working together"),
        past="added to the group",
    ),
}
