"""Charts with Qt Charts: bars per month, in a card that saves them as PNG or prints them.

A `MonthBars` only draws what it is given (category labels, series of whole numbers);
the labels come translated from the caller, months by `month_label` in the window's
language. A `ChartCard` is a titled frame around any widget — a chart or the risk
heatmap — with a menu to save the picture (title included) or print it.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QRect, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QPainter,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from safedesk.i18n import _, current_language

AXIS_ROOM = 70  # what the count axis and the margins take of a chart's width
LABEL_PADDING = 18  # Qt Charts cuts a category label narrower than its bar by about this
NOTE_COLOUR = "#c0392b"  # what is overdue, as the due list colours it


def month_label(month: dt.date, with_year: bool = False, language: str | None = None) -> str:
    """'қаң.' / 'янв.' / 'Jan' — with the year ('қаң. 2026') where asked."""
    from babel.dates import format_date

    return format_date(
        month, "LLL y" if with_year else "LLL", locale=language or current_language()
    )


def month_labels(
    months: Sequence[dt.date], years: bool = True, language: str | None = None
) -> list[str]:
    """Months for an axis: with `years`, the year on the first one and on every January."""
    return [
        month_label(m, with_year=years and (i == 0 or m.month == 1), language=language)
        for i, m in enumerate(months)
    ]


def nice_axis(largest: int) -> tuple[int, int]:
    """The top of a count axis and its number of ticks: whole steps of 1, 2 or 5 × 10ⁿ."""
    if largest <= 0:
        return 1, 2
    wanted = largest * 1.1
    magnitude = 10 ** max(0, math.floor(math.log10(wanted / 4)))
    step = next(m * magnitude for m in (1, 2, 5, 10) if wanted / (m * magnitude) <= 5)
    top = math.ceil(wanted / step) * step
    return top, top // step + 1


@dataclass(frozen=True)
class Bars:
    """One series of bars: its legend (translated) and colour, a number per category."""

    label: str
    colour: str
    values: Sequence[int]


class MonthBars(QChartView):
    """Bars per category (months), side by side or stacked; counts on the bars."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(2, 2, 2, 2))
        layout = chart.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)  # the card is the frame: no white border
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumSize(260, 150)
        self._categories: list[str] = []
        self._bars: list[Bars] = []

    def show_bars(self, categories: Sequence[str], bars: Sequence[Bars], stacked: bool) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        self._categories, self._bars = list(categories), list(bars)
        series = QStackedBarSeries() if stacked else QBarSeries()
        for one in bars:
            bar_set = QBarSet(one.label)
            bar_set.append([float(v) for v in one.values])
            bar_set.setColor(QColor(one.colour))
            bar_set.setBorderColor(QColor(one.colour).darker(120))
            bar_set.setLabelColor(QColor("#ffffff") if stacked else QColor("#222222"))
            bar_set.hovered.connect(lambda on, index, b=one: self._explain(on, index, b))
            series.append(bar_set)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(
            QBarSeries.LabelsPosition.LabelsCenter
            if stacked
            else QBarSeries.LabelsPosition.LabelsOutsideEnd
        )
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        # One word a line ('қар.' over '2026'): long labels are cut otherwise.
        axis_x.append([html.escape(c).replace(" ", "<br>") for c in categories])
        axis_x.setLabelsFont(self._small_font())
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        heights = [
            (sum if stacked else max)(b.values[i] for b in bars) if bars else 0
            for i in range(len(categories))
        ]
        top, ticks = nice_axis(max(heights, default=0))
        axis_y = QValueAxis()
        axis_y.setRange(0, top)
        axis_y.setTickCount(ticks)
        axis_y.setLabelFormat("%d")
        axis_y.setLabelsFont(self._small_font())
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.legend().setVisible(len(bars) > 1)
        self._fit_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Upright month names where they fit under their bar, turned on their side if not."""
        axes = self.chart().axes(Qt.Orientation.Horizontal)
        if not axes or not self._categories:
            return
        metrics = QFontMetrics(self._small_font())
        widest = max(metrics.horizontalAdvance(w) for c in self._categories for w in c.split())
        room = (self.width() - AXIS_ROOM) / len(self._categories)
        axes[0].setLabelsAngle(0 if widest + LABEL_PADDING <= room else -90)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        return font

    def _explain(self, on: bool, index: int, bars: Bars) -> None:
        if not on or not 0 <= index < len(self._categories):
            QToolTip.hideText()
            return
        text = f"{self._categories[index]} · {bars.label}: {bars.values[index]}"
        QToolTip.showText(QCursor.pos(), text, self)

    # -- what tests and callers read back ---------------------------------------------------
    def categories(self) -> list[str]:
        """The category labels as the axis shows them."""
        axes = self.chart().axes(Qt.Orientation.Horizontal)
        shown = list(axes[0].categories()) if axes else []  # type: ignore[attr-defined]
        return [html.unescape(c.replace("<br>", " ")) for c in shown]

    def values(self) -> dict[str, list[int]]:
        """Legend label → the count of each category, as drawn."""
        found: dict[str, list[int]] = {}
        for series in self.chart().series():
            for bar_set in series.barSets():  # type: ignore[attr-defined]
                found[bar_set.label()] = [int(bar_set.at(i)) for i in range(bar_set.count())]
        return found

    def legend_labels(self) -> list[str]:
        legend = self.chart().legend()
        return [m.label() for m in legend.markers()] if legend.isVisible() else []


class ChartCard(QFrame):
    """A titled frame around `body` with 'Save as PNG…' and 'Print…' in its menu."""

    def __init__(self, name: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.body = body
        self.title = QLabel()
        self.title.setObjectName("chart_title")
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.note = QLabel()
        self.note.setObjectName("chart_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.note.hide()
        self.save_action = QAction(self)
        self.save_action.triggered.connect(lambda: self.save_png())
        self.print_action = QAction(self)
        self.print_action.triggered.connect(lambda: self.print_chart())
        menu = QMenu(self)
        menu.addAction(self.save_action)
        menu.addAction(self.print_action)
        self.menu_button = QToolButton()
        self.menu_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(menu)
        self.menu_button.setAutoRaise(True)
        # The same actions on a right click anywhere on the card.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addAction(self.save_action)
        self.addAction(self.print_action)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.menu_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(body, 1)
        self.file_name = f"{name}.png"
        self.retranslate("")

    def retranslate(self, title: str, note: str = "") -> None:
        """The title and an optional note under it (what is overdue), in the current language."""
        self.title.setText(title)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.save_action.setText(_("Save as PNG…"))
        self.print_action.setText(_("Print…"))
        self.menu_button.setToolTip(_("Save as PNG or print"))

    def set_body(self, body: QWidget) -> None:
        """Show `body` instead of the current one (the heatmap when the matrix changes)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.replaceWidget(self.body, body)
        self.body.hide()
        self.body.deleteLater()
        self.body = body

    def image(self) -> QPixmap:
        """The card's picture with its title (and note) above, on white: saved and printed."""
        picture = self.body.grab()
        ratio = picture.devicePixelRatio()
        width = max(1, int(picture.width() / ratio))
        height = int(picture.height() / ratio)
        lines = [(self.title.text(), self.title.font(), QColor("#000000"))]
        if self.note.text():
            lines.append((self.note.text(), self.note.font(), QColor(NOTE_COLOUR)))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        boxes = [
            QFontMetrics(font).boundingRect(QRect(0, 0, width - 16, 1000), flags, text)
            for text, font, _colour in lines
        ]
        head = 8 + sum(box.height() + 4 for box in boxes)
        image = QPixmap(int(width * ratio), int((height + head) * ratio))
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        top = 6
        for (text, font, colour), box in zip(lines, boxes, strict=True):
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(QRect(8, top, width - 16, box.height()), flags, text)
            top += box.height() + 4
        painter.drawPixmap(0, head, picture)
        painter.end()
        return image

    def save_png(self, path: str | None = None) -> bool:
        """Save the picture (asks where unless `path` is given); False if nothing was saved."""
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Save as PNG"), self.file_name, "PNG (*.png)"
            )
        if not path:
            return False
        if self.image().save(path, "PNG"):
            return True
        QMessageBox.warning(self, _("Save as PNG"), _("Could not save {path}.").format(path=path))
        return False

    def print_chart(self, printer: object | None = None) -> bool:
        """Print the picture on one page, as large as fits (asks for the printer if not given)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        assert isinstance(printer, QPrinter)
        image = self.image()
        painter = QPainter()
        if not painter.begin(printer):
            return False
        page = painter.viewport()
        size = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.setViewport(page.x(), page.y(), size.width(), size.height())
        painter.setWindow(image.rect())
        painter.drawPixmap(0, 0, image)
        painter.end()
        return True
