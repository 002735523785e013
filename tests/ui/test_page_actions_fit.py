"""Every action of every page is on screen at 1280 × 800, in every language.

A QToolBar hid what did not fit behind a » button the keyboard cannot reach: in Kazakh
the permits page lost "Permit rules…" and more. The page's action bar wraps instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from safedesk.i18n import set_language
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.permits import PermitsPage
from safedesk.ui.widgets.action_bar import ActionBar


@pytest.fixture
def wide_window(window: MainWindow) -> Iterator[MainWindow]:
    window.resize(1280, 800)
    yield window
    set_language("en")


def _buttons(page: QWidget) -> list[tuple[QAction, QWidget | None]]:
    bar = getattr(page, "toolbar", None)
    if bar is None:
        return []
    return [(a, bar.widgetForAction(a)) for a in bar.actions() if a.isVisible()]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_action_of_every_page_is_visible_at_1280_pixels(
    wide_window: MainWindow, language: str
) -> None:
    window = wide_window
    window.change_language(language)
    checked = 0
    for name in window.page_names():
        page = window.show_page(name)
        assert page is not None
        QApplication.processEvents()
        for action, button in _buttons(page):
            where = f"{name}: {action.text()}"
            assert button is not None, where
            assert button.isVisible(), where
            inside = QRect(button.mapTo(page, button.rect().topLeft()), button.size())
            assert page.rect().contains(inside), (where, inside, page.rect())
            checked += 1
    assert checked > 60  # the pages' own actions, not only Add and Open


def test_the_permits_actions_wrap_and_are_reached_with_tab(wide_window: MainWindow) -> None:
    window = wide_window
    window.change_language("kk")
    page = window.show_page("permits")
    assert isinstance(page, PermitsPage) and isinstance(page.toolbar, ActionBar)
    QApplication.processEvents()
    buttons = page.toolbar.buttons()
    assert len({b.y() for b in buttons}) >= 2  # Kazakh labels need a second row
    rules = page.toolbar.widgetForAction(page.rules_action)
    assert isinstance(rules, QToolButton) and rules.isVisible()
    assert page.print_action.shortcut().toString() == "Ctrl+P"  # shortcuts kept

    for before, after in pairwise(buttons):
        assert _next_tab_stop(before) is after  # Tab walks the buttons in order

    assert rules.defaultAction() is page.rules_action  # the button triggers the action


def _next_tab_stop(widget: QWidget) -> QWidget:
    """The widget Tab moves to from `widget`."""
    nxt = widget.nextInFocusChain()
    while not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus and nxt.isVisible()):
        nxt = nxt.nextInFocusChain()
    return nxt
