"""The home page's charts in numbers: month buckets counted by the database.

Every figure is one aggregate query: the database sorts rows into buckets with a CASE
on the month boundaries and counts them, so only a dozen numbers come back whatever
the size of the registers. The boundaries are computed here, in Python, so the same
SQL runs on SQLite and PostgreSQL and a near miss at 01:00 on the 1st (Kazakhstan
time) counts in its local month although it is stored in UTC.

"Due by month ahead" has an overdue bucket first (due before today), then the rest of
the current month from today, then each following month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from safedesk.db.briefings import due_sources as briefing_due_sources
from safedesk.db.knowledge_checks import due_sources as check_due_sources
from safedesk.db.models import (
    Briefing,
    CheckResult,
    Employee,
    NearMiss,
    PpeIssue,
    RiskAssessment,
)
from safedesk.db.risk_coverage import Cell, cell_counts
from safedesk.db.risk_matrices import NoRiskMatrix, current_matrix
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.ppe import Wear
from safedesk.domain.risk import Matrix

MONTHS_BACK = 12  # near misses: this month and the eleven before it
MONTHS_AHEAD = 6  # due: the rest of this month and the five after it

Column = ColumnElement[Any] | InstrumentedAttribute[Any]


def month_start(day: dt.date, shift: int = 0) -> dt.date:
    """The first day of `day`'s month moved by `shift` months."""
    index = day.year * 12 + day.month - 1 + shift
    return dt.date(index // 12, index % 12 + 1, 1)


def months_from(first: dt.date, count: int) -> list[dt.date]:
    return [month_start(first, i) for i in range(count)]


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in Kazakhstan as a UTC moment (how moments are stored)."""
    return dt.datetime.combine(day, dt.time(), tzinfo=KAZAKHSTAN).astimezone(dt.UTC)


def bucket_counts(
    session: Session,
    column: Column,
    bounds: Sequence[Any],
    source: Select[Any],
) -> list[int]:
    """How many rows of `source` have `column` in each [bounds[i], bounds[i+1]).

    `source` selects `column` (and whatever joins and conditions it needs); rows
    outside [bounds[0], bounds[-1]) are not counted. One query, len(bounds) - 1 numbers.
    """
    bucket = case(
        *((column < bound, index) for index, bound in enumerate(bounds[1:])),
        else_=len(bounds) - 1,
    ).label("bucket")
    inner = (
        source.with_only_columns(bucket).where(column >= bounds[0], column < bounds[-1]).subquery()
    )
    # Group by the subquery's column, not the CASE: PostgreSQL would see the CASE in
    # GROUP BY as a different expression from the one selected (other parameters).
    rows = session.execute(select(inner.c.bucket, func.count()).group_by(inner.c.bucket))
    counts = [0] * (len(bounds) - 1)
    for index, n in rows:
        if 0 <= int(index) < len(counts):
            counts[int(index)] = int(n)
    return counts


@dataclass(frozen=True)
class DueAhead:
    """Items overdue on `today` and due in each month ahead."""

    today: dt.date
    overdue: int
    months: list[dt.date]  # first days of the months, the first one today's month
    counts: list[int]  # due from today to the month's end, then each whole month

    @property
    def total(self) -> int:
        return self.overdue + sum(self.counts)


def _due_bounds(today: dt.date, months: int) -> tuple[list[dt.date], list[dt.date]]:
    firsts = months_from(month_start(today), months)
    # dt.date.min as the lower bound: overdue has no start.
    return firsts, [dt.date.min, today, *firsts[1:], month_start(today, months)]


def _due_ahead(
    session: Session,
    today: dt.date,
    months: int,
    column: Column,
    source: Select[Any],
) -> DueAhead:
    firsts, bounds = _due_bounds(today, months)
    counts = bucket_counts(session, column, bounds, source)
    return DueAhead(today, counts[0], firsts, counts[1:])


def briefings_due_ahead(session: Session, today: dt.date, months: int = MONTHS_AHEAD) -> DueAhead:
    """Repeated briefings by next due date: the same lines as the briefings' due list
    (each person's latest briefing found by one index seek per person)."""
    [source] = briefing_due_sources(today)
    return _due_ahead(session, today, months, Briefing.next_due, source.query)


def checks_due_ahead(session: Session, today: dt.date, months: int = MONTHS_AHEAD) -> DueAhead:
    """Knowledge checks by the last day of validity of each person's latest passed check:
    the same lines as the checks' due list."""
    [source] = check_due_sources(today)
    return _due_ahead(session, today, months, CheckResult.valid_until, source.query)


def ppe_due_ahead(session: Session, today: dt.date, months: int = MONTHS_AHEAD) -> DueAhead:
    """PPE replacements: per person and item, the earliest due date of what is in use.

    The due dates are stored on the issuances, so this is counted by the database;
    items required by the norm but never issued have no date and are not charted
    (the due list shows them). The people are those at work on `today`, as in ppe_due.
    """
    firsts, bounds = _due_bounds(today, months)
    earliest = (
        select(func.min(PpeIssue.due_date).label("due"))
        .join(Employee, Employee.id == PpeIssue.employee_id)
        .where(
            PpeIssue.closed_on.is_(None),
            PpeIssue.deleted_at.is_(None),
            PpeIssue.outside_norm.is_(False),
            PpeIssue.wear == Wear.MONTHS.value,
            PpeIssue.due_date.is_not(None),
            PpeIssue.due_date < bounds[-1],
            Employee.deleted_at.is_(None),
            or_(Employee.dismissal_date.is_(None), Employee.dismissal_date > today),
            or_(Employee.hire_date.is_(None), Employee.hire_date <= today),
        )
        .group_by(PpeIssue.employee_id, PpeIssue.item_id)
        .subquery()
    )
    counts = bucket_counts(session, earliest.c.due, bounds, select(earliest.c.due))
    return DueAhead(today, counts[0], firsts, counts[1:])


def near_misses_by_month(
    session: Session, today: dt.date, months: int = MONTHS_BACK
) -> tuple[list[dt.date], list[int]]:
    """Near misses reported per local month, the last `months` months up to today's."""
    firsts = months_from(month_start(today, 1 - months), months)
    bounds = [local_midnight(m) for m in [*firsts, month_start(today, 1)]]
    source = select(NearMiss.occurred_at).where(NearMiss.deleted_at.is_(None))
    return firsts, bucket_counts(session, NearMiss.occurred_at, bounds, source)


def risk_cells(session: Session) -> dict[Cell, int]:
    """Initial risk of every row of the assessments in force: the risk page's default view."""
    where = [RiskAssessment.deleted_at.is_(None), RiskAssessment.superseded_on.is_(None)]
    return cell_counts(session, where, residual=False)


@dataclass
class HomeCharts:
    """Everything the home page charts, read in one session."""

    today: dt.date
    matrix: Matrix | None
    risk: dict[Cell, int] = field(default_factory=dict)
    near_miss_months: list[dt.date] = field(default_factory=list)
    near_misses: list[int] = field(default_factory=list)
    briefings: DueAhead | None = None
    checks: DueAhead | None = None
    ppe: DueAhead | None = None


def home_charts(session: Session, today: dt.date) -> HomeCharts:
    try:
        _id, matrix = current_matrix(session)
    except NoRiskMatrix:
        matrix = None
    months, near = near_misses_by_month(session, today)
    return HomeCharts(
        today=today,
        matrix=matrix,
        risk=risk_cells(session) if matrix is not None else {},
        near_miss_months=months,
        near_misses=near,
        briefings=briefings_due_ahead(session, today),
        checks=checks_due_ahead(session, today),
        ppe=ppe_due_ahead(session, today),
    )
