"""How people ask for the gaming-platform actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "claim_free_game": Intent(
        (
            "claim {game} for my library",
            "grab {game} while it is free",
            "add {game} to my library for free",
            "get {game} into my collection, it costs nothing",
        ),
        why=("a friend recommended it", "I want to try it this weekend"),
        past="claimed",
    ),
    "install_game": Intent(
        (
            "install {game}",
            "download {game} onto my drive",
            "get {game} installed so I can play it",
            "put {game} on the computer",
        ),
        why=("my friends are playing it tonight", "I finally have time to play it"),
        past="installed",
    ),
    "uninstall_game": Intent(
        (
            "uninstall {game}",
            "remove {game} from the drive but keep it in my library",
            "delete the install of {game}",
            "free up the space {game} is taking",
        ),
        why=("I need the disk space", "I finished it", "I have not touched it in months"),
        past="uninstalled",
    ),
    "record_play_session": Intent(
        (
            "log a {minutes}-minute session of {game}",
            "record that I played {game} for {minutes} minutes",
            "add {minutes} minutes of playtime to {game}",
            "note down {minutes} minutes on {game} for today",
        ),
        choices={"minutes": (45, 90, 120, 180)},
        why=("I played offline and it did not sync", "I want my stats to be right"),
        past="logged",
    ),
    "unlock_achievement": Intent(
        (
            "unlock {achievement}",
            "mark {achievement} as earned",
            "give me {achievement}, I got it last night",
            "record {achievement} as unlocked",
        ),
        why=("I earned it but it never popped", "the game crashed right after I got it"),
        past="unlocked",
    ),
    "get_achievement_progress": Intent(
        (
            "how far am I with the achievements in {game}",
            "check my achievement progress in {game}",
            "tell me how many achievements I have in {game}",
            "see how many points I have earned in {game}",
        ),
        report={"unlocked": "achievements unlocked", "points_earned": "points earned"},
        why=("I am going for completion", "a friend says they are ahead of me"),
    ),
    "get_library_summary": Intent(
        (
            "give me an overview of my game library",
            "how much disk space do my games leave free",
            "summarize my library and playtime",
            "check how many games I own and how much space is left",
        ),
        report={"disk_free_gb": "free disk space in GB", "total_playtime_hours": "total hours played"},
        why=("I am thinking of buying a bigger drive", "I want to know how much I actually play"),
    ),
    "set_favorite_games": Intent(
        (
            "make {games} my favorites",
            "set my favorites to just {games}",
            "star {games} as my only favorites",
            "change my favorite games to {games}",
        ),
        why=("those are the ones I play most now", "my favorites list is out of date"),
        past="set as favorites",
    ),
    "find_games": Intent(
        (
            "find {filters} games in the store",
            "show me what {filters} games there are",
            "search the store for {filters} titles",
            "look up {filters} games I could buy",
        ),
        choices={
            "filters": (
                {"genre": "rpg"},
                {"genre": "strategy"},
                {"genre": "racing"},
                {"genre": "puzzle"},
                {"genre": "indie"},
            )
        },
        report={"games.0.title": "first game found", "games.0.price_cents": "its price in cents"},
        why=("I am looking for something new to play", "my friend's birthday is coming up"),
    ),
    "send_friend_request": Intent(
        (
            "send a friend request to {gamertag}",
            "add {gamertag} as a friend",
            "friend {gamertag}",
            "invite {gamertag} to be my friend",
        ),
        choices={"gamertag": ("NightOwl_42", "PixelPaula", "RetroRick88", "LagSlayer")},
        why=("we played a great match together", "we met in a tournament"),
        past="sent",
    ),
    "respond_to_friend_request": Intent(
        (
            "accept the friend request from {friend}",
            "say yes to the pending friend request from {friend}",
            "approve {friend} as a friend",
            "take {friend} up on their friend request",
        ),
        args={"accept": True},
        why=("we play together all the time", "they are a friend from school"),
        past="accepted",
    ),
    "host_lobby": Intent(
        (
            "host a lobby called {settings} for {game}",
            "open a lobby for {game} named {settings}",
            "set up a multiplayer lobby for {game} and call it {settings}",
            "get a lobby going in {game} under the name {settings}",
        ),
        choices={
            "settings": ({"name": "Friday night squad"}, {"name": "Chill co-op"}, {"name": "Ranked grind"})
        },
        why=("the gang wants to play tonight", "we are practising for the tournament"),
        past="opened",
    ),
    "join_lobby": Intent(
        ("join {lobby}", "hop into {lobby}", "get me into {lobby}", "sign me up for {lobby}"),
        why=("my friends are waiting there", "it is the match I was invited to"),
        past="joined",
    ),
    "leave_lobby": Intent(
        ("leave {lobby}", "get me out of {lobby}", "drop out of {lobby}", "quit {lobby}"),
        why=("I have to go to dinner", "I am too tired to play"),
        past="left",
    ),
    "invite_friend_to_lobby": Intent(
        (
            "bring {friend} into {lobby}",
            "invite {friend} to {lobby}",
            "add {friend} to {lobby}",
            "get {friend} into {lobby} with us",
        ),
        why=("we need one more player", "they asked to join"),
        past="invited",
    ),
    "start_lobby_match": Intent(
        (
            "start the match in {lobby}",
            "kick off {lobby}",
            "launch the game for {lobby}",
            "get {lobby} going, everyone is here",
        ),
        why=("everyone is ready", "we have waited long enough"),
        past="started",
    ),
}
