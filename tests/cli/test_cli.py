"""The command line: demo prints the table, bench prints its JSON record; --json prints the JSON alone."""

import json

import pytest
from click.testing import CliRunner

from toolgym_env.cli import cli


@pytest.mark.slow
def test_demo_json_holds_the_results_and_robustness_rows():
    result = CliRunner().invoke(cli, ["demo", "--json", "--sample", "30", "--robustness-sample", "2"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()  # --json: the JSON alone on stdout, no tables
    record = json.loads(line)
    rows = {r["agent"]: r for r in record["agents"]}
    assert rows["oracle"]["success"] == 1.0
    assert rows["null"]["success"] == rows["claim-success"]["success"] == rows["random"]["success"] == 0.0
    robust = {(r["profile"], r["agent"]): r for r in record["robustness"]}
    assert robust[("none", "oracle-retry")]["success"] == 1.0
    assert {p for p, _ in robust} >= {"timeout", "interrupt", "first_non_search", "random_20", "heavy"}


def test_robustness_command_rejects_unknown_agents_and_profiles():
    result = CliRunner().invoke(cli, ["robustness", "--agent", "oracle,gpt9"])
    assert result.exit_code == 2 and "unknown agent(s) ['gpt9']" in result.output
    result = CliRunner().invoke(cli, ["robustness", "--profiles", "chaos"])  # the old spelling still works
    assert result.exit_code == 2 and "unknown profile(s) ['chaos']" in result.output


REQUIRED_BENCH_KEYS = (
    "step_read_us_median",
    "step_write_us_median",
    "step_error_us_median",
    "step_mcp_us_median",
    "reset_ms_median",
    "reset_ms_p95",
    "judge_ms_median",
    "search_ms_median",
    "index_search_ms_median",
    "index_cold_build_s",
    "index_warm_load_s",
    "vec_steps_per_s_1w",
    "vec_speedup_2w",
    "vec_speedup_4w",
    "peak_rss_mb_no_embed",
    "peak_rss_mb_embed",
)
EMBED_KEYS = {
    "search_ms_median",
    "index_search_ms_median",
    "index_cold_build_s",
    "index_warm_load_s",
    "peak_rss_mb_embed",
}


@pytest.mark.slow
def test_bench_json_has_the_required_keys():
    result = CliRunner().invoke(
        cli, ["bench", "--json", "-n", "100", "--no-embed", "--vector-seconds", "0.5"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.strip().splitlines()[-1])
    for key in REQUIRED_BENCH_KEYS:
        if key in EMBED_KEYS:
            assert record[key] is None, key  # --no-embed: present, not measured
        else:
            assert isinstance(record[key], (int, float)) and record[key] > 0, key
    assert record["step_read_us_p95"] >= record["step_read_us_median"]
    assert record["peak_rss_mb_random_actions"] > 50 and record["random_steps_per_s_direct"] > 0


def test_catalog_stats_json_last_line():
    result = CliRunner().invoke(cli, ["catalog", "stats", "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output.strip().splitlines()[-1])
    for key in (
        "apps",
        "tools",
        "domains",
        "params_mean",
        "params_median",
        "required_mean",
        "pct_with_enum",
        "pct_nested",
        "pct_output_schema",
        "pct_annotated",
        "desc_chars_median",
        "name_styles",
    ):
        assert key in stats
    assert stats["apps"] >= 204 and stats["tools"] >= 5571


def test_catalog_export_writes_one_mcp_record_per_tool(tmp_path):
    out = tmp_path / "tools.jsonl"
    result = CliRunner().invoke(cli, ["catalog", "export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert len(lines) == json.loads(result.output.strip().splitlines()[-1])["tools"] >= 5571
    record = json.loads(lines[0])
    assert {"name", "description", "inputSchema", "outputSchema", "annotations"} <= set(record)


def test_catalog_search_ranks_relevant_tools():
    result = CliRunner().invoke(cli, ["catalog", "search", "refund a payment charge", "--json", "-k", "5"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output.strip().splitlines()[-1])["tools"]
    assert len(hits) == 5 and any("refund" in h["name"].lower() for h in hits)


def test_tasks_generate_stats_validate_print_json_summaries(tmp_path):
    out = tmp_path / "mini.jsonl"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["tasks", "generate", "--seed", "4", "--n", "3", "--workers", "1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    kept = summary["kept"]
    assert 1 <= kept <= 3 and summary["seed"] == 4 and "rejected" in summary
    assert (tmp_path / "mini.meta.json").is_file()

    result = runner.invoke(cli, ["tasks", "stats", str(out), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["tasks"] == kept and figures["generation"]["seed"] == 4
    assert sum(figures["constraint_types"].values()) >= kept
    both = json.loads(
        runner.invoke(cli, ["tasks", "stats", str(out), "core", "--json"]).output
    )  # counted together
    assert both["tasks"] == kept + 38 and "generation" not in both
    assert both["coverage"]["tools_used"] >= figures["coverage"]["tools_used"]

    result = runner.invoke(cli, ["tasks", "validate", str(out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["oracle_mean"] == 1.0 and report["null_mean"] == 0.0 and report["claim_success_mean"] == 0.0
    assert report["variants_caught"] == report["variants_total"] > 0 and report["valid"] == kept


def test_tasks_validate_reports_a_broken_task(tmp_path):
    from toolgym_env.tasks import Fact, dump_tasks, load_suite

    task = load_suite("core")[0]
    wrong = [Fact(key="total", value="no such fact 9z", distractors=["x"])]
    broken = task.model_copy(update={"goal": task.goal.model_copy(update={"answer_facts": wrong})})
    path = tmp_path / "broken.jsonl"
    path.write_text(dump_tasks([broken]))
    result = CliRunner().invoke(cli, ["tasks", "validate", str(path), "--json"])
    assert result.exit_code == 1  # an invalid task fails the command
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["valid"] == 0 and report["oracle_mean"] == 0.0
    assert any("oracle below 1.0" in p for p in report["problems"])
