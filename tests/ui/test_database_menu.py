"""The Database menu, the start/close backups, a held database, a full disk — in the window."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from safedesk.app import attach_database, close_database
from safedesk.db.backup import compare_databases, list_backups
from safedesk.db.engine import Database
from safedesk.db.lock import acquire
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.ids import check_digit
from safedesk.ui.dialogs import database_tools
from safedesk.ui.dialogs.employee import EmployeeDialog
from safedesk.ui.main_window import MainWindow


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click `button` on the next message box that appears, and keep its text."""
    tries = [0]

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        elif tries[0] < 1000:
            tries[0] += 1
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


@pytest.fixture
def second_window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    close_database(w)


def test_database_menu_offers_backup_restore_and_check(window: MainWindow) -> None:
    names = {a.objectName() for a in window.findChildren(QAction)}
    assert {"back_up_now", "restore_from_file", "check_now"} <= names
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Database" in titles


def test_back_up_and_restore_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    db = window.db
    assert db is not None and db.path is not None
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    backup = database_tools.back_up_now(window, str(tmp_path / "by-hand.db"))
    assert backup is not None and "was saved as" in seen[-1]
    with db.write() as s:
        add_unit(s, UnitFields("Қате енгізілді", "Ошибочный"))
    answer_next_box(QMessageBox.StandardButton.Yes, seen)  # "Replace everything…?"
    answer_next_box(QMessageBox.StandardButton.Ok, seen)  # "… rows were restored"
    assert database_tools.restore_from_file(window, str(backup))
    assert "saved first" in seen[-2] and "rows were restored" in seen[-1]
    assert compare_databases(db.path, backup) == []


def test_check_from_the_window_names_the_broken_entry(window: MainWindow) -> None:
    assert window.db is not None and window.db.path is not None
    with sqlite3.connect(window.db.path) as conn:
        conn.execute("UPDATE audit_log SET user = 'mallory' WHERE id = 2")
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    assert database_tools.check_now(window) is False
    assert "Audit log: entry 2" in seen[0]


def test_start_and_close_make_backups_and_let_go_of_the_lock(
    staffed_db: Database, second_window: MainWindow
) -> None:
    path = staffed_db.path
    assert path is not None
    assert attach_database(second_window, str(path))
    db = second_window.db
    assert db is not None and not db.read_only
    folder = path.parent / "backups"
    assert [b.reason for b in list_backups(folder, path)] == ["start"]
    with db.write() as s:
        add_unit(s, UnitFields("Жаңа", "Новый"))
    close_database(second_window)
    second_window.db = None
    assert sorted(b.reason for b in list_backups(folder, path)) == ["close", "start"]
    free = acquire(path, "next")
    assert free is not None
    free.release()


def test_held_database_opens_read_only_and_a_save_keeps_the_input(
    staffed_db: Database, second_window: MainWindow, qtbot: QtBot
) -> None:
    path = staffed_db.path
    assert path is not None
    lock = acquire(path, "Гүлнар")
    assert lock is not None
    try:
        seen: list[str] = []
        answer_next_box(QMessageBox.StandardButton.Yes, seen)
        assert attach_database(second_window, str(path))
        assert "in use by Гүлнар" in seen[0] and "read-only" in seen[0]
        db = second_window.db
        assert db is not None and db.read_only
        dialog = EmployeeDialog(db, parent=second_window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.iin.setText("871008401427")
        dialog.surname.setText("Жаңа")
        dialog.accept()
        assert dialog.isVisible()
        assert "opened read-only" in dialog.message.text()
        assert (dialog.iin.text(), dialog.surname.text()) == ("871008401427", "Жаңа")
    finally:
        lock.release()


def test_declining_read_only_closes_the_second_window(
    staffed_db: Database, second_window: MainWindow
) -> None:
    assert staffed_db.path is not None
    lock = acquire(staffed_db.path, "Гүлнар")
    assert lock is not None
    try:
        answer_next_box(QMessageBox.StandardButton.No, [])
        assert attach_database(second_window, str(staffed_db.path)) is False
        assert second_window.db is None
    finally:
        lock.release()


def test_full_disk_in_the_dialog_keeps_what_was_typed(staffed_db: Database, qtbot: QtBot) -> None:
    db = staffed_db
    assert db.path is not None
    db.engine.dispose()
    with sqlite3.connect(db.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]

    def cap(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 3}")

    event.listen(db.engine, "connect", cap)
    for serial in range(1000, 10_000):
        first = f"9001014{serial:04d}"
        digit = check_digit(first)
        if digit is None:
            continue
        dialog = EmployeeDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.iin.setText(f"{first}{digit}")
        dialog.surname.setText("Сейітқали" * 20)
        dialog.name.setText(f"Нұрлан {serial}")
        dialog.accept()
        if dialog.isVisible():
            break
    else:
        pytest.fail("the disk never filled")
    assert "is full. Nothing was saved." in dialog.message.text()
    assert dialog.iin.text() == f"{first}{digit}" and dialog.name.text() == f"Нұрлан {serial}"
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_stale_save_in_the_dialog_is_refused_and_keeps_the_input(
    staffed_db: Database, qtbot: QtBot
) -> None:
    from sqlalchemy import select

    from safedesk.db.models import Employee

    with staffed_db.session() as s:
        employee_id = s.scalars(select(Employee.id).order_by(Employee.id)).first()
    assert employee_id is not None
    first, second = EmployeeDialog(staffed_db, employee_id), EmployeeDialog(staffed_db, employee_id)
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.show()
    first.personnel_no.setText("A-1")
    first.accept()
    assert not first.isVisible()
    second.personnel_no.setText("B-2")
    second.accept()
    assert second.isVisible() and "Someone else changed this record" in second.message.text()
    assert second.personnel_no.text() == "B-2"
    with staffed_db.session() as s:
        saved = s.get(Employee, employee_id)
        assert saved is not None and saved.personnel_no == "A-1"
