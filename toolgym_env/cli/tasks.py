"""``toolgym tasks generate|validate|stats``: synthesize, check and summarize task suites."""

from __future__ import annotations

import json
import os
import statistics
from collections import Counter

import click

from toolgym_env.cli.inputs import check_writable, scan_task_file, suite_tasks
from toolgym_env.cli.options import json_option, output_option


def _progress(total: int, label: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=__import__("rich.console").console.Console(stderr=True),
    )


@click.group()
def tasks() -> None:
    """Generate, validate and summarize task suites (files or shipped suite names)."""


@tasks.command()
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Generation seed (recorded in the meta file)."
)
@click.option("--n", "n", type=int, default=100, show_default=True, help="Task slots to fill.")
@click.option("--split", type=click.Choice(["train", "test", "dev"]), default="test", show_default=True)
@output_option(help="JSONL file to write (and FILE.meta.json beside it).", required=True)
@click.option("--workers", type=int, default=os.cpu_count() or 1, show_default=True, help="Processes.")
@click.option(
    "--kind",
    type=click.Choice(["scenarios", "checklist"]),
    default="scenarios",
    show_default=True,
    help="scenarios: stories over the domain actions (the shipped train/test); checklist: the engine's "
    "composed segments (the shipped checklist suite).",
)
@click.option(
    "--paraphrase-model", default=None, help="Paraphrase instructions with this model (off by default)."
)
@click.option("--base-url", default=None, help="OpenAI-compatible endpoint for --paraphrase-model.")
@click.option("--api-key", default=None, help="API key (default: OPENAI_API_KEY).")
def generate(
    seed: int,
    n: int,
    split: str,
    output: str,
    workers: int,
    kind: str,
    paraphrase_model: str | None,
    base_url: str | None,
    api_key: str | None,
) -> None:
    """Synthesize N validated tasks; the last line is a JSON summary (kept, rejected by reason, stats)."""
    from toolgym_env.tasks.engine.suite import generate_suite, write_suite
    from toolgym_env.tasks.stats import suite_stats

    check_writable(output)

    paraphrase = None
    if paraphrase_model:
        from toolgym_env.llm.client import llm_settings, make_client
        from toolgym_env.tasks.paraphrase import paraphrase_instruction

        settings = llm_settings(base_url, api_key, paraphrase_model)
        client = make_client(settings)

        def paraphrase_one(text: str, keep: list[str]) -> str | None:
            return paraphrase_instruction(text, keep, client=client, model=settings.model, seed=seed)

        paraphrase = paraphrase_one

    with _progress(n, f"generating {split}") as bar:
        job = bar.add_task("slots", total=n)
        found, rejected = generate_suite(
            split, seed, n, workers, lambda k: bar.advance(job, k), paraphrase, kind
        )
    meta = {
        "seed": seed,
        "n": n,
        "split": split,
        "kind": kind,
        "kept": len(found),
        "rejected": dict(sorted(rejected.items())),
        "paraphrase_model": paraphrase_model,
        "command": f"toolgym tasks generate --kind {kind} --seed {seed} "
        f"--n {n} --split {split} -o {os.path.basename(output)}",
    }
    write_suite(output, found, meta)
    click.echo(json.dumps({**meta, "path": output, "stats": suite_stats(found)}))


@tasks.command()
@click.argument("file", metavar="FILE|SUITE")
@click.option(
    "--sample",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Tasks spread over the file (0 = all).",
)
@json_option
def validate(file: str, sample: int, as_json: bool) -> None:
    """Check every line against the task schema (listing each bad one as file:line: field: problem), then run
    the oracle, the null and claim-success agents, every violating variant and the reward-hacking audit (every
    attack must score 0, every honest variant 1) on each task; exit 1 when any line or task is invalid."""
    from toolgym_env.evaluation.episodes import spread
    from toolgym_env.tasks.engine.checking import Validator

    found, bad_lines = scan_task_file(file, "FILE|SUITE")
    chosen = [found[i] for i in spread(len(found), sample)]
    validator = Validator()
    reports = []
    with _progress(len(chosen), "validating") as bar:
        job = bar.add_task("tasks", total=len(chosen))
        for task in chosen:
            reports.append(validator.check(task))
            bar.advance(job)
    caught, total = Counter(), Counter()
    for r in reports:
        for kind, ok in r["variants"].items():
            total[kind] += 1
            caught[kind] += bool(ok)
    problems = Counter(r["problem"] for r in reports if r["problem"])
    probes_ok, probes_run = Counter(), Counter()
    for r in reports:
        for name, ok in r.get("audit", {}).items():
            if ok is not None:
                probes_run[name] += 1
                probes_ok[name] += bool(ok)

    def mean(key: str) -> float:
        values = [r[key] for r in reports if key in r]
        return round(statistics.fmean(values), 4) if values else 0.0

    summary = {
        "file": file,
        "tasks": len(reports),
        "valid": sum(r["problem"] is None for r in reports),
        "invalid_lines": bad_lines,
        "oracle_mean": mean("oracle"),
        "null_mean": mean("null"),
        "claim_success_mean": mean("claim-success"),
        "variants_caught": sum(caught.values()),
        "variants_total": sum(total.values()),
        "variants_by_type": {k: f"{caught[k]}/{total[k]}" for k in sorted(total)},
        "audit_held": sum(probes_ok.values()),
        "audit_run": sum(probes_run.values()),
        "audit_by_probe": {k: f"{probes_ok[k]}/{probes_run[k]}" for k in sorted(probes_run)},
        "problems": dict(problems.most_common()),
    }
    for line in bad_lines:
        click.echo(line, err=True)
    for r in reports:
        if r["problem"]:
            click.echo(f"{file}: task {r['task_id']}: {r['problem']}", err=True)
    if as_json:
        click.echo(json.dumps(summary))
    else:
        click.echo(
            f"{file}: {summary['valid']}/{summary['tasks']} tasks valid"
            + (f", {len(bad_lines)} problem(s) in lines that are not tasks" if bad_lines else "")
            + f"; oracle mean {summary['oracle_mean']}, null {summary['null_mean']}, claim-success "
            f"{summary['claim_success_mean']}; {summary['variants_caught']}/{summary['variants_total']} "
            f"violating variants caught; audit probes held {summary['audit_held']}/{summary['audit_run']} "
            f"(attacks scored 0, honest variants 1)"
        )
    if bad_lines or summary["valid"] < summary["tasks"]:
        click.get_current_context().exit(1)


@tasks.command()
@click.argument("files", metavar="FILE|SUITE...", nargs=-1, required=True)
@json_option
def stats(files: tuple[str, ...], as_json: bool) -> None:
    """Counts, mean calls/tools/apps/depth, constraint types, goal categories, scenario families, tiers,
    surface variety (sentence skeletons, 4-gram diversity) and catalog coverage (tools, domain actions, apps),
    with the rejection reasons recorded when the suite was generated; several suites are counted together
    (``toolgym tasks stats train test``)."""
    from pathlib import Path

    from toolgym_env.tasks.stats import suite_stats

    found = [task for file in files for task in suite_tasks(file, "FILE|SUITE")]
    figures = suite_stats(found, with_coverage=True)
    file = files[0]
    meta_path = Path(file).with_name(Path(file).name.removesuffix(".jsonl") + ".meta.json")
    if len(files) == 1 and meta_path.is_file():
        meta = json.loads(meta_path.read_text())
        figures["generation"] = {k: meta.get(k) for k in ("seed", "n", "kept", "rejected")}
    if as_json:
        click.echo(json.dumps(figures))
        return
    for key, value in figures.items():
        click.echo(f"{key:>24}: {json.dumps(value)}")
