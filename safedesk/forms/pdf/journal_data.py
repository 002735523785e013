"""What a briefing journal prints, read from the database into plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from safedesk.db.models import Briefing, Employee, Position, Unit
from safedesk.db.organisation import get_organisation
from safedesk.db.units import list_units, unit_paths
from safedesk.domain.people import full_name, short_name
from safedesk.domain.training import WORKPLACE_KINDS, BriefingKind
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.grid import leaf
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class JournalLine:
    held_on: dt.date
    full_name: str
    birth_year: int
    position_kk: str
    position_ru: str
    unit_kk: str
    unit_ru: str
    kind: BriefingKind
    reason: str
    topic: str
    instructor: str  # 'Surname I.O.'
    instructor_position_kk: str
    instructor_position_ru: str
    next_due: dt.date | None


@dataclass(frozen=True)
class JournalData:
    organisation: Letterhead
    introductory: bool
    unit_kk: str
    unit_ru: str
    date_from: dt.date
    date_to: dt.date
    lines: tuple[JournalLine, ...]


def _descendants(session: Session, unit_id: int) -> list[int]:
    children: dict[int | None, list[int]] = {}
    for u in list_units(session):
        children.setdefault(u.parent_id, []).append(u.id)
    found, stack = [], [unit_id]
    while stack:
        uid = stack.pop()
        found.append(uid)
        stack.extend(children.get(uid, []))
    return found


def load_journal(
    session: Session,
    unit_id: int,
    date_from: dt.date | None,
    date_to: dt.date | None,
    introductory: bool,
) -> JournalData:
    """The lines of one unit's journal (its sub-units included) for the period."""
    unit = session.get(Unit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFound(what=N_("Unit"), id=unit_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    date_to = date_to or dt.date.today()
    date_from = date_from or date_to.replace(month=1, day=1)
    if date_from > date_to:
        raise SafeDeskError(
            N_("The period starts ({start}) after it ends ({end})."), start=date_from, end=date_to
        )
    kinds = [BriefingKind.INTRODUCTORY] if introductory else list(WORKPLACE_KINDS)
    instructor = aliased(Employee)
    position, instructor_position = aliased(Position), aliased(Position)
    rows = session.execute(
        select(Briefing, Employee, position, instructor, instructor_position)
        .join(Employee, Briefing.employee_id == Employee.id)
        .join(instructor, Briefing.instructor_id == instructor.id)
        .outerjoin(position, Employee.position_id == position.id)
        .outerjoin(instructor_position, instructor.position_id == instructor_position.id)
        .where(
            Briefing.deleted_at.is_(None),
            Briefing.kind.in_([k.value for k in kinds]),
            Briefing.held_on >= date_from,
            Briefing.held_on <= date_to,
            Employee.unit_id.in_(_descendants(session, unit_id)),
        )
        .order_by(Briefing.held_on, Briefing.id)
    ).all()
    paths_kk, paths_ru = unit_paths(session, "kk"), unit_paths(session, "ru")
    lines = tuple(
        JournalLine(
            held_on=b.held_on,
            full_name=full_name(e.surname, e.name, e.patronymic),
            birth_year=e.birth_date.year,
            position_kk=p.name_kk if p else "",
            position_ru=p.name_ru if p else "",
            unit_kk=leaf(paths_kk.get(e.unit_id or 0, "")),
            unit_ru=leaf(paths_ru.get(e.unit_id or 0, "")),
            kind=BriefingKind(b.kind),
            reason=b.reason,
            topic=" ".join(x for x in (b.topic, b.instructions) if x),
            instructor=short_name(i.surname, i.name, i.patronymic),
            instructor_position_kk=ip.name_kk if ip else "",
            instructor_position_ru=ip.name_ru if ip else "",
            next_due=b.next_due,
        )
        for b, e, p, i, ip in rows
    )
    return JournalData(
        organisation=Letterhead(
            name_kk=org.name_kk, name_ru=org.name_ru, bin=org.bin, address=org.address
        ),
        introductory=introductory,
        unit_kk=paths_kk.get(unit_id, ""),
        unit_ru=paths_ru.get(unit_id, ""),
        date_from=date_from,
        date_to=date_to,
        lines=lines,
    )
