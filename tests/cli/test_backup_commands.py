"""`safedesk backup --out FILE` and `safedesk restore FILE` through the real command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from safedesk.cli import main
from safedesk.db.backup import compare_databases
from safedesk.db.engine import Database
from safedesk.db.lock import acquire
from safedesk.db.units import UnitFields, add_unit


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def units(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name_kk FROM units ORDER BY id")]


@pytest.mark.sqlite_only("backup and restore copy the SQLite file")
def test_backup_while_the_window_holds_the_database(
    db: Database, tmp_path: Path, safedesk_home: Path
) -> None:
    """A separate process backs up while this one holds the lock and is mid-transaction."""
    assert db.path is not None
    with db.write() as s:
        add_unit(s, UnitFields("Кеніш", "Рудник"))
    lock = acquire(db.path, "officer")
    out = tmp_path / "backup.db"
    try:
        with db.write() as s:
            add_unit(s, UnitFields("Әлі сақталмаған", "Ещё не сохранено"))
            s.flush()
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "safedesk",
                    "--db",
                    str(db.path),
                    "backup",
                    "--out",
                    str(out),
                ],
                capture_output=True,
                text=True,
                timeout=60,
                env=dict(os.environ, SAFEDESK_HOME=str(safedesk_home)),
            )
    finally:
        if lock is not None:
            lock.release()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert "Backed up" in result.stderr
    assert units(out) == ["Кеніш"]  # what was committed, nothing half-written


@pytest.mark.sqlite_only("backup and restore copy the SQLite file")
def test_restore_keeps_a_safety_copy_and_restores_every_row(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert db.path is not None
    with db.write() as s:
        add_unit(s, UnitFields("Кеніш", "Рудник"))
    backup = tmp_path / "monday.db"
    assert run(capsys, "--db", str(db.path), "backup", "--out", str(backup))[0] == 0
    with db.write() as s:
        add_unit(s, UnitFields("Қате", "Ошибка"))
    code, out, err = run(capsys, "--db", str(db.path), "restore", str(backup))
    assert code == 0, err
    assert compare_databases(db.path, backup) == []
    assert "units\t1" in out.splitlines()
    assert "was saved as" in err and "Restored" in err
    (safety,) = (db.path.parent / "backups").glob("*-before-restore.db")
    assert units(safety) == ["Кеніш", "Қате"]


@pytest.mark.sqlite_only("backup and restore copy the SQLite file")
def test_restore_is_refused_while_another_safedesk_holds_the_database(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.db"
    assert run(capsys, "--db", str(db_path), "backup", "--out", str(backup))[0] == 0
    lock = acquire(db_path, "Гүлнар")
    try:
        before = db_path.read_bytes()
        code, _out, err = run(capsys, "--db", str(db_path), "restore", str(backup))
    finally:
        assert lock is not None
        lock.release()
    assert code == 1
    assert "in use by Гүлнар" in err and "Nothing was changed" in err
    assert db_path.read_bytes() == before


@pytest.mark.sqlite_only("backup and restore copy the SQLite file")
def test_backup_does_not_overwrite_without_force(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.db"
    out.write_text("precious")
    code, _out, err = run(capsys, "--db", str(db_path), "backup", "--out", str(out))
    assert code == 1 and "nothing was overwritten" in err
    assert out.read_text() == "precious"
    assert run(capsys, "--db", str(db_path), "backup", "--out", str(out), "--force")[0] == 0
    assert compare_databases(db_path, out) == []


@pytest.mark.sqlite_only("backup and restore copy the SQLite file")
def test_restore_of_a_file_that_is_not_a_backup_says_so(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "roster.xlsx"
    bogus.write_bytes(b"PK\x03\x04 not a database")
    before = db_path.read_bytes()
    code, _out, err = run(capsys, "--lang", "ru", "--db", str(db_path), "restore", str(bogus))
    assert code == 1 and str(bogus) in err
    assert db_path.read_bytes() == before


def test_backup_of_a_server_database_points_to_its_tools(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys,
        "--db",
        "postgresql+psycopg://u:secret@db.local/safedesk",
        "backup",
        "--out",
        str(tmp_path / "x.db"),
    )
    assert code == 1 and "pg_dump" in err and "secret" not in err
