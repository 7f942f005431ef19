"""How people ask for the music-streaming actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "add_tracks_to_playlist": Intent(
        (
            "add {tracks} to {playlist}",
            "put {tracks} on {playlist}",
            "stick {tracks} at the end of {playlist}",
            "include {tracks} in {playlist}",
        ),
        why=("they fit the mood perfectly", "I heard them on the radio today"),
        past="added",
    ),
    "remove_track_from_playlist": Intent(
        (
            "remove {track} from {playlist}",
            "take {track} off {playlist}",
            "drop {track} from {playlist}",
            "get {track} out of {playlist}",
        ),
        why=("I am sick of hearing it", "it does not fit the vibe"),
        past="removed",
    ),
    "create_playlist_from_album": Intent(
        (
            "make a playlist out of {album}",
            "turn {album} into a playlist",
            "create a playlist with every track of {album}",
            "build me a playlist from {album}",
        ),
        why=("I want to tweak the track order", "I listen to it on repeat"),
        past="turned into a playlist",
    ),
    "duplicate_playlist": Intent(
        (
            "copy {playlist} into a new playlist called {name}",
            "duplicate {playlist} as {name}",
            "save a copy of {playlist} named {name}",
            "make my own version of {playlist} and call it {name}",
        ),
        choices={"name": ("Road Trip copy", "Gym backup", "My remix")},
        why=("I want to change it without touching the original", "I love that list"),
        past="copied",
    ),
    "import_playlist": Intent(
        (
            "make a playlist called {name} with Midnight Road by Velvet Harbor and Neon Skyline by DJ Marrow",
            "import a playlist {name}: Midnight Road (Velvet Harbor), Neon Skyline (DJ Marrow)",
            "build {name} from these songs: Midnight Road by Velvet Harbor, Neon Skyline by DJ Marrow",
            "set up a new playlist {name} holding Velvet Harbor's Midnight Road and DJ Marrow's Neon Skyline",
        ),
        args={
            "entries": [
                {"title": "Midnight Road", "artist": "Velvet Harbor"},
                {"title": "Neon Skyline", "artist": "DJ Marrow"},
            ]
        },
        choices={"name": ("Imported favourites", "From my old app", "Party starters")},
        report={"matched": "songs matched", "unmatched.0": "first song not found"},
        why=("I am moving over from another app", "a friend sent me the list"),
        past="imported",
    ),
    "get_playlist_duration": Intent(
        (
            "how long is {playlist}",
            "work out the total length of {playlist}",
            "check how many minutes {playlist} runs",
            "tell me how much music is on {playlist}",
        ),
        report={"total_duration_s": "total length in seconds", "tracks": "number of tracks"},
        why=("I need it to last the whole drive", "it is for a party"),
        past="timed",
    ),
    "save_track": Intent(
        (
            "save {track} to my library",
            "like {track}",
            "add {track} to my saved songs",
            "keep {track} in my library",
        ),
        why=("I can't stop listening to it", "I want to find it again later"),
        past="saved",
    ),
    "save_album": Intent(
        (
            "save {album} to my library",
            "add {album} to my albums",
            "keep {album} in my collection",
            "put {album} in my library",
        ),
        why=("it's my favourite record this year", "I want to listen to it properly later"),
        past="saved",
    ),
    "get_library_stats": Intent(
        (
            "give me a summary of my music library",
            "who is my top artist in my library",
            "how much music have I saved",
            "tell me what my library looks like",
        ),
        report={"top_artist": "top artist", "saved_tracks": "saved tracks"},
        why=("I'm curious what I listen to most", "I want to share my stats with friends"),
    ),
    "queue_tracks": Intent(
        (
            "queue up {tracks}",
            "add {tracks} to my play queue",
            "line up {tracks} to play",
            "put {tracks} in the queue",
        ),
        why=("I want to hear them next", "friends are coming over"),
        past="queued",
    ),
    "move_queue_item": Intent(
        (
            "move {queue_item} to position {position} in the queue",
            "shift {queue_item} to spot {position} in my queue",
            "put {queue_item} at number {position} in the queue",
            "reorder the queue so {queue_item} is number {position}",
        ),
        choices={"position": (1, 2, 3)},
        why=("I want to hear it sooner", "it breaks the flow where it is"),
        past="moved",
    ),
    "play_next_in_queue": Intent(
        (
            "play the next song in my queue",
            "start the next track in the queue",
            "skip ahead to what's queued next",
            "get the queue playing",
        ),
        report={"track.title": "track now playing", "remaining_in_queue": "tracks left in the queue"},
        why=("I'm ready for some music", "the silence is too much"),
        past="started",
    ),
    "clear_queue": Intent(
        (
            "clear my play queue",
            "empty out the queue",
            "wipe everything from my queue",
            "get rid of all the songs in my queue",
        ),
        report={"removed": "tracks removed"},
        why=("I want to start fresh", "someone else queued a bunch of songs"),
        past="cleared",
    ),
    "find_tracks": Intent(
        (
            "find some {filters} tracks",
            "search the catalog for {filters} songs",
            "look up {filters} music for me",
            "show me {filters} tracks people play most",
        ),
        choices={
            "filters": (
                {"genre": "jazz"},
                {"genre": "folk"},
                {"genre": "electronic"},
                {"genre": "classical"},
                {"genre": "rock"},
            )
        },
        report={"tracks.0.title": "top match", "tracks.0.artist": "its artist"},
        why=("I need music for a dinner party", "I am getting into a new genre"),
    ),
    "get_top_tracks": Intent(
        (
            "what songs have I played the most",
            "show me my most played tracks",
            "list my top tracks",
            "which tracks do I have on repeat",
        ),
        report={"tracks.0.title": "most played track", "tracks.0.play_count": "its play count"},
        why=("I'm making a year-in-review playlist", "a friend asked what I'm into"),
    ),
}
