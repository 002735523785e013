"""What the accident act (form Н-1) prints, read from the database into plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from safedesk.db.accidents import steps_of
from safedesk.db.models import Accident, Employee, Position
from safedesk.db.organisation import get_organisation
from safedesk.db.units import unit_paths
from safedesk.domain.accidents import KAZAKHSTAN, Step
from safedesk.domain.ids import iin_birth_date, iin_sex
from safedesk.domain.people import full_name
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class ActVictim:
    full_name: str
    iin: str
    birth_date: dt.date | None
    sex: str  # "M" | "F" | ""
    position_kk: str  # from the position register where it can be, else as stored
    position_ru: str
    employer: str  # the contractor; "" for the organisation's own employee
    outcome: str
    injury: str
    days_lost: int


@dataclass(frozen=True)
class ActMember:
    full_name: str
    position_kk: str
    position_ru: str
    role: str


@dataclass(frozen=True)
class ActCause:
    kind: str
    description: str
    measure: str
    owner: str
    due: dt.date | None


@dataclass(frozen=True)
class ActData:
    organisation: Letterhead
    number: str  # the act's number, else the register number
    act_date: dt.date
    occurred_local: dt.datetime  # in Kazakhstan time
    unit_kk: str
    unit_ru: str
    place: str
    classification: str
    circumstances: str
    victims: tuple[ActVictim, ...]
    commission: tuple[ActMember, ...]
    causes: tuple[ActCause, ...]
    commission_on: dt.date | None
    commission_order_no: str
    investigated_on: dt.date | None
    steps: tuple[Step, ...]
    corrects: str  # register No. of the record this one corrects, or ""


def person_position(session: Session, employee_id: int | None, stored: str) -> tuple[str, str]:
    """A victim's or commission member's position as (kk, ru).

    The act keeps the position as text, as it was when the accident was recorded (an
    employee's in Russian, from the card). The position register has it in both
    languages: the person's own position when it is the one stored (or nothing is), else
    the register's position of that name; the stored text, in both columns, only when
    the register has no such position (a contractor's worker, a position typed by hand).
    """
    stored = stored.strip()
    e = session.get(Employee, employee_id) if employee_id is not None else None
    p = e.position if e is not None else None
    if p is None or (stored and stored not in (p.name_kk.strip(), p.name_ru.strip())):
        p = None
        if stored:
            p = session.scalars(
                select(Position)
                .where(
                    Position.deleted_at.is_(None),
                    or_(Position.name_ru == stored, Position.name_kk == stored),
                )
                .order_by(Position.id)
                .limit(1)
            ).first()
    if p is None:
        return stored, stored
    return (p.name_kk or p.name_ru or stored), (p.name_ru or p.name_kk or stored)


def load_act(session: Session, accident_id: int) -> ActData:
    row = session.get(Accident, accident_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(what=N_("Accident"), id=accident_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    local = row.occurred_at.astimezone(KAZAKHSTAN)
    corrects = ""
    if row.corrects_id is not None:
        earlier = session.get(Accident, row.corrects_id)
        corrects = earlier.number if earlier is not None else ""

    def owner(employee_id: int | None) -> str:
        e = session.get(Employee, employee_id) if employee_id is not None else None
        return full_name(e.surname, e.name, e.patronymic) if e is not None else ""

    def sex(iin: str) -> str:
        try:
            return iin_sex(iin).value
        except (ValueError, KeyError, IndexError):
            return ""

    return ActData(
        organisation=Letterhead(org.name_kk, org.name_ru, org.bin, org.address),
        number=row.act_no or row.number,
        act_date=row.act_on or local.date(),
        occurred_local=local,
        unit_kk=unit_paths(session, "kk").get(row.unit_id, ""),
        unit_ru=unit_paths(session, "ru").get(row.unit_id, ""),
        place=row.place,
        classification=row.classification,
        circumstances=row.circumstances,
        victims=tuple(
            ActVictim(
                v.full_name,
                v.iin,
                iin_birth_date(v.iin),
                sex(v.iin),
                *person_position(session, v.employee_id, v.position),
                v.employer,
                v.outcome,
                v.injury,
                v.days_lost,
            )
            for v in row.victims
        ),
        commission=tuple(
            ActMember(m.full_name, *person_position(session, m.employee_id, m.position), m.role)
            for m in row.commission
        ),
        causes=tuple(
            ActCause(c.kind, c.description, c.measure, owner(c.owner_id), c.due) for c in row.causes
        ),
        commission_on=row.commission_on,
        commission_order_no=row.commission_order_no,
        investigated_on=row.investigated_on,
        steps=tuple(steps_of(session, row)),
        corrects=corrects,
    )
