"""Matchers and fact checks used by the judge."""

from toolgym_env.judge import contains_fact, match_row, match_value


def test_plain_values_and_floats():
    assert match_value("a", "a") and not match_value("a", "b")
    assert match_value(10.0, 10) and match_value(10.001, 10.0) and not match_value(10.1, 10.0)


def test_operators():
    assert match_value("Dinner in Paris", {"$contains": "Paris"})
    assert match_value("Dinner in PARIS", {"$icontains": "paris"})
    assert match_value(99.5, {"$approx": 100, "$tol": 1}) and not match_value(90, {"$approx": 100})
    assert match_value("b", {"$in": ["a", "b"]}) and match_value(["x", "y"], {"$has": "y"})
    assert match_value(5, {"$gte": 5, "$lte": 6}) and not match_value(None, {"$any": True})


def test_match_row_requires_every_column():
    row = {"to": ["a@b.com"], "subject": "Hi there"}
    assert match_row(row, {"to": {"$has": "a@b.com"}, "subject": {"$icontains": "hi"}})
    assert not match_row(row, {"missing": 1}) and not match_row(None, {})


def test_contains_fact_normalizes_case_spacing_and_numbers():
    assert contains_fact("The total is $1,234.50 today", "1234.5")
    assert contains_fact("Flight  UA 123 departs", "ua 123")
    assert not contains_fact("The total is 1234.6", "1234.50")
    assert not contains_fact("", "Paris")
