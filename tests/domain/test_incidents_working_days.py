"""Working days on Kazakhstan's holiday calendar, and the days off holidays move."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from safedesk.domain.working_days import (
    DayKind,
    WorkCalendar,
    calendar_complaints,
    transferred_days_off,
)

D = dt.date
SEED = Path(__file__).parents[2] / "safedesk" / "resources" / "reference" / "public_holidays.json"


def seeded() -> WorkCalendar:
    rows = json.loads(SEED.read_text(encoding="utf-8"))["rows"]
    return WorkCalendar.from_days((D.fromisoformat(r["day"]), r["kind"]) for r in rows)


CAL = seeded()


def test_weekends_and_holidays_are_not_worked() -> None:
    assert CAL.is_working_day(D(2026, 3, 20))  # Friday
    assert not CAL.is_working_day(D(2026, 3, 21))  # Nauryz, Saturday
    assert not CAL.is_working_day(D(2026, 3, 23))  # Nauryz, Monday
    assert not CAL.is_working_day(D(2026, 3, 24))  # 22.03 fell on Sunday: moved here
    assert not CAL.is_working_day(D(2026, 5, 27))  # Kurban ait


def test_ten_working_days_across_nauryz() -> None:
    # Friday 13.03.2026 + 10 working days: 16–20, (21–25 off), 26, 27, 30, 31, 01.04.
    assert CAL.add_working_days(D(2026, 3, 13), 10) == D(2026, 4, 1)


def test_new_year_on_a_weekend_moves_two_days() -> None:
    # 2028: 1 and 2 January are Saturday and Sunday; 3 and 4 January are days off.
    assert transferred_days_off([(D(2028, 1, 1), True), (D(2028, 1, 2), True)]) == [
        (D(2028, 1, 1), D(2028, 1, 3)),
        (D(2028, 1, 2), D(2028, 1, 4)),
    ]


def test_religious_holidays_on_a_weekend_move_nothing() -> None:
    assert transferred_days_off([(D(2024, 6, 16), False)]) == []  # Kurban ait on Sunday


def test_a_decreed_working_saturday_counts() -> None:
    cal = WorkCalendar.from_days([(D(2026, 1, 3), DayKind.WORKING_DAY)])
    assert cal.add_working_days(D(2026, 1, 2), 1) == D(2026, 1, 3)


def test_duplicate_dates_are_named() -> None:
    found = calendar_complaints([(D(2026, 1, 1), "holiday"), (D(2026, 1, 1), "day_off")])
    assert [(c.field, c.values["n"]) for c in found] == [("day", 2)]


def test_a_weekday_cannot_be_made_a_working_day() -> None:
    (found,) = calendar_complaints([(D(2026, 1, 5), "working_day")])
    assert found.field == "kind" and "weekday" in found.msgid


def test_seed_has_no_duplicates_and_a_legal_basis_everywhere() -> None:
    rows = json.loads(SEED.read_text(encoding="utf-8"))["rows"]
    assert calendar_complaints([(D.fromisoformat(r["day"]), r["kind"]) for r in rows]) == []
    assert all(r["legal_basis"] and r["edition_date"] for r in rows)
    assert {D.fromisoformat(r["day"]).year for r in rows} == set(range(2024, 2031))


days = st.dates(min_value=D(2024, 1, 1), max_value=D(2030, 6, 30))


@given(days, st.integers(min_value=1, max_value=40))
def test_adding_working_days_never_lands_on_a_day_off(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.is_working_day(end)
    assert CAL.working_days_between(start, end) == n


@given(days, days, st.integers(min_value=0, max_value=30))
def test_adding_working_days_is_monotone(a: dt.date, b: dt.date, n: int) -> None:
    first, second = sorted((a, b))
    assert CAL.add_working_days(first, n) <= CAL.add_working_days(second, n)
