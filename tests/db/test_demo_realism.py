"""What a safety officer would call plainly wrong in the demo, on a small demo."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from safedesk.db.engine import Database, open_database
from safedesk.db.ppe_due import due_items
from safedesk.demo import build_demo
from safedesk.demo.permit_staff import ELECTRICAL_ADMITTERS, ISSUERS, SUPERVISORS
from safedesk.demo.permit_texts import PPE
from safedesk.demo.positions import POSITIONS
from safedesk.demo.units import UNITS
from safedesk.domain.permits import PermitType

TODAY = dt.date(2026, 11, 28)
N, YEARS, SEED = 300, 2, 1
NAME_OF = {p.name_ru: p.key for p in POSITIONS}
UNIT_KEY = {u.name_ru: u.key for u in UNITS}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("realism") / "demo.db"
    shutil.copyfile(migrated_template, path)
    database = open_database(path, user="tester")
    build_demo(database, employees=N, years=YEARS, seed=SEED, today=TODAY)
    yield database
    database.dispose()


def _rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    with db.session() as s:
        return [tuple(r) for r in s.execute(text(sql))]


def test_every_observation_card_and_5s_audit_names_a_place(db: Database) -> None:
    cards = _rows(db, "SELECT area FROM observations")
    assert cards and all(str(a).strip() for (a,) in cards)
    assert len({a for (a,) in cards}) >= 10
    audits = _rows(db, "SELECT area FROM five_s_audits")
    tasks = {"Бункерді тазалау", "Очистка бункера", "Ремонт насоса", "Сорғыны жөндеу"}
    assert audits and all(str(a).strip() and a not in tasks for (a,) in audits)


def test_permits_are_issued_led_and_admitted_by_fitting_positions(db: Database) -> None:
    rows = _rows(
        db,
        "SELECT r.role, pos.name_ru, p.type FROM permit_roles r "
        "JOIN permits p ON p.id = r.permit_id JOIN employees e ON e.id = r.employee_id "
        "JOIN positions pos ON pos.id = e.position_id",
    )
    allowed = {"issuer": ISSUERS, "supervisor": SUPERVISORS, "admitter": ELECTRICAL_ADMITTERS}
    seen = set()
    for role, position, _kind in rows:
        if role in allowed:
            seen.add(role)
            assert NAME_OF[str(position)] in allowed[str(role)], (role, position)
    assert seen == set(allowed)
    # Duty electricians admit only on electrical work.
    assert not [
        r
        for r in rows
        if r[0] == "admitter" and r[1] == "Дежурный электромонтёр" and r[2] != "electrical"
    ]


def test_a_permits_crew_are_workers_of_production_units(db: Database) -> None:
    rows = _rows(
        db,
        "SELECT pos.category, u.name_ru FROM permit_crew c "
        "JOIN employees e ON e.id = c.employee_id "
        "JOIN positions pos ON pos.id = e.position_id JOIN units u ON u.id = e.unit_id",
    )
    assert rows
    office = {"adm", "dir", "ohs", "acc", "hr", "aho"}
    assert all(cat == "worker" and UNIT_KEY[str(unit)] not in office for cat, unit in rows)


def test_permit_ppe_lines_fit_the_type_of_work(db: Database) -> None:
    rows = _rows(
        db,
        "SELECT p.type, l.text FROM permit_lines l JOIN permits p ON p.id = l.permit_id "
        "WHERE l.kind = 'ppe'",
    )
    assert rows
    for kind, line in rows:
        assert line in PPE[PermitType(str(kind))], (kind, line)
    electrical = [str(line) for kind, line in rows if kind == "electrical"]
    assert electrical
    assert not [x for x in electrical if "Противогаз" in x or "привязь" in x or "белдік" in x]


def test_an_ohs_day_lists_the_people_of_its_sub_units(db: Database) -> None:
    children: dict[int, list[int]] = {}
    for uid, parent in _rows(db, "SELECT id, parent_id FROM units"):
        if parent is not None:
            children.setdefault(int(str(parent)), []).append(int(str(uid)))

    def below(uid: int) -> set[int]:
        found = {uid}
        for child in children.get(uid, []):
            found |= below(child)
        return found

    days = _rows(db, "SELECT id, unit_id FROM safety_days")
    checked = 0
    for day_id, unit_id in days:
        subs = below(int(str(unit_id))) - {unit_id}
        if not subs:
            continue
        attendees = _rows(
            db,
            "SELECT e.unit_id FROM safety_day_attendance a JOIN employees e "
            f"ON e.id = a.employee_id WHERE a.safety_day_id = {day_id}",
        )
        assert {u for (u,) in attendees} & subs, day_id
        assert len(attendees) > 3
        checked += 1
    assert checked  # some days were held for a unit with sub-units


def test_milk_covers_every_month_of_the_years_asked(db: Database) -> None:
    ((first, last),) = _rows(db, "SELECT min(month), max(month) FROM milk_issues")
    start = TODAY.replace(year=TODAY.year - YEARS, day=1)
    assert str(first) == start.isoformat()
    assert str(last) == TODAY.replace(month=TODAY.month - 1, day=1).isoformat()
    months = _rows(db, "SELECT count(DISTINCT month) FROM milk_issues")
    assert months[0][0] == YEARS * 12


def test_long_serving_people_have_their_ppe_and_only_a_handful_is_overdue(db: Database) -> None:
    with db.session() as s:
        due = [d for d in due_items(s, TODAY) if d.due is not None and d.due < TODAY]
    assert due  # the due list has something to show
    assert len(due) <= N // 10
    assert min(d.due for d in due if d.due) >= TODAY - dt.timedelta(days=120)


def test_ppe_receipts_carry_a_certificate_of_conformity(db: Database) -> None:
    rows = _rows(db, "SELECT certificate FROM ppe_receipts")
    assert rows and all(str(c).startswith("ЕАЭС ") for (c,) in rows)
