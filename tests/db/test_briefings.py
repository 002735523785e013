"""Briefings: group registration, refusals that name the row, due dates, last briefing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from safedesk.db.briefings import (
    BriefingFields,
    briefing_warnings,
    due_items,
    last_briefing,
    people_of,
    register_briefings,
    workplace_briefing_current,
)
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, Briefing
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.training import BriefingKind
from safedesk.errors import InvalidInput

TODAY = dt.date(2026, 11, 28)
HIRED = dt.date(2024, 3, 1)


def staff(db: Database) -> dict[str, int]:
    with db.write() as s:
        mine = add_unit(s, UnitFields("Кеніш", "Рудник")).id
        shop = add_unit(s, UnitFields("Цех", "Цех")).id
        fitter = add_position(s, PositionFields("Слесарь", "Слесарь")).id
        ids = {"mine": mine, "shop": shop, "fitter": fitter}
        for key, iin, surname, unit, hired in (
            ("instructor", "871008401427", "Әбілова", shop, HIRED),
            ("a", "760212350620", "Ахметов", mine, HIRED),
            ("b", "061211600012", "Яковлева", mine, dt.date(2026, 6, 1)),
        ):
            ids[key] = add_employee(
                s,
                EmployeeFields(
                    iin=iin,
                    surname=surname,
                    name="Ерлан",
                    unit_id=unit,
                    position_id=fitter,
                    hire_date=hired,
                ),
                TODAY,
            ).id
    return ids


def test_group_briefing_of_a_unit_gives_each_person_a_row_and_due_date(db: Database) -> None:
    ids = staff(db)
    with db.write() as s:
        group = people_of(s, TODAY, unit_id=ids["mine"])
        assert sorted(group) == sorted([ids["a"], ids["b"]])
        rows = register_briefings(
            s,
            BriefingFields(
                BriefingKind.REPEATED, dt.date(2026, 9, 1), ids["instructor"], group, topic="ИОТ-1"
            ),
            TODAY,
        )
    assert [r.next_due for r in rows] == [dt.date(2027, 3, 1)] * 2
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Briefing)) == 2
        assert s.scalar(select(func.count()).where(AuditEntry.table_name == "briefings")) == 2
        assert last_briefing(s, ids["a"], BriefingKind.REPEATED, TODAY) is not None
        assert last_briefing(s, ids["a"], BriefingKind.REPEATED, dt.date(2026, 8, 31)) is None
        assert workplace_briefing_current(s, ids["a"], TODAY)
        assert not workplace_briefing_current(s, ids["a"], dt.date(2027, 3, 2))


def test_one_person_hired_after_the_date_refuses_the_whole_group(db: Database) -> None:
    ids = staff(db)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        register_briefings(
            s,
            BriefingFields(
                BriefingKind.PRIMARY, dt.date(2026, 5, 1), ids["instructor"], [ids["a"], ids["b"]]
            ),
            TODAY,
        )
    assert caught.value.fields() == {"people"}
    assert "Яковлева" in caught.value.message() and "before the hire date" in caught.value.message()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Briefing)) == 0


def test_future_date_and_missing_reason_are_refused(db: Database) -> None:
    ids = staff(db)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        register_briefings(
            s,
            BriefingFields(
                BriefingKind.UNSCHEDULED, TODAY + dt.timedelta(days=1), None, [ids["a"]]
            ),
            TODAY,
        )
    assert caught.value.fields() == {"date", "reason", "instructor_id"}


def test_instructor_without_a_check_is_a_warning_not_a_refusal(db: Database) -> None:
    ids = staff(db)
    fields = BriefingFields(BriefingKind.PRIMARY, TODAY, ids["instructor"], [ids["a"]])
    with db.write() as s:
        warnings = briefing_warnings(s, fields)
        assert [w.field for w in warnings] == ["instructor_id"]
        register_briefings(s, fields, TODAY)


def test_due_items_list_the_latest_repeated_briefing_per_person(db: Database) -> None:
    ids = staff(db)
    with db.write() as s:
        for day, people in ((dt.date(2025, 1, 10), ["a"]), (dt.date(2026, 6, 20), ["b"])):
            register_briefings(
                s,
                BriefingFields(
                    BriefingKind.PRIMARY, day, ids["instructor"], [ids[p] for p in people]
                ),
                TODAY,
            )
        register_briefings(
            s,
            BriefingFields(BriefingKind.TARGETED, TODAY, ids["instructor"], [ids["a"]]),
            TODAY,
        )
    with db.session() as s:
        items = due_items(s, TODAY)
    assert [(i.who.split()[0], i.due) for i in sorted(items, key=lambda i: i.due)] == [
        ("Ахметов", dt.date(2025, 7, 10)),
        ("Яковлева", dt.date(2026, 12, 20)),
    ]
    assert items[0].overdue(TODAY) or items[1].overdue(TODAY)
