"""Commerce domains: storefront, food delivery, dining reservations, real estate, mobility and hotels."""


# --- storefront -------------------------------------------------------------------------------------------
def test_storefront_cancel_restocks_and_voids(open_app):
    app = open_app("mercantor")
    order = app.rows("order", "financial_status = 'pending' AND fulfillment_status = 'unfulfilled'")[0]
    item = order["line_items"][0]
    before = app.rows("variant", "id = ?", (item["variant_id"],))[0]["inventory_quantity"]
    res = app.call("cancel_order", order_id=order["id"], reason="customer")
    assert not res.is_error, res.text
    after = app.rows("variant", "id = ?", (item["variant_id"],))[0]["inventory_quantity"]
    assert after >= before + item["quantity"]
    assert app.rows("order", "id = ?", (order["id"],))[0]["financial_status"] == "voided"


def test_storefront_refund_cannot_exceed_remaining(open_app):
    app = open_app("mercantor")
    order = app.rows("order", "financial_status = 'paid'")[0]
    res = app.call("refund_order", order_id=order["id"], amount=order["total"] + 100)
    assert res.is_error and "exceeds" in res.text
    ok = app.call("refund_order", order_id=order["id"])
    assert not ok.is_error and ok.structured["financial_status"] == "refunded"


# --- food delivery ----------------------------------------------------------------------------------------
def test_food_delivery_completes_and_frees_courier(open_app):
    app = open_app("munchrun")
    order = app.rows("order", "status = 'picked_up'")[0]
    res = app.call("mark_order_delivered", order_id=order["id"])
    assert not res.is_error, res.text
    assert app.rows("order", "id = ?", (order["id"],))[0]["status"] == "delivered"
    assert app.rows("courier", "id = ?", (order["courier_id"],))[0]["status"] == "available"


def test_food_delivery_kitchen_steps_cannot_be_skipped(open_app):
    app = open_app("munchrun")
    order = app.rows("order", "status = 'placed'")[0]
    res = app.call("update_order_status", order_id=order["id"], status="ready")
    assert res.is_error and "allowed: accepted" in res.text


# --- dining reservations ----------------------------------------------------------------------------------
def test_dining_booking_takes_a_free_table(open_app):
    app = open_app("tablesetter")
    venue = app.rows("venue")[0]
    res = app.call(
        "book_table",
        venue_id=venue["id"],
        time="19:00",
        guest={"name": "Ada Park"},
        party_size=2,
        date="2026-03-20",
    )
    assert not res.is_error, res.text
    rows = app.rows("reservation", "id = ?", (res.structured["id"],))
    assert rows and rows[0]["table_id"] and rows[0]["status"] == "booked"


def test_dining_only_seated_parties_complete(open_app):
    app = open_app("tablesetter")
    r = app.rows("reservation", "status = 'booked'")[0]
    res = app.call("complete_reservation", reservation_id=r["id"])
    assert res.is_error and "only seated parties" in res.text


# --- real estate ------------------------------------------------------------------------------------------
def test_real_estate_accepting_offer_rejects_others(open_app):
    app = open_app("hearthlist")
    listing_ids = {o["listing_id"] for o in app.rows("offer", "status IN ('submitted','countered')")}
    lid = next(
        i
        for i in sorted(listing_ids)
        if len(app.rows("offer", "listing_id = ? AND status IN ('submitted','countered')", (i,))) > 1
    )
    offers = app.rows("offer", "listing_id = ? AND status IN ('submitted','countered')", (lid,))
    res = app.call("accept_offer", offer_id=offers[0]["id"])
    assert not res.is_error, res.text
    assert app.rows("listing", "id = ?", (lid,))[0]["status"] == "pending"
    assert app.rows("offer", "id = ?", (offers[1]["id"],))[0]["status"] == "rejected"


def test_real_estate_offer_below_half_is_refused(open_app):
    app = open_app("hearthlist")
    lst = app.rows("listing", "status = 'active' AND listing_type = 'sale'")[0]
    res = app.call("submit_offer", listing_id=lst["id"], amount=lst["list_price"] / 3)
    assert res.is_error and "below half the asking price" in res.text


# --- mobility ---------------------------------------------------------------------------------------------
def test_mobility_reserving_and_starting_a_rental(open_app):
    app = open_app("zipwheel")
    rental = app.rows("rental", "status = 'reserved' AND start_date = '2026-03-02'")[0]
    res = app.call("start_rental", rental_id=rental["id"])
    assert not res.is_error, res.text
    assert app.rows("vehicle", "id = ?", (rental["vehicle_id"],))[0]["status"] == "in_use"


def test_mobility_double_booking_is_refused(open_app):
    app = open_app("zipwheel")
    rental = app.rows("rental", "status = 'reserved' AND start_date > '2026-03-02'")[0]
    res = app.call("reserve_rental", vehicle_id=rental["vehicle_id"], start_date=rental["start_date"], days=1)
    assert res.is_error and "is booked" in res.text


# --- hotels -----------------------------------------------------------------------------------------------
def test_hotels_check_out_then_review(open_app):
    app = open_app("staylark")
    b = app.rows("booking", "status = 'checked_in'")[0]
    assert not app.call("check_out_guest", booking_id=b["id"]).is_error
    res = app.call("write_review", booking_id=b["id"], rating=5, title="Lovely")
    assert not res.is_error, res.text
    assert app.rows("review", "booking_id = ?", (b["id"],))[0]["rating"] == 5


def test_hotels_room_capacity_is_enforced(open_app):
    app = open_app("staylark")
    room = app.rows("room", "max_guests < 3 AND out_of_order = 0")[0]
    res = app.call("book_room", room_id=room["id"], guest={"name": "Ada Park"}, guests=4)
    assert res.is_error and "sleeps at most" in res.text
