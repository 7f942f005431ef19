"""How people ask for the nutrition-tracking and meal-planning actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "create_meal": Intent(
        (
            "save a {meal_type} meal called {name} made of {foods}",
            "create a meal {name} for {meal_type} with {foods}",
            "put together a {meal_type} meal named {name} from {foods}",
            "make {foods} into a saved {meal_type} meal, {name}",
        ),
        choices={
            "name": ("My usual", "Post-workout plate", "Weekday favourite"),
            "meal_type": ("breakfast", "lunch", "dinner"),
        },
        report={"calories": "calories"},
        why=("I eat this combination all the time", "it saves logging each food separately"),
        past="saved",
    ),
    "import_foods": Intent(
        (
            (
                "add Oat Milk Barista (250 g serving, 120 kcal, 3 g protein, 16 g carbs, 5 g fat) "
                "to the food database"
            ),
            (
                "create a custom food: Oat Milk Barista, 250 g per serving, 120 kcal with 3 g protein, "
                "16 g carbs and 5 g fat"
            ),
            (
                "put Oat Milk Barista into the foods list with 120 kcal, 3 g protein, 16 g carbs, 5 g "
                "fat per 250 g serving"
            ),
            (
                "register the food Oat Milk Barista: 120 calories, 3 protein, 16 carbs, 5 "
                "fat for a 250 g serving"
            ),
        ),
        args={
            "foods": [
                {
                    "name": "Oat Milk Barista",
                    "serving_g": 250,
                    "calories": 120,
                    "protein_g": 3,
                    "carbs_g": 16,
                    "fat_g": 5,
                }
            ]
        },
        why=("I couldn't find it in the database", "I drink it every morning"),
        past="added",
    ),
    "add_food_to_meal": Intent(
        (
            "add {servings} servings of {food} to {meal}",
            "put {servings} portions of {food} into {meal}",
            "include {food} in {meal}, {servings} servings",
            "throw {servings} servings of {food} into {meal}",
        ),
        choices={"servings": (2, 3, 0.5)},
        report={"calories": "new meal calories"},
        why=("I always have it on the side", "I need more protein in it"),
        past="added",
    ),
    "remove_food_from_meal": Intent(
        (
            "take {food} out of {meal}",
            "remove {food} from {meal}",
            "drop {food} from {meal}",
            "leave {food} out of {meal} from now on",
        ),
        report={"calories": "new meal calories"},
        why=("I stopped eating it", "it has too much sugar"),
        past="removed",
    ),
    "log_food": Intent(
        (
            "log {servings} servings of {food} for lunch",
            "note that I had {servings} servings of {food} at lunch",
            "add {food} to today's lunch, {servings} servings",
            "record {servings} portions of {food} eaten at lunch",
        ),
        args={"meal_type": "lunch"},
        choices={"servings": (1.5, 2, 3)},
        report={"calories": "calories so far today"},
        why=("I forgot to log it earlier", "I'm tracking everything this month"),
        past="logged",
    ),
    "log_meal": Intent(
        (
            "log {meal} for today",
            "record that I ate {meal} today",
            "add {meal} to today's diary",
            "mark {meal} as eaten today",
        ),
        report={"calories": "calories so far today"},
        why=("I just finished eating", "I had my usual"),
        past="logged",
    ),
    "clear_meal_slot": Intent(
        (
            "clear everything logged for {meal_type} in {daily_log}",
            "wipe the {meal_type} entries from {daily_log}",
            "remove all of {meal_type} from {daily_log}",
            "empty the {meal_type} slot of {daily_log}",
        ),
        choices={"meal_type": ("breakfast", "lunch", "dinner", "snack")},
        report={"calories": "new daily total"},
        why=("I logged it on the wrong day", "I entered it twice by mistake"),
        past="cleared",
    ),
    "log_water": Intent(
        (
            "log {ml} ml of water",
            "add {ml} millilitres of water to today",
            "record that I drank {ml} ml of water",
            "note {ml} ml of water for today",
        ),
        choices={"ml": (250, 500, 750)},
        report={"water_ml": "water today (ml)"},
        why=("I just finished my bottle", "I'm trying to drink more"),
        past="logged",
    ),
    "set_calorie_target": Intent(
        (
            "set today's calorie target to {calories}",
            "change my calorie goal for today to {calories} kcal",
            "make today's target {calories} calories",
            "aim for {calories} calories today",
        ),
        choices={"calories": (1800, 2200, 2500)},
        why=("I have a long run today", "I'm cutting this week"),
        past="set",
    ),
    "get_daily_totals": Intent(
        (
            "tell me how I am doing on calories today",
            "show me today's totals",
            "check what I've eaten today against my target",
            "tell me how many calories I have left today",
        ),
        report={"calories": "calories eaten", "remaining": "calories left"},
        why=("I'm deciding what to have for dinner", "I want to stay on track"),
    ),
    "add_meal_to_plan": Intent(
        (
            "plan {meal} for {meal_type} on {day} in {meal_plan}",
            "put {meal} into {meal_plan} as {day} {meal_type}",
            "schedule {meal} for {day} {meal_type} in {meal_plan}",
            "slot {meal} into {meal_plan} on {day} at {meal_type}",
        ),
        why=("that slot is still empty", "I want something easy that day"),
        past="planned",
    ),
    "activate_meal_plan": Intent(
        (
            "switch to {meal_plan}",
            "make {meal_plan} my active plan",
            "start using {meal_plan}",
            "activate {meal_plan}",
        ),
        why=("the new week starts on Monday", "I finished planning it"),
        past="activated",
    ),
    "get_plan_nutrition": Intent(
        (
            "check the calories of {meal_plan} day by day",
            "show how many calories {meal_plan} has per day",
            "see which days of {meal_plan} go over target",
            "break down {meal_plan} by daily calories",
        ),
        report={"weekly_calories": "weekly calories", "days_over_target": "days over target"},
        why=("I want to stay under my target", "my coach asked for the numbers"),
    ),
    "generate_shopping_list": Intent(
        (
            "make a shopping list for {meal_plan}",
            "list what I need to buy for {meal_plan}",
            "build the grocery list from {meal_plan}",
            "work out the groceries for {meal_plan}",
        ),
        report={"items.0.name": "biggest item", "items.0.grams": "amount needed (g)"},
        why=("I'm going shopping tonight", "I order groceries on Sundays"),
    ),
    "find_foods_by_macros": Intent(
        (
            "find foods with at least 15 g protein and no more than 250 calories per serving",
            "look for high-protein foods: 15 g or more protein, 250 kcal max",
            "search for foods under 250 calories that have 15 g of protein or more",
            "list foods giving at least 15 grams of protein for 250 calories or less",
        ),
        args={"filters": {"min_protein_g": 15, "max_calories": 250}},
        report={"foods.0.name": "best protein-per-calorie food"},
        why=("I'm trying to hit my protein goal", "I need better snacks"),
    ),
}
