"""``toolgym compare``: two runs paired task by task, with the failure kinds of each."""

from __future__ import annotations

import json

from click.testing import CliRunner

from toolgym_env.cli.compare import compare
from toolgym_env.evaluation import run_eval
from toolgym_env.evaluation.analysis import compare_runs, sign_flip_p


def test_compare_pairs_tasks_and_tests_the_difference(tmp_path):
    a, b = tmp_path / "oracle.jsonl", tmp_path / "null.jsonl"
    oracle = run_eval("oracle", suite="core", sample=6, out=a)
    null = run_eval("null", suite="core", sample=6, out=b)
    result = CliRunner().invoke(compare, [str(a), str(b)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    wins = sum(r["success"] for r in oracle)
    assert summary["tasks"] == 6 and summary["a_better"] == wins and summary["b_better"] == 0
    assert summary["delta"] == round(-wins / 6, 4) and summary["p_value"] == sign_flip_p([-1.0] * wins)
    assert summary["failures_b"] == {"missing_change": 6}
    assert "| 6 | " in result.output and "missing_change" in result.output
    assert compare_runs(oracle, oracle)["delta"] == 0.0 and compare_runs(oracle, oracle)["p_value"] == 1.0
    assert compare_runs(null[:3], oracle[3:])["tasks"] == 0


def test_cost_per_episode_comes_from_the_price_table():
    from toolgym_env.evaluation.analysis import episode_cost, parse_prices

    record = {
        "provenance": {"model": "gpt-x"},
        "usage": {"prompt_tokens": 2_000_000, "completion_tokens": 100_000},
    }
    prices = parse_prices(["gpt-x=2.5,10", "*=1,1"])
    assert episode_cost(record, prices) == 2 * 2.5 + 0.1 * 10
    assert episode_cost({**record, "provenance": {"model": "other"}}, prices) == 2.1
    assert episode_cost(record, parse_prices(["y=1,1"])) is None
