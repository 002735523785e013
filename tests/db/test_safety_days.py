"""The monthly OHS day: attendance from the employees, refusals, what is due."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, SafetyDayAttendance
from safedesk.db.safety_days import (
    SafetyDayFields,
    add_safety_day,
    attendance,
    due_items,
    expected_people,
    update_safety_day,
)
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.safety_days import SafetyDayKind
from safedesk.errors import InvalidInput

TODAY = dt.date(2026, 11, 28)


def staff(db: Database) -> tuple[int, list[int]]:
    with db.write() as s:
        unit = add_unit(s, UnitFields("Кеніш", "Рудник")).id
        ids = [
            add_employee(
                s,
                EmployeeFields(
                    iin=iin, surname=surname, name="Ерлан", unit_id=unit, hire_date=hired
                ),
                TODAY,
            ).id
            for iin, surname, hired in (
                ("871008401427", "Әбілова", dt.date(2020, 1, 1)),
                ("760212350620", "Ахметов", dt.date(2020, 1, 1)),
                ("061211600012", "Яковлева", dt.date(2026, 11, 1)),
            )
        ]
    return unit, ids


def test_attendance_is_taken_from_the_unit_and_corrected(db: Database) -> None:
    unit, ids = staff(db)
    with db.write() as s:
        people = expected_people(s, dt.date(2026, 10, 15), unit)
        assert sorted(people) == sorted(ids[:2])  # the third was hired later
        day = add_safety_day(
            s,
            SafetyDayFields(
                dt.date(2026, 10, 15),
                SafetyDayKind.EXERCISE,
                "Наряд-допуск: учебная тревога",
                unit_id=unit,
                leader_id=ids[0],
                people=people,
                absent={ids[1]},
            ),
            TODAY,
        )
        day_id, version = day.id, day.version
    with db.write() as s:
        update_safety_day(
            s,
            day_id,
            version,
            SafetyDayFields(
                dt.date(2026, 10, 15),
                SafetyDayKind.EXERCISE,
                "Наряд-допуск: учебная тревога",
                unit_id=unit,
                people=[ids[1]],
            ),
            TODAY,
        )
    with db.session() as s:
        rows = attendance(s, day_id)
        assert [(r.employee_id, r.present) for r in rows] == [(ids[1], True)]
        audited = select(func.count()).where(AuditEntry.table_name == "safety_day_attendance")
        assert s.scalar(audited) == 4  # two inserted, one deleted, one re-marked


def test_a_person_hired_after_the_day_refuses_it_all(db: Database) -> None:
    _unit, ids = staff(db)
    with db.write() as s, pytest.raises(InvalidInput) as e:
        add_safety_day(
            s,
            SafetyDayFields(dt.date(2026, 10, 15), SafetyDayKind.TRAINING, " ", people=ids),
            TODAY,
        )
    assert e.value.fields() == {"topic", "people"}
    assert "Яковлева" in e.value.message()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(SafetyDayAttendance)) == 0


def test_a_month_without_an_ohs_day_is_due_at_its_end(db: Database) -> None:
    staff(db)
    with db.session() as s:
        assert due_items(s, TODAY) == []  # the register is not kept yet
    with db.write() as s:
        add_safety_day(
            s, SafetyDayFields(dt.date(2026, 10, 15), SafetyDayKind.TRAINING, "ТБ"), TODAY
        )
    with db.session() as s:
        [item] = due_items(s, TODAY)
        assert item.due == dt.date(2026, 11, 30) and item.register == "safety_days"
        assert due_items(s, dt.date(2026, 10, 20)) == []
