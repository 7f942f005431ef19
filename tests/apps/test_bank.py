"""Bank app: transactions move money, funds are checked, reads change nothing, schemas hold, seeds repeat."""

from __future__ import annotations

import pytest

from tests.apps.app_calls import app_calls, assert_tables_alike, check_every_tool, seeded_twice
from toolgym_env.apps import load_app, load_apps
from toolgym_env.apps.account import ACCOUNT_TOOLS
from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.core.bank import charge_account, refund_account
from toolgym_env.errors import ToolError
from toolgym_env.universe import Universe
from toolgym_env.world import diff_world, make_cast

APP = "bank"
ACCOUNTS, TXNS, PAYEES = "bank__accounts", "bank__transactions", "bank__payees"


ok, err = app_calls(APP)


def balance(world, account_id):
    return world.get(ACCOUNTS, account_id)["balance"]


def assert_balances_match_transactions(world):
    """Every balance change in the episode equals the sum of the transactions inserted for that account."""
    diff = diff_world(world)
    for change in diff.by_table(ACCOUNTS, "update"):
        booked = sum(
            c.after["amount"] for c in diff.by_table(TXNS, "insert") if c.after["account_id"] == change.id
        )
        assert round(change.after["balance"] - change.before["balance"], 2) == round(booked, 2)


def test_seed_is_plausible(world):
    accounts = {a["id"]: a for a in world.select(ACCOUNTS)}
    assert set(accounts) == {"acc_checking", "acc_savings", "acc_credit"}
    assert accounts["acc_checking"]["iban"] == make_cast(0).user.iban
    assert accounts["acc_credit"]["balance"] < 0 < accounts["acc_credit"]["credit_limit"]
    assert world.count(TXNS) >= 60 and world.count(PAYEES) >= 10
    ibans = {p.iban for p in make_cast(0).people}
    assert all(p["iban"] in ibans for p in world.select(PAYEES))
    assert {t["account_id"] for t in world.select(TXNS)} == set(accounts) - ACCOUNT_TOOLS


def test_get_balance_reports_available_credit(route):
    card = ok(route, "get_balance", account_id="acc_credit")
    assert card["available"] == round(card["balance"] + 8000.0, 2)
    assert "No bank account with id 'acc_nope'" in err(route, "get_balance", account_id="acc_nope")


def test_transfer_moves_both_balances_and_writes_two_transactions(route, world):
    before_c, before_s = balance(world, "acc_checking"), balance(world, "acc_savings")
    out = ok(
        route,
        "transfer_between_accounts",
        from_account_id="acc_checking",
        to_account_id="acc_savings",
        amount=250.5,
        memo="Vacation fund",
    )
    assert balance(world, "acc_checking") == round(before_c - 250.5, 2) == out["from_balance"]
    assert balance(world, "acc_savings") == round(before_s + 250.5, 2) == out["to_balance"]
    diff = diff_world(world)
    assert diff.summary() == {
        ACCOUNTS: {"insert": 0, "update": 2, "delete": 0},
        TXNS: {"insert": 2, "update": 0, "delete": 0},
    }
    amounts = sorted(c.after["amount"] for c in diff.by_table(TXNS))
    assert amounts == [-250.5, 250.5]
    assert {c.after["category"] for c in diff.by_table(TXNS)} == {"transfer"}
    assert {c.after["date"] for c in diff.by_table(TXNS)} == {"2026-03-02"}
    assert_balances_match_transactions(world)


def test_transfer_preconditions_leave_world_unchanged(route, world):
    msg = err(
        route,
        "transfer_between_accounts",
        from_account_id="acc_checking",
        to_account_id="acc_savings",
        amount=999_999,
    )
    assert "Insufficient funds" in msg
    assert "different" in err(
        route,
        "transfer_between_accounts",
        from_account_id="acc_savings",
        to_account_id="acc_savings",
        amount=5,
    )
    assert "credit card" in err(
        route,
        "transfer_between_accounts",
        from_account_id="acc_credit",
        to_account_id="acc_checking",
        amount=5,
    )
    assert "greater than 0" in err(
        route,
        "transfer_between_accounts",
        from_account_id="acc_checking",
        to_account_id="acc_savings",
        amount=0,
    )
    assert len(diff_world(world)) == 0


def test_paying_off_the_credit_card(route, world):
    owed = -balance(world, "acc_credit")
    ok(
        route,
        "transfer_between_accounts",
        from_account_id="acc_checking",
        to_account_id="acc_credit",
        amount=owed,
    )
    assert balance(world, "acc_credit") == 0.0


def test_send_payment_to_payee(route, world):
    payee = world.select(PAYEES)[0]
    before = balance(world, "acc_checking")
    out = ok(
        route,
        "send_payment",
        from_account_id="acc_checking",
        amount=42.0,
        memo="Concert tickets",
        payee_id=payee["id"],
    )
    txn = out["transaction"]
    assert (
        txn["amount"] == -42.0
        and txn["counterparty"] == payee["name"]
        and txn["counterparty_iban"] == payee["iban"]
    )
    assert txn["category"] == "payment" and txn["description"] == "Concert tickets"
    assert out["balance_after"] == balance(world, "acc_checking") == round(before - 42.0, 2)
    assert diff_world(world).summary() == {
        ACCOUNTS: {"insert": 0, "update": 1, "delete": 0},
        TXNS: {"insert": 1, "update": 0, "delete": 0},
    }
    assert_balances_match_transactions(world)


def test_send_payment_by_iban(route, world):
    payee = world.select(PAYEES)[1]
    spaced = " ".join(payee["iban"][i : i + 4] for i in range(0, len(payee["iban"]), 4)).lower()
    assert (
        ok(route, "send_payment", from_account_id="acc_savings", amount=10, iban=spaced)["transaction"][
            "counterparty"
        ]
        == payee["name"]
    )
    stranger = ok(
        route, "send_payment", from_account_id="acc_checking", amount=5, iban="DE89370400440532013000"
    )
    assert stranger["transaction"]["counterparty"] == "DE89370400440532013000"


def test_send_payment_preconditions(route, world):
    payee = world.select(PAYEES)[0]
    assert "exactly one" in err(route, "send_payment", from_account_id="acc_checking", amount=5)
    assert "exactly one" in err(
        route,
        "send_payment",
        from_account_id="acc_checking",
        amount=5,
        payee_id=payee["id"],
        iban=payee["iban"],
    )
    assert "not a valid IBAN" in err(
        route, "send_payment", from_account_id="acc_checking", amount=5, iban="12345"
    )
    assert "checking or savings" in err(
        route, "send_payment", from_account_id="acc_credit", amount=5, payee_id=payee["id"]
    )
    assert "per-payment limit" in err(
        route, "send_payment", from_account_id="acc_savings", amount=15000, payee_id=payee["id"]
    )
    assert "No payee" in err(
        route, "send_payment", from_account_id="acc_checking", amount=5, payee_id="payee_nope"
    )
    assert len(diff_world(world)) == 0


def test_insufficient_funds_after_draining(route, world):
    ok(
        route,
        "transfer_between_accounts",
        from_account_id="acc_checking",
        to_account_id="acc_savings",
        amount=round(balance(world, "acc_checking") - 20, 2),
    )
    world.begin_episode()
    payee = world.select(PAYEES)[0]
    assert "Insufficient funds" in err(
        route, "send_payment", from_account_id="acc_checking", amount=20.01, payee_id=payee["id"]
    )
    assert len(diff_world(world)) == 0
    ok(route, "send_payment", from_account_id="acc_checking", amount=20.0, payee_id=payee["id"])
    assert balance(world, "acc_checking") == 0.0


def test_add_and_remove_payee(route, world):
    payee = ok(
        route, "add_payee", name="Jordan Lee", iban="gb29 nwbk 6016 1331 9268 19", email="jordan@example.com"
    )
    assert payee["iban"] == "GB29NWBK60161331926819" and payee["created_at"] == "2026-03-02T09:00:00Z"
    assert "already exists" in err(route, "add_payee", name="Someone", iban="GB29NWBK60161331926819")
    assert ok(route, "send_payment", from_account_id="acc_checking", amount=1, payee_id=payee["id"])
    ok(route, "remove_payee", payee_id=payee["id"])
    assert world.get(PAYEES, payee["id"]) is None


def test_list_transactions_filters(route, world):
    dining = ok(route, "list_transactions", category="dining", limit=200)
    assert dining["total"] == world.count(TXNS, "category = 'dining'") > 0
    assert all(t["category"] == "dining" for t in dining["transactions"])
    window = ok(
        route,
        "list_transactions",
        account_id="acc_credit",
        start_date="2026-02-01",
        end_date="2026-02-15",
        limit=200,
    )
    assert window["transactions"] and all(
        t["account_id"] == "acc_credit" and "2026-02-01" <= t["date"] <= "2026-02-15"
        for t in window["transactions"]
    )
    dates = [t["date"] for t in window["transactions"]]
    assert dates == sorted(dates, reverse=True)
    few = ok(route, "list_transactions", limit=3)
    assert len(few["transactions"]) == 3 and few["has_more"] and few["total"] == world.count(TXNS)
    assert "not a valid date" in err(route, "list_transactions", start_date="2026-02-30")


def test_spending_summary_is_computed_from_transactions(route, world):
    out = ok(route, "spending_summary", start_date="2026-02-01", end_date="2026-02-28")
    rows = world.select(TXNS, "date BETWEEN '2026-02-01' AND '2026-02-28' AND category != 'transfer'")
    assert out["total_spent"] == round(sum(-t["amount"] for t in rows if t["amount"] < 0), 2)
    assert out["total_received"] == round(sum(t["amount"] for t in rows if t["amount"] > 0), 2)
    assert round(sum(c["total"] for c in out["categories"]), 2) == out["total_spent"]
    totals = [c["total"] for c in out["categories"]]
    assert totals == sorted(totals, reverse=True)
    default = ok(route, "spending_summary")
    assert (default["start_date"], default["end_date"]) == ("2026-01-31", "2026-03-02")
    assert "after" in err(route, "spending_summary", start_date="2026-03-01", end_date="2026-02-01")


def test_charge_account_helper(world):
    ctx = ToolContext(world, load_app("shop"))  # another app's context reaches the bank's tables
    before = balance(world, "acc_credit")
    txn = charge_account(ctx, "acc_credit", 19.999, "Shopwise", "Order 1")
    assert txn["amount"] == -20.0 and txn["counterparty"] == "Shopwise" and txn["category"] == "shopping"
    assert balance(world, "acc_credit") == round(before - 20.0, 2)
    refund = refund_account(ctx, "acc_credit", 20.0, "Shopwise", "Refund 1")
    assert (
        refund["amount"] == 20.0 and refund["category"] == "refund" and balance(world, "acc_credit") == before
    )
    with pytest.raises(ToolError, match="No bank account"):
        charge_account(ctx, "acc_nope", 5, "X", "y")
    with pytest.raises(ToolError, match="Insufficient funds"):
        charge_account(ctx, "acc_credit", 100_000, "X", "y")
    assert_balances_match_transactions(world)


def test_reads_leave_the_world_unchanged(route, world):
    txn = world.select(TXNS)[0]
    ok(route, "list_accounts")
    ok(route, "get_balance", account_id="acc_checking")
    ok(route, "list_payees")
    ok(route, "list_transactions", account_id="acc_checking")
    ok(route, "search_transactions", query="Payroll")
    ok(route, "get_transaction", transaction_id=txn["id"])
    ok(route, "spending_summary")
    assert len(diff_world(world)) == 0


def test_every_tool_output_matches_its_schema(universe, route, world):
    payee = world.select(PAYEES)[0]
    calls = {
        "list_accounts": {"type": "checking"},
        "get_balance": {"account_id": "acc_savings"},
        "list_payees": {},
        "search_transactions": {"query": "Whole Foods"},
        "get_transaction": {"transaction_id": world.select(TXNS)[0]["id"]},
        "list_transactions": {"category": "groceries"},
        "spending_summary": {"account_id": "acc_credit"},
        "transfer_between_accounts": {
            "from_account_id": "acc_checking",
            "to_account_id": "acc_savings",
            "amount": 5,
        },
        "send_payment": {"from_account_id": "acc_checking", "amount": 7.5, "payee_id": payee["id"]},
        "add_payee": {"name": "Sam Park", "iban": "FR1420041010050500013M02606"},
        "remove_payee": {"payee_id": payee["id"]},
    }
    check_every_tool(ok, route, world, universe.catalog.apps[APP].tools, calls)


def test_seeding_is_deterministic():
    a, b = seeded_twice(["contacts", APP])
    c = Universe(load_apps(["contacts", APP])).build_world(1)
    assert_tables_alike(a, b, APP)
    assert a.select(TXNS) != c.select(TXNS)
