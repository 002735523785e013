from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.units import UnitFields, add_unit
from safedesk.ui.main_window import MainWindow


@pytest.fixture
def staffed_db(db: Database) -> Database:
    """An organisation with two units, a position and three people."""
    with db.write() as s:
        save_organisation(
            s, OrganisationFields("«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385", headcount=120)
        )
        mine = add_unit(s, UnitFields("Кеніш", "Рудник"))
        shop = add_unit(s, UnitFields("Жөндеу цехы", "Ремонтный цех"))
        fitter = add_position(s, PositionFields("Слесарь", "Слесарь"))
        today = dt.date(2026, 11, 28)
        for iin, surname, name, unit in (
            ("871008401427", "Әбілова", "Гүлнар", mine.id),
            ("760212350620", "Ахметов", "Ерлан", shop.id),
            ("061211600012", "Яковлева", "Мария", mine.id),
        ):
            add_employee(
                s,
                EmployeeFields(
                    iin=iin, surname=surname, name=name, unit_id=unit, position_id=fitter.id
                ),
                today,
            )
    return db


@pytest.fixture
def window(staffed_db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow(staffed_db)
    qtbot.addWidget(w)
    w.show()
    yield w
