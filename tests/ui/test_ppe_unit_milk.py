"""Milk for a unit's month from the milk page: proposed, corrected, recorded at once."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import MilkIssue
from safedesk.ui.dialogs.ppe_unit_milk import SHIFTS, UnitMilkDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.ppe_provisions import MilkPage
from tests.db.ppe_fixtures import build_shop


def test_unit_month_recorded_from_the_page(db: Database, qtbot: QtBot) -> None:
    shop = build_shop(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.show_page("milk")
    assert isinstance(page, MilkPage)
    dialog = UnitMilkDialog(db, None, page)
    qtbot.addWidget(dialog)
    dialog.unit.setCurrentIndex(dialog.unit.findData(shop.unit))
    dialog.month.set_value(dt.date(2025, 5, 12))
    dialog.propose()
    assert dialog.table.rowCount() == 2
    first = dialog.table.cellWidget(0, SHIFTS)
    assert isinstance(first, QSpinBox) and 15 <= first.value() <= 21
    first.setValue(0)  # refused: the dialog stays, the person is named, nothing is written
    dialog.confirm_checked()
    assert dialog.result() == 0 and "from 1 to 31" in dialog.message.text()
    first.setValue(12)
    second = dialog.table.item(1, 0)
    assert second is not None
    second.setCheckState(Qt.CheckState.Unchecked)
    dialog.confirm_checked()
    assert dialog.recorded == 1
    page.after_save(None)
    assert page.model.rowCount() == 1
    with db.session() as s:
        row = s.scalars(select(MilkIssue)).one()
        assert (row.month, row.shifts, row.quantity_ml) == (dt.date(2025, 5, 1), 12, 6000)
    again = UnitMilkDialog(db, shop.unit, page)  # proposed at once; the recorded one unticked
    qtbot.addWidget(again)
    again.month.set_value(dt.date(2025, 5, 1))
    again.propose()
    states = [again.table.item(r, 0).checkState() for r in range(2)]  # type: ignore[union-attr]
    assert Qt.CheckState.Unchecked in states and Qt.CheckState.Checked in states
