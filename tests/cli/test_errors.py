"""The command line speaks to people: every bad input is one ``Error: ...`` line and a non-zero exit, found
before any episode runs, never a traceback."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from toolgym_env.cli import cli


def one_line_error(result, code: int, *needles: str) -> str:
    """The ``Error:`` line of a failed command, checked: exit ``code``, click's own exit (no crash), no
    traceback, exactly one error line, holding every needle."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("Error:")]
    for needle in needles:
        assert needle in line, line
    return line


@pytest.fixture
def no_episodes(monkeypatch):
    """Fail the test if any command gets as far as running episodes."""
    from toolgym_env.evaluation import runner

    def run_eval(*args, **kwargs):
        raise AssertionError("episodes ran before the input was checked")

    monkeypatch.setattr(runner, "run_eval", run_eval)


@pytest.fixture
def task_file(tmp_path):
    """A JSONL file of two valid tasks (from the core suite)."""
    from toolgym_env.tasks import dump_tasks, load_suite

    path = tmp_path / "two.jsonl"
    path.write_text(dump_tasks(load_suite("core")[:2]))
    return path


# --- a suite that is neither a shipped name nor a file ----------------------------------------------------
@pytest.mark.parametrize(
    "command", [["eval", "--agent", "oracle"], ["collect", "--agent", "oracle"], ["robustness"], ["demo"]]
)
def test_unknown_suite_names_the_shipped_suites(command, tmp_path, no_episodes):
    result = CliRunner().invoke(
        cli,
        [*command, "--suite", "nosuch", "-o", str(tmp_path / "r.jsonl")]
        if command[0] in ("eval", "collect")
        else [*command, "--suite", "nosuch"],
    )
    one_line_error(
        result,
        2,
        "--suite",
        "no suite or task file 'nosuch'",
        "checklist-test, checklist-train, core, showcase, test, train",
    )


def test_unknown_suite_in_a_real_process_prints_no_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "toolgym_env.cli", "tasks", "stats", "nosuch"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert (
        proc.stderr.strip()
        .splitlines()[-1]
        .startswith("Error: Invalid value for FILE|SUITE: no suite or task")
    )


# --- a malformed task file --------------------------------------------------------------------------------
def test_malformed_task_file_names_the_line_and_field(tmp_path, no_episodes):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 3}\n')
    for command in (["eval", "--agent", "oracle", "-o", str(tmp_path / "r.jsonl")], ["tasks", "stats"]):
        args = [*command, "--suite", str(bad)] if command[0] == "eval" else [*command, str(bad)]
        one_line_error(CliRunner().invoke(cli, args), 2, f"{bad}:1: field 'id'", "toolgym tasks validate")


def test_a_folder_is_not_a_task_file(tmp_path, no_episodes):
    result = CliRunner().invoke(cli, ["collect", "--agent", "oracle", "--suite", str(tmp_path)])
    one_line_error(result, 2, "is not a file")


# --- an LLM agent without a model --------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["eval", "collect"])
def test_llm_agent_without_a_model_or_endpoint(command, tmp_path, monkeypatch, no_episodes):
    for name in ("TOOLGYM_MODEL", "OPENAI_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    base = [command, "--agent", "function-calling", "-o", str(tmp_path / "r.jsonl")]
    one_line_error(CliRunner().invoke(cli, base), 2, "--agent function-calling needs a model", "--model NAME")
    one_line_error(CliRunner().invoke(cli, [*base, "--model", "m"]), 2, "needs an endpoint", "--base-url")


# --- an output path that cannot be written -----------------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ["eval", "--agent", "oracle"],
        ["collect", "--agent", "oracle"],
        ["catalog", "export"],
        ["tasks", "generate", "--n", "1"],
    ],
)
def test_unwritable_output_fails_before_any_work(command, tmp_path, no_episodes):
    blocker = tmp_path / "a-file"
    blocker.write_text("")  # a file where a folder should be: unwritable even for root
    result = CliRunner().invoke(cli, [*command, "-o", str(blocker / "out.jsonl")])
    one_line_error(result, 2, "--output", "cannot write", "is a file, not a folder")


def test_report_and_summary_paths_are_checked_too(tmp_path, no_episodes):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = CliRunner().invoke(
        cli,
        ["eval", "--agent", "oracle", "-o", str(tmp_path / "r.jsonl"), "--summary", str(blocker / "s.md")],
    )
    one_line_error(result, 2, "--summary", "cannot write")
    assert not (tmp_path / "r.jsonl").exists()  # the probe leaves nothing behind
    results = tmp_path / "results.jsonl"
    results.write_text("")
    one_line_error(
        CliRunner().invoke(cli, ["report", str(results), "-o", str(tmp_path)]), 2, "it is a folder"
    )


# --- tasks validate ----------------------------------------------------------------------------------------
@pytest.fixture
def checked(monkeypatch):
    """The validator's per-task check replaced by a passing report (the checks themselves are tested with the
    task engine); returns the ids of the tasks it was given."""
    from toolgym_env.tasks.engine.checking import Validator

    seen = []

    def check(self, task):
        seen.append(task.id)
        return {
            "task_id": task.id,
            "problem": None,
            "variants": {"budget": True},
            "oracle": 1.0,
            "null": 0.0,
            "claim-success": 0.0,
            "audit": {"digits": True, "reworded": True, "wrong-tradeoff": None},
        }

    monkeypatch.setattr(Validator, "check", check)
    return seen


def test_validate_lists_every_bad_line_checks_the_rest_and_exits_1(tmp_path, task_file, checked):
    good_a, good_b = task_file.read_text().splitlines()
    path = tmp_path / "mixed.jsonl"
    lines = [good_a, '{"id": 3}', "not json", good_b, good_a]  # lines 2, 3 and 5 are bad
    path.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(cli, ["tasks", "validate", str(path), "--json"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{path}:2: field 'id': Input should be a valid string" in result.stderr
    assert f"{path}:3: field '(record)': Invalid JSON" in result.stderr
    assert f"{path}:5: field 'id': duplicate task id" in result.stderr
    (line,) = result.stdout.strip().splitlines()
    summary = json.loads(line)
    assert summary["tasks"] == summary["valid"] == 2 and len(checked) == 2  # the good lines are still checked
    assert {p.split(":")[1] for p in summary["invalid_lines"]} == {"2", "3", "5"}


def test_validate_passes_a_valid_file_with_a_text_summary(task_file, checked):
    result = CliRunner().invoke(cli, ["tasks", "validate", str(task_file)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()  # no JSON without --json
    assert line.startswith(f"{task_file}: 2/2 tasks valid; oracle mean 1.0, null 0.0, claim-success 0.0; ")
    assert line.endswith(
        "2/2 violating variants caught; audit probes held 4/4 (attacks scored 0, honest variants 1)"
    )


def test_validate_exits_1_when_a_task_fails_its_checks(task_file, checked, monkeypatch):
    from toolgym_env.tasks.engine.checking import Validator

    passing = Validator.check
    monkeypatch.setattr(
        Validator, "check", lambda self, task: {**passing(self, task), "problem": "oracle below 1.0"}
    )
    result = CliRunner().invoke(cli, ["tasks", "validate", str(task_file)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{task_file}: task core-" in result.stderr and "0/2 tasks valid" in result.stdout


# --- a task file wherever a suite name is taken -----------------------------------------------------------
def test_task_file_is_taken_by_tasks_stats_and_demo(task_file):
    result = CliRunner().invoke(cli, ["tasks", "stats", str(task_file), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["tasks"] == 2
    result = CliRunner().invoke(
        cli, ["demo", "--suite", str(task_file), "--sample", "2", "--robustness-sample", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert {r["agent"]: r["episodes"] for r in json.loads(result.stdout)["agents"]}["oracle"] == 2


@pytest.mark.parametrize("command", ["eval", "collect"])
def test_task_file_is_taken_by_eval_and_collect(command, task_file, tmp_path):
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(
        cli, [command, "--agent", "oracle", "--suite", str(task_file), "-o", str(out), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 2 and all(r["success"] and r["suite"] == str(task_file) for r in records)


# --- one spelling, one default ----------------------------------------------------------------------------
def test_old_out_spelling_still_works_but_is_not_shown(tmp_path, no_episodes):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = CliRunner().invoke(cli, ["collect", "--agent", "oracle", "--out", str(blocker / "x.jsonl")])
    one_line_error(result, 2, "--output")  # --out reached the same option
    for command in (
        ["eval"],
        ["collect"],
        ["report"],
        ["export-sft"],
        ["catalog", "export"],
        ["tasks", "generate"],
    ):
        help_text = CliRunner().invoke(cli, [*command, "--help"]).output
        assert "-o, --output" in help_text and "--out " not in help_text, command
    for command in (["eval"], ["collect"], ["demo"], ["robustness"]):
        help_text = CliRunner().invoke(cli, [*command, "--help"]).output
        assert "--suite NAME|FILE" in help_text and "[default: test]" in help_text, command


# --- catalog stats -----------------------------------------------------------------------------------------
def test_catalog_stats_text_and_json():
    from toolgym_env.apps import CORE_APPS
    from toolgym_env.apps.domains import DOMAINS

    text = CliRunner().invoke(cli, ["catalog", "stats"])
    assert text.exit_code == 0, text.output
    assert '""' not in text.stdout and not text.stdout.lstrip().startswith("{")
    assert "real MCP" in text.stdout and "domains" in text.stdout
    data = CliRunner().invoke(cli, ["catalog", "stats", "--json"])
    assert data.exit_code == 0, data.output
    (line,) = data.stdout.strip().splitlines()
    stats = json.loads(line)
    assert stats["domains"] == len(DOMAINS) == 43  # one Blueprint module each; the core apps apart
    assert stats["core_apps"] == len(CORE_APPS) and stats["apps"] == 12 + 5 * 43
