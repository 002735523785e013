"""The one table model: pages a SQLAlchemy Select into a view as the user scrolls.

Only the rows on screen (plus a batch) are ever loaded, so a register of a million rows
opens as fast as one of ten. Sorting and filtering rebuild the query and start again
from the first batch; the database does the work, on its indexes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from sqlalchemy import ColumnElement, Select, SQLColumnExpression, bindparam, func, select
from sqlalchemy.types import Integer

from safedesk.db.engine import Database
from safedesk.i18n import _

Index = QModelIndex | QPersistentModelIndex
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    """One visible column: a translated title, what to select, how to sort and show it."""

    title: str  # message id, translated when shown
    expr: SQLColumnExpression[Any]
    # e.g. the collation key of a name; several keys order by each in turn (on one index)
    sort: SQLColumnExpression[Any] | tuple[SQLColumnExpression[Any], ...] | None = None
    show: Callable[[Any], str] | None = None
    align_right: bool = False
    width: int = 0  # a first width in characters; the user can change it
    # The text colour of the row ("#c0392b") from this column's value, None for the
    # usual one: e.g. an overdue date shows its row in red.
    colour: Callable[[Any], str | None] | None = None


class SelectTableModel(QAbstractTableModel):
    """Rows of `query` (a Select of the key column, joined as needed) in batches.

    `query` must select nothing itself: the model adds the key and the columns. Filters
    are plain SQLAlchemy conditions; the page builds them from the filter bar.
    """

    def __init__(
        self,
        db: Database,
        columns: Sequence[Column],
        source: Callable[[], Select[Any]],
        key: SQLColumnExpression[int],
        batch: int = 200,
        default_sort: int = 0,
        filters: Sequence[ColumnElement[bool]] = (),
        source_for_order: Callable[[int], Select[Any]] | None = None,
    ) -> None:
        super().__init__()
        self._db = db
        self.columns = list(columns)
        self._source = source
        # The FROM for a sort column, when the best order of the joined tables depends on
        # it (see safedesk/db/walked_first.py); rebuilt with the batch query on each order.
        self._source_for_order = source_for_order
        self._key = key
        self._batch = batch
        self._filters: list[ColumnElement[bool]] = list(filters)
        self._sort_column = default_sort
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._rows: list[tuple[Any, ...]] = []
        self._texts: list[list[str] | None] = []  # each row as shown, made on first paint
        self._exhausted = False
        # The batch query of the current filters and order, built once: every batch and
        # every reload of the same view reuse it with new LIMIT/OFFSET values, so SQLAlchemy
        # finds its compiled form without rebuilding and re-keying the statement each time.
        self._batches: Select[Any] | None = None
        self.reload()

    # -- what the page asks -------------------------------------------------
    def set_filters(self, conditions: Sequence[ColumnElement[bool]]) -> None:
        self._filters = list(conditions)
        self._batches = None
        self.reload()

    def reload(self) -> None:
        rows = self._fetch(0, self._batch)  # before the reset: the view is never empty
        self.beginResetModel()
        self._rows = rows
        self._texts = [None] * len(rows)
        self._exhausted = len(rows) < self._batch
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        if 0 <= row < len(self._rows):
            return int(self._rows[row][0])
        return None

    def row_of(self, row_id: int) -> int | None:
        """The row showing `row_id` among those loaded, to select a record after saving."""
        for i, values in enumerate(self._rows):
            if values[0] == row_id:
                return i
        return None

    def total(self) -> int:
        """How many rows match the filters (one COUNT, not a load)."""
        return self.count_of(self.count_query())

    def count_query(self) -> Select[Any]:
        """The COUNT of the rows that match the filters, built now (on the GUI thread)."""
        return (
            self._filtered()
            .with_only_columns(func.count(self._key), maintain_column_froms=True)
            .order_by(None)
        )

    def count_of(self, query: Select[Any]) -> int:
        """Run a `count_query`; safe on a worker thread (its own session)."""
        with self._db.engine.connect() as conn:
            return int(conn.scalar(query) or 0)

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def page_query(self, offset: int, limit: int) -> Select[Any]:
        """The exact query of one batch, its values bound; public so that tests can EXPLAIN it."""
        return self.batch_query(offset, limit)

    def _batch_query(self) -> Select[Any]:
        if self._batches is None:
            batch = bindparam("offset", type_=Integer), bindparam("limit", type_=Integer)
            self._batches = self.batch_query(*batch)
        return self._batches

    def batch_query(self, offset: Any, limit: Any) -> Select[Any]:
        """The rows `offset` to `offset + limit` in the current order and filters.

        `offset` and `limit` are numbers or bound parameters. A subclass may read a
        batch another way (the same rows, in the same order) by overriding this.
        """
        sort_col = self.columns[self._sort_column]
        keys = sort_col.sort if sort_col.sort is not None else sort_col.expr
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        ordering = [
            key.desc() if descending else key.asc()
            for key in (keys if isinstance(keys, tuple) else (keys,))
        ]
        ordering.append(self._key.desc() if descending else self._key.asc())
        return (
            self._filtered()
            .with_only_columns(
                self._key, *(c.expr for c in self.columns), maintain_column_froms=True
            )
            .order_by(*ordering)
            .offset(offset)
            .limit(limit)
        )

    # -- Qt model interface ---------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # Formatted once per row: resizing and painting ask for each cell many times.
            texts = self._texts[index.row()]
            if texts is None:
                texts = self._texts[index.row()] = self._show_row(self._rows[index.row()])
            return texts[index.column()]
        column = self.columns[index.column()]
        if role == ROW_ID_ROLE:
            return self._rows[index.row()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            values = self._rows[index.row()]
            for i, each in enumerate(self.columns):
                if each.colour is not None and (name := each.colour(values[i + 1])) is not None:
                    return QColor(name)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _(self.columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # the view sets its indicator once built: the rows are in that order
        self._sort_column, self._sort_order = column, order
        self._batches = None
        self.reload()

    def set_sort(self, column: int, order: Qt.SortOrder) -> None:
        """The order of the next `reload`, without loading now (a page's default order)."""
        self._sort_column, self._sort_order = column, order
        self._batches = None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        more = self._fetch(len(self._rows), self._batch)
        if len(more) < self._batch:
            self._exhausted = True
        if more:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._rows.extend(more)
            self._texts.extend([None] * len(more))
            self.endInsertRows()

    # -- internals --------------------------------------------------------------
    def _show_row(self, values: tuple[Any, ...]) -> list[str]:
        texts = []
        for column, value in zip(self.columns, values[1:], strict=False):
            if column.show is not None:
                texts.append(column.show(value))
            else:
                texts.append("" if value is None else str(value))
        return texts

    def _filtered(self) -> Select[Any]:
        if self._source_for_order is not None:
            query = self._source_for_order(self._sort_column)
        else:
            query = self._source()
        for condition in self._filters:
            query = query.where(condition)
        return query

    def _fetch(self, offset: int, limit: int) -> list[tuple[Any, ...]]:
        # A Core connection, not an ORM session: the rows are plain tuples, and a batch
        # then costs little more than its SQL (about half the time of a session).
        with self._db.engine.connect() as conn:
            found = conn.execute(self._batch_query(), {"offset": offset, "limit": limit})
            return [tuple(r) for r in found.all()]


def select_from(*entities: Any) -> Callable[[], Select[Any]]:
    """A `source` for the model: the FROM of a page's query, columns chosen by the model."""

    def source() -> Select[Any]:
        return select(*entities)

    return source
