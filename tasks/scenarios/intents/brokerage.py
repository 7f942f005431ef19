"""How people ask for the stock-brokerage actions."""

from typing import Any

from toolgym_env.tasks.scenarios.intent import Composing, Intent


def batch_buys(seen: Composing) -> tuple[list[dict[str, Any]], str] | None:
    """Market buys of a few shares of two instruments that the account's cash covers together."""
    account = seen.records["account_id"][0]
    quotes = [q for q in seen.rows("quote") if q["price"] * 3 <= account["cash_balance"] / 4]
    if len(quotes) < 2:
        return None
    picked = seen.rng.sample(quotes, 2)
    sizes = [seen.rng.choice((1, 2, 3)) for _ in picked]
    for q in picked:
        seen.cite("quote", q)
    value = [{"quote_id": q["id"], "side": "buy", "quantity": n} for q, n in zip(picked, sizes, strict=True)]
    said = [f"{n} share{'s' if n > 1 else ''} of {q['symbol']}" for q, n in zip(picked, sizes, strict=True)]
    return value, " and ".join(said)


INTENTS = {
    "place_order": Intent(
        (
            "buy {quantity} shares of {quote} in {account}",
            "pick up {quantity} shares of {quote} for {account}",
            "put in a market buy for {quantity} shares of {quote} in {account}",
            "in {account}, get me {quantity} shares of {quote} at market",
        ),
        args={"side": "buy"},
        choices={"quantity": (2, 5, 10, 15)},
        why=(
            "I think it is undervalued right now",
            "I want more exposure to the sector",
            "the earnings call went well",
        ),
        past="bought",
    ),
    "cancel_order": Intent(
        (
            "cancel {order}",
            "pull {order} before it fills",
            "call off {order}",
            "scrap {order}, I no longer want it",
        ),
        why=(
            "the price ran away from my limit",
            "I changed my mind about the trade",
            "I placed it by mistake",
        ),
        past="cancelled",
    ),
    "close_position": Intent(
        (
            "sell all of {position}",
            "close out {position} completely",
            "dump the whole of {position} at market",
            "get rid of {position}, every share",
        ),
        why=("I want to lock in the gain", "I have lost faith in the company", "I need the cash"),
        past="sold off",
    ),
    "transfer_position": Intent(
        (
            "move {position} over to {account}",
            "transfer {position} into {account}",
            "shift {position} across to {account}, keeping the cost basis",
            "have {position} held in {account} from now on",
        ),
        why=(
            "I am consolidating my accounts",
            "it belongs in the retirement account",
            "the old account is being closed",
        ),
        past="transferred",
    ),
    "get_quotes": Intent(
        (
            "get me the latest prices for {symbols}",
            "how are {symbols} trading right now",
            "pull quotes for {symbols}",
            "check where {symbols} are priced at the moment",
        ),
        choices={
            "symbols": (
                ["AAPL", "MSFT"],
                ["NVDA", "AMD"],
                ["XOM", "CVX"],
                ["VTI", "VOO", "QQQ"],
                ["JPM", "V"],
            )
        },
        report={"quotes.0.price": "last price of the first one", "quotes.0.prev_close": "its previous close"},
        why=("I am thinking of buying", "I want to see how the market opened"),
        past="quoted",
    ),
    "list_top_movers": Intent(
        (
            "show me today's biggest {direction}",
            "which stocks are the top {direction} today",
            "list the day's top {direction}",
            "find out what the largest {direction} are so far today",
        ),
        choices={"direction": ("gainers", "losers")},
        report={"movers.0.symbol": "biggest mover", "movers.0.change_pct": "its percent change"},
        why=("I want to know what is moving the market", "someone mentioned a big swing this morning"),
    ),
    "screen_stocks": Intent(
        (
            "screen for {filters} stocks",
            "find me the {filters} names you can trade",
            "run a stock screen on the {filters} sector",
            "list every {filters} stock available",
        ),
        choices={
            "filters": (
                {"sectors": ["energy"]},
                {"sectors": ["healthcare"]},
                {"sectors": ["technology"]},
                {"sectors": ["financials"]},
                {"sectors": ["etf"]},
            )
        },
        report={"quotes.0.symbol": "first match", "quotes.0.price": "its price"},
        why=("I want to diversify", "I am looking for ideas in that sector"),
    ),
    "get_account_summary": Intent(
        (
            "how much is {account} worth right now",
            "give me an overview of {account}",
            "summarize {account} for me",
            "check the total value and gains in {account}",
        ),
        report={"total_value": "total value", "unrealized_pnl": "unrealized gain or loss"},
        why=(
            "I am reviewing my finances",
            "my advisor asked for the current numbers",
            "I want to know where I stand before tax season",
        ),
    ),
    "add_to_watchlist": Intent(
        (
            "add {quotes} to {watchlist}",
            "put {quotes} on {watchlist}",
            "start tracking {quotes} in {watchlist}",
            "include {quotes} in {watchlist}",
        ),
        why=("I want to keep an eye on them", "they came up in a research note"),
        past="added",
    ),
    "remove_from_watchlist": Intent(
        (
            "take {quote} off {watchlist}",
            "remove {quote} from {watchlist}",
            "drop {quote} from {watchlist}",
            "stop tracking {quote} in {watchlist}",
        ),
        why=("I am no longer interested in it", "it does not fit the list any more"),
        past="removed",
    ),
    "deposit_cash": Intent(
        (
            "deposit ${amount} into {account}",
            "move ${amount} from my bank into {account}",
            "fund {account} with ${amount}",
            "add ${amount} in cash to {account}",
        ),
        choices={"amount": (500, 1000, 2500, 5000)},
        why=("I want some dry powder for buying", "it is my monthly contribution", "payday was yesterday"),
        past="deposited",
    ),
    "withdraw_cash": Intent(
        (
            "withdraw ${amount} from {account}",
            "send ${amount} from {account} back to my bank",
            "take ${amount} out of {account}",
            "pull ${amount} in cash out of {account}",
        ),
        choices={"amount": (200, 500, 1000, 1500)},
        why=("I need it for a bill this month", "I am paying for a holiday", "the car needs repairs"),
        past="withdrawn",
    ),
    "cancel_cash_transfer": Intent(
        (
            "cancel {cash_transfer}",
            "stop {cash_transfer} before it goes through",
            "call off {cash_transfer}",
            "reverse {cash_transfer} while it is still pending",
        ),
        why=("I typed the wrong amount", "I do not need the money after all"),
        past="cancelled",
    ),
    "close_account": Intent(
        (
            "close {account}",
            "shut down {account} for good",
            "close out {account} permanently",
            "wind up {account}, I am done with it",
        ),
        why=("I never use it any more", "I moved everything to another account", "it only costs me fees"),
        past="closed",
    ),
    "place_batch_orders": Intent(
        (
            "in {account}, buy {orders} in one go",
            "place one batch in {account}: {orders}, at market",
            "use {account} to buy {orders} together",
            "put in a single batch order in {account} for {orders}",
        ),
        compose={"orders": batch_buys},
        why=("I want both positions opened at the same prices", "I am rebalancing into these two"),
        past="bought",
    ),
}
