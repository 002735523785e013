"""The shell of "do it for a whole unit" dialogs: pick the unit, the app proposes, confirm.

PPE and milk for a unit share the way of working (a proposal table with a tick per line,
a line of problems under it, one button that writes every ticked line in one
transaction), so a safety officer meets the same dialog twice, not two similar ones.
Subclasses fill the table in `propose()` and write in `confirm_checked()`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.i18n import _
from safedesk.ui.choices import fill_units
from safedesk.ui.widgets.fields import set_combo_value


class UnitProposalDialog(QDialog):
    """Unit + the subclass's fields on top, the proposal table, problems, Cancel/confirm."""

    def __init__(
        self,
        db: Database,
        unit_id: int | None,
        *,
        title: str,
        columns: Sequence[str],
        confirm_text: str,
        fields: Sequence[tuple[str, QWidget]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(title)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        fill_units(self.unit, db, None)
        if unit_id is not None:
            set_combo_value(self.unit, unit_id)
        self.propose_button = QPushButton(_("Propose"))
        self.propose_button.clicked.connect(self.propose)
        top = QHBoxLayout()
        for label, widget in ((_("Unit"), self.unit), *fields):
            top.addWidget(QLabel(label))
            top.addWidget(widget, 1 if widget is self.unit else 0)
        top.addWidget(self.propose_button)
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName("proposal")
        self.table.setHorizontalHeaderLabels([_(c) for c in columns])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setObjectName("problems")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(
            confirm_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.confirm_checked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def propose(self) -> None:
        raise NotImplementedError

    def confirm_checked(self) -> None:
        raise NotImplementedError

    def set_tick(self, row: int, ticked: bool, text: str = "") -> None:
        check = QTableWidgetItem(text)
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.table.setItem(row, 0, check)

    def ticked_rows(self) -> list[int]:
        rows = []
        for row in range(self.table.rowCount()):
            check = self.table.item(row, 0)
            if check is not None and check.checkState() == Qt.CheckState.Checked:
                rows.append(row)
        return rows

    def set_read_only(self, row: int, column: int, text: str) -> None:
        cell = QTableWidgetItem(text)
        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, column, cell)
