"""The hazard library: categories and hazards in kk/ru/en, seeded and editable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import Hazard, HazardCategory
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.errors import Problem
from safedesk.i18n import N_


@dataclass
class HazardFields:
    category_id: int
    name_kk: str
    name_ru: str
    name_en: str = ""
    event_kk: str = ""
    event_ru: str = ""
    event_en: str = ""
    legal_basis: str = ""
    edition_date: dt.date | None = None


@dataclass
class CategoryFields:
    name_kk: str
    name_ru: str
    name_en: str = ""
    code: str = ""


def categories(session: Session) -> list[HazardCategory]:
    return list(
        session.scalars(
            select(HazardCategory)
            .where(HazardCategory.deleted_at.is_(None))
            .order_by(HazardCategory.sort_order, HazardCategory.id)
        )
    )


def hazards(session: Session, category_id: int | None = None) -> list[Hazard]:
    query = select(Hazard).where(Hazard.deleted_at.is_(None))
    if category_id is not None:
        query = query.where(Hazard.category_id == category_id)
    return list(session.scalars(query.order_by(Hazard.category_id, Hazard.id)))


def _hazard_problems(session: Session, fields: HazardFields) -> list[Problem]:
    found: list[Problem] = []
    category = session.get(HazardCategory, fields.category_id)
    if category is None or category.deleted_at is not None:
        found.append(Problem("category_id", N_("Choose the hazard's category.")))
    if not (fields.name_kk.strip() or fields.name_ru.strip()):
        found.append(Problem("name_ru", N_("The hazard's name is required (Kazakh or Russian).")))
    return found


def _hazard_values(fields: HazardFields) -> dict[str, object]:
    return {
        key: (value.strip() if isinstance(value, str) else value)
        for key, value in vars(fields).items()
    }


def add_hazard(session: Session, fields: HazardFields) -> Hazard:
    refuse(_hazard_problems(session, fields))
    row = Hazard(**_hazard_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_hazard(
    session: Session, hazard_id: int, version: int | None, fields: HazardFields
) -> Hazard:
    row = get_row(session, Hazard, hazard_id, N_("Hazard"))
    check_version(row, version)
    refuse(_hazard_problems(session, fields))
    update(session, row, _hazard_values(fields))
    return row


def delete_hazard(session: Session, hazard_id: int, version: int | None) -> None:
    """Hidden from the library; rows that copied it keep their own text."""
    row = get_row(session, Hazard, hazard_id, N_("Hazard"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def add_category(session: Session, fields: CategoryFields) -> HazardCategory:
    if not (fields.name_kk.strip() or fields.name_ru.strip()):
        refuse([Problem("name_ru", N_("The category's name is required (Kazakh or Russian)."))])
    last = session.scalar(
        select(HazardCategory.sort_order).order_by(HazardCategory.sort_order.desc()).limit(1)
    )
    row = HazardCategory(
        code=fields.code.strip(),
        name_kk=fields.name_kk.strip(),
        name_ru=fields.name_ru.strip(),
        name_en=fields.name_en.strip(),
        sort_order=int(last or 0) + 1,
        created_by=str(session.info.get("user", "")),
    )
    insert(session, row)
    return row


def update_category(
    session: Session, category_id: int, version: int | None, fields: CategoryFields
) -> HazardCategory:
    """Rename a category in kk/ru/en; its hazards stay in it."""
    row = get_row(session, HazardCategory, category_id, N_("Hazard category"))
    check_version(row, version)
    if not (fields.name_kk.strip() or fields.name_ru.strip()):
        refuse([Problem("name_ru", N_("The category's name is required (Kazakh or Russian)."))])
    values = {
        "code": fields.code.strip(),
        "name_kk": fields.name_kk.strip(),
        "name_ru": fields.name_ru.strip(),
        "name_en": fields.name_en.strip(),
    }
    update(session, row, values)
    return row
