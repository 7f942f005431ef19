"""Shop: the Shopwise store. Checkout charges a bank account (:func:`bank.charge_account`) and takes stock;
cancelling an order that has not shipped restocks it and refunds the account.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.core.bank import charge_account, refund_account
from toolgym_env.apps.spec import AppSpec
from toolgym_env.errors import ToolError
from toolgym_env.world.clock import format_time, parse_time
from toolgym_env.world.seeding import SeedContext, stable_hex

app = AppSpec(
    "shop",
    title="Shopwise",
    domain="shopping",
    description="Online store: find products, manage the cart, check out, track or cancel orders, review.",
)

STORE = "Shopwise"
FREE_SHIPPING_FROM, SHIPPING_FEE = 35.0, 5.99
Category = Literal[
    "electronics", "home", "kitchen", "books", "clothing", "sports", "beauty", "toys", "grocery", "office"
]
Status = Literal["placed", "shipped", "delivered", "cancelled"]


class Product(BaseModel):
    id: str = Field(description="Product id.")
    name: str = Field(description="Product name.", max_length=200)
    brand: str = Field(description="Brand.", max_length=100)
    category: Category = Field(description="Store category.")
    price: float = Field(description="Unit price in USD.", ge=0)
    stock: int = Field(description="Units in stock (0 = out of stock).", ge=0)
    rating: float = Field(description="Average customer rating, 1-5 stars.", ge=0, le=5)
    review_count: int = Field(description="Number of customer ratings.", ge=0)
    description: str = Field("", description="Product description.", max_length=2000)


class CartItem(BaseModel):
    id: str = Field(description="Cart line id.")
    product_id: str = Field(description="Product in the cart.")
    quantity: int = Field(description="Units of the product.", ge=1, le=20)
    added_at: str = Field("", description="When it was added (ISO-8601).")


class OrderItem(BaseModel):
    product_id: str = Field(description="Product ordered.")
    name: str = Field(description="Product name at the time of the order.")
    quantity: int = Field(description="Units ordered.")
    unit_price: float = Field(description="Price per unit paid, in USD.")


class Order(BaseModel):
    id: str = Field(description="Order id.")
    items: list[OrderItem] = Field(description="What was ordered.")
    subtotal: float = Field(description="Sum of the items, in USD.")
    shipping_fee: float = Field(description="Shipping fee in USD (free from 35 USD).")
    total: float = Field(description="Amount charged, in USD.")
    status: Status = Field(description="Order status.")
    payment_account_id: str = Field(description="Bank account charged.")
    charge_transaction_id: str = Field("", description="Bank transaction of the charge.")
    refund_transaction_id: str = Field("", description="Bank transaction of the refund, when cancelled.")
    shipping_address: str = Field(description="Delivery address.")
    carrier: str = Field("UPS", description="Shipping carrier.")
    tracking_number: str = Field("", description="Carrier tracking number.")
    placed_at: str = Field(description="When the order was placed (ISO-8601).")
    shipped_at: str = Field("", description="When it shipped (ISO-8601), empty if not yet.")
    delivered_at: str = Field("", description="When it was delivered (ISO-8601), empty if not yet.")
    cancelled_at: str = Field("", description="When it was cancelled (ISO-8601), empty if not.")
    estimated_delivery: str = Field(description="Expected delivery date (YYYY-MM-DD).")


class Review(BaseModel):
    id: str = Field(description="Review id.")
    product_id: str = Field(description="Product reviewed.")
    author: str = Field(description="Reviewer's name.")
    rating: int = Field(description="Stars, 1-5.", ge=1, le=5)
    title: str = Field(description="Review headline.", max_length=120)
    body: str = Field("", description="Review text.", max_length=2000)
    verified_purchase: bool = Field(False, description="Whether the reviewer bought the product here.")
    created_at: str = Field("", description="When it was written (ISO-8601).")


app.resource(
    Product,
    name="product",
    id_prefix="prd",
    searchable=("name", "brand", "category", "description"),
    filterable=("category", "brand"),
    ops=("search", "list", "get"),
    order_by="name",
)
app.resource(CartItem, name="cart_item", id_prefix="ci", refs={"product_id": "product"}, ops=())
app.resource(
    Order,
    name="order",
    id_prefix="ord",
    filterable=("status",),
    ops=("list", "get"),
    order_by="placed_at DESC",
)
app.resource(
    Review,
    name="review",
    id_prefix="rev",
    filterable=("product_id", "rating"),
    refs={"product_id": "product"},
    ops=("list",),
    order_by="created_at DESC",
)


class CartLine(BaseModel):
    product_id: str = Field(description="Product id.")
    name: str = Field(description="Product name.")
    quantity: int = Field(description="Units in the cart.")
    unit_price: float = Field(description="Current unit price in USD.")
    line_total: float = Field(description="quantity × unit_price.")
    in_stock: bool = Field(description="Whether the store has enough stock for this quantity.")


class Cart(BaseModel):
    items: list[CartLine] = Field(description="Cart lines, in the order they were added.")
    item_count: int = Field(description="Total number of units.")
    subtotal: float = Field(description="Sum of the lines, in USD.")
    shipping_fee: float = Field(description="Shipping fee in USD (free from 35 USD).")
    total: float = Field(description="What checkout would charge, in USD.")


class CancelResult(BaseModel):
    order: Order = Field(description="The cancelled order.")
    refunded_amount: float = Field(description="Amount refunded to the payment account, in USD.")


class TrackingEvent(BaseModel):
    at: str = Field(description="When it happened (ISO-8601).")
    status: str = Field(description="Milestone.")
    description: str = Field(description="What happened.")


class Tracking(BaseModel):
    order_id: str = Field(description="Order id.")
    status: Status = Field(description="Current status.")
    carrier: str = Field(description="Shipping carrier.")
    tracking_number: str = Field(description="Carrier tracking number.")
    estimated_delivery: str = Field(
        description="Expected delivery date, or the delivery date when delivered."
    )
    events: list[TrackingEvent] = Field(description="Milestones so far, oldest first.")


class ReviewResult(BaseModel):
    review: Review = Field(description="The new review.")
    product: Product = Field(description="The product with its updated rating.")


def _cart(ctx: ToolContext) -> dict:
    lines = []
    for item in ctx.select("cart_item"):
        product = ctx.require("product", item["product_id"])
        lines.append(
            {
                "product_id": product["id"],
                "name": product["name"],
                "quantity": item["quantity"],
                "unit_price": product["price"],
                "line_total": round(product["price"] * item["quantity"], 2),
                "in_stock": product["stock"] >= item["quantity"],
            }
        )
    subtotal = round(sum(line["line_total"] for line in lines), 2)
    fee = 0.0 if subtotal >= FREE_SHIPPING_FROM or not lines else SHIPPING_FEE
    return {
        "items": lines,
        "item_count": sum(line["quantity"] for line in lines),
        "subtotal": subtotal,
        "shipping_fee": fee,
        "total": round(subtotal + fee, 2),
    }


@app.action()
def add_to_cart(ctx: ToolContext, product_id: str, quantity: Annotated[int, Field(ge=1, le=20)] = 1) -> Cart:
    """Add units of a product to the cart (added to any already there). Returns the whole cart.

    Args:
        product_id: The product to add.
        quantity: Units to add (1-20).
    """
    product = ctx.require("product", product_id)
    line = ctx.select("cart_item", "product_id = ?", (product_id,))
    want = quantity + (line[0]["quantity"] if line else 0)
    if product["stock"] == 0:
        raise ToolError(f"'{product['name']}' is out of stock.")
    if want > product["stock"]:
        raise ToolError(
            f"Only {product['stock']} of '{product['name']}' in stock; the cart would hold {want}."
        )
    if want > 20:
        raise ToolError("At most 20 units of one product fit in the cart.")
    if line:
        ctx.update("cart_item", line[0]["id"], {"quantity": want})
    else:
        ctx.insert("cart_item", {"product_id": product_id, "quantity": quantity, "added_at": ctx.now()})
    return _cart(ctx)


@app.action()
def remove_from_cart(
    ctx: ToolContext, product_id: str, quantity: Annotated[int, Field(ge=1, le=20)] | None = None
) -> Cart:
    """Remove a product from the cart, or only some of its units. Returns the whole cart.

    Args:
        product_id: The product to remove.
        quantity: Units to remove; all of them when left out.
    """
    line = ctx.select("cart_item", "product_id = ?", (product_id,))
    if not line:
        raise ToolError(f"Product '{product_id}' is not in the cart.")
    if quantity is None or quantity >= line[0]["quantity"]:
        ctx.delete("cart_item", line[0]["id"])
    else:
        ctx.update("cart_item", line[0]["id"], {"quantity": line[0]["quantity"] - quantity})
    return _cart(ctx)


@app.action(read_only=True)
def view_cart(ctx: ToolContext) -> Cart:
    """Show the cart: each product with quantity, price and line total, plus subtotal, shipping fee and
    total."""
    return _cart(ctx)


@app.action()
def checkout(ctx: ToolContext, payment_account_id: str, shipping_address: str | None = None) -> Order:
    """Buy everything in the cart: charges the bank account, creates the order, takes stock and empties the
    cart.

    Args:
        payment_account_id: Bank account to charge, e.g. 'acc_credit'.
        shipping_address: Delivery address; defaults to the address of the most recent order.
    """
    cart = _cart(ctx)
    if not cart["items"]:
        raise ToolError("The cart is empty; add products before checking out.")
    for line in cart["items"]:
        if not line["in_stock"]:
            stock = ctx.require("product", line["product_id"])["stock"]
            raise ToolError(
                f"Only {stock} of '{line['name']}' left in stock; reduce the quantity in the cart."
            )
    if shipping_address is None or not shipping_address.strip():
        last = ctx.select("order", order_by="placed_at DESC", limit=1)
        if not last:
            raise ToolError("shipping_address: no saved address; give a delivery address.")
        shipping_address = last[0]["shipping_address"]
    order_id = ctx.world.new_id(ctx.table("order"))
    txn = charge_account(
        ctx,
        payment_account_id,
        cart["total"],
        STORE,
        f"Order {order_id} ({cart['item_count']} items)",
        "shopping",
    )
    for line in cart["items"]:
        product = ctx.require("product", line["product_id"])
        ctx.update("product", product["id"], {"stock": product["stock"] - line["quantity"]})
    for item in ctx.select("cart_item"):
        ctx.delete("cart_item", item["id"])
    now = ctx.world.clock.now()
    return ctx.insert(
        "order",
        {
            "id": order_id,
            "status": "placed",
            "payment_account_id": payment_account_id,
            "items": [
                {k: line[k] for k in ("product_id", "name", "quantity", "unit_price")}
                for line in cart["items"]
            ],
            "subtotal": cart["subtotal"],
            "shipping_fee": cart["shipping_fee"],
            "total": cart["total"],
            "charge_transaction_id": txn["id"],
            "shipping_address": shipping_address.strip()[:300],
            "tracking_number": "1Z" + stable_hex(order_id, length=14).upper(),
            "placed_at": format_time(now),
            "estimated_delivery": (now + timedelta(days=4)).strftime("%Y-%m-%d"),
        },
    )


@app.action(destructive=True)
def cancel_order(ctx: ToolContext, order_id: str) -> CancelResult:
    """Cancel an order that has not shipped yet: restocks the items and refunds the payment account in full.

    Args:
        order_id: The order to cancel.
    """
    order = ctx.require("order", order_id)
    if order["status"] == "cancelled":
        raise ToolError(f"Order {order_id} is already cancelled.")
    if order["status"] != "placed":
        raise ToolError(
            f"Order {order_id} is already {order['status']} and can no longer be cancelled; "
            "return it after delivery instead."
        )
    for item in order["items"]:
        product = ctx.get("product", item["product_id"])
        if product is not None:
            ctx.update("product", product["id"], {"stock": product["stock"] + item["quantity"]})
    txn = refund_account(
        ctx, order["payment_account_id"], order["total"], STORE, f"Refund for order {order_id}"
    )
    order = ctx.update(
        "order",
        order_id,
        {"status": "cancelled", "cancelled_at": ctx.now(), "refund_transaction_id": txn["id"]},
    )
    return {"order": order, "refunded_amount": order["total"]}


@app.action(read_only=True)
def track_order(ctx: ToolContext, order_id: str) -> Tracking:
    """Track an order: its status, carrier, tracking number, expected delivery and the milestones so far.

    Args:
        order_id: The order to track.
    """
    o = ctx.require("order", order_id)
    events = [
        {
            "at": o["placed_at"],
            "status": "placed",
            "description": f"Order placed ({len(o['items'])} products).",
        }
    ]
    if o["shipped_at"]:
        events.append(
            {"at": o["shipped_at"], "status": "shipped", "description": f"Handed to {o['carrier']}."}
        )
    if o["delivered_at"]:
        events.append(
            {
                "at": o["delivered_at"],
                "status": "delivered",
                "description": f"Delivered to {o['shipping_address']}.",
            }
        )
    if o["cancelled_at"]:
        events.append(
            {"at": o["cancelled_at"], "status": "cancelled", "description": "Order cancelled and refunded."}
        )
    eta = o["delivered_at"][:10] if o["delivered_at"] else o["estimated_delivery"]
    return {
        "order_id": o["id"],
        "status": o["status"],
        "carrier": o["carrier"],
        "tracking_number": o["tracking_number"],
        "estimated_delivery": eta,
        "events": events,
    }


@app.action()
def write_review(
    ctx: ToolContext,
    product_id: str,
    rating: Annotated[int, Field(ge=1, le=5)],
    title: Annotated[str, Field(min_length=1, max_length=120)],
    body: Annotated[str, Field(max_length=2000)] = "",
) -> ReviewResult:
    """Post the owner's review of a product (one per product); updates the product's average rating.

    Args:
        product_id: The product reviewed.
        rating: Stars from 1 to 5.
        title: Review headline.
        body: Review text.
    """
    product = ctx.require("product", product_id)
    me = ctx.user.name
    if ctx.select("review", "product_id = ? AND author = ?", (product_id, me)):
        raise ToolError(f"You have already reviewed '{product['name']}'.")
    bought = any(
        i["product_id"] == product_id
        for o in ctx.select("order", "status != 'cancelled'")
        for i in o["items"]
    )
    review = ctx.insert(
        "review",
        {
            "product_id": product_id,
            "author": me,
            "rating": rating,
            "title": title.strip(),
            "body": body.strip(),
            "verified_purchase": bought,
            "created_at": ctx.now(),
        },
    )
    count = product["review_count"] + 1
    product = ctx.update(
        "product",
        product_id,
        {
            "review_count": count,
            "rating": round((product["rating"] * product["review_count"] + rating) / count, 1),
        },
    )
    return {"review": review, "product": product}


_CATALOG = {
    "electronics": (
        ("Wireless Earbuds", 39, 179),
        ("Bluetooth Speaker", 29, 149),
        ("USB-C Charger 65W", 19, 59),
        ("Noise-Cancelling Headphones", 99, 349),
        ("27-inch 4K Monitor", 249, 499),
        ("Mechanical Keyboard", 59, 169),
        ("Wireless Mouse", 15, 79),
        ("Portable SSD 1TB", 69, 139),
    ),
    "home": (
        ("LED Desk Lamp", 19, 69),
        ("Memory Foam Pillow", 25, 79),
        ("Air Purifier", 89, 249),
        ("Cotton Bath Towel Set", 24, 59),
    ),
    "kitchen": (
        ("Chef's Knife 8-inch", 29, 129),
        ("Nonstick Frying Pan", 22, 79),
        ("Espresso Machine", 149, 499),
        ("Electric Kettle", 25, 89),
        ("Cast Iron Skillet", 19, 59),
    ),
    "books": (
        ("The Pragmatic Programmer", 32, 45),
        ("Atomic Habits", 14, 27),
        ("Dune", 9, 19),
        ("Thinking, Fast and Slow", 12, 22),
    ),
    "clothing": (
        ("Merino Wool Sweater", 59, 129),
        ("Rain Jacket", 69, 189),
        ("Running Socks 3-Pack", 12, 24),
    ),
    "sports": (
        ("Yoga Mat", 19, 79),
        ("Running Shoes", 79, 169),
        ("Adjustable Dumbbells", 99, 329),
        ("Insulated Water Bottle", 18, 45),
    ),
    "beauty": (("Sunscreen SPF 50", 9, 32), ("Electric Toothbrush", 29, 129)),
    "toys": (("Building Blocks Set", 24, 99), ("Jigsaw Puzzle 1000 pieces", 14, 29)),
    "grocery": (("Organic Coffee Beans 1kg", 18, 39), ("Green Tea 100 bags", 6, 15)),
    "office": (
        ("Ergonomic Office Chair", 149, 449),
        ("Standing Desk", 249, 599),
        ("Gel Pens 12-Pack", 6, 15),
    ),
}
_BRANDS = {
    "electronics": ("Sonic", "Anker", "Voltaic", "Lumen"),
    "home": ("Nestly", "Casa", "Purely"),
    "kitchen": ("Chefline", "Kettleworks", "Ironhearth"),
    "books": ("Penguin", "Vintage", "Harper"),
    "clothing": ("Northtrail", "Urbanwear"),
    "sports": ("Stride", "Peakform", "Hydra"),
    "beauty": ("Glow", "Brite"),
    "toys": ("Bricks & Co", "Puzzlers"),
    "grocery": ("Daybreak", "Leaf & Co"),
    "office": ("Ergonix", "Deskpro"),
}
_PERKS = (
    "Backed by a one-year warranty.",
    "Free returns within 30 days.",
    "A customer favorite.",
    "Compact and easy to use.",
    "Made with durable materials.",
    "New model for 2026.",
)
_REVIEWS = {
    5: ("Love it", "Exactly what I needed. Would buy again.", "Excellent quality for the price."),
    4: ("Very good", "Works well, a few minor quibbles.", "Good value and it arrived quickly."),
    3: ("It's okay", "Does the job but nothing special.", "Fine, though the description oversells it."),
    2: ("Disappointing", "Quality is lower than I expected.", "Stopped working properly after a month."),
    1: ("Do not buy", "Broke after a week. Returning it.", "Not as described at all."),
}


@app.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng, products = s.rng, []
    for category, items in _CATALOG.items():
        for item, lo, hi in items:
            for brand in rng.sample(
                _BRANDS[category], k=min(len(_BRANDS[category]), rng.choice((1, 2, 2, 3)))
            ):
                roll = rng.random()
                products.append(
                    ctx.insert(
                        "product",
                        {
                            "name": f"{brand} {item}",
                            "brand": brand,
                            "category": category,
                            "price": round(int(rng.uniform(lo, hi)) + 0.99, 2),
                            "stock": 0
                            if roll < 0.07
                            else rng.randint(1, 3)
                            if roll < 0.15
                            else rng.randint(4, 120),
                            "rating": round(rng.uniform(3.1, 4.9), 1),
                            "review_count": rng.randint(3, 2400),
                            "description": f"{item} by {brand}. {rng.choice(_PERKS)}",
                        },
                    )
                )
    address = f"{s.fake.street_address()}, {s.user.city}, {s.fake.state_abbr()} {s.fake.zipcode()}"
    for i, days_ago in enumerate(sorted(rng.sample(range(1, 50), 10), reverse=True) + [0.1]):
        picks = rng.sample([p for p in products if p["stock"] > 0], k=rng.choice((1, 1, 2, 3)))
        items = [
            {
                "product_id": p["id"],
                "name": p["name"],
                "quantity": rng.choice((1, 1, 1, 2)),
                "unit_price": p["price"],
            }
            for p in picks
        ]
        subtotal = round(sum(i_["unit_price"] * i_["quantity"] for i_ in items), 2)
        fee = 0.0 if subtotal >= FREE_SHIPPING_FROM else SHIPPING_FEE
        placed = parse_time(s.at(days=-days_ago, hours=-rng.randint(0, 8)))
        status = "delivered" if days_ago > 5 else "shipped" if days_ago > 1 else "placed"
        status = "cancelled" if i == 3 else status
        oid = f"ord_{1041 + i}"
        ctx.insert(
            "order",
            {
                "id": oid,
                "items": items,
                "subtotal": subtotal,
                "shipping_fee": fee,
                "total": round(subtotal + fee, 2),
                "status": status,
                "payment_account_id": rng.choice(("acc_credit", "acc_credit", "acc_checking")),
                "shipping_address": address,
                "tracking_number": "1Z" + stable_hex(oid, length=14).upper(),
                "placed_at": format_time(placed),
                "shipped_at": format_time(placed + timedelta(days=1))
                if status in ("shipped", "delivered")
                else "",
                "delivered_at": format_time(placed + timedelta(days=4)) if status == "delivered" else "",
                "cancelled_at": format_time(placed + timedelta(hours=3)) if status == "cancelled" else "",
                "estimated_delivery": (placed + timedelta(days=4)).strftime("%Y-%m-%d"),
            },
        )
    for _ in range(45):
        p, person = rng.choice(products), rng.choice(s.people)
        stars = max(1, min(5, round(rng.gauss(p["rating"], 0.9))))
        ctx.insert(
            "review",
            {
                "product_id": p["id"],
                "author": person.name,
                "rating": stars,
                "title": _REVIEWS[stars][0],
                "body": rng.choice(_REVIEWS[stars][1:]),
                "verified_purchase": rng.random() < 0.8,
                "created_at": s.at(days=-rng.randint(1, 400)),
            },
        )
    for p in rng.sample([p for p in products if p["stock"] >= 5], 2):
        ctx.insert(
            "cart_item", {"product_id": p["id"], "quantity": 1, "added_at": s.at(days=-rng.randint(1, 6))}
        )
