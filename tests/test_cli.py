"""The command line: demo prints the table, bench prints its JSON record."""

import json

from click.testing import CliRunner

from toolgym_env.cli import cli


def test_demo_prints_the_results_table():
    result = CliRunner().invoke(cli, ["demo", "--json"])
    assert result.exit_code == 0, result.output
    assert "oracle" in result.output and "claim-success" in result.output
    rows = {r["agent"]: r for r in json.loads(result.output.strip().splitlines()[-1])}
    assert rows["oracle"]["success"] == 1.0
    assert rows["null"]["success"] == rows["claim-success"]["success"] == rows["random"]["success"] == 0.0


def test_bench_json_has_the_required_keys():
    result = CliRunner().invoke(cli, ["bench", "--json", "-n", "100"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.strip().splitlines()[-1])
    for key in ("step_read_us_median", "step_write_us_median", "step_error_us_median", "step_mcp_us_median",
                "reset_ms_median", "reset_ms_p95", "peak_rss_mb_no_embed", "random_steps_per_s_direct",
                "random_steps_per_s_mcp"):
        assert isinstance(record[key], (int, float)) and record[key] > 0, key
