"""The foundation registers as package sheets: employees, units, positions,
responsible persons and accident insurance contracts (see `exports.EXPORTS`).

A row belongs to the period when the record was in force at some day of it: an employee
employed, an appointment or a contract valid. Units and positions are the reference the
other sheets name, so all of them in use are listed. Rows come in id order, so the same
data gives the same sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from safedesk.db.exports import Kind, Sheet, Value
from safedesk.db.models import Employee, Position, ResponsibleAppointment, Unit
from safedesk.db.models.indicators import InsuranceContract
from safedesk.db.units import unit_paths
from safedesk.i18n import N_

T, D, N, ID = Kind.TEXT, Kind.DATE, Kind.NUMBER, Kind.IIN


def employed_in(start: dt.date, end: dt.date) -> list[ColumnElement[bool]]:
    """Conditions of an employee who worked at least one day of [start, end]."""
    return [
        Employee.deleted_at.is_(None),
        or_(Employee.hire_date.is_(None), Employee.hire_date <= end),
        or_(Employee.dismissal_date.is_(None), Employee.dismissal_date >= start),
    ]


def appointed_in(start: dt.date, end: dt.date) -> list[ColumnElement[bool]]:
    return [
        ResponsibleAppointment.deleted_at.is_(None),
        ResponsibleAppointment.valid_from <= end,
        or_(ResponsibleAppointment.valid_to.is_(None), ResponsibleAppointment.valid_to >= start),
    ]


def insured_in(start: dt.date, end: dt.date) -> list[ColumnElement[bool]]:
    return [
        InsuranceContract.deleted_at.is_(None),
        InsuranceContract.valid_from <= end,
        InsuranceContract.valid_to >= start,
    ]


def _names(session: Session, model: type[Unit] | type[Position]) -> dict[int, tuple[str, str]]:
    rows = session.execute(
        select(model.id, model.name_kk, model.name_ru).where(model.deleted_at.is_(None))
    )
    return {int(i): (kk, ru) for i, kk, ru in rows}


def employees_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    units_kk, units_ru = unit_paths(session, "kk"), unit_paths(session, "ru")
    positions = _names(session, Position)
    rows: list[Sequence[Value]] = []
    query = (
        select(
            Employee.id,
            Employee.iin,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
            Employee.sex,
            Employee.birth_date,
            Employee.personnel_no,
            Employee.unit_id,
            Employee.position_id,
            Employee.hire_date,
            Employee.dismissal_date,
            Employee.electrical_group,
        )
        .where(*employed_in(start, end))
        .order_by(Employee.id)
    )
    for e in session.execute(query):
        position = positions.get(e.position_id or 0, ("", ""))
        rows.append(
            (
                e.id,
                e.iin,
                e.surname,
                e.name,
                e.patronymic,
                e.sex,
                e.birth_date,
                e.personnel_no,
                units_kk.get(e.unit_id or 0, ""),
                units_ru.get(e.unit_id or 0, ""),
                position[0],
                position[1],
                e.hire_date,
                e.dismissal_date,
                e.electrical_group,
            )
        )
    return Sheet(
        "employees",
        N_("Employees"),
        (
            N_("No."),
            N_("IIN"),
            N_("Surname"),
            N_("Name"),
            N_("Patronymic"),
            N_("Sex"),
            N_("Date of birth"),
            N_("Personnel No."),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Position (kk)"),
            N_("Position (ru)"),
            N_("Hire date"),
            N_("Dismissal date"),
            N_("Electrical-safety group"),
        ),
        (N, ID, T, T, T, T, D, T, T, T, T, T, D, D, N),
        rows,
    )


def units_sheet(session: Session) -> Sheet:
    units_kk, units_ru = unit_paths(session, "kk"), unit_paths(session, "ru")
    query = (
        select(Unit.id, Unit.code, Unit.parent_id)
        .where(Unit.deleted_at.is_(None))
        .order_by(Unit.id)
    )
    rows: list[Sequence[Value]] = [
        (u.id, u.code, units_kk.get(u.id, ""), units_ru.get(u.id, ""), u.parent_id)
        for u in session.execute(query)
    ]
    return Sheet(
        "units",
        N_("Units"),
        (N_("No."), N_("Code"), N_("Unit (kk)"), N_("Unit (ru)"), N_("Parent unit No.")),
        (N, T, T, T, N),
        rows,
    )


def positions_sheet(session: Session) -> Sheet:
    query = (
        select(
            Position.id,
            Position.name_kk,
            Position.name_ru,
            Position.category,
            Position.harmful,
            Position.electrical_group_required,
        )
        .where(Position.deleted_at.is_(None))
        .order_by(Position.id)
    )
    rows: list[Sequence[Value]] = [
        (p.id, p.name_kk, p.name_ru, p.category, int(bool(p.harmful)), p.electrical_group_required)
        for p in session.execute(query)
    ]
    return Sheet(
        "positions",
        N_("Positions"),
        (
            N_("No."),
            N_("Position (kk)"),
            N_("Position (ru)"),
            N_("Category"),
            N_("Harmful conditions (1 = yes)"),
            N_("Electrical-safety group required"),
        ),
        (N, T, T, T, N, N),
        rows,
    )


def responsible_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(
            ResponsibleAppointment.id,
            Employee.iin,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
            ResponsibleAppointment.duties,
            ResponsibleAppointment.order_no,
            ResponsibleAppointment.order_date,
            ResponsibleAppointment.valid_from,
            ResponsibleAppointment.valid_to,
        )
        .join(Employee, Employee.id == ResponsibleAppointment.employee_id)
        .where(*appointed_in(start, end))
        .order_by(ResponsibleAppointment.id)
    )
    rows: list[Sequence[Value]] = [
        (
            r.id,
            r.iin,
            " ".join(x for x in (r.surname, r.name, r.patronymic) if x),
            ", ".join(r.duties or []),
            r.order_no,
            r.order_date,
            r.valid_from,
            r.valid_to,
        )
        for r in session.execute(query)
    ]
    return Sheet(
        "responsible_persons",
        N_("Responsible persons"),
        (
            N_("No."),
            N_("IIN"),
            N_("Full name"),
            N_("Duties"),
            N_("Order No."),
            N_("Order date"),
            N_("Valid from"),
            N_("Valid to"),
        ),
        (N, ID, T, T, T, D, D, D),
        rows,
    )


def insurance_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = select(InsuranceContract).where(*insured_in(start, end)).order_by(InsuranceContract.id)
    rows: list[Sequence[Value]] = [
        (c.id, c.insurer, c.number, c.signed_on, c.valid_from, c.valid_to, c.insured_count)
        for c in session.scalars(query)
    ]
    return Sheet(
        "insurance_contracts",
        N_("Accident insurance"),
        (
            N_("No."),
            N_("Insurer"),
            N_("Contract No."),
            N_("Signed on"),
            N_("Valid from"),
            N_("Valid to"),
            N_("Persons insured"),
        ),
        (N, T, T, D, D, D, N),
        rows,
    )


def export_sheets(session: Session, start: dt.date, end: dt.date) -> list[Sheet]:
    return [
        employees_sheet(session, start, end),
        units_sheet(session),
        positions_sheet(session),
        responsible_sheet(session, start, end),
        insurance_sheet(session, start, end),
    ]
