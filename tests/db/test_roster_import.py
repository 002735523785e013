"""Planning and applying a roster import on real files and a real database."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee, fields_of, update_employee
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, Employee, Position, Unit
from safedesk.db.roster_apply import ImportCancelled, apply_import
from safedesk.db.roster_import import Action, RowsRejected, plan_import
from safedesk.db.rows import update
from safedesk.db.types import utcnow
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.ids import check_digit
from safedesk.errors import StaleRecord
from safedesk.forms.roster import read_roster

TODAY = dt.date(2025, 6, 1)
IIN_F_1987 = "871008401427"
IIN_M_1976 = "760212350620"
IIN_F_2006 = "061211600012"
HEADER = ["ИИН", "ФИО", "Должность", "Подразделение", "Дата приема"]


def make_iin(n: int) -> str:
    """The n-th of a run of valid IINs of men born in 1980."""
    serial = n
    while True:
        born = dt.date(1980, 1, 1) + dt.timedelta(days=serial % 3000)
        first = f"{born:%y%m%d}3{serial % 10000:04d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)
        serial += 10000


def roster_file(tmp_path: Path, rows: Sequence[Sequence[object]], name: str = "r.xlsx") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    path = tmp_path / name
    workbook.save(path)
    return path


def plan_for(db: Database, path: Path):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return plan_import(s, read_roster(path, today=TODAY).rows, TODAY)


def count(db: Database, model: type) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def employee(db: Database, iin: str) -> Employee:
    with db.session() as s:
        found = s.scalars(select(Employee).where(Employee.iin == iin)).one()
        found.unit, found.position  # noqa: B018 - loaded while the session is open
        return found


@pytest.fixture
def stored(db: Database) -> int:
    """Ахметова, already in the database, in unit "Цех 1", hired 01.02.2010, No. 501."""
    with db.write() as s:
        unit = add_unit(s, UnitFields(name_kk="1-цех", name_ru="Цех 1"))
        person = add_employee(
            s,
            EmployeeFields(
                iin=IIN_F_1987,
                surname="Ахметова",
                name="Әсел",
                personnel_no="501",
                unit_id=unit.id,
                hire_date=dt.date(2010, 2, 1),
            ),
            TODAY,
        )
        return person.id


def test_plan_says_what_is_added_updated_unchanged_and_rejected(
    tmp_path: Path, db: Database, stored: int
) -> None:
    path = roster_file(
        tmp_path,
        [
            [IIN_F_1987, "Ахметова Әсел Серікқызы", "Электрик", "1-ЦЕХ", None],
            [IIN_M_1976, "Петров Петр", "Мастер", "Цех 2", "15.01.2001"],
            ["871008401428", "Иванов Иван", "Мастер", "Цех 2", None],
        ],
    )
    plan = plan_for(db, path)
    update_row, add_row, bad_row = plan.rows
    assert (update_row.action, add_row.action, bad_row.action) == (
        Action.UPDATE,
        Action.ADD,
        Action.REJECT,
    )
    assert update_row.employee_id == stored
    # The unit is the same (its Kazakh name, case-blind); the empty hire date keeps 2010.
    assert {(c.field, c.old, c.new) for c in update_row.changes} == {
        ("patronymic", "", "Серікқызы"),
        ("position", "", "Электрик"),
    }
    assert update_row.fields.hire_date == dt.date(2010, 2, 1)
    assert update_row.fields.personnel_no == "501"
    assert bad_row.problems[0].message().endswith("should be 7, not 8.")
    assert plan.new_units == ["Цех 2"]
    assert sorted(plan.new_positions) == ["Мастер", "Электрик"]
    assert not plan.ok


def test_apply_adds_updates_and_creates_units_and_positions_once(
    tmp_path: Path, db: Database, stored: int
) -> None:
    rows: list[list[object]] = [[IIN_F_1987, "Ахметова Әсел", "Электрик", "Цех 2", None]]
    rows += [[make_iin(i), f"Фамилия{i} Имя{i}", "Слесарь", "цех  2", None] for i in range(30)]
    rows += [[make_iin(100), "Петров Петр", "слесарь", "Цех 1", None]]
    plan = plan_for(db, roster_file(tmp_path, rows))
    assert plan.ok
    result = apply_import(db, plan, skip_invalid=False)
    assert (result.added, result.updated, result.unchanged, result.rejected) == (31, 1, 0, 0)
    assert (result.units_created, result.positions_created) == (1, 2)
    assert count(db, Employee) == 32
    assert count(db, Unit) == 2 and count(db, Position) == 2
    moved = employee(db, IIN_F_1987)
    assert moved.id == stored and moved.unit is not None and moved.unit.name_ru == "Цех 2"
    assert moved.personnel_no == "501"  # not in the file: kept
    assert len(result.employee_ids) == 32
    assert check_database(db).ok  # every write audited, the chain intact


def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path, db: Database) -> None:
    path = roster_file(tmp_path, [[IIN_M_1976, "Петров Петр", "Мастер", "Цех 2", "15.01.2001"]])
    apply_import(db, plan_for(db, path), skip_invalid=False)
    audit_entries = count(db, AuditEntry)
    again = apply_import(db, plan_for(db, path), skip_invalid=False)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    assert count(db, Employee) == 1 and count(db, AuditEntry) == audit_entries


def test_nothing_is_written_when_a_row_is_bad(tmp_path: Path, db: Database) -> None:
    path = roster_file(
        tmp_path,
        [
            [IIN_M_1976, "Петров Петр", "Мастер", "Цех 2", None],
            [IIN_F_2006, "Серікова", "Оператор", "Цех 3", None],
        ],
    )
    plan = plan_for(db, path)
    with pytest.raises(RowsRejected) as caught:
        apply_import(db, plan, skip_invalid=False)
    assert caught.value.message().splitlines() == [
        "Rows that cannot be imported: 1. Nothing was written.",
        "Row 3: Name is required.",
    ]
    assert count(db, Employee) == 0 and count(db, Unit) == 0

    result = apply_import(db, plan, skip_invalid=True)
    assert (result.added, result.rejected, result.units_created) == (1, 1, 1)
    assert count(db, Employee) == 1


def test_cancel_rolls_everything_back(tmp_path: Path, db: Database) -> None:
    rows = [[make_iin(i), f"Фамилия{i} Имя{i}", "Слесарь", "Цех 1", None] for i in range(50)]
    plan = plan_for(db, roster_file(tmp_path, rows))
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 20

    with pytest.raises(ImportCancelled):
        apply_import(db, plan, skip_invalid=False, progress=progress)
    assert seen[0] == (0, 50) and seen[-1][0] >= 20
    assert count(db, Employee) == 0 and count(db, Unit) == 0 and count(db, AuditEntry) == 0

    reported: list[tuple[int, int]] = []

    def keep_going(done: int, total: int) -> bool:
        reported.append((done, total))
        return True

    apply_import(db, plan, skip_invalid=False, progress=keep_going)
    assert reported[-1] == (50, 50)
    assert count(db, Employee) == 50


def test_an_employee_edited_after_the_plan_is_not_overwritten(
    tmp_path: Path, db: Database, stored: int
) -> None:
    plan = plan_for(
        db, roster_file(tmp_path, [[IIN_F_1987, "Ахметова Әсел", "Электрик", None, None]])
    )
    with db.write() as s:
        person = s.get(Employee, stored)
        assert person is not None
        fields = fields_of(person)
        fields.personnel_no = "777"
        update_employee(s, stored, person.version, fields, TODAY)
    with pytest.raises(StaleRecord):
        apply_import(db, plan, skip_invalid=False)
    assert employee(db, IIN_F_1987).position is None
    assert count(db, Position) == 0


def test_iin_of_a_deleted_employee_is_rejected(tmp_path: Path, db: Database, stored: int) -> None:
    with db.write() as s:
        person = s.get(Employee, stored)
        update(s, person, {"deleted_at": utcnow()})
    plan = plan_for(db, roster_file(tmp_path, [[IIN_F_1987, "Ахметова Әсел", None, None, None]]))
    (row,) = plan.rows
    assert row.action is Action.REJECT
    assert row.problems[0].message() == (
        f"IIN {IIN_F_1987} belongs to a deleted employee record; it cannot be imported again."
    )


def test_two_thousand_rows_stay_linear(tmp_path: Path, db: Database) -> None:
    rows = [
        [make_iin(i), f"Фамилия{i} Имя{i} Әкесі{i}", f"Лауазым {i % 40}", f"Цех {i % 15}", None]
        for i in range(2000)
    ]
    path = roster_file(tmp_path, rows)
    started = time.perf_counter()
    result = apply_import(db, plan_for(db, path), skip_invalid=False)
    elapsed = time.perf_counter() - started
    assert (result.added, result.units_created, result.positions_created) == (2000, 15, 40)
    # ~4 s on a laptop; a quadratic lookup of units or employees would take minutes.
    assert elapsed < 60


def test_an_iin_naming_someone_else_is_rejected_a_new_surname_is_not(
    tmp_path: Path, db: Database, stored: int
) -> None:
    typo = plan_for(db, roster_file(tmp_path, [[IIN_F_1987, "Петрова Мария", None, None, None]]))
    (row,) = typo.rows
    assert row.action is Action.REJECT
    assert row.problems[0].message() == (
        f"IIN {IIN_F_1987} belongs to Ахметова Әсел in the database, not to Петрова Мария. "
        "Check the IIN."
    )
    # Married, and the HR export spells Әсел the Russian way: the same person.
    married = [[IIN_F_1987, "Петрова Асель", None, None, None]]
    (row,) = plan_for(db, roster_file(tmp_path, married, "married.xlsx")).rows
    assert row.action is Action.UPDATE
    assert {(c.field, c.old, c.new) for c in row.changes} == {
        ("surname", "Ахметова", "Петрова"),
        ("name", "Әсел", "Асель"),
    }
