"""The dialog every record is typed in: fields, Save and Cancel, and refusals that keep input.

Save calls a service in one write transaction. If the service refuses, the dialog stays
open, the offending fields are outlined and the message names the field and the rule;
nothing typed is lost. Cancel (or Esc) leaves the stored record untouched.

A save refused because someone else changed the record meanwhile (`StaleRecord`) keeps
the input too, and names each field whose stored value now differs from what is on
screen, read through the dialog's own loader; Save again then stores the input over it.
"""

from __future__ import annotations

import inspect
from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.errors import InvalidInput, SafeDeskError, StaleRecord
from safedesk.i18n import N_, _, format_date
from safedesk.settings import remember_geometry, remembered_geometry
from safedesk.ui.widgets.fields import DateField, mark

STALE_DIFFERS = N_(
    "Someone else changed this record after you opened it; your changes were not saved. Stored now:"
)
STALE_SAME = N_(
    "Someone else changed this record after you opened it; your changes were not saved. "
    "The fields here hold the same values as the stored record."
)
STALE_KEEP = N_(
    "What you typed is still here: Save again to store it over the current values, "
    "or Cancel to keep them."
)
STORED_NOW = N_("Stored now: {value}")
EMPTY = N_("(empty)")


def shown_value(widget: QWidget) -> str | None:
    """What a field shows, as text to compare and to quote; None for a kind not known."""
    if isinstance(widget, DateField):
        date = widget.value()
        return format_date(date) if date is not None else ""
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return _("Yes") if widget.isChecked() else _("No")
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return None


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
        except StaleRecord as e:
            self.show_stored(e)
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

    def stored_copy(self) -> RecordDialog | None:
        """The same dialog opened afresh on the stored record, never shown.

        It is built by the dialog's own constructor, and so its own loader, with the
        attributes named like the constructor's parameters (`employee_id` ...). A dialog
        built from something else answers None, and the refusal is told without values;
        such a dialog may override this.
        """
        values: dict[str, Any] = {}
        parameters = list(inspect.signature(type(self)).parameters.values())[1:]  # after db
        for p in parameters:
            if p.name == "parent" or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            if p.name.endswith("_id") or p.default is p.empty:
                if not hasattr(self, p.name):
                    return None
                values[p.name] = getattr(self, p.name)
        return type(self)(self.db, **values)

    def show_stored(self, error: StaleRecord) -> None:
        """Name each field whose stored value differs from the input, which stays as typed."""
        stored = self.stored_copy()
        if stored is None:
            self.message.setText(error.message())
            self.message.show()
            return
        lines: list[str] = []
        for name, widget in self.fields.items():
            other = stored.fields.get(name)
            mine = shown_value(widget)
            theirs = shown_value(other) if other is not None else None
            if mine is None or theirs is None or mine == theirs:
                continue
            label = self.form.labelForField(widget)
            title = label.text().rstrip(": ") if isinstance(label, QLabel) else name
            quoted = f"«{theirs}»" if theirs else _(EMPTY)
            lines.append(f"{title}: {quoted}")
            mark(widget, _(STORED_NOW).format(value=quoted))
        if hasattr(stored, "version"):  # the next Save is made knowing the current values
            setattr(self, "version", stored.version)  # noqa: B010
        stored.deleteLater()
        text = "\n".join([_(STALE_DIFFERS), *lines]) if lines else _(STALE_SAME)
        self.message.setText(f"{text}\n{_(STALE_KEEP)}")
        self.message.show()

    # Each kind of dialog opens at the size the user last gave it.
    def _restore_geometry(self) -> None:
        state = remembered_geometry(type(self).__name__)
        if state:
            self.restoreGeometry(QByteArray(state))

    def _save_geometry(self) -> None:
        remember_geometry(type(self).__name__, bytes(self.saveGeometry().data()))
