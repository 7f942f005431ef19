"""How people ask for the weather actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "get_current_weather": Intent(
        (
            "check the weather in {city} right now",
            "tell me what it is like outside in {city}",
            "look up the current conditions in {city}",
            "find out how warm it is in {city} at the moment",
        ),
        pick={"city": "city.name"},
        report={"temperature": "current temperature", "condition": "current condition"},
        why=("I am about to head out", "I need to decide what to wear", "a friend there says it is freezing"),
    ),
    "get_forecast": Intent(
        (
            "get the forecast for {city} on {date}",
            "check what the weather will be in {city} on {date}",
            "look up the {date} forecast for {city}",
            "see whether it will rain in {city} on {date}",
        ),
        pick={"city": "city.name"},
        choices={"date": ("2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06")},
        report={
            "days.0.condition": "expected weather",
            "days.0.high": "forecast high",
            "days.0.precipitation_chance_pct": "chance of rain",
        },
        why=("I am planning an outdoor event", "I have a flight that day", "we want to go hiking"),
    ),
    "get_historical_weather": Intent(
        (
            "look up what the weather was in {city} on {date}",
            "check how the weather was in {city} on {date}",
            "find the past weather for {city} on {date}",
            "tell me whether it rained in {city} on {date}",
        ),
        pick={"city": "city.name"},
        choices={"date": ("2026-02-10", "2026-02-21", "2026-02-28", "2026-03-01")},
        report={
            "day.condition": "weather that day",
            "day.high": "high that day",
            "day.precipitation_mm": "rainfall",
        },
        why=(
            "I am filing an insurance claim",
            "I want to know why my flight was delayed",
            "I am settling a bet",
        ),
    ),
    "get_weather_alerts": Intent(
        (
            "check for weather alerts in {city}",
            "see whether any storm warnings are out for {city}",
            "look up severe-weather alerts for {city}",
            "find out if {city} has any weather warnings coming",
        ),
        pick={"city": "city.name"},
        report={"alerts.0.event": "most severe alert", "alerts.0.severity": "its severity"},
        why=("my parents live there", "I am driving through tomorrow", "I have a flight out of there"),
    ),
    "save_location": Intent(
        (
            "save {city} to my weather locations",
            "add {city} to my saved places in the weather app",
            "keep {city} in my weather list",
            "bookmark {city} for quick weather checks",
        ),
        pick={"city": "city.name"},
        why=("I check it every day", "my sister just moved there", "I travel there a lot"),
        past="saved",
    ),
    "subscribe_to_alerts": Intent(
        (
            "sign me up for weather alerts for {city} by {channel}",
            "send me {channel} alerts about storms in {city}",
            "subscribe to severe-weather warnings for {city} over {channel}",
            "turn on {channel} weather alerts for {city}",
        ),
        pick={"city": "city.name"},
        why=("storm season is starting", "I want warning before I travel there", "my family lives there"),
        past="subscribed",
    ),
    "unsubscribe_from_alerts": Intent(
        (
            "stop the weather alerts for {city}",
            "unsubscribe me from alerts about {city}",
            "turn off weather warnings for {city}",
            "cancel my alert subscription for {city}",
        ),
        pick={"city": "alert_subscription.city"},
        why=("I moved away", "the notifications are too noisy", "I no longer travel there"),
        past="unsubscribed",
    ),
}
