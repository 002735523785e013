"""The permit log of a period as plain rows: what the journal prints, the XLSX and the
submission package export. A permit belongs to a period when its planned work overlaps it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from safedesk.db.models import (
    Employee,
    Permit,
    PermitCrewMember,
    PermitRole,
    PermitTransition,
    Unit,
)
from safedesk.db.units import unit_paths
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.people import full_name
from safedesk.domain.permits import PermitState, PermitType, Role


@dataclass(frozen=True)
class LogRow:
    id: int
    number: str
    type: PermitType
    state: PermitState
    unit_kk: str
    unit_ru: str
    location: str
    work: str
    planned_start: dt.datetime
    planned_end: dt.datetime
    issued_at: dt.datetime | None
    activated_at: dt.datetime | None
    closed_at: dt.datetime | None
    issuer: str
    supervisor: str
    supervisor_iin: str
    admitter: str
    crew: int
    reported_to: str


def bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The period [start, end] in Kazakhstan days as UTC moments [first, after)."""
    first = dt.datetime.combine(start, dt.time(), tzinfo=KAZAKHSTAN)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=KAZAKHSTAN)
    return first.astimezone(dt.UTC), after.astimezone(dt.UTC)


def in_period(start: dt.date, end: dt.date) -> list[ColumnElement[bool]]:
    first, after = bounds(start, end)
    return [
        Permit.deleted_at.is_(None),
        Permit.planned_start < after,
        Permit.planned_end >= first,
    ]


def unit_and_below(session: Session, unit_id: int) -> list[int]:
    """The unit and every unit under it."""
    children: dict[int | None, list[int]] = {}
    for uid, parent in session.execute(select(Unit.id, Unit.parent_id)):
        children.setdefault(parent, []).append(int(uid))
    found, queue = [], [unit_id]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def log_rows(
    session: Session, start: dt.date, end: dt.date, unit_id: int | None = None
) -> list[LogRow]:
    query = select(Permit).where(*in_period(start, end))
    if unit_id is not None:
        query = query.where(Permit.unit_id.in_(unit_and_below(session, unit_id)))
    permits = list(session.scalars(query.order_by(Permit.year, Permit.seq)))
    ids = [p.id for p in permits]
    people: dict[tuple[int, str], tuple[str, str]] = {}
    steps: dict[tuple[int, str], dt.datetime] = {}
    crew: dict[int, int] = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        for pid, role, surname, name, patronymic, iin in session.execute(
            select(
                PermitRole.permit_id,
                PermitRole.role,
                Employee.surname,
                Employee.name,
                Employee.patronymic,
                Employee.iin,
            )
            .join(Employee, PermitRole.employee_id == Employee.id)
            .where(PermitRole.permit_id.in_(chunk))
        ):
            people[(pid, role)] = (full_name(surname, name, patronymic), iin)
        for pid, action, at in session.execute(
            select(
                PermitTransition.permit_id, PermitTransition.action, func.min(PermitTransition.at)
            )
            .where(PermitTransition.permit_id.in_(chunk))
            .group_by(PermitTransition.permit_id, PermitTransition.action)
        ):
            steps[(pid, action)] = at
        for pid, count in session.execute(
            select(PermitCrewMember.permit_id, func.count())
            .where(PermitCrewMember.permit_id.in_(chunk))
            .group_by(PermitCrewMember.permit_id)
        ):
            crew[pid] = int(count)
    kk, ru = unit_paths(session, "kk"), unit_paths(session, "ru")

    def who(pid: int, role: Role) -> tuple[str, str]:
        return people.get((pid, role.value), ("", ""))

    return [
        LogRow(
            id=p.id,
            number=p.number,
            type=PermitType(p.type),
            state=PermitState(p.state),
            unit_kk=kk.get(p.unit_id, ""),
            unit_ru=ru.get(p.unit_id, ""),
            location=p.location,
            work=p.work,
            planned_start=p.planned_start,
            planned_end=p.planned_end,
            issued_at=steps.get((p.id, "issue")),
            activated_at=steps.get((p.id, "activate")),
            closed_at=p.closed_at,
            issuer=who(p.id, Role.ISSUER)[0],
            supervisor=who(p.id, Role.SUPERVISOR)[0],
            supervisor_iin=who(p.id, Role.SUPERVISOR)[1],
            admitter=who(p.id, Role.ADMITTER)[0],
            crew=crew.get(p.id, 0),
            reported_to=p.reported_to,
        )
        for p in permits
    ]


def local(moment: dt.datetime | None) -> dt.datetime | None:
    """A UTC moment as a naive Kazakhstan time, as Excel and the journal show it."""
    return moment.astimezone(KAZAKHSTAN).replace(tzinfo=None) if moment else None
