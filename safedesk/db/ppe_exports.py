"""PPE and provisions (issue 7) as package sheets: issuances and returns of the period, the
due list at its end, milk and therapeutic nutrition, protective equipment and its tests
(roadmap items 7, 13, 14, 20; see `exports.EXPORTS`).

Issuances, returns, milk months and tests belong to the period by their dates. Protective
equipment is listed as it stood at the end of the period (`equipment_states`). The due
list is the window's (`ppe_due.due_list`) on the period's last day counted. Rows come in
id order (the due list in its own: unit, person, item), so the same data gives the same
sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from safedesk.db.export_helpers import NOBODY, Units, day_after, flag, people
from safedesk.db.exports import Kind, Sheet, Value
from safedesk.db.models import (
    MilkIssue,
    PpeIssue,
    PpeItem,
    PpeReturn,
    ProtectiveEquipment,
    ProtectiveTest,
)
from safedesk.db.ppe_due import due_list
from safedesk.domain.ppe_provisions import next_test
from safedesk.i18n import N_

T, D, N, ID = Kind.TEXT, Kind.DATE, Kind.NUMBER, Kind.IIN

# How a piece of protective equipment stood on the period's last day.
VALID, OVERDUE, FAILED, UNTESTED, NO_TESTS = "valid", "overdue", "failed", "untested", "no_tests"


def _items(session: Session) -> dict[int, PpeItem]:
    return {i.id: i for i in session.scalars(select(PpeItem))}


def issues_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(PpeIssue)
        .where(
            PpeIssue.deleted_at.is_(None), PpeIssue.issue_date >= start, PpeIssue.issue_date <= end
        )
        .order_by(PpeIssue.id)
    )
    found = list(session.scalars(query))
    items = _items(session)
    who = people(session, (i.employee_id for i in found))
    rows: list[Sequence[Value]] = []
    for i in found:
        person, item = who.get(i.employee_id, NOBODY), items[i.item_id]
        rows.append(
            (
                i.id,
                i.issue_date,
                person.iin,
                person.name,
                item.code,
                item.name_kk,
                item.name_ru,
                i.size,
                i.quantity,
                i.certificate,
                i.wear,
                i.wear_months,
                i.due_date,
                flag(i.outside_norm),
                i.reason,
            )
        )
    return Sheet(
        "ppe_issues",
        N_("PPE issued"),
        (
            N_("No."),
            N_("Issue date"),
            N_("IIN"),
            N_("Full name"),
            N_("Item code"),
            N_("Item (kk)"),
            N_("Item (ru)"),
            N_("Size"),
            N_("Quantity"),
            N_("Certificate"),
            N_("Wear period"),
            N_("Wear period, months"),
            N_("Due for replacement"),
            N_("Outside the norm (1 = yes)"),
            N_("Reason"),
        ),
        (N, D, ID, T, T, T, T, T, N, T, T, N, D, N, T),
        rows,
    )


def returns_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(PpeReturn, PpeIssue.employee_id, PpeIssue.item_id)
        .join(PpeIssue, PpeIssue.id == PpeReturn.issue_id)
        .where(
            PpeReturn.deleted_at.is_(None),
            PpeReturn.return_date >= start,
            PpeReturn.return_date <= end,
        )
        .order_by(PpeReturn.id)
    )
    found = session.execute(query).all()
    items = _items(session)
    who = people(session, (employee_id for _r, employee_id, _i in found))
    rows: list[Sequence[Value]] = []
    for back, employee_id, item_id in found:
        person, item = who.get(employee_id, NOBODY), items[item_id]
        rows.append(
            (
                back.id,
                back.issue_id,
                back.return_date,
                back.kind,
                person.iin,
                person.name,
                item.name_kk,
                item.name_ru,
                back.quantity,
                back.wear_percent,
                back.note,
            )
        )
    return Sheet(
        "ppe_returns",
        N_("PPE returned and written off"),
        (
            N_("No."),
            N_("Issuance No."),
            N_("Date"),
            N_("Return or write-off"),
            N_("IIN"),
            N_("Full name"),
            N_("Item (kk)"),
            N_("Item (ru)"),
            N_("Quantity"),
            N_("Wear, %"),
            N_("Note"),
        ),
        (N, N, D, T, ID, T, T, T, N, N, T),
        rows,
    )


def due_sheet(session: Session, end: dt.date) -> Sheet:
    """What the norms owed on `end`: overdue replacements and items never issued."""
    units = Units(session)
    rows: list[Sequence[Value]] = [
        (
            line.iin,
            line.person,
            line.personnel_no,
            *units.both(line.unit_id),
            line.item_kk,
            line.item_ru,
            line.quantity,
            line.status.value,
            line.due,
            line.last_issued,
        )
        for line in due_list(session, end, days=0)
    ]
    return Sheet(
        "ppe_due",
        N_("PPE due at the end of the period"),
        (
            N_("IIN"),
            N_("Full name"),
            N_("Personnel No."),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Item (kk)"),
            N_("Item (ru)"),
            N_("Quantity"),
            N_("Status"),
            N_("Due since"),
            N_("Last issued"),
        ),
        (ID, T, T, T, T, T, T, N, T, D, D),
        rows,
    )


def milk_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(MilkIssue)
        .where(
            MilkIssue.deleted_at.is_(None),
            MilkIssue.month >= start.replace(day=1),
            MilkIssue.month <= end,
        )
        .order_by(MilkIssue.id)
    )
    found = list(session.scalars(query))
    who = people(session, (m.employee_id for m in found))
    rows: list[Sequence[Value]] = []
    for m in found:
        person = who.get(m.employee_id, NOBODY)
        rows.append(
            (
                m.id,
                m.month,
                person.iin,
                person.name,
                m.form,
                m.shifts,
                m.quantity_ml / 1000,
                m.amount_kzt,
                m.issue_date,
                m.note,
            )
        )
    return Sheet(
        "milk_issues",
        N_("Milk and therapeutic nutrition"),
        (
            N_("No."),
            N_("Month"),
            N_("IIN"),
            N_("Full name"),
            N_("Form of issue"),
            N_("Shifts"),
            N_("Milk, litres"),
            N_("Compensation, KZT"),
            N_("Issue date"),
            N_("Note"),
        ),
        (N, D, ID, T, T, N, N, N, D, T),
        rows,
    )


@dataclass(frozen=True)
class EquipmentState:
    equipment: ProtectiveEquipment
    item: PpeItem
    last_test: dt.date | None  # the last test on or before the end of the period
    next_test: dt.date | None
    state: str


def equipment_states(session: Session, end: dt.date) -> list[EquipmentState]:
    """Protective equipment in service on `end`, each with its test state on that day.

    In service: added on or before `end` (or tested by then) and not retired before it.
    The state comes from the last test on or before `end`; a failed one takes the piece
    out of use; a piece without a recorded test takes the test date it was entered with.
    """
    after = day_after(end)
    tests: dict[int, list[tuple[dt.date, bool]]] = {}
    for equipment_id, day, passed in session.execute(
        select(ProtectiveTest.equipment_id, ProtectiveTest.test_date, ProtectiveTest.passed)
        .where(ProtectiveTest.deleted_at.is_(None))
        .order_by(ProtectiveTest.test_date, ProtectiveTest.id)
    ):
        tests.setdefault(equipment_id, []).append((day, bool(passed)))
    query = (
        select(ProtectiveEquipment, PpeItem)
        .join(PpeItem, PpeItem.id == ProtectiveEquipment.item_id)
        .where(
            or_(ProtectiveEquipment.deleted_at.is_(None), ProtectiveEquipment.deleted_at >= after)
        )
        .order_by(ProtectiveEquipment.id)
    )
    found: list[EquipmentState] = []
    for piece, item in session.execute(query):
        history = tests.get(piece.id, [])
        before = [t for t in history if t[0] <= end]
        last: tuple[dt.date, bool] | None = before[-1] if before else None
        if not history and piece.last_test_date is not None and piece.last_test_date <= end:
            last = (piece.last_test_date, True)
        if piece.created_at >= after and last is None:
            continue  # entered after the period and not known to be in use during it
        interval = piece.test_interval_months
        due = next_test(last[0], interval) if last is not None and last[1] else None
        if last is None:
            state = UNTESTED if interval else NO_TESTS
        elif not last[1]:
            state = FAILED
        elif due is None:
            state = NO_TESTS
        else:
            state = VALID if due >= end else OVERDUE
        found.append(EquipmentState(piece, item, last[0] if last else None, due, state))
    return found


def equipment_sheet(session: Session, end: dt.date) -> Sheet:
    states = equipment_states(session, end)
    units = Units(session)
    holders = people(session, (s.equipment.holder_id for s in states))
    rows: list[Sequence[Value]] = []
    for s in states:
        holder = holders.get(s.equipment.holder_id or 0, NOBODY)
        rows.append(
            (
                s.equipment.id,
                s.equipment.inventory_no,
                s.item.kind,
                s.item.name_kk,
                s.item.name_ru,
                *units.both(s.equipment.unit_id),
                holder.iin,
                holder.name,
                s.equipment.test_interval_months,
                s.last_test,
                s.next_test,
                s.state,
            )
        )
    return Sheet(
        "protective_equipment",
        N_("Protective equipment and gas analysers"),
        (
            N_("No."),
            N_("Inventory No."),
            N_("Kind"),
            N_("Item (kk)"),
            N_("Item (ru)"),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Holder's IIN"),
            N_("Holder"),
            N_("Test interval, months"),
            N_("Last test"),
            N_("Next test due"),
            N_("Test state at the end of the period"),
        ),
        (N, T, T, T, T, T, T, ID, T, N, D, D, T),
        rows,
    )


def tests_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(ProtectiveTest, ProtectiveEquipment.inventory_no, PpeItem)
        .join(ProtectiveEquipment, ProtectiveEquipment.id == ProtectiveTest.equipment_id)
        .join(PpeItem, PpeItem.id == ProtectiveEquipment.item_id)
        .where(
            ProtectiveTest.deleted_at.is_(None),
            ProtectiveTest.test_date >= start,
            ProtectiveTest.test_date <= end,
        )
        .order_by(ProtectiveTest.id)
    )
    rows: list[Sequence[Value]] = [
        (
            test.id,
            test.test_date,
            test.equipment_id,
            inventory_no,
            item.kind,
            item.name_kk,
            item.name_ru,
            flag(test.passed),
            test.protocol_no,
            test.note,
        )
        for test, inventory_no, item in session.execute(query)
    ]
    return Sheet(
        "protective_tests",
        N_("Protective equipment tests"),
        (
            N_("No."),
            N_("Test date"),
            N_("Equipment No."),
            N_("Inventory No."),
            N_("Kind"),
            N_("Item (kk)"),
            N_("Item (ru)"),
            N_("Passed (1 = yes)"),
            N_("Protocol No."),
            N_("Note"),
        ),
        (N, D, N, T, T, T, T, N, T, T),
        rows,
    )


def export_sheets(session: Session, start: dt.date, end: dt.date) -> list[Sheet]:
    return [
        issues_sheet(session, start, end),
        returns_sheet(session, start, end),
        due_sheet(session, end),
        milk_sheet(session, start, end),
        equipment_sheet(session, end),
        tests_sheet(session, start, end),
    ]
