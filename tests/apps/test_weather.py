"""Weather app: deterministic conditions by city and date, forecast and history consistent, subscriptions."""

from __future__ import annotations

from tests.apps.app_calls import app_calls, assert_tables_alike, check_every_tool, seeded_twice
from toolgym_env.apps import load_apps
from toolgym_env.apps.core.weather import WORLD_CITIES
from toolgym_env.hub.dispatch import DirectRoute
from toolgym_env.universe import Universe
from toolgym_env.world import diff_world, make_cast

APP = "weather"
CITIES, SUBS, SAVED = "weather__cities", "weather__alert_subscriptions", "weather__saved_locations"


APPS = ["contacts", "bank", APP]


ok, err = app_calls(APP)


def test_cities_cover_travel_cities_and_the_cast(route, world):
    names = {c["name"] for c in world.select(CITIES)}
    cast = make_cast(0)
    assert {c[0] for c in WORLD_CITIES} <= names
    assert {p.city for p in (cast.user, *cast.people)} <= names
    for city in ("Tokyo", "tokyo", "Paris, FR", "LHR", cast.user.city, cast.people[5].city):
        assert ok(route, "get_current_weather", city=city)["city"]


def test_unknown_city_lists_known_ones(route):
    msg = err(route, "get_forecast", city="Atlantis")
    assert "Unknown city 'Atlantis'" in msg and "New York" in msg and "list_cities" in msg
    assert "Did you mean: London" in err(route, "get_current_weather", city="Londn")


def test_forecast_window_and_units(route):
    week = ok(route, "get_forecast", city="Chicago", days=7)
    assert [d["date"] for d in week["days"]] == [f"2026-03-0{i}" for i in range(2, 9)]
    assert all(d["low"] <= d["high"] for d in week["days"])
    one = ok(route, "get_forecast", city="Chicago", date="2026-03-05")
    assert one["days"] == [week["days"][3]]
    fahrenheit = ok(route, "get_forecast", city="Chicago", date="2026-03-05", units="fahrenheit")["days"][0]
    assert abs(fahrenheit["high"] - (one["days"][0]["high"] * 9 / 5 + 32)) < 0.2
    assert "in the past" in err(route, "get_forecast", city="Chicago", date="2026-03-01")
    assert "next 7 days" in err(route, "get_forecast", city="Chicago", date="2026-03-09")
    assert "less than or equal to 7" in err(route, "get_forecast", city="Chicago", days=8)


def test_forecast_becomes_history_and_current_matches_today(route, world):
    forecast = ok(route, "get_forecast", city="Berlin", date="2026-03-04")["days"][0]
    now = ok(route, "get_current_weather", city="Berlin")
    today = ok(route, "get_forecast", city="Berlin", days=1)["days"][0]
    assert (now["today_high"], now["today_low"], now["condition"]) == (
        today["high"],
        today["low"],
        today["condition"],
    )
    assert today["low"] <= now["temperature"] <= today["high"]
    world.clock.advance(3 * 86400)
    assert ok(route, "get_historical_weather", city="Berlin", date="2026-03-04")["day"] == forecast
    assert "not in the past" in err(route, "get_historical_weather", city="Berlin", date="2026-03-05")
    assert "366 days" in err(route, "get_historical_weather", city="Berlin", date="2024-01-01")


def test_weather_is_deterministic_per_seed(universe):
    a = DirectRoute(universe.catalog, universe.build_world(0))
    b = DirectRoute(universe.catalog, Universe(load_apps(["contacts", "bank", APP])).build_world(0))
    args = {"city": "Seattle", "days": 7}
    assert (
        a.call("weather__get_forecast", args).structured == b.call("weather__get_forecast", args).structured
    )
    other = DirectRoute(universe.catalog, universe.build_world(1))
    assert (
        other.call("weather__get_forecast", args).structured
        != a.call("weather__get_forecast", args).structured
    )


def test_alerts_follow_the_forecast(route, world):
    seen = 0
    for city in world.select(CITIES):
        out = ok(route, "get_weather_alerts", city=city["name"])
        days = {d["date"]: d for d in ok(route, "get_forecast", city=city["name"], days=3)["days"]}
        for alert in out["alerts"]:
            seen += 1
            day = days[alert["starts_at"][:10]]
            assert alert["severity"] in ("minor", "moderate", "severe")
            if "Thunderstorm" in alert["event"]:
                assert day["condition"] == "thunderstorm"
            if "Wind" in alert["event"]:
                assert day["wind_kph"] >= 38
    assert seen >= 1


def test_subscriptions(route, world):
    sub = ok(route, "subscribe_to_alerts", city="miami", channel="sms", min_severity="severe")
    assert sub["city"] == "Miami" and sub["created_at"] == "2026-03-02T09:00:00Z"
    again = ok(route, "subscribe_to_alerts", city="Miami", channel="sms", min_severity="minor")
    assert again["id"] == sub["id"] and again["min_severity"] == "minor"
    assert diff_world(world).summary() == {SUBS: {"insert": 1, "update": 0, "delete": 0}}
    assert ok(route, "list_alert_subscriptions", city="Miami")["total"] == 1
    assert ok(route, "unsubscribe_from_alerts", city="Miami")["removed"] == [sub["id"]]
    assert "no alert subscription for Miami" in err(route, "unsubscribe_from_alerts", city="Miami")
    assert len(diff_world(world)) == 0
    assert "Unknown city" in err(route, "subscribe_to_alerts", city="Gotham")


def test_saved_locations(route, world):
    loc = ok(route, "save_location", city="Rome", label="Spring trip")
    assert loc["city"] == "Rome" and world.get(SAVED, loc["id"])["label"] == "Spring trip"
    assert "already in your saved locations" in err(route, "save_location", city="rome")
    ok(route, "remove_saved_location", saved_location_id=loc["id"])
    assert len(diff_world(world)) == 0


def test_reads_leave_the_world_unchanged(route, world):
    ok(route, "list_cities", country="US")
    ok(route, "get_current_weather", city="Madrid", units="fahrenheit")
    ok(route, "get_forecast", city="Sydney")
    ok(route, "get_historical_weather", city="Sydney", date="2026-01-15")
    ok(route, "get_weather_alerts", city="Singapore")
    ok(route, "list_saved_locations")
    ok(route, "list_alert_subscriptions")
    assert len(diff_world(world)) == 0


def test_every_tool_output_matches_its_schema(universe, route, world):
    calls = {
        "list_cities": {},
        "get_current_weather": {"city": "Amsterdam"},
        "get_forecast": {"city": "Denver", "days": 5, "units": "fahrenheit"},
        "get_historical_weather": {"city": "Austin", "date": "2026-02-14"},
        "get_weather_alerts": {"city": "Chicago"},
        "subscribe_to_alerts": {"city": "Boston"},
        "unsubscribe_from_alerts": {"city": "Boston", "channel": "push"},
        "list_alert_subscriptions": {},
        "save_location": {"city": "Toronto"},
        "list_saved_locations": {},
        "remove_saved_location": {"saved_location_id": world.select(SAVED)[0]["id"]},
    }
    check_every_tool(ok, route, world, universe.catalog.apps[APP].tools, calls)


def test_seeding_is_deterministic():
    a, b = seeded_twice(["contacts", APP])
    assert_tables_alike(a, b, APP)
