"""PPE services on a real SQLite file: norms, issuance, stock, returns, due list, milk, tests."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from safedesk.db.due import due_items as all_due_items
from safedesk.db.employees import dismiss_employee
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, MilkNorm, PpeIssue, PpeNormSet
from safedesk.db.ppe_catalogue import (
    PersonalNormFields,
    add_personal_norm,
    entitlement_of,
)
from safedesk.db.ppe_due import due_list, proposals
from safedesk.db.ppe_equipment import EquipmentFields, add_equipment, record_test
from safedesk.db.ppe_issues import (
    IssueFields,
    ReturnFields,
    issue,
    issue_many,
    return_items,
)
from safedesk.db.ppe_milk import MilkFields, record_milk
from safedesk.db.ppe_stock import ReceiptFields, add_receipt, balances, shortages
from safedesk.db.stats import stats
from safedesk.domain.ppe import DueStatus, Wear
from safedesk.domain.ppe_provisions import MilkForm
from safedesk.errors import InvalidInput
from tests.db.ppe_fixtures import TODAY, Shop, build_shop


@pytest.fixture
def shop(db: Database) -> Shop:
    return build_shop(db)


def test_reference_data_carries_legal_basis_and_edition(db: Database) -> None:
    with db.session() as s:
        norm = s.scalars(select(PpeNormSet)).first()
        milk = s.scalars(select(MilkNorm)).one()
    assert norm is not None and "№ 943" in norm.legal_basis
    assert norm.edition_date == dt.date(2015, 12, 8)
    assert milk.ml_per_shift == 500 and "№ 1056" in milk.legal_basis


def test_position_inherits_norm_and_personal_addition_adds(db: Database, shop: Shop) -> None:
    with db.write() as s:
        add_personal_norm(
            s,
            PersonalNormFields(
                shop.miners[0], shop.items["jacket_winter"], 1, Wear.MONTHS, 24, "Surface works"
            ),
        )
    with db.session() as s:
        from safedesk.db.models import Employee

        first = entitlement_of(s, s.get(Employee, shop.miners[0]))  # type: ignore[arg-type]
        second = entitlement_of(s, s.get(Employee, shop.miners[1]))  # type: ignore[arg-type]
        clerk = entitlement_of(s, s.get(Employee, shop.clerk))  # type: ignore[arg-type]
    assert first[shop.items["boots_rubber"]].months == 12
    assert shop.items["jacket_winter"] in first and shop.items["jacket_winter"] not in second
    assert clerk == {}


def test_issue_sets_due_date_and_refusals_name_fields(db: Database, shop: Shop) -> None:
    boots = shop.items["boots_rubber"]
    with db.write() as s:
        row = issue(
            s, IssueFields(shop.miners[0], boots, 1, dt.date(2025, 1, 15), size="43"), TODAY
        )
        assert row.due_date == dt.date(2026, 1, 15) and row.certificate == "ГОСТ 5375-79"
    for fields, field in (
        (IssueFields(shop.miners[0], boots, -1, TODAY, size="43"), "quantity"),
        (IssueFields(shop.miners[0], boots, 1, TODAY, size="52"), "size"),
        (IssueFields(shop.clerk, boots, 1, TODAY, size="43"), "reason"),
        (IssueFields(shop.miners[0], shop.items["helmet"], 1, TODAY, size="58"), "size"),
    ):
        with pytest.raises(InvalidInput) as caught, db.write() as s:
            issue(s, fields, TODAY)
        assert field in caught.value.fields(), caught.value.message()
    with db.write() as s:
        dismiss_employee(s, shop.miners[1], None, dt.date(2025, 5, 31))
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        issue(s, IssueFields(shop.miners[1], boots, 1, TODAY, size="45"), TODAY)
    assert "dismissed on 31.05.2025" in caught.value.message()
    with db.session() as s:
        assert len(s.scalars(select(PpeIssue)).all()) == 1  # nothing lost, nothing half-done


def test_outside_norm_with_reason_is_issued_and_audited(db: Database, shop: Shop) -> None:
    with db.write() as s:
        row = issue(
            s,
            IssueFields(shop.clerk, shop.items["helmet"], 1, TODAY, reason="Visit to the mine"),
            TODAY,
        )
        row_id = row.id
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "ppe_issues")).one()
        assert entry.row_id == row_id and "Visit to the mine" in (entry.after or "")
        assert s.get(PpeIssue, row_id).outside_norm  # type: ignore[union-attr]


def test_stock_may_go_negative_with_a_warning(db: Database, shop: Shop) -> None:
    boots = shop.items["boots_rubber"]
    with db.write() as s:
        add_receipt(s, ReceiptFields(boots, 1, dt.date(2025, 1, 10), size="43", document="Н-12"))
        assert shortages(s, [(boots, "43", 1)]) == []
        short = shortages(s, [(boots, "43", 2), (boots, "45", 1)])
        assert [(x.size, x.balance, x.wanted) for x in short] == [("43", 1, 2), ("45", 0, 1)]
        issue(s, IssueFields(shop.miners[1], boots, 1, TODAY, size="45"), TODAY)
    with db.session() as s:
        stock = balances(s)
    assert stock[(boots, "45")].balance == -1 and stock[(boots, "43")].balance == 1


def test_return_and_write_off_with_wear(db: Database, shop: Shop) -> None:
    gloves = shop.items["gloves_pvc"]
    with db.write() as s:
        row = issue(s, IssueFields(shop.miners[0], gloves, 6, dt.date(2025, 1, 1), "10"), TODAY)
        back = return_items(s, ReturnFields(row.id, 2, dt.date(2025, 4, 1)))
        assert back.wear_percent == 50 and row.closed_on is None
        return_items(s, ReturnFields(row.id, 4, dt.date(2025, 4, 2), kind="write_off"))
        assert row.closed_on == dt.date(2025, 4, 2)
        issue_id = row.id
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        return_items(s, ReturnFields(issue_id, 1, dt.date(2025, 4, 3)))
    assert caught.value.fields() == {"quantity"}
    with db.session() as s:
        assert balances(s)[(gloves, "10")].balance == -6 + 2  # the write-off stays out


def test_due_list_bulk_issue_and_due_items(db: Database, shop: Shop) -> None:
    boots = shop.items["boots_rubber"]
    with db.write() as s:
        issue(s, IssueFields(shop.miners[0], boots, 1, dt.date(2024, 6, 1), size="43"), TODAY)
        issue(s, IssueFields(shop.miners[1], boots, 1, dt.date(2024, 7, 20), size="45"), TODAY)
    with db.session() as s:
        lines = due_list(s, TODAY)
    by = {(x.employee_id, x.item_id): x for x in lines}
    assert by[(shop.miners[0], boots)].status is DueStatus.OVERDUE
    assert by[(shop.miners[1], boots)].status is DueStatus.DUE_SOON
    helmet = by[(shop.miners[0], shop.items["helmet"])]
    assert helmet.status is DueStatus.MISSING and helmet.size == ""
    suit = by[(shop.miners[1], shop.items["suit_miner"])]
    assert suit.size == "56-58" and suit.quantity == 1
    assert not any(x.employee_id == shop.clerk for x in lines)

    with db.session() as s:
        offered = proposals(s, shop.unit, TODAY)
        assert {x.employee_id for x in offered} == set(shop.miners)
    with db.write() as s:
        made = issue_many(s, [x.as_issue(TODAY) for x in offered], TODAY)
    assert len(made) == len(offered)
    with db.session() as s:
        assert due_list(s, TODAY) == []
        old = s.scalars(select(PpeIssue).where(PpeIssue.issue_date < TODAY)).all()
        assert all(x.closed_on == TODAY for x in old)  # replaced by the new boots


def test_bulk_issue_refuses_all_when_one_line_is_wrong(db: Database, shop: Shop) -> None:
    with db.session() as s:
        offered = proposals(s, shop.unit, TODAY)
    lines = [x.as_issue(TODAY) for x in offered]
    lines[0].quantity = 0
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        issue_many(s, lines, TODAY)
    assert caught.value.fields() == {"lines"}
    with db.session() as s:
        assert s.scalars(select(PpeIssue)).all() == []


def test_equipment_tests_and_milk_in_due_and_stats(db: Database, shop: Shop) -> None:
    with db.write() as s:
        gloves = add_equipment(
            s,
            EquipmentFields(shop.items["gloves_dielectric"], "ДП-017", None, dt.date(2024, 12, 1)),
            TODAY,
        )
        assert gloves.test_interval_months == 6 and gloves.next_test_date == dt.date(2025, 6, 1)
        gloves_id = gloves.id
        milk = record_milk(s, MilkFields(shop.miners[0], dt.date(2025, 5, 1), 22))
        assert milk.quantity_ml == 11000 and milk.issue_date == dt.date(2025, 5, 31)
        record_milk(
            s, MilkFields(shop.miners[1], dt.date(2025, 5, 1), 20, MilkForm.COMPENSATION, 9000)
        )
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        record_milk(s, MilkFields(shop.clerk, dt.date(2025, 5, 1), 22))
    assert "no harmful conditions" in caught.value.message()
    with db.session() as s:
        registers = {x.register for x in all_due_items(s, TODAY)}
        data = stats(s, TODAY)
    assert {"ppe_issues", "protective_equipment"} <= registers
    assert data["registers"]["milk_issues"] == 2
    assert data["registers"]["protective_equipment"] == 1
    with db.write() as s:
        record_test(s, gloves_id, dt.date(2025, 6, 20), protocol_no="14", today=TODAY)
    with db.session() as s:
        assert "protective_equipment" not in {x.register for x in all_due_items(s, TODAY)}
