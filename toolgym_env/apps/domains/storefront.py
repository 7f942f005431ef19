"""Online storefront admin: products, variants with inventory, orders, customers, discounts (five
products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.money import money
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("e-commerce storefront")

ProductStatus = Literal["draft", "active", "archived"]
FinancialStatus = Literal["pending", "paid", "partially_refunded", "refunded", "voided"]
FulfillmentStatus = Literal["unfulfilled", "fulfilled", "cancelled"]
DATE = r"^\d{4}-\d{2}-\d{2}$"


class Product(BaseModel):
    id: str = Field(description="Product id.")
    title: str = Field(description="Product title shown in the store.", min_length=1, max_length=150)
    description: str = Field("", description="Product description (HTML allowed).", max_length=5000)
    vendor: str = Field("", description="Brand or supplier name.", max_length=100)
    product_type: Literal["apparel", "accessories", "home", "beauty", "electronics", "food"] = Field(
        "apparel", description="Product category."
    )
    status: ProductStatus = Field("draft", description="Draft products are hidden; active ones can be sold.")
    tags: list[str] = Field(default_factory=list, description="Merchandising tags.")
    created_at: str = Field("", description="When the product was created (ISO-8601).")
    updated_at: str = Field("", description="When the product last changed (ISO-8601).")


class Variant(BaseModel):
    id: str = Field(description="Variant id.")
    product_id: str = Field(description="Product this variant belongs to.")
    sku: str = Field(
        description="Stock keeping unit, upper-case letters, digits and dashes.",
        pattern=r"^[A-Z0-9][A-Z0-9-]{2,23}$",
    )
    option_title: str = Field("Default", description="Option values, e.g. 'Blue / M'.", max_length=80)
    price: float = Field(description="Unit price in USD.", ge=0, le=100000)
    compare_at_price: float = Field(
        0, description="Original price shown struck through; 0 when none.", ge=0, le=100000
    )
    inventory_quantity: int = Field(0, description="Units in stock.", ge=0, le=100000)
    weight_grams: int = Field(0, description="Shipping weight in grams.", ge=0, le=100000)


class Customer(BaseModel):
    id: str = Field(description="Customer id.")
    email: str = Field(description="Customer email address.", max_length=200)
    first_name: str = Field(description="First name.", min_length=1, max_length=80)
    last_name: str = Field("", description="Last name.", max_length=80)
    phone: str = Field("", description="Phone number.", max_length=40)
    accepts_marketing: bool = Field(False, description="Whether the customer opted in to marketing email.")
    tags: list[str] = Field(default_factory=list, description="Customer tags such as 'vip'.")
    orders_count: int = Field(0, description="Number of orders placed.")
    total_spent: float = Field(0, description="Total amount spent in USD (after refunds).")
    created_at: str = Field("", description="When the customer signed up (ISO-8601).")


class LineItem(BaseModel):
    variant_id: str = Field(description="Variant ordered.")
    title: str = Field(description="Product and option title at order time.")
    quantity: int = Field(description="Units ordered.", ge=1)
    unit_price: float = Field(description="Unit price at order time (USD).")


class Order(BaseModel):
    id: str = Field(description="Order id.")
    number: int = Field(0, description="Human-readable order number, e.g. 1042.")
    customer_id: str = Field(description="Customer who placed the order.")
    line_items: list[LineItem] = Field(default_factory=list, description="Ordered items.")
    subtotal: float = Field(0, description="Sum of line items before discount (USD).")
    discount_code: str = Field("", description="Discount code applied; empty when none.")
    discount_amount: float = Field(0, description="Discount taken off the subtotal (USD).")
    total: float = Field(0, description="Amount charged (USD).")
    refunded_amount: float = Field(0, description="Amount refunded so far (USD).")
    financial_status: FinancialStatus = Field("pending", description="Payment state.")
    fulfillment_status: FulfillmentStatus = Field("unfulfilled", description="Shipping state.")
    tracking_number: str = Field("", description="Carrier tracking number once fulfilled.")
    note: str = Field("", description="Internal note.", max_length=1000)
    created_at: str = Field("", description="When the order was placed (ISO-8601).")


class Discount(BaseModel):
    id: str = Field(description="Discount id.")
    code: str = Field(description="Code customers type at checkout.", pattern=r"^[A-Z0-9]{4,20}$")
    kind: Literal["percentage", "fixed_amount"] = Field("percentage", description="How the value applies.")
    value: float = Field(description="Percent off (1-100) or USD off.", gt=0, le=1000)
    min_subtotal: float = Field(0, description="Minimum order subtotal in USD.", ge=0, le=100000)
    usage_limit: int = Field(
        100, description="How many times the code can be used in total.", ge=1, le=100000
    )
    times_used: int = Field(0, description="How many times the code was used.")
    ends_on: str = Field("", description="Last valid day (YYYY-MM-DD); empty for no end.")
    active: bool = Field(True, description="Whether the code is currently accepted.")


bp.resource(
    Product,
    name="product",
    id_prefix="prod",
    searchable=("title", "vendor", "description"),
    filterable=("status", "product_type", "vendor"),
    readonly=("status",),
    order_by="title",
)
bp.resource(
    Variant,
    name="variant",
    id_prefix="var",
    filterable=("product_id", "sku"),
    refs={"product_id": "product"},
    readonly=("inventory_quantity",),
    ops=("list", "get", "create", "update", "delete"),
)
bp.resource(
    Customer,
    name="customer",
    id_prefix="cus",
    searchable=("email", "first_name", "last_name"),
    filterable=("email", "accepts_marketing"),
    readonly=("orders_count", "total_spent"),
    order_by="last_name",
)
bp.resource(
    Order,
    name="order",
    id_prefix="ord",
    filterable=("customer_id", "financial_status", "fulfillment_status"),
    refs={"customer_id": "customer"},
    ops=("list", "get"),
    order_by="created_at DESC",
)
bp.resource(
    Discount,
    name="discount",
    id_prefix="dsc",
    filterable=("active", "kind"),
    readonly=("times_used", "active"),
    ops=("list", "get", "create", "delete"),
    order_by="code",
)


class VariantList(BaseModel):
    variants: list[Variant] = Field(description="The variants.")


class CustomerList(BaseModel):
    customers: list[Customer] = Field(description="The customers.")


class NewVariant(BaseModel):
    sku: str = Field(description="Stock keeping unit.", pattern=r"^[A-Z0-9][A-Z0-9-]{2,23}$")
    option_title: str = Field("Default", description="Option values, e.g. 'Red / L'.", max_length=80)
    price: float = Field(description="Unit price in USD.", ge=0, le=100000)
    inventory_quantity: int = Field(0, description="Starting stock.", ge=0, le=100000)


class OrderLine(BaseModel):
    variant_id: str = Field(description="Variant to order.")
    quantity: int = Field(1, description="Units.", ge=1, le=100)


class DiscountCheck(BaseModel):
    code: str = Field(description="The code checked.")
    valid: bool = Field(description="Whether the code applies to this subtotal.")
    discount_amount: float = Field(description="USD that would be taken off (0 when invalid).")
    reason: str = Field(description="Why the code is not valid; empty when valid.")


class SalesSummary(BaseModel):
    since: str = Field(description="First day counted (YYYY-MM-DD).")
    orders: int = Field(description="Orders placed (excluding voided).")
    gross_sales: float = Field(description="Sum of order totals (USD).")
    refunds: float = Field(description="Sum refunded (USD).")
    net_sales: float = Field(description="Gross sales minus refunds (USD).")
    units_sold: int = Field(description="Units across all line items.")
    top_variant_id: str = Field(description="Variant with the most units sold; empty when none.")


def _discount_amount(ctx: ToolContext, code: str, subtotal: float) -> tuple[dict | None, float, str]:
    rows = ctx.select("discount", "code = ?", (code.strip().upper(),))
    if not rows:
        return None, 0.0, f"No discount with code '{code}'."
    d = rows[0]
    if not d["active"]:
        return d, 0.0, f"Discount {d['code']} is not active."
    if d["ends_on"] and d["ends_on"] < ctx.today():
        return d, 0.0, f"Discount {d['code']} expired on {d['ends_on']}."
    if d["times_used"] >= d["usage_limit"]:
        return d, 0.0, f"Discount {d['code']} reached its usage limit of {d['usage_limit']}."
    if subtotal < d["min_subtotal"]:
        return d, 0.0, f"Discount {d['code']} needs a subtotal of at least {d['min_subtotal']:.2f} USD."
    amount = subtotal * d["value"] / 100 if d["kind"] == "percentage" else min(d["value"], subtotal)
    return d, money(amount), ""


@bp.action()
def adjust_inventory(
    ctx: ToolContext,
    variant_id: str,
    delta: Annotated[int, Field(ge=-1000, le=1000)],
    reason: Literal["received", "correction", "damaged", "returned"] = "correction",
) -> Variant:
    """Add or remove units of an {app} variant's stock; the result can never drop below zero. Returns the
    variant.

    Args:
        variant_id: The variant whose stock changes.
        delta: Units to add (positive) or remove (negative).
        reason: Why the stock changes.
    """
    v = ctx.require("variant", variant_id)
    if delta == 0:
        raise ToolError("delta: must not be 0.")
    new = v["inventory_quantity"] + delta
    if new < 0:
        raise ToolError(
            f"Cannot remove {-delta} units of {v['sku']}: only {v['inventory_quantity']} in stock."
        )
    return ctx.update("variant", variant_id, {"inventory_quantity": new})


@bp.action()
def bulk_create_variants(
    ctx: ToolContext,
    product_id: str,
    variants: Annotated[list[NewVariant], Field(min_length=1, max_length=20)],
) -> VariantList:
    """Add several variants to an {app} product at once (all or none); SKUs must be unique. Returns the new
    variants.

    Args:
        product_id: Product to add the variants to.
        variants: The variants to create.
    """
    product = ctx.require("product", product_id)
    if product["status"] == "archived":
        raise ToolError(f"Product '{product['title']}' is archived; unarchive it before adding variants.")
    skus = [v["sku"] for v in variants]
    if len(set(skus)) != len(skus):
        raise ToolError("variants: the same SKU appears twice in the batch.")
    for sku in skus:
        if ctx.select("variant", "sku = ?", (sku,)):
            raise ToolError(f"SKU {sku} is already used by another variant; nothing was created.")
    made = [
        ctx.insert(
            "variant",
            {
                "product_id": product_id,
                "sku": v["sku"],
                "option_title": v["option_title"],
                "price": v["price"],
                "inventory_quantity": v["inventory_quantity"],
            },
        )
        for v in variants
    ]
    return {"variants": made}


@bp.action()
def publish_product(ctx: ToolContext, product_id: str) -> Product:
    """Make a draft or archived {app} product active so customers can buy it; it needs a priced variant.

    Args:
        product_id: The product to publish.
    """
    p = ctx.require("product", product_id)
    if p["status"] == "active":
        raise ToolError(f"Product '{p['title']}' is already active.")
    variants = ctx.select("variant", "product_id = ? AND price > 0", (product_id,))
    if not variants:
        raise ToolError(f"Product '{p['title']}' has no variant with a price; add one before publishing.")
    return ctx.update("product", product_id, {"status": "active", "updated_at": ctx.now()})


@bp.action()
def archive_product(ctx: ToolContext, product_id: str) -> Product:
    """Archive an {app} product (hide it from the store); refused while unfulfilled orders include it.

    Args:
        product_id: The product to archive.
    """
    p = ctx.require("product", product_id)
    if p["status"] == "archived":
        raise ToolError(f"Product '{p['title']}' is already archived.")
    vids = {v["id"] for v in ctx.select("variant", "product_id = ?", (product_id,))}
    open_orders = [
        o
        for o in ctx.select("order", "fulfillment_status = 'unfulfilled' AND financial_status != 'voided'")
        if any(li["variant_id"] in vids for li in o["line_items"])
    ]
    if open_orders:
        raise ToolError(
            f"Product '{p['title']}' is in {len(open_orders)} unfulfilled orders "
            f"(e.g. #{open_orders[0]['number']}); fulfill or cancel them first."
        )
    return ctx.update("product", product_id, {"status": "archived", "updated_at": ctx.now()})


@bp.action()
def create_order(
    ctx: ToolContext,
    customer_id: str,
    line_items: Annotated[list[OrderLine], Field(min_length=1, max_length=20)],
    discount_code: Annotated[str | None, Field(max_length=20)] = None,
) -> Order:
    """Place an {app} order for a customer: checks stock of active products, applies a discount, reserves
    stock.

    Args:
        customer_id: The customer placing the order.
        line_items: Variants and quantities to order.
        discount_code: Optional discount code to apply.
    """
    customer = ctx.require("customer", customer_id)
    need: dict[str, int] = {}
    for li in line_items:
        need[li["variant_id"]] = need.get(li["variant_id"], 0) + li["quantity"]
    items, subtotal = [], 0.0
    for vid, qty in need.items():
        v = ctx.get("variant", vid)
        if v is None:
            raise ToolError(f"line_items: no variant with id '{vid}'.")
        p = ctx.require("product", v["product_id"])
        if p["status"] != "active":
            raise ToolError(f"Product '{p['title']}' is {p['status']} and cannot be ordered.")
        if v["inventory_quantity"] < qty:
            raise ToolError(
                f"Not enough stock of {v['sku']}: {qty} requested, {v['inventory_quantity']} available."
            )
        items.append(
            {
                "variant_id": vid,
                "title": f"{p['title']} - {v['option_title']}",
                "quantity": qty,
                "unit_price": v["price"],
            }
        )
        subtotal += v["price"] * qty
    subtotal = money(subtotal)
    amount, code = 0.0, ""
    if discount_code:
        d, amount, why = _discount_amount(ctx, discount_code, subtotal)
        if why:
            raise ToolError(why)
        code = d["code"]
        ctx.update("discount", d["id"], {"times_used": d["times_used"] + 1})
    for vid, qty in need.items():
        v = ctx.require("variant", vid)
        ctx.update("variant", vid, {"inventory_quantity": v["inventory_quantity"] - qty})
    number = max([o["number"] for o in ctx.select("order")] or [1000]) + 1
    total = money(subtotal - amount)
    ctx.update("customer", customer_id, {"orders_count": customer["orders_count"] + 1})
    return ctx.insert(
        "order",
        {
            "number": number,
            "customer_id": customer_id,
            "line_items": items,
            "subtotal": subtotal,
            "discount_code": code,
            "discount_amount": amount,
            "total": total,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def mark_order_paid(ctx: ToolContext, order_id: str) -> Order:
    """Record payment of a pending {app} order and add its total to the customer's lifetime spend.

    Args:
        order_id: The pending order that was paid.
    """
    o = ctx.require("order", order_id)
    if o["financial_status"] != "pending":
        raise ToolError(
            f"Order #{o['number']} is '{o['financial_status']}', only pending orders can be marked paid."
        )
    c = ctx.require("customer", o["customer_id"])
    ctx.update("customer", c["id"], {"total_spent": money(c["total_spent"] + o["total"])})
    return ctx.update("order", order_id, {"financial_status": "paid"})


@bp.action()
def fulfill_order(
    ctx: ToolContext, order_id: str, tracking_number: Annotated[str, Field(pattern=r"^[A-Z0-9]{8,30}$")]
) -> Order:
    """Mark a paid {app} order as shipped with a carrier tracking number; unpaid orders cannot ship.

    Args:
        order_id: The order to fulfill.
        tracking_number: Carrier tracking number.
    """
    o = ctx.require("order", order_id)
    if o["fulfillment_status"] != "unfulfilled":
        raise ToolError(f"Order #{o['number']} is already {o['fulfillment_status']}.")
    if o["financial_status"] not in ("paid", "partially_refunded"):
        raise ToolError(
            f"Order #{o['number']} is '{o['financial_status']}'; only paid orders can be fulfilled."
        )
    return ctx.update(
        "order", order_id, {"fulfillment_status": "fulfilled", "tracking_number": tracking_number}
    )


@bp.action(destructive=True)
def cancel_order(
    ctx: ToolContext, order_id: str, reason: Literal["customer", "inventory", "fraud", "other"] = "customer"
) -> Order:
    """Cancel an unfulfilled {app} order: restocks its items and voids or fully refunds the payment.

    Args:
        order_id: The order to cancel.
        reason: Why the order is cancelled.
    """
    o = ctx.require("order", order_id)
    if o["fulfillment_status"] != "unfulfilled":
        raise ToolError(f"Order #{o['number']} is {o['fulfillment_status']} and cannot be cancelled.")
    for li in o["line_items"]:
        v = ctx.get("variant", li["variant_id"])
        if v is not None:
            ctx.update("variant", v["id"], {"inventory_quantity": v["inventory_quantity"] + li["quantity"]})
    changes = {"fulfillment_status": "cancelled", "note": f"Cancelled ({reason})."}
    if o["financial_status"] == "pending":
        changes["financial_status"] = "voided"
    elif o["financial_status"] in ("paid", "partially_refunded"):
        remaining = money(o["total"] - o["refunded_amount"])
        c = ctx.require("customer", o["customer_id"])
        ctx.update("customer", c["id"], {"total_spent": max(0.0, money(c["total_spent"] - remaining))})
        changes.update(financial_status="refunded", refunded_amount=o["total"])
    return ctx.update("order", order_id, changes)


@bp.action(destructive=True)
def refund_order(
    ctx: ToolContext, order_id: str, amount: Annotated[float | None, Field(gt=0, le=5000)] = None
) -> Order:
    """Refund part or all of a paid {app} order; the amount cannot exceed what is left to refund.

    Args:
        order_id: The paid order to refund.
        amount: Amount to refund in USD; omit to refund everything left.
    """
    o = ctx.require("order", order_id)
    if o["financial_status"] not in ("paid", "partially_refunded"):
        raise ToolError(
            f"Order #{o['number']} is '{o['financial_status']}'; only paid orders can be refunded."
        )
    remaining = money(o["total"] - o["refunded_amount"])
    amount = remaining if amount is None else money(amount)
    if amount > remaining:
        raise ToolError(
            f"Refund of {amount:.2f} USD exceeds the {remaining:.2f} USD left to refund on "
            f"order #{o['number']}."
        )
    refunded = money(o["refunded_amount"] + amount)
    c = ctx.require("customer", o["customer_id"])
    ctx.update("customer", c["id"], {"total_spent": max(0.0, money(c["total_spent"] - amount))})
    status = "refunded" if refunded >= o["total"] else "partially_refunded"
    return ctx.update("order", order_id, {"refunded_amount": refunded, "financial_status": status})


@bp.action(read_only=True)
def check_discount_code(
    ctx: ToolContext,
    code: Annotated[str, Field(min_length=1, max_length=20)],
    subtotal: Annotated[float, Field(ge=0, le=100000)],
) -> DiscountCheck:
    """Check whether an {app} discount code applies to a cart subtotal and how much it would take off.

    Args:
        code: The discount code.
        subtotal: Cart subtotal in USD.
    """
    d, amount, why = _discount_amount(ctx, code, subtotal)
    return {"code": code.strip().upper(), "valid": not why, "discount_amount": amount, "reason": why}


@bp.action(idempotent=True)
def deactivate_discount(ctx: ToolContext, discount_id: str) -> Discount:
    """Stop an {app} discount code from being accepted at checkout; an inactive code stays inactive.

    Args:
        discount_id: The discount to deactivate.
    """
    d = ctx.require("discount", discount_id)
    if not d["active"]:
        return d
    return ctx.update("discount", discount_id, {"active": False})


@bp.action(read_only=True)
def list_low_stock_variants(
    ctx: ToolContext, threshold: Annotated[int, Field(ge=0, le=1000)] = 5
) -> VariantList:
    """List {app} variants of active products with stock at or below a threshold, lowest stock first.

    Args:
        threshold: Highest stock level that counts as low.
    """
    active = {p["id"] for p in ctx.select("product", "status = 'active'")}
    rows = ctx.select("variant", "inventory_quantity <= ?", (threshold,), order_by="inventory_quantity, sku")
    return {"variants": [v for v in rows if v["product_id"] in active]}


@bp.action(read_only=True)
def get_sales_summary(ctx: ToolContext, since: Annotated[str, Field(pattern=DATE)]) -> SalesSummary:
    """Summarize {app} sales since a date: order count, gross, refunds, net sales and the best-selling
    variant.

    Args:
        since: First day to count (YYYY-MM-DD).
    """
    orders = [o for o in ctx.select("order", "created_at >= ? AND financial_status != 'voided'", (since,))]
    units: dict[str, int] = {}
    for o in orders:
        for li in o["line_items"]:
            units[li["variant_id"]] = units.get(li["variant_id"], 0) + li["quantity"]
    gross = money(sum(o["total"] for o in orders))
    refunds = money(sum(o["refunded_amount"] for o in orders))
    top = min(units, key=lambda k: (-units[k], k)) if units else ""
    return {
        "since": since,
        "orders": len(orders),
        "gross_sales": gross,
        "refunds": refunds,
        "net_sales": money(gross - refunds),
        "units_sold": sum(units.values()),
        "top_variant_id": top,
    }


@bp.action(idempotent=True)
def tag_customers(
    ctx: ToolContext,
    customer_ids: Annotated[list[str], Field(min_length=1, max_length=50)],
    tag: Annotated[str, Field(min_length=1, max_length=40)],
) -> CustomerList:
    """Add a tag to several {app} customers at once (all or none); customers already tagged are unchanged.

    Args:
        customer_ids: The customers to tag.
        tag: Tag to add, e.g. 'vip'.
    """
    name = tag.strip().lower()
    if not name:
        raise ToolError("tag: the tag cannot be blank.")
    rows = [ctx.require("customer", cid) for cid in dict.fromkeys(customer_ids)]
    out = []
    for c in rows:
        out.append(
            c if name in c["tags"] else ctx.update("customer", c["id"], {"tags": sorted({*c["tags"], name})})
        )
    return {"customers": out}


_ITEMS = {
    "apparel": ("Linen Shirt", "Merino Hoodie", "Canvas Jacket", "Everyday Tee", "Wool Socks"),
    "accessories": ("Leather Belt", "Canvas Tote", "Knit Beanie", "Sunglasses"),
    "home": ("Ceramic Mug", "Cotton Throw", "Scented Candle", "Oak Serving Board"),
    "beauty": ("Face Serum", "Lip Balm", "Clay Mask"),
    "electronics": ("Wireless Charger", "USB-C Cable", "Bluetooth Speaker"),
    "food": ("Cold Brew Beans", "Wildflower Honey", "Matcha Tin"),
}
_OPTIONS = ("S", "M", "L", "XL", "Black", "Natural", "Blue / M", "Green / L", "Default")


def _seed_variant(ctx: ToolContext, product: dict, stem: str, opt: str, fields: dict) -> dict:
    """Seed a variant of ``product`` with option ``opt``; its SKU is ``stem`` and the option's first two
    letters (a space or slash as X)."""
    sku = f"{stem}-{opt[:2].upper().replace(' ', 'X').replace('/', 'X')}"
    return ctx.insert("variant", {"product_id": product["id"], "sku": sku, "option_title": opt, **fields})


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    vendors = [
        o.name for o in rng.sample(s.cast.orgs[1:], 5)
    ]  # suppliers are organisations of the shared cast
    variants: list[dict] = []
    products = []
    n = 0
    for ptype, titles in _ITEMS.items():
        for title in titles:
            status = "draft" if n in (0, 3, 9, 15) else "archived" if n in (6, 19) else "active"
            created = s.at(days=-rng.randint(30, 400))
            p = ctx.insert(
                "product",
                {
                    "title": title,
                    "description": s.fake.sentence(nb_words=14),
                    "vendor": rng.choice(vendors),
                    "product_type": ptype,
                    "status": status,
                    "tags": sorted(
                        rng.sample(("new", "bestseller", "sale", "gift", "eco"), k=rng.randint(0, 2))
                    ),
                    "created_at": created,
                    "updated_at": created,
                },
            )
            products.append(p)
            base = rng.choice((9.0, 14.5, 24.0, 39.0, 58.0, 89.0))
            for k, opt in enumerate(rng.sample(_OPTIONS, k=rng.randint(1, 3))):
                variant = {
                    "price": base + 2 * k,
                    "compare_at_price": base + 10 if rng.random() < 0.2 else 0,
                    "inventory_quantity": rng.choice((0, 2, 4, 12, 25, 40, 80)),
                    "weight_grams": rng.randint(50, 1500),
                }
                variants.append(_seed_variant(ctx, p, f"{title[:3].upper()}-{n:02d}{k}", opt, variant))
            n += 1
    for prod in rng.sample(
        [p for p in s.cast.products if p.category != "software"], 6
    ):  # the shared product pool
        created = s.at(days=-rng.randint(30, 400))
        p = ctx.insert(
            "product",
            {
                "title": prod.name,
                "description": s.fake.sentence(nb_words=14),
                "vendor": rng.choice(vendors),
                "status": "active",
                "product_type": {"office": "home", "outdoor": "accessories"}.get(
                    prod.category, prod.category
                ),
                "tags": [],
                "created_at": created,
                "updated_at": created,
            },
        )
        products.append(p)
        for k, opt in enumerate(rng.sample(_OPTIONS, k=rng.randint(1, 2))):
            variant = {
                "price": prod.price + 2 * k,
                "compare_at_price": 0,
                "inventory_quantity": rng.choice((0, 4, 12, 25, 40)),
                "weight_grams": rng.randint(50, 1500),
            }
            variants.append(_seed_variant(ctx, p, f"CST-{n:02d}{k}", opt, variant))
        n += 1
    customers = []
    for person in s.people[:24]:
        customers.append(
            ctx.insert(
                "customer",
                {
                    "email": person.email,
                    "first_name": person.first_name,
                    "last_name": person.last_name,
                    "phone": person.phone,
                    "accepts_marketing": rng.random() < 0.6,
                    "tags": ["vip"] if rng.random() < 0.15 else [],
                    "created_at": s.at(days=-rng.randint(60, 500)),
                },
            )
        )
    for code, kind, value, mins, lim, used, ends, active in (
        ("WELCOME10", "percentage", 10, 0, 1000, 57, "", True),
        ("SPRING25", "percentage", 25, 50, 200, 31, s.date(30), True),
        ("FREESHIP5", "fixed_amount", 5, 20, 500, 120, "", True),
        ("VIP20", "percentage", 20, 0, 50, 50, "", True),
        ("WINTER15", "percentage", 15, 0, 300, 88, s.date(-20), True),
        ("SORRY10", "fixed_amount", 10, 0, 100, 4, "", False),
        ("BULK50", "fixed_amount", 50, 300, 20, 2, s.date(60), True),
    ):
        ctx.insert(
            "discount",
            {
                "code": code,
                "kind": kind,
                "value": value,
                "min_subtotal": mins,
                "usage_limit": lim,
                "times_used": used,
                "ends_on": ends,
                "active": active,
            },
        )
    sellable = [
        v for v in variants if any(p["id"] == v["product_id"] and p["status"] == "active" for p in products)
    ]
    for k in range(40):
        c = rng.choice(customers)
        picks = rng.sample(sellable, k=rng.randint(1, 3))
        items = [
            {
                "variant_id": v["id"],
                "title": (
                    f"{next(p['title'] for p in products if p['id'] == v['product_id'])} "
                    f"- {v['option_title']}"
                ),
                "quantity": rng.randint(1, 3),
                "unit_price": v["price"],
            }
            for v in picks
        ]
        subtotal = money(sum(i["quantity"] * i["unit_price"] for i in items))
        code, amount = ("WELCOME10", money(subtotal * 0.1)) if rng.random() < 0.2 else ("", 0.0)
        total = money(subtotal - amount)
        if k < 12:  # the first orders cover every state an action starts from
            fin, ful = (
                ("pending", "unfulfilled"),
                ("paid", "unfulfilled"),
                ("paid", "fulfilled"),
                ("partially_refunded", "unfulfilled"),
            )[k % 4]
        else:
            fin = rng.choice(("paid", "paid", "paid", "pending", "partially_refunded", "refunded"))
            ful = (
                "fulfilled" if fin in ("paid", "partially_refunded") and rng.random() < 0.6 else "unfulfilled"
            )
            if fin == "refunded":
                ful = "cancelled"
        refunded = total if fin == "refunded" else money(total / 4) if fin == "partially_refunded" else 0.0
        ctx.insert(
            "order",
            {
                "number": 1001 + k,
                "customer_id": c["id"],
                "line_items": items,
                "subtotal": subtotal,
                "discount_code": code,
                "discount_amount": amount,
                "total": total,
                "refunded_amount": refunded,
                "financial_status": fin,
                "fulfillment_status": ful,
                "tracking_number": f"1Z{rng.randint(10**9, 10**10 - 1)}" if ful == "fulfilled" else "",
                "created_at": s.at(days=-40 + k, hours=rng.randint(0, 20)),
            },
        )
        row = ctx.require("customer", c["id"])
        spent = row["total_spent"] + (total - refunded if fin != "pending" else 0)
        ctx.update(
            "customer", c["id"], {"orders_count": row["orders_count"] + 1, "total_spent": money(spent)}
        )


bp.product(
    "mercantor", "Mercantor", "Commerce admin for independent brands: catalog, stock, orders and promos."
)
bp.product(
    "cartwheelhq",
    "Cartwheel HQ",
    "Storefront back office for small online stores.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("delete_discount", "search_customers"),
)
bp.product(
    "shelfwise",
    "Shelfwise",
    "Inventory-first online store management.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("tag_customers", "get_sales_summary", "delete_variant"),
)
bp.product(
    "vendora",
    "Vendora",
    "Hosted storefront with orders, customers and discount codes.",
    prefix="vendora",
    drop=(
        "bulk_create_variants",
        "list_low_stock_variants",
        "delete_product",
        "delete_customer",
        "search_products",
        "update_customer",
        "check_discount_code",
        "deactivate_discount",
        "list_discounts",
        "update_variant",
    ),
)
bp.product(
    "tillbird",
    "Tillbird",
    "Online selling for makers: products, orders and customer tags.",
    pagination="offset",
    verbs={"create": "add"},
    drop=("archive_product",),
)
