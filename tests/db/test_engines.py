"""What must behave the same on a SQLite file and on a PostgreSQL server.

The whole database suite runs on both (SAFEDESK_TEST_PG, see tests/conftest.py); these
tests pin down the differences between the engines that the services rely on.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database, casefold, open_database
from safedesk.db.migrate import prepare
from safedesk.db.models import Employee, PpeItem, Unit
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.ids import check_digit
from safedesk.errors import DatabaseProblem

TODAY = dt.date(2026, 11, 28)


def iins() -> Iterator[str]:
    """Distinct valid IINs of people born 8 Oct 1987."""
    for serial in range(1000, 10_000):
        first = f"8710084{serial:04d}"
        digit = check_digit(first)
        if digit is not None:
            yield f"{first}{digit}"


def same_database(db: Database, user: str) -> Database:
    """A second program on the same file, or on the same server database."""
    return open_database(db.path or db.engine.url.render_as_string(hide_password=False), user=user)


def test_two_writers_at_once_keep_one_audit_chain(db: Database) -> None:
    """Each entry links to the one before: writers must queue, not interleave."""
    other = same_database(db, "second")
    errors: list[BaseException] = []

    def write(database: Database, label: str) -> None:
        try:
            for i in range(12):
                with database.write() as s:
                    add_unit(s, UnitFields(f"{label} {i}", f"{label} {i}"))
        except BaseException as e:  # reported by the assert below
            errors.append(e)

    try:
        threads = [
            threading.Thread(target=write, args=(database, label))
            for database, label in ((db, "Цех"), (other, "Учаске"))
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        other.dispose()
    assert errors == []
    report = check_database(db)
    assert report.ok, report.findings
    assert report.audit_entries == 24
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 24


def test_people_are_listed_in_kazakh_alphabetical_order(db: Database) -> None:
    surnames = ["Яковлева", "Өмірзақ", "Ізбасар", "Әбілова", "Орлов", "Иванов", "Ахметов", "Абаев"]
    with db.write() as s:
        for surname, iin in zip(surnames, iins(), strict=False):
            add_employee(s, EmployeeFields(iin=iin, surname=surname, name="Гүлнар"), TODAY)
    with db.session() as s:
        listed = list(s.scalars(select(Employee.surname).order_by(Employee.sort_name)))
    assert listed == [
        "Абаев", "Ахметов", "Әбілова", "Иванов", "Орлов", "Өмірзақ", "Ізбасар", "Яковлева"
    ]  # fmt: skip


def test_sort_keys_compare_by_code_point_whatever_the_server_collation(db: Database) -> None:
    """A ru_RU or ICU database ignores the key's characters (U+2000...): the column is "C"."""
    if db.is_sqlite:
        return  # SQLite always compares text by code point
    with db.session() as s:
        collations = s.execute(
            text(
                "SELECT table_name, collation_name FROM information_schema.columns "
                "WHERE column_name = 'sort_name' AND table_schema = current_schema() "
                "ORDER BY table_name"
            )
        ).all()
    assert collations == [("contractor_workers", "C"), ("employees", "C")]


def test_rows_added_after_seeded_reference_rows_get_new_ids(db: Database) -> None:
    """Migrations seed rows with explicit ids; the next id must still be free."""
    with db.write() as s:
        seeded = s.scalar(select(func.max(PpeItem.id))) or 0
        item = PpeItem(kind="ppe", name_kk="Етік", name_ru="Сапоги")
        s.add(item)
        s.flush()
        assert item.id > seeded


def test_search_is_case_blind_for_cyrillic_and_latin(db: Database) -> None:
    """SQLite's lower() and LIKE fold ASCII only, PostgreSQL's LIKE folds nothing."""
    with db.write() as s:
        add_unit(s, UnitFields("ӨРТ сөндіру Fire", "ПОЖАРНАЯ часть Fire"))
    with db.session() as s:
        typed_in = ((Unit.name_kk, "өрт СӨНДІРУ fire"), (Unit.name_ru, "пожарная ЧАСТЬ FIRE"))
        for column, typed in typed_in:
            found = s.scalar(
                select(func.count())
                .select_from(Unit)
                .where(casefold(column).contains(typed.casefold(), autoescape=True))
            )
            assert found == 1, typed


def test_a_database_of_a_newer_safedesk_is_refused_untouched(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseProblem) as caught:
        prepare(db)
    assert "newer SafeDesk" in caught.value.message()
    with db.session() as s:
        assert s.scalar(text("SELECT version_num FROM alembic_version")) == "9999"
