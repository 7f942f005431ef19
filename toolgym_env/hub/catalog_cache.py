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
from functools import lru_cache
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where toolgym_env keeps derived data (catalog records, embeddings)."""
    root = os.environ.get("TOOLGYM_CACHE_DIR") or Path.home() / ".cache" / "toolgym_env"
    return Path(root)


@lru_cache(maxsize=1)
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


def pack(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The cache file's form: every object-valued field (schemas, annotations, ``_meta``) stored once in
    ``shared`` and referred to by index. 7,183 tools have only ~1,200 distinct output schemas and ~2,200 input
    schemas, so this cuts the file (13 MB to ~4 MB) and, once loaded, the memory of the records."""
    shared: list[Any] = []
    index: dict[str, int] = {}
    packed = []
    for record in records:
        row = {}
        for field, value in record.items():
            if isinstance(value, dict):
                text = json.dumps(value, sort_keys=True, separators=(",", ":"))
                if text not in index:
                    index[text] = len(shared)
                    shared.append(value)
                row[field] = {"$shared": index[text]}
            else:
                row[field] = value
        packed.append(row)
    return {"format": 2, "shared": shared, "records": packed}


def unpack(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The records of a :func:`pack` ed object; equal fields are one shared object (treat records as read-only)."""
    shared = data["shared"]
    return [{f: shared[v["$shared"]] if isinstance(v, dict) else v for f, v in r.items()} for r in data["records"]]


def cached_json(name: str, build: Callable[[], Any], decode: Callable[[Any], Any] = lambda v: v) -> Any:
    """``decode(value)``, where ``value`` is read from the cache file ``{name}-{source hash}.json`` or, when that
    is missing or unreadable, ``build()``-ed and written there atomically. ``decode`` raising a lookup, type or
    value error counts as an unreadable file."""
    path = cache_dir() / f"{name}-{source_hash()}.json"
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


def cached_records(key: str, build: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The records for ``key`` from the cache, or ``build()`` them and store them.

    Records come back with equal schemas shared (see :func:`pack`): they are read-only; copy before changing one.
    """
    return cached_json(f"catalog-{key}-v2", lambda: pack(build()), unpack)
