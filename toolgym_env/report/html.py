"""Build the report page: the leaderboard (rendered here, escaped), the plots (PNG data URIs) and the episodes
as JSON for the trajectory viewer (``assets/viewer.js``), all inlined into ``assets/report.html``.

The page is one self-contained file: no network (a Content-Security-Policy forbids it), no external CSS or JS.
Text from results files is never markup: the leaderboard goes through :func:`html.escape`, the episodes
through :func:`json_for_script` (every ``<``, ``>`` and ``&`` written as a ``\\u`` escape) and the viewer sets
it with ``textContent`` only. Size is bounded by ``max_episodes`` and by cutting every text at ``max_chars``.
"""

from __future__ import annotations

import base64
import html
import json
import math
import os
import re
import tempfile
from collections import deque
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from toolgym_env.errors import InvalidArgumentError
from toolgym_env.evaluation.analysis import failure_kind
from toolgym_env.evaluation.stats import group_key, summarize
from toolgym_env.evaluation.summary import curve_at
from toolgym_env.records.record import is_infra_error, latest, record_key, run_label
from toolgym_env.records.store import ResultStore

MAX_EPISODES = 200
MAX_CHARS = 3000
PLOT_TITLES = {
    "success": "Success per agent (95% CI)",
    "pass_hat_k": "pass^k over k",
    "constraints": "Constraint satisfaction per type",
}
_MARKER = re.compile(r"<!--@(\w+)@-->")


def load_records(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[dict[str, Any]], int]:
    """The records of every results file, in order, and how many were dropped as exact copies (the same
    episode of the same run invocation found in several files). Nothing else is dropped: records older than
    provenance are labelled with their file's name as their run, so two files of such records never merge."""
    seen: set[tuple[Any, ...]] = set()
    out: list[dict[str, Any]] = []
    copies = 0
    for path in paths:
        for record in ResultStore(path).read(repair=False):
            if not (record.get("provenance") or {}).get("run_name"):
                record = {
                    **record,
                    "provenance": {**(record.get("provenance") or {}), "run_name": Path(path).name},
                }
            key = (*record_key(record), record.get("run"))
            if key in seen:
                copies += 1
                continue
            seen.add(key)
            out.append(record)
    return out, copies


def json_for_script(obj: Any) -> str:
    """``obj`` as JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left, so
    neither ``</script>`` nor ``<!--`` can end or change the element."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _cut(value: Any, limit: int) -> dict[str, Any]:
    """``{"text": the first limit characters, "len": the full length}`` of a value (JSON text if not a
    str)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return {"text": text[:limit], "len": len(text)}


def _clip(obj: Any, limit: int) -> Any:
    """``obj`` with every string in it cut to ``limit`` characters."""
    if isinstance(obj, str):
        return obj if len(obj) <= limit else obj[:limit] + f"… ({len(obj) - limit} more)"
    if isinstance(obj, dict):
        return {str(k): _clip(v, limit) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clip(v, limit) for v in obj]
    return obj


def episode_view(index: int, record: dict[str, Any], max_chars: int = MAX_CHARS) -> dict[str, Any]:
    """What the viewer shows of one record: task, steps (call, result, perturbations, user message), answer
    and judge verdict, with every text cut at ``max_chars``."""
    small = max(200, max_chars // 5)
    steps = []
    for step in record.get("trajectory") or []:
        view = {
            "step": step.get("step"),
            "name": _clip(step.get("name", ""), small),
            "time": step.get("time"),
            "is_error": bool(step.get("is_error")),
            "arguments": _cut(step.get("arguments", {}), max_chars),
            "result": _cut(step.get("result", ""), max_chars),
            "perturbations": _clip(step.get("perturbations") or [], small),
            "message": _clip(step.get("message") or "", small),
        }
        if "executed_arguments" in step:
            view["executed_arguments"] = _cut(step["executed_arguments"], max_chars)
        steps.append(view)
    judge = record.get("judge") or {}
    task = record.get("task") or {}
    turns = [
        {
            "step": t.get("step"),
            "role": t.get("role"),
            "content": _clip(t.get("content") or "", max_chars),
            "reasoning": _clip(t.get("reasoning") or "", max_chars),
            "tool_calls": t.get("tool_calls") or [],
            "tokens": [t.get("prompt_tokens"), t.get("completion_tokens")],
            "estimated": bool(t.get("estimated")),
        }
        for t in record.get("model_turns") or ()
    ]
    return {
        "id": index,
        **{key: record.get(key) for key in ("agent", "profile", "suite", "task_id", "attempt")},
        "run": run_label(record),
        "failure": failure_kind(record),
        "infra_error": _clip(record.get("infra_error"), max_chars),
        "turns": turns,
        "plans": _clip(record.get("plans") or [], small),
        "latency_s": record.get("latency_s"),
        "success": bool(record.get("success")),
        "reward": record.get("reward"),
        "instruction": _cut(task.get("instruction", ""), 2 * max_chars),
        "steps": steps,
        "final_answer": _cut(record.get("final_answer") or "", max_chars),
        "error": _clip(record.get("error"), max_chars),
        "judge": {
            **{key: judge.get(key) for key in ("success", "reward", "goal_met", "hard_ok", "soft_score")},
            "checks": _clip(judge.get("checks") or [], small),
            "constraints": _clip(judge.get("constraints") or [], small),
        },
    }


def pick_episodes(records: Sequence[dict[str, Any]], limit: int | None) -> list[int]:
    """Indices of the records shown in the viewer, failures first (infrastructure errors, then the agent's
    failures, then successes; file order within each). Under ``limit``, they are taken in that order in turn
    from each (agent, profile, suite, run) group, so every group is represented and failures are never the
    ones left out."""

    def rank(i: int) -> int:
        record = records[i]
        return 0 if is_infra_error(record) else 1 if not record.get("success") else 2

    ordered = sorted(range(len(records)), key=lambda i: (rank(i), i))
    if limit is None or len(records) <= limit:
        return ordered
    groups: dict[tuple[Any, ...], deque[int]] = {}
    for i in ordered:
        groups.setdefault(group_key(records[i]), deque()).append(i)
    chosen: list[int] = []
    while len(chosen) < limit:
        for queue in groups.values():
            if queue and len(chosen) < limit:
                chosen.append(queue.popleft())
    return sorted(chosen, key=lambda i: (rank(i), i))


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _ci(value: float | None, ci: Sequence[float] | None) -> str:
    if value is None or not ci or any(x is None or math.isnan(x) for x in ci):
        return _pct(value)
    return f"{value:.1%} [{ci[0]:.1%}, {ci[1]:.1%}]"


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _cell(text: str, *sort: Any) -> str:
    """A table cell; a numeric one carries its value in ``data-v`` (empty when missing) for sorting."""
    key = f' data-v="{"" if sort[0] is None else html.escape(str(sort[0]))}"' if sort else ""
    return f"<td{key}>{html.escape(text)}</td>"


LEADERBOARD_HEADER = (
    "run",
    "agent",
    "profile",
    "suite",
    "episodes",
    "tasks",
    "success (95% CI)",
    "mean reward",
    "pass^k (95% CI)",
    "tool-call success",
    "recovery",
    "flexibility",
    "calls",
    "turns",
    "tokens",
    "cost ($)",
    "latency (s)",
    "crashed",
    "infra errors",
    "top failure",
)


def leaderboard(summaries: Sequence[dict[str, Any]]) -> str:
    """The leaderboard as an escaped HTML table, one row per (agent, profile, suite, run) group."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in LEADERBOARD_HEADER)
    rows = []
    for s in summaries:
        k = max((int(key) for key in s["pass^k"]), default=None)
        hat = curve_at(s["pass^k"], k) if k else {}
        group = "|".join(str(x) for x in (s["agent"], s["profile"], s["suite"], s.get("run")))
        failures = s.get("failures") or {}
        top = next(iter(failures), None)
        cells = [
            _cell(str(s.get("run") or "–")),
            _cell(str(s["agent"])),
            _cell(str(s["profile"] or "–")),
            _cell(str(s["suite"])),
            _cell(str(s["episodes"]), s["episodes"]),
            _cell(str(s["tasks"]), s["tasks"]),
            _cell(_ci(s["success"], s["success_ci"]), s["success"]),
            _cell(_num(s["mean_reward"], 3), s["mean_reward"]),
            _cell((f"k={k}: " if k else "") + _ci(hat.get("value"), hat.get("ci")), hat.get("value")),
            _cell(_pct(s["tool_call_success"]), s["tool_call_success"]),
            _cell(_pct(s["recovery"]), s["recovery"]),
            _cell(_pct(s["flexibility"]), s["flexibility"]),
            _cell(_num(s["mean_calls"]), s["mean_calls"]),
            _cell(_num(s["mean_turns"]), s["mean_turns"]),
            _cell(_num(s["mean_tokens"], 0), s["mean_tokens"]),
            _cell(_num(s.get("mean_cost_usd"), 4), s.get("mean_cost_usd")),
            _cell(_num(s["mean_latency_s"], 2), s["mean_latency_s"]),
            _cell(str(s["crashed"]), s["crashed"]),
            _cell(str(s.get("infra_errors", 0)), s.get("infra_errors", 0)),
            _cell(f"{top} ({failures[top]})" if top else "–"),
        ]
        rows.append(f'<tr data-group="{html.escape(group)}">{"".join(cells)}</tr>')
    return (
        f'<table id="leaderboard-table" class="sortable"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def plot_images(summaries: Sequence[dict[str, Any]]) -> str:
    """The plots as ``<figure>`` elements with PNG data URIs, or a note saying why there are none."""
    try:
        from toolgym_env.evaluation.plots import write_plots

        with tempfile.TemporaryDirectory() as tmp:
            pngs = {path.stem: path.read_bytes() for path in write_plots(summaries, tmp)}
    except ImportError as exc:
        return f'<p class="note">Plots omitted: {html.escape(str(exc))}</p>'
    figures = []
    for stem, png in pngs.items():
        title = html.escape(PLOT_TITLES.get(stem, stem))
        uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        figures.append(f'<figure><img src="{uri}" alt="{title}" title="{title}"></figure>')
    return "".join(figures)


def _asset(name: str) -> str:
    return resources.files("toolgym_env.report").joinpath("assets", name).read_text(encoding="utf-8")


def build_report(
    records: Sequence[dict[str, Any]],
    *,
    title: str = "ToolGym evaluation",
    sources: Sequence[str] = (),
    max_episodes: int | None = MAX_EPISODES,
    max_chars: int = MAX_CHARS,
    plots: bool = True,
    copies: int = 0,
    prices: dict[str, tuple[float, float]] | None = None,
) -> str:
    """The whole page as text: leaderboard and plots over every record (the latest of each episode), the
    viewer over ``max_episodes`` of them, failures first (episode ``i`` of ``records`` opens at ``#ep-i``).
    ``copies`` (exact copies dropped while loading) is said in the page's header."""
    summaries = summarize(records, prices=prices)
    shown = pick_episodes(records, max_episodes)
    data = {
        "title": title,
        "episodes": [episode_view(i, records[i], max_chars) for i in shown],
        "total": len(records),
    }
    superseded = len(records) - len(latest(list(records)))
    meta = f"{len(records)} episodes, {len(summaries)} groups"
    if sources:
        meta += " from " + ", ".join(sources)
    if copies:
        meta += (
            f"; {copies} exact copies of the same records (same run, same episode) found in "
            "several files, kept once"
        )
    if superseded:
        meta += f"; {superseded} records superseded by a rerun of the same episode (not counted)"
    if len(shown) < len(records):
        meta += f"; the viewer holds {len(shown)} of them (--max-episodes)"
    parts = {
        "title": html.escape(title),
        "meta": html.escape(meta),
        "css": _asset("report.css"),
        "js": _asset("viewer.js"),
        "leaderboard": leaderboard(summaries),
        "plots": plot_images(summaries) if plots else '<p class="note">Plots omitted.</p>',
        "data": json_for_script(data),
    }
    # one pass: text inserted for one marker is never scanned for another
    return _MARKER.sub(lambda m: parts[m.group(1)], _asset("report.html"))


def write_report(paths: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], **kwargs: Any) -> Path:
    """Read the results files, build the page (keyword arguments of :func:`build_report`), write it to
    ``out``."""
    records, copies = load_records(paths)
    if not records:
        raise InvalidArgumentError(f"no episode records in {', '.join(map(str, paths))}")
    kwargs.setdefault("sources", [Path(p).name for p in paths])
    kwargs.setdefault("copies", copies)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_report(records, **kwargs), encoding="utf-8")
    return out
