"""How people ask for the database-administration actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "set_database_status": Intent(
        (
            "switch {database} to {status} mode",
            "put {database} into {status}",
            "set the status of {database} to {status}",
            "change {database} over to {status}",
        ),
        choices={"status": ("online", "read_only", "maintenance")},
        why=(
            "we are about to run a migration",
            "the maintenance window is over",
            "we need to freeze writes for the audit",
        ),
        past="switched",
    ),
    "run_saved_query": Intent(
        (
            "run {saved_query}",
            "execute {saved_query} now",
            "kick off {saved_query} against its database",
            "fire off {saved_query} now",
        ),
        report={"rows_affected": "rows affected", "statement": "kind of statement"},
        why=(
            "the weekly report needs fresh numbers",
            "the cleanup job did not run last night",
            "finance asked for it",
        ),
        past="run",
    ),
    "create_backup": Intent(
        (
            "back up {database} and keep the copy for {retention_days} days",
            "take a backup of {database} with {retention_days} days of retention",
            "make a fresh backup of {database}, retained for {retention_days} days",
            "snapshot {database} now and hold onto it for {retention_days} days",
        ),
        choices={"retention_days": (7, 14, 30, 90)},
        report={"size_mb": "backup size in MB"},
        why=(
            "we are deploying a schema change tonight",
            "the last backup is over a week old",
            "compliance wants a fresh copy",
        ),
        past="backed up",
    ),
    "restore_backup": Intent(
        (
            "restore {backup}",
            "roll the database back to {backup}",
            "bring the data back from {backup}",
            "recover the database using {backup}",
        ),
        why=("a bad migration corrupted the data", "someone deleted rows by mistake"),
        past="restored",
    ),
    "prune_backups": Intent(
        (
            "prune the backups of {database}, keeping only the newest {keep_latest}",
            "delete old backups of {database} so just the latest {keep_latest} remain",
            "clean up {database} backups down to the {keep_latest} most recent",
            "trim the backups of {database} to the last {keep_latest}",
        ),
        choices={"keep_latest": (1, 2, 3)},
        report={"backups.0.id": "first backup deleted"},
        why=(
            "the backup quota is nearly full",
            "old backups are costing us storage",
            "new backups keep failing on quota",
        ),
        past="pruned",
    ),
    "grant_privileges": Intent(
        (
            "grant {privileges} on {database} to {db_user}",
            "give {db_user} {privileges} rights on {database}",
            "let {db_user} do {privileges} on {database}",
            "add {privileges} privileges for {db_user} on {database}",
        ),
        choices={"privileges": (["select"], ["select", "insert"], ["insert", "update"])},
        why=(
            "they joined the team working on it",
            "they need it for the new dashboard",
            "their ticket was approved",
        ),
        past="granted",
    ),
    "revoke_privileges": Intent(
        (
            "revoke {privileges} on {database} from {db_user}",
            "take {privileges} rights on {database} away from {db_user}",
            "remove {privileges} privileges on {database} from {db_user}",
            "stop {db_user} from doing {privileges} on {database}",
        ),
        choices={"privileges": (["delete"], ["insert", "update"], ["update", "delete"])},
        why=("they moved to another team", "the access review flagged it", "they only need to read now"),
        past="revoked",
    ),
    "set_user_lock": Intent(
        (
            "lock the login of {db_user}",
            "block {db_user} from signing in to the database",
            "lock out {db_user}",
            "disable database access for {db_user} by locking the account",
        ),
        args={"locked": True},
        why=("they left the company", "the credentials may have leaked", "security asked us to"),
        past="locked",
    ),
    "add_table_columns": Intent(
        (
            "add a nullable text column {columns} to {table}",
            "give {table} a new text column called {columns}",
            "alter {table} to add a {columns} column of type text",
            "put an optional text column named {columns} on {table}",
        ),
        choices={"columns": ([{"name": "archived_at"}], [{"name": "notes"}], [{"name": "external_ref"}])},
        why=("the app release next week needs it", "we want to track where records came from"),
        past="altered",
    ),
    "truncate_table": Intent(
        (
            "truncate {table}",
            "empty out {table} but keep its columns",
            "wipe every row from {table}",
            "clear all the data in {table}",
        ),
        why=("it only holds throwaway test data", "we are reloading it from scratch", "it has grown too big"),
        past="truncated",
    ),
    "get_database_usage": Intent(
        (
            "check how much space {database} uses",
            "show me the usage numbers for {database}",
            "look up the size and backup usage of {database}",
            "tell me how big {database} is and how full its backup quota is",
        ),
        report={"data_mb": "data size in MB", "backup_quota_used_pct": "backup quota used (percent)"},
        why=("we are planning storage for next quarter", "backups have started failing", "the bill went up"),
    ),
    "list_largest_tables": Intent(
        (
            "list the {top} largest tables in {database}",
            "find the {top} biggest tables of {database}",
            "show me which {top} tables in {database} take the most space",
            "what are the {top} heaviest tables in {database}",
        ),
        choices={"top": (3, 5, 10)},
        report={"tables.0.name": "largest table", "tables.0.size_mb": "its size in MB"},
        why=("the disk is filling up", "I want to know what to archive first"),
    ),
    "list_stale_backups": Intent(
        (
            "find backups that are past their retention or failed",
            "list the stale backups",
            "show me expired and failed backups",
            "look for backups we should have cleaned up already",
        ),
        report={"backups.0.id": "oldest stale backup", "backups.0.started_at": "when it was taken"},
        why=("the backup quota is getting tight", "the storage audit is this week"),
    ),
}
