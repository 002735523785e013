"""Electrical protective equipment and gas analysers with periodic tests (roadmap 7, 13, 20).

Each piece has an inventory No., the catalogue item it is, a test (or calibration)
interval taken from the catalogue unless given, the last test, the next one due, and
who holds it. A failed test takes it out of use: it has no next date until it passes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.due import Day, DueSource, SqlDue
from safedesk.db.models import Employee, PpeItem, ProtectiveEquipment, ProtectiveTest, Unit
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.due import DueItem
from safedesk.domain.ppe_provisions import equipment_complaints, next_test
from safedesk.errors import Problem
from safedesk.i18n import N_, pick

REGISTER = "protective_equipment"
WHAT_TEST = N_("Protective equipment test")


@dataclass
class EquipmentFields:
    item_id: int
    inventory_no: str
    test_interval_months: int | None = None  # the catalogue's interval when None
    last_test_date: dt.date | None = None
    holder_id: int | None = None
    unit_id: int | None = None
    note: str = ""


def _values(session: Session, fields: EquipmentFields, today: dt.date) -> dict[str, object]:
    found: list[Problem] = []
    item = session.get(PpeItem, fields.item_id)
    if item is None or item.deleted_at is not None:
        found.append(Problem("item_id", N_("Choose the item from the catalogue.")))
    interval = fields.test_interval_months
    if interval is None and item is not None:
        interval = item.test_interval_months
    found += [
        Problem(c.field, c.msgid, dict(c.values))
        for c in equipment_complaints(
            inventory_no=fields.inventory_no,
            interval_months=interval,
            last_test=fields.last_test_date,
            today=today,
        )
    ]
    if fields.holder_id is not None and session.get(Employee, fields.holder_id) is None:
        found.append(Problem("holder_id", N_("Choose the employee.")))
    if fields.unit_id is not None and session.get(Unit, fields.unit_id) is None:
        found.append(Problem("unit_id", N_("The unit does not exist.")))
    refuse(found)
    return {
        "item_id": fields.item_id,
        "inventory_no": fields.inventory_no.strip(),
        "test_interval_months": interval,
        "last_test_date": fields.last_test_date,
        "next_test_date": next_test(fields.last_test_date, interval),
        "holder_id": fields.holder_id,
        "unit_id": fields.unit_id,
        "note": fields.note.strip(),
    }


def add_equipment(
    session: Session, fields: EquipmentFields, today: dt.date | None = None
) -> ProtectiveEquipment:
    values = _values(session, fields, today or dt.date.today())
    row = ProtectiveEquipment(**values, created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_equipment(
    session: Session,
    equipment_id: int,
    version: int | None,
    fields: EquipmentFields,
    today: dt.date | None = None,
) -> ProtectiveEquipment:
    row = get_row(session, ProtectiveEquipment, equipment_id, N_("Protective equipment"))
    check_version(row, version)
    update(session, row, _values(session, fields, today or dt.date.today()))
    return row


def retire_equipment(session: Session, equipment_id: int, version: int | None) -> None:
    row = get_row(session, ProtectiveEquipment, equipment_id, N_("Protective equipment"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def record_test(
    session: Session,
    equipment_id: int,
    test_date: dt.date,
    passed: bool = True,
    protocol_no: str = "",
    note: str = "",
    today: dt.date | None = None,
) -> ProtectiveTest:
    """A periodic test: passed moves the next date on; failed takes the piece out of use."""
    row = get_row(session, ProtectiveEquipment, equipment_id, N_("Protective equipment"))
    if test_date > (today or dt.date.today()):
        refuse(
            [
                Problem(
                    "test_date", N_("The test date {date} is in the future."), {"date": test_date}
                )
            ]
        )
    test = ProtectiveTest(
        equipment_id=row.id,
        test_date=test_date,
        passed=passed,
        protocol_no=protocol_no.strip(),
        note=note.strip(),
        created_by=str(session.info.get("user", "")),
    )
    insert(session, test)
    update(
        session,
        row,
        {
            "last_test_date": test_date,
            "next_test_date": next_test(test_date, row.test_interval_months) if passed else None,
        },
    )
    return test


def due_sources(today: Day) -> list[DueSource]:
    """Protective equipment by the date of its next test."""
    query = select(
        ProtectiveEquipment.id.label("record_id"),
        ProtectiveEquipment.next_test_date.label("due"),
        ProtectiveEquipment.inventory_no,
        PpeItem.name_kk,
        PpeItem.name_ru,
    ).join(PpeItem, PpeItem.id == ProtectiveEquipment.item_id).where(
        ProtectiveEquipment.deleted_at.is_(None)
    )
    return [DueSource(REGISTER, query, _due_item)]


def _due_item(row: Any) -> DueItem:
    who = f"{pick(row.name_kk, row.name_ru)} № {row.inventory_no}"
    return DueItem(REGISTER, row.record_id, WHAT_TEST, who, row.due)


# Tests overdue or due within 30 days.
_DUE = SqlDue(due_sources)
due_counts = _DUE.counts
due_items = _DUE.items
