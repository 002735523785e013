"""What a knowledge-check protocol prints, read from the database into plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import CheckCommission, CheckResult, CheckSession, Employee
from safedesk.db.organisation import get_organisation
from safedesk.db.units import unit_paths
from safedesk.domain.people import full_name, short_name
from safedesk.domain.training import CheckKind, CheckOutcome
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.grid import leaf
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class Person:
    full_name: str
    short_name: str
    position_kk: str
    position_ru: str
    unit_kk: str
    unit_ru: str


@dataclass(frozen=True)
class ProtocolLine:
    person: Person
    outcome: CheckOutcome
    certificate_no: str
    score: float | None
    note: str


@dataclass(frozen=True)
class ProtocolData:
    organisation: Letterhead
    number: str
    held_on: dt.date
    kind: CheckKind
    programme: str
    external_body: str
    commission_order_no: str
    commission_order_date: dt.date | None
    chair: Person | None
    members: tuple[Person, ...]
    lines: tuple[ProtocolLine, ...]


def load_protocol(session: Session, session_id: int) -> ProtocolData:
    row = session.get(CheckSession, session_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(what=N_("Protocol"), id=session_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    kk, ru = unit_paths(session, "kk"), unit_paths(session, "ru")

    def person(e: Employee) -> Person:
        return Person(
            full_name=full_name(e.surname, e.name, e.patronymic),
            short_name=short_name(e.surname, e.name, e.patronymic),
            position_kk=e.position.name_kk if e.position else "",
            position_ru=e.position.name_ru if e.position else "",
            unit_kk=leaf(kk.get(e.unit_id or 0, "")),
            unit_ru=leaf(ru.get(e.unit_id or 0, "")),
        )

    commission: CheckCommission | None = row.commission
    results = session.scalars(
        select(CheckResult).where(CheckResult.session_id == row.id).order_by(CheckResult.id)
    ).all()
    return ProtocolData(
        organisation=Letterhead(
            name_kk=org.name_kk, name_ru=org.name_ru, bin=org.bin, address=org.address
        ),
        number=row.number,
        held_on=row.held_on,
        kind=CheckKind(row.kind),
        programme=row.programme,
        external_body=row.external_body,
        commission_order_no=commission.order_no if commission else "",
        commission_order_date=commission.order_date if commission else None,
        chair=person(commission.chair) if commission else None,
        members=tuple(person(m.employee) for m in commission.members) if commission else (),
        lines=tuple(
            ProtocolLine(
                person=person(r.employee),
                outcome=CheckOutcome(r.outcome),
                certificate_no=r.certificate_no,
                score=r.score,
                note=r.note,
            )
            for r in results
        ),
    )
