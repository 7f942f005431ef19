"""Phrasing banks: constraint sentences state their exact parameters, vary with the rng, are deterministic."""

from __future__ import annotations

import random
import re

import pytest

from toolgym_env.tasks.constraints import (
    CONSTRAINT_TYPES,
    AppDiversity,
    AppRestriction,
    Budget,
    ConfirmBeforeDestructive,
    DataCoverage,
    Deadline,
    Entity,
    Forbidden,
    NoCollateral,
    NoRedundancy,
    OutputFormat,
    Privacy,
    ResponseContent,
    SequenceOrder,
    ToolCount,
    ToolTypePriority,
    TradeOff,
)
from toolgym_env.tasks.engine.phrasing import closing, connector, constraint_phrase, money, noise, opener

SEEDS = range(30)
SPEND = [{"table": "orders", "column": "total"}]


TITLES = {"mail": "Mail", "crm_sales_2": "DealDesk", "calendar": "Calendar", "shop": "ShopHub"}


class FakeNames:
    def app_title(self, app: str) -> str:
        return TITLES[app]

    def tool_title(self, tool: str) -> str:
        return tool.split("__", 1)[1].replace("_", " ").capitalize()

    def clock(self, iso: str) -> str:
        return iso[11:16]


NAMES = FakeNames()

# (constraint, strings every phrasing must contain)
CASES = [
    (ToolCount(max=12), ["12"]),
    (ToolCount(min=3, max=15), ["15", "3"]),
    (AppDiversity(min_apps=3), ["3"]),
    (AppRestriction(allowed=["mail", "crm_sales_2"]), ["Mail", "DealDesk"]),
    (
        DataCoverage(entities=[Entity(id="d1", label="the Acme deal"), Entity(id="d2", label="order #4411")]),
        ["the Acme deal", "order #4411"],
    ),
    (ResponseContent(must_include=["INV-2041", "$89.50"]), ["“INV-2041”", "“$89.50”"]),
    (NoRedundancy(), []),
    (
        ToolTypePriority(prefer=["search"], among=["search", "list"], min_ratio=0.6),
        ["60%", "search", "listing"],
    ),
    (ToolTypePriority(prefer=["get"], among=["get", "list", "search"], min_ratio=0.333), ["34%", "record"]),
    (
        SequenceOrder(first="crm_sales_2__get_deal", then="crm_sales_2__update_deal"),
        ["“Get deal”", "“Update deal”", "DealDesk"],
    ),
    (
        SequenceOrder(first="mail__search_messages", then="crm_sales_2__update_deal"),
        ["“Search messages” in Mail", "“Update deal” in DealDesk"],
    ),
    (
        TradeOff(criteria="the highest rating without going over $250", chosen="Hotel A"),
        ["the highest rating without going over $250"],
    ),
    (Budget(limit=1250, spend=SPEND), ["$1,250.00"]),
    (Budget(limit=80.5, currency="EUR", spend=SPEND), ["80.50 EUR"]),
    (Deadline(by="2026-03-02T09:30:00Z"), ["09:30"]),
    (
        Forbidden(apps=["calendar"], tools=["crm_sales_2__delete_deal"]),
        ["Calendar", "“Delete deal” in DealDesk"],
    ),
    (NoCollateral(), []),
    (ConfirmBeforeDestructive(), []),
    (
        Privacy(value="ana.ruiz@example.com", label="email address", source_app="crm_sales_2"),
        ["ana.ruiz@example.com", "email address", "DealDesk"],
    ),
    (OutputFormat(format="json", keys=["total", "vendor"]), ['"total"', '"vendor"', "JSON"]),
    (OutputFormat(format="bullets", min_items=3), ["3", "bullet"]),
    (OutputFormat(format="numbered", min_items=4), ["4", "numbered"]),
]


def _phrases(c) -> list[str]:
    return [constraint_phrase(c, random.Random(s), NAMES) for s in SEEDS]


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?=\s+[A-Z“\"]|$)", text))


def test_cases_cover_every_type():
    assert {c.type for c, _ in CASES} == set(CONSTRAINT_TYPES)


@pytest.mark.parametrize("c,needles", CASES, ids=[f"{c.type}-{i}" for i, (c, _) in enumerate(CASES)])
def test_phrase_states_parameters_and_varies(c, needles):
    phrases = _phrases(c)
    for p in phrases:
        assert p and p[0].isupper() and "{" not in p, p
        assert 1 <= _sentences(p) <= 2, p
        for n in needles:
            assert n.lower() in p.lower() if n.islower() else n in p, (n, p)
    assert len(set(phrases)) >= 4
    if c.type == "tradeoff":
        assert all(re.search(r"why|justify|explain", p) for p in phrases)
    if c.type == "tool_count" and c.min == 0:
        assert not any("at least" in p for p in phrases)


@pytest.mark.parametrize("c", [c for c, _ in CASES], ids=[c.type for c, _ in CASES])
def test_phrase_is_deterministic(c):
    assert _phrases(c) == _phrases(c)


def test_forbidden_without_targets_is_empty():
    assert constraint_phrase(Forbidden(), random.Random(0), NAMES) == ""


def test_money():
    assert money(1250) == "$1,250.00"
    assert money(0.5, "usd") == "$0.50"
    assert money(1234567.891, "EUR") == "1,234,567.89 EUR"


def test_connector():
    assert {connector(0, 1, random.Random(s)) for s in SEEDS} == {""}
    for i, n in [(0, 3), (1, 3), (2, 3), (1, 5)]:
        got = [connector(i, n, random.Random(s)) for s in SEEDS]
        assert got == [connector(i, n, random.Random(s)) for s in SEEDS]
        assert len(set(got)) >= 3 and all(g == "" or g.endswith(" ") for g in got)
    assert "Finally, " in {connector(2, 3, random.Random(s)) for s in range(100)}
    assert not {connector(0, 3, random.Random(s)) for s in range(100)} & {"Finally, ", "Then "}


def test_noise_opener_closing():
    noises = [noise(random.Random(s)) for s in range(300)]
    assert noises == [noise(random.Random(s)) for s in range(300)]
    assert len(set(noises)) >= 40
    assert all(n[0].isupper() and n.endswith(".") and not re.search(r"\d", n) for n in noises)
    openers = {opener(random.Random(s)) for s in range(300)}
    assert len(openers) >= 8 and "" in openers and all(o == "" or o.endswith(" ") for o in openers)
    closings = {closing(random.Random(s)) for s in range(300)}
    assert len(closings) >= 6 and all(c[-1] in ".!" for c in closings)
    assert opener(random.Random(7)) == opener(random.Random(7)) and closing(random.Random(7)) == closing(
        random.Random(7)
    )
