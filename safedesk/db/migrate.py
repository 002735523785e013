"""Bringing a database to this program's schema, after a backup (DESIGN.md §2)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, text

from safedesk.db.engine import Database, translate_db_error
from safedesk.db.schema import HEAD, SchemaState, schema_state
from safedesk.errors import DatabaseProblem
from safedesk.i18n import N_

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def backup_sqlite_file(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others write)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _alembic_upgrade(db: Database) -> None:
    # Alembic costs ~0.6 s to import: only paid when there is something to migrate.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        if conn.dialect.name == "postgresql":
            sync_sequences(conn)


def sync_sequences(conn: Connection) -> None:
    """Move each serial `id`'s sequence past the table's largest id (PostgreSQL).

    Migrations seed reference rows with explicit ids, which do not advance the sequence:
    without this the first row a service adds would collide with id 1.
    """
    tables = conn.execute(
        text(
            "SELECT table_name, pg_get_serial_sequence(quote_ident(table_name), 'id') "
            "FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'id'"
        )
    ).all()
    for table, sequence in tables:
        if sequence is None:
            continue
        name = conn.dialect.identifier_preparer.quote(table)
        conn.execute(
            text(
                f"SELECT setval(:sequence, coalesce(max(id), 1), max(id) IS NOT NULL) "
                f"FROM {name}"
            ),
            {"sequence": sequence},
        )


def prepare(db: Database) -> Path | None:
    """Create or migrate the schema; return the backup made before migrating, if any.

    Refuses a database from a newer SafeDesk and one that is not a SafeDesk database:
    writing to either could destroy what is in it.
    """
    try:
        state, version = schema_state(db.engine)
    except Exception as e:
        problem = translate_db_error(e, db.display_name)
        if problem is None:
            raise
        raise problem from e
    if state is SchemaState.CURRENT:
        return None
    if state is SchemaState.NEWER:
        raise DatabaseProblem(
            N_(
                "The database {path} was made by a newer SafeDesk (schema {version}). "
                "Install the newer version to open it; nothing was changed."
            ),
            path=db.display_name,
            version=version,
        )
    if state is SchemaState.FOREIGN:
        raise DatabaseProblem(
            N_("{path} is not a SafeDesk database; nothing was changed."), path=db.display_name
        )
    backup = None
    if state is SchemaState.OLDER and db.path is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite_file(
            db.path, db.path.parent / "backups" / f"{db.path.stem}-before-{HEAD}-{stamp}.db"
        )
    try:
        _alembic_upgrade(db)
    except Exception as e:
        problem = translate_db_error(e, db.display_name)
        if problem is None:
            raise
        raise problem from e
    return backup
