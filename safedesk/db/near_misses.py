"""Near misses (roadmap item 27): the quick report, its follow-up, and what is due.

A report takes seconds: when, where, what kind, what happened. The corrective action
(owner, deadline, status) and the WRAC row it should revise come later, on the same
record. An anonymous report never stores its reporter, so no export can name one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from safedesk.db.action_due import open_actions
from safedesk.db.models import Employee, NearMiss, Unit
from safedesk.db.risk_link import mark_risk_row_for_review, risk_row_complaints
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.accidents import local_date
from safedesk.domain.incidents import ActionStatus, action_complaints, near_miss_complaints
from safedesk.domain.people import Complaint
from safedesk.i18n import N_

REGISTER = "near_misses"
ACTION_DUE = N_("Near-miss corrective action")


@dataclass
class NearMissFields:
    occurred_at: dt.datetime | None
    unit_id: int | None
    category: str
    severity: str
    description: str
    place: str = ""
    anonymous: bool = False
    reporter_id: int | None = None
    immediate_action: str = ""
    action: str = ""
    action_owner_id: int | None = None
    action_due: dt.date | None = None
    status: str = ActionStatus.OPEN.value
    closed_on: dt.date | None = None
    risk_row_id: int | None = None


def _person_complaints(session: Session, field: str, employee_id: int | None) -> list[Complaint]:
    if employee_id is None:
        return []
    e = session.get(Employee, employee_id)
    if e is None or e.deleted_at is not None:
        return [Complaint(field, N_("Choose an employee from the list."), {})]
    return []


def _complaints(session: Session, f: NearMissFields, now: dt.datetime) -> list[Complaint]:
    found = near_miss_complaints(
        occurred_at=f.occurred_at,
        unit_id=f.unit_id,
        category=f.category,
        severity=f.severity,
        description=f.description,
        anonymous=f.anonymous,
        reporter_id=f.reporter_id,
        now=now,
    )
    if f.unit_id is not None:
        unit = session.get(Unit, f.unit_id)
        if unit is None or unit.deleted_at is not None:
            found.append(Complaint("unit_id", N_("The unit does not exist."), {}))
    found += action_complaints(
        action=f.action,
        owner_id=f.action_owner_id,
        due=f.action_due,
        status=f.status,
        closed_on=f.closed_on,
        raised_on=local_date(f.occurred_at) if f.occurred_at else None,
    )
    found += _person_complaints(session, "reporter_id", f.reporter_id)
    found += _person_complaints(session, "action_owner_id", f.action_owner_id)
    found += risk_row_complaints(session, f.risk_row_id)
    return found


def _values(f: NearMissFields) -> dict[str, object]:
    return {
        "occurred_at": f.occurred_at,
        "unit_id": f.unit_id,
        "place": f.place.strip(),
        "category": f.category,
        "severity": f.severity,
        "description": f.description.strip(),
        "anonymous": f.anonymous,
        "reporter_id": None if f.anonymous else f.reporter_id,
        "immediate_action": f.immediate_action.strip(),
        "action": f.action.strip(),
        "action_owner_id": f.action_owner_id,
        "action_due": f.action_due,
        "status": f.status,
        "closed_on": f.closed_on,
        "risk_row_id": f.risk_row_id,
    }


def _link(session: Session, row: NearMiss, before: int | None) -> None:
    if row.risk_row_id is not None and row.risk_row_id != before:
        reason = f"Near miss No. {row.id} of {local_date(row.occurred_at):%d.%m.%Y}: "
        mark_risk_row_for_review(session, row.risk_row_id, reason + row.description[:200])


def report_near_miss(
    session: Session, fields: NearMissFields, now: dt.datetime | None = None
) -> NearMiss:
    refuse(_complaints(session, fields, now or utcnow()))
    row = NearMiss(**_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    _link(session, row, None)
    return row


def update_near_miss(
    session: Session,
    near_miss_id: int,
    version: int | None,
    fields: NearMissFields,
    now: dt.datetime | None = None,
) -> NearMiss:
    row = get_row(session, NearMiss, near_miss_id, N_("Near miss"))
    check_version(row, version)
    refuse(_complaints(session, fields, now or utcnow()))
    linked_before = row.risk_row_id
    update(session, row, _values(fields))
    _link(session, row, linked_before)
    return row


def delete_near_miss(session: Session, near_miss_id: int, version: int | None) -> None:
    row = get_row(session, NearMiss, near_miss_id, N_("Near miss"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


# Corrective actions not closed, overdue or due within DUE_SOON_DAYS.
_DUE = open_actions(REGISTER, ACTION_DUE, NearMiss)
due_counts = _DUE.counts
due_items = _DUE.items
