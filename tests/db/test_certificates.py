"""Certificates of external training: holders, validity, refusals, what expires."""

from __future__ import annotations

import datetime as dt

import pytest

from safedesk.db.certificates import (
    CertificateFields,
    add_certificate,
    due_items,
    kinds,
    usual_valid_to,
    valid_certificates,
)
from safedesk.db.contractors import ContractorFields, WorkerFields, add_contractor, add_worker
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.errors import InvalidInput

TODAY = dt.date(2026, 11, 28)


def people(db: Database) -> tuple[int, int]:
    with db.write() as s:
        employee = add_employee(
            s, EmployeeFields(iin="871008401427", surname="Әбілова", name="Дана"), TODAY
        ).id
        firm = add_contractor(s, ContractorFields("ТОО «Монтаж»", "940140000385")).id
        worker = add_worker(s, WorkerFields(firm, "760212350620", "Ахметов", "Ерлан")).id
    return employee, worker


def test_kinds_are_seeded_with_their_legal_basis(db: Database) -> None:
    with db.session() as s:
        found = {k.code: k for k in kinds(s)}
        assert found["height"].valid_months == 12 and "109" in found["height"].legal_basis
        assert found["electrical"].electrical
        assert found["other"].valid_months is None
        assert usual_valid_to(s, "height", dt.date(2026, 3, 1)) == dt.date(2027, 2, 28)


def test_valid_certificates_of_an_employee_and_of_a_contractors_worker(db: Database) -> None:
    employee, worker = people(db)
    with db.write() as s:
        add_certificate(
            s,
            CertificateFields(
                "electrical",
                dt.date(2026, 2, 1),
                employee,
                number="Э-15",
                valid_to=dt.date(2027, 1, 31),
                electrical_group=4,
            ),
            TODAY,
        )
        add_certificate(
            s,
            CertificateFields(
                "height",
                dt.date(2025, 11, 1),
                contractor_worker_id=worker,
                valid_to=dt.date(2026, 10, 31),
            ),
            TODAY,
        )
        add_certificate(s, CertificateFields("first_aid", dt.date(2024, 5, 1), employee), TODAY)
    with db.session() as s:
        mine = valid_certificates(s, employee, TODAY)
        assert [(c.kind, c.electrical_group) for c in mine] == [
            ("electrical", 4),
            ("first_aid", None),
        ]
        assert valid_certificates(s, None, TODAY, contractor_worker_id=worker) == []
        assert (
            len(valid_certificates(s, None, dt.date(2026, 6, 1), contractor_worker_id=worker)) == 1
        )
        assert [(d.due, d.who) for d in due_items(s, TODAY)] == [
            (dt.date(2026, 10, 31), "Ахметов Ерлан")
        ]
        due = due_items(s, dt.date(2027, 1, 10))
        assert sorted((d.due, d.who) for d in due) == [
            (dt.date(2026, 10, 31), "Ахметов Ерлан"),
            (dt.date(2027, 1, 31), "Әбілова Дана"),
        ]


def test_refusals_name_the_field(db: Database) -> None:
    employee, worker = people(db)
    with db.write() as s, pytest.raises(InvalidInput) as e:
        add_certificate(
            s,
            CertificateFields(
                "electrical",
                dt.date(2026, 12, 1),
                employee,
                contractor_worker_id=worker,
                valid_to=dt.date(2026, 1, 1),
            ),
            TODAY,
        )
    assert e.value.fields() == {"holder", "issued_on", "valid_to", "electrical_group"}
    with db.write() as s, pytest.raises(InvalidInput) as e:
        add_certificate(
            s, CertificateFields("nonsense", TODAY, employee, electrical_group=2), TODAY
        )
    assert e.value.fields() == {"kind", "electrical_group"}


def test_a_renewed_certificate_is_no_longer_due(db: Database) -> None:
    employee, _worker = people(db)
    with db.write() as s:
        for issued in (dt.date(2025, 11, 1), dt.date(2026, 10, 20)):
            add_certificate(
                s,
                CertificateFields(
                    "height", issued, employee, valid_to=usual_valid_to(s, "height", issued)
                ),
                TODAY,
            )
    with db.session() as s:
        assert due_items(s, TODAY) == []
