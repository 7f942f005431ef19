"""Every constraint type: an episode that satisfies it and one that violates it; the reward formula."""

import json

import pytest

from toolgym_env.judge import Check, Episode, Verdict, check_constraint
from toolgym_env.judge.constraints import CHECKERS
from toolgym_env.tasks import constraints as C
from toolgym_env.universe import Universe
from toolgym_env.world.diff import RowChange, WorldDiff

START = "2026-03-02T09:00:00Z"


def step(name, arguments=None, ok=True, time=START):
    return {"name": name, "arguments": arguments or {}, "is_error": not ok, "result": "", "time": time}


def episode(steps, answer="", changes=(), end=START):
    return Episode(tuple(steps), WorldDiff(tuple(changes)), answer, START, end)


@pytest.fixture(scope="module")
def catalog():
    return Universe.core().catalog


SEARCH = step("contacts__search_contacts", {"query": "Riddle"})
LIST = step("contacts__list_contacts", {"limit": 5})
GET = step("contacts__get_contact", {"contact_id": "ct_p001"})
DELETE = step("contacts__delete_contact", {"contact_id": "ct_p001"})
MAIL = step("mail__send_email", {"to": ["a@b.co"], "subject": "Hi", "body": "Total 42.50"})
INSERT = RowChange("shop__orders", "ord_1", "insert", None, {"id": "ord_1", "total": 80.0})
UPDATE = RowChange(
    "tasks__tasks",
    "t1",
    "update",
    {"id": "t1", "status": "todo", "title": "A"},
    {"id": "t1", "status": "done", "title": "A"},
)

CASES = [
    (C.ToolCount(max=2), episode([SEARCH, GET]), episode([SEARCH, GET, GET])),
    (
        C.AppDiversity(min_apps=2),
        episode([SEARCH, MAIL]),
        episode([SEARCH, GET, step("mail__send_email", ok=False)]),
    ),
    (C.AppRestriction(allowed=["contacts"]), episode([SEARCH, GET]), episode([SEARCH, MAIL])),
    (C.DataCoverage(entities=[C.Entity(id="ct_p001", label="Ann")]), episode([GET]), episode([SEARCH])),
    (C.ResponseContent(must_include=["42.50"]), episode([], "It was $42.5."), episode([], "It was 43.")),
    (
        C.NoRedundancy(),
        episode([GET, step("contacts__get_contact", {"contact_id": "ct_p001"}, ok=False), SEARCH]),
        episode([GET, SEARCH, GET]),
    ),
    (
        C.ToolTypePriority(prefer=["search"], among=["search", "list"], min_ratio=0.5),
        episode([SEARCH, LIST]),
        episode([SEARCH, LIST, LIST]),
    ),
    (
        C.SequenceOrder(first="contacts__get_contact", then="contacts__delete_contact"),
        episode([GET, DELETE]),
        episode([DELETE, GET]),
    ),
    (
        C.TradeOff(
            criteria="best under $50", chosen="Gel Pens", evidence=["4.8", "12.99"], rejected=["Fountain Pen"]
        ),
        episode([], "Gel Pens: rating 4.8 at $12.99."),
        episode([], "Fountain Pen: rating 4.9 at $80."),
    ),
    (
        C.Budget(limit=100, spend=[C.SpendRule(table="shop__orders", column="total")]),
        episode([], changes=[INSERT]),
        episode(
            [],
            changes=[
                INSERT,
                RowChange("shop__orders", "ord_2", "insert", None, {"id": "ord_2", "total": 30.0}),
            ],
        ),
    ),
    (
        C.Deadline(by="2026-03-02T09:01:00Z"),
        episode([], end="2026-03-02T09:00:59Z"),
        episode([], end="2026-03-02T09:01:01Z"),
    ),
    (
        C.Forbidden(apps=["mail"], tools=["contacts__delete_contact"]),
        episode([SEARCH, GET]),
        episode([SEARCH, step("contacts__delete_contact", ok=False)]),
    ),
    (
        C.NoCollateral(allow=[C.Allowance(table="tasks__tasks", op="update", id="t1", columns=["status"])]),
        episode([], changes=[UPDATE]),
        episode(
            [],
            changes=[
                RowChange(
                    "tasks__tasks",
                    "t1",
                    "update",
                    {"id": "t1", "status": "todo", "title": "A"},
                    {"id": "t1", "status": "done", "title": "B"},
                )
            ],
        ),
    ),
    (C.ConfirmBeforeDestructive(), episode([GET, DELETE]), episode([SEARCH, DELETE])),
    (
        C.Privacy(value="+1-555-0100", label="Ann's phone", source_app="contacts"),
        episode([step("contacts__update_contact", {"contact_id": "x", "phone": "+1-555-0100"}), MAIL]),
        episode(
            [
                step(
                    "mail__send_email",
                    {"to": ["a@b.co"], "subject": "s", "body": "call +1-555-0100"},
                    ok=False,
                )
            ]
        ),
    ),
    (
        C.OutputFormat(format="json", keys=["total"]),
        episode([], '```json\n{"total": 3}\n```'),
        episode([], "total: 3"),
    ),
    (C.OutputFormat(format="bullets", min_items=2), episode([], "- a\n- b"), episode([], "- a, b")),
    (C.OutputFormat(format="numbered", min_items=2), episode([], "1. a\n2) b"), episode([], "a\nb")),
]


def test_every_constraint_type_has_a_checker_and_a_case():
    assert set(CHECKERS) == set(C.CONSTRAINT_TYPES)
    assert {c.type for c, _, _ in CASES} == set(C.CONSTRAINT_TYPES)


@pytest.mark.parametrize(
    "constraint,good,bad", CASES, ids=[f"{c.type}-{i}" for i, (c, _, _) in enumerate(CASES)]
)
def test_satisfied_and_violated(constraint, good, bad, catalog):
    ok = check_constraint(constraint, good, catalog)
    assert ok.passed and ok.kind == "constraint" and ok.target == constraint.type, ok
    broken = check_constraint(constraint, bad, catalog)
    assert not broken.passed and broken.detail, broken


def test_constraints_round_trip_through_json_and_reject_stray_fields():
    for constraint, _, _ in CASES:
        again = C.CONSTRAINT_LIST.validate_json(json.dumps([constraint.model_dump(mode="json")]))[0]
        assert again == constraint
    with pytest.raises(ValueError, match="colour"):
        C.CONSTRAINT_LIST.validate_python([{"type": "tool_count", "max": 3, "colour": "red"}])
    with pytest.raises(ValueError):
        C.CONSTRAINT_LIST.validate_python([{"type": "no_such_type"}])


def test_reward_formula_hard_gates_soft_scales_rubric_weighs():
    goal = (Check("change", "insert x", True),)
    hard_fail = Verdict(goal, (Check("constraint", "budget", False, "over", hard=True),))
    assert not hard_fail.success and hard_fail.reward == 0.0
    soft = Verdict(
        goal,
        (
            Check("constraint", "tool_count", False, hard=False),
            Check("constraint", "no_redundancy", True, hard=False),
        ),
    )
    assert soft.success and soft.soft_score == 0.5 and soft.reward == 0.75
    rubric = Verdict(goal, (), {"score": 0.5, "model": "m"}, rubric_weight=0.2)
    assert rubric.reward == 0.9 and rubric.to_dict()["rubric"]["model"] == "m"
    missed = Verdict((Check("fact", "42", False),), ())
    assert missed.reward == 0.0 and missed.progress == 0.0
