"""How people ask for the news-reader actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "mark_article_read": Intent(
        (
            "mark {article} as read",
            "flag {article} as already read",
            "set {article} to read",
            "tick off {article} as something I have read",
        ),
        args={"read": True},
        why=(
            "I read it on my phone already",
            "it keeps showing up in my unread list",
            "I skimmed it this morning",
        ),
        past="marked read",
    ),
    "mark_feed_read": Intent(
        (
            "mark everything in {feed} as read",
            "catch me up on {feed} by marking it all read",
            "clear the unread articles of {feed}",
            "set every unread article from {feed} to read",
        ),
        why=(
            "I was away for a week and will not get through it",
            "I only wanted the headlines",
            "the unread count is stressing me out",
        ),
        past="marked read",
    ),
    "star_article": Intent(
        (
            "star {article}",
            "put a star on {article}",
            "add {article} to my starred articles",
            "give {article} a star so I can find it again",
        ),
        args={"starred": True},
        why=("I want to share it with my team", "it is worth rereading", "I want to quote it later"),
        past="starred",
    ),
    "save_article": Intent(
        (
            "save {article} to my reference folder",
            "file {article} under reference",
            "keep {article} in the reference folder",
            "put {article} into my saved reference articles",
        ),
        args={"folder": "reference"},
        why=(
            "I will need the numbers for a report",
            "it explains the topic better than anything else I have read",
        ),
        past="saved",
    ),
    "highlight_article": Intent(
        (
            "highlight {text} in {article}",
            "mark the passage {text} in {article}",
            "add a highlight on {text} in {article}",
            "in {article}, highlight the line {text}",
        ),
        choices={
            "text": (
                "The results surprised even the researchers.",
                "Costs have fallen for the third year running.",
                "Analysts expect the trend to continue next quarter.",
            )
        },
        why=(
            "it is the key point of the piece",
            "I want to quote it in my newsletter",
            "I need it for my notes",
        ),
        past="highlighted",
    ),
    "subscribe_feeds": Intent(
        (
            "subscribe to Deep Field Digest (https://deepfield.example.org/rss) and Tidewater Times "
            "(https://tidewater.example.org/feed) under {topic}",
            "add the feeds Deep Field Digest at https://deepfield.example.org/rss and Tidewater Times at "
            "https://tidewater.example.org/feed, filed under {topic}",
            "follow Deep Field Digest and Tidewater Times (https://deepfield.example.org/rss, "
            "https://tidewater.example.org/feed) in {topic}",
            "sign me up for two feeds in {topic}: Deep Field Digest, https://deepfield.example.org/rss, and "
            "Tidewater Times, https://tidewater.example.org/feed",
        ),
        args={
            "feeds": [
                {"url": "https://deepfield.example.org/rss", "title": "Deep Field Digest"},
                {"url": "https://tidewater.example.org/feed", "title": "Tidewater Times"},
            ]
        },
        why=("a colleague recommended them", "I want more coverage on that subject"),
        past="subscribed",
    ),
    "pause_feed": Intent(
        (
            "pause {feed}",
            "stop fetching {feed} for now",
            "put {feed} on hold without unsubscribing",
            "hold new articles from {feed} for a while",
        ),
        why=("it posts too much", "I am going on holiday", "it has been mostly noise lately"),
        past="paused",
    ),
    "resume_feed": Intent(
        ("resume {feed}", "start fetching {feed} again", "turn {feed} back on", "unpause {feed}"),
        why=("I am back from holiday", "I miss their coverage", "they fixed the quality problems"),
        past="resumed",
    ),
    "move_feed_to_topic": Intent(
        (
            "move {feed} to {topic}",
            "file {feed} under {topic}",
            "put {feed} in {topic}",
            "reorganize {feed} so it sits under {topic}",
        ),
        why=("it fits that topic better", "I am tidying up my subscriptions"),
        past="moved",
    ),
    "get_unread_counts": Intent(
        (
            "check how many unread articles I have",
            "count my unread articles across all feeds",
            "tell me how far behind I am on my feeds",
            "see how much is waiting unread",
        ),
        report={"total_unread": "unread articles in total"},
        why=("I want to know if I can catch up tonight", "I have a free hour before my train"),
    ),
    "get_topic_digest": Intent(
        (
            "give me a digest of {topic} for the last {days} days",
            "put together the news on {topic} from the past {days} days",
            "show me what happened in {topic} over the last {days} days",
            "build a {days}-day digest for {topic}",
        ),
        choices={"days": (3, 7, 14)},
        report={"articles.0.title": "top headline", "articles.0.author": "its author"},
        why=("I need to brief my team", "I have been too busy to follow the news", "I want a quick overview"),
    ),
    "filter_articles": Intent(
        (
            "find unread articles from {feed} that take 5 minutes or less to read",
            "show me the short unread pieces in {feed}, five minutes tops",
            "list what I have not read yet in {feed} that is a quick read of up to 5 minutes",
            "pull up unread articles of {feed} that I can finish in five minutes",
        ),
        args={"filters": {"unread_only": True, "max_reading_minutes": 5}},
        report={
            "articles.0.title": "newest quick read",
            "articles.0.reading_minutes": "its reading time in minutes",
        },
        why=("I only have a coffee break", "I want something short for the bus ride"),
    ),
    "get_reading_stats": Intent(
        (
            "show my reading stats for the last {days} days",
            "how much have I read over the past {days} days",
            "summarize my reading over the last {days} days",
            "check my reading habits for the past {days} days",
        ),
        choices={"days": (7, 14, 30)},
        report={"articles_read": "articles read", "minutes_read": "minutes spent reading"},
        why=("I am trying to read more", "I want to see if the subscriptions are worth it"),
    ),
}
