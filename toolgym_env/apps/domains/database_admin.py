"""Database administration: databases, tables, saved queries, backups, database users and grants (five
products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("database administration")

Engine = Literal["postgres", "mysql", "mariadb", "sqlserver"]
DbStatus = Literal["online", "read_only", "maintenance"]
Privilege = Literal["select", "insert", "update", "delete", "create", "drop"]
#: The privileges one grant or revoke call names (one to all six).
Privileges = Annotated[list[Privilege], Field(min_length=1, max_length=6)]
ColumnType = Literal[
    "integer", "bigint", "text", "varchar", "boolean", "timestamp", "numeric", "jsonb", "uuid"
]


class Database(BaseModel):
    id: str = Field(description="Database id.")
    name: str = Field(
        description="Database name (lower-case, digits and underscores).", pattern=r"^[a-z][a-z0-9_]{2,40}$"
    )
    engine: Engine = Field("postgres", description="Database engine.")
    version: str = Field("16", description="Engine major version, e.g. '16'.", max_length=10)
    region: Literal["us-east", "us-west", "eu-central", "ap-south"] = Field(
        "us-east", description="Hosting region."
    )
    owner_email: str = Field("", description="Email of the database owner.", max_length=200)
    status: DbStatus = Field("online", description="Operational mode.")
    size_mb: int = Field(0, ge=0, description="Current data size in MB.")
    backup_quota_mb: int = Field(20000, ge=100, le=1000000, description="Storage allowed for backups in MB.")
    created_at: str = Field("", description="When the database was created (ISO-8601).")


class ColumnDef(BaseModel):
    name: str = Field(description="Column name.", pattern=r"^[a-z_][a-z0-9_]{0,62}$")
    type: ColumnType = Field("text", description="Column data type.")
    nullable: bool = Field(True, description="Whether the column accepts NULL.")


class DbTable(BaseModel):
    id: str = Field(description="Table id.")
    database_id: str = Field(description="Database holding the table.")
    schema_name: str = Field("public", description="Schema (namespace) of the table.", max_length=63)
    name: str = Field(description="Table name.", pattern=r"^[a-z_][a-z0-9_]{0,62}$")
    columns: list[ColumnDef] = Field(default_factory=list, description="Column definitions.")
    row_count: int = Field(0, ge=0, description="Approximate number of rows.")
    size_mb: int = Field(0, ge=0, description="Size on disk in MB.")
    created_at: str = Field("", description="When the table was created (ISO-8601).")


class SavedQuery(BaseModel):
    id: str = Field(description="Saved query id.")
    database_id: str = Field(description="Database the query runs against.")
    title: str = Field(description="Query title.", min_length=1, max_length=120)
    sql: str = Field(description="SQL text.", min_length=1, max_length=10000)
    owner_email: str = Field("", description="Email of the author.", max_length=200)
    tags: list[str] = Field(default_factory=list, description="Tags such as 'report' or 'ops'.")
    run_count: int = Field(0, ge=0, description="How many times the query was run.")
    last_run_at: str = Field("", description="When the query last ran (ISO-8601), empty when never.")
    created_at: str = Field("", description="When the query was saved (ISO-8601).")


class Backup(BaseModel):
    id: str = Field(description="Backup id.")
    database_id: str = Field(description="Database that was backed up.")
    kind: Literal["full", "incremental"] = Field("full", description="Backup kind.")
    status: Literal["running", "completed", "failed"] = Field("completed", description="Backup status.")
    size_mb: int = Field(0, ge=0, description="Backup size in MB.")
    retention_days: int = Field(30, ge=1, le=3650, description="Days the backup is kept.")
    started_at: str = Field("", description="When the backup started (ISO-8601).")
    completed_at: str = Field("", description="When the backup finished (ISO-8601), empty while running.")


class Grant(BaseModel):
    database_id: str = Field(description="Database the privileges apply to.")
    privileges: list[Privilege] = Field(default_factory=list, description="Granted privileges.")


class DbUser(BaseModel):
    id: str = Field(description="Database user id.")
    username: str = Field(description="Login name.", pattern=r"^[a-z][a-z0-9_]{2,30}$")
    email: str = Field("", description="Email of the person or team owning the login.", max_length=200)
    role: Literal["admin", "developer", "analyst", "service"] = Field("developer", description="Role.")
    locked: bool = Field(False, description="Whether the login is locked.")
    grants: list[Grant] = Field(default_factory=list, description="Privileges per database.")
    password_rotated_on: str = Field("", description="Last password rotation (YYYY-MM-DD).")
    created_at: str = Field("", description="When the login was created (ISO-8601).")


bp.resource(
    Database,
    name="database",
    id_prefix="db",
    searchable=("name", "owner_email"),
    filterable=("engine", "region", "status"),
    readonly=("status", "size_mb"),
    order_by="name",
)
bp.resource(
    DbTable,
    name="table",
    id_prefix="tbl",
    searchable=("name",),
    filterable=("database_id", "schema_name"),
    refs={"database_id": "database"},
    readonly=("row_count", "size_mb"),
    ops=("search", "list", "get", "create", "delete"),
)
bp.resource(
    SavedQuery,
    name="saved_query",
    plural="saved_queries",
    id_prefix="sq",
    searchable=("title", "sql"),
    filterable=("database_id", "owner_email"),
    refs={"database_id": "database"},
    readonly=("run_count", "last_run_at"),
    order_by="title",
)
bp.resource(
    Backup,
    name="backup",
    id_prefix="bk",
    filterable=("database_id", "kind", "status"),
    refs={"database_id": "database"},
    ops=("list", "get", "delete"),
    order_by="started_at DESC",
)
bp.resource(
    DbUser,
    name="db_user",
    id_prefix="dbu",
    filterable=("role", "locked"),
    readonly=("grants", "locked"),
    ops=("list", "get", "create", "update", "delete"),
    order_by="username",
)


class QueryRun(BaseModel):
    saved_query_id: str = Field(description="The query that ran.")
    database_id: str = Field(description="Database it ran against.")
    statement: str = Field(description="Kind of statement: select, insert, update, delete or other.")
    rows_affected: int = Field(description="Rows returned or changed.")
    ran_at: str = Field(description="When it ran (ISO-8601).")


class DatabaseUsage(BaseModel):
    database_id: str = Field(description="The database.")
    tables: int = Field(description="Number of tables.")
    total_rows: int = Field(description="Sum of table row counts.")
    data_mb: int = Field(description="Sum of table sizes in MB.")
    backups: int = Field(description="Number of completed backups.")
    backup_mb: int = Field(description="Storage used by backups in MB.")
    backup_quota_used_pct: float = Field(description="Share of the backup quota in use, in percent.")
    latest_backup_at: str = Field(description="When the newest completed backup finished; empty when none.")


class TableList(BaseModel):
    tables: list[DbTable] = Field(description="The tables.")


class BackupList(BaseModel):
    backups: list[Backup] = Field(description="The backups.")


_MOVES: dict[str, tuple[str, ...]] = {
    "online": ("read_only", "maintenance"),
    "read_only": ("online", "maintenance"),
    "maintenance": ("online",),
}


def _writable(db: dict) -> None:
    if db["status"] != "online":
        raise ToolError(f"Database {db['name']} is '{db['status']}'; it must be online to change data.")


@bp.action()
def set_database_status(ctx: ToolContext, database_id: str, status: DbStatus) -> Database:
    """Switch an {app} database between online, read-only and maintenance mode; only allowed moves succeed.

    Args:
        database_id: The database to switch.
        status: The mode to switch to.
    """
    db = ctx.require("database", database_id)
    if db["status"] == status:
        raise ToolError(f"Database {db['name']} is already '{status}'.")
    if status not in _MOVES[db["status"]]:
        raise ToolError(
            f"Cannot switch database {db['name']} from '{db['status']}' to '{status}'; "
            f"allowed: {', '.join(_MOVES[db['status']])}."
        )
    return ctx.update("database", database_id, {"status": status})


@bp.action()
def run_saved_query(ctx: ToolContext, saved_query_id: str) -> QueryRun:
    """Run a saved {app} query against its database and return the statement kind and rows affected.

    Args:
        saved_query_id: The saved query to run.
    """
    q = ctx.require("saved_query", saved_query_id)
    db = ctx.require("database", q["database_id"])
    statement = q["sql"].strip().split(None, 1)[0].lower() if q["sql"].strip() else "other"
    if statement not in ("select", "insert", "update", "delete", "with"):
        statement = "other"
    if db["status"] == "maintenance":
        raise ToolError(f"Database {db['name']} is in maintenance; queries cannot run.")
    if statement not in ("select", "with") and db["status"] == "read_only":
        raise ToolError(f"Database {db['name']} is read-only; only SELECT queries can run.")
    tables = ctx.select("table", "database_id = ?", (db["id"],))
    rows = sum(t["row_count"] for t in tables if t["name"] in q["sql"])
    now = ctx.now()
    ctx.update("saved_query", saved_query_id, {"run_count": q["run_count"] + 1, "last_run_at": now})
    return {
        "saved_query_id": saved_query_id,
        "database_id": db["id"],
        "statement": statement,
        "rows_affected": min(rows, 1000) if statement in ("select", "with") else rows // 100,
        "ran_at": now,
    }


@bp.action()
def create_backup(
    ctx: ToolContext,
    database_id: str,
    kind: Literal["full", "incremental"] = "full",
    retention_days: Annotated[int, Field(ge=1, le=3650)] = 30,
) -> Backup:
    """Take an {app} backup of a database; incremental needs an earlier full backup and the quota must fit.

    Args:
        database_id: The database to back up.
        kind: Full or incremental backup.
        retention_days: Days to keep the backup.
    """
    db = ctx.require("database", database_id)
    if db["status"] == "maintenance":
        raise ToolError(f"Database {db['name']} is in maintenance; backups are paused.")
    done = ctx.select("backup", "database_id = ? AND status = 'completed'", (database_id,))
    if kind == "incremental" and not any(b["kind"] == "full" for b in done):
        raise ToolError(f"Database {db['name']} has no completed full backup; take a full backup first.")
    size = db["size_mb"] if kind == "full" else max(1, db["size_mb"] // 10)
    used = sum(b["size_mb"] for b in done)
    if used + size > db["backup_quota_mb"]:
        raise ToolError(
            f"Backup quota exceeded for {db['name']}: {used} of {db['backup_quota_mb']} MB used, "
            f"this backup needs {size} MB. Delete or prune old backups first."
        )
    now = ctx.now()
    return ctx.insert(
        "backup",
        {
            "database_id": database_id,
            "kind": kind,
            "status": "completed",
            "size_mb": size,
            "retention_days": retention_days,
            "started_at": now,
            "completed_at": now,
        },
    )


@bp.action(destructive=True)
def restore_backup(ctx: ToolContext, backup_id: str) -> Database:
    """Restore an {app} database from a completed full backup, replacing its current data; returns the
    database.

    Args:
        backup_id: The full backup to restore.
    """
    b = ctx.require("backup", backup_id)
    if b["status"] != "completed":
        raise ToolError(f"Backup {backup_id} is '{b['status']}'; only completed backups can be restored.")
    if b["kind"] != "full":
        raise ToolError(f"Backup {backup_id} is incremental; restore from a full backup.")
    db = ctx.require("database", b["database_id"])
    if db["status"] == "read_only":
        raise ToolError(f"Database {db['name']} is read-only; switch it online or to maintenance first.")
    return ctx.update("database", db["id"], {"size_mb": b["size_mb"], "status": "online"})


@bp.action(destructive=True)
def prune_backups(
    ctx: ToolContext, database_id: str, keep_latest: Annotated[int, Field(ge=1, le=50)] = 3
) -> BackupList:
    """Delete all but the newest completed {app} backups of a database and return the deleted ones.

    Args:
        database_id: The database whose backups to prune.
        keep_latest: How many of the newest completed backups to keep.
    """
    db = ctx.require("database", database_id)
    done = ctx.select(
        "backup", "database_id = ? AND status = 'completed'", (database_id,), order_by="started_at DESC"
    )
    doomed = done[keep_latest:]
    if not doomed:
        raise ToolError(
            f"Database {db['name']} has {len(done)} completed backups; nothing beyond the newest "
            f"{keep_latest} to prune."
        )
    for b in doomed:
        ctx.delete("backup", b["id"])
    return {"backups": doomed}


@bp.action(idempotent=True)
def grant_privileges(ctx: ToolContext, db_user_id: str, database_id: str, privileges: Privileges) -> DbUser:
    """Grant privileges on a database to an {app} user; privileges already held are kept as they are.

    Args:
        db_user_id: The user to grant to.
        database_id: The database the privileges apply to.
        privileges: Privileges to grant, e.g. ['select', 'insert'].
    """
    user = ctx.require("db_user", db_user_id)
    db = ctx.require("database", database_id)
    if user["locked"]:
        raise ToolError(f"User {user['username']} is locked; unlock the login before granting privileges.")
    if user["role"] == "analyst" and set(privileges) - {"select"}:
        raise ToolError(f"User {user['username']} is an analyst; analysts may only be granted 'select'.")
    grants = [dict(g) for g in user["grants"]]
    for g in grants:
        if g["database_id"] == database_id:
            g["privileges"] = sorted(set(g["privileges"]) | set(privileges))
            break
    else:
        grants.append({"database_id": db["id"], "privileges": sorted(set(privileges))})
    return ctx.update("db_user", db_user_id, {"grants": grants})


@bp.action(idempotent=True)
def revoke_privileges(ctx: ToolContext, db_user_id: str, database_id: str, privileges: Privileges) -> DbUser:
    """Revoke privileges on a database from an {app} user; the grant is removed once no privilege is left.

    Args:
        db_user_id: The user to revoke from.
        database_id: The database the privileges apply to.
        privileges: Privileges to revoke.
    """
    user = ctx.require("db_user", db_user_id)
    ctx.require("database", database_id)
    grants = []
    found = False
    for g in user["grants"]:
        if g["database_id"] == database_id:
            found = True
            left = sorted(set(g["privileges"]) - set(privileges))
            if left:
                grants.append({"database_id": database_id, "privileges": left})
        else:
            grants.append(g)
    if not found:
        raise ToolError(f"User {user['username']} has no privileges on database {database_id}.")
    return ctx.update("db_user", db_user_id, {"grants": grants})


@bp.action(idempotent=True)
def set_user_lock(ctx: ToolContext, db_user_id: str, locked: bool) -> DbUser:
    """Lock or unlock an {app} database login; admins cannot be locked while they are the last unlocked admin.

    Args:
        db_user_id: The login to lock or unlock.
        locked: True to lock, False to unlock.
    """
    user = ctx.require("db_user", db_user_id)
    if locked and user["role"] == "admin" and not user["locked"]:
        admins = ctx.select("db_user", "role = 'admin' AND locked = 0 AND id != ?", (db_user_id,))
        if not admins:
            raise ToolError(f"User {user['username']} is the last unlocked admin and cannot be locked.")
    return ctx.update("db_user", db_user_id, {"locked": locked})


@bp.action()
def add_table_columns(
    ctx: ToolContext, table_id: str, columns: Annotated[list[ColumnDef], Field(min_length=1, max_length=20)]
) -> DbTable:
    """Add columns to an {app} table (all or none); the database must be online and names must be new.

    Args:
        table_id: The table to alter.
        columns: Columns to add, each with name, type and nullability.
    """
    table = ctx.require("table", table_id)
    _writable(ctx.require("database", table["database_id"]))
    existing = {c["name"] for c in table["columns"]}
    new = []
    for c in columns:
        if c["name"] in existing:
            raise ToolError(f"Table {table['name']} already has a column '{c['name']}'.")
        if not c["nullable"] and table["row_count"] > 0:
            raise ToolError(
                f"Column '{c['name']}' is NOT NULL but table {table['name']} has "
                f"{table['row_count']} rows; add it as nullable."
            )
        existing.add(c["name"])
        new.append({"name": c["name"], "type": c["type"], "nullable": c["nullable"]})
    return ctx.update("table", table_id, {"columns": [*table["columns"], *new]})


@bp.action(destructive=True)
def truncate_table(ctx: ToolContext, table_id: str) -> DbTable:
    """Remove every row of an {app} table, keeping its columns; the database must be online.

    Args:
        table_id: The table to truncate.
    """
    table = ctx.require("table", table_id)
    db = ctx.require("database", table["database_id"])
    _writable(db)
    if table["row_count"] == 0:
        raise ToolError(f"Table {table['name']} is already empty.")
    ctx.update("database", db["id"], {"size_mb": max(0, db["size_mb"] - table["size_mb"])})
    return ctx.update("table", table_id, {"row_count": 0, "size_mb": 0})


@bp.action(read_only=True)
def get_database_usage(ctx: ToolContext, database_id: str) -> DatabaseUsage:
    """Summarize an {app} database: tables, rows, data size, backup storage and quota use.

    Args:
        database_id: The database to summarize.
    """
    db = ctx.require("database", database_id)
    tables = ctx.select("table", "database_id = ?", (database_id,))
    done = ctx.select("backup", "database_id = ? AND status = 'completed'", (database_id,))
    used = sum(b["size_mb"] for b in done)
    return {
        "database_id": database_id,
        "tables": len(tables),
        "total_rows": sum(t["row_count"] for t in tables),
        "data_mb": sum(t["size_mb"] for t in tables),
        "backups": len(done),
        "backup_mb": used,
        "backup_quota_used_pct": round(100.0 * used / db["backup_quota_mb"], 1),
        "latest_backup_at": max((b["completed_at"] for b in done), default=""),
    }


@bp.action(read_only=True)
def list_largest_tables(
    ctx: ToolContext, database_id: str | None = None, top: Annotated[int, Field(ge=1, le=50)] = 5
) -> TableList:
    """List the biggest {app} tables by size on disk, optionally within one database.

    Args:
        database_id: Only tables of this database.
        top: How many tables to return.
    """
    if database_id:
        ctx.require("database", database_id)
        rows = ctx.select("table", "database_id = ?", (database_id,))
    else:
        rows = ctx.select("table")
    rows.sort(key=lambda t: (-t["size_mb"], t["id"]))
    return {"tables": rows[:top]}


@bp.action(read_only=True)
def list_stale_backups(ctx: ToolContext, database_id: str | None = None) -> BackupList:
    """List {app} backups that are past their retention period or failed, oldest first.

    Args:
        database_id: Only backups of this database.
    """
    from datetime import date, timedelta

    today = date.fromisoformat(ctx.today())
    rows = ctx.select("backup", "database_id = ?", (database_id,)) if database_id else ctx.select("backup")
    if database_id:
        ctx.require("database", database_id)
    stale = [
        b
        for b in rows
        if b["status"] == "failed"
        or (
            b["started_at"]
            and date.fromisoformat(b["started_at"][:10]) + timedelta(days=b["retention_days"]) < today
        )
    ]
    stale.sort(key=lambda b: (b["started_at"], b["id"]))
    return {"backups": stale}


_TABLES = (
    "users",
    "orders",
    "order_items",
    "products",
    "sessions",
    "payments",
    "events",
    "invoices",
    "audit_log",
    "customers",
    "shipments",
    "coupons",
)
_DBS = ("billing", "storefront", "analytics", "auth_service", "inventory", "crm_sync")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    team = [p.email for p in s.people[:6]] + [s.user.email]
    dbs = []
    for n, name in enumerate(_DBS):
        dbs.append(
            ctx.insert(
                "database",
                {
                    "name": name,
                    "engine": rng.choice(("postgres", "postgres", "mysql", "mariadb")),
                    "version": rng.choice(("14", "15", "16")),
                    "region": rng.choice(("us-east", "us-west", "eu-central")),
                    "owner_email": rng.choice(team),
                    "status": ("online", "online", "read_only", "online", "maintenance", "online")[n],
                    "size_mb": 0,
                    "backup_quota_mb": 60000 if n != 5 else 500,
                    "created_at": s.at(days=-rng.randint(200, 900)),
                },
            )
        )
    for db in dbs:
        total = 0
        names = rng.sample(_TABLES, rng.randint(3, 6))
        for tname in names:
            rows = rng.randint(0, 2_000_000) if rng.random() < 0.85 else 0
            size = rows // 4000 + (1 if rows else 0)
            total += size
            ctx.insert(
                "table",
                {
                    "database_id": db["id"],
                    "schema_name": "public",
                    "name": tname,
                    "columns": [
                        {"name": "id", "type": "bigint", "nullable": False},
                        {"name": "created_at", "type": "timestamp", "nullable": False},
                        {
                            "name": rng.choice(("status", "email", "amount", "payload")),
                            "type": rng.choice(("text", "numeric", "jsonb")),
                            "nullable": True,
                        },
                    ],
                    "row_count": rows,
                    "size_mb": size,
                    "created_at": s.at(days=-rng.randint(50, 190)),
                },
            )
        ctx.update("database", db["id"], {"size_mb": max(total, 1)})
        db["size_mb"] = max(total, 1)
    for db in dbs:
        for k in range(rng.randint(3, 6)):
            kind = "full" if k % 2 == 0 else "incremental"
            size = db["size_mb"] if kind == "full" else max(1, db["size_mb"] // 10)
            started = -(k * 7 + rng.randint(1, 6))
            status = "failed" if rng.random() < 0.1 else "completed"
            ctx.insert(
                "backup",
                {
                    "database_id": db["id"],
                    "kind": kind,
                    "status": status,
                    "size_mb": size if status == "completed" else 0,
                    "retention_days": rng.choice((7, 14, 30, 90)),
                    "started_at": s.at(days=started),
                    "completed_at": s.at(days=started, hours=1) if status == "completed" else "",
                },
            )
    for db in dbs:
        for _ in range(rng.randint(1, 3)):
            t = rng.choice(_TABLES)
            verb = rng.choice(("SELECT * FROM", "SELECT count(*) FROM", "DELETE FROM", "UPDATE"))
            sql = (
                f"{verb} {t}"
                + (" SET archived = true" if verb == "UPDATE" else "")
                + " WHERE created_at < now() - interval '30 days'"
            )
            ctx.insert(
                "saved_query",
                {
                    "database_id": db["id"],
                    "title": f"{verb.split()[0].title()} old {t.replace('_', ' ')}",
                    "sql": sql,
                    "owner_email": rng.choice(team),
                    "tags": rng.sample(["report", "ops", "cleanup", "finance"], 1),
                    "run_count": rng.randint(0, 40),
                    "last_run_at": s.at(days=-rng.randint(1, 30)),
                    "created_at": s.at(days=-rng.randint(31, 120)),
                },
            )
    roles = (
        "admin",
        "developer",
        "analyst",
        "service",
        "developer",
        "admin",
        "analyst",
        "developer",
        "service",
        "developer",
    )
    for i, role in enumerate(roles):
        p = s.people[i]
        grants = [
            {
                "database_id": db["id"],
                "privileges": ["select"]
                if role == "analyst"
                else sorted(rng.sample(["select", "insert", "update", "delete"], rng.randint(1, 4))),
            }
            for db in rng.sample(dbs, rng.randint(1, 3))
        ]
        ctx.insert(
            "db_user",
            {
                "username": (
                    f"{p.first_name}_{p.last_name}".lower().replace("'", "").replace("-", "_")
                    if role != "service"
                    else f"svc_{rng.choice(_DBS)}_{i}"
                )[:30],
                "email": p.email,
                "role": role,
                "locked": i == 7,
                "grants": grants,
                "password_rotated_on": s.date(-rng.randint(5, 200)),
                "created_at": s.at(days=-rng.randint(100, 700)),
            },
        )


bp.product("quarrybase", "Quarrybase", "Managed database console: databases, tables, saved SQL and backups.")
bp.product(
    "schemalith",
    "Schemalith",
    "Schema and access administration for relational databases.",
    style="camel",
    pagination="cursor",
    drop=("delete_saved_query", "search_tables", "list_stale_backups"),
)
bp.product(
    "dbtorrentia",
    "DBTorrentia",
    "Backup-first database operations platform.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("update_database",),
)
bp.product(
    "pgmarlin",
    "PgMarlin",
    "Lightweight admin panel for small database fleets.",
    prefix="pgmarlin",
    drop=(
        "search_databases",
        "search_saved_queries",
        "update_saved_query",
        "delete_saved_query",
        "search_tables",
        "delete_table",
        "delete_db_user",
        "list_stale_backups",
        "list_largest_tables",
        "prune_backups",
    ),
)
bp.product(
    "sqlvane",
    "SQLVane",
    "Database fleet management with users, grants and query library.",
    verbs={"list": "browse", "search": "find"},
    pagination="cursor",
)
