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
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, union_all
from sqlalchemy.orm import Session

from safedesk.db.due import DUE_SOON_END, DUE_TODAY, Day, DueSource, count_sources, list_sources
from safedesk.db.models import (
    Employee,
    Position,
    PpeIssue,
    PpeItem,
    PpeNormLine,
    PpeNormSet,
    PpePersonalNorm,
    PpePositionNorm,
    PpeReturn,
)
from safedesk.db.ppe_catalogue import personal_lines, position_lines
from safedesk.db.ppe_issues import IssueFields
from safedesk.db.units import list_units, unit_paths
from safedesk.domain.due import DUE_SOON_DAYS, DueCounts, DueItem
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
KEY_FACTOR = 100_000  # DueLine.key: employee_id * KEY_FACTOR + item_id


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
        return self.employee_id * KEY_FACTOR + self.item_id

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


def at_work(today: Any, unit_ids: Iterable[int] | None) -> list[object]:
    """The conditions on Employee of the people at work on `today` (a date, or a bound
    day such as DUE_TODAY), in `unit_ids` when given."""
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
    active = at_work(today, unit_ids)
    query = select(Employee).where(*active)  # type: ignore[arg-type]
    if employee_ids is not None:
        query = query.where(Employee.id.in_(list(employee_ids)))
    people = list(session.scalars(query.order_by(Employee.sort_name)))
    if not people:
        return []
    wanted = {e.id for e in people}
    # Only these people's issuances when a few are asked for (the due page reads the
    # people it shows, a window at a time): the index on employee_id, not every issue.
    only: list[Any] = [] if employee_ids is None else [PpeIssue.employee_id.in_(sorted(wanted))]
    norms = position_lines(session)
    personal = personal_lines(session, None if employee_ids is None else sorted(wanted))
    items = {i.id: i for i in session.scalars(select(PpeItem))}
    positions = {p.id: pick(p.name_kk, p.name_ru) for p in session.scalars(select(Position))}
    paths = unit_paths(session)

    back = dict(
        session.execute(
            select(PpeReturn.issue_id, func.sum(PpeReturn.quantity))
            .join(PpeIssue, PpeIssue.id == PpeReturn.issue_id)
            .where(PpeReturn.deleted_at.is_(None), PpeIssue.closed_on.is_(None), *only)
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
        .where(PpeIssue.closed_on.is_(None), PpeIssue.deleted_at.is_(None), *active, *only)  # type: ignore[arg-type]
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
            .where(PpeIssue.deleted_at.is_(None), *active, *only)  # type: ignore[arg-type]
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


WEAR_RANK = {Wear.MONTHS: 0, Wear.UNTIL_WORN: 1, Wear.ON_DUTY: 2}  # as merge_entitlements


WEAR_KEY = 10_000  # entitled.wear_key: rank * WEAR_KEY + months of the merged line


def entitled_and_held(today: Day, horizon: Day, people: Any | None = None) -> tuple[Any, Any]:
    """The two subqueries of the due lines (`due_sources`, the due page's lines).

    `entitled`: per person at work and item, the entitlement merged from every norm of
    the position and the personal additions: the largest quantity, the rank of the
    shortest wear and `wear_key` (rank * WEAR_KEY + the shortest months of that wear,
    as `merge_entitlements` keeps them). `held`: per person and item, how many stay
    valid past `horizon` and the earliest replacement falling due by then.

    `people`, a SELECT of employee ids, restricts both inside their subqueries, so that
    the lines of a page of people read only those people's norms and issuances (through
    the indexes on employee_id), not the whole enterprise's.
    """
    active = at_work(today, None)
    who: list[Any] = [] if people is None else [Employee.id.in_(people)]
    by_position = (
        select(
            Employee.id.label("employee_id"),
            PpeNormLine.item_id.label("item_id"),
            PpeNormLine.quantity.label("quantity"),
            PpeNormLine.wear.label("wear"),
            PpeNormLine.wear_months.label("months"),
        )
        .join(PpePositionNorm, PpePositionNorm.position_id == Employee.position_id)
        .join(PpeNormLine, PpeNormLine.norm_set_id == PpePositionNorm.norm_set_id)
        .join(PpeNormSet, PpeNormSet.id == PpeNormLine.norm_set_id)
        .where(PpeNormLine.deleted_at.is_(None), PpeNormSet.deleted_at.is_(None), *active, *who)  # type: ignore[arg-type]
    )
    personal = (
        select(
            PpePersonalNorm.employee_id.label("employee_id"),
            PpePersonalNorm.item_id.label("item_id"),
            PpePersonalNorm.quantity.label("quantity"),
            PpePersonalNorm.wear.label("wear"),
            PpePersonalNorm.wear_months.label("months"),
        )
        .join(Employee, Employee.id == PpePersonalNorm.employee_id)
        .where(PpePersonalNorm.deleted_at.is_(None), *active, *who)  # type: ignore[arg-type]
    )
    lines = union_all(by_position, personal).subquery()
    line_rank = _rank_of(lines.c.wear)
    entitled = (
        select(
            lines.c.employee_id,
            lines.c.item_id,
            func.max(lines.c.quantity).label("quantity"),
            func.min(line_rank).label("rank"),
            func.min(line_rank * WEAR_KEY + func.coalesce(lines.c.months, 0)).label("wear_key"),
        )
        .group_by(lines.c.employee_id, lines.c.item_id)
        .subquery()
    )
    returned = (
        select(func.coalesce(func.sum(PpeReturn.quantity), 0))
        .where(PpeReturn.issue_id == PpeIssue.id, PpeReturn.deleted_at.is_(None))
        .correlate(PpeIssue)
        .scalar_subquery()
    )
    only: list[Any] = [] if people is None else [PpeIssue.employee_id.in_(people)]
    in_use = (
        select(
            PpeIssue.employee_id.label("employee_id"),
            PpeIssue.item_id.label("item_id"),
            (PpeIssue.quantity - returned).label("left"),
            PpeIssue.due_date.label("due_date"),
        )
        .join(Employee, Employee.id == PpeIssue.employee_id)
        .where(PpeIssue.closed_on.is_(None), PpeIssue.deleted_at.is_(None), *active, *only)  # type: ignore[arg-type]
        .subquery()
    )
    expiring = and_(in_use.c.due_date.is_not(None), in_use.c.due_date <= horizon)
    held = (
        select(
            in_use.c.employee_id,
            in_use.c.item_id,
            func.coalesce(func.sum(case((expiring, 0), else_=in_use.c.left)), 0).label("valid"),
            func.min(case((expiring, in_use.c.due_date))).label("first_due"),
        )
        .where(in_use.c.left > 0)
        .group_by(in_use.c.employee_id, in_use.c.item_id)
        .subquery()
    )
    return entitled, held


def due_sources(today: Day, horizon: Day | None = None) -> list[DueSource]:
    """The due list's lines (`due_list`, `need`) worked out by the database.

    `today` is a date (then `horizon`, the last day of the window, defaults to
    DUE_SOON_DAYS later) or DUE_TODAY with DUE_SOON_END.

    Per person at work and item of the catalogue: the entitlement merged from every
    norm of the position and the personal additions (the largest quantity, the wear
    of the shortest period); what is in use (open issuances less what came back); the
    line is due when fewer than the norm stay valid past the window. Its date is the
    earliest replacement falling due within the window, or, when nothing falls due
    or the item is not worn by months, the hire date (or today): not issued.
    """
    if horizon is None:  # a date: DUE_SOON_DAYS ahead (as due_list's default)
        horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    entitled, held = entitled_and_held(today, horizon)
    replacement = and_(entitled.c.rank == WEAR_RANK[Wear.MONTHS], held.c.first_due.is_not(None))
    query = due_lines(
        entitled,
        held,
        (entitled.c.employee_id * KEY_FACTOR + entitled.c.item_id).label("record_id"),
        case(
            (replacement, held.c.first_due),
            else_=func.coalesce(Employee.hire_date, today),
        ).label("due"),
        replacement.label("replacement"),
        Employee.surname,
        Employee.name,
        Employee.patronymic,
        PpeItem.name_kk,
        PpeItem.name_ru,
    )
    return [DueSource(REGISTER, query, _due_item)]


def due_lines(entitled: Any, held: Any, *columns: Any) -> Select[Any]:
    """`columns` of the due lines: a person's entitlement to an item of the catalogue, worn
    by months or until worn, of which fewer than the norm stay valid (`entitled` and
    `held` are the subqueries of `entitled_and_held`)."""
    return (
        select(*columns)
        .select_from(entitled)
        .join(Employee, Employee.id == entitled.c.employee_id)
        .join(PpeItem, PpeItem.id == entitled.c.item_id)
        .outerjoin(
            held,
            and_(
                held.c.employee_id == entitled.c.employee_id,
                held.c.item_id == entitled.c.item_id,
            ),
        )
        .where(
            PpeItem.deleted_at.is_(None),
            entitled.c.rank != WEAR_RANK[Wear.ON_DUTY],
            entitled.c.quantity > 0,
            entitled.c.quantity > func.coalesce(held.c.valid, 0),
        )
    )


def _rank_of(wear: Any) -> Any:
    return case(
        *((wear == w.value, n) for w, n in WEAR_RANK.items() if w is not Wear.ON_DUTY),
        else_=WEAR_RANK[Wear.ON_DUTY],
    )


def _due_item(row: Any) -> DueItem:
    who = f"{short_name(row.surname, row.name, row.patronymic)}: {pick(row.name_kk, row.name_ru)}"
    # The record to open is the due line (person and item), as the due page shows it.
    what = WHAT_REPLACEMENT if row.replacement else WHAT_NOT_ISSUED
    return DueItem(REGISTER, row.record_id, what, who, row.due)


@cache
def _prepared_sources() -> list[DueSource]:
    """The sources built once, for any day (DUE_TODAY)."""
    return due_sources(DUE_TODAY, DUE_SOON_END)


def due_counts(session: Session, today: dt.date) -> DueCounts:
    return count_sources(session, _prepared_sources(), today)


def due_items(
    session: Session, today: dt.date, limit: int | None = None, counts: DueCounts | None = None
) -> list[DueItem]:
    """Replacements overdue or due within 30 days, and items never issued though required."""
    return list_sources(session, _prepared_sources(), today, limit, counts)
