"""Briefings: one person or a whole group at once, all in one transaction, all audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from safedesk.db.due import Day, DueSource, SqlDue
from safedesk.db.models import Briefing, Employee
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.training_norms import norm
from safedesk.db.types import utcnow
from safedesk.domain.due import DueItem
from safedesk.domain.people import full_name
from safedesk.domain.training import (
    BRIEFING_KIND_LABELS,
    CLOCK_KINDS,
    REPEATED_PERIOD,
    BriefingKind,
    briefing_complaints,
    next_briefing_due,
)
from safedesk.errors import Problem
from safedesk.i18n import N_


@dataclass
class BriefingFields:
    """What the briefing dialog holds: one briefing given to `employee_ids`."""

    kind: BriefingKind
    held_on: dt.date
    instructor_id: int | None
    employee_ids: list[int] = field(default_factory=list)
    topic: str = ""
    instructions: str = ""
    reason: str = ""


def active_filter(on: dt.date) -> list[object]:
    return [
        Employee.deleted_at.is_(None),
        (Employee.dismissal_date.is_(None)) | (Employee.dismissal_date >= on),
    ]


def people_of(
    session: Session,
    on: dt.date,
    unit_id: int | None = None,
    position_id: int | None = None,
) -> list[int]:
    """The employees at work on `on` in a unit and/or a position, in journal order."""
    query = select(Employee.id).where(*active_filter(on))  # type: ignore[arg-type]
    if unit_id is not None:
        query = query.where(Employee.unit_id == unit_id)
    if position_id is not None:
        query = query.where(Employee.position_id == position_id)
    return list(session.scalars(query.order_by(Employee.sort_name)))


def briefing_problems(session: Session, fields: BriefingFields, today: dt.date) -> list[Problem]:
    """Every rule the group breaks, each naming its field and, for a person, the person."""
    found: list[Problem] = []
    instructor = session.get(Employee, fields.instructor_id) if fields.instructor_id else None
    if instructor is None or instructor.deleted_at is not None:
        found.append(Problem("instructor_id", N_("Choose the instructor among the employees.")))
    elif instructor.dismissal_date is not None and instructor.dismissal_date < fields.held_on:
        found.append(
            Problem(
                "instructor_id",
                N_("The instructor was dismissed on {date}."),
                {"date": instructor.dismissal_date},
            )
        )
    if not fields.employee_ids:
        found.append(Problem("people", N_("Choose the people who were briefed.")))
    if len(set(fields.employee_ids)) != len(fields.employee_ids):
        found.append(Problem("people", N_("A person is listed twice.")))
    people = {
        e.id: e
        for e in session.scalars(select(Employee).where(Employee.id.in_(fields.employee_ids)))
    }
    # The date and the reason are one for the whole group: say each of their rules once.
    general = [
        c
        for c in briefing_complaints(
            kind=fields.kind,
            on=fields.held_on,
            today=today,
            hire_date=None,
            dismissal_date=None,
            reason=fields.reason,
            person="",
        )
    ]
    found += [Problem(c.field, c.msgid, dict(c.values)) for c in general]
    for employee_id in fields.employee_ids:
        e = people.get(employee_id)
        if e is None or e.deleted_at is not None:
            found.append(
                Problem("people", N_("Employee No. {id} does not exist."), {"id": employee_id})
            )
            continue
        for c in briefing_complaints(
            kind=fields.kind,
            on=fields.held_on,
            today=today,
            hire_date=e.hire_date,
            dismissal_date=e.dismissal_date,
            reason=fields.reason,
            person=full_name(e.surname, e.name, e.patronymic),
        ):
            if c.field == "people":
                found.append(Problem(c.field, c.msgid, dict(c.values)))
    return found


def briefing_warnings(session: Session, fields: BriefingFields) -> list[Problem]:
    """What is allowed but worth a second look: an instructor without a valid check."""
    from safedesk.db.knowledge_checks import valid_check

    if fields.instructor_id is None or session.get(Employee, fields.instructor_id) is None:
        return []
    if valid_check(session, fields.instructor_id, fields.held_on) is None:
        return [
            Problem(
                "instructor_id",
                N_("The instructor has no valid knowledge check on {date}."),
                {"date": fields.held_on},
            )
        ]
    return []


def register_briefings(
    session: Session, fields: BriefingFields, today: dt.date | None = None
) -> list[Briefing]:
    """One row per person, each with its own next due date; all or nothing."""
    refuse(briefing_problems(session, fields, today or dt.date.today()))
    months = norm(session, REPEATED_PERIOD)
    due = next_briefing_due(fields.kind, fields.held_on, months)
    user = str(session.info.get("user", ""))
    rows: list[Briefing] = []
    for employee_id in fields.employee_ids:
        row = Briefing(
            employee_id=employee_id,
            kind=fields.kind.value,
            held_on=fields.held_on,
            instructor_id=fields.instructor_id,
            topic=fields.topic.strip(),
            instructions=fields.instructions.strip(),
            reason=fields.reason.strip(),
            next_due=due,
            created_by=user,
        )
        insert(session, row)
        rows.append(row)
    return rows


def update_briefing(
    session: Session,
    briefing_id: int,
    version: int | None,
    fields: BriefingFields,
    today: dt.date | None = None,
) -> Briefing:
    """Correct one journal line (its person stays the same)."""
    row = get_row(session, Briefing, briefing_id, N_("Briefing"))
    check_version(row, version)
    fields.employee_ids = [row.employee_id]
    refuse(briefing_problems(session, fields, today or dt.date.today()))
    due = next_briefing_due(fields.kind, fields.held_on, norm(session, REPEATED_PERIOD))
    update(
        session,
        row,
        {
            "kind": fields.kind.value,
            "held_on": fields.held_on,
            "instructor_id": fields.instructor_id,
            "topic": fields.topic.strip(),
            "instructions": fields.instructions.strip(),
            "reason": fields.reason.strip(),
            "next_due": due,
        },
    )
    return row


def delete_briefing(session: Session, briefing_id: int, version: int | None) -> None:
    row = get_row(session, Briefing, briefing_id, N_("Briefing"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def last_briefing(
    session: Session, employee_id: int, kind: BriefingKind | Sequence[BriefingKind], on: dt.date
) -> Briefing | None:
    """The person's latest briefing of `kind` (or of any of the kinds) held on or before `on`."""
    kinds = [kind] if isinstance(kind, BriefingKind) else list(kind)
    return session.scalars(
        select(Briefing)
        .where(
            Briefing.employee_id == employee_id,
            Briefing.deleted_at.is_(None),
            Briefing.kind.in_([k.value for k in kinds]),
            Briefing.held_on <= on,
        )
        .order_by(Briefing.held_on.desc(), Briefing.id.desc())
        .limit(1)
    ).first()


def workplace_briefing_current(session: Session, employee_id: int, on: dt.date) -> bool:
    """Whether the person's primary/repeated briefing is not overdue on `on` (admission)."""
    last = last_briefing(session, employee_id, CLOCK_KINDS, on)
    return last is not None and (last.next_due is None or on <= last.next_due)


def latest_clock_briefings() -> object:
    """Subquery: the id of each person's latest primary or repeated briefing."""
    ranked = (
        select(
            Briefing.id.label("briefing_id"),
            func.row_number()
            .over(
                partition_by=Briefing.employee_id,
                order_by=(Briefing.held_on.desc(), Briefing.id.desc()),
            )
            .label("n"),
        )
        .where(Briefing.deleted_at.is_(None), Briefing.kind.in_([k.value for k in CLOCK_KINDS]))
        .subquery()
    )
    return select(ranked.c.briefing_id).where(ranked.c.n == 1)


def _latest_clock_briefing_of_employee() -> Any:
    """Correlated scalar subquery: the id of the employee's latest primary or repeated
    briefing (one index seek per person on ix_briefings_employee_held)."""
    b = aliased(Briefing)
    return (
        select(b.id)
        .where(
            b.employee_id == Employee.id,
            b.deleted_at.is_(None),
            b.kind.in_([k.value for k in CLOCK_KINDS]),
        )
        .order_by(b.held_on.desc(), b.id.desc())
        .limit(1)
        .correlate(Employee)
        .scalar_subquery()
    )


def due_sources(today: Day) -> list[DueSource]:
    """Each person at work: the next due date of their latest primary/repeated briefing."""
    query = (
        select(
            Briefing.id.label("record_id"),
            Briefing.next_due.label("due"),
            Employee.surname,
            Employee.name,
            Employee.patronymic,
        )
        .select_from(Employee)
        .join(Briefing, Briefing.id == _latest_clock_briefing_of_employee())
        .where(*active_filter(today))  # type: ignore[arg-type]
    )
    return [DueSource("briefings", query, _due_item)]


def _due_item(row: Any) -> DueItem:
    return DueItem(
        "briefings",
        row.record_id,
        BRIEFING_KIND_LABELS[BriefingKind.REPEATED],
        full_name(row.surname, row.name, row.patronymic),
        row.due,
    )


# Repeated briefings overdue or due within DUE_SOON_DAYS, one per person at work.
_DUE = SqlDue(due_sources)
due_counts = _DUE.counts
due_items = _DUE.items
