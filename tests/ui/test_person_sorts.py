"""Registers sorted by the person walk the people's index and read each one's rows:
the same rows in the same order as sorting every row, without sorting them all."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Employee, MilkIssue
from safedesk.demo import build_demo
from safedesk.ui.pages.ppe_provisions import MilkPage
from tests.ui.plans import first_batch_plan


@pytest.mark.parametrize(("column", "key"), [(1, "sort_name"), (2, "personnel_no")])
def test_milk_sorted_by_the_person_walks_the_people(
    db: Database, qtbot: QtBot, column: int, key: str
) -> None:
    build_demo(db, employees=60, years=1, seed=1, today=dt.date(2026, 11, 28))
    page = MilkPage(db)
    qtbot.addWidget(page)
    person = getattr(Employee, key)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        page.model.sort(column, order)
        while page.model.canFetchMore():
            page.model.fetchMore()
        down = order == Qt.SortOrder.DescendingOrder
        with db.session() as s:
            expected = s.scalars(
                select(MilkIssue.id)
                .join(Employee, MilkIssue.employee_id == Employee.id)
                .where(MilkIssue.deleted_at.is_(None))
                .order_by(
                    person.desc() if down else person.asc(),
                    MilkIssue.id.desc() if down else MilkIssue.id.asc(),
                )
            ).all()
        assert len(expected) > 200  # more than one batch
        assert [page.model.row_id(r) for r in range(page.model.rowCount())] == expected
    if db.is_sqlite:
        plan = first_batch_plan(db, page.model)
        assert plan[0].startswith("SCAN employees"), plan
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan
