from __future__ import annotations

import datetime as dt

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.indicators import compute, headcount_on, targets, year_average_headcount
from safedesk.db.insurance import InsuranceFields, add_contract

DAY = dt.date(2026, 11, 28)


def test_targets_are_seeded_from_the_roadmap(db: Database) -> None:
    with db.session() as s:
        year = targets(s, 2026)
    assert year["40"] == 40 and year["41"] == 0.031 and year["44"] == 50


def test_insurance_indicator_follows_the_contract_dates(db: Database) -> None:
    with db.write() as s:
        add_contract(
            s, InsuranceFields("«Еуразия» СК", "ОС-17", dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        )
    with db.session() as s:
        in_force = {v.code: v for v in compute(s, DAY)}["43"]
        lapsed = {v.code: v for v in compute(s, dt.date(2027, 1, 5))}["43"]
    assert (in_force.value, lapsed.value) == (100.0, 0.0)


def test_average_headcount_counts_hires_and_dismissals(db: Database) -> None:
    with db.write() as s:
        add_employee(
            s,
            EmployeeFields(
                iin="871008401427", surname="А", name="Б", hire_date=dt.date(2020, 1, 1)
            ),
            DAY,
        )
        add_employee(
            s,
            EmployeeFields(
                iin="760212350620", surname="В", name="Г", hire_date=dt.date(2026, 7, 1)
            ),
            DAY,
        )
    with db.session() as s:
        assert headcount_on(s, dt.date(2026, 6, 30)) == 1
        assert headcount_on(s, dt.date(2026, 7, 31)) == 2
        # 6 month-ends with one person, 5 with two (Jul..Nov 28): 16 / 11.
        assert round(year_average_headcount(s, 2026, DAY), 3) == round(16 / 11, 3)


def test_insurance_contract_dates_are_checked(db: Database) -> None:
    import pytest

    from safedesk.errors import InvalidInput

    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_contract(s, InsuranceFields("", "1", dt.date(2026, 2, 1), dt.date(2026, 1, 1)))
    assert caught.value.fields() == {"insurer", "valid_to"}


def test_insurance_due_items_warn_before_the_contract_ends(db: Database) -> None:
    from safedesk.db.insurance import due_items

    with db.write() as s:
        add_contract(s, InsuranceFields("СК", "1", dt.date(2026, 1, 1), dt.date(2026, 12, 20)))
    with db.session() as s:
        assert [i.due for i in due_items(s, DAY)] == [dt.date(2026, 12, 20)]
        assert due_items(s, dt.date(2026, 6, 1)) == []
    with db.write() as s:
        add_contract(s, InsuranceFields("СК", "2", dt.date(2026, 12, 21), dt.date(2027, 12, 20)))
    with db.session() as s:
        assert due_items(s, DAY) == []  # renewed in time
