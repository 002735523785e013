"""Milk and therapeutic nutrition (roadmap item 14): the norm per shift and what was issued.

Positions with harmful conditions are entitled; the norm per shift is reference data
(`milk_norms`: a position's own row, else the default row). Issuance is recorded per
person and month — in kind, as therapeutic nutrition, or as monetary compensation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, MilkIssue, MilkNorm, Position
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.people import full_name
from safedesk.domain.ppe_provisions import (
    MAX_SHIFTS_A_MONTH,
    MilkForm,
    milk_complaints,
    milk_ml,
    month_start,
)
from safedesk.domain.working_days import WorkCalendar
from safedesk.errors import InvalidInput, Problem, render
from safedesk.i18n import N_


def norm_for(session: Session, position_id: int | None) -> MilkNorm | None:
    """The position's own norm, else the default one (position None)."""
    rows = session.scalars(
        select(MilkNorm)
        .where(
            MilkNorm.deleted_at.is_(None),
            or_(MilkNorm.position_id == position_id, MilkNorm.position_id.is_(None)),
        )
        .order_by(MilkNorm.position_id.is_(None), MilkNorm.id)
    ).all()
    return rows[0] if rows else None


@dataclass
class MilkFields:
    employee_id: int
    month: dt.date | None
    shifts: int
    form: MilkForm = MilkForm.MILK
    amount_kzt: int = 0
    issue_date: dt.date | None = None  # the last day of the month when None
    note: str = ""


def _last_day(month: dt.date) -> dt.date:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def record_milk(session: Session, fields: MilkFields) -> MilkIssue:
    """One person's month: shifts worked and what they received for them."""
    found: list[Problem] = []
    employee = session.get(Employee, fields.employee_id)
    if employee is None or employee.deleted_at is not None:
        refuse([Problem("employee_id", N_("Choose the employee."))])
    assert employee is not None
    if fields.month is None:
        refuse([Problem("month", N_("Choose the month."))])
    assert fields.month is not None
    month = month_start(fields.month)
    position = session.get(Position, employee.position_id or 0)
    found += [
        Problem(c.field, c.msgid, dict(c.values))
        for c in milk_complaints(
            harmful=bool(position and position.harmful),
            shifts=fields.shifts,
            form=MilkForm(fields.form),
            amount=fields.amount_kzt,
            dismissed=employee.dismissal_date,
            month=month,
            person=full_name(employee.surname, employee.name, employee.patronymic),
        )
    ]
    norm = norm_for(session, employee.position_id)
    if norm is None:
        found.append(Problem("employee_id", N_("There is no milk norm; add one in the norms.")))
    refuse(found)
    assert norm is not None
    form = MilkForm(fields.form)
    row = MilkIssue(
        employee_id=employee.id,
        month=month,
        form=form.value,
        shifts=fields.shifts,
        quantity_ml=0
        if form is MilkForm.COMPENSATION
        else milk_ml(fields.shifts, norm.ml_per_shift),
        amount_kzt=fields.amount_kzt if form is MilkForm.COMPENSATION else 0,
        issue_date=fields.issue_date or _last_day(month),
        note=fields.note.strip(),
        created_by=str(session.info.get("user", "")),
    )
    insert(session, row)
    return row


def entitled_people(session: Session, month: dt.date, unit_ids: list[int] | None) -> list[Employee]:
    """Employees in harmful positions who worked at some point in `month`."""
    first = month_start(month)
    query = (
        select(Employee)
        .join(Position, Position.id == Employee.position_id)
        .where(
            Position.harmful.is_(True),
            Employee.deleted_at.is_(None),
            or_(Employee.dismissal_date.is_(None), Employee.dismissal_date >= first),
            or_(Employee.hire_date.is_(None), Employee.hire_date <= _last_day(first)),
        )
        .order_by(Employee.sort_name)
    )
    if unit_ids is not None:
        query = query.where(Employee.unit_id.in_(unit_ids))
    return list(session.scalars(query))


def month_rows(session: Session, month: dt.date, unit_ids: list[int] | None) -> list[MilkIssue]:
    """What was recorded for `month`, for the monthly statement."""
    query = (
        select(MilkIssue)
        .join(Employee, Employee.id == MilkIssue.employee_id)
        .where(MilkIssue.month == month_start(month), MilkIssue.deleted_at.is_(None))
        .order_by(Employee.sort_name, MilkIssue.id)
    )
    if unit_ids is not None:
        query = query.where(Employee.unit_id.in_(unit_ids))
    return list(session.scalars(query))


def delete_milk(session: Session, row_id: int, version: int | None) -> None:
    row = get_row(session, MilkIssue, row_id, N_("Milk issuance"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


# -- a whole unit's month at once ---------------------------------------------------------
BULK_MILK_PROBLEM = N_("{person}: {problem}")


@dataclass(frozen=True)
class MilkProposal:
    """One entitled person of a month, with the shifts proposed for them."""

    employee_id: int
    person: str
    personnel_no: str
    shifts: int  # working days of the month while employed, by the holiday calendar
    recorded: bool  # the month already has a row for this person


def propose_month(
    session: Session, month: dt.date, unit_ids: list[int] | None, calendar: WorkCalendar
) -> list[MilkProposal]:
    """Every entitled person of `unit_ids` in `month`, with the shifts they likely worked."""
    first = month_start(month)
    last = _last_day(first)
    people = entitled_people(session, first, unit_ids)
    recorded = set(
        session.scalars(
            select(MilkIssue.employee_id).where(
                MilkIssue.month == first,
                MilkIssue.deleted_at.is_(None),
                MilkIssue.employee_id.in_([e.id for e in people]),
            )
        )
    )
    found = []
    for e in people:
        start = max(first, e.hire_date or first)
        end = min(last, e.dismissal_date or last)
        shifts = calendar.working_days_between(start - dt.timedelta(days=1), end)
        found.append(
            MilkProposal(
                e.id,
                full_name(e.surname, e.name, e.patronymic),
                e.personnel_no or "",
                min(shifts, MAX_SHIFTS_A_MONTH),
                e.id in recorded,
            )
        )
    return found


def record_milk_many(session: Session, lines: Sequence[MilkFields]) -> list[MilkIssue]:
    """Record every line or none (the caller's write transaction); each refusal names
    the person. A person already recorded for the month is refused, not counted twice."""
    problems: list[Problem] = []
    made: list[MilkIssue] = []
    seen: set[tuple[int, dt.date]] = set()
    for fields in lines:
        employee = session.get(Employee, fields.employee_id)
        person = full_name(employee.surname, employee.name, "") if employee else "—"
        month = month_start(fields.month) if fields.month else None
        if month is not None:
            twice = (fields.employee_id, month) in seen or session.scalar(
                select(MilkIssue.id).where(
                    MilkIssue.employee_id == fields.employee_id,
                    MilkIssue.month == month,
                    MilkIssue.deleted_at.is_(None),
                )
            )
            seen.add((fields.employee_id, month))
            if twice:
                shown = {"month": month.strftime("%m.%Y")}
                already = render(N_("Already recorded for {month}."), shown)
                problems.append(
                    Problem("lines", BULK_MILK_PROBLEM, {"person": person, "problem": already})
                )
                continue
        try:
            made.append(record_milk(session, fields))
        except InvalidInput as e:
            problems += [
                Problem(
                    "lines",
                    BULK_MILK_PROBLEM,
                    {"person": person, "problem": render(p.msgid, p.values)},
                )
                for p in e.problems
            ]
    if problems:
        raise InvalidInput(problems)  # the write transaction rolls back what was made
    return made
