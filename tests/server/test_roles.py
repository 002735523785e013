"""The server, not the program, refuses what a role may not do (issue 13, migration 0011)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from safedesk.db.audit import chain
from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, Employee, TrainingNorm
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.server_errors import NotPermitted
from safedesk.db.server_roles import REFERENCE_TABLES, table_kind
from safedesk.db.units import UnitFields, add_unit
from safedesk.errors import DatabaseProblem

TODAY = dt.date(2026, 11, 28)
Opener = Callable[[str], Database]
MakeUser = Callable[[str], str]


def person() -> EmployeeFields:
    return EmployeeFields(
        iin="871008401427", surname="Әбілова", name="Гүлнар", hire_date=dt.date(2015, 3, 1)
    )


def test_reference_tables_are_real_tables() -> None:
    from safedesk.db.models import Base

    assert set(Base.metadata.tables) >= REFERENCE_TABLES
    assert table_kind("employees") == "register" and table_kind("audit_log") == "audit"


def test_viewer_reads_but_the_server_refuses_its_write(
    open_as: Opener, server_user: MakeUser
) -> None:
    viewer = open_as(server_user("viewer"))
    with viewer.session() as s:  # reading works: the register and the reference data
        assert s.scalars(select(Employee)).all() == []
        assert s.scalars(select(TrainingNorm)).first() is not None
    with pytest.raises(NotPermitted) as refused, viewer.write() as s:
        add_employee(s, person(), TODAY)
    assert isinstance(refused.value, DatabaseProblem)
    assert "does not allow this change" in refused.value.message()
    # The refusal came from PostgreSQL itself (SQLSTATE 42501), not from the program.
    assert refused.value.__cause__.orig.sqlstate  # type: ignore[union-attr] == "42501"


def test_officer_writes_registers_and_the_audit_trail_not_reference_data(
    open_as: Opener, server_user: MakeUser
) -> None:
    officer_name = server_user("officer")
    officer = open_as(officer_name)
    with officer.write() as s:
        unit = add_unit(s, UnitFields("Кеніш", "Рудник"))
        fields = person()
        fields.unit_id = unit.id
        add_employee(s, fields, TODAY)
    with officer.session() as s:
        entries = s.scalars(select(AuditEntry)).all()
        assert {e.table_name for e in entries} == {"units", "employees"}
        assert {e.user for e in entries} == {officer_name}
    # Reference data: read, not changed.
    with pytest.raises(NotPermitted), officer.write() as s:
        save_organisation(s, OrganisationFields("ТОО «Қазмыс»", "ТОО «Казмыс»", "940140000385"))
    # The trail is appended to, never edited.
    with pytest.raises(NotPermitted), officer.write() as s:
        s.execute(text("UPDATE audit_log SET \"user\" = 'someone else'"))
    with pytest.raises(NotPermitted), officer.write() as s:
        s.execute(text("DELETE FROM audit_log"))
    report = check_database(officer)
    assert report.ok and report.audit_entries == 2


def test_administrator_changes_reference_data_but_not_the_trail(
    open_as: Opener, server_user: MakeUser
) -> None:
    admin = open_as(server_user("admin"))
    with admin.write() as s:
        save_organisation(s, OrganisationFields("ТОО «Қазмыс»", "ТОО «Казмыс»", "940140000385"))
        add_unit(s, UnitFields("Кеніш", "Рудник"))
    with pytest.raises(NotPermitted), admin.write() as s:
        s.execute(text("DELETE FROM audit_log"))
    with admin.session() as s:
        assert len(list(chain(s))) == 2


def test_a_role_outside_safedesk_is_refused_everything(open_as: Opener, pg_admin_url) -> None:  # type: ignore[no-untyped-def]
    from tests.server.pg_helpers import admin_execute, new_name

    stranger = new_name("stranger_")
    admin_execute(pg_admin_url, f'CREATE ROLE "{stranger}" LOGIN')
    try:
        db = open_as(stranger)
        with pytest.raises(NotPermitted), db.write() as s:
            add_unit(s, UnitFields("Кеніш", "Рудник"))
        db.dispose()
    finally:
        admin_execute(pg_admin_url, f'DROP ROLE IF EXISTS "{stranger}"')
