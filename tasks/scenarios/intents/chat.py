"""How people ask for the chat actions."""

from toolgym_env.tasks.scenarios.intent import Intent

_MINE = ("general", "random", "engineering", "design")  # public channels the owner belongs to
_TEXTS = (
    "Heads up: the sync moves to 3pm today.",
    "Thanks everyone, great work this week!",
    "Can someone take a look at the latest draft?",
    "I will be offline after lunch.",
)

INTENTS = {
    "post_message": Intent(
        (
            "post {text} in the {channel} channel",
            "send {text} to the {channel} channel",
            "write {text} in the {channel} channel",
            "drop {text} into the {channel} channel",
        ),
        choices={"channel": _MINE, "text": _TEXTS},
        why=("everyone there needs to know", "it is quicker than a meeting", "I promised to share an update"),
        past="posted",
    ),
    "reply_in_thread": Intent(
        (
            "reply to {message} in its thread with {text}",
            "answer {message} in the thread saying {text}",
            "respond in the thread of {message}: {text}",
            "write {text} as a thread reply to {message}",
        ),
        choices={
            "text": ("On it.", "Thanks, that helps!", "Let's discuss this in the sync.", "Done on my side.")
        },
        why=("they are waiting on my answer", "I want to keep the channel tidy"),
        past="answered",
    ),
    "add_reaction": Intent(
        (
            "react to {message} with {emoji}",
            "add a {emoji} reaction to {message}",
            "put {emoji} on {message}",
            "give {message} a {emoji}",
        ),
        choices={"emoji": ("thumbsup", "tada", "eyes", "heart", "white_check_mark")},
        why=("I want them to know I saw it", "it deserves a little celebration", "a reply would be overkill"),
        past="reacted to",
    ),
    "send_direct_message": Intent(
        (
            "send {handle} a direct message saying {text}",
            "message {handle} privately: {text}",
            "ping {handle} in a private message with {text}",
            "write to {handle} directly and say {text}",
        ),
        pick={"handle": "user.handle"},
        choices={
            "text": (
                "Got a minute to chat?",
                "Thanks for the help yesterday!",
                "Could you send me the file when you get a chance?",
            )
        },
        why=("it is not for the whole channel", "I need a quick answer from them"),
        past="sent",
    ),
    "join_channel": Intent(
        (
            "join the {channel} channel",
            "add me to the {channel} channel",
            "sign me up for the {channel} channel",
            "get me into the {channel} channel",
        ),
        choices={"channel": ("marketing", "social")},
        why=(
            "I keep missing what is posted there",
            "I am working with that team now",
            "a colleague told me to",
        ),
        past="joined",
    ),
    "create_channel": Intent(
        (
            "create a channel called {name}",
            "set up a new channel named {name}",
            "open a channel {name}",
            "start a new channel {name}",
        ),
        choices={"name": ("offsite-planning", "book-club", "q2-launch", "customer-feedback")},
        why=("the discussion is spilling over into other channels", "we need a place for this project"),
        past="created",
    ),
    "set_status": Intent(
        (
            "set my status to {status_text}",
            "change my chat status to {status_text}",
            "update my status to {status_text}",
            "show {status_text} as my status",
        ),
        choices={
            "status_text": ("In a meeting", "Out sick", "On vacation", "Focus time", "Working from home")
        },
        why=("people keep pinging me", "I want the team to know where I am"),
        past="updated",
    ),
    "get_my_profile": Intent(
        (
            "look up my chat profile",
            "check what my chat profile says",
            "pull up my own chat profile",
            "see how my profile looks in chat",
        ),
        report={"handle": "my handle", "display_name": "my display name"},
        why=("I want to give someone my handle", "I am not sure my details are right"),
    ),
    "get_channel_history": Intent(
        (
            "read the latest messages in the {channel} channel",
            "catch me up on the {channel} channel",
            "show me what was said recently in the {channel} channel",
            "go through the recent history of the {channel} channel",
        ),
        choices={"channel": _MINE},
        report={"messages.0.author": "who posted last", "messages.0.text": "latest message"},
        why=("I was away for a few days", "someone mentioned a discussion there"),
    ),
    "get_thread": Intent(
        (
            "open the thread of {message}",
            "read the replies to {message}",
            "show me the whole thread under {message}",
            "check the thread on {message}",
        ),
        report={"parent.author": "who started the thread", "parent.reply_count": "number of replies"},
        why=("I want to see what people answered", "I was tagged in it"),
    ),
    "search_messages": Intent(
        (
            "search the chat for {query}",
            "find messages mentioning {query}",
            "look through chat for {query}",
            "dig up the messages that say {query}",
        ),
        choices={"query": ("review", "staging", "retro", "sync", "doc")},
        report={"total": "number of matching messages", "messages.0.author": "who wrote the newest match"},
        why=("I remember someone mentioning it", "I need the details again"),
    ),
}
