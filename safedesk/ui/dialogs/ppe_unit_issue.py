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
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.db.ppe_due import DueLine, proposals
from safedesk.db.ppe_issues import IssueFields, issue_many
from safedesk.db.ppe_stock import shortages
from safedesk.domain.ppe import STATUS_LABELS
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.ppe_issue import Confirm, ask_about_shortage, shortage_text
from safedesk.ui.dialogs.unit_proposal import UnitProposalDialog
from safedesk.ui.widgets.fields import DateField

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


class UnitIssueDialog(UnitProposalDialog):
    confirm: Confirm = staticmethod(ask_about_shortage)

    def __init__(
        self, db: Database, unit_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        self.lines: list[DueLine] = []
        self.issued = 0
        self.date = DateField()
        super().__init__(
            db,
            unit_id,
            title=_("Issue PPE to a unit"),
            columns=COLUMNS,
            confirm_text=_("Issue"),
            fields=[(_("Issue date"), self.date)],
            parent=parent,
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
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
            self.set_tick(row, True)
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
        for row in self.ticked_rows():
            fields = self.lines[row].as_issue(on)
            size, quantity = self.table.item(row, SIZE), self.table.item(row, QUANTITY)
            fields.size = size.text() if size else ""
            try:
                fields.quantity = int(quantity.text()) if quantity else 0
            except ValueError:
                fields.quantity = 0
            found.append(fields)
        return found

    def confirm_checked(self) -> None:
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
        except SafeDeskError as e:
            self.message.setText(e.message())
            return
        self.accept()
