"""File → Export package…: the wizard walked period → checks → preview → save; fix links; verify."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from safedesk.forms.package.verify import verify_package
from safedesk.ui.dialogs.export_wizard import (
    ExportWizard,
    open_export_wizard,
    verify_package_dialog,
)
from safedesk.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 28)


def findings(wizard: ExportWizard) -> list[QLabel]:
    return wizard.checks_page.findChildren(QLabel, "finding")


def test_walk_the_wizard_and_save_the_package(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    assert window.db is not None
    wizard = ExportWizard(window.db, window, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.period_page.year.setValue(2024)
    assert "2024" in wizard.period_page.warning.text()  # outside the roadmap: warned
    wizard.period_page.year.setValue(2026)
    assert wizard.period_page.warning.text() == ""
    wizard.next()
    texts = [label.text() for label in findings(wizard)]
    assert any("responsible person" in t for t in texts)  # none appointed in staffed_db
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    for name in ("cover-letter.pdf", "roadmap-report.pdf", "indicators.pdf"):
        wizard.preview_page.buttons[name].click()
        dialog = wizard.preview_page.dialog
        assert dialog is not None and dialog.page_count() >= 1
        dialog.close()
    wizard.next()
    assert wizard.save_page.path.text().endswith("940140000385_2026.zip")
    target = tmp_path / "940140000385_2026.zip"
    wizard.save_page.path.setText(str(target))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=15000)
    assert target.is_file() and verify_package(target) is None
    assert not list(tmp_path.glob("*.part"))


def test_a_fix_link_closes_the_wizard_and_shows_the_page(window: MainWindow, qtbot: QtBot) -> None:
    wizard = open_export_wizard(window)
    assert wizard is not None
    wizard.next()
    label = next(lb for lb in findings(wizard) if "responsible person" in lb.text())
    label.linkActivated.emit("fix")
    assert not wizard.isVisible()
    assert window.current_page_name() == "responsible"


def test_the_file_menu_offers_export_and_verify(window: MainWindow) -> None:
    names = {a.objectName() for a in window.findChildren(QAction)}
    assert {"open_export_wizard", "verify_package_dialog"} <= names


def test_verify_a_package_from_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.db is not None
    from safedesk.forms.package.build import build_package
    from safedesk.forms.package.context import Period

    with window.db.session() as s:
        path, _package = build_package(s, Period(2026), tmp_path, TODAY)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    verify_package_dialog(window, str(path))
    data = bytearray(path.read_bytes())
    path.write_bytes(b"PK" + bytes(data[2:100]))
    verify_package_dialog(window, str(path))
    assert shown[0].startswith("OK") and path.name in shown[1]
