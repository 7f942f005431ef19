"""How people ask for the online-store actions."""

from typing import Any

from toolgym_env.tasks.scenarios.intent import Composing, Intent


def order_lines(seen: Composing) -> tuple[list[dict[str, Any]], str] | None:
    """One or two in-stock variants of active products, a unit or two of each, named by SKU and product."""
    active = {p["id"]: p for p in seen.rows("product") if p["status"] == "active"}
    variants = [
        v
        for v in seen.rows("variant")
        if v["product_id"] in active and v["inventory_quantity"] >= 3 and seen.name("variant", v)
    ]
    if not variants:
        return None
    picked = seen.rng.sample(variants, min(len(variants), seen.rng.choice((1, 2, 2))))
    sizes = [seen.rng.choice((1, 2)) for _ in picked]
    for v in picked:
        seen.cite("variant", v)
    value = [{"variant_id": v["id"], "quantity": n} for v, n in zip(picked, sizes, strict=True)]
    said = [
        f"{n} of {active[v['product_id']]['title']} (SKU “{v['sku']}”)"
        for v, n in zip(picked, sizes, strict=True)
    ]
    return value, " and ".join(said)


INTENTS = {
    "adjust_inventory": Intent(
        (
            "add {delta} units of {variant} to stock, we just received them",
            "log a delivery of {delta} units for {variant}",
            "update the stock of {variant}: {delta} more came in",
            "increase the stock of {variant} by {delta} received units",
        ),
        args={"reason": "received"},
        choices={"delta": (6, 12, 24)},
        report={"inventory_quantity": "units in stock now"},
        why=("the supplier shipment arrived", "the warehouse counted the new boxes"),
        past="restocked",
    ),
    "bulk_create_variants": Intent(
        (
            (
                "add small, medium and large variants to {product} at 29 dollars, 10 of each (SKUs "
                "TEE-NEW-S, TEE-NEW-M, TEE-NEW-L)"
            ),
            (
                "create three size options for {product}: S, M and L, 29 USD each with 10 in "
                "stock, SKUs TEE-NEW-S/M/L"
            ),
            (
                "set up sizes S, M and L on {product} priced at 29 with 10 units each, using SKUs TEE-NEW-S, "
                "TEE-NEW-M and TEE-NEW-L"
            ),
            (
                "give {product} S, M and L variants (TEE-NEW-S, TEE-NEW-M, TEE-NEW-L), 29 "
                "dollars, stock of 10 apiece"
            ),
        ),
        args={
            "variants": [
                {"sku": "TEE-NEW-S", "option_title": "S", "price": 29, "inventory_quantity": 10},
                {"sku": "TEE-NEW-M", "option_title": "M", "price": 29, "inventory_quantity": 10},
                {"sku": "TEE-NEW-L", "option_title": "L", "price": 29, "inventory_quantity": 10},
            ]
        },
        why=("customers keep asking for other sizes", "the new batch arrived in three sizes"),
        past="added",
    ),
    "publish_product": Intent(
        (
            "publish {product}",
            "put {product} live in the store",
            "make {product} available for sale",
            "take {product} out of draft and list it",
        ),
        why=("the photos are done", "the launch is today", "it is back in season"),
        past="published",
    ),
    "archive_product": Intent(
        (
            "archive {product}",
            "take {product} off the store",
            "hide {product} from the shop",
            "retire {product}",
        ),
        why=("the supplier discontinued it", "it has not sold in months", "the season is over"),
        past="archived",
    ),
    "mark_order_paid": Intent(
        (
            "mark {order} as paid",
            "record the payment for {order}",
            "note that {order} has been paid",
            "set {order} to paid",
        ),
        why=("the bank transfer came through", "the customer paid cash at pickup"),
        past="marked paid",
    ),
    "fulfill_order": Intent(
        (
            "ship {order} with tracking number {tracking_number}",
            "mark {order} as shipped, tracking {tracking_number}",
            "fulfill {order} and add the tracking code {tracking_number}",
            "send out {order} under tracking number {tracking_number}",
        ),
        choices={"tracking_number": ("1Z999AA10123456784", "9400111899223344556677", "JD014600006281234567")},
        why=("the parcel left the warehouse today", "the courier just collected it"),
        past="shipped",
    ),
    "cancel_order": Intent(
        (
            "cancel {order}, we don't have the stock",
            "call off {order} because we ran out of stock",
            "cancel {order} since the items are out of stock",
            "cancel {order}, we can't fill it for lack of inventory",
        ),
        args={"reason": "inventory"},
        why=("the last units were damaged", "the supplier let us down"),
        past="cancelled",
    ),
    "refund_order": Intent(
        (
            "refund {amount} dollars on {order}",
            "give the customer back {amount} USD for {order}",
            "issue a partial refund of {amount} on {order}",
            "send {amount} dollars back on {order}",
        ),
        choices={"amount": (5, 10, 15)},
        report={"financial_status": "payment status"},
        why=("one item arrived damaged", "shipping took much longer than promised", "we overcharged them"),
        past="refunded",
    ),
    "check_discount_code": Intent(
        (
            "check whether {code} works on a {subtotal} dollar cart",
            "find out if {code} would apply to an order of {subtotal} USD",
            "see how much {code} takes off a {subtotal} dollar subtotal",
            "test the code {code} against a cart of {subtotal}",
        ),
        pick={"code": "discount.code"},
        choices={"subtotal": (40, 80, 150)},
        report={"valid": "whether it applies", "discount_amount": "amount off"},
        why=("a customer says the code didn't work", "I want to check before the newsletter goes out"),
    ),
    "deactivate_discount": Intent(
        (
            "turn off {discount}",
            "stop accepting {discount}",
            "deactivate {discount}",
            "kill {discount} at checkout",
        ),
        why=("the promotion is over", "the code leaked on a coupon site"),
        past="deactivated",
    ),
    "list_low_stock_variants": Intent(
        (
            "list what is down to {threshold} units or fewer",
            "tell me which variants have {threshold} or fewer in stock",
            "show me stock running low, at most {threshold} left",
            "find the items with no more than {threshold} units left",
        ),
        choices={"threshold": (3, 5, 10)},
        report={"variants.0.sku": "lowest-stock SKU", "variants.0.inventory_quantity": "units left"},
        why=("I'm placing the supplier order today", "the weekend sale starts Friday"),
    ),
    "get_sales_summary": Intent(
        (
            "tell me how sales have been since {since}",
            "summarize sales from {since} until now",
            "pull the sales numbers since {since}",
            "give me net sales and orders since {since}",
        ),
        choices={"since": ("2026-01-01", "2026-02-01", "2026-02-15")},
        report={"net_sales": "net sales", "orders": "orders"},
        why=("the monthly review is tomorrow", "I'm doing the books"),
    ),
    "tag_customers": Intent(
        (
            "tag {customers} as {tag}",
            "add the tag {tag} to {customers}",
            "label {customers} {tag}",
            "put {customers} in the {tag} group",
        ),
        choices={"tag": ("vip", "wholesale", "newsletter-winner")},
        why=("they are our best buyers", "they get the early-access sale"),
        past="tagged",
    ),
    "create_order": Intent(
        (
            "place an order for {customer}: {line_items}",
            "put in an order on behalf of {customer} for {line_items}",
            "order {line_items} for {customer}",
            "create an order for {customer} with {line_items}",
        ),
        compose={"line_items": order_lines},
        report={"total": "order total"},
        why=("they called it in by phone", "they could not get through checkout"),
        past="ordered",
    ),
}
