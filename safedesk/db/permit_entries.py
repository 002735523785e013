"""Entries of the work under a permit: isolations applied and removed, gas tests, and the
daily admission and end-of-shift entries.

Each is one all-or-nothing write on a permit that is still open; a daily admission passes
the admission gate again, as the first one did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from safedesk.db.models import Employee, Permit, PermitGasTest, PermitIsolation, PermitShift
from safedesk.db.permit_locks import lock_problem
from safedesk.db.permit_reference import gas_limits
from safedesk.db.permit_steps import open_shift, pass_gate, role_holder
from safedesk.db.permits import editable
from safedesk.db.rows import get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.permit_gas import (
    Gas,
    GasReading,
    out_of_limits,
    reading_complaints,
    stored_limits,
)
from safedesk.domain.permits import OPEN_STATES, Action, PermitState, Role
from safedesk.errors import Problem
from safedesk.i18n import N_


def _user(session: Session) -> str:
    return str(session.info.get("user", ""))


def _person(session: Session, employee_id: int | None, where: str, msgid: str) -> list[Problem]:
    e = session.get(Employee, employee_id) if employee_id is not None else None
    return [Problem(where, msgid)] if e is None or e.deleted_at is not None else []


def _permit(session: Session, permit_id: int, *states: PermitState) -> Permit:
    permit = get_row(session, Permit, permit_id, N_("Permit"))
    editable(permit, *states)
    return permit


# -- isolations (LOTO) -------------------------------------------------------------------
def _point(session: Session, permit: Permit, point_id: int) -> PermitIsolation:
    point = get_row(session, PermitIsolation, point_id, N_("Isolation point"))
    if point.permit_id != permit.id:
        refuse([Problem("isolations", N_("The isolation point is not on this permit."))])
    return point


def apply_isolation(
    session: Session,
    permit_id: int,
    point_id: int,
    *,
    lock_no: str,
    applied_by_id: int | None,
    at: dt.datetime | None = None,
) -> PermitIsolation:
    """The point is switched off, locked with lock `lock_no` and tagged by `applied_by_id`."""
    permit = _permit(session, permit_id, *OPEN_STATES)
    point = _point(session, permit, point_id)
    found = _person(session, applied_by_id, "applied_by_id", N_("Choose who applied the lock."))
    if not lock_no.strip():
        found.append(Problem("lock_no", N_("The lock No. is required.")))
    if point.applied_at is not None:
        found.append(Problem("isolations", N_("This point is already applied.")))
    problem = lock_problem(session, lock_no, except_point_id=point.id)
    if problem is not None:
        found.append(problem)
    refuse(found)
    update(
        session,
        point,
        {"lock_no": lock_no.strip(), "applied_at": at or utcnow(), "applied_by_id": applied_by_id},
    )
    return point


def remove_isolation(
    session: Session,
    permit_id: int,
    point_id: int,
    *,
    removed_by_id: int | None,
    at: dt.datetime | None = None,
) -> PermitIsolation:
    """The lock comes off: the lock No. is free for another permit."""
    permit = _permit(session, permit_id, *OPEN_STATES)
    point = _point(session, permit, point_id)
    found = _person(session, removed_by_id, "removed_by_id", N_("Choose who removed the lock."))
    if point.applied_at is None:
        found.append(Problem("isolations", N_("This point was never applied.")))
    if point.removed_at is not None:
        found.append(Problem("isolations", N_("This point is already removed.")))
    refuse(found)
    update(session, point, {"removed_at": at or utcnow(), "removed_by_id": removed_by_id})
    return point


# -- gas tests ---------------------------------------------------------------------------
@dataclass
class GasTestFields:
    taken_at: dt.datetime | None
    values: Mapping[Gas, str | float | None] = field(default_factory=dict)  # as typed
    place: str = ""
    measured_by_id: int | None = None
    instrument: str = ""


def add_gas_test(
    session: Session, permit_id: int, fields: GasTestFields, now: dt.datetime | None = None
) -> PermitGasTest:
    """A gas test; a value outside the limits is stored (it is a fact) and shuts the gate."""
    permit = _permit(session, permit_id, PermitState.DRAFT, *OPEN_STATES)
    values, complaints = reading_complaints(fields.values, fields.taken_at, now or utcnow())
    found = [Problem(c.field, c.msgid, dict(c.values)) for c in complaints]
    found += _person(session, fields.measured_by_id, "measured_by_id", N_("Choose who measured."))
    if not fields.instrument.strip():
        found.append(Problem("instrument", N_("Name the gas analyser (model and No.).")))
    refuse(found)
    assert fields.taken_at is not None
    # The limits in force now judge the reading, and are kept with it: the permit is
    # reprinted with them after the limits are edited.
    limits = gas_limits(session)
    bad = out_of_limits(GasReading(fields.taken_at, values), limits)
    row = PermitGasTest(
        permit_id=permit.id,
        taken_at=fields.taken_at,
        place=fields.place.strip(),
        o2=values[Gas.O2],
        lel=values[Gas.LEL],
        co=values[Gas.CO],
        h2s=values[Gas.H2S],
        within_limits=not bad,
        limits=stored_limits(limits),
        measured_by_id=fields.measured_by_id,
        instrument=fields.instrument.strip(),
        created_by=_user(session),
    )
    insert(session, row)
    return row


# -- daily admission and end of shift ----------------------------------------------------
def admit_shift(
    session: Session,
    permit_id: int,
    *,
    admitted_by_id: int | None = None,
    at: dt.datetime | None = None,
    override_reason: str = "",
) -> PermitShift:
    """The crew is admitted for another day: the gate of admission is passed again."""
    at = at or utcnow()
    permit = _permit(session, permit_id, PermitState.ACTIVE)
    admitter = admitted_by_id or role_holder(session, permit.id, Role.ADMITTER)
    found = _person(session, admitter, "admitted_by_id", N_("Choose who admits the crew."))
    if open_shift(session, permit.id) is not None:
        found.append(Problem("shifts", N_("End the current shift before the next admission.")))
    refuse(found)
    assert admitter is not None
    pass_gate(session, permit, Action.RESUME, at, override_reason)
    row = PermitShift(
        permit_id=permit.id,
        admitted_at=at,
        admitted_by_id=admitter,
        supervisor_id=role_holder(session, permit.id, Role.SUPERVISOR),
        created_by=_user(session),
    )
    insert(session, row)
    return row


def end_shift(
    session: Session,
    permit_id: int,
    *,
    ended_by_id: int | None,
    at: dt.datetime | None = None,
    note: str = "",
) -> PermitShift:
    """End of shift: the crew left the place, the supervisor signs."""
    at = at or utcnow()
    permit = _permit(session, permit_id, *OPEN_STATES)
    shift = open_shift(session, permit.id)
    found = _person(session, ended_by_id, "ended_by_id", N_("Choose who ends the shift."))
    if shift is None:
        found.append(Problem("shifts", N_("No shift is open on this permit.")))
    elif at < shift.admitted_at:
        found.append(Problem("ended_at", N_("The shift cannot end before it began.")))
    refuse(found)
    assert shift is not None
    update(session, shift, {"ended_at": at, "ended_by_id": ended_by_id, "note": note.strip()})
    return shift
