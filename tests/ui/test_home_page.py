"""The home page answers "what must I do this week?" and opens what it lists."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from safedesk.db.insurance import InsuranceFields, add_contract
from safedesk.settings import Settings
from safedesk.ui.dialogs.insurance import InsuranceDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.home import HomePage

TODAY = dt.date.today()


def lapsed_contract(window: MainWindow) -> int:
    assert window.db is not None
    with window.db.write() as s:
        row = add_contract(
            s,
            InsuranceFields(
                "«Еуразия» СК",
                "ОС-17",
                TODAY - dt.timedelta(days=400),
                TODAY - dt.timedelta(days=35),
            ),
        )
    return row.id


def refreshed(window: MainWindow, qtbot: QtBot) -> HomePage:
    """The home page after the due list has been counted in the background."""
    page = window.show_page("home")
    assert isinstance(page, HomePage)
    page.refresh()
    qtbot.waitUntil(lambda: page.due_ready, timeout=10000)
    return page


def test_overdue_item_is_listed_and_opens_its_record(window: MainWindow, qtbot: QtBot) -> None:
    contract = lapsed_contract(window)
    page = refreshed(window, qtbot)
    group = page.due_list.topLevelItem(0)
    assert group is not None and group.text(0) == "Overdue (1)"
    row = group.child(0)
    assert row is not None and "ОС-17" in row.text(2)

    opened: list[InsuranceDialog] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, InsuranceDialog):
            opened.append(dialog)
            dialog.reject()

    qtbot.waitUntil(lambda: True)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, close_dialog)
    page.due_list.itemActivated.emit(row, 0)
    assert window.current_page_name() == "insurance"
    assert opened and opened[0].contract_id == contract


def test_indicators_show_value_target_and_how(window: MainWindow) -> None:
    page = window.show_page("home")
    assert isinstance(page, HomePage)
    table = page.indicators
    rows = {table.item(r, 0).text().split(".")[0]: r for r in range(table.rowCount())}  # type: ignore[union-attr]
    insurance = rows["43"]
    assert table.item(insurance, 1).text() == "0 %"  # type: ignore[union-attr]
    assert table.item(insurance, 3).text() == "below target"  # type: ignore[union-attr]
    assert "Numerator: 0; denominator: 1" in table.item(insurance, 1).toolTip()  # type: ignore[union-attr]


def test_start_up_summary_is_non_modal_and_can_be_turned_off(
    window: MainWindow, qtbot: QtBot
) -> None:
    from safedesk.app import show_due_summary

    lapsed_contract(window)
    box = show_due_summary(window)
    assert isinstance(box, QMessageBox) and not box.isModal()
    assert "Overdue: 1." in box.text()
    box.checkBox().setChecked(True)
    box.close()
    qtbot.waitUntil(lambda: Settings.load().show_due_summary is False, timeout=2000)
    assert show_due_summary(window) is None


def test_due_list_exports_to_excel_with_real_dates(
    window: MainWindow, qtbot: QtBot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    lapsed_contract(window)
    page = refreshed(window, qtbot)
    out = tmp_path / "due.xlsx"
    page.export_xlsx(str(out))
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert [c.value for c in sheet[1]][:3] == ["Due", "Overdue", "What"]
    assert sheet["A2"].value.date() == TODAY - dt.timedelta(days=35)
    assert sheet["B2"].value == "yes" and "ОС-17" in sheet["D2"].value
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F2"


def test_due_list_prints_in_kazakh_and_russian(window: MainWindow, qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from safedesk.forms.pdf.due_list import write_due_list_pdf
    from safedesk.forms.pdf.parts import Letterhead
    from safedesk.ui.pages.home import REGISTER_TITLES

    lapsed_contract(window)
    page = refreshed(window, qtbot)
    out = write_due_list_pdf(
        page.due_list.items,
        Letterhead("«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385"),
        REGISTER_TITLES,
        TODAY,
        tmp_path / "d.pdf",
    )
    text = PdfReader(out).pages[0].extract_text()
    assert "«Шығыс» ЖШС" in text and "ОС-17" in text
    assert "мерзімі өткен" in text and "просрочено" in text


def test_a_long_due_list_shows_the_most_urgent_and_counts_the_rest(qtbot: QtBot) -> None:
    from safedesk.domain.due import DueItem
    from safedesk.ui.widgets.due_list import SHOWN_PER_GROUP, DueList

    items = [
        DueItem("briefings", i, "Repeated briefing", f"P{i}", TODAY - dt.timedelta(days=1))
        for i in range(SHOWN_PER_GROUP + 25)
    ]
    widget = DueList({})
    qtbot.addWidget(widget)
    widget.show_items(items, TODAY)
    group = widget.topLevelItem(0)
    assert group is not None and group.childCount() == SHOWN_PER_GROUP + 1
    assert "25 more" in group.child(SHOWN_PER_GROUP).text(0)  # type: ignore[union-attr]


def test_start_up_summary_waits_for_the_background_count(
    staffed_db,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
) -> None:
    # Counting on the GUI thread held a 100,000-employee start-up for many seconds.
    with staffed_db.write() as s:
        add_contract(
            s,
            InsuranceFields(
                "СК", "ОС-1", TODAY - dt.timedelta(days=400), TODAY - dt.timedelta(days=35)
            ),
        )
    window = MainWindow()
    qtbot.addWidget(window)
    window.due_summary_wanted = True
    window.attach(staffed_db)
    qtbot.waitUntil(lambda: not window.due_summary_wanted, timeout=10000)
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "Overdue: 1." in boxes[0].text()
