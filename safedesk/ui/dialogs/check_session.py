"""A knowledge-check session: the protocol's header and a row per person checked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.check_commissions import list_commissions
from safedesk.db.check_sessions import ResultFields, SessionFields, add_session, update_session
from safedesk.db.engine import Database
from safedesk.db.models import CheckResult, CheckSession
from safedesk.domain.training import (
    CHECK_KIND_LABELS,
    CHECK_OUTCOME_LABELS,
    CheckKind,
    CheckOutcome,
)
from safedesk.i18n import _, format_date
from safedesk.ui.choices import employee_label
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


class ResultsTable(QWidget):
    """The protocol's rows: person, result, certificate No., note."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("results")
        self.table.setHorizontalHeaderLabels(
            [_("Full name"), _("Result"), _("Certificate No."), _("Note"), _("Test score")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.setMinimumHeight(180)
        self.picker = EmployeePicker(db)
        self.add_button = QPushButton(_("Add"))
        self.add_button.clicked.connect(self._add_picked)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self._remove)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.picker, 0, 0)
        grid.addWidget(self.add_button, 0, 1)
        grid.addWidget(self.remove_button, 0, 2)
        grid.addWidget(self.table, 1, 0, 1, 3)

    def add(self, employee_id: int, result: ResultFields | None = None, score: str = "") -> None:
        if employee_id in [r.employee_id for r in self.results()]:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(employee_label(self.db, employee_id))
        name.setData(Qt.ItemDataRole.UserRole, employee_id)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, name)
        outcome = QComboBox()
        for value in CheckOutcome:
            outcome.addItem(_(CHECK_OUTCOME_LABELS[value]), value)
        if result is not None:
            set_combo_value(outcome, result.outcome)
        self.table.setCellWidget(row, 1, outcome)
        self.table.setItem(row, 2, QTableWidgetItem(result.certificate_no if result else ""))
        self.table.setItem(row, 3, QTableWidgetItem(result.note if result else ""))
        shown = QTableWidgetItem(score)
        shown.setFlags(shown.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 4, shown)

    def results(self) -> list[ResultFields]:
        found = []
        for row in range(self.table.rowCount()):
            name, cert, note = (self.table.item(row, c) for c in (0, 2, 3))
            combo = self.table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox) and name is not None
            found.append(
                ResultFields(
                    employee_id=int(name.data(Qt.ItemDataRole.UserRole)),
                    outcome=CheckOutcome(combo.currentData()),
                    certificate_no=cert.text() if cert else "",
                    note=note.text() if note else "",
                )
            )
        return found

    def lock(self) -> None:
        for w in (self.picker, self.add_button, self.remove_button):
            w.setEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, 1)
            if widget is not None:
                widget.setEnabled(False)

    def _add_picked(self) -> None:
        employee_id = self.picker.value()
        if employee_id is not None:
            self.add(employee_id)

    def _remove(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)


class CheckSessionDialog(RecordDialog):
    def __init__(
        self, db: Database, session_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Knowledge check protocol"), parent)
        self.session_id = session_id
        self.version: int | None = None
        self.number = self.add_field("number", _("Protocol No."), QLineEdit())
        self.held_on = self.add_field("held_on", _("Date"), DateField())
        self.kind = QComboBox()
        for kind in CheckKind:
            self.kind.addItem(_(CHECK_KIND_LABELS[kind]), kind)
        self.add_field("kind", _("Kind of check"), self.kind)
        self.commission = QComboBox()
        self.commission.setObjectName("commission")
        self.commission.addItem(_("— an outside body's protocol —"), None)
        with db.session() as s:
            for c in list_commissions(s):
                label = f"{c.name} ({c.order_no}, {format_date(c.order_date)})"
                self.commission.addItem(label, c.id)
        if self.commission.count() > 1:
            self.commission.setCurrentIndex(1)
        self.add_field("commission_id", _("Commission"), self.commission)
        self.external_body = self.add_field("external_body", _("Outside body"), QLineEdit())
        self.programme = self.add_field("programme", _("Programme"), QLineEdit())
        self.results = self.add_field("results", _("People checked"), ResultsTable(db))
        self.signed = QLabel()
        self.form.addRow(self.signed)
        self.setMinimumWidth(760)
        if session_id is not None:
            self._load(session_id)

    def _load(self, session_id: int) -> None:
        with self.db.session() as s:
            row = s.get(CheckSession, session_id)
            if row is None:
                return
            self.version = row.version
            self.number.setText(row.number)
            self.held_on.set_value(row.held_on)
            set_combo_value(self.kind, CheckKind(row.kind))
            set_combo_value(self.commission, row.commission_id)
            self.external_body.setText(row.external_body)
            self.programme.setText(row.programme)
            results = s.scalars(
                select(CheckResult).where(CheckResult.session_id == row.id).order_by(CheckResult.id)
            ).all()
            for r in results:
                score = f"{r.score:g} %" if r.score is not None else ""
                fields = ResultFields(
                    r.employee_id, CheckOutcome(r.outcome), r.certificate_no, r.note
                )
                self.results.add(r.employee_id, fields, score)
            signed_on = row.signed_on
        if signed_on is not None:
            self.signed.setText(
                _("Signed on {date}: the protocol is evidence and cannot be changed.").format(
                    date=format_date(signed_on)
                )
            )
            self.results.lock()
            for w in (self.number, self.held_on, self.kind, self.commission):
                w.setEnabled(False)
            for w in (self.external_body, self.programme):
                w.setReadOnly(True)
            self.buttons.button(self.buttons.StandardButton.Save).setEnabled(False)

    def collect(self) -> SessionFields:
        return SessionFields(
            number=self.number.text(),
            held_on=self.held_on.value() or dt.date.today(),
            kind=CheckKind(self.kind.currentData()),
            commission_id=self.commission.currentData(),
            external_body=self.external_body.text(),
            programme=self.programme.text(),
            results=self.results.results(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.session_id is None:
            return add_session(session, fields).id
        return update_session(session, self.session_id, self.version, fields).id
