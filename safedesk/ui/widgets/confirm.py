"""The yes/no question before something is deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from safedesk.i18n import _


def ask(parent: QWidget | None, text: str) -> bool:
    """Whether the user answered Yes to `text` (already translated); No is the default."""
    answer = QMessageBox.question(
        parent,
        _("Delete"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
