"""Help: the guide in the window's language, and what SafeDesk is built on."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from safedesk import __version__
from safedesk.i18n import set_language
from safedesk.ui.dialogs.about import AboutDialog
from safedesk.ui.dialogs.guide import GuideDialog, guide_file


def test_about_names_the_version_the_font_licence_and_the_editions(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert f"SafeDesk {__version__}" in text
    assert "Bitstream Vera" in text
    assert "indicator_targets" in text and "2024-01-01" in text  # the roadmap's edition


def test_guide_opens_in_the_language_of_the_window(qtbot: QtBot) -> None:
    set_language("kk")
    path = guide_file()
    assert path is not None and path.name == "kk.md"
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    assert "ә" in dialog.text.toPlainText() or "қ" in dialog.text.toPlainText()
