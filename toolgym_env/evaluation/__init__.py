"""Running agents over suites and summarizing what happened: the one episode loop (:class:`EpisodeRunner`),
the eval harness (resumable JSONL results, pass@k / pass^k with bootstrap CIs, Markdown summary, plots) and
the robustness table. Episode records and their store live in :mod:`toolgym_env.records`."""

from toolgym_env.evaluation.episodes import EpisodeRunner, EvalConfig, Job, episode_seed, plan, spread
from toolgym_env.evaluation.plots import write_plots
from toolgym_env.evaluation.robustness_table import ROBUSTNESS_PROFILES, robustness_rows
from toolgym_env.evaluation.runner import run_eval, run_jobs
from toolgym_env.evaluation.stats import (
    aggregate,
    bootstrap_ci,
    constraint_satisfaction,
    headline,
    pass_at_k,
    pass_curves,
    pass_hat_k,
    summarize,
)
from toolgym_env.evaluation.summary import markdown_summary, write_summary
from toolgym_env.records import RECORD_FIELDS, ResultStore, episode_record, record_key

__all__ = [
    "RECORD_FIELDS",
    "ROBUSTNESS_PROFILES",
    "EpisodeRunner",
    "EvalConfig",
    "Job",
    "ResultStore",
    "aggregate",
    "bootstrap_ci",
    "constraint_satisfaction",
    "episode_record",
    "episode_seed",
    "headline",
    "markdown_summary",
    "pass_at_k",
    "pass_curves",
    "pass_hat_k",
    "plan",
    "record_key",
    "robustness_rows",
    "run_eval",
    "run_jobs",
    "spread",
    "summarize",
    "write_plots",
    "write_summary",
]
