"""Running agents over suites and summarizing what happened (robustness tables; the eval harness)."""

from toolgym_env.evaluation.robustness import ROBUSTNESS_PROFILES, robustness_rows

__all__ = ["ROBUSTNESS_PROFILES", "robustness_rows"]
