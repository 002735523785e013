"""The knowledge-check register at a million rows (issue 12): what each result keeps of
its protocol, the people walked first, the latest check of each person at work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql, sqlite

from safedesk.db.check_sessions import (
    ResultFields,
    SessionFields,
    add_session,
    delete_session,
    record_test,
    sign_session,
    update_session,
)
from safedesk.db.employees import dismiss_employee
from safedesk.db.engine import Database, open_database
from safedesk.db.knowledge_checks import latest_results, latest_results_at_work, register_rows
from safedesk.db.models import CheckResult, CheckSession
from safedesk.domain.training import CheckKind, CheckOutcome
from tests.db.test_knowledge_checks import TODAY, commission, external_checks, staff


def copies(db: Database) -> dict[int, tuple[str, str, dt.date | None]]:
    """Each result's copies of its protocol, and whether they match the protocol."""
    with db.session() as s:
        rows = s.execute(
            select(
                CheckResult.id,
                CheckResult.protocol_no,
                CheckResult.protocol_kind,
                CheckResult.protocol_signed_on,
                CheckSession.number,
                CheckSession.kind,
                CheckSession.signed_on,
            ).join(CheckSession, CheckResult.session_id == CheckSession.id)
        ).all()
    for row in rows:
        assert tuple(row[1:4]) == tuple(row[4:7]), row
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def test_results_keep_their_protocols_number_kind_and_signing_date(db: Database) -> None:
    ids = staff(db)
    external_checks(db, ids, dt.date(2026, 1, 15))  # added and signed
    assert {v for v in copies(db).values()} == {("УЦ-7", "periodic", dt.date(2026, 1, 15))}
    com = commission(db, ids)
    on = dt.date(2026, 2, 10)
    fields = SessionFields(
        " 3 ",
        on,
        CheckKind.INITIAL,
        commission_id=com,
        results=[ResultFields(ids["worker"]), ResultFields(ids["boss"])],
    )
    with db.write() as s:
        session_id = add_session(s, fields, TODAY).id
    assert sorted(copies(db).values()).count(("3", "initial", None)) == 2
    # The header changed, a person added: every row follows.
    fields.number, fields.kind = "3-БТ", CheckKind.PERIODIC
    fields.results.append(ResultFields(ids["m1"], CheckOutcome.RECHECK))
    with db.write() as s:
        update_session(s, session_id, None, fields, TODAY)
        record_test(s, session_id, ids["m2"], passed=True, score=90.0, evidence={})
    mine = [v for v in copies(db).values() if v[0] == "3-БТ"]
    assert mine == [("3-БТ", "periodic", None)] * 4
    with db.write() as s:
        sign_session(s, session_id, None, dt.date(2026, 2, 12))
    mine = [v for v in copies(db).values() if v[0] == "3-БТ"]
    assert mine == [("3-БТ", "periodic", dt.date(2026, 2, 12))] * 4
    # A draft deleted takes its rows with it; the others keep theirs.
    with db.write() as s:
        draft = add_session(
            s,
            SessionFields(
                "4",
                on,
                CheckKind.PERIODIC,
                commission_id=com,
                results=[ResultFields(ids["worker"])],
            ),
            TODAY,
        ).id
        delete_session(s, draft, None)
    assert len(copies(db)) == 7


def test_signing_is_audited_for_each_row_it_changes(db: Database) -> None:
    ids = staff(db)
    session_id = external_checks(db, ids, dt.date(2026, 1, 15))
    with db.session() as s:
        entries = s.execute(
            text(
                "SELECT row_id FROM audit_log WHERE table_name = 'check_results' "
                "AND action = 'update' AND after LIKE '%\"protocol_signed_on\":\"2026-01-15\"%'"
            )
        ).all()
        rows = s.scalars(select(CheckResult.id).where(CheckResult.session_id == session_id))
        assert sorted(e[0] for e in entries) == sorted(rows)


def test_the_latest_check_of_each_person_at_work(db: Database) -> None:
    """Person by person, the same results as numbering every result (`latest_results`)."""
    ids = staff(db)
    external_checks(db, ids, dt.date(2025, 1, 15))
    external_checks(db, ids, dt.date(2026, 1, 15))
    com = commission(db, ids)
    with db.write() as s:
        for number, day, signed, outcome in (
            ("1", dt.date(2025, 3, 1), True, CheckOutcome.PASSED),
            ("2", dt.date(2026, 3, 1), True, CheckOutcome.RECHECK),  # not passed
            ("3", dt.date(2026, 4, 1), False, CheckOutcome.PASSED),  # not signed
        ):
            row = add_session(
                s,
                SessionFields(
                    number,
                    day,
                    CheckKind.PERIODIC,
                    commission_id=com,
                    results=[ResultFields(ids["worker"], outcome), ResultFields(ids["boss"])],
                ),
                TODAY,
            )
            if signed:
                sign_session(s, row.id, None, day)
        dismiss_employee(s, ids["m2"], None, dt.date(2026, 6, 1))
    with db.session() as s:
        reference = set(s.scalars(latest_results()))  # type: ignore[call-overload]
        people = {
            r.id: r.employee_id for r in s.execute(select(CheckResult.id, CheckResult.employee_id))
        }
        at_work = set(s.scalars(latest_results_at_work()))
    assert len(reference) == 5
    assert at_work == {r for r in reference if people[r] != ids["m2"]}
    with db.session() as s:
        worker = s.get(CheckResult, next(r for r in at_work if people[r] == ids["worker"]))
        assert worker is not None and worker.checked_on == dt.date(2025, 3, 1)


def test_people_walked_first_on_sqlite_a_plain_join_elsewhere() -> None:
    query = register_rows(people_first=True).with_only_columns(
        CheckResult.id, maintain_column_froms=True
    )
    on_sqlite = str(query.compile(dialect=sqlite.dialect()))
    walked = "FROM employees CROSS JOIN check_results ON check_results.employee_id = employees.id"
    assert f"{walked} JOIN check_sessions" in on_sqlite
    on_pg = str(query.compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]
    assert "CROSS" not in on_pg
    assert "FROM employees JOIN check_results ON check_results.employee_id = employees.id" in on_pg
    plain = register_rows().with_only_columns(CheckResult.id, maintain_column_froms=True)
    assert "FROM check_results JOIN check_sessions" in str(plain.compile(dialect=sqlite.dialect()))


def test_migration_fills_the_copies_from_the_protocols(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from safedesk.db.migrate import MIGRATIONS_DIR, prepare

    db = open_database(tmp_path / "m.db")
    prepare(db)
    try:
        ids = staff(db)
        external_checks(db, ids, dt.date(2026, 1, 15))
        with db.write() as s:
            add_session(
                s,
                SessionFields(
                    "9",
                    dt.date(2026, 2, 1),
                    CheckKind.INITIAL,
                    external_body="Орталық",
                    results=[ResultFields(ids["worker"])],
                ),
                TODAY,
            )
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0012")
            columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(check_results)")}
            assert "protocol_no" not in columns
            command.upgrade(config, "head")
        found = copies(db)
        assert sorted(found.values()) == [
            ("9", "initial", None),
            *[("УЦ-7", "periodic", dt.date(2026, 1, 15))] * 3,
        ]
        with db.session() as s:
            names = {
                r[0]
                for r in s.execute(
                    text("SELECT name FROM sqlite_master WHERE tbl_name = 'check_results'")
                )
            }
        assert {"ix_check_results_protocol_no", "ix_check_results_protocol_kind",
                "ix_check_results_protocol_signed_on"} <= names  # fmt: skip
    finally:
        db.dispose()
