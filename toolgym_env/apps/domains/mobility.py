"""Ride hailing and car rental: vehicles, drivers, rides and rentals (five products)."""

from __future__ import annotations

from datetime import date as _date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days, valid_day
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("ride hailing and car rental")

DATE = r"^\d{4}-\d{2}-\d{2}$"
VehicleClass = Literal["economy", "comfort", "suv", "van", "electric"]
RideType = Literal["standard", "comfort", "xl", "green"]
RideStatus = Literal["requested", "accepted", "in_progress", "completed", "cancelled"]
Extra = Literal["child_seat", "gps", "extra_driver", "full_insurance", "roof_rack"]
_EXTRA_DAILY = {"child_seat": 8.0, "gps": 6.0, "extra_driver": 12.0, "full_insurance": 21.0, "roof_rack": 9.0}
_RATES = {"standard": (2.5, 1.2), "comfort": (3.5, 1.6), "xl": (4.0, 2.0), "green": (2.8, 1.35)}
_CITIES = ("Seattle", "Chicago", "Boston")


class Vehicle(BaseModel):
    id: str = Field(description="Vehicle id.")
    make: str = Field(description="Manufacturer.", min_length=1, max_length=40)
    model: str = Field(description="Model name.", min_length=1, max_length=40)
    plate: str = Field(description="License plate.", pattern=r"^[A-Z0-9]{2,4}-?[A-Z0-9]{3,4}$")
    vehicle_class: VehicleClass = Field("economy", description="Vehicle class.")
    fleet: Literal["rideshare", "rental"] = Field("rental", description="Whether it serves rides or rentals.")
    seats: int = Field(5, description="Passenger seats.", ge=2, le=9)
    city: Literal["Seattle", "Chicago", "Boston"] = Field("Seattle", description="Home city.")
    daily_rate: float = Field(0, description="Rental price per day in USD (rental fleet).", ge=0, le=2000)
    status: Literal["available", "in_use", "maintenance"] = Field(
        "available", description="Operational state."
    )
    odometer_km: int = Field(0, description="Odometer reading in km.")


class Driver(BaseModel):
    id: str = Field(description="Driver id.")
    name: str = Field(description="Driver full name.", min_length=1, max_length=120)
    email: str = Field(description="Driver email.", max_length=200)
    phone: str = Field("", description="Phone number.", max_length=40)
    city: Literal["Seattle", "Chicago", "Boston"] = Field("Seattle", description="City the driver works in.")
    license_expires: str = Field(description="Driving license expiry (YYYY-MM-DD).", pattern=DATE)
    vehicle_id: str = Field("", description="Rideshare vehicle the driver uses; empty when none.")
    status: Literal["offline", "online", "on_trip"] = Field("offline", description="Availability.")
    rating: float = Field(5.0, description="Average rider rating (1-5).")
    ratings_count: int = Field(0, description="Number of ratings.")


class Place(BaseModel):
    address: str = Field(description="Street address or landmark.", min_length=2, max_length=200)
    city: Literal["Seattle", "Chicago", "Boston"] = Field("Seattle", description="City.")


class Ride(BaseModel):
    id: str = Field(description="Ride id.")
    rider_email: str = Field(description="Email of the rider.")
    driver_id: str = Field("", description="Driver; empty until accepted.")
    pickup: Place = Field(description="Pickup place.")
    dropoff: Place = Field(description="Drop-off place.")
    ride_type: RideType = Field("standard", description="Ride product.")
    distance_km: float = Field(description="Route distance in km.")
    fare: float = Field(0, description="Fare in USD.")
    status: RideStatus = Field("requested", description="Ride state.")
    requested_at: str = Field("", description="When the ride was requested (ISO-8601).")
    completed_at: str = Field("", description="When the ride ended (ISO-8601).")
    rating: int = Field(0, description="Rider rating 1-5; 0 when not rated.")


class Rental(BaseModel):
    id: str = Field(description="Rental id.")
    vehicle_id: str = Field(description="Rented vehicle.")
    renter_email: str = Field(description="Email of the renter.")
    start_date: str = Field(description="Pick-up day (YYYY-MM-DD).")
    end_date: str = Field(description="Planned return day (YYYY-MM-DD).")
    extras: list[Extra] = Field(default_factory=list, description="Add-ons booked.")
    daily_rate: float = Field(0, description="Vehicle rate per day at booking (USD).")
    total: float = Field(0, description="Price of the rental including extras (USD).")
    status: Literal["reserved", "active", "returned", "cancelled"] = Field(
        "reserved", description="Rental state."
    )
    odometer_out: int = Field(0, description="Odometer at pick-up (km).")
    odometer_in: int = Field(0, description="Odometer at return (km).")
    notes: str = Field("", description="Notes for the counter staff.", max_length=500)


bp.resource(
    Vehicle,
    name="vehicle",
    id_prefix="veh",
    searchable=("make", "model", "plate"),
    filterable=("vehicle_class", "fleet", "city", "status"),
    readonly=("status", "odometer_km"),
    order_by="make, model",
)
bp.resource(
    Driver,
    name="driver",
    id_prefix="drv",
    searchable=("name", "email"),
    filterable=("city", "status"),
    readonly=("vehicle_id", "status", "rating", "ratings_count"),
    order_by="name",
)
bp.resource(
    Ride,
    name="ride",
    id_prefix="ride",
    filterable=("status", "driver_id", "rider_email", "ride_type"),
    ops=("list", "get"),
    order_by="requested_at DESC",
)
bp.resource(
    Rental,
    name="rental",
    id_prefix="rnt",
    filterable=("vehicle_id", "status", "renter_email"),
    readonly=(
        "vehicle_id",
        "renter_email",
        "start_date",
        "end_date",
        "extras",
        "daily_rate",
        "total",
        "status",
        "odometer_out",
        "odometer_in",
    ),
    ops=("list", "get", "update"),
    order_by="start_date",
)


class FareEstimate(BaseModel):
    ride_type: RideType = Field(description="Ride product.")
    distance_km: float = Field(description="Route distance in km.")
    fare: float = Field(description="Estimated fare in USD.")
    drivers_online: int = Field(description="Drivers online right now in that city.")


class VehicleList(BaseModel):
    vehicles: list[Vehicle] = Field(description="The vehicles.")


def _fare(ride_type: str, km: float) -> float:
    base, per_km = _RATES[ride_type]
    return round(max(base + per_km * km, 6.0), 2)


def _overlaps(ctx: ToolContext, vehicle_id: str, start: str, end: str, skip: str = "") -> list[dict]:
    return [
        r
        for r in ctx.select("rental", "vehicle_id = ? AND status IN ('reserved','active')", (vehicle_id,))
        if r["id"] != skip and r["start_date"] <= end and start <= r["end_date"]
    ]


@bp.action(read_only=True)
def get_fare_estimate(
    ctx: ToolContext,
    distance_km: Annotated[float, Field(gt=0, le=300)],
    ride_type: RideType = "standard",
    city: Literal["Seattle", "Chicago", "Boston"] = "Seattle",
) -> FareEstimate:
    """Estimate an {app} ride fare for a distance and ride type, with how many drivers are online in the city.

    Args:
        distance_km: Route distance in km.
        ride_type: Ride product.
        city: City of the ride.
    """
    online = ctx.world.count(ctx.table("driver"), "status = 'online' AND city = ?", (city,))
    return {
        "ride_type": ride_type,
        "distance_km": distance_km,
        "fare": _fare(ride_type, distance_km),
        "drivers_online": online,
    }


@bp.action()
def request_ride(
    ctx: ToolContext,
    pickup: Place,
    dropoff: Place,
    distance_km: Annotated[float, Field(gt=0, le=300)],
    ride_type: RideType = "standard",
) -> Ride:
    """Request an {app} ride for the current user between two places in the same city; one open ride at a
    time.

    Args:
        pickup: Where to be picked up.
        dropoff: Where to go.
        distance_km: Route distance in km.
        ride_type: Ride product.
    """
    if pickup.get("city", "Seattle") != dropoff.get("city", "Seattle"):
        raise ToolError("dropoff: rides must start and end in the same city.")
    mine = ctx.select(
        "ride", "rider_email = ? AND status IN ('requested','accepted','in_progress')", (ctx.user.email,)
    )
    if mine:
        raise ToolError(
            f"You already have open ride {mine[0]['id']} ({mine[0]['status']}); finish or cancel it first."
        )
    return ctx.insert(
        "ride",
        {
            "rider_email": ctx.user.email,
            "pickup": {"city": "Seattle", **pickup},
            "dropoff": {"city": "Seattle", **dropoff},
            "ride_type": ride_type,
            "distance_km": round(distance_km, 1),
            "fare": _fare(ride_type, distance_km),
            "requested_at": ctx.now(),
        },
    )


@bp.action()
def accept_ride(ctx: ToolContext, ride_id: str, driver_id: str | None = None) -> Ride:
    """Dispatch a requested {app} ride to an online driver of the ride's city (best-rated when none is named).

    Args:
        ride_id: The requested ride.
        driver_id: The driver to dispatch; omit to pick the best-rated online driver.
    """
    ride = ctx.require("ride", ride_id)
    if ride["status"] != "requested":
        raise ToolError(f"Ride {ride_id} is '{ride['status']}'; only requested rides can be accepted.")
    city = ride["pickup"]["city"]
    if driver_id is None:
        online = ctx.select(
            "driver",
            "status = 'online' AND city = ? AND vehicle_id != ''",
            (city,),
            order_by="rating DESC, name",
        )
        if not online:
            raise ToolError(f"No driver is online in {city}.")
        driver = online[0]
    else:
        driver = ctx.require("driver", driver_id)
        if driver["status"] != "online":
            raise ToolError(f"Driver {driver['name']} is {driver['status']}, not online.")
        if driver["city"] != city:
            raise ToolError(f"Driver {driver['name']} works in {driver['city']}, the ride is in {city}.")
    ctx.update("driver", driver["id"], {"status": "on_trip"})
    return ctx.update("ride", ride_id, {"status": "accepted", "driver_id": driver["id"]})


@bp.action()
def start_ride(ctx: ToolContext, ride_id: str) -> Ride:
    """Start an accepted {app} ride once the rider is on board.

    Args:
        ride_id: The accepted ride.
    """
    ride = ctx.require("ride", ride_id)
    if ride["status"] != "accepted":
        raise ToolError(f"Ride {ride_id} is '{ride['status']}'; only accepted rides can start.")
    return ctx.update("ride", ride_id, {"status": "in_progress"})


@bp.action()
def complete_ride(ctx: ToolContext, ride_id: str) -> Ride:
    """Finish an in-progress {app} ride: the driver goes back online and the car's odometer advances.

    Args:
        ride_id: The ride in progress.
    """
    ride = ctx.require("ride", ride_id)
    if ride["status"] != "in_progress":
        raise ToolError(f"Ride {ride_id} is '{ride['status']}'; only rides in progress can be completed.")
    d = ctx.get("driver", ride["driver_id"])
    if d is not None:
        ctx.update("driver", d["id"], {"status": "online"})
        v = ctx.get("vehicle", d["vehicle_id"]) if d["vehicle_id"] else None
        if v is not None:
            ctx.update("vehicle", v["id"], {"odometer_km": v["odometer_km"] + round(ride["distance_km"])})
    return ctx.update("ride", ride_id, {"status": "completed", "completed_at": ctx.now()})


@bp.action(destructive=True)
def cancel_ride(ctx: ToolContext, ride_id: str) -> Ride:
    """Cancel an {app} ride before it starts; after a driver accepted, a 5 USD cancellation fee is charged.

    Args:
        ride_id: The ride to cancel.
    """
    ride = ctx.require("ride", ride_id)
    if ride["status"] not in ("requested", "accepted"):
        raise ToolError(f"Ride {ride_id} is '{ride['status']}' and can no longer be cancelled.")
    fee = 0.0
    if ride["status"] == "accepted":
        fee = 5.0
        d = ctx.get("driver", ride["driver_id"])
        if d is not None and d["status"] == "on_trip":
            ctx.update("driver", d["id"], {"status": "online"})
    return ctx.update("ride", ride_id, {"status": "cancelled", "fare": fee})


@bp.action()
def rate_ride(ctx: ToolContext, ride_id: str, stars: Annotated[int, Field(ge=1, le=5)]) -> Ride:
    """Rate the driver of a completed {app} ride from 1 to 5 stars; each ride can be rated once.

    Args:
        ride_id: The completed ride.
        stars: Rating from 1 to 5.
    """
    ride = ctx.require("ride", ride_id)
    if ride["status"] != "completed":
        raise ToolError(f"Ride {ride_id} is '{ride['status']}'; only completed rides can be rated.")
    if ride["rating"]:
        raise ToolError(f"Ride {ride_id} was already rated {ride['rating']} stars.")
    d = ctx.get("driver", ride["driver_id"])
    if d is not None:
        n = d["ratings_count"] + 1
        ctx.update(
            "driver", d["id"], {"ratings_count": n, "rating": round((d["rating"] * (n - 1) + stars) / n, 2)}
        )
    return ctx.update("ride", ride_id, {"rating": stars})


@bp.action(idempotent=True)
def set_driver_online(ctx: ToolContext, driver_id: str, online: bool) -> Driver:
    """Put an {app} driver online or offline; going online needs a vehicle and a valid license.

    Args:
        driver_id: The driver.
        online: True to take rides, false to stop.
    """
    d = ctx.require("driver", driver_id)
    if d["status"] == "on_trip":
        raise ToolError(f"Driver {d['name']} is on a trip; complete it first.")
    target = "online" if online else "offline"
    if d["status"] == target:
        return d
    if online:
        if not d["vehicle_id"]:
            raise ToolError(f"Driver {d['name']} has no vehicle assigned.")
        if d["license_expires"] < ctx.today():
            raise ToolError(f"Driver {d['name']}'s license expired on {d['license_expires']}.")
    return ctx.update("driver", driver_id, {"status": target})


@bp.action()
def assign_vehicle(ctx: ToolContext, driver_id: str, vehicle_id: str | None = None) -> Driver:
    """Assign an available {app} rideshare vehicle of the same city to an offline driver.

    Args:
        driver_id: The driver.
        vehicle_id: The rideshare vehicle; omit to take the first free one in the driver's city.
    """
    d = ctx.require("driver", driver_id)
    if d["status"] != "offline":
        raise ToolError(f"Driver {d['name']} must be offline to change vehicles.")
    if vehicle_id is None:
        taken = {x["vehicle_id"] for x in ctx.select("driver", "vehicle_id != ''")}
        free = [
            x
            for x in ctx.select(
                "vehicle",
                "fleet = 'rideshare' AND status = 'available' AND city = ?",
                (d["city"],),
                order_by="plate",
            )
            if x["id"] not in taken
        ]
        if not free:
            raise ToolError(f"No free rideshare vehicle in {d['city']}.")
        vehicle_id = free[0]["id"]
    v = ctx.require("vehicle", vehicle_id)
    if v["fleet"] != "rideshare":
        raise ToolError(f"Vehicle {v['plate']} belongs to the rental fleet.")
    if v["status"] != "available":
        raise ToolError(f"Vehicle {v['plate']} is {v['status']}.")
    if v["city"] != d["city"]:
        raise ToolError(f"Vehicle {v['plate']} is in {v['city']}, driver {d['name']} works in {d['city']}.")
    other = ctx.select("driver", "vehicle_id = ? AND id != ?", (vehicle_id, driver_id))
    if other:
        raise ToolError(f"Vehicle {v['plate']} is already assigned to {other[0]['name']}.")
    return ctx.update("driver", driver_id, {"vehicle_id": vehicle_id})


@bp.action(read_only=True)
def find_rental_vehicles(
    ctx: ToolContext,
    city: Literal["Seattle", "Chicago", "Boston"] | None = None,
    vehicle_class: VehicleClass | None = None,
    start_date: Annotated[str | None, Field(pattern=DATE)] = None,
    days: Annotated[int, Field(ge=1, le=30)] = 1,
) -> VehicleList:
    """List {app} rental cars free for a period, cheapest daily rate first, optionally by city and class.

    Args:
        city: Only cars in this city.
        vehicle_class: Only this class.
        start_date: Pick-up day (YYYY-MM-DD); defaults to today.
        days: Rental length in days.
    """
    start = valid_day(start_date, ctx.today(), "start_date")
    end = plus_days(start, days - 1)
    out = []
    for v in ctx.select(
        "vehicle", "fleet = 'rental' AND status != 'maintenance'", order_by="daily_rate, plate"
    ):
        if (city and v["city"] != city) or (vehicle_class and v["vehicle_class"] != vehicle_class):
            continue
        if not _overlaps(ctx, v["id"], start, end):
            out.append(v)
    return {"vehicles": out}


@bp.action()
def reserve_rental(
    ctx: ToolContext,
    vehicle_id: str,
    days: Annotated[int, Field(ge=1, le=30)] = 1,
    start_date: Annotated[str | None, Field(pattern=DATE)] = None,
    extras: Annotated[list[Extra], Field(max_length=5)] = [],  # noqa: B006
) -> Rental:
    """Reserve an {app} rental car for the current user; refused when it is in maintenance or already booked.

    Args:
        vehicle_id: The rental car.
        days: Rental length in days.
        start_date: Pick-up day (YYYY-MM-DD); defaults to today.
        extras: Add-ons, charged per day.
    """
    v = ctx.require("vehicle", vehicle_id)
    if v["fleet"] != "rental":
        raise ToolError(f"Vehicle {v['plate']} is a rideshare car and cannot be rented.")
    if v["status"] == "maintenance":
        raise ToolError(f"Vehicle {v['plate']} is in maintenance.")
    start = valid_day(start_date, ctx.today(), "start_date")
    if start < ctx.today():
        raise ToolError(f"start_date: {start} is in the past.")
    end = plus_days(start, days - 1)
    clash = _overlaps(ctx, vehicle_id, start, end)
    if clash:
        raise ToolError(f"Vehicle {v['plate']} is booked {clash[0]['start_date']} to {clash[0]['end_date']}.")
    ex = sorted(set(extras))
    total = round(days * (v["daily_rate"] + sum(_EXTRA_DAILY[e] for e in ex)), 2)
    return ctx.insert(
        "rental",
        {
            "vehicle_id": vehicle_id,
            "renter_email": ctx.user.email,
            "start_date": start,
            "end_date": end,
            "extras": ex,
            "daily_rate": v["daily_rate"],
            "total": total,
        },
    )


@bp.action()
def start_rental(ctx: ToolContext, rental_id: str) -> Rental:
    """Hand over the car of a reserved {app} rental whose pick-up day has come; records the odometer.

    Args:
        rental_id: The reserved rental.
    """
    r = ctx.require("rental", rental_id)
    if r["status"] != "reserved":
        raise ToolError(f"Rental {rental_id} is '{r['status']}'; only reserved rentals can start.")
    if r["start_date"] > ctx.today():
        raise ToolError(f"Rental {rental_id} starts on {r['start_date']}; it cannot be picked up earlier.")
    v = ctx.require("vehicle", r["vehicle_id"])
    if v["status"] != "available":
        raise ToolError(f"Vehicle {v['plate']} is {v['status']}.")
    ctx.update("vehicle", v["id"], {"status": "in_use"})
    return ctx.update("rental", rental_id, {"status": "active", "odometer_out": v["odometer_km"]})


@bp.action()
def return_rental(
    ctx: ToolContext, rental_id: str, km_driven: Annotated[int, Field(ge=0, le=20000)] = 0
) -> Rental:
    """Check in the car of an active {app} rental; late returns are charged extra days at the booked rate.

    Args:
        rental_id: The active rental.
        km_driven: Kilometres driven during the rental.
    """
    r = ctx.require("rental", rental_id)
    if r["status"] != "active":
        raise ToolError(f"Rental {rental_id} is '{r['status']}'; only active rentals can be returned.")
    v = ctx.require("vehicle", r["vehicle_id"])
    late = max((_date.fromisoformat(ctx.today()) - _date.fromisoformat(r["end_date"])).days, 0)
    per_day = r["daily_rate"] + sum(_EXTRA_DAILY[e] for e in r["extras"])
    ctx.update("vehicle", v["id"], {"status": "available", "odometer_km": v["odometer_km"] + km_driven})
    return ctx.update(
        "rental",
        rental_id,
        {
            "status": "returned",
            "odometer_in": r["odometer_out"] + km_driven,
            "total": round(r["total"] + late * per_day, 2),
        },
    )


@bp.action(destructive=True)
def cancel_rental(ctx: ToolContext, rental_id: str) -> Rental:
    """Cancel a reserved {app} rental before pick-up; active or finished rentals cannot be cancelled.

    Args:
        rental_id: The reserved rental.
    """
    r = ctx.require("rental", rental_id)
    if r["status"] != "reserved":
        raise ToolError(f"Rental {rental_id} is '{r['status']}' and cannot be cancelled.")
    return ctx.update("rental", rental_id, {"status": "cancelled", "total": 0.0})


@bp.action(idempotent=True)
def set_vehicle_maintenance(ctx: ToolContext, vehicle_id: str, in_maintenance: bool) -> Vehicle:
    """Send an {app} vehicle to maintenance or back into service; a car in use cannot go to the shop.

    Args:
        vehicle_id: The vehicle.
        in_maintenance: True to take it out of service, false to return it to service.
    """
    v = ctx.require("vehicle", vehicle_id)
    target = "maintenance" if in_maintenance else "available"
    if v["status"] == target:
        return v
    if v["status"] == "in_use":
        raise ToolError(f"Vehicle {v['plate']} is in use; return it first.")
    if in_maintenance:
        busy = [d for d in ctx.select("driver", "vehicle_id = ? AND status != 'offline'", (vehicle_id,))]
        if busy:
            raise ToolError(f"Driver {busy[0]['name']} is {busy[0]['status']} with vehicle {v['plate']}.")
    return ctx.update("vehicle", vehicle_id, {"status": target})


_CARS = (
    ("Toyota", "Corolla", "economy", 5),
    ("Honda", "Civic", "economy", 5),
    ("Tesla", "Model 3", "electric", 5),
    ("BMW", "3 Series", "comfort", 5),
    ("Ford", "Explorer", "suv", 7),
    ("Chrysler", "Pacifica", "van", 8),
    ("Hyundai", "Ioniq 5", "electric", 5),
    ("Subaru", "Outback", "suv", 5),
    ("Kia", "Niro", "electric", 5),
    ("Mazda", "CX-5", "suv", 5),
)
_RATE = {"economy": 42.0, "comfort": 68.0, "suv": 79.0, "van": 95.0, "electric": 61.0}
_STREETS = (
    "Pine St",
    "Main St",
    "Union Station",
    "Airport Terminal B",
    "Harbor Ave",
    "5th Ave",
    "Museum Plaza",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    vehicles = []
    for n in range(24):
        make, model, cls, seats = _CARS[n % len(_CARS)]
        fleet = "rental" if n < 12 else "rideshare"
        vehicles.append(
            ctx.insert(
                "vehicle",
                {
                    "make": make,
                    "model": model,
                    "plate": f"{s.fake.bothify('??#').upper()}-{s.fake.numerify('###')}",
                    "vehicle_class": cls,
                    "fleet": fleet,
                    "seats": seats,
                    "city": _CITIES[n % 3],
                    "daily_rate": _RATE[cls] if fleet == "rental" else 0.0,
                    "status": "maintenance" if n in (10, 17) else "available",
                    "odometer_km": rng.randint(3000, 90000),
                },
            )
        )
    ride_cars = [v for v in vehicles if v["fleet"] == "rideshare" and v["status"] == "available"]
    drivers = []
    for k, p in enumerate(s.people[:14]):
        car = ride_cars[-(k + 1)] if k < 8 else None
        status = (
            ("online", "on_trip", "on_trip", "online", "on_trip", "on_trip", "offline", "on_trip")[k]
            if car
            else "offline"
        )
        drivers.append(
            ctx.insert(
                "driver",
                {
                    "name": p.name,
                    "email": p.email,
                    "phone": p.phone,
                    "city": car["city"] if car else _CITIES[k % 3],
                    "license_expires": s.date(rng.randint(60, 900)) if k != 12 else s.date(-15),
                    "vehicle_id": car["id"] if car else "",
                    "status": status,
                    "rating": round(rng.uniform(4.3, 5.0), 2),
                    "ratings_count": rng.randint(20, 800),
                },
            )
        )
    on_trip = [d for d in drivers if d["status"] == "on_trip"]
    riders = [p.email for p in s.people[14:34]]
    first = (
        "requested",
        "accepted",
        "in_progress",
        "requested",
        "accepted",
        "in_progress",
        "requested",
        "completed",
        "requested",
        "in_progress",
        "completed",
        "accepted",
    )
    online_cities = [d["city"] for d in drivers if d["status"] == "online"]
    for k in range(36):
        status = (
            first[k] if k < len(first) else rng.choice(("completed", "completed", "completed", "cancelled"))
        )
        city = online_cities[k % len(online_cities)] if k < len(first) else _CITIES[k % 3]
        driver = ""
        if status in ("accepted", "in_progress"):
            if on_trip:
                driver = on_trip.pop()["id"]
                city = next(d["city"] for d in drivers if d["id"] == driver)
            else:
                status = "requested"
        elif status == "completed":
            driver = rng.choice([d for d in drivers if d["vehicle_id"]])["id"]
            city = next(d["city"] for d in drivers if d["id"] == driver)
        km = round(rng.uniform(1.5, 28), 1)
        rtype = rng.choice(("standard", "standard", "comfort", "xl", "green"))
        ctx.insert(
            "ride",
            {
                "rider_email": riders[k % len(riders)],
                "driver_id": driver,
                "pickup": {"address": rng.choice(_STREETS), "city": city},
                "dropoff": {"address": rng.choice(_STREETS), "city": city},
                "ride_type": rtype,
                "distance_km": km,
                "fare": 0.0 if status == "cancelled" else _fare(rtype, km),
                "status": status,
                "requested_at": s.at(days=-12 + k / 3),
                "completed_at": s.at(days=-12 + k / 3, minutes=25) if status == "completed" else "",
                "rating": rng.randint(4, 5) if status == "completed" and k >= 12 else 0,
            },
        )
    rental_cars = [v for v in vehicles if v["fleet"] == "rental" and v["status"] == "available"]
    plan = (
        ("reserved", 0),
        ("active", -2),
        ("reserved", 3),
        ("returned", -10),
        ("reserved", 0),
        ("active", -1),
        ("cancelled", 5),
        ("reserved", 7),
        ("returned", -20),
        ("active", -3),
        ("reserved", 0),
        ("returned", -6),
    )
    for k in range(18):
        status, start = plan[k] if k < len(plan) else (rng.choice(("returned", "reserved")), 0)
        if k >= len(plan):
            start = -rng.randint(25, 60) if status == "returned" else rng.randint(12, 40)
        v = rental_cars[k % len(rental_cars)]
        days = rng.randint(2, 6)
        ex = sorted(rng.sample(list(_EXTRA_DAILY), k=rng.randint(0, 2)))
        total = round(days * (v["daily_rate"] + sum(_EXTRA_DAILY[e] for e in ex)), 2)
        out = v["odometer_km"] - (rng.randint(300, 900) if status == "returned" else 0)
        ctx.insert(
            "rental",
            {
                "vehicle_id": v["id"],
                "renter_email": s.people[20 + k % 20].email if k % 5 else s.user.email,
                "start_date": s.date(start),
                "end_date": s.date(start + days - 1),
                "extras": ex,
                "daily_rate": v["daily_rate"],
                "total": 0.0 if status == "cancelled" else total,
                "status": status,
                "odometer_out": out if status in ("active", "returned") else 0,
                "odometer_in": v["odometer_km"] if status == "returned" else 0,
            },
        )
        if status == "active":
            ctx.update("vehicle", v["id"], {"status": "in_use"})


bp.product("zipwheel", "Zipwheel", "Rides on demand and car rentals in one app.")
bp.product(
    "curbcraft",
    "CurbCraft",
    "Fleet and dispatch console for ride-hailing operators.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("delete_driver", "search_vehicles"),
)
bp.product(
    "roamly",
    "Roamly",
    "Car rental desk with a rideshare side.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("assign_vehicle", "update_rental", "delete_vehicle"),
)
bp.product(
    "hailhop",
    "HailHop",
    "Book rides, rate drivers and rent a car for the weekend.",
    prefix="hailhop",
    drop=(
        "create_vehicle",
        "update_vehicle",
        "delete_vehicle",
        "create_driver",
        "update_driver",
        "delete_driver",
        "assign_vehicle",
        "set_vehicle_maintenance",
        "search_drivers",
        "update_rental",
    ),
)
bp.product(
    "motorloop",
    "Motorloop",
    "Mobility platform: dispatch, fleet and rental counter.",
    verbs={"create": "add"},
    drop=("get_fare_estimate",),
)
