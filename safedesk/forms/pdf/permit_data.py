"""What a printed permit-to-work shows, read from the database into plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import (
    ContractorWorker,
    Employee,
    Permit,
    PermitCrewMember,
    PermitExtension,
    PermitGasTest,
    PermitIsolation,
    PermitLine,
    PermitOverride,
    PermitRole,
    PermitShift,
    PermitTransition,
    PermitTypeRule,
)
from safedesk.db.organisation import get_organisation
from safedesk.db.permit_reference import gas_limits, type_rules
from safedesk.db.units import unit_paths
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.people import full_name, short_name
from safedesk.domain.permit_gas import Gas, GasLimit, limits_of
from safedesk.domain.permits import MeasureKind, PermitState, PermitType, Role
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class Person:
    full_name: str
    short_name: str
    position_kk: str
    position_ru: str
    electrical_group: int | None = None
    contractor: str = ""  # the contractor's name for its workers


@dataclass(frozen=True)
class CrewLine:
    person: Person
    joined_at: dt.datetime | None
    left_at: dt.datetime | None
    briefed_at: dt.datetime | None
    briefed_by: str


@dataclass(frozen=True)
class IsolationLine:
    point: str
    method: str
    lock_no: str
    applied_at: dt.datetime | None
    applied_by: str
    removed_at: dt.datetime | None
    removed_by: str


@dataclass(frozen=True)
class GasLine:
    taken_at: dt.datetime
    place: str
    values: dict[Gas, float | None]
    within_limits: bool
    measured_by: str
    instrument: str
    limits: dict[Gas, GasLimit]  # kept with the test: those of its day, not of the print


@dataclass(frozen=True)
class ShiftLine:
    admitted_at: dt.datetime
    admitted_by: str
    supervisor: str
    ended_at: dt.datetime | None
    ended_by: str


@dataclass(frozen=True)
class ExtensionLine:
    old_end: dt.datetime
    new_end: dt.datetime
    approved_by: str
    reason: str


@dataclass(frozen=True)
class StepLine:
    action: str
    at: dt.datetime
    signed_by: str
    reason: str


@dataclass(frozen=True)
class PermitData:
    organisation: Letterhead
    number: str
    type: PermitType
    state: PermitState
    legal_basis: str  # as the type rule stores it; see `basis_in` for the printed text
    basis_edition: dt.date | None
    gas_required: bool
    isolation_required: bool
    unit_kk: str
    unit_ru: str
    location: str
    work: str
    planned_start: dt.datetime
    planned_end: dt.datetime
    original_end: dt.datetime
    issued_at: dt.datetime | None
    roles: dict[Role, Person]
    crew: tuple[CrewLine, ...]
    hazards: tuple[str, ...]
    measures: tuple[str, ...]
    ppe: tuple[str, ...]
    isolations: tuple[IsolationLine, ...]
    gas_limits: dict[Gas, GasLimit]  # in force now: tests still to come are judged by them
    gas_tests: tuple[GasLine, ...]
    shifts: tuple[ShiftLine, ...]
    extensions: tuple[ExtensionLine, ...]
    steps: tuple[StepLine, ...]
    overrides: tuple[StepLine, ...]
    reported_to: str
    closed_at: dt.datetime | None
    created: dt.date


def _person(e: Employee | None, w: ContractorWorker | None) -> Person:
    if e is not None:
        return Person(
            full_name(e.surname, e.name, e.patronymic),
            short_name(e.surname, e.name, e.patronymic),
            e.position.name_kk if e.position else "",
            e.position.name_ru if e.position else "",
            e.electrical_group,
        )
    assert w is not None
    return Person(
        full_name(w.surname, w.name, w.patronymic),
        short_name(w.surname, w.name, w.patronymic),
        w.position,
        w.position,
        w.electrical_group,
        w.contractor.name if w.contractor else "",
    )


def load_permit(session: Session, permit_id: int) -> PermitData:
    permit = session.get(Permit, permit_id)
    if permit is None or permit.deleted_at is not None:
        raise NotFound(what=N_("Permit"), id=permit_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )

    def rows(model: Any, order: Any) -> list[Any]:
        return list(
            session.scalars(select(model).where(model.permit_id == permit_id).order_by(order))
        )

    def short(employee_id: int | None) -> str:
        e = session.get(Employee, employee_id) if employee_id is not None else None
        return short_name(e.surname, e.name, e.patronymic) if e else ""

    lines = rows(PermitLine, PermitLine.position)
    steps = rows(PermitTransition, PermitTransition.at)
    issued = next((s.at for s in steps if s.action == "issue"), None)
    kk, ru = unit_paths(session, "kk"), unit_paths(session, "ru")
    permit_type = PermitType(permit.type)
    rule = session.scalar(select(PermitTypeRule).where(PermitTypeRule.code == permit_type.value))
    rules = type_rules(session, permit_type)
    return PermitData(
        organisation=Letterhead(org.name_kk, org.name_ru, org.bin, org.address),
        number=permit.number,
        type=permit_type,
        state=PermitState(permit.state),
        legal_basis=rule.legal_basis if rule is not None else "",
        basis_edition=rule.edition if rule is not None else None,
        gas_required=rules.gas_test,
        isolation_required=rules.isolation_required,
        unit_kk=kk.get(permit.unit_id, ""),
        unit_ru=ru.get(permit.unit_id, ""),
        location=permit.location,
        work=permit.work,
        planned_start=permit.planned_start,
        planned_end=permit.planned_end,
        original_end=permit.original_end,
        issued_at=issued,
        roles={
            Role(r.role): _person(r.employee, r.contractor_worker)
            for r in rows(PermitRole, PermitRole.id)
        },
        crew=tuple(
            CrewLine(
                _person(c.employee, c.contractor_worker),
                c.joined_at,
                c.left_at,
                c.briefed_at,
                short(c.briefed_by_id),
            )
            for c in rows(PermitCrewMember, PermitCrewMember.id)
        ),
        hazards=tuple(x.text for x in lines if x.kind == MeasureKind.HAZARD.value),
        measures=tuple(x.text for x in lines if x.kind == MeasureKind.MEASURE.value),
        ppe=tuple(x.text for x in lines if x.kind == MeasureKind.PPE.value),
        isolations=tuple(
            IsolationLine(
                p.point,
                p.method,
                p.lock_no,
                p.applied_at,
                short(p.applied_by_id),
                p.removed_at,
                short(p.removed_by_id),
            )
            for p in rows(PermitIsolation, PermitIsolation.position)
        ),
        gas_limits=gas_limits(session),
        gas_tests=tuple(
            GasLine(
                g.taken_at,
                g.place,
                {Gas.O2: g.o2, Gas.LEL: g.lel, Gas.CO: g.co, Gas.H2S: g.h2s},
                g.within_limits,
                short(g.measured_by_id),
                g.instrument,
                limits_of(g.limits),
            )
            for g in rows(PermitGasTest, PermitGasTest.taken_at)
        ),
        shifts=tuple(
            ShiftLine(
                x.admitted_at,
                short(x.admitted_by_id),
                short(x.supervisor_id),
                x.ended_at,
                short(x.ended_by_id),
            )
            for x in rows(PermitShift, PermitShift.admitted_at)
        ),
        extensions=tuple(
            ExtensionLine(x.old_end, x.new_end, short(x.approved_by_id), x.reason)
            for x in rows(PermitExtension, PermitExtension.id)
        ),
        steps=tuple(StepLine(s.action, s.at, short(s.signed_by_id), s.reason) for s in steps),
        overrides=tuple(
            StepLine(o.action, o.at, o.created_by, o.reason)
            for o in rows(PermitOverride, PermitOverride.at)
        ),
        reported_to=permit.reported_to,
        closed_at=permit.closed_at,
        created=(issued or permit.planned_start).astimezone(KAZAKHSTAN).date(),
    )
