"""Food delivery: restaurants, menu items, orders and couriers (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.money import money
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("food delivery")

Cuisine = Literal["pizza", "sushi", "burgers", "thai", "indian", "mexican", "salads", "bakery"]
Category = Literal["starter", "main", "side", "dessert", "drink"]
OrderStatus = Literal["placed", "accepted", "preparing", "ready", "picked_up", "delivered", "cancelled"]
CourierStatus = Literal["offline", "available", "delivering"]


class Restaurant(BaseModel):
    id: str = Field(description="Restaurant id.")
    name: str = Field(description="Restaurant name.", min_length=1, max_length=120)
    cuisine: Cuisine = Field("pizza", description="Main cuisine.")
    address: str = Field("", description="Street address.", max_length=200)
    zone: Literal["north", "south", "east", "west", "central"] = Field(
        "central", description="Delivery zone."
    )
    is_open: bool = Field(True, description="Whether the restaurant accepts orders right now.")
    delivery_fee: float = Field(2.99, description="Delivery fee in USD.", ge=0, le=50)
    min_order: float = Field(0, description="Minimum subtotal in USD.", ge=0, le=200)
    rating: float = Field(0, description="Average customer rating (1-5); 0 before the first rating.")
    ratings_count: int = Field(0, description="Number of ratings.")


class MenuItem(BaseModel):
    id: str = Field(description="Menu item id.")
    restaurant_id: str = Field(description="Restaurant serving the item.")
    name: str = Field(description="Dish name.", min_length=1, max_length=120)
    description: str = Field("", description="Short description.", max_length=500)
    category: Category = Field("main", description="Menu section.")
    price: float = Field(description="Price in USD.", gt=0, le=500)
    available: bool = Field(True, description="Whether the item can be ordered now.")
    vegetarian: bool = Field(False, description="Whether the dish is vegetarian.")
    calories: int = Field(0, description="Calories per portion; 0 when unknown.", ge=0, le=5000)


class OrderItem(BaseModel):
    menu_item_id: str = Field(description="Menu item ordered.")
    name: str = Field(description="Dish name at order time.")
    quantity: int = Field(description="Portions.", ge=1)
    price: float = Field(description="Unit price at order time (USD).")


class Order(BaseModel):
    id: str = Field(description="Order id.")
    restaurant_id: str = Field(description="Restaurant preparing the order.")
    customer_email: str = Field(description="Email of the customer.")
    items: list[OrderItem] = Field(default_factory=list, description="Ordered dishes.")
    subtotal: float = Field(0, description="Sum of items (USD).")
    delivery_fee: float = Field(0, description="Delivery fee charged (USD).")
    tip: float = Field(0, description="Courier tip (USD).")
    total: float = Field(0, description="Amount charged (USD).")
    status: OrderStatus = Field("placed", description="Order progress.")
    courier_id: str = Field("", description="Courier delivering the order; empty until assigned.")
    delivery_address: str = Field("", description="Where to deliver.")
    instructions: str = Field("", description="Notes for the courier.")
    placed_at: str = Field("", description="When the order was placed (ISO-8601).")
    delivered_at: str = Field("", description="When the order was delivered (ISO-8601); empty before.")
    rating: int = Field(0, description="Customer rating 1-5; 0 when not rated.")


class Courier(BaseModel):
    id: str = Field(description="Courier id.")
    name: str = Field(description="Courier full name.", min_length=1, max_length=120)
    phone: str = Field("", description="Phone number.", max_length=40)
    vehicle: Literal["bike", "scooter", "car"] = Field("bike", description="Vehicle type.")
    zone: Literal["north", "south", "east", "west", "central"] = Field("central", description="Home zone.")
    status: CourierStatus = Field("offline", description="Availability.")
    deliveries_completed: int = Field(0, description="Deliveries completed.")
    rating: float = Field(5.0, description="Average rating (1-5).", ge=1, le=5)


bp.resource(
    Restaurant,
    name="restaurant",
    id_prefix="rst",
    searchable=("name", "address"),
    filterable=("cuisine", "zone", "is_open"),
    readonly=("rating", "ratings_count", "is_open"),
    order_by="name",
)
bp.resource(
    MenuItem,
    name="menu_item",
    id_prefix="itm",
    searchable=("name", "description"),
    filterable=("restaurant_id", "category", "available", "vegetarian"),
    refs={"restaurant_id": "restaurant"},
)
bp.resource(
    Courier,
    name="courier",
    id_prefix="cour",
    filterable=("status", "zone", "vehicle"),
    readonly=("status", "deliveries_completed"),
    ops=("list", "get", "create", "update"),
    order_by="name",
)
bp.resource(
    Order,
    name="order",
    id_prefix="ord",
    filterable=("restaurant_id", "status", "courier_id", "customer_email"),
    refs={"restaurant_id": "restaurant"},
    ops=("list", "get"),
    order_by="placed_at DESC",
)


class DeliveryInfo(BaseModel):
    address: str = Field(description="Street address to deliver to.", min_length=3, max_length=200)
    instructions: str = Field("", description="Notes for the courier, e.g. gate code.", max_length=300)


class NewMenuItem(BaseModel):
    name: str = Field(description="Dish name.", min_length=1, max_length=120)
    category: Category = Field("main", description="Menu section.")
    price: float = Field(description="Price in USD.", gt=0, le=500)
    vegetarian: bool = Field(False, description="Whether the dish is vegetarian.")


class MenuItemList(BaseModel):
    items: list[MenuItem] = Field(description="The menu items.")


class CourierList(BaseModel):
    couriers: list[Courier] = Field(description="The couriers.")


class Quote(BaseModel):
    restaurant_id: str = Field(description="Restaurant of the items.")
    subtotal: float = Field(description="Sum of items (USD).")
    delivery_fee: float = Field(description="Delivery fee (USD).")
    total: float = Field(description="Subtotal plus fee (USD), before tip.")
    meets_minimum: bool = Field(description="Whether the subtotal reaches the restaurant's minimum order.")


class RestaurantStats(BaseModel):
    restaurant_id: str = Field(description="The restaurant.")
    orders_by_status: dict[str, int] = Field(description="Number of orders per status.")
    revenue: float = Field(description="Sum of subtotals of delivered orders (USD).")
    average_rating: float = Field(description="Average rating of rated orders; 0 when none.")


def _basket(ctx: ToolContext, menu_item_ids: list[str]) -> tuple[dict, list[dict], float]:
    counts: dict[str, int] = {}
    for mid in menu_item_ids:
        counts[mid] = counts.get(mid, 0) + 1
    items, restaurant_id, subtotal = [], None, 0.0
    for mid, qty in counts.items():
        m = ctx.require("menu_item", mid)
        if restaurant_id and m["restaurant_id"] != restaurant_id:
            raise ToolError("menu_item_ids: all items must come from the same restaurant.")
        restaurant_id = m["restaurant_id"]
        if not m["available"]:
            raise ToolError(f"'{m['name']}' is currently unavailable.")
        items.append({"menu_item_id": mid, "name": m["name"], "quantity": qty, "price": m["price"]})
        subtotal += m["price"] * qty
    return ctx.require("restaurant", restaurant_id), items, money(subtotal)


@bp.action(read_only=True)
def get_order_quote(
    ctx: ToolContext, menu_item_ids: Annotated[list[str], Field(min_length=1, max_length=30)]
) -> Quote:
    """Price a basket of {app} menu items (repeat an id for more portions): subtotal, delivery fee and total.

    Args:
        menu_item_ids: Menu items to price, all from one restaurant; repeat an id for several portions.
    """
    r, _, subtotal = _basket(ctx, menu_item_ids)
    return {
        "restaurant_id": r["id"],
        "subtotal": subtotal,
        "delivery_fee": r["delivery_fee"],
        "total": money(subtotal + r["delivery_fee"]),
        "meets_minimum": subtotal >= r["min_order"],
    }


@bp.action()
def place_order(
    ctx: ToolContext,
    menu_item_ids: Annotated[list[str], Field(min_length=1, max_length=30)],
    delivery: DeliveryInfo,
    tip: Annotated[float, Field(ge=0, le=100)] = 0,
) -> Order:
    """Place an {app} delivery order for the current user; the restaurant must be open and the minimum met.

    Args:
        menu_item_ids: Menu items to order, all from one restaurant; repeat an id for several portions.
        delivery: Delivery address and courier instructions.
        tip: Courier tip in USD.
    """
    r, items, subtotal = _basket(ctx, menu_item_ids)
    if not r["is_open"]:
        raise ToolError(f"{r['name']} is closed and not taking orders.")
    if subtotal < r["min_order"]:
        raise ToolError(
            f"{r['name']} has a minimum order of {r['min_order']:.2f} USD; this basket is {subtotal:.2f} USD."
        )
    return ctx.insert(
        "order",
        {
            "restaurant_id": r["id"],
            "customer_email": ctx.user.email,
            "items": items,
            "subtotal": subtotal,
            "delivery_fee": r["delivery_fee"],
            "tip": money(tip),
            "total": money(subtotal + r["delivery_fee"] + tip),
            "delivery_address": delivery["address"],
            "instructions": delivery.get("instructions", ""),
            "placed_at": ctx.now(),
        },
    )


_KITCHEN = {"placed": ("accepted",), "accepted": ("preparing",), "preparing": ("ready",)}


@bp.action()
def update_order_status(
    ctx: ToolContext, order_id: str, status: Literal["accepted", "preparing", "ready"] | None = None
) -> Order:
    """Move an {app} order forward in the kitchen (placed → accepted → preparing → ready); no skipping steps.

    Args:
        order_id: The order to update.
        status: The kitchen status to move it to; omit to move to the next step.
    """
    o = ctx.require("order", order_id)
    if status is None:
        if o["status"] not in _KITCHEN:
            raise ToolError(f"Order {order_id} is '{o['status']}'; the kitchen has no further step for it.")
        status = _KITCHEN[o["status"]][0]
    if o["status"] == status:
        raise ToolError(f"Order {order_id} is already '{status}'.")
    if status not in _KITCHEN.get(o["status"], ()):
        allowed = ", ".join(_KITCHEN.get(o["status"], ())) or "none"
        raise ToolError(
            f"Cannot move order {order_id} from '{o['status']}' to '{status}'; allowed: {allowed}."
        )
    return ctx.update("order", order_id, {"status": status})


@bp.action()
def assign_courier(ctx: ToolContext, order_id: str, courier_id: str) -> Order:
    """Assign an available {app} courier to an accepted, preparing or ready order; the courier starts
    delivering.

    Args:
        order_id: The order to deliver.
        courier_id: The courier to assign.
    """
    o = ctx.require("order", order_id)
    c = ctx.require("courier", courier_id)
    if o["status"] not in ("accepted", "preparing", "ready"):
        raise ToolError(
            f"Order {order_id} is '{o['status']}'; couriers are assigned to accepted, "
            "preparing or ready orders."
        )
    if o["courier_id"]:
        raise ToolError(f"Order {order_id} already has courier {o['courier_id']}.")
    if c["status"] != "available":
        raise ToolError(f"Courier {c['name']} is {c['status']}, not available.")
    ctx.update("courier", courier_id, {"status": "delivering"})
    return ctx.update("order", order_id, {"courier_id": courier_id})


@bp.action()
def confirm_pickup(ctx: ToolContext, order_id: str) -> Order:
    """Confirm that the assigned {app} courier picked up a ready order from the restaurant.

    Args:
        order_id: The ready order that was picked up.
    """
    o = ctx.require("order", order_id)
    if o["status"] != "ready":
        raise ToolError(f"Order {order_id} is '{o['status']}'; only ready orders can be picked up.")
    if not o["courier_id"]:
        raise ToolError(f"Order {order_id} has no courier yet; assign one first.")
    return ctx.update("order", order_id, {"status": "picked_up"})


@bp.action()
def mark_order_delivered(ctx: ToolContext, order_id: str) -> Order:
    """Mark a picked-up {app} order as delivered; the courier becomes available again.

    Args:
        order_id: The order that was delivered.
    """
    o = ctx.require("order", order_id)
    if o["status"] != "picked_up":
        raise ToolError(f"Order {order_id} is '{o['status']}'; only picked-up orders can be delivered.")
    c = ctx.get("courier", o["courier_id"])
    if c is not None:
        ctx.update(
            "courier", c["id"], {"status": "available", "deliveries_completed": c["deliveries_completed"] + 1}
        )
    return ctx.update("order", order_id, {"status": "delivered", "delivered_at": ctx.now()})


@bp.action(destructive=True)
def cancel_order(
    ctx: ToolContext,
    order_id: str,
    reason: Literal[
        "customer_request", "restaurant_closed", "out_of_stock", "no_courier"
    ] = "customer_request",
) -> Order:
    """Cancel an {app} order that has not been picked up yet; an assigned courier is released.

    Args:
        order_id: The order to cancel.
        reason: Why the order is cancelled.
    """
    o = ctx.require("order", order_id)
    if o["status"] in ("picked_up", "delivered", "cancelled"):
        raise ToolError(f"Order {order_id} is '{o['status']}' and can no longer be cancelled.")
    c = ctx.get("courier", o["courier_id"]) if o["courier_id"] else None
    if c is not None and c["status"] == "delivering":
        ctx.update("courier", c["id"], {"status": "available"})
    return ctx.update("order", order_id, {"status": "cancelled", "instructions": f"Cancelled: {reason}."})


@bp.action()
def rate_order(ctx: ToolContext, order_id: str, stars: Annotated[int, Field(ge=1, le=5)]) -> Order:
    """Rate a delivered {app} order from 1 to 5 stars; updates the restaurant's average. Each order is rated
    once.

    Args:
        order_id: The delivered order.
        stars: Rating from 1 to 5.
    """
    o = ctx.require("order", order_id)
    if o["status"] != "delivered":
        raise ToolError(f"Order {order_id} is '{o['status']}'; only delivered orders can be rated.")
    if o["rating"]:
        raise ToolError(f"Order {order_id} was already rated {o['rating']} stars.")
    r = ctx.require("restaurant", o["restaurant_id"])
    n = r["ratings_count"] + 1
    ctx.update(
        "restaurant", r["id"], {"ratings_count": n, "rating": round((r["rating"] * (n - 1) + stars) / n, 2)}
    )
    return ctx.update("order", order_id, {"rating": stars})


@bp.action(idempotent=True)
def set_restaurant_open(ctx: ToolContext, restaurant_id: str, is_open: bool) -> Restaurant:
    """Open or close an {app} restaurant for new orders; setting the current state again changes nothing.

    Args:
        restaurant_id: The restaurant.
        is_open: True to accept orders, false to pause them.
    """
    r = ctx.require("restaurant", restaurant_id)
    if r["is_open"] == is_open:
        return r
    return ctx.update("restaurant", restaurant_id, {"is_open": is_open})


@bp.action(idempotent=True)
def set_items_availability(
    ctx: ToolContext, menu_item_ids: Annotated[list[str], Field(min_length=1, max_length=50)], available: bool
) -> MenuItemList:
    """Mark several {app} menu items as available or sold out at once (all or none). Returns the items.

    Args:
        menu_item_ids: The menu items to change.
        available: True when they can be ordered, false when sold out.
    """
    rows = [ctx.require("menu_item", mid) for mid in dict.fromkeys(menu_item_ids)]
    return {
        "items": [
            m if m["available"] == available else ctx.update("menu_item", m["id"], {"available": available})
            for m in rows
        ]
    }


@bp.action()
def bulk_add_menu_items(
    ctx: ToolContext,
    restaurant_id: str,
    items: Annotated[list[NewMenuItem], Field(min_length=1, max_length=25)],
) -> MenuItemList:
    """Add several dishes to an {app} restaurant's menu (all or none); names must be new on that menu.

    Args:
        restaurant_id: The restaurant whose menu grows.
        items: The dishes to add.
    """
    ctx.require("restaurant", restaurant_id)
    existing = {m["name"].lower() for m in ctx.select("menu_item", "restaurant_id = ?", (restaurant_id,))}
    names = [i["name"].strip().lower() for i in items]
    for name in names:
        if name in existing or names.count(name) > 1:
            raise ToolError(
                f"items: a dish named '{name}' is already on this menu or repeated; nothing was added."
            )
    return {
        "items": [
            ctx.insert(
                "menu_item",
                {
                    "restaurant_id": restaurant_id,
                    "name": i["name"].strip(),
                    "category": i["category"],
                    "price": i["price"],
                    "vegetarian": i["vegetarian"],
                },
            )
            for i in items
        ]
    }


@bp.action(read_only=True)
def find_cheapest_items(
    ctx: ToolContext,
    category: Category | None = None,
    vegetarian_only: bool = False,
    max_price: Annotated[float | None, Field(gt=0, le=500)] = None,
) -> MenuItemList:
    """Find the 10 cheapest available {app} dishes at open restaurants, optionally by menu section and diet.

    Args:
        category: Only this menu section.
        vegetarian_only: Only vegetarian dishes.
        max_price: Only dishes at or below this price (USD).
    """
    open_ids = {r["id"] for r in ctx.select("restaurant", "is_open = 1")}
    rows = [
        m
        for m in ctx.select("menu_item", "available = 1", order_by="price, name")
        if m["restaurant_id"] in open_ids
        and (category is None or m["category"] == category)
        and (not vegetarian_only or m["vegetarian"])
        and (max_price is None or m["price"] <= max_price)
    ]
    return {"items": rows[:10]}


@bp.action(read_only=True)
def list_available_couriers(
    ctx: ToolContext,
    zone: Literal["north", "south", "east", "west", "central"] | None = None,
    vehicle: Literal["bike", "scooter", "car"] | None = None,
) -> CourierList:
    """List {app} couriers available for a new delivery, best rated first, optionally by zone and vehicle.

    Args:
        zone: Only couriers of this zone.
        vehicle: Only couriers with this vehicle.
    """
    rows = ctx.select("courier", "status = 'available'", order_by="rating DESC, name")
    return {
        "couriers": [
            c
            for c in rows
            if (zone is None or c["zone"] == zone) and (vehicle is None or c["vehicle"] == vehicle)
        ]
    }


@bp.action()
def set_courier_status(ctx: ToolContext, courier_id: str, status: Literal["available", "offline"]) -> Courier:
    """Put an {app} courier on or off shift; a courier with an undelivered order cannot change status.

    Args:
        courier_id: The courier.
        status: 'available' to start a shift, 'offline' to end it.
    """
    c = ctx.require("courier", courier_id)
    if c["status"] == "delivering":
        raise ToolError(f"Courier {c['name']} is delivering an order; mark it delivered first.")
    if c["status"] == status:
        raise ToolError(f"Courier {c['name']} is already {status}.")
    return ctx.update("courier", courier_id, {"status": status})


@bp.action(read_only=True)
def get_restaurant_stats(ctx: ToolContext, restaurant_id: str) -> RestaurantStats:
    """Summarize an {app} restaurant's orders: counts per status, delivered revenue and average rating.

    Args:
        restaurant_id: The restaurant.
    """
    ctx.require("restaurant", restaurant_id)
    orders = ctx.select("order", "restaurant_id = ?", (restaurant_id,))
    by: dict[str, int] = {}
    for o in orders:
        by[o["status"]] = by.get(o["status"], 0) + 1
    rated = [o["rating"] for o in orders if o["rating"]]
    return {
        "restaurant_id": restaurant_id,
        "orders_by_status": dict(sorted(by.items())),
        "revenue": money(sum(o["subtotal"] for o in orders if o["status"] == "delivered")),
        "average_rating": round(sum(rated) / len(rated), 2) if rated else 0.0,
    }


_MENUS = {
    "pizza": ("Margherita", "Pepperoni", "Quattro Formaggi", "Garlic Knots", "Tiramisu"),
    "sushi": ("Salmon Nigiri", "Dragon Roll", "Miso Soup", "Edamame", "Mochi"),
    "burgers": ("Classic Burger", "Veggie Burger", "Fries", "Onion Rings", "Milkshake"),
    "thai": ("Pad Thai", "Green Curry", "Spring Rolls", "Mango Sticky Rice", "Thai Iced Tea"),
    "indian": ("Butter Chicken", "Chana Masala", "Garlic Naan", "Samosa", "Mango Lassi"),
    "mexican": ("Carnitas Tacos", "Bean Burrito", "Chips & Guac", "Churros", "Horchata"),
    "salads": ("Caesar Salad", "Quinoa Bowl", "Greek Salad", "Lentil Soup", "Lemonade"),
    "bakery": ("Croissant", "Avocado Toast", "Banana Bread", "Cinnamon Roll", "Flat White"),
}
_CATS = ("main", "main", "main", "side", "dessert")
_VEG = {
    "Margherita",
    "Quattro Formaggi",
    "Garlic Knots",
    "Veggie Burger",
    "Fries",
    "Onion Rings",
    "Chana Masala",
    "Garlic Naan",
    "Samosa",
    "Bean Burrito",
    "Chips & Guac",
    "Quinoa Bowl",
    "Greek Salad",
    "Lentil Soup",
    "Croissant",
    "Avocado Toast",
    "Edamame",
    "Spring Rolls",
    "Mango Sticky Rice",
    "Churros",
    "Tiramisu",
    "Mochi",
}
_ZONES = ("north", "south", "east", "west", "central")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    restaurants, items = [], []
    for n, cuisine in enumerate(_MENUS):
        for k in range(2 if n < 4 else 1):
            r = ctx.insert(
                "restaurant",
                {
                    "name": (
                        f"{s.fake.last_name()}'s "
                        f"{cuisine.capitalize() if k == 0 else rng.choice(('Kitchen', 'House', 'Corner'))}"
                    ),
                    "cuisine": cuisine,
                    "address": s.fake.street_address(),
                    "zone": _ZONES[(n + k) % 5],
                    "is_open": (n + k) % 5 != 4,
                    "delivery_fee": rng.choice((0.0, 1.99, 2.99, 3.49)),
                    "min_order": 0.0 if n < 3 else rng.choice((0.0, 10.0, 15.0)),
                    "rating": 0.0,
                    "ratings_count": 0,
                },
            )
            restaurants.append(r)
    # interleave menus so the first menu items span several restaurants
    menus = []
    for r in restaurants:
        menus.append([(r, name, _CATS[i]) for i, name in enumerate(_MENUS[r["cuisine"]])])
    for i in range(5):
        for menu in menus:
            r, name, cat = menu[i]
            items.append(
                ctx.insert(
                    "menu_item",
                    {
                        "restaurant_id": r["id"],
                        "name": name,
                        "description": s.fake.sentence(nb_words=8),
                        "category": cat
                        if name
                        not in (
                            "Milkshake",
                            "Thai Iced Tea",
                            "Mango Lassi",
                            "Horchata",
                            "Lemonade",
                            "Flat White",
                        )
                        else "drink",
                        "price": round(rng.uniform(4, 22), 2)
                        if cat == "main"
                        else round(rng.uniform(2.5, 9), 2),
                        "available": rng.random() > 0.1,
                        "vegetarian": name in _VEG,
                        "calories": rng.randint(150, 1100),
                    },
                )
            )
    couriers = []
    for k, person in enumerate(s.people[10:30]):
        couriers.append(
            ctx.insert(
                "courier",
                {
                    "name": person.name,
                    "phone": person.phone,
                    "vehicle": ("bike", "scooter", "car")[k % 3],
                    "zone": _ZONES[k % 5],
                    "status": "delivering" if k >= 12 else "offline" if k % 3 == 1 else "available",
                    "deliveries_completed": rng.randint(5, 900),
                    "rating": round(rng.uniform(4.0, 5.0), 2),
                },
            )
        )
    busy = [c for c in couriers if c["status"] == "delivering"]
    customers = [p.email for p in s.people[:20]] + [s.user.email]
    first = (
        "placed",
        "accepted",
        "ready_c",
        "picked_up",
        "delivered",
        "preparing",
        "ready_c",
        "picked_up",
        "delivered",
        "ready",
        "picked_up",
        "placed",
    )
    for k in range(36):
        status = (
            first[k]
            if k < len(first)
            else rng.choice(("delivered", "delivered", "cancelled", "placed", "preparing"))
        )
        r = restaurants[k % len(restaurants)]
        menu = [m for m in items if m["restaurant_id"] == r["id"] and m["available"]]
        picks = rng.sample(menu, k=min(len(menu), rng.randint(1, 3)))
        its = [
            {"menu_item_id": m["id"], "name": m["name"], "quantity": rng.randint(1, 2), "price": m["price"]}
            for m in picks
        ]
        subtotal = money(sum(i["quantity"] * i["price"] for i in its))
        tip = rng.choice((0.0, 2.0, 3.0, 5.0))
        courier = ""
        if status in ("picked_up", "ready_c"):
            courier = busy.pop()["id"]
            status = "ready" if status == "ready_c" else status
        elif status == "delivered":
            courier = rng.choice(couriers)["id"]
        placed = s.at(days=-30 + k * 0.8)
        ctx.insert(
            "order",
            {
                "restaurant_id": r["id"],
                "customer_email": rng.choice(customers),
                "items": its,
                "subtotal": subtotal,
                "delivery_fee": r["delivery_fee"],
                "tip": tip,
                "total": money(subtotal + r["delivery_fee"] + tip),
                "status": status,
                "courier_id": courier,
                "delivery_address": s.fake.street_address(),
                "placed_at": placed,
                "delivered_at": s.at(days=-30 + k * 0.8, minutes=40) if status == "delivered" else "",
                "rating": rng.randint(3, 5) if status == "delivered" and k >= 12 else 0,
            },
        )
    for r in restaurants:
        rated = [o["rating"] for o in ctx.select("order", "restaurant_id = ? AND rating > 0", (r["id"],))]
        if rated:
            ctx.update(
                "restaurant",
                r["id"],
                {"rating": round(sum(rated) / len(rated), 2), "ratings_count": len(rated)},
            )


bp.product("munchrun", "MunchRun", "Restaurant delivery marketplace with courier dispatch.")
bp.product(
    "forkfleet",
    "ForkFleet",
    "Dispatch console for food delivery couriers and kitchens.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("delete_menu_item", "search_restaurants"),
)
bp.product(
    "plattergo",
    "PlatterGo",
    "Order food from local restaurants, delivered fast.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("get_restaurant_stats", "create_courier", "update_courier"),
)
bp.product(
    "grubnook",
    "GrubNook",
    "Neighbourhood food ordering with menus and delivery tracking.",
    prefix="grubnook",
    drop=(
        "bulk_add_menu_items",
        "set_items_availability",
        "delete_restaurant",
        "update_restaurant",
        "create_restaurant",
        "create_menu_item",
        "update_menu_item",
        "delete_menu_item",
        "create_courier",
        "update_courier",
    ),
)
bp.product(
    "dishdash",
    "DishDash",
    "Delivery management for restaurant groups.",
    pagination="page",
    verbs={"create": "add"},
    drop=("find_cheapest_items",),
)
