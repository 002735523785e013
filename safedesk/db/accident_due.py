"""What the accident register has due: legal steps not taken, measures not done."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from safedesk.db.accident_deadlines import deadline_rules
from safedesk.db.holidays import work_calendar
from safedesk.db.models import Accident, AccidentCause, Employee
from safedesk.domain.accidents import accident_steps
from safedesk.domain.due import DUE_SOON_DAYS, DueItem
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


def due_items(session: Session, today: dt.date) -> list[DueItem]:
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    calendar = work_calendar(session)
    rules = deadline_rules(session)
    items: list[DueItem] = []
    open_rows = session.scalars(select(Accident).where(*_current(), Accident.signed.is_(False)))
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
    measures = session.execute(
        select(
            AccidentCause.accident_id,
            AccidentCause.due,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
        )
        .join(Accident, Accident.id == AccidentCause.accident_id)
        .outerjoin(Employee, Employee.id == AccidentCause.owner_id)
        .where(
            *_current(),
            AccidentCause.done_on.is_(None),
            AccidentCause.due.is_not(None),
            AccidentCause.due <= horizon,
        )
    ).all()
    for accident_id, due, s, n, p in measures:
        if due is None:
            continue
        items.append(
            DueItem(REGISTER, accident_id, MEASURE_DUE, short_name(s, n, p) if s else "", due)
        )
    return items
