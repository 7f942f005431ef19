"""Travel app: flight/hotel search, bookings take seats/rooms and charge the bank, cancellations, schemas."""

from __future__ import annotations

from collections import Counter

from tests.apps.app_calls import app_calls, assert_tables_alike, check_every_tool, seeded_twice
from toolgym_env.apps.core.travel import make_hotels
from toolgym_env.world import diff_world, make_cast

APP = "travel"
FLIGHTS, HOTELS, BOOKINGS = "travel__flights", "travel__hotels", "travel__bookings"
ACCOUNTS, TXNS = "bank__accounts", "bank__transactions"
NOW = "2026-03-02T09:00:00Z"


APPS = ["contacts", "bank", APP]


ok, err = app_calls(APP)


def balance(world, account_id):
    return world.get(ACCOUNTS, account_id)["balance"]


def a_flight(world, where, params=()):
    return world.select(FLIGHTS, f"depart_at > ? AND {where}", (NOW, *params), order_by="depart_at")[0]


def test_schedule_gives_several_options_per_route_and_day(world):
    per_day = Counter((f["origin"], f["destination"], f["depart_local"][:10]) for f in world.select(FLIGHTS))
    assert set(per_day.values()) <= {2, 3, 4, 5}
    assert world.count(FLIGHTS, "seats_available = 0 AND depart_at > ?", (NOW,)) >= 10
    assert world.count(FLIGHTS, "seats_available BETWEEN 1 AND 3") >= 10
    for f in world.select(FLIGHTS, limit=50):
        assert f["arrive_at"] > f["depart_at"] and f["price"] > 0


def test_search_flights_sorted_and_filtered(route):
    out = ok(route, "search_flights", origin="New York", destination="SFO", date="2026-03-05")
    assert (out["origin"], out["destination"]) == ("JFK", "SFO") and 2 <= len(out["flights"]) <= 5
    prices = [f["price"] for f in out["flights"]]
    assert prices == sorted(prices)
    assert all(f["depart_local"].startswith("2026-03-05") for f in out["flights"])
    by_time = ok(
        route, "search_flights", origin="JFK", destination="SFO", date="2026-03-05", sort_by="departure"
    )
    assert [f["depart_at"] for f in by_time["flights"]] == sorted(f["depart_at"] for f in out["flights"])
    cheap = ok(
        route, "search_flights", origin="JFK", destination="SFO", date="2026-03-05", max_price=min(prices)
    )
    assert [f["price"] for f in cheap["flights"]] == [min(prices)]
    assert "unknown airport" in err(
        route, "search_flights", origin="Atlantis", destination="JFK", date="2026-03-05"
    )
    assert "in the past" in err(route, "search_flights", origin="JFK", destination="SFO", date="2026-02-01")


def test_book_flight_takes_seats_and_charges_the_bank(route, world):
    flight = a_flight(world, "seats_available >= 5")
    before = balance(world, "acc_credit")
    names = [make_cast(0).user.name, "Alex Kim"]
    booking = ok(
        route, "book_flight", flight_id=flight["id"], passengers=names, payment_account_id="acc_credit"
    )
    total = round(flight["price"] * 2, 2)
    assert (
        booking["status"] == "confirmed" and booking["total_price"] == total and booking["travelers"] == names
    )
    assert world.get(FLIGHTS, flight["id"])["seats_available"] == flight["seats_available"] - 2
    assert balance(world, "acc_credit") == round(before - total, 2)
    txn = world.get(TXNS, booking["charge_transaction_id"])
    assert (
        txn["amount"] == -total and txn["counterparty"] == flight["airline"] and txn["category"] == "travel"
    )
    assert diff_world(world).summary() == {
        ACCOUNTS: {"insert": 0, "update": 1, "delete": 0},
        TXNS: {"insert": 1, "update": 0, "delete": 0},
        BOOKINGS: {"insert": 1, "update": 0, "delete": 0},
        FLIGHTS: {"insert": 0, "update": 1, "delete": 0},
    }
    assert ok(route, "get_booking", booking_id=booking["id"]) == booking


def test_full_and_nearly_full_flights_are_refused(route, world):
    full = a_flight(world, "seats_available = 0")
    assert "is full" in err(
        route, "book_flight", flight_id=full["id"], passengers=["A B"], payment_account_id="acc_credit"
    )
    scarce = a_flight(world, "seats_available BETWEEN 1 AND 3")
    msg = err(
        route,
        "book_flight",
        flight_id=scarce["id"],
        passengers=["A"] * (scarce["seats_available"] + 1),
        payment_account_id="acc_credit",
    )
    assert f"only {scarce['seats_available']} seat(s) left" in msg
    departed = world.select(FLIGHTS, "depart_at < ?", (NOW,))[0]
    assert "already departed" in err(
        route, "book_flight", flight_id=departed["id"], passengers=["A"], payment_account_id="acc_credit"
    )
    assert len(diff_world(world)) == 0


def test_book_flight_with_insufficient_funds_changes_nothing(route, world):
    dear = world.select(FLIGHTS, "depart_at > ? AND seats_available >= 9", (NOW,), order_by="price DESC")[0]
    assert dear["price"] * 9 > balance(world, "acc_checking")
    assert "Insufficient funds" in err(
        route, "book_flight", flight_id=dear["id"], passengers=["P"] * 9, payment_account_id="acc_checking"
    )
    assert len(diff_world(world)) == 0


def test_search_and_book_hotel(route, world):
    out = ok(route, "search_hotels", city="Paris", check_in="2026-03-09", check_out="2026-03-12")
    assert out["hotels"] and all(h["city"] == "Paris" and h["nights"] == 3 for h in out["hotels"])
    assert [h["nightly_price"] for h in out["hotels"]] == sorted(h["nightly_price"] for h in out["hotels"])
    hotel = next(h for h in out["hotels"] if h["rooms_available"] >= 2)
    assert hotel["total_price"] == round(hotel["nightly_price"] * 3, 2)
    before = balance(world, "acc_checking")
    booking = ok(
        route,
        "book_hotel",
        hotel_id=hotel["id"],
        check_in="2026-03-09",
        check_out="2026-03-12",
        guests=["Pat Doe"],
        rooms=2,
        payment_account_id="acc_checking",
    )
    assert booking["total_price"] == round(hotel["nightly_price"] * 3 * 2, 2) and booking["rooms"] == 2
    assert world.get(HOTELS, hotel["id"])["rooms_available"] == hotel["rooms_available"] - 2
    assert balance(world, "acc_checking") == round(before - booking["total_price"], 2)
    rated = ok(
        route,
        "search_hotels",
        city="PAR",
        check_in="2026-03-09",
        check_out="2026-03-10",
        min_rating=4.0,
        sort_by="rating",
    )
    assert all(h["rating"] >= 4.0 for h in rated["hotels"])


def test_hotel_preconditions(route, world):
    sold_out = world.select(HOTELS, "rooms_available = 0")[0]
    assert "no rooms available" in err(
        route,
        "book_hotel",
        hotel_id=sold_out["id"],
        check_in="2026-03-09",
        check_out="2026-03-10",
        guests=["A"],
        payment_account_id="acc_credit",
    )
    hotel = world.select(HOTELS, "rooms_available >= 1")[0]
    assert "at least one day" in err(
        route,
        "book_hotel",
        hotel_id=hotel["id"],
        check_in="2026-03-09",
        check_out="2026-03-09",
        guests=["A"],
        payment_account_id="acc_credit",
    )
    assert "need at least 2 rooms" in err(
        route,
        "book_hotel",
        hotel_id=hotel["id"],
        check_in="2026-03-09",
        check_out="2026-03-10",
        guests=["A", "B", "C", "D", "E"],
        payment_account_id="acc_credit",
    )
    assert "in the past" in err(
        route, "search_hotels", city="Paris", check_in="2026-02-01", check_out="2026-02-03"
    )
    assert len(diff_world(world)) == 0


def test_cancel_booking_restores_and_refunds(route, world):
    flight = a_flight(world, "seats_available >= 5")
    booking = ok(
        route,
        "book_flight",
        flight_id=flight["id"],
        passengers=["A", "B", "C"],
        payment_account_id="acc_credit",
    )
    after_booking = balance(world, "acc_credit")
    out = ok(route, "cancel_booking", booking_id=booking["id"])
    assert out["booking"]["status"] == "cancelled" and out["refunded_amount"] == booking["total_price"]
    assert world.get(FLIGHTS, flight["id"])["seats_available"] == flight["seats_available"]
    assert balance(world, "acc_credit") == round(after_booking + booking["total_price"], 2)
    assert world.get(TXNS, out["booking"]["refund_transaction_id"])["category"] == "refund"
    assert "cannot be cancelled" in err(route, "cancel_booking", booking_id=booking["id"])
    seeded_hotel = world.get(BOOKINGS, "bk_1002")
    rooms = world.get(HOTELS, seeded_hotel["hotel_id"])["rooms_available"]
    ok(route, "cancel_booking", booking_id="bk_1002")
    assert world.get(HOTELS, seeded_hotel["hotel_id"])["rooms_available"] == rooms + 1
    assert "completed" in err(route, "cancel_booking", booking_id="bk_0990")


def test_reads_leave_the_world_unchanged(route, world):
    ok(route, "search_flights", origin="LHR", destination="CDG", date="2026-03-10")
    ok(route, "search_hotels", city="Tokyo", check_in="2026-03-10", check_out="2026-03-12", max_price=300)
    ok(route, "list_bookings", status="confirmed")
    ok(route, "get_flight", flight_id=world.select(FLIGHTS)[0]["id"])
    ok(route, "get_hotel", hotel_id=world.select(HOTELS)[0]["id"])
    assert len(diff_world(world)) == 0


def test_every_tool_output_matches_its_schema(universe, route, world):
    flight = a_flight(world, "seats_available >= 5")
    hotel = world.select(HOTELS, "rooms_available >= 1")[0]
    calls = {
        "search_flights": {
            "origin": "SFO",
            "destination": "JFK",
            "date": "2026-03-06",
            "sort_by": "duration",
        },
        "get_flight": {"flight_id": flight["id"]},
        "book_flight": {
            "flight_id": flight["id"],
            "passengers": ["Ann Lee"],
            "payment_account_id": "acc_credit",
        },
        "search_hotels": {"city": "London", "check_in": "2026-03-05", "check_out": "2026-03-07"},
        "get_hotel": {"hotel_id": hotel["id"]},
        "book_hotel": {
            "hotel_id": hotel["id"],
            "check_in": "2026-03-05",
            "check_out": "2026-03-07",
            "guests": ["Ann Lee"],
            "payment_account_id": "acc_credit",
        },
        "list_bookings": {},
        "get_booking": {"booking_id": "bk_1001"},
        "cancel_booking": {"booking_id": "bk_1001"},
    }
    check_every_tool(ok, route, world, universe.catalog.apps[APP].tools, calls)


def test_seeding_is_deterministic():
    a, b = seeded_twice(["contacts", "bank", APP])
    assert_tables_alike(a, b, APP)
    assert make_hotels(0) == make_hotels(0) == a.select(HOTELS)
