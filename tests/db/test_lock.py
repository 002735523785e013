"""One writer at a time: the holder file, stale locks after a kill, read-only databases."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from safedesk.db.engine import Database, open_database
from safedesk.db.lock import DatabaseHeld, acquire, is_network_path, lock_path
from safedesk.db.models import Unit
from safedesk.db.units import UnitFields, add_unit
from safedesk.errors import DatabaseProblem


@pytest.mark.sqlite_only("the holder file next to the SQLite file")
def test_second_writer_is_told_who_holds_the_database(db_path: Path) -> None:
    first = acquire(db_path, "Гүлнар")
    assert first is not None
    try:
        with pytest.raises(DatabaseHeld) as caught:
            acquire(db_path, "Ерлан")
        held = caught.value
        assert held.holder.user == "Гүлнар" and held.holder.pid == os.getpid()
        assert f"in use by Гүлнар on {held.holder.machine} since" in held.message()
    finally:
        first.release()
    assert not lock_path(db_path).exists()
    again = acquire(db_path, "Ерлан")
    assert again is not None and again.holder.user == "Ерлан"
    again.release()


@pytest.mark.sqlite_only("the holder file next to the SQLite file")
def test_lock_of_a_killed_program_is_stale_and_taken_over(db_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from safedesk.db.lock import acquire
                lock = acquire(Path({str(db_path)!r}), "crashed")
                print("held", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseHeld) as caught:
            acquire(db_path, "me")
        assert caught.value.holder.user == "crashed"
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()
    assert lock_path(db_path).exists()  # left behind by the kill...
    taken = acquire(db_path, "me")  # ...and taken over: the OS let go of its lock
    assert taken is not None and taken.holder.user == "me"
    taken.release()


@pytest.mark.sqlite_only("the holder file next to the SQLite file")
def test_garbage_holder_file_does_not_block(db_path: Path) -> None:
    lock_path(db_path).write_bytes(b"\x00\xffnot json")
    taken = acquire(db_path, "me")
    assert taken is not None
    taken.release()


@pytest.mark.sqlite_only("the holder file next to the SQLite file")
def test_lock_is_let_go_when_the_database_is_closed(db_path: Path) -> None:
    db = open_database(db_path)
    lock = acquire(db_path, db.user)
    assert lock is not None
    db.on_dispose.append(lock.release)
    db.dispose()
    free = acquire(db_path, "next")
    assert free is not None
    free.release()


@pytest.mark.sqlite_only("opens the SQLite file read-only")
def test_read_only_database_reads_and_refuses_writes_with_a_message(db: Database) -> None:
    assert db.path is not None
    with db.write() as s:
        add_unit(s, UnitFields("Кеніш", "Рудник"))
    viewer = open_database(db.path, read_only=True)
    try:
        with viewer.session() as s:
            assert s.scalar(select(func.count()).select_from(Unit)) == 1
        with pytest.raises(DatabaseProblem) as caught, viewer.write() as s:
            add_unit(s, UnitFields("Жоқ", "Нет"))
        assert "opened read-only" in caught.value.message()
        with viewer.engine.connect() as conn, pytest.raises(Exception, match="readonly"):
            conn.execute(text("DELETE FROM units"))  # SQLite itself refuses too
    finally:
        viewer.dispose()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 1


def test_read_only_open_of_a_missing_file_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem) as caught:
        open_database(tmp_path / "none.db", read_only=True)
    assert "does not exist" in caught.value.message()


@pytest.mark.parametrize(
    ("path", "network"),
    [
        (r"\\fileserver\ohs\safedesk.db", True),
        (r"\\192.168.1.10\share$\data\safedesk.db", True),
        ("/tmp/safedesk.db", False),
    ],
)
def test_network_paths_are_recognised(path: str, network: bool) -> None:
    assert is_network_path(path) is network


def test_local_folder_is_not_a_network_share(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path / "safedesk.db")
