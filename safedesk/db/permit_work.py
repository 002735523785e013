"""Entries made while a permit is out: the targeted briefing, crew changes, isolations
applied and removed, gas tests, and the daily admission and end-of-shift entries.

Each is one all-or-nothing write. A newcomer to the crew passes the same gate as the
crew did; a daily admission passes the gate of admission again (fresh gas test and all).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.briefings import BriefingFields, register_briefings
from safedesk.db.models import Employee, Permit, PermitCrewMember, PermitRole
from safedesk.db.permit_facts import current_crew, person_facts
from safedesk.db.permit_reference import type_rules
from safedesk.db.permit_steps import check_override, record_override
from safedesk.db.permits import PersonRef, _group_of, editable, person_problems
from safedesk.db.rows import get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.permit_gate import newcomer_reasons
from safedesk.domain.permits import OPEN_STATES, WORKING_STATES, PermitState, PermitType, Role
from safedesk.domain.training import BriefingKind
from safedesk.errors import Problem
from safedesk.i18n import N_

CREW_CHANGE = "crew_change"


def _user(session: Session) -> str:
    return str(session.info.get("user", ""))


def _employee(session: Session, employee_id: int | None, where: str, msgid: str) -> list[Problem]:
    e = session.get(Employee, employee_id) if employee_id is not None else None
    return [Problem(where, msgid)] if e is None or e.deleted_at is not None else []


def _permit(session: Session, permit_id: int, *states: PermitState) -> Permit:
    permit = get_row(session, Permit, permit_id, N_("Permit"))
    editable(permit, *states)
    return permit


# -- targeted briefing -------------------------------------------------------------------
def record_briefing(
    session: Session,
    permit_id: int,
    instructor_id: int | None,
    at: dt.datetime | None = None,
    crew_ids: list[int] | None = None,
) -> list[PermitCrewMember]:
    """The targeted briefing of the crew (or of the members `crew_ids`), from the permit.

    Employees also get their line in the workplace briefing journal (kind: targeted).
    """
    at = at or utcnow()
    permit = _permit(session, permit_id, PermitState.DRAFT, *OPEN_STATES)
    refuse(_employee(session, instructor_id, "instructor_id", N_("Choose who gave the briefing.")))
    assert instructor_id is not None
    members = [m for m in current_crew(session, permit.id) if crew_ids is None or m.id in crew_ids]
    if not members:
        refuse([Problem("crew", N_("The crew is not named."))])
    employees = [m.employee_id for m in members if m.employee_id is not None]
    briefings = {}
    if employees:
        rows = register_briefings(
            session,
            BriefingFields(
                kind=BriefingKind.TARGETED,
                held_on=at.astimezone(KAZAKHSTAN).date(),
                instructor_id=instructor_id,
                employee_ids=employees,
                topic=f"{permit.number}: {permit.work}"[:500],
            ),
            today=at.astimezone(KAZAKHSTAN).date(),
        )
        briefings = {b.employee_id: b.id for b in rows}
    for m in members:
        update(
            session,
            m,
            {
                "briefed_at": at,
                "briefed_by_id": instructor_id,
                "briefing_id": briefings.get(m.employee_id) if m.employee_id else None,
            },
        )
    return members


# -- crew changes ------------------------------------------------------------------------
def add_crew_member(
    session: Session,
    permit_id: int,
    person: PersonRef,
    *,
    authorised_by_id: int | None,
    briefed_by_id: int | None = None,
    at: dt.datetime | None = None,
    override_reason: str = "",
) -> PermitCrewMember:
    """A newcomer joins an issued or working permit, through the same gate as the crew.

    Once the crew is admitted the newcomer must be briefed: give `briefed_by_id` and the
    targeted briefing is recorded with the change.
    """
    at = at or utcnow()
    permit = _permit(session, permit_id, *OPEN_STATES)
    found = person_problems(session, person, "crew", N_("Crew member"))
    found += _employee(
        session, authorised_by_id, "authorised_by_id", N_("Choose who allowed the change.")
    )
    if any(
        PersonRef(m.employee_id, m.contractor_worker_id).key == person.key
        for m in current_crew(session, permit.id)
    ):
        found.append(Problem("crew", N_("The person is already in the crew.")))
    refuse(found)
    admitted = PermitState(permit.state) in WORKING_STATES
    day = at.astimezone(KAZAKHSTAN).date()
    facts = person_facts(
        session,
        person.employee_id,
        person.contractor_worker_id,
        day,
        briefed=briefed_by_id is not None,
    )
    roles = {
        Role(r.role): person_facts(session, r.employee_id, r.contractor_worker_id, day)
        for r in session.scalars(select(PermitRole).where(PermitRole.permit_id == permit.id))
    }
    rules = type_rules(session, PermitType(permit.type))
    reasons = newcomer_reasons(facts, roles, rules, day, admitted)
    check_override(reasons, override_reason)
    member = PermitCrewMember(
        permit_id=permit.id,
        employee_id=person.employee_id,
        contractor_worker_id=person.contractor_worker_id,
        electrical_group=_group_of(session, person),
        joined_at=at,
        changed_by_id=authorised_by_id,
        created_by=_user(session),
    )
    insert(session, member)
    if reasons:
        record_override(session, permit, CREW_CHANGE, at, reasons, override_reason)
    if briefed_by_id is not None:
        record_briefing(session, permit.id, briefed_by_id, at, [member.id])
    return member


def remove_crew_member(
    session: Session,
    permit_id: int,
    member_id: int,
    *,
    authorised_by_id: int | None,
    at: dt.datetime | None = None,
) -> PermitCrewMember:
    """A person leaves the crew; the line stays on the permit with the time they left."""
    at = at or utcnow()
    permit = _permit(session, permit_id, *OPEN_STATES)
    member = get_row(session, PermitCrewMember, member_id, N_("Crew member"))
    found = _employee(
        session, authorised_by_id, "authorised_by_id", N_("Choose who allowed the change.")
    )
    if member.permit_id != permit.id or member.left_at is not None:
        found.append(Problem("crew", N_("The person is not in the crew of this permit.")))
    refuse(found)
    update(session, member, {"left_at": at, "changed_by_id": authorised_by_id})
    return member
