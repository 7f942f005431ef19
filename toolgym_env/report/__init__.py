"""A self-contained HTML report of an evaluation: leaderboard, plots and a trajectory viewer
(``toolgym report results.jsonl -o report.html``)."""

from toolgym_env.report.html import (
    build_report,
    episode_view,
    json_for_script,
    leaderboard,
    load_records,
    write_report,
)

__all__ = ["build_report", "episode_view", "json_for_script", "leaderboard", "load_records", "write_report"]
