"""How people ask for the food-delivery actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "get_order_quote": Intent(
        (
            "tell me what {menu_items} would cost delivered",
            "price up {menu_items} with delivery",
            "get me a quote for {menu_items}",
            "work out the total for {menu_items} including the delivery fee",
        ),
        report={"total": "total with delivery", "meets_minimum": "whether it meets the minimum order"},
        why=("I am ordering for the team", "I want to stay under budget"),
    ),
    "place_order": Intent(
        (
            "order {menu_items} to 12 Harbor Street, office 4B, with a tip of {tip} dollars",
            "get {menu_items} delivered to 12 Harbor Street (office 4B) and tip the courier {tip} dollars",
            "place an order for {menu_items}, delivery to 12 Harbor Street office 4B, {tip} dollar tip",
            "have {menu_items} sent to 12 Harbor Street, office 4B, adding {tip} dollars for the courier",
        ),
        args={"delivery": {"address": "12 Harbor Street", "instructions": "Office 4B, ring twice"}},
        choices={"tip": (2, 3, 5)},
        report={"total": "amount charged"},
        why=("we are working late", "it is the team lunch", "I am too busy to go out"),
        past="ordered",
    ),
    "update_order_status": Intent(
        (
            "move {order} on to the next kitchen step",
            "advance {order} one step in the kitchen",
            "bump {order} to its next stage in the kitchen",
            "push {order} forward in the kitchen",
        ),
        report={"status": "new status"},
        why=("the kitchen just started on it", "the cook says it is done"),
        past="advanced",
    ),
    "assign_courier": Intent(
        (
            "assign {courier} to {order}",
            "have {courier} deliver {order}",
            "give {order} to {courier}",
            "send {courier} out with {order}",
        ),
        why=("they are closest to the restaurant", "the food is getting cold"),
        past="assigned",
    ),
    "confirm_pickup": Intent(
        (
            "confirm that {order} was picked up",
            "mark {order} as collected by the courier",
            "record the pickup of {order}",
            "note that the courier has {order} now",
        ),
        why=("the courier just left the restaurant", "the restaurant called to say it is gone"),
        past="picked up",
    ),
    "mark_order_delivered": Intent(
        (
            "mark {order} as delivered",
            "close out {order}, it has arrived",
            "record {order} as delivered",
            "confirm {order} reached the customer",
        ),
        why=("the customer confirmed it arrived", "the courier dropped it off"),
        past="delivered",
    ),
    "cancel_order": Intent(
        (
            "cancel {order}, the customer asked us to",
            "call off {order} at the customer's request",
            "drop {order} because the customer changed their mind",
            "cancel {order}, the customer wants out",
        ),
        args={"reason": "customer_request"},
        why=("they ordered the wrong thing", "they have to leave"),
        past="cancelled",
    ),
    "rate_order": Intent(
        (
            "give {order} {stars} stars",
            "rate {order} {stars} out of 5",
            "leave a {stars}-star rating on {order}",
            "score {order} at {stars} stars",
        ),
        choices={"stars": (2, 4, 5)},
        why=("the food arrived hot", "it took forever", "the courier was really friendly"),
        past="rated",
    ),
    "set_restaurant_open": Intent(
        (
            "stop taking orders at {restaurant}",
            "close {restaurant} for new orders",
            "pause orders for {restaurant}",
            "take {restaurant} offline for now",
        ),
        args={"is_open": False},
        why=("the kitchen is overwhelmed", "the oven broke", "they are closing early today"),
        past="closed",
    ),
    "set_items_availability": Intent(
        (
            "mark {menu_items} as sold out",
            "take {menu_items} off the menu for today",
            "flag {menu_items} as unavailable",
            "set {menu_items} to sold out",
        ),
        args={"available": False},
        why=("we ran out of ingredients", "the supplier delivery didn't come"),
        past="marked sold out",
    ),
    "bulk_add_menu_items": Intent(
        (
            (
                "add a Truffle Fries side for 6.50 and a vegetarian Mushroom Risotto main for 14.90 to the "
                "menu of {restaurant}"
            ),
            (
                "put two new dishes on {restaurant}'s menu: Truffle Fries (side, 6.50) and Mushroom Risotto "
                "(vegetarian main, 14.90)"
            ),
            (
                "extend the menu of {restaurant} with Truffle Fries at 6.50 and a veggie "
                "Mushroom Risotto at 14.90"
            ),
            (
                "list Truffle Fries (6.50, side) and Mushroom Risotto (14.90, vegetarian main) "
                "on {restaurant}'s menu"
            ),
        ),
        args={
            "items": [
                {"name": "Truffle Fries", "category": "side", "price": 6.5, "vegetarian": True},
                {"name": "Mushroom Risotto", "category": "main", "price": 14.9, "vegetarian": True},
            ]
        },
        why=("the chef finalized the new season menu", "customers kept asking for more veggie options"),
        past="added",
    ),
    "find_cheapest_items": Intent(
        (
            "find the cheapest vegetarian dishes under {max_price} dollars",
            "show me veggie food that costs {max_price} dollars or less",
            "look for vegetarian dishes at {max_price} dollars or below, cheapest first",
            "list vegetarian options for {max_price} dollars max",
        ),
        args={"vegetarian_only": True},
        choices={"max_price": (8, 12, 15)},
        report={"items.0.name": "cheapest dish", "items.0.price": "its price"},
        why=("I am on a budget this week", "I am ordering for a vegetarian colleague"),
    ),
    "list_available_couriers": Intent(
        (
            "tell me which couriers are free in the {zone} zone",
            "list the available couriers in {zone}",
            "find me a free courier in the {zone} area",
            "show who can take a delivery in {zone} right now",
        ),
        choices={"zone": ("north", "south", "east", "west", "central")},
        report={"couriers.0.name": "best-rated available courier"},
        why=("an order is waiting for pickup", "it is the dinner rush"),
    ),
    "set_courier_status": Intent(
        (
            "put {courier} on shift",
            "mark {courier} as available",
            "start {courier}'s shift",
            "make {courier} available for deliveries",
        ),
        args={"status": "available"},
        why=("they just clocked in", "we are short of couriers tonight"),
        past="put on shift",
    ),
    "get_restaurant_stats": Intent(
        (
            "check how {restaurant} is doing",
            "pull the order stats for {restaurant}",
            "check the revenue and rating of {restaurant}",
            "give me a summary of {restaurant}'s orders",
        ),
        report={"revenue": "delivered revenue", "average_rating": "average rating"},
        why=("the partner review is coming up", "they asked about their numbers"),
    ),
}
