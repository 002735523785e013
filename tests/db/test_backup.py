"""Backups through the online backup API, rotation, and restore with a safety copy."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from safedesk.db.backup import (
    automatic_backup,
    compare_databases,
    copy_database,
    list_backups,
    restore,
    table_counts,
)
from safedesk.db.check import check_database
from safedesk.db.engine import Database, open_database
from safedesk.db.models import Unit
from safedesk.db.units import UnitFields, add_unit, update_unit
from safedesk.demo import build_demo
from safedesk.errors import DatabaseProblem

pytestmark = pytest.mark.sqlite_only("backups and restores copy the SQLite file")

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def demo_db(db: Database) -> Database:
    build_demo(db, employees=50, years=1, seed=1, today=TODAY)
    return db


def test_round_trip_restores_every_row_exactly(demo_db: Database, tmp_path: Path) -> None:
    path = demo_db.path
    assert path is not None
    backup = copy_database(path, tmp_path / "out" / "copy.db")
    assert compare_databases(path, backup) == []
    before = table_counts(path)
    with demo_db.write() as s:
        add_unit(s, UnitFields("Жаңа цех", "Новый цех"))
        first = s.scalars(select(Unit).order_by(Unit.id)).first()
        assert first is not None
        update_unit(s, first.id, None, UnitFields("Өзгерді", "Изменено"))
    changed = copy_database(path, tmp_path / "changed.db")
    assert compare_databases(path, backup) == ["audit_log", "units"]

    result = restore(backup, path, tmp_path / "safety")

    assert compare_databases(path, backup) == []  # table by table, value by value
    assert result.rows == before and result.total_rows == sum(before.values())
    assert result.safety_copy is not None
    assert compare_databases(result.safety_copy, changed) == []  # the restore can be undone
    # The open program sees the restored data at once, and its trail still holds.
    with demo_db.session() as s:
        assert s.scalar(select(Unit).where(Unit.name_kk == "Жаңа цех")) is None
    assert check_database(demo_db).ok


def test_backup_is_one_checked_file_made_while_a_writer_is_busy(
    demo_db: Database, tmp_path: Path
) -> None:
    path = demo_db.path
    assert path is not None
    writer = sqlite3.connect(path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO units (name_kk, name_ru, code, created_at, updated_at, created_by, "
        "version) VALUES ('Жазылмаған', 'Не записано', '', '2026-01-01', '2026-01-01', 't', 1)"
    )
    try:
        backup = copy_database(path, tmp_path / "busy.db")
    finally:
        writer.rollback()
        writer.close()
    assert not backup.with_name("busy.db-wal").exists()
    assert not backup.with_name("busy.db.part").exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT count(*) FROM units WHERE created_by = 't'").fetchone() == (0,)
    assert compare_databases(path, backup) == []


def test_automatic_backups_skip_when_nothing_changed_and_keep_the_last_n(
    db: Database, tmp_path: Path
) -> None:
    path = db.path
    assert path is not None
    folder = tmp_path / "auto"
    start = dt.datetime(2026, 11, 28, 9, 0)
    made = []
    for i in range(5):
        with db.write() as s:
            add_unit(s, UnitFields(f"Цех {i}", f"Цех {i}"))
        made.append(automatic_backup(path, folder, 3, "start", start + dt.timedelta(minutes=i)))
        # Nothing changed since: the close backup would be the same file again.
        assert automatic_backup(path, folder, 3, "close", start + dt.timedelta(minutes=i)) is None
    manual = copy_database(path, folder / "safedesk-20260101-000000-manual.db")
    automatic_backup(path, folder, 3, "start")  # unchanged: nothing new, nothing rotated
    kept = list_backups(folder, path)
    assert [b.path for b in kept if b.reason == "start"] == made[:1:-1]
    assert manual.exists()  # rotation touches automatic backups only
    with sqlite3.connect(kept[0].path) as conn:
        assert conn.execute("SELECT count(*) FROM units").fetchone() == (5,)


def test_restore_refuses_a_newer_or_foreign_or_damaged_file_untouched(
    db_path: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.db"
    shutil.copyfile(db_path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database")
    damaged = tmp_path / "damaged.db"
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    damaged.write_bytes(bytes(data))
    before = db_path.read_bytes()
    for source, words in (
        (newer, "newer SafeDesk"),
        (foreign, "not a SafeDesk database"),
        (text_file, "not an SQLite file"),
        (damaged, "damaged"),
        (tmp_path / "missing.db", "does not exist"),
        (db_path, "the database itself"),
    ):
        with pytest.raises(DatabaseProblem) as caught:
            restore(source, db_path, tmp_path / "safety")
        assert words in caught.value.message()
    assert db_path.read_bytes() == before
    assert not (tmp_path / "safety").exists()


def test_backup_of_a_missing_database_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem) as caught:
        copy_database(tmp_path / "none.db", tmp_path / "copy.db")
    assert "does not exist" in caught.value.message()


def test_restore_into_a_new_file_needs_no_safety_copy(db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "fresh" / "new.db"
    target.parent.mkdir()
    result = restore(db_path, target, tmp_path / "safety")
    assert result.safety_copy is None
    assert compare_databases(db_path, target) == []
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert check_database(open_database(target)).ok


def test_a_backup_reports_progress_and_a_cancel_leaves_no_file(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safedesk.db import backup as backup_module

    path = demo_db.path
    assert path is not None
    monkeypatch.setattr(backup_module, "PAGES_A_STEP", 8)  # many steps on a small file
    heard: list[tuple[int, int]] = []
    copy_database(
        path, tmp_path / "whole.db", lambda done, total: heard.append((done, total)) or True
    )
    assert len(heard) > 2 and heard[-1][0] == heard[-1][1]
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)

    target = tmp_path / "cancelled.db"
    with pytest.raises(backup_module.BackupCancelled):
        copy_database(path, target, lambda done, total: done < total // 2)
    assert list(tmp_path.glob("cancelled.db*")) == []


def test_a_cancelled_restore_leaves_the_database_as_it_was(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safedesk.db import backup as backup_module

    path = demo_db.path
    assert path is not None
    backup = copy_database(path, tmp_path / "old.db")
    with demo_db.write() as s:
        add_unit(s, UnitFields("Кейін қосылған", "Добавлен позже"))
    now = copy_database(path, tmp_path / "now.db")
    monkeypatch.setattr(backup_module, "PAGES_A_STEP", 8)

    with pytest.raises(backup_module.BackupCancelled):
        restore(backup, path, tmp_path / "safety", lambda done, total: done < total // 2)

    assert compare_databases(path, now) == []
    assert check_database(demo_db).ok
