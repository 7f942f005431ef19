"""The data engine: episode records turned into chat fine-tuning data (``toolgym collect``,
``toolgym export-sft``).

Collect records with ``toolgym collect`` (or :class:`~toolgym_env.wrappers.recorder.RecordEpisodes` in any
loop), choose the episodes to keep with :func:`select_episodes`, and write each as an example with
:func:`sft_example`.
"""

from toolgym_env.data.select import (
    DROP_REASONS,
    Selection,
    SelectionRules,
    features,
    select_episodes,
    verdict_reward,
)
from toolgym_env.data.sft import TRAINING_FORMATS, episode_messages, episode_tools, sft_example, to_trl

__all__ = [
    "DROP_REASONS",
    "TRAINING_FORMATS",
    "Selection",
    "SelectionRules",
    "episode_messages",
    "episode_tools",
    "features",
    "select_episodes",
    "sft_example",
    "to_trl",
    "verdict_reward",
]
