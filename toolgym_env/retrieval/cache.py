"""On-disk cache of tool embeddings, keyed by the indexed texts and the model.

Encoding the 7,183 tools of the full universe takes tens of seconds on a laptop CPU; loading the stored
vectors takes milliseconds. A file is ``<cache dir>/embeddings/<model>-<key>.npy`` (``$TOOLGYM_CACHE_DIR`` or
``~/.cache/toolgym_env``), where the key hashes every tool name and indexed text in order, so any change to a
name, description or parameter gives a new file. Files are written atomically (a temporary file, then a
rename); an unreadable or misshapen file is rebuilt; a read-only cache folder only disables the cache.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from toolgym_env.hub.catalog_cache import cache_dir


def embeddings_dir() -> Path:
    """The folder holding cached embedding matrices."""
    return cache_dir() / "embeddings"


def cache_key(names: Sequence[str], texts: Sequence[str], model: str) -> str:
    """A hash of the model name and every ``(name, text)`` pair, in order."""
    digest = hashlib.sha256(model.encode())
    for name, text in zip(names, texts, strict=True):
        digest.update(b"\x00" + name.encode() + b"\x01" + text.encode())
    digest.update(str(len(names)).encode())
    return digest.hexdigest()[:24]


def cache_path(key: str, model: str) -> Path:
    """Where the matrix for ``key`` is stored."""
    return embeddings_dir() / f"{re.sub(r'[^A-Za-z0-9.-]+', '-', model)}-{key}.npy"


def load(path: Path, rows: int) -> np.ndarray | None:
    """The stored float32 matrix at ``path`` if it has ``rows`` rows, else ``None``."""
    try:
        arr = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    if arr.dtype != np.float32 or arr.ndim != 2 or arr.shape[0] != rows:
        return None
    return arr


def save(path: Path, arr: np.ndarray) -> bool:
    """Write ``arr`` to ``path`` atomically; ``False`` when the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".emb-", suffix=".npy")
        try:
            with os.fdopen(fd, "wb") as fh:
                np.save(fh, np.ascontiguousarray(arr, dtype=np.float32), allow_pickle=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def cached_embeddings(names: Sequence[str], texts: Sequence[str], model: str,
                      encode: Callable[[list[str]], np.ndarray], use_cache: bool = True,
                      ) -> tuple[np.ndarray, bool]:
    """The vectors of ``texts``, read from the cache or ``encode``-d and stored; returns ``(vectors, hit)``."""
    path = cache_path(cache_key(names, texts, model), model) if use_cache else None
    if path is not None:
        arr = load(path, len(texts))
        if arr is not None:
            return arr, True
    arr = np.ascontiguousarray(encode(list(texts)), dtype=np.float32)
    if path is not None:
        save(path, arr)
    return arr, False
