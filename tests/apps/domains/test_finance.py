"""Finance domains: crypto exchange, brokerage, invoicing, payments, expenses and payroll/HR."""

from toolgym_env.world.seeding import make_cast


def test_crypto_market_buy_moves_balances(open_app):
    app = open_app("coinvexa")
    usd = app.rows("wallet", "asset = 'USD'")[0]
    sol = app.rows("wallet", "asset = 'SOL'")[0]
    res = app.call("place_order", market="SOL-USD", side="buy", quantity=10)
    assert not res.is_error, res.text
    assert res.structured["status"] == "filled"
    assert app.rows("wallet", "id = ?", (sol["id"],))[0]["balance"] == round(sol["balance"] + 10, 8)
    assert app.rows("wallet", "id = ?", (usd["id"],))[0]["balance"] < usd["balance"] - 1462
    (trade,) = app.rows("trade", "order_id = ?", (res.structured["id"],))
    assert (trade["market"], trade["side"], trade["quantity"]) == ("SOL-USD", "buy", 10)
    assert trade["executed_at"] == res.structured["created_at"]
    assert trade["fee"] == round(round(10 * trade["price"], 8) * 0.001, 8)


def test_crypto_close_wallet_needs_empty_balance(open_app):
    app = open_app("coinvexa")
    btc = app.rows("wallet", "asset = 'BTC'")[0]
    res = app.call("close_wallet", wallet_id=btc["id"])
    assert res.is_error and "still holds" in res.text
    ltc = app.rows("wallet", "asset = 'LTC'")[0]
    assert not app.call("close_wallet", wallet_id=ltc["id"]).is_error
    assert not app.rows("wallet", "id = ?", (ltc["id"],))


def test_brokerage_buy_creates_position_and_spends_cash(open_app):
    app = open_app("tickerlane")
    acc = app.rows("account", "status = 'active' AND cash_balance > 10000")[0]
    quote = app.rows("quote", "symbol = 'KO'")[0]
    for p in app.rows("position", "account_id = ? AND symbol = 'KO'", (acc["id"],)):
        app.world.delete(app.app.resources["position"].table, p["id"])
    res = app.call("place_order", account_id=acc["id"], quote_id=quote["id"], side="buy", quantity=10)
    assert not res.is_error, res.text
    pos = app.rows("position", "account_id = ? AND symbol = 'KO'", (acc["id"],))
    assert pos and pos[0]["quantity"] == 10
    cash = app.rows("account", "id = ?", (acc["id"],))[0]["cash_balance"]
    assert cash == round(acc["cash_balance"] - 10 * quote["price"], 2)


def test_brokerage_cannot_oversell(open_app):
    app = open_app("tickerlane")
    pos = app.rows("position")[0]
    quote = app.rows("quote", "symbol = ?", (pos["symbol"],))[0]
    res = app.call(
        "place_order",
        account_id=pos["account_id"],
        quote_id=quote["id"],
        side="sell",
        quantity=pos["quantity"] + 1,
    )
    assert res.is_error and "Cannot sell" in res.text


def test_invoice_payment_marks_invoice_paid(open_app):
    app = open_app("ledgerly")
    inv = next(i for i in app.rows("invoice", "status = 'sent'") if i["amount_credited"] == 0)
    res = app.call("record_payment", invoice_id=inv["id"])
    assert not res.is_error, res.text
    after = app.rows("invoice", "id = ?", (inv["id"],))[0]
    assert after["status"] == "paid" and after["amount_paid"] == inv["total"]
    assert app.rows("payment", "invoice_id = ?", (inv["id"],))


def test_invoice_overpayment_is_refused(open_app):
    app = open_app("ledgerly")
    inv = app.rows("invoice", "status = 'sent'")[0]
    res = app.call("record_payment", invoice_id=inv["id"], amount=round(inv["total"] + 100, 2))
    assert res.is_error and "exceeds the balance due" in res.text
    again = app.call("send_invoice", invoice_id=inv["id"])
    assert again.is_error and "only drafts can be sent" in again.text


def test_payments_refund_updates_charge(open_app):
    app = open_app("paystream")
    ch = app.rows("charge", "status = 'succeeded' AND amount_refunded = 0 AND disputed = 0")[0]
    res = app.call("refund_charge", charge_id=ch["id"], amount=100)
    assert not res.is_error, res.text
    assert app.rows("charge", "id = ?", (ch["id"],))[0]["amount_refunded"] == 100
    assert app.rows("refund", "charge_id = ?", (ch["id"],))[0]["status"] == "pending"


def test_payments_payout_cannot_exceed_balance(open_app):
    app = open_app("paystream")
    avail = {b["currency"]: b["available"] for b in app.call("get_balance").structured["balances"]}
    res = app.call("create_payout", amount=50_000, currency="eur")
    assert avail.get("eur", 0) < 50_000
    assert res.is_error and "Insufficient available eur balance" in res.text
    disputed = app.rows("charge", "disputed = 1")[0]
    bad = app.call("refund_charge", charge_id=disputed["id"])
    assert bad.is_error and "disputed" in bad.text


def test_expense_report_approval_records_decision(open_app):
    app = open_app("spendwisp")
    me = make_cast(0).user.email
    report = next(r for r in app.rows("report", "status = 'submitted'") if r["employee_email"] != me)
    res = app.call("approve_report", report_id=report["id"], comment="ok")
    assert not res.is_error, res.text
    assert app.rows("report", "id = ?", (report["id"],))[0]["status"] == "approved"
    assert app.rows("approval", "report_id = ? AND approver_email = ? AND comment = 'ok'", (report["id"], me))
    again = app.call("approve_report", report_id=report["id"])
    assert again.is_error and "only submitted reports" in again.text


def test_expense_submit_requires_receipts(open_app):
    app = open_app("spendwisp")
    draft = app.rows("report", "status = 'draft'")[0]
    res = app.call(
        "add_expense",
        report_id=draft["id"],
        category="lodging",
        merchant="Hilton",
        amount=210.0,
        spent_on="2026-02-20",
    )
    assert not res.is_error, res.text
    assert app.rows("report", "id = ?", (draft["id"],))[0]["total"] == round(draft["total"] + 210.0, 2)
    sub = app.call("submit_report", report_id=draft["id"])
    assert sub.is_error and "Receipts are required" in sub.text


def test_time_off_approval_deducts_pto(open_app):
    app = open_app("payvista")
    emp = app.rows("employee", "status = 'active'")[0]
    app.world.update(app.app.resources["employee"].table, emp["id"], {"pto_balance_days": 30.0})
    req = app.call(
        "request_time_off",
        employee_id=emp["id"],
        kind="vacation",
        start_date="2026-06-01",
        end_date="2026-06-05",
    )
    assert not req.is_error, req.text
    assert req.structured["days"] == 5 and req.structured["status"] == "pending"
    res = app.call("approve_time_off", time_off_id=req.structured["id"])
    assert not res.is_error, res.text
    assert app.rows("employee", "id = ?", (emp["id"],))[0]["pto_balance_days"] == 25.0


def test_pay_run_periods_may_not_overlap(open_app):
    app = open_app("payvista")
    run = app.rows("pay_run", "status = 'paid'")[0]
    res = app.call("create_pay_run", period_start=run["period_start"])
    assert res.is_error and "overlaps pay run" in res.text.lower()
    emp = app.rows("employee", "status = 'active'")[0]
    app.world.update(app.app.resources["employee"].table, emp["id"], {"pto_balance_days": 1.0})
    short = app.call(
        "request_time_off",
        employee_id=emp["id"],
        kind="vacation",
        start_date="2026-05-04",
        end_date="2026-05-06",
    )
    assert short.is_error and "Not enough PTO" in short.text
