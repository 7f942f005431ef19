"""Running agents over suites and summarizing what happened: the eval harness (resumable JSONL results,
pass@k / pass^k with bootstrap CIs, Markdown summary, plots) and the robustness table."""

from toolgym_env.evaluation.plots import write_plots
from toolgym_env.evaluation.record import RECORD_FIELDS, episode_record, record_key
from toolgym_env.evaluation.robustness import ROBUSTNESS_PROFILES, robustness_rows
from toolgym_env.evaluation.runner import EvalConfig, Job, episode_seed, plan, run_eval
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
from toolgym_env.evaluation.store import ResultStore
from toolgym_env.evaluation.summary import markdown_summary, write_summary

__all__ = [
                                          "RECORD_FIELDS",
                                          "ROBUSTNESS_PROFILES",
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
                                          "summarize",
                                          "write_plots",
                                          "write_summary",
]
