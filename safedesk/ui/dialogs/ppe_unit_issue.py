"""Issuing PPE to a whole unit: the app proposes, the user corrects and confirms.

For every person of the unit (and its sub-units) the proposal lists what they are
entitled to and due for by their norm, in their size. The user unticks what is not
handed out, fixes sizes and quantities, and confirms: everything is written in one
transaction, or nothing, with each refused line named.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.db.ppe_due import DueLine, proposals
from safedesk.db.ppe_issues import IssueFields, issue_many
from safedesk.db.ppe_stock import shortages
from safedesk.domain.ppe import STATUS_LABELS
from safedesk.errors import InvalidInput, SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.ppe_issue import Confirm, ask_about_shortage, shortage_text
from safedesk.ui.widgets.fields import DateField, set_combo_value

COLUMNS = (
    N_("Issue"),
    N_("Full name"),
    N_("Item"),
    N_("Size"),
    N_("Quantity"),
    N_("Status"),
    N_("Due date"),
)
SIZE, QUANTITY = 3, 4


class UnitIssueDialog(QDialog):
    confirm: Confirm = staticmethod(ask_about_shortage)

    def __init__(
        self, db: Database, unit_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lines: list[DueLine] = []
        self.issued = 0
        self.setWindowTitle(_("Issue PPE to a unit"))
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        fill_units(self.unit, db, None)
        if unit_id is not None:
            set_combo_value(self.unit, unit_id)
        self.date = DateField()
        self.propose_button = QPushButton(_("Propose"))
        self.propose_button.clicked.connect(self.propose)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Unit")))
        top.addWidget(self.unit, 1)
        top.addWidget(QLabel(_("Issue date")))
        top.addWidget(self.date)
        top.addWidget(self.propose_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("proposal")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().hide()
        self.message = QLabel()
        self.message.setObjectName("problems")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.issue_button = buttons.addButton(_("Issue"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.issue_checked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(980, 600)
        if unit_id is not None:
            self.propose()

    def propose(self) -> None:
        unit_id = self.unit.currentData()
        on = self.date.value() or dt.date.today()
        if unit_id is None:
            return
        with self.db.session() as s:
            self.lines = proposals(s, int(unit_id), on)
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, check)
            values = (
                line.person,
                line.item,
                line.size,
                str(line.quantity),
                _(STATUS_LABELS[line.status]),
                format_date(line.due),
            )
            for column, text in enumerate(values, start=1):
                cell = QTableWidgetItem(text)
                if column not in (SIZE, QUANTITY):
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.message.setText(
            _("Nobody in the unit is due for PPE on this date.") if not self.lines else ""
        )

    def checked_fields(self) -> list[IssueFields]:
        on = self.date.value() or dt.date.today()
        found: list[IssueFields] = []
        for row, line in enumerate(self.lines):
            check = self.table.item(row, 0)
            if check is None or check.checkState() != Qt.CheckState.Checked:
                continue
            fields = line.as_issue(on)
            size, quantity = self.table.item(row, SIZE), self.table.item(row, QUANTITY)
            fields.size = size.text() if size else ""
            try:
                fields.quantity = int(quantity.text()) if quantity else 0
            except ValueError:
                fields.quantity = 0
            found.append(fields)
        return found

    def issue_checked(self) -> None:
        """Write every ticked line in one transaction; refused lines keep the dialog open."""
        fields = self.checked_fields()
        if not fields:
            self.message.setText(_("Tick at least one line to issue."))
            return
        with self.db.session() as s:
            short = shortages(s, [(f.item_id, f.size.strip(), f.quantity) for f in fields])
        if short:
            self.message.setText(shortage_text(short))
            if not self.confirm(self, short):
                return
        try:
            with self.db.write() as s:
                self.issued = len(issue_many(s, fields))
        except InvalidInput as e:
            self.message.setText(e.message())
            return
        except SafeDeskError as e:
            self.message.setText(e.message())
            return
        self.accept()
