"""Services refuse what the law or common sense refuses, and audit what they write."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from safedesk.db.audit import chain
from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee, dismiss_employee, update_employee
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, Employee
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position, delete_position
from safedesk.db.responsible import AppointmentFields, appoint, appointments_in_force
from safedesk.db.units import UnitFields, add_unit, delete_unit, update_unit
from safedesk.domain.responsibility import Duty
from safedesk.errors import InvalidInput, StaleRecord

TODAY = dt.date(2026, 11, 28)


def person(**changes: object) -> EmployeeFields:
    values: dict[str, object] = dict(
        iin="871008401427",
        surname="Әбілова",
        name="Гүлнар",
        patronymic="Серікқызы",
        hire_date=dt.date(2015, 3, 1),
    )
    values.update(changes)
    return EmployeeFields(**values)  # type: ignore[arg-type]


def test_employee_gets_birth_date_and_sex_from_iin(db: Database) -> None:
    with db.write() as s:
        e = add_employee(s, person(), TODAY)
    assert (e.birth_date, e.sex) == (dt.date(1987, 10, 8), "F")
    assert e.created_by == "tester" and e.version == 1


def test_bad_iin_is_refused_with_the_rule_and_nothing_is_written(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_employee(s, person(iin="871008401428"), TODAY)
    assert caught.value.fields() == {"iin"}
    assert "should be 7" in caught.value.message()
    with db.session() as s:
        assert s.scalar(select(Employee.id)) is None


def test_duplicate_iin_names_who_has_it(db: Database) -> None:
    with db.write() as s:
        add_employee(s, person(personnel_no="T-17"), TODAY)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_employee(s, person(surname="Другой"), TODAY)
    assert "Әбілова Гүлнар Серікқызы" in caught.value.message()
    assert "T-17" in caught.value.message()


def test_dismissal_before_hire_is_refused(db: Database) -> None:
    with db.write() as s:
        e = add_employee(s, person(), TODAY)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        dismiss_employee(s, e.id, e.version, dt.date(2015, 2, 1))
    assert caught.value.fields() == {"dismissal_date"}


def test_stale_save_is_refused_not_overwritten(db: Database) -> None:
    with db.write() as s:
        e = add_employee(s, person(), TODAY)
    with db.write() as s:
        update_employee(s, e.id, 1, person(personnel_no="A1"), TODAY)
    with pytest.raises(StaleRecord), db.write() as s:
        update_employee(s, e.id, 1, person(personnel_no="B2"), TODAY)
    with db.session() as s:
        assert s.get(Employee, e.id).personnel_no == "A1"  # type: ignore[union-attr]


def test_every_write_is_in_the_audit_chain(db: Database) -> None:
    with db.write() as s:
        e = add_employee(s, person(), TODAY)
    with db.write() as s:
        update_employee(s, e.id, e.version, person(personnel_no="42"), TODAY)
    with db.session() as s:
        entries = list(chain(s))
    assert [(x.table_name, x.action) for x in entries] == [
        ("employees", "insert"),
        ("employees", "update"),
    ]
    assert '"personnel_no":"42"' in (entries[-1].after or "")
    assert check_database(db).ok


def test_tampered_audit_entry_is_named_by_check(db: Database) -> None:
    with db.write() as s:
        add_employee(s, person(), TODAY)
        add_employee(s, person(iin="760212350620", surname="Ахметов"), TODAY)
    with db.write() as s:
        first = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).first()
        assert first is not None
        first.user = "mallory"
    report = check_database(db)
    assert not report.ok
    assert f"entry {first.id}" in str(report.findings[0][0]).format(**report.findings[0][1])


def test_bin_is_validated_on_the_organisation(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        save_organisation(s, OrganisationFields(name_kk="ЖШС", name_ru="ТОО", bin="940140000386"))
    assert caught.value.fields() == {"bin"}


def test_unit_cannot_be_inside_itself_and_busy_unit_stays(db: Database) -> None:
    with db.write() as s:
        mine = add_unit(s, UnitFields("Кеніш", "Рудник"))
        shaft = add_unit(s, UnitFields("Шахта", "Шахта", parent_id=mine.id))
        add_employee(s, person(unit_id=shaft.id), TODAY)
    with pytest.raises(InvalidInput), db.write() as s:
        update_unit(s, mine.id, None, UnitFields("Кеніш", "Рудник", parent_id=shaft.id))
    with pytest.raises(InvalidInput), db.write() as s:
        delete_unit(s, shaft.id, None)


def test_position_in_use_cannot_be_deleted(db: Database) -> None:
    with db.write() as s:
        p = add_position(
            s, PositionFields("Электр слесарі", "Электрослесарь", electrical_group_required=3)
        )
        add_employee(s, person(position_id=p.id), TODAY)
    with pytest.raises(InvalidInput), db.write() as s:
        delete_position(s, p.id, None)


def test_appointment_needs_duties_and_consistent_dates(db: Database) -> None:
    with db.write() as s:
        e = add_employee(s, person(), TODAY)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        appoint(
            s,
            AppointmentFields(
                employee_id=e.id,
                order_no="",
                order_date=TODAY,
                valid_from=TODAY,
                valid_to=TODAY - dt.timedelta(days=1),
            ),
        )
    assert caught.value.fields() == {"duties", "order_no", "valid_to"}
    with db.write() as s:
        appoint(
            s,
            AppointmentFields(
                employee_id=e.id,
                duties=[Duty.PPE, Duty.OVERALL],
                order_no="15-ӨҚ",
                order_date=TODAY,
                valid_from=TODAY,
            ),
        )
    with db.session() as s:
        (row,) = appointments_in_force(s, TODAY)
        assert row.duties == ["overall", "ppe"]  # the order's fixed sequence


def test_two_sessions_on_one_file_the_later_stale_save_is_refused(db: Database) -> None:
    """Two programs (two engines) edit one employee: the second save must not overwrite."""
    from safedesk.db.engine import open_database

    # The same file, or the same server database in the PostgreSQL run.
    other = open_database(
        db.path or db.engine.url.render_as_string(hide_password=False), user="second"
    )
    try:
        with db.write() as s:
            e = add_employee(s, person(), TODAY)
        with db.session() as s:  # both read version 1
            mine = s.get(Employee, e.id)
        with other.session() as s:
            theirs = s.get(Employee, e.id)
        assert mine is not None and theirs is not None and mine.version == theirs.version
        with other.write() as s:
            update_employee(s, e.id, theirs.version, person(personnel_no="THEIRS"), TODAY)
        with pytest.raises(StaleRecord), db.write() as s:
            update_employee(s, e.id, mine.version, person(personnel_no="MINE"), TODAY)
        with db.session() as s:
            now = s.get(Employee, e.id)
            assert now is not None and (now.personnel_no, now.version) == ("THEIRS", 2)
        with db.session() as s:
            (last,) = list(chain(s))[-1:]
        assert last.user == "second" and '"personnel_no":"THEIRS"' in (last.after or "")
    finally:
        other.dispose()
