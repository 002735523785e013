from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from safedesk.domain.indicators import (
    IndicatorValue,
    average_headcount,
    month_ends,
    per_thousand,
    percent,
    ratio,
)

DAY = dt.date(2026, 11, 28)


def test_fatal_frequency_per_thousand_from_average_headcount() -> None:
    # 1 death among an average of 2,000 workers: 0.5 per 1,000.
    assert per_thousand(1, average_headcount([1900, 2000, 2100])) == 0.5
    assert per_thousand(0, 0) is None


def test_shares_and_ratios_with_known_answers() -> None:
    assert percent(3, 4) == 75.0
    assert percent(1, 0) is None
    assert ratio(28, 2) == 14.0


def test_month_ends_of_the_year_so_far() -> None:
    ends = month_ends(2026, DAY)
    assert ends[0] == dt.date(2026, 1, 31) and ends[1] == dt.date(2026, 2, 28)
    assert ends[-1] == DAY and len(ends) == 11
    assert len(month_ends(2025, DAY)) == 12


def test_lower_is_better_only_for_fatal_frequency() -> None:
    assert IndicatorValue("41", 0.02, 1, 50, DAY).meets(0.031) is True
    assert IndicatorValue("41", 0.05, 1, 20, DAY).meets(0.031) is False
    assert IndicatorValue("44", 55.0, 11, 20, DAY).meets(50) is True
    assert IndicatorValue("40", None, 0, 0, DAY).meets(40) is None


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_percent_stays_between_0_and_100_when_part_of_whole(part: int, whole: int) -> None:
    part = min(part, whole)
    value = percent(part, whole)
    assert value is not None and 0 <= value <= 100
