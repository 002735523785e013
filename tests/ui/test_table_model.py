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
