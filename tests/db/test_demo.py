"""`build_demo` on real SQLite files: valid, varied, reproducible, audited, refused twice."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from safedesk.db.audit import chain
from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database, open_database
from safedesk.db.models import (
    AuditEntry,
    Employee,
    Organisation,
    Permit,
    PermitGasTest,
    PermitRole,
    Position,
    ResponsibleAppointment,
    Unit,
)
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.permit_facts import gate_reasons
from safedesk.db.responsible import appointments_in_force
from safedesk.db.stats import register_counts
from safedesk.db.text_search import is_search_index
from safedesk.demo import STEPS, DemoCancelled, DemoRefused, build_demo
from safedesk.demo import bulk as demo_bulk
from safedesk.demo.context import DemoPlan
from safedesk.demo.permits import GAS_TYPES, permit_count
from safedesk.domain.collation import search_text, sort_key
from safedesk.domain.ids import iin_birth_date, iin_sex, is_valid_bin
from safedesk.domain.people import employee_complaints, full_name
from safedesk.domain.permit_gate import GateCode
from safedesk.domain.permits import Action, PermitState, PermitType
from safedesk.domain.responsibility import Duty
from safedesk.errors import InvalidInput

TODAY = dt.date(2025, 6, 30)
N, YEARS, SEED = 400, 4, 11
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
Built = tuple[Database, dict[str, int]]  # the shared demo database and its counts
TABLES = ("units", "positions", "employees", "organisation", "responsible_persons", "audit_log")


def _fresh(folder: Path, template: Path, name: str = "demo.db") -> Database:
    path = folder / name
    shutil.copyfile(template, path)
    return open_database(path, user="tester")


def _build(db: Database, seed: int = SEED, employees: int = N, **more: Any) -> dict[str, int]:
    return build_demo(db, employees=employees, years=YEARS, seed=seed, today=TODAY, **more)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Built]:
    """One demo database shared by the tests that only read it."""
    db = _fresh(tmp_path_factory.mktemp("demo"), migrated_template)
    counts = _build(db)
    yield db, counts
    db.dispose()


@pytest.fixture
def fresh(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    db = _fresh(tmp_path, migrated_template, "fresh.db")
    yield db
    db.dispose()


def _all(db: Database, model: Any) -> list[Any]:
    with db.session() as s:
        return list(s.scalars(select(model).order_by(model.id)))


def _dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.session() as s:
        return {
            t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY id"))] for t in TABLES
        }


def test_counts_are_what_was_asked_and_what_stats_sees(built: Built) -> None:
    db, counts = built
    assert counts["employees"] == N
    assert counts["organisation"] == 1
    assert 3 <= counts["responsible_persons"] <= 5  # 2-4 in force and one that ended
    with db.session() as s:
        in_db = register_counts(s)
    for register in ("employees", "units", "positions", "responsible_persons"):
        assert in_db[register] == counts[register]


def test_every_iin_is_valid_unique_and_agrees_with_birth_date_and_sex(built: Built) -> None:
    employees = _all(built[0], Employee)
    for e in employees:
        complaints = employee_complaints(
            iin=e.iin,
            surname=e.surname,
            name=e.name,
            birth_date=e.birth_date,
            sex=iin_sex(e.iin),
            hire_date=e.hire_date,
            dismissal_date=e.dismissal_date,
            electrical_group=e.electrical_group,
            today=TODAY,
        )
        assert complaints == [], (e.iin, complaints)
        assert iin_birth_date(e.iin) == e.birth_date
        assert iin_sex(e.iin).value == e.sex
        assert dt.date(1960, 1, 1) <= e.birth_date <= dt.date(2005, 12, 31)
    assert len({e.iin for e in employees}) == N
    # Born 2000-2005: the IINs Excel breaks by dropping the leading zero.
    assert any(e.iin.startswith("0") for e in employees)
    assert {e.sex for e in employees} == {"M", "F"}


def test_the_organisation_has_a_valid_bin_an_oskemen_address_and_its_head(built: Built) -> None:
    db = built[0]
    [org] = _all(db, Organisation)
    assert is_valid_bin(org.bin)
    assert org.bin[4:6] == "40"  # resident legal entity, head office
    assert "Өскемен" in org.address and "Усть-Каменогорск" in org.address
    assert org.name_kk and org.name_ru and org.name_kk != org.name_ru
    employees = _all(db, Employee)
    active = [e for e in employees if e.dismissal_date is None]
    assert org.headcount == len(active)
    assert org.head_name == full_name(
        employees[0].surname, employees[0].name, employees[0].patronymic
    )


def test_units_and_positions_are_named_in_kazakh_and_russian(built: Built) -> None:
    db = built[0]
    units, positions = _all(db, Unit), _all(db, Position)
    for row in (*units, *positions):
        assert row.name_kk.strip() and row.name_ru.strip()
    assert any(KAZAKH_LETTERS & set(u.name_kk) for u in units)
    assert any(KAZAKH_LETTERS & set(p.name_kk) for p in positions)
    ids = {u.id for u in units}
    assert all(u.parent_id is None or u.parent_id in ids for u in units)
    assert any(u.parent_id is not None for u in units)  # a tree, not a list
    assert {p.category for p in positions} == {"manager", "specialist", "worker"}
    assert any(p.harmful for p in positions) and not all(p.harmful for p in positions)
    assert any(p.electrical_group_required for p in positions)


def test_names_are_kazakh_and_russian_and_varied(built: Built) -> None:
    employees = _all(built[0], Employee)
    for part in ("surname", "name", "patronymic"):
        assert any(KAZAKH_LETTERS & set(getattr(e, part)) for e in employees), part
    endings = {e.patronymic.endswith(("ұлы", "қызы", "вич", "вна", "ич", "чна")) for e in employees}
    assert endings == {True}
    assert any(e.patronymic.endswith("ұлы") for e in employees if e.sex == "M")
    assert any(e.patronymic.endswith("қызы") for e in employees if e.sex == "F")
    assert any(e.patronymic.endswith("вич") for e in employees if e.sex == "M")
    assert any(e.patronymic.endswith("вна") for e in employees if e.sex == "F")
    full_names = {full_name(e.surname, e.name, e.patronymic) for e in employees}
    assert len(full_names) > 0.95 * N


def test_employment_dates_are_plausible_and_spread(built: Built) -> None:
    employees = _all(built[0], Employee)
    window_start = TODAY.replace(year=TODAY.year - YEARS)
    for e in employees:
        assert e.hire_date is not None and e.hire_date <= TODAY
        assert e.hire_date >= e.birth_date.replace(year=e.birth_date.year + 18)
    dismissed = [e for e in employees if e.dismissal_date is not None]
    assert 1 <= len(dismissed) <= 0.1 * N
    for e in dismissed:
        assert window_start <= e.hire_date < e.dismissal_date <= TODAY
    hired_within = {e.hire_date.year for e in employees if e.hire_date >= window_start}
    assert hired_within == set(range(window_start.year, TODAY.year + 1))
    assert any(e.hire_date < window_start for e in employees)  # long-serving staff too


def test_electricians_hold_the_group_their_position_needs(built: Built) -> None:
    db = built[0]
    required = {p.id: p.electrical_group_required for p in _all(db, Position)}
    employees = _all(db, Employee)
    assert sum(1 for e in employees if e.electrical_group) >= 10
    for e in employees:
        needed = required[e.position_id]
        if needed is not None:
            assert e.electrical_group is not None and e.electrical_group >= needed
        assert e.electrical_group is None or 1 <= e.electrical_group <= 5


def test_rows_carry_every_column_a_service_fills(built: Built) -> None:
    db = built[0]
    moment = dt.datetime(2025, 6, 29, 19, 0, tzinfo=dt.UTC)  # 30.06.2025 00:00 in UTC+5
    employees = _all(db, Employee)
    for e in employees:
        assert (e.created_by, e.version, e.deleted_at) == ("demo", 1, None)
        assert e.created_at == e.updated_at == moment
        assert e.search_text == search_text(e.surname, e.name, e.patronymic, e.iin, e.personnel_no)
        assert e.sort_name == sort_key(full_name(e.surname, e.name, e.patronymic))
    numbers = [e.personnel_no for e in employees]
    assert len(set(numbers)) == N and all(n.isdigit() for n in numbers)
    by_hire = sorted(employees, key=lambda e: (e.hire_date, e.id))
    assert [e.personnel_no for e in by_hire] == sorted(numbers)
    sized = [e for e in employees if e.clothing_size]
    assert len(sized) > 0.8 * N
    assert all(e.height_cm and e.shoe_size and e.head_size and e.glove_size for e in sized)
    for model in (Unit, Position, Organisation, ResponsibleAppointment):
        assert {(r.created_by, r.version, r.created_at) for r in _all(db, model)} == {
            ("demo", 1, moment)
        }


def test_an_order_appoints_responsible_persons_and_an_earlier_one_has_ended(built: Built) -> None:
    db = built[0]
    positions = {p.id: p.name_ru for p in _all(db, Position)}
    employees = {e.id: e for e in _all(db, Employee)}
    with db.session() as s:
        in_force = appointments_in_force(s, TODAY)
    assert 2 <= len(in_force) <= 4
    assert len({(a.order_no, a.order_date) for a in in_force}) == 1  # one order
    chief = [
        a
        for a in in_force
        if positions[employees[a.employee_id].position_id].startswith(
            "Главный инженер по охране труда"
        )
    ]
    assert len(chief) == 1 and chief[0].duties == [d.value for d in Duty]
    for a in in_force:
        if a is not chief[0]:
            assert a.duties == ["briefings", "permits", "ppe"]
            assert positions[employees[a.employee_id].position_id].startswith("Начальник")
    ended = [a for a in _all(db, ResponsibleAppointment) if a.valid_to is not None]
    assert len(ended) == 1 and ended[0].valid_to < TODAY
    for a in _all(db, ResponsibleAppointment):
        person = employees[a.employee_id]
        assert person.hire_date <= a.valid_from and person.dismissal_date is None


def test_check_passes_and_each_batch_has_one_bulk_audit_entry(
    fresh: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_bulk, "BATCH_SIZE", 150)
    counts = _build(fresh)
    report = check_database(fresh)
    assert report.ok, report.findings
    entries = _all(fresh, AuditEntry)
    assert report.audit_entries == len(entries) == counts["audit_log"]
    assert {e.action for e in entries} == {"bulk"}
    employee_entries = [e for e in entries if e.table_name == "employees"]
    assert len(employee_entries) == 3  # 150 + 150 + 100
    assert [json.loads(e.after or "") for e in employee_entries] == [
        {"rows": 150, "first_id": 1, "last_id": 150},
        {"rows": 150, "first_id": 151, "last_id": 300},
        {"rows": 100, "first_id": 301, "last_id": 400},
    ]
    assert [e.row_id for e in employee_entries] == [1, 151, 301]


def test_same_seed_gives_the_same_database_and_another_seed_another(
    tmp_path: Path, migrated_template: Path, built: Built
) -> None:
    again = _fresh(tmp_path, migrated_template, "again.db")
    other = _fresh(tmp_path, migrated_template, "other.db")
    try:
        _build(again)
        _build(other, seed=SEED + 1)
        first, second, third = _dump(built[0]), _dump(again), _dump(other)
    finally:
        again.dispose()
        other.dispose()
    assert first == second  # every table, audit hashes included
    assert first["employees"] != third["employees"]
    assert len(first["employees"]) == len(third["employees"])


def test_a_database_with_employees_is_refused_and_left_as_it_was(built: Built) -> None:
    db = built[0]
    before = _dump(db)
    with pytest.raises(DemoRefused) as refused:
        _build(db, seed=99)
    assert f"already has employees ({N})" in refused.value.message()
    assert _dump(db) == before


def test_cancelling_writes_nothing(fresh: Database) -> None:
    seen: list[tuple[int, int]] = []

    def cancel_after_first_batch(done: int, total: int) -> bool:
        seen.append((done, total))
        return done == 0

    with pytest.raises(DemoCancelled):
        _build(fresh, employees=50, progress=cancel_after_first_batch)
    assert len(seen) == 2
    with fresh.session() as s:
        assert register_counts(s)["employees"] == 0
        assert list(chain(s)) == []


def test_cancelling_while_indexes_are_dropped_leaves_them_all(
    fresh: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filled table loses its indexes until its rows are in: a cancel brings them back."""
    monkeypatch.setattr(demo_bulk, "BATCH_SIZE", 20)  # so employees are filled in batches
    query = text("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
    with fresh.session() as s:
        before = list(s.execute(query))

    def cancel_mid_employees(done: int, total: int) -> bool:
        return done < 150

    with pytest.raises(DemoCancelled):
        _build(fresh, employees=300, progress=cancel_mid_employees)
    with fresh.session() as s:
        assert list(s.execute(query)) == before
        assert register_counts(s)["employees"] == 0


def test_progress_climbs_to_the_total(fresh: Database) -> None:
    seen: list[tuple[int, int]] = []

    def record(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    _build(fresh, employees=60, progress=record)
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_keeps_the_users_organisation_and_services_continue_the_audit_chain(
    fresh: Database,
) -> None:
    with fresh.write() as s:
        save_organisation(s, OrganisationFields("Біздің ЖШС", "Наше ТОО", "940140000385"))
    counts = _build(fresh, employees=80)
    assert counts["organisation"] == 0
    [org] = _all(fresh, Organisation)
    assert (org.name_kk, org.bin, org.created_by) == ("Біздің ЖШС", "940140000385", "tester")
    with fresh.write() as s:
        person = add_employee(
            s, EmployeeFields(iin="871008401427", surname="Ахметов", name="Ерлан"), TODAY
        )
    assert person.id == 81
    report = check_database(fresh)
    assert report.ok, report.findings
    actions = [e.action for e in _all(fresh, AuditEntry)]
    assert actions[0] == "insert" and actions[-1] == "insert" and "bulk" in actions


def test_even_a_tiny_demo_has_a_director_and_a_responsible_person(fresh: Database) -> None:
    counts = _build(fresh, employees=2)
    assert counts["employees"] == 2 and counts["responsible_persons"] >= 1
    assert check_database(fresh).ok


@pytest.mark.parametrize(("employees", "years"), [(0, 3), (10, 0), (10, 41), (1_000_001, 1)])
def test_out_of_range_arguments_are_refused(fresh: Database, employees: int, years: int) -> None:
    with pytest.raises(InvalidInput):
        build_demo(fresh, employees=employees, years=years, seed=1, today=TODAY)


def _per_employee_year(counts: dict[str, int], table: str) -> float:
    return counts[table] / (N * YEARS)


def test_every_register_is_filled_in_realistic_proportions(built: Built) -> None:
    """Per employee and year, as in a plant: 10,000 x 7 years comes to about 1.5 million rows."""
    counts = built[1]
    for step in STEPS:
        assert counts[step.name] > 0, step.name
    expected = {  # rows per employee a year: (at least, at most)
        "briefings": (1.2, 2.5),  # repeated every 6 months, plus hiring and the odd extra
        "check_results": (0.5, 1.2),
        "near_misses": (0.2, 0.3),
        "observations": (0.1, 0.25),
        "ppe_issues": (2.0, 6.0),
        "permits": (0.3, 0.45),  # 0.35, and the few always made around today
    }
    for table, (low, high) in expected.items():
        assert low <= _per_employee_year(counts, table) <= high, (table, counts[table])
    rows = sum(n for table, n in counts.items() if table != "audit_log")
    assert 12 <= rows / (N * YEARS) <= 28  # 10,000 x 7: 0.85-2.0 million rows (milk monthly)


def test_permits_have_children_in_proportion_and_every_state(built: Built) -> None:
    db, counts = built
    per_permit = {
        "permit_roles": (3.0, 5.0),  # the type's required roles, now and then more
        "permit_lines": (4.0, 7.0),  # hazards, measures, PPE
        "permit_crew": (1.0, 3.0),
        "permit_transitions": (2.0, 3.2),
        "permit_shifts": (0.7, 1.0),
    }
    for table, (low, high) in per_permit.items():
        assert low <= counts[table] / counts["permits"] <= high, (table, counts[table])
    with db.session() as s:
        states = dict(s.execute(text("SELECT state, count(*) FROM permits GROUP BY state")).all())
        years = dict(s.execute(text("SELECT year, count(*) FROM permits GROUP BY year")).all())
        overdue = s.execute(
            text(
                "SELECT count(*) FROM permits WHERE state IN ('active', 'suspended', 'issued') "
                "AND planned_end < :now"
            ),
            {"now": f"{TODAY} 00:00:00"},
        ).scalar_one()
    assert set(states) == {state.value for state in PermitState}
    assert states["closed"] > 0.8 * counts["permits"]
    assert overdue >= 1  # past its end and not closed: the due list shows it
    assert set(years) == set(range(TODAY.year - YEARS, TODAY.year + 1))
    planned = permit_count(DemoPlan(employees=N, years=YEARS, seed=SEED, today=TODAY))
    assert counts["permits"] >= 0.95 * planned


def test_the_sqlite_fast_path_stores_exactly_what_sqlalchemy_would(
    tmp_path: Path, migrated_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pre-formatted values through the driver give the same stored values as Core."""
    fast = _fresh(tmp_path, migrated_template, "fast.db")
    core = _fresh(tmp_path, migrated_template, "core.db")
    try:
        build_demo(fast, employees=60, years=2, seed=5, today=TODAY)
        monkeypatch.setattr(
            demo_bulk.BulkWriter,
            "_insert_sqlite",
            lambda self, conn, table, rows: self._insert_core(conn, table, rows),
        )
        build_demo(core, employees=60, years=2, seed=5, today=TODAY)
        with fast.session() as a, core.session() as b:
            tables = [
                name
                for (name,) in a.execute(
                    text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                )
                # The trigram search indexes are derived from the rows compared here
                # (and some of their shadow tables have no rowid).
                if not is_search_index(name)
            ]
            for table in tables:
                query = text(f'SELECT * FROM "{table}" ORDER BY rowid')
                left = [repr(tuple(r)) for r in a.execute(query)]
                right = [repr(tuple(r)) for r in b.execute(query)]
                assert left == right, table
            indexes = text("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
            assert list(a.execute(indexes)) == list(b.execute(indexes))  # all rebuilt
        assert check_database(fast).ok
    finally:
        fast.dispose()
        core.dispose()


def test_every_gas_test_says_where_the_air_was_measured(built: Built) -> None:
    tests = _all(built[0], PermitGasTest)
    assert tests
    assert all(t.place.strip() for t in tests)
    assert len({t.place for t in tests}) >= 4  # the way in, and where the people work


def test_gas_hazardous_work_is_going_on_today_with_its_readings(built: Built) -> None:
    """The printed permit of the work running today shows the shift's gas readings."""
    db = built[0]
    now = dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.timezone(dt.timedelta(hours=5)))
    with db.session() as s:
        running = [
            p
            for p in s.scalars(
                select(Permit).where(
                    Permit.type.in_([t.value for t in GAS_TYPES]),
                    Permit.state == PermitState.ACTIVE.value,
                )
            )
            if p.planned_start <= now < p.planned_end
        ]
        assert running
        readings = {
            p.id: list(s.scalars(select(PermitGasTest).where(PermitGasTest.permit_id == p.id)))
            for p in running
        }
    shown = [tests for tests in readings.values() if len({t.place for t in tests}) >= 2]
    assert shown, readings
    for tests in shown:
        assert all(t.taken_at <= now and t.within_limits and t.o2 >= 20 for t in tests)


def test_electrical_permits_name_people_holding_the_groups_they_need(built: Built) -> None:
    """No demo electrical permit is stopped by the gate for want of a group."""
    db = built[0]
    groups = {e.id: e.electrical_group for e in _all(db, Employee)}
    with db.session() as s:
        permits = list(s.scalars(select(Permit).where(Permit.type == PermitType.ELECTRICAL.value)))
        assert len(permits) >= 20
        for permit in permits:
            reasons = gate_reasons(s, permit, Action.ISSUE, permit.planned_start)
            assert not [r for r in reasons if r.code is GateCode.ELECTRICAL_GROUP], (
                permit.number,
                reasons,
            )
        issuers = s.scalars(
            select(PermitRole.employee_id)
            .join(Permit, Permit.id == PermitRole.permit_id)
            .where(Permit.type == PermitType.ELECTRICAL.value, PermitRole.role == "issuer")
        ).all()
    assert issuers and all(groups[i] == 5 for i in issuers)  # group V issues
