"""The yes/no question before something that cannot be taken back."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from safedesk.i18n import N_, _


def ask(parent: QWidget | None, text: str, title: str = N_("Delete")) -> bool:
    """Whether the user answered Yes to `text` (already translated); No is the default,
    so that Enter pressed by habit changes nothing. `title` is a message id."""
    answer = QMessageBox.question(
        parent,
        _(title),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
