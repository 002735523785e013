"""Milk for a whole unit's month: proposed shifts, one transaction, refusals by name."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from safedesk.db.employees import dismiss_employee
from safedesk.db.engine import Database
from safedesk.db.holidays import work_calendar
from safedesk.db.models import Employee, MilkIssue
from safedesk.db.ppe_milk import MilkFields, propose_month, record_milk, record_milk_many
from safedesk.errors import InvalidInput
from tests.db.ppe_fixtures import Shop, build_shop

MAY = dt.date(2025, 5, 1)


@pytest.fixture
def shop(db: Database) -> Shop:
    return build_shop(db)


def test_proposal_counts_working_days_while_employed(db: Database, shop: Shop) -> None:
    with db.write() as s:
        leaver = s.get(Employee, shop.miners[1])
        assert leaver is not None
        dismiss_employee(s, leaver.id, leaver.version, dt.date(2025, 5, 15))
        record_milk(s, MilkFields(shop.miners[0], MAY, 10))
    with db.session() as s:
        calendar = work_calendar(s)
        proposed = propose_month(s, dt.date(2025, 5, 20), [shop.unit, shop.office], calendar)
        before_may = dt.date(2025, 4, 30)
        whole = calendar.working_days_between(before_may, dt.date(2025, 5, 31))
        half = calendar.working_days_between(before_may, dt.date(2025, 5, 15))
    assert whole < 22  # 1, 7 and 9 May are public holidays in Kazakhstan
    by_id = {p.employee_id: p for p in proposed}
    assert set(by_id) == set(shop.miners)  # the accountant is not in a harmful position
    assert (by_id[shop.miners[0]].shifts, by_id[shop.miners[0]].recorded) == (whole, True)
    assert (by_id[shop.miners[1]].shifts, by_id[shop.miners[1]].recorded) == (half, False)
    assert by_id[shop.miners[1]].person.startswith("Иванов Пётр")


def test_a_unit_month_is_recorded_whole_or_not_at_all(db: Database, shop: Shop) -> None:
    good = MilkFields(shop.miners[0], MAY, 19)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        record_milk_many(
            s, [good, MilkFields(shop.miners[1], MAY, 0), MilkFields(shop.clerk, MAY, 5)]
        )
    message = caught.value.message()
    assert "Иванов Пётр: Shifts in a month must be from 1 to 31, not 0." in message
    assert "Яковлева Мария" in message and "no harmful conditions" in message
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(MilkIssue)) == 0  # nothing written
    with db.write() as s:
        made = record_milk_many(s, [good, MilkFields(shop.miners[1], MAY, 18)])
    assert [m.quantity_ml for m in made] == [9500, 9000]
    with pytest.raises(InvalidInput) as again, db.write() as s:
        record_milk_many(s, [MilkFields(shop.miners[0], dt.date(2025, 5, 31), 3)])
    assert "Already recorded for 05.2025." in again.value.message()
