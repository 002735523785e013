"""PPE reference data: catalogue, norm sets and lines, positions' links, personal additions.

Who is entitled to what: a position inherits the lines of every norm set linked to it,
an employee adds personal additions; `entitlements` merges them by the domain rule.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from safedesk.db.audit import record, snapshot
from safedesk.db.models import (
    Employee,
    Position,
    PpeItem,
    PpeNormLine,
    PpeNormSet,
    PpePersonalNorm,
    PpePositionNorm,
)
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.collation import search_text, sort_key
from safedesk.domain.ppe import (
    ItemKind,
    MeasureUnit,
    NormLine,
    SizeKind,
    Wear,
    merge_entitlements,
    norm_line_complaints,
)
from safedesk.errors import Problem
from safedesk.i18n import N_, pick
from safedesk.paths import resource


def _user(session: Session) -> str:
    return str(session.info.get("user", ""))


# -- catalogue -------------------------------------------------------------------------
@dataclass
class ItemFields:
    name_kk: str
    name_ru: str
    kind: ItemKind = ItemKind.OTHER
    standard: str = ""
    unit: MeasureUnit = MeasureUnit.PIECE
    size_kind: SizeKind = SizeKind.NONE
    sizes: list[str] = field(default_factory=list)
    code: str = ""
    test_interval_months: int | None = None
    test_basis: str = ""
    test_edition: dt.date | None = None


def _item_problems(fields: ItemFields) -> list[Problem]:
    found: list[Problem] = []
    if not fields.name_kk.strip() and not fields.name_ru.strip():
        found.append(Problem("name_ru", N_("The item's name is required (Kazakh or Russian).")))
    if fields.size_kind is SizeKind.NONE and fields.sizes:
        found.append(Problem("sizes", N_("An item in one size has no list of sizes.")))
    if fields.test_interval_months is not None and not 1 <= fields.test_interval_months <= 120:
        found.append(
            Problem("test_interval_months", N_("The test interval must be from 1 to 120 months."))
        )
    return found


def item_sort_keys(name_kk: str, name_ru: str) -> dict[str, str]:
    """`sort_kk`/`sort_ru` of an item: its name in that language (the other one when
    empty) as the Kazakh alphabetical key."""
    kk, ru = name_kk.strip(), name_ru.strip()
    return {"sort_kk": sort_key(kk or ru), "sort_ru": sort_key(ru or kk)}


def _item_values(fields: ItemFields) -> dict[str, object]:
    sizes = [s.strip() for s in fields.sizes if s.strip()]
    return {
        "name_kk": fields.name_kk.strip(),
        "name_ru": fields.name_ru.strip(),
        "kind": ItemKind(fields.kind).value,
        "standard": fields.standard.strip(),
        "unit": MeasureUnit(fields.unit).value,
        "size_kind": SizeKind(fields.size_kind).value,
        "sizes": list(dict.fromkeys(sizes)),
        "code": fields.code.strip(),
        "test_interval_months": fields.test_interval_months,
        "test_basis": fields.test_basis.strip(),
        "test_edition": fields.test_edition,
        "search_text": search_text(fields.name_kk, fields.name_ru, fields.code, fields.standard),
        **item_sort_keys(fields.name_kk, fields.name_ru),
    }


def add_item(session: Session, fields: ItemFields) -> PpeItem:
    refuse(_item_problems(fields))
    item = PpeItem(**_item_values(fields), created_by=_user(session))
    insert(session, item)
    return item


def update_item(session: Session, item_id: int, version: int | None, fields: ItemFields) -> PpeItem:
    item = get_row(session, PpeItem, item_id, N_("PPE item"))
    check_version(item, version)
    refuse(_item_problems(fields))
    update(session, item, _item_values(fields))
    return item


def delete_item(session: Session, item_id: int, version: int | None) -> None:
    item = get_row(session, PpeItem, item_id, N_("PPE item"))
    check_version(item, version)
    update(session, item, {"deleted_at": utcnow()})


def item_fields(item: PpeItem) -> ItemFields:
    return ItemFields(
        name_kk=item.name_kk,
        name_ru=item.name_ru,
        kind=ItemKind(item.kind),
        standard=item.standard,
        unit=MeasureUnit(item.unit),
        size_kind=SizeKind(item.size_kind),
        sizes=list(item.sizes),
        code=item.code,
        test_interval_months=item.test_interval_months,
        test_basis=item.test_basis,
        test_edition=item.test_edition,
    )


def list_items(session: Session, kinds: Iterable[ItemKind] | None = None) -> list[PpeItem]:
    query = select(PpeItem).where(PpeItem.deleted_at.is_(None))
    if kinds is not None:
        query = query.where(PpeItem.kind.in_([k.value for k in kinds]))
    return sorted(session.scalars(query), key=lambda i: pick(i.name_kk, i.name_ru).casefold())


# -- norm sets and lines ---------------------------------------------------------------
@dataclass
class NormSetFields:
    name_kk: str
    name_ru: str
    legal_basis: str
    edition_date: dt.date | None
    code: str = ""


def _set_problems(fields: NormSetFields) -> list[Problem]:
    found: list[Problem] = []
    if not fields.name_kk.strip() and not fields.name_ru.strip():
        found.append(Problem("name_ru", N_("The norm's name is required (Kazakh or Russian).")))
    if not fields.legal_basis.strip():
        found.append(Problem("legal_basis", N_("Give the legal basis of the norm.")))
    if fields.edition_date is None:
        found.append(Problem("edition_date", N_("Give the date of the norm's edition.")))
    return found


def add_norm_set(session: Session, fields: NormSetFields) -> PpeNormSet:
    refuse(_set_problems(fields))
    row = PpeNormSet(
        name_kk=fields.name_kk.strip(),
        name_ru=fields.name_ru.strip(),
        legal_basis=fields.legal_basis.strip(),
        edition_date=fields.edition_date,
        code=fields.code.strip(),
        created_by=_user(session),
    )
    insert(session, row)
    return row


def update_norm_set(
    session: Session, set_id: int, version: int | None, fields: NormSetFields
) -> PpeNormSet:
    row = get_row(session, PpeNormSet, set_id, N_("PPE norm"))
    check_version(row, version)
    refuse(_set_problems(fields))
    update(
        session,
        row,
        {
            "name_kk": fields.name_kk.strip(),
            "name_ru": fields.name_ru.strip(),
            "legal_basis": fields.legal_basis.strip(),
            "edition_date": fields.edition_date,
            "code": fields.code.strip(),
        },
    )
    return row


def list_norm_sets(session: Session) -> list[PpeNormSet]:
    return list(
        session.scalars(
            select(PpeNormSet).where(PpeNormSet.deleted_at.is_(None)).order_by(PpeNormSet.id)
        )
    )


@dataclass
class NormLineFields:
    norm_set_id: int
    item_id: int
    quantity: int = 1
    wear: Wear = Wear.MONTHS
    wear_months: int | None = 12
    clause: str = ""


def _line_problems(session: Session, fields: NormLineFields) -> list[Problem]:
    found = [
        Problem(c.field, c.msgid, dict(c.values))
        for c in norm_line_complaints(fields.quantity, Wear(fields.wear), fields.wear_months)
    ]
    norm = session.get(PpeNormSet, fields.norm_set_id)
    if norm is None or norm.deleted_at is not None:
        found.append(Problem("norm_set_id", N_("Choose the norm the line belongs to.")))
    item = session.get(PpeItem, fields.item_id)
    if item is None or item.deleted_at is not None:
        found.append(Problem("item_id", N_("Choose the item from the catalogue.")))
    return found


def _line_values(fields: NormLineFields) -> dict[str, object]:
    wear = Wear(fields.wear)
    return {
        "norm_set_id": fields.norm_set_id,
        "item_id": fields.item_id,
        "quantity": fields.quantity,
        "wear": wear.value,
        "wear_months": fields.wear_months if wear is Wear.MONTHS else None,
        "clause": fields.clause.strip(),
    }


def add_norm_line(session: Session, fields: NormLineFields) -> PpeNormLine:
    refuse(_line_problems(session, fields))
    row = PpeNormLine(**_line_values(fields), created_by=_user(session))
    insert(session, row)
    return row


def update_norm_line(
    session: Session, line_id: int, version: int | None, fields: NormLineFields
) -> PpeNormLine:
    row = get_row(session, PpeNormLine, line_id, N_("Norm line"))
    check_version(row, version)
    refuse(_line_problems(session, fields))
    update(session, row, _line_values(fields))
    return row


def delete_norm_line(session: Session, line_id: int, version: int | None) -> None:
    row = get_row(session, PpeNormLine, line_id, N_("Norm line"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


# -- positions inherit norms -------------------------------------------------------------
def linked_sets(session: Session, position_id: int) -> list[int]:
    return list(
        session.scalars(
            select(PpePositionNorm.norm_set_id).where(PpePositionNorm.position_id == position_id)
        )
    )


def set_position_norms(session: Session, position_id: int, norm_set_ids: Iterable[int]) -> None:
    """Make exactly `norm_set_ids` the norms of the position; each change audited."""
    get_row(session, Position, position_id, N_("Position"))
    wanted = set(norm_set_ids)
    for set_id in wanted:
        get_row(session, PpeNormSet, set_id, N_("PPE norm"))
    links = session.scalars(
        select(PpePositionNorm).where(PpePositionNorm.position_id == position_id)
    ).all()
    for link in links:
        if link.norm_set_id not in wanted:
            before = snapshot(link)
            record(session, "delete", link, before)
            session.execute(delete(PpePositionNorm).where(PpePositionNorm.id == link.id))
    present = {link.norm_set_id for link in links}
    for set_id in sorted(wanted - present):
        insert(
            session,
            PpePositionNorm(position_id=position_id, norm_set_id=set_id, created_by=_user(session)),
        )


def link_default_norms(session: Session) -> int:
    """Link positions to the sample norm sets whose 'positions' name them; return links made."""
    data = json.loads(resource("reference", "ppe_norms.json").read_text(encoding="utf-8"))
    sets = {s.code: s.id for s in list_norm_sets(session) if s.code}
    positions = session.scalars(select(Position).where(Position.deleted_at.is_(None))).all()
    by_name = {p.name_ru.casefold(): p.id for p in positions}
    made = 0
    for norm in data["sets"]:
        set_id = sets.get(norm["code"])
        if set_id is None:
            continue
        for name in norm["positions"]:
            position_id = by_name.get(name.casefold())
            if position_id is not None and set_id not in linked_sets(session, position_id):
                insert(
                    session,
                    PpePositionNorm(
                        position_id=position_id, norm_set_id=set_id, created_by=_user(session)
                    ),
                )
                made += 1
    return made


# -- personal additions ----------------------------------------------------------------
@dataclass
class PersonalNormFields:
    employee_id: int
    item_id: int
    quantity: int = 1
    wear: Wear = Wear.MONTHS
    wear_months: int | None = 12
    reason: str = ""


def add_personal_norm(session: Session, fields: PersonalNormFields) -> PpePersonalNorm:
    found = [
        Problem(c.field, c.msgid, dict(c.values))
        for c in norm_line_complaints(fields.quantity, Wear(fields.wear), fields.wear_months)
    ]
    employee = session.get(Employee, fields.employee_id)
    if employee is None or employee.deleted_at is not None:
        found.append(Problem("employee_id", N_("Choose the employee.")))
    item = session.get(PpeItem, fields.item_id)
    if item is None or item.deleted_at is not None:
        found.append(Problem("item_id", N_("Choose the item from the catalogue.")))
    if not fields.reason.strip():
        found.append(Problem("reason", N_("Give the reason for the personal addition.")))
    refuse(found)
    wear = Wear(fields.wear)
    row = PpePersonalNorm(
        employee_id=fields.employee_id,
        item_id=fields.item_id,
        quantity=fields.quantity,
        wear=wear.value,
        wear_months=fields.wear_months if wear is Wear.MONTHS else None,
        reason=fields.reason.strip(),
        created_by=_user(session),
    )
    insert(session, row)
    return row


def delete_personal_norm(session: Session, row_id: int, version: int | None) -> None:
    row = get_row(session, PpePersonalNorm, row_id, N_("Personal addition"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


# -- who is entitled to what -------------------------------------------------------------
def position_lines(session: Session) -> dict[int, list[NormLine]]:
    """Every position's norm lines, from every norm set linked to it."""
    rows = session.execute(
        select(PpePositionNorm.position_id, PpeNormLine)
        .join(PpeNormLine, PpeNormLine.norm_set_id == PpePositionNorm.norm_set_id)
        .join(PpeNormSet, PpeNormSet.id == PpeNormLine.norm_set_id)
        .where(PpeNormLine.deleted_at.is_(None), PpeNormSet.deleted_at.is_(None))
        .order_by(PpeNormLine.id)
    ).all()
    found: dict[int, list[NormLine]] = defaultdict(list)
    for position_id, line in rows:
        found[position_id].append(
            NormLine(line.item_id, line.quantity, Wear(line.wear), line.wear_months, line.clause)
        )
    return found


def personal_lines(
    session: Session, employee_ids: Iterable[int] | None = None
) -> dict[int, list[NormLine]]:
    query = select(PpePersonalNorm).where(PpePersonalNorm.deleted_at.is_(None))
    if employee_ids is not None:
        query = query.where(PpePersonalNorm.employee_id.in_(list(employee_ids)))
    found: dict[int, list[NormLine]] = defaultdict(list)
    for row in session.scalars(query.order_by(PpePersonalNorm.id)):
        found[row.employee_id].append(
            NormLine(row.item_id, row.quantity, Wear(row.wear), row.wear_months, "", personal=True)
        )
    return found


def entitlement_of(session: Session, employee: Employee) -> dict[int, NormLine]:
    """What one employee is entitled to, one line per item."""
    lines = position_lines(session).get(employee.position_id or 0, [])
    extra = personal_lines(session, [employee.id]).get(employee.id, [])
    return merge_entitlements([*lines, *extra])
