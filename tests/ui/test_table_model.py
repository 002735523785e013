"""The lazy model: correct by Qt's own rules, and it never loads more than it shows."""

from __future__ import annotations

import datetime as dt

from pytestqt.modeltest import ModelTester
from sqlalchemy import insert, select

from safedesk.db.engine import Database
from safedesk.db.models import Unit
from safedesk.ui.models import Column, SelectTableModel


def many_units(db: Database, n: int) -> None:
    now = dt.datetime.now(dt.UTC)
    with db.write() as s:
        s.execute(
            insert(Unit),
            [
                {
                    "name_kk": f"Бөлім {i:05d}",
                    "name_ru": f"Отдел {i:05d}",
                    "code": str(i),
                    "created_at": now,
                    "updated_at": now,
                    "created_by": "t",
                    "version": 1,
                }
                for i in range(n)
            ],
        )


def test_model_passes_qt_model_tester(db: Database, qtmodeltester: ModelTester) -> None:
    many_units(db, 450)
    model = SelectTableModel(
        db,
        [Column("Name", Unit.name_ru), Column("Code", Unit.code)],
        lambda: select().select_from(Unit),
        Unit.id,
        batch=100,
    )
    qtmodeltester.check(model)


def test_rows_are_fetched_in_batches(db: Database) -> None:
    many_units(db, 450)
    model = SelectTableModel(
        db, [Column("Name", Unit.name_ru)], lambda: select().select_from(Unit), Unit.id, batch=100
    )
    assert model.rowCount() == 100 and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    assert model.total() == 450
    assert model.data(model.index(449, 0)) == "Отдел 00449"


def test_each_batch_follows_the_latest_order_and_filter(db: Database) -> None:
    """The batch query is built once per view and reused for every batch: a new order or
    filter must replace it, or the rows scrolled into view would come from the old one."""
    from PySide6.QtCore import Qt

    many_units(db, 250)
    model = SelectTableModel(
        db,
        [Column("Name", Unit.name_ru), Column("Code", Unit.code)],
        lambda: select().select_from(Unit),
        Unit.id,
        batch=100,
    )
    model.fetchMore()
    assert model.data(model.index(199, 0)) == "Отдел 00199"

    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.fetchMore()
    assert [model.data(model.index(r, 0)) for r in (0, 199)] == ["Отдел 00249", "Отдел 00050"]

    model.set_filters([Unit.code.like("1%")])  # 1, 10–19, 100–199: 111 units
    model.fetchMore()
    assert model.rowCount() == 111
    assert model.data(model.index(110, 0)) == "Отдел 00001"  # still descending

    model.set_sort(0, Qt.SortOrder.AscendingOrder)
    model.reload()
    model.fetchMore()
    assert [model.data(model.index(r, 0)) for r in (0, 110)] == ["Отдел 00001", "Отдел 00199"]
