"""The employees page as a safety officer uses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safedesk.db.engine import Database
from safedesk.ui.dialogs.employee import EmployeeDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.employees import EmployeesPage


def names_shown(page: EmployeesPage) -> list[str]:
    model = page.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_table_lists_people_in_kazakh_alphabet_order(window: MainWindow) -> None:
    page = window.show_page("employees")
    assert isinstance(page, EmployeesPage)
    assert [n.split()[0] for n in names_shown(page)] == ["Ахметов", "Әбілова", "Яковлева"]


def test_filter_as_you_type_matches_any_case(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("employees")
    assert isinstance(page, EmployeesPage)
    # QTest cannot synthesise keys for Kazakh letters; insert() is what typing them does.
    page.search.setFocus()
    for letter in "ӘБІЛ":
        page.search.insert(letter)
    qtbot.waitUntil(lambda: len(names_shown(page)) == 1, timeout=2000)
    assert names_shown(page)[0].startswith("Әбілова")
    assert page.count_label.text() == "1 record"


def test_filter_by_iin_and_by_unit(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("employees")
    assert isinstance(page, EmployeesPage)
    page.unit_filter.setCurrentIndex(page.unit_filter.findText("Рудник"))
    assert len(names_shown(page)) == 2
    page.search.setText("0612")
    page.apply_filters()
    assert [n.split()[0] for n in names_shown(page)] == ["Яковлева"]


def test_sorting_by_a_column_header(window: MainWindow) -> None:
    page = window.show_page("employees")
    assert isinstance(page, EmployeesPage)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # IIN
    iins = [page.model.data(page.model.index(r, 1)) for r in range(3)]
    assert iins == sorted(iins, reverse=True)


def test_bad_iin_keeps_the_dialog_open_with_the_input(staffed_db: Database, qtbot: QtBot) -> None:
    dialog = EmployeeDialog(staffed_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.iin, "900101300008")
    dialog.surname.setText("Құрманғазы")
    dialog.name.setText("Нұрлан")
    dialog.accept()
    assert dialog.isVisible()
    assert "check digit" in dialog.message.text()
    assert dialog.iin.property("invalid") is True
    assert (dialog.iin.text(), dialog.surname.text()) == ("900101300008", "Құрманғазы")


def test_good_employee_appears_in_the_table(window: MainWindow, qtbot: QtBot) -> None:
    from safedesk.domain.ids import check_digit

    page = window.show_page("employees")
    assert isinstance(page, EmployeesPage)
    first = "9001013"  # born 01.01.1990, male
    iin = next(
        f"{first}{n:04d}{check_digit(f'{first}{n:04d}')}"
        for n in range(100)
        if check_digit(f"{first}{n:04d}") is not None
    )
    dialog = EmployeeDialog(page.db, None, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.iin, iin)
    assert dialog.birth_date.value() is not None  # filled from the IIN
    dialog.surname.setText("Құрманғазы")
    dialog.name.setText("Нұрлан")
    dialog.accept()
    assert not dialog.isVisible() and dialog.saved_id is not None
    page.after_save(dialog.saved_id)
    assert any(n.startswith("Құрманғазы Нұрлан") for n in names_shown(page))
    assert page.current_id() == dialog.saved_id


def test_dismissed_are_hidden_unless_asked(window: MainWindow) -> None:
    import datetime as dt

    from safedesk.db.employees import dismiss_employee

    page = window.show_page("employees")
    assert isinstance(page, EmployeesPage)
    with page.db.write() as s:
        dismiss_employee(s, 1, None, dt.date(2026, 1, 1))
    page.refresh()
    assert len(names_shown(page)) == 2
    page.show_dismissed.setChecked(True)
    assert len(names_shown(page)) == 3
