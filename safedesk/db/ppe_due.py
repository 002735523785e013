"""The PPE due list: who should receive what, by norm, now or within 30 days.

One line per person and item they are entitled to and due for: replacements falling
due within the warning days, overdue ones, and items the norm requires that were never
issued (or of which nothing is left in use). The same lines are the proposal when
issuing to a whole unit, with each person's size for the item.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, Position, PpeIssue, PpeItem, PpeReturn
from safedesk.db.ppe_catalogue import personal_lines, position_lines
from safedesk.db.ppe_issues import IssueFields
from safedesk.db.units import list_units, unit_paths
from safedesk.domain.due import DUE_SOON_DAYS, DueItem
from safedesk.domain.people import full_name, short_name
from safedesk.domain.ppe import (
    DueStatus,
    Holding,
    SizeKind,
    Wear,
    merge_entitlements,
    need,
    size_for,
)
from safedesk.i18n import N_, pick

REGISTER = "ppe_issues"
WHAT_REPLACEMENT = N_("PPE replacement")
WHAT_NOT_ISSUED = N_("PPE required by the norm, not issued")


@dataclass(frozen=True)
class DueLine:
    employee_id: int
    person: str
    short_person: str  # 'Ахметов Е.Қ.' as lists and status texts show it
    iin: str
    personnel_no: str
    unit_id: int | None
    unit: str
    position: str
    item_id: int
    item: str  # in the window's language
    item_kk: str
    item_ru: str
    size: str  # the person's size for the item; '' when unknown or the item has none
    sized: bool  # the item comes in sizes, so an empty size must be chosen by hand
    quantity: int  # what to issue now: never more than the norm
    status: DueStatus
    due: dt.date | None  # when the replacement falls due; None when never issued
    last_issued: dt.date | None
    wear: Wear
    wear_months: int | None
    issue_id: int | None  # the issuance that falls due, to open

    @property
    def key(self) -> int:
        """A row id for tables: unique per person and item."""
        return self.employee_id * 100_000 + self.item_id

    def as_issue(self, on: dt.date) -> IssueFields:
        return IssueFields(
            employee_id=self.employee_id,
            item_id=self.item_id,
            quantity=self.quantity,
            issue_date=on,
            size=self.size,
        )


def unit_and_descendants(session: Session, unit_id: int) -> list[int]:
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit in list_units(session):
        children[unit.parent_id].append(unit.id)
    found, stack = [], [unit_id]
    while stack:
        uid = stack.pop()
        if uid not in found:
            found.append(uid)
            stack.extend(children.get(uid, []))
    return found


def _active(today: dt.date, unit_ids: Iterable[int] | None) -> list[object]:
    conditions: list[object] = [
        Employee.deleted_at.is_(None),
        or_(Employee.dismissal_date.is_(None), Employee.dismissal_date > today),
        or_(Employee.hire_date.is_(None), Employee.hire_date <= today),
    ]
    if unit_ids is not None:
        conditions.append(Employee.unit_id.in_(list(unit_ids)))
    return conditions


def due_list(
    session: Session,
    today: dt.date,
    unit_ids: Iterable[int] | None = None,
    days: int = DUE_SOON_DAYS,
    employee_ids: Iterable[int] | None = None,
) -> list[DueLine]:
    """Every person's due items on `today`, by unit path, name and item."""
    active = _active(today, unit_ids)
    query = select(Employee).where(*active)  # type: ignore[arg-type]
    if employee_ids is not None:
        query = query.where(Employee.id.in_(list(employee_ids)))
    people = list(session.scalars(query.order_by(Employee.sort_name)))
    if not people:
        return []
    wanted = {e.id for e in people}
    norms = position_lines(session)
    personal = personal_lines(session)
    items = {i.id: i for i in session.scalars(select(PpeItem))}
    positions = {p.id: pick(p.name_kk, p.name_ru) for p in session.scalars(select(Position))}
    paths = unit_paths(session)

    back = dict(
        session.execute(
            select(PpeReturn.issue_id, func.sum(PpeReturn.quantity))
            .join(PpeIssue, PpeIssue.id == PpeReturn.issue_id)
            .where(PpeReturn.deleted_at.is_(None), PpeIssue.closed_on.is_(None))
            .group_by(PpeReturn.issue_id)
        ).all()
    )
    holdings: dict[tuple[int, int], list[tuple[Holding, int]]] = defaultdict(list)
    # Plain columns, not entities: a large enterprise has tens of thousands in use.
    open_issues = (
        select(
            PpeIssue.id,
            PpeIssue.employee_id,
            PpeIssue.item_id,
            PpeIssue.quantity,
            PpeIssue.issue_date,
            PpeIssue.due_date,
        )
        .join(Employee, Employee.id == PpeIssue.employee_id)
        .where(PpeIssue.closed_on.is_(None), PpeIssue.deleted_at.is_(None), *active)  # type: ignore[arg-type]
    )
    for issue_id, employee_id, item_id, quantity, issued, due in session.execute(open_issues):
        left = quantity - int(back.get(issue_id, 0))
        if employee_id in wanted and left > 0:
            holdings[(employee_id, item_id)].append((Holding(left, issued, due), issue_id))
    last = {
        (e, i): d
        for e, i, d in session.execute(
            select(PpeIssue.employee_id, PpeIssue.item_id, func.max(PpeIssue.issue_date))
            .join(Employee, Employee.id == PpeIssue.employee_id)
            .where(PpeIssue.deleted_at.is_(None), *active)  # type: ignore[arg-type]
            .group_by(PpeIssue.employee_id, PpeIssue.item_id)
        )
    }

    lines: list[DueLine] = []
    order = {e.id: i for i, e in enumerate(people)}  # people come in alphabetical order
    for e in people:
        entitled = merge_entitlements([*norms.get(e.position_id or 0, []), *personal.get(e.id, [])])
        sizes = {
            SizeKind.CLOTHING: e.clothing_size,
            SizeKind.SHOE: e.shoe_size,
            SizeKind.HEAD: e.head_size,
            SizeKind.GLOVE: e.glove_size,
        }
        for item_id, line in entitled.items():
            item = items.get(item_id)
            if item is None or item.deleted_at is not None:
                continue
            held = holdings.get((e.id, item_id), [])
            found = need(line, [h for h, _id in held], today, days)
            if found is None:
                continue
            falling = [i for h, i in held if h.due is not None and h.due == found.due]
            kind = SizeKind(item.size_kind)
            lines.append(
                DueLine(
                    employee_id=e.id,
                    person=full_name(e.surname, e.name, e.patronymic),
                    short_person=short_name(e.surname, e.name, e.patronymic),
                    iin=e.iin,
                    personnel_no=e.personnel_no,
                    unit_id=e.unit_id,
                    unit=paths.get(e.unit_id or 0, ""),
                    position=positions.get(e.position_id or 0, ""),
                    item_id=item_id,
                    item=pick(item.name_kk, item.name_ru),
                    item_kk=item.name_kk,
                    item_ru=item.name_ru,
                    size=size_for(kind, sizes, item.sizes),
                    sized=kind is not SizeKind.NONE,
                    quantity=found.quantity,
                    status=found.status,
                    due=found.due,
                    last_issued=last.get((e.id, item_id)),
                    wear=line.wear,
                    wear_months=line.months,
                    issue_id=falling[0] if falling else None,
                )
            )
    lines.sort(key=lambda x: (x.unit.casefold(), order[x.employee_id], x.item.casefold()))
    return lines


def proposals(session: Session, unit_id: int, on: dt.date) -> list[DueLine]:
    """What each person of the unit (and its sub-units) is entitled to and due for on `on`."""
    return due_list(session, on, unit_and_descendants(session, unit_id))


def due_items(session: Session, today: dt.date) -> list[DueItem]:
    """Replacements overdue or due within 30 days, and items never issued though required."""
    items: list[DueItem] = []
    hired = dict(session.execute(select(Employee.id, Employee.hire_date)).all())
    for line in due_list(session, today):
        who = f"{line.short_person}: {line.item}"
        # The record to open is the due line (person and item), as the due page shows it.
        if line.status is DueStatus.MISSING:
            start = hired.get(line.employee_id) or today
            items.append(DueItem(REGISTER, line.key, WHAT_NOT_ISSUED, who, start))
        elif line.due is not None:
            items.append(DueItem(REGISTER, line.key, WHAT_REPLACEMENT, who, line.due))
    return items
