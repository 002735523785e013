"""One WRAC assessment: the area and team, its rows typed in a grid, each row's controls.

Save writes everything through `save_assessment` in one transaction; a refusal marks
the cells it concerns and keeps every typed value.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.positions import list_positions
from safedesk.db.risk_assessments import save_assessment
from safedesk.db.risk_fields import AssessmentFields, ControlFields, RowFields
from safedesk.db.risk_matrices import current_matrix, matrix_by_id
from safedesk.db.risk_read import assessments_of_unit, edition_of, fields_of
from safedesk.errors import InvalidInput
from safedesk.i18n import _, format_date, pick
from safedesk.ui.choices import employee_label, fill_units
from safedesk.ui.dialogs.risk_grid import ControlsGrid, RowsGrid
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


def _row_of(widget: QWidget, *buttons: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 1)
    for button in buttons:
        layout.addWidget(button)
    return box


class AssessmentDialog(RecordDialog):
    def __init__(
        self, db: Database, assessment_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = _("New risk assessment") if assessment_id is None else _("Risk assessment")
        super().__init__(db, title, parent)
        self.assessment_id = assessment_id
        self.version: int | None = None
        stored: AssessmentFields | None = None
        with db.session() as s:
            if assessment_id is not None:
                stored, self.version = fields_of(s, assessment_id)
                from safedesk.db.models import RiskAssessment

                matrix_id = s.get(RiskAssessment, assessment_id).matrix_id  # type: ignore[union-attr]
                matrix = matrix_by_id(s, matrix_id)
            else:
                matrix_id, matrix = current_matrix(s)
            edition = edition_of(s, matrix_id)
            positions = [(p.id, pick(p.name_kk, p.name_ru)) for p in list_positions(s)]

        self.number = self.add_field("number", _("Number"), QLineEdit())
        self.number.setPlaceholderText(_("given on saving"))
        self.unit = self.add_field("unit_id", _("Unit"), QComboBox())
        fill_units(self.unit, db, "")
        self.area = self.add_field("area", _("Area, process or task"), QLineEdit())
        self.assessed_on = self.add_field("assessed_on", _("Assessment date"), DateField())
        self.review_months = self.add_field("review_months", _("Review every (months)"), QSpinBox())
        self.review_months.setRange(1, 60)
        self.review_months.setValue(12)
        self.next_review = self.add_field("next_review", _("Next review"), DateField(optional=True))
        self.next_review.setToolTip(_("Left empty: the assessment date plus the review period."))
        self.positions = QListWidget()
        self.positions.setObjectName("positions")
        self.positions.setMaximumHeight(90)
        for pid, name in sorted(positions, key=lambda p: p[1].casefold()):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.positions.addItem(item)
        self.fields["position_ids"] = self.positions
        self.form.addRow(_("Positions covered (none: the whole unit)"), self.positions)
        self.team_picker = EmployeePicker(db)
        add_member = QPushButton(_("Add to team"))
        add_member.clicked.connect(self._add_member)
        self.team = QListWidget()
        self.team.setObjectName("team")
        self.team.setMaximumHeight(70)
        remove_member = QPushButton(_("Remove"))
        remove_member.clicked.connect(lambda: self.team.takeItem(self.team.currentRow()))
        team_box = QWidget()
        team_layout = QVBoxLayout(team_box)
        team_layout.setContentsMargins(0, 0, 0, 0)
        team_layout.addWidget(_row_of(self.team_picker, add_member))
        team_layout.addWidget(_row_of(self.team, remove_member))
        self.fields["team_ids"] = self.team
        self.form.addRow(_("Assessment team"), team_box)
        self.replaces = self.add_field("replaces_id", _("Replaces assessment"), QComboBox())
        self.unit.currentIndexChanged.connect(lambda _i: self._fill_replaces())
        matrix_text = _("Matrix edition {edition} of {date}").format(
            edition=edition.edition, date=format_date(edition.valid_from)
        )
        if edition.outdated:
            matrix_text += " — " + _(
                "rated with an earlier edition; the ratings keep it (current: {current})"
            ).format(current=edition.current_edition)
        self.matrix_label = QLabel(matrix_text)
        self.matrix_label.setObjectName("matrix_edition")
        self.form.addRow(_("Risk matrix"), self.matrix_label)

        self.grid = RowsGrid(matrix)
        self.controls = ControlsGrid(db)
        self.controls.setMaximumHeight(150)
        self._controls_of: dict[int, list[ControlFields]] = {}
        self._shown_key: int | None = None
        self.grid.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._show_controls(r))
        add_row = QPushButton(_("Add row"))
        add_row.setObjectName("add_row")
        add_row.clicked.connect(lambda: self.add_row())
        remove_row = QPushButton(_("Remove row"))
        remove_row.clicked.connect(self._remove_row)
        library = QPushButton(_("From hazard library…"))
        library.clicked.connect(self._from_library)
        copy = QPushButton(_("Copy rows from assessment…"))
        copy.clicked.connect(self._copy_rows)
        add_control = QPushButton(_("Add control"))
        add_control.setObjectName("add_control")
        add_control.clicked.connect(lambda: self.controls.add_control())
        remove_control = QPushButton(_("Remove control"))
        remove_control.clicked.connect(lambda: self.controls.removeRow(self.controls.currentRow()))
        buttons = QHBoxLayout()
        for b in (add_row, remove_row, library, copy):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (add_control, remove_control):
            buttons.addWidget(b)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, QLabel(_("Hazards and risks")))
        layout.insertWidget(2, self.grid, 3)
        layout.insertLayout(3, buttons)
        layout.insertWidget(4, QLabel(_("Additional controls of the selected row")))
        layout.insertWidget(5, self.controls, 1)
        self.fields["rows"] = self.grid
        self.setMinimumSize(1150, 760)
        if stored is not None:
            self._load(stored)
        else:
            self._fill_replaces()

    # -- loading --------------------------------------------------------------------------
    def _load(self, f: AssessmentFields) -> None:
        self.number.setText(f.number)
        set_combo_value(self.unit, f.unit_id)
        self._fill_replaces()
        set_combo_value(self.replaces, f.replaces_id)
        self.area.setText(f.area)
        self.assessed_on.set_value(f.assessed_on)
        self.review_months.setValue(f.review_months)
        self.next_review.set_value(f.next_review)
        for i in range(self.positions.count()):
            item = self.positions.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in f.position_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for employee_id in f.team_ids:
            self._add_team_id(employee_id)
        for row in f.rows:
            self.add_row(row)
        if self.grid.rowCount():
            self.grid.setCurrentCell(0, 0)

    def _fill_replaces(self) -> None:
        self.replaces.clear()
        self.replaces.addItem(_("— none —"), None)
        with self.db.session() as s:
            for a in assessments_of_unit(s, self.unit.currentData()):
                if a.id != self.assessment_id:
                    label = f"{a.number} · {format_date(a.assessed_on)} · {a.area}"
                    self.replaces.addItem(label, a.id)

    # -- team ------------------------------------------------------------------------------
    def _add_member(self) -> None:
        employee_id = self.team_picker.value()
        if employee_id is not None:
            self._add_team_id(employee_id)

    def _add_team_id(self, employee_id: int) -> None:
        if employee_id in self.team_ids():
            return
        item = QListWidgetItem(employee_label(self.db, employee_id))
        item.setData(Qt.ItemDataRole.UserRole, employee_id)
        self.team.addItem(item)

    def team_ids(self) -> list[int]:
        return [
            int(self.team.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.team.count())
        ]

    # -- rows and controls -------------------------------------------------------------
    def add_row(self, row: RowFields | None = None) -> int:
        values = vars(row).copy() if row is not None else {}
        r = self.grid.add_row(values)
        self._controls_of[self.grid.key(r)] = list(row.controls) if row is not None else []
        return r

    def _remove_row(self) -> None:
        r = self.grid.currentRow()
        if r >= 0:
            self._controls_of.pop(self.grid.key(r), None)
            self._shown_key = None
            self.grid.removeRow(r)
            self._show_controls(self.grid.currentRow())

    def _keep_shown_controls(self) -> None:
        if self._shown_key is not None:
            self._controls_of[self._shown_key] = self.controls.collect()

    def _show_controls(self, r: int) -> None:
        self._keep_shown_controls()
        if r < 0 or r >= self.grid.rowCount():
            self._shown_key = None
            self.controls.load([])
            return
        self._shown_key = self.grid.key(r)
        self.controls.load(self._controls_of.get(self._shown_key, []))

    def _from_library(self) -> None:
        from safedesk.ui.dialogs.risk_library import choose_hazards

        for row in choose_hazards(self.db, self):
            self.add_row(row)

    def _copy_rows(self) -> None:
        from safedesk.ui.dialogs.risk_library import choose_assessment_rows

        chosen = choose_assessment_rows(self.db, self.unit.currentData(), self.assessment_id, self)
        if chosen is None:
            return
        source_id, rows = chosen
        for row in rows:
            self.add_row(row)
        if self.replaces.findData(source_id) >= 0 and self.replaces.currentData() is None:
            set_combo_value(self.replaces, source_id)

    # -- saving ----------------------------------------------------------------------------
    def collect(self) -> AssessmentFields:
        self._keep_shown_controls()
        positions = [
            int(self.positions.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.positions.count())
            if self.positions.item(i).checkState() == Qt.CheckState.Checked
        ]
        rows = [
            self.grid.row_fields(r, self._controls_of.get(self.grid.key(r), []))
            for r in range(self.grid.rowCount())
        ]
        return AssessmentFields(
            unit_id=self.unit.currentData(),
            area=self.area.text(),
            assessed_on=self.assessed_on.value() or dt.date.today(),
            team_ids=self.team_ids(),
            position_ids=positions,
            review_months=self.review_months.value(),
            next_review=self.next_review.value(),
            number=self.number.text(),
            replaces_id=self.replaces.currentData(),
            rows=rows,
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        saved = save_assessment(session, self.assessment_id, self.version, fields, dt.date.today())
        return saved.id

    def show_problems(self, error: InvalidInput) -> None:
        super().show_problems(error)
        first_row: int | None = None
        for problem in error.problems:
            parts = problem.field.split(".")
            if parts[0] != "rows" or len(parts) < 3 or not parts[1].isdigit():
                continue
            r = int(parts[1])
            if len(parts) >= 5 and parts[2] == "controls" and parts[3].isdigit():
                if first_row is None:
                    first_row = r
                    self.grid.setCurrentCell(r, 0)
                if r == first_row:
                    self.controls.mark(int(parts[3]), parts[4], problem.message())
            else:
                self.grid.mark(r, parts[2], problem.message())
