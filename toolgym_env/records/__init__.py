"""Episode records and their results file: one JSON object per episode (the outcome, its cost and everything
needed to re-judge it offline), appended to a JSONL file atomically and safe to resume.

They sit below the wrappers: a record is read from the env after an episode and needs only the metrics, so
:class:`~toolgym_env.wrappers.recorder.RecordEpisodes` writes them from any loop and ``toolgym eval``,
``toolgym collect`` and the report read and write the same ones.
"""

from toolgym_env.records.record import (
    OPTIONAL_FIELDS,
    RECORD_FIELDS,
    Outcome,
    episode_record,
    is_infra_error,
    is_record,
    latest,
    record_key,
    run_label,
)
from toolgym_env.records.store import ResultStore

__all__ = [
    "OPTIONAL_FIELDS",
    "RECORD_FIELDS",
    "Outcome",
    "ResultStore",
    "episode_record",
    "is_infra_error",
    "is_record",
    "latest",
    "record_key",
    "run_label",
]
