"""On-disk cache of tool embeddings, keyed by the indexed texts and the model.

Encoding the 7,183 tools of the full universe takes tens of seconds on a laptop CPU; loading the stored
vectors takes milliseconds. A file is ``<cache dir>/embeddings/<model>-<key>.npy`` (``$TOOLGYM_CACHE_DIR`` or
``~/.cache/toolgym_env``), where the key hashes every tool name and indexed text in order, so any change to a
name, description or parameter gives a new file. Files are written atomically (a temporary file, then a
rename); an unreadable or misshapen file is rebuilt; a read-only cache folder only disables the cache.

Beside these whole-catalog files, a bank of vectors per indexed text (``<model>-texts.npz``, keyed by a hash
of the text) means a catalog that changed only in part encodes only its new texts: joining an external MCP
server encodes that server's tools, not the 7,000 built-in ones again.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np

from toolgym_env.cache import cache_dir


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


def _write_atomic(path: Path, suffix: str, write: Callable[[BinaryIO], object]) -> bool:
    """Call ``write`` on a temporary file beside ``path``, then rename it to ``path``; ``False`` when the
    folder is not writable (the temporary file is removed on any failure)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".emb-", suffix=suffix)
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
            os.replace(tmp, path)
        except BaseException:  # broad: remove the temporary file on any failure, then re-raise
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def save(path: Path, arr: np.ndarray) -> bool:
    """Write ``arr`` to ``path`` atomically; ``False`` when the folder is not writable."""
    return _write_atomic(
        path, ".npy", lambda fh: np.save(fh, np.ascontiguousarray(arr, dtype=np.float32), allow_pickle=False)
    )


#: Most vectors kept in the per-text bank (the most recently stored are kept).
BANK_ROWS = 200_000


def text_key(text: str) -> str:
    """The bank's key of one indexed text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def bank_path(model: str) -> Path:
    """Where the per-text vectors of ``model`` are stored."""
    return embeddings_dir() / f"{re.sub(r'[^A-Za-z0-9.-]+', '-', model)}-texts.npz"


def load_bank(model: str) -> dict[str, np.ndarray]:
    """``{text key: vector}`` of every text stored for ``model`` (empty when there is no readable bank)."""
    try:
        with np.load(bank_path(model), allow_pickle=False) as data:
            keys, vectors = data["keys"], data["vectors"]
    except (OSError, ValueError, KeyError):
        return {}
    if vectors.ndim != 2 or len(keys) != len(vectors) or vectors.dtype != np.float32:
        return {}
    return dict(zip(keys.tolist(), vectors))


def save_bank(model: str, bank: dict[str, np.ndarray]) -> bool:
    """Write the bank atomically (its last :data:`BANK_ROWS` entries); ``False`` when the folder is not
    writable."""
    items = list(bank.items())[-BANK_ROWS:]
    return _write_atomic(
        bank_path(model),
        ".npz",
        lambda fh: np.savez(
            fh,
            keys=np.array([k for k, _ in items], dtype="<U32"),
            vectors=np.stack([v for _, v in items]).astype(np.float32),
        ),
    )


def cached_embeddings(
    names: Sequence[str],
    texts: Sequence[str],
    model: str,
    encode: Callable[[list[str]], np.ndarray],
    use_cache: bool = True,
    stats: dict[str, int] | None = None,
) -> tuple[np.ndarray, bool]:
    """The vectors of ``texts``, read from the cache or ``encode``-d and stored; returns ``(vectors, hit)``,
    ``hit`` when the whole matrix was stored. On a miss only the texts not in the per-text bank are encoded;
    ``stats`` (if given) receives ``{"encoded": n, "reused": m}``.

    Example:
        >>> import tempfile, os
        >>> os.environ["TOOLGYM_CACHE_DIR"] = tempfile.mkdtemp()
        >>> fake = lambda batch: np.ones((len(batch), 2), dtype=np.float32)
        >>> _ = cached_embeddings(["a__x"], ["find a thing"], "m", fake)
        >>> stats = {}
        >>> _, hit = cached_embeddings(["a__x", "s__y"], ["find a thing", "new tool"], "m", fake, stats=stats)
        >>> hit, stats
        (False, {'encoded': 1, 'reused': 1})
        >>> del os.environ["TOOLGYM_CACHE_DIR"]
    """
    path = cache_path(cache_key(names, texts, model), model) if use_cache else None
    if path is not None:
        arr = load(path, len(texts))
        if arr is not None:
            if stats is not None:
                stats.update(encoded=0, reused=len(texts))
            return arr, True
    bank = load_bank(model) if use_cache else {}
    keys = [text_key(t) for t in texts]
    todo = list(dict.fromkeys(k for k in keys if k not in bank))
    new = set(todo)
    if texts:
        by_key = dict(zip(keys, texts))
        if todo:
            bank.update(zip(todo, np.ascontiguousarray(encode([by_key[k] for k in todo]), dtype=np.float32)))
        arr = np.ascontiguousarray(np.stack([bank[k] for k in keys]), dtype=np.float32)
    else:
        arr = np.ascontiguousarray(encode([]), dtype=np.float32)
    if stats is not None:
        stats.update(encoded=len(todo), reused=sum(k not in new for k in keys))
    if path is not None:
        save(path, arr)
        if todo:
            save_bank(model, bank)
    return arr, False
