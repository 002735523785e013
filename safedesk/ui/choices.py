"""Filling combo boxes with units, positions and employees from the services."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Employee
from safedesk.db.positions import list_positions
from safedesk.db.units import unit_paths
from safedesk.domain.people import full_name
from safedesk.i18n import pick


def fill_units(combo: QComboBox, db: Database, empty: str | None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    with db.session() as s:
        paths = unit_paths(s)
    for uid, path in sorted(paths.items(), key=lambda item: item[1].casefold()):
        combo.addItem(path, uid)


def fill_positions(combo: QComboBox, db: Database, empty: str | None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    with db.session() as s:
        names = [(p.id, pick(p.name_kk, p.name_ru)) for p in list_positions(s)]
    for pid, name in sorted(names, key=lambda item: item[1].casefold()):
        combo.addItem(name, pid)


def employee_label(db: Database, employee_id: int) -> str:
    with db.session() as s:
        e = s.get(Employee, employee_id)
        if e is None:
            return ""
        return f"{full_name(e.surname, e.name, e.patronymic)} ({e.iin})"


def active_employee_ids(db: Database) -> list[int]:
    with db.session() as s:
        return list(
            s.scalars(
                select(Employee.id).where(
                    Employee.deleted_at.is_(None), Employee.dismissal_date.is_(None)
                )
            )
        )
