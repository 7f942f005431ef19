"""On-disk cache of catalog records, keyed by the source code of the apps that produce them.

Building every schema of the full universe takes seconds; the records only change when an app's code
does. The files live in the package's cache folder (:func:`toolgym_env.cache.cache_dir`), keyed by
:func:`toolgym_env.apps.source_hash`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from toolgym_env.apps import source_hash
from toolgym_env.cache import cached_json


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
    """The records of a :func:`pack` ed object; equal fields are one shared object (treat records as
    read-only)."""
    shared = data["shared"]
    return [
        {f: shared[v["$shared"]] if isinstance(v, dict) else v for f, v in r.items()} for r in data["records"]
    ]


def cached_records(key: str, build: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The records for ``key`` from the cache, or ``build()`` them and store them.

    Records come back with equal schemas shared (see :func:`pack`): they are read-only; copy before changing
    one.
    """
    return cached_json(f"catalog-{key}-v2", source_hash(), lambda: pack(build()), unpack)
