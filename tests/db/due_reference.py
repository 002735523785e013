"""The due items as they were worked out before issue 12 (Python over loaded rows, the
window-function subqueries): the reference the aggregate SQL of `due_counts` and the
limited `due_items` must agree with, and the "before" of benchmarks/home.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from safedesk.domain.due import DUE_SOON_DAYS, DueItem


def briefings(session: Session, today: dt.date) -> list[DueItem]:
    from safedesk.db.briefings import active_filter, latest_clock_briefings
    from safedesk.db.models import Briefing, Employee

    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    rows = session.execute(
        select(Briefing.id, Briefing.next_due)
        .join(Employee, Briefing.employee_id == Employee.id)
        .where(
            Briefing.id.in_(latest_clock_briefings()),  # type: ignore[arg-type]
            Briefing.next_due.is_not(None),
            Briefing.next_due <= horizon,
            *active_filter(today),  # type: ignore[arg-type]
        )
    )
    return [DueItem("briefings", i, "", "", due) for i, due in rows]


def knowledge_checks(session: Session, today: dt.date) -> list[DueItem]:
    from safedesk.db.briefings import active_filter
    from safedesk.db.knowledge_checks import latest_results
    from safedesk.db.models import CheckResult, Employee

    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    rows = session.execute(
        select(CheckResult.id, CheckResult.valid_until)
        .join(Employee, CheckResult.employee_id == Employee.id)
        .where(
            CheckResult.id.in_(latest_results()),  # type: ignore[arg-type]
            CheckResult.valid_until.is_not(None),
            CheckResult.valid_until <= horizon,
            *active_filter(today),  # type: ignore[arg-type]
        )
    )
    return [DueItem("knowledge_checks", i, "", "", due) for i, due in rows]


def certificates(session: Session, today: dt.date) -> list[DueItem]:
    from safedesk.db.certificates import latest_certificates
    from safedesk.db.models import Certificate, ContractorWorker, Employee

    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    common = [
        Certificate.id.in_(latest_certificates()),  # type: ignore[arg-type]
        Certificate.valid_to.is_not(None),
        Certificate.valid_to <= horizon,
    ]
    own = session.execute(
        select(Certificate.id, Certificate.valid_to)
        .join(Employee, Certificate.employee_id == Employee.id)
        .where(
            *common,
            Employee.deleted_at.is_(None),
            or_(Employee.dismissal_date.is_(None), Employee.dismissal_date >= today),
        )
    ).all()
    theirs = session.execute(
        select(Certificate.id, Certificate.valid_to)
        .join(ContractorWorker, Certificate.contractor_worker_id == ContractorWorker.id)
        .where(
            *common,
            ContractorWorker.deleted_at.is_(None),
            or_(ContractorWorker.left_on.is_(None), ContractorWorker.left_on >= today),
        )
    ).all()
    return [DueItem("certificates", i, "", "", due) for i, due in [*own, *theirs]]


def ppe(session: Session, today: dt.date) -> list[DueItem]:
    """The PPE due page's lines (`due_list`, the rule in Python) as due items."""
    from safedesk.db.models import Employee
    from safedesk.db.ppe_due import REGISTER, due_list
    from safedesk.domain.ppe import DueStatus

    items: list[DueItem] = []
    hired = dict(session.execute(select(Employee.id, Employee.hire_date)).all())
    for line in due_list(session, today):
        if line.status is DueStatus.MISSING:
            start = hired.get(line.employee_id) or today
            items.append(DueItem(REGISTER, line.key, "missing", "", start))
        elif line.due is not None:
            items.append(DueItem(REGISTER, line.key, "replacement", "", line.due))
    return items


REFERENCES: dict[str, Callable[[Session, dt.date], list[DueItem]]] = {
    "safedesk.db.briefings": briefings,
    "safedesk.db.knowledge_checks": knowledge_checks,
    "safedesk.db.certificates": certificates,
    "safedesk.db.ppe_due": ppe,
}
