"""Full disk and read-only media: the failed write is a message and the database is intact."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database, open_database
from safedesk.db.models import AuditEntry, Employee
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.ids import check_digit
from safedesk.errors import DatabaseProblem

pytestmark = pytest.mark.sqlite_only("a full disk and read-only media under the SQLite file")

TODAY = dt.date(2026, 11, 28)


def cap_file_size(db: Database) -> None:
    """Cap the file a few pages above its size (max_page_count): a disk about to be full."""
    assert db.path is not None
    db.engine.dispose()
    with sqlite3.connect(db.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]

    def cap(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 3}")

    event.listen(db.engine, "connect", cap)


def people() -> Iterator[EmployeeFields]:
    """Distinct valid IINs (born 8 Oct 1987) with long names, so pages fill fast."""
    for serial in range(1000, 10_000):
        first = f"8710084{serial:04d}"
        digit = check_digit(first)
        if digit is not None:
            yield EmployeeFields(
                iin=f"{first}{digit}", surname="Әбілова" * 20, name=f"Гүлнар {serial}"
            )


def test_full_disk_during_a_service_write_keeps_the_database_intact(db: Database) -> None:
    cap_file_size(db)
    saved: list[str] = []
    failed: EmployeeFields | None = None
    for fields in people():
        try:
            with db.write() as s:
                add_employee(s, fields, TODAY)
        except DatabaseProblem as e:
            assert e.message() == f"The disk holding {db.display_name} is full. Nothing was saved."
            failed = fields
            break
        saved.append(fields.iin)
    assert failed is not None and saved  # some went in, then the disk was full
    with db.session() as s:
        stored = set(s.scalars(select(Employee.iin)))
        assert stored == set(saved)  # every earlier save kept, the failed one not half-saved
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == len(saved)
    assert db.path is not None
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert check_database(db).ok
    # Room again (as after freeing the disk): the same input saves.
    db.engine.dispose()
    fresh = open_database(db.path, user="tester")
    with fresh.write() as s:
        add_employee(s, failed, TODAY)
    assert check_database(fresh).ok
    fresh.dispose()


def test_database_on_read_only_media_is_refused_then_readable(db_path: Path) -> None:
    # chmod does not stop root (tests may run as root), so the medium is simulated the
    # way SQLite sees a CD: a connection that cannot write. The app opens it read-only.
    viewer = open_database(db_path, read_only=True)
    with pytest.raises(DatabaseProblem) as caught, viewer.write() as s:
        add_unit(s, UnitFields("Цех", "Цех"))
    assert "read-only" in caught.value.message() and "Nothing was saved" in caught.value.message()
    assert check_database(viewer).ok
    viewer.dispose()
