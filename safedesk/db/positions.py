"""Positions (professions): category, harmful conditions, electrical-safety group needed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, Position
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.people import ELECTRICAL_GROUPS, PositionCategory
from safedesk.errors import Problem
from safedesk.i18n import N_


@dataclass
class PositionFields:
    name_kk: str
    name_ru: str
    category: PositionCategory = PositionCategory.WORKER
    harmful: bool = False
    electrical_group_required: int | None = None


def list_positions(session: Session) -> list[Position]:
    return list(
        session.scalars(
            select(Position).where(Position.deleted_at.is_(None)).order_by(Position.name_ru)
        )
    )


def _problems(fields: PositionFields) -> list[Problem]:
    found: list[Problem] = []
    if not fields.name_kk.strip() and not fields.name_ru.strip():
        found.append(Problem("name_ru", N_("The position's name is required (Kazakh or Russian).")))
    if (
        fields.electrical_group_required is not None
        and fields.electrical_group_required not in ELECTRICAL_GROUPS
    ):
        found.append(
            Problem("electrical_group_required", N_("Electrical-safety group must be 1 to 5."))
        )
    return found


def _values(fields: PositionFields) -> dict[str, object]:
    return {
        "name_kk": fields.name_kk.strip(),
        "name_ru": fields.name_ru.strip(),
        "category": PositionCategory(fields.category).value,
        "harmful": bool(fields.harmful),
        "electrical_group_required": fields.electrical_group_required,
    }


def add_position(session: Session, fields: PositionFields) -> Position:
    refuse(_problems(fields))
    position = Position(**_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, position)
    return position


def update_position(
    session: Session, position_id: int, version: int | None, fields: PositionFields
) -> Position:
    position = get_row(session, Position, position_id, N_("Position"))
    check_version(position, version)
    refuse(_problems(fields))
    update(session, position, _values(fields))
    return position


def delete_position(session: Session, position_id: int, version: int | None) -> None:
    position = get_row(session, Position, position_id, N_("Position"))
    check_version(position, version)
    if session.scalar(
        select(exists().where(Employee.position_id == position_id, Employee.deleted_at.is_(None)))
    ):
        refuse([Problem("id", N_("Employees still hold this position; change theirs first."))])
    update(session, position, {"deleted_at": utcnow()})


def find_or_create_position(session: Session, name: str) -> Position:
    """The position called `name` (either language, case-blind) or a new worker position."""
    key = name.strip().casefold()
    for position in list_positions(session):
        if key in (position.name_kk.casefold(), position.name_ru.casefold()):
            return position
    return add_position(session, PositionFields(name_kk=name.strip(), name_ru=name.strip()))
