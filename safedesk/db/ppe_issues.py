"""Issuing PPE to a person or a whole unit, and taking it back (returns and write-offs).

Each issuance records item, size, quantity, date, certificate and the due date for
replacement (issue date + wear period of the person's norm). Issuing a replacement
closes the person's earlier items of that kind that were due; an item outside the
norm is issued only with a reason, and the audit trail keeps it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, PpeIssue, PpeItem, PpeReturn
from safedesk.db.ppe_catalogue import personal_lines, position_lines
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.domain.people import Complaint, full_name
from safedesk.domain.ppe import (
    NormLine,
    SizeKind,
    Wear,
    due_date,
    issue_complaints,
    merge_entitlements,
    return_complaints,
    wear_percent,
)
from safedesk.errors import InvalidInput, Problem, render
from safedesk.i18n import N_, pick


@dataclass
class IssueFields:
    employee_id: int
    item_id: int
    quantity: int = 1
    issue_date: dt.date | None = None
    size: str = ""
    certificate: str = ""  # the item's standard when empty
    reason: str = ""  # required when the item is not in the person's norm
    wear: Wear | None = None  # the norm's period when None
    wear_months: int | None = None


class _Norms:
    """Entitlements read once for a whole batch of issuances."""

    def __init__(self, session: Session, employee_ids: Sequence[int]) -> None:
        self.positions = position_lines(session)
        self.personal = personal_lines(session, employee_ids)

    def of(self, employee: Employee) -> dict[int, NormLine]:
        lines = self.positions.get(employee.position_id or 0, [])
        return merge_entitlements([*lines, *self.personal.get(employee.id, [])])


def _problems(
    session: Session, fields: IssueFields, norms: _Norms, today: dt.date
) -> tuple[list[Problem], Employee | None, PpeItem | None, NormLine | None]:
    found: list[Problem] = []
    employee = session.get(Employee, fields.employee_id)
    if employee is None or employee.deleted_at is not None:
        found.append(Problem("employee_id", N_("Choose the employee to issue to.")))
    item = session.get(PpeItem, fields.item_id)
    if item is None or item.deleted_at is not None:
        found.append(Problem("item_id", N_("Choose the item from the catalogue.")))
    if fields.issue_date is None:
        found.append(Problem("issue_date", N_("The issue date is required.")))
    if employee is None or item is None or fields.issue_date is None:
        return found, employee, item, None
    line = norms.of(employee).get(item.id)
    complaints: list[Complaint] = issue_complaints(
        quantity=fields.quantity,
        size=fields.size.strip(),
        scale=item.sizes,
        size_kind=SizeKind(item.size_kind),
        item=pick(item.name_kk, item.name_ru),
        issue_date=fields.issue_date,
        today=today,
        dismissed=employee.dismissal_date,
        person=full_name(employee.surname, employee.name, employee.patronymic),
        in_norm=line is not None,
        reason=fields.reason,
    )
    found += [Problem(c.field, c.msgid, dict(c.values)) for c in complaints]
    return found, employee, item, line


def _record(
    session: Session,
    fields: IssueFields,
    employee: Employee,
    item: PpeItem,
    line: NormLine | None,
) -> PpeIssue:
    assert fields.issue_date is not None  # checked by _problems
    wear = fields.wear or (line.wear if line else Wear.UNTIL_WORN)
    months = fields.wear_months if fields.wear else (line.months if line else None)
    if wear is not Wear.MONTHS:
        months = None
    _close_replaced(session, employee.id, item.id, fields.issue_date)
    row = PpeIssue(
        employee_id=employee.id,
        item_id=item.id,
        size=fields.size.strip(),
        quantity=fields.quantity,
        issue_date=fields.issue_date,
        certificate=fields.certificate.strip() or item.standard,
        wear=wear.value,
        wear_months=months,
        due_date=due_date(fields.issue_date, wear, months),
        outside_norm=line is None,
        reason=fields.reason.strip(),
        created_by=str(session.info.get("user", "")),
    )
    insert(session, row)
    return row


def _close_replaced(session: Session, employee_id: int, item_id: int, on: dt.date) -> None:
    """Items of this kind due by now (or within the warning days) are replaced by the new one."""
    horizon = on + dt.timedelta(days=DUE_SOON_DAYS)
    for old in session.scalars(
        select(PpeIssue).where(
            PpeIssue.employee_id == employee_id,
            PpeIssue.item_id == item_id,
            PpeIssue.closed_on.is_(None),
            PpeIssue.deleted_at.is_(None),
            PpeIssue.due_date <= horizon,
            PpeIssue.issue_date <= on,
        )
    ):
        update(session, old, {"closed_on": on})


def issue(session: Session, fields: IssueFields, today: dt.date | None = None) -> PpeIssue:
    """Record one issuance; refused (InvalidInput) with every broken rule named."""
    norms = _Norms(session, [fields.employee_id])
    found, employee, item, line = _problems(session, fields, norms, today or dt.date.today())
    refuse(found)
    assert employee is not None and item is not None
    return _record(session, fields, employee, item, line)


BULK_PROBLEM = N_("{person}, {item}: {problem}")


def issue_many(
    session: Session, lines: Sequence[IssueFields], today: dt.date | None = None
) -> list[PpeIssue]:
    """Issue every line or none (one transaction: the caller's write session)."""
    today = today or dt.date.today()
    norms = _Norms(session, [f.employee_id for f in lines])
    checked = []
    problems: list[Problem] = []
    for fields in lines:
        found, employee, item, line = _problems(session, fields, norms, today)
        for p in found:
            person = full_name(employee.surname, employee.name, "") if employee else "—"
            problems.append(
                Problem(
                    "lines",
                    BULK_PROBLEM,
                    {
                        "person": person,
                        "item": pick(item.name_kk, item.name_ru) if item else "—",
                        "problem": render(p.msgid, p.values),
                    },
                )
            )
        checked.append((fields, employee, item, line))
    if problems:
        raise InvalidInput(problems)
    made = []
    for fields, employee, item, line in checked:
        assert employee is not None and item is not None
        made.append(_record(session, fields, employee, item, line))
    return made


def update_issue(
    session: Session,
    issue_id: int,
    version: int | None,
    fields: IssueFields,
    today: dt.date | None = None,
) -> PpeIssue:
    """Correct an issuance typed wrong (size, date, quantity, certificate)."""
    row = get_row(session, PpeIssue, issue_id, N_("PPE issuance"))
    check_version(row, version)
    norms = _Norms(session, [fields.employee_id])
    found, _employee, item, line = _problems(session, fields, norms, today or dt.date.today())
    if fields.quantity < returned(session, issue_id):
        found.append(
            Problem(
                "quantity",
                N_("More than {value} have already been returned."),
                {"value": fields.quantity},
            )
        )
    refuse(found)
    assert item is not None and fields.issue_date is not None
    wear = fields.wear or Wear(row.wear)
    months = fields.wear_months if fields.wear else row.wear_months
    if wear is not Wear.MONTHS:
        months = None
    update(
        session,
        row,
        {
            "employee_id": fields.employee_id,
            "item_id": fields.item_id,
            "size": fields.size.strip(),
            "quantity": fields.quantity,
            "issue_date": fields.issue_date,
            "certificate": fields.certificate.strip() or item.standard,
            "wear": wear.value,
            "wear_months": months,
            "due_date": due_date(fields.issue_date, wear, months),
            "outside_norm": line is None,
            "reason": fields.reason.strip(),
        },
    )
    return row


def delete_issue(session: Session, issue_id: int, version: int | None) -> None:
    """An issuance typed by mistake; one with returns stays (they refer to it)."""
    row = get_row(session, PpeIssue, issue_id, N_("PPE issuance"))
    check_version(row, version)
    if returned(session, issue_id):
        refuse([Problem("id", N_("Items of this issuance were returned; it cannot be deleted."))])
    update(session, row, {"deleted_at": utcnow()})


# -- returns and write-offs ----------------------------------------------------------------
@dataclass
class ReturnFields:
    issue_id: int
    quantity: int
    return_date: dt.date | None
    kind: str = "return"  # "return" to the store, or "write_off"
    wear_percent: int | None = None  # computed from the wear period when None
    note: str = ""


def returned(session: Session, issue_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(PpeReturn.quantity), 0)).where(
                PpeReturn.issue_id == issue_id, PpeReturn.deleted_at.is_(None)
            )
        )
        or 0
    )


def return_items(session: Session, fields: ReturnFields) -> PpeReturn:
    """Take items back to the store or write them off, with their % wear."""
    row = get_row(session, PpeIssue, fields.issue_id, N_("PPE issuance"))
    if fields.return_date is None:
        refuse([Problem("return_date", N_("The return date is required."))])
    assert fields.return_date is not None
    if fields.kind not in ("return", "write_off"):
        refuse([Problem("kind", N_("Choose return to the store or write-off."))])
    left = row.quantity - returned(session, row.id)
    wear = fields.wear_percent
    if wear is None:
        wear = wear_percent(row.issue_date, fields.return_date, Wear(row.wear), row.wear_months)
    refuse(
        return_complaints(
            quantity=fields.quantity,
            left=left,
            issued=row.quantity,
            returned_on=fields.return_date,
            issue_date=row.issue_date,
            wear=wear,
        )
    )
    back = PpeReturn(
        issue_id=row.id,
        kind=fields.kind,
        return_date=fields.return_date,
        quantity=fields.quantity,
        wear_percent=wear,
        note=fields.note.strip(),
        created_by=str(session.info.get("user", "")),
    )
    insert(session, back)
    if fields.quantity == left:
        update(session, row, {"closed_on": fields.return_date})
    return back


def delete_wrong_issue(session: Session, issue_id: int, version: int | None) -> list[int]:
    """Delete an issuance typed by mistake (kept, soft-deleted, audited) and reopen what
    issuing it had marked as replaced: the person's earlier issuances of the item closed
    on its date without having all come back. Returns the ids reopened."""
    row = get_row(session, PpeIssue, issue_id, N_("PPE issuance"))
    delete_issue(session, issue_id, version)
    still_issued = session.scalar(
        select(PpeIssue.id).where(
            PpeIssue.employee_id == row.employee_id,
            PpeIssue.item_id == row.item_id,
            PpeIssue.issue_date == row.issue_date,
            PpeIssue.deleted_at.is_(None),
        )
    )
    if still_issued is not None:  # another issuance of that day still replaces them
        return []
    reopened = []
    for old in session.scalars(
        select(PpeIssue).where(
            PpeIssue.employee_id == row.employee_id,
            PpeIssue.item_id == row.item_id,
            PpeIssue.closed_on == row.issue_date,
            PpeIssue.deleted_at.is_(None),
            PpeIssue.id != row.id,
        )
    ):
        if returned(session, old.id) < old.quantity:
            update(session, old, {"closed_on": None})
            reopened.append(old.id)
    return reopened
