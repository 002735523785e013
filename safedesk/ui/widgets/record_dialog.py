"""The dialog every record is typed in: fields, Save and Cancel, and refusals that keep input.

Save calls a service in one write transaction. If the service refuses, the dialog stays
open, the offending fields are outlined and the message names the field and the rule;
nothing typed is lost. Cancel (or Esc) leaves the stored record untouched.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.errors import InvalidInput, SafeDeskError
from safedesk.settings import remember_geometry, remembered_geometry
from safedesk.ui.widgets.fields import mark


class RecordDialog(QDialog):
    def __init__(self, db: Database, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self.saved_id: int | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = QLabel()
        self.message.setObjectName("problems")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._restore_geometry()

    def add_field(self, name: str, label: str, widget: QWidget) -> Any:
        self.fields[name] = widget
        self.form.addRow(label, widget)
        return widget

    def save(self, session: Session) -> int:
        """Write through a service; return the record's id. Subclasses implement it."""
        raise NotImplementedError

    def accept(self) -> None:
        for widget in self.fields.values():
            mark(widget, None)
        self.message.hide()
        try:
            with self.db.write() as session:
                self.saved_id = self.save(session)
        except InvalidInput as e:
            self.show_problems(e)
            return
        except SafeDeskError as e:
            self.message.setText(e.message())
            self.message.show()
            return
        self._save_geometry()
        super().accept()

    def reject(self) -> None:
        self._save_geometry()
        super().reject()

    def show_problems(self, error: InvalidInput) -> None:
        first: QWidget | None = None
        for problem in error.problems:
            widget = self.fields.get(problem.field)
            if widget is not None:
                mark(widget, problem.message())
                first = first or widget
        self.message.setText(error.message())
        self.message.show()
        if first is not None:
            first.setFocus()

    # Each kind of dialog opens at the size the user last gave it.
    def _restore_geometry(self) -> None:
        state = remembered_geometry(type(self).__name__)
        if state:
            self.restoreGeometry(QByteArray(state))

    def _save_geometry(self) -> None:
        remember_geometry(type(self).__name__, bytes(self.saveGeometry().data()))
