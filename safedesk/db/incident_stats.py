"""Figures from the near-miss, observation and accident registers, for indicators and charts.

Other registers call these: indicator 41 (fatal frequency per 1,000 workers), the safety
pyramid (near misses per injury), and the monthly trends the incidents page charts.
Accidents replaced by a correction are counted once, as their correction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from safedesk.db.models import Accident, AccidentVictim, NearMiss, Observation
from safedesk.domain.accidents import KAZAKHSTAN, Outcome, fatal_frequency
from safedesk.domain.incidents import near_misses_per_injury


def _moments(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Local days start..end inclusive as UTC moments [from, to)."""
    first = dt.datetime.combine(start, dt.time(), tzinfo=KAZAKHSTAN)
    last = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=KAZAKHSTAN)
    return first.astimezone(dt.UTC), last.astimezone(dt.UTC)


def current_accidents(start: dt.date, end: dt.date) -> list[ColumnElement[bool]]:
    """Accidents of the period that count: not deleted, not replaced by a correction."""
    newer = aliased(Accident)
    first, last = _moments(start, end)
    return [
        Accident.deleted_at.is_(None),
        ~select(newer.id).where(newer.corrects_id == Accident.id).exists(),
        Accident.occurred_at >= first,
        Accident.occurred_at < last,
    ]


def injured_count(session: Session, start: dt.date, end: dt.date) -> int:
    """Victims of accidents in the period (each victim counts, whatever the outcome)."""
    query = (
        select(func.count(AccidentVictim.id))
        .join(Accident, Accident.id == AccidentVictim.accident_id)
        .where(*current_accidents(start, end))
    )
    return int(session.scalar(query) or 0)


def fatalities(session: Session, start: dt.date, end: dt.date) -> int:
    query = (
        select(func.count(AccidentVictim.id))
        .join(Accident, Accident.id == AccidentVictim.accident_id)
        .where(*current_accidents(start, end), AccidentVictim.outcome == Outcome.FATAL.value)
    )
    return int(session.scalar(query) or 0)


def fatal_frequency_for(
    session: Session, start: dt.date, end: dt.date, average_headcount: float
) -> float | None:
    """Indicator 41 at the enterprise: fatalities × 1000 / average headcount."""
    return fatal_frequency(fatalities(session, start, end), average_headcount)


def near_miss_count(session: Session, start: dt.date, end: dt.date) -> int:
    first, last = _moments(start, end)
    query = select(func.count(NearMiss.id)).where(
        NearMiss.deleted_at.is_(None), NearMiss.occurred_at >= first, NearMiss.occurred_at < last
    )
    return int(session.scalar(query) or 0)


def pyramid_ratio(session: Session, start: dt.date, end: dt.date) -> float | None:
    """Near misses per injury in the period (None without injuries)."""
    return near_misses_per_injury(
        near_miss_count(session, start, end), injured_count(session, start, end)
    )


@dataclass(frozen=True)
class MonthFigures:
    month: dt.date  # the first day of the month
    near_misses: int
    safe: int
    at_risk: int
    injured: int


def monthly_figures(
    session: Session, start: dt.date, end: dt.date, unit_id: int | None = None
) -> list[MonthFigures]:
    """Near misses, observed behaviour and injuries per month, for the trend charts."""
    months: dict[dt.date, list[int]] = {}
    day = start.replace(day=1)
    while day <= end:
        months[day] = [0, 0, 0, 0]
        day = (day + dt.timedelta(days=32)).replace(day=1)
    first, last = _moments(start, end)
    near = select(NearMiss.occurred_at).where(
        NearMiss.deleted_at.is_(None), NearMiss.occurred_at >= first, NearMiss.occurred_at < last
    )
    if unit_id is not None:
        near = near.where(NearMiss.unit_id == unit_id)
    for (moment,) in session.execute(near):
        local = moment.astimezone(KAZAKHSTAN).date().replace(day=1)
        if local in months:
            months[local][0] += 1
    cards = select(
        Observation.observed_on, Observation.safe_total, Observation.at_risk_total
    ).where(
        Observation.deleted_at.is_(None),
        Observation.observed_on >= start,
        Observation.observed_on <= end,
    )
    if unit_id is not None:
        cards = cards.where(Observation.unit_id == unit_id)
    for observed_on, safe, at_risk in session.execute(cards):
        key = observed_on.replace(day=1)
        if key in months:
            months[key][1] += safe
            months[key][2] += at_risk
    hurt = (
        select(Accident.occurred_at, func.count(AccidentVictim.id))
        .join(AccidentVictim, AccidentVictim.accident_id == Accident.id)
        .where(*current_accidents(start, end))
        .group_by(Accident.id, Accident.occurred_at)
    )
    if unit_id is not None:
        hurt = hurt.where(Accident.unit_id == unit_id)
    for moment, n in session.execute(hurt):
        key = moment.astimezone(KAZAKHSTAN).date().replace(day=1)
        if key in months:
            months[key][3] += int(n)
    return [MonthFigures(m, *v) for m, v in months.items()]


@dataclass(frozen=True)
class UnitFigures:
    unit_id: int
    near_misses: int
    safe: int
    at_risk: int
    injured: int


def unit_figures(session: Session, start: dt.date, end: dt.date) -> list[UnitFigures]:
    """Near misses, observed behaviour and injuries per unit (three GROUP BY queries),
    for units side by side; units with nothing recorded in the period are left out.
    Sorted by near misses, then injured, then at-risk behaviour, most first."""
    first, last = _moments(start, end)
    found: dict[int, list[int]] = {}

    def add(unit_id: int, index: int, value: int | None) -> None:
        found.setdefault(unit_id, [0, 0, 0, 0])[index] += int(value or 0)

    near = (
        select(NearMiss.unit_id, func.count(NearMiss.id))
        .where(
            NearMiss.deleted_at.is_(None),
            NearMiss.occurred_at >= first,
            NearMiss.occurred_at < last,
        )
        .group_by(NearMiss.unit_id)
    )
    for unit_id, n in session.execute(near):
        add(unit_id, 0, n)
    cards = (
        select(
            Observation.unit_id,
            func.sum(Observation.safe_total),
            func.sum(Observation.at_risk_total),
        )
        .where(
            Observation.deleted_at.is_(None),
            Observation.observed_on >= start,
            Observation.observed_on <= end,
        )
        .group_by(Observation.unit_id)
    )
    for unit_id, safe, at_risk in session.execute(cards):
        add(unit_id, 1, safe)
        add(unit_id, 2, at_risk)
    hurt = (
        select(Accident.unit_id, func.count(AccidentVictim.id))
        .join(AccidentVictim, AccidentVictim.accident_id == Accident.id)
        .where(*current_accidents(start, end))
        .group_by(Accident.unit_id)
    )
    for unit_id, n in session.execute(hurt):
        add(unit_id, 3, n)
    rows = [UnitFigures(uid, *values) for uid, values in found.items() if any(values)]
    return sorted(rows, key=lambda u: (-u.near_misses, -u.injured, -u.at_risk, u.unit_id))
