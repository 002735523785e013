"""The PPE due list: who is to receive what in the next 30 days, overdue, never issued.

The list is computed from norms and issuances (not a table of its own), so its model
holds the computed lines; it answers the table page as the lazy SQL model does —
filter as you type, by unit, sort by any column, Enter opens the issuance. In the
default order (by name) it computes the lines of a window of people at a time, as the
view scrolls, so the first screen does not wait for the whole enterprise's list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog
from sqlalchemy import func, select, tuple_

from safedesk.db.models import Employee, PpeItem
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
    """The computed due lines, a window of people at a time (issue 12).

    In the page's default order (by name) the lines are computed for the next WINDOW
    people in alphabetical order, as the view scrolls (`fetchMore`), so the first
    screen reads a few hundred people's issuances, not every one. Any other order
    needs every line first: then they are all computed and sorted in memory.
    `load(employee_ids)` computes the lines of those people (None: of everybody);
    `people(after, limit)` gives the next people in name order after `after` (a
    (sort_name, id) key, None at the start), narrowed by the page's filters.
    """

    WINDOW = 100  # people per window: about 50 lines, more than a screen

    def __init__(
        self,
        load: Callable[[list[int] | None], list[DueLine]],
        filters: list[Predicate],
        people: Callable[[tuple[str, int] | None, int], list[tuple[str, int]]] | None = None,
        counter: Callable[[], int] | None = None,
    ) -> None:
        super().__init__()
        self._counter = counter
        self.columns = list(COLUMNS)
        self._load = load
        self._people = people
        self._filters = filters
        self._all: list[DueLine] = []
        self._rows: list[DueLine] = []
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._after: tuple[str, int] | None = None
        self._exhausted = True
        self.reload()

    def _windowed(self) -> bool:
        return self._people is not None and self._sort == (0, Qt.SortOrder.AscendingOrder)

    def reload(self) -> None:
        self._after = None
        if self._windowed():
            self._all, self._exhausted = [], False
            self._all = self._next_lines()
        else:
            self._all, self._exhausted = self._load(None), True
        self._apply()

    def _next_lines(self) -> list[DueLine]:
        """The lines of the next windows of people that pass the filters (at least one
        line unless every person has been read)."""
        assert self._people is not None
        found: list[DueLine] = []
        while not found and not self._exhausted:
            people = self._people(self._after, self.WINDOW)
            if len(people) < self.WINDOW:
                self._exhausted = True
            if not people:
                break
            self._after = people[-1]
            order = {pid: i for i, (_key, pid) in enumerate(people)}
            lines = self._load([pid for _key, pid in people])
            lines.sort(key=lambda x: (order[x.employee_id], x.item.casefold()))
            found = [x for x in lines if all(f(x) for f in self._filters)]
            self._all.extend(lines)
        return self._all

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        before = len(self._all)
        self._next_lines()
        more = [x for x in self._all[before:] if all(f(x) for f in self._filters)]
        if more:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def set_filters(self, filters: list[Predicate]) -> None:
        self._filters = list(filters)
        self.reload()

    def count_job(self) -> Callable[[], int]:
        """How many lines pass the filters, for a worker thread: counted by the database
        when nothing is filtered (`counter`), else every line computed."""
        load, filters, people = self._load, list(self._filters), self._people
        if not filters and self._counter is not None:
            return self._counter
        if people is None:
            return lambda: sum(1 for x in load(None) if all(f(x) for f in filters))
        # Only the people the filters leave (read now, on this thread), then their lines.
        ids: list[int] | None = [pid for _key, pid in people(None, 1_000_000)]
        if ids is not None and len(ids) > 5_000:  # most people: read them all at once
            ids = None
        return lambda: sum(1 for x in load(ids) if all(f(x) for f in filters))

    def lines(self) -> list[DueLine]:
        """Every line that passes the filters (the rest of the people are read first)."""
        while not self._exhausted:
            self.fetchMore()
        return list(self._rows)

    def line(self, key: int) -> DueLine | None:
        return next((x for x in self._all if x.key == key), None)

    def _apply(self) -> None:
        self.beginResetModel()
        rows = [x for x in self._all if all(f(x) for f in self._filters)]
        if not self._windowed():  # windows come in name order already
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
        if not 0 <= column < len(self.columns) or (column, order) == self._sort:
            return
        windowed = self._windowed()
        self._sort = (column, order)
        if windowed or self._windowed() or not self._exhausted:
            self.reload()  # from windows to every line, or back
        else:
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
        self._narrow: list[Any] = []
        return DueListModel(self._load, self.conditions(), self._next_people, self._count)

    def _count(self) -> int:
        """Every due line, counted in SQL (safedesk.db.ppe_due.due_counts)."""
        from safedesk.db.ppe_due import due_counts

        with self.db.session() as s:
            counts = due_counts(s, dt.date.today())
        return counts.overdue + counts.due_30_days

    def _load(self, employee_ids: list[int] | None) -> list[DueLine]:
        with self.db.session() as s:
            return due_list(s, dt.date.today(), employee_ids=employee_ids)

    def _next_people(self, after: tuple[str, int] | None, limit: int) -> list[tuple[str, int]]:
        """The next people in name order who may have lines that pass the filters."""
        query = select(Employee.sort_name, Employee.id).where(
            Employee.deleted_at.is_(None), *self._narrow
        )
        if after is not None:
            query = query.where(tuple_(Employee.sort_name, Employee.id) > tuple_(*after))
        query = query.order_by(Employee.sort_name, Employee.id).limit(limit)
        with self.db.session() as s:
            return [(str(k), int(i)) for k, i in s.execute(query)]

    def conditions(self) -> list[Predicate]:  # type: ignore[override]
        found: list[Predicate] = []
        narrow: list[Any] = []  # the people to read, in SQL
        text = search_text(self.search.text().strip())
        if text:
            found.append(lambda x: text in search_text(x.person, x.iin, x.personnel_no, x.item))
            with self.db.session() as s:
                items = s.scalar(
                    select(func.count(PpeItem.id)).where(
                        PpeItem.search_text.contains(text, autoescape=True)
                    )
                )
            if not items:  # only a person can match: read just those people
                narrow.append(Employee.search_text.contains(text, autoescape=True))
        unit_id = self.unit_filter.currentData()
        if unit_id is not None:
            with self.db.session() as s:
                units = set(unit_and_descendants(s, unit_id))
            found.append(lambda x: x.unit_id in units)
            narrow.append(Employee.unit_id.in_(sorted(units)))
        self._narrow = narrow
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
