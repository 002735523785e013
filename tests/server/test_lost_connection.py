"""The server goes away in the middle of a save (issue 13, point 6).

The officer's save is waiting for the write lock another session holds when an
administrator ends the officer's server session (`pg_terminate_backend`), as happens
when the server restarts or the network drops. The dialog keeps what was typed and
says the connection was lost; Save again, once the server answers, stores it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import SERVER_WRITE_LOCK, Database
from safedesk.db.models import Employee
from safedesk.db.server_errors import ConnectionLost
from safedesk.ui.dialogs.employee import EmployeeDialog


def hire(db: Database) -> int:
    with db.write() as s:
        return add_employee(
            s,
            EmployeeFields(
                iin="871008401427", surname="Әбілова", name="Гүлнар", hire_date=dt.date(2015, 3, 1)
            ),
            dt.date(2026, 11, 28),
        ).id


def end_session_of(server_url: URL, login: str, locked: threading.Event, ended: list[int]) -> None:
    """Hold the write lock; when `login`'s save waits for it, end that session."""
    engine = create_engine(server_url)
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SERVER_WRITE_LOCK})
            locked.set()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not ended:
                with engine.connect() as watcher:
                    pid = watcher.scalar(
                        text(
                            "SELECT pid FROM pg_stat_activity WHERE usename = :u "
                            "AND datname = current_database() AND wait_event_type = 'Lock'"
                        ),
                        {"u": login},
                    )
                    if pid is not None:
                        watcher.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
                        ended.append(pid)
                if not ended:
                    time.sleep(0.05)
    finally:
        locked.set()
        engine.dispose()


def test_a_save_cut_off_keeps_the_input_and_succeeds_when_saved_again(
    server_url: URL,
    open_as: Callable[[str], Database],
    server_user: Callable[[str], str],
    qtbot: QtBot,
) -> None:
    login = server_user("officer")
    db = open_as(login)
    employee_id = hire(db)
    dialog = EmployeeDialog(db, employee_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.personnel_no.setText("T-117")
    dialog.clothing_size.setText("52-54")

    locked, ended = threading.Event(), []
    holder = threading.Thread(target=end_session_of, args=(server_url, login, locked, ended))
    holder.start()
    assert locked.wait(timeout=20)
    dialog.accept()  # waits for the lock on the server until its session is ended
    holder.join(timeout=30)
    assert ended, "the save never waited on the server"

    assert dialog.isVisible()  # refused: the dialog stays with the input
    assert dialog.personnel_no.text() == "T-117" and dialog.clothing_size.text() == "52-54"
    assert dialog.message.isVisible()
    assert "connection to the server" in dialog.message.text()
    assert ConnectionLost.msgid.split("{path}")[0] in dialog.message.text()
    with db.session() as s:
        row = s.get(Employee, employee_id)
        assert row is not None and row.personnel_no == ""  # nothing was saved

    dialog.accept()  # the server answers again: the same input is saved
    assert not dialog.isVisible()
    with db.session() as s:
        row = s.get(Employee, employee_id)
        assert row is not None
        assert (row.personnel_no, row.clothing_size, row.version) == ("T-117", "52-54", 2)
    assert check_database(db).ok
