"""The SQL text the world runs, built once per table (or column list) and kept: the same string objects find
SQLite's statement cache, and a reset to another task's snapshot re-registers its tables without building
anything."""

from __future__ import annotations

from typing import Any

from toolgym_env.world.tables import TableSpec

#: The world's own tables: id sequences, the change log (a row's image before its first change this episode,
#: NULL for a row created in it) and the table registry (so a snapshot describes its own tables).
META_SQL = (
    "CREATE TABLE _seq (tbl TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "CREATE TABLE _before (tbl TEXT NOT NULL, pk TEXT NOT NULL, row TEXT, PRIMARY KEY (tbl, pk))",
    "CREATE TABLE _tables (name TEXT PRIMARY KEY, app TEXT NOT NULL, spec TEXT NOT NULL)",
)


def json_image(table: TableSpec, alias: str) -> str:
    """A SQL expression: the row ``alias`` of ``table`` as a JSON object of its columns."""
    return "json_object(" + ", ".join(f"'{c}', {alias}.\"{c}\"" for c in table.column_names) + ")"


def create_sql(table: TableSpec) -> str:
    """``CREATE TABLE`` of a table declaration (``id`` is the primary key)."""
    cols = ", ".join(
        f'"{c.name}" {c.sql_type}' + (" PRIMARY KEY" if c.name == "id" else "") for c in table.columns
    )
    return f'CREATE TABLE "{table.name}" ({cols})'


def keep_before_sql(table: TableSpec) -> str:
    """The statement that logs a row's image before its first change this episode (parameter: its id)."""
    name = table.name
    return (
        f"INSERT OR IGNORE INTO _before (tbl, pk, row) SELECT '{name}', t.id, {json_image(table, 't')} "
        f'FROM "{name}" AS t WHERE t.id = ? '
        f"AND NOT EXISTS (SELECT 1 FROM _before AS b WHERE b.tbl = '{name}' AND b.pk = t.id)"
    )


#: What :func:`compiled` gives for a table declaration.
Compiled = tuple[TableSpec, Any, str, str, str, str, str]
_COMPILED: dict[str, Compiled] = {}


def compiled(spec: str, table: TableSpec | None = None) -> Compiled:
    """``(spec, row decoder, SELECT statement, change-log statement, SELECT by id, CREATE statement, INSERT of
    a whole row)`` of a table declaration (its JSON), made once per process: a reset to another task's
    snapshot re-registers its tables from their JSON, and the same statement strings (hashed once) find
    SQLite's statement cache."""
    entry = _COMPILED.get(spec)
    if entry is None:
        table = table or TableSpec.from_json(spec)
        cols = ", ".join(f'"{c}"' for c in table.column_names)
        select = f'SELECT {cols} FROM "{table.name}"'
        marks = ", ".join("?" for _ in table.columns)
        entry = _COMPILED[spec] = (
            table,
            table.decoder(),
            select,
            keep_before_sql(table),
            select + " WHERE id = ?",
            create_sql(table),
            f'INSERT INTO "{table.name}" VALUES ({marks})',
        )
    return entry


_WRITE_SQL: dict[tuple[str, str, tuple[str, ...]], str] = {}


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...)``, built once per table and column list."""
    key = ("insert", table, columns)
    sql = _WRITE_SQL.get(key)
    if sql is None:
        cols = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        sql = _WRITE_SQL[key] = f'INSERT INTO "{table}" ({cols}) VALUES ({marks})'
    return sql


def exists_sql(table: str) -> str:
    """``SELECT 1 FROM table WHERE id = ?``, built once per table."""
    key = ("exists", table, ())
    sql = _WRITE_SQL.get(key)
    if sql is None:
        sql = _WRITE_SQL[key] = f'SELECT 1 FROM "{table}" WHERE id = ?'
    return sql


def update_sql(table: str, columns: tuple[str, ...]) -> str:
    """``UPDATE table SET column = ?, ... WHERE id = ?``, built once per table and column list."""
    key = ("update", table, columns)
    sql = _WRITE_SQL.get(key)
    if sql is None:
        sets = ", ".join(f'"{c}" = ?' for c in columns)
        sql = _WRITE_SQL[key] = f'UPDATE "{table}" SET {sets} WHERE id = ?'
    return sql


def savepoint_sql(depth: int) -> tuple[str, str, str]:
    """``(SAVEPOINT, ROLLBACK TO, RELEASE)`` statements of the savepoint at nesting ``depth``."""
    name = f"sp{depth}"
    return f"SAVEPOINT {name}", f"ROLLBACK TO {name}", f"RELEASE {name}"


#: :func:`savepoint_sql` of the first few depths.
SAVEPOINT_SQL = [savepoint_sql(d) for d in range(8)]
