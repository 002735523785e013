"""Two officers, two real connections to one server, the same record (issue 13, point 4).

The first save wins; the second, made from the copy read before it, is refused with the
values stored now, and nothing of either is lost — on PostgreSQL as on a file.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee, fields_of, update_employee
from safedesk.db.engine import Database
from safedesk.db.models import Employee
from safedesk.errors import StaleRecord
from safedesk.ui.dialogs.employee import EmployeeDialog

TODAY = dt.date(2026, 11, 28)
Opener = Callable[[str], Database]


def hire(db: Database) -> int:
    with db.write() as s:
        return add_employee(
            s,
            EmployeeFields(
                iin="871008401427",
                surname="Әбілова",
                name="Гүлнар",
                hire_date=dt.date(2015, 3, 1),
            ),
            TODAY,
        ).id


@pytest.fixture
def officers(open_as: Opener, server_user: Callable[[str], str]) -> tuple[Database, Database]:
    return open_as(server_user("officer")), open_as(server_user("officer"))


def test_the_second_concurrent_save_is_refused(officers: tuple[Database, Database]) -> None:
    first, second = officers
    employee_id = hire(first)
    with second.session() as s:
        row = s.get(Employee, employee_id)
        assert row is not None
        seen_version, seen = row.version, fields_of(row)

    outcome: list[BaseException | None] = []
    started = threading.Event()

    def second_saves() -> None:
        started.wait()
        seen.personnel_no = "T-117"
        try:
            with second.write() as s:  # queues behind the first writer on the server
                update_employee(s, employee_id, seen_version, seen, TODAY)
            outcome.append(None)
        except BaseException as e:  # handed to the test thread
            outcome.append(e)

    worker = threading.Thread(target=second_saves)
    worker.start()
    with first.write() as s:
        row = s.get(Employee, employee_id)
        assert row is not None
        changed = fields_of(row)
        changed.surname = "Әбілова-Сейітова"
        update_employee(s, employee_id, row.version, changed, TODAY)
        started.set()  # the second save starts while this transaction is still open
    worker.join(timeout=30)
    assert len(outcome) == 1 and isinstance(outcome[0], StaleRecord)
    with first.session() as s:
        row = s.get(Employee, employee_id)
        assert row is not None
        assert (row.surname, row.personnel_no, row.version) == ("Әбілова-Сейітова", "", 2)
    assert check_database(first).ok


def test_the_record_dialog_shows_what_the_other_officer_stored(
    officers: tuple[Database, Database], qtbot: QtBot
) -> None:
    first_db, second_db = officers
    employee_id = hire(first_db)
    first = EmployeeDialog(first_db, employee_id)
    second = EmployeeDialog(second_db, employee_id)
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.show()

    first.surname.setText("Әбілова-Сейітова")
    first.accept()
    assert not first.isVisible()

    second.personnel_no.setText("T-117")
    second.accept()
    assert second.isVisible()  # refused; what was typed stays
    assert second.personnel_no.text() == "T-117"
    message = second.message.text()
    assert "Someone else changed this record" in message
    assert "Surname: «Әбілова-Сейітова»" in message
    assert "Name:" not in message

    second.surname.setText("Әбілова-Сейітова")
    second.accept()  # saved knowing the current values
    assert not second.isVisible()
    with first_db.session() as s:
        row = s.get(Employee, employee_id)
        assert row is not None
        assert (row.surname, row.personnel_no, row.version) == ("Әбілова-Сейітова", "T-117", 3)
        assert {row.created_by} <= {first_db.user}
    assert check_database(first_db).ok
