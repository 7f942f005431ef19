"""Typed answer grading: what a careful grader accepts passes, stuffing and enumeration fail."""

import pytest

from toolgym_env.judge.facts import grade_facts
from toolgym_env.judge.values import dates_in, numbers_in, times_in
from toolgym_env.tasks.schema import Fact, Goal

COUNT = Fact(key="contacts handled", value="5", type="integer", distractors=["3", "4", "6", "7"])
OTHER_COUNT = Fact(key="customers handled", value="3", type="integer", distractors=["1", "2", "4", "5"])
COMPANY = Fact(
    key="chosen company",
    value="Martinez, Herrera and Schneider",
    type="name",
    distractors=["Alvarez-Gutierrez", "Hall-Mills"],
)
REVENUE = Fact(
    key="annual revenue", value="63000000.00", type="money", distractors=["40500000.00", "49400000.00"]
)
FACTS = [COUNT, OTHER_COUNT, COMPANY, REVENUE]


def passed(facts, answer):
    return [r.passed for r in grade_facts(facts, answer)]


@pytest.mark.parametrize(
    "answer",
    [
        "Done. The contacts handled is 5; The customers handled is 3; The chosen company is Martinez, "
        "Herrera and Schneider; The annual revenue is 63000000.00.",
        '{"contacts_handled": 5, "customers_handled": "three", '
        '"chosen_company": "Martinez, Herrera and Schneider", "annual_revenue": "$63M"}',
        "I handled five contacts and three customers. The winner is Martinez, Herrera and Schneider with an "
        "annual revenue of 63 million USD.",
        "- contacts handled: 5\n- customers handled: 3\n- chosen company: MARTINEZ, HERRERA AND SCHNEIDER\n"
        "- annual revenue: $63,000,000",
        "I picked Martinez, Herrera and Schneider, not Hall-Mills; annual revenue 63,000,000. "
        "Contacts handled: 5. Customers handled: 3.",
    ],
)
def test_honest_wordings_pass(answer):
    assert passed(FACTS, answer) == [True] * 4


@pytest.mark.parametrize(
    "answer",
    [
        "Done. 0 1 2 3 4 5 6 7 8 9",
        "contacts handled: 3 4 5 6 7; customers handled: 1 2 3 4 5",
        "Contacts handled: 5. Contacts handled: 6. Customers handled: 3. Customers handled: 2.",
    ],
)
def test_digit_and_count_stuffing_fails(answer):
    assert passed([COUNT, OTHER_COUNT], answer) == [False, False]


def test_naming_every_candidate_fails_the_choice():
    answer = "Candidates: Martinez, Herrera and Schneider; Alvarez-Gutierrez; Hall-Mills. Revenue 63000000.00"
    assert passed([COMPANY], answer) == [False]


def test_the_rejected_option_as_the_choice_fails_even_if_the_right_one_is_named():
    answer = "I chose Hall-Mills (Martinez, Herrera and Schneider was also considered)."
    assert passed([COMPANY], answer) == [False]
    assert passed([COMPANY], "I chose Martinez, Herrera and Schneider rather than Hall-Mills.") == [True]
    assert passed([COMPANY], "I did not choose Martinez, Herrera and Schneider.") == [False]


def test_a_number_counts_only_in_a_clause_about_the_fact():
    assert passed([COUNT], "Done: 5 things, all good.") == [False]
    assert passed([COUNT], "There were 5 contacts handled.") == [True]


def test_times_dates_enums_and_text():
    time = Fact(key="meeting time", value="09:00", type="time", distractors=["10:00", "14:00"])
    for answer in ("The meeting time is 9:00.", "Meeting time: 9 am", "meeting time 09:00 UTC"):
        assert passed([time], answer) == [True], answer
    assert passed([time], "Meeting time 9:00 or 10:00") == [False]
    day = Fact(key="due date", value="2026-03-04", type="date", distractors=["2026-03-05"])
    for answer in ("Due date: 4 March 2026", "due date March 4th, 2026", "The due date is 03/04/2026"):
        assert passed([day], answer) == [True], answer
    status = Fact(key="ticket status", value="in_progress", type="enum", distractors=["open", "closed"])
    assert passed([status], "The ticket status is In Progress.") == [True]
    assert passed([status], "ticket status: open / in progress / closed") == [False]
    word = Fact(key="result", value="none", type="text", distractors=["all"])
    assert passed([word], "result: nonetheless") == [False]


def test_a_blank_fact_is_never_a_fact():
    with pytest.raises(ValueError):
        Fact(key="x", value="  ")
    assert Goal.model_validate({"answer_facts": ["", "Paris"]}).answer_facts == [Fact(value="Paris")]


def test_lists_check_every_item_and_the_order_when_asked():
    overdue = Fact(
        key="overdue tasks",
        value="A; B",
        type="list",
        items=["File taxes", "Call plumber"],
        ordered=True,
        distractors=["Walk dog"],
    )
    assert passed([overdue], "Overdue tasks: File taxes, then Call plumber.") == [True]
    assert passed([overdue], "Overdue tasks: Call plumber, File taxes.") == [False]
    assert passed([overdue], "Overdue tasks: File taxes, Call plumber, Walk dog.") == [False]


def test_no_final_answer_fails_every_fact():
    assert passed(FACTS, None) == [False] * 4


def test_value_readers():
    assert numbers_in("twenty-one items, 2.5k views, INV-1026 on 2026-03-01 at 09:00") == [21.0, 2500.0]
    assert dates_in("2026/03/04 and 4th of March 2026") == ["2026-03-04", "2026-03-04"]
    assert times_in("at 12 pm and 12:30 am") == ["12:00", "00:30"]
