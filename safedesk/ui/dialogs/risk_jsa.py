"""A job safety analysis (JSA / АДБ): the task, its steps with their hazards and controls,
who analysed it, when, and the WRAC row it belongs to."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import JobSafetyAnalysis
from safedesk.db.risk_slam import JsaFields, JsaStep, add_jsa, update_jsa
from safedesk.errors import InvalidInput
from safedesk.i18n import _
from safedesk.ui.choices import employee_label, fill_units
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, mark, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog

STEP_COLUMNS = ("step", "hazards", "controls")
PROBLEM_BACKGROUND = "#f5b7b1"


def _row_of(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, (QListWidget, QComboBox)) else 0)
    return box


class StepsTable(QTableWidget):
    """One row per step of the task: what is done, its hazards, their controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(STEP_COLUMNS), parent)
        self.setObjectName("steps")
        self.setHorizontalHeaderLabels([_("Task step"), _("Hazards of the step"), _("Controls")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(True)
        self.setMinimumHeight(220)

    def add_step(self, step: JsaStep | None = None) -> int:
        row = self.currentRow() + 1 if self.currentRow() >= 0 else self.rowCount()
        self.insertRow(row)
        values = (step.step, step.hazards, step.controls) if step else ("", "", "")
        for column, value in enumerate(values):
            self.setItem(row, column, QTableWidgetItem(value))
        self.setCurrentCell(row, 0)
        return row

    def remove_step(self) -> None:
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())

    def move_step(self, by: int) -> None:
        row, target = self.currentRow(), self.currentRow() + by
        if row < 0 or not 0 <= target < self.rowCount():
            return
        steps = self.steps()
        steps[row], steps[target] = steps[target], steps[row]
        self.set_steps(steps)
        self.setCurrentCell(target, 0)

    def set_steps(self, steps: list[JsaStep]) -> None:
        self.setRowCount(0)
        for step in steps:
            self.setCurrentCell(-1, -1)
            self.add_step(step)

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def steps(self) -> list[JsaStep]:
        return [
            JsaStep(self.text(r, 0), self.text(r, 1), self.text(r, 2))
            for r in range(self.rowCount())
        ]

    def clear_marks(self) -> None:
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                item = self.item(r, c)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")

    def mark_cell(self, row: int, column: str, message: str) -> None:
        item = self.item(row, STEP_COLUMNS.index(column)) if column in STEP_COLUMNS else None
        if item is not None:
            item.setBackground(QBrush(QColor(PROBLEM_BACKGROUND)))
            item.setToolTip(message)


class JsaDialog(RecordDialog):
    def __init__(
        self, db: Database, jsa_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Job safety analysis"), parent)
        self.jsa_id = jsa_id
        self.version: int | None = None
        self.analysis_date = self.add_field("analysis_date", _("Date"), DateField())
        self.unit = self.add_field("unit_id", _("Unit"), QComboBox())
        fill_units(self.unit, db, _("— none —"))
        self.task = self.add_field("task", _("Task"), QLineEdit())

        self.team_picker = EmployeePicker(db)
        add_member, remove_member = QPushButton(_("Add to team")), QPushButton(_("Remove"))
        add_member.clicked.connect(self._add_member)
        self.team = QListWidget()
        self.team.setObjectName("team")
        self.team.setMaximumHeight(70)
        remove_member.clicked.connect(lambda: self.team.takeItem(self.team.currentRow()))
        team_box = QWidget()
        team_layout = QVBoxLayout(team_box)
        team_layout.setContentsMargins(0, 0, 0, 0)
        team_layout.addWidget(_row_of(self.team_picker, add_member))
        team_layout.addWidget(_row_of(self.team, remove_member))
        self.fields["team_ids"] = self.team
        self.form.addRow(_("Who analysed it"), team_box)

        self.steps = StepsTable()
        buttons = [QPushButton(t) for t in (_("Add step"), _("Remove step"), "↑", "↓")]
        buttons[0].clicked.connect(lambda: self.steps.add_step())
        buttons[1].clicked.connect(self.steps.remove_step)
        buttons[2].clicked.connect(lambda: self.steps.move_step(-1))
        buttons[3].clicked.connect(lambda: self.steps.move_step(1))
        steps_box = QWidget()
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_layout.addWidget(self.steps, 1)
        steps_layout.addWidget(_row_of(*buttons))
        self.fields["steps"] = self.steps
        self.form.addRow(_("Steps"), steps_box)

        self.risk_row = QSpinBox()
        self.risk_row.setRange(0, 2_000_000_000)
        self.risk_row.setSpecialValueText(_("— none —"))
        self.add_field("risk_row_id", _("WRAC row No."), self.risk_row)
        self.setMinimumSize(900, 620)
        if jsa_id is not None:
            with db.session() as s:
                row = s.get(JobSafetyAnalysis, jsa_id)
                if row is not None:
                    self._load(row)
        if self.steps.rowCount() == 0:
            self.steps.add_step()

    def _load(self, row: JobSafetyAnalysis) -> None:
        self.version = row.version
        self.analysis_date.set_value(row.analysis_date)
        set_combo_value(self.unit, row.unit_id)
        self.task.setText(row.task)
        for employee_id in row.team_ids or []:
            self.add_team_id(employee_id)
        self.steps.set_steps(
            [JsaStep(s.get("step", ""), s.get("hazards", ""), s.get("controls", ""))
             for s in row.steps or []]
        )  # fmt: skip
        self.risk_row.setValue(row.risk_row_id or 0)

    def _add_member(self) -> None:
        employee_id = self.team_picker.value()
        if employee_id is not None:
            self.add_team_id(employee_id)

    def add_team_id(self, employee_id: int) -> None:
        if employee_id in self.team_ids():
            return
        item = QListWidgetItem(employee_label(self.db, employee_id))
        item.setData(Qt.ItemDataRole.UserRole, employee_id)
        self.team.addItem(item)

    def team_ids(self) -> list[int]:
        return [
            int(self.team.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.team.count())
        ]

    def collect(self) -> JsaFields:
        steps = [s for s in self.steps.steps() if s.step.strip() or s.hazards.strip()
                 or s.controls.strip()]  # fmt: skip
        return JsaFields(
            analysis_date=self.analysis_date.value() or dt.date.today(),
            task=self.task.text(),
            steps=steps,
            unit_id=self.unit.currentData(),
            team_ids=self.team_ids(),
            risk_row_id=self.risk_row.value() or None,
        )

    def save(self, session: Session) -> int:
        if self.jsa_id is None:
            return add_jsa(session, self.collect()).id
        return update_jsa(session, self.jsa_id, self.version, self.collect()).id

    def accept(self) -> None:
        self.steps.clear_marks()
        # Blank rows are dropped on save; drop them here too so refusals name the right row.
        for r in reversed(range(self.steps.rowCount())):
            blank = not any(self.steps.text(r, c).strip() for c in range(len(STEP_COLUMNS)))
            if blank and self.steps.rowCount() > 1:
                self.steps.removeRow(r)
        super().accept()

    def show_problems(self, error: InvalidInput) -> None:
        super().show_problems(error)
        for problem in error.problems:
            _name, _dot, rest = problem.field.partition(".")
            index, _dot, column = rest.partition(".")
            if problem.field.startswith("steps.") and index.isdigit():
                mark(self.steps, problem.message())
                self.steps.mark_cell(int(index), column, problem.message())
