"""Computing the enterprise's indicators for a date, each from aggregate queries.

A register that an indicator needs offers one counting function, named in `SOURCES` by
import path so that this module loads nothing it does not use; a register not built yet
makes its indicator "not available" rather than wrong.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from safedesk.db.insurance import contract_in_force
from safedesk.db.models import Employee
from safedesk.db.models.indicators import IndicatorTarget
from safedesk.domain.indicators import (
    INDICATORS,
    IndicatorValue,
    average_headcount,
    month_ends,
    per_thousand,
    percent,
    ratio,
)

# Counting functions of the registers: f(session, ...) -> tuple of numbers (see below).
SOURCES: dict[str, str] = {
    # (session, on) -> Coverage with .covered and .workplaces (unit × position with people)
    "coverage": "safedesk.db.risk_coverage:risk_coverage",
    # (session, start, end) -> people killed in accidents in the period
    "fatal": "safedesk.db.incident_stats:fatalities",
    # (session, start, end) -> victims of accidents in the period
    "injuries": "safedesk.db.incident_stats:injured_count",
    # (session, start, end) -> near misses reported in the period
    "near_misses": "safedesk.db.incident_stats:near_miss_count",
    # (session, on) -> (responsible persons with a valid check, responsible persons in force)
    "checked": "safedesk.db.knowledge_checks:responsible_check_share",
}


def _source(name: str) -> Callable[..., Any] | None:
    module, function = SOURCES[name].split(":")
    try:
        found: Callable[..., Any] = getattr(importlib.import_module(module), function)
    except (ImportError, AttributeError):
        return None
    return found


def headcount_on(session: Session, day: dt.date) -> int:
    query = select(func.count(Employee.id)).where(
        Employee.deleted_at.is_(None),
        or_(Employee.hire_date.is_(None), Employee.hire_date <= day),
        or_(Employee.dismissal_date.is_(None), Employee.dismissal_date > day),
    )
    return int(session.scalar(query) or 0)


def year_average_headcount(session: Session, year: int, until: dt.date) -> float:
    """The average of the month-end headcounts: one pass over the employees, each month's
    end counted by its own CASE (the same rule as `headcount_on`)."""
    days = month_ends(year, until)
    if not days:
        return average_headcount([])
    columns = [
        func.count(
            case(
                (
                    and_(
                        or_(Employee.hire_date.is_(None), Employee.hire_date <= day),
                        or_(Employee.dismissal_date.is_(None), Employee.dismissal_date > day),
                    ),
                    1,
                )
            )
        )
        for day in days
    ]
    row = session.execute(select(*columns).where(Employee.deleted_at.is_(None))).one()
    return average_headcount([int(n) for n in row])


def targets(session: Session, year: int) -> dict[str, float]:
    rows = session.execute(
        select(IndicatorTarget.code, IndicatorTarget.target).where(IndicatorTarget.year == year)
    )
    return {code: float(target) for code, target in rows}


def compute(session: Session, on: dt.date) -> list[IndicatorValue]:
    """Every indicator of INDICATORS for the year of `on`, the year so far."""
    start = dt.date(on.year, 1, 1)
    found: dict[str, IndicatorValue] = {}

    coverage = _source("coverage")
    if coverage is None:
        found["40"] = IndicatorValue("40", None, 0, 0, on, available=False)
    else:
        result = coverage(session, on)
        covered, places = result.covered, result.workplaces
        found["40"] = IndicatorValue("40", percent(covered, places), covered, places, on)

    fatal = _source("fatal")
    if fatal is None:
        found["41"] = IndicatorValue("41", None, 0, 0, on, available=False)
    else:
        deaths = fatal(session, start, on)
        average = year_average_headcount(session, on.year, on)
        found["41"] = IndicatorValue(
            "41", per_thousand(deaths, average), deaths, round(average, 1), on
        )

    near, injuries = _source("near_misses"), _source("injuries")
    if near is None or injuries is None:
        found["42"] = IndicatorValue("42", None, 0, 0, on, available=False)
    else:
        n, i = near(session, start, on), injuries(session, start, on)
        found["42"] = IndicatorValue("42", ratio(n, i), n, i, on)

    contract = contract_in_force(session, on)
    found["43"] = IndicatorValue("43", 100.0 if contract else 0.0, int(bool(contract)), 1, on)

    checked = _source("checked")
    if checked is None:
        found["44"] = IndicatorValue("44", None, 0, 0, on, available=False)
    else:
        valid, total = checked(session, on)
        found["44"] = IndicatorValue("44", percent(valid, total), valid, total, on)

    return [found[kind.code] for kind in INDICATORS]
