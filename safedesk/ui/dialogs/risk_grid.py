"""The grids of the assessment dialog: rows typed from the keyboard, and each row's controls.

Rows: type in a cell to start editing, Tab to the next; the likelihood and consequence
columns take digits, and the risk cells beside them show score and band in the band's
colour at once. Controls: the actions of the row selected above.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableWidget, QTableWidgetItem, QWidget

from safedesk.db.engine import Database
from safedesk.db.risk_fields import ControlFields, RowFields
from safedesk.domain.risk import Matrix
from safedesk.domain.risk_controls import HIERARCHY_LABELS, STATUS_LABELS, ActionStatus, Hierarchy
from safedesk.i18n import N_, _, current_language
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, mark

ID_ROLE = Qt.ItemDataRole.UserRole + 10
HAZARD_ROLE = Qt.ItemDataRole.UserRole + 11
KEY_ROLE = Qt.ItemDataRole.UserRole + 12

# (field, header, tooltip): the order of WRAC sheet columns.
ROW_COLUMNS = (
    ("activity", N_("Activity or task"), ""),
    ("hazard", N_("Hazard"), ""),
    ("unwanted_event", N_("Unwanted event"), ""),
    ("exposed", N_("Who is exposed"), ""),
    ("existing_controls", N_("Existing controls"), ""),
    ("likelihood", N_("L"), N_("Likelihood")),
    ("consequence", N_("C"), N_("Consequence")),
    ("initial", N_("Initial risk"), ""),
    ("residual_likelihood", N_("Res. L"), N_("Residual likelihood")),
    ("residual_consequence", N_("Res. C"), N_("Residual consequence")),
    ("residual", N_("Residual risk"), ""),
    ("residual_reason", N_("Reason if higher"), N_("Why the residual risk is higher")),
)
COL = {name: i for i, (name, _h, _t) in enumerate(ROW_COLUMNS)}
COMPUTED = {COL["initial"], COL["residual"]}
RATINGS = {
    COL["likelihood"],
    COL["consequence"],
    COL["residual_likelihood"],
    COL["residual_consequence"],
}


def _level(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def risk_text(matrix: Matrix, lik: int | None, con: int | None) -> tuple[str, str | None]:
    """'20 · Critical' and the band colour, or a dash when the rating is not in the matrix."""
    if lik is None or con is None or not matrix.contains(lik, con):
        return "—", None
    band = matrix.band_of(lik, con)
    return f"{matrix.score(lik, con)} · {band.name.get(current_language())}", band.colour


class RowsGrid(QTableWidget):
    def __init__(self, matrix: Matrix, parent: QWidget | None = None) -> None:
        super().__init__(0, len(ROW_COLUMNS), parent)
        self.setObjectName("rows_grid")
        self.matrix = matrix
        self._keys = itertools.count(1)
        for i, (_name, title, tip) in enumerate(ROW_COLUMNS):
            header = QTableWidgetItem(_(title))
            if tip:
                header.setToolTip(_(tip))
            self.setHorizontalHeaderItem(i, header)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        for column in RATINGS:
            self.setColumnWidth(column, 48)
        for column in COMPUTED:
            self.setColumnWidth(column, 110)
        for column in (COL["activity"], COL["hazard"], COL["unwanted_event"]):
            self.setColumnWidth(column, 170)
        self.cellChanged.connect(self._changed)

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        values = values or {}
        self.blockSignals(True)
        r = self.rowCount()
        self.insertRow(r)
        for name, column in COL.items():
            value = values.get(name)
            item = QTableWidgetItem("" if value is None else str(value))
            if column in COMPUTED:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column in RATINGS:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setItem(r, column, item)
        first = self.cell(r, 0)
        first.setData(ID_ROLE, values.get("id"))
        first.setData(KEY_ROLE, next(self._keys))
        self.cell(r, COL["hazard"]).setData(HAZARD_ROLE, values.get("hazard_id"))
        self.blockSignals(False)
        self.recompute(r)
        return r

    def cell(self, r: int, column: int) -> QTableWidgetItem:
        item = self.item(r, column)
        assert item is not None  # add_row fills every cell
        return item

    def key(self, r: int) -> int:
        return int(self.cell(r, 0).data(KEY_ROLE))

    def text(self, r: int, name: str) -> str:
        item = self.item(r, COL[name])
        return item.text() if item is not None else ""

    def recompute(self, r: int) -> None:
        self.blockSignals(True)
        pairs = (("initial", "likelihood", "consequence"),
                 ("residual", "residual_likelihood", "residual_consequence"))  # fmt: skip
        for target, lik_name, con_name in pairs:
            lik, con = _level(self.text(r, lik_name)), _level(self.text(r, con_name))
            if target == "residual" and lik is None and con is None:
                lik, con = _level(self.text(r, "likelihood")), _level(self.text(r, "consequence"))
            text, colour = risk_text(self.matrix, lik, con)
            item = self.cell(r, COL[target])
            item.setText(text)
            item.setBackground(QBrush(QColor(colour)) if colour else QBrush())
        self.blockSignals(False)

    def _changed(self, r: int, column: int) -> None:
        if column in RATINGS:
            self.recompute(r)
        item = self.item(r, column)
        if item is not None and item.toolTip():
            item.setToolTip("")
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def row_fields(self, r: int, controls: list[ControlFields]) -> RowFields:
        return RowFields(
            activity=self.text(r, "activity"),
            hazard=self.text(r, "hazard"),
            likelihood=_level(self.text(r, "likelihood")),
            consequence=_level(self.text(r, "consequence")),
            unwanted_event=self.text(r, "unwanted_event"),
            exposed=self.text(r, "exposed"),
            existing_controls=self.text(r, "existing_controls"),
            residual_likelihood=_level(self.text(r, "residual_likelihood")),
            residual_consequence=_level(self.text(r, "residual_consequence")),
            residual_reason=self.text(r, "residual_reason"),
            hazard_id=self.cell(r, COL["hazard"]).data(HAZARD_ROLE),
            controls=controls,
            id=self.cell(r, 0).data(ID_ROLE),
        )

    def mark(self, r: int, name: str, message: str) -> None:
        """Show a refusal on the cell it concerns: red text and the message as tooltip."""
        column = {"initial": COL["likelihood"], "residual": COL["residual_likelihood"]}.get(
            name, COL.get(name, 0)
        )
        if 0 <= r < self.rowCount():
            item = self.cell(r, column)
            self.blockSignals(True)  # a mark is no edit: keep it until the cell is changed
            item.setToolTip(message)
            item.setForeground(QBrush(QColor("#c0392b")))
            self.blockSignals(False)


CONTROL_COLUMNS = (
    N_("Additional control"),
    N_("Level of the hierarchy"),
    N_("Owner"),
    N_("Deadline"),
    N_("Status"),
)


class ControlsGrid(QTableWidget):
    """The additional controls of one row: what, level of the hierarchy, who, by when."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(0, len(CONTROL_COLUMNS), parent)
        self.setObjectName("controls_grid")
        self.db = db
        self.setHorizontalHeaderLabels([_(t) for t in CONTROL_COLUMNS])
        self.verticalHeader().setDefaultSectionSize(30)
        self.setColumnWidth(0, 300)
        self.setColumnWidth(1, 170)
        self.setColumnWidth(2, 260)
        self.setColumnWidth(3, 110)
        self.horizontalHeader().setStretchLastSection(True)

    def add_control(self, control: ControlFields | None = None) -> int:
        r = self.rowCount()
        self.insertRow(r)
        item = QTableWidgetItem(control.description if control else "")
        item.setData(ID_ROLE, control.id if control else None)
        self.setItem(r, 0, item)
        level = QComboBox()
        for h in Hierarchy:
            level.addItem(_(HIERARCHY_LABELS[h]), h.value)
        level.setCurrentIndex(level.findData(str(control.hierarchy)) if control else 2)
        self.setCellWidget(r, 1, level)
        owner = EmployeePicker(self.db)
        if control and control.owner_id:
            owner.set_value(control.owner_id)
        self.setCellWidget(r, 2, owner)
        deadline = DateField()
        deadline.set_value(control.deadline if control else dt.date.today() + dt.timedelta(days=30))
        self.setCellWidget(r, 3, deadline)
        status = QComboBox()
        for s in ActionStatus:
            status.addItem(_(STATUS_LABELS[s]), s.value)
        status.setCurrentIndex(status.findData(str(control.status)) if control else 0)
        self.setCellWidget(r, 4, status)
        return r

    def load(self, controls: list[ControlFields]) -> None:
        self.setRowCount(0)
        for control in controls:
            self.add_control(control)

    def collect(self) -> list[ControlFields]:
        found: list[ControlFields] = []
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            level, owner, deadline, status = (self.cellWidget(r, c) for c in (1, 2, 3, 4))
            assert isinstance(level, QComboBox) and isinstance(status, QComboBox)
            assert isinstance(owner, EmployeePicker) and isinstance(deadline, DateField)
            found.append(
                ControlFields(
                    description=item.text() if item else "",
                    hierarchy=str(level.currentData()),
                    owner_id=owner.value(),
                    deadline=deadline.value(),
                    status=str(status.currentData()),
                    id=item.data(ID_ROLE) if item else None,
                )
            )
        return found

    def mark(self, r: int, name: str, message: str) -> None:
        columns = {"description": 0, "hierarchy": 1, "owner_id": 2, "deadline": 3, "status": 4}
        if not 0 <= r < self.rowCount():
            return
        column = columns.get(name, 0)
        widget = self.cellWidget(r, column)
        if widget is not None:
            mark(widget, message)
        else:
            item = self.item(r, column)
            item.setToolTip(message)
            item.setForeground(QBrush(QColor("#c0392b")))
