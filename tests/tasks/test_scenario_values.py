"""Scenario values a request builds from the world: composed list-of-records arguments whose records the
reference solution looks up first, results the agent sees cut short, whole objects named by expectations."""

import pytest

from toolgym_env.errors import AppSpecError
from toolgym_env.tasks.engine.checking import Validator
from toolgym_env.tasks.plan import Plan, PlanError
from toolgym_env.tasks.scenarios.acts import acts_of
from toolgym_env.tasks.scenarios.generate import ScenarioGenerator
from toolgym_env.tasks.scenarios.intent import Intent, check_intent
from toolgym_env.tasks.scenarios.scene import _stable


def _anchored(app: str, action: str) -> tuple[ScenarioGenerator, object]:
    gen = ScenarioGenerator("dev", 5)
    act = next(a for a in acts_of(gen.universe.app(app)) if a.name == action)
    gen._anchor = lambda slot, n, rng: act
    return gen, act


def test_a_split_names_its_categories_and_the_oracle_looks_them_up_before_splitting():
    gen, act = _anchored("budgetbee", "split_transaction")
    task = next(
        t for t in map(gen.task, range(6)) if t is not None and act.qualified in {c.name for c in t.oracle}
    )
    at = next(i for i, c in enumerate(task.oracle) if c.name == act.qualified)
    parts = task.oracle[at].arguments["parts"]
    assert len(parts) == 2
    steps = [int(p["category_id"]["$ref"].split(".")[0]) for p in parts]  # references, not literal ids
    assert all(step < at and "categor" in task.oracle[step].name for step in steps)
    assert "“" in task.instruction and "remaining" in task.instruction
    report = Validator().check(task)
    assert report["problem"] is None and report["oracle"] == 1.0 and report["null"] == 0.0


def test_a_composed_parameter_needs_a_slot():
    intent = Intent(("split {transaction}", "divide {transaction}"), compose={"parts": lambda seen: None})
    with pytest.raises(AppSpecError, match="'parts'"):
        check_intent("budgeting", "split_transaction", intent, {"transaction_id": True, "parts": True})


def test_a_reference_into_a_result_the_agent_sees_cut_short_is_refused():
    gen = ScenarioGenerator("dev", 5)
    plan = Plan(gen.universe, seed=0, apps=("ledgerleaf",))
    result = plan.call("ledgerleaf__list-sheets", limit=20)  # every sheet with its cells: over 30,000 chars
    assert len(result["items"]) > 2
    with pytest.raises(PlanError, match="cut short"):
        plan.ref("items.3.id")
    plan.call("ledgerleaf__list-sheets", limit=2)
    assert plan.ref("items.1.id").value == result["items"][1]["id"]


def test_expectations_name_nested_values_whole_unless_they_hold_times_or_ids():
    assert _stable("cells", {"A1": "Item", "B2": 12.5})
    assert _stable("grants", [{"database_id": "db_1", "privileges": ["insert", "select"]}])
    # a row the agent's run numbers anew
    assert not _stable("grants", [{"id": "g_1", "privileges": ["select"]}])
    assert not _stable("widgets", [{"title": "x", "added_at": "2026-03-01T09:00:00Z"}])
    assert not _stable("cells", {})
