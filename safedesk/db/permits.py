"""Permits: write a draft (from scratch or as a copy of an earlier permit), number it, edit it.

A draft holds everything the paper permit lists before it is issued: the header, the
roles, the crew, the hazard / measure / PPE lines and the isolation points. From issue on,
the permit changes only through its steps (permit_steps.py) and the entries of the work
(permit_work.py); closed and cancelled permits do not change at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from safedesk.db.audit import record, snapshot
from safedesk.db.models import (
    ContractorWorker,
    Employee,
    Permit,
    PermitCrewMember,
    PermitGasTest,
    PermitIsolation,
    PermitLine,
    PermitRole,
    Unit,
)
from safedesk.db.permit_locks import lock_problem
from safedesk.db.permit_reference import NUMBER_PATTERN, setting
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.permits import (
    ROLE_LABELS,
    MeasureKind,
    PermitState,
    PermitType,
    Role,
    format_number,
    is_read_only,
    planned_window_complaints,
)
from safedesk.errors import Problem, ReadOnlyRecord
from safedesk.i18n import N_

# Roles the enterprise itself must hold: a contractor may supervise and observe its crew.
OWN_ROLES = frozenset({Role.ISSUER, Role.RESPONSIBLE_MANAGER, Role.ADMITTER})


@dataclass(frozen=True)
class PersonRef:
    """One person on a permit: an employee or a contractor's worker."""

    employee_id: int | None = None
    contractor_worker_id: int | None = None

    @property
    def key(self) -> str:
        if self.employee_id is not None:
            return f"employee:{self.employee_id}"
        return f"contractor:{self.contractor_worker_id}"


@dataclass(frozen=True)
class IsolationPoint:
    point: str
    method: str = ""
    lock_no: str = ""


@dataclass
class PermitFields:
    type: PermitType
    unit_id: int | None
    planned_start: dt.datetime | None
    planned_end: dt.datetime | None
    location: str = ""
    work: str = ""
    roles: dict[Role, PersonRef] = field(default_factory=dict)
    crew: list[PersonRef] = field(default_factory=list)
    hazards: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    ppe: list[str] = field(default_factory=list)
    isolations: list[IsolationPoint] = field(default_factory=list)
    note: str = ""


def editable(permit: Permit, *states: PermitState) -> None:
    """Refuse any change to evidence, and changes not made in one of `states` (if given)."""
    state = PermitState(permit.state)
    if is_read_only(state):
        raise ReadOnlyRecord()
    if states and state not in states:
        refuse([Problem("state", N_("This cannot be changed once the permit is issued."))])


def person_problems(session: Session, ref: PersonRef, where: str, label: str) -> list[Problem]:
    """The person must be on record; a dismissed person is the gate's reason, not a typo."""
    if (ref.employee_id is None) == (ref.contractor_worker_id is None):
        return [Problem(where, N_("{who}: choose one person."), {"who": label})]
    row = (
        session.get(Employee, ref.employee_id)
        if ref.employee_id is not None
        else session.get(ContractorWorker, ref.contractor_worker_id)
    )
    if row is None or row.deleted_at is not None:
        return [Problem(where, N_("{who}: the person is not on record."), {"who": label})]
    return []


def _problems(
    session: Session, fields: PermitFields, permit_id: int | None = None
) -> list[Problem]:
    found = [
        Problem(c.field, c.msgid, dict(c.values))
        for c in planned_window_complaints(fields.planned_start, fields.planned_end)
    ]
    unit = session.get(Unit, fields.unit_id) if fields.unit_id is not None else None
    if unit is None or unit.deleted_at is not None:
        found.append(Problem("unit_id", N_("Choose the unit where the work is done.")))
    if not fields.work.strip():
        found.append(Problem("work", N_("Describe the work.")))
    if not fields.location.strip():
        found.append(Problem("location", N_("Name the place of the work.")))
    for role, ref in fields.roles.items():
        found += person_problems(session, ref, f"role_{role.value}", ROLE_LABELS[role])
        if role in OWN_ROLES and ref.employee_id is None:
            found.append(
                Problem(
                    f"role_{role.value}",
                    N_("The {who} must be an employee of the enterprise."),
                    {"who": ROLE_LABELS[role]},
                )
            )
    keys = [ref.key for ref in fields.crew]
    if len(set(keys)) != len(keys):
        found.append(Problem("crew", N_("A person is listed twice in the crew.")))
    for ref in fields.crew:
        found += person_problems(session, ref, "crew", N_("Crew member"))
    locks = [p.lock_no.strip() for p in fields.isolations if p.lock_no.strip()]
    if len(set(locks)) != len(locks):
        found.append(Problem("isolations", N_("A lock No. is written on two points.")))
    for lock in locks:
        problem = lock_problem(session, lock, except_permit_id=permit_id)
        if problem is not None:
            found.append(problem)
    if any(not p.point.strip() for p in fields.isolations):
        found.append(Problem("isolations", N_("Name every isolation point.")))
    return found


def local_year(moment: dt.datetime) -> int:
    return moment.astimezone(KAZAKHSTAN).year


def next_number(session: Session, year: int) -> tuple[int, str]:
    seq = int(session.scalar(select(func.max(Permit.seq)).where(Permit.year == year)) or 0) + 1
    return seq, format_number(setting(session, NUMBER_PATTERN), year, seq)


def _group_of(session: Session, ref: PersonRef) -> int | None:
    if ref.employee_id is not None:
        e = session.get(Employee, ref.employee_id)
        return e.electrical_group if e else None
    w = session.get(ContractorWorker, ref.contractor_worker_id)
    return w.electrical_group if w else None


def _write_children(session: Session, permit: Permit, fields: PermitFields) -> None:
    """Replace the draft's lists with `fields` (each row audited)."""
    for model in (PermitRole, PermitCrewMember, PermitLine, PermitIsolation):
        old = list(session.scalars(select(model).where(model.permit_id == permit.id)))
        for row in old:
            record(session, "delete", row, snapshot(row))
        session.execute(delete(model).where(model.permit_id == permit.id))
    user = str(session.info.get("user", ""))
    for role in Role:
        ref = fields.roles.get(role)
        if ref is not None:
            insert(
                session,
                PermitRole(
                    permit_id=permit.id,
                    role=role.value,
                    employee_id=ref.employee_id,
                    contractor_worker_id=ref.contractor_worker_id,
                    created_by=user,
                ),
            )
    for ref in fields.crew:
        insert(
            session,
            PermitCrewMember(
                permit_id=permit.id,
                employee_id=ref.employee_id,
                contractor_worker_id=ref.contractor_worker_id,
                electrical_group=_group_of(session, ref),
                created_by=user,
            ),
        )
    for kind, texts in (
        (MeasureKind.HAZARD, fields.hazards),
        (MeasureKind.MEASURE, fields.measures),
        (MeasureKind.PPE, fields.ppe),
    ):
        for i, text in enumerate(t.strip() for t in texts if t.strip()):
            insert(
                session,
                PermitLine(
                    permit_id=permit.id, kind=kind.value, position=i, text=text, created_by=user
                ),
            )
    for i, p in enumerate(fields.isolations):
        insert(
            session,
            PermitIsolation(
                permit_id=permit.id,
                position=i,
                point=p.point.strip(),
                method=p.method.strip(),
                lock_no=p.lock_no.strip(),
                created_by=user,
            ),
        )


def _header(fields: PermitFields) -> dict[str, object]:
    return {
        "type": fields.type.value,
        "unit_id": fields.unit_id,
        "location": fields.location.strip(),
        "work": fields.work.strip(),
        "planned_start": fields.planned_start,
        "planned_end": fields.planned_end,
        "note": fields.note.strip(),
    }


def create_permit(
    session: Session, fields: PermitFields, copied_from_id: int | None = None
) -> Permit:
    """A new draft, numbered in the year of its planned start."""
    refuse(_problems(session, fields))
    assert fields.planned_start is not None and fields.planned_end is not None
    year = local_year(fields.planned_start)
    seq, number = next_number(session, year)
    permit = Permit(
        **_header(fields),
        number=number,
        year=year,
        seq=seq,
        state=PermitState.DRAFT.value,
        original_end=fields.planned_end,
        copied_from_id=copied_from_id,
        created_by=str(session.info.get("user", "")),
    )
    insert(session, permit)
    _write_children(session, permit, fields)
    return permit


def update_permit(
    session: Session, permit_id: int, version: int | None, fields: PermitFields
) -> Permit:
    permit = get_row(session, Permit, permit_id, N_("Permit"))
    check_version(permit, version)
    editable(permit, PermitState.DRAFT)
    refuse(_problems(session, fields, permit_id))
    update(session, permit, {**_header(fields), "original_end": fields.planned_end})
    _write_children(session, permit, fields)
    return permit


def delete_draft(session: Session, permit_id: int, version: int | None) -> None:
    """A draft may be thrown away; an issued permit is cancelled instead, and kept."""
    permit = get_row(session, Permit, permit_id, N_("Permit"))
    check_version(permit, version)
    editable(permit, PermitState.DRAFT)
    for model in (PermitRole, PermitCrewMember, PermitLine, PermitIsolation):
        for row in session.scalars(select(model).where(model.permit_id == permit.id)):
            record(session, "delete", row, snapshot(row))
        session.execute(delete(model).where(model.permit_id == permit.id))
    for test in session.scalars(select(PermitGasTest).where(PermitGasTest.permit_id == permit.id)):
        record(session, "delete", test, snapshot(test))
    session.execute(delete(PermitGasTest).where(PermitGasTest.permit_id == permit.id))
    record(session, "delete", permit, snapshot(permit))
    session.delete(permit)
    session.flush()


def fields_of(session: Session, permit_id: int) -> PermitFields:
    """The draft's values, to fill the editor with or to copy."""
    permit = get_row(session, Permit, permit_id, N_("Permit"))
    roles = {
        Role(r.role): PersonRef(r.employee_id, r.contractor_worker_id)
        for r in session.scalars(select(PermitRole).where(PermitRole.permit_id == permit_id))
    }
    crew = [
        PersonRef(c.employee_id, c.contractor_worker_id)
        for c in session.scalars(
            select(PermitCrewMember)
            .where(PermitCrewMember.permit_id == permit_id, PermitCrewMember.joined_at.is_(None))
            .order_by(PermitCrewMember.id)
        )
    ]
    lines = session.scalars(
        select(PermitLine)
        .where(PermitLine.permit_id == permit_id)
        .order_by(PermitLine.position, PermitLine.id)
    ).all()

    def texts(kind: MeasureKind) -> list[str]:
        return [line.text for line in lines if line.kind == kind.value]

    points = session.scalars(
        select(PermitIsolation)
        .where(PermitIsolation.permit_id == permit_id)
        .order_by(PermitIsolation.position, PermitIsolation.id)
    ).all()
    return PermitFields(
        type=PermitType(permit.type),
        unit_id=permit.unit_id,
        planned_start=permit.planned_start,
        planned_end=permit.original_end,
        location=permit.location,
        work=permit.work,
        roles=roles,
        crew=crew,
        hazards=texts(MeasureKind.HAZARD),
        measures=texts(MeasureKind.MEASURE),
        ppe=texts(MeasureKind.PPE),
        isolations=[IsolationPoint(p.point, p.method, p.lock_no) for p in points],
        note=permit.note,
    )


def copy_permit(
    session: Session,
    permit_id: int,
    planned_start: dt.datetime,
    planned_end: dt.datetime,
) -> Permit:
    """A new draft with the earlier permit's work, people and lists, for new dates.

    Lock numbers are not copied (a lock is hung anew each time), nor gas tests, briefings,
    shifts or steps: everything the gate asks for must be done again.
    """
    fields = fields_of(session, permit_id)
    fields.planned_start, fields.planned_end = planned_start, planned_end
    fields.isolations = [IsolationPoint(p.point, p.method) for p in fields.isolations]
    return create_permit(session, fields, copied_from_id=permit_id)


def discard_draft(session: Session, permit_id: int, version: int | None) -> None:
    """Throw a draft away from the log, every row audited (see `delete_draft`).

    A draft that later permits were copied from is kept: the copies name it as their
    source. It can be cancelled instead, and stays in the log.
    """
    permit = get_row(session, Permit, permit_id, N_("Permit"))
    editable(permit, PermitState.DRAFT)
    copies = session.scalars(
        select(Permit.number).where(Permit.copied_from_id == permit.id).order_by(Permit.id)
    ).all()
    if copies:
        refuse(
            [
                Problem(
                    "state",
                    N_("Permit {numbers} was copied from this draft: cancel the draft instead."),
                    {"numbers": ", ".join(copies)},
                )
            ]
        )
    delete_draft(session, permit_id, version)
