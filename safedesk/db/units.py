"""Units: the tree of departments, shops and sites employees belong to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, Unit
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.errors import Problem
from safedesk.i18n import N_, pick


@dataclass
class UnitFields:
    name_kk: str
    name_ru: str
    parent_id: int | None = None
    code: str = ""


def list_units(session: Session) -> list[Unit]:
    """Every unit in use, parents before children is not guaranteed; sorted by id."""
    return list(session.scalars(select(Unit).where(Unit.deleted_at.is_(None)).order_by(Unit.id)))


def unit_paths(session: Session, language: str | None = None) -> dict[int, str]:
    """'Mine / Shaft 2 / Section 4' for every unit, for pickers and printed headers."""
    units = {u.id: u for u in list_units(session)}
    paths: dict[int, str] = {}

    def path(uid: int, seen: frozenset[int] = frozenset()) -> str:
        if uid in paths:
            return paths[uid]
        u = units[uid]
        name = pick(u.name_kk, u.name_ru, language)
        if u.parent_id in units and u.parent_id not in seen:
            name = f"{path(u.parent_id, seen | {uid})} / {name}"
        paths[uid] = name
        return name

    for uid in units:
        path(uid)
    return paths


def _problems(session: Session, fields: UnitFields, unit_id: int | None) -> list[Problem]:
    found: list[Problem] = []
    if not fields.name_kk.strip() and not fields.name_ru.strip():
        found.append(Problem("name_ru", N_("The unit's name is required (Kazakh or Russian).")))
    parent = fields.parent_id
    seen: set[int] = set()
    while parent is not None:
        if parent == unit_id:
            found.append(Problem("parent_id", N_("A unit cannot be placed inside itself.")))
            break
        if parent in seen:
            break
        seen.add(parent)
        row = session.get(Unit, parent)
        if row is None or row.deleted_at is not None:
            found.append(Problem("parent_id", N_("The parent unit does not exist.")))
            break
        parent = row.parent_id
    return found


def add_unit(session: Session, fields: UnitFields) -> Unit:
    refuse(_problems(session, fields, None))
    unit = Unit(
        name_kk=fields.name_kk.strip(),
        name_ru=fields.name_ru.strip(),
        parent_id=fields.parent_id,
        code=fields.code.strip(),
        created_by=str(session.info.get("user", "")),
    )
    insert(session, unit)
    return unit


def update_unit(session: Session, unit_id: int, version: int | None, fields: UnitFields) -> Unit:
    unit = get_row(session, Unit, unit_id, N_("Unit"))
    check_version(unit, version)
    refuse(_problems(session, fields, unit_id))
    update(
        session,
        unit,
        {
            "name_kk": fields.name_kk.strip(),
            "name_ru": fields.name_ru.strip(),
            "parent_id": fields.parent_id,
            "code": fields.code.strip(),
        },
    )
    return unit


def delete_unit(session: Session, unit_id: int, version: int | None) -> None:
    """Hide a unit nobody belongs to; a unit with people or sub-units stays."""
    unit = get_row(session, Unit, unit_id, N_("Unit"))
    check_version(unit, version)
    has_people = session.scalar(
        select(exists().where(Employee.unit_id == unit_id, Employee.deleted_at.is_(None)))
    )
    has_children = session.scalar(
        select(exists().where(Unit.parent_id == unit_id, Unit.deleted_at.is_(None)))
    )
    if has_people or has_children:
        refuse([Problem("id", N_("The unit still has employees or sub-units; move them first."))])
    update(session, unit, {"deleted_at": utcnow()})


def find_or_create_unit(session: Session, name: str) -> Unit:
    """The unit called `name` (in either language, case-blind) or a new top-level one."""
    key = name.strip().casefold()
    for unit in list_units(session):
        if key in (unit.name_kk.casefold(), unit.name_ru.casefold()):
            return unit
    return add_unit(session, UnitFields(name_kk=name.strip(), name_ru=name.strip()))
