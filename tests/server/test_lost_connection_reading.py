"""The server goes away while a page only reads (issue 13): a message, not the crash dialog.

A register re-sorted while an administrator ends the officer's server session, and the
home page's background counts while the server refuses connections, both reached the
"Something unexpected went wrong" dialog. Now the officer reads that the connection
was lost (or refused), the window stays usable, and the same page loads again once the
server answers.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.server_errors import ConnectionLost, ServerRefused
from safedesk.ui.pages.employees import EmployeesPage
from safedesk.ui.pages.home import HomePage
from safedesk.ui.widgets import errors
from safedesk.ui.workers import busy
from tests.server.pg_helpers import admin_execute

Told = tuple[list[str], list[BaseException]]  # messages shown, crash dialogs shown


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> Iterator[Told]:
    """What the user is shown, with the program's own exception hook in place."""
    messages: list[str] = []
    bugs: list[BaseException] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: messages.append(text))
    )
    monkeypatch.setattr(errors, "show_bug", lambda _parent, error: bugs.append(error))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    errors.install_excepthook()  # as `safedesk` runs: slots' errors reach show_error
    yield messages, bugs


def hire(db: Database) -> None:
    with db.write() as s:
        add_employee(
            s,
            EmployeeFields(
                iin="871008401427", surname="Әбілова", name="Гүлнар", hire_date=dt.date(2015, 3, 1)
            ),
            dt.date(2026, 11, 28),
        )


def click_header(qtbot: QtBot, page: EmployeesPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def end_reading_session(
    server_url: URL, login: str, locked: threading.Event, ended: list[int]
) -> None:
    """Lock the employees table; when `login`'s read waits for it, end that session."""
    engine = create_engine(server_url)
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(text("LOCK TABLE employees IN ACCESS EXCLUSIVE MODE"))
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


def test_a_page_cut_off_while_loading_says_the_connection_was_lost_and_loads_again(
    server_url: URL,
    open_as: Callable[[str], Database],
    server_user: Callable[[str], str],
    qtbot: QtBot,
    told: Told,
) -> None:
    messages, bugs = told
    login = server_user("officer")
    db = open_as(login)
    hire(db)
    page = EmployeesPage(db)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 1

    locked, ended = threading.Event(), []
    holder = threading.Thread(target=end_reading_session, args=(server_url, login, locked, ended))
    holder.start()
    assert locked.wait(timeout=20)
    # A click on a column's header reloads the rows in that order: the read waits for
    # the lock until its session is ended.
    QTimer.singleShot(0, lambda: click_header(qtbot, page, 0))  # from the event loop
    qtbot.waitUntil(lambda: bool(messages or bugs), timeout=30_000)
    holder.join(timeout=30)
    assert ended, "the read never waited on the server"

    assert bugs == []  # not the crash dialog...
    assert len(messages) == 1  # ...but the words for it
    assert ConnectionLost.msgid.split("{path}")[0] in messages[0]
    assert db.display_name in messages[0]
    assert page.isVisible()

    click_header(qtbot, page, 1)  # the server answers again
    assert page.model.rowCount() == 1
    assert (messages, bugs) == ([messages[0]], [])


def test_background_counts_on_a_server_refusing_connections_are_told_once(
    server_url: URL,
    pg_admin_url: URL,
    open_as: Callable[[str], Database],
    server_user: Callable[[str], str],
    qtbot: QtBot,
    told: Told,
) -> None:
    messages, bugs = told
    login = server_user("officer")
    db = open_as(login)
    home = HomePage(db)
    qtbot.addWidget(home)
    home.show()
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)
    assert (messages, bugs) == ([], [])

    name = server_url.database
    admin_execute(
        pg_admin_url,
        f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false',
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
    )
    try:
        home.show_more(0)  # the due list counted again, in the background
        qtbot.waitUntil(lambda: not busy(), timeout=30_000)
    finally:
        admin_execute(pg_admin_url, f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    assert bugs == []
    assert len(messages) == 1
    lost, refused = (m.msgid.split("{path}")[0] for m in (ConnectionLost, ServerRefused))
    assert messages[0].startswith((lost, refused))
    assert db.display_name in messages[0]

    home.show_more(0)  # the server is back: counted without a word
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)
    assert home.due_ready
    assert (len(messages), bugs) == (1, [])
