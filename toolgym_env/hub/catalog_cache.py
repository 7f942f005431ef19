"""On-disk cache of catalog records, keyed by the source code of the apps that produce them, and the compact
form a process keeps them in.

Building every schema of the full universe takes seconds; the records only change when an app's code
does. The files live in the package's cache folder (:func:`toolgym_env.cache.cache_dir`), keyed by
:func:`toolgym_env.apps.source_hash`. Loaded, they are :class:`PackedRecords`: what an episode reads of a
tool (its name, description, input schema) as objects, the rest (output schema, annotations) as JSON text
until a full record is asked for.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable
from typing import Any

from toolgym_env.apps import source_hash
from toolgym_env.cache import cached_json

#: The object-valued record fields kept as objects: what search, the action space and the env read. Other
#: object-valued fields (``outputSchema``, ``annotations``) are kept as JSON text and decoded on demand.
HOT_FIELDS = frozenset({"inputSchema", "_meta"})
#: The version of :func:`pack`'s form (part of the cache file's name).
FORMAT = 3


def is_summary_field(field: str, value: Any) -> bool:
    """Whether a record field belongs to a tool's summary: a plain value, or an object of
    :data:`HOT_FIELDS`."""
    return not isinstance(value, dict) or field in HOT_FIELDS


def pack(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The cache file's form: every object of a summary field stored once in ``shared``, every other object
    stored once, as its JSON text, in ``texts`` (7,183 tools have ~2,200 distinct input schemas and ~1,200
    output schemas). A record is a row ``[layout, value, ...]``: ``layouts[layout]`` lists its fields as
    ``[name, kind]``, kind ``"v"`` for a value kept as it is, ``"s"``/``"t"`` for an index into
    ``shared``/``texts`` (rows, not objects, so reading the file makes few objects that do not stay)."""
    shared: list[Any] = []
    texts: list[str] = []
    index: dict[tuple[str, str], int] = {}
    layouts: dict[tuple[tuple[str, str], ...], int] = {}
    rows = []
    for record in records:
        layout = []
        row: list[Any] = [0]
        for field, value in record.items():
            if not isinstance(value, dict):
                layout.append((field, "v"))
                row.append(value)
                continue
            kind = "s" if is_summary_field(field, value) else "t"
            key = (kind, json.dumps(value, sort_keys=True, separators=(",", ":")))
            if key not in index:
                if kind == "s":
                    index[key] = len(shared)
                    shared.append(value)
                else:
                    index[key] = len(texts)
                    texts.append(json.dumps(value, separators=(",", ":"), ensure_ascii=False))
            layout.append((field, kind))
            row.append(index[key])
        row[0] = layouts.setdefault(tuple(layout), len(layouts))
        rows.append(row)
    return {
        "format": FORMAT,
        "layouts": [[list(f) for f in layout] for layout in layouts],
        "shared": shared,
        "texts": texts,
        "records": rows,
    }


class PackedRecords:
    """Catalog records in a compact form: ``summaries`` holds each tool's record without its other object
    fields (name, title, description, inputSchema, _meta: equal schemas one shared object), and those fields
    (outputSchema, annotations) stay JSON text until :meth:`record` or :meth:`records` builds a full record,
    with its fields in their original order. Treat what comes back as read-only.

    Example:
        >>> packed = PackedRecords(pack([{"name": "a__b", "inputSchema": {"type": "object"},
        ...                               "outputSchema": {"type": "object"}}]))
        >>> packed.summaries[0], packed.record(0)["outputSchema"]
        ({'name': 'a__b', 'inputSchema': {'type': 'object'}}, {'type': 'object'})
    """

    def __init__(self, data: dict[str, Any]) -> None:
        """Read :func:`pack` 's form; a malformed one raises ``KeyError``, ``TypeError``, ``ValueError`` or
        ``IndexError`` (which the cache reads as an unreadable file)."""
        if data["format"] != FORMAT:
            raise ValueError(f"catalog cache format {data['format']!r}, expected {FORMAT}")
        shared: list[Any] = data["shared"]
        _share_strings(shared, {})
        self._texts: list[str] = data["texts"]
        if not all(isinstance(t, str) for t in self._texts):
            raise TypeError("catalog cache texts must be strings")
        layouts = [tuple((str(f), kind) for f, kind in layout) for layout in data["layouts"]]
        if any(kind not in ("v", "s", "t") for layout in layouts for _, kind in layout):
            raise ValueError("catalog cache layouts name an unknown kind")
        #: Each tool's record without its other object fields (see :func:`is_summary_field`).
        self.summaries: list[dict[str, Any]] = []
        self._fields = [tuple(f for f, _ in layout) for layout in layouts]  # each layout's field order
        self._layouts = array("i")  # each record's layout
        self._refs = array("i")  # indices into _texts, record after record, in field order
        self._starts = array("i", [0])  # record i's references: _refs[_starts[i]:_starts[i + 1]]
        n_texts = len(self._texts)
        for row in data["records"]:
            layout = layouts[row[0]]
            if len(row) != len(layout) + 1:
                raise ValueError("a catalog cache row does not match its layout")
            summary = {}
            for (field, kind), value in zip(layout, row[1:]):
                if kind == "v":
                    summary[field] = value
                elif kind == "s":
                    summary[field] = shared[value]
                elif isinstance(value, int) and 0 <= value < n_texts:
                    self._refs.append(value)
                else:
                    raise IndexError(f"catalog cache text reference {value!r} out of range")
            self.summaries.append(summary)
            self._layouts.append(row[0])
            self._starts.append(len(self._refs))

    def __len__(self) -> int:
        return len(self.summaries)

    def record(self, i: int, decoded: dict[int, Any] | None = None) -> dict[str, Any]:
        """The full record of tool ``i``; ``decoded`` (text index -> object) shares equal fields between the
        records of one call."""
        summary = self.summaries[i]
        refs = iter(self._refs[self._starts[i] : self._starts[i + 1]])
        out = {}
        for field in self._fields[self._layouts[i]]:
            if field in summary:
                out[field] = summary[field]
                continue
            ref = next(refs)
            if decoded is None:
                out[field] = json.loads(self._texts[ref])
            else:
                value = decoded.get(ref)
                if value is None:
                    value = decoded[ref] = json.loads(self._texts[ref])
                out[field] = value
        return out

    def records(self) -> list[dict[str, Any]]:
        """Every full record, in order (equal fields are one shared object)."""
        decoded: dict[int, Any] = {}
        return [self.record(i, decoded) for i in range(len(self))]


def _share_strings(value: Any, seen: dict[str, str]) -> None:
    """Make equal strings inside ``value`` (a list or dict, changed in place) one object: the schemas repeat
    ``"string"``, ``"integer"``, formats and descriptions ~33,000 times over ~4,800 texts (~1.8 MB)."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(item, str):
            value[key] = seen.setdefault(item, item)
        elif isinstance(item, (dict, list)):
            _share_strings(item, seen)


def unpack(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The full records of a :func:`pack` ed object; equal fields are one shared object (treat records as
    read-only)."""
    return PackedRecords(data).records()


def packed_records(key: str, build: Callable[[], list[dict[str, Any]]]) -> PackedRecords:
    """The records for ``key`` from the cache, or ``build()`` them and store them; as
    :class:`PackedRecords`."""
    return cached_json(f"catalog-{key}-v{FORMAT}", source_hash(), lambda: pack(build()), PackedRecords)


def cached_records(key: str, build: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The full records for ``key`` from the cache, or ``build()`` them and store them.

    Records come back with equal schemas shared (see :func:`pack`): they are read-only; copy before changing
    one.
    """
    return packed_records(key, build).records()
