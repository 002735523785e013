"""`due_counts` (aggregate SQL) and the limited `due_items` agree with the rule in Python.

Hand-made data on real databases, with the cases that break naive SQL: no briefing at
all, dismissed (yesterday, today) and deleted people, deleted rows hiding older ones,
two rows on the same day, personal PPE additions, norm lines changed, items returned,
and deadlines exactly today, at the end of the week and at the 30-day boundary.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
from types import ModuleType

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.due import PROVIDERS, due_counts, due_items
from safedesk.db.engine import Database
from safedesk.db.models import (
    Briefing,
    Certificate,
    CheckResult,
    CheckSession,
    Contractor,
    ContractorBriefing,
    ContractorCheck,
    ContractorWorker,
    Employee,
    NearMiss,
    PpeIssue,
    PpeNormLine,
    PpePersonalNorm,
    PpeReturn,
    ProtectiveEquipment,
    Unit,
)
from safedesk.db.ppe_catalogue import position_lines
from safedesk.db.types import utcnow
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.due import DueCounts, DueItem, most_urgent, summarise
from safedesk.domain.ppe import Wear
from tests.db import due_reference
from tests.db.ppe_fixtures import HIRED, build_shop

TODAY = dt.date(2026, 11, 28)
_iins = itertools.count(100_000_000_001)


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def person(s: Session, surname: str, **fields: object) -> int:
    values: dict[str, object] = {
        "iin": str(next(_iins)),
        "surname": surname,
        "name": "Ерлан",
        "sex": "M",
        "birth_date": dt.date(1980, 1, 1),
        "hire_date": dt.date(2020, 1, 1),
        "dismissal_date": None,
        "unit_id": None,
        "position_id": None,
    }
    values.update(fields)
    row = Employee(**values)
    s.add(row)
    s.flush()
    return row.id


def agree(session: Session, module: ModuleType, today: dt.date = TODAY) -> list[DueItem]:
    """The module's counts are the Python summary of its items; the limited list is the
    most urgent of the full one. Returns the full list."""
    items = module.due_items(session, today)
    counts = module.due_counts(session, today)
    summary = summarise(items, today)
    assert counts.as_json() == summary.as_json()
    assert counts.due_7_days == summary.due_7_days
    for limit in (1, 2, 3, None):
        counted = DueCounts()  # counted by the same queries as the list
        limited = module.due_items(session, today, limit=limit, counts=counted)
        assert counted.as_json() == summary.as_json()
        assert counted.due_7_days == summary.due_7_days

        def keys(found: list[DueItem]) -> list[tuple[object, ...]]:
            return [(i.due, i.register, i.record_id, i.what) for i in found]

        assert keys(most_urgent(limited, today, limit)) == keys(most_urgent(items, today, limit))
    return items


def same_as_reference(session: Session, path: str, items: list[DueItem]) -> None:
    want = due_reference.REFERENCES[path](session, TODAY)
    assert sorted((i.record_id, i.due) for i in items) == sorted(
        (i.record_id, i.due) for i in want
    )


def briefing(s: Session, who: int, held: dt.date, due: dt.date | None, **kw: object) -> int:
    row = Briefing(
        employee_id=who,
        kind=str(kw.pop("kind", "repeated")),
        held_on=held,
        instructor_id=who,
        next_due=due,
        **kw,
    )
    s.add(row)
    s.flush()
    return row.id


def test_briefings_counted_by_sql_as_by_the_rule(db: Database) -> None:
    with db.write() as s:
        overdue = person(s, "Overdue")
        briefing(s, overdue, day(-400), day(-220))
        briefing(s, overdue, day(-200), day(-20))  # the latest: overdue
        person(s, "Never briefed")  # no briefing at all: nothing to say here
        for offset in (0, 7, 8, 30, 31):  # today, the week's end, the 30-day boundary
            briefing(s, person(s, f"Due{offset}"), day(offset - 180), day(offset))
        gone = person(s, "Dismissed yesterday", dismissal_date=day(-1))
        briefing(s, gone, day(-200), day(-20))
        staying = person(s, "Dismissed today", dismissal_date=TODAY)  # still at work today
        briefing(s, staying, day(-200), day(-20))
        deleted = person(s, "Deleted", deleted_at=utcnow())
        briefing(s, deleted, day(-200), day(-20))
        hidden = person(s, "Newer deleted")
        briefing(s, hidden, day(-200), day(-10))
        briefing(s, hidden, day(-5), day(175), deleted_at=utcnow())  # the older one counts
        renewed = person(s, "Renewed")
        briefing(s, renewed, day(-200), day(-20))
        briefing(s, renewed, day(-5), day(175))
        targeted = person(s, "Targeted last")  # not a clock briefing: the repeated counts
        briefing(s, targeted, day(-200), day(3))
        briefing(s, targeted, day(-1), None, kind="targeted")
        twice = person(s, "Two on one day")  # the later row of the day wins
        briefing(s, twice, day(-100), day(-1))
        briefing(s, twice, day(-100), day(80))
        no_date = person(s, "Primary without a date")
        briefing(s, no_date, day(-10), None, kind="primary")
    module = importlib.import_module("safedesk.db.briefings")
    with db.session() as s:
        items = agree(s, module)
        same_as_reference(s, "safedesk.db.briefings", items)
        who = {i.who.split()[0]: i.due for i in items}
        counts = module.due_counts(s, TODAY)
    assert who == {
        "Overdue": day(-20),
        "Due0": day(0),
        "Due7": day(7),
        "Due8": day(8),
        "Due30": day(30),
        "Dismissed": day(-20),
        "Newer": day(-10),
        "Targeted": day(3),
    }
    assert (counts.overdue, counts.due_30_days, counts.due_7_days) == (3, 5, 3)


def test_knowledge_checks_counted_by_sql_as_by_the_rule(db: Database) -> None:
    with db.write() as s:
        signed = CheckSession(number="1", held_on=day(-400), kind="periodic", signed_on=day(-400))
        unsigned = CheckSession(number="2", held_on=day(-10), kind="periodic")
        dropped = CheckSession(
            number="3", held_on=day(-5), kind="periodic", signed_on=day(-5), deleted_at=utcnow()
        )
        s.add_all([signed, unsigned, dropped])
        s.flush()

        def result(who: int, protocol: CheckSession, on: dt.date, until: dt.date | None,
                   outcome: str = "passed") -> None:  # fmt: skip
            s.add(CheckResult(session_id=protocol.id, employee_id=who, checked_on=on,
                              outcome=outcome, valid_until=until))  # fmt: skip

        for offset in (-3, 0, 7, 30, 31):
            result(person(s, f"Check{offset}"), signed, day(-400), day(offset))
        later = person(s, "Later unsigned")  # an unsigned protocol does not renew
        result(later, signed, day(-400), day(-2))
        result(later, unsigned, day(-10), day(355))
        deleted = person(s, "Later deleted")  # nor does a deleted one
        result(deleted, signed, day(-400), day(-1))
        result(deleted, dropped, day(-5), day(360))
        failed = person(s, "Failed later")  # nor a failed check
        result(failed, signed, day(-400), day(4))
        result(failed, signed, day(-300), None, outcome="recheck")
        gone = person(s, "Gone", dismissal_date=day(-1))
        result(gone, signed, day(-400), day(-1))
        person(s, "Never checked")
    module = importlib.import_module("safedesk.db.knowledge_checks")
    with db.session() as s:
        items = agree(s, module)
        same_as_reference(s, "safedesk.db.knowledge_checks", items)
    assert sorted(i.who.split()[0] for i in items) == [
        "Check-3", "Check0", "Check30", "Check7", "Failed", "Later", "Later",
    ]  # fmt: skip


def test_certificates_counted_by_sql_as_by_the_rule(db: Database) -> None:
    with db.write() as s:
        firm = Contractor(name="Подрядчик", bin="940140000385")
        s.add(firm)
        s.flush()
        worker = ContractorWorker(contractor_id=firm.id, iin="871008401427", surname="Worker",
                                  name="A")  # fmt: skip
        left = ContractorWorker(contractor_id=firm.id, iin="760212350620", surname="Left",
                                name="B", left_on=day(-1))  # fmt: skip
        s.add_all([worker, left])
        s.flush()

        def cert(kind: str, issued: dt.date, until: dt.date | None, **holder: object) -> None:
            s.add(Certificate(kind=kind, issued_on=issued, valid_to=until, **holder))

        a = person(s, "Holder")
        cert("electrical", day(-400), day(-35), employee_id=a)  # renewed below
        cert("electrical", day(-40), day(325), employee_id=a)
        cert("height", day(-400), day(30), employee_id=a)  # another kind: due
        b = person(s, "Renewal deleted")
        cert("electrical", day(-400), day(-35), employee_id=b)
        cert("electrical", day(-40), day(325), employee_id=b, deleted_at=utcnow())
        c = person(s, "No expiry")
        cert("electrical", day(-400), day(-35), employee_id=c)
        cert("electrical", day(-40), None, employee_id=c)
        cert("electrical", day(-300), day(0), contractor_worker_id=worker.id)
        cert("electrical", day(-300), day(0), contractor_worker_id=left.id)
        d = person(s, "Dismissed", dismissal_date=day(-1))
        cert("height", day(-400), day(5), employee_id=d)
    module = importlib.import_module("safedesk.db.certificates")
    with db.session() as s:
        items = agree(s, module)
        same_as_reference(s, "safedesk.db.certificates", items)
    assert sorted((i.who.split()[0], i.due) for i in items) == [
        ("Holder", day(30)),
        ("Renewal", day(-35)),
        ("Worker", day(0)),
    ]


def test_contractor_training_counted_by_sql(db: Database) -> None:
    with db.write() as s:
        firm = Contractor(name="Подрядчик", bin="940140000385")
        s.add(firm)
        s.flush()
        workers = []
        for n, (iin, left_on) in enumerate(
            (("871008401427", None), ("760212350620", None), ("061211600012", day(-1)))
        ):
            w = ContractorWorker(contractor_id=firm.id, iin=iin, surname=f"W{n}", name="A",
                                 left_on=left_on)  # fmt: skip
            s.add(w)
            workers.append(w)
        s.flush()
        instructor = person(s, "Instructor")
        for w in workers:
            s.add(ContractorCheck(worker_id=w.id, checked_on=day(-400), outcome="passed",
                                  valid_until=day(-5)))  # fmt: skip
            s.add(ContractorBriefing(worker_id=w.id, kind="primary", held_on=day(-100),
                                     instructor_id=instructor, next_due=day(7)))  # fmt: skip
        # The first worker renewed the check; the renewal of the second was deleted.
        s.add(ContractorCheck(worker_id=workers[0].id, checked_on=day(-3), outcome="passed",
                              valid_until=day(362)))  # fmt: skip
        s.add(ContractorCheck(worker_id=workers[1].id, checked_on=day(-3), outcome="passed",
                              valid_until=day(362), deleted_at=utcnow()))  # fmt: skip
    module = importlib.import_module("safedesk.db.contractor_training")
    with db.session() as s:
        items = agree(s, module)
    assert sorted((i.who.split()[0], i.due) for i in items) == [
        ("W0", day(7)),
        ("W1", day(-5)),
        ("W1", day(7)),
    ]


def test_actions_and_equipment_counted_by_sql(db: Database) -> None:
    with db.write() as s:
        owner = person(s, "Owner")
        unit = Unit(name_kk="Кеніш", name_ru="Рудник")
        s.add(unit)
        s.flush()
        moment = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)
        for n, (due, status, deleted) in enumerate(
            (
                (day(-1), "open", None),
                (day(0), "in_progress", None),
                (day(30), "open", None),
                (day(31), "open", None),
                (day(-9), "closed", None),
                (day(-9), "open", utcnow()),
                (None, "open", None),
            )
        ):
            s.add(NearMiss(occurred_at=moment, unit_id=unit.id, category="fall", severity="low",
                           description=f"НМ-{n}", action_due=due, status=status,
                           action_owner_id=owner, deleted_at=deleted))  # fmt: skip
        from safedesk.db.models import PpeItem

        item = s.scalars(select(PpeItem)).first()
        if item is None:
            item = PpeItem(code="D1", kind="dielectric", name_kk="Қолғап", name_ru="Перчатки")
            s.add(item)
            s.flush()
        for n, due in enumerate((day(-3), day(8), day(30), day(31), None)):
            s.add(ProtectiveEquipment(item_id=item.id, inventory_no=f"И-{n}",
                                      next_test_date=due))  # fmt: skip
    with db.session() as s:
        near = agree(s, importlib.import_module("safedesk.db.near_misses"))
        tests = agree(s, importlib.import_module("safedesk.db.ppe_equipment"))
    assert sorted(i.due for i in near) == [day(-1), day(0), day(30)]
    assert sorted(i.due for i in tests) == [day(-3), day(8), day(30)]


@pytest.mark.parametrize("today", [dt.date(2025, 6, 30), dt.date(2025, 7, 31)])
def test_ppe_counted_by_sql_as_the_due_list(db: Database, today: dt.date) -> None:
    shop = build_shop(db)
    with db.write() as s:
        miner = s.get(Employee, shop.miners[0])
        assert miner is not None and miner.position_id is not None
        lines = position_lines(s)[miner.position_id]
        by_months = [line for line in lines if line.wear is Wear.MONTHS]
        first, second, third = (line.item_id for line in by_months[:3])

        def issue(who: int, item: int, qty: int, due: dt.date | None, **kw: object) -> int:
            row = PpeIssue(employee_id=who, item_id=item, quantity=qty, issue_date=HIRED,
                           wear="months", wear_months=12, due_date=due, **kw)  # fmt: skip
            s.add(row)
            s.flush()
            return row.id

        a, b = shop.miners
        issue(a, first, 5, today - dt.timedelta(days=3))  # overdue replacement
        issue(a, second, 5, today)  # due today
        issue(a, third, 5, today + dt.timedelta(days=30))  # at the boundary
        issue(b, first, 5, today + dt.timedelta(days=31))  # not yet due
        issue(b, second, 5, today + dt.timedelta(days=400), deleted_at=utcnow())  # deleted
        issue(b, third, 5, today + dt.timedelta(days=400), closed_on=today)  # closed
        back = issue(b, by_months[3].item_id, 5, today + dt.timedelta(days=400))
        s.add(PpeReturn(issue_id=back, kind="return", return_date=today, quantity=5))  # all back
        part = issue(a, by_months[3].item_id, 5, today + dt.timedelta(days=400))
        s.add(PpeReturn(issue_id=part, kind="return", return_date=today, quantity=2))
        s.add(PpeReturn(issue_id=part, kind="return", return_date=today, quantity=3,
                        deleted_at=utcnow()))  # fmt: skip
        # Personal additions: the clerk has no norm; a larger quantity for a miner; an
        # item on duty is never owed to a person.
        s.add(PpePersonalNorm(employee_id=shop.clerk, item_id=first, quantity=1, wear="months",
                              wear_months=12))  # fmt: skip
        s.add(PpePersonalNorm(employee_id=b, item_id=first, quantity=50, wear="months",
                              wear_months=6))  # fmt: skip
        s.add(PpePersonalNorm(employee_id=shop.clerk, item_id=second, quantity=1,
                              wear="on_duty"))  # fmt: skip
        s.add(PpePersonalNorm(employee_id=shop.clerk, item_id=third, quantity=1,
                              wear="months", deleted_at=utcnow()))  # fmt: skip
        # A norm line changed: worn until worn now, and one line deleted.
        changed = s.scalars(
            select(PpeNormLine).where(PpeNormLine.item_id == by_months[4].item_id)
        ).first()
        assert changed is not None
        changed.wear = "until_worn"
        issue(a, by_months[4].item_id, 5, today - dt.timedelta(days=1))
        gone = s.scalars(
            select(PpeNormLine).where(PpeNormLine.item_id == by_months[5].item_id)
        ).first()
        assert gone is not None
        gone.deleted_at = utcnow()
        person(s, "Hired today", position_id=miner.position_id, hire_date=today)
        tomorrow = today + dt.timedelta(days=1)
        person(s, "Not hired yet", position_id=miner.position_id, hire_date=tomorrow)
        person(s, "Dismissed today", position_id=miner.position_id, dismissal_date=today)
        person(s, "No hire date", position_id=miner.position_id, hire_date=None)
    module = importlib.import_module("safedesk.db.ppe_due")
    with db.session() as s:
        items = agree(s, module, today)
        want = due_reference.ppe(s, today)
        assert sorted((i.record_id, i.due) for i in items) == sorted(
            (i.record_id, i.due) for i in want
        )
        assert {i.what for i in items} >= {
            "PPE replacement",
            "PPE required by the norm, not issued",
        }
        counts = module.due_counts(s, today)
    assert counts.overdue > 0 and counts.due_30_days > 0


def test_every_register_together(db: Database) -> None:
    """`due_counts` over every provider is the summary of `due_items`, and the limited
    list is the most urgent of each group."""
    with db.write() as s:
        for offset in (-2, -1, 0, 3, 7, 8, 20, 30):
            briefing(s, person(s, f"P{offset}"), day(offset - 180), day(offset))
    with db.session() as s:
        items = due_items(s, TODAY)
        counts = due_counts(s, TODAY)
        assert counts.as_json() == summarise(items, TODAY).as_json()
        counted = DueCounts()
        due_items(s, TODAY, limit=1, counts=counted)
        assert counted == counts
        assert [i.record_id for i in due_items(s, TODAY, limit=1)] == [
            items[0].record_id,
            items[2].record_id,
            items[5].record_id,
        ]
        for path in PROVIDERS:  # every register answers both, even when empty
            module = importlib.import_module(path)
            assert module.due_counts(s, TODAY).overdue >= 0
            assert isinstance(module.due_items(s, TODAY, limit=5), list)
    assert (counts.overdue, counts.due_30_days, counts.due_7_days) == (2, 6, 3)


def test_permits_counted_by_sql_around_the_planned_end(db: Database) -> None:
    """Moments stored in UTC are due on their day in Kazakhstan; the gas test falls due an
    interval after the last one."""
    from safedesk.db.models import Permit
    from tests.db.permits_setup import active_permit, staff

    pid = active_permit(db, staff(db))
    module = importlib.import_module("safedesk.db.permit_due")
    with db.session() as s:
        permit = s.get(Permit, pid)
        assert permit is not None
        end = permit.planned_end.astimezone(KAZAKHSTAN).date()
        for offset in (-31, -30, -1, 0, 1):
            items = agree(s, module, end + dt.timedelta(days=offset))
            ends = [i.due for i in items if i.what == "Permit: planned end of the work"]
            assert ends == ([end] if offset >= -30 else [])
        assert any(i.what == "Permit: gas test during the work" for i in items)
