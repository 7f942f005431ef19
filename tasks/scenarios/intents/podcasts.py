"""How people ask for the podcast-player actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "subscribe_to_show": Intent(
        (
            "subscribe to {show}",
            "follow {show} for me",
            "add {show} to my subscriptions",
            "sign me up for {show}",
        ),
        why=(
            "a friend recommended it",
            "I liked the episode I heard",
            "I want new episodes as they come out",
        ),
        past="subscribed",
    ),
    "download_episode": Intent(
        (
            "download {episode}",
            "save {episode} for offline listening",
            "grab {episode} so I can play it offline",
            "get {episode} onto my phone",
        ),
        why=("I'm on a flight tomorrow", "there's no signal on my commute"),
        past="downloaded",
    ),
    "batch_download_episodes": Intent(
        (
            "download {episodes}",
            "save {episodes} offline",
            "grab {episodes} for offline listening",
            "put {episodes} on my device",
        ),
        why=("I have a long road trip", "I'm going camping this weekend"),
        past="downloaded",
    ),
    "retry_download": Intent(
        ("retry {download}", "try {download} again", "restart {download}", "have another go at {download}"),
        why=("the wifi dropped halfway", "it failed overnight"),
        past="retried",
    ),
    "delete_played_downloads": Intent(
        (
            "delete the downloads of episodes I've already finished",
            "clear out downloaded episodes I've played",
            "free up space by removing finished episodes",
            "get rid of the played downloads",
        ),
        report={"removed": "downloads removed", "freed_mb": "space freed (MB)"},
        why=("my phone is almost full", "I want room for new episodes"),
        past="deleted",
    ),
    "get_storage_usage": Intent(
        (
            "find out how much storage my downloads are using",
            "check how much download space I have left",
            "show me my podcast storage",
            "tell me how full my download storage is",
        ),
        report={"used_mb": "space used (MB)", "free_mb": "space left (MB)"},
        why=("my phone says storage is low", "I want to download a whole season"),
    ),
    "mark_episode_played": Intent(
        (
            "mark {episode} as played",
            "mark {episode} as listened to",
            "tick off {episode} as done",
            "set {episode} to played",
        ),
        why=("I heard it on the radio", "I listened to it on another device"),
        past="marked played",
    ),
    "update_playback_position": Intent(
        (
            "set my place in {episode} to {position_s} seconds",
            "move my position in {episode} to the {position_s}-second mark",
            "save my spot in {episode} at {position_s} seconds",
            "resume {episode} from {position_s} seconds next time",
        ),
        choices={"position_s": (600, 1500, 2400)},
        why=("I listened to part of it in the car", "the app lost my place"),
        past="saved",
    ),
    "mark_show_played": Intent(
        (
            "mark every episode of {show} as played",
            "mark all of {show} as listened to",
            "clear the backlog of {show}",
            "set all episodes of {show} to played",
        ),
        report={"changed": "episodes marked"},
        why=("I caught up on another app", "I only want new episodes from now on"),
        past="marked played",
    ),
    "get_up_next": Intent(
        (
            "line up the next {max_items} episodes I should listen to",
            "list my next {max_items} episodes",
            "show the top {max_items} episodes in my queue",
            "give me {max_items} unplayed episodes from my shows",
        ),
        choices={"max_items": (3, 5, 10)},
        report={"episodes.0.title": "next episode"},
        why=("I'm heading out for a run", "my commute starts in five minutes"),
    ),
    "add_bookmark_here": Intent(
        (
            "bookmark where I am in {episode} with the note {note}",
            "drop a bookmark at my current spot in {episode}: {note}",
            "save this moment in {episode} as a bookmark, noting {note}",
            "mark my current point in {episode} with {note}",
        ),
        choices={"note": ("Great book recommendation", "Quote for the presentation", "Look this up later")},
        why=("I want to come back to this part", "I need to share it with a colleague"),
        past="bookmarked",
    ),
    "apply_download_rules": Intent(
        (
            "turn on auto-download for all my subscriptions and keep only the 3 latest episodes",
            "set every subscription to download new episodes automatically, keeping 3",
            "make all my shows auto-download and keep the latest 3 episodes each",
            "auto-download new episodes for all subscriptions, but only keep 3 per show",
        ),
        args={"rules": {"auto_download": True, "keep_latest": 3}},
        report={"updated": "subscriptions changed"},
        why=("I keep forgetting to download before my commute", "my storage fills up too fast"),
        past="applied",
    ),
    "find_episodes": Intent(
        (
            "find unplayed science episodes under 30 minutes",
            "look for short science episodes I haven't heard, 30 minutes max",
            "search for science episodes I haven't played that are 30 minutes or less",
            "show me quick science episodes, under half an hour, that I haven't listened to",
        ),
        args={"filters": {"category": "science", "max_duration_min": 30, "unplayed_only": True}},
        report={"episodes.0.title": "newest match"},
        why=("I have a short commute", "I want something to learn from on my walk"),
    ),
    "get_show_stats": Intent(
        (
            "give me the stats for {show}",
            "tell me how much of {show} I have listened to",
            "summarize {show}",
            "check how many episodes {show} has and how long they are",
        ),
        report={"episodes": "episodes", "played": "episodes I finished"},
        why=("I'm deciding whether to keep subscribing", "I want to binge the rest"),
    ),
}
