"""The latest certificate of each holder and kind, kept on the row (`Certificate.latest`,
issue 12): right through every write of the services, filled by migration 0017 and by
the demo, always the same set as numbering every certificate (`latest_certificates`)."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from sqlalchemy import inspect, select, text

from safedesk.db.certificates import (
    CertificateFields,
    add_certificate,
    delete_certificate,
    latest_certificates,
    update_certificate,
)
from safedesk.db.contractors import ContractorFields, WorkerFields, add_contractor, add_worker
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database, open_database
from safedesk.db.migrate import MIGRATIONS_DIR, prepare
from safedesk.db.models import Certificate
from safedesk.db.schema import HEAD, SchemaState, schema_state
from safedesk.demo import build_demo
from safedesk.demo.people import iin_for
from safedesk.domain.ids import Sex

TODAY = dt.date(2026, 11, 28)
ON = dt.date(2025, 3, 1)


Holder = tuple[int | None, int | None]  # CertificateFields' employee_id, contractor_worker_id


def holders(db: Database, employees: int = 2, workers: int = 2) -> list[Holder]:
    """Employees and contractors' workers, each as the holder part of CertificateFields."""
    serials = iter(range(1, 9999))

    def iin() -> str:
        while True:
            found = iin_for(dt.date(1985, 4, 12), Sex.MALE, next(serials))
            if found is not None:
                return found

    found: list[Holder] = []
    with db.write() as s:
        for n in range(employees):
            fields = EmployeeFields(iin=iin(), surname=f"Сотрудник{n}", name="Ерлан")
            found.append((add_employee(s, fields, TODAY).id, None))
        firm = add_contractor(s, ContractorFields("ТОО «Монтаж»", "940140000385")).id
        for n in range(workers):
            worker = add_worker(s, WorkerFields(firm, iin(), f"Монтажник{n}", "Арман")).id
            found.append((None, worker))
    return found


def fields(holder: Holder, kind: str, issued_on: dt.date) -> CertificateFields:
    group = 3 if kind == "electrical" else None  # an electrical certificate needs one
    return CertificateFields(
        kind, issued_on, *holder, number=f"№{issued_on:%y%m%d}", electrical_group=group
    )


def add(db: Database, holder: Holder, kind: str, issued_on: dt.date) -> int:
    with db.write() as s:
        return add_certificate(s, fields(holder, kind, issued_on), TODAY).id


def edit(db: Database, row_id: int, holder: Holder, kind: str, on: dt.date) -> None:
    with db.write() as s:
        update_certificate(s, row_id, None, fields(holder, kind, on), TODAY)


def delete(db: Database, row_id: int) -> None:
    with db.write() as s:
        delete_certificate(s, row_id, None)


def flagged(db: Database) -> set[int]:
    """The certificates flagged as the latest, checked against numbering them all."""
    with db.session() as s:
        found = set(s.scalars(select(Certificate.id).where(Certificate.latest)))
        reference = set(s.scalars(latest_certificates()))  # type: ignore[call-overload]
    assert found == reference
    return found


def test_latest_follows_add_renew_edit_and_delete(db: Database) -> None:
    ann, bob, w1, _w2 = holders(db)
    first = add(db, ann, "electrical", dt.date(2023, 3, 1))
    assert flagged(db) == {first}
    renewal = add(db, ann, "electrical", dt.date(2024, 3, 1))
    assert flagged(db) == {renewal}  # the renewed one is history
    older = add(db, ann, "electrical", dt.date(2022, 3, 1))  # typed late, issued earlier
    height = add(db, ann, "height", dt.date(2022, 1, 1))  # another kind: its own latest
    theirs = add(db, w1, "electrical", dt.date(2021, 1, 1))  # another holder
    assert flagged(db) == {renewal, height, theirs}
    # The issue date edited back: the previous one is the latest again; and forth.
    edit(db, renewal, ann, "electrical", dt.date(2020, 3, 1))
    assert flagged(db) == {first, height, theirs}
    edit(db, older, ann, "electrical", dt.date(2025, 1, 10))
    assert flagged(db) == {older, height, theirs}
    # The kind changed: it leaves one group (whose previous becomes the latest) for another.
    edit(db, older, ann, "height", dt.date(2025, 1, 10))
    assert flagged(db) == {first, older, theirs}
    # The holder changed: the same, across holders and from an employee to a worker.
    edit(db, first, bob, "electrical", dt.date(2023, 3, 1))
    assert flagged(db) == {renewal, first, older, theirs}
    edit(db, older, w1, "electrical", dt.date(2025, 1, 10))
    assert flagged(db) == {renewal, first, height, older}
    # Edits that change no group's order leave the flags as they were.
    edit(db, renewal, ann, "electrical", dt.date(2020, 4, 1))
    assert flagged(db) == {renewal, first, height, older}
    # The latest deleted: the one it renewed is the latest again; the last one: none.
    delete(db, older)
    assert flagged(db) == {renewal, first, height, theirs}
    delete(db, theirs)
    assert flagged(db) == {renewal, first, height}
    with db.session() as s:
        gone = s.get(Certificate, theirs)
        assert gone is not None and gone.deleted_at is not None and not gone.latest


def test_a_tie_on_the_issue_date_goes_to_the_one_typed_later(db: Database) -> None:
    ann, _bob, w1, _w2 = holders(db)
    for holder in (ann, w1):
        a = add(db, holder, "first_aid", ON)
        b = add(db, holder, "first_aid", ON)
        assert b in flagged(db) and a not in flagged(db)
        # Edited without a change of date, the earlier typed still does not win the tie.
        edit(db, a, holder, "first_aid", ON)
        assert b in flagged(db) and a not in flagged(db)
        # Moved later and back onto the tie: the higher id wins again.
        edit(db, a, holder, "first_aid", ON + dt.timedelta(days=1))
        assert a in flagged(db) and b not in flagged(db)
        edit(db, a, holder, "first_aid", ON)
        assert b in flagged(db) and a not in flagged(db)
        c = add(db, holder, "first_aid", ON - dt.timedelta(days=1))
        edit(db, c, holder, "first_aid", ON)  # onto the tie from below: the highest id
        assert c in flagged(db) and b not in flagged(db)
        delete(db, c)
        assert b in flagged(db)
        delete(db, b)
        assert a in flagged(db)


def test_each_flag_changed_is_an_audited_update_of_its_row(db: Database) -> None:
    ann, *_others = holders(db)
    first = add(db, ann, "height", ON)
    renewal = add(db, ann, "height", ON + dt.timedelta(days=300))

    def entries(row_id: int) -> list[tuple[str, bool | None, bool | None]]:
        with db.session() as s:
            rows = s.execute(
                text(
                    "SELECT action, before, after FROM audit_log "
                    "WHERE table_name = 'certificates' AND row_id = :id ORDER BY id"
                ),
                {"id": row_id},
            ).all()

        def flag(snapshot: str | None) -> bool | None:
            return None if snapshot is None else json.loads(snapshot)["latest"]

        return [(r.action, flag(r.before), flag(r.after)) for r in rows]

    # The new certificate's insert carries its flag: one entry, not an insert and an update.
    assert entries(renewal) == [("insert", None, True)]
    assert entries(first) == [("insert", None, True), ("update", True, False)]
    delete(db, renewal)
    assert entries(renewal)[-1] == ("update", True, False)
    assert entries(first)[-1] == ("update", False, True)
    # An edit of the loser of a tie that keeps it the loser: one entry, its flag unchanged.
    tie = add(db, ann, "height", ON)
    was = len(entries(first))
    with db.write() as s:
        retyped = fields(ann, "height", ON)
        retyped.number = "Б-77"
        update_certificate(s, first, None, retyped, TODAY)
    assert entries(first)[was:] == [("update", False, False)]
    assert entries(tie) == [("insert", None, True)]


def test_the_flags_equal_the_numbering_through_many_changes(db: Database) -> None:
    """Renewals of employees and contractors' workers, with edits and deletions drawn at
    random (seeded): after each write the flags are `latest_certificates()`."""
    rng = random.Random(12)
    people = holders(db, employees=3, workers=3)
    kinds = ("height", "electrical", "first_aid")
    alive: dict[int, tuple[Holder, str, dt.date]] = {}
    for _step in range(90):
        action = rng.random()
        # Few days to choose from: ties on the issue date are common.
        day = ON + dt.timedelta(days=30 * rng.randint(0, 8))
        if action < 0.5 or not alive:
            holder, kind = rng.choice(people), rng.choice(kinds)
            alive[add(db, holder, kind, day)] = (holder, kind, day)
        elif action < 0.85:
            row_id = rng.choice(sorted(alive))
            holder, kind, _was = alive[row_id]
            change = rng.randrange(3)
            if change == 0:
                holder = rng.choice(people)
            elif change == 1:
                kind = rng.choice(kinds)
            edit(db, row_id, holder, kind, day)
            alive[row_id] = (holder, kind, day)
        else:
            row_id = rng.choice(sorted(alive))
            delete(db, row_id)
            del alive[row_id]
        flagged(db)
    groups = {(h, k) for h, k, _d in alive.values()}
    assert len(flagged(db)) == len(groups) > 5


def _to_revision(db: Database, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_migration_fills_the_flags_from_the_data(db_path: Path | str) -> None:
    db = open_database(db_path, user="tester")
    ann, bob, w1, w2 = holders(db)
    ids = [
        add(db, ann, "height", ON),
        add(db, ann, "height", ON + dt.timedelta(days=365)),
        add(db, ann, "electrical", ON),
        add(db, ann, "electrical", ON),  # a tie: the higher id
        add(db, bob, "height", ON),
        add(db, w1, "height", ON - dt.timedelta(days=365)),
        add(db, w1, "height", ON),
        add(db, w2, "first_aid", ON),
    ]
    delete(db, ids[1])  # the renewal deleted: the first is the latest again
    _to_revision(db, "0016")  # the release before: no flags, no indexes
    with db.engine.begin() as conn:
        assert "latest" not in {c["name"] for c in inspect(conn).get_columns("certificates")}
        names = {i["name"] for i in inspect(conn).get_indexes("certificates")}
        assert not any("latest" in str(n) for n in names)
        # Written by the release before, where there was nothing to keep: a renewal of
        # bob's, and w2's only certificate deleted.
        conn.execute(
            text(
                "INSERT INTO certificates (employee_id, kind, number, issued_by, issued_on, "
                "note, created_at, updated_at, created_by, version) VALUES (:e, 'height', "
                "'', '', :on, '', :at, :at, 'old', 1)"
            ),
            {"e": bob[0], "on": ON + dt.timedelta(days=10), "at": dt.datetime.now()},
        )
        conn.execute(
            text("UPDATE certificates SET deleted_at = :at WHERE id = :id"),
            {"at": dt.datetime.now(), "id": ids[7]},
        )
    prepare(db)
    assert schema_state(db.engine) == (SchemaState.CURRENT, HEAD)
    found = flagged(db)
    assert ids[0] in found and ids[3] in found and ids[6] in found
    assert not {ids[1], ids[2], ids[4], ids[5], ids[7]} & found
    assert len(found) == 4  # ann's two kinds, bob's renewal written before, w1's
    with db.engine.connect() as conn:
        names = {i["name"] for i in inspect(conn).get_indexes("certificates")}
    assert "ix_certificates_latest_valid_to" in names
    db.dispose()


def test_the_demo_flags_the_certificates_it_writes(db: Database) -> None:
    build_demo(db, employees=120, years=3, seed=4, today=TODAY)
    found = flagged(db)
    with db.session() as s:
        workers = s.scalar(
            select(Certificate.id).where(
                Certificate.latest, Certificate.contractor_worker_id.is_not(None)
            )
        )
        renewed = s.scalar(select(Certificate.id).where(Certificate.latest.is_(False)))
    assert found and workers is not None and renewed is not None
