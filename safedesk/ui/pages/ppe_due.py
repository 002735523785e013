"""The PPE due list: who is to receive what in the next 30 days, overdue, never issued.

The list is computed from norms and issuances (not a table of its own), so its model
holds the computed lines; it answers the table page exactly as the lazy SQL model
does — filter as you type, by unit, sort by any column, Enter opens the issuance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog

from safedesk.db.ppe_due import DueLine, due_list, unit_and_descendants
from safedesk.domain.collation import search_text, sort_key
from safedesk.domain.ppe import STATUS_LABELS, DueStatus
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.ppe_issue import IssueDialog
from safedesk.ui.models import ROW_ID_ROLE
from safedesk.ui.widgets.errors import show_error, show_problem
from safedesk.ui.widgets.table_page import TablePage

Index = QModelIndex | QPersistentModelIndex
Predicate = Callable[[DueLine], bool]
STATUS_COLOURS = {
    DueStatus.OVERDUE: "#c0392b",
    DueStatus.MISSING: "#c0392b",
    DueStatus.DUE_SOON: "#b9770e",
}


@dataclass(frozen=True)
class LineColumn:
    title: str
    value: Callable[[DueLine], Any]
    sort: Callable[[DueLine], Any]
    width: int = 0


COLUMNS = (
    LineColumn(N_("Full name"), lambda x: x.person, lambda x: sort_key(x.person), 30),
    LineColumn(N_("Personnel No."), lambda x: x.personnel_no, lambda x: x.personnel_no, 9),
    LineColumn(N_("Unit"), lambda x: x.unit, lambda x: x.unit.casefold(), 18),
    LineColumn(N_("Item"), lambda x: x.item, lambda x: x.item.casefold(), 24),
    LineColumn(N_("Size"), lambda x: x.size, lambda x: x.size, 6),
    LineColumn(N_("Quantity"), lambda x: str(x.quantity), lambda x: x.quantity, 6),
    LineColumn(N_("Status"), lambda x: _(STATUS_LABELS[x.status]), lambda x: x.status.value, 14),
    LineColumn(N_("Due date"), lambda x: format_date(x.due), lambda x: x.due or dt.date.min, 10),
    LineColumn(
        N_("Last issued"),
        lambda x: format_date(x.last_issued),
        lambda x: x.last_issued or dt.date.min,
        10,
    ),
)


class DueListModel(QAbstractTableModel):
    """The computed due lines, filtered and sorted in memory (a unit is a few thousand)."""

    def __init__(self, load: Callable[[], list[DueLine]], filters: list[Predicate]) -> None:
        super().__init__()
        self.columns = list(COLUMNS)
        self._load = load
        self._filters = filters
        self._all: list[DueLine] = []
        self._rows: list[DueLine] = []
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self.reload()

    def reload(self) -> None:
        self._all = self._load()
        self._apply()

    def set_filters(self, filters: list[Predicate]) -> None:
        self._filters = list(filters)
        self._apply()

    def lines(self) -> list[DueLine]:
        return list(self._rows)

    def line(self, key: int) -> DueLine | None:
        return next((x for x in self._all if x.key == key), None)

    def _apply(self) -> None:
        self.beginResetModel()
        rows = [x for x in self._all if all(f(x) for f in self._filters)]
        column, order = self._sort
        rows.sort(key=self.columns[column].sort, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows
        self.endResetModel()

    def total(self) -> int:
        return len(self._rows)

    def row_of(self, key: int) -> int | None:
        return next((i for i, x in enumerate(self._rows) if x.key == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        line = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.columns[index.column()].value(line))
        if role == ROW_ID_ROLE:
            return line.key
        if role == Qt.ItemDataRole.ForegroundRole and line.status in STATUS_COLOURS:
            from PySide6.QtGui import QColor

            return QColor(STATUS_COLOURS[line.status])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return _(self.columns[section].title) if 0 <= section < len(self.columns) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            self._sort = (column, order)
            self._apply()


class PpeDuePage(TablePage):
    search_hint = N_("Find by name, IIN, personnel No. or item")

    def build_filters(self) -> None:
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unit_filter")
        fill_units(self.unit_filter, self.db, _("All units"))
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_filter.setMinimumContentsLength(22)
        self.unit_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.unit_filter, 1)
        self.add_action.setText(_("Issue…"))
        self.unit_action = self.action(_("Issue to a unit…"), self.issue_to_unit)
        self.export_action = self.action(_("Export to Excel…"), self.export)
        self.sheet_action = self.action(_("Print issue sheet…"), self.print_sheet, "Ctrl+P")

    def make_model(self) -> DueListModel:  # type: ignore[override]
        return DueListModel(self._load, self.conditions())

    def _load(self) -> list[DueLine]:
        with self.db.session() as s:
            return due_list(s, dt.date.today())

    def conditions(self) -> list[Predicate]:  # type: ignore[override]
        found: list[Predicate] = []
        text = search_text(self.search.text().strip())
        if text:
            found.append(lambda x: text in search_text(x.person, x.iin, x.personnel_no, x.item))
        unit_id = self.unit_filter.currentData()
        if unit_id is not None:
            with self.db.session() as s:
                units = set(unit_and_descendants(s, unit_id))
            found.append(lambda x: x.unit_id in units)
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        line = self.model.line(row_id) if row_id is not None else None  # type: ignore[attr-defined]
        if line is None:
            return IssueDialog(self.db, None, self)
        dialog = IssueDialog(self.db, None, self, line.employee_id, line.item_id)
        dialog.quantity.setValue(line.quantity)
        if line.size:
            dialog.size_box.setCurrentText(line.size)
        return dialog

    def after_save(self, row_id: int | None) -> None:
        super().after_save(None)
        window = self.window()
        if hasattr(window, "update_status"):
            window.update_status()

    def issue_to_unit(self) -> None:
        from safedesk.ui.dialogs.ppe_unit_issue import UnitIssueDialog

        self._edit(UnitIssueDialog(self.db, self.unit_filter.currentData(), self))

    def export(self, target: str | None = None) -> None:
        if target is None:
            target, _filter = QFileDialog.getSaveFileName(
                self, _("Export to Excel"), "ppe-due.xlsx", "Excel (*.xlsx)"
            )
        if not target:
            return
        from safedesk.forms.ppe_due_xlsx import write_due_xlsx

        try:
            write_due_xlsx(self.model.lines(), target, dt.date.today())  # type: ignore[attr-defined]
        except Exception as e:
            show_error(self, e)

    def print_sheet(self) -> None:
        unit_id = self.unit_filter.currentData()
        if unit_id is None:
            show_problem(self, SafeDeskError(N_("Choose the unit whose issue sheet to print.")))
            return
        from safedesk.ui.printing import preview_form

        try:
            preview_form(self, self.db, "ppe-sheet", int(unit_id))
        except Exception as e:
            show_error(self, e)
