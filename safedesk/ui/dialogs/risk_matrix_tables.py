"""The tables of the matrix editor: a scale's levels, the score grid, the bands.

Each table reads from and writes back the plain JSON values `matrix_from_json` takes,
so the editor never holds a second model of the matrix.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QColorDialog, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from safedesk.domain.risk import LANGS, Matrix
from safedesk.i18n import N_, _

LEVEL_COLUMNS = (
    N_("Name (kk)"),
    N_("Name (ru)"),
    N_("Name (en)"),
    N_("Description (kk)"),
    N_("Description (ru)"),
    N_("Description (en)"),
)
BAND_COLUMNS = (
    N_("Code"),
    N_("From score"),
    N_("To score"),
    N_("Colour"),
    N_("Name (kk)"),
    N_("Name (ru)"),
    N_("Name (en)"),
    N_("Response (kk)"),
    N_("Response (ru)"),
    N_("Response (en)"),
)
COLOUR_COLUMN = 3
PROBLEM_COLOUR = "#c0392b"


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def _int(text: str, default: int) -> int:
    try:
        return int(text.strip())
    except ValueError:
        return default


def _set(table: QTableWidget, row: int, column: int, text: object) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    table.setItem(row, column, item)
    return item


def _stretch(table: QTableWidget) -> None:
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(24)


class LevelsTable(QTableWidget):
    """The steps of one scale (likelihood or consequence): names and descriptions, kk/ru/en."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(LEVEL_COLUMNS), parent)
        self.setHorizontalHeaderLabels([_(c) for c in LEVEL_COLUMNS])
        _stretch(self)
        for column in range(len(LEVEL_COLUMNS)):
            self.setColumnWidth(column, 150 if column < 3 else 220)

    def set_levels(self, levels: list[dict[str, Any]]) -> None:
        self.setRowCount(0)
        self.resize_to(len(levels))
        for row, level in enumerate(levels):
            description = level.get("description") or {}
            for i, lang in enumerate(LANGS):
                _set(self, row, i, level.get(lang, ""))
                _set(self, row, 3 + i, description.get(lang, ""))

    def resize_to(self, n: int) -> None:
        old = self.rowCount()
        self.setRowCount(n)
        for row in range(old, n):
            for column in range(len(LEVEL_COLUMNS)):
                _set(self, row, column, "")
        self.setVerticalHeaderLabels([str(i) for i in range(1, n + 1)])

    def levels(self) -> list[dict[str, Any]]:
        return [
            {
                "level": row + 1,
                **{lang: _text(self, row, i) for i, lang in enumerate(LANGS)},
                "description": {lang: _text(self, row, 3 + i) for i, lang in enumerate(LANGS)},
            }
            for row in range(self.rowCount())
        ]


class ScoresGrid(QTableWidget):
    """The score of every cell, drawn as the heatmap is: likelihood rises upwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("scores")
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(230)

    @property
    def size_(self) -> tuple[int, int]:
        return self.rowCount(), self.columnCount()

    def position(self, likelihood: int, consequence: int) -> tuple[int, int]:
        return self.rowCount() - likelihood, consequence - 1

    def cell_item(self, likelihood: int, consequence: int) -> QTableWidgetItem | None:
        return self.item(*self.position(likelihood, consequence))

    def set_scores(self, scores: list[list[int]]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        self.setColumnCount(0)
        self.blockSignals(False)
        rows = len(scores)
        cols = len(scores[0]) if scores else 0
        self.resize_to(rows, cols, scores)

    def resize_to(self, rows: int, cols: int, scores: list[list[int]] | None = None) -> None:
        """New cells start at likelihood × consequence; kept cells keep their score."""
        old = scores if scores is not None else self.scores()
        self.blockSignals(True)
        self.setRowCount(rows)
        self.setColumnCount(cols)
        for lik in range(1, rows + 1):
            for con in range(1, cols + 1):
                value = old[lik - 1][con - 1] if lik <= len(old) and con <= len(old[0]) else None
                item = QTableWidgetItem(str(value if value is not None else lik * con))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(*self.position(lik, con), item)
        self.setVerticalHeaderLabels([str(rows - r) for r in range(rows)])
        self.setHorizontalHeaderLabels([str(c) for c in range(1, cols + 1)])
        self.blockSignals(False)

    def scores(self) -> list[list[int]]:
        rows, cols = self.size_
        found: list[list[int]] = []
        for lik in range(1, rows + 1):
            line = []
            for con in range(1, cols + 1):
                item = self.cell_item(lik, con)
                line.append(_int(item.text() if item is not None else "", 0))
            found.append(line)
        return found

    def paint(self, matrix: Matrix) -> None:
        """Each cell in the colour of the band its score falls in; no band, no colour."""
        self.blockSignals(True)
        for lik, con in matrix.cells():
            item = self.cell_item(lik, con)
            if item is None:
                continue
            score = _int(item.text(), 0)
            holding = [b for b in matrix.bands if b.holds(score)]
            colour = QColor(holding[0].colour) if len(holding) == 1 else QColor("#ffffff")
            item.setBackground(QBrush(colour if colour.isValid() else QColor("#ffffff")))
            item.setForeground(QBrush(QColor("#000000")))
            item.setFont(QFont())
            item.setToolTip(holding[0].code if len(holding) == 1 else "")
        self.blockSignals(False)

    def mark_cell(self, likelihood: int, consequence: int, message: str) -> None:
        item = self.cell_item(likelihood, consequence)
        if item is None:
            return
        self.blockSignals(True)
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QBrush(QColor(PROBLEM_COLOUR)))
        item.setToolTip(message)
        self.blockSignals(False)


class BandsTable(QTableWidget):
    """The ranks of risk: score range, colour (shown in the cell), names and response."""

    colour_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(BAND_COLUMNS), parent)
        self.setObjectName("bands")
        self.setHorizontalHeaderLabels([_(c) for c in BAND_COLUMNS])
        _stretch(self)
        for column, width in enumerate((80, 70, 70, 90, 110, 110, 110, 220, 220, 220)):
            self.setColumnWidth(column, width)
        self.setEditTriggers(
            QTableWidget.EditTrigger.AnyKeyPressed
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.SelectedClicked
        )
        self.cellDoubleClicked.connect(self._pick_colour)
        self.itemChanged.connect(self._item_changed)

    def set_bands(self, bands: list[dict[str, Any]]) -> None:
        self.setRowCount(0)
        for band in bands:
            self.add_band(band)

    def add_band(self, band: dict[str, Any] | None = None) -> int:
        band = band or {"code": "", "min": 0, "max": 0, "colour": "#ffffff"}
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        name, response = band.get("name") or {}, band.get("response") or {}
        values = [band.get("code", ""), band.get("min", 0), band.get("max", 0),
                  band.get("colour", "#ffffff")]  # fmt: skip
        values += [name.get(lang, "") for lang in LANGS]
        values += [response.get(lang, "") for lang in LANGS]
        for column, value in enumerate(values):
            _set(self, row, column, value)
        self._show_colour(row)
        self.blockSignals(False)
        return row

    def bands(self) -> list[dict[str, Any]]:
        return [
            {
                "code": _text(self, row, 0),
                "min": _int(_text(self, row, 1), 0),
                "max": _int(_text(self, row, 2), -1),
                "colour": _text(self, row, COLOUR_COLUMN) or "#ffffff",
                "name": {lang: _text(self, row, 4 + i) for i, lang in enumerate(LANGS)},
                "response": {lang: _text(self, row, 7 + i) for i, lang in enumerate(LANGS)},
            }
            for row in range(self.rowCount())
        ]

    def set_colour(self, row: int, colour: str) -> None:
        _set(self, row, COLOUR_COLUMN, colour)  # itemChanged repaints it

    def _show_colour(self, row: int) -> None:
        item = self.item(row, COLOUR_COLUMN)
        if item is None:
            return
        colour = QColor(item.text().strip())
        was = self.blockSignals(True)
        item.setBackground(QBrush(colour if colour.isValid() else QColor("#ffffff")))
        item.setToolTip(_("Double-click to choose the colour."))
        self.blockSignals(was)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COLOUR_COLUMN:
            self._show_colour(item.row())
        self.colour_changed.emit()

    def _pick_colour(self, row: int, column: int) -> None:
        if column != COLOUR_COLUMN:
            return
        colour = QColorDialog.getColor(QColor(_text(self, row, column)), self, _("Colour"))
        if colour.isValid():
            self.set_colour(row, colour.name())
