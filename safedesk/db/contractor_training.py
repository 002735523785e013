"""Briefings the client gives contractors' workers, and their knowledge checks.

Kept apart from the employees' journals (their tables point at employees); the kinds,
periods and validity rules are the same ones, from `domain/training.py` and the norms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from safedesk.db.due import Day, DueSource, SqlDue
from safedesk.db.models import ContractorBriefing, ContractorCheck, ContractorWorker, Employee
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.training_norms import norm, norms
from safedesk.db.types import utcnow
from safedesk.domain.due import DueItem
from safedesk.domain.people import full_name
from safedesk.domain.training import (
    BRIEFING_KIND_LABELS,
    CLOCK_KINDS,
    REPEATED_PERIOD,
    BriefingKind,
    CheckOutcome,
    check_period_code,
    check_valid_until,
    next_briefing_due,
)
from safedesk.errors import Problem
from safedesk.i18n import N_

CONTRACTOR_CHECK_DUE = N_("Knowledge check of a contractor's worker")


@dataclass
class ContractorBriefingFields:
    kind: BriefingKind
    held_on: dt.date
    instructor_id: int | None
    worker_ids: list[int] = field(default_factory=list)
    topic: str = ""
    reason: str = ""


@dataclass
class ContractorCheckFields:
    worker_id: int | None
    checked_on: dt.date
    outcome: CheckOutcome = CheckOutcome.PASSED
    valid_until: dt.date | None = None  # None: by the workers' period of the norms
    checked_by: str = ""
    protocol_no: str = ""
    certificate_no: str = ""
    note: str = ""


def _worker_problem(session: Session, worker_id: int | None, on: dt.date) -> Problem | None:
    worker = session.get(ContractorWorker, worker_id) if worker_id else None
    if worker is None or worker.deleted_at is not None:
        return Problem("worker", N_("Choose the contractor's worker."))
    if worker.left_on is not None and on > worker.left_on:
        who = full_name(worker.surname, worker.name, worker.patronymic)
        return Problem(
            "worker",
            N_("{person} left the site on {left}, before {date}."),
            {"person": who, "left": worker.left_on, "date": on},
        )
    return None


def contractor_briefing_problems(
    session: Session, fields: ContractorBriefingFields, today: dt.date
) -> list[Problem]:
    found: list[Problem] = []
    instructor = session.get(Employee, fields.instructor_id) if fields.instructor_id else None
    if instructor is None or instructor.deleted_at is not None:
        found.append(Problem("instructor_id", N_("Choose the instructor among the employees.")))
    if fields.held_on > today:
        found.append(
            Problem("date", N_("Briefing date {date} is in the future."), {"date": fields.held_on})
        )
    if fields.kind is BriefingKind.UNSCHEDULED and not fields.reason.strip():
        found.append(Problem("reason", N_("The reason is required for an unscheduled briefing.")))
    if not fields.worker_ids:
        found.append(Problem("people", N_("Choose the people who were briefed.")))
    if len(set(fields.worker_ids)) != len(fields.worker_ids):
        found.append(Problem("people", N_("A person is listed twice.")))
    for worker_id in fields.worker_ids:
        problem = _worker_problem(session, worker_id, fields.held_on)
        if problem is not None:
            found.append(Problem("people", problem.msgid, problem.values))
    return found


def register_contractor_briefings(
    session: Session, fields: ContractorBriefingFields, today: dt.date | None = None
) -> list[ContractorBriefing]:
    """One row per worker, each with the next repeated briefing due; all or nothing."""
    refuse(contractor_briefing_problems(session, fields, today or dt.date.today()))
    due = next_briefing_due(fields.kind, fields.held_on, norm(session, REPEATED_PERIOD))
    rows: list[ContractorBriefing] = []
    for worker_id in fields.worker_ids:
        row = ContractorBriefing(
            worker_id=worker_id,
            kind=fields.kind.value,
            held_on=fields.held_on,
            instructor_id=fields.instructor_id,
            topic=fields.topic.strip(),
            reason=fields.reason.strip(),
            next_due=due,
            created_by=str(session.info.get("user", "")),
        )
        insert(session, row)
        rows.append(row)
    return rows


def delete_contractor_briefing(session: Session, briefing_id: int, version: int | None) -> None:
    row = get_row(session, ContractorBriefing, briefing_id, N_("Briefing"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def last_contractor_briefing(
    session: Session, worker_id: int, kinds: Sequence[BriefingKind], on: dt.date
) -> ContractorBriefing | None:
    return session.scalars(
        select(ContractorBriefing)
        .where(
            ContractorBriefing.worker_id == worker_id,
            ContractorBriefing.deleted_at.is_(None),
            ContractorBriefing.kind.in_([k.value for k in kinds]),
            ContractorBriefing.held_on <= on,
        )
        .order_by(ContractorBriefing.held_on.desc(), ContractorBriefing.id.desc())
        .limit(1)
    ).first()


def contractor_check_problems(
    session: Session, fields: ContractorCheckFields, today: dt.date
) -> list[Problem]:
    found: list[Problem] = []
    problem = _worker_problem(session, fields.worker_id, fields.checked_on)
    if problem is not None:
        found.append(problem)
    if fields.checked_on > today:
        found.append(
            Problem(
                "checked_on",
                N_("The check date {date} is in the future."),
                {"date": fields.checked_on},
            )
        )
    if fields.valid_until is not None and fields.valid_until < fields.checked_on:
        found.append(
            Problem(
                "valid_until",
                N_("Valid to {valid_to} is before the issue date {issued_on}."),
                {"valid_to": fields.valid_until, "issued_on": fields.checked_on},
            )
        )
    if not fields.checked_by.strip():
        found.append(
            Problem("checked_by", N_("Name who checked: a commission or a training centre."))
        )
    return found


def record_contractor_check(
    session: Session, fields: ContractorCheckFields, today: dt.date | None = None
) -> ContractorCheck:
    """A check with its validity: as typed, or by the workers' period of the norms."""
    refuse(contractor_check_problems(session, fields, today or dt.date.today()))
    until = fields.valid_until
    if until is None and fields.outcome is CheckOutcome.PASSED:
        months = norms(session).get(check_period_code("worker"))
        until = check_valid_until(fields.checked_on, months) if months else None
    row = ContractorCheck(
        worker_id=fields.worker_id,
        checked_on=fields.checked_on,
        outcome=fields.outcome.value,
        valid_until=until if fields.outcome is CheckOutcome.PASSED else None,
        checked_by=fields.checked_by.strip(),
        protocol_no=fields.protocol_no.strip(),
        certificate_no=fields.certificate_no.strip(),
        note=fields.note.strip(),
        created_by=str(session.info.get("user", "")),
    )
    insert(session, row)
    return row


def delete_contractor_check(session: Session, check_id: int, version: int | None) -> None:
    row = get_row(session, ContractorCheck, check_id, N_("Knowledge check"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def check_in_force(session: Session, worker_id: int, on: dt.date) -> ContractorCheck | None:
    """The worker's passed check in force on `on`, the latest first."""
    return session.scalars(
        select(ContractorCheck)
        .where(
            ContractorCheck.worker_id == worker_id,
            ContractorCheck.deleted_at.is_(None),
            ContractorCheck.outcome == CheckOutcome.PASSED.value,
            ContractorCheck.checked_on <= on,
            or_(ContractorCheck.valid_until.is_(None), ContractorCheck.valid_until >= on),
        )
        .order_by(ContractorCheck.checked_on.desc(), ContractorCheck.id.desc())
        .limit(1)
    ).first()


def _latest_of_worker(
    model: type[ContractorCheck] | type[ContractorBriefing], conditions: list[Any]
) -> Any:
    """Correlated scalar subquery: the id of the worker's latest row of `model` meeting
    `conditions` (one index seek per worker on the worker's date index)."""
    row = aliased(model)
    day = row.checked_on if model is ContractorCheck else row.held_on  # type: ignore[union-attr]
    return (
        select(row.id)
        .where(
            row.worker_id == ContractorWorker.id,
            row.deleted_at.is_(None),
            *[c(row) for c in conditions],
        )
        .order_by(day.desc(), row.id.desc())
        .limit(1)
        .correlate(ContractorWorker)
        .scalar_subquery()
    )


def due_sources(today: Day) -> list[DueSource]:
    """Contractors' workers on the site: their latest passed check's last day of validity
    and their latest primary/repeated briefing's next due date."""
    on_site = [
        ContractorWorker.deleted_at.is_(None),
        or_(ContractorWorker.left_on.is_(None), ContractorWorker.left_on >= today),
    ]
    names = (ContractorWorker.surname, ContractorWorker.name, ContractorWorker.patronymic)
    passed = _latest_of_worker(
        ContractorCheck, [lambda r: r.outcome == CheckOutcome.PASSED.value]
    )
    checks = (
        select(
            ContractorWorker.id.label("record_id"),
            ContractorCheck.valid_until.label("due"),
            *names,
        )
        .select_from(ContractorWorker)
        .join(ContractorCheck, ContractorCheck.id == passed)
        .where(*on_site)
    )
    clock = _latest_of_worker(
        ContractorBriefing, [lambda r: r.kind.in_([k.value for k in CLOCK_KINDS])]
    )
    briefings = (
        select(
            ContractorWorker.id.label("record_id"),
            ContractorBriefing.next_due.label("due"),
            *names,
        )
        .select_from(ContractorWorker)
        .join(ContractorBriefing, ContractorBriefing.id == clock)
        .where(*on_site)
    )
    return [
        DueSource("contractor_workers", checks, _item(CONTRACTOR_CHECK_DUE)),
        DueSource(
            "contractor_workers", briefings, _item(BRIEFING_KIND_LABELS[BriefingKind.REPEATED])
        ),
    ]


def _item(what: str) -> Callable[[Any], DueItem]:
    def make(row: Any) -> DueItem:
        who = full_name(row.surname, row.name, row.patronymic)
        return DueItem("contractor_workers", row.record_id, what, who, row.due)

    return make


# Contractors' workers on the site whose check or repeated briefing expires soon.
_DUE = SqlDue(due_sources)
due_counts = _DUE.counts
due_items = _DUE.items
