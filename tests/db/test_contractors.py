"""Contractors, their workers, their briefings and checks, and admission to work."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from safedesk.db.contractor_training import (
    ContractorBriefingFields,
    ContractorCheckFields,
    check_in_force,
    due_items,
    record_contractor_check,
    register_contractor_briefings,
)
from safedesk.db.contractors import (
    ContractorFields,
    WorkerFields,
    add_contractor,
    add_worker,
    contractor_worker_admissible,
    update_worker,
    workers_on_site,
)
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, ContractorBriefing
from safedesk.domain.training import BriefingKind, CheckOutcome
from safedesk.errors import InvalidInput

TODAY = dt.date(2026, 11, 28)


def setup(db: Database) -> dict[str, int]:
    with db.write() as s:
        instructor = add_employee(
            s,
            EmployeeFields(iin="871008401427", surname="Әбілова", name="Дана"),
            TODAY,
        ).id
        firm = add_contractor(
            s,
            ContractorFields(
                "ТОО «Шығыс Монтаж»",
                "940140000385",
                contract_no="12/2026",
                contract_from=dt.date(2026, 1, 10),
                contract_to=dt.date(2027, 12, 31),
            ),
        ).id
        worker = add_worker(
            s, WorkerFields(firm, "760212350620", "Ахметов", "Ерлан", position="Монтажник")
        ).id
    return {"instructor": instructor, "firm": firm, "worker": worker}


def test_bad_bin_and_iin_are_refused_with_the_domain_messages(db: Database) -> None:
    with db.write() as s, pytest.raises(InvalidInput) as e:
        add_contractor(s, ContractorFields("", "940140000386"))
    assert e.value.fields() == {"name", "bin"}
    assert "check digit" in e.value.message()
    ids = setup(db)
    with db.write() as s, pytest.raises(InvalidInput) as e:
        add_worker(s, WorkerFields(ids["firm"], "760212350621", "", "Ерлан", electrical_group=7))
    assert e.value.fields() == {"iin", "surname", "electrical_group"}
    with db.write() as s, pytest.raises(InvalidInput) as e:
        add_worker(s, WorkerFields(ids["firm"], "760212350620", "Ахметов", "Ерлан"))
    assert "already on this contractor's list" in e.value.message()


def test_a_worker_is_admitted_only_when_briefed_and_checked(db: Database) -> None:
    ids = setup(db)
    with db.session() as s:
        problems = contractor_worker_admissible(s, ids["worker"], TODAY)
    assert len(problems) == 3  # no introductory, no workplace briefing, no check
    with db.write() as s:
        for kind in (BriefingKind.INTRODUCTORY, BriefingKind.PRIMARY):
            register_contractor_briefings(
                s,
                ContractorBriefingFields(
                    kind, dt.date(2026, 9, 1), ids["instructor"], [ids["worker"]]
                ),
                TODAY,
            )
        record_contractor_check(
            s,
            ContractorCheckFields(ids["worker"], dt.date(2026, 8, 20), checked_by="УЦ «Болашақ»"),
            TODAY,
        )
    with db.session() as s:
        assert contractor_worker_admissible(s, ids["worker"], TODAY) == []
        check = check_in_force(s, ids["worker"], TODAY)
        assert check is not None and check.valid_until == dt.date(2027, 8, 19)
        # The repeated briefing falls due 6 months after the primary one.
        late = contractor_worker_admissible(s, ids["worker"], dt.date(2027, 3, 2))
        assert [p.msgid for p in late] == ["{person}: the repeated briefing was due on {due}."]
        assert (
            s.scalar(select(func.count()).where(AuditEntry.table_name == "contractor_briefings"))
            == 2
        )
        due = due_items(s, dt.date(2027, 2, 15))
        assert [(d.register, d.due) for d in due] == [("contractor_workers", dt.date(2027, 3, 1))]


def test_a_worker_who_left_is_not_admitted_nor_briefed(db: Database) -> None:
    ids = setup(db)
    with db.write() as s:
        update_worker(
            s,
            ids["worker"],
            None,
            WorkerFields(
                ids["firm"], "760212350620", "Ахметов", "Ерлан", left_on=dt.date(2026, 10, 1)
            ),
        )
    with db.session() as s:
        problems = contractor_worker_admissible(s, ids["worker"], TODAY)
        assert "left the site" in problems[0].message()
        assert workers_on_site(s, TODAY) == []
    with db.write() as s, pytest.raises(InvalidInput) as e:
        register_contractor_briefings(
            s,
            ContractorBriefingFields(
                BriefingKind.INTRODUCTORY, TODAY, ids["instructor"], [ids["worker"]]
            ),
            TODAY,
        )
    assert e.value.fields() == {"people"}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ContractorBriefing)) == 0


def test_a_failed_check_gives_no_validity(db: Database) -> None:
    ids = setup(db)
    with db.write() as s:
        row = record_contractor_check(
            s,
            ContractorCheckFields(
                ids["worker"], TODAY, CheckOutcome.RECHECK, checked_by="Комиссия подрядчика"
            ),
            TODAY,
        )
        assert row.valid_until is None
        assert check_in_force(s, ids["worker"], TODAY) is None
