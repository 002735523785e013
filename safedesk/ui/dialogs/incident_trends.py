"""Trends: near misses, at-risk behaviour and injuries per month; the safety pyramid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.db.incident_stats import MonthFigures, monthly_figures
from safedesk.domain.incidents import at_risk_share, near_misses_per_injury
from safedesk.i18n import _
from safedesk.ui.choices import fill_units


def write_trends_xlsx(figures: list[MonthFigures], path: Path) -> Path:
    """The monthly figures as a sheet with real dates, header frozen, filters on."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Trends")[:31]
    sheet.append([_("Month"), _("Near misses"), _("Safe"), _("At risk"), _("Injured")])
    for m in figures:
        sheet.append([m.month, m.near_misses, m.safe, m.at_risk, m.injured])
        sheet.cell(sheet.max_row, 1).number_format = "mm.yyyy"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(path)
    return path


class TrendsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_("Near misses and at-risk behaviour: trends"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.unit = QComboBox()
        fill_units(self.unit, db, _("All units"))
        export = QPushButton(_("Export to XLSX…"))
        export.clicked.connect(self.export)
        bar = QHBoxLayout()
        for widget in (QLabel(_("Year")), self.year, QLabel(_("Unit")), self.unit):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(export)
        self.pyramid = QLabel()
        self.pyramid.setObjectName("pyramid")
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pyramid)
        layout.addWidget(self.view, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.unit.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(900, 560)
        self.refresh()

    def figures(self) -> list[MonthFigures]:
        year = self.year.value()
        with self.db.session() as s:
            return monthly_figures(
                s, dt.date(year, 1, 1), dt.date(year, 12, 31), self.unit.currentData()
            )

    def refresh(self) -> None:
        figures = self.figures()
        near = sum(m.near_misses for m in figures)
        injured = sum(m.injured for m in figures)
        ratio = near_misses_per_injury(near, injured)
        self.pyramid.setText(
            _("Near misses: {near} · injured: {injured} · near misses per injury: {ratio}").format(
                near=near, injured=injured, ratio=f"{ratio:.1f}" if ratio is not None else "—"
            )
        )
        chart = QChart()
        chart.setTitle(_("Per month"))
        bars = QBarSeries()
        near_set, injured_set = QBarSet(_("Near misses")), QBarSet(_("Injured"))
        share = QLineSeries()
        share.setName(_("At-risk behaviour, %"))
        for i, m in enumerate(figures):
            near_set.append(m.near_misses)
            injured_set.append(m.injured)
            share.append(i + 0.0, 100 * at_risk_share(m.safe, m.at_risk))
        injured_set.setColor(QColor("#e67e22"))
        share.setColor(QColor("#c0392b"))
        bars.append(near_set)
        bars.append(injured_set)
        chart.addSeries(bars)
        chart.addSeries(share)
        months = QBarCategoryAxis()
        months.append([m.month.strftime("%m.%y") for m in figures])
        counts, percent = QValueAxis(), QValueAxis()
        counts.setLabelFormat("%d")
        highest = max([1, *(max(m.near_misses, m.injured) for m in figures)])
        counts.setRange(0, highest)
        counts.applyNiceNumbers()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d %%")
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(percent, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(months)
        bars.attachAxis(counts)
        share.attachAxis(months)
        share.attachAxis(percent)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view.setChart(chart)

    def export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export to XLSX…"), f"trends-{self.year.value()}.xlsx", "Excel (*.xlsx)"
        )
        if name:
            write_trends_xlsx(self.figures(), Path(name))
