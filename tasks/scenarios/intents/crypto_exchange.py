"""How people ask for the crypto-exchange actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "open_wallet": Intent(
        (
            "open a wallet for {asset}",
            "set up a new wallet for {asset}",
            "create a wallet so I can hold {asset}",
            "get me a wallet for {asset} on the exchange",
        ),
        choices={"asset": ("ADA", "LINK", "AVAX")},
        why=("I want to start buying it", "a friend is sending me some"),
        past="opened",
    ),
    "close_wallet": Intent(
        (
            "close {wallet}",
            "shut {wallet} down",
            "get rid of {wallet}, it is empty",
            "remove {wallet} from my account",
        ),
        why=("I sold everything in it", "I no longer trade that coin"),
        past="closed",
    ),
    "set_wallet_frozen": Intent(
        (
            "freeze {wallet}",
            "lock down {wallet} so nothing can leave it",
            "put a freeze on {wallet}",
            "block all trading and withdrawals from {wallet}",
        ),
        args={"frozen": True},
        why=(
            "I think my account was compromised",
            "I got a login alert I don't recognise",
            "I want to stop myself panic selling",
        ),
        past="frozen",
    ),
    "place_order": Intent(
        (
            "buy {quantity} on the {market} market at market price",
            "market-buy {quantity} units of {market}",
            "pick up {quantity} units at market on {market}",
            "put in a market buy for {quantity} on {market}",
        ),
        args={"side": "buy"},
        choices={"market": ("SOL-USD", "DOT-USD", "LINK-USD", "AVAX-USD", "LTC-USD"), "quantity": (2, 5, 10)},
        why=("the price dipped this morning", "I want to add to my position", "I am dollar-cost averaging"),
        past="bought",
    ),
    "place_batch_orders": Intent(
        (
            "set limit buys for 5 SOL at $130 and 50 DOT at $6.50",
            "put in two resting buy orders: 5 SOL-USD at 130 and 50 DOT-USD at 6.50",
            "place limit orders to buy 5 SOL at 130 dollars and 50 DOT at 6.50 dollars",
            "queue up bids for 5 SOL at $130 and 50 DOT at $6.50",
        ),
        args={
            "orders": [
                {"market": "SOL-USD", "side": "buy", "quantity": 5, "limit_price": 130},
                {"market": "DOT-USD", "side": "buy", "quantity": 50, "limit_price": 6.5},
            ]
        },
        why=("I want to catch the dip if it comes", "I won't be at my screen tomorrow"),
        past="placed",
    ),
    "cancel_order": Intent(
        (
            "cancel {order}",
            "pull {order} off the book",
            "call off {order}",
            "withdraw {order} before it fills",
        ),
        why=("the market moved against me", "I set the wrong price"),
        past="cancelled",
    ),
    "cancel_all_orders": Intent(
        (
            "cancel all my open orders on {market}",
            "clear every resting order I have in {market}",
            "pull everything I have open on the {market} book",
            "kill all my orders on {market}",
        ),
        choices={"market": ("BTC-USD", "ETH-USD", "SOL-USD", "DOT-USD", "XRP-USD")},
        report={"orders.0.id": "first cancelled order"},
        why=("the news changed my view on it", "I want to start over with new prices"),
        past="cancelled",
    ),
    "get_ticker": Intent(
        (
            "what is {market} trading at",
            "check the current price on {market}",
            "look up the ticker for {market}",
            "how has {market} moved in the last day",
        ),
        report={"price": "last price", "change_24h_pct": "24-hour change in percent"},
        why=("I am thinking of buying", "someone said it spiked today"),
    ),
    "get_portfolio_value": Intent(
        (
            "what is my crypto portfolio worth",
            "total up my holdings in dollars",
            "value everything I hold on the exchange",
            "tell me how much all my wallets add up to",
        ),
        report={"total_usd": "total value in USD", "holdings.0.asset": "largest holding"},
        why=("I am doing my taxes", "the market has been wild this week"),
    ),
    "request_withdrawal": Intent(
        (
            "withdraw {amount} to {address}",
            "send {amount} out to {address}",
            "move {amount} off the exchange to {address}",
            "transfer {amount} to my saved address {address}",
        ),
        choices={"amount": (0.1, 0.25, 0.5)},
        why=("I keep long-term holdings in cold storage", "I am paying someone back"),
        past="requested",
    ),
    "cancel_withdrawal": Intent(
        (
            "cancel {transfer}",
            "stop {transfer} before it goes out",
            "call off {transfer}",
            "halt {transfer} while it is still pending",
        ),
        why=("I picked the wrong address", "I changed my mind about moving it"),
        past="cancelled",
    ),
    "confirm_deposit": Intent(
        (
            "confirm {transfer}",
            "mark {transfer} as received",
            "credit {transfer} to my wallet",
            "clear {transfer}, it has enough confirmations now",
        ),
        why=("the block explorer shows it confirmed", "I need the funds to trade"),
        past="confirmed",
    ),
    "get_trade_summary": Intent(
        (
            "summarize my trading on {market}",
            "how much have I traded on {market}",
            "give me a recap of my {market} trades",
            "work out my fees and average price on {market}",
        ),
        choices={"market": ("BTC-USD", "ETH-USD", "SOL-USD", "DOT-USD", "XRP-USD")},
        report={"trades": "number of trades", "average_price": "average price"},
        why=("I need it for my tax return", "I want to see if I am making money"),
    ),
    "check_price_alerts": Intent(
        (
            "check whether any of my price alerts have gone off",
            "see which price alerts are triggered now",
            "run through my price alerts against current prices",
            "find out if any alert levels have been hit",
        ),
        report={"alerts.0.market": "market of the first triggered alert"},
        why=("I have been offline all day", "the market moved a lot overnight"),
    ),
}
