"""``toolgym report``: the leaderboard rows, the embedded episode JSON, escaping of hostile text, size bounds,
the command, and the page rendered by headless Chromium (the viewer opens ``#ep-1`` from the URL)."""

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from toolgym_env.cli.report import report
from toolgym_env.evaluation import ResultStore, run_eval, summarize
from toolgym_env.evaluation.analysis import failure_kind
from toolgym_env.report import build_report, json_for_script

HOSTILE = "</script><img src=x onerror=alert(1)>"
LIVE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"  # visible in the DOM if it runs


class Page(HTMLParser):
    """The parts of a page the tests look at: every start tag with its attributes, and each script's text."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.scripts, self._script = [], [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def data(self):
        return json.loads(next(text for attrs, text in self.scripts if attrs.get("id") == "report-data"))


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """A results file: the oracle on 3 core tasks, 2 attempts each, profile moderate; the null agent on 2."""
    path = tmp_path_factory.mktemp("report") / "results.jsonl"
    run_eval("oracle", suite="core", sample=3, k=2, profile="moderate", out=path)
    run_eval("null", suite="core", sample=2, out=path)
    return path


@pytest.fixture(scope="module")
def records(results):
    return ResultStore(results).read()


def hostile_copy(records, payload=HOSTILE):
    """The records with ``payload`` in a result, an argument, the answer, a judge detail, the agent name."""
    out = copy.deepcopy(records)
    bad = out[1]
    bad["trajectory"][0]["result"] = payload + bad["trajectory"][0]["result"]
    bad["trajectory"][0]["arguments"] = {"q": payload}
    bad["final_answer"] = payload
    bad["judge"]["checks"][0]["detail"] = payload
    out[-1]["agent"] = "null" + payload
    return out


def test_the_leaderboard_has_one_row_per_group(records):
    page = Page(build_report(records, plots=False))
    rows = [attrs["data-group"] for tag, attrs in page.tags if tag == "tr" and "data-group" in attrs]
    assert rows == [
        "|".join(map(str, (s["agent"], s["profile"], s["suite"], s["run"]))) for s in summarize(records)
    ]
    assert [r.rsplit("|", 1)[0] for r in rows] == ["oracle|moderate|core", "null|None|core"]
    assert [r.rsplit("|", 1)[1] for r in rows] == [
        records[0]["provenance"]["run_name"],
        records[-1]["provenance"]["run_name"],
    ]
    assert ("table", {"id": "leaderboard-table", "class": "sortable"}) in page.tags


def test_the_embedded_episodes_parse_back(records):
    data = Page(build_report(records, plots=False)).data()
    failed = [i for i, r in enumerate(records) if not r["success"]]
    assert [ep["id"] for ep in data["episodes"]] == failed + [
        i for i in range(len(records)) if i not in failed
    ]
    assert failed and data["total"] == len(records)
    assert [ep["failure"] for ep in data["episodes"]] == [
        failure_kind(records[ep["id"]]) for ep in data["episodes"]
    ]
    assert all(ep["failure"] for ep in data["episodes"][: len(failed)])
    for ep in data["episodes"]:
        record = records[ep["id"]]
        assert (ep["task_id"], ep["agent"], ep["success"]) == (
            record["task_id"],
            record["agent"],
            record["success"],
        )
        assert ep["instruction"]["text"] == record["task"]["instruction"]
        assert [s["name"] for s in ep["steps"]] == [s["name"] for s in record["trajectory"]]
        assert [s["result"]["text"] for s in ep["steps"]] == [
            s["result"][:3000] for s in record["trajectory"]
        ]
        assert len(ep["judge"]["checks"]) == len(record["judge"]["checks"])
    fired = [s for ep in data["episodes"] for s in ep["steps"] if s["perturbations"]]
    assert fired and all("kind" in p for s in fired for p in s["perturbations"])


def test_hostile_text_is_escaped_not_markup(records):
    text = build_report(hostile_copy(records), plots=False)
    assert "<img" not in text and HOSTILE not in text  # plots are off: no image tag at all
    page = Page(text)
    assert [tag for tag, _ in page.tags].count("img") == 0
    assert len(page.scripts) == 2  # the JSON and the viewer: the payload closed no script element
    data = page.data()
    eps = {ep["id"]: ep for ep in data["episodes"]}
    assert eps[1]["steps"][0]["result"]["text"].startswith(HOSTILE)
    assert eps[1]["final_answer"]["text"] == HOSTILE
    assert eps[len(records) - 1]["agent"] == "null" + HOSTILE
    assert "null&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in text  # the leaderboard cell, as text
    assert json.loads(json_for_script({"a": "</script><!-- & >"})) == {"a": "</script><!-- & >"}
    assert not re.search(r"[<>&]", json_for_script({"a": "</script><!-- & >"}))


def test_the_page_is_self_contained(records):
    text = build_report(records)
    page = Page(text)
    images = [attrs["src"] for tag, attrs in page.tags if tag == "img"]
    assert len(images) == 3 and all(src.startswith("data:image/png;base64,") for src in images)
    assert not [
        attrs for tag, attrs in page.tags if tag in ("link", "iframe") or (tag == "script" and "src" in attrs)
    ]
    assert "default-src 'none'" in text  # the CSP: the page can fetch nothing
    viewer = next(t for attrs, t in page.scripts if not attrs)
    assert "innerHTML" not in viewer and "insertAdjacentHTML" not in viewer and "document.write" not in viewer


def test_plots_are_omitted_with_a_note_without_matplotlib(records, monkeypatch):
    monkeypatch.setitem(sys.modules, "toolgym_env.evaluation.plots", None)  # the import now fails
    text = build_report(records)
    assert "Plots omitted" in text and "data:image/png" not in text


def test_size_is_bounded_by_max_episodes_and_max_chars(records):
    long = copy.deepcopy(records)
    long[0]["trajectory"][0]["result"] = "x" * 50_000
    data = Page(build_report(long, plots=False, max_episodes=3, max_chars=500)).data()
    assert len(data["episodes"]) == 3 and data["total"] == len(records)
    assert {ep["agent"] for ep in data["episodes"]} == {"oracle", "null"}  # every group keeps episodes
    cut = next(ep for ep in data["episodes"] if ep["id"] == 0)["steps"][0]["result"]
    assert cut == {"text": "x" * 500, "len": 50_000}
    big = build_report(long, plots=False)
    assert len(big) < len(json.dumps(long)) + 100_000


def test_the_command_writes_one_file(results, tmp_path):
    out = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(
        report,
        [
            str(results),
            str(results),
            "-o",
            str(out),
            "--max-episodes",
            "4",
            "--no-plots",
            "--title",
            "Core <run>",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and out.exists()
    data = Page(out.read_text()).data()
    assert len(data["episodes"]) == 4 and data["total"] == len(ResultStore(results).read())  # duplicates once
    assert "<title>Core &lt;run&gt;</title>" in out.read_text()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    failed = CliRunner().invoke(report, [str(empty), "-o", str(tmp_path / "x.html")])
    assert failed.exit_code != 0 and "no episode records" in failed.output


def _chromium():
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        reason = "headless Chromium not installed (apt-get install chromium)"
        if os.environ.get("TOOLGYM_REQUIRE_CHROMIUM") == "1":
            pytest.fail(reason + " but TOOLGYM_REQUIRE_CHROMIUM=1")
        pytest.skip(reason)
    return binary


def _dump_dom(binary, page, fragment, tmp_path):
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        page.resolve().as_uri() + fragment,
    ]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_chromium_renders_the_leaderboard_and_opens_the_episode_in_the_hash(records, tmp_path):
    binary = _chromium()
    hostile = hostile_copy(records, LIVE)
    path = tmp_path / "report.html"
    path.write_text(build_report(hostile, sources=["results.jsonl"]), encoding="utf-8")
    start = time.perf_counter()
    dom = _dump_dom(binary, path, "#ep-1", tmp_path)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"headless Chromium took {elapsed:.1f} s"
    assert len(re.findall(r'<tr data-group="', dom)) == len(summarize(hostile)) == 3  # + the renamed agent
    view = dom[dom.index('<article id="episode-view"') :]
    assert view.startswith('<article id="episode-view" data-episode="1">')
    title = re.search(r'<h3 class="episode-title">(.*?)</h3>', view).group(1)
    assert records[1]["task_id"] in title
    steps = re.findall(r'<li class="step( [a-z ]+)?" id="step-\d+" data-step="\d+">', view)
    assert len(steps) == len(records[1]["trajectory"])
    perturbed = sum(bool(s.get("perturbations")) for s in records[1]["trajectory"])
    assert sum("perturbed" in s for s in steps) == perturbed
    assert view.count('class="perturbation"') >= perturbed
    assert "Goal checks" in view and "Constraint checks" in view
    assert len(re.findall(r'<li data-id="\d+"', dom)) == len(records)  # the episode list, built by the viewer
    assert 'data-pwned="1"' not in dom  # the payload stayed text: shown escaped, never run
    assert "&lt;img src=x onerror=" in view


@pytest.fixture(scope="module")
def llm_results(tmp_path_factory, results):
    """The oracle/null file plus a planner–actor run (scripted model: turns and plans) and a function-calling
    run whose endpoint answers 500 (infrastructure errors)."""
    import gymnasium as gym

    from tests.support.fake_openai import FakeOpenAI
    from tests.support.scripted_model import ScriptedModel

    out = tmp_path_factory.mktemp("llm") / "llm.jsonl"
    env = gym.make("ToolGym-v0", suite="core")
    model = ScriptedModel(env.unwrapped.tasks)
    env.close()
    fast = {"max_retries": 0, "retry_base_s": 0.0}
    with FakeOpenAI([model]) as fake:
        run_eval(
            "planner-actor",
            suite="core",
            sample=2,
            out=out,
            agent_kwargs={"model": "m", "base_url": fake.base_url},
        )
    with FakeOpenAI([500]) as broken:
        run_eval(
            "function-calling",
            suite="core",
            sample=2,
            out=out,
            agent_kwargs={"model": "m", "base_url": broken.base_url, **fast},
        )
    return [results, out]


@pytest.mark.slow
def test_chromium_screenshot_shows_the_new_columns_and_failures_first(llm_results, tmp_path):
    binary = _chromium()
    path = tmp_path / "report.html"
    from toolgym_env.report import write_report

    write_report(llm_results, path)
    dom = _dump_dom(binary, path, "#ep-0", tmp_path)
    header = re.search(r'<table id="leaderboard-table".*?</thead>', dom, re.DOTALL).group(0)
    for column in ("run", "turns", "latency (s)", "crashed", "infra errors", "top failure"):
        assert f">{column}</th>" in header
    listed = re.findall(r'<li data-id="(\d+)" data-failure="([^"]*)"', dom)
    kinds = [kind for _, kind in listed]
    assert kinds[:2] == ["infra_error", "infra_error"] and "" in kinds
    assert kinds.index("") > max(i for i, k in enumerate(kinds) if k)  # every failure before every success
    records, _ = __import__("toolgym_env.report.html", fromlist=["load_records"]).load_records(llm_results)
    planner = next(i for i, r in enumerate(records) if r["agent"] == "planner-actor")
    dom = _dump_dom(binary, path, f"#ep-{planner}", tmp_path)
    view = dom[dom.index('<article id="episode-view"') :]
    assert "actor said" in view and "planner said" in view and "<h3>Plans</h3>" in view
    shot = tmp_path / "report.png"
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile2'}",
        "--window-size=1500,1100",
        f"--screenshot={shot}",
        path.resolve().as_uri(),
    ]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000  # a rendered page, not a blank one
    if os.environ.get("TOOLGYM_SCREENSHOT_TO"):
        shutil.copy(shot, os.environ["TOOLGYM_SCREENSHOT_TO"])
