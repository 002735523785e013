"""Commissions, protocols, validity by category, signing as evidence, indicator 44."""

from __future__ import annotations

import datetime as dt

import pytest

from safedesk.db.check_commissions import CommissionFields, add_commission
from safedesk.db.check_sessions import (
    ResultFields,
    SessionFields,
    add_session,
    record_test,
    sign_session,
    update_session,
)
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.knowledge_checks import due_items, responsible_check_share, valid_check
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.responsible import AppointmentFields, appoint
from safedesk.db.training_norms import list_norms, update_norm
from safedesk.domain.responsibility import Duty
from safedesk.domain.training import CheckKind, CheckOutcome
from safedesk.errors import InvalidInput, ReadOnlyRecord

TODAY = dt.date(2026, 11, 28)
IINS = ("871008401427", "760212350620", "061211600012", "940101300014", "850315400025")


def staff(db: Database) -> dict[str, int]:
    with db.write() as s:
        boss = add_position(s, PositionFields("Бастық", "Начальник", category="manager")).id
        fitter = add_position(s, PositionFields("Слесарь", "Слесарь", category="worker")).id
        ids: dict[str, int] = {}
        for key, iin, position in zip(
            ("chair", "m1", "m2", "worker", "boss"),
            IINS,
            (boss, boss, boss, fitter, boss),
            strict=True,
        ):
            ids[key] = add_employee(
                s,
                EmployeeFields(
                    iin=iin,
                    surname=key.title(),
                    name="Ерлан",
                    position_id=position,
                    hire_date=dt.date(2020, 1, 1),
                ),
                TODAY,
            ).id
    return ids


def external_checks(db: Database, ids: dict[str, int], on: dt.date) -> int:
    with db.write() as s:
        row = add_session(
            s,
            SessionFields(
                "УЦ-7",
                on,
                CheckKind.PERIODIC,
                external_body="Оқу орталығы",
                results=[
                    ResultFields(ids[k], certificate_no=f"У-{k}") for k in ("chair", "m1", "m2")
                ],
            ),
            TODAY,
        )
        sign_session(s, row.id, None, on)
        return row.id


def commission(db: Database, ids: dict[str, int]) -> int:
    with db.write() as s:
        return add_commission(
            s,
            CommissionFields(
                "ЕҚ комиссиясы", "5-ЕҚ", dt.date(2026, 1, 20), ids["chair"], [ids["m1"], ids["m2"]]
            ),
        ).id


def test_members_without_a_valid_check_are_refused_by_name(db: Database) -> None:
    ids = staff(db)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_commission(
            s,
            CommissionFields("ЕҚ", "5", dt.date(2026, 1, 20), ids["chair"], [ids["m1"], ids["m2"]]),
        )
    assert caught.value.fields() == {"chair_id", "members"}
    assert "M1 Ерлан has no valid knowledge check" in caught.value.message()


def test_protocol_needs_a_commission(db: Database) -> None:
    ids = staff(db)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_session(
            s,
            SessionFields("1", TODAY, CheckKind.INITIAL, results=[ResultFields(ids["worker"])]),
            TODAY,
        )
    assert caught.value.fields() == {"commission_id"}


def test_validity_by_category_and_signed_protocol_is_evidence(db: Database) -> None:
    ids = staff(db)
    external_checks(db, ids, dt.date(2026, 1, 15))
    com = commission(db, ids)
    on = dt.date(2026, 2, 10)
    with db.write() as s:
        row = add_session(
            s,
            SessionFields(
                "3",
                on,
                CheckKind.PERIODIC,
                commission_id=com,
                results=[
                    ResultFields(ids["worker"], certificate_no="17"),
                    ResultFields(ids["boss"], certificate_no="18"),
                    ResultFields(ids["m1"], CheckOutcome.RECHECK),
                ],
            ),
            TODAY,
        )
        session_id, version = row.id, row.version
    with db.session() as s:
        assert valid_check(s, ids["worker"], TODAY) is None  # not signed yet
    with db.write() as s:
        sign_session(s, session_id, version, on)
    with db.session() as s:
        worker = valid_check(s, ids["worker"], TODAY)
        boss = valid_check(s, ids["boss"], TODAY)
        assert worker is not None and worker.valid_until == dt.date(2027, 2, 9)
        assert boss is not None and boss.valid_until == dt.date(2029, 2, 9)
    with pytest.raises(ReadOnlyRecord), db.write() as s:
        update_session(
            s,
            session_id,
            None,
            SessionFields("3a", on, CheckKind.PERIODIC, commission_id=com),
            TODAY,
        )
    with pytest.raises(ReadOnlyRecord), db.write() as s:
        record_test(s, session_id, ids["worker"], passed=True, score=90.0, evidence={})


def test_due_items_and_indicator_44(db: Database) -> None:
    ids = staff(db)
    with db.write() as s:
        appoint(
            s,
            AppointmentFields(
                ids["chair"], [Duty.OVERALL], "1", dt.date(2025, 1, 1), dt.date(2025, 1, 1)
            ),
        )
        appoint(
            s,
            AppointmentFields(
                ids["worker"], [Duty.PPE], "1", dt.date(2025, 1, 1), dt.date(2025, 1, 1)
            ),
        )
    external_checks(db, ids, dt.date(2025, 12, 10))
    with db.session() as s:
        # The chair is responsible: 36 months; the members are managers: 36 months too.
        assert responsible_check_share(s, TODAY) == (1, 2)
        assert responsible_check_share(s, dt.date(2025, 12, 1)) == (0, 2)
        assert due_items(s, TODAY) == []
    with db.write() as s:
        norm = next(n for n in list_norms(s) if n.code == "check.responsible.months")
        update_norm(
            s,
            norm.id,
            norm.version,
            value=12,
            legal_basis="Бұйрық 12",
            edition=dt.date(2026, 7, 12),
        )
    external_checks(db, ids, dt.date(2025, 12, 11))
    with db.session() as s:
        items = due_items(s, TODAY)
    assert [(i.register, i.due) for i in items] == [("knowledge_checks", dt.date(2026, 12, 10))]


def test_norm_edits_are_checked(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        norm = list_norms(s)[0]
        update_norm(s, norm.id, norm.version, value=0, legal_basis=" ", edition=None)
    assert caught.value.fields() == {"value", "legal_basis"}
