"""What the appointment order prints, read from the database into plain values.

Rendering works on these frozen dataclasses only, so a form can be printed (and
tested) from values, and later forms copy the pattern: `load_*` reads, the
renderer draws.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import ResponsibleAppointment
from safedesk.db.organisation import get_organisation
from safedesk.db.units import unit_paths
from safedesk.domain.people import full_name, short_name
from safedesk.domain.responsibility import Duty
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class Appointee:
    full_name: str
    short_name: str
    position_kk: str
    position_ru: str
    unit_kk: str
    unit_ru: str


@dataclass(frozen=True)
class AppointmentLine:
    appointee: Appointee
    duties: tuple[Duty, ...]
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class OrderData:
    """One order: every appointment made under the same number and date."""

    organisation: Letterhead
    head_name: str
    head_position_kk: str
    head_position_ru: str
    order_no: str
    order_date: dt.date
    appointments: tuple[AppointmentLine, ...]


def head_short_name(head: str) -> str:
    """'Сейітқазы Нұрлан Өмірұлы' → 'Сейітқазы Н.Ө.'; an 'Surname I.O.' stays as typed."""
    parts = head.split()
    if len(parts) < 2 or parts[1].endswith("."):
        return head.strip()
    return short_name(parts[0], parts[1], " ".join(parts[2:]))


def load_order(session: Session, appointment_id: int) -> OrderData:
    """The order that made appointment `appointment_id`, with all its appointments."""
    first = session.get(ResponsibleAppointment, appointment_id)
    if first is None or first.deleted_at is not None:
        raise NotFound(what=N_("Appointment"), id=appointment_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    rows = session.scalars(
        select(ResponsibleAppointment)
        .where(
            ResponsibleAppointment.order_no == first.order_no,
            ResponsibleAppointment.order_date == first.order_date,
            ResponsibleAppointment.deleted_at.is_(None),
        )
        .order_by(ResponsibleAppointment.id)
    ).all()
    units_kk, units_ru = unit_paths(session, "kk"), unit_paths(session, "ru")

    def line(row: ResponsibleAppointment) -> AppointmentLine:
        e = row.employee
        unit_id = e.unit_id or 0
        return AppointmentLine(
            appointee=Appointee(
                full_name=full_name(e.surname, e.name, e.patronymic),
                short_name=short_name(e.surname, e.name, e.patronymic),
                position_kk=e.position.name_kk if e.position else "",
                position_ru=e.position.name_ru if e.position else "",
                unit_kk=units_kk.get(unit_id, ""),
                unit_ru=units_ru.get(unit_id, ""),
            ),
            # Stored in Duty's order by the service; unknown values are skipped, not guessed.
            duties=tuple(d for d in Duty if d.value in row.duties),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
        )

    return OrderData(
        organisation=Letterhead(
            name_kk=org.name_kk, name_ru=org.name_ru, bin=org.bin, address=org.address
        ),
        head_name=org.head_name,
        head_position_kk=org.head_position_kk,
        head_position_ru=org.head_position_ru,
        order_no=first.order_no,
        order_date=first.order_date,
        appointments=tuple(line(r) for r in rows),
    )
