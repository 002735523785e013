"""What the attendance sheet of an OHS day prints, read into plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from safedesk.db.models import SafetyDay
from safedesk.db.organisation import get_organisation
from safedesk.db.safety_days import attendance
from safedesk.db.units import unit_paths
from safedesk.domain.people import full_name, short_name
from safedesk.domain.safety_days import SafetyDayKind
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.grid import leaf
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class Attendee:
    full_name: str
    position_kk: str
    position_ru: str
    unit_kk: str
    unit_ru: str
    present: bool


@dataclass(frozen=True)
class SheetData:
    organisation: Letterhead
    day_id: int
    held_on: dt.date
    kind: SafetyDayKind
    topic: str
    unit_kk: str  # "" : the whole enterprise
    unit_ru: str
    place: str
    leader: str  # short name, "" when nobody is named
    leader_position_kk: str
    leader_position_ru: str
    held: bool  # the day is over: presence is printed, else the list is to sign on the day
    people: tuple[Attendee, ...]


def load_sheet(session: Session, day_id: int, today: dt.date | None = None) -> SheetData:
    day = session.get(SafetyDay, day_id)
    if day is None or day.deleted_at is not None:
        raise NotFound(what=N_("OHS day"), id=day_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    kk, ru = unit_paths(session, "kk"), unit_paths(session, "ru")
    people = []
    for a in attendance(session, day_id):
        e = a.employee
        people.append(
            Attendee(
                full_name=full_name(e.surname, e.name, e.patronymic),
                position_kk=e.position.name_kk if e.position else "",
                position_ru=e.position.name_ru if e.position else "",
                unit_kk=leaf(kk.get(e.unit_id or 0, "")),
                unit_ru=leaf(ru.get(e.unit_id or 0, "")),
                present=a.present,
            )
        )
    leader = day.leader
    return SheetData(
        organisation=Letterhead(
            name_kk=org.name_kk, name_ru=org.name_ru, bin=org.bin, address=org.address
        ),
        day_id=day.id,
        held_on=day.held_on,
        kind=SafetyDayKind(day.kind),
        topic=day.topic,
        unit_kk=kk.get(day.unit_id, "") if day.unit_id else "",
        unit_ru=ru.get(day.unit_id, "") if day.unit_id else "",
        place=day.place,
        leader=short_name(leader.surname, leader.name, leader.patronymic) if leader else "",
        leader_position_kk=leader.position.name_kk if leader and leader.position else "",
        leader_position_ru=leader.position.name_ru if leader and leader.position else "",
        held=day.held_on <= (today or dt.date.today()),
        people=tuple(people),
    )
