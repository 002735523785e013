"""trigram text search on the big registers (issue 12)

On SQLite (3.34 or later, whose FTS5 has the trigram tokenizer): for each register of
`safedesk.db.text_search.SEARCH_INDEXES`, an FTS5 table `<table>_fts` over its free-text
columns, external content (the text is not stored twice), kept in sync by triggers on
insert, update and delete, and filled from the rows there are. Without the trigram
tokenizer nothing is made and the pages search with LIKE as before.

On PostgreSQL: GIN indexes `trgm_<table>_<column>` on lower(column) with pg_trgm, if the
extension exists or can be created by this user; otherwise nothing (ILIKE as before).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28
"""

from __future__ import annotations

from typing import Any

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _has_trigram(bind: Any) -> bool:
    try:
        bind.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.sd_trigram_probe USING fts5(x, tokenize='trigram')"
        )
    except Exception:  # no FTS5, or a SQLite older than 3.34
        return False
    bind.exec_driver_sql("DROP TABLE temp.sd_trigram_probe")
    return True


def sqlite_statements(table: str, columns: tuple[str, ...]) -> list[str]:
    """The FTS table and its triggers for `table` (also used by the demo to remake them)."""
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
        "content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN {delete} {add} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    from safedesk.db.text_search import PG_INDEX_PREFIX, SEARCH_INDEXES

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        if not _has_trigram(bind):
            return
        for table, columns in SEARCH_INDEXES.items():
            for statement in sqlite_statements(table, columns):
                bind.exec_driver_sql(statement)
    elif bind.dialect.name == "postgresql":
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # not installed, or this user may not create it: ILIKE as before
            return
        for table, columns in SEARCH_INDEXES.items():
            for c in columns:
                bind.exec_driver_sql(
                    f"CREATE INDEX IF NOT EXISTS {PG_INDEX_PREFIX}{table}_{c} "
                    f"ON {table} USING gin (lower({c}) gin_trgm_ops)"
                )


def downgrade() -> None:
    from safedesk.db.text_search import PG_INDEX_PREFIX, SEARCH_INDEXES

    bind = op.get_bind()
    for table, columns in SEARCH_INDEXES.items():
        if bind.dialect.name == "sqlite":
            fts = f"{table}_fts"
            for suffix in ("ai", "ad", "au"):
                bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            bind.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}")
        elif bind.dialect.name == "postgresql":
            for c in columns:
                bind.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX_PREFIX}{table}_{c}")
