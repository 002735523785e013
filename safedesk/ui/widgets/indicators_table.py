"""The Concept's indicators beside the oblast targets, with how each was computed."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QWidget,
)

from safedesk.domain.indicators import KINDS, IndicatorValue
from safedesk.i18n import _, format_date, format_decimal


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return format_decimal(value)


class IndicatorsTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("indicators")
        self.setHorizontalHeaderLabels([_("Indicator"), _("Value"), _("Target"), _("Status")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The title takes what is left and wraps; numbers and status keep their width.
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)
        # A click shows the computation as well as a hover, for touchpads and keyboards.
        self.cellClicked.connect(self._explain)

    def _explain(self, row: int, _column: int) -> None:
        item = self.item(row, 0)
        if item is not None:
            QToolTip.showText(QCursor.pos(), item.toolTip(), self)

    def show_values(self, values: list[IndicatorValue], targets: dict[str, float]) -> None:
        self.setRowCount(len(values))
        for row, value in enumerate(values):
            kind = KINDS[value.code]
            target = targets.get(value.code)
            title = f"{value.code}. {_(kind.title)}"
            shown = _number(value.value) + (f" {_(kind.unit)}" if value.value is not None else "")
            if not value.available:
                shown, status, colour = "—", _("register not kept yet"), "#7f8c8d"
            else:
                meets = value.meets(target)
                status, colour = {
                    True: (_("target met"), "#1e8449"),
                    False: (_("below target"), "#c0392b"),
                    None: (_("no data"), "#7f8c8d"),
                }[meets]
            explanation = _("{method}\nNumerator: {num}; denominator: {den}; as of {date}.").format(
                method=_(kind.method),
                num=_number(value.numerator),
                den=_number(value.denominator),
                date=format_date(value.as_of),
            )
            cells = [title, shown, _number(target), status]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(explanation)
                if column == 3:
                    item.setForeground(QBrush(QColor(colour)))
                self.setItem(row, column, item)
        self.resizeRowsToContents()
