"""Weather: current conditions, forecasts, history and alerts, computed from (world seed, city, date) and the
city's climate normals, so a forecast read today is the history read later. Cities (travel/maps cities and the
cast's home towns), saved locations and alert subscriptions are tables.
"""

from __future__ import annotations

import difflib
import math
import random
import re
from datetime import date as Date
from datetime import datetime, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit.dates import parse_day
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext, stable_hex, stable_seed

app = AppSpec(
    "weather",
    title="Weather",
    domain="weather",
    description="Current weather, 7-day forecasts, past weather and severe-weather alerts by city.",
)

#: Real cities shared by travel, maps and weather: (name, country, IATA, lat, lon, mean °C, seasonal swing °C,
#: share of wet days).
WORLD_CITIES: tuple[tuple[str, str, str, float, float, float, float, float], ...] = (
    ("New York", "US", "JFK", 40.7128, -74.0060, 12.9, 12.0, 0.30),
    ("San Francisco", "US", "SFO", 37.7749, -122.4194, 14.6, 3.5, 0.22),
    ("Los Angeles", "US", "LAX", 34.0522, -118.2437, 18.6, 4.5, 0.10),
    ("Chicago", "US", "ORD", 41.8781, -87.6298, 10.4, 14.0, 0.30),
    ("Boston", "US", "BOS", 42.3601, -71.0589, 10.9, 12.5, 0.32),
    ("Seattle", "US", "SEA", 47.6062, -122.3321, 11.5, 7.5, 0.45),
    ("Miami", "US", "MIA", 25.7617, -80.1918, 25.2, 3.5, 0.30),
    ("Denver", "US", "DEN", 39.7392, -104.9903, 10.4, 11.0, 0.18),
    ("Austin", "US", "AUS", 30.2672, -97.7431, 20.9, 8.5, 0.20),
    ("Toronto", "CA", "YYZ", 43.6532, -79.3832, 9.0, 14.0, 0.30),
    ("Mexico City", "MX", "MEX", 19.4326, -99.1332, 17.0, 3.0, 0.25),
    ("London", "GB", "LHR", 51.5074, -0.1278, 11.8, 6.5, 0.40),
    ("Paris", "FR", "CDG", 48.8566, 2.3522, 12.5, 7.5, 0.35),
    ("Berlin", "DE", "BER", 52.5200, 13.4050, 10.3, 9.5, 0.33),
    ("Amsterdam", "NL", "AMS", 52.3676, 4.9041, 10.5, 7.0, 0.42),
    ("Madrid", "ES", "MAD", 40.4168, -3.7038, 15.0, 10.0, 0.18),
    ("Rome", "IT", "FCO", 41.9028, 12.4964, 15.8, 8.5, 0.25),
    ("Tokyo", "JP", "HND", 35.6762, 139.6503, 15.8, 10.5, 0.33),
    ("Singapore", "SG", "SIN", 1.3521, 103.8198, 27.5, 1.0, 0.50),
    ("Sydney", "AU", "SYD", -33.8688, 151.2093, 18.0, 5.0, 0.30),
)

#: Standard UTC offsets (hours) in early March of the real cities; other cities use their longitude.
UTC_OFFSETS = {
    "New York": -5,
    "San Francisco": -8,
    "Los Angeles": -8,
    "Chicago": -6,
    "Boston": -5,
    "Seattle": -8,
    "Miami": -5,
    "Denver": -7,
    "Austin": -6,
    "Toronto": -5,
    "Mexico City": -6,
    "London": 0,
    "Paris": 1,
    "Berlin": 1,
    "Amsterdam": 1,
    "Madrid": 1,
    "Rome": 1,
    "Tokyo": 9,
    "Singapore": 8,
    "Sydney": 11,
}


def utc_offset(city: str, lon: float) -> int:
    """Hours to add to UTC for local time in a city."""
    return UTC_OFFSETS.get(city, round(lon / 15))


def local_now(ctx: ToolContext, city: dict) -> datetime:
    """The current virtual time on a city's local clock (as a naive-offset datetime)."""
    return ctx.world.clock.now() + timedelta(hours=utc_offset(city["name"], city["lon"]))


Units = Literal["celsius", "fahrenheit"]
Severity = Literal["minor", "moderate", "severe"]
Condition = Literal[
    "sunny", "partly cloudy", "cloudy", "fog", "showers", "rain", "heavy rain", "thunderstorm", "snow"
]
DateStr = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
_RANK = {"minor": 0, "moderate": 1, "severe": 2}


def slug(name: str) -> str:
    """``"New York"`` → ``"new_york"`` (ids of city-keyed records)."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


class City(BaseModel):
    id: str = Field(description="City id.")
    name: str = Field(description="City name.", max_length=100)
    country: str = Field(description="ISO country code, e.g. 'US'.", max_length=2)
    iata: str = Field("", description="Main airport code, empty when the city has no listed airport.")
    lat: float = Field(description="Latitude in degrees.", ge=-90, le=90)
    lon: float = Field(description="Longitude in degrees.", ge=-180, le=180)
    mean_temp_c: float = Field(description="Climate normal: yearly mean temperature in °C.")
    seasonal_swing_c: float = Field(
        description="Climate normal: summer/winter deviation from the mean in °C."
    )
    wet_day_share: float = Field(
        description="Climate normal: share of days with precipitation (0-1).", ge=0, le=1
    )


class SavedLocation(BaseModel):
    id: str = Field(description="Saved location id.")
    city: str = Field(description="City name.", max_length=100)
    label: str = Field("", description="Owner's label such as 'home' or 'mom'.", max_length=60)
    created_at: str = Field("", description="When it was saved (ISO-8601).")


class AlertSubscription(BaseModel):
    id: str = Field(description="Subscription id.")
    city: str = Field(description="City whose alerts are sent.", max_length=100)
    channel: Literal["email", "sms", "push"] = Field("push", description="How alerts are delivered.")
    min_severity: Severity = Field("moderate", description="Only alerts at least this severe are sent.")
    created_at: str = Field("", description="When the subscription started (ISO-8601).")


app.resource(
    City,
    name="city",
    plural="cities",
    id_prefix="city",
    filterable=("country",),
    ops=("list",),
    order_by="name",
)
app.resource(
    SavedLocation,
    name="saved_location",
    id_prefix="loc",
    ops=("list", "delete"),
    tool_names={"delete": "remove_saved_location"},
    order_by="city",
)
app.resource(
    AlertSubscription,
    name="alert_subscription",
    id_prefix="sub",
    filterable=("city", "channel"),
    ops=("list",),
    order_by="city",
)


class DayWeather(BaseModel):
    date: str = Field(description="The day (YYYY-MM-DD).")
    condition: Condition = Field(description="Dominant condition of the day.")
    high: float = Field(description="Highest temperature, in the requested units.")
    low: float = Field(description="Lowest temperature, in the requested units.")
    precipitation_chance_pct: int = Field(description="Chance of precipitation in percent.")
    precipitation_mm: float = Field(description="Expected (or, for past days, measured) precipitation in mm.")
    humidity_pct: int = Field(description="Mean relative humidity in percent.")
    wind_kph: float = Field(description="Mean wind speed in km/h.")


class Forecast(BaseModel):
    city: str = Field(description="City name.")
    country: str = Field(description="Country code.")
    units: Units = Field(description="Temperature units.")
    issued_at: str = Field(description="When the forecast was issued (ISO-8601).")
    days: list[DayWeather] = Field(description="One entry per day, earliest first.")


class History(BaseModel):
    city: str = Field(description="City name.")
    country: str = Field(description="Country code.")
    units: Units = Field(description="Temperature units.")
    day: DayWeather = Field(description="The weather observed that day.")


class CurrentWeather(BaseModel):
    city: str = Field(description="City name.")
    country: str = Field(description="Country code.")
    observed_at: str = Field(description="Observation time (ISO-8601).")
    units: Units = Field(description="Temperature units.")
    temperature: float = Field(description="Current temperature.")
    feels_like: float = Field(description="Apparent temperature.")
    condition: Condition = Field(description="Current condition.")
    humidity_pct: int = Field(description="Relative humidity in percent.")
    wind_kph: float = Field(description="Wind speed in km/h.")
    today_high: float = Field(description="Today's high.")
    today_low: float = Field(description="Today's low.")


class Alert(BaseModel):
    id: str = Field(description="Alert id.")
    event: str = Field(description="Kind of alert, e.g. 'Winter Storm Warning'.")
    severity: Severity = Field(description="How severe the alert is.")
    starts_at: str = Field(description="Start of the alert period (ISO-8601).")
    ends_at: str = Field(description="End of the alert period (ISO-8601).")
    headline: str = Field(description="One-line summary.")


class AlertList(BaseModel):
    city: str = Field(description="City name.")
    alerts: list[Alert] = Field(description="Active and upcoming alerts (next 3 days), most severe first.")


class Unsubscribed(BaseModel):
    removed: list[str] = Field(description="Ids of the subscriptions that were removed.")


def find_city(ctx: ToolContext, city: str) -> dict:
    """The city row for a name (or 'Name, CC', or airport code); a helpful ``ToolError`` otherwise."""
    key = city.split(",")[0].strip()
    rows = (
        ctx.select("city", "lower(name) = lower(?) OR (iata != '' AND upper(iata) = upper(?))", (key, key))
        if key
        else []
    )
    if rows:
        return rows[0]
    names = [r["name"] for r in ctx.select("city", order_by="name")]
    close = difflib.get_close_matches(key, names, n=3, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise ToolError(
        f"Unknown city '{city}'.{hint} Known cities include: {', '.join(c[0] for c in WORLD_CITIES[:8])}"
        f" (use list_cities for all {len(names)})."
    )


def _temp(c: float, units: str) -> float:
    return round(c * 9 / 5 + 32, 1) if units == "fahrenheit" else round(c, 1)


def day_weather(seed: int, city: dict, day: Date) -> dict:
    """The weather of one city on one day, in °C (deterministic in world seed, city and date)."""
    rng = random.Random(stable_seed("weather", seed, city["name"], day.isoformat()))
    season = math.cos(2 * math.pi * (day.timetuple().tm_yday - 200) / 365.25) * (
        1 if city["lat"] >= 0 else -1
    )
    mean = city["mean_temp_c"] + city["seasonal_swing_c"] * season + rng.gauss(0, 2.5)
    wet = rng.random() < city["wet_day_share"]
    spread = rng.uniform(3.0, 6.5) * (0.7 if wet else 1.0)
    high, low = mean + spread, mean - spread
    wind = rng.gammavariate(2.2, 6.0)
    if wet:
        precip = round(min(60.0, rng.expovariate(1 / 7) + 0.3), 1)
        chance, humidity = rng.randint(55, 95), rng.randint(70, 97)
        if high <= 1.5:
            cond = "snow"
        elif precip >= 16 and rng.random() < 0.6:
            cond, wind = "thunderstorm", wind + 12
        else:
            cond = "heavy rain" if precip >= 8 else "rain" if precip >= 3 else "showers"
    else:
        precip, chance, humidity = 0.0, rng.randint(0, 25), rng.randint(30, 75)
        cond = rng.choices(["sunny", "partly cloudy", "cloudy", "fog"], weights=[5, 4, 3, 1])[0]
    return {
        "date": day.isoformat(),
        "condition": cond,
        "high": high,
        "low": low,
        "precipitation_chance_pct": chance,
        "precipitation_mm": precip,
        "humidity_pct": humidity,
        "wind_kph": round(wind, 1),
    }


def _in_units(day: dict, units: str) -> dict:
    return {**day, "high": _temp(day["high"], units), "low": _temp(day["low"], units)}


def _alerts_for(day: dict) -> list[tuple[str, str, str]]:
    out, cond, mm = [], day["condition"], day["precipitation_mm"]
    if cond == "thunderstorm":
        out.append(
            ("Severe Thunderstorm Warning", "severe", "Damaging winds and hail possible.")
            if mm >= 25
            else ("Thunderstorm Watch", "moderate", "Thunderstorms with heavy downpours expected.")
        )
    elif mm >= 25:
        out.append(("Flood Watch", "moderate", f"Up to {mm:.0f} mm of rain may cause flooding."))
    if cond == "snow" and mm >= 4:
        out.append(
            ("Winter Storm Warning", "severe", f"Around {mm:.0f} mm of snow water; travel hazardous.")
            if mm >= 10
            else ("Winter Weather Advisory", "minor", "Snow may make roads slippery.")
        )
    if day["wind_kph"] >= 38:
        out.append(
            ("High Wind Warning", "severe", f"Winds near {day['wind_kph']:.0f} km/h.")
            if day["wind_kph"] >= 50
            else ("Wind Advisory", "minor", "Gusty winds expected.")
        )
    if day["high"] >= 33:
        out.append(
            ("Excessive Heat Warning", "severe", "Dangerous heat.")
            if day["high"] >= 36
            else ("Heat Advisory", "moderate", "Hot conditions; stay hydrated.")
        )
    if day["low"] <= -15:
        out.append(("Extreme Cold Warning", "severe", "Dangerously cold temperatures."))
    return out


@app.action(read_only=True)
def get_current_weather(ctx: ToolContext, city: str, units: Units = "celsius") -> CurrentWeather:
    """Get the weather right now in a city: temperature, feels-like, condition, humidity, wind and today's
    range.

    Args:
        city: City name (e.g. 'Paris' or 'Paris, FR') or airport code.
        units: Temperature units, 'celsius' or 'fahrenheit'.
    """
    row = find_city(ctx, city)
    now = local_now(ctx, row)
    day = day_weather(ctx.world.seed, row, now.date())
    hour = now.hour + now.minute / 60
    temp = day["low"] + (day["high"] - day["low"]) * (0.5 - 0.5 * math.cos(2 * math.pi * (hour - 5) / 24))
    feels = temp - day["wind_kph"] * 0.12 if temp < 10 else temp + (day["humidity_pct"] - 50) * 0.05
    return {
        "city": row["name"],
        "country": row["country"],
        "observed_at": ctx.now(),
        "units": units,
        "temperature": _temp(temp, units),
        "feels_like": _temp(feels, units),
        "condition": day["condition"],
        "humidity_pct": day["humidity_pct"],
        "wind_kph": day["wind_kph"],
        "today_high": _temp(day["high"], units),
        "today_low": _temp(day["low"], units),
    }


@app.action(read_only=True)
def get_forecast(
    ctx: ToolContext,
    city: str,
    days: Annotated[int, Field(ge=1, le=7)] = 3,
    date: DateStr | None = None,
    units: Units = "celsius",
) -> Forecast:
    """Get the daily forecast for a city: the next 1-7 days starting today, or one given day within that
    window.

    Args:
        city: City name (e.g. 'Tokyo') or airport code.
        days: How many days to return, starting today (1-7); ignored when date is given.
        date: A single day to forecast (YYYY-MM-DD), from today up to 6 days ahead.
        units: Temperature units, 'celsius' or 'fahrenheit'.
    """
    row = find_city(ctx, city)
    today = local_now(ctx, row).date()
    if date is not None:
        day = parse_day(date, "date")
        if day < today:
            raise ToolError(f"date: {date} is in the past; use get_historical_weather for past days.")
        if day > today + timedelta(days=6):
            raise ToolError(
                f"date: forecasts only cover the next 7 days ({today} to {today + timedelta(days=6)})."
            )
        wanted = [day]
    else:
        wanted = [today + timedelta(days=i) for i in range(days)]
    return {
        "city": row["name"],
        "country": row["country"],
        "units": units,
        "issued_at": ctx.now(),
        "days": [_in_units(day_weather(ctx.world.seed, row, d), units) for d in wanted],
    }


@app.action(read_only=True)
def get_historical_weather(ctx: ToolContext, city: str, date: DateStr, units: Units = "celsius") -> History:
    """Get the weather observed in a city on a past day (up to one year back).

    Args:
        city: City name or airport code.
        date: The past day (YYYY-MM-DD), before today.
        units: Temperature units, 'celsius' or 'fahrenheit'.
    """
    row = find_city(ctx, city)
    day, today = parse_day(date, "date"), local_now(ctx, row).date()
    if day >= today:
        raise ToolError(f"date: {date} is not in the past; use get_forecast or get_current_weather instead.")
    if day < today - timedelta(days=366):
        raise ToolError("date: history is only kept for the last 366 days.")
    return {
        "city": row["name"],
        "country": row["country"],
        "units": units,
        "day": _in_units(day_weather(ctx.world.seed, row, day), units),
    }


@app.action(read_only=True)
def get_weather_alerts(ctx: ToolContext, city: str) -> AlertList:
    """Get active and upcoming severe-weather alerts for a city over the next 3 days (empty when all is calm).

    Args:
        city: City name or airport code.
    """
    row = find_city(ctx, city)
    today, alerts = local_now(ctx, row).date(), []
    for i in range(3):
        day = day_weather(ctx.world.seed, row, today + timedelta(days=i))
        for event, severity, text in _alerts_for(day):
            alerts.append(
                {
                    "id": "alert_" + stable_hex(row["name"], day["date"], event),
                    "event": event,
                    "severity": severity,
                    "starts_at": f"{day['date']}T06:00:00Z",
                    "ends_at": f"{day['date']}T23:59:00Z",
                    "headline": f"{event} for {row['name']} on {day['date']}: {text}",
                }
            )
    alerts.sort(key=lambda a: (-_RANK[a["severity"]], a["starts_at"]))
    return {"city": row["name"], "alerts": alerts}


@app.action(idempotent=True)
def subscribe_to_alerts(
    ctx: ToolContext,
    city: str,
    channel: Literal["email", "sms", "push"] = "push",
    min_severity: Severity = "moderate",
) -> AlertSubscription:
    """Subscribe to severe-weather alerts for a city; subscribing again on the same channel updates the
    severity.

    Args:
        city: City name or airport code.
        channel: How alerts are delivered: 'email', 'sms' or 'push'.
        min_severity: Only alerts at least this severe are sent: 'minor', 'moderate' or 'severe'.
    """
    name = find_city(ctx, city)["name"]
    existing = ctx.select("alert_subscription", "city = ? AND channel = ?", (name, channel))
    if existing:
        return ctx.update("alert_subscription", existing[0]["id"], {"min_severity": min_severity})
    return ctx.insert(
        "alert_subscription",
        {"city": name, "channel": channel, "min_severity": min_severity, "created_at": ctx.now()},
    )


@app.action(destructive=True)
def unsubscribe_from_alerts(
    ctx: ToolContext, city: str, channel: Literal["email", "sms", "push"] | None = None
) -> Unsubscribed:
    """Stop weather alerts for a city, on one channel or (by default) on all channels.

    Args:
        city: City name or airport code.
        channel: Only remove the subscription on this channel.
    """
    name = find_city(ctx, city)["name"]
    rows = [
        r for r in ctx.select("alert_subscription", "city = ?", (name,)) if channel in (None, r["channel"])
    ]
    if not rows:
        raise ToolError(
            f"You have no alert subscription for {name}" + (f" on {channel}." if channel else ".")
        )
    for r in rows:
        ctx.delete("alert_subscription", r["id"])
    return {"removed": [r["id"] for r in rows]}


@app.action()
def save_location(ctx: ToolContext, city: str, label: str = "") -> SavedLocation:
    """Save a city to the owner's list of locations for quick weather checks.

    Args:
        city: City name or airport code.
        label: Optional label such as 'home' or 'parents'.
    """
    name = find_city(ctx, city)["name"]
    if ctx.select("saved_location", "city = ?", (name,)):
        raise ToolError(f"{name} is already in your saved locations.")
    return ctx.insert("saved_location", {"city": name, "label": label.strip()[:60], "created_at": ctx.now()})


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    for name, country, iata, lat, lon, mean, swing, wet in WORLD_CITIES:
        ctx.insert(
            "city",
            {
                "id": f"city_{slug(name)}",
                "name": name,
                "country": country,
                "iata": iata,
                "lat": lat,
                "lon": lon,
                "mean_temp_c": mean,
                "seasonal_swing_c": swing,
                "wet_day_share": wet,
            },
        )
    seen = {slug(c[0]) for c in WORLD_CITIES}
    for person in (s.user, *s.people):
        if slug(person.city) in seen:
            continue
        seen.add(slug(person.city))
        lat = round(s.rng.uniform(29.0, 47.5), 4)
        ctx.insert(
            "city",
            {
                "id": f"city_{slug(person.city)}",
                "name": person.city,
                "country": "US",
                "iata": "",
                "lat": lat,
                "lon": round(s.rng.uniform(-122.0, -72.0), 4),
                "mean_temp_c": round(24 - 0.55 * (lat - 29) + s.rng.uniform(-1.5, 1.5), 1),
                "seasonal_swing_c": round(5 + 0.45 * (lat - 29), 1),
                "wet_day_share": round(s.rng.uniform(0.15, 0.45), 2),
            },
        )
    others = s.rng.sample([c[0] for c in WORLD_CITIES[1:]], 2)
    for city, label in (
        (s.user.city, "home"),
        ("New York", "office"),
        (others[0], ""),
        (others[1], "vacation"),
    ):
        ctx.insert(
            "saved_location", {"city": city, "label": label, "created_at": s.at(days=-s.rng.randint(10, 300))}
        )
    for city, channel, sev in (
        (s.user.city, "push", "moderate"),
        (s.user.city, "email", "severe"),
        (others[1], "push", "severe"),
    ):
        ctx.insert(
            "alert_subscription",
            {
                "city": city,
                "channel": channel,
                "min_severity": sev,
                "created_at": s.at(days=-s.rng.randint(10, 300)),
            },
        )
