"""The PPE due list: who is to receive what in the next 30 days, overdue, never issued.

The list is computed from norms and issuances (not a table of its own); the database
computes it (`safedesk.db.ppe_due_page`, the same lines as `due_list`). In the page's
default order, by name (either way), the model reads the lines of a window of people at
a time, as the view scrolls: the first screen computes a hundred people's lines, not the
enterprise's, and the filters (text, unit with its sub-units) narrow the people in SQL.
Any other order needs every line: the whole list is computed once off the GUI thread
(a moment after the page opens, or when first asked for), then sorted and filtered in
memory; until it arrives the page says it is loading. A refresh shows the lines held
while they are computed again; after an issuance the held lines are dropped and read
again, so a line just issued is never offered twice.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog

from safedesk.db.engine import Database
from safedesk.db.ppe_due import DueLine, unit_and_descendants
from safedesk.db.ppe_due_held import DueFilter, Held, Names
from safedesk.db.ppe_due_page import every_line, window
from safedesk.domain.collation import sort_key
from safedesk.domain.ppe import STATUS_LABELS, DueStatus
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.ppe_issue import IssueDialog
from safedesk.ui.models import ROW_ID_ROLE
from safedesk.ui.widgets.errors import show_error, show_problem
from safedesk.ui.widgets.table_page import TablePage
from safedesk.ui.workers import starts_soon

Index = QModelIndex | QPersistentModelIndex
STATUS_COLOURS = {
    DueStatus.OVERDUE: "#c0392b",
    DueStatus.MISSING: "#c0392b",
    DueStatus.DUE_SOON: "#b9770e",
}
LOADING = N_("Loading the due list…")
NO_FILTER = DueFilter()


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
NAME_COLUMN = 0


class DueListModel(QAbstractTableModel):
    """The due lines: windows of people by name from SQL, or every line held in memory.

    By name (column 0, either order) the lines come from `window()`: people in
    `employees.sort_name` order, WINDOW of them at a time, more while a batch has fewer
    than FIRST_LINES (first screen) or BATCH_LINES (as the view scrolls) lines. By any
    other column the lines are the held whole list (`every_line()`, computed by a
    worker), sorted and filtered here; `loading` while it has not arrived yet.
    """

    WINDOW = 100  # people in the first window: about 50 lines, more than a screen
    MAX_WINDOW = 3200  # a window doubles while it finds too few lines (a rare filter)
    FIRST_LINES = 40  # a screenful and some
    BATCH_LINES = 100
    PREFETCH_MS = 600  # every line is asked for this long after the page opens or reloads

    # The whole list arrived (or could not be computed), or the order changed: what the
    # count label says may change.
    changed = Signal()
    failed = Signal(object)

    def __init__(
        self,
        db: Database,
        flt: DueFilter = NO_FILTER,
        today: Callable[[], dt.date] = dt.date.today,
        prefetch: bool = True,
    ) -> None:
        super().__init__()
        self._db = db
        self._today = today
        self.columns = list(COLUMNS)
        self._filter = flt
        self._sort = (NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self._rows: list[DueLine] = []
        self._texts: dict[int, list[str]] = {}  # a row's cells as shown, made on first paint
        self._after: tuple[str, int] | None = None
        self._window = self.WINDOW
        self._exhausted = True
        self._names: Names | None = None
        self._held: Held | None = None  # every line, in name order
        self._held_on: dt.date | None = None
        # Each reload is a new generation of the data: held lines are fresh when computed
        # for the current one; a job running for an older one is followed by another.
        self._generation = 0
        self._held_generation = -1
        self._job: Any = None
        self._job_generation = -1
        self._cancelled = threading.Event()  # the model is gone: a queued job need not run
        cancelled = self._cancelled
        self.destroyed.connect(lambda *_a: cancelled.set())
        # Every line is computed a moment after the page opens or reloads, once the first
        # screen is painted: it gives the count, and another order at once.
        self._prefetching = prefetch
        self._prefetch = starts_soon(QTimer(self))  # screenshots wait for it too
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(self.PREFETCH_MS)
        self._prefetch.timeout.connect(self._request_all)
        self.reload()

    # -- modes ------------------------------------------------------------------------
    def windowed(self) -> bool:
        """Whether the lines come from SQL windows (the order by name)."""
        return self._sort[0] == NAME_COLUMN

    @property
    def loading(self) -> bool:
        """Sorted by a column that needs every line, which has not arrived yet."""
        return not self.windowed() and self._held is None

    @property
    def fresh(self) -> bool:
        """Whether the held lines are those of the current data and day."""
        return (
            self._held is not None
            and self._held_generation == self._generation
            and self._held_on == self._today()
        )

    def _descending(self) -> bool:
        return self._sort[1] == Qt.SortOrder.DescendingOrder

    # -- what the page asks -----------------------------------------------------------
    def reload(self) -> None:
        """Read again: the first windows, or (another order) the held lines while every
        line is computed again."""
        self._generation += 1
        if self.windowed():
            self._reload_windows()
            if self._prefetching:
                self._prefetch.start()
        else:
            self._apply_held()
            self._request_all()

    def forget(self) -> None:
        """Drop the held lines (an issuance changed them): the next use reads them anew."""
        self._held = None
        self._generation += 1

    def set_filters(self, flt: DueFilter) -> None:
        self._filter = flt
        if self.windowed():
            self._reload_windows()
        else:
            self._apply_held()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or (column, order) == self._sort:
            return
        self._sort = (column, order)
        if self.windowed():
            self._reload_windows()
        else:
            if not self.fresh:
                self._request_all()  # meanwhile the held lines, if any, are shown
            self._apply_held()
        self.changed.emit()

    def count(self) -> int | None:
        """How many lines pass the filters, when known now: every line read by windows,
        or held and fresh; None until every line arrives (`changed`)."""
        if not self.canFetchMore():
            return len(self._rows)
        if self.fresh and self._held is not None:
            return len(self._held.matches(self._filter))
        if self._job is None and not self._prefetch.isActive():
            self._prefetch.start()  # a new day, or prefetching was off: count soon
        return None

    def lines(self) -> list[DueLine]:
        """Every line that passes the filters, in the page's order (the rest of the
        windows are read first)."""
        while self.canFetchMore():
            self.fetchMore()
        return list(self._rows)

    def line(self, key: int) -> DueLine | None:
        found = next((x for x in self._rows if x.key == key), None)
        if found is None and self._held is not None:
            found = next((x for x in self._held.lines if x.key == key), None)
        return found

    def total(self) -> int:
        return len(self._rows)

    def row_of(self, key: int) -> int | None:
        return next((i for i, x in enumerate(self._rows) if x.key == key), None)

    # -- windows by name --------------------------------------------------------------
    def _reload_windows(self) -> None:
        self._after, self._window, self._exhausted = None, self.WINDOW, False
        with self._db.session() as s:
            self._names = Names(s)
            rows = self._next_lines(s, self.FIRST_LINES)
        self.beginResetModel()
        self._rows, self._texts = rows, {}
        self.endResetModel()

    def _next_lines(self, session: Any, wanted: int) -> list[DueLine]:
        """The lines of the next windows of people, until `wanted` lines or the end."""
        found: list[DueLine] = []
        today, descending = self._today(), self._descending()
        while len(found) < wanted and not self._exhausted:
            got = window(
                session, today, self._filter, self._after, self._window, descending, self._names
            )
            if got.people < self._window:
                self._exhausted = True
            if got.last is not None:
                self._after = got.last
            found.extend(got.lines)
            if len(got.lines) < wanted // 2:  # few lines per person: larger windows
                self._window = min(self._window * 2, self.MAX_WINDOW)
        return found

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.windowed() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        with self._db.session() as s:
            more = self._next_lines(s, self.BATCH_LINES)
        if more:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # -- every line, held ---------------------------------------------------------------
    def _request_all(self) -> None:
        """Compute every line on a worker, one job at a time: a job running for an
        older generation is followed by another when it ends."""
        self._prefetch.stop()
        if self._job is not None:
            return
        from safedesk.ui.workers import run_in_background

        self._job_generation = self._generation
        db, today, cancelled = self._db, self._today(), self._cancelled

        def work() -> tuple[dt.date, Held] | None:
            if cancelled.is_set():
                return None
            with db.session() as s:
                return today, every_line(s, today)

        self._job = run_in_background(work, self._arrived, self._not_arrived, owner=self)

    def _arrived(self, result: tuple[dt.date, Held] | None) -> None:
        self._job = None
        if result is None:
            return
        self._held_on, self._held = result
        self._held_generation = self._job_generation
        if not self.fresh:
            self._request_all()  # reloaded meanwhile
        if not self.windowed():
            self._apply_held()
        self.changed.emit()

    def _not_arrived(self, error: BaseException) -> None:
        self._job = None
        self.failed.emit(error)
        self.changed.emit()

    def _apply_held(self) -> None:
        rows = [] if self._held is None else self._held.matches(self._filter)
        column, order = self._sort
        rows.sort(key=self.columns[column].sort, reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._rows, self._texts = rows, {}
        self.endResetModel()

    # -- the table ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(index.row())
            if texts is None:
                line = self._rows[index.row()]
                texts = self._texts[index.row()] = [str(c.value(line)) for c in self.columns]
            return texts[index.column()]
        line = self._rows[index.row()]
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
        model = DueListModel(self.db, self.conditions())
        model.setParent(self)  # deleted with the page: its pending jobs are dropped
        model.changed.connect(self._update_count)
        model.failed.connect(lambda e: show_error(self, e))
        return model

    def conditions(self) -> DueFilter:  # type: ignore[override]
        unit_id = self.unit_filter.currentData()
        units = None
        if unit_id is not None:
            with self.db.session() as s:
                units = frozenset(unit_and_descendants(s, unit_id))
        return DueFilter(self.search.text(), units)

    def _update_count(self) -> None:
        """'Loading…' while an order by another column waits for every line; else the
        count known at once (every line read, or held), or once every line arrives."""
        model = getattr(self, "model", None)
        if not isinstance(model, DueListModel):
            return  # not built yet
        if model.loading:
            self._counting += 1  # an older count arriving now is dropped
            self.count_label.setText(_(LOADING))
            return
        self._counting += 1
        n = model.count()
        if n is None:
            self.count_label.setText(_("Counting…"))  # `changed` comes with every line
        else:
            self._show_count(n)

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
        self.model.forget()  # type: ignore[attr-defined]
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
