"""How people ask for the social-media actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "publish_post": Intent(
        (
            "publish {post} now",
            "post {post} right away",
            "push {post} live immediately",
            "make {post} go out now instead of waiting",
        ),
        why=(
            "the news is out already",
            "the timing is perfect right now",
            "I do not want to wait for the schedule",
        ),
        past="published",
    ),
    "schedule_post": Intent(
        (
            "schedule {post} for {publish_at}",
            "set {post} to go out at {publish_at}",
            "queue {post} to publish at {publish_at} UTC",
            "have {post} posted automatically at {publish_at}",
        ),
        choices={"publish_at": ("2026-03-05T09:00", "2026-03-09T14:30", "2026-03-16T18:00")},
        why=(
            "that is when my audience is most active",
            "it should line up with the launch",
            "I will be offline then",
        ),
        past="scheduled",
    ),
    "cancel_scheduled_post": Intent(
        (
            "cancel the schedule on {post}",
            "unschedule {post} and keep it as a draft",
            "stop {post} from going out as planned",
            "pull {post} off the schedule",
        ),
        why=("the event got postponed", "I want to rewrite it first", "the wording needs legal review"),
        past="unscheduled",
    ),
    "bulk_schedule_posts": Intent(
        (
            'schedule two public posts: "Doors open at 10, see you there! #launch" on 2026-03-10 at 08:00 '
            'and "Thanks to everyone who came by #launch" on 2026-03-10 at 18:00',
            'queue up "Doors open at 10, see you there! #launch" for 2026-03-10 08:00 and '
            '"Thanks to everyone who came by #launch" for 18:00 the same day, both public',
            'set up two launch-day posts for 2026-03-10, "Doors open at 10, see you there! #launch" at 08:00 '
            'and "Thanks to everyone who came by #launch" at 18:00',
            'line up the launch posts on 2026-03-10: the 08:00 one says "Doors open at 10, see you there! '
            '#launch" and the 18:00 one says "Thanks to everyone who came by #launch"',
        ),
        args={
            "posts": [
                {
                    "text": "Doors open at 10, see you there! #launch",
                    "publish_at": "2026-03-10T08:00",
                    "visibility": "public",
                },
                {
                    "text": "Thanks to everyone who came by #launch",
                    "publish_at": "2026-03-10T18:00",
                    "visibility": "public",
                },
            ]
        },
        why=("I will be busy running the event that day", "I want the whole launch day planned in advance"),
        past="scheduled",
    ),
    "publish_thread": Intent(
        (
            'post a thread: "Three things I learned shipping our redesign", then "1. Talk to users early", '
            'then "2. Ship small and often"',
            'publish a three-part thread starting with "Three things I learned shipping our redesign", '
            'followed by "1. Talk to users early" and "2. Ship small and often"',
            'put out a thread that opens with "Three things I learned shipping our redesign" and continues '
            'with "1. Talk to users early" and "2. Ship small and often"',
            'share this as a thread: "Three things I learned shipping our redesign" / "1. Talk to users '
            'early" / "2. Ship small and often"',
        ),
        args={
            "parts": [
                {"text": "Three things I learned shipping our redesign"},
                {"text": "1. Talk to users early"},
                {"text": "2. Ship small and often"},
            ]
        },
        why=("the redesign just went live", "people keep asking me how we did it"),
        past="published",
    ),
    "like_post": Intent(
        ("like {post}", "give {post} a like", "hit like on {post}", "leave a like on {post}"),
        why=("it made me laugh", "I want to support a friend", "it is a great point"),
        past="liked",
    ),
    "unlike_post": Intent(
        (
            "unlike {post}",
            "take back my like on {post}",
            "remove my like from {post}",
            "undo the like I gave {post}",
        ),
        why=("I liked it by accident", "I no longer agree with it"),
        past="unliked",
    ),
    "comment_on_post": Intent(
        (
            "comment {text} on {post}",
            "reply under {post} with {text}",
            "leave the comment {text} on {post}",
            "write {text} in the comments of {post}",
        ),
        choices={
            "text": (
                "Congrats, well deserved!",
                "Great point, thanks for sharing.",
                "Love this, where was it taken?",
            )
        },
        why=("I want them to know I saw it", "it deserves a proper reply", "they asked for feedback"),
        past="commented on",
    ),
    "hide_comment": Intent(
        (
            "hide {comment}",
            "make {comment} invisible on my post",
            "take {comment} out of view",
            "hide {comment} from everyone else",
        ),
        why=("it is spam", "it is rude", "it shares personal details"),
        past="hidden",
    ),
    "follow_account": Intent(
        (
            "follow {account}",
            "start following {account}",
            "add {account} to the accounts I follow",
            "hit follow on {account}",
        ),
        why=("they post useful stuff", "we just met at a conference", "a friend recommended them"),
        past="followed",
    ),
    "unfollow_account": Intent(
        (
            "unfollow {account}",
            "stop following {account}",
            "drop {account} from my follows",
            "remove {account} from the accounts I follow",
        ),
        why=("they post too much", "my feed is too noisy", "I lost interest in their content"),
        past="unfollowed",
    ),
    "approve_follow_request": Intent(
        ("approve {follow}", "accept {follow}", "let {follow} through", "say yes to {follow}"),
        why=("I know them personally", "they are a colleague"),
        past="approved",
    ),
    "send_direct_message": Intent(
        (
            "send {account} a direct message saying {text}",
            "shoot {account} a DM: {text}",
            "message {account} privately with {text}",
            "drop {account} a private note: {text}",
        ),
        choices={
            "text": (
                "Are we still on for Friday?",
                "Loved your last post, can we chat about a collab?",
                "Thanks for the follow!",
            )
        },
        why=(
            "I do not want to reply in public",
            "it is quicker than email",
            "we need to sort out the details",
        ),
        past="messaged",
    ),
    "mark_messages_read": Intent(
        (
            "mark {messages} as read",
            "set {messages} to read",
            "clear the unread flag on {messages}",
            "flag {messages} as read in my inbox",
        ),
        report={"changed": "messages newly marked read"},
        why=("I already read them on my phone", "I want a clean inbox", "they are dealt with"),
        past="marked as read",
    ),
    "get_post_insights": Intent(
        (
            "check how {post} is performing",
            "pull the engagement numbers for {post}",
            "show me the insights for {post}",
            "find out the engagement rate of {post}",
        ),
        report={"engagement_rate": "engagement rate (%)", "likes": "likes", "comments": "visible comments"},
        why=("I am writing the monthly report", "I want to know if it was worth boosting"),
    ),
    "get_top_posts": Intent(
        (
            "find the top {top_n} posts of {account} by {metric}",
            "list {account}'s {top_n} best posts ranked by {metric}",
            "show me which {top_n} posts from {account} got the most {metric}",
            "rank {account}'s published posts by {metric} and give me the top {top_n}",
        ),
        choices={"metric": ("likes", "comments"), "top_n": (3, 5, 10)},
        report={
            "posts.0.text": "best performing post",
            "posts.0.like_count": "its likes",
            "posts.0.comment_count": "its comments",
        },
        why=("I want to see what resonates with their audience", "I am planning next month's content"),
    ),
}
