"""The accident register (roadmap items 33, 34, 39; Labour Code art. 186–190).

An accident is registered with its victims (employees, or contractors' workers named by
IIN and name), classification, circumstances, commission and causes. Its legal deadlines
are computed from the moment it happened on the holiday calendar (`accident_steps`).
Once the act is signed the record is evidence: a correction is a new record linked to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.accident_deadlines import deadline_rules
from safedesk.db.audit import record, snapshot
from safedesk.db.holidays import work_calendar
from safedesk.db.models import (
    Accident,
    AccidentCause,
    AccidentCommissionMember,
    AccidentVictim,
    Employee,
)
from safedesk.db.risk_link import mark_risk_row_for_review, risk_row_complaints
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.accidents import (
    CauseKind,
    CommissionRole,
    Step,
    VictimValues,
    accident_complaints,
    accident_steps,
    local_date,
)
from safedesk.domain.people import Complaint, full_name
from safedesk.errors import ReadOnlyRecord
from safedesk.i18n import N_


@dataclass
class VictimFields:
    employee_id: int | None = None  # an employee: name, IIN and position are taken from the card
    iin: str = ""
    full_name: str = ""
    position: str = ""
    employer: str = ""  # the contractor, for a contractor's worker
    outcome: str = "light"
    injury: str = ""
    days_lost: int = 0


@dataclass
class MemberFields:
    full_name: str
    position: str = ""
    role: str = CommissionRole.MEMBER.value
    employee_id: int | None = None


@dataclass
class CauseFields:
    kind: str
    description: str
    measure: str = ""
    owner_id: int | None = None
    due: dt.date | None = None
    done_on: dt.date | None = None
    risk_row_id: int | None = None


@dataclass
class AccidentFields:
    occurred_at: dt.datetime | None
    unit_id: int | None
    classification: str
    victims: list[VictimFields] = field(default_factory=list)
    place: str = ""
    circumstances: str = ""
    commission: list[MemberFields] = field(default_factory=list)
    causes: list[CauseFields] = field(default_factory=list)
    number: str = ""
    notified_on: dt.date | None = None
    commission_on: dt.date | None = None
    commission_order_no: str = ""
    investigated_on: dt.date | None = None
    act_no: str = ""
    act_on: dt.date | None = None


def _fill_victims(session: Session, victims: list[VictimFields]) -> list[VictimFields]:
    """Employees' victims take name, IIN and position from their card."""
    filled: list[VictimFields] = []
    for v in victims:
        e = session.get(Employee, v.employee_id) if v.employee_id is not None else None
        if e is not None:
            position = e.position.name_ru if e.position else v.position
            v = VictimFields(
                e.id,
                e.iin,
                full_name(e.surname, e.name, e.patronymic),
                position or "",
                "",
                v.outcome,
                v.injury,
                v.days_lost,
            )
        filled.append(v)
    return filled


def _complaints(session: Session, f: AccidentFields, now: dt.datetime) -> list[Complaint]:
    found = accident_complaints(
        occurred_at=f.occurred_at,
        unit_id=f.unit_id,
        classification=f.classification,
        victims=[VictimValues(v.iin, v.full_name, v.outcome, v.days_lost) for v in f.victims],
        commission_size=len(f.commission),
        has_chair=any(m.role == CommissionRole.CHAIR.value for m in f.commission),
        notified_on=f.notified_on,
        commission_on=f.commission_on,
        investigated_on=f.investigated_on,
        act_on=f.act_on,
        now=now,
    )
    for i, c in enumerate(f.causes, start=1):
        if c.kind not in CauseKind._value2member_map_ or not c.description.strip():
            found.append(
                Complaint("causes", N_("Cause {n}: choose its kind and describe it."), {"n": i})
            )
        found += [
            Complaint("causes", p.msgid, p.values)
            for p in risk_row_complaints(session, c.risk_row_id)
        ]
    return found


def _values(session: Session, f: AccidentFields) -> dict[str, Any]:
    number = f.number.strip()
    if not number and f.occurred_at is not None:
        year = local_date(f.occurred_at).year
        start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
        n = session.scalar(
            select(func.count())
            .select_from(Accident)
            .where(
                Accident.occurred_at >= start, Accident.occurred_at < start.replace(year=year + 1)
            )
        )
        number = f"{year}-{int(n or 0) + 1}"
    return {
        "number": number,
        "occurred_at": f.occurred_at,
        "unit_id": f.unit_id,
        "place": f.place.strip(),
        "classification": f.classification,
        "circumstances": f.circumstances.strip(),
        "victims_count": len(f.victims),
        "days_lost": sum(v.days_lost for v in f.victims),
        "notified_on": f.notified_on,
        "commission_on": f.commission_on,
        "commission_order_no": f.commission_order_no.strip(),
        "investigated_on": f.investigated_on,
        "act_no": f.act_no.strip(),
        "act_on": f.act_on,
    }


def _remove(session: Session, rows: list[Any]) -> None:
    for row in rows:
        before = snapshot(row)
        session.delete(row)
        session.flush()
        record(session, "delete", row, before)


def _write_children(session: Session, accident: Accident, f: AccidentFields) -> None:
    """Victims, commission and causes as given: the old lines go, the new ones are audited."""
    old_links = {c.risk_row_id for c in accident.causes}
    _remove(session, [*accident.victims, *accident.commission, *accident.causes])
    for v in f.victims:
        insert(
            session,
            AccidentVictim(
                accident_id=accident.id,
                employee_id=v.employee_id,
                iin=v.iin.strip(),
                full_name=v.full_name.strip(),
                position=v.position.strip(),
                employer=v.employer.strip(),
                outcome=v.outcome,
                injury=v.injury.strip(),
                days_lost=v.days_lost,
            ),
        )
    for m in f.commission:
        insert(
            session,
            AccidentCommissionMember(
                accident_id=accident.id,
                employee_id=m.employee_id,
                full_name=m.full_name.strip(),
                position=m.position.strip(),
                role=m.role,
            ),
        )
    for c in f.causes:
        insert(
            session,
            AccidentCause(
                accident_id=accident.id,
                kind=c.kind,
                description=c.description.strip(),
                measure=c.measure.strip(),
                owner_id=c.owner_id,
                due=c.due,
                done_on=c.done_on,
                risk_row_id=c.risk_row_id,
            ),
        )
        if c.risk_row_id is not None and c.risk_row_id not in old_links:
            reason = f"Accident No. {accident.number}: {c.description.strip()[:200]}"
            mark_risk_row_for_review(session, c.risk_row_id, reason)
    session.expire(accident, ["victims", "commission", "causes"])


def register_accident(
    session: Session, fields: AccidentFields, now: dt.datetime | None = None
) -> Accident:
    fields.victims = _fill_victims(session, fields.victims)
    refuse(_complaints(session, fields, now or utcnow()))
    row = Accident(**_values(session, fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    _write_children(session, row, fields)
    return row


def _editable(session: Session, accident_id: int, version: int | None) -> Accident:
    row = get_row(session, Accident, accident_id, N_("Accident"))
    check_version(row, version)
    if row.signed:
        raise ReadOnlyRecord()
    return row


def update_accident(
    session: Session,
    accident_id: int,
    version: int | None,
    fields: AccidentFields,
    now: dt.datetime | None = None,
) -> Accident:
    row = _editable(session, accident_id, version)
    fields.victims = _fill_victims(session, fields.victims)
    refuse(_complaints(session, fields, now or utcnow()))
    update(session, row, _values(session, fields))
    _write_children(session, row, fields)
    return row


def sign_act(session: Session, accident_id: int, version: int | None) -> Accident:
    """The act is signed: from now on the record is evidence and cannot be changed."""
    row = _editable(session, accident_id, version)
    found: list[Complaint] = []
    if row.act_on is None:
        found.append(Complaint("act_on", N_("Set the date of the act before signing it."), {}))
    if not row.act_no:
        found.append(Complaint("act_no", N_("Give the act a number before signing it."), {}))
    if not row.commission:
        found.append(Complaint("commission", N_("Name the commission before signing."), {}))
    if not row.causes:
        found.append(Complaint("causes", N_("Record the causes before signing."), {}))
    refuse(found)
    update(session, row, {"signed": True})
    return row


def fields_of(row: Accident) -> AccidentFields:
    """The record as fields: for the dialog, and for a correction."""
    return AccidentFields(
        occurred_at=row.occurred_at,
        unit_id=row.unit_id,
        classification=row.classification,
        victims=[
            VictimFields(
                v.employee_id,
                v.iin,
                v.full_name,
                v.position,
                v.employer,
                v.outcome,
                v.injury,
                v.days_lost,
            )
            for v in row.victims
        ],
        place=row.place,
        circumstances=row.circumstances,
        commission=[
            MemberFields(m.full_name, m.position, m.role, m.employee_id) for m in row.commission
        ],
        causes=[
            CauseFields(
                c.kind, c.description, c.measure, c.owner_id, c.due, c.done_on, c.risk_row_id
            )
            for c in row.causes
        ],
        number=row.number,
        notified_on=row.notified_on,
        commission_on=row.commission_on,
        commission_order_no=row.commission_order_no,
        investigated_on=row.investigated_on,
        act_no=row.act_no,
        act_on=row.act_on,
    )


def correct_accident(session: Session, accident_id: int) -> Accident:
    """A signed record is corrected by a new unsigned copy that points back at it."""
    original = get_row(session, Accident, accident_id, N_("Accident"))
    fields = fields_of(original)
    fields.number = f"{original.number}-К"
    copy = Accident(
        **_values(session, fields),
        corrects_id=original.id,
        created_by=str(session.info.get("user", "")),
    )
    insert(session, copy)
    _write_children(session, copy, fields)
    return copy


def steps_of(session: Session, row: Accident) -> list[Step]:
    return accident_steps(
        row.occurred_at,
        work_calendar(session),
        notified_on=row.notified_on,
        commission_on=row.commission_on,
        investigated_on=row.investigated_on,
        act_on=row.act_on,
        rules=deadline_rules(session),
    )


def delete_accident(session: Session, accident_id: int, version: int | None) -> None:
    row = _editable(session, accident_id, version)
    update(session, row, {"deleted_at": utcnow()})
