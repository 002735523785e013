"""Employees: hire, edit, dismiss; every write validated by domain rules and audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import fields as dc_fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, Position, Unit
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.domain.collation import search_text, sort_key
from safedesk.domain.ids import Sex, iin_birth_date, iin_sex
from safedesk.domain.people import employee_complaints, full_name
from safedesk.errors import Problem
from safedesk.i18n import N_


@dataclass
class EmployeeFields:
    """What a person types in the employee dialog or a roster row holds."""

    iin: str
    surname: str
    name: str
    patronymic: str = ""
    birth_date: dt.date | None = None  # taken from the IIN when not given
    sex: Sex | None = None  # taken from the IIN when not given
    personnel_no: str = ""
    unit_id: int | None = None
    position_id: int | None = None
    hire_date: dt.date | None = None
    dismissal_date: dt.date | None = None
    electrical_group: int | None = None
    height_cm: int | None = None
    clothing_size: str = ""
    shoe_size: str = ""
    head_size: str = ""
    glove_size: str = ""


def rule_problems(fields: EmployeeFields, today: dt.date) -> list[Problem]:
    """The rules of domain/people.py alone: what is wrong before any database is asked."""
    return [
        Problem(c.field, c.msgid, dict(c.values))
        for c in employee_complaints(
            iin=fields.iin,
            surname=fields.surname,
            name=fields.name,
            birth_date=fields.birth_date,
            sex=fields.sex,
            hire_date=fields.hire_date,
            dismissal_date=fields.dismissal_date,
            electrical_group=fields.electrical_group,
            today=today,
        )
    ]


def employee_problems(
    session: Session, fields: EmployeeFields, employee_id: int | None, today: dt.date
) -> list[Problem]:
    """Every rule the record breaks, the database's own (duplicates, links) included."""
    found = rule_problems(fields, today)
    if fields.iin:
        other = session.scalars(
            select(Employee).where(Employee.iin == fields.iin, Employee.id != (employee_id or 0))
        ).first()
        if other is not None:
            found.append(
                Problem(
                    "iin",
                    N_("IIN {iin} already belongs to {person} (personnel No. {number})."),
                    {
                        "iin": fields.iin,
                        "person": full_name(other.surname, other.name, other.patronymic),
                        "number": other.personnel_no or "—",
                    },
                )
            )
    if fields.unit_id is not None and session.get(Unit, fields.unit_id) is None:
        found.append(Problem("unit_id", N_("The unit does not exist.")))
    if fields.position_id is not None and session.get(Position, fields.position_id) is None:
        found.append(Problem("position_id", N_("The position does not exist.")))
    if fields.height_cm is not None and not 100 <= fields.height_cm <= 250:
        found.append(Problem("height_cm", N_("Height must be between 100 and 250 cm.")))
    return found


def _values(fields: EmployeeFields) -> dict[str, object]:
    values: dict[str, object] = {f.name: getattr(fields, f.name) for f in dc_fields(fields)}
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = value.strip()
    iin = str(values["iin"])
    values["birth_date"] = fields.birth_date or iin_birth_date(iin)
    values["sex"] = Sex(fields.sex or iin_sex(iin)).value
    values["search_text"] = search_text(
        fields.surname, fields.name, fields.patronymic, iin, fields.personnel_no
    )
    values["sort_name"] = sort_key(full_name(fields.surname, fields.name, fields.patronymic))
    return values


def _clean(fields: EmployeeFields) -> EmployeeFields:
    fields.iin = fields.iin.strip()
    return fields


def add_employee(
    session: Session, fields: EmployeeFields, today: dt.date | None = None
) -> Employee:
    fields = _clean(fields)
    refuse(employee_problems(session, fields, None, today or dt.date.today()))
    employee = Employee(**_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, employee)
    return employee


def update_employee(
    session: Session,
    employee_id: int,
    version: int | None,
    fields: EmployeeFields,
    today: dt.date | None = None,
) -> Employee:
    employee = get_row(session, Employee, employee_id, N_("Employee"))
    check_version(employee, version)
    fields = _clean(fields)
    refuse(employee_problems(session, fields, employee_id, today or dt.date.today()))
    update(session, employee, _values(fields))
    return employee


def dismiss_employee(
    session: Session, employee_id: int, version: int | None, on: dt.date
) -> Employee:
    """Record the dismissal date; the person stays in every register as evidence."""
    employee = get_row(session, Employee, employee_id, N_("Employee"))
    check_version(employee, version)
    if employee.hire_date is not None and on < employee.hire_date:
        refuse(
            [
                Problem(
                    "dismissal_date",
                    N_("Dismissal date {dismissed} is before the hire date {hired}."),
                    {"dismissed": on, "hired": employee.hire_date},
                )
            ]
        )
    update(session, employee, {"dismissal_date": on})
    return employee


def fields_of(employee: Employee) -> EmployeeFields:
    """The editable values of a stored employee, to fill the dialog with."""
    return EmployeeFields(
        **{f.name: getattr(employee, f.name) for f in dc_fields(EmployeeFields) if f.name != "sex"},
        sex=Sex(employee.sex),
    )
