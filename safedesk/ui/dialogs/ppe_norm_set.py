"""A PPE norm set: its name, legal basis and edition, and its lines.

The heading is saved with Save. The lines are edited one by one (each through its own
dialog and service, audited) and are saved as soon as they change, so the list below
always shows what is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import PpeItem, PpeNormLine, PpeNormSet
from safedesk.db.ppe_catalogue import (
    NormSetFields,
    add_norm_set,
    delete_norm_line,
    update_norm_set,
)
from safedesk.domain.ppe import Wear, wear_text
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, pick
from safedesk.ui.dialogs.ppe_reference import NormLineDialog
from safedesk.ui.widgets.confirm import ask
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.widgets.fields import DateField
from safedesk.ui.widgets.record_dialog import RecordDialog

ROW_ID = Qt.ItemDataRole.UserRole


def wear_shown(wear: str, months: int | None) -> str:
    msgid, values = wear_text(Wear(wear), months)
    return _(msgid).format(**values)


class LinesTable(QTableWidget):
    """Read-only rows with a hidden id each: norm lines, personal additions."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels([_(h) for h in headers])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def show_rows(self, rows: Sequence[tuple[int, Sequence[Any]]]) -> None:
        self.setRowCount(len(rows))
        for r, (row_id, values) in enumerate(rows):
            for c, value in enumerate(values):
                cell = QTableWidgetItem("" if value is None else str(value))
                if c == 0:
                    cell.setData(ROW_ID, row_id)
                self.setItem(r, c, cell)
        self.resizeColumnsToContents()
        widest = self.fontMetrics().averageCharWidth() * 40  # long item names are cut
        self.setColumnWidth(0, min(self.columnWidth(0), widest))

    def current_id(self) -> int | None:
        cell = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        value = cell.data(ROW_ID) if cell is not None else None
        return int(value) if value is not None else None

    def ids(self) -> list[int]:
        cells = (self.item(r, 0) for r in range(self.rowCount()))
        return [int(c.data(ROW_ID)) for c in cells if c is not None]


def button_row(layout: QVBoxLayout, buttons: Sequence[tuple[str, Callable[[], None]]]) -> None:
    row = QHBoxLayout()
    row.addStretch(1)
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False, s=slot: s())
        row.addWidget(button)
    layout.addLayout(row)


def norm_line_rows(session: Session, norm_set_id: int) -> list[tuple[int, list[Any]]]:
    found = session.execute(
        select(PpeNormLine, PpeItem.name_kk, PpeItem.name_ru)
        .join(PpeItem, PpeItem.id == PpeNormLine.item_id)
        .where(PpeNormLine.norm_set_id == norm_set_id, PpeNormLine.deleted_at.is_(None))
        .order_by(PpeNormLine.id)
    ).all()
    return [
        (
            line.id,
            [pick(kk, ru), line.quantity, wear_shown(line.wear, line.wear_months), line.clause],
        )
        for line, kk, ru in found
    ]


class NormSetDialog(RecordDialog):
    confirm = staticmethod(ask)

    def __init__(
        self, db: Database, norm_set_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("PPE norm"), parent)
        self.norm_set_id = norm_set_id
        self.version: int | None = None
        self.name_kk = self.add_field("name_kk", _("Name in Kazakh"), QLineEdit())
        self.name_ru = self.add_field("name_ru", _("Name in Russian"), QLineEdit())
        self.code = self.add_field("code", _("Code"), QLineEdit())
        self.legal_basis = self.add_field("legal_basis", _("Legal basis"), QLineEdit())
        self.edition = self.add_field("edition_date", _("Edition"), DateField(optional=True))
        box = QGroupBox(_("Lines of the norm"))
        inner = QVBoxLayout(box)
        self.lines = LinesTable(
            (N_("Item"), N_("Quantity"), N_("Wear period"), N_("Clause of the norm"))
        )
        self.lines.setObjectName("norm_lines")
        self.lines.doubleClicked.connect(lambda _i: self.edit_line())
        inner.addWidget(self.lines)
        self.lines_note = QLabel(_("Lines are saved as soon as you add, change or remove them."))
        self.lines_note.setWordWrap(True)
        inner.addWidget(self.lines_note)
        button_row(
            inner,
            [
                (_("Add a line…"), self.add_line),
                (_("Change the line…"), self.edit_line),
                (_("Remove the line"), self.remove_line),
            ],
        )
        self.form.addRow(box)
        self.setMinimumSize(720, 560)
        if norm_set_id is None:
            box.setEnabled(False)
            self.lines_note.setText(_("Save the norm first; then add its lines."))
            return
        with db.session() as s:
            norm = s.get(PpeNormSet, norm_set_id)
            if norm is not None:
                self.version = norm.version
                self.name_kk.setText(norm.name_kk)
                self.name_ru.setText(norm.name_ru)
                self.code.setText(norm.code)
                self.legal_basis.setText(norm.legal_basis)
                self.edition.set_value(norm.edition_date)
        self.reload_lines()

    def reload_lines(self) -> None:
        if self.norm_set_id is None:
            return
        with self.db.session() as s:
            self.lines.show_rows(norm_line_rows(s, self.norm_set_id))

    def line_dialog(self, line_id: int | None) -> NormLineDialog:
        return NormLineDialog(self.db, line_id, self.norm_set_id, self)

    def add_line(self) -> None:
        if self.line_dialog(None).exec():
            self.reload_lines()

    def edit_line(self) -> None:
        line_id = self.lines.current_id()
        if line_id is not None and self.line_dialog(line_id).exec():
            self.reload_lines()

    def remove_line(self) -> None:
        line_id = self.lines.current_id()
        if line_id is None or not self.confirm(self, _("Remove the selected line of the norm?")):
            return
        try:
            with self.db.write() as s:
                delete_norm_line(s, line_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
        self.reload_lines()

    def save(self, session: Session) -> int:
        fields = NormSetFields(
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            legal_basis=self.legal_basis.text(),
            edition_date=self.edition.value(),
            code=self.code.text(),
        )
        if self.norm_set_id is None:
            return add_norm_set(session, fields).id
        return update_norm_set(session, self.norm_set_id, self.version, fields).id
