"""Stock brokerage: accounts, positions, orders, quotes, watchlists and cash transfers (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("stock brokerage")

Side = Literal["buy", "sell"]


class Account(BaseModel):
    id: str = Field(description="Account id.")
    name: str = Field(description="Account nickname.", min_length=1, max_length=80)
    account_type: Literal["individual", "joint", "ira", "roth_ira", "margin"] = Field(
        "individual", description="Account type."
    )
    owner_email: str = Field("", description="Email of the primary owner.", max_length=200)
    cash_balance: float = Field(0.0, ge=0, description="Settled cash in USD.")
    status: Literal["active", "restricted", "closed"] = Field("active", description="Account status.")
    opened_on: str = Field("", description="Date the account was opened (YYYY-MM-DD).")


class Position(BaseModel):
    id: str = Field(description="Position id.")
    account_id: str = Field(description="Account holding the position.")
    symbol: str = Field(description="Ticker symbol.", pattern=r"^[A-Z]{1,5}$")
    quantity: int = Field(ge=0, description="Number of shares held.")
    avg_cost: float = Field(ge=0, description="Average cost per share in USD.")
    opened_on: str = Field("", description="Date the position was first opened (YYYY-MM-DD).")


class Order(BaseModel):
    id: str = Field(description="Order id.")
    account_id: str = Field(description="Account the order trades in.")
    symbol: str = Field(description="Ticker symbol.")
    side: Side = Field(description="Buy or sell.")
    order_type: Literal["market", "limit"] = Field("market", description="Order type.")
    quantity: int = Field(ge=1, description="Number of shares.")
    limit_price: float = Field(0.0, ge=0, description="Limit price (limit orders), 0 otherwise.")
    time_in_force: Literal["day", "gtc"] = Field("day", description="How long a resting order stays open.")
    status: Literal["pending", "filled", "canceled"] = Field("pending", description="Order status.")
    filled_price: float = Field(0.0, ge=0, description="Average fill price, 0 until filled.")
    created_at: str = Field("", description="When the order was placed (ISO-8601).")


class Quote(BaseModel):
    id: str = Field(description="Quote id.")
    symbol: str = Field(description="Ticker symbol.", pattern=r"^[A-Z]{1,5}$")
    company: str = Field(description="Company or fund name.", max_length=120)
    sector: Literal["technology", "healthcare", "financials", "energy", "consumer", "industrials", "etf"] = (
        Field(description="Sector.")
    )
    price: float = Field(gt=0, description="Last trade price in USD.")
    prev_close: float = Field(gt=0, description="Previous close in USD.")
    volume: int = Field(0, ge=0, description="Shares traded today.")


class Watchlist(BaseModel):
    id: str = Field(description="Watchlist id.")
    name: str = Field(description="Watchlist name.", min_length=1, max_length=60)
    symbols: list[str] = Field(default_factory=list, description="Ticker symbols on the list.")
    description: str = Field("", description="What the list is for.", max_length=300)
    created_at: str = Field("", description="When the list was created (ISO-8601).")


class CashTransfer(BaseModel):
    id: str = Field(description="Transfer id.")
    account_id: str = Field(description="Brokerage account.")
    direction: Literal["deposit", "withdrawal"] = Field(description="Into or out of the account.")
    amount: float = Field(gt=0, description="Amount in USD.")
    status: Literal["pending", "completed", "canceled"] = Field("pending", description="Transfer status.")
    created_at: str = Field("", description="When the transfer was requested (ISO-8601).")


bp.resource(
    Account,
    name="account",
    id_prefix="acc",
    searchable=("name",),
    filterable=("account_type", "status"),
    readonly=("cash_balance", "status", "account_type"),
    ops=("search", "list", "get", "update"),
    order_by="opened_on",
)
bp.resource(
    Position,
    name="position",
    id_prefix="pos",
    filterable=("account_id", "symbol"),
    refs={"account_id": "account"},
    ops=("list", "get"),
    order_by="symbol",
)
bp.resource(
    Order,
    name="order",
    id_prefix="ord",
    filterable=("account_id", "symbol", "status", "side"),
    refs={"account_id": "account"},
    ops=("list", "get"),
    order_by="created_at DESC",
)
bp.resource(
    Quote,
    name="quote",
    id_prefix="qte",
    searchable=("symbol", "company"),
    filterable=("sector",),
    ops=("search", "list", "get"),
    order_by="symbol",
)
bp.resource(Watchlist, name="watchlist", id_prefix="wl", searchable=("name", "description"), order_by="name")
bp.resource(
    CashTransfer,
    name="cash_transfer",
    id_prefix="ctr",
    filterable=("account_id", "direction", "status"),
    refs={"account_id": "account"},
    ops=("list", "get"),
    order_by="created_at DESC",
)


class QuoteList(BaseModel):
    quotes: list[Quote] = Field(description="Quotes found.")
    missing: list[str] = Field(default_factory=list, description="Requested symbols with no quote.")


class Mover(BaseModel):
    symbol: str = Field(description="Ticker symbol.")
    price: float = Field(description="Last price.")
    change_pct: float = Field(description="Change since the previous close, in percent.")


class MoverList(BaseModel):
    movers: list[Mover] = Field(description="Biggest movers, largest first.")


class Holding(BaseModel):
    symbol: str = Field(description="Ticker symbol.")
    quantity: int = Field(description="Shares held.")
    market_value: float = Field(description="Quantity times last price.")
    unrealized_pnl: float = Field(description="Market value minus cost basis.")


class AccountSummary(BaseModel):
    account_id: str = Field(description="The account.")
    cash_balance: float = Field(description="Settled cash.")
    market_value: float = Field(description="Value of all positions.")
    total_value: float = Field(description="Cash plus positions.")
    unrealized_pnl: float = Field(description="Unrealized gain (negative for a loss).")
    holdings: list[Holding] = Field(description="Positions, largest first.")


class OrderList(BaseModel):
    orders: list[Order] = Field(description="The orders.")


class NewOrder(BaseModel):
    quote_id: str = Field(description="Quote id of the instrument to trade.")
    side: Side = Field(description="Buy or sell.")
    quantity: int = Field(ge=1, le=200, description="Shares.")


def _quote(ctx: ToolContext, symbol: str) -> dict:
    rows = ctx.select("quote", "symbol = ?", (symbol.strip().upper(),))
    if not rows:
        raise ToolError(f"Unknown symbol '{symbol}'.")
    return rows[0]


def _active(ctx: ToolContext, account_id: str) -> dict:
    acc = ctx.require("account", account_id)
    if acc["status"] != "active":
        raise ToolError(f"Account {acc['name']} is {acc['status']}; trading and transfers are disabled.")
    return acc


def _execute(
    ctx: ToolContext,
    acc: dict,
    quote_id: str,
    side: str,
    quantity: int,
    order_type: str = "market",
    limit_price: float = 0.0,
    tif: str = "day",
) -> dict:
    q = ctx.require("quote", quote_id)
    symbol = q["symbol"]
    pos = ctx.select("position", "account_id = ? AND symbol = ?", (acc["id"], symbol))
    cash = ctx.require("account", acc["id"])["cash_balance"]
    marketable = (
        order_type == "market"
        or (side == "buy" and limit_price >= q["price"])
        or (side == "sell" and limit_price <= q["price"])
    )
    price = q["price"] if marketable else limit_price
    if side == "buy" and cash < round(quantity * price, 2):
        raise ToolError(
            f"Insufficient cash in {acc['name']}: {quantity} {symbol} at {price} costs "
            f"{round(quantity * price, 2)}, cash balance {cash}."
        )
    held = pos[0]["quantity"] if pos else 0
    if side == "sell" and held < quantity:
        raise ToolError(f"Cannot sell {quantity} {symbol}: account {acc['name']} holds {held} shares.")

    def order(kind: str, status: str, **filled: float) -> dict:
        row = {
            "account_id": acc["id"],
            "symbol": symbol,
            "side": side,
            "order_type": kind,
            "quantity": quantity,
        }
        row |= {"limit_price": limit_price, "time_in_force": tif, "status": status, **filled}
        return ctx.insert("order", {**row, "created_at": ctx.now()})

    if not marketable:
        return order("limit", "pending")
    cost = round(quantity * q["price"], 2)
    if side == "buy":
        ctx.update("account", acc["id"], {"cash_balance": round(cash - cost, 2)})
        if pos:
            p = pos[0]
            avg = round((p["avg_cost"] * p["quantity"] + cost) / (p["quantity"] + quantity), 4)
            ctx.update("position", p["id"], {"quantity": p["quantity"] + quantity, "avg_cost": avg})
        else:
            ctx.insert(
                "position",
                {
                    "account_id": acc["id"],
                    "symbol": symbol,
                    "quantity": quantity,
                    "avg_cost": q["price"],
                    "opened_on": ctx.today(),
                },
            )
    else:
        ctx.update("account", acc["id"], {"cash_balance": round(cash + cost, 2)})
        if held == quantity:
            ctx.delete("position", pos[0]["id"])
        else:
            ctx.update("position", pos[0]["id"], {"quantity": held - quantity})
    return order(order_type, "filled", filled_price=q["price"])


@bp.action()
def place_order(
    ctx: ToolContext,
    account_id: str,
    quote_id: str,
    side: Side,
    quantity: Annotated[int, Field(ge=1, le=200)],
    order_type: Literal["market", "limit"] | None = None,
    limit_price: Annotated[float, Field(gt=0, le=5000)] | None = None,
    time_in_force: Literal["day", "gtc"] = "day",
) -> Order:
    """Place a stock order in an {app} account; market orders fill at the last price, limit orders may rest.

    Args:
        account_id: The account to trade in.
        quote_id: The instrument to trade (its quote id).
        side: Buy or sell.
        quantity: Number of shares.
        order_type: 'market' or 'limit'; inferred from limit_price when omitted.
        limit_price: Limit price in USD (limit orders only).
        time_in_force: 'day' or 'gtc' (good till canceled).
    """
    acc = _active(ctx, account_id)
    order_type = order_type or ("limit" if limit_price is not None else "market")
    if order_type == "limit" and limit_price is None:
        raise ToolError("limit_price is required for limit orders.")
    if order_type == "market" and limit_price is not None:
        raise ToolError("limit_price is only allowed on limit orders.")
    return _execute(ctx, acc, quote_id, side, quantity, order_type, limit_price or 0.0, time_in_force)


@bp.action()
def place_batch_orders(
    ctx: ToolContext, account_id: str, orders: Annotated[list[NewOrder], Field(min_length=1, max_length=10)]
) -> OrderList:
    """Submit several {app} market orders in one account at once; all fill or, if any is refused, none do.

    Args:
        account_id: The account to trade in.
        orders: Market orders to execute in sequence.
    """
    acc = _active(ctx, account_id)
    done = []
    for i, o in enumerate(orders):
        try:
            done.append(_execute(ctx, acc, o["quote_id"], o["side"], o["quantity"]))
        except ToolError as e:
            raise ToolError(f"orders[{i}]: {e} No orders were executed.") from None
    return {"orders": done}


@bp.action()
def cancel_order(ctx: ToolContext, order_id: str) -> Order:
    """Cancel a pending {app} limit order; filled or already canceled orders are refused. Returns the order.

    Args:
        order_id: The order to cancel.
    """
    order = ctx.require("order", order_id)
    if order["status"] != "pending":
        raise ToolError(f"Order {order_id} is {order['status']}; only pending orders can be canceled.")
    return ctx.update("order", order_id, {"status": "canceled"})


@bp.action()
def close_position(ctx: ToolContext, position_id: str) -> Order:
    """Sell an entire {app} position at market and credit the proceeds; returns the filled sell order.

    Args:
        position_id: The position to close.
    """
    pos = ctx.require("position", position_id)
    acc = _active(ctx, pos["account_id"])
    q = _quote(ctx, pos["symbol"])
    return _execute(ctx, acc, q["id"], "sell", pos["quantity"])


@bp.action()
def transfer_position(ctx: ToolContext, position_id: str, account_id: str) -> Position:
    """Move an {app} position, shares and cost basis, to another of your accounts; returns the resulting
    position.

    Args:
        position_id: The position to move.
        account_id: The receiving account.
    """
    pos = ctx.require("position", position_id)
    if pos["account_id"] == account_id:
        raise ToolError(f"Position {position_id} is already in account {account_id}.")
    _active(ctx, pos["account_id"])
    dest = _active(ctx, account_id)
    there = ctx.select("position", "account_id = ? AND symbol = ?", (dest["id"], pos["symbol"]))
    ctx.delete("position", position_id)
    if there:
        t = there[0]
        n = t["quantity"] + pos["quantity"]
        avg = round((t["avg_cost"] * t["quantity"] + pos["avg_cost"] * pos["quantity"]) / n, 4)
        return ctx.update("position", t["id"], {"quantity": n, "avg_cost": avg})
    return ctx.insert(
        "position",
        {
            "account_id": dest["id"],
            "symbol": pos["symbol"],
            "quantity": pos["quantity"],
            "avg_cost": pos["avg_cost"],
            "opened_on": pos["opened_on"],
        },
    )


@bp.action(read_only=True)
def get_quotes(
    ctx: ToolContext, symbols: Annotated[list[str], Field(min_length=1, max_length=20)]
) -> QuoteList:
    """Get {app} quotes for several ticker symbols at once; unknown symbols are listed under missing.

    Args:
        symbols: Ticker symbols, e.g. ['AAPL', 'VTI'].
    """
    found, missing = [], []
    for sym in symbols:
        rows = ctx.select("quote", "symbol = ?", (sym.strip().upper(),))
        (found.append(rows[0]) if rows else missing.append(sym))
    return {"quotes": found, "missing": missing}


@bp.action(read_only=True)
def list_top_movers(
    ctx: ToolContext,
    direction: Literal["gainers", "losers"] = "gainers",
    count: Annotated[int, Field(ge=1, le=20)] = 5,
) -> MoverList:
    """List the biggest {app} gainers or losers of the day by percent change since the previous close.

    Args:
        direction: 'gainers' or 'losers'.
        count: How many to return.
    """
    movers = [
        {
            "symbol": q["symbol"],
            "price": q["price"],
            "change_pct": round((q["price"] - q["prev_close"]) / q["prev_close"] * 100, 2),
        }
        for q in ctx.select("quote")
    ]
    movers.sort(key=lambda m: (-m["change_pct"] if direction == "gainers" else m["change_pct"], m["symbol"]))
    return {"movers": movers[:count]}


class ScreenFilter(BaseModel):
    sectors: list[
        Literal["technology", "healthcare", "financials", "energy", "consumer", "industrials", "etf"]
    ] = Field(default_factory=list, description="Only these sectors (all when empty).")
    min_price: float = Field(0.0, ge=0, description="Minimum last price.")
    max_price: float = Field(100000.0, gt=0, description="Maximum last price.")
    min_change_pct: float = Field(-100.0, ge=-100, le=100, description="Minimum percent change today.")


@bp.action(read_only=True)
def screen_stocks(
    ctx: ToolContext,
    filters: ScreenFilter,
    sort_by: Literal["symbol", "price", "change", "volume"] = "symbol",
) -> QuoteList:
    """Screen {app} instruments by sector, price range and daily change; returns the matching quotes sorted.

    Args:
        filters: Screening criteria; omitted criteria do not filter.
        sort_by: Sort order of the results (price, change and volume sort descending).
    """
    f = {"sectors": [], "min_price": 0.0, "max_price": 100000.0, "min_change_pct": -100.0, **filters}
    if f["min_price"] > f["max_price"]:
        raise ToolError(f"filters.min_price {f['min_price']} is above filters.max_price {f['max_price']}.")
    out = []
    for q in ctx.select("quote"):
        change = (q["price"] - q["prev_close"]) / q["prev_close"] * 100
        if (f["sectors"] and q["sector"] not in f["sectors"]) or not f["min_price"] <= q["price"] <= f[
            "max_price"
        ]:
            continue
        if change >= f["min_change_pct"]:
            out.append((change, q))
    key = {
        "symbol": lambda t: t[1]["symbol"],
        "price": lambda t: -t[1]["price"],
        "change": lambda t: -t[0],
        "volume": lambda t: -t[1]["volume"],
    }[sort_by]
    return {"quotes": [q for _, q in sorted(out, key=key)], "missing": []}


@bp.action(read_only=True)
def get_account_summary(ctx: ToolContext, account_id: str) -> AccountSummary:
    """Summarize an {app} account: cash, market value of positions, total value and unrealized gain or loss.

    Args:
        account_id: The account to summarize.
    """
    acc = ctx.require("account", account_id)
    holdings = []
    for p in ctx.select("position", "account_id = ?", (account_id,)):
        q = ctx.select("quote", "symbol = ?", (p["symbol"],))
        price = q[0]["price"] if q else p["avg_cost"]
        mv = round(price * p["quantity"], 2)
        holdings.append(
            {
                "symbol": p["symbol"],
                "quantity": p["quantity"],
                "market_value": mv,
                "unrealized_pnl": round(mv - p["avg_cost"] * p["quantity"], 2),
            }
        )
    holdings.sort(key=lambda h: -h["market_value"])
    mv = round(sum(h["market_value"] for h in holdings), 2)
    return {
        "account_id": account_id,
        "cash_balance": acc["cash_balance"],
        "market_value": mv,
        "total_value": round(mv + acc["cash_balance"], 2),
        "unrealized_pnl": round(sum(h["unrealized_pnl"] for h in holdings), 2),
        "holdings": holdings,
    }


@bp.action(idempotent=True)
def add_to_watchlist(
    ctx: ToolContext, watchlist_id: str, quote_ids: Annotated[list[str], Field(min_length=1, max_length=20)]
) -> Watchlist:
    """Add instruments to an {app} watchlist by quote id; symbols already on the list are kept once.

    Args:
        watchlist_id: The watchlist to extend.
        quote_ids: Quotes of the instruments to add.
    """
    wl = ctx.require("watchlist", watchlist_id)
    symbols = list(wl["symbols"])
    for qid in quote_ids:
        sym = ctx.require("quote", qid)["symbol"]
        if sym not in symbols:
            symbols.append(sym)
    if len(symbols) > 50:
        raise ToolError(f"Watchlist {wl['name']} would hold {len(symbols)} symbols; the maximum is 50.")
    return ctx.update("watchlist", watchlist_id, {"symbols": symbols})


@bp.action(idempotent=True)
def remove_from_watchlist(ctx: ToolContext, watchlist_id: str, quote_id: str) -> Watchlist:
    """Remove an instrument from an {app} watchlist; one that is not on the list is ignored. Returns the list.

    Args:
        watchlist_id: The watchlist to change.
        quote_id: Quote id of the instrument to remove.
    """
    wl = ctx.require("watchlist", watchlist_id)
    sym = ctx.require("quote", quote_id)["symbol"]
    if sym not in wl["symbols"]:
        return wl
    return ctx.update("watchlist", watchlist_id, {"symbols": [s for s in wl["symbols"] if s != sym]})


def _move_cash(ctx: ToolContext, acc: dict, change: float, direction: str, status: str) -> dict:
    """Add ``change`` USD to the account's cash (negative: take it out) and record the transfer."""
    ctx.update("account", acc["id"], {"cash_balance": round(acc["cash_balance"] + change, 2)})
    transfer = {"account_id": acc["id"], "direction": direction, "amount": abs(change), "status": status}
    return ctx.insert("cash_transfer", {**transfer, "created_at": ctx.now()})


@bp.action()
def deposit_cash(
    ctx: ToolContext, account_id: str, amount: Annotated[float, Field(gt=0, le=250000)]
) -> CashTransfer:
    """Deposit cash into an {app} account from the linked bank; the cash is credited at once. Returns the
    transfer.

    Args:
        account_id: The receiving account.
        amount: Amount in USD.
    """
    acc = _active(ctx, account_id)
    if acc["account_type"] in ("ira", "roth_ira") and amount > 7000:
        raise ToolError(f"IRA contributions are limited to 7000 USD per year; {amount} requested.")
    return _move_cash(ctx, acc, amount, "deposit", "completed")


@bp.action()
def withdraw_cash(
    ctx: ToolContext, account_id: str, amount: Annotated[float, Field(gt=0, le=50000)]
) -> CashTransfer:
    """Withdraw settled cash from an {app} account to the linked bank; the transfer stays pending until it
    settles.

    Args:
        account_id: The account to withdraw from.
        amount: Amount in USD.
    """
    acc = _active(ctx, account_id)
    if amount > acc["cash_balance"]:
        raise ToolError(
            f"Insufficient cash: {acc['name']} has {acc['cash_balance']} USD, {amount} requested."
        )
    return _move_cash(ctx, acc, -amount, "withdrawal", "pending")


@bp.action()
def cancel_cash_transfer(ctx: ToolContext, cash_transfer_id: str) -> CashTransfer:
    """Cancel a pending {app} cash withdrawal and return the money to the account; settled transfers are
    refused.

    Args:
        cash_transfer_id: The transfer to cancel.
    """
    t = ctx.require("cash_transfer", cash_transfer_id)
    if t["status"] != "pending":
        raise ToolError(
            f"Transfer {cash_transfer_id} is {t['status']}; only pending transfers can be canceled."
        )
    acc = ctx.require("account", t["account_id"])
    ctx.update("account", acc["id"], {"cash_balance": round(acc["cash_balance"] + t["amount"], 2)})
    return ctx.update("cash_transfer", cash_transfer_id, {"status": "canceled"})


@bp.action(destructive=True)
def close_account(ctx: ToolContext, account_id: str) -> Account:
    """Close an {app} account; refused while it holds positions, cash or pending orders. Returns the account.

    Args:
        account_id: The account to close.
    """
    acc = ctx.require("account", account_id)
    if acc["status"] == "closed":
        raise ToolError(f"Account {acc['name']} is already closed.")
    npos = len(ctx.select("position", "account_id = ?", (account_id,)))
    if npos:
        raise ToolError(f"Account {acc['name']} still holds {npos} positions; close or transfer them first.")
    if acc["cash_balance"] > 0:
        raise ToolError(
            f"Account {acc['name']} still holds {acc['cash_balance']} USD cash; withdraw it first."
        )
    if ctx.select("order", "account_id = ? AND status = 'pending'", (account_id,)):
        raise ToolError(f"Account {acc['name']} has pending orders; cancel them first.")
    return ctx.update("account", account_id, {"status": "closed"})


_QUOTES = [
    ("AAPL", "Apple Inc.", "technology", 189.3),
    ("MSFT", "Microsoft Corp.", "technology", 412.6),
    ("NVDA", "NVIDIA Corp.", "technology", 875.2),
    ("GOOGL", "Alphabet Inc.", "technology", 152.1),
    ("AMZN", "Amazon.com Inc.", "consumer", 178.4),
    ("TSLA", "Tesla Inc.", "consumer", 181.9),
    ("JPM", "JPMorgan Chase & Co.", "financials", 196.7),
    ("V", "Visa Inc.", "financials", 281.2),
    ("JNJ", "Johnson & Johnson", "healthcare", 158.3),
    ("PFE", "Pfizer Inc.", "healthcare", 27.4),
    ("UNH", "UnitedHealth Group", "healthcare", 492.8),
    ("XOM", "Exxon Mobil Corp.", "energy", 113.5),
    ("CVX", "Chevron Corp.", "energy", 155.9),
    ("KO", "Coca-Cola Co.", "consumer", 60.2),
    ("CAT", "Caterpillar Inc.", "industrials", 342.7),
    ("BA", "Boeing Co.", "industrials", 191.6),
    ("F", "Ford Motor Co.", "consumer", 12.3),
    ("T", "AT&T Inc.", "technology", 17.1),
    ("VTI", "Total Stock Market ETF", "etf", 254.8),
    ("VOO", "S&P 500 ETF", "etf", 470.2),
    ("QQQ", "Nasdaq-100 ETF", "etf", 441.5),
    ("SCHD", "US Dividend Equity ETF", "etf", 78.6),
    ("BND", "Total Bond Market ETF", "etf", 72.1),
    ("AMD", "Advanced Micro Devices", "technology", 178.9),
]


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    prices = {}
    for sym, company, sector, price in _QUOTES:
        prev = round(price / (1 + rng.uniform(-0.05, 0.05)), 2)
        prices[sym] = price
        ctx.insert(
            "quote",
            {
                "symbol": sym,
                "company": company,
                "sector": sector,
                "price": price,
                "prev_close": prev,
                "volume": rng.randint(2, 90) * 1_000_000,
            },
        )
    accounts = []
    kinds = (
        "individual",
        "roth_ira",
        "ira",
        "joint",
        "margin",
        "individual",
        "individual",
        "joint",
        "ira",
        "individual",
        "margin",
    )
    for n, kind in enumerate(kinds):
        owner = s.user if n < 7 else s.people[n]
        empty = n in (3, 9)
        accounts.append(
            ctx.insert(
                "account",
                {
                    "name": "Old rollover"
                    if empty
                    else f"{owner.first_name}'s {kind.replace('_', ' ').title()}",
                    "account_type": kind,
                    "owner_email": owner.email,
                    "cash_balance": 0.0 if empty else round(rng.uniform(8000, 90000), 2),
                    "status": "restricted" if n == 10 else "active",
                    "opened_on": s.date(-rng.randint(200, 2500)),
                },
            )
        )
    funded = [a for a in accounts if a["cash_balance"] > 0]
    for acc in funded:
        for sym in rng.sample([q[0] for q in _QUOTES], k=rng.randint(2, 5)):
            ctx.insert(
                "position",
                {
                    "account_id": acc["id"],
                    "symbol": sym,
                    "quantity": rng.randint(5, 120),
                    "avg_cost": round(prices[sym] * rng.uniform(0.7, 1.15), 2),
                    "opened_on": s.date(-rng.randint(20, 900)),
                },
            )
    for n in range(28):
        acc = funded[n % len(funded)]
        sym, _, _, price = rng.choice(_QUOTES)
        status = "pending" if n < 9 else rng.choice(("filled", "filled", "canceled"))
        side = rng.choice(("buy", "sell")) if status != "pending" else "buy"
        kind = "limit" if status == "pending" else rng.choice(("market", "limit"))
        lp = round(price * (0.92 if side == "buy" else 1.08), 2) if kind == "limit" else 0.0
        ctx.insert(
            "order",
            {
                "account_id": acc["id"],
                "symbol": sym,
                "side": side,
                "order_type": kind,
                "quantity": rng.randint(1, 50),
                "limit_price": lp,
                "time_in_force": "gtc" if status == "pending" else "day",
                "status": status,
                "filled_price": round(price * rng.uniform(0.9, 1.05), 2) if status == "filled" else 0.0,
                "created_at": s.at(days=-rng.randint(0, 60), hours=-rng.randint(0, 8)),
            },
        )
    for name in (
        "Dividend growers",
        "AI plays",
        "Energy",
        "Healthcare defensives",
        "Index core",
        "Earnings this week",
        "Turnaround bets",
        "Kids' portfolio ideas",
        "Value screen",
        "Tech megacaps",
        "Bond ladder",
    ):
        ctx.insert(
            "watchlist",
            {
                "name": name,
                "symbols": [q[0] for q in rng.sample(_QUOTES, k=rng.randint(2, 7))],
                "description": s.fake.sentence(nb_words=8),
                "created_at": s.at(days=-rng.randint(5, 400)),
            },
        )
    for n in range(16):
        acc = funded[n % len(funded)]
        direction = "withdrawal" if n < 8 or n % 2 else "deposit"
        ctx.insert(
            "cash_transfer",
            {
                "account_id": acc["id"],
                "direction": direction,
                "amount": round(rng.uniform(100, 2500), 2),
                "status": "pending" if n < 8 else "completed",
                "created_at": s.at(days=-rng.randint(0, 45)),
            },
        )


bp.product(
    "tickerlane", "TickerLane", "Commission-free stock brokerage with watchlists and instant deposits."
)
bp.product(
    "equivest",
    "Equivest",
    "Investing app for long-term portfolios and retirement accounts.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("place_batch_orders", "search_watchlists"),
)
bp.product(
    "bullquill",
    "Bullquill",
    "Active trader brokerage with batch orders and account transfers.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
)
bp.product(
    "stockyra",
    "Stockyra",
    "Simple brokerage account with quotes and cash transfers.",
    prefix="stockyra",
    drop=(
        "place_batch_orders",
        "transfer_position",
        "list_top_movers",
        "search_watchlists",
        "delete_watchlist",
        "update_watchlist",
        "remove_from_watchlist",
        "search_accounts",
        "cancel_cash_transfer",
        "close_account",
    ),
)
bp.product(
    "mintfolio",
    "Mintfolio",
    "Portfolio and trading dashboard for multiple brokerage accounts.",
    verbs={"create": "add", "search": "find"},
    pagination="page",
    drop=("close_account",),
)
