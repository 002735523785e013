"""A SLAM card and a 5S audit, typed in one dialog each."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import FiveSAudit, SlamCard
from safedesk.db.risk_five_s import (
    FiveSFields,
    FiveSItem,
    add_five_s_audit,
    default_checklist,
    fields_of_audit,
    update_five_s_audit,
)
from safedesk.db.risk_slam import SlamFields, add_slam_card, update_slam_card
from safedesk.domain.risk_coverage import FIVE_S_LABELS, FiveS, five_s_result
from safedesk.i18n import _, current_language
from safedesk.ui.choices import fill_units
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


def _text(height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setMaximumHeight(height)
    return box


def _row_link() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 2_000_000_000)
    box.setSpecialValueText(_("— none —"))
    return box


class SlamDialog(RecordDialog):
    def __init__(
        self, db: Database, card_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("SLAM card"), parent)
        self.card_id = card_id
        self.version: int | None = None
        self.card_date = self.add_field("card_date", _("Date"), DateField())
        self.card_time = self.add_field("card_time", _("Time"), QLineEdit())
        self.card_time.setPlaceholderText("07:45")
        self.worker = self.add_field("worker_id", _("Worker"), EmployeePicker(db))
        self.unit = self.add_field("unit_id", _("Unit"), QComboBox())
        fill_units(self.unit, db, _("— none —"))
        self.place = self.add_field("place", _("Place"), QLineEdit())
        self.task = self.add_field("task", _("Task"), QLineEdit())
        self.hazards = self.add_field("hazards", _("Hazards found"), _text())
        self.gaps = self.add_field("gaps", _("Competence or tool gaps"), _text(45))
        self.controls = self.add_field("controls", _("Controls applied"), _text())
        self.work_stopped = self.add_field("work_stopped", "", QCheckBox(_("Work was stopped")))
        self.supervisor_told = self.add_field(
            "supervisor_told", "", QCheckBox(_("The supervisor was told"))
        )
        self.lessons = self.add_field("lessons", _("Lessons"), _text(45))
        self.risk_row = self.add_field("risk_row_id", _("WRAC row No."), _row_link())
        self.setMinimumWidth(620)
        if card_id is not None:
            with db.session() as s:
                row = s.get(SlamCard, card_id)
                if row is not None:
                    self._load(row)

    def _load(self, row: SlamCard) -> None:
        self.version = row.version
        self.card_date.set_value(row.card_date)
        self.card_time.setText(row.card_time)
        self.worker.set_value(row.worker_id)
        set_combo_value(self.unit, row.unit_id)
        for widget, value in ((self.place, row.place), (self.task, row.task)):
            widget.setText(value)
        for box, value in (
            (self.hazards, row.hazards),
            (self.gaps, row.gaps),
            (self.controls, row.controls),
            (self.lessons, row.lessons),
        ):
            box.setPlainText(value)  # fmt: skip
        self.work_stopped.setChecked(row.work_stopped)
        self.supervisor_told.setChecked(row.supervisor_told)
        self.risk_row.setValue(row.risk_row_id or 0)

    def collect(self) -> SlamFields:
        return SlamFields(
            card_date=self.card_date.value() or dt.date.today(),
            worker_id=self.worker.value(),
            task=self.task.text(),
            hazards=self.hazards.toPlainText(),
            place=self.place.text(),
            card_time=self.card_time.text(),
            unit_id=self.unit.currentData(),
            gaps=self.gaps.toPlainText(),
            controls=self.controls.toPlainText(),
            work_stopped=self.work_stopped.isChecked(),
            supervisor_told=self.supervisor_told.isChecked(),
            lessons=self.lessons.toPlainText(),
            risk_row_id=self.risk_row.value() or None,
        )

    def save(self, session: Session) -> int:
        today = dt.date.today()
        if self.card_id is None:
            return add_slam_card(session, self.collect(), today).id
        return update_slam_card(session, self.card_id, self.version, self.collect(), today).id


class FiveSDialog(RecordDialog):
    def __init__(
        self, db: Database, audit_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("5S audit"), parent)
        self.audit_id = audit_id
        self.version: int | None = None
        self.audit_date = self.add_field("audit_date", _("Date"), DateField())
        self.auditor = self.add_field("auditor_id", _("Auditor"), EmployeePicker(db))
        self.unit = self.add_field("unit_id", _("Unit"), QComboBox())
        fill_units(self.unit, db, _("— none —"))
        self.area = self.add_field("area", _("Area"), QLineEdit())
        self.shift = self.add_field("shift", _("Shift"), QLineEdit())
        self.items = QTableWidget(0, 3)
        self.items.setObjectName("checklist")
        self.items.setHorizontalHeaderLabels([_("S"), _("Checklist item"), _("Score 0–5")])
        self.items.setColumnWidth(0, 150)
        self.items.setColumnWidth(1, 460)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setMinimumHeight(260)
        self.add_field("items", _("Checklist"), self.items)
        self.result_label = QLabel()
        self.result_label.setObjectName("five_s_result")
        self.result_label.setWordWrap(True)
        self.form.addRow(_("Result"), self.result_label)
        self.actions_box = self.add_field("actions", _("Actions"), _text())
        self.risk_row = self.add_field("risk_row_id", _("WRAC row No."), _row_link())
        self.setMinimumWidth(900)
        stored = None
        if audit_id is not None:
            with db.session() as s:
                row = s.get(FiveSAudit, audit_id)
                if row is not None:
                    self.version = row.version
                    stored = fields_of_audit(row)
        if stored is None:
            for item in default_checklist(current_language()):
                self._add_item(item)
        else:
            self._load(stored)
        self._update_result()

    def _add_item(self, item: FiveSItem) -> None:
        r = self.items.rowCount()
        self.items.insertRow(r)
        s_item = QTableWidgetItem(_(FIVE_S_LABELS[FiveS(item.s)]))
        s_item.setData(256, str(item.s))
        self.items.setItem(r, 0, s_item)
        self.items.setItem(r, 1, QTableWidgetItem(item.item))
        score = QSpinBox()
        score.setRange(0, 5)
        score.setValue(item.score)
        score.valueChanged.connect(lambda _v: self._update_result())
        self.items.setCellWidget(r, 2, score)

    def _load(self, f: FiveSFields) -> None:
        self.audit_date.set_value(f.audit_date)
        self.auditor.set_value(f.auditor_id)
        set_combo_value(self.unit, f.unit_id)
        self.area.setText(f.area)
        self.shift.setText(f.shift)
        for item in f.items:
            self._add_item(item)
        self.actions_box.setPlainText(f.actions)
        self.risk_row.setValue(f.risk_row_id or 0)

    def checklist(self) -> list[FiveSItem]:
        found = []
        for r in range(self.items.rowCount()):
            s_item, text, score = (
                self.items.item(r, 0),
                self.items.item(r, 1),
                self.items.cellWidget(r, 2),
            )
            assert s_item is not None and isinstance(score, QSpinBox)
            found.append(
                FiveSItem(str(s_item.data(256)), text.text() if text else "", score.value())
            )
        return found  # fmt: skip

    def _update_result(self) -> None:
        result = five_s_result((FiveS(i.s), i.score) for i in self.checklist())
        parts = [f"{_(FIVE_S_LABELS[s])} {p} %" for s, p in result.per_s.items()]
        self.result_label.setText(
            " · ".join(parts) + "  —  " + _("Total: {p} %").format(p=result.total)
        )

    def collect(self) -> FiveSFields:
        return FiveSFields(
            audit_date=self.audit_date.value() or dt.date.today(),
            auditor_id=self.auditor.value(),
            area=self.area.text(),
            items=self.checklist(),
            unit_id=self.unit.currentData(),
            shift=self.shift.text(),
            actions=self.actions_box.toPlainText(),
            risk_row_id=self.risk_row.value() or None,
        )

    def save(self, session: Session) -> int:
        today = dt.date.today()
        if self.audit_id is None:
            return add_five_s_audit(session, self.collect(), today).id
        return update_five_s_audit(session, self.audit_id, self.version, self.collect(), today).id
