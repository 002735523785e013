"""The heatmap of the risk matrix: how many rows stand in each cell, coloured by band.

Likelihood rises upwards, consequence to the right, as risk matrices are printed.
Clicking a cell selects it (the page filters its table to that cell); clicking it
again, or `clear_selection`, shows every cell again.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget

from safedesk.domain.risk import Matrix
from safedesk.i18n import _, current_language

Cell = tuple[int, int]
LABEL_WIDTH = 130
AXIS_HEIGHT = 44
CELL_MIN = 44


def band_colour(matrix: Matrix, cell: Cell) -> QColor:
    return QColor(matrix.band_of(*cell).colour)


def band_legend(matrix: Matrix) -> QLabel:
    """The bands' colours, scores and names under a heatmap (risk page, home page)."""
    lang = current_language()
    parts = [
        f'<span style="background:{b.colour}">&nbsp;&nbsp;&nbsp;&nbsp;</span> '
        f"{b.min_score}–{b.max_score} {b.name.get(lang)}"
        for b in matrix.bands
    ]
    label = QLabel(" &nbsp; ".join(parts))
    label.setObjectName("band_legend")
    label.setWordWrap(True)
    return label


class RiskHeatmap(QWidget):
    cell_clicked = Signal(object)  # (likelihood, consequence) or None

    def __init__(self, matrix: Matrix, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatmap")
        self.matrix = matrix
        self.counts: dict[Cell, int] = {}
        self.selected: Cell | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    # -- what the page sets ------------------------------------------------------------
    def set_counts(self, counts: dict[Cell, int]) -> None:
        self.counts = dict(counts)
        self.update()

    def clear_selection(self) -> None:
        self.selected = None
        self.update()

    def count(self, cell: Cell) -> int:
        return self.counts.get(cell, 0)

    # -- geometry --------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        rows, cols = self.matrix.size
        return QSize(LABEL_WIDTH + cols * 56, AXIS_HEIGHT + rows * 48)

    def minimumSizeHint(self) -> QSize:
        rows, cols = self.matrix.size
        return QSize(LABEL_WIDTH + cols * CELL_MIN, AXIS_HEIGHT + rows * 36)

    def _cell_size(self) -> tuple[float, float]:
        rows, cols = self.matrix.size
        return (
            max(1.0, (self.width() - LABEL_WIDTH - 4) / cols),
            max(1.0, (self.height() - AXIS_HEIGHT - 4) / rows),
        )

    def cell_rect(self, cell: Cell) -> QRect:
        """Where cell (likelihood, consequence) is drawn; likelihood 1 is the bottom row."""
        rows, _cols = self.matrix.size
        width, height = self._cell_size()
        lik, con = cell
        x = LABEL_WIDTH + (con - 1) * width
        y = 2 + (rows - lik) * height
        return QRect(int(x), int(y), int(width), int(height))

    def cell_at(self, point: QPoint) -> Cell | None:
        for cell in self.matrix.cells():
            if self.cell_rect(cell).contains(point):
                return cell
        return None

    # -- events ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        cell = self.cell_at(event.position().toPoint())
        if cell is None:
            return
        self.selected = None if cell == self.selected else cell
        self.update()
        self.cell_clicked.emit(self.selected)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self.describe(cell), self)

    def describe(self, cell: Cell) -> str:
        lang = current_language()
        lik, con = cell
        band = self.matrix.band_of(lik, con)
        return _(
            "Likelihood {l} ({likelihood}) × consequence {c} ({consequence}): score {score}, "
            "{band} — {response}. Rows: {n}"
        ).format(
            l=lik,
            c=con,
            likelihood=self.matrix.likelihood[lik - 1].name.get(lang),
            consequence=self.matrix.consequence[con - 1].name.get(lang),
            score=self.matrix.score(lik, con),
            band=band.name.get(lang),
            response=band.response.get(lang),
            n=self.count(cell),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        lang = current_language()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() + 1)
        metrics = painter.fontMetrics()
        rows, cols = self.matrix.size
        for cell in self.matrix.cells():
            rect = self.cell_rect(cell)
            colour = band_colour(self.matrix, cell)
            if self.selected is not None and cell != self.selected:
                colour = colour.lighter(130)
            painter.fillRect(rect, colour)
            painter.setPen(QPen(QColor("#555555"), 1))
            painter.drawRect(rect)
            n = self.count(cell)
            painter.setFont(bold)
            painter.setPen(QColor("#000000") if n else QColor("#00000060"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(n) if n else "·")
            painter.setFont(self.font())
        if self.selected is not None:
            painter.setPen(QPen(QColor("#1f3a93"), 3))
            painter.drawRect(self.cell_rect(self.selected).adjusted(1, 1, -1, -1))
        painter.setPen(self.palette().color(self.foregroundRole()))
        for lik in range(1, rows + 1):
            rect = self.cell_rect((lik, 1))
            label = f"{lik} {self.matrix.likelihood[lik - 1].name.get(lang)}"
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
            painter.drawText(
                QRect(2, rect.y(), LABEL_WIDTH - 6, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                text,
            )
        for con in range(1, cols + 1):
            rect = self.cell_rect((1, con))
            name = self.matrix.consequence[con - 1].name.get(lang)
            below = QRect(rect.x(), rect.bottom() + 2, rect.width(), AXIS_HEIGHT // 2 - 2)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, str(con))
            under = below.translated(0, AXIS_HEIGHT // 2 - 4)
            painter.drawText(
                under,
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width() - 2),
            )
        painter.drawText(
            QRect(2, self.height() - AXIS_HEIGHT + 2, LABEL_WIDTH - 6, AXIS_HEIGHT - 4),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            _("Likelihood ↑ · consequence →"),
        )
        painter.end()
