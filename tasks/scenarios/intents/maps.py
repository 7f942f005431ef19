"""How people ask for the maps actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "search_places": Intent(
        (
            "find the best-rated {category} in {city}",
            "look for a good {category} in {city}",
            "search for a {category} in {city}",
            "show me the top {category} spots in {city}",
        ),
        pick={"city": "place.city"},
        report={
            "places.0.name": "top-rated place",
            "places.0.rating": "its rating",
            "total": "number of matches",
        },
        why=("I will be in town this weekend", "a friend asked for a tip", "I want to try somewhere new"),
    ),
    "get_place_details": Intent(
        (
            "look up {place}",
            "get the details of {place}",
            "check the opening hours of {place}",
            "tell me about {place}, hours and rating",
        ),
        report={"hours": "opening hours", "rating": "rating", "phone": "phone number"},
        why=("I want to go there later today", "I need to call ahead", "I want to know if it is any good"),
    ),
    "geocode": Intent(
        (
            "find the coordinates of {address}",
            "geocode {address}",
            "look up where {address} is on the map",
            "get the latitude and longitude for {address}",
        ),
        pick={"address": "place.address"},
        report={"matches.0.lat": "latitude", "matches.0.lon": "longitude", "matches.0.name": "place there"},
        why=("I need to enter it into my GPS", "the delivery driver asked for exact coordinates"),
    ),
    "reverse_geocode": Intent(
        (
            "find out what is at latitude 48.8566, longitude 2.3522",
            "look up the places nearest to 48.8566, 2.3522",
            "tell me what is around the coordinates 48.8566 N, 2.3522 E",
            "check which place is closest to the point 48.8566, 2.3522",
        ),
        args={"lat": 48.8566, "lon": 2.3522},
        report={"matches.0.name": "nearest place", "matches.0.address": "its address"},
        why=("a photo I took only has coordinates", "a friend sent me a pin without a name"),
    ),
    "get_directions": Intent(
        (
            "get directions from {from_place} to {to_place}",
            "how do I get from {from_place} to {to_place}",
            "find the route from {from_place} to {to_place}",
            "work out how long it takes from {from_place} to {to_place}",
        ),
        report={"distance_km": "distance in km", "duration_minutes": "travel time in minutes"},
        why=("I am meeting someone there", "I do not want to be late", "I am planning my day"),
    ),
    "save_place": Intent(
        (
            "save {place} to my {list_name} list",
            "add {place} to the {list_name} list",
            "put {place} on my {list_name} list",
            "bookmark {place} under {list_name}",
        ),
        choices={"list_name": ("favorites", "want to go", "date night", "weekend trips")},
        why=("a friend recommended it", "I do not want to forget it", "I want to go back some day"),
        past="saved",
    ),
    "remove_saved_place": Intent(
        (
            "remove {place} from my saved places",
            "take {place} off my lists",
            "unsave {place}",
            "delete {place} from my saved places",
        ),
        why=("it closed down", "I did not like it", "I have been and do not need it on the list"),
        past="removed",
    ),
    "list_saved_places": Intent(
        (
            "show me my saved places",
            "list the places I have saved",
            "check what is on my saved lists",
            "pull up everything I bookmarked on the map",
        ),
        report={"saved.0.place_name": "first saved place", "saved.0.city": "its city"},
        why=("I am planning a trip", "I need ideas for dinner"),
    ),
}
