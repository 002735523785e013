"""Text search on the big registers (issue 12): safedesk.db.text_search.

On SQLite a text of 3+ characters is looked up in the FTS5 trigram index of migration
0012, kept in sync by triggers; shorter texts and PostgreSQL use LIKE. Either way the
page's search finds a fragment of the free text, case-blind (Kazakh letters included),
or of the person's name or IIN.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import or_, select, text

from safedesk.db.backup import compare_databases, copy_database, restore, table_counts
from safedesk.db.briefings import (
    BriefingFields,
    delete_briefing,
    register_briefings,
    update_briefing,
)
from safedesk.db.check import check_database
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import Briefing, Employee
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.text_search import (
    fts_phrase,
    indexed_tables,
    is_search_index,
    matches,
    person_matches,
)
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.training import BriefingKind

TODAY = dt.date(2026, 11, 28)


def staff(db: Database) -> dict[str, int]:
    with db.write() as s:
        unit = add_unit(s, UnitFields("Кеніш", "Рудник")).id
        fitter = add_position(s, PositionFields("Слесарь", "Слесарь")).id
        ids = {}
        for key, iin, surname in (
            ("instructor", "871008401427", "Әбілова"),
            ("a", "760212350620", "Ахметов"),
            ("b", "061211600012", "Яковлева"),
        ):
            ids[key] = add_employee(
                s,
                EmployeeFields(
                    iin=iin,
                    surname=surname,
                    name="Ерлан",
                    unit_id=unit,
                    position_id=fitter,
                    hire_date=dt.date(2024, 3, 1),
                ),
                TODAY,
            ).id
    return ids


def brief(db: Database, ids: dict[str, int], who: str, topic: str) -> int:
    with db.write() as s:
        rows = register_briefings(
            s,
            BriefingFields(
                BriefingKind.REPEATED, dt.date(2026, 9, 1), ids["instructor"], [ids[who]], topic
            ),
            TODAY,
        )
        return rows[0].id


def found(db: Database, typed: str) -> set[int]:
    """What the briefings page's search finds (its condition, as the page builds it)."""
    condition = or_(
        person_matches(Briefing.employee_id, typed), matches(db, [Briefing.topic], typed)
    )
    with db.session() as s:
        return set(
            s.scalars(
                select(Briefing.id)
                .join(Employee, Briefing.employee_id == Employee.id)  # as the page joins
                .where(Briefing.deleted_at.is_(None), condition)
            )
        )


def fts_in_sync(db: Database) -> None:
    if "briefings" in indexed_tables(db):
        with db.write() as s:  # raises when the index and the rows disagree
            s.execute(text("INSERT INTO briefings_fts(briefings_fts) VALUES ('integrity-check')"))


@pytest.fixture
def journal(db: Database) -> tuple[dict[str, int], int, int]:
    ids = staff(db)
    a = brief(db, ids, "a", "Қазан цехіндегі жұмыс")
    b = brief(db, ids, "b", "Работа на высоте (ИОТ-12)")
    return ids, a, b


def test_a_fragment_of_the_topic_is_found_case_blind(
    db: Database, journal: tuple[dict[str, int], int, int]
) -> None:
    _ids, a, b = journal
    assert found(db, "ҚАЗ") == {a}  # Kazakh letters, upper case typed, lower stored
    assert found(db, "цехін") == {a}
    assert found(db, "ВЫСОТ") == {b}
    assert found(db, "иот-12") == {b}
    assert found(db, "ысо") == {b}
    assert found(db, "нет такого") == set()


def test_a_fragment_of_the_name_or_iin_is_found(
    db: Database, journal: tuple[dict[str, int], int, int]
) -> None:
    _ids, a, b = journal
    assert found(db, "ахмет") == {a}
    assert found(db, "Яковл") == {b}
    assert found(db, "7602123") == {a}


def test_one_or_two_letters_still_find(
    db: Database, journal: tuple[dict[str, int], int, int]
) -> None:
    _ids, a, b = journal
    assert found(db, "Қ") == {a}
    assert found(db, "қа") == {a}
    assert found(db, "ВЫ") == {b}
    assert found(db, "ЫС") == {a, b}  # жұмыс, высоте
    assert found(db, "я") == {b}  # the name Яковлева
    assert b in found(db, "-1")  # ИОТ-12
    assert found(db, "%") == set()  # LIKE's wildcards are escaped


def test_sqlite_looks_a_long_text_up_in_the_trigram_index(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("PostgreSQL searches with LIKE (pg_trgm indexes when allowed)")
    assert "briefings" in indexed_tables(db)
    condition = matches(db, [Briefing.topic], "высот")
    assert "briefings_fts MATCH" in str(condition.compile(db.engine))
    short = matches(db, [Briefing.topic], "вы")
    assert "briefings_fts" not in str(short.compile(db.engine))
    assert fts_phrase('a "b"') == '"a ""b"""'


def test_the_index_follows_insert_update_and_soft_delete(
    db: Database, journal: tuple[dict[str, int], int, int]
) -> None:
    ids, a, _b = journal
    with db.write() as s:
        update_briefing(
            s,
            a,
            None,
            BriefingFields(
                BriefingKind.REPEATED,
                dt.date(2026, 9, 1),
                ids["instructor"],
                [],
                "Электр қауіпсіздігі",
            ),
            TODAY,
        )
    assert found(db, "қазан") == set()
    assert found(db, "ЭЛЕКТР") == {a}
    c = brief(db, ids, "b", "Электрлік құралдар")
    assert found(db, "электр") == {a, c}
    with db.write() as s:
        delete_briefing(s, c, None)
    assert found(db, "электр") == {a}
    fts_in_sync(db)


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_backup_and_restore_keep_the_index(
    db: Database, journal: tuple[dict[str, int], int, int], tmp_path: Path
) -> None:
    ids, a, _b = journal
    path = db.path
    assert path is not None
    backup = copy_database(path, tmp_path / "copy.db")
    assert compare_databases(path, backup) == []
    assert not any(is_search_index(t) for t in table_counts(backup))
    brief(db, ids, "a", "Өрт қауіпсіздігі")
    assert compare_databases(path, backup) == ["audit_log", "briefings"]
    restore(backup, path, tmp_path / "safety")
    assert compare_databases(path, backup) == []
    assert found(db, "өрт") == set()
    assert found(db, "қазан") == {a}
    fts_in_sync(db)
    assert check_database(db).ok
