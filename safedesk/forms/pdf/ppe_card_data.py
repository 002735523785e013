"""What the personal PPE card prints, read from the database into plain values."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import (
    Employee,
    PpeIssue,
    PpeItem,
    PpeNormSet,
    PpePositionNorm,
    PpeReturn,
)
from safedesk.db.organisation import get_organisation
from safedesk.db.ppe_catalogue import entitlement_of
from safedesk.db.units import unit_paths
from safedesk.domain.people import full_name
from safedesk.domain.ppe import MeasureUnit, Wear
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class Named:
    kk: str
    ru: str


@dataclass(frozen=True)
class CardNorm:
    item: Named
    clause: str
    unit: MeasureUnit
    quantity: int
    wear: Wear
    months: int | None
    personal: bool


@dataclass(frozen=True)
class CardIssue:
    item: Named
    certificate: str
    size: str
    issued: dt.date
    quantity: int
    returned: dt.date | None
    returned_quantity: int
    wear_percent: int | None


@dataclass(frozen=True)
class CardData:
    organisation: Letterhead
    number: str
    full_name: str
    personnel_no: str
    unit: Named
    position: Named
    hire_date: dt.date | None
    sex: str  # "M" / "F"
    height_cm: int | None
    clothing: str
    shoe: str
    head: str
    glove: str
    legal_bases: tuple[tuple[str, dt.date], ...]
    norms: tuple[CardNorm, ...]
    issues: tuple[CardIssue, ...]
    as_of: dt.date  # the newest date on the card: prints the same bytes until it changes


def organisation_head(session: Session) -> Letterhead:
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    return Letterhead(name_kk=org.name_kk, name_ru=org.name_ru, bin=org.bin, address=org.address)


def load_card(session: Session, employee_id: int) -> CardData:
    e = session.get(Employee, employee_id)
    if e is None or e.deleted_at is not None:
        raise NotFound(what=N_("Employee"), id=employee_id)
    head = organisation_head(session)
    items = {i.id: i for i in session.scalars(select(PpeItem))}
    norms = tuple(
        CardNorm(
            _name(items[item_id]),
            line.clause,
            MeasureUnit(items[item_id].unit),
            line.quantity,
            line.wear,
            line.months,
            line.personal,
        )
        for item_id, line in entitlement_of(session, e).items()
        if item_id in items
    )
    bases = session.execute(
        select(PpeNormSet.legal_basis, PpeNormSet.edition_date)
        .join(PpePositionNorm, PpePositionNorm.norm_set_id == PpeNormSet.id)
        .where(PpePositionNorm.position_id == (e.position_id or 0), PpeNormSet.deleted_at.is_(None))
        .distinct()
        .order_by(PpeNormSet.edition_date)
    ).all()
    rows = session.scalars(
        select(PpeIssue)
        .where(PpeIssue.employee_id == e.id, PpeIssue.deleted_at.is_(None))
        .order_by(PpeIssue.issue_date, PpeIssue.id)
    ).all()
    back: dict[int, list[PpeReturn]] = defaultdict(list)
    for r in session.scalars(
        select(PpeReturn)
        .where(PpeReturn.issue_id.in_([x.id for x in rows]), PpeReturn.deleted_at.is_(None))
        .order_by(PpeReturn.return_date, PpeReturn.id)
    ):
        back[r.issue_id].append(r)
    issues = tuple(
        CardIssue(
            _name(items[x.item_id]),
            x.certificate,
            x.size,
            x.issue_date,
            x.quantity,
            back[x.id][-1].return_date if back[x.id] else None,
            sum(r.quantity for r in back[x.id]),
            back[x.id][-1].wear_percent if back[x.id] else None,
        )
        for x in rows
    )
    kk, ru = unit_paths(session, "kk"), unit_paths(session, "ru")
    dates = [e.hire_date or dt.date(2000, 1, 1), *(x.issued for x in issues)]
    dates += [x.returned for x in issues if x.returned]
    position = e.position
    return CardData(
        organisation=head,
        number=e.personnel_no or str(e.id),
        full_name=full_name(e.surname, e.name, e.patronymic),
        personnel_no=e.personnel_no,
        unit=Named(kk.get(e.unit_id or 0, ""), ru.get(e.unit_id or 0, "")),
        position=Named(position.name_kk, position.name_ru) if position else Named("", ""),
        hire_date=e.hire_date,
        sex=e.sex,
        height_cm=e.height_cm,
        clothing=e.clothing_size,
        shoe=e.shoe_size,
        head=e.head_size,
        glove=e.glove_size,
        legal_bases=tuple((basis, edition) for basis, edition in bases),
        norms=norms,
        issues=issues,
        as_of=max(dates),
    )


def _name(item: PpeItem) -> Named:
    return Named(item.name_kk, item.name_ru)
