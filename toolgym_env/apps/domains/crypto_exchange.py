"""Crypto exchange: wallets, spot orders and trades, deposits/withdrawals, whitelisted addresses, price
alerts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("crypto exchange")

Asset = Literal["BTC", "ETH", "SOL", "ADA", "DOT", "LINK", "XRP", "LTC", "AVAX", "USDC", "USD"]
#: Each market (base-quote): its reference price (the simulated order book mid) and its 24-hour change in %.
MARKETS: dict[str, tuple[float, float]] = {
    "BTC-USD": (64250.0, 2.1),
    "ETH-USD": (3180.0, -1.4),
    "SOL-USD": (146.2, 5.8),
    "ADA-USD": (0.452, -0.7),
    "DOT-USD": (7.15, 1.2),
    "LINK-USD": (17.8, 3.3),
    "XRP-USD": (0.61, -2.6),
    "LTC-USD": (84.3, 0.4),
    "AVAX-USD": (36.4, -3.9),
    "USDC-USD": (1.0, 0.0),
    "ETH-BTC": (0.0495, -3.4),
}
Market = Literal[tuple(MARKETS)]  # type: ignore[valid-type]
Side = Literal["buy", "sell"]
PRICES: dict[str, float] = {market: price for market, (price, _) in MARKETS.items()}
CHANGE_24H: dict[str, float] = {market: change for market, (_, change) in MARKETS.items()}
NETWORK_FEE: dict[str, float] = {
    "BTC": 0.0002,
    "ETH": 0.002,
    "SOL": 0.01,
    "ADA": 1.0,
    "DOT": 0.1,
    "LINK": 0.3,
    "XRP": 0.25,
    "LTC": 0.001,
    "AVAX": 0.02,
    "USDC": 1.0,
    "USD": 5.0,
}
TAKER_FEE = 0.001


def _usd(asset: str) -> float:
    return 1.0 if asset == "USD" else PRICES[f"{asset}-USD"]


class Wallet(BaseModel):
    id: str = Field(description="Wallet id.")
    asset: Asset = Field(description="Asset held in the wallet.")
    label: str = Field("", description="Display label, e.g. 'Trading'.", max_length=80)
    balance: float = Field(0.0, ge=0, description="Total balance, including amounts locked by open orders.")
    locked: float = Field(0.0, ge=0, description="Amount reserved by open orders and pending withdrawals.")
    status: Literal["active", "frozen"] = Field(
        "active", description="Frozen wallets cannot trade or withdraw."
    )
    created_at: str = Field("", description="When the wallet was opened (ISO-8601).")


class Order(BaseModel):
    id: str = Field(description="Order id.")
    market: Market = Field(description="Market symbol, base-quote, e.g. 'BTC-USD'.")
    side: Side = Field(description="Buy or sell the base asset.")
    order_type: Literal["market", "limit"] = Field("limit", description="Order type.")
    quantity: float = Field(gt=0, description="Quantity of the base asset.")
    limit_price: float = Field(0.0, ge=0, description="Limit price in the quote asset (0 for market orders).")
    filled_quantity: float = Field(0.0, ge=0, description="Quantity filled so far.")
    status: Literal["open", "partially_filled", "filled", "canceled"] = Field(
        "open", description="Order status."
    )
    client_order_id: str = Field("", description="Caller's own reference.", max_length=64)
    created_at: str = Field("", description="When the order was placed (ISO-8601).")


class Trade(BaseModel):
    id: str = Field(description="Trade id.")
    order_id: str = Field(description="Order that produced the fill.")
    market: Market = Field(description="Market symbol.")
    side: Side = Field(description="Side of the order.")
    price: float = Field(gt=0, description="Execution price in the quote asset.")
    quantity: float = Field(gt=0, description="Filled base quantity.")
    fee: float = Field(0.0, ge=0, description="Fee charged, in the quote asset.")
    executed_at: str = Field("", description="Execution time (ISO-8601).")


class Transfer(BaseModel):
    id: str = Field(description="Transfer id.")
    wallet_id: str = Field(description="Wallet credited or debited.")
    kind: Literal["deposit", "withdrawal"] = Field(description="Direction of the transfer.")
    amount: float = Field(gt=0, description="Amount of the wallet's asset.")
    fee: float = Field(0.0, ge=0, description="Network fee (withdrawals).")
    address: str = Field("", description="External address (blockchain or bank reference).", max_length=120)
    status: Literal["pending", "completed", "canceled"] = Field("pending", description="Transfer status.")
    created_at: str = Field("", description="When the transfer was created (ISO-8601).")


class Address(BaseModel):
    id: str = Field(description="Address book entry id.")
    asset: Asset = Field(description="Asset the address accepts.")
    address: str = Field(
        description="On-chain address or bank account reference.", min_length=8, max_length=120
    )
    label: str = Field(description="Label, e.g. 'Ledger cold storage'.", min_length=1, max_length=80)
    network: Literal[
        "bitcoin", "ethereum", "solana", "cardano", "polkadot", "ripple", "litecoin", "avalanche", "ach"
    ] = Field(description="Network the address lives on.")
    whitelisted: bool = Field(True, description="Only whitelisted addresses accept withdrawals.")


class PriceAlert(BaseModel):
    id: str = Field(description="Alert id.")
    market: Market = Field(description="Market to watch.")
    direction: Literal["above", "below"] = Field(description="Trigger when the price goes above or below.")
    target_price: float = Field(gt=0, description="Price threshold in the quote asset.")
    status: Literal["active", "paused", "triggered"] = Field("active", description="Alert status.")
    note: str = Field("", description="Free-text note.", max_length=200)
    triggered_at: str = Field("", description="When the alert fired (ISO-8601), empty if not yet.")


bp.resource(
    Wallet,
    name="wallet",
    id_prefix="wal",
    searchable=("label",),
    filterable=("asset", "status"),
    readonly=("asset", "balance", "locked", "status"),
    ops=("search", "list", "get", "update"),
    order_by="asset",
)
bp.resource(
    Order,
    name="order",
    id_prefix="ord",
    filterable=("market", "side", "status"),
    ops=("list", "get"),
    order_by="created_at DESC",
)
bp.resource(
    Trade,
    name="trade",
    id_prefix="trd",
    filterable=("market", "order_id", "side"),
    refs={"order_id": "order"},
    ops=("list", "get"),
    order_by="executed_at DESC",
)
bp.resource(
    Transfer,
    name="transfer",
    id_prefix="txf",
    filterable=("wallet_id", "kind", "status"),
    refs={"wallet_id": "wallet"},
    ops=("list", "get"),
    order_by="created_at DESC",
)
bp.resource(
    Address,
    name="address",
    plural="addresses",
    id_prefix="adr",
    searchable=("label", "address"),
    filterable=("asset", "network"),
    order_by="label",
)
bp.resource(
    PriceAlert,
    name="price_alert",
    id_prefix="alr",
    filterable=("market", "status"),
    readonly=("triggered_at",),
    ops=("list", "get", "create", "update", "delete"),
)


class OrderList(BaseModel):
    orders: list[Order] = Field(description="The orders.")


class AlertList(BaseModel):
    alerts: list[PriceAlert] = Field(description="Alerts that fired.")


class Ticker(BaseModel):
    market: str = Field(description="Market symbol.")
    price: float = Field(description="Last price.")
    bid: float = Field(description="Best bid.")
    ask: float = Field(description="Best ask.")
    change_24h_pct: float = Field(description="Price change over 24 hours, in percent.")


class Holding(BaseModel):
    asset: str = Field(description="Asset.")
    balance: float = Field(description="Total balance.")
    available: float = Field(description="Balance not locked.")
    value_usd: float = Field(description="Value in USD at the reference price.")


class Portfolio(BaseModel):
    holdings: list[Holding] = Field(description="One entry per wallet with a balance.")
    total_usd: float = Field(description="Total value in USD.")


class TradeSummary(BaseModel):
    market: str = Field(description="Market summarized, or 'all'.")
    trades: int = Field(description="Number of trades.")
    bought: float = Field(description="Base quantity bought.")
    sold: float = Field(description="Base quantity sold.")
    fees: float = Field(description="Total fees in the quote asset.")
    average_price: float = Field(description="Volume-weighted average price (0 when no trades).")


class NewOrder(BaseModel):
    market: Market = Field(description="Market symbol.")
    side: Side = Field(description="Buy or sell.")
    quantity: float = Field(gt=0, le=500, description="Base quantity.")
    limit_price: float = Field(gt=0, description="Limit price in the quote asset.")


def _wallet_of(ctx: ToolContext, asset: str) -> dict:
    rows = ctx.select("wallet", "asset = ?", (asset,))
    if not rows:
        raise ToolError(f"You have no {asset} wallet; open one first.")
    w = rows[0]
    if w["status"] == "frozen":
        raise ToolError(f"Your {asset} wallet {w['id']} is frozen.")
    return w


def _available(w: dict) -> float:
    return round(w["balance"] - w["locked"], 8)


def _fill(
    ctx: ToolContext,
    market: str,
    side: str,
    quantity: float,
    order_type: str,
    limit_price: float,
    client_id: str = "",
) -> dict:
    base, quote = market.split("-")
    bw, qw = _wallet_of(ctx, base), _wallet_of(ctx, quote)
    price = PRICES[market]
    gross = round(quantity * price, 8)
    fee = round(gross * TAKER_FEE, 8)
    if side == "buy":
        if _available(qw) < gross + fee:
            raise ToolError(
                f"Insufficient {quote}: buying {quantity} {base} costs {round(gross + fee, 8)} "
                f"including fees, available {_available(qw)}."
            )
        ctx.update("wallet", qw["id"], {"balance": round(qw["balance"] - gross - fee, 8)})
        ctx.update("wallet", bw["id"], {"balance": round(bw["balance"] + quantity, 8)})
    else:
        if _available(bw) < quantity:
            raise ToolError(f"Insufficient {base}: selling {quantity}, available {_available(bw)}.")
        ctx.update("wallet", bw["id"], {"balance": round(bw["balance"] - quantity, 8)})
        ctx.update("wallet", qw["id"], {"balance": round(qw["balance"] + gross - fee, 8)})
    now = ctx.now()
    order = ctx.insert(
        "order",
        {
            "market": market,
            "side": side,
            "order_type": order_type,
            "quantity": quantity,
            "limit_price": limit_price,
            "filled_quantity": quantity,
            "status": "filled",
            "client_order_id": client_id,
            "created_at": now,
        },
    )
    _record_trade(ctx, order, price, fee)
    return order


def _record_trade(ctx: ToolContext, order: dict, price: float, fee: float) -> None:
    """Record the trade that filled ``order`` (all of it, at ``price``, when the order was placed)."""
    ctx.insert(
        "trade",
        {
            "order_id": order["id"],
            "market": order["market"],
            "side": order["side"],
            "price": price,
            "quantity": order["quantity"],
            "fee": fee,
            "executed_at": order["created_at"],
        },
    )


def _limit_order(
    ctx: ToolContext, market: str, side: str, quantity: float, price: float, client_id: str = ""
) -> dict:
    base, quote = market.split("-")
    ref = PRICES[market]
    if (side == "buy" and price >= ref) or (side == "sell" and price <= ref):  # marketable: fills now
        return _fill(ctx, market, side, quantity, "limit", price, client_id)
    if side == "buy":
        w, need = _wallet_of(ctx, quote), round(quantity * price, 8)
        _wallet_of(ctx, base)
    else:
        w, need = _wallet_of(ctx, base), round(quantity, 8)
        _wallet_of(ctx, quote)
    if _available(w) < need:
        raise ToolError(f"Insufficient {w['asset']}: order needs {need}, available {_available(w)}.")
    ctx.update("wallet", w["id"], {"locked": round(w["locked"] + need, 8)})
    return ctx.insert(
        "order",
        {
            "market": market,
            "side": side,
            "order_type": "limit",
            "quantity": quantity,
            "limit_price": price,
            "status": "open",
            "client_order_id": client_id,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def open_wallet(ctx: ToolContext, asset: Asset, label: Annotated[str, Field(max_length=80)] = "") -> Wallet:
    """Open a new {app} wallet for an asset (one wallet per asset) and return it with a zero balance.

    Args:
        asset: The asset the wallet holds.
        label: Optional display label.
    """
    if ctx.select("wallet", "asset = ?", (asset,)):
        raise ToolError(f"You already have a {asset} wallet.")
    return ctx.insert(
        "wallet", {"asset": asset, "label": label or f"{asset} wallet", "created_at": ctx.now()}
    )


@bp.action(destructive=True)
def close_wallet(ctx: ToolContext, wallet_id: str) -> Wallet:
    """Close an empty {app} wallet; refused while it holds a balance or has open orders. Returns the closed
    wallet.

    Args:
        wallet_id: The wallet to close.
    """
    w = ctx.require("wallet", wallet_id)
    if w["balance"] > 0:
        raise ToolError(
            f"Wallet {wallet_id} still holds {w['balance']} {w['asset']}; withdraw or sell it first."
        )
    if w["locked"] > 0:
        raise ToolError(f"Wallet {wallet_id} has funds locked by open orders.")
    ctx.delete("wallet", wallet_id)
    return w


@bp.action(idempotent=True)
def set_wallet_frozen(ctx: ToolContext, wallet_id: str, frozen: bool) -> Wallet:
    """Freeze or unfreeze an {app} wallet; a frozen wallet cannot trade or withdraw. Returns the wallet.

    Args:
        wallet_id: The wallet to change.
        frozen: True to freeze, false to unfreeze.
    """
    ctx.require("wallet", wallet_id)
    return ctx.update("wallet", wallet_id, {"status": "frozen" if frozen else "active"})


@bp.action()
def place_order(
    ctx: ToolContext,
    market: Market,
    side: Side,
    quantity: Annotated[float, Field(gt=0, le=500)],
    order_type: Literal["market", "limit"] = "market",
    limit_price: Annotated[float, Field(gt=0)] | None = None,
) -> Order:
    """Place a spot order on {app}: market and marketable limit orders fill now (0.1% fee); other limits lock
    funds.

    Args:
        market: Market symbol, e.g. 'BTC-USD'.
        side: Buy or sell the base asset.
        quantity: Quantity of the base asset.
        order_type: 'market' fills now; 'limit' waits at limit_price.
        limit_price: Limit price in the quote asset (limit orders only).
    """
    if order_type == "limit":
        if limit_price is None:
            raise ToolError("limit_price is required for limit orders.")
        return _limit_order(ctx, market, side, quantity, limit_price)
    if limit_price is not None:
        raise ToolError("limit_price is only allowed on limit orders; omit it for a market order.")
    return _fill(ctx, market, side, quantity, "market", 0.0)


@bp.action()
def place_batch_orders(
    ctx: ToolContext, orders: Annotated[list[NewOrder], Field(min_length=1, max_length=10)]
) -> OrderList:
    """Place several {app} limit orders at once; all are accepted or, if any fails its funds check, none.

    Args:
        orders: The limit orders to place.
    """
    made = []
    for i, o in enumerate(orders):
        try:
            made.append(_limit_order(ctx, o["market"], o["side"], o["quantity"], o["limit_price"]))
        except ToolError as e:
            raise ToolError(f"orders[{i}]: {e} No orders were placed.") from None
    return {"orders": made}


def _cancel(ctx: ToolContext, order: dict) -> dict:
    base, quote = order["market"].split("-")
    rest = order["quantity"] - order["filled_quantity"]
    asset, amount = (quote, rest * order["limit_price"]) if order["side"] == "buy" else (base, rest)
    rows = ctx.select("wallet", "asset = ?", (asset,))
    if rows:
        ctx.update("wallet", rows[0]["id"], {"locked": max(0.0, round(rows[0]["locked"] - amount, 8))})
    return ctx.update("order", order["id"], {"status": "canceled"})


@bp.action()
def cancel_order(ctx: ToolContext, order_id: str) -> Order:
    """Cancel an open {app} limit order and release its locked funds; filled or canceled orders are refused.

    Args:
        order_id: The order to cancel.
    """
    order = ctx.require("order", order_id)
    if order["status"] not in ("open", "partially_filled"):
        raise ToolError(f"Order {order_id} is already {order['status']} and cannot be canceled.")
    return _cancel(ctx, order)


@bp.action(idempotent=True)
def cancel_all_orders(ctx: ToolContext, market: Market | None = None) -> OrderList:
    """Cancel every open {app} order, optionally only in one market; returns the orders that were canceled.

    Args:
        market: Only cancel orders in this market.
    """
    where, params = "status IN ('open','partially_filled')", ()
    if market:
        where, params = where + " AND market = ?", (market,)
    return {"orders": [_cancel(ctx, o) for o in ctx.select("order", where, params)]}


@bp.action(read_only=True)
def get_ticker(ctx: ToolContext, market: Market) -> Ticker:
    """Get the current {app} ticker for a market: last price, best bid/ask and 24-hour change.

    Args:
        market: Market symbol, e.g. 'ETH-USD'.
    """
    p = PRICES[market]
    return {
        "market": market,
        "price": p,
        "bid": round(p * 0.9995, 8),
        "ask": round(p * 1.0005, 8),
        "change_24h_pct": CHANGE_24H[market],
    }


@bp.action(read_only=True)
def get_portfolio_value(ctx: ToolContext, min_value_usd: Annotated[float, Field(ge=0)] = 0.0) -> Portfolio:
    """Value every {app} wallet in USD at reference prices and return the holdings plus the total.

    Args:
        min_value_usd: Leave out holdings worth less than this.
    """
    holdings = []
    for w in ctx.select("wallet", order_by="asset"):
        value = round(w["balance"] * _usd(w["asset"]), 2)
        if w["balance"] > 0 and value >= min_value_usd:
            holdings.append(
                {"asset": w["asset"], "balance": w["balance"], "available": _available(w), "value_usd": value}
            )
    holdings.sort(key=lambda h: -h["value_usd"])
    return {"holdings": holdings, "total_usd": round(sum(h["value_usd"] for h in holdings), 2)}


@bp.action()
def request_withdrawal(
    ctx: ToolContext, address_id: str, amount: Annotated[float, Field(gt=0, le=500)]
) -> Transfer:
    """Withdraw funds from the matching {app} wallet to a whitelisted address; the amount plus network fee is
    locked.

    Args:
        address_id: Address book entry to send to (must be whitelisted).
        amount: Amount of the address's asset to send.
    """
    addr = ctx.require("address", address_id)
    if not addr["whitelisted"]:
        raise ToolError(f"Address '{addr['label']}' is not whitelisted; withdrawals to it are blocked.")
    w = _wallet_of(ctx, addr["asset"])
    fee = NETWORK_FEE[addr["asset"]]
    if _available(w) < amount + fee:
        raise ToolError(
            f"Insufficient {addr['asset']}: withdrawal needs {round(amount + fee, 8)} including the "
            f"network fee, available {_available(w)}."
        )
    ctx.update("wallet", w["id"], {"locked": round(w["locked"] + amount + fee, 8)})
    return ctx.insert(
        "transfer",
        {
            "wallet_id": w["id"],
            "kind": "withdrawal",
            "amount": amount,
            "fee": fee,
            "address": addr["address"],
            "status": "pending",
            "created_at": ctx.now(),
        },
    )


@bp.action()
def cancel_withdrawal(ctx: ToolContext, transfer_id: str) -> Transfer:
    """Cancel a pending {app} withdrawal and release the locked funds; completed transfers cannot be canceled.

    Args:
        transfer_id: The withdrawal to cancel.
    """
    t = ctx.require("transfer", transfer_id)
    if t["kind"] != "withdrawal":
        raise ToolError(f"Transfer {transfer_id} is a deposit, not a withdrawal.")
    if t["status"] != "pending":
        raise ToolError(
            f"Withdrawal {transfer_id} is {t['status']}; only pending withdrawals can be canceled."
        )
    w = ctx.get("wallet", t["wallet_id"])
    if w:
        ctx.update("wallet", w["id"], {"locked": max(0.0, round(w["locked"] - t["amount"] - t["fee"], 8))})
    return ctx.update("transfer", transfer_id, {"status": "canceled"})


@bp.action()
def confirm_deposit(ctx: ToolContext, transfer_id: str) -> Transfer:
    """Confirm a pending {app} deposit once it has enough confirmations, crediting the wallet; returns the
    deposit.

    Args:
        transfer_id: The pending deposit.
    """
    t = ctx.require("transfer", transfer_id)
    if t["kind"] != "deposit":
        raise ToolError(f"Transfer {transfer_id} is a withdrawal, not a deposit.")
    if t["status"] != "pending":
        raise ToolError(f"Deposit {transfer_id} is already {t['status']}.")
    w = ctx.require("wallet", t["wallet_id"])
    ctx.update("wallet", w["id"], {"balance": round(w["balance"] + t["amount"], 8)})
    return ctx.update("transfer", transfer_id, {"status": "completed"})


@bp.action(read_only=True)
def get_trade_summary(ctx: ToolContext, market: Market | None = None) -> TradeSummary:
    """Summarize your {app} trade history: trade count, quantities bought and sold, fees and average price.

    Args:
        market: Only trades in this market (all markets when omitted).
    """
    trades = ctx.select("trade", "market = ?", (market,)) if market else ctx.select("trade")
    qty = sum(t["quantity"] for t in trades)
    return {
        "market": market or "all",
        "trades": len(trades),
        "bought": round(sum(t["quantity"] for t in trades if t["side"] == "buy"), 8),
        "sold": round(sum(t["quantity"] for t in trades if t["side"] == "sell"), 8),
        "fees": round(sum(t["fee"] for t in trades), 8),
        "average_price": round(sum(t["price"] * t["quantity"] for t in trades) / qty, 8) if qty else 0.0,
    }


@bp.action()
def check_price_alerts(ctx: ToolContext, market: Market | None = None) -> AlertList:
    """Evaluate active {app} price alerts against current prices; alerts whose condition holds are marked
    triggered.

    Args:
        market: Only check alerts on this market.
    """
    where, params = "status = 'active'", ()
    if market:
        where, params = where + " AND market = ?", (market,)
    fired = []
    for a in ctx.select("price_alert", where, params):
        p = PRICES[a["market"]]
        if (a["direction"] == "above" and p >= a["target_price"]) or (
            a["direction"] == "below" and p <= a["target_price"]
        ):
            fired.append(
                ctx.update("price_alert", a["id"], {"status": "triggered", "triggered_at": ctx.now()})
            )
    return {"alerts": fired}


_NETWORK = {
    "BTC": "bitcoin",
    "ETH": "ethereum",
    "SOL": "solana",
    "ADA": "cardano",
    "DOT": "polkadot",
    "LINK": "ethereum",
    "XRP": "ripple",
    "LTC": "litecoin",
    "AVAX": "avalanche",
    "USDC": "ethereum",
    "USD": "ach",
}
_BAL = {
    "BTC": 1.84,
    "ETH": 21.5,
    "SOL": 310.0,
    "DOT": 420.0,
    "XRP": 8200.0,
    "LTC": 0.0,
    "USDC": 12500.0,
    "USD": 48000.0,
}  # no ADA, LINK or AVAX wallet yet; the LTC wallet is empty


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    wallets = {}
    for asset, bal in _BAL.items():
        wallets[asset] = ctx.insert(
            "wallet",
            {
                "asset": asset,
                "label": {"USD": "Cash", "USDC": "Stablecoins"}.get(asset, f"{asset} trading"),
                "balance": bal,
                "locked": 0.0,
                "status": "active",
                "created_at": s.at(days=-rng.randint(100, 600)),
            },
        )
    locks: dict[str, float] = {a: 0.0 for a in _BAL}
    markets = [m for m in PRICES if _BAL.get(m.split("-")[0], 0) > 0 and m != "USDC-USD"]
    for n in range(26):
        market = markets[n % len(markets)]
        base, quote = market.split("-")
        side = "buy" if n % 3 != 1 else "sell"
        ref = PRICES[market]
        qty = round(max(_BAL[base], 1.0) * rng.uniform(0.01, 0.05), 4)
        created = s.at(days=-rng.randint(0, 40), hours=-rng.randint(0, 23))
        if n < 10:  # resting limit orders
            price = round(ref * (0.95 if side == "buy" else 1.05), 6)
            locks[quote if side == "buy" else base] += qty * price if side == "buy" else qty
            ctx.insert(
                "order",
                {
                    "market": market,
                    "side": side,
                    "order_type": "limit",
                    "quantity": qty,
                    "limit_price": price,
                    "status": "open",
                    "created_at": created,
                    "client_order_id": f"bot-{1000 + n}",
                },
            )
            continue
        status = "canceled" if n % 5 == 0 else "filled"
        kind = rng.choice(("limit", "market"))
        price = round(ref * rng.uniform(0.93, 1.03), 6)
        order = ctx.insert(
            "order",
            {
                "market": market,
                "side": side,
                "order_type": kind,
                "quantity": qty,
                "limit_price": price if kind == "limit" else 0.0,
                "filled_quantity": qty if status == "filled" else 0.0,
                "status": status,
                "created_at": created,
            },
        )
        if status == "filled":
            _record_trade(ctx, order, price, round(qty * price * TAKER_FEE, 8))
    for asset in ("BTC", "ETH", "SOL", "USDC", "XRP", "DOT"):
        for k in range(2):
            ctx.insert(
                "address",
                {
                    "asset": asset,
                    "address": s.fake.sha1()[: 34 if asset == "BTC" else 40],
                    "label": (f"{s.people[k].first_name}'s {asset}" if k else f"Ledger cold storage {asset}"),
                    "network": _NETWORK[asset],
                    "whitelisted": not (asset == "DOT" and k == 1),
                },
            )
    for n in range(18):
        asset = ("BTC", "ETH", "SOL", "USDC", "USD", "XRP")[n % 6]
        kind = "deposit" if n % 3 == 0 else "withdrawal"
        status = "pending" if n < 9 else rng.choice(("completed", "completed", "canceled"))
        amount = round(max(_BAL[asset], 1.0) * rng.uniform(0.02, 0.08), 4)
        fee = NETWORK_FEE[asset] if kind == "withdrawal" else 0.0
        if kind == "withdrawal" and status == "pending":
            locks[asset] += amount + fee
        ctx.insert(
            "transfer",
            {
                "wallet_id": wallets[asset]["id"],
                "kind": kind,
                "amount": amount,
                "fee": fee,
                "address": s.fake.sha1()[:40] if asset != "USD" else f"ACH {s.fake.numerify('####')}",
                "status": status,
                "created_at": s.at(days=-rng.randint(0, 30)),
            },
        )
    for asset, amount in locks.items():
        if amount:
            ctx.update("wallet", wallets[asset]["id"], {"locked": round(amount, 8)})
    for n, market in enumerate(list(PRICES)[:12]):
        ref = PRICES[market]
        direction = "above" if n % 2 == 0 else "below"
        factor = (0.97 if n % 3 == 0 else 1.08) if direction == "above" else (1.02 if n % 3 == 0 else 0.9)
        ctx.insert(
            "price_alert",
            {
                "market": market,
                "direction": direction,
                "target_price": round(ref * factor, 6),
                "status": "paused" if n == 5 else "active",
                "note": rng.choice(("take profit", "buy the dip", "", "rebalance")),
            },
        )


bp.product(
    "coinvexa", "Coinvexa", "Spot crypto exchange with wallets, limit orders and whitelisted withdrawals."
)
bp.product(
    "bitharbor",
    "BitHarbor",
    "Retail crypto trading app with price alerts and instant buys.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("search_wallets", "delete_address"),
)
bp.product(
    "tokenquay",
    "TokenQuay",
    "Crypto brokerage desk for fast market orders and transfers.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=(
        "place_batch_orders",
        "cancel_all_orders",
        "get_trade_summary",
        "check_price_alerts",
        "list_price_alerts",
        "get_price_alert",
        "create_price_alert",
        "update_price_alert",
        "delete_price_alert",
        "search_addresses",
    ),
)
bp.product(
    "satsdock",
    "SatsDock",
    "Self-directed crypto exchange account with cold-storage withdrawals.",
    prefix="satsdock",
    drop=("set_wallet_frozen",),
)
bp.product(
    "ledgerpeak",
    "LedgerPeak",
    "Pro crypto trading terminal with batch orders and portfolio valuation.",
    verbs={"create": "add"},
    pagination="cursor",
)
