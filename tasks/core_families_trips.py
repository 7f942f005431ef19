"""Core-suite task families around shopping, travel, maps and weather (with if-then branches)."""

from __future__ import annotations

import random
from datetime import timedelta

from toolgym_env.tasks.core_families import Draft, _people, _user, family, insert, money, pick, update
from toolgym_env.tasks.plan import Plan

_IATA = {"JFK": "New York", "SFO": "San Francisco", "ORD": "Chicago", "LHR": "London", "CDG": "Paris",
         "BER": "Berlin", "HND": "Tokyo", "LAX": "Los Angeles"}


def _account(plan: Plan, kind: str):
    plan.call("bank__list_accounts", type=kind)
    return plan.ref("items.0.id")


@family("best_product_order")
def best_product_order(plan: Plan, rng: random.Random, i: int) -> Draft:
    cat = rng.choice(("electronics", "kitchen", "books", "sports", "home", "office"))
    budget = rng.choice((60, 100, 150, 250))
    qty = rng.choice((1, 1, 2))
    cart = plan.call("shop__view_cart")["items"]
    step = len(plan.results) - 1
    for j, _ in enumerate(cart):  # the cart is not empty at the start: only the new item may be bought
        plan.call("shop__remove_from_cart", product_id=plan.ref(f"items.{j}.product_id", step=step))
    items = plan.call("shop__list_products", category=cat, limit=50)["items"]
    ok = [p for p in items if p["price"] <= budget and p["stock"] >= qty]
    best = max(ok, key=lambda p: (p["rating"], -p["price"]))
    k = items.index(best)
    plan.call("shop__add_to_cart", product_id=plan.ref(f"items.{k}.id"), quantity=qty)
    kind = rng.choice(("checking", "credit_card"))
    acct = _account(plan, kind)
    order = plan.call("shop__checkout", payment_account_id=acct)
    person = rng.choice(_people(plan))
    plan.call("contacts__search_contacts", query=f"{person.first_name} {person.last_name}")
    plan.call("mail__send_email", to=[plan.ref("items.0.email")], subject="Order placed",
              body=f"I ordered {qty} x {best['name']} for {money(order['total'])} USD.")
    pay = "credit card" if kind == "credit_card" else "checking account"
    instruction = pick(
        rng,
        f"Buy {qty} of the best-rated {cat} product that costs at most ${budget} each (cheaper one if tied), and "
        f"nothing else that may be sitting in my cart. Pay with my {pay}, and email {person.name} what I bought "
        f"and the total.",
        f"I need {qty} unit(s) of the highest-rated item in {cat} priced ${budget} or less — only that, so clear "
        f"out whatever is already in my cart. Order it with my {pay} and let {person.name} know by email. What "
        f"did it cost in total?",
    )
    return Draft(instruction, [
        insert("shop__orders", total={"$approx": order["total"]}, payment_account_id=acct.value,
               items=[{"product_id": best["id"], "name": best["name"], "quantity": qty, "unit_price": best["price"]}]),
        update("shop__products", best["id"], stock=best["stock"] - qty),
        insert("bank__transactions", account_id=acct.value, amount={"$approx": -order["total"]}),
        insert("mail__messages", folder="sent", to={"$has": person.email}, body={"$icontains": best["name"]}),
    ], [best["name"], money(order["total"])], f"Ordered {qty} x {best['name']}, total {money(order['total'])} USD.")


@family("cancel_order_refund")
def cancel_order_refund(plan: Plan, rng: random.Random, i: int) -> Draft:
    me = _user(plan)
    placed = plan.read("shop__orders", "status = 'placed'")
    order = rng.choice(placed)
    product = order["items"][0]["name"]
    person = rng.choice(_people(plan))
    plan.call("shop__list_orders", status="placed")
    k = [o["id"] for o in plan.results[-1]["items"]].index(order["id"])
    plan.call("shop__cancel_order", order_id=plan.ref(f"items.{k}.id"))
    plan.call("chat__search_users", query=f"{person.first_name} {person.last_name}")
    plan.call("chat__send_direct_message", handle=plan.ref("items.0.handle"),
              text=f"I cancelled the {product} order, refund of {money(order['total'])} USD is on its way.")
    instruction = pick(
        rng,
        f"Cancel my order with the {product} (it hasn't shipped), make sure I get refunded, and tell "
        f"{person.name} on chat. How much comes back?",
        f"I no longer need the {product} I ordered. Cancel that order and DM {person.name} that it's cancelled; "
        f"tell me the refund amount.",
    )
    return Draft(instruction, [
        update("shop__orders", order["id"], status="cancelled"),
        insert("bank__transactions", account_id=order["payment_account_id"], amount={"$approx": order["total"]}),
        insert("chat__messages", author=me.handle, text={"$icontains": product}),
    ], [money(order["total"])], f"Cancelled; {money(order['total'])} USD will be refunded.")


@family("flight_with_fallback")
def flight_with_fallback(plan: Plan, rng: random.Random, i: int) -> Draft:
    rows = plan.read("travel__flights", "seats_available = 0 AND cabin = 'economy' AND depart_at > ?",
                     (plan.world.clock.iso(),))
    full = rng.choice(rows)
    o, d, day = full["origin"], full["destination"], full["depart_local"][:10]
    found = plan.call("travel__search_flights", origin=o, destination=d, date=day, sort_by="price",
                      cabin="economy")["flights"]
    k = next(j for j, f in enumerate(found) if f["seats_available"] > 0)
    chosen = found[k]
    fref = plan.ref(f"flights.{k}.id")
    acct = _account(plan, "credit_card")
    me = _user(plan)
    booking = plan.call("travel__book_flight", flight_id=fref, passengers=[me.name], payment_account_id=acct)
    plan.call("calendar__list_calendars")
    cals = plan.results[-1]["items"]
    c = [x["kind"] for x in cals].index("personal") if "personal" in [x["kind"] for x in cals] else 0
    plan.call("calendar__create_event", calendar_id=plan.ref(f"items.{c}.id"),
              title=f"Flight {chosen['flight_number']} {o}-{d}", start=chosen["depart_at"], end=chosen["arrive_at"],
              allow_overlap=True)
    cheapest_full = found[0]["seats_available"] == 0
    instruction = pick(
        rng,
        f"Book me the cheapest economy flight from {_IATA.get(o, o)} ({o}) to {_IATA.get(d, d)} ({d}) on {day}; if "
        f"it's sold out, take the next cheapest one that has seats. Pay with my credit card and put the flight "
        f"in my personal calendar. Which flight did you book?",
        f"I need to fly {o} to {d} on {day}, economy, as cheap as possible — skip anything that's full. Charge it "
        f"to the credit card and block the flight time on my personal calendar.",
    )
    return Draft(instruction, [
        insert("travel__bookings", flight_id=chosen["id"], status="confirmed"),
        update("travel__flights", chosen["id"], seats_available=chosen["seats_available"] - 1),
        insert("bank__transactions", account_id=acct.value, amount={"$approx": -booking["total_price"]}),
        insert("calendar__events", title={"$icontains": chosen["flight_number"]}, start=chosen["depart_at"]),
    ], [chosen["flight_number"]],
        f"Booked {chosen['flight_number']}" + (" (the cheapest was full)." if cheapest_full else "."))


@family("hotel_and_note")
def hotel_and_note(plan: Plan, rng: random.Random, i: int) -> Draft:
    city = rng.choice(sorted({h["city"] for h in plan.read("travel__hotels")}))
    start = plan.world.clock.now() + timedelta(days=rng.randint(5, 20))
    nights = rng.choice((2, 3, 4))
    ci, co = start.strftime("%Y-%m-%d"), (start + timedelta(days=nights)).strftime("%Y-%m-%d")
    min_rating = rng.choice((3.5, 4.0))
    hotels = plan.call("travel__search_hotels", city=city, check_in=ci, check_out=co, sort_by="price",
                       min_rating=min_rating)["hotels"]
    k = next(j for j, h in enumerate(hotels) if h["rooms_available"] > 0)
    hotel = hotels[k]
    href = plan.ref(f"hotels.{k}.id")
    acct = _account(plan, "checking")
    me = _user(plan)
    booking = plan.call("travel__book_hotel", hotel_id=href, check_in=ci, check_out=co, guests=[me.name],
                        payment_account_id=acct)
    plan.call("notes__list_notebooks")
    nbs = plan.results[-1]["items"]
    nb = next((j for j, n in enumerate(nbs) if "travel" in n["name"].lower()), 0)
    plan.call("notes__create_note", notebook_id=plan.ref(f"items.{nb}.id"), title=f"Hotel in {city}",
              body=f"{hotel['name']}, {ci} to {co}, confirmation {booking['confirmation_code']}.")
    instruction = pick(
        rng,
        f"Book the cheapest hotel in {city} rated at least {min_rating} that still has rooms, from {ci} to {co}, "
        f"paying from checking. Then add a note with the hotel name and confirmation code to my "
        f"'{nbs[nb]['name']}' notebook.",
        f"I'm staying in {city} {ci} to {co}. Get me the lowest-priced available hotel with a rating of "
        f"{min_rating}+ (pay from checking) and keep the confirmation in a note in {nbs[nb]['name']}.",
    )
    return Draft(instruction, [
        insert("travel__bookings", hotel_id=hotel["id"], status="confirmed"),
        insert("bank__transactions", account_id=acct.value, amount={"$approx": -booking["total_price"]}),
        insert("notes__notes", notebook_id=nbs[nb]["id"], body={"$icontains": booking["confirmation_code"]}),
    ], [hotel["name"]], f"Booked {hotel['name']} ({booking['confirmation_code']}).")


@family("museum_day")
def museum_day(plan: Plan, rng: random.Random, i: int) -> Draft:
    cities = sorted({p["city"] for p in plan.read("maps__places", "category = 'museum'")})
    city = rng.choice(cities)
    day = (plan.world.clock.now() + timedelta(days=rng.randint(1, 5))).strftime("%Y-%m-%d")
    fc = plan.call("weather__get_forecast", city=city, date=day, days=1)["days"][0]
    plan.call("maps__search_places", city=city, category="museum", sort_by="rating", limit=10)
    best = plan.results[-1]["items"][0] if "items" in plan.results[-1] else plan.results[-1]["places"][0]
    key = "items" if "items" in plan.results[-1] else "places"
    plan.call("maps__save_place", place_id=plan.ref(f"{key}.0.id"), list_name="Want to go")
    instruction = pick(
        rng,
        f"I'll be in {city} on {day}. What's the weather going to be, and which museum there has the best "
        f"rating? Save that museum to my 'Want to go' list.",
        f"Check the forecast for {city} on {day} and find the top-rated museum in town; add it to my saved "
        f"places under 'Want to go' and tell me both.",
    )
    return Draft(instruction, [insert("maps__saved_places", place_id=best["id"], list_name={"$icontains": "want to go"})],
                 [fc["condition"], best["name"]], f"{city} on {day}: {fc['condition']}. Best museum: {best['name']}.")


@family("weather_branch_event")
def weather_branch_event(plan: Plan, rng: random.Random, i: int) -> Draft:
    me = _user(plan)
    city = rng.choice(plan.read("weather__cities"))["name"]
    day = (plan.world.clock.now() + timedelta(days=rng.randint(1, 6))).strftime("%Y-%m-%d")
    threshold = rng.choice((40, 50, 60))
    fc = plan.call("weather__get_forecast", city=city, date=day, days=1)["days"][0]
    wet = fc["precipitation_chance_pct"] > threshold
    title = "Gym session" if wet else "Morning run"
    plan.call("calendar__list_calendars")
    cals = plan.results[-1]["items"]
    c = next((j for j, x in enumerate(cals) if x["kind"] == "personal"), 0)
    plan.call("calendar__create_event", calendar_id=plan.ref(f"items.{c}.id"), title=title,
              start=f"{day}T07:00:00Z", end=f"{day}T08:00:00Z", allow_overlap=True)
    channels = [x for x in plan.read("chat__channels") if not x["is_dm"] and me.handle in x["members"]]
    channel = rng.choice(channels)["name"]
    plan.call("chat__post_message", channel=channel, text=f"{title} tomorrow at 7:00 in {city}, who's in?")
    instruction = pick(
        rng,
        f"On {day} in {city}: if the chance of rain is above {threshold}%, put a 'Gym session' on my personal "
        f"calendar from 07:00 to 08:00 UTC, otherwise a 'Morning run' at the same time. Then announce it in "
        f"#{channel}.",
        f"Plan my 7-8am (UTC) workout on {day} in {city}: a 'Morning run' unless the rain chance is over "
        f"{threshold}%, in which case a 'Gym session'. Add it to my personal calendar and post it in #{channel}.",
    )
    return Draft(instruction, [
        insert("calendar__events", title={"$icontains": title}, start=f"{day}T07:00:00Z", calendar_id=cals[c]["id"]),
        insert("chat__messages", author=me.handle, text={"$icontains": title}),
    ], [], f"Rain chance {fc['precipitation_chance_pct']}%: scheduled '{title}'.")
