"""Responsible persons appointed by order (roadmap item 4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, ResponsibleAppointment
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.responsibility import Duty
from safedesk.errors import Problem
from safedesk.i18n import N_


@dataclass
class AppointmentFields:
    employee_id: int
    duties: list[Duty] = field(default_factory=list)
    order_no: str = ""
    order_date: dt.date | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    note: str = ""


def _problems(session: Session, fields: AppointmentFields) -> list[Problem]:
    found: list[Problem] = []
    employee = session.get(Employee, fields.employee_id)
    if employee is None or employee.deleted_at is not None:
        found.append(Problem("employee_id", N_("Choose the employee to appoint.")))
    elif employee.dismissal_date is not None and (
        fields.valid_from is None or employee.dismissal_date < fields.valid_from
    ):
        found.append(
            Problem(
                "employee_id",
                N_("The employee was dismissed on {date} and cannot be appointed."),
                {"date": employee.dismissal_date},
            )
        )
    if not fields.duties:
        found.append(Problem("duties", N_("Choose at least one duty.")))
    if not fields.order_no.strip():
        found.append(Problem("order_no", N_("The order number is required.")))
    if fields.order_date is None:
        found.append(Problem("order_date", N_("The order date is required.")))
    if fields.valid_from is None:
        found.append(Problem("valid_from", N_("The date the appointment starts is required.")))
    if fields.valid_from and fields.valid_to and fields.valid_to < fields.valid_from:
        found.append(
            Problem(
                "valid_to",
                N_("The appointment ends ({end}) before it starts ({start})."),
                {"end": fields.valid_to, "start": fields.valid_from},
            )
        )
    return found


def _values(fields: AppointmentFields) -> dict[str, object]:
    return {
        "employee_id": fields.employee_id,
        # Stored in the fixed order of Duty so the printed order is stable.
        "duties": [d.value for d in Duty if d in {Duty(x) for x in fields.duties}],
        "order_no": fields.order_no.strip(),
        "order_date": fields.order_date,
        "valid_from": fields.valid_from,
        "valid_to": fields.valid_to,
        "note": fields.note.strip(),
    }


def appoint(session: Session, fields: AppointmentFields) -> ResponsibleAppointment:
    refuse(_problems(session, fields))
    row = ResponsibleAppointment(**_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_appointment(
    session: Session, appointment_id: int, version: int | None, fields: AppointmentFields
) -> ResponsibleAppointment:
    row = get_row(session, ResponsibleAppointment, appointment_id, N_("Appointment"))
    check_version(row, version)
    refuse(_problems(session, fields))
    update(session, row, _values(fields))
    return row


def end_appointment(
    session: Session, appointment_id: int, version: int | None, on: dt.date
) -> ResponsibleAppointment:
    """The appointment stops on `on`; the order stays on record."""
    row = get_row(session, ResponsibleAppointment, appointment_id, N_("Appointment"))
    check_version(row, version)
    if on < row.valid_from:
        refuse(
            [
                Problem(
                    "valid_to",
                    N_("The appointment ends ({end}) before it starts ({start})."),
                    {"end": on, "start": row.valid_from},
                )
            ]
        )
    update(session, row, {"valid_to": on})
    return row


def delete_appointment(session: Session, appointment_id: int, version: int | None) -> None:
    row = get_row(session, ResponsibleAppointment, appointment_id, N_("Appointment"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def appointments_in_force(session: Session, on: dt.date) -> list[ResponsibleAppointment]:
    return list(
        session.scalars(
            select(ResponsibleAppointment).where(
                ResponsibleAppointment.deleted_at.is_(None),
                ResponsibleAppointment.valid_from <= on,
                or_(
                    ResponsibleAppointment.valid_to.is_(None),
                    ResponsibleAppointment.valid_to >= on,
                ),
            )
        )
    )
