"""Knowledge checks: who holds a valid check, what is due, and indicator 44.

The queries here are what other registers ask before admitting a person to work
(`valid_check`); writing sessions and results is in `check_sessions.py`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.briefings import active_filter
from safedesk.db.models import CheckResult, CheckSession, Employee, Position
from safedesk.db.responsible import appointments_in_force
from safedesk.db.training_norms import norms
from safedesk.domain.due import DUE_SOON_DAYS, DueItem
from safedesk.domain.people import full_name
from safedesk.domain.training import CheckOutcome, check_period_months
from safedesk.i18n import N_

CHECK_DUE = N_("Knowledge check")


def _valid_results(on: dt.date) -> list[object]:
    """Conditions of a result that makes a valid check on `on` (CheckSession joined)."""
    return [
        CheckResult.outcome == CheckOutcome.PASSED.value,
        CheckResult.checked_on <= on,
        (CheckResult.valid_until.is_(None)) | (CheckResult.valid_until >= on),
        CheckSession.deleted_at.is_(None),
        CheckSession.signed_on.is_not(None),
    ]


def valid_check(session: Session, employee_id: int, on: dt.date) -> CheckResult | None:
    """The person's passed check in force on `on` from a signed protocol, the latest first."""
    return session.scalars(
        select(CheckResult)
        .join(CheckSession, CheckResult.session_id == CheckSession.id)
        .where(CheckResult.employee_id == employee_id, *_valid_results(on))  # type: ignore[arg-type]
        .order_by(CheckResult.checked_on.desc(), CheckResult.id.desc())
        .limit(1)
    ).first()


def holders_of_valid_checks(session: Session, employee_ids: list[int], on: dt.date) -> set[int]:
    """Which of `employee_ids` hold a valid check on `on` (one query for many people)."""
    if not employee_ids:
        return set()
    return set(
        session.scalars(
            select(CheckResult.employee_id)
            .join(CheckSession, CheckResult.session_id == CheckSession.id)
            .where(CheckResult.employee_id.in_(employee_ids), *_valid_results(on))  # type: ignore[arg-type]
        )
    )


def responsible_ids(session: Session, on: dt.date) -> set[int]:
    return {a.employee_id for a in appointments_in_force(session, on)}


def check_months_for(session: Session, employee_id: int, on: dt.date) -> int | None:
    """How long a check passed on `on` is valid for this person: by category or as responsible."""
    category = session.scalar(
        select(Position.category)
        .join(Employee, Employee.position_id == Position.id)
        .where(Employee.id == employee_id)
    )
    responsible = employee_id in responsible_ids(session, on)
    return check_period_months(category, responsible, norms(session))


def responsible_check_share(session: Session, on: dt.date) -> tuple[int, int]:
    """Indicator 44 at `on`: (responsible persons with a valid check, responsible persons)."""
    people = sorted(responsible_ids(session, on))
    return len(holders_of_valid_checks(session, people, on)), len(people)


def latest_results() -> object:
    """Subquery: the id of each person's latest passed result of a signed protocol."""
    ranked = (
        select(
            CheckResult.id.label("result_id"),
            func.row_number()
            .over(
                partition_by=CheckResult.employee_id,
                order_by=(CheckResult.checked_on.desc(), CheckResult.id.desc()),
            )
            .label("n"),
        )
        .join(CheckSession, CheckResult.session_id == CheckSession.id)
        .where(
            CheckResult.outcome == CheckOutcome.PASSED.value,
            CheckSession.deleted_at.is_(None),
            CheckSession.signed_on.is_not(None),
        )
        .subquery()
    )
    return select(ranked.c.result_id).where(ranked.c.n == 1)


def due_items(session: Session, today: dt.date) -> list[DueItem]:
    """Checks expired or expiring within DUE_SOON_DAYS, one per person at work."""
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    rows = session.execute(
        select(
            CheckResult.id,
            CheckResult.valid_until,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
        )
        .join(Employee, CheckResult.employee_id == Employee.id)
        .where(
            CheckResult.id.in_(latest_results()),  # type: ignore[arg-type]
            CheckResult.valid_until.is_not(None),
            CheckResult.valid_until <= horizon,
            *active_filter(today),  # type: ignore[arg-type]
        )
    )
    # Due on the last day of validity: overdue from the day after, when it has expired.
    return [
        DueItem(
            "knowledge_checks",
            row_id,
            CHECK_DUE,
            full_name(surname, name, patronymic),
            until,
        )
        for row_id, until, surname, name, patronymic in rows
        if until is not None
    ]
