"""A register page: filter bar, the lazy table, and add / open actions.

Pages configure it (columns, query, filters, the dialog to open); the model pages rows
in from the database as the user scrolls, so every register feels the same and stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.errors import SafeDeskError
from safedesk.i18n import _, ngettext
from safedesk.ui.models import ROW_ID_ROLE, SelectTableModel
from safedesk.ui.widgets.action_bar import ActionBar
from safedesk.ui.widgets.confirm import ask
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.widgets.flow_layout import FlowLayout
from safedesk.ui.widgets.page import Page

FILTER_DELAY_MS = 150
FIT_ROWS = 40  # rows read to fit the columns' widths


class TablePage(Page):
    search_hint = ""  # message id of the filter box's placeholder
    confirm: Callable[[QWidget, str], bool] | None = None  # tests answer; None asks the user

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.toolbar = ActionBar()  # wraps onto a second row: no action hidden behind »
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_(self.search_hint))
        self.search.setMinimumWidth(280)
        self.filter_bar = FlowLayout()
        self.filter_bar.addWidget(self.search, 2)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self._open_index)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._timer.start())

        self.add_action = self.action(_("Add"), self.add_record, QKeySequence.StandardKey.New)
        self.open_action = self.action(_("Open"), self.open_current, "Return")
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.build_filters()

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._counting = 0  # the latest count asked for; older answers are dropped
        self.model = self.make_model()
        self.table.setModel(self.model)
        column, order = (
            self.model.sort_state()
            if isinstance(self.model, SelectTableModel)
            else (0, Qt.SortOrder.AscendingOrder)
        )
        self.table.horizontalHeader().setSortIndicator(column, order)
        self._size_columns()
        self._update_count()

    # -- to be configured by each page ------------------------------------------------
    def make_model(self) -> SelectTableModel:
        raise NotImplementedError

    def build_filters(self) -> None:
        """Add filter widgets beside the search box; call `apply_filters` when they change."""

    def conditions(self) -> list[ColumnElement[bool]]:
        """The WHERE conditions of the current filter bar."""
        return []

    def record_dialog(self, row_id: int | None) -> QDialog | None:
        """The dialog of record `row_id`, or of a new record when None."""
        return None

    # -- shared behaviour -----------------------------------------------------------------
    def add_record(self) -> None:
        self._edit(self.record_dialog(None))

    def open_record(self, row_id: int) -> None:
        self._edit(self.record_dialog(row_id))

    def _edit(self, dialog: QDialog | None) -> None:
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.after_save(getattr(dialog, "saved_id", None))

    def action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(act)
        self.addAction(act)
        return act

    def apply_filters(self) -> None:
        self._timer.stop()
        self.model.set_filters(self.conditions())
        self._update_count()

    def refresh(self) -> None:
        self.model.reload()
        self._update_count()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index, ROW_ID_ROLE)
        return int(value) if value is not None else None

    def delete_selected(self, delete: Callable[[Session, int], object], question: str) -> bool:
        """Delete the selected record once the user has said yes to `question` (a message
        id); a refusal by the register's rules is shown and nothing changes."""
        row_id = self.current_id()
        if row_id is None or not (self.confirm or ask)(self, _(question)):
            return False
        try:
            with self.db.write() as s:
                delete(s, row_id)
        except SafeDeskError as e:
            show_problem(self, e)
            return False
        self.refresh()
        return True

    def open_current(self) -> None:
        row_id = self.current_id()
        if row_id is not None:
            self.open_record(row_id)

    def select_id(self, row_id: int | None) -> None:
        if row_id is None:
            return
        row = self.model.row_of(row_id)
        if row is not None:
            self.table.selectRow(row)

    def after_save(self, row_id: int | None) -> None:
        self.refresh()
        self.select_id(row_id)

    def _open_index(self, index: QModelIndex) -> None:
        value = self.model.data(index, ROW_ID_ROLE)
        if value is not None:
            self.open_record(int(value))

    def _update_count(self) -> None:
        """Show how many rows match: at once when they are all loaded, else counted
        in the background, so a register of a million rows never waits for its COUNT."""
        self._counting += 1
        # A model that reads its rows as the view scrolls counts them in the background:
        # a SelectTableModel by its COUNT query, any other by its `count_job()`, a
        # function that a worker thread may run.
        count_job = getattr(self.model, "count_job", None)
        lazy = isinstance(self.model, SelectTableModel) or callable(count_job)
        if not lazy or not self.model.canFetchMore():
            self._show_count(self.model.rowCount(QModelIndex()))
            return
        from safedesk.ui.workers import run_in_background

        asked = self._counting
        if isinstance(self.model, SelectTableModel):
            query, model = self.model.count_query(), self.model
            job = lambda: model.count_of(query)  # noqa: E731
        else:
            job = count_job()
        self.count_label.setText(_("Counting…"))

        def done(n: object) -> None:
            if asked == self._counting:
                self._show_count(int(n))  # type: ignore[call-overload]

        run_in_background(job, done, lambda _e: None, owner=self.count_label)

    def _show_count(self, n: int) -> None:
        self.count_label.setText(ngettext("{n} record", "{n} records", n).format(n=n))

    def _size_columns(self) -> None:
        # Fit what the first batch shows, within bounds: long names are not cut at once,
        # and one very long cell does not push every other column off the screen.
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(FIT_ROWS)  # the rows on screen, not the batch
        self.table.resizeColumnsToContents()
        average = self.table.fontMetrics().averageCharWidth()
        for i, column in enumerate(self.model.columns):
            widest = average * max(column.width, 12) * 2
            self.table.setColumnWidth(i, min(self.table.columnWidth(i) + 12, widest))
