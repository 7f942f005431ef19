"""Shop app: cart and stock checks, checkout charges the bank, cancels refund, reviews, schemas, seeding."""

from __future__ import annotations

from tests.apps.app_calls import app_calls, assert_tables_alike, check_every_tool, seeded_twice
from toolgym_env.world import diff_world, make_cast

APP = "shop"
PRODUCTS, CART, ORDERS, REVIEWS = "shop__products", "shop__cart_items", "shop__orders", "shop__reviews"
ACCOUNTS, TXNS = "bank__accounts", "bank__transactions"


APPS = ["contacts", "bank", APP]


ok, err = app_calls(APP)


def balance(world, account_id):
    return world.get(ACCOUNTS, account_id)["balance"]


def in_stock(world, minimum=5):
    in_cart = {c["product_id"] for c in world.select(CART)}
    return [p for p in world.select(PRODUCTS, "stock >= ?", (minimum,)) if p["id"] not in in_cart]


def test_seed_is_plausible(world):
    assert world.count(PRODUCTS) >= 40 and world.count(REVIEWS) >= 30 and world.count(ORDERS) >= 8
    assert world.count(PRODUCTS, "stock = 0") >= 1
    assert {o["status"] for o in world.select(ORDERS)} == {"placed", "shipped", "delivered", "cancelled"}
    for o in world.select(ORDERS):
        subtotal = round(sum(i["unit_price"] * i["quantity"] for i in o["items"]), 2)
        assert o["subtotal"] == subtotal and o["total"] == round(subtotal + o["shipping_fee"], 2)
        assert o["placed_at"] <= "2026-03-02T09:00:00Z"


def test_view_cart_computes_totals(route, world):
    cart = ok(route, "view_cart")
    assert len(cart["items"]) == world.count(CART) == 2
    assert cart["subtotal"] == round(sum(line["line_total"] for line in cart["items"]), 2)
    assert cart["total"] == round(cart["subtotal"] + cart["shipping_fee"], 2)
    assert len(diff_world(world)) == 0


def test_add_to_cart_checks_stock(route, world):
    product = in_stock(world)[0]
    cart = ok(route, "add_to_cart", product_id=product["id"], quantity=2)
    assert any(line["product_id"] == product["id"] and line["quantity"] == 2 for line in cart["items"])
    cart = ok(route, "add_to_cart", product_id=product["id"])
    assert [line["quantity"] for line in cart["items"] if line["product_id"] == product["id"]] == [3]
    assert diff_world(world).summary() == {CART: {"insert": 1, "update": 0, "delete": 0}}
    world.begin_episode()
    empty = world.select(PRODUCTS, "stock = 0")[0]
    assert "out of stock" in err(route, "add_to_cart", product_id=empty["id"])
    scarce = world.select(PRODUCTS, "stock BETWEEN 1 AND 3")[0]
    assert "in stock" in err(route, "add_to_cart", product_id=scarce["id"], quantity=scarce["stock"] + 1)
    assert "No product" in err(route, "add_to_cart", product_id="prd_nope")
    assert len(diff_world(world)) == 0


def test_remove_from_cart(route, world):
    product = in_stock(world)[0]
    ok(route, "add_to_cart", product_id=product["id"], quantity=3)
    cart = ok(route, "remove_from_cart", product_id=product["id"], quantity=1)
    assert [line["quantity"] for line in cart["items"] if line["product_id"] == product["id"]] == [2]
    cart = ok(route, "remove_from_cart", product_id=product["id"])
    assert product["id"] not in {line["product_id"] for line in cart["items"]}
    assert "not in the cart" in err(route, "remove_from_cart", product_id=product["id"])


def test_checkout_charges_bank_takes_stock_and_empties_cart(route, world):
    cart = ok(route, "view_cart")
    stock = {line["product_id"]: world.get(PRODUCTS, line["product_id"])["stock"] for line in cart["items"]}
    before = balance(world, "acc_credit")
    order = ok(route, "checkout", payment_account_id="acc_credit", shipping_address="1 Main St, Springfield")
    assert order["status"] == "placed" and order["total"] == cart["total"]
    assert (
        order["shipping_address"] == "1 Main St, Springfield" and order["estimated_delivery"] == "2026-03-06"
    )
    assert balance(world, "acc_credit") == round(before - cart["total"], 2)
    txn = world.get(TXNS, order["charge_transaction_id"])
    assert (
        txn["amount"] == -cart["total"]
        and txn["counterparty"] == "Shopwise"
        and order["id"] in txn["description"]
    )
    for line in cart["items"]:
        assert (
            world.get(PRODUCTS, line["product_id"])["stock"] == stock[line["product_id"]] - line["quantity"]
        )
    assert world.count(CART) == 0
    assert diff_world(world).summary() == {
        ACCOUNTS: {"insert": 0, "update": 1, "delete": 0},
        TXNS: {"insert": 1, "update": 0, "delete": 0},
        CART: {"insert": 0, "update": 0, "delete": 2},
        ORDERS: {"insert": 1, "update": 0, "delete": 0},
        PRODUCTS: {"insert": 0, "update": 2, "delete": 0},
    }
    assert "cart is empty" in err(route, "checkout", payment_account_id="acc_credit")


def test_checkout_defaults_to_the_last_address(route, world):
    last = world.select(ORDERS, order_by="placed_at DESC", limit=1)[0]
    assert (
        ok(route, "checkout", payment_account_id="acc_checking")["shipping_address"]
        == last["shipping_address"]
    )


def test_checkout_with_insufficient_funds_changes_nothing(route, world):
    drain = round(balance(world, "acc_checking") - 1.0, 2)
    ok(
        route,
        "transfer_between_accounts",
        app="bank",
        from_account_id="acc_checking",
        to_account_id="acc_savings",
        amount=drain,
    )
    world.begin_episode()
    assert "Insufficient funds" in err(route, "checkout", payment_account_id="acc_checking")
    assert "No bank account" in err(route, "checkout", payment_account_id="acc_nope")
    assert len(diff_world(world)) == 0 and world.count(CART) == 2


def test_cancel_order_restocks_and_refunds(route, world):
    order = ok(route, "checkout", payment_account_id="acc_checking")
    stock = {i["product_id"]: world.get(PRODUCTS, i["product_id"])["stock"] for i in order["items"]}
    before = balance(world, "acc_checking")
    out = ok(route, "cancel_order", order_id=order["id"])
    assert out["order"]["status"] == "cancelled" and out["refunded_amount"] == order["total"]
    assert balance(world, "acc_checking") == round(before + order["total"], 2)
    refund = world.get(TXNS, out["order"]["refund_transaction_id"])
    assert refund["amount"] == order["total"] and refund["category"] == "refund"
    for i in order["items"]:
        assert world.get(PRODUCTS, i["product_id"])["stock"] == stock[i["product_id"]] + i["quantity"]
    assert "already cancelled" in err(route, "cancel_order", order_id=order["id"])


def test_cannot_cancel_shipped_or_delivered_orders(route, world):
    for status in ("shipped", "delivered"):
        order = world.select(ORDERS, "status = ?", (status,))[0]
        assert "can no longer be cancelled" in err(route, "cancel_order", order_id=order["id"])
    assert len(diff_world(world)) == 0


def test_track_order(route, world):
    delivered = world.select(ORDERS, "status = 'delivered'")[0]
    track = ok(route, "track_order", order_id=delivered["id"])
    assert [e["status"] for e in track["events"]] == ["placed", "shipped", "delivered"]
    assert track["estimated_delivery"] == delivered["delivered_at"][:10]
    placed = world.select(ORDERS, "status = 'placed'")[0]
    assert [e["status"] for e in ok(route, "track_order", order_id=placed["id"])["events"]] == ["placed"]


def test_write_review_updates_rating(route, world):
    product = world.select(PRODUCTS, "review_count > 0")[0]
    out = ok(route, "write_review", product_id=product["id"], rating=1, title="Meh", body="Not for me.")
    count = product["review_count"] + 1
    assert out["product"]["review_count"] == count
    assert out["product"]["rating"] == round((product["rating"] * product["review_count"] + 1) / count, 1)
    assert out["review"]["author"] == make_cast(0).user.name and out["review"]["rating"] == 1
    assert "already reviewed" in err(route, "write_review", product_id=product["id"], rating=5, title="Again")
    assert "less than or equal to 5" in err(
        route, "write_review", product_id=product["id"], rating=6, title="x"
    )


def test_every_tool_output_matches_its_schema(universe, route, world):
    product = in_stock(world)[0]
    placed = world.select(ORDERS, "status = 'placed'")[0]
    calls = {
        "search_products": {"query": "wireless"},
        "list_products": {"category": "books"},
        "get_product": {"product_id": product["id"]},
        "list_reviews": {"product_id": world.select(REVIEWS)[0]["product_id"]},
        "list_orders": {"status": "delivered"},
        "get_order": {"order_id": placed["id"]},
        "track_order": {"order_id": placed["id"]},
        "view_cart": {},
        "add_to_cart": {"product_id": product["id"]},
        "remove_from_cart": {"product_id": product["id"]},
        "checkout": {"payment_account_id": "acc_credit"},
        "cancel_order": {"order_id": placed["id"]},
        "write_review": {"product_id": product["id"], "rating": 4, "title": "Solid"},
    }
    check_every_tool(ok, route, world, universe.catalog.apps[APP].tools, calls)


def test_seeding_is_deterministic():
    a, b = seeded_twice(["contacts", "bank", APP])
    assert_tables_alike(a, b, APP)
