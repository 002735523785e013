"""Knowledge checks: who holds a valid check, what is due, and indicator 44.

The queries here are what other registers ask before admitting a person to work
(`valid_check`); writing sessions and results is in `check_sessions.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.selectable import Join

from safedesk.db.briefings import active_filter
from safedesk.db.due import Day, DueSource, SqlDue
from safedesk.db.models import (
    CheckResult,
    CheckSession,
    Employee,
    Position,
    ResponsibleAppointment,
    Unit,
)
from safedesk.db.responsible import appointments_in_force
from safedesk.db.training_norms import norms
from safedesk.db.walked_first import WalkedFirst
from safedesk.domain.due import DueItem
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
    """Indicator 44 at `on`: (responsible persons with a valid check, responsible persons).

    Counted by the database: the people of the appointments in force (as
    `appointments_in_force`), each once, and of them those holding a valid check.
    """
    people = (
        select(ResponsibleAppointment.employee_id.label("employee_id"))
        .where(
            ResponsibleAppointment.deleted_at.is_(None),
            ResponsibleAppointment.valid_from <= on,
            or_(ResponsibleAppointment.valid_to.is_(None), ResponsibleAppointment.valid_to >= on),
        )
        .distinct()
        .subquery()
    )
    checked = (
        select(CheckResult.id)
        .join(CheckSession, CheckResult.session_id == CheckSession.id)
        .where(CheckResult.employee_id == people.c.employee_id, *_valid_results(on))  # type: ignore[arg-type]
        .exists()
    )
    valid, total = session.execute(
        select(func.count(case((checked, 1))), func.count()).select_from(people)
    ).one()
    return int(valid), int(total)


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


def _latest_result_of_employee(person: Any = Employee) -> Any:
    """Correlated scalar subquery: the id of the person's latest passed result of a
    signed protocol (one index seek per person on ix_check_results_employee_checked)."""
    r, protocol = aliased(CheckResult), aliased(CheckSession)
    return (
        select(r.id)
        .join(protocol, r.session_id == protocol.id)
        .where(
            r.employee_id == person.id,
            r.outcome == CheckOutcome.PASSED.value,
            protocol.deleted_at.is_(None),
            protocol.signed_on.is_not(None),
        )
        .order_by(r.checked_on.desc(), r.id.desc())
        .limit(1)
        .correlate(person)
        .scalar_subquery()
    )


def latest_results_at_work() -> Select[Any]:
    """The ids of `latest_results` of the people not dismissed, found person by person.

    One index seek per person (ix_employees_dismissal_date, then
    ix_check_results_employee_checked) instead of numbering every passed result: the
    register's "due only" filter reads about one row per person, not the whole table.
    """
    person = aliased(Employee)
    return select(_latest_result_of_employee(person)).where(person.dismissal_date.is_(None))


def register_rows(people_first: bool = False) -> Select[Any]:
    """The FROM of the knowledge-check register: each result with its protocol, person,
    unit and position (no columns: the page's table model adds them).

    `people_first`: for an order by a column of the person (name, position, unit) the
    people are the outer loop on SQLite (WalkedFirst): by name that walks
    ix_employees_sort_name and each person's results through
    ix_check_results_employee_checked; by position or unit it still sorts, but reads the
    results person by person (in the order they were written) rather than protocol by
    protocol, about four times faster.
    """
    results, people = CheckResult.__table__, Employee.__table__
    rows: Join
    if people_first:
        rows = WalkedFirst(people, results, CheckResult.employee_id == Employee.id)
        rows = rows.join(CheckSession.__table__, CheckResult.session_id == CheckSession.id)
    else:
        rows = results.join(CheckSession.__table__, CheckResult.session_id == CheckSession.id)
        rows = rows.join(people, CheckResult.employee_id == Employee.id)
    rows = rows.outerjoin(Unit.__table__, Employee.unit_id == Unit.id)
    rows = rows.outerjoin(Position.__table__, Employee.position_id == Position.id)
    return select().select_from(rows)


def due_sources(today: Day) -> list[DueSource]:
    """Each person at work: the last day of validity of their latest passed check."""
    query = (
        select(
            CheckResult.id.label("record_id"),
            CheckResult.valid_until.label("due"),
            Employee.surname,
            Employee.name,
            Employee.patronymic,
        )
        .select_from(Employee)
        .join(CheckResult, CheckResult.id == _latest_result_of_employee())
        .where(*active_filter(today))  # type: ignore[arg-type]
    )
    return [DueSource("knowledge_checks", query, _due_item)]


def _due_item(row: Any) -> DueItem:
    # Due on the last day of validity: overdue from the day after, when it has expired.
    return DueItem(
        "knowledge_checks",
        row.record_id,
        CHECK_DUE,
        full_name(row.surname, row.name, row.patronymic),
        row.due,
    )


# Checks expired or expiring within DUE_SOON_DAYS, one per person at work.
_DUE = SqlDue(due_sources)
due_counts = _DUE.counts
due_items = _DUE.items
