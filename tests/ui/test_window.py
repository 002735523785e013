"""The window as a whole: navigation, language, what happens when something breaks."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from safedesk.i18n import _
from safedesk.settings import Settings
from safedesk.ui.main_window import MainWindow
from safedesk.ui.navigation import PAGES
from safedesk.ui.pages.settings import SettingsPage


def nav_texts(window: MainWindow) -> list[str]:
    return window.nav.titles()


def test_every_page_opens(window: MainWindow) -> None:
    for name in window.page_names():
        page = window.show_page(name)
        assert window.stack.currentWidget() is page


def test_keyboard_goes_to_pages(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, "2", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "employees"


def test_go_menu_lists_every_page_and_ctrl_digits_survive_a_language_change(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The Go menu is filled when first opened; Ctrl+1…9 work before that, and once
    only after the window is built again in another language (no ambiguous shortcut)."""
    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    go.aboutToShow.emit()
    assert [a.text() for a in go.actions()] == [_(title) for _n, title, _c in PAGES]
    window.change_language("ru")
    qtbot.keyClick(window, "3", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == PAGES[2][0]
    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Переход")
    go.aboutToShow.emit()
    go.aboutToShow.emit()  # filled once
    assert len(go.actions()) == len(PAGES)


def test_language_switch_changes_labels_and_is_remembered(window: MainWindow) -> None:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert "Employees" in nav_texts(window)
    page.language.setCurrentIndex(page.language.findData("kk"))
    assert "Қызметкерлер" in nav_texts(window)
    assert window.current_page_name() == "settings"
    assert Settings.load().language == "kk"
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    page.language.setCurrentIndex(page.language.findData("ru"))
    assert "Сотрудники" in nav_texts(window)
    assert window.menuBar().actions()[0].text() == "&Файл"


def test_unexpected_error_is_shown_once_and_the_window_survives(
    window: MainWindow, qtbot: QtBot
) -> None:
    from safedesk.ui.widgets.errors import show_bug

    shown: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.detailedText())
            box.close()

    QTimer.singleShot(100, close_box)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as e:
        show_bug(window, e)
    assert shown and "ZeroDivisionError: boom" in shown[0]
    assert window.isVisible()


def test_every_page_fits_a_1280_pixel_screen_in_kazakh(window: MainWindow) -> None:
    # Long Kazakh filter labels in one row once forced the window to 1,766 pixels.
    window.change_language("kk")
    for name in window.page_names():
        window.show_page(name)
        assert window.minimumSizeHint().width() <= 1280, name
