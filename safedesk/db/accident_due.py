"""What the accident register has due: legal steps not taken, measures not done."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from safedesk.db.accident_deadlines import deadline_rules
from safedesk.db.due import DUE_TODAY, Day, DueSource, count_items, count_sources, list_sources
from safedesk.db.holidays import work_calendar
from safedesk.db.models import Accident, AccidentCause, Employee
from safedesk.domain.accidents import accident_steps
from safedesk.domain.due import DUE_SOON_DAYS, DueCounts, DueItem, most_urgent
from safedesk.domain.people import short_name
from safedesk.i18n import N_

REGISTER = "accidents"
MEASURE_DUE = N_("Measure after an accident")


def _current() -> list[ColumnElement[bool]]:
    """Not deleted and not replaced by a correction."""
    newer = aliased(Accident)
    return [
        Accident.deleted_at.is_(None),
        ~select(newer.id).where(newer.corrects_id == Accident.id).exists(),
    ]


def due_sources(today: Day) -> list[DueSource]:
    """Measures after accidents not done, by their deadline (the accident is opened)."""
    query = (
        select(
            AccidentCause.accident_id.label("record_id"),
            AccidentCause.due.label("due"),
            Employee.surname,
            Employee.name,
            Employee.patronymic,
        )
        .join(Accident, Accident.id == AccidentCause.accident_id)
        .outerjoin(Employee, Employee.id == AccidentCause.owner_id)
        .where(*_current(), AccidentCause.done_on.is_(None))
    )
    return [DueSource(REGISTER, query, _measure_item)]


def _measure_item(row: Any) -> DueItem:
    who = short_name(row.surname, row.name, row.patronymic) if row.surname else ""
    return DueItem(REGISTER, row.record_id, MEASURE_DUE, who, row.due)


def step_items(session: Session, today: dt.date) -> list[DueItem]:
    """The legal steps not taken of the accidents not signed yet.

    Their deadlines count working days by the holiday calendar, so they are worked out
    here; only the open (unsigned) investigations are read, a handful at a time.
    """
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    open_rows = session.execute(
        select(
            Accident.id,
            Accident.number,
            Accident.occurred_at,
            Accident.notified_on,
            Accident.commission_on,
            Accident.investigated_on,
            Accident.act_on,
        ).where(*_current(), Accident.signed.is_(False))
    ).all()
    if not open_rows:
        return []
    calendar = work_calendar(session)
    rules = deadline_rules(session)
    items: list[DueItem] = []
    for row in open_rows:
        steps = accident_steps(
            row.occurred_at,
            calendar,
            notified_on=row.notified_on,
            commission_on=row.commission_on,
            investigated_on=row.investigated_on,
            act_on=row.act_on,
            rules=rules,
        )
        for step in steps:
            if step.done is None and step.due <= horizon:
                items.append(DueItem(REGISTER, row.id, step.what, row.number, step.due))
    return items


@cache
def _prepared_sources() -> list[DueSource]:
    """The sources built once, for any day (DUE_TODAY)."""
    return due_sources(DUE_TODAY)


def due_counts(session: Session, today: dt.date) -> DueCounts:
    counts = count_sources(session, _prepared_sources(), today)
    return counts.merge(count_items(step_items(session, today), today))


def due_items(
    session: Session, today: dt.date, limit: int | None = None, counts: DueCounts | None = None
) -> list[DueItem]:
    steps = step_items(session, today)
    if counts is not None:
        counts.merge(count_items(steps, today))
    return most_urgent(steps, today, limit) + list_sources(
        session, _prepared_sources(), today, limit, counts
    )
