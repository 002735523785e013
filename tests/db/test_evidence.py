"""Evidence stays evidence (issue 11, point 8).

A signed knowledge-check protocol, a signed accident act and a closed or cancelled
permit refuse every change through every service that writes them, child rows
included; what may still change is recorded in the audit log with the user and the
values before and after.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from safedesk.db.accidents import (
    AccidentFields,
    CauseFields,
    VictimFields,
    correct_accident,
    delete_accident,
    register_accident,
    sign_act,
    update_accident,
)
from safedesk.db.check_commissions import CommissionFields, member_ids, update_commission
from safedesk.db.check_sessions import (
    ResultFields,
    SessionFields,
    add_session,
    delete_session,
    record_test,
    sign_session,
    update_session,
)
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, CheckCommission
from safedesk.domain.training import CheckKind, CheckOutcome
from safedesk.errors import ReadOnlyRecord
from tests.db import incident_helpers
from tests.db.test_accidents import NOW, commission, fields
from tests.db.test_knowledge_checks import TODAY, external_checks, staff
from tests.db.test_knowledge_checks import commission as make_commission

Snapshot = dict[str, list[tuple[Any, ...]]]


def rows(db: Database, queries: dict[str, str], **params: Any) -> Snapshot:
    """Every column of every row each query finds, to compare before and after."""
    with db.session() as s:
        return {
            name: [tuple(r) for r in s.execute(text(sql), params)] for name, sql in queries.items()
        }


def audit_size(db: Database) -> int:
    with db.session() as s:
        return len(s.scalars(select(AuditEntry.id)).all())


def audit_since(db: Database, first_id: int) -> list[AuditEntry]:
    with db.session() as s:
        found = s.scalars(
            select(AuditEntry).where(AuditEntry.id > first_id).order_by(AuditEntry.id)
        ).all()
        s.expunge_all()
        return list(found)


def last_audit_id(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0)


def assert_refused(db: Database, attempt: Callable[[Session], object]) -> None:
    with pytest.raises(ReadOnlyRecord) as caught, db.write() as s:
        attempt(s)
    assert caught.value.message()  # a sentence the user can read, not a traceback


# --- Knowledge-check protocols ---------------------------------------------------------

PROTOCOL = {
    "session": "SELECT * FROM check_sessions WHERE id = :id",
    "results": "SELECT * FROM check_results WHERE session_id = :id ORDER BY id",
}


def protocol_fields(ids: dict[str, int], com: int, on: dt.date, note: str = "") -> SessionFields:
    return SessionFields(
        "3",
        on,
        CheckKind.PERIODIC,
        commission_id=com,
        note=note,
        results=[
            ResultFields(ids["worker"], certificate_no="17"),
            ResultFields(ids["boss"], certificate_no="18"),
        ],
    )


@pytest.fixture
def protocol(db: Database) -> tuple[int, int, dict[str, int], int]:
    """A signed protocol of the commission: (protocol id, version, people, commission)."""
    ids = staff(db)
    external_checks(db, ids, dt.date(2026, 1, 15))
    com = make_commission(db, ids)
    with db.write() as s:
        row = add_session(s, protocol_fields(ids, com, dt.date(2026, 2, 10)), TODAY)
        sign_session(s, row.id, None, dt.date(2026, 2, 11))
        session_id = row.id
    with db.session() as s:
        signed = s.scalar(text("SELECT version FROM check_sessions WHERE id = :id"), {"id": row.id})
    return session_id, int(signed), ids, com


def test_a_signed_protocol_refuses_every_writer(
    db: Database, protocol: tuple[int, int, dict[str, int], int]
) -> None:
    session_id, version, ids, com = protocol
    before, trail = rows(db, PROTOCOL, id=session_id), audit_size(db)
    changed = protocol_fields(ids, com, dt.date(2026, 2, 10), note="исправлено")
    changed.results[0].outcome = CheckOutcome.RECHECK
    attempts: list[Callable[[Session], object]] = [
        lambda s: update_session(s, session_id, version, changed, TODAY),
        lambda s: update_session(s, session_id, None, changed, TODAY),
        lambda s: update_session(  # a row less: the rows of the protocol are evidence too
            s,
            session_id,
            version,
            SessionFields(
                "3",
                dt.date(2026, 2, 10),
                CheckKind.PERIODIC,
                commission_id=com,
                results=[ResultFields(ids["worker"], certificate_no="17")],
            ),
            TODAY,
        ),
        lambda s: sign_session(s, session_id, version, dt.date(2026, 3, 1)),
        lambda s: delete_session(s, session_id, version),
        lambda s: delete_session(s, session_id, None),
        lambda s: record_test(  # an existing row of the protocol
            s, session_id, ids["worker"], passed=False, score=10.0, evidence={"q": [1]}
        ),
        lambda s: record_test(  # a new row
            s, session_id, ids["m1"], passed=True, score=90.0, evidence={"q": [2]}
        ),
    ]
    for attempt in attempts:
        assert_refused(db, attempt)
    assert rows(db, PROTOCOL, id=session_id) == before
    assert audit_size(db) == trail


def test_the_commission_a_signed_protocol_prints_cannot_change(
    db: Database, protocol: tuple[int, int, dict[str, int], int]
) -> None:
    """The printed protocol reads the commission's order and members: they are evidence too.

    Before the fix `update_commission` rewrote them, and a reprint of a signed protocol
    named another order and other members than the paper the commission signed.
    """
    _, _, ids, com = protocol
    queries = {
        "commission": "SELECT * FROM check_commissions WHERE id = :id",
        "members": "SELECT * FROM check_commission_members WHERE commission_id = :id ORDER BY id",
    }
    before, trail = rows(db, queries, id=com), audit_size(db)
    with db.session() as s:
        row = s.get(CheckCommission, com)
        assert row is not None
        current = CommissionFields(
            row.name, row.order_no, row.order_date, row.chair_id, member_ids(s, com)
        )
    other_order = CommissionFields(
        current.name, "9-ЕҚ", current.order_date, current.chair_id, current.member_ids
    )
    fewer = CommissionFields(
        current.name, current.order_no, current.order_date, ids["m1"], [ids["m2"], ids["chair"]]
    )
    for changed in (other_order, fewer):
        assert_refused(
            db, partial(update_commission, commission_id=com, version=None, fields=changed)
        )
    assert rows(db, queries, id=com) == before
    assert audit_size(db) == trail


def test_allowed_protocol_changes_are_audited_with_user_before_and_after(db: Database) -> None:
    ids = staff(db)
    external_checks(db, ids, dt.date(2026, 1, 15))
    com = make_commission(db, ids)
    on = dt.date(2026, 2, 10)
    with db.write() as s:
        session_id = add_session(s, protocol_fields(ids, com, on), TODAY).id
    start = last_audit_id(db)
    changed = SessionFields(
        "3",
        on,
        CheckKind.PERIODIC,
        commission_id=com,
        note="қайта тексеру",
        results=[  # worker changed, boss removed, m1 added
            ResultFields(ids["worker"], certificate_no="17-А"),
            ResultFields(ids["m1"], CheckOutcome.RECHECK),
        ],
    )
    with db.write() as s:
        update_session(s, session_id, None, changed, TODAY)
        record_test(s, session_id, ids["m1"], passed=True, score=95.0, evidence={"q": [3]})
        sign_session(s, session_id, None, on)
    entries = audit_since(db, start)
    assert entries and all(e.user == "tester" for e in entries)
    seen = {(e.table_name, e.action) for e in entries}
    assert seen == {
        ("check_sessions", "update"),
        ("check_results", "update"),
        ("check_results", "delete"),
        ("check_results", "insert"),
    }
    for e in entries:
        before = json.loads(e.before) if e.before else None
        after = json.loads(e.after) if e.after else None
        assert (before is None) == (e.action == "insert")
        assert (after is None) == (e.action == "delete")
    notes = [
        (json.loads(e.before or "{}")["note"], json.loads(e.after or "{}")["note"])
        for e in entries
        if e.table_name == "check_sessions" and "note" in (e.after or "")
    ]
    assert ("", "қайта тексеру") in notes
    certificates = {
        (
            json.loads(e.before or "{}")["certificate_no"],
            json.loads(e.after or "{}")["certificate_no"],
        )
        for e in entries
        if e.table_name == "check_results" and e.action == "update"
    }
    assert ("17", "17-А") in certificates
    signing = [
        e
        for e in entries
        if e.table_name == "check_sessions" and '"signed_on":"2026' in (e.after or "")
    ]
    assert signing and json.loads(signing[-1].before or "{}")["signed_on"] is None
    (removed,) = [e for e in entries if e.action == "delete"]
    assert json.loads(removed.before or "{}")["employee_id"] == ids["boss"]


# --- Accident acts ---------------------------------------------------------------------

ACCIDENT = {
    "accident": "SELECT * FROM accidents WHERE id = :id",
    "victims": "SELECT * FROM accident_victims WHERE accident_id = :id ORDER BY id",
    "commission": "SELECT * FROM accident_commission_members WHERE accident_id = :id ORDER BY id",
    "causes": "SELECT * FROM accident_causes WHERE accident_id = :id ORDER BY id",
}


def act_fields(unit_id: int, people: list[int], **kw: Any) -> AccidentFields:
    values: dict[str, Any] = dict(
        notified_on=dt.date(2026, 5, 22),
        commission_on=dt.date(2026, 5, 23),
        commission=commission(people),
        investigated_on=dt.date(2026, 6, 2),
        act_no="1",
        act_on=dt.date(2026, 6, 3),
        causes=[CauseFields("technical", "Неисправная лестница", "Заменить лестницу")],
    )
    values.update(kw)
    return fields(unit_id, people, **values)


def test_a_signed_act_refuses_every_writer_and_is_corrected_by_a_new_record(
    db: Database,
) -> None:
    unit_id, people = incident_helpers.staff(db)
    with db.write() as s:
        accident_id = register_accident(s, act_fields(unit_id, people), NOW).id
        version = sign_act(s, accident_id, None).version
    before, trail = rows(db, ACCIDENT, id=accident_id), audit_size(db)
    measure_done = act_fields(unit_id, people)
    measure_done.causes[0].done_on = dt.date(2026, 6, 9)
    other_victim = act_fields(
        unit_id, people, victims=[VictimFields(employee_id=people[2], outcome="light")]
    )
    attempts: list[Callable[[Session], object]] = [
        lambda s: update_accident(s, accident_id, version, act_fields(unit_id, people), NOW),
        lambda s: update_accident(s, accident_id, None, measure_done, NOW),
        lambda s: update_accident(s, accident_id, None, other_victim, NOW),
        lambda s: update_accident(
            s, accident_id, None, act_fields(unit_id, people, commission=[]), NOW
        ),
        lambda s: update_accident(
            s, accident_id, None, act_fields(unit_id, people, causes=[]), NOW
        ),
        lambda s: sign_act(s, accident_id, version),
        lambda s: delete_accident(s, accident_id, version),
        lambda s: delete_accident(s, accident_id, None),
    ]
    for attempt in attempts:
        assert_refused(db, attempt)
    assert rows(db, ACCIDENT, id=accident_id) == before
    assert audit_size(db) == trail

    with db.write() as s:  # the allowed way: a new record that points back
        copy = correct_accident(s, accident_id)
        assert copy.corrects_id == accident_id and not copy.signed
    assert rows(db, ACCIDENT, id=accident_id) == before


def test_allowed_accident_changes_are_audited_with_user_before_and_after(db: Database) -> None:
    unit_id, people = incident_helpers.staff(db)
    with db.write() as s:
        accident_id = register_accident(s, act_fields(unit_id, people), NOW).id
    start = last_audit_id(db)
    changed = act_fields(
        unit_id,
        people,
        circumstances="Соскользнул со второй ступени.",
        victims=[VictimFields(employee_id=people[0], outcome="light", days_lost=7)],
    )
    with db.write() as s:
        update_accident(s, accident_id, None, changed, NOW)
        sign_act(s, accident_id, None)
    entries = audit_since(db, start)
    assert entries and all(e.user == "tester" for e in entries)
    tables = {e.table_name for e in entries}
    assert tables == {
        "accidents",
        "accident_victims",
        "accident_commission_members",
        "accident_causes",
    }
    header = [e for e in entries if e.table_name == "accidents"]
    first = json.loads(header[0].before or "{}"), json.loads(header[0].after or "{}")
    assert first[0]["circumstances"] == "Падение с лестницы при обслуживании конвейера."
    assert first[1]["circumstances"] == "Соскользнул со второй ступени."
    assert (first[0]["days_lost"], first[1]["days_lost"]) == (5, 7)
    signing = json.loads(header[-1].before or "{}"), json.loads(header[-1].after or "{}")
    assert (signing[0]["signed"], signing[1]["signed"]) == (False, True)
    victims = [e for e in entries if e.table_name == "accident_victims"]
    assert {e.action for e in victims} == {"delete", "insert"}
    for e in victims:
        kept = json.loads((e.before if e.action == "delete" else e.after) or "{}")
        assert kept["days_lost"] == (5 if e.action == "delete" else 7)


# --- Permits (issue 5) -----------------------------------------------------------------

PERMIT_TABLES = (
    "permit_roles",
    "permit_crew",
    "permit_lines",
    "permit_isolations",
    "permit_gas_tests",
    "permit_shifts",
    "permit_transitions",
    "permit_extensions",
    "permit_overrides",
)
# Functions of safedesk.db.permit* that take a permit's id and only read.
PERMIT_READERS = {"fields_of", "open_shift", "role_holder", "current_crew"}
# Every function that writes a permit, each tried below on a closed and a cancelled one.
PERMIT_WRITERS = {
    "update_permit",
    "delete_draft",
    "discard_draft",
    "copy_permit",  # allowed: a new draft, the original untouched
    "take_step",
    "extend",
    "apply_isolation",
    "remove_isolation",
    "add_gas_test",
    "admit_shift",
    "end_shift",
    "record_briefing",
    "add_crew_member",
    "remove_crew_member",
}


def permit_modules() -> list[Any]:
    import importlib
    import pkgutil

    import safedesk.db

    names = [m.name for m in pkgutil.iter_modules(safedesk.db.__path__)]
    return [importlib.import_module(f"safedesk.db.{n}") for n in names if n.startswith("permit")]


def permit_queries(db: Database) -> dict[str, str]:
    with db.session() as s:
        present = set(inspect(s.connection()).get_table_names())
    queries = {"permit": "SELECT * FROM permits WHERE id = :id"}
    for table in PERMIT_TABLES:
        if table in present:
            queries[table] = f"SELECT * FROM {table} WHERE permit_id = :id ORDER BY id"
    return queries


@pytest.fixture
def permits(db: Database) -> tuple[Any, int, int]:
    """(staff, a closed permit, a cancelled permit), made through the permit services."""
    pytest.importorskip(
        "safedesk.db.permits",
        reason="the permit register (issue 5, safedesk/db/permits.py) is not built yet",
    )
    from safedesk.db.models import PermitIsolation
    from safedesk.db.permit_entries import GasTestFields, add_gas_test, apply_isolation
    from safedesk.db.permit_entries import remove_isolation as remove
    from safedesk.db.permit_steps import take_step
    from safedesk.db.permit_work import record_briefing
    from safedesk.db.permits import create_permit
    from safedesk.domain.permit_gas import Gas
    from safedesk.domain.permits import Action
    from tests.db.permits_setup import END, START, confined_space
    from tests.db.permits_setup import staff as permit_staff

    people = permit_staff(db)
    air = {Gas.O2: "20,9", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}
    issued = START - dt.timedelta(hours=1)
    with db.write() as s:
        closed = create_permit(s, confined_space(people)).id
        take_step(s, closed, None, Action.ISSUE, at=issued, signed_by_id=people.ids["issuer"])
        point = s.scalars(
            select(PermitIsolation.id).where(PermitIsolation.permit_id == closed)
        ).one()
        admitter = people.ids["admitter"]
        apply_isolation(s, closed, point, lock_no="L-07", applied_by_id=admitter, at=START)
        record_briefing(s, closed, admitter, START)
        gas = GasTestFields(START, dict(air), "люк", admitter, "Дрегер X-am 2500 № 17")
        add_gas_test(s, closed, gas, now=START)
        take_step(s, closed, None, Action.ACTIVATE, at=START + dt.timedelta(minutes=5))
        remove(s, closed, point, removed_by_id=admitter, at=END)
        take_step(
            s,
            closed,
            None,
            Action.CLOSE,
            at=END + dt.timedelta(hours=1),
            work_finished=True,
            crew_withdrawn=True,
            reported_to="Диспетчер Омаров Б.",
            signed_by_id=people.ids["supervisor"],
        )
        cancelled = create_permit(s, confined_space(people)).id
        take_step(s, cancelled, None, Action.ISSUE, at=issued, signed_by_id=people.ids["issuer"])
        take_step(s, cancelled, None, Action.CANCEL, at=START, reason="Жұмыс қалдырылды")
    return people, closed, cancelled


def permit_attempts(
    people: Any, permit_id: int, db: Database
) -> dict[str, list[Callable[[Session], object]]]:
    from safedesk.db.models import Permit, PermitCrewMember, PermitIsolation
    from safedesk.db.permit_entries import (
        GasTestFields,
        add_gas_test,
        admit_shift,
        apply_isolation,
        end_shift,
        remove_isolation,
    )
    from safedesk.db.permit_steps import extend, take_step
    from safedesk.db.permit_work import add_crew_member, record_briefing, remove_crew_member
    from safedesk.db.permits import delete_draft, discard_draft, update_permit
    from safedesk.domain.permit_gas import Gas
    from safedesk.domain.permits import Action
    from tests.db.permits_setup import END, START, confined_space

    with db.session() as s:
        permit = s.get(Permit, permit_id)
        assert permit is not None
        version = permit.version
        point = s.scalars(
            select(PermitIsolation.id).where(PermitIsolation.permit_id == permit_id)
        ).first()
        member = s.scalars(
            select(PermitCrewMember.id).where(PermitCrewMember.permit_id == permit_id)
        ).first()
    assert point is not None and member is not None
    ids = people.ids
    later = END + dt.timedelta(hours=2)
    air = {Gas.O2: "20,9", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}
    step: list[Callable[[Session], object]] = [
        partial(
            take_step,
            permit_id=permit_id,
            version=version,
            action=action,
            at=later,
            signed_by_id=ids["issuer"],
            reason="қайта / снова",
            work_finished=True,
            crew_withdrawn=True,
            reported_to="Омаров",
        )
        for action in Action
    ]
    return {
        "update_permit": [
            lambda s: update_permit(s, permit_id, version, confined_space(people, note="x")),
            lambda s: update_permit(s, permit_id, None, confined_space(people, crew=[])),
        ],
        "delete_draft": [lambda s: delete_draft(s, permit_id, version)],
        "discard_draft": [lambda s: discard_draft(s, permit_id, version)],
        "take_step": step,
        "extend": [
            lambda s: extend(s, permit_id, None, later + dt.timedelta(days=1), ids["issuer"], "x")
        ],
        "apply_isolation": [
            lambda s: apply_isolation(
                s, permit_id, point, lock_no="L-99", applied_by_id=ids["admitter"], at=later
            )
        ],
        "remove_isolation": [
            lambda s: remove_isolation(s, permit_id, point, removed_by_id=ids["admitter"], at=later)
        ],
        "add_gas_test": [
            lambda s: add_gas_test(
                s, permit_id, GasTestFields(later, dict(air), "", ids["admitter"], "X"), now=later
            )
        ],
        "admit_shift": [
            lambda s: admit_shift(s, permit_id, at=later, override_reason="шұғыл / срочно")
        ],
        "end_shift": [lambda s: end_shift(s, permit_id, ended_by_id=ids["supervisor"], at=later)],
        "record_briefing": [lambda s: record_briefing(s, permit_id, ids["admitter"], later)],
        "add_crew_member": [
            lambda s: add_crew_member(
                s,
                permit_id,
                people.ref("spare"),
                authorised_by_id=ids["issuer"],
                briefed_by_id=ids["admitter"],
                at=START,
                override_reason="шұғыл / срочно",
            )
        ],
        "remove_crew_member": [
            lambda s: remove_crew_member(
                s, permit_id, member, authorised_by_id=ids["issuer"], at=later
            )
        ],
    }


def test_every_permit_writer_is_tried_here() -> None:
    """A writer added to the permit services later must be added to the test below."""
    pytest.importorskip(
        "safedesk.db.permits",
        reason="the permit register (issue 5, safedesk/db/permits.py) is not built yet",
    )
    import inspect

    found = {
        name
        for module in permit_modules()
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        and not name.startswith("_")
        and "permit_id" in inspect.signature(function).parameters
    }
    assert found - PERMIT_READERS == PERMIT_WRITERS


@pytest.mark.parametrize("which", ["closed", "cancelled"])
def test_closed_and_cancelled_permits_refuse_every_writer(
    db: Database, permits: tuple[Any, int, int], which: str
) -> None:
    from safedesk.db.permits import copy_permit
    from tests.db.permits_setup import END, START

    people, closed, cancelled = permits
    permit_id = closed if which == "closed" else cancelled
    queries = permit_queries(db)
    before, trail = rows(db, queries, id=permit_id), audit_size(db)
    attempts = permit_attempts(people, permit_id, db)
    assert set(attempts) == PERMIT_WRITERS - {"copy_permit"}
    for name, tries in attempts.items():
        for attempt in tries:
            try:
                assert_refused(db, attempt)
            except AssertionError as e:  # name the service that let evidence change
                raise AssertionError(f"{name} on a {which} permit: {e}") from e
    assert rows(db, queries, id=permit_id) == before
    assert audit_size(db) == trail

    day = dt.timedelta(days=1)
    with db.write() as s:  # the allowed way: a new draft from it
        copy = copy_permit(s, permit_id, START + day, END + day)
        assert copy.id != permit_id and copy.copied_from_id == permit_id
    assert rows(db, queries, id=permit_id) == before


def test_allowed_permit_changes_are_audited_with_user_before_and_after(db: Database) -> None:
    pytest.importorskip(
        "safedesk.db.permits",
        reason="the permit register (issue 5, safedesk/db/permits.py) is not built yet",
    )
    from safedesk.db.permits import create_permit, delete_draft, update_permit
    from tests.db.permits_setup import confined_space
    from tests.db.permits_setup import staff as permit_staff

    people = permit_staff(db)
    with db.write() as s:
        permit_id = create_permit(s, confined_space(people)).id
    start = last_audit_id(db)
    with db.write() as s:
        update_permit(
            s, permit_id, None, confined_space(people, note="Өзгерді", crew=[people.ref("crew1")])
        )
    changed = audit_since(db, start)
    assert changed and all(e.user == "tester" for e in changed)
    header = [e for e in changed if e.table_name == "permits" and e.action == "update"]
    assert header
    notes = (
        json.loads(header[0].before or "{}")["note"],
        json.loads(header[0].after or "{}")["note"],
    )
    assert notes == ("", "Өзгерді")
    for e in changed:
        assert (e.before is None) == (e.action == "insert"), (e.table_name, e.action)
        assert (e.after is None) == (e.action == "delete"), (e.table_name, e.action)

    start = last_audit_id(db)
    with db.write() as s:  # a draft may go; what it held stays in the trail
        delete_draft(s, permit_id, None)
    gone = audit_since(db, start)
    assert {e.table_name for e in gone} >= {"permits", "permit_roles", "permit_crew"}
    for e in gone:
        assert e.action == "delete" and e.user == "tester"
        assert e.before is not None, f"the deleted {e.table_name} row is not in the trail"
        assert json.loads(e.before)["id"] == e.row_id
