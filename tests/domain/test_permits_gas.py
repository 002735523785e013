"""Gas readings as typed: numbers, commas, physical range, the time of the test."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safedesk.domain.permit_gas import (
    Gas,
    GasLimit,
    GasReading,
    missing_gases,
    out_of_limits,
    parse_reading,
    reading_complaints,
)

NOW = dt.datetime(2026, 6, 1, 4, tzinfo=dt.UTC)


def test_parse_accepts_commas_and_blanks() -> None:
    assert parse_reading("20,9") == 20.9
    assert parse_reading(" 0.5 ") == 0.5
    assert parse_reading("") is None
    assert parse_reading(None) is None
    assert parse_reading(3) == 3.0
    with pytest.raises(ValueError):
        parse_reading("abc")
    with pytest.raises(ValueError):
        parse_reading("nan")


def test_not_a_number_names_the_gas() -> None:
    values, found = reading_complaints({Gas.O2: "двадцать", Gas.LEL: "0"}, NOW, NOW)
    assert [c.field for c in found] == ["o2"]
    assert values[Gas.LEL] == 0.0 and values[Gas.O2] is None


@pytest.mark.parametrize(
    ("gas", "value"), [(Gas.O2, "120"), (Gas.LEL, "-1"), (Gas.CO, "-0.1"), (Gas.H2S, "2e6")]
)
def test_out_of_physical_range(gas: Gas, value: str) -> None:
    _values, found = reading_complaints({Gas.O2: "20.9", gas: value}, NOW, NOW)
    assert [c.field for c in found] == [gas.value]


def test_nothing_measured_and_no_time() -> None:
    _values, found = reading_complaints({}, None, NOW)
    assert [c.field for c in found] == ["o2", "taken_at"]


def test_a_test_in_the_future() -> None:
    _values, found = reading_complaints({Gas.O2: 20.9}, NOW + dt.timedelta(hours=1), NOW)
    assert [c.field for c in found] == ["taken_at"]


def test_limits_describe_themselves() -> None:
    assert GasLimit(Gas.O2, 19.5, 23.5).describe() == "19.5 – 23.5"
    assert GasLimit(Gas.LEL, None, 10, high_inclusive=False).describe() == "< 10"
    assert GasLimit(Gas.CO, None, 17.1).describe() == "≤ 17.1"
    assert GasLimit(Gas.O2, 19.5, None).describe() == "≥ 19.5"


def test_missing_gases() -> None:
    limits = {g: GasLimit(g, None, 100) for g in Gas}
    reading = GasReading(NOW, {Gas.O2: 20.9, Gas.LEL: None})
    assert missing_gases(reading, limits) == [Gas.LEL, Gas.CO, Gas.H2S]


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_oxygen_is_allowed_exactly_inside_its_range(value: float) -> None:
    limit = GasLimit(Gas.O2, 19.5, 23.5)
    reading = GasReading(NOW, {Gas.O2: value})
    assert (out_of_limits(reading, {Gas.O2: limit}) == []) == (19.5 <= value <= 23.5)
