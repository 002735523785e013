"""A stale save is refused with the current values shown (issue 11, point 7).

Two people have the same employee card open, each on their own connection to the
file. The first saves; the second's save is refused, the dialog stays open with what
was typed, and names the field the first one changed with its value stored now.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database, open_database
from safedesk.db.models import Employee
from safedesk.ui.dialogs.employee import EmployeeDialog


@pytest.fixture
def other_db(staffed_db: Database, db_path: Path) -> Iterator[Database]:
    """The same file opened by a second user, as a second SafeDesk would."""
    database = open_database(db_path, user="second")
    yield database
    database.dispose()


def first_employee(db: Database) -> int:
    with db.session() as s:
        found = s.scalars(select(Employee.id).where(Employee.surname == "Әбілова")).first()
        assert found is not None
        return found


def test_the_second_save_is_refused_and_names_what_changed(
    staffed_db: Database, other_db: Database, qtbot: QtBot
) -> None:
    employee_id = first_employee(staffed_db)
    first = EmployeeDialog(staffed_db, employee_id)
    second = EmployeeDialog(other_db, employee_id)
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.show()

    first.surname.setText("Әбілова-Сейітова")
    first.accept()
    assert not first.isVisible()  # saved

    second.personnel_no.setText("T-117")
    second.clothing_size.setText("52-54")
    second.accept()

    assert second.isVisible()  # refused, nothing lost
    assert second.personnel_no.text() == "T-117"
    assert second.clothing_size.text() == "52-54"
    assert second.surname.text() == "Әбілова"  # the input stays as it was on screen
    message = second.message.text()
    assert "Someone else changed this record" in message
    assert "Surname: «Әбілова-Сейітова»" in message  # the field and its stored value
    assert "Personnel No.: (empty)" in message  # what the second one typed differs too
    assert "Name:" not in message  # unchanged fields are not named
    assert second.surname.property("invalid") is True
    assert "Әбілова-Сейітова" in second.surname.toolTip()
    with staffed_db.session() as s:
        row = s.get(Employee, employee_id)
        assert row is not None
        assert (row.surname, row.personnel_no) == ("Әбілова-Сейітова", "")  # not overwritten

    second.surname.setText("Әбілова-Сейітова")  # takes the stored value, keeps the rest
    second.accept()
    assert not second.isVisible()
    with staffed_db.session() as s:
        row = s.get(Employee, employee_id)
        assert row is not None
        assert (row.surname, row.personnel_no, row.clothing_size) == (
            "Әбілова-Сейітова",
            "T-117",
            "52-54",
        )
