"""How people ask for the shop actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "add_to_cart": Intent(
        (
            "add {quantity} of {product} to my cart",
            "put {quantity} of {product} in the cart",
            "drop {quantity} units of {product} into my shopping cart",
            "stick {quantity} of {product} in my basket",
        ),
        choices={"quantity": (1, 2, 3)},
        why=("mine just broke", "it would make a nice gift", "I want to reach free shipping"),
        past="added to the cart",
    ),
    "remove_from_cart": Intent(
        (
            "take {product} out of my cart",
            "remove {product} from the cart",
            "drop {product} from my shopping cart",
            "get rid of {product} in my basket",
        ),
        why=("I found it cheaper elsewhere", "I changed my mind about it", "I already have one at home"),
        past="removed from the cart",
    ),
    "view_cart": Intent(
        (
            "show me what is in my cart",
            "check my shopping cart",
            "look at my cart and its total",
            "tell me what my basket comes to right now",
        ),
        report={"total": "cart total", "item_count": "number of items"},
        why=("I want to know what I am about to spend", "I forgot what I put in there"),
    ),
    "checkout": Intent(
        (
            "check out my cart and pay with my credit card",
            "buy everything in my cart on the credit card",
            "place the order for what is in my cart, charged to my Rewards Visa",
            "go ahead and order the cart using my credit card",
        ),
        args={"payment_account_id": "acc_credit"},
        report={"total": "amount charged", "estimated_delivery": "expected delivery date"},
        why=("I need it before the weekend", "the prices might go up", "I have been putting it off for days"),
        past="ordered",
    ),
    "cancel_order": Intent(
        (
            "cancel {order}",
            "call off {order} before it ships",
            "stop {order} and get me my money back",
            "cancel {order} and refund it",
        ),
        report={"refunded_amount": "amount refunded"},
        why=("I ordered it by mistake", "I found a better deal", "I no longer need it"),
        past="cancelled",
    ),
    "track_order": Intent(
        (
            "track {order}",
            "find out where {order} is",
            "check the delivery status of {order}",
            "see when {order} is going to arrive",
        ),
        report={"status": "order status", "estimated_delivery": "delivery date", "carrier": "carrier"},
        why=("I need to be home to sign for it", "it was supposed to be here already"),
    ),
    "write_review": Intent(
        (
            "review {product} with {rating} stars and the title {title}",
            "leave a {rating}-star review of {product} titled {title}",
            "post a review for {product}: {rating} out of 5, headline {title}",
            "rate {product} {rating} stars with the heading {title}",
        ),
        choices={"rating": (2, 4, 5), "title": ("My honest take", "After a month of use", "Worth knowing")},
        why=("other shoppers should know what to expect", "I have used it for a few weeks now"),
        past="reviewed",
    ),
}
