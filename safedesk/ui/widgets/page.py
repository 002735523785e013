"""What the main window shows: one page per register. Importing this loads no database code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from safedesk.db.engine import Database


class Page(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db

    def refresh(self) -> None:
        """Read the database again (after an import, a restore, another page's change)."""
