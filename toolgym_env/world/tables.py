"""Table declarations the world understands: columns with a small set of value kinds."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from json.encoder import c_make_encoder, encode_basestring, encode_basestring_ascii  # type: ignore[attr-defined]
from typing import Any, Literal

from toolgym_env.errors import AppSpecError

ColumnKind = Literal["str", "int", "float", "bool", "json"]
_SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER", "json": "TEXT"}


@dataclass(frozen=True)
class Column:
    """One column: ``kind`` says how values are stored (``json`` values are stored as JSON text)."""

    name: str
    kind: ColumnKind = "str"

    @property
    def sql_type(self) -> str:
        """The SQLite column type."""
        return _SQL_TYPES[self.kind]


def json_encoder(
    *, ensure_ascii: bool = True, separators: tuple[str, str] = (", ", ": "), allow_nan: bool = True
) -> Callable[[Any], str]:
    """``json.JSONEncoder(ensure_ascii=..., separators=..., allow_nan=...).encode``: the same text and errors,
    from the C encoder that ``encode`` ends in, without the Python set-up ``encode`` does at every call (about
    half its time for a small object). A C encoder is made per call: it holds the circular-reference marks.

    Example:
        >>> json_encoder(separators=(",", ":"))({"a": [1, 2.5, None], "b": True})
        '{"a":[1,2.5,null],"b":true}'
    """
    plain = json.JSONEncoder(ensure_ascii=ensure_ascii, separators=separators, allow_nan=allow_nan)
    if c_make_encoder is None:
        return plain.encode
    item, key = separators
    quote = encode_basestring_ascii if ensure_ascii else encode_basestring

    def encode(value: Any) -> str:
        if isinstance(value, str):
            return plain.encode(value)
        make = c_make_encoder({}, plain.default, quote, None, key, item, False, False, allow_nan)
        return "".join(make(value, 0))

    return encode


#: ``json.dumps(value, separators=(",", ":"))`` without building an encoder per call (same text).
_dump_value = json_encoder(separators=(",", ":"))
_scan_once = json.JSONDecoder().scan_once


def load_value(text: str) -> Any:
    """``json.loads(text)`` for a stored JSON value: the scanner alone when the text is one value and nothing
    else (as every stored value is), ``json.loads`` otherwise (same result, same errors)."""
    if type(text) is not str:
        return json.loads(text)
    try:
        value, end = _scan_once(text, 0)
    except StopIteration:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


@dataclass(frozen=True)
class TableSpec:
    """A world table. Every table has a text primary key ``id``; ``id_prefix`` shapes new ids."""

    name: str
    columns: tuple[Column, ...]
    id_prefix: str

    def __post_init__(self) -> None:
        if not self.columns or self.columns[0].name != "id":
            raise AppSpecError(f"table {self.name!r}: the first column must be 'id'")

    def to_json(self) -> str:
        """The declaration as JSON (stored in the world, so a restored snapshot describes its own tables)."""
        text = self.__dict__.get("_json")  # kept on the (frozen) instance: it is read at every app load
        if text is None:
            text = json.dumps(
                {
                    "name": self.name,
                    "id_prefix": self.id_prefix,
                    "columns": [[c.name, c.kind] for c in self.columns],
                },
                separators=(",", ":"),
            )
            object.__setattr__(self, "_json", text)
        return text

    @classmethod
    def from_json(cls, text: str) -> TableSpec:
        """The inverse of :meth:`to_json`."""
        data = json.loads(text)
        return cls(data["name"], tuple(Column(n, k) for n, k in data["columns"]), data["id_prefix"])

    @property
    def column_names(self) -> tuple[str, ...]:
        """Column names in declaration order."""
        return tuple(c.name for c in self.columns)

    def encode(self, row: dict[str, Any]) -> dict[str, Any]:
        """Python values → SQLite values (JSON text for ``json`` columns, 0/1 for ``bool``)."""
        out: dict[str, Any] = {}
        for col in self.columns:
            if col.name not in row:
                continue
            value = row[col.name]
            if value is not None:
                if col.kind == "json":
                    value = _dump_value(value)
                elif col.kind == "bool":
                    value = int(bool(value))
            out[col.name] = value
        return out

    def decoder(self) -> Callable[[tuple], dict[str, Any]]:
        """A function turning a SQLite row tuple (in column order) into a Python dict: JSON text decoded for
        ``json`` columns, 0/1 made ``bool`` for ``bool`` ones, NULL kept as ``None``.

        It is generated for the table (one dict display, no loop): every row read goes through it.

        Example:
            >>> spec = TableSpec("t", (Column("id"), Column("tags", "json"), Column("done", "bool")), "t")
            >>> spec.decoder()(("t_1", '["a"]', 1))
            {'id': 't_1', 'tags': ['a'], 'done': True}
        """
        items = []
        for i, col in enumerate(self.columns):
            value = f"v[{i}]"
            if col.kind == "json":
                value = f"None if v[{i}] is None else load(v[{i}])"
            elif col.kind == "bool":
                value = f"None if v[{i}] is None else bool(v[{i}])"
            items.append(f"{col.name!r}: {value}")
        namespace: dict[str, Any] = {"load": load_value}
        exec(f"def decode(v):\n    return {{{', '.join(items)}}}\n", namespace)
        return namespace["decode"]
