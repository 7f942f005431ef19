"""The judge: world-diff, answer and constraint checks that turn an episode into a verdict and a reward."""

from toolgym_env.judge.check import Check
from toolgym_env.judge.constraints import CHECKERS, check_constraint
from toolgym_env.judge.episode import Episode
from toolgym_env.judge.goal import check_change, goal_checks
from toolgym_env.judge.matchers import contains_fact, match_row, match_value
from toolgym_env.judge.verdict import SOFT_WEIGHT, Verdict, judge_episode

__all__ = [
    "CHECKERS",
    "SOFT_WEIGHT",
    "Check",
    "Episode",
    "Verdict",
    "check_change",
    "check_constraint",
    "contains_fact",
    "goal_checks",
    "judge_episode",
    "match_row",
    "match_value",
]
