"""Accident classification and the legal deadlines computed from the moment it happened."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from safedesk.domain.accidents import (
    KAZAKHSTAN,
    StepKey,
    VictimValues,
    accident_complaints,
    accident_steps,
    fatal_frequency,
    special_investigation,
    suggested_classification,
)
from safedesk.domain.working_days import WorkCalendar

D = dt.date
NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
CAL = WorkCalendar.from_days([(D(2026, 5, 27), "holiday")])  # Kurban ait, Wednesday
VICTIM = VictimValues("871008401427", "Әбілова Гүлнар", "light", 3)


def kz(y: int, m: int, d: int, h: int = 10) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=KAZAKHSTAN)


def test_deadlines_from_a_friday_evening() -> None:
    steps = {s.key: s for s in accident_steps(kz(2026, 5, 22, 18), CAL)}
    assert steps[StepKey.NOTIFY].due == D(2026, 5, 23)
    assert steps[StepKey.COMMISSION].due == D(2026, 5, 23)  # Saturday: 24 hours is 24 hours
    # 10 working days from Saturday 23.05, Kurban ait (27.05) skipped: 25,26,28,29,1..5,8.
    assert steps[StepKey.INVESTIGATION].due == D(2026, 6, 8)
    assert steps[StepKey.ACT].due == D(2026, 6, 11)


def test_later_steps_run_from_when_the_earlier_was_done() -> None:
    steps = accident_steps(
        kz(2026, 6, 1), CAL, commission_on=D(2026, 6, 1), investigated_on=D(2026, 6, 5)
    )
    by = {s.key: s for s in steps}
    assert by[StepKey.INVESTIGATION].due == D(2026, 6, 15)
    assert by[StepKey.ACT].due == D(2026, 6, 10)
    assert by[StepKey.INVESTIGATION].done == D(2026, 6, 5)


def test_overdue_and_late() -> None:
    steps = accident_steps(kz(2026, 5, 1), CAL, notified_on=D(2026, 5, 4))
    notify, commission = steps[0], steps[1]
    assert notify.late() and not notify.overdue(D(2026, 6, 1))
    assert commission.overdue(D(2026, 6, 1))


def test_special_investigation_and_classification() -> None:
    assert not special_investigation("light")
    assert all(special_investigation(c) for c in ("severe", "group", "fatal"))
    assert suggested_classification(["light", "light"]) == "group"
    assert suggested_classification(["fatal"]) == "fatal"
    assert fatal_frequency(1, 2000) == 0.5 and fatal_frequency(1, 0) is None


def _complaints(**kw: object) -> list[str]:
    values: dict[str, object] = dict(
        occurred_at=kz(2026, 5, 20),
        unit_id=1,
        classification="light",
        victims=[VICTIM],
        commission_size=0,
        has_chair=False,
        notified_on=None,
        commission_on=None,
        investigated_on=None,
        act_on=None,
        now=NOW,
    )
    values.update(kw)
    return [f"{c.field}: {c.msgid}" for c in accident_complaints(**values)]  # type: ignore[arg-type]


def test_a_good_accident_breaks_no_rule() -> None:
    assert _complaints() == []


def test_future_date_fatal_without_commission_group_of_one() -> None:
    assert any(
        "occurred_at" in c and "future" in c
        for c in _complaints(occurred_at=NOW + dt.timedelta(days=2))
    )
    fatal = VictimValues("871008401427", "Әбілова Гүлнар", "fatal", 0)
    assert any(
        c.startswith("commission:") for c in _complaints(classification="fatal", victims=[fatal])
    )
    assert any("two or more" in c for c in _complaints(classification="group"))
    assert any("cannot be light" in c for c in _complaints(victims=[fatal]))


def test_a_contractor_victim_needs_a_valid_iin() -> None:
    bad = VictimValues("871008401428", "Сидоров", "light", 1)
    assert any("victims:" in c for c in _complaints(victims=[bad]))


moments = st.datetimes(
    min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2030, 6, 1), timezones=st.just(dt.UTC)
)


@given(moments, moments)
def test_deadlines_are_monotone_in_the_event_time(a: dt.datetime, b: dt.datetime) -> None:
    first, second = sorted((a, b))
    for x, y in zip(accident_steps(first, CAL), accident_steps(second, CAL), strict=True):
        assert x.due <= y.due


@given(moments)
def test_working_day_deadlines_are_working_days(moment: dt.datetime) -> None:
    for step in accident_steps(moment, CAL)[2:]:
        assert CAL.is_working_day(step.due)
