"""Maps app: place search by words/city/category/distance, details, geocoding, directions, saved places."""

from __future__ import annotations

from tests.apps.app_calls import app_calls, assert_tables_alike, check_every_tool, seeded_twice
from toolgym_env.apps.core.maps import haversine_km
from toolgym_env.apps.core.travel import make_hotels
from toolgym_env.apps.core.weather import WORLD_CITIES
from toolgym_env.world import diff_world

APP = "maps"
PLACES, SAVED = "maps__places", "maps__saved_places"


APPS = ["contacts", "bank", APP]


ok, err = app_calls(APP)


def place(world, city="Paris", category="restaurant"):
    return world.select(PLACES, "city = ? AND category = ?", (city, category), order_by="name")[0]


def test_places_cover_the_travel_cities_and_hotels(world):
    assert {p["city"] for p in world.select(PLACES)} == {c[0] for c in WORLD_CITIES}
    hotels = {(p["name"], p["city"]) for p in world.select(PLACES, "category = 'hotel'")}
    assert {(h["name"], h["city"]) for h in make_hotels(0)} == hotels
    for city in ("London", "Tokyo"):
        assert world.count(PLACES, "city = ? AND category = 'restaurant'", (city,)) >= 3


def test_search_by_city_category_and_words(route, world):
    out = ok(route, "search_places", city="paris", category="restaurant")
    assert out["total"] >= 3 and all(
        p["city"] == "Paris" and p["category"] == "restaurant" for p in out["places"]
    )
    ratings = [p["rating"] for p in out["places"]]
    assert ratings == sorted(ratings, reverse=True)
    assert all(p["distance_km"] is None for p in out["places"])
    cuisine = out["places"][0]["cuisine"]
    assert all(
        p["cuisine"] == cuisine or cuisine.lower() in p["name"].lower()
        for p in ok(route, "search_places", query=cuisine, city="Paris", category="restaurant")["places"]
    )
    assert ok(route, "search_places", query="museum", city="Rome")["total"] >= 1
    assert "at least one" in err(route, "search_places")
    assert "No places known in 'Gotham'" in err(route, "search_places", city="Gotham")


def test_search_near_a_place_within_radius(route, world):
    origin = place(world, "London", "hotel")
    out = ok(route, "search_places", near_place_id=origin["id"], radius_km=3, sort_by="distance", limit=50)
    dists = [p["distance_km"] for p in out["places"]]
    assert dists and dists == sorted(dists) and max(dists) <= 3
    assert origin["id"] not in {p["id"] for p in out["places"]}
    for p in out["places"]:
        assert p["distance_km"] == round(haversine_km(origin["lat"], origin["lon"], p["lat"], p["lon"]), 2)
    cafes = ok(route, "search_places", near_place_id=origin["id"], radius_km=10, category="cafe")
    assert all(p["category"] == "cafe" for p in cafes["places"])
    assert "needs near_place_id" in err(route, "search_places", city="London", sort_by="distance")


def test_open_now_uses_local_time_and_closed_days(route, world):
    # 09:00 UTC on Monday: 10:00 in Paris (museums closed on Mondays), 04:00 in New York.
    museum = place(world, "Paris", "museum")
    assert ok(route, "get_place_details", place_id=museum["id"])["open_now"] is False
    paris_cafe = place(world, "Paris", "cafe")
    assert ok(route, "get_place_details", place_id=paris_cafe["id"])["open_now"] is True
    ny_cafe = place(world, "New York", "cafe")
    assert ok(route, "get_place_details", place_id=ny_cafe["id"])["open_now"] is False
    opened = ok(route, "search_places", city="Paris", open_now=True, limit=50)["places"]
    assert opened and all(p["open_now"] for p in opened)


def test_place_details(route, world):
    saved = world.select(SAVED)[0]
    details = ok(route, "get_place_details", place_id=saved["place_id"])
    assert saved["list_name"] in details["saved_in"] and details["hours"].startswith("Daily")
    assert "No place with id 'pl_nope'" in err(route, "get_place_details", place_id="pl_nope")


def test_geocode_and_reverse_geocode(route, world):
    target = place(world, "Tokyo", "park")
    out = ok(route, "geocode", address=target["address"])
    assert out["matches"][0]["place_id"] == target["id"]
    assert (out["matches"][0]["lat"], out["matches"][0]["lon"]) == (target["lat"], target["lon"])
    city = ok(route, "geocode", address="Berlin")["matches"][0]
    assert city["place_id"] is None and (city["lat"], city["lon"]) == (52.52, 13.405)
    assert "Could not find" in err(route, "geocode", address="1 Nowhere Lane, Atlantis")
    back = ok(route, "reverse_geocode", lat=target["lat"], lon=target["lon"])
    assert back["matches"][0]["place_id"] == target["id"]
    assert "No known places" in err(route, "reverse_geocode", lat=0.0, lon=-30.0)


def test_directions_follow_distance_and_mode(route, world):
    a, b = place(world, "Paris", "museum"), place(world, "Paris", "park")
    crow = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
    walk = ok(route, "get_directions", from_place_id=a["id"], to_place_id=b["id"], mode="walking")
    drive = ok(route, "get_directions", from_place_id=a["id"], to_place_id=b["id"], mode="driving")
    assert walk["distance_km"] == round(crow * 1.25, 2) and drive["distance_km"] == round(crow * 1.35, 2)
    assert walk["duration_minutes"] > drive["duration_minutes"] >= 1
    assert walk["steps"][0].startswith(f"Start at {a['name']}") and walk["steps"][-1].startswith("Arrive at")
    london = place(world, "London", "park")
    assert "driving" in err(
        route, "get_directions", from_place_id=a["id"], to_place_id=london["id"], mode="walking"
    )
    assert ok(route, "get_directions", from_place_id=a["id"], to_place_id=london["id"])["distance_km"] > 300
    assert "No transit route" in err(
        route, "get_directions", from_place_id=a["id"], to_place_id=london["id"], mode="transit"
    )
    tokyo = place(world, "Tokyo", "park")
    assert "flight" in err(route, "get_directions", from_place_id=a["id"], to_place_id=tokyo["id"])
    assert "same place" in err(route, "get_directions", from_place_id=a["id"], to_place_id=a["id"])
    assert len(diff_world(world)) == 0


def test_save_and_remove_places(route, world):
    p = place(world, "Rome", "restaurant")
    saved = ok(route, "save_place", place_id=p["id"], list_name="Date Night", note="Ask for the terrace")
    assert saved["list_name"] == "date night" and saved["place_name"] == p["name"]
    again = ok(route, "save_place", place_id=p["id"], list_name="date night")
    assert again["id"] == saved["id"] and again["note"] == "Ask for the terrace"
    ok(route, "save_place", place_id=p["id"])
    assert diff_world(world).summary() == {SAVED: {"insert": 2, "update": 0, "delete": 0}}
    listed = ok(route, "list_saved_places", list_name="date night")
    assert [s["place_id"] for s in listed["saved"]] == [p["id"]] and "date night" in listed["lists"]
    assert ok(route, "remove_saved_place", place_id=p["id"], list_name="favorites")["removed"]
    assert ok(route, "get_place_details", place_id=p["id"])["saved_in"] == ["date night"]
    ok(route, "remove_saved_place", place_id=p["id"])
    assert "not saved" in err(route, "remove_saved_place", place_id=p["id"])
    assert len(diff_world(world)) == 0
    assert "No place" in err(route, "save_place", place_id="pl_nope")


def test_every_tool_output_matches_its_schema(universe, route, world):
    a, b = place(world, "Seattle", "cafe"), place(world, "Seattle", "museum")
    calls = {
        "search_places": {"near_place_id": a["id"], "radius_km": 5},
        "get_place_details": {"place_id": a["id"]},
        "geocode": {"address": "Madrid"},
        "reverse_geocode": {"lat": a["lat"], "lon": a["lon"]},
        "get_directions": {"from_place_id": a["id"], "to_place_id": b["id"], "mode": "transit"},
        "save_place": {"place_id": b["id"], "list_name": "want to go"},
        "list_saved_places": {},
        "remove_saved_place": {"place_id": b["id"]},
    }
    check_every_tool(ok, route, world, universe.catalog.apps[APP].tools, calls)


def test_seeding_is_deterministic():
    a, b = seeded_twice(["contacts", "bank", APP])
    assert_tables_alike(a, b, APP)
