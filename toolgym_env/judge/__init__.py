"""The judge: world-diff and answer checks that turn an episode into a verdict."""

from toolgym_env.judge.goal import Check, Verdict, check_change, check_goal
from toolgym_env.judge.matchers import contains_fact, match_row, match_value

__all__ = ["Check", "Verdict", "check_change", "check_goal", "contains_fact", "match_row", "match_value"]
