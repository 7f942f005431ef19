"""Text → fixed-size float32 vectors for numeric observations: MiniLM sentence embeddings (the ``embed``
extra) or a deterministic feature-hashing vectorizer (no dependency).

Both return L2-normalized ``float32`` rows (an inner product is a cosine similarity) and keep an LRU of recent
texts, since instructions and candidate descriptions repeat step after step. Hashing uses ``zlib.crc32``,
never Python's ``hash()``, so vectors are the same in every process whatever ``PYTHONHASHSEED`` is.

Example:
    >>> from toolgym_env.wrappers.featurize import make_featurizer
    >>> f = make_featurizer("hashing", dim=64)
    >>> v = f.encode(["send an email", "send an email"])
    >>> v.shape, v.dtype.name, bool((v[0] == v[1]).all())
    ((2, 64), 'float32', True)
"""

from __future__ import annotations

import re
import warnings
import zlib
from collections import OrderedDict
from itertools import pairwise
from typing import Any

import numpy as np

from toolgym_env.errors import InvalidArgumentError

FEATURIZERS = ("auto", "minilm", "hashing")
#: Characters of a text that are featurized (long tool results are cut: their head says what they are).
MAX_TEXT_CHARS = 1_500
CACHE_SIZE = 8_192
_WORD = re.compile(r"[a-z0-9]+")


class _LruFeaturizer:
    """Shared machinery: truncation, the text → vector LRU, pickling without the cache."""

    name = ""
    dim = 0

    def __init__(self, max_chars: int = MAX_TEXT_CHARS, cache_size: int = CACHE_SIZE) -> None:
        self.max_chars = max_chars
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Vectors of ``texts``: shape ``(len(texts), dim)``, float32, L2-normalized (zero for an empty
        text)."""
        keys = [str(t)[: self.max_chars] for t in texts]
        todo = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if todo:
            for key, vec in zip(todo, self._encode_new(todo)):
                vec = np.asarray(vec, dtype=np.float32)
                vec.setflags(write=False)
                self._cache[key] = vec
        out = np.zeros((len(keys), self.dim), dtype=np.float32)
        for i, key in enumerate(keys):
            out[i] = self._cache[key]
            self._cache.move_to_end(key)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return out

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_cache": OrderedDict()}


class HashingFeaturizer(_LruFeaturizer):
    """Feature hashing of word unigrams, word bigrams and character 3-grams into ``dim`` signed buckets
    (``zlib.crc32``), L2-normalized. Deterministic across processes and platforms; no dependency.

    Example:
        >>> f = HashingFeaturizer(dim=32)
        >>> float(round(f.encode(["list open invoices"])[0] @ f.encode(["list open invoices"])[0], 4))
        1.0
    """

    name = "hashing"

    def __init__(self, dim: int = 256, max_chars: int = MAX_TEXT_CHARS, cache_size: int = CACHE_SIZE) -> None:
        super().__init__(max_chars, cache_size)
        if dim < 8:
            raise InvalidArgumentError(f"dim must be >= 8, got {dim}")
        self.dim = dim

    def _grams(self, text: str) -> list[str]:
        words = _WORD.findall(text.lower())
        grams = [f"w:{w}" for w in words] + [f"b:{a} {b}" for a, b in pairwise(words)]
        for w in words:
            padded = f"<{w}>"
            grams += [f"c:{padded[i : i + 3]}" for i in range(max(1, len(padded) - 2))]
        return grams

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for gram in self._grams(text):
                h = zlib.crc32(gram.encode("utf-8"))
                out[row, h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
        return out


class MiniLMFeaturizer(_LruFeaturizer):
    """all-MiniLM-L6-v2 sentence embeddings (384-d, the model :mod:`toolgym_env.retrieval` uses), loaded
    lazily on the first :meth:`encode`; needs the ``embed`` extra.

    Example:
        >>> MiniLMFeaturizer().encode(["send an email"]).shape      # doctest: +SKIP
        (1, 384)
    """

    name = "minilm"
    dim = 384

    def __init__(self, max_chars: int = MAX_TEXT_CHARS, cache_size: int = CACHE_SIZE) -> None:
        super().__init__(max_chars, cache_size)
        from toolgym_env.retrieval.embedding import require_embed

        require_embed()

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        from toolgym_env.retrieval.embedding import encode

        vecs = encode([t if t.strip() else " " for t in texts])
        vecs[[not t.strip() for t in texts]] = 0.0
        return vecs


def make_featurizer(kind: str = "auto", dim: int = 256) -> _LruFeaturizer:
    """A featurizer: ``"minilm"``, ``"hashing"`` (``dim`` buckets) or ``"auto"`` (MiniLM when the ``embed``
    extra is installed, else hashing with a warning)."""
    if kind not in FEATURIZERS:
        raise InvalidArgumentError(f"featurizer must be one of {FEATURIZERS}, got {kind!r}")
    if kind == "hashing":
        return HashingFeaturizer(dim)
    if kind == "minilm":
        return MiniLMFeaturizer()
    from toolgym_env.retrieval.embedding import embed_available, missing_packages

    if embed_available():
        return MiniLMFeaturizer()
    warnings.warn(
        f"featurizer='auto': MiniLM unavailable (missing {', '.join(missing_packages())}); "
        "using the hashing featurizer",
        stacklevel=2,
    )
    return HashingFeaturizer(dim)
