"""What the admission gate needs, read from the registers: people's checks, certificates,
briefings and groups, the permit's isolations and gas tests.

Employees are read from the training register (`holders_of_valid_checks`) and the
certificates register (`valid_certificates`); contractors' workers from the contractor
tables (their checks and introductory briefings) and the same certificates register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.certificates import valid_certificates
from safedesk.db.knowledge_checks import holders_of_valid_checks
from safedesk.db.models import (
    ContractorBriefing,
    ContractorCheck,
    ContractorWorker,
    Employee,
    Permit,
    PermitCrewMember,
    PermitGasTest,
    PermitIsolation,
    PermitRole,
)
from safedesk.db.permit_reference import gas_rules, type_rules
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.people import full_name
from safedesk.domain.permit_gas import Gas, GasReading
from safedesk.domain.permit_gate import GateReason, IsolationFacts, PermitFacts, PersonFacts, gate
from safedesk.domain.permits import Action, PermitType, Role
from safedesk.domain.training import BriefingKind, CheckOutcome


def _certified(
    session: Session, on: dt.date, employee_id: int | None, worker_id: int | None
) -> tuple[frozenset[str], int | None]:
    """The kinds of the person's certificates in force, and the highest electrical group."""
    held = valid_certificates(session, employee_id, on, contractor_worker_id=worker_id)
    groups = [c.electrical_group for c in held if c.electrical_group is not None]
    return frozenset(c.kind for c in held), max(groups) if groups else None


def employee_facts(
    session: Session, employee_id: int, on: dt.date, checked: set[int] | None = None
) -> PersonFacts:
    e = session.get(Employee, employee_id)
    key = f"employee:{employee_id}"
    if e is None or e.deleted_at is not None:
        return PersonFacts(key=key, name=f"No. {employee_id}", exists=False)
    if checked is None:
        checked = holders_of_valid_checks(session, [employee_id], on)
    kinds, group = _certified(session, on, employee_id, None)
    return PersonFacts(
        key=key,
        name=full_name(e.surname, e.name, e.patronymic),
        dismissed_on=e.dismissal_date,
        valid_check=employee_id in checked,
        # A group confirmed by a certificate in force; else the one in the staff record.
        electrical_group=group if group is not None else e.electrical_group,
        certificates=kinds,
    )


def worker_facts(session: Session, worker_id: int, on: dt.date) -> PersonFacts:
    w = session.get(ContractorWorker, worker_id)
    key = f"contractor:{worker_id}"
    if w is None or w.deleted_at is not None:
        return PersonFacts(key=key, name=f"No. {worker_id}", contractor=True, exists=False)
    check = session.scalar(
        select(ContractorCheck.id)
        .where(
            ContractorCheck.worker_id == worker_id,
            ContractorCheck.deleted_at.is_(None),
            ContractorCheck.outcome == CheckOutcome.PASSED.value,
            ContractorCheck.checked_on <= on,
            (ContractorCheck.valid_until.is_(None)) | (ContractorCheck.valid_until >= on),
        )
        .limit(1)
    )
    introduced = session.scalar(
        select(ContractorBriefing.id)
        .where(
            ContractorBriefing.worker_id == worker_id,
            ContractorBriefing.deleted_at.is_(None),
            ContractorBriefing.kind == BriefingKind.INTRODUCTORY.value,
            ContractorBriefing.held_on <= on,
        )
        .limit(1)
    )
    kinds, group = _certified(session, on, None, worker_id)
    return PersonFacts(
        key=key,
        name=full_name(w.surname, w.name, w.patronymic),
        contractor=True,
        dismissed_on=w.left_on,
        valid_check=check is not None,
        introduced=introduced is not None,
        electrical_group=group if group is not None else w.electrical_group,
        certificates=kinds,
    )


def person_facts(
    session: Session,
    employee_id: int | None,
    worker_id: int | None,
    on: dt.date,
    checked: set[int] | None = None,
    briefed: bool = False,
) -> PersonFacts:
    if employee_id is not None:
        facts = employee_facts(session, employee_id, on, checked)
    else:
        assert worker_id is not None
        facts = worker_facts(session, worker_id, on)
    return replace(facts, briefed=True) if briefed else facts


def current_crew(session: Session, permit_id: int) -> list[PermitCrewMember]:
    """The crew now: everyone listed who has not left."""
    return list(
        session.scalars(
            select(PermitCrewMember)
            .where(PermitCrewMember.permit_id == permit_id, PermitCrewMember.left_at.is_(None))
            .order_by(PermitCrewMember.id)
        )
    )


def permit_facts(session: Session, permit: Permit, at: dt.datetime) -> PermitFacts:
    day = at.astimezone(KAZAKHSTAN).date()
    roles = session.scalars(select(PermitRole).where(PermitRole.permit_id == permit.id)).all()
    crew = current_crew(session, permit.id)
    employees = [r.employee_id for r in roles if r.employee_id is not None]
    employees += [c.employee_id for c in crew if c.employee_id is not None]
    checked = holders_of_valid_checks(session, sorted(set(employees)), day)
    points = session.scalars(
        select(PermitIsolation).where(PermitIsolation.permit_id == permit.id)
    ).all()
    tests = session.scalars(select(PermitGasTest).where(PermitGasTest.permit_id == permit.id)).all()
    return PermitFacts(
        type=PermitType(permit.type),
        at=at,
        planned_end=permit.planned_end,
        roles={
            Role(r.role): person_facts(session, r.employee_id, r.contractor_worker_id, day, checked)
            for r in roles
        },
        crew=[
            person_facts(
                session,
                c.employee_id,
                c.contractor_worker_id,
                day,
                checked,
                briefed=c.briefed_at is not None,
            )
            for c in crew
        ],
        isolations=[
            IsolationFacts(
                point=p.point,
                lock_no=p.lock_no,
                applied=p.applied_at is not None and p.applied_by_id is not None,
                removed=p.removed_at is not None,
            )
            for p in points
        ],
        gas_tests=[
            GasReading(t.taken_at, {Gas.O2: t.o2, Gas.LEL: t.lel, Gas.CO: t.co, Gas.H2S: t.h2s})
            for t in tests
        ],
    )


def gate_reasons(
    session: Session, permit: Permit, action: Action, at: dt.datetime
) -> list[GateReason]:
    """Every reason the gate gives for `action` on `permit` at `at`."""
    permit_type = PermitType(permit.type)
    return gate(
        action,
        permit_facts(session, permit, at),
        type_rules(session, permit_type),
        gas_rules(session),
    )
