"""Nutrition and meal planning: foods, meals, weekly meal plans and daily food logs (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import parse_day
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("nutrition")

DATE = r"^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
MealType = Literal["breakfast", "lunch", "dinner", "snack"]
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Food(BaseModel):
    id: str = Field(description="Food id.")
    name: str = Field(description="Food name.", min_length=1, max_length=120)
    brand: str = Field("", description="Brand, empty for generic foods.", max_length=80)
    category: Literal["produce", "dairy", "meat", "grains", "snacks", "beverages", "legumes", "other"] = (
        Field("other", description="Food category.")
    )
    serving_g: float = Field(100, gt=0, le=2000, description="Grams per serving.")
    calories: float = Field(ge=0, le=5000, description="Calories per serving (kcal).")
    protein_g: float = Field(0, ge=0, le=500, description="Protein per serving (g).")
    carbs_g: float = Field(0, ge=0, le=500, description="Carbohydrates per serving (g).")
    fat_g: float = Field(0, ge=0, le=500, description="Fat per serving (g).")


class MealItem(BaseModel):
    food_id: str = Field(description="Food in the meal.")
    servings: float = Field(1, gt=0, le=20, description="Number of servings.")


class Meal(BaseModel):
    id: str = Field(description="Meal id.")
    name: str = Field(description="Meal name.", min_length=1, max_length=120)
    meal_type: MealType = Field("lunch", description="When the meal is usually eaten.")
    items: list[MealItem] = Field(default_factory=list, description="Foods and servings.")
    calories: float = Field(0, description="Total calories of the items.")
    protein_g: float = Field(0, description="Total protein of the items (g).")
    favorite: bool = Field(False, description="Whether the meal is starred.")


class PlanEntry(BaseModel):
    day: Day = Field(description="Day of the week.")
    meal_type: MealType = Field(description="Slot of the day.")
    meal_id: str = Field(description="Meal planned in the slot.")


class MealPlan(BaseModel):
    id: str = Field(description="Meal plan id.")
    name: str = Field(description="Plan name.", min_length=1, max_length=120)
    week_start: str = Field(description="Monday the plan starts on (YYYY-MM-DD).", pattern=DATE)
    daily_calorie_target: int = Field(
        2000, ge=800, le=6000, description="Calories per day the plan aims for."
    )
    entries: list[PlanEntry] = Field(default_factory=list, description="Planned meals by day and slot.")
    status: Literal["draft", "active", "archived"] = Field(
        "draft", description="Plan status; one plan is active."
    )
    notes: str = Field("", description="Notes.", max_length=1000)


class LogEntry(BaseModel):
    food_id: str = Field(description="Food eaten.")
    servings: float = Field(description="Servings eaten.")
    meal_type: MealType = Field(description="Slot of the day.")
    calories: float = Field(description="Calories of the entry.")


class DailyLog(BaseModel):
    id: str = Field(description="Daily log id.")
    log_date: str = Field(description="Day of the log (YYYY-MM-DD).")
    entries: list[LogEntry] = Field(default_factory=list, description="What was eaten.")
    calories: float = Field(0, description="Total calories.")
    protein_g: float = Field(0, description="Total protein (g).")
    carbs_g: float = Field(0, description="Total carbohydrates (g).")
    fat_g: float = Field(0, description="Total fat (g).")
    water_ml: int = Field(0, ge=0, le=10000, description="Water drunk (ml).")
    calorie_target: int = Field(2000, ge=800, le=6000, description="Calorie target for the day.")


bp.resource(
    Food,
    name="food",
    id_prefix="fd",
    searchable=("name", "brand"),
    filterable=("category", "brand"),
    order_by="name",
)
bp.resource(
    Meal,
    name="meal",
    id_prefix="ml",
    searchable=("name",),
    filterable=("meal_type", "favorite"),
    ops=("search", "list", "get", "delete"),
    order_by="name",
)
bp.resource(
    MealPlan,
    name="meal_plan",
    id_prefix="mp",
    filterable=("status",),
    readonly=("status", "entries"),
    ops=("list", "get", "create", "update", "delete"),
    order_by="week_start DESC",
)
bp.resource(
    DailyLog,
    name="daily_log",
    id_prefix="dl",
    filterable=("log_date",),
    ops=("list", "get"),
    order_by="log_date DESC",
)


class DailyTotals(BaseModel):
    log_date: str = Field(description="The day.")
    calories: float = Field(description="Calories eaten.")
    calorie_target: int = Field(description="Target for the day.")
    remaining: float = Field(description="Calories left (negative when over).")
    protein_g: float = Field(description="Protein (g).")
    carbs_g: float = Field(description="Carbohydrates (g).")
    fat_g: float = Field(description="Fat (g).")
    water_ml: int = Field(description="Water (ml).")
    by_meal: dict[str, float] = Field(description="Calories per slot.")


class PlanNutrition(BaseModel):
    meal_plan_id: str = Field(description="The plan.")
    calories_by_day: dict[str, float] = Field(description="Planned calories per weekday.")
    days_over_target: list[str] = Field(description="Weekdays planned above the daily target.")
    weekly_calories: float = Field(description="Planned calories over the week.")


class ShoppingItem(BaseModel):
    food_id: str = Field(description="Food to buy.")
    name: str = Field(description="Food name.")
    servings: float = Field(description="Servings needed over the week.")
    grams: float = Field(description="Grams needed over the week.")


class ShoppingList(BaseModel):
    meal_plan_id: str = Field(description="The plan.")
    items: list[ShoppingItem] = Field(description="Foods to buy, largest amount first.")


class FoodList(BaseModel):
    foods: list[Food] = Field(description="The foods.")


def _totals(ctx: ToolContext, items: list[dict]) -> tuple[float, float]:
    cal = prot = 0.0
    for it in items:
        f = ctx.require("food", it["food_id"])
        cal += f["calories"] * it["servings"]
        prot += f["protein_g"] * it["servings"]
    return round(cal, 1), round(prot, 1)


def _day(ctx: ToolContext, log_date: str | None) -> str:
    if not log_date:
        return ctx.today()
    d = parse_day(log_date, "log_date", hint=False).isoformat()
    if d > ctx.today():
        raise ToolError(f"log_date: {d} is in the future; only today or earlier can be logged.")
    return d


def _log_for(ctx: ToolContext, day: str) -> dict:
    rows = ctx.select("daily_log", "log_date = ?", (day,))
    if rows:
        return rows[0]
    return ctx.insert("daily_log", {"log_date": day, "entries": []})


def _recompute_log(ctx: ToolContext, log: dict, entries: list[dict], **extra) -> dict:
    sums = {"calories": 0.0, "protein_g": 0.0, "carbs_g": 0.0, "fat_g": 0.0}
    for e in entries:
        f = ctx.get("food", e["food_id"]) or {}
        for k in sums:
            sums[k] += f.get(k, 0) * e["servings"]
    return ctx.update(
        "daily_log", log["id"], {"entries": entries, **{k: round(v, 1) for k, v in sums.items()}, **extra}
    )


@bp.action()
def create_meal(
    ctx: ToolContext,
    name: Annotated[str, Field(min_length=1, max_length=120)],
    meal_type: MealType,
    food_ids: Annotated[list[str], Field(min_length=1, max_length=15)],
    servings: Annotated[float, Field(gt=0, le=20)] = 1,
) -> Meal:
    """Create an {app} meal from foods, each at the same number of servings; totals come from the foods.

    Args:
        name: Meal name.
        meal_type: Breakfast, lunch, dinner or snack.
        food_ids: Foods in the meal (use add_food_to_meal to vary servings later).
        servings: Servings of each food.
    """
    if len(set(food_ids)) != len(food_ids):
        raise ToolError("food_ids: the same food is listed twice.")
    items = [{"food_id": f, "servings": servings} for f in food_ids]
    cal, prot = _totals(ctx, items)
    return ctx.insert(
        "meal",
        {"name": name.strip(), "meal_type": meal_type, "items": items, "calories": cal, "protein_g": prot},
    )


class NewFood(BaseModel):
    name: str = Field(description="Food name.", min_length=1, max_length=120)
    brand: str = Field("", description="Brand, empty for generic foods.", max_length=80)
    serving_g: float = Field(100, gt=0, le=2000, description="Grams per serving.")
    calories: float = Field(ge=0, le=5000, description="Calories per serving (kcal).")
    protein_g: float = Field(0, ge=0, le=500, description="Protein per serving (g).")
    carbs_g: float = Field(0, ge=0, le=500, description="Carbohydrates per serving (g).")
    fat_g: float = Field(0, ge=0, le=500, description="Fat per serving (g).")


class MacroFilter(BaseModel):
    max_calories: float | None = Field(None, ge=0, le=5000, description="At most this many kcal per serving.")
    min_protein_g: float | None = Field(
        None, ge=0, le=500, description="At least this much protein per serving."
    )
    max_carbs_g: float | None = Field(
        None, ge=0, le=500, description="At most this many carbohydrates per serving."
    )
    max_fat_g: float | None = Field(None, ge=0, le=500, description="At most this much fat per serving.")
    category: (
        Literal["produce", "dairy", "meat", "grains", "snacks", "beverages", "legumes", "other"] | None
    ) = Field(None, description="Only this category.")


@bp.action()
def import_foods(
    ctx: ToolContext, foods: Annotated[list[NewFood], Field(min_length=1, max_length=25)]
) -> FoodList:
    """Add several custom foods to the {app} database at once (all or none); refuses names already present.

    Args:
        foods: Foods with their nutrition per serving.
    """
    have = {(f["name"].lower(), f["brand"].lower()) for f in ctx.select("food")}
    seen = set()
    for n, f in enumerate(foods):
        key = (f["name"].strip().lower(), f["brand"].strip().lower())
        if key in have or key in seen:
            raise ToolError(
                f"foods[{n}]: '{f['name']}' ({f['brand'] or 'generic'}) is already in the database."
            )
        seen.add(key)
        macro_kcal = 4 * f["protein_g"] + 4 * f["carbs_g"] + 9 * f["fat_g"]
        if macro_kcal > f["calories"] * 1.2 + 20:
            raise ToolError(
                f"foods[{n}]: macros add up to {macro_kcal:.0f} kcal, more than the "
                f"{f['calories']:g} kcal given."
            )
    return {
        "foods": [
            ctx.insert(
                "food", {**f, "name": f["name"].strip(), "brand": f["brand"].strip(), "category": "other"}
            )
            for f in foods
        ]
    }


@bp.action()
def add_food_to_meal(
    ctx: ToolContext, meal_id: str, food_id: str, servings: Annotated[float, Field(gt=0, le=20)] = 1
) -> Meal:
    """Add a food to an {app} meal (servings add up if already there) and return the meal with new totals.

    Args:
        meal_id: The meal.
        food_id: The food to add.
        servings: Servings to add.
    """
    meal = ctx.require("meal", meal_id)
    ctx.require("food", food_id)
    items = [dict(i) for i in meal["items"]]
    for i in items:
        if i["food_id"] == food_id:
            if i["servings"] + servings > 20:
                raise ToolError(
                    f"Meal {meal['name']} would have {i['servings'] + servings:g} servings "
                    "of this food; max 20."
                )
            i["servings"] += servings
            break
    else:
        if len(items) >= 15:
            raise ToolError(f"Meal {meal['name']} already has 15 foods, the maximum.")
        items.append({"food_id": food_id, "servings": servings})
    cal, prot = _totals(ctx, items)
    return ctx.update("meal", meal_id, {"items": items, "calories": cal, "protein_g": prot})


@bp.action()
def remove_food_from_meal(ctx: ToolContext, meal_id: str, food_id: str) -> Meal:
    """Remove a food from an {app} meal; a meal must keep at least one food. Returns the meal.

    Args:
        meal_id: The meal.
        food_id: The food to remove.
    """
    meal = ctx.require("meal", meal_id)
    items = [i for i in meal["items"] if i["food_id"] != food_id]
    if len(items) == len(meal["items"]):
        raise ToolError(f"Food {food_id} is not in meal {meal['name']}.")
    if not items:
        raise ToolError(f"{food_id} is the only food in meal {meal['name']}; delete the meal instead.")
    cal, prot = _totals(ctx, items)
    return ctx.update("meal", meal_id, {"items": items, "calories": cal, "protein_g": prot})


@bp.action()
def log_food(
    ctx: ToolContext,
    food_id: str,
    servings: Annotated[float, Field(gt=0, le=20)] = 1,
    meal_type: MealType = "snack",
    log_date: Annotated[str, Field(pattern=DATE)] | None = None,
) -> DailyLog:
    """Log servings of a food in the {app} diary for a day (today by default); returns that day's log.

    Args:
        food_id: The food eaten.
        servings: Servings eaten.
        meal_type: Slot of the day.
        log_date: Day to log (YYYY-MM-DD), not in the future.
    """
    f = ctx.require("food", food_id)
    day = _day(ctx, log_date)
    log = _log_for(ctx, day)
    entry = {
        "food_id": food_id,
        "servings": servings,
        "meal_type": meal_type,
        "calories": round(f["calories"] * servings, 1),
    }
    return _recompute_log(ctx, log, [*log["entries"], entry])


@bp.action()
def log_meal(
    ctx: ToolContext, meal_id: str, log_date: Annotated[str, Field(pattern=DATE)] | None = None
) -> DailyLog:
    """Log every food of a saved {app} meal into a day's diary in one go; returns that day's log.

    Args:
        meal_id: The meal eaten.
        log_date: Day to log (YYYY-MM-DD), not in the future.
    """
    meal = ctx.require("meal", meal_id)
    day = _day(ctx, log_date)
    missing = [i["food_id"] for i in meal["items"] if ctx.get("food", i["food_id"]) is None]
    if missing:
        raise ToolError(f"Meal {meal['name']} uses foods that were deleted: {', '.join(missing)}.")
    log = _log_for(ctx, day)
    new = [
        {
            "food_id": i["food_id"],
            "servings": i["servings"],
            "meal_type": meal["meal_type"],
            "calories": round(ctx.get("food", i["food_id"])["calories"] * i["servings"], 1),
        }
        for i in meal["items"]
    ]
    return _recompute_log(ctx, log, [*log["entries"], *new])


@bp.action(destructive=True)
def clear_meal_slot(ctx: ToolContext, daily_log_id: str, meal_type: MealType) -> DailyLog:
    """Remove every entry of one meal slot (e.g. all of lunch) from an {app} daily log; returns the new
    totals.

    Args:
        daily_log_id: The daily log.
        meal_type: The slot to clear.
    """
    log = ctx.require("daily_log", daily_log_id)
    entries = [e for e in log["entries"] if e["meal_type"] != meal_type]
    if len(entries) == len(log["entries"]):
        raise ToolError(f"Nothing is logged for {meal_type} on {log['log_date']}.")
    return _recompute_log(ctx, log, entries)


@bp.action()
def log_water(
    ctx: ToolContext,
    ml: Annotated[int, Field(ge=50, le=3000)],
    log_date: Annotated[str, Field(pattern=DATE)] | None = None,
) -> DailyLog:
    """Add water intake in ml to an {app} day (today by default); a day holds at most 10 litres.

    Args:
        ml: Millilitres drunk.
        log_date: Day to log (YYYY-MM-DD), not in the future.
    """
    day = _day(ctx, log_date)
    log = _log_for(ctx, day)
    if log["water_ml"] + ml > 10000:
        raise ToolError(
            f"{day} already has {log['water_ml']} ml logged; adding {ml} ml exceeds the 10,000 ml limit."
        )
    return ctx.update("daily_log", log["id"], {"water_ml": log["water_ml"] + ml})


@bp.action(idempotent=True)
def set_calorie_target(
    ctx: ToolContext,
    calories: Annotated[int, Field(ge=800, le=6000)],
    log_date: Annotated[str, Field(pattern=DATE)] | None = None,
) -> DailyLog:
    """Set the {app} calorie target of a day (today by default) and return that day's log.

    Args:
        calories: Target calories for the day.
        log_date: Day (YYYY-MM-DD), not in the future.
    """
    day = _day(ctx, log_date)
    log = _log_for(ctx, day)
    return (
        log
        if log["calorie_target"] == calories
        else ctx.update("daily_log", log["id"], {"calorie_target": calories})
    )


@bp.action(read_only=True)
def get_daily_totals(
    ctx: ToolContext, log_date: Annotated[str, Field(pattern=DATE)] | None = None
) -> DailyTotals:
    """Get an {app} day's calories, macros and water against its target, with calories per meal slot.

    Args:
        log_date: Day (YYYY-MM-DD); today by default.
    """
    day = _day(ctx, log_date)
    rows = ctx.select("daily_log", "log_date = ?", (day,))
    if not rows:
        raise ToolError(f"Nothing was logged on {day}.")
    log = rows[0]
    by_meal: dict[str, float] = {}
    for e in log["entries"]:
        by_meal[e["meal_type"]] = round(by_meal.get(e["meal_type"], 0) + e["calories"], 1)
    return {
        "log_date": day,
        "calories": log["calories"],
        "calorie_target": log["calorie_target"],
        "remaining": round(log["calorie_target"] - log["calories"], 1),
        "protein_g": log["protein_g"],
        "carbs_g": log["carbs_g"],
        "fat_g": log["fat_g"],
        "water_ml": log["water_ml"],
        "by_meal": by_meal,
    }


@bp.action()
def add_meal_to_plan(
    ctx: ToolContext, meal_plan_id: str, meal_id: str, day: Day, meal_type: MealType
) -> MealPlan:
    """Put a meal into a free day/slot of an {app} meal plan; archived plans and taken slots are refused.

    Args:
        meal_plan_id: The plan.
        meal_id: The meal to plan.
        day: Day of the week.
        meal_type: Slot of the day.
    """
    plan = ctx.require("meal_plan", meal_plan_id)
    ctx.require("meal", meal_id)
    if plan["status"] == "archived":
        raise ToolError(f"Meal plan {plan['name']} is archived.")
    for e in plan["entries"]:
        if e["day"] == day and e["meal_type"] == meal_type:
            raise ToolError(
                f"{day} {meal_type} is already planned with meal {e['meal_id']}; remove it first."
            )
    entries = sorted(
        [*plan["entries"], {"day": day, "meal_type": meal_type, "meal_id": meal_id}],
        key=lambda e: (_DAYS.index(e["day"]), e["meal_type"]),
    )
    return ctx.update("meal_plan", meal_plan_id, {"entries": entries})


@bp.action()
def activate_meal_plan(ctx: ToolContext, meal_plan_id: str) -> MealPlan:
    """Make a draft {app} meal plan the active one (the previous active plan is archived); needs planned
    meals.

    Args:
        meal_plan_id: The draft plan to activate.
    """
    plan = ctx.require("meal_plan", meal_plan_id)
    if plan["status"] != "draft":
        raise ToolError(f"Meal plan {plan['name']} is '{plan['status']}'; only drafts can be activated.")
    if not plan["entries"]:
        raise ToolError(f"Meal plan {plan['name']} has no meals planned yet.")
    for other in ctx.select("meal_plan", "status = 'active'"):
        ctx.update("meal_plan", other["id"], {"status": "archived"})
    return ctx.update("meal_plan", meal_plan_id, {"status": "active"})


def _plan_meals(ctx: ToolContext, plan: dict) -> list[tuple[dict, dict]]:
    out = []
    for e in plan["entries"]:
        meal = ctx.get("meal", e["meal_id"])
        if meal:
            out.append((e, meal))
    return out


@bp.action(read_only=True)
def get_plan_nutrition(ctx: ToolContext, meal_plan_id: str) -> PlanNutrition:
    """Get planned calories per weekday of an {app} meal plan and the days that go over its target.

    Args:
        meal_plan_id: The plan.
    """
    plan = ctx.require("meal_plan", meal_plan_id)
    by_day = {d: 0.0 for d in _DAYS}
    for e, meal in _plan_meals(ctx, plan):
        by_day[e["day"]] = round(by_day[e["day"]] + meal["calories"], 1)
    return {
        "meal_plan_id": meal_plan_id,
        "calories_by_day": by_day,
        "days_over_target": [d for d in _DAYS if by_day[d] > plan["daily_calorie_target"]],
        "weekly_calories": round(sum(by_day.values()), 1),
    }


@bp.action(read_only=True)
def generate_shopping_list(ctx: ToolContext, meal_plan_id: str) -> ShoppingList:
    """Build the {app} shopping list of a meal plan: every food's servings and grams summed over the week.

    Args:
        meal_plan_id: The plan.
    """
    plan = ctx.require("meal_plan", meal_plan_id)
    need: dict[str, float] = {}
    for _, meal in _plan_meals(ctx, plan):
        for i in meal["items"]:
            need[i["food_id"]] = need.get(i["food_id"], 0) + i["servings"]
    if not need:
        raise ToolError(f"Meal plan {plan['name']} has no meals planned; nothing to buy.")
    items = []
    for fid, servings in need.items():
        f = ctx.get("food", fid)
        if f:
            items.append(
                {
                    "food_id": fid,
                    "name": f["name"],
                    "servings": round(servings, 2),
                    "grams": round(servings * f["serving_g"], 1),
                }
            )
    items.sort(key=lambda x: (-x["grams"], x["food_id"]))
    return {"meal_plan_id": meal_plan_id, "items": items}


@bp.action(read_only=True)
def find_foods_by_macros(ctx: ToolContext, filters: MacroFilter) -> FoodList:
    """Find {app} foods matching macro limits per serving, highest protein per calorie first.

    Args:
        filters: Limits on calories, protein, carbohydrates and fat, and an optional category.
    """
    rows = (
        ctx.select("food", "category = ?", (filters["category"],))
        if filters.get("category")
        else ctx.select("food")
    )
    checks = (
        ("max_calories", "calories", 1),
        ("min_protein_g", "protein_g", -1),
        ("max_carbs_g", "carbs_g", 1),
        ("max_fat_g", "fat_g", 1),
    )
    hits = [
        f
        for f in rows
        if all(filters.get(k) is None or (f[col] - filters[k]) * sign <= 0 for k, col, sign in checks)
    ]
    hits.sort(key=lambda f: (-(f["protein_g"] / f["calories"] if f["calories"] else 0), f["id"]))
    return {"foods": hits}


_FOODS = [
    ("Rolled oats", "", "grains", 40, 150, 5, 27, 3),
    ("Greek yogurt", "Olympa", "dairy", 170, 100, 17, 6, 0.7),
    ("Chicken breast", "", "meat", 120, 198, 37, 0, 4.3),
    ("Brown rice", "", "grains", 150, 170, 3.8, 36, 1.3),
    ("Banana", "", "produce", 118, 105, 1.3, 27, 0.4),
    ("Almonds", "NutCo", "snacks", 28, 164, 6, 6, 14),
    ("Salmon fillet", "", "meat", 120, 250, 25, 0, 16),
    ("Broccoli", "", "produce", 90, 31, 2.5, 6, 0.3),
    ("Whole milk", "Dairyvale", "dairy", 244, 149, 7.7, 12, 8),
    ("Lentils", "", "legumes", 100, 116, 9, 20, 0.4),
    ("Eggs", "", "dairy", 50, 72, 6.3, 0.4, 4.8),
    ("Whole wheat bread", "Bakewell", "grains", 32, 80, 4, 14, 1),
    ("Avocado", "", "produce", 100, 160, 2, 9, 15),
    ("Protein bar", "FitCrunch", "snacks", 60, 200, 20, 22, 7),
    ("Orange juice", "SunPress", "beverages", 248, 112, 1.7, 26, 0.5),
    ("Chickpeas", "", "legumes", 100, 164, 8.9, 27, 2.6),
    ("Tofu", "Soyland", "legumes", 100, 76, 8, 1.9, 4.8),
    ("Pasta", "Grano", "grains", 85, 300, 11, 60, 1.5),
    ("Apple", "", "produce", 180, 95, 0.5, 25, 0.3),
    ("Cheddar", "Dairyvale", "dairy", 28, 113, 7, 0.4, 9),
    ("Ground beef", "", "meat", 113, 280, 22, 0, 20),
    ("Spinach", "", "produce", 30, 7, 0.9, 1.1, 0.1),
    ("Dark chocolate", "Cacaoa", "snacks", 28, 170, 2.2, 13, 12),
    ("Cola", "Fizzo", "beverages", 355, 140, 0, 39, 0),
]
_MEALS = [
    ("Overnight oats", "breakfast", (0, 1, 4)),
    ("Chicken rice bowl", "lunch", (2, 3, 7)),
    ("Salmon and greens", "dinner", (6, 7, 21)),
    ("Nut snack", "snack", (5,)),
    ("Egg toast", "breakfast", (10, 11, 12)),
    ("Lentil stew", "dinner", (9, 15, 21)),
    ("Tofu stir-fry", "dinner", (16, 3, 7)),
    ("Pasta bolognese", "dinner", (17, 20)),
    ("Fruit plate", "snack", (4, 18)),
    ("Protein snack", "snack", (13, 1)),
    ("Cheese sandwich", "lunch", (11, 19)),
    ("Chickpea salad", "lunch", (15, 12, 21)),
]


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    foods = [
        ctx.insert(
            "food",
            {
                "name": n,
                "brand": b,
                "category": c,
                "serving_g": g,
                "calories": k,
                "protein_g": p,
                "carbs_g": cb,
                "fat_g": f,
            },
        )
        for n, b, c, g, k, p, cb, f in _FOODS
    ]
    meals = []
    for name, mt, idx in _MEALS:
        items = [{"food_id": foods[i]["id"], "servings": float(rng.choice((1, 1, 1.5, 2)))} for i in idx]
        cal = round(sum(foods[i]["calories"] * it["servings"] for i, it in zip(idx, items)), 1)
        prot = round(sum(foods[i]["protein_g"] * it["servings"] for i, it in zip(idx, items)), 1)
        meals.append(
            ctx.insert(
                "meal",
                {
                    "name": name,
                    "meal_type": mt,
                    "items": items,
                    "calories": cal,
                    "protein_g": prot,
                    "favorite": rng.random() < 0.3,
                },
            )
        )
    by_type: dict[str, list[dict]] = {}
    for m in meals:
        by_type.setdefault(m["meal_type"], []).append(m)
    monday = -((s.now.weekday()) % 7)
    for n, (status, weeks) in enumerate(
        (
            ("active", 0),
            ("draft", 1),
            ("draft", 2),
            ("archived", -1),
            ("archived", -2),
            ("draft", 3),
            ("archived", -3),
            ("draft", 4),
            ("draft", 5),
            ("archived", -4),
        )
    ):
        entries = []
        if n != 7:  # one empty draft plan
            for d in _DAYS:
                for mt in ("breakfast", "lunch", "dinner"):
                    if rng.random() < 0.7:
                        entries.append({"day": d, "meal_type": mt, "meal_id": rng.choice(by_type[mt])["id"]})
        ctx.insert(
            "meal_plan",
            {
                "name": f"{('Lean', 'Balanced', 'Plant-forward', 'High-protein')[n % 4]} week {n + 1}",
                "week_start": s.date(monday + 7 * weeks),
                "daily_calorie_target": rng.choice((1800, 2000, 2200, 2500)),
                "entries": entries,
                "status": status,
                "notes": "",
            },
        )
    for d in range(-20, 1):
        entries = []
        for mt in ("breakfast", "lunch", "dinner", "snack"):
            if rng.random() < 0.85:
                f = rng.choice(foods)
                sv = float(rng.choice((1, 1, 1.5, 2)))
                entries.append(
                    {
                        "food_id": f["id"],
                        "servings": sv,
                        "meal_type": mt,
                        "calories": round(f["calories"] * sv, 1),
                    }
                )
        fmap = {f["id"]: f for f in foods}
        ctx.insert(
            "daily_log",
            {
                "log_date": s.date(d),
                "entries": entries,
                **{
                    k: round(sum(fmap[e["food_id"]][k] * e["servings"] for e in entries), 1)
                    for k in ("calories", "protein_g", "carbs_g", "fat_g")
                },
                "water_ml": rng.choice((0, 750, 1250, 1500, 2000, 2500)),
                "calorie_target": 2000,
            },
        )


bp.product("platewise", "Platewise", "Calorie counter and meal planner with a large food database.")
bp.product(
    "mealmosaic",
    "MealMosaic",
    "Weekly meal planning with shopping lists.",
    style="camel",
    pagination="cursor",
    verbs={"create": "add"},
    drop=("delete_food", "find_foods_by_macros"),
)
bp.product(
    "nibblenote",
    "NibbleNote",
    "Quick food diary for tracking calories and water.",
    style="kebab",
    pagination="offset",
    verbs={"get": "fetch"},
    drop=(
        "create_meal_plan",
        "update_meal_plan",
        "delete_meal_plan",
        "add_meal_to_plan",
        "activate_meal_plan",
        "get_plan_nutrition",
        "generate_shopping_list",
        "delete_meal",
        "search_meals",
        "update_food",
    ),
)
bp.product(
    "macrosage",
    "MacroSage",
    "Macro tracking for athletes and coaches.",
    prefix="macrosage",
    drop=("generate_shopping_list",),
)
bp.product(
    "forkcast",
    "Forkcast",
    "Smart meal plans that forecast your week of eating.",
    verbs={"list": "browse", "search": "find"},
    pagination="page",
    drop=("delete_meal_plan",),
)
