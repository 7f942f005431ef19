"""Core-suite task families around shopping, travel, maps and weather (with if-then branches)."""

from __future__ import annotations

import random
from datetime import timedelta

from toolgym_env.apps.core.shop import FREE_SHIPPING_FROM, SHIPPING_FEE
from toolgym_env.tasks.core_families import (
    CONDITIONS,
    Draft,
    _people,
    _user,
    chat_post,
    fact,
    family,
    insert,
    money,
    pick,
    sent_mail,
    update,
)
from toolgym_env.tasks.plan import Plan

_IATA = {
    "JFK": "New York",
    "SFO": "San Francisco",
    "ORD": "Chicago",
    "LHR": "London",
    "CDG": "Paris",
    "BER": "Berlin",
    "HND": "Tokyo",
    "LAX": "Los Angeles",
}


def _account(plan: Plan, kind: str):
    plan.call("bank__list_accounts", type=kind)
    return plan.ref("items.0.id")


def _order_total(price: float, qty: int) -> float:
    """What checkout charges for ``qty`` of one product (shipping is free from 35 USD)."""
    subtotal = round(price * qty, 2)
    return round(subtotal + (0.0 if subtotal >= FREE_SHIPPING_FROM else SHIPPING_FEE), 2)


@family("best_product_order")
def best_product_order(plan: Plan, rng: random.Random, i: int) -> Draft:
    cat = rng.choice(("electronics", "kitchen", "books", "sports", "home", "office"))
    budget = rng.choice((60, 100, 150, 250))
    qty = rng.choice((1, 1, 2))
    view = plan.call("shop__view_cart")
    cart = view["items"]
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
    plan.call(
        "mail__send_email",
        to=[plan.ref("items.0.email")],
        subject="Order placed",
        body=f"I ordered {qty} x {best['name']} for {money(order['total'])} USD.",
    )
    pay = "credit card" if kind == "credit_card" else "checking account"
    instruction = pick(
        rng,
        f"Buy {qty} of the best-rated {cat} product that costs at most ${budget} each (cheaper one if tied), "
        f"and nothing else that may be sitting in my cart. Pay with my {pay}, email {person.name} what I "
        "bought and the total, and tell me the product and the total too.",
        f"I need {qty} unit(s) of the highest-rated item in {cat} priced ${budget} or less — only that, so "
        f"clear out whatever is already in my cart. Order it with my {pay} and let {person.name} know by "
        "email. Which product was it, and what was the total?",
    )
    in_cart = {c["name"] for c in cart}  # an honest answer may say what it took out of the cart
    names = [p["name"] for p in items if p["name"] not in in_cart]
    # what the order would have cost with another candidate, or with the cart bought as it was
    totals = [money(_order_total(p["price"], qty)) for p in ok] + [money(view["total"])]
    return Draft(
        instruction,
        [
            insert(
                "shop__orders",
                total={"$approx": order["total"]},
                payment_account_id=acct.value,
                status="placed",
                items=[
                    {
                        "product_id": best["id"],
                        "name": best["name"],
                        "quantity": qty,
                        "unit_price": best["price"],
                    }
                ],
            ),
            update("shop__products", best["id"], stock=best["stock"] - qty),
            insert("bank__transactions", account_id=acct.value, amount={"$approx": -order["total"]}),
            sent_mail(person.email, body={"$icontains": best["name"], "$mentions": order["total"]}),
        ],
        [fact("product", best["name"], "name", names), fact("total", money(order["total"]), "money", totals)],
        f"I ordered {qty} x {best['name']} with your {pay} and emailed {person.name}. "
        f"Total: {money(order['total'])} USD.",
    )


@family("cancel_order_refund")
def cancel_order_refund(plan: Plan, rng: random.Random, i: int) -> Draft:
    me = _user(plan)
    placed = plan.read("shop__orders", "status = 'placed'")
    order = rng.choice(placed)
    product = order["items"][0]["name"]
    person = rng.choice(_people(plan))
    plan.call("shop__list_orders")  # all orders: the one to cancel is told apart by its product and status
    k = [o["id"] for o in plan.results[-1]["items"]].index(order["id"])
    plan.call("shop__cancel_order", order_id=plan.ref(f"items.{k}.id"))
    plan.call("chat__search_users", query=f"{person.first_name} {person.last_name}")
    dm = plan.call(
        "chat__send_direct_message",
        handle=plan.ref("items.0.handle"),
        text=f"I cancelled my {product} order.",
    )
    others = [money(o["total"]) for o in plan.read("shop__orders") if o["id"] != order["id"]]
    instruction = pick(
        rng,
        f"Cancel my order with the {product} (it hasn't shipped), make sure I get refunded, and tell "
        f"{person.name} on chat. What's the refund amount?",
        f"I no longer need the {product} I ordered. Cancel that order and DM {person.name} that it's "
        "cancelled; tell me the refund amount.",
    )
    return Draft(
        instruction,
        [
            update("shop__orders", order["id"], status="cancelled"),
            insert(
                "bank__transactions",
                account_id=order["payment_account_id"],
                amount={"$approx": order["total"]},
            ),
            chat_post(dm["channel"]["id"], me.handle, text={"$icontains": product}),
        ],
        [fact("refund amount", money(order["total"]), "money", others)],
        f"I cancelled the {product} order and told {person.name} on chat. "
        f"Refund amount: {money(order['total'])} USD, back to the account it was paid from.",
    )


@family("flight_with_fallback")
def flight_with_fallback(plan: Plan, rng: random.Random, i: int) -> Draft:
    rows = plan.read(
        "travel__flights",
        "seats_available = 0 AND cabin = 'economy' AND depart_at > ?",
        (plan.world.clock.iso(),),
    )
    full = rng.choice(rows)
    o, d, day = full["origin"], full["destination"], full["depart_local"][:10]
    found = plan.call(
        "travel__search_flights", origin=o, destination=d, date=day, sort_by="price", cabin="economy"
    )["flights"]
    k = next(j for j, f in enumerate(found) if f["seats_available"] > 0)
    chosen = found[k]
    fref = plan.ref(f"flights.{k}.id")
    acct = _account(plan, "credit_card")
    me = _user(plan)
    booking = plan.call("travel__book_flight", flight_id=fref, passengers=[me.name], payment_account_id=acct)
    plan.call("calendar__list_calendars")
    cals = plan.results[-1]["items"]
    c = [x["kind"] for x in cals].index("personal") if "personal" in [x["kind"] for x in cals] else 0
    plan.call(
        "calendar__create_event",
        calendar_id=plan.ref(f"items.{c}.id"),
        title=f"Flight {chosen['flight_number']} {o}-{d}",
        start=chosen["depart_at"],
        end=chosen["arrive_at"],
        allow_overlap=True,
    )
    instruction = pick(
        rng,
        f"Book me the cheapest economy flight from {_IATA.get(o, o)} ({o}) to {_IATA.get(d, d)} ({d}) on "
        f"{day}; if it's sold out, take the next cheapest one that has seats. Pay with my credit card and "
        "put the flight in my personal calendar. Which flight did you book?",
        f"I need to fly {o} to {d} on {day}, economy, as cheap as possible — skip anything that's full. "
        "Charge it to the credit card, block the flight time on my personal calendar, and tell me which "
        "flight you booked.",
    )
    skipped = [f["flight_number"] for f in found[:k]]
    answer = (
        f"I booked flight {chosen['flight_number']} on your credit card and added it to "
        "your personal calendar."
    )
    if skipped:
        answer += f" I took it instead of {' or '.join(skipped)}, cheaper but sold out."
    return Draft(
        instruction,
        [
            insert(
                "travel__bookings",
                flight_id=chosen["id"],
                status="confirmed",
                travelers=[me.name],
                payment_account_id=acct.value,
                total_price={"$approx": booking["total_price"]},
            ),
            update("travel__flights", chosen["id"], seats_available=chosen["seats_available"] - 1),
            insert("bank__transactions", account_id=acct.value, amount={"$approx": -booking["total_price"]}),
            insert(
                "calendar__events",
                title={"$icontains": chosen["flight_number"]},
                start=chosen["depart_at"],
                end=chosen["arrive_at"],
                calendar_id=cals[c]["id"],
            ),
        ],
        [fact("flight", chosen["flight_number"], "id", [f["flight_number"] for f in found])],
        answer,
    )


@family("hotel_and_note")
def hotel_and_note(plan: Plan, rng: random.Random, i: int) -> Draft:
    city = rng.choice(sorted({h["city"] for h in plan.read("travel__hotels")}))
    start = plan.world.clock.now() + timedelta(days=rng.randint(5, 20))
    nights = rng.choice((2, 3, 4))
    ci, co = start.strftime("%Y-%m-%d"), (start + timedelta(days=nights)).strftime("%Y-%m-%d")
    min_rating = rng.choice((3.5, 4.0))
    hotels = plan.call(
        "travel__search_hotels", city=city, check_in=ci, check_out=co, sort_by="price", min_rating=min_rating
    )["hotels"]
    k = next(j for j, h in enumerate(hotels) if h["rooms_available"] > 0)
    hotel = hotels[k]
    href = plan.ref(f"hotels.{k}.id")
    acct = _account(plan, "checking")
    me = _user(plan)
    booking = plan.call(
        "travel__book_hotel",
        hotel_id=href,
        check_in=ci,
        check_out=co,
        guests=[me.name],
        payment_account_id=acct,
    )
    plan.call("notes__list_notebooks")
    nbs = plan.results[-1]["items"]
    nb = next((j for j, n in enumerate(nbs) if "travel" in n["name"].lower()), 0)
    code = booking["confirmation_code"]
    plan.call(
        "notes__create_note",
        notebook_id=plan.ref(f"items.{nb}.id"),
        title=f"Hotel in {city}",
        body=f"{hotel['name']}, {ci} to {co}, confirmation {code}.",
    )
    instruction = pick(
        rng,
        f"Book the cheapest hotel in {city} rated at least {min_rating} that still has rooms, from {ci} to "
        f"{co}, paying from checking. Then add a note with the hotel name and confirmation code to my "
        f"'{nbs[nb]['name']}' notebook, and tell me which hotel you booked.",
        f"I'm staying in {city} {ci} to {co}. Get me the lowest-priced available hotel with a rating of "
        f"{min_rating}+ (pay from checking) and keep the confirmation in a note in {nbs[nb]['name']}. Which "
        "hotel is it?",
    )
    rivals = [h["name"] for h in plan.read("travel__hotels", "city = ?", (city,))]
    return Draft(
        instruction,
        [
            insert(
                "travel__bookings",
                hotel_id=hotel["id"],
                status="confirmed",
                start_date=ci,
                end_date=co,
                rooms=1,
                travelers=[me.name],
                payment_account_id=acct.value,
                total_price={"$approx": booking["total_price"]},
            ),
            insert("bank__transactions", account_id=acct.value, amount={"$approx": -booking["total_price"]}),
            insert(
                "notes__notes",
                notebook_id=nbs[nb]["id"],
                body={"$icontains": code, "$mentions": hotel["name"]},
            ),
        ],
        [fact("hotel", hotel["name"], "name", rivals)],
        f"I booked {hotel['name']} in {city} from {ci} to {co} and saved the confirmation code {code} in a "
        f"note in {nbs[nb]['name']}.",
    )


@family("museum_day")
def museum_day(plan: Plan, rng: random.Random, i: int) -> Draft:
    cities = sorted({p["city"] for p in plan.read("maps__places", "category = 'museum'")})
    city = rng.choice(cities)
    day = (plan.world.clock.now() + timedelta(days=rng.randint(1, 5))).strftime("%Y-%m-%d")
    fc = plan.call("weather__get_forecast", city=city, date=day, days=1)["days"][0]
    found = plan.call("maps__search_places", city=city, category="museum", sort_by="rating", limit=10)[
        "places"
    ]
    best = found[0]
    plan.call("maps__save_place", place_id=plan.ref("places.0.id"), list_name="Want to go")
    instruction = pick(
        rng,
        f"I'll be in {city} on {day}. What's the weather forecast, and which museum there has the best "
        f"rating? Save that museum to my 'Want to go' list.",
        f"Check the forecast for {city} on {day} and find the top-rated museum in town; add it to my saved "
        f"places under 'Want to go' and tell me the weather forecast and the museum.",
    )
    museums = [p["name"] for p in plan.read("maps__places", "category = 'museum' AND city = ?", (city,))]
    return Draft(
        instruction,
        [insert("maps__saved_places", place_id=best["id"], list_name={"$icontains": "want to go"})],
        [
            fact("weather forecast", fc["condition"], "enum", CONDITIONS),
            fact("museum", best["name"], "name", museums),
        ],
        f"The weather forecast for {city} on {day}: {fc['condition']}. The top-rated museum is "
        f"{best['name']}, now in your 'Want to go' list.",
    )


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
    plan.call(
        "calendar__create_event",
        calendar_id=plan.ref(f"items.{c}.id"),
        title=title,
        start=f"{day}T07:00:00Z",
        end=f"{day}T08:00:00Z",
        allow_overlap=True,
    )
    channels = [x for x in plan.read("chat__channels") if not x["is_dm"] and me.handle in x["members"]]
    channel = rng.choice(channels)
    plan.call(
        "chat__post_message",
        channel=channel["name"],
        text=f"{title} on {day} at 7:00 UTC in {city}, who's in?",
    )
    instruction = pick(
        rng,
        f"On {day} in {city}: if the chance of rain is above {threshold}%, put a 'Gym session' on my "
        "personal calendar from 07:00 to 08:00 UTC, otherwise a 'Morning run' at the same time. Then "
        f"announce it in #{channel['name']}.",
        f"Plan my 7-8am (UTC) workout on {day} in {city}: a 'Morning run' unless the rain chance is over "
        f"{threshold}%, in which case a 'Gym session'. Add it to my personal calendar and post it in "
        f"#{channel['name']}.",
    )
    return Draft(
        instruction,
        [
            insert(
                "calendar__events",
                title={"$icontains": title},
                start=f"{day}T07:00:00Z",
                end=f"{day}T08:00:00Z",
                calendar_id=cals[c]["id"],
            ),
            chat_post(channel["id"], me.handle, text={"$icontains": title}),
        ],
        [],
        f"Rain chance {fc['precipitation_chance_pct']}%: scheduled '{title}'.",
    )
