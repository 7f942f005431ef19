"""The kit's date and money helpers: the values they return and the tool errors they raise."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from toolgym_env.apps.kit.dates import format_stamp, parse_day, parse_stamp, plus_days, valid_day
from toolgym_env.apps.kit.money import money
from toolgym_env.errors import ToolError


def test_parse_day_names_the_field_and_the_format():
    assert parse_day("2028-02-29", "day") == date(2028, 2, 29)
    with pytest.raises(ToolError, match=r"^check_in: '2026-02-30' is not a valid date \(YYYY-MM-DD\)\.$"):
        parse_day("2026-02-30", "check_in")
    with pytest.raises(ToolError, match=r"^day: 'soon' is not a valid date\.$"):
        parse_day("soon", "day", hint=False)


def test_parse_day_of_a_stamp_reads_its_day_and_quotes_it_whole():
    assert parse_day("2026-03-02T09:00:00Z", "started_at", stamp=True) == date(2026, 3, 2)
    with pytest.raises(ToolError, match="'2026-02-30T09:00:00Z'"):
        parse_day("2026-02-30T09:00:00Z", "started_at", stamp=True)
    with pytest.raises(ToolError):
        parse_day("2026-03-02T09:00:00Z", "started_at")


def test_valid_day_keeps_the_value_or_falls_back():
    assert valid_day("2026-03-05", "2026-03-02") == "2026-03-05"
    assert valid_day("", "2026-03-02") == valid_day(None, "2026-03-02") == "2026-03-02"
    with pytest.raises(ToolError, match="^date: "):
        valid_day("2026-13-01", "2026-03-02")


def test_days_and_stamps_step_and_round_trip():
    assert plus_days("2026-02-27", 3) == "2026-03-02" and plus_days("2026-03-01", -1) == "2026-02-28"
    t = parse_stamp("2026-03-02T09:00:00Z")
    assert t == datetime(2026, 3, 2, 9, tzinfo=UTC)
    assert format_stamp(t) == "2026-03-02T09:00:00Z"


def test_money_rounds_half_cents_up():
    assert money(0.125) == 0.13 and money(2.675) == 2.68 and money(1.004) == 1.0
