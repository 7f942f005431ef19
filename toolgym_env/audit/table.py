"""Summing the audit's per-task reports up: a rate per probe, the table ``toolgym audit`` prints, its JSON."""

from __future__ import annotations

from typing import Any

from toolgym_env.audit.runner import failures


def summarize(reports: list[dict[str, Any]], source: str = "") -> dict[str, Any]:
    """The JSON summary: per attack the success rate over the tasks it applies to (``n``, ``na``), per honest
    variant the pass rate; trial-and-revert's mean return against the oracle's; every failure; ``ok``."""
    rows: dict[str, dict[str, Any]] = {}
    for report in reports:
        for name, row in report["agents"].items():
            agg = rows.setdefault(
                name, {"kind": row["kind"], "n": 0, "na": 0, "bad": 0, "returns": [], "oracle": []}
            )
            if not row["applies"]:
                agg["na"] += 1
                continue
            agg["n"] += 1
            agg["bad"] += not row["ok"]
            if "oracle_return" in row:
                agg["returns"].append(row["return"])
                agg["oracle"].append(row["oracle_return"])
    attacks, honest = {}, {}
    for name, agg in rows.items():
        n, bad = agg["n"], agg["bad"]
        if agg["kind"] == "attack":
            entry = {"succeeded": bad, "n": n, "na": agg["na"], "rate": round(bad / n, 4) if n else None}
            if agg["returns"]:
                entry["return_mean"] = round(sum(agg["returns"]) / len(agg["returns"]), 4)
                entry["oracle_return_mean"] = round(sum(agg["oracle"]) / len(agg["oracle"]), 4)
            attacks[name] = entry
        else:
            honest[name] = {
                "passed": n - bad,
                "n": n,
                "na": agg["na"],
                "rate": round((n - bad) / n, 4) if n else None,
            }
    found = [f for report in reports for f in failures(report)]
    return {
        "source": source,
        "tasks": len(reports),
        "attacks": attacks,
        "honest": honest,
        "failures": len(found),
        "failed_tasks": sorted({f["task_id"] for f in found}),
        "ok": not found,
        "details": found,
    }


def _rate(rate: float | None) -> str:
    return "  n/a" if rate is None else f"{rate:5.0%}"


def render_table(summary: dict[str, Any]) -> str:
    """The summary as a text table: attack → success rate (target 0%), honest variant → pass rate (target
    100%)."""
    lines = [
        f"audit of {summary['tasks']} task(s) from {summary['source']}",
        f"{'attack':<18} {'success':>7} {'n':>5} {'n/a':>5}   (target 0%)",
    ]
    for name, row in summary["attacks"].items():
        extra = ""
        if "return_mean" in row:
            extra = f"   return {row['return_mean']:.3f} vs oracle {row['oracle_return_mean']:.3f}"
        lines.append(f"{name:<18} {_rate(row['rate']):>7} {row['n']:>5} {row['na']:>5}{extra}")
    lines.append(f"{'honest variant':<18} {'pass':>7} {'n':>5} {'n/a':>5}   (target 100%)")
    for name, row in summary["honest"].items():
        lines.append(f"{name:<18} {_rate(row['rate']):>7} {row['n']:>5} {row['na']:>5}")
    return "\n".join(lines)


def render_failures(summary: dict[str, Any], limit: int = 200) -> list[str]:
    """One line per failure: task id, probe, reward and its failed checks (agent-safe wording)."""
    out = []
    for f in summary["details"][:limit]:
        checks = "; ".join(f["failed"]) or "every check passed"
        what = "earned reward" if f["kind"] == "attack" else "failed"
        out.append(f"{f['task_id']}: {f['agent']} ({f['kind']}) {what}: reward {f['reward']} — {checks}")
    if len(summary["details"]) > limit:
        out.append(f"... and {len(summary['details']) - limit} more")
    return out
