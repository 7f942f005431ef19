"""The percentile bootstrap confidence interval of a mean, deterministic for a seed: the CIs of the summary
tables (:mod:`~toolgym_env.evaluation.stats`) and of a paired comparison of two runs
(:mod:`~toolgym_env.evaluation.analysis`).

    >>> bootstrap_ci([1, 1, 1])
    (1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Resamples of every bootstrap CI unless told otherwise.
RESAMPLES = 2000


def bootstrap_ci(
    values: Sequence[float], resamples: int = RESAMPLES, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap CI of the mean of ``values`` (deterministic for a seed; ``(nan, nan)`` if
    empty)."""
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(resamples, data.size))].mean(axis=1)
    tail = (1.0 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return (round(float(low), 4), round(float(high), 4))
