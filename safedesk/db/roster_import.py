"""Importing an employee roster: plan what would change, then write it in one transaction.

`plan_import` reads only: it matches rows to employees by IIN and says, row by row,
what would be added, updated (and which fields change), left as it is, or rejected
and why. `roster_apply.apply_import` writes the plan.

Re-importing never erases: an empty cell, or a column the file does not have, keeps
what the database holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from dataclasses import fields as dc_fields
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.employees import (
    EmployeeFields,
    employee_problems,
    fields_of,
)
from safedesk.db.models import Employee, Position, Unit
from safedesk.db.positions import list_positions
from safedesk.db.units import list_units
from safedesk.domain.people import full_name
from safedesk.errors import InvalidInput, Problem
from safedesk.i18n import N_, _

Progress = Callable[[int, int], bool]

IN_CHUNK = 500  # IINs per IN (...) query: well below SQLite's limit of bound parameters


@dataclass
class RosterRow:
    """One person as a roster file gives them (made by safedesk.forms.roster)."""

    row: int  # 1-based row number in the file, as the user sees it in Excel
    fields: EmployeeFields  # unit_id and position_id are left None; the names say which
    unit_name: str = ""
    position_name: str = ""
    problems: list[Problem] = field(default_factory=list)


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"


@dataclass(frozen=True)
class FieldChange:
    field: str  # EmployeeFields name, or "unit" / "position"
    label: str  # msgid of the field's name
    old: object
    new: object


@dataclass
class PlannedRow:
    """What will happen to one roster row. Holds plain values only, no ORM objects, so a
    plan made in one thread can be applied in another."""

    source: RosterRow
    action: Action
    fields: EmployeeFields  # what will be saved (an update starts from the stored values)
    employee_id: int | None = None
    version: int | None = None  # the version the plan saw; a later edit makes apply refuse
    changes: list[FieldChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def row(self) -> int:
        return self.source.row


@dataclass
class ImportPlan:
    rows: list[PlannedRow]
    new_units: list[str]  # names of units that will be created
    new_positions: list[str]
    today: dt.date

    def with_action(self, action: Action) -> list[PlannedRow]:
        return [r for r in self.rows if r.action is action]

    @property
    def rejected(self) -> list[PlannedRow]:
        return self.with_action(Action.REJECT)

    @property
    def ok(self) -> bool:
        """True when every row can be imported."""
        return not self.rejected


class RowsRejected(InvalidInput):
    """Some rows cannot be imported and skipping them was not asked for; nothing was written."""

    def __init__(self, rejected: list[PlannedRow]) -> None:
        self.rejected = rejected
        super().__init__([p for r in rejected for p in r.problems])
        self.msgid = N_("Rows that cannot be imported: {count}. Nothing was written.")
        self.values = {"count": len(rejected)}

    def message(self) -> str:
        lines = [_(self.msgid).format(count=len(self.rejected))]
        lines += [line for r in self.rejected for line in row_messages(r.row, r.problems)]
        return "\n".join(lines)


def row_messages(row: int, problems: Iterable[Problem]) -> list[str]:
    """'Row 7: IIN 871008401428: the check digit (12th) should be 7, not 8.' per problem."""
    return [_(N_("Row {row}: {problem}")).format(row=row, problem=p.message()) for p in problems]


def name_key(name: str) -> str:
    """Unit and position names match case-blind, with spaces collapsed."""
    return " ".join(name.split()).casefold()


# What the window and messages call each field a roster can change.
FIELD_LABELS = {
    "iin": N_("IIN"),
    "surname": N_("Surname"),
    "name": N_("Name"),
    "patronymic": N_("Patronymic"),
    "birth_date": N_("Birth date"),
    "sex": N_("Sex"),
    "personnel_no": N_("Personnel No."),
    "hire_date": N_("Hire date"),
    "dismissal_date": N_("Dismissal date"),
    "electrical_group": N_("Electrical-safety group"),
    "unit": N_("Unit"),
    "position": N_("Position"),
}
_COMPARED = [f.name for f in dc_fields(EmployeeFields) if f.name not in ("unit_id", "position_id")]


def duplicate_iin_problems(rows: Sequence[RosterRow]) -> dict[int, Problem]:
    """For every row whose IIN another row also has: its index in `rows` and a problem
    naming the other rows, so that the user sees both places."""
    where: dict[str, list[int]] = {}
    for index, source in enumerate(rows):
        if source.fields.iin:
            where.setdefault(source.fields.iin, []).append(index)
    found: dict[int, Problem] = {}
    for iin, indexes in where.items():
        if len(indexes) < 2:
            continue
        for index in indexes:
            others = ", ".join(str(rows[i].row) for i in indexes if i != index)
            found[index] = Problem(
                "iin", N_("IIN {iin} is also in row {rows}."), {"iin": iin, "rows": others}
            )
    return found


def _employees_by_iin(session: Session, iins: Sequence[str]) -> dict[str, Employee]:
    # Deleted employees too: their IIN is still taken (the column is unique).
    found: dict[str, Employee] = {}
    for start in range(0, len(iins), IN_CHUNK):
        chunk = iins[start : start + IN_CHUNK]
        found.update(
            (e.iin, e) for e in session.scalars(select(Employee).where(Employee.iin.in_(chunk)))
        )
    return found


class NameIndex:
    """Units or positions by name and by id, read once per import.

    `find_or_create_unit`/`_position` list every row on each call: called for each of
    10,000 rows that would be quadratic, so names are looked up here and the service is
    called only to create a name that is missing.
    """

    def __init__(self, rows: Iterable[Unit | Position]) -> None:
        self.by_id: dict[int, Unit | Position] = {}
        self.ids: dict[str, int] = {}
        for row in rows:
            self.by_id[row.id] = row
            for name in (row.name_kk, row.name_ru):
                if name:
                    self.ids.setdefault(name_key(name), row.id)
        self.created = 0

    def names_of(self, row_id: int | None) -> tuple[set[str], str]:
        """The keys an id answers to, and its name to show."""
        row = self.by_id.get(row_id) if row_id is not None else None
        if row is None:
            return set(), ""
        return {name_key(n) for n in (row.name_kk, row.name_ru) if n}, row.name_ru or row.name_kk

    def missing(self, names: Iterable[str]) -> list[str]:
        found: dict[str, str] = {}
        for name in names:
            if name and name_key(name) not in self.ids:
                found.setdefault(name_key(name), " ".join(name.split()))
        return list(found.values())

    def id_of(self, session: Session, name: str, create: Callable[[Session, str], Any]) -> int:
        key = name_key(name)
        if key not in self.ids:
            row = create(session, " ".join(name.split()))
            # Held here: the session keeps only weak references, and employee_problems
            # looks every unit up by id; a forgotten row would cost a query each time.
            self.by_id[row.id] = row
            self.ids[key] = row.id
            self.created += 1
        return self.ids[key]


def _merge(stored: EmployeeFields, given: EmployeeFields) -> EmployeeFields:
    """The stored values with every value the file gives on top; blanks keep what is stored."""
    merged = replace(stored)
    for name in _COMPARED:
        value = getattr(given, name)
        if value is not None and value != "":
            setattr(merged, name, value)
    return merged


def _plan_update(
    session: Session,
    source: RosterRow,
    employee: Employee,
    names: dict[str, NameIndex],
    today: dt.date,
) -> PlannedRow:
    stored = fields_of(employee)
    if not _same_person(stored, source.fields):
        return PlannedRow(
            source, Action.REJECT, source.fields, problems=[_other_person(stored, source)]
        )
    merged = _merge(stored, source.fields)
    changes = [
        FieldChange(
            name, FIELD_LABELS.get(name, name), getattr(stored, name), getattr(merged, name)
        )
        for name in _COMPARED
        if getattr(stored, name) != getattr(merged, name)
    ]
    for kind, given in (("unit", source.unit_name), ("position", source.position_name)):
        keys, shown = names[kind].names_of(getattr(stored, f"{kind}_id"))
        if given and name_key(given) not in keys:
            changes.append(FieldChange(kind, FIELD_LABELS[kind], shown, " ".join(given.split())))
            # Checked by employee_problems when it exists; a new one is made by apply.
            setattr(merged, f"{kind}_id", names[kind].ids.get(name_key(given)))
    problems = employee_problems(session, merged, employee.id, today)
    return PlannedRow(
        source,
        Action.REJECT if problems else (Action.UPDATE if changes else Action.UNCHANGED),
        merged,
        employee.id,
        employee.version,
        changes,
        problems,
    )


# Kazakh letters and their Russian spelling: an HR export may write "Серикова Айгуль"
# for the "Серікова Айгүл" the register holds.
_LOOSE = str.maketrans("әғқңөұүһіё", "агкноуухие", "ьъ")


def _loose(name: str) -> str:
    return " ".join(name.split()).casefold().translate(_LOOSE)


def _same_person(stored: EmployeeFields, given: EmployeeFields) -> bool:
    """A new surname (marriage) or a corrected first name is an update; both different
    means the IIN in the file is most likely someone else's, mistyped."""
    same_surname = _loose(stored.surname) == _loose(given.surname)
    return same_surname or _loose(stored.name) == _loose(given.name)


def _other_person(stored: EmployeeFields, source: RosterRow) -> Problem:
    return Problem(
        "iin",
        N_("IIN {iin} belongs to {person} in the database, not to {given}. Check the IIN."),
        {
            "iin": stored.iin,
            "person": full_name(stored.surname, stored.name, stored.patronymic),
            "given": full_name(source.fields.surname, source.fields.name, source.fields.patronymic),
        },
    )


def _deleted_problem(iin: str) -> Problem:
    return Problem(
        "iin",
        N_("IIN {iin} belongs to a deleted employee record; it cannot be imported again."),
        {"iin": iin},
    )


def plan_import(
    session: Session, rows: Sequence[RosterRow], today: dt.date | None = None
) -> ImportPlan:
    """What importing `rows` would do; reads only.

    Rows that carry problems from the file, or share an IIN, are rejected; the others
    are matched to employees by IIN and checked as the employee service checks them.
    """
    today = today or dt.date.today()
    existing = _employees_by_iin(session, sorted({r.fields.iin for r in rows if r.fields.iin}))
    names = {"unit": NameIndex(list_units(session)), "position": NameIndex(list_positions(session))}
    duplicates = duplicate_iin_problems(rows)
    planned: list[PlannedRow] = []
    for index, source in enumerate(rows):
        problems = list(source.problems)
        if index in duplicates and duplicates[index] not in problems:
            problems.append(duplicates[index])
        employee = existing.get(source.fields.iin)
        if not problems and employee is not None and employee.deleted_at is not None:
            problems.append(_deleted_problem(source.fields.iin))
        if problems:
            planned.append(PlannedRow(source, Action.REJECT, source.fields, problems=problems))
        elif employee is not None:
            planned.append(_plan_update(session, source, employee, names, today))
        else:
            fields = replace(source.fields)
            problems = employee_problems(session, fields, None, today)
            action = Action.REJECT if problems else Action.ADD
            planned.append(PlannedRow(source, action, fields, problems=problems))
    accepted = [r for r in planned if r.action in (Action.ADD, Action.UPDATE)]
    return ImportPlan(
        planned,
        names["unit"].missing(r.source.unit_name for r in accepted),
        names["position"].missing(r.source.position_name for r in accepted),
        today,
    )
