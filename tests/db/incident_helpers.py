"""A unit and three employees for the incident-register tests."""

from __future__ import annotations

import datetime as dt

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.units import UnitFields, add_unit

PEOPLE = (
    ("871008401427", "Әбілова", "Гүлнар"),
    ("760212350620", "Ахметов", "Ерлан"),
    ("061211600012", "Яковлева", "Мария"),
)


def staff(db: Database) -> tuple[int, list[int]]:
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                "«Шығыс» ЖШС",
                "ТОО «Шыгыс»",
                "940140000385",
                address="Өскемен қ., Мира 1",
                head_name="Сейітқазы Нұрлан Өмірұлы",
                headcount=120,
            ),
        )
        unit = add_unit(s, UnitFields("Кеніш", "Рудник"))
        fitter = add_position(s, PositionFields("Слесарь", "Слесарь"))
        ids = [
            add_employee(
                s,
                EmployeeFields(iin=iin, surname=sn, name=n, unit_id=unit.id, position_id=fitter.id),
                dt.date(2026, 1, 1),
            ).id
            for iin, sn, n in PEOPLE
        ]
    return unit.id, ids
