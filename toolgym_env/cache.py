"""The on-disk cache of derived data (catalog records, the product index, embeddings, server logs).

Files live in ``$TOOLGYM_CACHE_DIR`` (default ``~/.cache/toolgym_env``), named by what they hold and a key
that changes when their source does (:func:`tree_hash`); they are written atomically, and an unreadable file
is rebuilt. This module sits at the bottom of the package: it knows nothing of apps, the hub or retrieval.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where toolgym_env keeps derived data (catalog records, embeddings)."""
    root = os.environ.get("TOOLGYM_CACHE_DIR") or Path.home() / ".cache" / "toolgym_env"
    return Path(root)


@lru_cache(maxsize=8)
def tree_hash(folder: Path, salt: str = "") -> str:
    """A hash of ``salt`` and of every Python file under ``folder`` (relative path and bytes, in path
    order)."""
    digest = hashlib.sha256(salt.encode())
    for path in sorted(folder.rglob("*.py")):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached_json(
    name: str, key: str, build: Callable[[], Any], decode: Callable[[Any], Any] = lambda v: v
) -> Any:
    """``decode(value)``, where ``value`` is read from the cache file ``{name}-{key}.json`` or, when that is
    missing or unreadable, ``build()``-ed and written there atomically. ``decode`` raising a lookup, type or
    value error counts as an unreadable file."""
    path = cache_dir() / f"{name}-{key}.json"
    try:
        return decode(json.loads(path.read_text()))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        with os.fdopen(fd, "w") as fh:
            json.dump(value, fh, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: work without the cache
    return decode(value)
