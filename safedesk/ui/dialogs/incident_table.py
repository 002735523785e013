"""An editable list of lines inside a dialog: victims, commission members, causes.

Each column is text, a whole number, a date typed dd.mm.yyyy, or a choice; the dialog
reads the lines back as plain dicts for the service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from safedesk.i18n import _
from safedesk.ui.widgets.fields import set_combo_value

KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class LineColumn:
    key: str
    title: str  # message id
    kind: str = "text"  # text | int | date | choice
    labels: Mapping[Any, str] | None = None  # value → message id, for a choice
    make_combo: Callable[[], QComboBox] | None = None  # a ready combo, for a choice


class LinesTable(QTableWidget):
    def __init__(self, columns: list[LineColumn], parent: QWidget | None = None) -> None:
        if columns[0].kind == "choice":
            raise ValueError("the first column holds the hidden value: it cannot be a choice")
        super().__init__(0, len(columns), parent)
        self.columns = columns
        self.setHorizontalHeaderLabels([_(c.title) for c in columns])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setDefaultSectionSize(26)

    def add_line(self, values: Mapping[str, Any] | None = None, hidden: Any = None) -> int:
        """Append a line; `hidden` (e.g. an employee id) rides along with it."""
        values = values or {}
        row = self.rowCount()
        self.insertRow(row)
        for i, column in enumerate(self.columns):
            value = values.get(column.key)
            if column.kind == "choice":
                combo = column.make_combo() if column.make_combo else QComboBox()
                if column.labels is not None:
                    for key, label in column.labels.items():
                        combo.addItem(_(label), str(key))
                if value is not None:
                    set_combo_value(combo, value)
                self.setCellWidget(row, i, combo)
                continue
            if column.kind == "date":
                text = value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else ""
            else:
                text = "" if value is None else str(value)
            item = QTableWidgetItem(text)
            if i == 0:
                item.setData(KEY_ROLE, hidden)
            self.setItem(row, i, item)
        self.resizeColumnsToContents()
        return row

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)

    def hidden(self, row: int) -> Any:
        item = self.item(row, 0)
        return item.data(KEY_ROLE) if item is not None else None

    def lines(self) -> tuple[list[dict[str, Any]], list[str]]:
        """Every line as {key: value}, and the cells that could not be read."""
        found: list[dict[str, Any]] = []
        bad: list[str] = []
        for row in range(self.rowCount()):
            line: dict[str, Any] = {}
            for i, column in enumerate(self.columns):
                if column.kind == "choice":
                    widget = self.cellWidget(row, i)
                    line[column.key] = (
                        widget.currentData() if isinstance(widget, QComboBox) else None
                    )
                    continue
                item = self.item(row, i)
                text = item.text().strip() if item is not None else ""
                line[column.key], ok = _read(column.kind, text)
                if not ok:
                    bad.append(
                        _("line {n}, {column}: “{text}”").format(
                            n=row + 1, column=_(column.title), text=text
                        )
                    )
            found.append(line)
        return found, bad


def _read(kind: str, text: str) -> tuple[Any, bool]:
    if kind == "int":
        if not text:
            return 0, True
        return (int(text), True) if text.isdigit() else (0, False)
    if kind == "date":
        if not text:
            return None, True
        try:
            return dt.datetime.strptime(text, "%d.%m.%Y").date(), True
        except ValueError:
            return None, False
    return text, True
