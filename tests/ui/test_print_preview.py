"""Printing the order from the responsible-persons page opens a real preview."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from safedesk.db.responsible import AppointmentFields, appoint
from safedesk.domain.responsibility import Duty
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.responsible import ResponsiblePage
from safedesk.ui.printing import preview_form


def test_order_preview_renders_pages_in_each_language(window: MainWindow, qtbot: QtBot) -> None:
    with window.db.write() as s:
        row = appoint(
            s,
            AppointmentFields(
                employee_id=1,
                duties=[Duty.OVERALL, Duty.PPE],
                order_no="7-ӨҚ",
                order_date=dt.date(2026, 11, 2),
                valid_from=dt.date(2026, 11, 2),
            ),
        )
    page = window.show_page("responsible")
    assert isinstance(page, ResponsiblePage)
    page.refresh()
    page.table.selectRow(0)
    assert page.current_id() == row.id
    dialog = preview_form(page, window.db, "order", row.id, exec_dialog=False)
    qtbot.addWidget(dialog)
    assert dialog.page_count() >= 1
    first = dialog.pdf
    dialog.language.setCurrentIndex(dialog.language.findData("kk"))
    assert dialog.pdf != first and dialog.pdf is not None and dialog.pdf.exists()
    assert dialog.page_count() >= 1
