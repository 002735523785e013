"""Migrations on empty, current, populated, newer and foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from safedesk.db.engine import open_database
from safedesk.db.migrate import MIGRATIONS_DIR, prepare
from safedesk.db.schema import HEAD, REVISIONS, SchemaState, schema_state
from safedesk.errors import DatabaseProblem


def test_revisions_list_matches_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    ordered = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(ordered) == REVISIONS
    assert scripts.get_current_head() == HEAD


def test_models_and_migrations_agree(db_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from safedesk.db.models import Base
    from safedesk.db.text_search import include_object

    db = open_database(db_path)
    with db.engine.connect() as conn:
        # The search indexes of migration 0012 (FTS5 tables and their shadow tables on
        # SQLite, pg_trgm indexes on PostgreSQL) are made by hand, not by the models.
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    assert prepare(db) is None
    assert schema_state(db.engine) == (SchemaState.CURRENT, HEAD)


def test_populated_file_at_head_is_left_alone(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO units (name_kk, name_ru, code, created_at, updated_at, "
                "created_by, version) VALUES ('Цех', 'Цех', '', '2026-01-01', "
                "'2026-01-01', 't', 1)"
            )
        )
    assert prepare(db) is None
    with db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM units")) == 1


@pytest.mark.sqlite_only("the backup before migrating copies the SQLite file")
def test_backup_copy_holds_every_row(db_path: Path, tmp_path: Path) -> None:
    from safedesk.db.migrate import backup_sqlite_file

    db = open_database(db_path)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO units (name_kk, name_ru, code, created_at, updated_at, "
                "created_by, version) VALUES ('Цех', 'Цех', '', '2026-01-01', "
                "'2026-01-01', 't', 1)"
            )
        )
    copy = backup_sqlite_file(db_path, tmp_path / "backups" / "copy.db")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name_kk FROM units").fetchall() == [("Цех",)]


@pytest.mark.sqlite_only("edits and compares the bytes of the SQLite file")
def test_newer_schema_is_refused_and_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseProblem) as caught:
        prepare(open_database(db_path))
    assert "newer SafeDesk" in caught.value.message()
    assert db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseProblem) as caught:
        prepare(open_database(path))
    assert "not a SafeDesk database" in caught.value.message()


def test_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roster.db"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database")
    with pytest.raises(DatabaseProblem) as caught:
        open_database(path)
    assert "not an SQLite file" in caught.value.message()


@pytest.mark.sqlite_only("opens the SQLite file read-only")
def test_write_to_read_only_database_is_a_message_not_a_crash(db_path: Path) -> None:
    # As the user sees it on a CD or a share without write rights (root ignores chmod).
    db = open_database(f"sqlite+pysqlite:///file:{db_path}?mode=ro&uri=true")
    from safedesk.db.units import UnitFields, add_unit

    with pytest.raises(DatabaseProblem) as caught, db.write() as s:
        add_unit(s, UnitFields("Цех", "Цех"))
    assert "read-only" in caught.value.message()


@pytest.mark.sqlite_only("SQLite's file lock")
def test_locked_database_is_a_message_not_a_crash(db_path: Path) -> None:
    import safedesk.db.engine as engine

    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        old = engine.BUSY_TIMEOUT_MS
        engine.BUSY_TIMEOUT_MS = 50  # do not wait 5 s in a test
        try:
            db = open_database(db_path)
            from safedesk.db.units import UnitFields, add_unit

            with pytest.raises(DatabaseProblem) as caught, db.write() as s:
                add_unit(s, UnitFields("Цех", "Цех"))
        finally:
            engine.BUSY_TIMEOUT_MS = old
    finally:
        holder.rollback()
        holder.close()
    assert "locked by another program" in caught.value.message()


@pytest.mark.sqlite_only("edits and compares the bytes of the SQLite file")
def test_damaged_file_is_a_message_not_a_crash(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the schema page
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem) as caught:
        prepare(open_database(db_path))
    assert "damaged" in caught.value.message()


def _alembic(db_path: Path | str, action: str, revision: str, before: str = "") -> None:
    """Run alembic `action` ('upgrade'/'downgrade') to `revision` on the test database,
    after `before` (SQL) in the same transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    db = open_database(db_path)
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            if before:
                conn.execute(text(before))
            getattr(command, action)(config, revision)
    finally:
        db.dispose()


ORGANISATION_AT_0017 = (
    "INSERT INTO organisation (name_kk, name_ru, bin, address, head_name, head_position, "
    "headcount, phone, email, created_at, updated_at, created_by, version) VALUES "
    "('«Шығыс» ЖШС', 'ТОО «Шыгыс»', '940140000385', '', 'Сейітқазы Н.Ө.', "
    "'Бас директор / Генеральный директор', 60, '', '', '2026-01-01', '2026-01-01', 't', 1), "
    "('«Батыс» ЖШС', 'ТОО «Батыс»', '940140000385', '', 'Иванов И.И.', "
    "'Генеральный директор', 12, '', '', '2026-01-01', '2026-01-01', 't', 1)"
)


def test_0018_keeps_the_head_position_in_both_languages(db_path: Path) -> None:
    _alembic(db_path, "downgrade", "0017")
    _alembic(db_path, "upgrade", "head", before=ORGANISATION_AT_0017)
    db = open_database(db_path)
    try:
        assert schema_state(db.engine) == (SchemaState.CURRENT, HEAD)
        with db.session() as s:
            rows = s.execute(
                text(
                    "SELECT name_ru, head_position_kk, head_position_ru FROM organisation "
                    "ORDER BY id"
                )
            ).all()
            columns = {c["name"] for c in inspect(db.engine).get_columns("organisation")}
    finally:
        db.dispose()
    assert [tuple(r) for r in rows] == [
        ("ТОО «Шыгыс»", "Бас директор", "Генеральный директор"),
        ("ТОО «Батыс»", "Генеральный директор", "Генеральный директор"),
    ]
    assert "head_position" not in columns
    # And back: one field again, 'kk / ru' where the two differ.
    _alembic(db_path, "downgrade", "0017")
    db = open_database(db_path)
    try:
        with db.session() as s:
            back = s.scalars(text("SELECT head_position FROM organisation ORDER BY id")).all()
    finally:
        db.dispose()
    assert back == ["Бас директор / Генеральный директор", "Генеральный директор"]
