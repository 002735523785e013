"""The monthly OHS day (roadmap item 5): date, topic, kind, and who attended.

The list of people is taken from the employees (a unit, or everyone at work that day);
each is marked present or absent once the day is held.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.audit import record, snapshot
from safedesk.db.briefings import people_of
from safedesk.db.due import count_items
from safedesk.db.models import Employee, SafetyDay, SafetyDayAttendance, Unit
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.due import DueCounts, DueItem
from safedesk.domain.people import full_name
from safedesk.domain.safety_days import (
    SafetyDayKind,
    attendee_complaint,
    month_end,
    safety_day_complaints,
)
from safedesk.errors import Problem
from safedesk.i18n import N_

SAFETY_DAY_DUE = N_("Monthly OHS day")


@dataclass
class SafetyDayFields:
    held_on: dt.date
    kind: SafetyDayKind
    topic: str
    unit_id: int | None = None  # None: the whole enterprise
    leader_id: int | None = None
    place: str = ""
    note: str = ""
    people: list[int] = field(default_factory=list)
    absent: set[int] = field(default_factory=set)  # of `people`, those who did not come


def safety_day_problems(session: Session, fields: SafetyDayFields, today: dt.date) -> list[Problem]:
    found = [
        Problem(c.field, c.msgid, dict(c.values))
        for c in safety_day_complaints(
            topic=fields.topic,
            held_on=fields.held_on,
            today=today,
            marked_present=bool(set(fields.people) - fields.absent),
        )
    ]
    if fields.unit_id is not None:
        unit = session.get(Unit, fields.unit_id)
        if unit is None or unit.deleted_at is not None:
            found.append(Problem("unit_id", N_("Choose the unit.")))
    if fields.leader_id is not None:
        leader = session.get(Employee, fields.leader_id)
        if leader is None or leader.deleted_at is not None:
            found.append(Problem("leader_id", N_("Choose the leader among the employees.")))
    if len(set(fields.people)) != len(fields.people):
        found.append(Problem("people", N_("A person is listed twice.")))
    if not fields.absent <= set(fields.people):
        found.append(Problem("people", N_("Only a listed person can be marked absent.")))
    people = {
        e.id: e for e in session.scalars(select(Employee).where(Employee.id.in_(fields.people)))
    }
    for employee_id in fields.people:
        e = people.get(employee_id)
        if e is None or e.deleted_at is not None:
            found.append(
                Problem("people", N_("Employee No. {id} does not exist."), {"id": employee_id})
            )
            continue
        c = attendee_complaint(
            full_name(e.surname, e.name, e.patronymic),
            fields.held_on,
            e.hire_date,
            e.dismissal_date,
        )
        if c is not None:
            found.append(Problem(c.field, c.msgid, dict(c.values)))
    return found


def _values(fields: SafetyDayFields) -> dict[str, object]:
    return {
        "held_on": fields.held_on,
        "kind": fields.kind.value,
        "topic": fields.topic.strip(),
        "unit_id": fields.unit_id,
        "leader_id": fields.leader_id,
        "place": fields.place.strip(),
        "note": fields.note.strip(),
    }


def _write_attendance(session: Session, day: SafetyDay, fields: SafetyDayFields) -> None:
    """Bring the day's list to `fields.people`: add, remove and re-mark, each audited."""
    current = {
        a.employee_id: a
        for a in session.scalars(
            select(SafetyDayAttendance).where(SafetyDayAttendance.safety_day_id == day.id)
        )
    }
    wanted = set(fields.people)
    for employee_id, listed in current.items():
        if employee_id not in wanted:
            before = snapshot(listed)
            session.delete(listed)
            session.flush()
            record(session, "delete", listed, before)
    user = str(session.info.get("user", ""))
    for employee_id in fields.people:
        present = employee_id not in fields.absent
        row = current.get(employee_id)
        if row is None:
            insert(
                session,
                SafetyDayAttendance(
                    safety_day_id=day.id, employee_id=employee_id, present=present, created_by=user
                ),
            )
        else:
            update(session, row, {"present": present})


def add_safety_day(
    session: Session, fields: SafetyDayFields, today: dt.date | None = None
) -> SafetyDay:
    refuse(safety_day_problems(session, fields, today or dt.date.today()))
    day = SafetyDay(**_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, day)
    _write_attendance(session, day, fields)
    return day


def update_safety_day(
    session: Session,
    day_id: int,
    version: int | None,
    fields: SafetyDayFields,
    today: dt.date | None = None,
) -> SafetyDay:
    day = get_row(session, SafetyDay, day_id, N_("OHS day"))
    check_version(day, version)
    refuse(safety_day_problems(session, fields, today or dt.date.today()))
    update(session, day, _values(fields))
    _write_attendance(session, day, fields)
    return day


def delete_safety_day(session: Session, day_id: int, version: int | None) -> None:
    day = get_row(session, SafetyDay, day_id, N_("OHS day"))
    check_version(day, version)
    update(session, day, {"deleted_at": utcnow()})


def expected_people(session: Session, on: dt.date, unit_id: int | None) -> list[int]:
    """Who is asked to attend: the unit's employees at work that day, or everyone."""
    hired = set(
        session.scalars(
            select(Employee.id).where(Employee.hire_date.is_not(None), Employee.hire_date > on)
        )
    )
    return [e for e in people_of(session, on, unit_id) if e not in hired]


def attendance(session: Session, day_id: int) -> list[SafetyDayAttendance]:
    """The day's list in the order of names."""
    return list(
        session.scalars(
            select(SafetyDayAttendance)
            .join(Employee, SafetyDayAttendance.employee_id == Employee.id)
            .where(SafetyDayAttendance.safety_day_id == day_id)
            .order_by(Employee.sort_name)
        )
    )


def days_held(session: Session, start: dt.date, end: dt.date) -> list[SafetyDay]:
    return list(
        session.scalars(
            select(SafetyDay)
            .where(
                SafetyDay.deleted_at.is_(None),
                SafetyDay.held_on >= start,
                SafetyDay.held_on <= end,
            )
            .order_by(SafetyDay.held_on, SafetyDay.id)
        )
    )


def due_counts(session: Session, today: dt.date) -> DueCounts:
    return count_items(_due(session, today), today)


def due_items(
    session: Session, today: dt.date, limit: int | None = None, counts: DueCounts | None = None
) -> list[DueItem]:
    """This month's OHS day, due by the month's end, while none is recorded for the month
    (one item at most, from one-row queries; `limit` changes nothing).

    Said only where the register is kept (some OHS day recorded before), so that a new
    database is not reminded of a register it does not use yet.
    """
    items = _due(session, today)
    if counts is not None:
        counts.merge(count_items(items, today))
    return items


def _due(session: Session, today: dt.date) -> list[DueItem]:
    kept = session.scalar(
        select(SafetyDay.id)
        .where(SafetyDay.deleted_at.is_(None), SafetyDay.held_on < today)
        .limit(1)
    )
    if kept is None:
        return []
    start = today.replace(day=1)
    held = session.scalar(
        select(SafetyDay.id).where(
            SafetyDay.deleted_at.is_(None),
            SafetyDay.held_on >= start,
            SafetyDay.held_on <= month_end(today),
        )
        .limit(1)
    )
    if held is not None:
        return []
    return [DueItem("safety_days", 0, SAFETY_DAY_DUE, "", month_end(today))]
