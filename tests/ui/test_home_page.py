"""The home page answers "what must I do this week?" and opens what it lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.insurance import InsuranceFields, add_contract
from safedesk.settings import Settings
from safedesk.ui.dialogs.insurance import InsuranceDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.home import HomePage

TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def no_job_left(db: Database, qtbot: QtBot) -> Iterator[None]:
    """After each test, before its database goes: the page's background counts are done
    (on PostgreSQL the database is dropped under a job still reading it)."""
    yield
    from safedesk.ui.workers import busy

    qtbot.waitUntil(lambda: not busy(), timeout=20000)


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
    settled(page, qtbot)
    return page


def settled(page: HomePage, qtbot: QtBot) -> None:
    """The page's background counts have arrived (none left running against the test's
    database when it is dropped)."""
    qtbot.waitUntil(lambda: page.due_ready and page.registers_ready, timeout=10000)


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


def test_indicators_show_value_target_and_how(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("home")
    assert isinstance(page, HomePage)
    settled(page, qtbot)
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
    page.export_xlsx(str(out))  # every item, read and written in the background
    qtbot.waitUntil(lambda: page.exported == str(out), timeout=10000)
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


def overdue_briefings(window: MainWindow, count: int) -> list[int]:
    """`count` people of the window's database with a repeated briefing overdue by 1..count
    days (the first the most overdue); returns the briefings' ids."""
    from safedesk.db.models import Briefing, Employee

    assert window.db is not None
    with window.db.write() as s:
        people = list(s.scalars(select(Employee.id).order_by(Employee.id)))
        ids = []
        for n in range(count):
            row = Briefing(
                employee_id=people[n % len(people)],
                kind="repeated",
                held_on=TODAY - dt.timedelta(days=200 + n),
                instructor_id=people[0],
                next_due=TODAY - dt.timedelta(days=count - n),
            )
            s.add(row)
            s.flush()
            ids.append(row.id)
    return ids


def test_an_overdue_briefing_is_counted_listed_and_opens_its_record(
    window: MainWindow, qtbot: QtBot
) -> None:
    from safedesk.ui.dialogs.briefing import BriefingDialog

    [briefing] = overdue_briefings(window, 1)
    page = refreshed(window, qtbot)
    assert page.counted is not None and page.counted.by_register["briefings"]["overdue"] == 1
    group = page.due_list.topLevelItem(0)
    assert group is not None and group.text(0) == "Overdue (1)"
    row = group.child(0)
    assert row is not None and row.text(3) == "Briefings" and row.text(1) == "Repeated"
    window.update_status()  # the status bar counts the same way
    qtbot.waitUntil(lambda: "Overdue: 1 " in window.status.text(), timeout=10000)

    opened: list[BriefingDialog] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, BriefingDialog):
            opened.append(dialog)
            dialog.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, close_dialog)
    page.due_list.itemActivated.emit(row, 0)
    assert window.current_page_name() == "briefings"
    assert opened and opened[0].briefing_id == briefing


def test_more_row_shows_the_next_most_urgent_items(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the most urgent items are read; "N more…" reads the next ones."""
    from safedesk.ui.pages import home
    from safedesk.ui.widgets.due_list import MORE_ROLE

    overdue_briefings(window, 3)  # one per person: the latest of each counts
    monkeypatch.setattr(home, "SHOWN_PER_GROUP", 1)
    page = window.show_page("home")
    assert isinstance(page, HomePage)
    page.due_shown = [1, 1, 1]
    page.refresh()
    settled(page, qtbot)
    group = page.due_list.topLevelItem(0)
    assert group is not None and group.text(0) == "Overdue (3)"
    assert group.childCount() == 2 and len(page.due_list.items) == 1
    more = group.child(1)
    assert more is not None and more.text(0) == "2 more…" and more.data(0, MORE_ROLE) == 0
    first_due = page.due_list.items[0].due
    assert first_due == TODAY - dt.timedelta(days=3)  # the most overdue first

    page.due_list.itemActivated.emit(more, 0)
    qtbot.waitUntil(lambda: page.due_ready and len(page.due_list.items) == 2, timeout=10000)
    group = page.due_list.topLevelItem(0)
    assert group is not None and group.text(0) == "Overdue (3)"
    assert [group.child(i).text(0) for i in range(group.childCount())][-1] == "1 more…"  # type: ignore[union-attr]
    assert page.due_shown == [2, 1, 1]
