"""On-disk cache of catalog records, keyed by the source code of the apps that produce them.

Building every schema of the full universe takes seconds; the records only change when an app's code
does. The cache lives in ``$TOOLGYM_CACHE_DIR`` (default ``~/.cache/toolgym_env``); files are written
atomically, and an unreadable file is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where toolgym_env keeps derived data (catalog records, embeddings)."""
    root = os.environ.get("TOOLGYM_CACHE_DIR") or Path.home() / ".cache" / "toolgym_env"
    return Path(root)


def source_hash() -> str:
    """A hash of every Python file of ``toolgym_env.apps`` and of the pydantic version."""
    import pydantic

    import toolgym_env.apps as apps_pkg

    digest = hashlib.sha256(pydantic.VERSION.encode())
    root = Path(apps_pkg.__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached_records(key: str, build: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The records for ``key`` from the cache, or ``build()`` them and store them."""
    path = cache_dir() / f"catalog-{key}-{source_hash()}.json"
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        pass
    records = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".catalog-")
        with os.fdopen(fd, "w") as fh:
            json.dump(records, fh, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: work without the cache
    return records
