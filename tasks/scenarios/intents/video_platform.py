"""How people ask for the video-platform actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "add_video_to_playlist": Intent(
        (
            "add {video} to {playlist}",
            "save {video} into {playlist}",
            "put {video} on {playlist}",
            "stick {video} at the end of {playlist}",
        ),
        why=("I want to watch it again later", "it fits the theme of the list"),
        past="added",
    ),
    "remove_video_from_playlist": Intent(
        (
            "remove {video} from {playlist}",
            "take {video} out of {playlist}",
            "drop {video} from {playlist}",
            "get {video} off {playlist}",
        ),
        why=("I have already watched it", "it does not belong there"),
        past="removed",
    ),
    "sort_playlist": Intent(
        (
            "sort {playlist} by {order_by}",
            "reorder {playlist} by {order_by}",
            "arrange the videos in {playlist} by {order_by}",
            "put {playlist} in order of {order_by}",
        ),
        choices={"order_by": ("title", "duration", "views", "newest")},
        why=("it is a mess right now", "I want to binge it in order"),
        past="sorted",
    ),
    "record_watch_progress": Intent(
        (
            "save my place in {video} at {position_s} seconds",
            "note that I got {position_s} seconds into {video}",
            "remember I stopped {video} at {position_s} seconds",
            "mark {video} as watched up to {position_s} seconds",
        ),
        choices={"position_s": (120, 600, 1800)},
        why=("I want to finish it on my phone", "my train arrived halfway through"),
        past="saved",
    ),
    "get_continue_watching": Intent(
        (
            "what videos did I leave unfinished",
            "show my continue-watching list",
            "which videos was I in the middle of",
            "list what I started but never finished",
        ),
        report={"items.0.title": "most recent unfinished video", "items.0.remaining_s": "seconds left in it"},
        why=("I have some free time tonight", "I forgot what I was watching"),
    ),
    "clear_watch_history": Intent(
        (
            "clear my watch history from before {before_date}",
            "delete everything I watched before {before_date}",
            "wipe my viewing history older than {before_date}",
            "remove history entries from before {before_date}",
        ),
        choices={"before_date": ("2026-01-01", "2026-02-01", "2026-02-15")},
        report={"deleted": "entries deleted"},
        why=("my recommendations are off", "I share the account with family"),
        past="cleared",
    ),
    "subscribe_to_channel": Intent(
        (
            "subscribe to {channel}",
            "follow {channel}",
            "sign me up to {channel}",
            "add {channel} to my subscriptions",
        ),
        why=("their videos are great", "a friend recommended them"),
        past="subscribed to",
    ),
    "unsubscribe_from_channel": Intent(
        (
            "unsubscribe from {channel}",
            "stop following {channel}",
            "drop my subscription to {channel}",
            "take {channel} out of my subscriptions",
        ),
        why=("they post too much", "I lost interest"),
        past="unsubscribed from",
    ),
    "publish_video": Intent(
        (
            "publish {video}",
            "make {video} public",
            "put {video} live for everyone",
            "release {video} to the public",
        ),
        why=("the edit is finished", "the launch is today"),
        past="published",
    ),
    "bulk_set_visibility": Intent(
        (
            "make {videos} {visibility}",
            "set {videos} to {visibility}",
            "change the visibility of {videos} to {visibility}",
            "switch {videos} over to {visibility}",
        ),
        choices={"visibility": ("unlisted", "private")},
        why=("they are out of date", "the sponsor deal ended"),
        past="updated",
    ),
    "upload_videos": Intent(
        (
            (
                "upload two videos to {channel}: Kitchen tour (7 minutes, cooking) and Knife skills basics "
                "(12 minutes, cooking)"
            ),
            "put 'Kitchen tour' (7 min) and 'Knife skills basics' (12 min) up on {channel} as cooking videos",
            (
                "add the cooking videos Kitchen tour, seven minutes, and Knife skills basics, twelve "
                "minutes, to {channel}"
            ),
            "get 'Kitchen tour' and 'Knife skills basics' uploaded to {channel}, cooking, 7 and 12 minutes",
        ),
        args={
            "videos": [
                {"title": "Kitchen tour", "duration_s": 420, "category": "cooking"},
                {"title": "Knife skills basics", "duration_s": 720, "category": "cooking"},
            ]
        },
        why=("the edits are done", "the series starts next week"),
        past="uploaded",
    ),
    "find_videos": Intent(
        (
            "find popular {filters} videos",
            "search for {filters} videos",
            "show me the most watched {filters} videos",
            "look up some {filters} content",
        ),
        choices={
            "filters": (
                {"category": "cooking"},
                {"category": "travel"},
                {"category": "tech"},
                {"category": "education"},
                {"category": "comedy"},
            )
        },
        report={"videos.0.title": "top video", "videos.0.view_count": "its views"},
        why=("I need ideas for my own channel", "I am bored tonight"),
    ),
    "get_channel_analytics": Intent(
        (
            "how is {channel} doing",
            "pull the stats for {channel}",
            "give me the analytics of {channel}",
            "check the views and subscribers of {channel}",
        ),
        report={"total_views": "total views", "subscribers": "subscribers"},
        why=("the sponsor wants numbers", "I am reviewing the quarter"),
    ),
}
