"""A wrong issuance deleted: kept and audited, and what it had replaced is open again."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, PpeIssue
from safedesk.db.ppe_issues import (
    IssueFields,
    ReturnFields,
    delete_wrong_issue,
    issue,
    return_items,
)
from safedesk.errors import InvalidInput
from tests.db.ppe_fixtures import TODAY, Shop, build_shop


@pytest.fixture
def shop(db: Database) -> Shop:
    return build_shop(db)


def test_deleting_a_wrong_issue_reopens_what_it_replaced(db: Database, shop: Shop) -> None:
    boots, miner = shop.items["boots_rubber"], shop.miners[1]
    with db.write() as s:
        old = issue(s, IssueFields(miner, boots, 1, dt.date(2024, 5, 6), "45"), TODAY)
        wrong = issue(s, IssueFields(miner, boots, 1, TODAY, "45"), TODAY)
        assert old.closed_on == TODAY  # replaced by the new pair
        old_id, wrong_id = old.id, wrong.id
    with db.write() as s:
        assert delete_wrong_issue(s, wrong_id, None) == [old_id]
    with db.session() as s:
        reopened, deleted = s.get(PpeIssue, old_id), s.get(PpeIssue, wrong_id)
        assert reopened is not None and reopened.closed_on is None
        assert deleted is not None and deleted.deleted_at is not None  # kept as evidence
        actions = s.scalars(
            select(AuditEntry.action).where(
                AuditEntry.table_name == "ppe_issues", AuditEntry.row_id.in_([old_id, wrong_id])
            )
        ).all()
    assert actions.count("update") >= 3  # closed, deleted, reopened


def test_a_returned_issue_is_not_deleted_nor_reopened(db: Database, shop: Shop) -> None:
    boots, miner = shop.items["boots_rubber"], shop.miners[0]
    with db.write() as s:
        first = issue(s, IssueFields(miner, boots, 1, dt.date(2024, 5, 6), "43"), TODAY)
        return_items(s, ReturnFields(first.id, 1, dt.date(2025, 6, 1), "write_off", 60))
        second = issue(s, IssueFields(miner, boots, 1, TODAY, "43"), TODAY)
        first_id, second_id = first.id, second.id
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        delete_wrong_issue(s, first_id, None)
    assert "were returned" in caught.value.message()
    with db.write() as s:
        assert delete_wrong_issue(s, second_id, None) == []  # the first came back in full
