"""``toolgym collect`` (agents over a suite, into a JSONL of episode records) and ``toolgym export-sft``
(those records, filtered, as chat fine-tuning data). Each prints one JSON summary line last."""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import TYPE_CHECKING, Any, Unpack

import click

from toolgym_env.cli.eval import agent_kwargs_of, backend_args, backend_options
from toolgym_env.cli.inputs import check_agent, check_writable, suite_tasks
from toolgym_env.cli.options import (
    RunOptions,
    cap_option,
    episode_options,
    llm_options,
    output_option,
    split_names,
    suite_option,
    workers_option,
)

if TYPE_CHECKING:  # imported where used: the CLI starts without the data engine
    from toolgym_env.data.select import SelectionRules


def _profiles(values: tuple[str, ...]) -> list[str | None]:
    """The ``--profile`` values (repeatable or comma-separated), checked; ``[None]`` (no controller)."""
    from toolgym_env.wrappers.perturb import PROFILES

    names = split_names(values)
    bad = [p for p in names if p not in PROFILES]
    if bad:
        raise click.BadParameter(
            f"unknown profile(s) {bad}; choose from {', '.join(sorted(PROFILES))}", param_hint="--profile"
        )
    return list(names) or [None]


@click.command("collect")
@click.option("--agent", required=True, help="Agent name (see toolgym_env.agents.AGENTS).")
@suite_option
@click.option("--sample", default=0, show_default=True, help="Tasks spread over the suite (0 = all).")
@click.option(
    "-k", "--attempts", "k", default=1, show_default=True, type=click.IntRange(1), help="Attempts per task."
)
@click.option(
    "--profile",
    "profiles",
    multiple=True,
    help="StateController profile (repeatable or comma-separated; one run each; default: none).",
)
@click.option("--seed", default=0, show_default=True, help="Run seed (episode seeds are derived from it).")
@workers_option
@output_option(
    "trajectories.jsonl", "JSONL file of episode records (appended to; episodes already in it are skipped)."
)
@episode_options
@llm_options
@click.option(
    "--progress/--no-progress", default=True, show_default=True, help="Show a progress bar on stderr."
)
@backend_options
def collect(
    profiles: tuple[str, ...],
    output: str,
    agent_args: tuple[str, ...],
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    backend: str,
    ray_address: str | None,
    ray_runtime_env: str | None,
    **options: Unpack[RunOptions],
) -> None:
    """Run an agent over a suite or task file (k attempts, once per profile); append its episode records to a
    JSONL."""
    from contextlib import nullcontext

    from toolgym_env.evaluation.runner import run_eval

    agent, suite = options["agent"], options["suite"]
    kwargs = agent_kwargs_of(agent_args, model, base_url, api_key)
    check_agent(agent, kwargs)
    chosen = _profiles(profiles)
    backend_kwargs = backend_args(backend, ray_address, ray_runtime_env)
    suite_tasks(suite)
    check_writable(output)
    if suite == "test":
        click.echo(
            "note: collecting on the test suite (the default); do not train on data you evaluate on "
            "(--suite train for training data).",
            err=True,
        )
    runs = []
    session: Any = nullcontext()
    if backend_kwargs:  # one Ray session (one local cluster) for every profile's run
        from toolgym_env.evaluation.ray_backend import ray_session

        session = ray_session(options["workers"], ray_address)
    with session:
        for profile in chosen:
            records = run_eval(profile=profile, out=output, agent_kwargs=kwargs, **options, **backend_kwargs)
            runs.append(
                {
                    "profile": profile,
                    "episodes": len(records),
                    "successes": sum(r["success"] for r in records),
                    "crashed": sum(bool(r["error"]) for r in records),
                }
            )
    click.echo(
        json.dumps(
            {
                "out": output,
                "agent": agent,
                "suite": suite,
                "seed": options["seed"],
                "episodes": sum(r["episodes"] for r in runs),
                "successes": sum(r["successes"] for r in runs),
                "runs": runs,
            }
        )
    )


def export_sft(
    inputs: list[str],
    out: str,
    *,
    format: str = "openai",
    max_chars: int = 0,
    with_reasoning: bool = False,
    **rules: Unpack[SelectionRules],
) -> dict[str, Any]:
    """The body of ``toolgym export-sft``: read the records of ``inputs``, keep those ``rules`` select
    (:func:`~toolgym_env.data.select_episodes`), write ``out`` (replaced atomically); returns the summary.
    ``max_chars`` (0: none) drops examples longer than that as one JSON line (counted under ``too_long``)."""
    from toolgym_env.data import features, select_episodes, sft_example
    from toolgym_env.data.sft import example_chars
    from toolgym_env.records.store import ResultStore
    from toolgym_env.universe import Universe

    records = [r for path in inputs for r in ResultStore(path).read(repair=False)]
    chosen = select_episodes(records, **rules)
    dropped, universe = Counter(chosen.dropped), Universe.full()
    kept = 0
    seen_tasks: set[Any] = set()
    covered: set[str] = set()
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = f"{out}.{os.getpid()}.tmp"  # beside ``out``, so the final rename is atomic
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            for record in chosen.kept:
                try:
                    example = sft_example(record, format, universe=universe, with_reasoning=with_reasoning)
                except (KeyError, TypeError, ValueError):  # a record missing or mistyping a field
                    dropped["unconvertible"] += 1
                    continue
                if max_chars and example_chars(example) > max_chars:
                    dropped["too_long"] += 1
                    continue
                fh.write(json.dumps(example, ensure_ascii=False) + "\n")
                kept += 1
                seen_tasks.add(record.get("task_id"))
                covered |= features(record)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    kinds = Counter(f.split(":", 1)[0] for f in covered)
    return {
        "out": out,
        "format": format,
        "records": len(records),
        "kept": kept,
        "tasks": len(seen_tasks),
        "dropped": dict(sorted(dropped.items())),
        "covered": {
            "tools": kinds["tool"],
            "apps": kinds["app"],
            "perturbation_kinds": kinds["perturbation"],
        },
    }


@click.command("export-sft")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@output_option(help="Output JSONL (replaced).", required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["openai", "trl"]),
    default="openai",
    show_default=True,
    help="openai: OpenAI fine-tuning lines; trl: TRL SFTTrainer rows (see toolgym_env.data.sft).",
)
@click.option(
    "--min-reward",
    default=1.0,
    show_default=True,
    type=float,
    help="Keep episodes whose judge reward is at least this (1.0: goal met, all constraints kept).",
)
@click.option("--only-success", is_flag=True, help="Keep only episodes the judge marked successful.")
@click.option(
    "--dedup",
    is_flag=True,
    help="Keep one episode per task and identical sequence of calls (and user interruptions).",
)
@cap_option("max-per-task", "Most episodes kept per task (0 = no cap).")
@cap_option("limit", "Most episodes kept in all (0 = no cap).")
@click.option(
    "--diversity",
    is_flag=True,
    help="Under a cap, prefer episodes covering new tools, apps, perturbation kinds (set cover).",
)
@cap_option("max-chars", "Drop examples longer than this many characters as one JSON line (0 = no cap).")
@click.option(
    "--with-reasoning",
    is_flag=True,
    help="Keep the model's reasoning content in assistant messages (reasoning_content).",
)
def export_sft_command(
    inputs: tuple[str, ...],
    output: str,
    fmt: str,
    max_chars: int,
    with_reasoning: bool,
    **rules: Unpack[SelectionRules],
) -> None:
    """Turn episode records (from collect, eval or RecordEpisodes) into chat fine-tuning JSONL."""
    check_writable(output)
    summary = export_sft(
        list(inputs), output, format=fmt, max_chars=max_chars, with_reasoning=with_reasoning, **rules
    )
    click.echo(json.dumps(summary))
